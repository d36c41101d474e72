"""Line and column of a character offset, from the line starts of a text found once (then a bisect)."""
from __future__ import annotations

import bisect


class LineIndex:
    """`LineIndex(text).line_col(offset)`: 1-based (line, column) in O(log lines) after one pass."""

    def __init__(self, text: str):
        self._text = text
        self._starts: list[int] | None = None  # found on first use: most texts never need a position

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            starts, find, k = [0], self._text.find, self._text.find("\n")
            while k >= 0:
                starts.append(k + 1)
                k = find("\n", k + 1)
            self._starts = starts
        return self._starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset` (an offset past the end counts from the last line start)."""
        starts = self._line_starts()
        k = bisect.bisect_right(starts, max(offset, 0)) - 1
        # a newline at `offset` itself belongs to the line it ends, as `text.count("\\n", 0, offset)` has it
        return k + 1, offset - starts[k] + 1

    def position(self, offset: int) -> str:
        """Where `offset` is, as a reader finds it: "line 3, column 14" (both from 1)."""
        line, col = self.line_col(offset)
        return f"line {line}, column {col}"

    @property
    def text(self) -> str:
        return self._text

    def line_start(self, offset: int) -> int:
        """Where the line holding `offset` starts: `text.rfind("\\n", 0, offset) + 1`, by bisect."""
        starts = self._line_starts()
        return starts[bisect.bisect_right(starts, max(offset, 0)) - 1]

    def line_end(self, offset: int) -> int:
        """The first newline at or after `offset` (the text's length when none): `text.find("\\n", offset)`."""
        starts = self._line_starts()
        k = bisect.bisect_left(starts, max(offset, 0) + 1)
        return starts[k] - 1 if k < len(starts) else len(self._text)


def blank_between(text: str, start: int, offset: int) -> bool:
    """Is `text[start:offset]` only white space? (`text[start:offset].strip() == ""`, read backwards from
    `offset` and stopping at the first other character, so asking it for every quote of a long paragraph
    costs the spaces before each, not the paragraph.)"""
    k = offset
    while k > start and text[k - 1].isspace():
        k -= 1
    return k <= start
