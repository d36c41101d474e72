"""Figures written in other ways: shares ("6 in 10", "64 percent", "two-thirds", "half", "a majority") and
margins in points ("a 20-point lead", "double-digit leads", "by more than 20 points").

Pure text, no model. Each figure is read as the interval of true values its words allow, so that two
figures written differently can be found compatible: "more than 6 in 10" (above 0.6) fits "64 percent"
(0.635 to 0.645, its rounding) and "nearly two-thirds"; "a double-digit lead" (10 to 99 points) fits "a
20-point lead". A share written as "N in 10" or as a fraction is a rounded figure: it allows 0.05 either
side ("6 in 10" is 0.55 to 0.65), a whole percent 0.005.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.claims.numbers import APPROX, LOWER, UPPER, parse_number

_QUAL = "|".join(sorted((re.escape(q) for q in LOWER + UPPER + APPROX if not q.endswith(" of")), key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?|[a-z]+"
_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
              "fifth": 1 / 5, "fifths": 1 / 5}
_IN = re.compile(rf"\b(?:({_QUAL}) )?({_NUM}) (?:in|out of|of every) (10|ten|\d+|[a-z]+)\b")
_PERCENT = re.compile(rf"\b(?:({_QUAL}) )?(\d+(?:\.\d+)?) ?(?:%|percent\b|per cent\b)")
_FRACTION = re.compile(rf"\b(?:({_QUAL}) )?(a|an|one|two|three|four)[- ](half|thirds?|quarters?|fifths?)\b(?![-\w]| (?:hour|day|week|month|year|mile|dozen|century))")
_HALF = re.compile(rf"\b(?:({_QUAL}) )?half (?=of\b|the\b)")
_MAJORITY = re.compile(r"\b(?:a|the) (?:clear |narrow |slim |large |big |vast |solid )?(majority|minority)\b")
_DIGITS = re.compile(r"\b(single|double|triple)[- ]digits?\b")
_POINTS = re.compile(rf"\b(?:({_QUAL}) )?({_NUM})[- ]points?\b")
# words that make a figure in points a margin (a lead, a win by N points) rather than a score
MARGIN_WORDS = re.compile(r"\b(lead|leads|leading|led|margin|advantage|edge|ahead|behind|trail|trails|trailing|"
                          r"won|win|wins|beat|beats|defeated|swing)\b")


@dataclass(frozen=True)
class Figure:
    """A share (0..1) or a margin in points, as the interval of true values its words allow."""

    kind: str  # "share" or "points"
    low: float
    high: float
    start: int  # character offsets of the figure's words in the text it was read from
    end: int

    def compatible(self, other: Figure) -> bool:
        return self.kind == other.kind and self.low < other.high and other.low < self.high


def _bounds(value: float, spread: float, qual: str | None, top: float) -> tuple[float, float]:
    """The interval a rounded figure and its qualifier allow."""
    if qual is None:  # a hair under the rounding, so that "1 percent" and "2 percent" do not touch
        return value - 0.999 * spread, value + 0.999 * spread
    q = qual.casefold()
    if q in LOWER:
        return value, top
    if q in UPPER:
        return 0.0, value
    if q in ("nearly", "almost", "close to"):
        return value - spread - 0.05 * value, value + spread
    return value - 2 * spread - 0.05 * value, value + 2 * spread + 0.05 * value  # about, roughly


def _count(word: str) -> float | None:
    n = parse_number(word)
    return None if n is None or n.relation != "=" else n.value


def figures(text: str) -> list[Figure]:
    """Every share and margin in points a text writes, with their offsets."""
    low = text.casefold().replace("\u00a0", " ").replace("\u2011", "-")
    out: list[Figure] = []
    for m in _IN.finditer(low):
        part, whole = _count(m.group(2)), _count(m.group(3))
        if part is not None and whole and 0 < part < whole <= 100:
            lo, hi = _bounds(part / whole, min(0.5 / whole, 0.05), m.group(1), 1.0)
            out.append(Figure("share", lo, hi, m.start(), m.end()))
    for m in _PERCENT.finditer(low):
        v = float(m.group(2))
        spread = 0.005 if "." not in m.group(2) else 0.0005
        lo, hi = _bounds(v / 100, spread, m.group(1), 1.0)
        out.append(Figure("share", lo, hi, m.start(), m.end()))
    for m in _FRACTION.finditer(low):
        n = 1.0 if m.group(2) in ("a", "an", "one") else float(_count(m.group(2)) or 0)
        v = n * _FRACTIONS[m.group(3)]
        if 0 < v < 1:
            lo, hi = _bounds(v, 0.05, m.group(1), 1.0)
            out.append(Figure("share", lo, hi, m.start(), m.end()))
    for m in _HALF.finditer(low):
        lo, hi = _bounds(0.5, 0.05, m.group(1), 1.0)
        out.append(Figure("share", lo, hi, m.start(), m.end() - 1))
    for m in _MAJORITY.finditer(low):
        lo, hi = (0.5, 1.0) if m.group(1) == "majority" else (0.0, 0.5)
        out.append(Figure("share", lo, hi, m.start(), m.end()))
    margin = MARGIN_WORDS.search(low) is not None
    if margin:
        for m in _DIGITS.finditer(low):
            lo, hi = {"single": (1, 9), "double": (10, 99), "triple": (100, 999)}[m.group(1)]
            out.append(Figure("points", lo, hi, m.start(), m.end()))
    for m in _POINTS.finditer(low):
        v = _count(m.group(2))
        if v is not None and v > 0 and (margin or low[:m.start()].endswith("by ")):
            lo, hi = _bounds(v, 0.5 if "." not in m.group(2) else 0.05, m.group(1), 1000.0)
            out.append(Figure("points", lo, hi, m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)
