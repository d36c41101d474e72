"""The spaCy component `quote_attribution`: quoted spans with their kind, speaker mention and cue.

    nlp.add_pipe("quote_attribution")          # after the parser and ner
    doc = nlp(text)
    for span in doc.spans["quotes"]:
        span._.quote_kind, span._.quote_speaker, span._.quote_cue, span._.quote_pattern, ...

It finds the quote marks itself (`marks.find_quotes` on `doc.text`), unless the caller has put the
candidates on `doc._.quote_candidates` (the fast extractor does: it parses compact frames of the article,
not the whole text). Extensions are registered once, all prefixed `quote_`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotes.extract import attribution, kinds, marks
from quotes.extract.cues import PRONOUNS

SPANS_KEY = "quotes"


@dataclass(frozen=True)
class Candidate:
    """A quoted span to attribute, in the doc's character offsets, with its kind decided from the text."""

    start: int
    end: int
    open_start: int
    close_end: int
    kind: str
    reason: str
    index: int  # the caller's number for it


def register_extensions() -> None:
    if not Doc.has_extension("quote_candidates"):
        Doc.set_extension("quote_candidates", default=None)
    for name in ("quote_kind", "quote_reason", "quote_pattern", "quote_speaker", "quote_cue", "quote_antecedent",
                 "quote_index"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("quote_confidence"):
        Span.set_extension("quote_confidence", default=0.0)


def candidates_from_text(text: str) -> list[Candidate]:
    """Top-level quoted spans of a whole text, with their kinds (used when nobody passed candidates)."""
    paras = marks._paragraphs(text)
    out = []
    for k, q in enumerate(s for s in marks.find_quotes(text) if s.depth == 0):
        pi = next((i for i, (a, b) in enumerate(paras) if a <= q.open_start < b), 0)
        ps, pe = paras[pi] if paras else (0, len(text))
        guess = kinds.classify(text, q.start, q.end, q.open_start, q.close_end, ps, pe,
                               kinds.is_headline(text, ps, pe, pi == 0))
        out.append(Candidate(q.start, q.end, q.open_start, q.close_end, guess.kind, guess.reason, k))
    return out


class QuoteAttribution:
    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        cands = doc._.quote_candidates
        if cands is None:
            cands = candidates_from_text(doc.text)
        ranges = [attribution.token_range(doc, c.open_start, c.close_end) for c in cands]
        spans = []
        for k, c in enumerate(cands):
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.quote_kind, span._.quote_reason, span._.quote_index = c.kind, c.reason, c.index
            if c.kind != "scare":
                blocked = [r for j, r in enumerate(ranges) if j != k and cands[j].kind != "scare"]
                found = attribution.attribute(doc, c.start, c.end, c.open_start, c.close_end, blocked)
                if found is not None:
                    span._.quote_speaker, span._.quote_cue = found.speaker, found.cue
                    span._.quote_pattern, span._.quote_confidence = found.pattern, found.confidence
                    if found.speaker.text.lower() in PRONOUNS:
                        span._.quote_antecedent = antecedent(doc, found.speaker.start, ranges)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def antecedent(doc: Doc, tok_index: int, quote_ranges: list[tuple[int, int]]) -> Span | None:
    """Who a pronoun speaker stands for: a named subject earlier in its own sentence, else the subject of the
    nearest earlier sentence (up to three back) that is not inside a quote."""
    sent = doc[tok_index].sent
    # a named subject earlier in the same sentence: "Sen. Jones scolded him: “…,” she said."
    for t in reversed(doc[sent.start:tok_index]):
        if t.dep_ in attribution.SUBJ and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON") \
                and not any(a <= t.i < b for a, b in quote_ranges):
            return attribution.mention_span(t)
    k = sent.start
    for _ in range(3):
        if k <= 0:
            return None
        prev = doc[k - 1].sent
        subj = attribution.previous_subject(doc, prev.end) if prev.end < len(doc) else None
        if subj is None:
            subj = next((c for c in prev.root.children if c.dep_ in attribution.SUBJ), None)
        if subj is not None and not any(a <= subj.i < b for a, b in quote_ranges):
            return attribution.mention_span(subj)
        k = prev.start
    return None


@Language.factory("quote_attribution")
def make_quote_attribution(nlp: Language, name: str) -> QuoteAttribution:
    return QuoteAttribution(nlp, name)
