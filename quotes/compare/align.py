"""Finding the quotes that may be the same utterance, without comparing every pair.

`QuoteIndex(quotes)` turns each quote into a sequence of word keys (see `quotes.compare.textkeys`) and indexes
its word bigrams. A lookup gathers the quotes that share rare bigrams with the query (bigrams held by very
many quotes, such as "I would" or "of the", are not looked up), keeps the best few, and scores those with
rapidfuzz on word sequences (each word key is one character of a code string, so rapidfuzz's sequence
scorers and opcodes work word by word).

A candidate is accepted as the same utterance (`quotes.compare.rules.accepts`) on the evidence of the words
the two share, weighted by how informative they are (function words count little, words found in very
many quotes count less):

- containment: the share of the shorter quote's information found, in order, in the longer one;
- evidence: the information matched, in units of one rare content word (a matched bigram adds its own
  weight, less when many quotes hold it), with at least two words that are not common English words
  (one, when the same speaker is quoted with exactly those words);
- speakers: the same speaker lowers the bar, two different known speakers raise it (such a link is kept
  and reported as a speaker conflict); an unknown speaker is neutral.

A quote whose words lie inside a longer one ("fond memories" in a full statement) is a fragment of it;
quotes that only share common words ("I'd love to") are not linked. A term or slogan in quote marks (kind
scare) is never linked, and with article dates (`quotes.compare.occasions`) two renderings far apart in
time need the same words.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from quotes.compare import occasions, textkeys
from quotes.compare.rules import Evidence, accepts, link_relation, speaker_relation
from quotes.model import Quote

COMMON_WEIGHT = 0.15  # what a common word ("the", "would", "love") counts for, against 1.0 for a rare word
FRAGMENT_RATIO = 0.6  # a quote with fewer words than this share of another's is a possible fragment of it
FEW_WORDS = 4  # from articles far apart in time, a shorter fragment is not linked
SEP = "\x01"  # between quotes in the joined index sequence
UNSEEN = "\x02"  # the code of a word the index has never seen
_BASE = 0x20
_SURROGATES = 0xD800
_MAX_CODE = 0x10FFFF


def _blocks(a: str, b: str, lo: int = 0, flip: bool = False) -> list[tuple[int, int, int]]:
    """Matching blocks (i in a, j in b, length) of word opcodes between a and b[lo:...] shifted by lo."""
    out = []
    for tag, i1, i2, j1, _ in Levenshtein.opcodes(a, b):
        if tag == "equal":
            out.append((j1 + lo, i1, i2 - i1) if flip else (i1, j1 + lo, i2 - i1))
    return out


def word_alignment(a: str, b: str, everywhere: bool = False) -> list[tuple[int, int, int]]:
    """The words of two code strings lined up: blocks (position in a, position in b, length), in order.

    Word-level Levenshtein opcodes (rapidfuzz). When one sequence is much shorter (a fragment), it is also
    aligned inside the best-matching window of the longer one (rapidfuzz's partial alignment), and the
    alignment that matches more words, then keeps them closer together, wins: a fragment is found in
    one place rather than scattered over repeated words. `everywhere`: try the window whenever one
    sequence is longer (for a word diff, where a shorter rendering of a slightly longer quote should be
    cut at one end, not matched on a stray common word); the index tries it for fragments only."""
    best = _blocks(a, b)
    short, long_, flip = (a, b, False) if len(a) <= len(b) else (b, a, True)
    if short and len(long_) > (len(short) if everywhere else 1.3 * len(short) + 2):
        quality = _quality(best, flip)
        if quality[0] == len(short) and -quality[1] == len(short):
            return best  # found whole and in one piece: nothing to improve
        slack = max(2, len(short) // 3)
        al = fuzz.partial_ratio_alignment(short, long_)
        lo, hi = max(0, al.dest_start - slack), min(len(long_), al.dest_end + slack)
        windowed = _blocks(short, long_[lo:hi], lo, flip)
        if _quality(windowed, flip) > quality:
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

    def __init__(self, quotes: Iterable[Quote], cap: int | None = None, days: Mapping[str, int] | None = None):
        self.quotes: list[Quote] = list(quotes)
        self.days: Mapping[str, int] = days or {}  # article name -> day it appeared (`occasions.days`)
        self._vocab: dict[str, str] = {}
        self._surface: dict[str, str] = {}  # a word as written -> its codes (the index does not change)
        self.seqs: list[str] = [self._encode(q.text, grow=True) for q in self.quotes]
        n = len(self.quotes)
        # a bigram held by more quotes than this is common wording, not a lead (and is not looked up)
        self.cap = cap or max(64, n // 2000)
        # a word or bigram found in more quotes than this counts for less than a rare one
        self.d0 = max(25.0, n / 400)
        df = Counter(c for s in self.seqs for c in set(s))
        self.weight: dict[str, float] = {}
        self._common = {code for key, code in self._vocab.items() if key in textkeys.COMMON_WORDS} | {UNSEEN}
        size = _BASE + 0x800 + len(self._vocab) + 1
        table = np.full(min(size, _MAX_CODE + 1), 1.0, dtype=np.float64)
        for key, code in self._vocab.items():
            w = COMMON_WEIGHT if key in textkeys.COMMON_WORDS else min(1.0, self.d0 / df[code]) if df[code] else 1.0
            self.weight[code] = w
            table[ord(code)] = w
        table[ord(UNSEEN)] = COMMON_WEIGHT
        table[ord(SEP)] = 0.0
        self._table = table
        self._seq_count = Counter(self.seqs)
        self._single = self._word_postings()
        self.cap_seq = max(8, n // 2000)  # a word sequence held by more quotes than this is a stock sentence
        self.pair_weights: list[bytes] = self._build_bigrams()

    def _word_postings(self) -> dict[str, list[int]]:
        """The quotes made of one word, by that word (a bigram index cannot find them). One word found
        inside a longer quote is too little to say it is a fragment of it: only the same word alone is
        looked up (a term one speaker is quoted with in two articles)."""
        out: dict[str, list[int]] = {}
        for i, seq in enumerate(self.seqs):
            if len(seq) == 1 and seq not in self._common:
                out.setdefault(seq, []).append(i)
        return out

    # ---- encoding --------------------------------------------------------------------------------

    def _code(self, key: str, grow: bool) -> str:
        code = self._vocab.get(key)
        if code is None:
            if not grow:
                return UNSEEN  # a word the index has never seen: matches nothing recorded
            i = _BASE + len(self._vocab)
            if i >= _SURROGATES:
                i += 0x800
            if i > _MAX_CODE:  # beyond the code space: rare words share codes
                i = _BASE + hash(key) % (_SURROGATES - _BASE)
            code = self._vocab[key] = chr(i)
        return code

    def _encode(self, text: str, grow: bool = False) -> str:
        """The code string of a quote's words: one character per word key, [insertions] left out."""
        known = self._surface
        out = []
        for w in textkeys.speaker_words(text):
            c = known.get(w)
            if c is None:
                c = known[w] = "".join(self._code(k, grow) for k in textkeys.word_keys(w))
            out.append(c)
        return "".join(out)

    def _info(self, seq: str) -> float:
        w = self.weight.get
        return sum(w(c, 1.0) for c in seq)

    @staticmethod
    def _bigram_codes(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The bigram codes of a code-point array and which positions hold a real bigram (no separator)."""
        ok = (a[:-1] != ord(SEP)) & (a[1:] != ord(SEP))
        return (a[:-1] << 21) | a[1:], ok

    def _build_bigrams(self) -> list[bytes]:
        """Index every quote under its word bigrams; return each quote's bigram weights (see `evidence`)."""
        if not self.seqs:
            self.info = []
            self._keys = np.zeros(0, np.int64)
            self._starts = self._counts = np.zeros(0, np.int64)
            self._post = np.zeros(0, np.int32)
            return []
        a = np.frombuffer((SEP.join(self.seqs) + SEP).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        lengths = np.fromiter((len(s) + 1 for s in self.seqs), dtype=np.int64, count=len(self.seqs))
        self._occ_start = np.concatenate(([0], np.cumsum(lengths)[:-1])).tolist()
        t = self._table
        self.info = np.add.reduceat(t[np.minimum(a, len(t) - 1)], self._occ_start).tolist()
        codes, ok = self._bigram_codes(a)
        pw = self._pair_weight(a, ok)  # word weights for now; scaled by the bigrams' frequency below
        del a
        codes[~ok] = np.iinfo(np.int64).max  # not a bigram: sorts last and is cut off
        order = np.argsort(codes, kind="stable")[: int(ok.sum())]
        qid = np.repeat(np.arange(len(self.seqs), dtype=np.int32), lengths)[: len(ok)]
        self._post = qid[order]
        del qid
        self._keys, self._starts, inverse, self._counts = np.unique(codes[order], return_index=True,
                                                                    return_inverse=True, return_counts=True)
        del codes
        # for each indexed quote, the positions in `_keys` of its bigrams (for lookups without re-encoding)
        occ = np.full(len(ok), -1, dtype=np.int32)
        occ[order] = inverse
        self._occ = occ
        pw[order] *= np.minimum(1.0, self.d0 / self._counts[inverse]).astype(np.float32)
        q = np.round(pw * 255).astype(np.uint8)
        return [q[s:s + max(0, len(seq) - 1)].tobytes() for s, seq in zip(self._occ_start, self.seqs, strict=True)]

    def _pair_weight(self, a: np.ndarray, ok: np.ndarray) -> np.ndarray:
        """What each bigram of the code-point array `a` adds when matched: the mean weight of its two words
        (0 where `ok` is false); the caller scales it down by how many quotes hold the bigram."""
        t = self._table
        w = (t[np.minimum(a[:-1], len(t) - 1)] + t[np.minimum(a[1:], len(t) - 1)]) / 2
        return (w * ok).astype(np.float32)

    def _query_pair_weights(self, seq: str) -> bytes:
        if len(seq) < 2:
            return b""
        a = np.frombuffer(seq.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        codes, ok = self._bigram_codes(a)
        df = np.ones(len(codes), dtype=np.float32)
        if len(self._keys):
            pos = np.minimum(np.searchsorted(self._keys, codes), len(self._keys) - 1)
            hit = self._keys[pos] == codes
            df[hit] = self._counts[pos[hit]]
        pw = self._pair_weight(a, ok) * np.minimum(1.0, self.d0 / df)
        return np.round(pw * 255).astype(np.uint8).tobytes()

    # ---- lookup ----------------------------------------------------------------------------------

    def _bigram_hits(self, seq: str, limit: int, position: int | None = None) -> list[tuple[int, int]]:
        """(position, bigrams shared) of indexed quotes sharing uncommon bigrams with `seq` (the indexed quote
        at `position`), most bigrams shared first."""
        if len(seq) < 2:
            # one uncommon word: the other quotes of that word alone (see `_word_postings`)
            return [(j, 1) for j in self._single.get(seq, ())[:limit]]
        if not len(self._keys):
            return []
        if position is not None:
            s = self._occ_start[position]
            pos = self._occ[s:s + len(seq) - 1]
            pos = pos[pos >= 0]
        else:
            a = np.frombuffer(seq.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            codes = np.unique((a[:-1] << 21) | a[1:])
            pos = np.minimum(np.searchsorted(self._keys, codes), len(self._keys) - 1)
            pos = pos[self._keys[pos] == codes]
        counts = self._counts[pos]
        keep = counts <= self.cap
        if keep.sum() < 2:
            # only common bigrams (a famous line quoted everywhere, or stock words): look up the two rarest,
            # each as far as `cap` quotes
            keep[np.argsort(counts, kind="stable")[:2]] = True
        pos, counts = pos[keep], np.minimum(counts[keep], self.cap)
        if not len(pos):
            return []
        starts = self._starts[pos]
        if len(pos) == 1:
            return [(j, 1) for j in self._post[starts[0]:starts[0] + counts[0]][:limit].tolist()]
        hits = np.concatenate([self._post[s:s + c] for s, c in zip(starts.tolist(), counts.tolist(), strict=True)])
        ids, shared = np.unique(hits, return_counts=True)
        best = np.argsort(-shared, kind="stable")[:limit]
        return list(zip(ids[best].tolist(), shared[best].tolist(), strict=True))

    def evidence(self, a: tuple[str, bytes, float], b: tuple[str, bytes, float]) -> Evidence | None:
        """How two quotes meet, each given as (code string, bigram weights, information); None when they
        share too little to be worth scoring.

        The information matched is the weight of the shorter quote's words found in order in the longer
        one, plus, for each two consecutive words found together, the bigram's weight: an uncommon
        sequence of common words is evidence too ("make state" in an invented example, or a rare phrase)."""
        (short, pw, info_s), (long_, _, info_l), flip = (a, b, 1) if len(a[0]) <= len(b[0]) else (b, a, -1)
        if not short or LCSseq.similarity(short, long_) < max(min(2, len(short)), 0.5 * len(short)):
            return None
        w = self.weight.get
        common = self._common
        words = pairs = 0.0
        content = 0
        blocks = word_alignment(short, long_)
        for i, _, n in blocks:
            words += sum(w(c, 1.0) for c in short[i:i + n])
            content += sum(c not in common for c in short[i:i + n])
            pairs += sum(pw[i:i + n - 1])
        if not words or not info_s:
            return None
        # words of the short quote found far apart in the long one are not a fragment of it
        spread = blocks[-1][1] + blocks[-1][2] - blocks[0][1]
        scatter = min(1.0, (2 * len(short) + 2) / spread)
        fragment = flip if len(short) < FRAGMENT_RATIO * len(long_) else 0
        return Evidence(min(1.0, scatter * words / info_s), min(1.0, words / info_l), scatter * (words + pairs / 255),
                        content, fragment, len(short))

    def _repeat(self, seq: str, quote: Quote, j: int, rel: int, content: int) -> bool:
        """Is `seq` a word sequence that few quotes hold (of four words or more; of any length with an
        uncommon word when the same person is quoted), or are the two quotes in one article?"""
        if quote.article_id == self.quotes[j].article_id:
            return True
        if len(seq) < 4 and not (rel > 0 and content >= 1):
            return False
        return self._seq_count[seq] <= self.cap_seq

    def _two_occasions(self, a: Quote, b: Quote, ev: Evidence) -> bool:
        """From articles dated far apart (`occasions.apart`), only the same words of one speaker (or of an
        unknown one), four words or more, are one utterance, quoted again later; a reworded rendering or a
        word or two is taken for another occasion, and the same words from two people named beside the quotes for a line somebody
        repeated (a name found by resolving a pronoun is too weak to say so)."""
        if not occasions.apart(self.days.get(a.article), self.days.get(b.article)):
            return False
        firm = all(q.speaker is not None and q.speaker.resolution != "pronoun" for q in (a, b))
        return (firm and speaker_relation(a, b) < 0) or ev.containment < 0.8 or ev.length < FEW_WORDS

    def _keyed(self, i: int) -> tuple[str, bytes, float]:
        return self.seqs[i], self.pair_weights[i], self.info[i]

    def query(self, quote: Quote, limit: int = 30, position: int | None = None,
              pairwise: bool = False) -> list[tuple[int, Evidence, int]]:
        """(index position, evidence, speaker relation) of the accepted candidates for `quote`, best first.

        `position` is the quote's own place in the index when it is there (it is left out of the answer).
        With `pairwise` (for a pass over every indexed quote) each pair is scored once: a candidate of
        similar length only when it comes later in the index, a shorter candidate (a fragment of this
        quote) never, since the fragment's own query finds this quote."""
        if position is not None:
            mine = self._keyed(position)
        else:
            seq = self._encode(quote.text)
            mine = (seq, self._query_pair_weights(seq), self._info(seq))
        n = len(mine[0])
        out = []
        if quote.kind == "scare":
            return out  # a term, title or slogan in quote marks is nobody's utterance: never linked
        for j, shared in self._bigram_hits(mine[0], limit + 1, position):
            if j == position or self.quotes[j].quote_id == quote.quote_id or self.quotes[j].kind == "scare":
                continue
            if shared == 1 and min(n, len(self.seqs[j])) >= 6:
                continue  # one bigram in common between two quotes of six words or more: not the same words
            if pairwise:
                other = len(self.seqs[j])
                if other < FRAGMENT_RATIO * n or (j < position and n >= FRAGMENT_RATIO * other):
                    continue
            ev = self.evidence(mine, self._keyed(j))
            if ev is None:
                continue
            rel = link_relation(quote, self.quotes[j])
            if self.days and self._two_occasions(quote, self.quotes[j], ev):
                continue
            shorter = quote if n <= len(self.seqs[j]) else self.quotes[j]
            if accepts(ev, rel, self._repeat(mine[0], quote, j, rel, ev.content), shorter.kind == "partial"):
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
