"""People inside one article: who each name, surname or pronoun refers to.

The registry is built from the PERSON entities of the parsed article; a later "Trump" (even one the
tagger calls an ORG, or a sentence-initial "Trump" tagged as a noun) is the registered "Donald Trump"
when it is a word of exactly one registered name (or of the most mentioned one). A personal pronoun is
the person mentioned last before it. Identity across articles uses `quotes.compare.speakers`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from quotes.compare.speakers import fold, key, name_words, same_person

PRONOUNS = frozenset("he him his she her hers himself herself".split())
_POSSESSIVE = ("’s", "'s", "’", "'")


def strip_possessive(text: str) -> str:
    for p in _POSSESSIVE:
        if text.endswith(p):
            return text[: -len(p)].rstrip()
    return text


def _tail(name: str) -> str:
    """"Trump’s Kim Jong-un" (a possessive the tagger swallowed) -> "Kim Jong-un"."""
    for p in ("’s ", "'s "):
        if p in name:
            name = name.rsplit(p, 1)[1]
    return name.strip()


def _titled_names(doc) -> list[str]:
    """Names the tagger missed: announced by a capitalised title ("Mayor Ana Ruiz") or a proper name of two
    or three words as the subject of a clause."""
    from quotes.claims.lexicon import ROLE_NOUNS

    out = []
    for t in doc:
        if t.lemma_.lower() in ROLE_NOUNS and t.text[:1].isupper():
            words = []
            for n in doc[t.i + 1:t.i + 4]:
                if n.pos_ != "PROPN" or not n.text[:1].isupper() or n.ent_type_ in ("GPE", "LOC", "NORP", "DATE"):
                    break
                words.append(n.text)
            if len(words) >= 2:
                out.append(" ".join(words))
        elif t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"):
            # "Ana Ruiz has had ...": a two- or three-word proper name as the subject of a clause
            chain = [c for c in t.children if c.dep_ == "compound" and c.i < t.i] + [t]
            if 2 <= len(chain) <= 3 and all(c.pos_ == "PROPN" and c.text[:1].isupper() and c.is_alpha
                                            and c.ent_type_ in ("", "PERSON") for c in chain):
                if chain[-1].i - chain[0].i == len(chain) - 1:
                    out.append(" ".join(c.text for c in chain))
    return out


NAME_PARTICLES = frozenset("de da di del della van von der den du le la bin ibn al el y".split())


def _capitalised(name: str) -> bool:
    """Every word of a name is capitalised but its particles ("Ana de la Cruz"): "Twitter junkie", a
    tagger's PERSON, is no name."""
    return all(w[:1].isupper() or w.casefold() in NAME_PARTICLES or not w[:1].isalpha() for w in name.split()) \
        and name[:1].isupper()


def _modifier_words(doc) -> set[str]:
    """Capitalised words that mostly modify a common noun ("Twitter account", "Twitter commentary"): a
    platform or a brand the tagger sometimes calls a person, not a one-word name."""
    uses: Counter = Counter()
    mods: Counter = Counter()
    for t in doc:
        if t.text[:1].isupper() and t.pos_ == "PROPN":
            uses[t.text] += 1
            mods[t.text] += t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.text[:1].islower()
    return {w for w, n in uses.items() if n >= 2 and mods[w] * 2 >= n}


def _first_word(name: str, full: str) -> bool:
    words = fold(name).split()
    return len(words) == 1 and fold(full).split()[:1] == words


def _same(name: str, full: str) -> bool:
    return same_person(name, full) or _first_word(name, full)


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    name: str  # the registered fullest name
    pronoun: bool = False


class People:
    """Person mentions of one parsed article, by token index."""

    def __init__(self, doc):
        names = [_tail(strip_possessive(e.text)) for e in doc.ents if e.label_ == "PERSON" and len(e.text) > 1]
        names = [n for n in names if _capitalised(n) and "\n" not in n] + _titled_names(doc)
        modifiers = _modifier_words(doc)
        names = [n for n in names if len(n.split()) > 1 or n not in modifiers]
        freq = Counter()
        full: list[str] = []
        for n in sorted(set(names), key=lambda n: (-len(key(n).split()), n)):
            home = next((f for f in full if _same(n, f)), None)
            if home is None:
                full.append(n)
                home = n
            freq[home] += names.count(n)
        self.full = full
        self.freq = freq
        self.mentions = self._find(doc)
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}

    def resolve(self, text: str) -> str | None:
        """The registered full name a written name refers to, or None."""
        t = strip_possessive(text).strip()
        if not t or not t[:1].isupper():
            return None
        hits = [f for f in self.full if same_person(t, f)]
        if not hits:  # "Kim" for "Kim Jong Un": a first word in East Asian order
            hits = [f for f in self.full if _first_word(t, f)]
        if not hits:
            return None
        return max(hits, key=lambda f: (self.freq[f], len(f)))

    def _find(self, doc) -> list[Mention]:
        out: list[Mention] = []
        taken: set[int] = set()
        for e in doc.ents:
            if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "NORP", "PRODUCT") and "\n" not in e.text:
                name = self.resolve(e.text)
                if name and len(e.text.split()) <= 4:
                    out.append(Mention(e.start, e.end, name))
                    taken.update(range(e.start, e.end))
        last: str | None = None
        last_subject: str | None = None  # "he" continues the last person who was a subject, if any
        mentions = sorted(out, key=lambda m: m.start)
        j = 0
        final: list[Mention] = []
        for t in doc:
            while j < len(mentions) and mentions[j].start <= t.i:
                final.append(mentions[j])
                last = mentions[j].name
                if doc[mentions[j].start:mentions[j].end].root.dep_ in ("nsubj", "nsubjpass"):
                    last_subject = last
                j += 1
            if t.i in taken:
                continue
            if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("GPE", "LOC", "DATE"):
                name = self.resolve(t.text)
                if name:
                    final.append(Mention(t.i, t.i + 1, name))
                    last = name
                    if t.dep_ in ("nsubj", "nsubjpass"):
                        last_subject = name
                    continue
            if t.lower_ in PRONOUNS and last is not None:
                subject = t.lower_ in ("he", "she") and last_subject is not None
                final.append(Mention(t.i, t.i + 1, last_subject if subject else last, pronoun=True))
        return sorted(final, key=lambda m: m.start)

    def in_span(self, start: int, end: int, pronouns: bool = True) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start < end and (pronouns or not m.pronoun)]

    def at(self, token_i: int) -> Mention | None:
        return self.by_token.get(token_i)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(name_words(name))


@lru_cache(maxsize=65536)
def _same_cached(a: str, b: str) -> bool:
    return same_person(a, b)


def same(a: str, b: str) -> bool:
    """`quotes.compare.speakers.same_person`, remembered; names that share no word are told apart without it."""
    if a == b:
        return True
    if not _word_set(a) & _word_set(b):
        return False
    return _same_cached(*sorted((a, b)))


def covers(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Are the people of the smaller set all among the larger (by cross-article identity)? Empty sets never."""
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(same(x, y) for y in big) for x in small)
