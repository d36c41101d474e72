"""The rule that says whether two quotes can be one utterance, and who said them.

`accepts(evidence, speaker_relation, ...)` decides a link from how the two quotes' words meet (`Evidence`,
measured by `QuoteIndex.evidence`) and how their speakers relate: the same person (`speakers.same_person`),
an unknown speaker on either side (no speaker, or a mention nobody resolved: `identity`), or two people.
`continues` and `one_utterance` tell the pieces of one attribution apart inside an article.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quotes.compare import speakers
from quotes.model import Quote

SHORT = 3  # the same phrase of fewer words twice is linked only when one named speaker says both
CONFLICT_WORDS = 6  # the same words from two named people are one utterance only from this many words on
WHOLE = 1.0 - 1e-9  # a share above this is all of it (sums of weights are floats)


@dataclass(frozen=True, slots=True)
class Evidence:
    """How two quotes' words meet: shares of the shorter (containment) and longer (coverage) quote's information."""

    containment: float
    coverage: float
    matched: float  # information matched, in rare-word units
    content: int  # how many of the matched words are not common English words
    fragment: int  # 0: similar lengths; 1: the first quote is a fragment of the second; -1: the other way
    length: int = 0  # word keys in the shorter quote

    @property
    def score(self) -> float:
        return round(100.0 * (0.75 * self.containment + 0.25 * self.coverage), 2)


def accepts(ev: Evidence, speaker_relation: int, repeat: bool = False, partial: bool = False) -> bool:
    """The linking rule. `speaker_relation`: 1 same speaker, 0 unknown, -1 two different known speakers.
    `partial`: the shorter quote is a fragment quoted inside the writer's own sentence.

    `repeat`: the same word sequence that few quotes hold (the same words twice in one article, a
    headline and its body, or a sentence of four words or more quoted by a few outlets) is one utterance
    whatever its words; a stock sentence that many quotes hold ("Thank you very much") is not."""
    identical = ev.containment > WHOLE and ev.coverage > WHOLE
    if speaker_relation == 0 and ev.length < SHORT and identical and not repeat:
        # the same bare word or two in two articles, nobody named on one side: a term in quote marks, not
        # evidence of one utterance (a phrase found inside a longer quote is a fragment of it, and is
        # linked; the same words twice in one article, a headline and its body, are one)
        return False
    if repeat and identical and (speaker_relation >= 0 or (ev.content >= 2 and ev.length >= CONFLICT_WORDS)):
        return True  # with two named speakers: the same uncommon words given to two people, a speaker conflict
    if ev.content < 2:
        # one uncommon word among common ones ("There is no reason for it") proves nothing, unless the
        # same speaker is quoted with exactly these words ("good memories" in a statement of theirs), or
        # with a run of common words long enough to be theirs: four words quoted inside the writer's
        # sentence ("not ready for it"), six quoted as a sentence ("I am not ready for it")
        if speaker_relation <= 0 or ev.containment <= WHOLE:
            return False
        if ev.content == 1:  # one uncommon word alone (the same word twice), or with common ones around it
            return ev.matched >= (1.0 if ev.length == 1 else 1.5)
        return ev.length >= (4 if partial else 6) and ev.matched >= 1.0
    if speaker_relation < 0:  # a possible misattribution: a sentence, not a phrase two people may both use
        return ev.length >= CONFLICT_WORDS and ev.containment >= 0.8 and ev.matched >= 4.0
    if ev.containment >= 0.8:
        return ev.matched >= (1.5 if speaker_relation > 0 else 1.7)
    if ev.containment >= 0.5 and ev.fragment == 0:
        # an edited rendering: much shared information, most of both quotes
        return ev.matched >= 3.0 and ev.coverage >= 0.4
    return False


@lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> bool:
    """`speakers.same_person`, remembered (the same few names meet again and again)."""
    return speakers.same_person(a, b)


def identity(q: Quote) -> str | None:
    """The name of the person a quote is given to, or None when the article does not say who spoke (no
    speaker, or a mention the extractor could not resolve to a name, such as a bare "he")."""
    s = q.speaker
    return s.name if s is not None and _known(s.name, s.resolution) else None


@lru_cache(maxsize=1 << 16)
def _known(name: str, resolution: str) -> bool:
    return bool(name) and resolution != "unresolved" and name.casefold() not in speakers.PRONOUNS


def speaker_relation(a: Quote, b: Quote) -> int:
    """1 when both quotes name the same person, -1 when they name two people, 0 when either is unknown."""
    na, nb = identity(a), identity(b)
    if not na or not nb:
        return 0
    return 1 if same_person(na, nb) else -1


def link_relation(a: Quote, b: Quote) -> int:
    """`speaker_relation` as evidence for a link. A fragment quoted inside a writer's own sentence (kind
    partial) is loosely attributed, so across articles two names there do not count against the link
    (the conflict is still reported). Inside one article they do: a writer who gives the same words to
    two people (a phrase one of them coined, echoed by the other) tells two utterances apart."""
    rel = speaker_relation(a, b)
    if rel < 0 and (a.kind == "partial" or b.kind == "partial") and a.article_id != b.article_id:
        return 0
    return rel


def continues(first: Quote, then: Quote) -> bool:
    """Is `then` the rest of the sentence `first` began, split by an attribution (“X,” he said, “y.”)?

    Both are pieces of one utterance (same article and utterance_id), both speech, close together, and
    the first piece does not end a sentence."""
    return (first.utterance_id == then.utterance_id and first.article_id == then.article_id
            and first.quote_id != then.quote_id
            and first.kind == then.kind == "speech" and 0 <= then.start_char - first.end_char <= 80
            and not first.text.rstrip().rstrip("\"'’”").endswith((".", "!", "?", "…")))


def one_utterance(a: Quote, b: Quote) -> bool:
    """Are `a` and `b` two pieces of one utterance: quotes of one article that one attribution introduces
    (the same utterance_id), such as “X,” she said. “Y.”?"""
    return a.article_id == b.article_id and a.utterance_id == b.utterance_id and a.quote_id != b.quote_id
