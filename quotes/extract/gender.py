"""Grammatical gender of a person as the article gives it, for matching "he" and "she" to a name.

English marks gender in pronouns, honorifics and a closed set of nouns, not in names, so a name's gender
is read from the article itself: an honorific before it ("Mr", "Ms"), a gendered noun that names the
person ("the mother of four", "spokeswoman Ana Ruiz"), or the pronouns that follow its mention in the same
sentence before anyone else is named ("Ana Ruiz said she …"). No evidence: None, which fits either.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

MASC, FEM = "m", "f"
SUBJECT_PRONOUNS = {"he": MASC, "his": MASC, "himself": MASC, "she": FEM, "herself": FEM}  # unambiguous for the subject
PRONOUN_GENDER = {"he": MASC, "him": MASC, "his": MASC, "himself": MASC,
                  "she": FEM, "her": FEM, "hers": FEM, "herself": FEM, "they": "p", "them": "p"}
HONORIFICS = {"mr": MASC, "sir": MASC, "lord": MASC, "mister": MASC, "monsieur": MASC, "señor": MASC,
              "mrs": FEM, "ms": FEM, "miss": FEM, "madam": FEM, "dame": FEM, "lady": FEM, "mme": FEM, "señora": FEM}
GENDERED_NOUNS = {
    MASC: set("""man boy father dad son husband brother uncle grandfather grandson nephew king prince emperor
                 gentleman widower fiance boyfriend spokesman chairman businessman congressman councilman
                 sportsman statesman policeman fireman actor waiter monk priest""".split()),
    FEM: set("""woman girl mother mum mom daughter wife sister aunt grandmother granddaughter niece queen princess
                empress lady widow fiancee girlfriend spokeswoman chairwoman businesswoman congresswoman
                councilwoman sportswoman stateswoman policewoman actress waitress nun""".split()),
}
_WORD = re.compile(r"[\w’'.-]+")
_COPULA = re.compile(r"(?:\s*,\s*|\s+(?:is|was|has been|became)\s+)(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(\w+)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:to|in|at|from|into|of|on|near|for|with|by|towards?)\s+(?:the\s+)?$", re.I)


def pronoun_gender(word: str) -> str | None:
    return PRONOUN_GENDER.get(word.lower())


def noun_gender(word: str) -> str | None:
    """The gender a noun or honorific gives its person ("spokeswoman", "Mr"); compounds in -woman/-man
    count only in lower case (a name like "Coleman" says nothing)."""
    w = word.lower().strip(".,;:")
    for g, nouns in GENDERED_NOUNS.items():
        if w in nouns:
            return g
    if word.islower() and w.endswith(("woman", "women")):
        return FEM
    if word.islower() and w.endswith(("man", "men")) and w not in ("human", "humans", "german", "roman", "omen"):
        return MASC
    return HONORIFICS.get(w.rstrip("."))


def token_gender(tok: Token) -> str | None:
    """Gender evidence for the person named by the subject head `tok`, from the parse of its sentence."""
    for t in [*tok.lefts, *(c for c in tok.children if c.dep_ == "appos")]:
        for w in t.subtree:
            g = noun_gender(w.text)
            if g in (MASC, FEM):
                return g
    if tok.pos_ == "NOUN":
        g = noun_gender(tok.text)
        if g in (MASC, FEM):
            return g
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        for t in tok.sent[tok.i - tok.sent.start + 1:]:
            if t.pos_ == "PROPN" and t.head.i != tok.i and t.i > tok.i + 1 and t.dep_ in ("nsubj", "dobj", "pobj"):
                break  # someone else is named: their pronouns are theirs
            g = SUBJECT_PRONOUNS.get(t.lower_)
            if g is not None:
                return g
    return None


def text_genders(text: str, names: list[tuple[int, int, str, tuple[str, ...]]]) -> dict[str, str]:
    """Gender of each name (by its last word) from the plain text: honorifics and gendered title words
    before its mentions, and the first gendered pronoun after each mention within its sentence.
    `names` holds (start, end, name, title words) for every name mention in text order."""
    votes: dict[str, Counter] = {}
    ordered = sorted(names)
    for k, (s, e, name, titles) in enumerate(ordered):
        words = [w.lower().strip(".,;:()[]“”\"'’‘") for w in name.split()]
        if not words:
            continue
        cs = [votes.setdefault(" ".join(words), Counter())]
        if len(words) > 1:
            cs.append(votes.setdefault(words[-1], Counter()))  # "Ruiz" alone later: whoever it is
        c = Counter()
        for t in titles:
            g = noun_gender(t)
            if g in (MASC, FEM):
                c[g] += 2
        if _AFTER_PREPOSITION.search(text, max(0, s - 12), s):
            continue  # "… returned to Lindi Region, where she grew up": a place, not the pronoun's person
        stop = ordered[k + 1][0] if k + 1 < len(ordered) else len(text)
        m = re.search(r"[.!?](?:\s|$)", text[e:stop])
        window = text[e:e + m.start()] if m else text[e:stop]
        m = _COPULA.match(window)  # "Ana Ruiz is a mother of two", "Ben Ito, a father of three,"
        if m and noun_gender(m.group(1)) in (MASC, FEM):
            c[noun_gender(m.group(1))] += 2
        for w in _WORD.findall(window[:300]):
            g = SUBJECT_PRONOUNS.get(w.lower())
            if g is not None:
                c[g] += 1
                break
        for target in cs:
            target.update(c)
    out = {}
    for key, c in votes.items():
        if c[MASC] != c[FEM]:
            out[key] = MASC if c[MASC] > c[FEM] else FEM
    return out
