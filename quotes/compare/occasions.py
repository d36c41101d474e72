"""When an article appeared, as far as the input says: for telling two occasions of one speaker apart.

An article's date comes from its metadata (an HTML page's or a JSON row's `date`), else from an ISO date
(YYYY-MM-DD) in its name, as in `outlet_2016-08-10_title.txt`; an article without either has no date.
Two renderings from articles dated more than `APART_DAYS` apart may be two occasions: the same speaker
saying much the same thing again (a stump line, an interview and a later debate) or somebody else
repeating a famous line. See `QuoteIndex` for what such a pair still needs to be linked.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

APART_DAYS = 30  # articles further apart than this may report two occasions
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def day(name: str, date: str | None = None) -> int | None:
    """The day (a proleptic Gregorian ordinal) of an article's date, else of an ISO date in its name."""
    for text in (date, name):
        m = _ISO.search(text or "")
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            except ValueError:  # 2016-02-30
                continue
    return None


def days(names: Iterable[str], dates: Mapping[str, str] | None = None) -> dict[str, int]:
    """The day of every article that has one, by article name."""
    dates = dates or {}
    out = {}
    for n in names:
        d = day(n, dates.get(n))
        if d is not None:
            out[n] = d
    return out


def apart(a: int | None, b: int | None) -> bool:
    """Are two articles' days known and more than APART_DAYS apart?"""
    return a is not None and b is not None and abs(a - b) > APART_DAYS
