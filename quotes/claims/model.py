"""Frozen values of `quotes claims`: a claim, its typed values, a finding across articles, a paraphrase link.

Nothing here touches spaCy or the terminal. `to_dict()` gives the JSON of `docs/claims.md`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quotes.model import Quote, content_id

CLAIM_KINDS = ("count", "list", "title", "event", "reported", "dated", "age", "place", "statement")
VALUE_KINDS = ("number", "date", "place", "title", "list", "statement")
STATUSES = ("conflict", "partial", "agree", "unique")  # the report's order: conflicts first


@dataclass(frozen=True)
class Value:
    """One typed value a claim gives for its slot. `norm` is the comparison key ("3", "2025-06", ...)."""

    kind: str  # one of VALUE_KINDS
    text: str  # the words as written
    norm: str
    start_char: int
    end_char: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "norm": self.norm, "start_char": self.start_char,
                "end_char": self.end_char}


@dataclass(frozen=True)
class Claim:
    """A checkable assertion in one article: what it is about (`subject`, `slot`) and what it says (`values`).

    `text == article_text[start_char:end_char]` (the sentence or clause). `key` is the blocking key:
    only claims with the same kind and key are ever compared. `participants` are the identity keys of
    the people (and organisations) the claim involves; `words` its content lemmas (for retrieval).
    """

    article: str
    article_id: str
    kind: str  # one of CLAIM_KINDS
    key: str
    slot: str  # human label of what the values answer ("count of meeting", "title of Donald Trump")
    subject: str
    participants: tuple[str, ...]
    values: tuple[Value, ...]
    text: str
    start_char: int
    end_char: int
    line: int
    words: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()  # qualifiers that must not differ for two claims to be the same (years, modifiers)
    flags: tuple[str, ...] = ()  # open (a list introduced by "including"), negated, honorific, ...

    @property
    def id(self) -> str:
        return content_id(self.article_id, self.kind, self.key, self.start_char, self.end_char)

    @property
    def shown(self) -> str:
        """The values as a reader would quote them."""
        return "; ".join(v.text for v in self.values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.id, "article": self.article, "article_id": self.article_id, "kind": self.kind,
            "slot": self.slot, "subject": self.subject, "participants": list(self.participants),
            "values": [v.to_dict() for v in self.values], "text": self.text, "start_char": self.start_char,
            "end_char": self.end_char, "line": self.line, "flags": list(self.flags),
        }


@dataclass(frozen=True)
class Side:
    """Claims of one or more articles that give mutually compatible values for a slot."""

    value: str  # the most specific value of the side, as written
    norm: str
    claims: tuple[Claim, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article for c in self.claims))

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "norm": self.norm, "articles": list(self.articles),
                "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True)
class Finding:
    """One slot compared across articles. `conflict`: two or more incompatible sides; `partial`: one open
    list names more than another; `agree`: one side from two or more articles; `unique`: one article."""

    status: str  # one of STATUSES
    kind: str
    slot: str
    subject: str
    sides: tuple[Side, ...]
    note: str = ""
    either: tuple[Claim, ...] = ()  # claims compatible with every side (a bare "President" next to "former President")

    @property
    def articles(self) -> tuple[str, ...]:
        seen = [a for s in self.sides for a in s.articles] + [c.article for c in self.either]
        return tuple(dict.fromkeys(seen))

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "kind": self.kind, "slot": self.slot, "subject": self.subject,
                "note": self.note, "articles": list(self.articles), "sides": [s.to_dict() for s in self.sides],
                "compatible_with_all": [c.to_dict() for c in self.either]}


@dataclass(frozen=True)
class ParaphraseLink:
    """Reported speech (a claim of kind `reported`) and the direct quote it paraphrases."""

    claim: Claim
    quote: Quote
    score: float
    shared: tuple[str, ...]  # the content words the claim's context and the quote's context share

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "shared": list(self.shared), "claim": self.claim.to_dict(),
                "quote": self.quote.to_dict()}


@dataclass(frozen=True)
class ClaimsReport:
    """What `quotes claims` returns."""

    articles: tuple[str, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]  # conflicts first, then partial, agree, unique
    links: tuple[ParaphraseLink, ...]

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "articles": list(self.articles),
            "summary": {"articles": len(self.articles), "claims": len(self.claims),
                        **{s: self.count(s) for s in STATUSES}, "paraphrase_links": len(self.links)},
            "findings": [f.to_dict() for f in self.findings],
            "paraphrase_links": [lk.to_dict() for lk in self.links],
        }
