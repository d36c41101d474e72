"""Finding the passage of a transcript that a quote renders, word by word.

A transcript is read as lines or paragraphs, each a recorded quote. Consecutive lines of one speaker are
one *turn* (stage directions such as "(APPLAUSE)" or "[ booing ]" between them do not end it), so a quote
that runs over several transcript sentences is matched against all of them at once.

`PassageIndex.passages(quote)` finds the turns that share the quote's informative words and aligns the
quote with each of them: a *fitting* alignment, in which every word of the quote is placed and the turn's
words before and after the quoted passage cost nothing. Where the article marks a cut (an ellipsis, or
words replaced by a [bracketed] insertion) the turn's words left out cost nothing either. Words are
compared by their keys (`quotes.compare.textkeys`: case, punctuation, contractions, spelling, small numbers).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from quotes.check.record import Recorded
from quotes.compare.textkeys import COMMON_WORDS, WORD, Word, word_keys, words
from quotes.model import Quote

# spoken fillers a transcript keeps and every outlet drops: cheap to leave out while aligning
FILLERS = frozenset("um uh ah er erm hmm mm".split())
ASIDE = re.compile(r"\[[^\]]*\]|\([^)]*\)")  # [inaudible], (APPLAUSE), (sic): the transcriber's notes
QUOTE_LABEL = re.compile(r"^\W*[A-Z][A-Z.'’ -]{1,40}:\s+")  # "RAMOS: …" quoted from a transcript inside an article
# how speech is written down versus how outlets print it ("'cause" is read as "cause")
SPOKEN = {"cause": "because", "cuz": "because", "em": "them", "til": "until", "till": "until", "ok": "okay"}
WINDOW_SLACK = 12  # turn words considered on each side of the densest run of shared words


def norm(key: str) -> str:
    """A word's key as compared here: spoken forms written out, a possessive 's or s' dropped."""
    key = SPOKEN.get(key, key)
    return key[:-2] if key.endswith("'s") and len(key) > 3 else key


class Token(NamedTuple):
    """One comparison key of a word: the word it belongs to and where that word is."""

    key: str
    word: Word  # offsets are in `entry.quote.text` (transcript) or in the quote's text (article)
    entry: int = 0  # index of the transcript line in the turn (0 for a quote)
    cut_before: bool = False  # (quote side) the article marks a cut or an insertion before this word
    repeat: bool = False  # (turn side) part of a phrase said twice in a row ("I have to say this, I have to say this")


@dataclass(frozen=True)
class Turn:
    """Consecutive transcript lines of one speaker."""

    source: str
    speaker: str
    entries: tuple[Recorded, ...]
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Passage:
    """How a quote lines up with a turn: `ops` are (op, quote token index, turn token index), op one of
    `=` (same key), `~` (a different word), `+` (a quote word the turn lacks), `-` (a turn word left out).
    `start`/`end` are the turn tokens the quote spans (end exclusive)."""

    turn: Turn
    quote_tokens: tuple[Token, ...]
    ops: tuple[tuple[str, int, int], ...]
    start: int
    end: int
    cost: float

    @property
    def matched(self) -> int:
        return sum(1 for op, _, _ in self.ops if op == "=")

    @property
    def share(self) -> float:
        """The share of the quote's words found in the turn, in order."""
        return self.matched / max(1, len(self.quote_tokens))

    @property
    def first_token(self) -> Token:
        return self.turn.tokens[min(self.start, len(self.turn.tokens) - 1)]

    def entry_at(self, t: int) -> Recorded:
        return self.turn.entries[self.turn.tokens[min(t, len(self.turn.tokens) - 1)].entry]

    @property
    def first(self) -> Recorded:
        """The transcript line the quoted passage starts on (the line a finding rests on)."""
        return self.entry_at(self.start)

    @property
    def last(self) -> Recorded:
        return self.entry_at(max(self.start, self.end - 1))

    def lines(self) -> str:
        a, b = self.first.quote.line, self.last.quote.line
        return f"line {a}" if a == b else f"lines {a}-{b}"


def is_aside(text: str) -> bool:
    """A stage direction: nothing but the transcriber's notes in brackets or parentheses."""
    return not any(c.isalnum() for c in ASIDE.sub("", text))


def turn_tokens(entries: Iterable[Recorded]) -> tuple[Token, ...]:
    out: list[Token] = []
    for n, e in enumerate(entries):
        text = e.quote.text
        asides = [m.span() for m in ASIDE.finditer(text)]
        for w in words(text):
            if any(a <= w.start < b for a, b in asides):
                continue
            out += [Token(norm(k), w, n) for k in w.keys]
    return mark_repeats(out)


MAX_REPEAT = 6  # the longest phrase a speaker restarts with


def mark_repeats(tokens: list[Token]) -> tuple[Token, ...]:
    """Mark both copies of a phrase said twice in a row: saying it once is spoken-language clean-up."""
    keys = [t.key for t in tokens]
    marked = [False] * len(keys)
    for k in range(1, MAX_REPEAT + 1):
        for j in range(len(keys) - 2 * k + 1):
            if keys[j:j + k] == keys[j + k:j + 2 * k]:
                marked[j:j + 2 * k] = [True] * (2 * k)
    return tuple(t._replace(repeat=True) if m else t for t, m in zip(tokens, marked, strict=True))


def quote_tokens(quote: Quote) -> tuple[Token, ...]:
    """The speaker's words of a quote: [bracketed] insertions left out, and a cut marked where the
    writer's ellipsis or insertion stands. A leading transcript label ("RAMOS:") is not the speaker's."""
    text = quote.text
    skip = m.end() if (m := QUOTE_LABEL.match(text)) else 0
    out: list[Token] = []
    pending = False  # an insertion stands in for words of the speaker: a cut before the next word
    for w in words(text):
        if w.start < skip:
            continue
        if w.bracketed:
            pending = True
            continue
        for i, k in enumerate(w.keys):
            out.append(Token(norm(k), w, 0, cut_before=i == 0 and (pending or w.after_cut)))
        pending = False
    return tuple(out)


def speaker_runs(entries: Iterable[Recorded]) -> list[tuple[Recorded, ...]]:
    """The turns of every transcript among `entries`: runs of lines of one speaker, in reading order."""
    by_source: dict[str, list[Recorded]] = defaultdict(list)
    for e in entries:
        if e.transcript:
            by_source[e.source].append(e)
    runs: list[tuple[Recorded, ...]] = []
    for lines in by_source.values():
        lines.sort(key=lambda e: e.quote.start_char)
        run: list[Recorded] = []
        for e in lines:
            if is_aside(e.quote.text):
                continue
            if run and _name(run[-1]) != _name(e):
                runs.append(tuple(run))
                run = []
            run.append(e)
        if run:
            runs.append(tuple(run))
    return runs


def _name(e: Recorded) -> str:
    return e.quote.speaker.name if e.quote.speaker else ""


def make_turn(run: tuple[Recorded, ...]) -> Turn:
    return Turn(run[0].source, _name(run[0]), run, turn_tokens(run))


class PassageIndex:
    """Transcript turns, found by the informative words they share with a quote."""

    def __init__(self, entries: Iterable[Recorded]):
        self.runs = speaker_runs(entries)
        self._turns: dict[int, Turn] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        for n, run in enumerate(self.runs):
            keys = {norm(k) for e in run for w in WORD.findall(e.quote.text) for k in word_keys(w)}
            for k in keys:
                if informative(k):
                    self._postings[k].append(n)
        total = max(1, len(self.runs))
        self._idf = {k: math.log(1 + total / len(v)) for k, v in self._postings.items()}

    def __len__(self) -> int:
        return len(self.runs)

    def turn(self, n: int) -> Turn:
        if n not in self._turns:
            self._turns[n] = make_turn(self.runs[n])
        return self._turns[n]

    def passages(self, quote: Quote, limit: int = 6) -> list[Passage]:
        """The best alignment of `quote` with each of the turns most likely to hold it, best first."""
        qt = quote_tokens(quote)
        keys = {t.key for t in qt if informative(t.key) and t.key in self._idf}
        if not qt or not keys:
            return []
        score: dict[int, float] = defaultdict(float)
        for k in keys:
            for n in self._postings[k]:
                score[n] += self._idf[k]
        whole = sum(self._idf[k] for k in keys)
        ranked = sorted((n for n, s in score.items() if s >= 0.4 * whole), key=lambda n: -score[n])[:limit]
        found = [align(qt, self.turn(n)) for n in ranked]
        found = [p for p in found if p.turn.tokens]
        return sorted(found, key=lambda p: (-p.matched, p.cost))


def informative(key: str) -> bool:
    return key not in COMMON_WORDS and len(key) > 1 or key[:1].isdigit()


def window(qt: tuple[Token, ...], turn: Turn) -> tuple[int, int]:
    """The stretch of the turn worth aligning: the densest run of the quote's words, with some slack
    (the whole turn when the article marks a cut, which may leave out any number of words)."""
    n = len(turn.tokens)
    if any(t.cut_before for t in qt) or n <= 3 * len(qt) + 2 * WINDOW_SLACK:
        return 0, n
    wanted = {t.key for t in qt if informative(t.key)} or {t.key for t in qt}
    hits = [j for j, tok in enumerate(turn.tokens) if tok.key in wanted]
    if not hits:
        return 0, n
    span = len(qt) + WINDOW_SLACK
    best, best_at, lo = -1, hits[0], 0
    for hi, j in enumerate(hits):
        while hits[lo] < j - span:
            lo += 1
        seen = len({turn.tokens[x].key for x in hits[lo:hi + 1]})
        if seen > best:
            best, best_at = seen, hits[lo]
    return max(0, best_at - WINDOW_SLACK), min(n, best_at + span + WINDOW_SLACK)


def align(qt: tuple[Token, ...], turn: Turn) -> Passage:
    """The fitting alignment of the quote's tokens with a window of the turn (see the module doc)."""
    a, b = window(qt, turn)
    tt = turn.tokens[a:b]
    m, n = len(qt), len(tt)
    inf = float("inf")
    # cost[i][j]: quote tokens [:i] aligned, the passage ending before turn token j; back[i][j]: the step
    cost = [[0.0] * (n + 1)] + [[inf] * (n + 1) for _ in range(m)]
    back = [[""] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        qk = qt[i - 1].key
        free = i < m and qt[i].cut_before  # the writer's cut after this word: turn words left out are marked
        row, prev = cost[i], cost[i - 1]
        brow = back[i]
        for j in range(0, n + 1):
            best, step = prev[j] + 1.0, "+"
            if j:
                c = prev[j - 1] + (0.0 if tt[j - 1].key == qk else 1.0)
                if c <= best:
                    best, step = c, ("=" if tt[j - 1].key == qk else "~")
                skip = 0.0 if free else (0.1 if tt[j - 1].repeat else 0.2 if tt[j - 1].key in FILLERS else 1.0)
                c = row[j - 1] + skip
                if c < best or (c == best and step != "="):  # leave a word out rather than swap one
                    best, step = c, "-"
            row[j], brow[j] = best, step
    end = min(range(n + 1), key=lambda j: (cost[m][j], -j))  # at a tie, words set against words, not added
    ops: list[tuple[str, int, int]] = []
    i, j = m, end
    while i > 0:
        step = back[i][j]
        if step in ("=", "~"):
            ops.append((step, i - 1, a + j - 1))
            i, j = i - 1, j - 1
        elif step == "+":
            ops.append(("+", i - 1, a + j))
            i -= 1
        else:
            ops.append(("-", i, a + j - 1))
            j -= 1
    ops.reverse()
    placed = [t for op, _, t in ops if op in ("=", "~")]
    start = placed[0] if placed else a + j
    stop = placed[-1] + 1 if placed else start
    return Passage(turn, qt, tuple(ops), start, stop, cost[m][end])
