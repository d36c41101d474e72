"""Store benchmark: fill a store with synthetic quotes (seeded), then time lookups and searches.

Prints the add throughput and the median (and 95th percentile) latency of `lookup` (by speaker, with
grouping) and `search` (FTS5, 50 best), against the targets of under 50 ms each.

    .venv/bin/python bench/bench_store.py [--quotes 100000] [--per-article 10] [--seed 7] [--db PATH]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from quotes.model import Article, Quote, Speaker
from quotes.store import Store, queries

SYLLABLES = "ka ri mo tan le su vi no ha ji ro be ma ne del pa or ist an gu".split()


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def make_people(rng: random.Random, n: int) -> list[str]:
    people = set()
    while len(people) < n:
        people.add(f"{word(rng, 2).title()} {word(rng, 3).title()}")
    return sorted(people)


def make_articles(rng: random.Random, quotes: int, per: int, people: list[str], vocab: list[str]):
    """Articles of `per` quotes each; speakers and words drawn with a skew (a few are very common)."""
    weights = [1 / (i + 1) for i in range(len(people))]
    wweights = [1 / (i + 1) ** 0.9 for i in range(len(vocab))]
    for a in range(quotes // per):
        names = rng.choices(people, weights, k=per)
        parts, spans = [], []
        pos = 0
        for name in names:
            said = " ".join(rng.choices(vocab, wweights, k=rng.randint(4, 30)))
            lead = f"{name} said: “"
            spans.append((name, pos, pos + len(lead), pos + len(lead) + len(said)))
            piece = f"{lead}{said}.”\n"
            parts.append(piece)
            pos += len(piece)
        text = f"Article {a}\n" + "".join(parts)
        off = len(f"Article {a}\n")
        art = Article(path=f"synthetic/{a:06d}.txt", text=text, date=f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}")
        qs = [Quote(art.path, art.id, text[off + s:off + e], off + s, off + e, 2 + i, len(name) + 10, "speech",
                    Speaker(name, name, off + ns, off + ns + len(name), "name"))
              for i, (name, ns, s, e) in enumerate(spans)]
        yield art, qs


def timed(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    people = make_people(rng, args.people)
    vocab = sorted({word(rng, rng.randint(1, 4)) for _ in range(6000)})
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.db"

    with Store(path) as store:
        t = time.perf_counter()
        n_articles = n_quotes = 0
        for art, qs in make_articles(rng, args.quotes, args.per_article, people, vocab):
            store.add(art, qs)
            n_articles += 1
            n_quotes += len(qs)
        fill = time.perf_counter() - t
        t = time.perf_counter()
        clusters = store.cluster()  # what `quotes add` does after its batch
        pass_s = time.perf_counter() - t
        size = os.path.getsize(path) / 1e6
        print(f"add: {n_articles} articles, {n_quotes} quotes in {fill:.1f} s = {n_articles / fill:.0f} articles/s, "
              f"{n_quotes / fill:.0f} quotes/s (store {size:.0f} MB, {store.counts()['speakers']} speakers)")
        print(f"clustering pass after the batch: {pass_s:.1f} s ({clusters} utterance clusters); "
              f"add with clustering: {n_quotes / (fill + pass_s):.0f} quotes/s", flush=True)

        stored = [r[0] for r in store.db.execute("SELECT name FROM speakers ORDER BY id")]
        names = [(store, rng.choice(stored)) for _ in range(args.runs)]
        lookups = timed(queries.lookup, names)
        sizes = [queries.lookup(store, n).count for _, n in names[:20]]
        words = [(store, " ".join(rng.sample(vocab[:1500], rng.choice((1, 2))))) for _ in range(args.runs)]
        searches = timed(queries.search, words)
        top = [(store, people[0])] * 5
        heavy = timed(queries.lookup, top)
        heavy_n = queries.lookup(store, people[0]).count
        heavy_limited = timed(lambda st, n: queries.lookup(st, n, limit=20), top)

    def line(label: str, ms: list[float], target: float = 50.0) -> None:
        med = statistics.median(ms)
        p95 = sorted(ms)[int(0.95 * (len(ms) - 1))]
        verdict = "ok" if med < target else "OVER TARGET"
        print(f"{label}: median {med:.1f} ms, p95 {p95:.1f} ms over {len(ms)} runs (target < {target:.0f} ms: {verdict})")

    line("lookup", lookups)
    print(f"  (quotes per looked-up speaker, first 20: median {statistics.median(sizes):.0f}, max {max(sizes)})")
    line("search", searches)
    line(f"lookup of the most quoted speaker ({heavy_n} quotes)", heavy)
    line("the same lookup with --limit 20 (its 20 latest utterances)", heavy_limited)
    tmp.cleanup()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
