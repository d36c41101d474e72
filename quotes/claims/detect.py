"""Claims of one parsed article: counts and lists here; titles in `titles`, dated events and reported
speech in `clauses`. Words inside direct quotes are never claims: they are the speaker's, not the
writer's (`quotes compare` compares them)."""
from __future__ import annotations

from quotes.claims import ages, clauses, dated, places, titles
from quotes.claims.context import Context, place_key
from quotes.claims.dates import parse_date
from quotes.claims.lexicon import (
    CROWD_NOUNS,
    NOUN_CLASS,
    OPEN_LIST_MARKERS,
    PARTICIPANT_NOUNS,
    RESULT_WORDS,
    TALLY_PHRASES,
    TALLY_VERBS,
    UNIT_NOUNS,
    WINDOW_WORDS,
)
from quotes.claims.model import Claim
from quotes.claims.numbers import parse_number
from quotes.compare.speakers import fold

SKIP_NUMBER_ENTS = frozenset(("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"))
JOINT = frozenset(("with", "between", "against", "among"))
DEFINITE = frozenset("the these those both their our his her its your my".split())
LIST_ENTS = frozenset(("GPE", "LOC", "PERSON", "ORG", "NORP", "FAC"))


def detect(ctx: Context) -> list[Claim]:
    out: list[Claim] = []
    for sent in ctx.sentences:
        out += counts(ctx, sent)
        out += lists(ctx, sent)
        out += clauses.events(ctx, sent)
        out += clauses.reported(ctx, sent)
        out += dated.utterances(ctx, sent)
        out += dated.inherited(ctx, sent)
        out += dated.events(ctx, sent)
        out += places.whereabouts(ctx, sent)
    out += titles.titles(ctx)
    out += ages.ages(ctx)
    out += dated.lede(ctx)
    return out


def years(ctx: Context, sent) -> tuple[str, ...]:
    out = []
    for e in ctx.ents(sent):
        if e.label_ == "DATE":
            w = parse_date(e.text)
            if w and w.year:
                out.append(f"year:{w.year}")
    return tuple(dict.fromkeys(out))


def counts(ctx: Context, sent) -> list[Claim]:
    """"three previous meetings with Kim" -> count of meeting = 3, participants Trump and Kim."""
    out = []
    for t in sent:
        h = t.head
        if t.dep_ != "nummod" or h.pos_ != "NOUN" or t.ent_type_ in SKIP_NUMBER_ENTS or ctx.quoted(t):
            continue
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-":
            continue  # "a three-candidate match-up", "a 46-page report": a modifier, not a count
        toks = [t] + [c for c in t.children if c.dep_ in ("quantmod", "advmod", "compound") and c.i < t.i]
        toks += [c for c in h.children if c.dep_ == "det" and c.i < t.i and c.lower_ in ("a", "an")]
        phrase = " ".join(x.text for x in sorted(toks, key=lambda x: x.i))
        n = parse_number(phrase)
        if n is None or (n.value <= 1 and n.relation == "="):
            continue
        noun = h.lemma_.lower()
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in h.children)
        if definite and noun in PARTICIPANT_NOUNS:
            continue  # "the two leaders" refers back to them; it does not count anything
        if noun in UNIT_NOUNS or any(c.lower_ in WINDOW_WORDS for c in h.children if c.dep_ == "amod"):
            continue  # a measure, or a part of a series ("the final two debates")
        cls = NOUN_CLASS.get(noun, noun)
        mods = tuple(sorted(f"mod:{fold(c.lemma_)}" for c in h.children if c.dep_ == "compound"))
        people = anchored_people(ctx, h)
        if not people or len(people) < 2:
            crowd = crowd_claim(ctx, sent, h, toks, n, mods)
            if crowd is not None:
                out.append(crowd)
            if not people:
                continue
        value = ctx.value("number", toks + [h], str(n))
        out.append(ctx.claim(sent, "count", cls, f"number of {cls[:-1] + 'ies' if cls.endswith('y') else cls + 's'}", " & ".join(people) or "—", people, [value],
                             scope=mods + years(ctx, sent)))
    return out


def crowd_claim(ctx: Context, sent, noun, toks, n, mods) -> Claim | None:
    """"five protesters were arrested", "killed 49 people": a count of people at the event, keyed by what
    happened to them (the verb that governs the noun, or the participle that describes it)."""
    if noun.lemma_.lower() not in CROWD_NOUNS:
        return None
    verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if verb is None:
        verb = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ == "VERB" else None
    if verb is None or verb.lemma_.lower() in TALLY_VERBS:
        return None
    lemma = verb.lemma_.lower()
    low = " ".join(sent.text.lower().split())
    running = any(p in low for p in TALLY_PHRASES) or n.relation != "="
    value = ctx.value("number", toks + [noun], str(n))
    cls = "people" if noun.lemma_.lower() in ("people", "person") else noun.lemma_.lower()
    places = {place_key(e.text) for e in ctx.ents(sent) if e.label_ in ("GPE", "LOC", "FAC", "ORG")}
    # a name that modifies a common noun of place and is nobody's name: "the Riverton city hall"
    places |= {place_key(t.text) for t in sent if t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.pos_ == "NOUN"
               and t.head.text[:1].islower() and ctx.people.at(t.i) is None and t.ent_type_ in ("", "PERSON", "GPE", "ORG")}
    where = tuple(sorted(f"place:{p}" for p in places))
    who = tuple(f"who:{p}" for p in ctx.persons(sent))
    if not where and not who:
        return None  # five protesters where? a count of people is only compared at a named place or person
    return ctx.claim(sent, "count", f"crowd|{cls}|{lemma}", f"number of {cls} {verb.text}", "—", (), [value],
                     scope=mods + years(ctx, sent) + where + who, flags=("crowd",) + (("running",) if running else ()))


def anchored_people(ctx: Context, noun) -> tuple[str, ...]:
    """The people a counted noun is about: its possessor and the people it is "with" / "between" ("his
    three meetings with Kim"), and the subject of the clause it belongs to ("the two leaders ... culminating in two summits", with
    "the two leaders" standing for the people of the sentence before)."""
    from quotes.claims.clauses import subject_of

    joint = [t for c in noun.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in JOINT)
             for t in c.subtree]  # "his ... meetings with Kim", "talks between A and B"
    own = tuple(dict.fromkeys(m.name for t in joint if (m := ctx.people.at(t.i)) is not None))
    v = noun.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
    if subj is None or noun.left_edge.i <= subj.i <= noun.right_edge.i:
        return own
    names = tuple(m.name for m in ctx.people.mentions if subj.left_edge.i <= m.start <= subj.right_edge.i)
    if not names and subj.lemma_.lower() in PARTICIPANT_NOUNS and subj.tag_ == "NNS":
        names = ctx.persons(ctx.sentence(subj))
    return tuple(dict.fromkeys(names + own))


def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjuncts(c)
    return out


PLACE_NOUNS = frozenset("state city town country province county hometown district".split())


def _named(tok):
    """"his home state of Texas" as a list item is Texas."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in PLACE_NOUNS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((o for o in c.children if o.dep_ == "pobj" and o.ent_type_ in LIST_ENTS), None)
                if obj is not None:
                    return obj
    return tok


def _entity(ctx: Context, tok):
    return ctx.entity(tok)


def lists(ctx: Context, sent) -> list[Claim]:
    """"stops in Malaysia, South Korea, and Japan" -> list of stops = {malaysia, south korea, japan}."""
    out = []
    for t in sent:
        # the parser sometimes reads the places a verb of winning takes as an adverbial ("captured Virginia, ...")
        won = t.dep_ == "npadvmod" and t.head.lemma_.lower() in RESULT_WORDS and t.ent_type_ in LIST_ENTS
        if (t.dep_ not in ("pobj", "dobj") and not won) or t.head.dep_ == "conj" or ctx.quoted(t):
            continue
        items = [_named(i) for i in _conjuncts(t)]
        if t.dep_ == "pobj":  # "in Nevada and in Ohio": the same preposition repeated
            items += [_named(o) for c in t.head.children if c.dep_ == "conj" and c.lower_ == t.head.lower_
                      for o in c.children if o.dep_ == "pobj"]
        if len(items) < 2 or not all(i.ent_type_ in LIST_ENTS for i in items):
            continue
        ents = [_entity(ctx, i) for i in items]
        if any(e is None for e in ents):
            continue
        prep = t.head if t.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in ("between", "with", "and"):
            continue  # "talks between X and Y": the parties of a relation, not an enumeration
        head = prep.head if prep is not None else t.head
        if head.pos_ not in ("NOUN", "VERB", "PROPN"):
            continue
        # what a verb of winning took, however the places are hung on it ("won X and Y", "won the primary in X
        # and in Y"): one slot, the places won
        winner = head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") else head
        if winner.dep_ == "prep":
            winner = winner.head
        won_by = winner.lemma_.lower() in RESULT_WORDS
        last = max(x.i for x in items)
        words = {x.lower_ for x in head.subtree if x.i < t.i} | {x.lower_ for x in t.subtree}
        words |= {x.lower_ for x in t.doc[last + 1:min(last + 4, sent.end)]}  # "..., among others"
        if prep is not None:
            words.add(prep.lower_)
        # "includes", "among others", "also won", "as well": examples; a list of wins is a tally of results
        # that grows as they come in, so a shorter one is never a complete list
        open_list = (bool(words & OPEN_LIST_MARKERS) or head.lemma_.lower() in ("include", "including")
                     or won_by or any(c.lower_ in ("also", "well") for c in head.children))
        key = "win" if won_by else head.lemma_.lower() + (f" {prep.lower_}" if prep is not None else "")
        names = sorted({place_key(e.text) for e in ents})
        people = ctx.persons(sent)
        toks = [x for e in ents for x in e]
        value = ctx.value("list", toks, "|".join(names))
        out.append(ctx.claim(sent, "list", key, head.text.lower() + (f" {prep.lower_}" if prep is not None else ""),
                             " & ".join(people) or "—", people, [value], flags=("open",) if open_list else ()))
    return out
