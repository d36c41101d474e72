"""When was it said? Event dates of transcripts and publication dates of articles.

A transcript's event date comes from the user (`--transcript-date [FILE=]YYYY-MM-DD`) or from a header
line at the top of the transcript file (`# date: 2016-01-17` or `Event date: 2016-01-17`). Failing both, a
date in the transcript's file name is taken as approximate: it is often the day the transcript was
published, a day or a few after the event.

An article's date is the one its metadata gives (HTML, JSON `date`), else a date in its file name
(`wash-post_2016-01-18_….txt`, `20160118-story.txt`): newsrooms name files by publication day.
An article cannot quote an event that happened after it was published.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quotes import ingest
from quotes.errors import InputError
from quotes.model import Article, Quote
from quotes.transcript import HEADER_LINES, header_match

NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
NAME_DATE_LAG = 3  # a transcript file named by its publication day may be this many days after the event
STALE_DAYS = 30  # an article quoting an event older than this may quote a later repetition of the words


@dataclass(frozen=True)
class EventDate:
    day: dt.date
    declared: bool  # given by the user or the transcript's header (else read from the file name)

    def after(self, published: dt.date) -> bool:
        """The event is certainly after the article's publication day."""
        return published < self.day - dt.timedelta(days=0 if self.declared else NAME_DATE_LAG)

    def fits(self, day: dt.date) -> bool:
        """Could the event have been on `day`?"""
        if self.declared:
            return day == self.day
        return self.day - dt.timedelta(days=NAME_DATE_LAG) <= day <= self.day

    def stale(self, published: dt.date) -> int | None:
        """Days between the event and the article, when more than STALE_DAYS."""
        days = (published - self.day).days
        return days if days > STALE_DAYS else None


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day at the start of `value` ("2016-01-18", "2016-01-18T09:00:00Z"), or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def article_date(article: Article) -> dt.date | None:
    """The article's publication day: its metadata, else a plausible date in its file name."""
    day = parse_date(article.date)
    return day if day is not None else name_date(article.path)


def name_date(path: str) -> dt.date | None:
    """A plausible calendar date in a file's name (2016-01-18, 20160118)."""
    for m in NAME_DATE.finditer(Path(path.split("#")[0]).name):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if 1900 <= day.year <= 2100:
            return day
    return None


def header_date(text: str) -> dt.date | None:
    """The event date a transcript states in a header line among its first lines."""
    m = header_match(text.lstrip("\ufeff"))
    return parse_date(m.group(1)) if m else None


def parse_given(values: Iterable[str]) -> list[tuple[str | None, dt.date]]:
    """`--transcript-date` values: `YYYY-MM-DD` (every transcript) or `FILE=YYYY-MM-DD`."""
    out: list[tuple[str | None, dt.date]] = []
    for v in values:
        name, _, day = v.rpartition("=")
        date = parse_date(day.strip()) if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", day) else None
        if date is None:
            raise InputError(f"--transcript-date {v!r}: expected YYYY-MM-DD or FILE=YYYY-MM-DD")
        out.append((name.strip() or None, date))
    return out


def event_dates(transcripts: Iterable[str], given: Iterable[str] = ()) -> dict[str, EventDate]:
    """The event date of each transcript file (by the path the record names it with), where known."""
    pairs = parse_given(given)
    files: list[str] = []
    for t in transcripts:
        if Path(t).is_dir():
            files += [item[0] for item in ingest.expand([t]) if not isinstance(item, ingest.Problem)]
        else:
            files.append(t)
    out: dict[str, EventDate] = {}
    for f in files:
        day = None
        try:
            with open(f, encoding="utf-8", errors="replace") as fh:
                day = header_date("".join(fh.readline() for _ in range(HEADER_LINES)))
        except OSError:
            pass
        for name, date in pairs:
            if name is None or name in (f, Path(f).name, Path(f).stem):
                day = date
        if day is not None:
            out[f] = EventDate(day, True)
        elif (guess := name_date(f)) is not None:
            out[f] = EventDate(guess, False)
    unknown = [n for n, _ in pairs if n is not None and not any(n in (f, Path(f).name, Path(f).stem) for f in files)]
    if unknown:
        raise InputError(f"--transcript-date {unknown[0]}: no transcript of that name (give the file as named with --transcript)")
    return out


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(r"\b(?:(next|coming)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z])|\n\s*\n")


CUE_REACH = 30  # characters after the cue verb in which a weekday tells when ("said on Tuesday night")


def named_day(text: str, quote: Quote, published: dt.date | None) -> tuple[str, dt.date] | None:
    """The day an article gives for the words it quotes: a weekday right after the quote's cue verb
    ("…,” Clinton said Tuesday; told reporters on Tuesday), read as the last such day on or before the
    article's date. None when the attribution names no weekday, or the article has no date."""
    if published is None or quote.cue is None:
        return None
    start = quote.cue.end_char
    reach = text[start:start + CUE_REACH]
    stop = SENTENCE_END.search(reach)
    if stop:
        reach = reach[:stop.start()]
    if quote.start_char >= start:  # the quote follows the cue: the weekday must come before it
        reach = reach[: max(0, quote.start_char - start)]
    m = WEEKDAY.search(reach)
    if m is None or m.group(1):
        return None  # "next Tuesday": not when it was said
    back = (published.weekday() - WEEKDAYS.index(m.group(2).lower())) % 7
    return m.group(2), published - dt.timedelta(days=back)


# the article says the words were written, not spoken: a transcript does not record that occasion
WRITTEN_CUES = frozenset({"write", "tweet", "post", "email", "text", "blog"})
WRITTEN = re.compile(r"\b(?:in|on|via)\s+(?:a|an|the|his|her|their|its)?\s*(?:\w+\s+)?"
                     r"(statement|tweet|e-?mail|letter|op-ed|memo|book|essay|column|blog|Facebook|Twitter|Instagram)\b",
                     re.I)
MEDIUM_REACH = 60  # characters either side of the cue verb


def written(text: str, quote: Quote) -> str | None:
    """How the article says the quoted words were written ("in a statement", "tweeted"), or None."""
    if quote.cue is None:
        return None
    if quote.cue.lemma.lower() in WRITTEN_CUES:
        return quote.cue.text
    a, b = quote.cue.start_char, quote.cue.end_char
    around = [(max(0, a - MEDIUM_REACH), a), (b, b + MEDIUM_REACH)]
    for lo, hi in around:
        part = text[lo:hi]
        if quote.start_char < hi and quote.end_char > lo:  # never the quote's own words
            part = text[lo:max(lo, quote.start_char)] if quote.start_char >= b else text[max(lo, quote.end_char):hi]
        stop = SENTENCE_END.search(part)
        part = part[stop.end():] if stop and lo < a else part[:stop.start()] if stop else part
        m = WRITTEN.search(part)
        if m:
            return m.group(0).strip()
    return None


NEARBY_BEFORE, NEARBY_AFTER = 200, 100  # characters of the article around a quote that may name its speaker


def nearby(text: str, quote: Quote) -> str:
    """The article's words around a quote (the quote's own words left out)."""
    return text[max(0, quote.start_char - NEARBY_BEFORE):quote.start_char] + " " + \
        text[quote.end_char:quote.end_char + NEARBY_AFTER]
