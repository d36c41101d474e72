"""The same statement in other words: clauses of two articles built on the same word that say the same
thing about the same people ("Police killed the gunman" / "the gunman was killed in a police shootout",
"the FBI isn't recommending an indictment" / "decided not to recommend charges").

Much of what two articles about one event share has no value to compare: who did what, what was decided,
what someone denied. This module lines up such statements clause by clause, so a reader sees at once which
articles say it and how each words it.

A statement is a clause of the writer's own words (a verb with what hangs on it, or a noun with its
complements: "his decision to skip the debate"), cut at coordinated and subordinate clauses, on one line,
of at most `MAX_TOKENS` tokens; clauses headed by a verb of saying are reported speech and left to the
typed rules. Its words are the first `STEM` letters of its content lemmas, so "separated" meets
"separation" and "indicting" meets "indictment".

Two statements of two articles are paired when
- their heads are the same word (by those letters; a light verb with its object, particle or complement,
  "took office" not being "took place", and its object counts as its head too: "had breakfast with X" meets
  "a breakfast with X"; verbs of one news event are one head, `lexicon.HEAD_CLASSES`) and both or neither
  are negated on the head;
- of people (and organisations), places and figures (numbers, ordinals), when both give some, they share
  one (the subject counts, pronouns resolved);
- they share at least `MIN_SHARED` words (the head and names included, a head and one name alone not
  enough) making up at least `MIN_RATIO` of the shorter one's words, and the IDF of the shared words (over
  all statements of the input) reaches `MIN_SCORE` times the IDF of a word only one statement has.
Each statement keeps its best partners in each other article, and only pairs that are each other's best are
kept (`statements.mutual_best`); groups are formed best pair first (`statements.grouped`) and never join
statements about different people, places or figures through one that names none. A same-statement
finding is an agreement, never a conflict: wording that differs is for the reader to weigh.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quotes.claims.context import Context
from quotes.claims.lexicon import HEAD_CLASS, LIGHT_VERBS
from quotes.claims.model import Claim, Finding
from quotes.claims.statements import MAX_POSTINGS, agreement, grouped, mutual_best
from quotes.compare.speakers import fold
from quotes.lexicon import ABBREVIATIONS, SPEECH_VERBS

STEM = 6  # letters of a lemma that stand for its word family ("recommend", "separat")
MAX_TOKENS = 40  # a longer clause is a paragraph's worth of statements, not one
MIN_SHARED = 2  # shared words, the head included
MIN_RATIO = 0.4  # ... over the words of the shorter statement
MIN_SCORE = 1.0  # IDF of the shared words, over the IDF of a word only one statement has
CUT = frozenset(("conj", "cc", "advcl", "relcl", "ccomp", "parataxis", "punct"))
WORD_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"))
NAME_ENTS = frozenset(("ORG", "GPE", "FAC", "LOC"))
# a proper noun of these kinds is a word like any other: "Democratic", "Islamist", "Tuesday"
NOT_NAMES = frozenset(("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"))
PLACE_ENTS = frozenset(("GPE", "FAC", "LOC"))


@dataclass(frozen=True)
class Prop:
    """One clause of one article: its head word, words and names."""

    claim: Claim
    heads: tuple[str, ...]  # the head's first `STEM` letters (a light verb's with its object or particle:
    # "take|office"; a news verb's class: "win"), and the noun a light verb's object is ("had breakfast" meets
    # "a breakfast with")
    words: frozenset[str]
    names: frozenset[str]  # people (pronouns resolved) and organisations, places ("g:"), figures ("#")
    negated: bool
    lemmas: tuple[tuple[str, str], ...] = ()  # each word's lemma as written, for the reader


def word(tok) -> str:
    return fold(tok.lemma_)[:STEM]


def _tokens(head) -> list:
    """The head and what hangs on it, without the clauses hanging anywhere below it."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in CUT]
    return sorted(out, key=lambda t: t.i)


def _head(tok) -> str:
    """The head's word; a light verb's with its particle or object ("take|office", "take|place"); the class
    of a verb of news events ("captured" and "won" are "win", "made up" and "fabricated" are "fabricate")."""
    lemma = tok.lemma_.lower()
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    cls = HEAD_CLASS.get(f"{lemma}|{prt}") or HEAD_CLASS.get(lemma)
    if cls:
        return cls[:STEM]
    if tok.pos_ == "VERB" and lemma in LIGHT_VERBS:
        more = next((c for c in tok.children if c.dep_ in ("prt", "dobj")), None)
        more = more or next((c for c in tok.children if c.dep_ in ("xcomp", "prep", "acomp", "attr")), None)
        if more is not None:
            return f"{word(tok)}|{word(more)}"  # "go into", "went to", "went before": three statements
    return word(tok)


def _named(ctx: Context, tok) -> bool:
    """Part of a name: a person's (counted once, by `_names`), an organisation's or a place's."""
    return (ctx.people.at(tok.i) is not None or tok.ent_type_ in NAME_ENTS
            or tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_NAMES)


def _names(ctx: Context, toks, head) -> dict[str, str]:
    """Who and what a clause is about: the people, organisations and places in it, and its subject's
    (the noun a relative clause hangs on: "Lee, who took office")."""
    from quotes.claims.clauses import subject_of

    subj = subject_of(head) if head.pos_ == "VERB" else None
    inside = {t.i for t in toks}
    out = {}  # key ("sanders", "g:ohio") -> the name as a reader knows it
    for t in list(toks) + ([subj] if subj is not None else []):
        m = ctx.people.at(t.i)
        if m is not None:
            out[m.name.split()[-1].casefold()] = m.name
        elif _named(ctx, t) and t.is_alpha and not t.is_stop and fold(t.lemma_) not in ABBREVIATIONS:
            out[("g:" if t.ent_type_ in PLACE_ENTS else "") + fold(t.lemma_)] = t.text
        elif (t.like_num or t.ent_type_ == "ORDINAL") and t.i in inside:
            out["#" + t.lower_.replace(",", "")] = t.text  # "13 people", "two years", "her ninth goal", "2012"
    return out


def props(ctx: Context) -> list[Prop]:
    """Every statement of one article (see the module's docstring)."""
    out = []
    text = ctx.text
    for head in ctx.doc:
        if ctx.quoted(head) and not ctx.in_fragment(head):
            continue
        if not (head.pos_ == "VERB" or head.pos_ == "NOUN" and any(c.dep_ in ("prep", "acl") for c in head.children)):
            continue
        if head.pos_ == "VERB" and fold(head.lemma_) in SPEECH_VERBS and not any(c.dep_ == "dobj" for c in head.children):
            continue  # reported speech ("Comey said on Tuesday that ..."); "claimed responsibility" is a deed
        toks = _tokens(head)
        if len(toks) > MAX_TOKENS:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if "\n" in text[start:end]:
            continue
        kept = [t for t in toks if t.pos_ in WORD_POS and not t.is_stop and fold(t.lemma_).isalpha() and not _named(ctx, t)
                and fold(t.lemma_) not in ABBREVIATIONS and not (ctx.quoted(t) and not ctx.in_fragment(t))]
        names = _names(ctx, toks, head)
        key = _head(head)
        # the head counts by its class ("captured" as "win"), the other words as written; who it is about is
        # part of what it says ("he may campaign for him" with "he" for Sanders)
        words = frozenset(word(t) for t in kept if t.i != head.i) | {word_of(key)} | {"@" + n for n in names}
        if len(words) < MIN_SHARED:
            continue
        value = ctx.value("statement", toks, "h:" + key)
        claim = ctx.claim(ctx.sentence(head), "statement", "h:" + key, "same statement", "—", (), [value],
                          words=tuple(sorted(words)))
        lemmas = tuple(dict.fromkeys([(word(t), t.lemma_.lower()) for t in kept if t.i != head.i]
                                     + [(word_of(key), head.lemma_.lower())]
                                     + [("@" + n, shown) for n, shown in names.items()]))
        heads = (key,) + tuple(word(c) for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                               and head.lemma_.lower() in LIGHT_VERBS)
        out.append(Prop(claim, tuple(dict.fromkeys(heads)), words, frozenset(names),
                        any(c.dep_ == "neg" for c in head.children), lemmas))
    return out


def _kind(name: str) -> str:
    return "place" if name.startswith("g:") else "number" if name.startswith("#") else "who"


def fits(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two clauses' (or groups') people, places and figures: of each kind, when both give some, they share
    one ("killed 13 people" and "killing 14 people" are two statements)."""
    for kind in ("who", "place", "number"):
        ka = {n for n in a if _kind(n) == kind}
        kb = {n for n in b if _kind(n) == kind}
        if ka and kb and not ka & kb:
            return False
    return True


def word_of(head: str) -> str:
    return head.split("|")[0]


def _pairs(items: Sequence[Prop]) -> dict[tuple[int, int], float]:
    n = len(items)
    df = Counter(w for p in items for w in p.words)
    idf = {w: math.log(1 + n / f) for w, f in df.items()}
    bar = MIN_SCORE * math.log(1 + n)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(items):
        for h in p.heads:
            blocks[h].append(i)
    out = {}
    for h, members in blocks.items():
        head = {word_of(h)}
        postings: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for w in items[i].words - head:
                postings[w].append(i)
        for i in members:
            a = items[i]
            for j in sorted({j for w in a.words - head if len(postings[w]) <= MAX_POSTINGS for j in postings[w] if j > i}):
                if (i, j) in out:
                    continue
                b = items[j]
                if b.claim.article_id == a.claim.article_id or a.negated != b.negated:
                    continue
                if not fits(a.names, b.names):
                    continue  # the same verb about other people, other places or other figures
                shared = a.words & b.words
                if len(shared) < MIN_SHARED or len(shared) < MIN_RATIO * min(len(a.words), len(b.words)):
                    continue
                if len(shared - head) == 1 and next(iter(shared - head)).startswith("@"):
                    continue  # one verb and one name in common: "asked for money" / "asked about X's absence"
                score = sum(idf[w] for w in shared)
                if score >= bar:
                    out[(i, j)] = score
    return out


def _one_kind_per_name(items: Sequence[Prop]) -> list[Prop]:
    """A name the parser calls a place in one clause is a place in all ("Riverton" tagged as a town in one
    article and as a bare proper noun in another)."""
    places = {n[2:] for p in items for n in p.names if n.startswith("g:")}

    def one(n: str) -> str:
        return "g:" + n if n in places else n

    out = []
    for p in items:
        if any(n in places for n in p.names):
            names = frozenset(one(n) for n in p.names)
            words = frozenset("@" + one(w[1:]) if w.startswith("@") else w for w in p.words)
            lemmas = tuple(("@" + one(w[1:]) if w.startswith("@") else w, shown) for w, shown in p.lemmas)
            p = replace(p, names=names, words=words, lemmas=lemmas)
        out.append(p)
    return out


def findings(items: Sequence[Prop]) -> list[Finding]:
    """One agreement per group of statements that are each other's best match."""
    items = _one_kind_per_name(items)
    scores = _pairs(items)
    article = [p.claim.article_id for p in items]
    names = [p.names for p in items]

    def join(a: int, b: int) -> bool:
        # never join statements about different people, places or figures through a clause that names none
        if not fits(names[a], names[b]):
            return False
        names[a] = names[a] | names[b]
        return True

    out = []
    for group in grouped(scores, mutual_best(scores, article), article, join):
        # a live report repeats a phrase ("his home state of X"): each wording once per article
        seen = set()
        members = []
        for i in sorted(group, key=lambda i: (items[i].claim.article, i)):
            k = (items[i].claim.article_id, fold(items[i].claim.values[0].text))
            if k not in seen:
                seen.add(k)
                members.append(i)
        shown = {w: lemma for i in reversed(members) for w, lemma in items[i].lemmas}
        out.append(agreement("same statement", [items[i].claim for i in members], [items[i].words for i in members],
                             "—", shown))
    return out
