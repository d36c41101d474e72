"""Half-open ranges of token indices (or character offsets), asked "is i inside one of them?" in O(log n)."""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator


class TokenRanges:
    """Half-open token ranges [a, b); `covers(i)` is `any(a <= i < b for a, b in ranges)` by bisect over
    the starts and the furthest end reached so far (ranges may overlap)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        self._ranges = list(ranges)
        ordered = sorted(self._ranges)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []
        far = -1
        for _, b in ordered:
            far = max(far, b)
            self._reach.append(far)

    def covers(self, i: int) -> bool:
        k = bisect.bisect_right(self._starts, i) - 1
        return k >= 0 and self._reach[k] > i

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._ranges)

    def __len__(self) -> int:
        return len(self._ranges)


def as_ranges(ranges: TokenRanges | Iterable[tuple[int, int]]) -> TokenRanges:
    return ranges if isinstance(ranges, TokenRanges) else TokenRanges(ranges)
