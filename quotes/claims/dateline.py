"""When and where an article was written, and what its relative dates mean: "this year" in an article of May 2016 is
2016, "Dec. 2" in an article of Dec. 22 2015 is 2 December 2015, a Wednesday.

The place of a dateline opens a paragraph in capitals before a dash: "RIVERTON - ...", "RIVERTON, Ohio
(AP) — ...".

An article's date is its own metadata (`Article.date`, from HTML or JSON input), else an ISO date in its
file name ("outlet_2016-05-26_slug.txt"). Pure text, no model.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from quotes.claims.dates import When
from quotes.model import Article

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
# "RIVERTON - ", "RIVERTON, Ohio (AP) — ", "NEW YORK (Reuters) - ": the town in capitals, its region, the agency
_PLACE = re.compile(r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                    r"(?: \([A-Za-z ]+\))? ?[-—–]{1,2} ")
_RELATIVE_YEAR = {"this year": 0, "earlier this year": 0, "last year": -1, "next year": 1, "later this year": 0}


def article_date(article: Article) -> dt.date | None:
    for text in (article.date or "", Path(article.path).name):
        m = _ISO.search(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def relative_year(text: str, written: dt.date | None) -> When | None:
    """"this year" / "last year" / "next year" as a calendar year, given the article's date."""
    if written is None:
        return None
    t = " ".join(text.casefold().split())
    for phrase, delta in _RELATIVE_YEAR.items():
        if t == phrase or t.endswith(" " + phrase):
            return When(year=written.year + delta)
    return None


def complete(when: When, written: dt.date | None) -> When:
    """A month and day with no year take the year that puts them nearest the article's date ("Dec. 30" in
    an article of early January is last year; "her Aug. 30 primary" in an article of late July is this
    year; "the Feb. 1 caucuses" in an article of December is next year); a full date gets its weekday."""
    year = when.year
    if year is None and when.month and when.day and written is not None:
        days = {}  # of the three years around the article's, those that have the day ("Feb. 29")
        for y in (written.year, written.year - 1, written.year + 1):
            try:
                days[y] = abs((dt.date(y, when.month, when.day) - written).days)
            except ValueError:
                continue
        if not days:
            return when
        year = min(days, key=days.get)
    weekday = when.weekday
    if year and when.month and when.day:
        try:
            weekday = dt.date(year, when.month, when.day).weekday()
        except ValueError:
            return when
        if when.weekday is not None and when.weekday != weekday:
            return when  # the text contradicts itself: keep what it says
    return When(year, when.month, when.day, weekday)


def dateline_place(text: str, start: int) -> tuple[int, int] | None:
    """The character span of the town of a dateline that opens the paragraph at `start`, or None."""
    m = _PLACE.match(text, start)
    if m is None or len(m.group(1).replace(".", "")) < 3:
        return None
    return m.start(1), m.end(1)


_WEEKDAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_WEEK_OFFSETS = {"last week": -1, "this week": 0, "earlier this week": 0, "next week": 1}
_MONTH_OFFSETS = {"last month": -1, "this month": 0, "earlier this month": 0, "next month": 1}


@dataclass(frozen=True)
class Resolved:
    """A relative phrase placed in the calendar: a day, a week (its Monday) or a month."""

    date: dt.date
    unit: str  # "day", "week" or "month"


def relative_day(text: str, written: dt.date | None) -> Resolved | None:
    """"yesterday", "last week", "last month", "last Monday" resolved against the article's date.

    "last Monday" is the Monday of the week before the article's week (a Monday in the article's own week
    is written "Monday"); "this past Monday" is the most recent Monday before the article's date."""
    if written is None:
        return None
    t = " ".join(re.findall(r"[a-z]+", text.casefold().replace("’s", "").replace("'s", "")))
    if t in _DAY_OFFSETS:
        return Resolved(written + dt.timedelta(days=_DAY_OFFSETS[t]), "day")
    monday = written - dt.timedelta(days=written.weekday())
    if t in _WEEK_OFFSETS:
        return Resolved(monday + dt.timedelta(weeks=_WEEK_OFFSETS[t]), "week")
    if t in _MONTH_OFFSETS:
        m = written.year * 12 + written.month - 1 + _MONTH_OFFSETS[t]
        return Resolved(dt.date(m // 12, m % 12 + 1, 1), "month")
    words = t.split()
    if len(words) == 2 and words[0] == "last" and words[1] in _WEEKDAY_NAMES:
        return Resolved(monday - dt.timedelta(weeks=1) + dt.timedelta(days=_WEEKDAY_NAMES.index(words[1])), "day")
    if len(words) == 3 and words[:2] == ["this", "past"] and words[2] in _WEEKDAY_NAMES:
        back = (written.weekday() - _WEEKDAY_NAMES.index(words[2])) % 7 or 7
        return Resolved(written - dt.timedelta(days=back), "day")
    return None


def nearest_weekday(weekday: int, written: dt.date | None) -> dt.date | None:
    """A bare weekday in a report ("Wednesday") is the latest such day on or before the article's date."""
    if written is None:
        return None
    return written - dt.timedelta(days=(written.weekday() - weekday) % 7)


def month_year(month: int, written: dt.date | None) -> int | None:
    """The year of a month named without one ("in May"): the one nearest the article's date."""
    if written is None:
        return None
    return min((written.year + d for d in (0, -1, 1)),
               key=lambda y: abs((y * 12 + month) - (written.year * 12 + written.month)))


def calendar_keys(day: dt.date) -> list[str]:
    """The keys a day of the calendar is known by: itself, its week and its month."""
    iso = day.isocalendar()
    return [f"d:{day.isoformat()} {_WEEKDAY_NAMES[day.weekday()]}", f"d:week {iso[0]}-W{iso[1]:02d}",
            f"d:{day.year:04d}-{day.month:02d}"]
