"""Reported speech linked to the direct quote it paraphrases.

A claim of kind `reported` ("describing this as a considerable starting point") is linked to a direct
quote (“That’s pretty significant to start with”) when
- the quote's speaker is the claim's speaker: the extractor's speaker when it gives one, else a person
  the quote's sentence or the one before it names (pronouns resolved);
- what is reported shares content words with the quoted words themselves (at least `MIN_OVERLAP` of
  the shorter of the two), and the claim's sentence and
  the quote's surroundings (its sentence and the one before) share at least `MIN_CONTEXT` other content
  words when two reported words are in the quote, `MIN_CONTEXT_ONE` when only one is (the speaker's
  name aside); candidates are ranked by BM25, so rare shared words count most.
Each claim keeps its best quote. Quotes of fewer than `MIN_QUOTE_WORDS` words (a quoted term) are not
paraphrased speech.
"""
from __future__ import annotations

from collections.abc import Sequence

from quotes.claims.context import Context, content_words
from quotes.claims.model import Claim, ParaphraseLink
from quotes.claims.retrieve import BM25, stem
from quotes.compare.speakers import same_person
from quotes.model import Quote

MIN_CONTEXT = 3  # shared context words (names of the speaker aside) when two reported words are quoted
MIN_CONTEXT_ONE = 5  # ... when only one is
MIN_OVERLAP = 0.3  # shared words over the words of the shorter of the report and the quote
MIN_QUOTE_WORDS = 3


def _stems(words) -> list[str]:
    return [stem(w) for w in words]


def _surroundings(q: Quote, ctx: Context):
    """The tokens of the quote's sentence and the one before, and who the quote is by: the extractor's
    speaker, else the person named (or referred to) in the quote's sentence outside the marks nearest
    to them, else the last subject of the sentence before."""
    after = ctx.tokens(q.start_char, max(q.end_char, q.start_char + 1))[:1]
    if not after:
        return None, ()
    sent = ctx.sentence(after[0])
    i = ctx.sentence_number(sent)
    prev = ctx.sentences[i - 1] if i > 0 else None
    toks = list(prev or []) + list(sent)
    if q.speaker and q.speaker.name:
        return toks, (q.speaker.name,)
    outside = [m for m in ctx.people.in_span(sent.start, sent.end)
               if not (q.start_char - 1 <= ctx.doc[m.start].idx <= q.end_char + 1)]
    if outside:
        near = min(outside, key=lambda m: min(abs(ctx.doc[m.start].idx - q.end_char), abs(ctx.doc[m.start].idx - q.start_char)))
        return toks, (near.name,)
    if prev is not None:
        subjects = [m for m in ctx.people.in_span(prev.start, prev.end)
                    if ctx.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return toks, (subjects[-1].name,)
    return toks, ()


def link(claims: Sequence[Claim], quotes: Sequence[tuple[Quote, Context]]) -> list[ParaphraseLink]:
    reported = [c for c in claims if c.kind == "reported" and c.participants]
    usable = [(q, ctx) for q, ctx in quotes if q.kind != "scare" and len(q.text.split()) >= MIN_QUOTE_WORDS]
    if not reported or not usable:
        return []
    docs, speakers, quote_words = [], [], []
    for q, ctx in usable:
        toks, people = _surroundings(q, ctx)
        docs.append(_stems(content_words(toks or [])))
        speakers.append(people)
        qtoks = ctx.tokens(q.start_char, q.end_char)
        quote_words.append(set(_stems(content_words(qtoks))))
    index = BM25(docs)
    out = []
    for c in reported:
        sentence = c.text  # the claim's sentence, re-tokenised by the words the claim keeps
        query = _stems(c.words) + _stems(w.casefold() for w in sentence.split())
        query = [w for w in query if w.isalpha()]
        best = None
        for i, score in index.scores(query).items():
            q, _ = usable[i]
            if not any(same_person(c.subject, s) for s in speakers[i]):
                continue
            names = {w for s in speakers[i] for w in _stems(s.casefold().split())}
            shared_context = sorted((set(docs[i]) & set(query)) - names)
            reported_words = set(_stems(c.words))
            shared_quote = reported_words & quote_words[i]
            overlap = len(shared_quote) / max(1, min(len(reported_words), len(quote_words[i])))
            if overlap < MIN_OVERLAP or len(shared_context) < (MIN_CONTEXT if len(shared_quote) > 1 else MIN_CONTEXT_ONE):
                continue
            if best is None or score > best.score:
                best = ParaphraseLink(claim=c, quote=q, score=score, shared=tuple(shared_context))
        if best is not None:
            out.append(best)
    return out
