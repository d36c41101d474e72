"""Two real processes writing one store at once, and a process killed in the middle of adding."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from quotes.store import Store

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


def test_two_processes_adding_at_once_both_succeed(tmp_path):
    db = tmp_path / "q.db"
    procs = [writer(db, tag, 60, 5) for tag in ("left", "right")]  # both also create the store at once
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
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
