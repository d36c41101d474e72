"""Which utterances a `quotes compare` report shows: the report options over the engine's severity scale.

`apply_options` is `quotes.compare.select` (the filter `--format json` uses as well, so every format
shows the same utterances) plus, with a speaker, only that person's quotes for the speaker table.
Severity is the engine's (`quotes.compare.severity`): none < cosmetic < cut < edit < meaning.
"""
from __future__ import annotations

from dataclasses import replace

from quotes.compare import SEVERITIES, select, severity, speakers
from quotes.errors import QuotesError
from quotes.model import Cluster, Comparison


def has_speaker_conflict(c: Cluster) -> bool:
    return c.speaker_conflict or any(d.type == "speaker_conflict" for v in c.members for d in v.discrepancies)


def rank(c: Cluster) -> int:
    return SEVERITIES.index(severity(c))


def apply_options(comparison: Comparison, speaker: str | None = None, only_discrepancies: bool = False,
                  min_severity: str | None = None) -> Comparison:
    """The report options: `quotes.compare.select`'s clusters, and with `speaker` only that person's quotes."""
    if min_severity is not None and min_severity not in SEVERITIES:
        raise QuotesError(f"unknown severity {min_severity!r} (choose from {', '.join(SEVERITIES[1:])})")
    chosen = select(comparison, speaker, only_discrepancies, min_severity)
    if speaker:
        chosen = replace(chosen, quotes=tuple(q for q in chosen.quotes
                                              if q.speaker and q.speaker.name and speakers.same_person(speaker, q.speaker.name)))
    return chosen


def cluster_speakers(c: Cluster) -> list[str]:
    names = [c.speaker, *c.speakers, *(v.quote.speaker.name for v in c.members if v.quote.speaker)]
    return [n for n in dict.fromkeys(names) if n]


def multi_article(c: Cluster) -> bool:
    return len(c.articles) > 1
