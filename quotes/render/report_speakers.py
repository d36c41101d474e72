"""The speaker table of a `quotes compare` report: who is quoted, how often, in how many articles."""
from __future__ import annotations

from dataclasses import dataclass

from quotes.compare import SEVERITIES, speakers
from quotes.model import Cluster, Comparison, Quote
from quotes.render.report_select import cluster_speakers, multi_article, rank


@dataclass(frozen=True)
class SpeakerRow:
    name: str  # the fullest name any article gives
    quotes: int  # quotes attributed to this person (speech and partial)
    articles: int  # articles that quote this person
    utterances: int  # of this person's utterances, how many are quoted by more than one article
    differing: int  # of those, how many differ beyond cosmetics (wording, meaning or speaker)


class _People:
    """Speaker names grouped into people (`speakers.same_person`).

    Each distinct name is resolved once, and only against the people who share a word with it (two
    names of one person always share one), so the work grows with the number of names, not its square.
    """

    def __init__(self) -> None:
        self.names: list[set[str]] = []
        self.index: dict[str, int] = {}
        self.by_word: dict[str, set[int]] = {}

    def of(self, name: str) -> int:
        i = self.index.get(name)
        if i is None:
            words = speakers.name_words(name)
            candidates = sorted(set().union(*(self.by_word.get(w, set()) for w in words)))
            i = next((k for k in candidates if any(speakers.same_person(name, n) for n in self.names[k])),
                     len(self.names))
            if i == len(self.names):
                self.names.append(set())
            self.names[i].add(name)
            self.index[name] = i
            for w in words:
                self.by_word.setdefault(w, set()).add(i)
        return i


def speaker_rows(comparison: Comparison) -> tuple[SpeakerRow, ...]:
    """Who is quoted, how often and in how many articles; most quoted first. Unattributed quotes are left out."""
    people = _People()
    quotes: dict[int, list[Quote]] = {}
    for q in comparison.quotes:
        if q.kind != "scare" and q.speaker and q.speaker.name:
            quotes.setdefault(people.of(q.speaker.name), []).append(q)
    utterances: dict[int, list[Cluster]] = {}
    for c in comparison.clusters:
        if multi_article(c):
            for i in {people.of(n) for n in cluster_speakers(c)}:
                utterances.setdefault(i, []).append(c)
    rows = []
    for i, group in quotes.items():
        mine = utterances.get(i, [])
        rows.append(SpeakerRow(
            name=max(people.names[i], key=lambda n: (len(speakers.name_words(n)), len(n), n)),
            quotes=len(group),
            articles=len({q.article for q in group}),
            utterances=len(mine),
            differing=sum(1 for c in mine if rank(c) >= SEVERITIES.index("edit")),
        ))
    rows.sort(key=lambda r: (-r.quotes, -r.articles, r.name.casefold()))
    return tuple(rows)


# ---- the report -----------------------------------------------------------------------------------
