"""Date normalisation: "June", "in June 2025", "Wednesday", "December 2024", "Feb. 3, 2019", "2018", "5/12".

Pure text, no model. A `When` keeps only what the words say (a month with no year stays a month with no
year), so "June" and "June 2025" are compatible and "June" and "July" are not. Relative phrases
("last month", "months later", "recently") give None: they cannot be compared without a dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
WEEKDAYS.update({d[:3]: i for d, i in list(WEEKDAYS.items())})
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_IGNORED = {"in", "on", "of", "the", "since", "by", "during", "early", "late", "mid", "until", "from",
            "last", "this", "next", "and", "at"}
NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")
_RELATIVE = {"last", "next", "this", "ago", "later", "earlier", "recently", "yesterday", "today", "tomorrow"}


@dataclass(frozen=True)
class When:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday

    def __str__(self) -> str:
        parts = []
        if self.year or self.month:
            y = f"{self.year:04d}" if self.year else "XXXX"
            m = f"-{self.month:02d}" if self.month else ""
            d = f"-{self.day:02d}" if self.day and self.month else ""
            parts.append(y + m + d)
        if self.weekday is not None:
            parts.append("monday tuesday wednesday thursday friday saturday sunday".split()[self.weekday])
        return " ".join(parts)

    def compatible(self, other: When) -> bool:
        """No field that both give differs."""
        for f in ("year", "month", "day", "weekday"):
            a, b = getattr(self, f), getattr(other, f)
            if a is not None and b is not None and a != b:
                return False
        return True

    @property
    def specificity(self) -> int:
        return sum(getattr(self, f) is not None for f in ("year", "month", "day", "weekday"))


def parse_date(text: str) -> When | None:
    """The calendar date a phrase names, or None when it names none (or only a relative one)."""
    m = NUMERIC_DATE.fullmatch(text.strip())
    if m:  # "5/12", "5/12/2016": month first, as US news writes it
        month, day = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        if year is not None and year < 100:
            year += 2000
        return When(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    words = re.findall(r"[a-z]+|\d+", text.casefold().replace("’", "'"))
    if not words or any(w in _RELATIVE for w in words) and not any(w in MONTHS or w.isdigit() for w in words):
        return None
    if any(w in ("ago", "later", "earlier") for w in words):
        return None
    year = month = day = weekday = None
    for w in words:
        if w in _IGNORED or w in SEASONS or w in ("st", "nd", "rd", "th"):
            continue
        if w in MONTHS and month is None:
            month = MONTHS[w]
        elif w in WEEKDAYS and weekday is None:
            weekday = WEEKDAYS[w]
        elif w.isdigit() and len(w) == 4 and 1000 <= int(w) <= 2999 and year is None:
            year = int(w)
        elif w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31 and day is None:
            day = int(w)
        elif w.isdigit() and len(w) == 1 + 1 + 2 and w.endswith("s"):
            continue
        else:
            return None
    if day is not None and month is None:
        return None  # "on the 3rd" alone is not a date we can compare
    if year is month is weekday is None:
        return None
    return When(year, month, day, weekday)
