"""`quotes check` as a library call: read the new articles, build the record, judge every quote."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quotes.check import spoken
from quotes.check.judge import FINDING_KINDS, assess, decide
from quotes.check.occasion import EventDate, article_date, event_dates, named_day, nearby, written
from quotes.check.record import CHECKED_KINDS, Extract, Record, build_record, readable
from quotes.errors import InputError, QuotesError
from quotes.model import Article, Finding, Quote, Variant

DEFAULT_FAIL_ON = frozenset({"misquote", "misattribution"})


@dataclass(frozen=True)
class CheckResult:
    articles: tuple[str, ...]  # the new articles read, in input order
    checked: tuple[Quote, ...]  # every quote that was checked (speech and partial quotes)
    findings: tuple[Finding, ...]
    record_size: int  # how many recorded quotes the articles were checked against
    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    warnings: tuple[str, ...] = field(default=())
    problems: tuple[str, ...] = field(default=())  # inputs and rows that could not be read (the rest were)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind in self.fail_on)

    def counts(self) -> dict[str, int]:
        return {k: sum(1 for f in self.findings if f.kind == k) for k in FINDING_KINDS}


def parse_fail_on(value: str | Iterable[str]) -> frozenset[str]:
    """`misquote,misattribution` -> a set of finding kinds; `none` (or empty) fails on nothing."""
    items = value.split(",") if isinstance(value, str) else list(value)
    kinds = {i.strip().lower() for i in items if i.strip()} - {"none"}
    if "all" in kinds:
        return frozenset(FINDING_KINDS)
    bad = sorted(kinds - set(FINDING_KINDS))
    if bad:
        raise QuotesError(f"--fail-on: unknown finding kind {', '.join(bad)} (choose from {', '.join(FINDING_KINDS)}, all, none)")
    return frozenset(kinds)


def check_quotes(quotes: Iterable[Quote], record: Record,
                 relate: Callable[[Quote, Quote], Variant] | None = None,
                 published: dt.date | None = None, events: dict[str, EventDate] | None = None,
                 text: str | None = None) -> list[Finding]:
    """Findings for quotes of new articles, judged against `record` (scare quotes are skipped).

    Transcripts are judged passage by passage (`quotes.check.spoken`); a quote no transcript passage
    renders is judged against the recorded quotes of articles and stores (`decide`). `published` is the
    article's date, `text` its text (for the weekday an attribution names), `events` the transcripts'
    event dates (by source)."""
    if relate is None:
        from quotes.compare.diff import relate
    spoken_record = record.has_transcripts
    out: list[Finding] = []
    for q in quotes:
        if q.kind not in CHECKED_KINDS or not q.text.strip():
            continue
        if spoken_record:
            when = spoken.When(published, named_day(text, q, published), written(text, q), nearby(text, q)) \
                if text else spoken.When(published)
            found = spoken.judge(q, record.passages(q), when, events)
            if found is not None:
                out += found
                continue
        out += decide(q, [assess(q, r, relate) for r in record.candidates(q) if not r.transcript])
    return out


def lazy_extract(model: str | None) -> Extract:
    """`Extractor(model).extract_many`, the pipeline loaded on first use (after the inputs are validated)."""
    loaded: list = []

    def extract(articles: Iterable[Article]):
        if not loaded:
            from quotes.extract import Extractor

            loaded.append(Extractor(model))
        return loaded[0].extract_many(articles)

    return extract


def run_check(paths: Iterable[str], against: Iterable[str] = (), transcripts: Iterable[str] = (),
              speaker: str | None = None, fail_on: frozenset[str] = DEFAULT_FAIL_ON,
              extract: Extract | None = None, model: str | None = None,
              against_quotes: Iterable[str] = (), transcript_dates: Iterable[str] = ()) -> CheckResult:
    """Check the articles named by `paths` against stores, earlier articles and transcripts.

    `extract` turns articles into (article, quotes) pairs; by default `Extractor(model).extract_many`.
    `transcript_dates` are `--transcript-date` values (`YYYY-MM-DD` or `FILE=YYYY-MM-DD`).
    An unreadable new article or record row is a problem and the rest are checked; nothing readable is an
    InputError.
    """
    paths, against, transcripts, against_quotes = list(paths), list(against), list(transcripts), list(against_quotes)
    if not paths:
        raise InputError("nothing to check: name the new articles")
    if not (against or transcripts or against_quotes):
        raise InputError("nothing to check against: give --against STORE|FOLDER|FILE, --from-quotes FILE or --transcript FILE")
    if speaker and not transcripts:
        raise InputError("--speaker goes with --transcript (it names who speaks in an unlabelled transcript)")
    events = event_dates(transcripts, transcript_dates)
    if extract is None:
        extract = lazy_extract(model)
    warnings: list[str] = []
    problems: list[str] = []
    record = build_record(against, transcripts, speaker, extract, problems, against_quotes)
    if not len(record):
        warnings.append("the record holds no quotes: every quote will be unverified")
    names: list[str] = []
    checked: list[Quote] = []
    findings: list[Finding] = []
    for article, quotes in extract(readable(paths, problems)):
        names.append(article.path)
        mine = [q for q in quotes if q.kind in CHECKED_KINDS]
        checked += mine
        findings += check_quotes(mine, record, published=article_date(article), events=events, text=article.text)
    if not names:
        raise InputError("no article could be read: " + "; ".join(problems[:3]))
    return CheckResult(tuple(names), tuple(checked), tuple(findings), len(record), fail_on, tuple(warnings),
                       tuple(problems))

