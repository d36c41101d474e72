"""Throughput of `quotes extract` against one full spaCy pass over the same texts, side by side.

    .venv/bin/python bench/bench_extract.py [CORPUS] [--reps 5] [--model NAME] [--jobs 2] [--scaling only|no]

CORPUS is a folder (or file) of articles; the default is the polnear-dev texts when they are on this
machine, else the project's seeds. Three sides, each in its own process with its pipeline loaded once
and one untimed warm-up run, then timed in turn (A B C A B C ...; the median of each is reported):

- quotes extract: the library path the CLI runs (`parallel.extract_stream`, jobs=1, JSONL rows made);
- spaCy full pass: `list(nlp.pipe(texts))` with every component of the same pipeline enabled;
- quotes --jobs N: the same extraction through a warm pool of N worker processes.

Peak memory is each side's max RSS (for the pool: the coordinating process and its largest worker).

Then the scaling cases (`scaling_cases.py`: a long line of quoted prose, thousands of open marks, an
article naming thousands of people, an article past spaCy's 1,000,000-character limit): each extracted at
n and at 5n characters in one process, with the ratio of the two times (target: at most 6x for 5x the size).
`--scaling only` runs just these, `--scaling no` skips them.
"""
from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import resource
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = Path("/work/shared/corpora/polnear-dev/texts")
TARGET = 3.0  # speaker attribution may not cost the speed-up: at least 3x one full spaCy pass
SCALING_TARGET = 6.0  # the time at 5x the size, at most this many times the time at 1x


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def hwm_mib(pid: int) -> float:
    """A process's peak RSS from /proc (Linux), 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def parallel_cpus() -> int:
    from quotes.parallel import resolve_jobs

    return resolve_jobs(0)


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by these processes, from /proc (Linux), 0 when unknown."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def load_articles(corpus: str) -> list:
    from quotes import ingest

    return [a for a in ingest.read([corpus]) if not isinstance(a, ingest.Problem)]


def side(kind: str, corpus: str, model: str | None, jobs: int, conn) -> None:
    """One side of the benchmark, in its own process: load once, then time a run per 'run' message."""
    logging.getLogger("quotes").setLevel(logging.ERROR)  # the corpus's unbalanced quote marks: not timed noise
    articles = load_articles(corpus)
    pool = None
    if kind == "spacy":
        from quotes import nlp as loader

        pipeline = loader.load(model)  # every component enabled
        texts = [a.text for a in articles]

        def run() -> int:
            return len(list(pipeline.pipe(texts)))
    else:
        from quotes import parallel
        from quotes.render.quotes import jsonl_line

        if kind == "pool":
            pool = parallel.ExtractorPool(model, jobs).__enter__()
            stream = pool.extract_many
        else:
            stream = lambda arts: parallel.extract_stream(arts, model, 1)  # noqa: E731

        def run() -> int:
            return sum(len(jsonl_line(q)) > 0 for _, quotes in stream(articles) for q in quotes)
    conn.send(("ready", len(articles)))
    while (msg := conn.recv()) != "stop":
        if msg == "run":
            pids = pool.pids if pool else [os.getpid()]
            cpu, start = cpu_seconds(pids), time.perf_counter()
            n = run()
            conn.send((time.perf_counter() - start, n, cpu_seconds(pids) - cpu))
        elif msg == "memory":
            workers = [hwm_mib(pid) for pid in pool.pids] if pool else []
            conn.send((rss_mib(), max(workers, default=0.0)))
    if pool is not None:
        pool.__exit__(None, None, None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(POLNEAR_DEV if POLNEAR_DEV.is_dir() else PROJECT / "seeds"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--model", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scaling", choices=("yes", "only", "no"), default="yes")
    args = ap.parse_args()
    if args.scaling != "only":
        compare(args)
    if args.scaling != "no":
        return scaling(args.model)
    return 0


def scaling(model: str | None) -> int:
    """Each scaling case at n and 5n characters; 1 when a ratio is over the target."""
    from scaling_cases import CASES

    from quotes.extract.pipeline import Extractor
    from quotes.model import Article

    logging.getLogger("quotes").setLevel(logging.ERROR)  # the open-marks case warns about every mark
    ex = Extractor(model)
    ex.extract(Article("warm-up", 'He said "yes."'))
    print()
    print(f"scaling: time at n and 5n characters (target: 5n at most {SCALING_TARGET:.0f}x n); load {load()}")
    print(f"{'case':14} {'n chars':>9} {'s':>7} {'quotes':>7} {'5n chars':>9} {'s':>7} {'quotes':>7} {'ratio':>6}")
    over = 0
    for name, (make, n) in CASES.items():
        row = []
        for size in (n, 5 * n):
            article = Article(name, make(size))
            start = time.perf_counter()
            found = ex.extract(article)
            row.append((len(article.text), time.perf_counter() - start, len(found)))
        ratio = row[1][1] / row[0][1]
        over += ratio > SCALING_TARGET
        print(f"{name:14} " + " ".join(f"{c:>9} {t:>7.2f} {q:>7}" for c, t, q in row)
              + f" {ratio:>5.2f}x {'ok' if ratio <= SCALING_TARGET else 'OVER TARGET'}")
    return 1 if over else 0


def compare(args) -> None:
    from quotes import nlp

    articles = load_articles(args.corpus)
    if not articles:
        sys.exit(f"bench_extract: no articles under {args.corpus}")
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {args.corpus}  articles: {len(articles)}  words: {words}  model: {nlp.model_name(args.model)}")
    print(f"repetitions: {args.reps} each, alternating (quotes, spacy, pool), after one warm-up run each")

    ctx = multiprocessing.get_context("spawn")
    names = {"quotes": "quotes extract", "spacy": "spaCy full pass", "pool": f"quotes --jobs {args.jobs}"}
    sides = {}
    for kind in names:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=side, args=(kind, args.corpus, args.model, args.jobs, child))
        proc.start()
        sides[kind] = (proc, parent)
    for _, conn in sides.values():
        conn.recv()  # ready
        conn.send("run")
        conn.recv()  # warm-up
    times: dict[str, list[float]] = {k: [] for k in sides}
    counts: dict[str, int] = {}
    cpu: dict[str, list[float]] = {k: [] for k in sides}
    for _ in range(args.reps):
        for kind, (_, conn) in sides.items():
            conn.send("run")
            seconds, counts[kind], used = conn.recv()
            times[kind].append(seconds)
            cpu[kind].append(used)
    memory = {}
    for kind, (proc, conn) in sides.items():
        conn.send("memory")
        memory[kind] = conn.recv()
        conn.send("stop")
        proc.join()

    med = {k: statistics.median(v) for k, v in times.items()}
    print()
    print(f"{'':18} {'median s':>9} {'min s':>7} {'max s':>7} {'articles/s':>11} {'words/s':>9} {'max RSS MiB':>22}")
    for kind, label in names.items():
        rss, worker = memory[kind]
        mem = f"{rss:.0f}" + (f" + {worker:.0f}/worker" if worker else "")
        print(f"{label:18} {med[kind]:>9.3f} {min(times[kind]):>7.3f} {max(times[kind]):>7.3f} "
              f"{len(articles) / med[kind]:>11.1f} {words / med[kind]:>9.0f} {mem:>22}")
    ratio = med["spacy"] / med["quotes"]
    speedup = med["quotes"] / med["pool"]
    print()
    print(f"quotes extract vs full spaCy pass: {ratio:.2f}x faster (target >= {TARGET}x) "
          f"{'ok' if ratio >= TARGET else 'BELOW TARGET'}")
    print(f"--jobs {args.jobs} speed-up over --jobs 1: {speedup:.2f}x")
    best = {k: min(v) for k, v in times.items()}
    print(f"on the fastest runs (a busy machine slows the medians): {best['spacy'] / best['quotes']:.2f}x vs the "
          f"full pass, --jobs {args.jobs} {best['quotes'] / best['pool']:.2f}x; CPUs available: "
          f"{parallel_cpus()}, load average {load()}")
    print(f"CPU seconds per run (median): quotes {statistics.median(cpu['quotes']):.2f}, --jobs {args.jobs} workers "
          f"{statistics.median(cpu['pool']):.2f} in {med['pool']:.2f} s wall "
          f"({statistics.median(cpu['pool']) / med['pool']:.2f} cores busy on average)")
    print(f"quotes found: {counts['quotes']} (--jobs {args.jobs}: {counts['pool']})")


if __name__ == "__main__":
    sys.exit(main())
