"""Comparison keys for quoted text: the words of a quote and what each one counts as when compared.

The source text is never changed: `words(text)` returns the words with their offsets in `text`, and each
word carries one or more comparison keys derived from it. Keys are NFC-normalised, with curly quotes
straightened and case folded; contractions are expanded ("I’d" -> i, would; "haven’t" -> have, not),
British and American spellings meet ("denuclearising" and "denuclearizing" -> denuclearizing), small
number words become digits ("ten" -> 10). Ellipses (… or ...) mark a cut made by the writer, and words in
[square brackets] are the writer's insertions; both are recorded on the words, not in the keys.

The word lists here (function words, hedges, modals; negations, abbreviations and number words from
`quotes.lexicon`) are what the aligner and the diff use to tell common words from informative ones and
meaning-changing differences from the rest.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from quotes.lexicon import ABBREVIATIONS, NUMBER_WORDS

# a number with separators ("1,000", "3.5"), or a run of letters/digits with inner apostrophes ("I’d")
WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’‘`][^\W_]+)*")
ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "…": "..."})

FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here what which who whom whose
    when where why how i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs themselves one ones some any all
    each every both either neither no not none nothing something anything everything somebody anybody
    everybody someone anyone everyone be am is are was were been being have has had having do does did done
    doing will would shall should can could may might must ought to of in on at by for with about against
    between into through during before after above below from up down out off over under again further once
    as until while because since though although just only very too also even still really quite rather
    more most less least much many few lot lots own same other such well back now ever never always already
    yes okay ok oh let s t d ll m re ve get got go going gone went come came say said says tell told""".split()
)
# the most frequent English verbs, adjectives and adverbs besides function words: they say little about
# which utterance a quote comes from ("I'd love to", "I think so", "a great deal")
COMMON_WORDS = FUNCTION_WORDS | frozenset(
    """love like want need think know see look make made take took give gave feel felt mean seem keep kept put
    thing things way lot great good bad big new old right sure thank thanks please maybe yes ok okay time
    times day days today year years really actually getting making taking thinking saying talking looking""".split()
)
HEDGES = frozenset(
    """just only very really never even still almost nearly quite rather fairly pretty so too maybe perhaps
    probably possibly likely somewhat slightly totally absolutely completely extremely always ever all
    mostly largely simply merely actually definitely certainly truly highly incredibly hardly barely
    utterly entirely""".split()
)
MODALS = frozenset("can could may might must shall should will would ought".split())
NUMBER_KEYS = {w: str(n) for w, n in NUMBER_WORDS.items()}  # "seven" -> 7, the key a digit gets
NUMBERISH = frozenset(["half", "dozen", "percent", "first", "second", "third", "fourth", "fifth", "last"])

# "won’t" -> will not; "can’t" -> can not; "shan’t" -> shall not; otherwise X + n't -> X not
_NT_STEMS = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_SUFFIXES = {"'re": "are", "'ve": "have", "'m": "am", "'ll": "will", "'d": "would"}
# 's is "is" only after these words; elsewhere it is a possessive and stays part of the word
_S_IS = frozenset("it he she that what there here who where how".split())
_WHOLE = {"cannot": ("can", "not"), "gonna": ("going", "to"), "wanna": ("want", "to"), "gotta": ("got", "to"),
          "let's": ("let", "us"), "y'all": ("you", "all"), "defence": ("defense",), "offence": ("offense",),
          "pretence": ("pretense",), "licence": ("license",)}
# alternative readings of a contraction: "he’d" is "he would" or "he had"; "she’s" is "she is" or "she has"
LOOSE = {"had": "would", "has": "is", "shall": "will"}

_IZE = re.compile(r"(?<=\w{2})([iy])s(e|es|ed|ing|ation|ations|er|ers|able)$")
_OUR = re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ably|hood|hoods|er|ers|ful)?$")
_TRE = re.compile(r"(?<=\w{2})([bcdfgklmnpstvz])re(s)?$")
_OGUE = re.compile(r"(?<=\w{3})ogue(s)?$")
_LL = re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$")


def spelling(word: str) -> str:
    """One spelling for British and American variants (applied to both sides alike, so it only has to agree)."""
    if len(word) < 5 or not word.isalpha():
        return word
    word = _IZE.sub(r"\1z\2", word)
    word = _OUR.sub(lambda m: "or" + (m.group(1) or ""), word)
    word = _TRE.sub(lambda m: m.group(1) + "er" + (m.group(2) or ""), word)
    word = _OGUE.sub(lambda m: "og" + (m.group(1) or ""), word)
    return _LL.sub(r"l\1", word)


def _one(part: str) -> str:
    if part in NUMBER_KEYS:
        return NUMBER_KEYS[part]
    if part[:1].isdigit():
        return part.replace(",", "")
    return spelling(part)


@lru_cache(maxsize=65536)
def word_keys(surface: str) -> tuple[str, ...]:
    """The comparison keys of one word as written (one key, or several for a contraction)."""
    w = unicodedata.normalize("NFC", surface).translate(APOSTROPHES).casefold()
    if w in _WHOLE:
        return _WHOLE[w]
    if "'" in w:
        if w.endswith("n't") and len(w) > 3:
            stem = w[:-3]
            return (_NT_STEMS.get(stem, stem), "not")
        head, _, tail = w.rpartition("'")
        suffix = "'" + tail
        if suffix in _SUFFIXES and head:
            return (_one(head), _SUFFIXES[suffix])
        if suffix == "'s" and head in _S_IS:
            return (head, "is")
        return (w,)
    return (_one(w),)


def loose(key: str) -> str:
    """A key with the ambiguous readings of contractions merged (had ~ would, has ~ is)."""
    return LOOSE.get(key, key)


def base_form(key: str) -> str:
    """A key with a possessive or plural ending taken off, contractions read loosely (ISIS's ~ ISIS,
    groups' ~ group's ~ groups ~ group): two words with the same base form differ only cosmetically."""
    k = loose(key)
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("'"):
        k = k[:-1]
    if len(k) > 3 and k.endswith("s") and not k.endswith(("ss", "us", "is")):
        k = k[:-1]
    return k


class Word(NamedTuple):
    """One word of a quote: offsets in the quote's text (end exclusive) and its comparison keys."""

    text: str
    start: int
    end: int
    keys: tuple[str, ...]
    bracketed: bool = False  # inside [square brackets]: inserted by the writer
    after_cut: bool = False  # an ellipsis stands between this word and the one before


def words(text: str) -> tuple[Word, ...]:
    """The words of `text` with offsets and keys. `text[w.start:w.end] == w.text` for every word."""
    if "[" not in text and "…" not in text and ". ." not in text and ".." not in text:
        return tuple(Word(m.group(), m.start(), m.end(), word_keys(m.group())) for m in WORD.finditer(text))
    out: list[Word] = []
    depth = 0
    prev = 0
    for m in WORD.finditer(text):
        gap = text[prev:m.start()]
        if "[" in gap or "]" in gap:
            for ch in gap:
                if ch == "[":
                    depth += 1
                elif ch == "]":
                    depth = max(0, depth - 1)
        cut = bool(out) and ("…" in gap or "..." in gap or ". . ." in gap)
        out.append(Word(m.group(), m.start(), m.end(), word_keys(m.group()), depth > 0, cut))
        prev = m.end()
    return tuple(out)


def speaker_words(text: str) -> list[str]:
    """The speaker's words as written: words in [brackets], the writer's insertions, left out."""
    if "[" not in text:
        return WORD.findall(text)
    return [w.text for w in words(text) if not w.bracketed]


def key_sequence(ws: tuple[Word, ...]) -> tuple[list[str], list[int]]:
    """The flat list of keys of `ws`, and for each key the index of the word it comes from."""
    keys: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(ws):
        keys.extend(w.keys)
        owner.extend([i] * len(w.keys))
    return keys, owner


def gap_key(gap: str) -> str:
    """The comparison form of the text between two words: punctuation only, quotes straightened."""
    g = unicodedata.normalize("NFC", gap).translate(QUOTE_MARKS)
    return "".join(g.split())


def is_entity(ws: tuple[Word, ...], i: int, text: str) -> bool:
    """A capitalised word that does not start a sentence (a name, a place, an organisation), or a number."""
    w = ws[i]
    first = w.text[:1]
    if not first.isupper() or w.keys[0] == "i":
        return False
    if i == 0:
        return len(w.text) > 1 and w.text.isupper()  # "U.S." at the start still names something
    gap = text[ws[i - 1].end:w.start]
    prev = ws[i - 1].text
    if len(prev) == 1 or prev.casefold() in ABBREVIATIONS:
        return True  # "U.S. President", "Mr. Kim": the dot ends an abbreviation, not a sentence
    return not any(c in gap for c in ".!?:…")


def is_number(key: str) -> bool:
    return key[:1].isdigit() or key in NUMBERISH


def normal_text(text: str) -> str:
    """The whole quote in comparison form: its keys joined by spaces (for grouping identical wordings)."""
    return " ".join(k for w in words(text) for k in w.keys)
