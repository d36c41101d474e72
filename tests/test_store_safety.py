"""Two real processes writing one store at once, and a process killed in the middle of adding."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from quotes.store import Store, queries

# adds articles `tag`-0 ... `tag`-(n-1), each with `per` quotes, printing each id once committed;
# n = 0 runs until killed
WRITER = textwrap.dedent("""
    import sys
    from quotes.model import Article, Quote, Speaker
    from quotes.store import Store

    db, tag, n, per = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with Store(db, timeout=60) as store:
        i = 0
        while n == 0 or i < n:
            words = [f"{tag} article {i} remark {j} about the summit" for j in range(per)]
            text = "".join(f'Kim Jong Un said: "{w}"\\n' for w in words)
            art = Article(path=f"{tag}/{i}.txt", text=text)
            quotes, pos = [], 0
            for w in words:
                s = text.index(w, pos)
                pos = s + len(w)
                quotes.append(Quote(art.path, art.id, w, s, pos, 1, 1, "speech",
                                    Speaker("Kim Jong Un", "Kim Jong Un", 0, 11, "name")))
            assert store.add(art, quotes)
            print(art.id, flush=True)
            i += 1
""")


def writer(db, tag: str, n: int, per: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, str(n), str(per)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# opens a new store from several processes released at the same instant, over many fresh files
OPENERS = textwrap.dedent("""
    import multiprocessing as mp, os, sys
    from quotes.errors import StoreError
    from quotes.store import Store

    def open_it(path, barrier):
        barrier.wait()
        try:
            with Store(path):
                return None
        except StoreError as e:
            return str(e)

    if __name__ == "__main__":
        folder, rounds = sys.argv[1], int(sys.argv[2])
        with mp.Manager() as m, mp.Pool(4) as pool:
            for i in range(rounds):
                barrier = m.Barrier(4)
                for err in pool.starmap(open_it, [(os.path.join(folder, f"{i}.db"), barrier)] * 4):
                    if err:
                        print(err)
""")


def test_processes_creating_the_same_store_at_once_all_succeed(tmp_path):
    # two connections switching a new file to WAL at once can deadlock on its locks; SQLite fails one
    # at once (no busy wait) and the store retries it
    script = tmp_path / "openers.py"
    script.write_text(OPENERS, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), str(tmp_path), "60"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""


def test_two_processes_adding_at_once_both_succeed(tmp_path):
    db = tmp_path / "q.db"
    procs = [writer(db, tag, 60, 5) for tag in ("left", "right")]  # both also create the store at once
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert len(out.split()) == 60
    with Store(db) as s:
        assert s.counts()["articles"] == 120
        assert s.counts()["quotes"] == 600
        assert s.counts()["speakers"] == 1  # both writers' names resolved to one identity
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_process_killed_while_adding_leaves_every_committed_article(tmp_path):
    db = tmp_path / "q.db"
    p = writer(db, "killed", 0, 40)
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 25 and time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(p.pid, signal.SIGKILL)  # most likely in the middle of an article's transaction
    p.wait(timeout=30)
    committed += p.stdout.read().split()  # ids printed before the kill landed
    assert p.returncode == -signal.SIGKILL and len(committed) >= 25
    with Store(db) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in s.db.execute("SELECT id FROM articles")}
        assert set(committed) <= stored
        assert len(stored) - len(committed) <= 1  # at most the one committed between print and kill
        # no article is stored in part: each has all 40 of its quotes
        counts = {r[0] for r in s.db.execute("SELECT COUNT(*) FROM quotes GROUP BY article_id")}
        assert counts == {40}
        assert s.db.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'summit'").fetchone()[0] == 40 * len(stored)


def test_two_quotes_add_commands_at_once_both_succeed(tmp_path):
    from quotes.model import Article, Quote, Speaker

    files = []
    for tag in ("one", "two"):
        f = tmp_path / f"{tag}.jsonl"
        with f.open("w", encoding="utf-8") as fh:
            for i in range(150):
                art = Article(f"{tag}/{i}.txt", f'Lee Jae Myung said: "{tag} {i} words"\n')
                q = Quote(art.path, art.id, f"{tag} {i} words", 21, 21 + len(f"{tag} {i} words"), 1, 22, "speech",
                          Speaker("Lee Jae Myung", "Lee Jae Myung", 0, 13, "name"))
                fh.write(json.dumps(q.to_dict()) + "\n")
        files.append(f)
    db = tmp_path / "q.db"
    procs = [subprocess.Popen([sys.executable, "-m", "quotes", "add", "--from-quotes", str(f), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out == "added 150 articles (0 new versions) with 150 quotes; 0 already stored\n"
    with Store(db) as s:
        assert s.counts()["articles"] == 300 and s.counts()["speakers"] == 1


# adds two articles, then starts a third and stops half-way through its transaction, waiting to be killed
HALF_WAY = textwrap.dedent("""
    import sys, time
    from quotes.model import Article, Quote
    from quotes.store import Store

    def article(i):
        words = f"remark number {i} about the talks"
        art = Article(path=f"{i}.txt", text=f'He said: "{words}"\\n')
        return art, [Quote(art.path, art.id, words, 10, 10 + len(words), 1, 11, "speech")]

    with Store(sys.argv[1]) as store:
        store.add(*article(1))
        store.add(*article(2))
        art, quotes = article(3)
        with store.transaction():
            store.db["articles"].insert({"id": art.id, "path": art.path, "text": art.text, "version": 1})
            store.db["quotes"].insert({"id": quotes[0].quote_id, "article_id": art.id, "text": quotes[0].text})
            print("half-way", flush=True)
            time.sleep(120)
""")


def test_a_process_killed_inside_a_transaction_leaves_no_trace_of_it(tmp_path):
    db = tmp_path / "q.db"
    p = subprocess.Popen([sys.executable, "-c", HALF_WAY, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    assert p.stdout.readline().strip() == "half-way", p.stderr.read()
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    with Store(db) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in s.db.execute("SELECT path FROM articles ORDER BY path")] == ["1.txt", "2.txt"]
        assert sorted(h.recorded.source for h in queries.search(s, "talks")) == ["1.txt", "2.txt"]
