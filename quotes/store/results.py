"""What the store's queries return: frozen values, ready for the renderers."""
from __future__ import annotations

from dataclasses import dataclass

from quotes.model import Quote


@dataclass(frozen=True)
class Recorded:
    """A stored quote, the article it came from, and whether it is a reference transcript's words."""

    quote: Quote
    source: str  # the article's path as it was added
    transcript: bool = False
    speaker: str | None = None  # the speaker identity's name in the store ("Donald Trump")
    date: str | None = None  # the article's date, else when it was added
    utterance: str | None = None  # the stored utterance cluster the quote belongs to


@dataclass(frozen=True)
class Wording:
    """One wording of an utterance and every stored quote that carries it."""

    text: str
    quotes: tuple[Recorded, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source for r in self.quotes))

    @property
    def transcript(self) -> bool:
        return any(r.transcript for r in self.quotes)


@dataclass(frozen=True)
class Utterance:
    """The quotes of one utterance: the fullest (or transcript) wording first, then the variants and fragments."""

    id: str
    speaker: str | None
    wordings: tuple[Wording, ...]

    @property
    def canonical(self) -> Wording:
        return self.wordings[0]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for w in self.wordings for a in w.articles))

    @property
    def count(self) -> int:
        return sum(len(w.quotes) for w in self.wordings)


@dataclass(frozen=True)
class Lookup:
    query: str
    speakers: tuple[str, ...]  # the identities the name matched
    utterances: tuple[Utterance, ...]
    omitted: int = 0  # utterances left out by a limit or an offset
    offset: int = 0  # how many of the most recent utterances were skipped

    @property
    def count(self) -> int:
        return sum(u.count for u in self.utterances)


@dataclass(frozen=True)
class Hit:
    """A search result: the quote, its rank (smaller is better, FTS5 bm25) and the matched spans in its text."""

    recorded: Recorded
    rank: float
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SpeakerInfo:
    id: int
    name: str
    aliases: tuple[str, ...]  # every name the speaker is written as
    quotes: int
    articles: int
    sources: tuple[str, ...] = ()  # the paths of those articles, in the order they were added


@dataclass(frozen=True)
class Added:
    """What one `add` did: articles stored, already there, stored as new versions; quotes stored."""

    articles: int = 0
    unchanged: int = 0
    versions: int = 0
    quotes: int = 0
