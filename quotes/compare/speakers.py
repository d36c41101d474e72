"""One identity for a speaker across articles.

"Trump" = "Donald Trump" = "President Trump" = "Donald J. Trump"; "Kim Jong-un" = "Kim Jong Un";
"Kim Yo-jong" is someone else. Names are compared by a folded key (case, accents, hyphens, dots and
leading titles removed); a shorter name matches a longer one when all its words are in it and they share
the last word (the family name in Western order) or the first word (Korean/Chinese order, "Kim Jong Un").
Two names with different middle initials ("George W. Bush", "George H. W. Bush") are two people.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

# words that say what someone is, not who: dropped from the front of a name ("President Trump")
HONORIFICS = frozenset(
    """mr mrs ms mx miss dr prof professor sir dame lord lady president vice sen senator rep representative
    gov governor mayor secretary minister prime chancellor king queen prince princess pope general gen
    col colonel lt lieutenant captain capt adm admiral sgt sergeant judge justice chief leader chairman
    chairwoman chair ceo director ambassador attorney speaker spokesman spokeswoman spokesperson rev
    reverend father sheikh envoy commissioner premier""".split()
)
# words that qualify a following honorific ("former", "North Korean", "U.S.", "foreign", "the"): dropped
# only together with it, so "North Korea" and "South Korea" stay two names
QUALIFIERS = frozenset(
    """former late acting deputy first the a u s us uk un eu north south korean american chinese russian
    british french german japanese foreign unification state supreme defense defence finance trade interior
    national security general of then""".split()
)
TITLES = HONORIFICS | QUALIFIERS

# a speaker "name" that is one of these is a mention nobody resolved, not a person
PRONOUNS = frozenset("i me we us you he him she her it they them this that who one someone somebody".split())


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case, accents, hyphens, dots, apostrophes and possessives folded away."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[-‐‑–.,'\"“”]", " ", s)
    return " ".join(s.split())


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without its leading titles ("U.S. President Donald J. Trump" -> donald, j, trump).

    The leading run of title words is dropped when it holds an honorific ("Secretary of State Marco
    Rubio" -> marco rubio); a run of qualifiers alone is part of the name ("North Korea")."""
    words = fold(name).split()
    run = 0
    while run < len(words) and words[run] in TITLES:
        run += 1
    cut = run if any(w in HONORIFICS for w in words[:run]) else 0
    core = words[cut:]
    return tuple(core or words)


def key(name: str) -> str:
    """The identity key of a name as written: its folded words without leading titles."""
    return " ".join(name_words(name))


SUFFIXES = frozenset("jr sr ii iii iv".split())


def _initials(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w for w in words[1:-1] if len(w) == 1)


def same_person(a: str, b: str) -> bool:
    """Do two names written in two places name the same person? (conservative: no shared-surname merges)"""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if set(wa) & SUFFIXES != set(wb) & SUFFIXES:
        return False  # Donald Trump / Donald Trump Jr.
    wa, wb = tuple(w for w in wa if w not in SUFFIXES) or wa, tuple(w for w in wb if w not in SUFFIXES) or wb
    ia, ib = _initials(wa), _initials(wb)
    if ia and ib and ia != ib:
        return False  # George W. Bush / George H. W. Bush
    if len(wa) == len(wb):
        return _contained(wa, wb) or _contained(wb, wa)
    return _contained(*sorted((wa, wb), key=len))


def _contained(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    if not set(short) <= set(long_):
        return False
    if len(short) == 1:
        # "Trump" ~ "Donald Trump"; "Kim" ~ "Kim Jong Un" is ambiguous across articles (Kim Yo-jong):
        # allow a one-word name only when it is the last word of the longer one
        return short[0] == long_[-1]
    return short[-1] == long_[-1] or short[0] == long_[0]


def display_name(names: Iterable[str] | Mapping[str, int]) -> str:
    """The name to show for an identity: a full name (two words or more), the most used, then the longest.

    `names` lists every use, or maps each name to its number of uses."""
    counts: dict[str, int] = {}
    pairs = names.items() if isinstance(names, Mapping) else ((n, 1) for n in names)
    for n, c in pairs:
        n = " ".join(n.split())
        if n:
            counts[n] = counts.get(n, 0) + c
    if not counts:
        raise ValueError("no names")
    return max(counts, key=lambda n: (len(name_words(n)) > 1, counts[n], len(name_words(n)), -len(n), n))


def closest(name: str, candidates: Iterable[str], limit: int = 5, cutoff: float = 60.0) -> list[str]:
    """The candidate names nearest to `name` by fuzzy score of their keys, best first (for suggestions)."""
    from rapidfuzz import fuzz, process, utils

    pool = list(dict.fromkeys(candidates))
    keyed = [key(c) for c in pool]
    hits = process.extract(key(name), keyed, scorer=fuzz.WRatio, processor=utils.default_process,
                           limit=limit, score_cutoff=cutoff)
    return [pool[i] for _, _, i in hits]
