"""Number normalisation: "three" = 3, "1,200" = 1200, "a dozen" = 12, "2.5 million" = 2500000.

Pure text, no model. `parse_number` reads a whole phrase (a spaCy CARDINAL/QUANTITY entity, or the
`nummod` token of a counted noun) and returns a `Number`: the value and, for "more than three" or
"about 40", the bound or approximation that keeps two different figures from being called a conflict.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.lexicon import ONES, TENS
from quotes.lexicon import SCALES as NUMBER_SCALES

# the number words, and the words that count in a figure ("a hundred", "no one", "both", "a couple")
UNITS = {**ONES, "no": 0, "none": 0, "a": 1, "an": 1, "single": 1, "both": 2, "pair": 2, "couple": 2}
SCALES = {**NUMBER_SCALES, "dozen": 12, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# qualifier words -> relation of the true value to the figure written
LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than")
UPPER = ("fewer than", "less than", "under", "at most", "up to", "no more than", "below")
APPROX = ("about", "around", "roughly", "nearly", "almost", "some", "approximately", "an estimated",
          "close to", "dozens of", "hundreds of", "thousands of", "several")

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@dataclass(frozen=True)
class Number:
    value: float
    relation: str = "="  # "=" exact, ">" at least / more than, "<" at most / fewer than, "~" approximately

    def __str__(self) -> str:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return f"{'' if self.relation == '=' else self.relation}{v}"

    def compatible(self, other: Number) -> bool:
        """Could both figures describe the same true count? (exact figures must be equal)"""
        a, b = self, other
        if a.relation == "=" and b.relation == "=":
            return a.value == b.value
        if "~" in (a.relation, b.relation):
            return True
        lo, hi = float("-inf"), float("inf")
        for n in (a, b):
            if n.relation == "=":
                lo, hi = max(lo, n.value), min(hi, n.value)
            elif n.relation == ">":
                lo = max(lo, n.value)
            elif n.relation == "<":
                hi = min(hi, n.value)
        return lo <= hi


def _words(text: str) -> list[str]:
    t = text.casefold().replace("-", " ").replace("\u2011", " ")
    return [w for w in re.split(r"\s+", t.strip()) if w and w != "and"]


def _parse_plain(words: list[str]) -> float | None:
    """Digits ("1,200", "2.5 million") or words ("two hundred and five", "a dozen")."""
    if not words:
        return None
    if _DIGITS.match(words[0]):
        value = float(words[0].replace(",", ""))
        for w in words[1:]:
            if w not in SCALES:
                return None
            value *= SCALES[w]
        return value
    m = re.match(r"^(\d+(?:\.\d+)?)(m|bn|k)$", words[0])
    if m and len(words) == 1:
        return float(m.group(1)) * SCALES[m.group(2)]
    total, current, seen = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] in SCALES:
            current += 1
        elif w in UNITS and not (w in ("a", "an", "no", "both", "pair", "couple") and len(words) > 1):
            current += UNITS[w]
        elif w in ("pair", "couple"):
            current = (current or 1) * 2
        elif w in TENS:
            current += TENS[w]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * SCALES[w]
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        elif w == "of" and i == len(words) - 1:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> Number | None:
    """The number a phrase writes, or None. "a dozen" = 12; "more than 1,200" = >1200; "the" -> None."""
    t = " ".join(text.casefold().replace("\u00a0", " ").split())
    relation = "="
    for words, rel in ((LOWER, ">"), (UPPER, "<"), (APPROX, "~")):
        for q in words:
            if t == q or t.startswith(q + " "):
                relation = rel
                if q.endswith(" of"):  # "dozens of" -> an open approximation with the scale as the floor
                    base = _parse_plain([q.split()[0].rstrip("s")])
                    return Number(base or 0, "~")
                t = t[len(q):].strip()
                break
        if relation != "=":
            break
    value = _parse_plain(_words(t))
    if value is None:
        return None
    return Number(value, relation)
