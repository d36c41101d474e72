"""Domain values shared by every part of the tool: frozen dataclasses with plain int offsets.

Nothing here touches spaCy, the terminal or the disk. `to_dict()` gives the JSON contract of
`docs/json.md`; `from_dict()` reads it back (for `--from-quotes` and the store).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1

KINDS = ("speech", "partial", "scare")


def content_id(*parts: object, size: int = 16) -> str:
    """A stable id: the hex digest of the parts joined by NUL (same input, same id, on every run)."""
    h = hashlib.blake2b(digest_size=size // 2)
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Article:
    """One article as read. `text` is never altered after reading: every offset points into it."""

    path: str  # what the user named: a file path, "-" for stdin, or path#n for a row of a .jsonl file
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    external_id: str | None = None  # the `id` field of a JSON input

    @property
    def id(self) -> str:
        return content_id(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


@dataclass(frozen=True)
class Speaker:
    """Who said a quote. `name` is an identity (a person's or a body's name, no title, never a pronoun);
    it is None when the mention reaches no name (`resolution` "unresolved": "she" with no antecedent,
    "a spokesman")."""

    name: str | None  # the resolved name: the fullest form the article gives ("Donald Trump")
    mention: str  # the words at the attribution site ("he", "the president", "Trump")
    start_char: int
    end_char: int
    resolution: str  # name | pronoun | title | role | continuation | organisation | unresolved | ...
    title: str | None = None  # words that describe the person, where the mention gives them ("Kyiv resident")

    @property
    def identity(self) -> str | None:
        """The name to file the quote under, None when the mention was not resolved."""
        return self.name if self.name and self.resolution != "unresolved" else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Cue:
    text: str
    lemma: str
    start_char: int
    end_char: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Quote:
    """One contiguous quoted span. `text == article.text[start_char:end_char]` (the words inside the marks)."""

    article: str
    article_id: str
    text: str
    start_char: int
    end_char: int
    line: int
    column: int
    kind: str  # speech | partial | scare
    speaker: Speaker | None = None
    cue: Cue | None = None
    pattern: str = ""
    confidence: float = 0.0
    utterance_id: str = ""  # shared by the pieces of one utterance split by "he said"
    quote_id: str = ""

    def __post_init__(self) -> None:
        if not self.quote_id:
            object.__setattr__(self, "quote_id", content_id(self.article_id, self.start_char, self.end_char))
        if not self.utterance_id:
            object.__setattr__(self, "utterance_id", self.quote_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article,
            "article_id": self.article_id,
            "quote_id": self.quote_id,
            "utterance_id": self.utterance_id,
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "pattern": self.pattern,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        """Read a row of `quotes extract --format jsonl` back. Raises KeyError/TypeError/ValueError on bad rows."""
        spk = d.get("speaker")
        cue = d.get("cue")
        return cls(
            article=str(d["article"]),
            article_id=str(d.get("article_id") or content_id(d["article"])),
            text=str(d["text"]),
            start_char=int(d["start_char"]),
            end_char=int(d["end_char"]),
            line=int(d.get("line") or 0),
            column=int(d.get("column") or 0),
            kind=str(d.get("kind") or "speech"),
            speaker=Speaker(**{k: spk[k] for k in ("name", "mention", "start_char", "end_char", "resolution")},
                            title=spk.get("title"))
            if isinstance(spk, dict)
            else None,
            cue=Cue(**{k: cue[k] for k in ("text", "lemma", "start_char", "end_char")}) if isinstance(cue, dict) else None,
            pattern=str(d.get("pattern") or ""),
            confidence=float(d.get("confidence") or 0.0),
            utterance_id=str(d.get("utterance_id") or ""),
            quote_id=str(d.get("quote_id") or ""),
        )


# ---- alignment (quotes compare) -------------------------------------------------------------

RELATIONS = ("verbatim", "cosmetic", "trimmed", "fragment", "edited")
DIFF_TYPES = ("cosmetic", "trimmed", "omitted", "added", "substituted", "speaker_conflict")
FLAGS = ("negation", "number", "entity", "hedge", "modal")


@dataclass(frozen=True)
class Discrepancy:
    """One word-level difference between a member and the cluster's canonical wording.

    `canonical_*` are offsets in the canonical quote's article, `variant_*` in the member's article;
    an empty side (an omitted or added word) has start == end at the place of the gap.
    """

    type: str  # one of DIFF_TYPES
    canonical_text: str
    variant_text: str
    canonical_start: int
    canonical_end: int
    variant_start: int
    variant_end: int
    flags: tuple[str, ...] = ()  # meaning-changing: a subset of FLAGS

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["flags"] = list(self.flags)
        d["changes_meaning"] = bool(self.flags)
        return d


@dataclass(frozen=True)
class Variant:
    """A member of a cluster: one quote and how it relates to the canonical wording."""

    quote: Quote
    relation: str  # one of RELATIONS
    discrepancies: tuple[Discrepancy, ...] = ()
    score: float = 100.0

    @property
    def changes_meaning(self) -> bool:
        return any(d.flags for d in self.discrepancies)


@dataclass(frozen=True)
class Cluster:
    """Quotes of one utterance, across articles and within one."""

    id: str
    canonical: Quote
    members: tuple[Variant, ...]
    speaker: str | None = None  # the cluster's speaker identity
    speakers: tuple[str, ...] = ()  # every distinct speaker the members give (>1 is a speaker conflict)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.quote.article for v in self.members))

    @property
    def speaker_conflict(self) -> bool:
        return len(self.speakers) > 1


@dataclass(frozen=True)
class Finding:
    """A `quotes check` result for one quote of a new article."""

    kind: str  # misquote | misattribution | near-match | unverified | variant
    quote: Quote
    message: str
    reference: Quote | None = None
    reference_source: str | None = None
    discrepancies: tuple[Discrepancy, ...] = field(default=())


@dataclass(frozen=True)
class Comparison:
    """What `quotes compare` returns: everything read, and the utterances quoted more than once."""

    articles: tuple[str, ...]  # the articles read, in input order
    quotes: tuple[Quote, ...]  # every quote found (all kinds)
    clusters: tuple[Cluster, ...]  # clusters with at least two members, worst first
