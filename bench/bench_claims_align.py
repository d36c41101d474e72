"""Alignment and comparison of many claims without all-pairs work: prints claims, blocks, seconds, peak MB.

Synthetic claims (no model): N articles each giving counts, titles and reports about a pool of people,
so that blocks grow with N. Usage: python bench/bench_claims_align.py [N_ARTICLES]
"""
from __future__ import annotations

import random
import sys
import time
import tracemalloc

from quotes.claims.compare import findings
from quotes.claims.model import Claim, Value

NOUNS = ["meeting", "summit", "visit", "test", "rally", "bill", "strike"]
PEOPLE = [f"Person{i} Name{i}" for i in range(300)]
WORDS = [f"word{i}" for i in range(2000)]


def make(n_articles: int, seed: int = 7) -> list[Claim]:
    rnd = random.Random(seed)
    out = []
    for a in range(n_articles):
        art = f"art{a}.txt"
        for k in range(12):
            kind = rnd.choice(["count", "title", "reported"])
            p = rnd.sample(PEOPLE, 2)
            if kind == "count":
                noun = rnd.choice(NOUNS)
                v = Value("number", f"{rnd.randint(2, 5)} {noun}s", str(rnd.randint(2, 5)), 0, 5)
                key, participants, subject = noun, tuple(p), " & ".join(p)
            elif kind == "title":
                status = rnd.choice(["former", "current", "?"])
                v = Value("title", "title", f"{status}|president|-|-", 0, 5)
                key, participants, subject = p[0].split()[-1].lower(), (p[0],), p[0]
            else:
                v = Value("statement", "s", rnd.choice(["positive", "negative"]), 0, 1)
                key, participants, subject = p[0].split()[-1].lower(), (p[0],), p[0]
            out.append(Claim(article=art, article_id=art, kind=kind, key=key, slot=f"{kind} {key}", subject=subject,
                             participants=participants, values=(v,), text="t", start_char=k, end_char=k + 1,
                             line=1, words=tuple(rnd.sample(WORDS, 6)), scope=("say",)))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    claims = make(n)
    t0 = time.perf_counter()
    fs = findings(claims)
    secs = time.perf_counter() - t0
    tracemalloc.start()  # a second run for memory: tracing slows the first one down
    findings(claims)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    print(f"claims aligned: {len(claims)} from {n} articles; findings {len(fs)}; "
          f"{secs:.2f} s; {len(claims) / secs:.0f} claims/s; peak {peak:.1f} MB")


if __name__ == "__main__":
    main()
