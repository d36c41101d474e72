"""Compact frames: the only parts of an article that the spaCy pipeline has to read.

Attribution needs the words around a quote, not the quote's own words, and not the paragraphs without
quotes. A frame is a run of consecutive paragraphs that hold a quote (plus a paragraph ending with a colon
right before one: "Caddell continued:"), in which the inside of every long quote is cut down to its first
and last words ("I just had a good … love to meet him."). The parser still sees a quote of the same
shape where it was, so "“…,” he said" and "he said: “…”" parse as they would in full. A frame keeps the
map from its characters back to the article's.

A quote paragraph that names nobody outside its quotes ("“…,” he said.", "“…,” said the 36-year-old.",
or a quote alone) takes the last sentences of the paragraph before it as context (`CONTEXT_CHARS` at
most, from a sentence start): that is where "he" and "the 36-year-old" are named, and where a quote
paragraph without attribution finds its speaker ("Smith criticised the plan. ¶ “…”"). Attribution itself
never crosses a line; the context only serves antecedents.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotes.extract import kinds, marks

KEEP_HEAD, KEEP_TAIL = 5, 4  # words kept at each end of a long quote
CONTEXT_CHARS = 400  # at most this much of the paragraph before a quote paragraph that names nobody
_TOKEN = re.compile(r"\S+")
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:He|She)\b")
_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|He|She)\b")
_NAMED = re.compile(r"(?<![.!?:“\"‘(]\s)(?<!^)\b[A-Z][\w’'-]+")
_SENTENCE_START = re.compile(r"(?<=[.!?”’\"])\s+(?=[“\"‘]?[A-Z0-9])")


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


@dataclass
class Frame:
    text: str
    pieces: list[tuple[int, int]]  # (frame offset, article offset) where a verbatim stretch starts
    candidates: list[Candidate]  # in frame offsets; `index` is the quote's number in the article

    def to_article(self, offset: int) -> int:
        k = bisect.bisect_right([p[0] for p in self.pieces], offset) - 1
        f, a = self.pieces[max(k, 0)]
        return a + (offset - f)


@dataclass(frozen=True)
class ArticleQuotes:
    """The top-level quotes of an article with their kinds and the paragraph each sits in."""

    spans: list[marks.QuoteSpan]
    guesses: list[kinds.KindGuess]
    para: list[int]  # paragraph number of each span
    paragraphs: list[tuple[int, int]]


def scan(text: str, source: str = "") -> ArticleQuotes:
    """Find the top-level quotes of an article and guess their kinds (pure text)."""
    paras = marks._paragraphs(text)
    starts = [p[0] for p in paras]
    spans, guesses, para = [], [], []
    for q in marks.find_quotes(text, source):
        if q.depth != 0:
            continue
        pi = max(bisect.bisect_right(starts, q.open_start) - 1, 0)
        ps, pe = paras[pi]
        spans.append(q)
        guesses.append(kinds.classify(text, q.start, q.end, q.open_start, q.close_end, ps, pe,
                                      kinds.is_headline(text, ps, pe, pi == 0 and len(paras) > 1)))
        para.append(pi)
    return ArticleQuotes(spans, guesses, para, paras)


def candidates(aq: ArticleQuotes) -> list[Candidate]:
    """The quotes of a whole text as the component's candidates (offsets unchanged, numbered in text order)."""
    return [Candidate(q.start, q.end, q.open_start, q.close_end, g.kind, g.reason, k)
            for k, (q, g) in enumerate(zip(aq.spans, aq.guesses, strict=True))]


def _cut(text: str, s: int, e: int) -> str | None:
    """The shortened inside of a long quote, or None when it is short enough to keep."""
    toks = list(_TOKEN.finditer(text, s, e))
    if len(toks) <= KEEP_HEAD + KEEP_TAIL + 2:
        return None
    head_end = toks[KEEP_HEAD - 1].end()
    tail_start = toks[-KEEP_TAIL].start()
    return text[s:head_end] + " … " + text[tail_start:e]


def names_nobody(text: str, aq: ArticleQuotes, p: int) -> bool:
    """Does paragraph `p`, outside its quotes, lack a capitalised word in mid-sentence (a name), or attribute
    with "he" or "she"?"""
    a, b = aq.paragraphs[p]
    outside, pos = [], a
    for q, qp in zip(aq.spans, aq.para, strict=True):
        if qp == p:
            outside.append(text[pos:q.open_start])
            pos = q.close_end
    outside.append(text[pos:b])
    rest = " … ".join(outside)
    if _PRONOUN_SPEAKER.search(rest):  # "“…,” she told Sky Sports": the name "she" stands for is before
        return True
    return not any(m.group() != "I" and not m.group().startswith(("I’", "I'")) for m in _NAMED.finditer(rest))


def context_start(text: str, para: tuple[int, int]) -> int:
    """Where the context taken from paragraph `para` starts: a sentence start within its last
    `CONTEXT_CHARS` characters (the whole paragraph when it is short)."""
    a, b = para
    if b - a <= CONTEXT_CHARS:
        return a
    for m in _SENTENCE_START.finditer(text, b - CONTEXT_CHARS, b):
        return m.end()
    return a


def _ends_sentence(text: str, para: tuple[int, int]) -> bool:
    return text[para[0]:para[1]].rstrip()[-1:] in (".", "!", "?", "”", "\"", "’", ")")


def build(text: str, aq: ArticleQuotes) -> list[Frame]:
    """The frames of one article (none when it has no quote to attribute)."""
    need = sorted({p for p, g in zip(aq.para, aq.guesses, strict=True) if g.kind != "scare"})
    chosen = set(need)
    starts: dict[int, int] = {}  # a paragraph taken as context only: where its context starts
    for p in need:
        if p > 0 and text[aq.paragraphs[p - 1][0]:aq.paragraphs[p - 1][1]].rstrip().endswith(":"):
            chosen.add(p - 1)
    for p in need:
        # only a paragraph that ends a sentence: a headline run into the quote's sentence misleads the parser
        if p > 0 and p - 1 not in chosen and _ends_sentence(text, aq.paragraphs[p - 1]) and names_nobody(text, aq, p):
            c = p - 1
            # "Some of Ito's claims changed. ¶ He first said … ¶ “…,” he said": a paragraph that goes on about
            # "he" or "she" brings the one before it, where the person is named (two at most)
            while c > 0 and p - c < 3 and c - 1 not in chosen and _OPENS_WITH_PRONOUN.match(text, aq.paragraphs[c][0]) \
                    and _ends_sentence(text, aq.paragraphs[c - 1]):
                chosen.add(c)
                c -= 1
            starts[c] = context_start(text, aq.paragraphs[c])
    chosen |= set(starts)
    runs: list[list[int]] = []
    for p in sorted(chosen):
        if runs and runs[-1][-1] == p - 1 and p not in starts:
            runs[-1].append(p)
        else:
            runs.append([p])
    frames = []
    for run in runs:
        a0, a1 = starts.get(run[0], aq.paragraphs[run[0]][0]), aq.paragraphs[run[-1]][1]
        parts: list[str] = []
        pieces: list[tuple[int, int]] = [(0, a0)]
        cands: list[Candidate] = []
        pos, flen = a0, 0
        for k, (q, g, p) in enumerate(zip(aq.spans, aq.guesses, aq.para, strict=True)):
            if p not in run or q.open_start < a0:  # a context paragraph's quotes before its context
                continue
            cut = _cut(text, q.start, q.end) if g.kind != "scare" else None
            if cut is None:
                new_start = flen + (q.start - pos)
                cands.append(Candidate(new_start, new_start + q.end - q.start, flen + q.open_start - pos,
                                       flen + q.close_end - pos, g.kind, g.reason, k))
                continue
            parts.append(text[pos:q.start])
            flen += q.start - pos
            cands.append(Candidate(flen, flen + len(cut), flen - (q.start - q.open_start),
                                   flen + len(cut) + (q.close_end - q.end), g.kind, g.reason, k))
            parts.append(cut)
            flen += len(cut)
            pos = q.end
            pieces.append((flen, pos))
        parts.append(text[pos:a1])
        frames.append(Frame("".join(parts), pieces, cands))
    return frames
