"""Word-level differences between two renderings of one utterance, each one typed and flagged.

`relate(canonical, other)` lines up the words of `other` with those of `canonical` (word keys from
`quotes.compare.textkeys`, word opcodes from rapidfuzz) and walks the alignment:

- words whose keys agree are anchors; when their written forms differ ("I would" / "I’d", "Be" / "be",
  "denuclearising" / "denuclearizing"), or the punctuation between two anchors differs, that is `cosmetic`;
- canonical words missing before the first or after the last anchor are `trimmed` (the quote was cut);
- between anchors, canonical words missing are `omitted`, words only in `other` are `added`, and words on
  both sides are `substituted` (or `cosmetic` when they only read a contraction another way: he’d / he had);
- two different known speakers give a `speaker_conflict` (when the canonical quote is speech).

Omitted, added and substituted differences carry meaning flags:
`negation`, `number`, `entity`, `hedge` (hedges and intensifiers: just, only, very, never, ...) and `modal`.
See docs/discrepancies.md for the definitions and examples.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from quotes.compare import textkeys as tk
from quotes.compare.align import word_alignment
from quotes.compare.rules import one_utterance, speaker_relation
from quotes.lexicon import NEGATIONS
from quotes.model import Discrepancy, Quote, Variant

LONG_STRETCH = 4  # words added or omitted beyond this many are a clause: never flagged as a change of meaning
FRAGMENT_SHARE = 0.5  # a cut rendering keeping less than this share of the canonical words is a fragment


@dataclass(frozen=True, slots=True)
class _Side:
    quote: Quote
    words: tuple[tk.Word, ...]
    keys: list[str]
    owner: list[int]  # key index -> word index
    first: list[int]  # word index -> index of its first key

    @staticmethod
    @lru_cache(maxsize=1024)
    def of(quote: Quote) -> _Side:
        """The words and keys of a quote (remembered: a canonical quote is compared with every member)."""
        ws = tk.words(quote.text)
        keys, owner = tk.key_sequence(ws)
        first, k = [], 0
        for w in ws:
            first.append(k)
            k += len(w.keys)
        return _Side(quote, ws, keys, owner, first)

    def whole(self, i0: int, i1: int) -> bool:
        """Do keys i0..i1 cover whole words (from a word's first key to a word's last key)?"""
        w1 = self.owner[i1]
        return self.first[self.owner[i0]] == i0 and self.first[w1] + len(self.words[w1].keys) - 1 == i1

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Offsets (in the quote's text) of words lo..hi-1."""
        return self.words[lo].start, self.words[hi - 1].end

    def point(self, at: int) -> int:
        """The offset of the gap before word `at` (the end of the word before it, or the start of the text)."""
        if at <= 0:
            return self.words[0].start if self.words else 0
        return self.words[at - 1].end


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Canonical words c0..c1-1 and other words o0..o1-1 whose keys agree one for one."""

    c0: int
    c1: int
    o0: int
    o1: int


def _codes(a: list[str], b: list[str]) -> tuple[str, str]:
    table: dict[str, str] = {}
    enc = [("".join(table.setdefault(k, chr(0x20 + len(table))) for k in keys)) for keys in (a, b)]
    return enc[0], enc[1]


def _anchors(c: _Side, o: _Side, ca: str, oa: str) -> list[_Anchor]:
    """Groups of matched keys that cover whole words on both sides (a contraction may pair with two words)."""
    pairs = [(i + k, j + k) for i, j, n in word_alignment(ca, oa, everywhere=True) for k in range(n)]
    groups: list[list[tuple[int, int]]] = []
    for i, j in pairs:
        if groups:
            pi, pj = groups[-1][-1]
            if c.owner[i] == c.owner[pi] or o.owner[j] == o.owner[pj]:
                groups[-1].append((i, j))
                continue
        groups.append([(i, j)])
    out = []
    for g in groups:
        (i0, j0), (i1, j1) = g[0], g[-1]
        consecutive = all(b == (a[0] + 1, a[1] + 1) for a, b in pairwise(g))
        if consecutive and c.whole(i0, i1) and o.whole(j0, j1):
            out.append(_Anchor(c.owner[i0], c.owner[i1] + 1, o.owner[j0], o.owner[j1] + 1))
    return out


def _flags(c: _Side, c0: int, c1: int, o: _Side, o0: int, o1: int) -> tuple[str, ...]:
    """The meaning flags of a difference: which kinds of meaning-bearing words differ between the sides."""
    def bag(s: _Side, lo: int, hi: int) -> tuple[list, ...]:
        ws = [(i, w) for i, w in enumerate(s.words[lo:hi], lo) if not w.bracketed]  # [insertions] aside
        keys = sorted(k for _, w in ws for k in w.keys)
        return ([k for k in keys if k in NEGATIONS], [k for k in keys if tk.is_number(k)],
                sorted(tk.base_form(w.keys[0]) for i, w in ws if tk.is_entity(s.words, i, s.quote.text)),
                [k for k in keys if k in tk.HEDGES], [k for k in keys if k in tk.MODALS])

    a, b = bag(c, c0, c1), bag(o, o0, o1)
    return tuple(f for f, x, y in zip(("negation", "number", "entity", "hedge", "modal"), a, b, strict=True) if x != y)


class _Walk:
    """Builds the discrepancies of `other` against `canonical` from the anchors, in reading order."""

    def __init__(self, c: _Side, o: _Side):
        self.c, self.o = c, o
        self.out: list[Discrepancy] = []
        self.cosmetic_open = False  # the last discrepancy is cosmetic and ends where the next may start

    def add(self, type_: str, cs: tuple[int, int], os_: tuple[int, int], flags: tuple[str, ...] = ()) -> None:
        cq, oq = self.c.quote, self.o.quote
        if type_ == "cosmetic" and self.cosmetic_open and self.out:
            last = self.out[-1]
            if last.canonical_end - cq.start_char == cs[0] and last.variant_end - oq.start_char == os_[0]:
                cs, os_ = (last.canonical_start - cq.start_char, cs[1]), (last.variant_start - oq.start_char, os_[1])
                self.out.pop()
        self.out.append(Discrepancy(
            type=type_, canonical_text=cq.text[cs[0]:cs[1]], variant_text=oq.text[os_[0]:os_[1]],
            canonical_start=cq.start_char + cs[0], canonical_end=cq.start_char + cs[1],
            variant_start=oq.start_char + os_[0], variant_end=oq.start_char + os_[1], flags=flags))
        self.cosmetic_open = type_ == "cosmetic"

    def gap(self, ci: int, oi: int) -> None:
        """Punctuation between canonical words ci-1, ci and other words oi-1, oi (both sides adjacent)."""
        c, o = self.c, self.o
        cs = (c.words[ci - 1].end if ci else 0, c.words[ci].start if ci < len(c.words) else len(c.quote.text))
        os_ = (o.words[oi - 1].end if oi else 0, o.words[oi].start if oi < len(o.words) else len(o.quote.text))
        cg, og = c.quote.text[cs[0]:cs[1]], o.quote.text[os_[0]:os_[1]]
        if cg != og and tk.gap_key(cg) != tk.gap_key(og):
            self.add("cosmetic", cs, os_)
        else:
            self.cosmetic_open = False

    def anchor(self, a: _Anchor) -> None:
        cs, os_ = self.c.span(a.c0, a.c1), self.o.span(a.o0, a.o1)
        if self.c.quote.text[cs[0]:cs[1]] != self.o.quote.text[os_[0]:os_[1]]:
            self.add("cosmetic", cs, os_)
        else:
            self.cosmetic_open = False

    def region(self, c0: int, c1: int, o0: int, o1: int, edge: bool) -> None:
        """Canonical words c0..c1-1 against other words o0..o1-1 (at least one side non-empty)."""
        c, o = self.c, self.o
        cs = c.span(c0, c1) if c1 > c0 else (c.point(c0),) * 2
        os_ = o.span(o0, o1) if o1 > o0 else (o.point(o0),) * 2
        flags = _flags(c, c0, c1, o, o0, o1)
        if max(c1 - c0, o1 - o0) > LONG_STRETCH and (o1 == o0 or c1 == c0):
            flags = ()  # a whole clause left out or put in is an omission or addition, not a changed word
        if o1 == o0:
            if edge:  # a cut at either end is how quotes are quoted: shown, never flagged
                self.add("trimmed", cs, os_)
                return
            if o0 < len(o.words) and o.words[o0].after_cut:  # the writer marked the cut with an ellipsis
                gap = o.quote.text[o.point(o0):o.words[o0].start]
                m = tk.ELLIPSIS.search(gap)
                if m:
                    os_ = (o.point(o0) + m.start(), o.point(o0) + m.end())
            self.add("omitted", cs, os_, flags)
        elif c1 == c0:
            self.add("added", cs, os_, flags)
        else:
            ck = [tk.base_form(k) for w in c.words[c0:c1] for k in w.keys]
            ok = [tk.base_form(k) for w in o.words[o0:o1] for k in w.keys]
            self.add("cosmetic" if ck == ok else "substituted", cs, os_, () if ck == ok else flags)


def discrepancies(canonical: Quote, other: Quote) -> tuple[tuple[Discrepancy, ...], float, float]:
    """The word-level discrepancies of `other` against `canonical`, the share of canonical words kept, and a
    similarity score 0-100 of the two word-key sequences."""
    c, o = _Side.of(canonical), _Side.of(other)
    ca, oa = _codes(c.keys, o.keys)
    score = round(fuzz.ratio(ca, oa), 2)
    walk = _Walk(c, o)
    anchors = _anchors(c, o, ca, oa)
    if not anchors:
        if c.words or o.words:
            walk.region(0, len(c.words), 0, len(o.words), edge=False)
        return tuple(walk.out), 0.0, score
    first, last = anchors[0], anchors[-1]
    if first.c0 or first.o0:
        walk.region(0, first.c0, 0, first.o0, edge=True)
    else:
        walk.gap(0, 0)
    for k, a in enumerate(anchors):
        walk.anchor(a)
        if k + 1 < len(anchors):
            b = anchors[k + 1]
            if b.c0 > a.c1 or b.o0 > a.o1:
                walk.region(a.c1, b.c0, a.o1, b.o0, edge=False)
            else:
                walk.gap(a.c1, a.o1)
    if last.c1 < len(c.words) or last.o1 < len(o.words):
        walk.region(last.c1, len(c.words), last.o1, len(o.words), edge=True)
    else:
        walk.gap(len(c.words), len(o.words))
    kept = sum(a.c1 - a.c0 for a in anchors) / max(1, len(c.words))
    return tuple(walk.out), kept, score


def _speaker_conflict(canonical: Quote, other: Quote) -> tuple[Discrepancy, ...]:
    """Two different known speakers, against a firmly attributed reference (the canonical quote is speech:
    a partial quote's speaker is often just the subject of the writer's sentence)."""
    if canonical.kind != "speech" or speaker_relation(canonical, other) >= 0:
        return ()
    cs, os_ = canonical.speaker, other.speaker
    assert cs is not None and os_ is not None
    return (Discrepancy("speaker_conflict", cs.name, os_.name, cs.start_char, cs.end_char, os_.start_char,
                        os_.end_char),)


def relation_of(discs: tuple[Discrepancy, ...], kept: float, same_text: bool) -> str:
    """verbatim | cosmetic | trimmed | fragment | edited, from the types of the word differences."""
    types = {d.type for d in discs} - {"speaker_conflict"}
    if not types:
        return "verbatim" if same_text else "cosmetic"
    if types <= {"cosmetic"}:
        return "cosmetic"
    if types <= {"cosmetic", "trimmed"}:
        return "fragment" if kept < FRAGMENT_SHARE else "trimmed"
    return "edited"


def relate(canonical: Quote, other: Quote) -> Variant:
    """How `other` renders the utterance whose canonical wording is `canonical`.

    Returns a `Variant` of `other` with its relation (verbatim, cosmetic, trimmed, fragment, edited), its
    typed discrepancies (offsets: canonical_* in the canonical quote's article, variant_* in other's) and
    a similarity score 0-100 of the two word sequences. A speaker conflict is reported when the canonical
    quote is speech (firmly attributed) and `other` names someone else. A fragment ("fond memories" inside the full
    statement) is `fragment` with the cut-off words as `trimmed`, not a pile of omissions. The rest of a
    utterance one attribution introduces (“X,” he said, “y.”: same article and utterance_id) is a
    `fragment` with no word discrepancies. Two different known speakers add a `speaker_conflict`."""
    conflict = _speaker_conflict(canonical, other)
    if one_utterance(canonical, other):
        return Variant(other, "fragment", conflict, 0.0)
    if other.text == canonical.text:
        return Variant(other, "verbatim", conflict, 100.0)
    discs, kept, score = discrepancies(canonical, other)
    same = " ".join(canonical.text.split()) == " ".join(other.text.split())
    return Variant(other, relation_of(discs, kept, same), discs + conflict, score)
