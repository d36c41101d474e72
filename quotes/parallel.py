"""Extraction over a stream of articles, in this process or in a pool of worker processes.

`extract_stream(articles, model, jobs)` is what `quotes extract` runs. It reads its input lazily and
yields `(article, quotes)` in input order as results come, so memory stays flat however long the stream:

- jobs == 1: the extractor runs here, in batches, each batch inside spaCy's `memory_zone` (the strings and
  vocabulary entries a batch adds are freed after it, so the vocabulary does not grow with the corpus);
- jobs > 1: that many worker processes, each loading the pipeline once; batches of articles go out and
  their quotes (and the warnings logged while finding them) come back in order, with at most a few
  batches per worker in flight (never the whole input queued);
- jobs == 0: one worker per available core.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache

from quotes.errors import QuotesError
from quotes.model import Article, Quote


class WorkerError(QuotesError):
    """A worker process died (killed, out of memory) before returning its batch."""


BATCH = 32  # articles per batch in this process (and per memory zone)
POOL_BATCH = 8  # articles per task sent to a worker: small, so that workers finish together
IN_FLIGHT = 4  # tasks queued per worker: enough to keep every worker busy, bounded


def resolve_jobs(jobs: int) -> int:
    """The number of processes `jobs` means: 0 is one per available core; negative is an error."""
    if jobs < 0:
        raise ValueError(f"--jobs must be 0 (all cores) or more, not {jobs}")
    if jobs == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)
    return jobs


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


@lru_cache(maxsize=4)
def extractor_for(model: str | None):
    """The extractor for `model`, built once per process (workers of a pool or of a Dask cluster)."""
    from quotes.extract import Extractor

    return Extractor(model)


def extract_batch(extractor, articles: list[Article]) -> list[list[Quote]]:
    """The quotes of each article of a batch, the strings the batch adds to the vocabulary freed after it."""
    nlp = getattr(extractor, "nlp", None)
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with zone:
        return [list(quotes) for _, quotes in extractor.extract_many(articles)]


def extract_serial(articles: Iterable[Article], model: str | None = None,
                   batch: int = BATCH) -> Iterator[tuple[Article, list[Quote]]]:
    extractor = extractor_for(model)
    for chunk in batched(articles, batch):
        yield from zip(chunk, extract_batch(extractor, chunk), strict=True)


# ---- the worker side ------------------------------------------------------------------------------

_worker_model: str | None = None
_worker_error: BaseException | None = None


def _worker_init(model: str | None) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle; the pipeline is loaded now, once."""
    global _worker_model, _worker_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_model = model
    try:
        extractor_for(model)
    except Exception as e:  # raised again with the first batch, so the parent reports it (no respawn loop)
        _worker_error = e


class _Capture(logging.Handler):
    """Holds a batch's warnings (logger `quotes`) to send back with its results."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _worker_run(articles: list[Article]) -> tuple[list[list[Quote]], list[tuple[str, int, str]]]:
    if _worker_error is not None:
        raise _worker_error
    log, capture = logging.getLogger("quotes"), _Capture()
    log.addHandler(capture)
    log.propagate = False
    try:
        return extract_batch(extractor_for(_worker_model), articles), capture.records
    finally:
        log.removeHandler(capture)


def _context():
    """forkserver where there is one (safe when the parent has threads), else spawn; never plain fork."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class ExtractorPool:
    """`jobs` worker processes, each with its own extractor; `extract_many` keeps the input order.

    Use it as a context manager; the workers start (and load the pipeline) when it is entered. A worker
    that dies (killed, out of memory) is a `WorkerError`, never a hang.
    """

    def __init__(self, model: str | None = None, jobs: int = 2, batch: int = POOL_BATCH, in_flight: int = IN_FLIGHT):
        self.model, self.jobs, self.batch = model, resolve_jobs(jobs), batch
        self.limit = max(1, self.jobs * in_flight)
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractorPool:
        self.executor = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_worker_init,
                                            initargs=(self.model,))
        for _ in range(self.jobs):  # start every worker now, not on the first batches
            self.executor.submit(int)
        return self

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in (getattr(self.executor, "_processes", None) or {}).values()]

    def __exit__(self, *exc) -> None:
        executor, self.executor = self.executor, None
        if executor is None:
            return
        if exc[0] is None:
            executor.shutdown(wait=True)
            return
        # stopped early (an error, Ctrl-C): drop the queued batches and stop the workers at once
        # (Python < 3.14 has no public way to terminate the workers of a ProcessPoolExecutor)
        workers = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in workers:
            proc.terminate()

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        if self.executor is None:
            raise RuntimeError("ExtractorPool.extract_many outside its `with` block")
        pending: deque = deque()
        try:
            for chunk in batched(articles, self.batch):
                pending.append((chunk, self.executor.submit(_worker_run, chunk)))
                if len(pending) >= self.limit:
                    yield from self._collect(pending.popleft())
            while pending:
                yield from self._collect(pending.popleft())
        except BrokenProcessPool as e:
            where = f" (extracting {pending[0][0][0].path} or an article after it)" if pending else ""
            raise WorkerError(f"a worker process stopped{where}: {e}") from None

    @staticmethod
    def _collect(item) -> Iterator[tuple[Article, list[Quote]]]:
        chunk, future = item
        found, records = future.result()
        for name, level, message in records:  # the worker's warnings, logged here as if raised here
            logging.getLogger(name).log(level, "%s", message)
        yield from zip(chunk, found, strict=True)


def extract_stream(articles: Iterable[Article], model: str | None = None,
                   jobs: int = 1) -> Iterator[tuple[Article, list[Quote]]]:
    """Every article's quotes, in input order, with `jobs` processes (1: this one; 0: all cores)."""
    n = resolve_jobs(jobs)
    if n == 1:
        yield from extract_serial(articles, model)
        return
    with ExtractorPool(model, n) as pool:
        yield from pool.extract_many(articles)
