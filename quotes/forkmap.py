"""Running parts of one job in forked worker processes that share the parent's data (copy-on-write).

Only for large inputs on platforms that fork: the data (an index of quotes) is never pickled, only each
part's result travels back. Ctrl-C is left to the parent, which stops the pool.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Callable
from typing import Any

_JOB: tuple[Callable[[Any, int, int], Any], Any, int] | None = None  # read by the forked workers


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(part: int) -> Any:
    func, shared, parts = _JOB  # type: ignore[misc]
    return func(shared, part, parts)


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def fork_map(func: Callable[[Any, int, int], Any], shared: Any, parts: int, jobs: int) -> list[Any]:
    """[func(shared, part, parts) for part in range(parts)], computed by `jobs` forked processes."""
    global _JOB
    _JOB = (func, shared, parts)
    try:
        with mp.get_context("fork").Pool(jobs, initializer=_ignore_sigint) as pool:
            return pool.map(_run, range(parts))
    finally:
        _JOB = None
