"""What a quote did to the transcript passage it renders: the journalist's rules for quoting speech.

An aligned passage (`quotes.check.passage`) is cut into *regions*: runs of words where the quote and the
transcript differ. Each region is one of

- faithful: cosmetic (the same words in another order of two or three, written together or apart, a
  number written in figures or words, "$1 trillion" / "a trillion dollars"), spoken-language clean-up
  (a filler such as "um" or a "well," set off by commas dropped, a repeated word or phrase said once, one
  garbled transcript word), or an edit the article marks (words left out at an ellipsis, words replaced
  by a [bracketed] insertion);
- unverified: words of the quote before the start or after the end of the transcript turn, or four or
  more words at the quote's start or end with nothing in common with the turn there;
- a change: words the quote swaps, adds or leaves out without marking it. A change is flagged when it
  touches a negation, a number, a hedge or a modal.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from quotes.check.passage import FILLERS, Passage, Token, informative
from quotes.compare.textkeys import HEDGES, MODALS, is_number
from quotes.lexicon import NEGATIONS

# words a speaker sets off with commas that carry nothing ("So it's easy to say, well, I'm going to")
DISCOURSE = frozenset("well so now look like oh okay ok see again anyway".split())
FILLER_PHRASES = (("you", "know"), ("i", "mean"), ("you", "see"))
A_AN = {"an": "a"}  # an article may write either where the speaker's "a" or "an" stands
CURRENCY = frozenset("dollar dollars percent per cent usd".split())
GARBLE_RATIO = 80  # one transcript word this close to the article's word (and 5+ letters) is a mishearing
MIN_BEYOND = 4  # quote words at an edge unlike anything in the turn there are not the passage's
MAX_MARKED_REPLACEMENT = 6  # a [bracketed] insertion stands in for a few words, not a paragraph


@dataclass(frozen=True)
class Region:
    """One place where the quote and the transcript differ."""

    kind: str  # faithful | unverified | change
    why: str  # cosmetic | clean-up | marked | before-turn | after-turn | omitted | added | substituted
    quote: tuple[Token, ...]
    said: tuple[Token, ...]
    flags: tuple[str, ...] = ()
    gap: int = 0  # the quote token the region stands before (where words left out would go)

    @property
    def size(self) -> int:
        return max(len(self.quote), len(self.said))


def regions(p: Passage) -> list[Region]:
    """Every difference between the quote and the passage, classified (in quote order)."""
    runs: list[list[tuple[str, int, int]]] = [[]]
    for op in p.ops:
        if op[0] == "=" or at_cut(p, op) != at_cut(p, runs[-1][-1] if runs[-1] else op):
            runs.append([])  # words left out at a marked cut are a region of their own
        if op[0] != "=":
            runs[-1].append(op)
    runs = [r for r in runs if r]
    out = [classify(p, r) for r in runs]
    return _merge(p, runs, out)


def at_cut(p: Passage, op: tuple[str, int, int]) -> bool:
    """A transcript word left out where the article marks a cut (before a quote word after an ellipsis
    or an insertion)."""
    return op[0] == "-" and 0 < op[1] < len(p.quote_tokens) and p.quote_tokens[op[1]].cut_before


def classify(p: Passage, run: list[tuple[str, int, int]]) -> Region:
    r = _classify(p, run)
    return Region(r.kind, r.why, r.quote, r.said, r.flags, run[0][1])


def _classify(p: Passage, run: list[tuple[str, int, int]]) -> Region:
    """A run of ops in which the quote and the turn differ: what kind of difference it is."""
    qt, tt = p.quote_tokens, p.turn.tokens
    q = tuple(qt[i] for op, i, _ in run if op in ("~", "+"))
    s = tuple(tt[t] for op, _, t in run if op in ("~", "-"))
    first_q = next((i for op, i, _ in run), 0)
    last_q = max((i for op, i, _ in run if op in ("~", "+")), default=-1)
    if q and first_q == 0 and _beyond(p, len(q), head=True):
        return Region("unverified", "before-turn", q, s)
    if q and last_q == len(qt) - 1 and _beyond(p, len(q), head=False):
        return Region("unverified", "after-turn", q, s)
    if _elsewhere(q, s) and (first_q == 0 or last_q == len(qt) - 1):
        return Region("unverified", "before-passage" if first_q == 0 else "after-passage", q, s)
    if not q:
        why = _left_out(p, run, s)
        if why:
            return Region("faithful", why, q, s)
        return Region("change", "omitted", q, s, flags(q, s))
    if _cosmetic(q, s) or _unit(p, run, q + s):
        return Region("faithful", "cosmetic", q, s)
    if len(q) == 1 and len(s) == 1 and _garbled(q[0], s[0]):
        return Region("faithful", "clean-up", q, s)
    return Region("change", "added" if not s else "substituted", q, s, flags(q, s))


def _elsewhere(q: tuple[Token, ...], s: tuple[Token, ...]) -> bool:
    """Words at the quote's start or end that have nothing in common with the turn there: the passage
    the quote renders ends before them (said at another point, or not on record)."""
    return len(q) >= MIN_BEYOND and not {t.key for t in q if informative(t.key)} & {t.key for t in s}


def _beyond(p: Passage, n: int, head: bool) -> bool:
    """The quote's first (last) `n` words stand where the turn has (almost) no words left: the quote
    starts before the turn or goes on after it ends, past what the record covers."""
    placed = [t for op, _, t in p.ops if op == "="]
    if not placed:
        return False
    left = placed[0] if head else len(p.turn.tokens) - 1 - placed[-1]
    return left < n and left <= 2


def _left_out(p: Passage, run, said: tuple[Token, ...]) -> str | None:
    """Why words of the transcript may be missing from the quote without a mark, or None."""
    after = run[-1][1]  # the quote token that follows the gap
    if 0 < after < len(p.quote_tokens) and p.quote_tokens[after].cut_before:
        if p.quote_tokens[after].word.after_cut or len(said) <= MAX_MARKED_REPLACEMENT:
            return "marked"  # an ellipsis may leave out any words; an insertion stands in for a few
    keys = [t.key for t in said]
    if all(k in FILLERS for k in keys):
        return "clean-up"
    if _fillers(p, said):
        return "clean-up"
    if _repeated(p, run, keys):
        return "clean-up"
    return None


def _fillers(p: Passage, said: tuple[Token, ...]) -> bool:
    """Only fillers: "um", "uh", "you know", or a discourse word set off by commas."""
    keys = [t.key for t in said]
    i = 0
    while i < len(keys):
        if keys[i] in FILLERS:
            i += 1
            continue
        pair = tuple(keys[i:i + 2])
        if pair in FILLER_PHRASES and _set_off(p, said[i], said[i + 1]):
            i += 2
            continue
        if keys[i] in DISCOURSE and _set_off(p, said[i], said[i]):
            i += 1
            continue
        return False
    return True


def _set_off(p: Passage, first: Token, last: Token) -> bool:
    """The words stand between commas (or open a line and are followed by a comma)."""
    text = p.turn.entries[first.entry].quote.text
    before = text[: first.word.start].rstrip()
    after = text[last.word.end:].lstrip()
    return (not before or before[-1] in ",;—–-.!?") and after[:1] in (",", "—", "–", "-")


def _repeated(p: Passage, run, keys: list[str]) -> bool:
    """The words left out repeat the words said right before or right after them (a stammer, a restart)."""
    tt = p.turn.tokens
    ts = [t for op, _, t in run if op == "-"]
    a, b = min(ts), max(ts) + 1
    n = b - a
    before = [t.key for t in tt[max(0, a - n):a]]
    after = [t.key for t in tt[b:b + n]]
    return keys == before or keys == after


def normal(k: str) -> str:
    return A_AN.get(k, k)


def _cosmetic(q: tuple[Token, ...], s: tuple[Token, ...]) -> bool:
    qk, sk = [normal(t.key) for t in q], [normal(t.key) for t in s]
    if "".join(qk) == "".join(sk) or (len(qk) <= 4 and Counter(qk) == Counter(sk)):
        return True  # "health care" / "healthcare"; "to want" / "want to"
    if any(is_number(k) for k in qk + sk):
        return amount(qk) == amount(sk)  # "$1 trillion" / "a trillion dollars"; "10 percent" / "10%"
    return False


def _unit(p: Passage, run, tokens: tuple[Token, ...]) -> bool:
    """Only a currency or unit word, next to an amount: "a trillion dollars" for "$1 trillion"."""
    if not tokens or any(t.key not in CURRENCY for t in tokens):
        return False
    i = p.ops.index(run[0])
    near = p.ops[max(0, i - 2):i] + p.ops[i + len(run):i + len(run) + 2]
    return any(is_number(p.quote_tokens[q].key) for op, q, _ in near if op == "=")


MULTIPLIERS = frozenset({"100", "1000", "1000000", "1000000000", "1000000000000"})
NUMERAL = re.compile(r"\d+(?:\.\d+)?")


def amount(keys: list[str]) -> Counter:
    """The words of an amount with the numbers worked out ("three hundred" = 300, "a trillion" =
    "1 trillion"), without currency or unit words."""
    keys = [k for k in keys if k not in CURRENCY]
    out: list[object] = []
    value: float | None = None
    for i, k in enumerate(keys):
        if k in ("a", "an") and i + 1 < len(keys) and keys[i + 1] in MULTIPLIERS:
            k = "1"
        if NUMERAL.fullmatch(k):
            v = float(k)
            value = v if value is None else value * v if k in MULTIPLIERS and value < v else value + v
            continue
        if value is not None:
            out.append(value)
            value = None
        out.append(k)
    if value is not None:
        out.append(value)
    return Counter(out)


def _garbled(q: Token, s: Token) -> bool:
    a, b = q.key, s.key
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 5:
        return False
    if {a, b} & (NEGATIONS | MODALS | HEDGES):
        return False
    return fuzz.ratio(a, b) >= GARBLE_RATIO or a.startswith(b) or b.startswith(a)  # "entitle" / "entitlement"


def flags(q: tuple[Token, ...], s: tuple[Token, ...]) -> tuple[str, ...]:
    qk, sk = {t.key for t in q}, {t.key for t in s}
    diff = qk ^ sk
    out = []
    if diff & NEGATIONS or any(k.startswith("un") and k[2:] in sk | qk for k in diff):
        out.append("negation")
    if any(is_number(k) for k in diff):
        out.append("number")
    if diff & HEDGES:
        out.append("hedge")
    if diff & MODALS:
        out.append("modal")
    return tuple(out)


def _merge(p: Passage, runs, out: list[Region]) -> list[Region]:
    """Two changes a word or two apart that together only reorder words, or write the same amount
    another way ("$1 trillion" / "a trillion dollars"), are cosmetic."""
    merged: list[Region] = []
    i = 0
    while i < len(out):
        r = out[i]
        if i + 1 < len(out) and "change" in (r.kind, out[i + 1].kind) and "unverified" not in (r.kind, out[i + 1].kind):
            nxt = out[i + 1]
            between = [op for op in p.ops[p.ops.index(runs[i][-1]) + 1:p.ops.index(runs[i + 1][0])]]
            if len(between) <= 2 and all(op[0] == "=" for op in between):
                gap_q = tuple(p.quote_tokens[q] for _, q, _ in between)
                gap_s = tuple(p.turn.tokens[t] for _, _, t in between)
                q, s = r.quote + gap_q + nxt.quote, r.said + gap_s + nxt.said
                if q and s and _cosmetic(q, s):
                    merged.append(Region("faithful", "cosmetic", q, s))
                    i += 2
                    continue
        merged.append(r)
        i += 1
    return merged


def describe(r: Region) -> str:
    """“transcript words” → “quote words” (type: flags)."""
    said = clip(" ".join(t.word.text for t in _dedupe(r.said)))
    new = clip(" ".join(t.word.text for t in _dedupe(r.quote)))
    tag = r.why + (": " + ", ".join(r.flags) if r.flags else "")
    if not r.quote:
        return f"omits “{said}” ({tag})"
    if not r.said:
        return f"adds “{new}” ({tag})"
    return f"“{said}” → “{new}” ({tag})"


def clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _dedupe(tokens: tuple[Token, ...]) -> list[Token]:
    """One token per word (a contraction has two keys)."""
    out: list[Token] = []
    for t in tokens:
        if not out or out[-1].word != t.word or out[-1].entry != t.entry:
            out.append(t)
    return out
