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

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from quotes.extract import attribution, kinds, marks
from quotes.extract.context import antecedent, context_speaker
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
    if not Doc.has_extension("quote_names"):  # words the whole article writes as names (lower case)
        Doc.set_extension("quote_names", default=None)
    for name in ("quote_kind", "quote_reason", "quote_pattern", "quote_speaker", "quote_cue", "quote_antecedent",
                 "quote_index", "quote_speaker_label", "quote_antecedent_label"):
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
                               kinds.is_headline(text, ps, pe, pi == 0 and len(paras) > 1))
        out.append(Candidate(q.start, q.end, q.open_start, q.close_end, guess.kind, guess.reason, k))
    return out


class QuoteAttribution:
    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, batch_size):
            for doc in batch:
                self._attribute(doc)
            self._label_mentions(batch)
            yield from batch

    def _attribute(self, doc: Doc) -> None:
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
                if found is None and c.reason == "set_off":
                    found = _from_context(doc, c, ranges)
                if found is not None:
                    span._.quote_speaker, span._.quote_cue = found.speaker, found.cue
                    span._.quote_pattern, span._.quote_confidence = found.pattern, found.confidence
                    if found.speaker is not None and found.speaker.text.lower() in PRONOUNS:
                        span._.quote_antecedent = antecedent(doc, found.speaker.start, ranges)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans

    def _label_mentions(self, docs: list[Doc]) -> None:
        """The entity label (PERSON, ORG, GPE, …) of each speaker and antecedent mention.

        With the entity recogniser enabled the doc's own entities say it. When it is disabled (the fast
        extractor disables it: on the frames it costs as much as the tagger and parser together), it runs
        here, once per batch, on the sentences that hold a named mention only.
        """
        ner = self._ner()
        todo: dict[tuple[int, int], tuple[Doc, int, int]] = {}
        named: list[tuple[Span, str, tuple[int, int]]] = []
        for n, doc in enumerate(docs):
            mentions = [(sp, attr) for sp in doc.spans[SPANS_KEY] for attr in ("quote_speaker", "quote_antecedent")
                        if getattr(sp._, attr) is not None]
            if not mentions:
                continue
            if doc.has_annotation("ENT_IOB"):
                for sp, attr in mentions:
                    setattr(sp._, attr + "_label", _label(getattr(sp._, attr)))
                continue
            starts = [s.start for s in doc.sents]
            for sp, attr in mentions:
                m = getattr(sp._, attr)
                if ner is None or not any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.lower_ not in PRONOUNS
                                          for t in m):
                    continue
                k = bisect.bisect_right(starts, m.start) - 1
                a, b = starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)
                todo[(n, a)] = (doc, a, b)
                named.append((sp, attr, (n, a)))
        if not named:
            return
        keys = list(todo)
        tagged = dict(zip(keys, ner.pipe((todo[k][0][todo[k][1]:todo[k][2]].as_doc() for k in keys), batch_size=256)))
        for sp, attr, key in named:
            m, sub, a = getattr(sp._, attr), tagged[key], todo[key][1]
            head = m.root.i - a  # the head word's entity: "Seoul’s minister" is not a place
            setattr(sp._, attr + "_label", sub[head].ent_type_ if 0 <= head < len(sub) else "")

    def _ner(self):
        if "ner" not in self.nlp.component_names:
            return None
        return self.nlp.get_pipe("ner")


def _opens_line(text: str, offset: int) -> bool:
    return text[text.rfind("\n", 0, offset) + 1:offset].strip() == ""


def _from_context(doc: Doc, c: Candidate, ranges: list[tuple[int, int]]) -> attribution.Attribution | None:
    qa, _ = attribution.token_range(doc, c.open_start, c.close_end)
    found = context_speaker(doc, qa, ranges, _opens_line(doc.text, c.open_start))
    if found is None:
        return None
    pattern, mention = found
    return attribution.Attribution(pattern, mention, None, 0.6)


def _label(span: Span) -> str:
    return next((t.ent_type_ for t in span if t.ent_type_), "")


@Language.factory("quote_attribution")
def make_quote_attribution(nlp: Language, name: str) -> QuoteAttribution:
    return QuoteAttribution(nlp, name)
