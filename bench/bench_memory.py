"""Peak memory of `quotes extract` over 2k and 20k synthetic articles: streaming keeps it flat.

    .venv/bin/python bench/bench_memory.py [--sizes 2000 20000] [--layout folder|jsonl|both] [--seed 7]

Each size is a fresh child process `python -m quotes extract --format jsonl --quiet` over N articles
generated (seeded) into a temporary folder, one .txt file each, or into one .jsonl file; its max RSS comes
from `os.wait4`. The target: the largest run within 1.5x of the smallest.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5

FIRST = ["Ana", "Bo", "Ca", "De", "El", "Fa", "Gu", "Ha", "Ior", "Ju", "Ke", "Lo", "Ma", "Ni", "Os", "Pe"]
SYL = ["ra", "ven", "to", "li", "mar", "ko", "sel", "din", "qua", "bre", "zan", "mo", "tu", "gel", "ris", "an"]
ROLES = ["the minister", "the mayor", "a spokeswoman", "the senator", "the chief executive", "the coach"]
CUES = ["said", "told reporters", "added", "wrote", "stated", "explained"]
WORDS = ("we will not accept any plan that leaves our people behind and the budget must be fair to "
         "everyone in this city who works hard every day for their families the vote next week is about "
         "trust jobs schools roads water and the future nobody should pretend otherwise").split()


def name(rng: random.Random) -> str:
    """A person's name nobody has used before: each article adds new words to the vocabulary."""
    return f"{rng.choice(FIRST)}{rng.choice(SYL)} {rng.choice(SYL).title()}{rng.choice(SYL)}{rng.choice(SYL)}"


def words(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def article(rng: random.Random, n: int) -> str:
    """A short news article: a headline, a paragraph of reporting, attributed quotes, a scare quote."""
    who, other = name(rng), name(rng)
    role = rng.choice(ROLES)
    paras = [
        f"{who.split()[1]} faces {rng.randint(2, 999)} questions over plan {n}",
        f"{who}, {role}, spoke on {rng.choice(['Monday', 'Tuesday', 'Friday'])} about {words(rng, 8, 16)}.",
        f"“{words(rng, 8, 20).capitalize()},” {who.split()[1]} {rng.choice(CUES)}. “{words(rng, 5, 14).capitalize()}.”",
        f"{other} {rng.choice(CUES)}: “{words(rng, 6, 18).capitalize()}.”",
        f"Critics called the proposal a “{words(rng, 1, 3)}” and said {words(rng, 6, 12)}.",
    ]
    return "\n\n".join(paras) + "\n"


def generate(root: Path, n: int, seed: int, layout: str) -> Path:
    rng = random.Random(seed)
    if layout == "jsonl":
        path = root / "articles.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": f"a{i}", "text": article(rng, i)}, ensure_ascii=False) + "\n")
        return path
    folder = root / "articles"
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:06d}.txt").write_text(article(rng, i), encoding="utf-8")
    return folder


def measure(target: Path) -> tuple[float, float, int]:
    """(max RSS in MiB, seconds, output lines) of one `quotes extract` child over `target`."""
    cmd = [sys.executable, "-m", "quotes", "extract", "--format", "jsonl", "--quiet", str(target)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = 0
    for _ in proc.stdout:
        lines += 1
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench_memory: quotes extract failed ({proc.returncode}): {err.strip()[-400:]}")
    return usage.ru_maxrss / 1024, seconds, lines  # ru_maxrss is in KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--layout", choices=["folder", "jsonl", "both"], default="both")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    layouts = ["folder", "jsonl"] if args.layout == "both" else [args.layout]
    print(f"{'layout':8} {'articles':>9} {'quotes':>8} {'seconds':>8} {'articles/s':>10} {'max RSS MiB':>12}")
    ok = True
    for layout in layouts:
        peaks = []
        for n in sorted(args.sizes):
            with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
                target = generate(Path(tmp), n, args.seed, layout)
                rss, secs, lines = measure(target)
            peaks.append(rss)
            print(f"{layout:8} {n:>9} {lines:>8} {secs:>8.1f} {n / secs:>10.0f} {rss:>12.1f}", flush=True)
        ratio = peaks[-1] / peaks[0]
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        ok &= ratio <= TARGET
        print(f"{layout:8} peak ratio {max(args.sizes)}/{min(args.sizes)}: {ratio:.2f}x (target <= {TARGET}x) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
