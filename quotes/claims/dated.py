"""When something happened: the day or month an utterance was made, and the day of a named event.

- **Dated utterances**: "X acknowledged Monday night "it will be very hard..."", "X was challenged over his
  statement on Wednesday that ...", "X announced in March that ...". A date on a verb of saying (or on a
  clause that governs a noun of saying: statement, comment, tweet, post, interview) dates the words that
  verb reports. Two articles that report the same words of the same person (their reported or quoted
  words share at least two content words, half of the shorter report) describe one utterance, so
  "Monday" vs "Wednesday" (or "in March" vs "in April") is a conflict.
- **The day of the lede**: the first day (a weekday or a day of a month) an article's opening sentences
  give is the day of the event it reports ("Voters turned out in record numbers Tuesday ..."). Two
  articles whose ledes give compatible days, in sentences that share words, agree on the day of their
  event; ledes that give different days report different events (a follow-up a day later), so they are
  never compared.
- **Dated events**: "Wednesday's attacks in <town>", "the <state> caucuses on Monday", "<person>'s <state>
  win on Tuesday night". An event noun of a class that happens once at a place (an attack, a contest)
  together with its place is one event; two days for it are a conflict. An event noun without a place
  (a debate, a rally: they recur) is not compared.

Dates are completed with the article's own date (`dateline`): "Dec. 2" in an article of late December
2015 is a Wednesday, "this year" in an article of May 2016 is 2016. Relative weekdays are compared as
weekdays: the articles of one event are written within days of it.
"""
from __future__ import annotations

import datetime as dt

from quotes.claims.context import Context, content_words, place_key
from quotes.claims.dateline import complete, nearest_weekday, relative_year
from quotes.claims.dates import When, parse_date
from quotes.claims.lexicon import EVENT_NOUN_CLASS, SPEECH_NOUNS
from quotes.claims.model import Claim
from quotes.claims.retrieve import stem
from quotes.compare.speakers import key
from quotes.lexicon import SPEECH_VERBS

LEDE_SENTENCES = 6  # the opening sentences of an article whose first day is the day of its event
DAY_PARTS = frozenset(("night", "morning", "evening", "afternoon", "mid", "early", "late"))
PLACE_ENTS = frozenset(("GPE", "LOC", "FAC", "ORG"))  # an ORG for a venue ("the University of Miami")
PARTY_WORDS = frozenset(("democratic", "republican", "gop", "democrat", "democrats", "republicans"))


def when_of(ctx: Context, ent) -> When | None:
    """The date a DATE/TIME entity names, completed with the article's date; None for "last week"."""
    words = [w for w in ent.text.replace("’s", "").replace("'s", "").split()
             if not set(w.casefold().split("-")) <= DAY_PARTS]  # "late", "mid-morning"
    text = " ".join(words)
    w = parse_date(text) or relative_year(text, ctx.written)
    if w is None:
        return None
    return complete(w, ctx.written)


def _clause_verb(tok):
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def is_speech_noun(tok) -> bool:
    """A noun of saying: "statement", "tweet", ...; "fact-check" (a "check" with "fact" before it)."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in SPEECH_NOUNS or lemma == "check" and any(
        c.lower_ == "fact" for c in tok.children))


def _speech_noun(verb):
    """A noun of saying the verb governs directly or through a preposition ("over his statement")."""
    for c in verb.children:
        if is_speech_noun(c):
            return c
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and is_speech_noun(g):
                    return g
    return None


def _said(ctx: Context, verb, noun):
    """The tokens of the words reported (a clausal complement of the verb or of the noun; else what a noun
    of saying is about: "his auto bailout fact-check", "her post about the bailout"), or None."""
    for head in (noun, verb):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ in ("ccomp", "acl") and c.i > head.i:
                cut = {t.i for x in c.children if x.dep_ in ("conj", "cc") for t in x.subtree}
                return [t for t in c.subtree if t.i not in cut]
    if noun is not None:
        topic = [t for c in noun.children if c.dep_ in ("compound", "amod") and c.lower_ != "fact" for t in c.subtree]
        topic += [t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "over")
                  for t in c.subtree if t.i != c.i]
        return topic or None
    return None


def _quoted_after(ctx: Context, verb, sent):
    """The tokens of the direct quote that follows a verb of saying ("tweeted this: "..."), across sentences."""
    for s, e in ctx.quote_spans:
        if verb.idx < s <= sent.end_char + 2:
            return [t for t in verb.doc[verb.i:] if s <= t.idx < e][:200]
    return None


SOON = frozenset("immediately shortly soon right just minutes moments".split())


def _right_after_previous(verb) -> bool:
    """"(almost) immediately after she did, X tweeted": the verb follows at once what the sentence before
    reports (a pro-verb "did" / "did so" refers back to it)."""
    for t in verb.subtree:
        if t.lemma_.lower() == "do" and t.dep_ == "advcl" and any(c.lower_ == "after" for c in t.children):
            near = [t.head] + list(t.head.children) + list(t.children)
            return any(x.lower_ in SOON for x in near)
    return False


def _previous_day(ctx: Context, sent):
    """The date entity (a weekday or a day) of the main clause of the sentence before, or None."""
    i = ctx.sentence_number(sent)
    if i <= 0:
        return None, None
    prev = ctx.sentences[i - 1]
    for ent in ctx.ents(prev):
        if ent.label_ not in ("DATE", "TIME") or ctx.quoted(ent.root) or _clause_verb(ent.root) != prev.root:
            continue
        when = when_of(ctx, ent)
        if when is not None and (when.weekday is not None or when.day is not None):
            return prev, (ent, when)
    return None, None


def inherited(ctx: Context, sent) -> list[Claim]:
    """A verb of saying with no date of its own that follows at once what the sentence before dates ("On
    Tuesday she doubled down. Almost immediately after she did, X tweeted: "..."") is dated by it."""
    if any(e.label_ in ("DATE", "TIME") for e in ctx.ents(sent)):
        return []
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or not _right_after_previous(verb):
            continue
        prev, found = _previous_day(ctx, sent)
        speaker = _speaker(ctx, verb, None)
        said = _quoted_after(ctx, verb, sent) or _said(ctx, verb, None)
        if found is None or not speaker or not said:
            continue
        ent, when = found
        words = tuple(sorted({stem(w) for w in content_words(said)}))
        if len(words) < 2:
            continue
        k = key(speaker).split()
        both = ctx.doc[prev.start:sent.end]
        out.append(ctx.claim(both, "dated", "said|" + (k[-1] if k else speaker), f"when {speaker} said it", speaker,
                             (speaker,), [ctx.value("date", list(ent), str(when))], clip=False, words=words,
                             flags=("utterance",)))
    return out


def _speaker(ctx: Context, verb, noun) -> str | None:
    from quotes.claims.clauses import subject_of

    if noun is not None:  # "his statement", "his auto bailout fact-check" (the parser may hang "his" lower)
        for c in noun.subtree:
            if c.i < noun.i and c.dep_ == "poss" and (m := ctx.people.at(c.i)) is not None:
                return m.name
    subj = subject_of(verb)
    if subj is not None and verb.lemma_.lower() in SPEECH_VERBS:
        return ctx.who(subj)
    return None


def utterances(ctx: Context, sent) -> list[Claim]:
    out = []
    for ent in ctx.ents(sent):
        if ent.label_ not in ("DATE", "TIME") or ctx.quoted(ent.root):
            continue
        when = when_of(ctx, ent)
        if when is None:
            continue
        verb = _clause_verb(ent.root)
        noun = ent.root.head if is_speech_noun(ent.root.head) else _speech_noun(verb)
        if verb.lemma_.lower() not in SPEECH_VERBS and noun is None:
            continue
        said = _said(ctx, verb, noun)
        speaker = _speaker(ctx, verb, noun)
        if not said or not speaker:
            continue
        words = tuple(sorted({stem(w) for w in content_words(said)}))
        if len(words) < 2:
            continue
        value = ctx.value("date", list(ent), str(when))
        k = key(speaker).split()
        out.append(ctx.claim(sent, "dated", "said|" + (k[-1] if k else speaker), f"when {speaker} said it",
                             speaker, (speaker,), [value], words=words, flags=("utterance",)))
    return out


def _place(ctx: Context, noun, verb) -> str:
    """The place an event noun names ("the Iowa caucuses", "attacks in San Bernardino")."""
    toks = [t for t in noun.subtree if t.i != noun.i and t.dep_ not in ("relcl", "acl")]
    toks += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
             for g in c.children if g.dep_ == "pobj"] if verb is not None else []
    for t in toks:
        if t.ent_type_ in PLACE_ENTS:
            ent = ctx.entity(t)
            if ent is not None and not ctx.in_short_quote(t):
                return place_key(ent.text)
    return ""


def _event_noun(ent):
    r = ent.root
    if r.head.lemma_.lower() in EVENT_NOUN_CLASS and r.head.pos_ == "NOUN":
        return r.head, None
    if r.dep_ == "pobj" and r.head.head.lemma_.lower() in EVENT_NOUN_CLASS and r.head.head.pos_ == "NOUN":
        return r.head.head, None
    verb = _clause_verb(r)
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in EVENT_NOUN_CLASS:
            return c, verb
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "after", "before", "during"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in EVENT_NOUN_CLASS:
                    return g, verb
    return None, None


def events(ctx: Context, sent) -> list[Claim]:
    out = []
    for ent in ctx.ents(sent):
        if ent.label_ not in ("DATE", "TIME") or ctx.in_short_quote(ent.root):
            continue
        when = when_of(ctx, ent)
        if when is None or (when.weekday is None and when.day is None):
            continue  # a month or a year alone does not pin down a day
        noun, verb = _event_noun(ent)
        if noun is None:
            continue
        place = _place(ctx, noun, verb)
        if not place:
            continue
        cls = EVENT_NOUN_CLASS[noun.lemma_.lower()]
        party = sorted({"democratic" if t.lower_.startswith("democrat") else "republican"
                        for t in noun.subtree if t.lower_ in PARTY_WORDS})
        value = ctx.value("date", list(ent), str(when))
        out.append(ctx.claim(sent, "dated", f"event|{cls}|{place}", f"day of the {cls} in {place.title()}",
                             place.title(), (), [value], scope=tuple(f"mod:{p}" for p in party),
                             flags=("event",)))
    return out


def _calendar_day(when: When, ctx: Context) -> tuple[str, ...]:
    """The day of the calendar a lede's day is, given the article's date ("Tuesday" in an article of
    Wednesday 16 March 2016 is the 15th): two ledes on the same calendar day report the same day."""
    if when.year and when.month and when.day:
        try:
            return (f"day:{dt.date(when.year, when.month, when.day).isoformat()}",)
        except ValueError:
            return ()
    if when.weekday is not None and when.month is None and when.year is None:
        day = nearest_weekday(when.weekday, ctx.written)
        return (f"day:{day.isoformat()}",) if day else ()
    return ()


def lede(ctx: Context) -> list[Claim]:
    """The first day the article's opening sentences give (the day of the event it reports), and the same
    day again in the next opening sentences (a headline and the lede under it both give it)."""
    out: list[Claim] = []
    first = None
    for sent in ctx.sentences[:LEDE_SENTENCES]:
        for ent in ctx.ents(sent):
            if ent.label_ not in ("DATE", "TIME") or ctx.quoted(ent.root):
                continue
            when = when_of(ctx, ent)
            if when is None or (when.weekday is None and when.day is None):
                continue
            if first is None:
                first = when
            elif not first.compatible(when):
                continue
            value = ctx.value("date", list(ent), str(when))
            out.append(ctx.claim(sent, "dated", "lede", "day of the event the articles report", "—",
                                 ctx.persons(sent), [value], flags=("lede",), scope=_calendar_day(when, ctx)))
            break
    return out
