"""One identity for a speaker across articles.

"Trump" = "Donald Trump" = "President Trump" = "Donald J. Trump"; "Kim Jong-un" = "Kim Jong Un";
"Kim Yo-jong" is someone else. Names are compared by a folded key (case, accents, hyphens, dots and
titles removed); a shorter name matches a longer one when all its words are in it and they share the
last word (the family name in Western order) or the first word (Korean/Chinese order, "Kim Jong Un").
"""
from __future__ import annotations

import re
import unicodedata

TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice former late sen senator rep representative
    gov governor mayor secretary minister prime chancellor king queen prince princess pope general gen
    col colonel lt captain capt adm admiral sgt judge justice chief leader chairman chairwoman chair
    ceo director ambassador attorney speaker u.s us foreign unification state deputy first lady the
    north south korean american supreme rev reverend father sheikh""".split()
)


def fold(name: str) -> str:
    """Case, accents, hyphens, dots, apostrophes and possessives folded away."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[-‐‑–.,'\"“”]", " ", s)
    return " ".join(s.split())


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without titles ("President Donald J. Trump" -> donald, j, trump)."""
    words = fold(name).split()
    core = [w for w in words if w not in TITLES]
    return tuple(core or words)


def key(name: str) -> str:
    """The identity key of a name as written: its folded words without titles."""
    return " ".join(name_words(name))


def same_person(a: str, b: str) -> bool:
    """Do two names written in two places name the same person? (conservative: no shared-surname merges)"""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not set(short) <= set(long_):
        return False
    if len(short) == 1:
        # "Trump" ~ "Donald Trump"; "Kim" ~ "Kim Jong Un" is ambiguous across articles (Kim Yo-jong):
        # allow a one-word name only when it is the last word of the longer one
        return short[0] == long_[-1]
    return short[-1] == long_[-1] or short[0] == long_[0]
