"""Finding the quotes that may be the same utterance, without comparing every pair.

`QuoteIndex(quotes)` turns each quote into a sequence of word keys (see `quotes.textkeys`) and indexes
its word bigrams. A lookup gathers the quotes that share rare bigrams with the query (bigrams held by very
many quotes, such as "I would" or "of the", are not looked up), keeps the best few, and scores those with
rapidfuzz on word sequences (each word key is one character of a code string, so rapidfuzz's sequence
scorers and opcodes work word by word).

A candidate is accepted as the same utterance on the evidence of the words the two share, weighted by how
informative they are (function words count little, words found in very many quotes count less):

- containment: the share of the shorter quote's information found, in order, in the longer one;
- evidence: the information matched, in units of one rare content word;
- speakers: the same speaker lowers the bar, two different known speakers raise it (such a link is kept
  and reported as a speaker conflict); an unknown speaker is neutral.

A quote whose words lie inside a longer one ("fond memories" in a full statement) is a fragment of it;
quotes that only share common words ("I'd love to") are not linked.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein, LCSseq

from quotes import speakers, textkeys
from quotes.model import Quote

FUNCTION_WEIGHT = 0.15  # what a function word counts for, against 1.0 for a rare content word
FRAGMENT_RATIO = 0.6  # a quote with fewer words than this share of another's is a possible fragment of it
CUT = "\x01"  # marks an ellipsis or a bracketed insertion in an index sequence: no bigram spans it
_BASE = 0x20
_SURROGATES = 0xD800
_MAX_CODE = 0x10FFFF


@dataclass(frozen=True, slots=True)
class Evidence:
    """How two quotes' words meet: shares of the shorter (containment) and longer (coverage) quote's information."""

    containment: float
    coverage: float
    matched: float  # information matched, in rare-word units
    fragment: int  # 0: similar lengths; 1: the first quote is a fragment of the second; -1: the other way

    @property
    def score(self) -> float:
        return round(100.0 * (0.75 * self.containment + 0.25 * self.coverage), 2)


def accepts(ev: Evidence, speaker_relation: int) -> bool:
    """The linking rule. `speaker_relation`: 1 same speaker, 0 unknown, -1 two different known speakers."""
    if speaker_relation < 0:
        return ev.containment >= 0.8 and ev.matched >= 4.0
    if ev.containment >= 0.8:
        return ev.matched >= (1.8 if speaker_relation > 0 else 2.0)
    if ev.containment >= 0.5 and ev.fragment == 0:
        # a heavily edited rendering: much shared information, most of both quotes
        return ev.matched >= 4.0 and ev.coverage >= 0.45
    return False


def speaker_relation(a: Quote, b: Quote, cache: dict | None = None) -> int:
    """1 when both quotes name the same person, -1 when they name two people, 0 when either is unknown."""
    na = a.speaker.name if a.speaker else None
    nb = b.speaker.name if b.speaker else None
    if not na or not nb:
        return 0
    if cache is None:
        return 1 if speakers.same_person(na, nb) else -1
    k = (na, nb)
    if k not in cache:
        cache[k] = 1 if speakers.same_person(na, nb) else -1
    return cache[k]


def _blocks(a: str, b: str, lo: int = 0, flip: bool = False) -> list[tuple[int, int, int]]:
    """Matching blocks (i in a, j in b, length) of word opcodes between a and b[lo:...] shifted by lo."""
    out = []
    for tag, i1, i2, j1, _ in Levenshtein.opcodes(a, b):
        if tag == "equal":
            out.append((j1 + lo, i1, i2 - i1) if flip else (i1, j1 + lo, i2 - i1))
    return out


def word_alignment(a: str, b: str) -> list[tuple[int, int, int]]:
    """The words of two code strings lined up: blocks (position in a, position in b, length), in order.

    Word-level Levenshtein opcodes (rapidfuzz). When one sequence is much shorter (a fragment), it is also
    aligned inside the best-matching window of the longer one (rapidfuzz's partial alignment), and the
    alignment that matches more words, then keeps them closer together, wins: a fragment is found in
    one place rather than scattered over repeated words."""
    best = _blocks(a, b)
    short, long_, flip = (a, b, False) if len(a) <= len(b) else (b, a, True)
    if short and len(long_) > 1.3 * len(short) + 2:
        slack = max(2, len(short) // 3)
        al = fuzz.partial_ratio_alignment(short, long_)
        lo, hi = max(0, al.dest_start - slack), min(len(long_), al.dest_end + slack)
        windowed = _blocks(short, long_[lo:hi], lo, flip)
        if _quality(windowed, flip) > _quality(best, flip):
            best = windowed
    return best


def _quality(blocks: list[tuple[int, int, int]], flip: bool) -> tuple[int, int]:
    if not blocks:
        return (0, 0)
    matched = sum(n for _, _, n in blocks)
    k = 0 if flip else 1  # position in the longer sequence
    spread = blocks[-1][k] + blocks[-1][2] - blocks[0][k]
    return (matched, -spread)


class QuoteIndex:
    """An index of recorded quotes for finding the ones that may be the same utterance as a given quote.

    `QuoteIndex(quotes)` reads the quotes once (any iterable); `candidates(quote)` returns the recorded
    quotes that may be the same utterance as `quote` (a variant wording, a fragment of it, or a longer
    quote it is a fragment of), scored 0-100, best first. `quote` need not be in the index.
    """

    def __init__(self, quotes: Iterable[Quote], cap: int | None = None):
        self.quotes: list[Quote] = list(quotes)
        self._vocab: dict[str, str] = {}
        self._speakers: dict = {}
        self.seqs: list[str] = []
        iseqs: list[str] = []
        self._cut: dict[int, str] = {}  # index forms that differ from the code string (cut by an ellipsis)
        for i, q in enumerate(self.quotes):
            seq, iseq = self._encode(q.text, grow=True)
            self.seqs.append(seq)
            iseqs.append(iseq)
            if iseq != seq:
                self._cut[i] = iseq
        n = len(self.quotes)
        # a bigram held by more quotes than this is common wording, not evidence (and is not looked up)
        self.cap = cap or max(64, n // 200)
        df = Counter(c for s in self.seqs for c in set(s))
        d0 = max(25.0, n / 400)
        self.weight: dict[str, float] = {}
        for key, code in self._vocab.items():
            self.weight[code] = FUNCTION_WEIGHT if key in textkeys.FUNCTION_WORDS else min(1.0, d0 / df[code]) if df[code] else 1.0
        self.info = [self._info(s) for s in self.seqs]
        self._build_bigrams(iseqs)

    # ---- encoding --------------------------------------------------------------------------------

    def _code(self, key: str, grow: bool) -> str:
        code = self._vocab.get(key)
        if code is None:
            if not grow:
                return "\x02"  # a word the index has never seen: matches nothing recorded
            i = _BASE + len(self._vocab)
            if i >= _SURROGATES:
                i += 0x800
            if i > _MAX_CODE:  # beyond the code space: rare words share codes
                i = _BASE + hash(key) % (_SURROGATES - _BASE)
            code = self._vocab[key] = chr(i)
        return code

    def _encode(self, text: str, grow: bool = False) -> tuple[str, str]:
        """The code string of a quote's words (the writer's [insertions] left out) and its index form."""
        seq: list[str] = []
        iseq: list[str] = []
        for keys, cut in textkeys.speaker_keys(text):
            if cut and iseq and iseq[-1] != CUT:
                iseq.append(CUT)
            for k in keys:
                c = self._code(k, grow)
                seq.append(c)
                iseq.append(c)
        return "".join(seq), "".join(iseq)

    def _info(self, seq: str) -> float:
        w = self.weight.get
        return sum(w(c, FUNCTION_WEIGHT if c == "\x02" else 1.0) for c in seq)

    def _build_bigrams(self, iseqs: list[str]) -> None:
        if not iseqs:
            self._keys = np.zeros(0, np.int64)
            self._starts = self._counts = np.zeros(0, np.int64)
            self._post = np.zeros(0, np.int32)
            return
        a = np.frombuffer(CUT.join(iseqs).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        lengths = np.fromiter((len(s) + 1 for s in iseqs), dtype=np.int64, count=len(iseqs))
        qid = np.repeat(np.arange(len(iseqs), dtype=np.int32), lengths)[: len(a)]
        ok = (a[:-1] != ord(CUT)) & (a[1:] != ord(CUT))
        codes = ((a[:-1] << 21) | a[1:])[ok]
        qid = qid[:-1][ok]
        order = np.lexsort((qid, codes))
        codes, qid = codes[order], qid[order]
        keep = np.ones(len(codes), bool)
        keep[1:] = (codes[1:] != codes[:-1]) | (qid[1:] != qid[:-1])
        codes, qid = codes[keep], qid[keep]
        self._keys, self._starts, self._counts = np.unique(codes, return_index=True, return_counts=True)
        self._post = qid

    # ---- lookup ----------------------------------------------------------------------------------

    def _bigram_hits(self, iseq: str, limit: int) -> list[int]:
        """Indexed quotes sharing uncommon bigrams with `iseq`, most shared information first."""
        if len(iseq) < 2 or not len(self._keys):
            return []
        a = np.frombuffer(iseq.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        ok = (a[:-1] != ord(CUT)) & (a[1:] != ord(CUT))
        codes = np.unique(((a[:-1] << 21) | a[1:])[ok])
        pos = np.minimum(np.searchsorted(self._keys, codes), len(self._keys) - 1)
        pos = pos[self._keys[pos] == codes]
        counts = self._counts[pos]
        pos, counts = pos[counts <= self.cap], counts[counts <= self.cap]
        if not len(pos):
            return []
        starts = self._starts[pos]
        hits = np.concatenate([self._post[s:s + c] for s, c in zip(starts.tolist(), counts.tolist())])
        weights = np.repeat(1.0 / np.log2(1.0 + counts), counts)
        ids, inverse = np.unique(hits, return_inverse=True)
        score = np.bincount(inverse, weights=weights)
        best = np.argsort(-score, kind="stable")[:limit]
        return ids[best].tolist()

    def evidence(self, a: str, b: str) -> Evidence | None:
        """How the code strings `a` and `b` meet (None when they share too little to be worth scoring)."""
        short, long_, flip = (a, b, 1) if len(a) <= len(b) else (b, a, -1)
        if not short:
            return None
        if LCSseq.similarity(short, long_) < max(2, 0.5 * len(short)):
            return None
        w = self.weight.get
        matched = sum(w(c, 1.0) for i, _, n in word_alignment(short, long_) for c in short[i:i + n])
        info_s, info_l = self._info(short), self._info(long_)
        if not matched or not info_s:
            return None
        fragment = flip if len(short) < FRAGMENT_RATIO * len(long_) else 0
        return Evidence(min(1.0, matched / info_s), min(1.0, matched / info_l), matched, fragment)

    def query(self, quote: Quote, limit: int = 30, position: int | None = None,
              pairwise: bool = False) -> list[tuple[int, Evidence, int]]:
        """(index position, evidence, speaker relation) of the accepted candidates for `quote`, best first.

        `position` is the quote's own place in the index when it is there (it is left out of the answer).
        With `pairwise` (for a pass over every indexed quote) each pair is scored once: a candidate of
        similar length only when it comes later in the index, a shorter candidate (a fragment of this
        quote) never, since the fragment's own query finds this quote."""
        if position is not None:
            seq = self.seqs[position]
            iseq = self._cut.get(position, seq)
        else:
            seq, iseq = self._encode(quote.text)
        out = []
        for j in self._bigram_hits(iseq, limit + 1):
            if j == position or self.quotes[j].quote_id == quote.quote_id:
                continue
            if pairwise:
                other = len(self.seqs[j])
                if other < FRAGMENT_RATIO * len(seq) or (j < position and len(seq) >= FRAGMENT_RATIO * other):
                    continue
            ev = self.evidence(seq, self.seqs[j])
            if ev is None:
                continue
            rel = speaker_relation(quote, self.quotes[j], self._speakers)
            if accepts(ev, rel):
                out.append((j, ev, rel))
        out.sort(key=lambda x: (-x[1].score, -x[2]))
        return out

    def candidates(self, quote: Quote, limit: int = 30) -> list[tuple[Quote, float]]:
        """Recorded quotes that may be the same utterance as `quote`, with a score 0-100, best first.

        Covers variant wordings, `quote` being a fragment of a longer recorded quote, and recorded
        fragments of `quote`. Quotes by a different known speaker are included only on strong textual
        evidence (a possible misattribution). `quote` itself (same quote_id) is never returned."""
        return [(self.quotes[j], ev.score) for j, ev, _ in self.query(quote, limit)]

    def __len__(self) -> int:
        return len(self.quotes)
