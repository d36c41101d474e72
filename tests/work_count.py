"""Counting the work a stage does on a text, to test that it grows linearly (no timing).

Work is the lines of `quotes` code executed (a trace function that follows `quotes/` frames only) plus the
characters the code reads through a `CountingStr` text: every character of a slice, the stretch a
find/rfind call scans to its match, the range a count call scans, one for startswith/endswith. A stage that rescans a paragraph (or the text from its
start) for every quote shows up in either measure, whether the loop is in Python or in a string method.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import quotes

QUOTES_DIR = str(Path(quotes.__file__).resolve().parent)
BENCH = Path(__file__).resolve().parent.parent / "bench" / "scaling_cases.py"


def scaling_cases():
    """The bench's generators (bench/scaling_cases.py): name -> (make(size) -> text, n)."""
    spec = importlib.util.spec_from_file_location("scaling_cases", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.CASES


class CountingStr(str):
    """A str that counts the characters its methods are asked to read (class-wide counter `read`)."""

    read = 0

    def __getitem__(self, key):
        out = str.__getitem__(self, key)
        CountingStr.read += len(out) if isinstance(key, slice) else 1
        return out

    def _bounds(self, start=None, end=None) -> tuple[int, int]:
        a, b, _ = slice(start, end).indices(len(self))
        return a, max(a, b)

    def find(self, sub, start=None, end=None):
        a, b = self._bounds(start, end)
        k = str.find(self, sub, start, end)
        CountingStr.read += (k + len(sub) if k >= 0 else b) - a  # up to the first match
        return k

    def rfind(self, sub, start=None, end=None):
        a, b = self._bounds(start, end)
        k = str.rfind(self, sub, start, end)
        CountingStr.read += b - (k if k >= 0 else a)  # back to the last match
        return k

    def count(self, sub, start=None, end=None):
        a, b = self._bounds(start, end)
        CountingStr.read += b - a
        return str.count(self, sub, start, end)

    def startswith(self, prefix, start=None, end=None):
        CountingStr.read += 1
        return str.startswith(self, prefix, start, end)

    def endswith(self, suffix, start=None, end=None):
        CountingStr.read += 1
        return str.endswith(self, suffix, start, end)


def work(fn, *args) -> int:
    """Lines of quotes code run plus characters read (through CountingStr) while `fn(*args)` runs."""
    lines = 0

    def local(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(QUOTES_DIR) else None

    CountingStr.read = 0
    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(old)
    return lines + CountingStr.read
