"""Who did what: dated or placed events ("Lee took office in June") and reported speech without quote
marks ("Trump confirmed no meeting would take place", "describing this as a considerable starting point").
"""
from __future__ import annotations

from quotes.claims.context import Context, content_words, place_key
from quotes.claims.dated import when_of
from quotes.claims.lexicon import AS_VERBS, NEGATIVE_VERBS, ONCE_EVENTS
from quotes.claims.model import Claim
from quotes.compare.speakers import fold, key
from quotes.lexicon import NEGATIONS, SPEECH_VERBS

RELATIVE = frozenset(("who", "which", "that", "whom"))
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last final".split())


def subject_of(verb):
    """The subject token of a verb: its own, the noun a relative clause hangs on, or (for a participle or
    an infinitive with none) the subject of the verb it depends on."""
    v = verb
    for _ in range(6):
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head
            return subj
        if v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and v.head.i != v.i:
            v = v.head if v.dep_ != "pcomp" else v.head.head
        else:
            return None
    return None


def _identity(ctx: Context, subj) -> tuple[str, tuple[str, ...]] | None:
    """(subject key, shown subject) of a subject token, when it names someone or a unique event."""
    who = ctx.who(subj)
    if who:
        return who, (who,)
    ordinal = next((c for c in subj.children if c.lower_ in ORDINALS or c.ent_type_ == "ORDINAL"), None)
    if ordinal is not None and subj.pos_ == "NOUN":
        return f"{ordinal.lower_} {subj.lemma_.lower()}", ()
    return None


def _same_line(ctx: Context, subj, verb):
    """The parser runs a headline or a previous line into the sentence: a subject on another line than its
    verb is replaced by the first name on the verb's line before it."""
    if subj is None or "\n" not in ctx.text[min(subj.idx, verb.idx):max(subj.idx, verb.idx)]:
        return subj
    line_start = ctx.text.rfind("\n", 0, verb.idx) + 1
    for m in ctx.people.mentions:
        if not m.pronoun and line_start <= ctx.doc[m.start].idx < verb.idx:
            return ctx.doc[m.end - 1]
    return None


def _attached(tok, verb) -> bool:
    """Is the entity root `tok` a modifier of `verb` ("in June", "on Wednesday", "last June")?"""
    if tok.head.i == verb.i and tok.dep_ in ("npadvmod", "tmod", "obl"):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == verb.i


def events(ctx: Context, sent) -> list[Claim]:
    out = []
    for v in sent:
        if v.pos_ not in ("VERB", "AUX") or ctx.quoted(v) or v.lemma_.lower() in SPEECH_VERBS:
            continue  # what someone said is a `reported` claim; when they said it is not a fact to check
        dates = [e for e in ctx.ents(sent) if e.label_ == "DATE" and _attached(e.root, v) and not ctx.quoted(e.root)]
        places = [e for e in ctx.ents(sent) if e.label_ in ("GPE", "LOC", "FAC") and _attached(e.root, v)
                  and e.root.head.lower_ in ("in", "at") and not ctx.quoted(e.root)]
        values = []
        for e in dates:
            w = when_of(ctx, e)
            if w:
                values.append(ctx.value("date", list(e), str(w)))
        for e in places:
            values.append(ctx.value("place", list(e), place_key(e.text)))
        if not values:
            continue
        subj = _same_line(ctx, subject_of(v), v)
        ident = _identity(ctx, subj) if subj is not None else None
        if ident is None:
            continue
        who, participants = ident
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), "")
        obj = next((c.lemma_.lower() for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), "")
        lemma = v.lemma_.lower()
        event = ONCE_EVENTS.get((lemma, prt)) or ONCE_EVENTS.get((lemma, obj)) or (
            ONCE_EVENTS.get((lemma, "")) if not obj else None)
        once = event is not None or not participants  # an ordinal subject ("the first summit") happens once
        event = event or " ".join(x for x in (lemma, prt, obj) if x)
        participants = participants or ctx.persons(sent)
        k = (key(who).split() or [who])[-1] if ident[1] else who
        out.append(ctx.claim(sent, "event", f"{k}|{event}", f"{who}: {event} (date/place)",
                             who, participants, values, flags=() if once else ("repeatable",)))
    return out


def _clause(head) -> list:
    """A clause without the clauses coordinated to it or hanging on it ("..., and X fizzled", "citing Y")."""
    cut = {t.i for c in head.children if c.dep_ in ("conj", "advcl", "cc") for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in cut]
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks


def _content(ctx: Context, v):
    """The tokens of what a speech verb reports, or None."""
    for c in v.children:
        if c.dep_ == "ccomp":
            return _clause(c)
    if v.lemma_.lower() in AS_VERBS:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return list(c.subtree)
            if c.dep_ == "oprd":
                return list(c.subtree)
    return None


def reported(ctx: Context, sent) -> list[Claim]:
    out = []
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in SPEECH_VERBS or ctx.quoted(v):
            continue
        if v.dep_ in ("relcl", "acl", "amod", "csubj", "pcomp", "pobj"):
            continue  # "what Trump says his plan would do", "everything Trump says": no report made
        content = _content(ctx, v)
        if not content or any(t.i == v.head.i for t in content if v.head.i != v.i):
            continue
        s, e = content[0].idx, content[-1].idx + len(content[-1].text)
        if ctx.span_quoted(s, e) or len([t for t in content if t.is_alpha]) < 2:
            continue  # the words are quoted: `quotes compare` handles them
        subj = subject_of(v)
        if subj is None:
            continue
        who = ctx.who(subj)
        if who:
            participants, shown = (who,), who
            k = key(who).split()[-1] if key(who) else who
        elif subj.pos_ == "NOUN":
            shown = subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text.strip(" ,")
            k, participants = fold(subj.lemma_), ()
        else:
            continue
        negated = any(t.lower_ in NEGATIONS or t.lemma_.lower() in NEGATIVE_VERBS for t in content)
        value = ctx.value("statement", content, "negative" if negated else "positive")
        name_words = set(fold(shown).split())
        words = tuple(w for w in content_words(content) if w not in NEGATIONS and w not in NEGATIVE_VERBS
                      and w not in name_words)
        out.append(ctx.claim(sent, "reported", k, f"{shown}: {v.lemma_.lower()} (reported speech)", shown, participants, [value],
                             words=words or (fold(v.lemma_),), scope=(fold(v.lemma_),),
                             flags=("negated",) if negated else ()))
    return out
