"""Judging a quote against the transcripts in the record: the passages it may render, and what it did
to them (`quotes.check.edits`).

- misquote: the words change the passage without a mark, and the passage is evidently the occasion
  quoted (the article is not dated before the event; few enough words differ to be an edit of it);
- near-match (never failing by default): the record has close words, but not evidently on the occasion
  the article quotes (the article predates the event, or too many words differ for an edit of that
  passage), or the words are close to someone else's and the article names its speaker confidently;
- misattribution: the words are, closely and only, one record speaker's, and the article confidently
  names a different person;
- unverified: words of the quote beyond the start or end of the matching transcript turn.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from quotes.check.edits import Region, describe, regions
from quotes.check.occasion import EventDate
from quotes.check.passage import Passage, informative
from quotes.compare.speakers import same_person
from quotes.model import Discrepancy, Finding, Quote

# a passage is a candidate rendering when this share of the quote's words appear in it, in order
MIN_SHARE = 0.6
MIN_MATCHED = 4  # and at least this many words, informative ones among them
MIN_INFORMATIVE = 2
# an edit changes a few words of a passage; past this share the quote is rather a different wording
# of the same thought, said again on another occasion
MAX_CHANGED_SHARE = 0.3
# a phrase this short is common property: it may be said on many occasions and by many people, so it
# tells neither the occasion (a changed short quote is a near match) nor the speaker
MIN_EVIDENCE_WORDS = 8
# transcript labels that name a role, not a person ("AUDIENCE MEMBER", "QUESTION", "UNIDENTIFIED MALE")
ROLE_WORDS = frozenset("""audience member members question questioner q a unidentified unknown male female man woman
    voice voices crowd protester protesters reporter reporters moderator moderators announcer system speaker
    participant caller student voter narrator host off camera several multiple all both and panelist""".split())
LABEL_TYPO_RATIO = 85
CONFIDENT_RESOLUTIONS = frozenset({"name", "title"})  # the article names the speaker at the quote
MIN_CONFIDENCE = 0.8


@dataclass(frozen=True)
class Reading:
    """What a quote did to one passage."""

    passage: Passage
    regions: tuple[Region, ...]

    @property
    def changes(self) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.kind == "change")

    @property
    def unverified(self) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.kind == "unverified")

    @property
    def changed_share(self) -> float:
        """The share of the quote's words the passage does not support as they stand: changed words, and
        words at an edge unlike anything in the turn there (not words beyond the turn's end)."""
        off = [r for r in self.regions if r.kind == "change" or r.why in ("before-passage", "after-passage")]
        return sum(r.size for r in off) / max(1, len(self.passage.quote_tokens))


def plausible(p: Passage) -> bool:
    keys = [p.quote_tokens[i].key for op, i, _ in p.ops if op == "="]
    return (p.share >= MIN_SHARE and len(keys) >= MIN_MATCHED
            and sum(1 for k in keys if informative(k)) >= MIN_INFORMATIVE)


def confident(quote: Quote) -> bool:
    """The article names the speaker itself (not a pronoun, a role or a guess from context)."""
    s = quote.speaker
    return (s is not None and bool(s.name.strip()) and s.resolution in CONFIDENT_RESOLUTIONS
            and quote.confidence >= MIN_CONFIDENCE)


@dataclass(frozen=True)
class When:
    """What the article says about when the quote was said."""

    published: dt.date | None = None  # the article's date
    named: tuple[str, dt.date] | None = None  # a weekday named with the quote, and the day it means
    written: str | None = None  # the article says the words were written ("in a statement", "tweeted")
    nearby: str = ""  # the article's text around the quote (the quote itself left out)


def judge(quote: Quote, passages: list[Passage], when: When = When(),
          events: dict[str, EventDate] | None = None) -> list[Finding] | None:
    """Findings for `quote` against transcript passages (best first); None when none is close enough
    to be a rendering (the quote is then judged against the rest of the record, or unverified)."""
    events = events or {}
    name = quote.speaker.identity.strip() if quote.speaker and quote.speaker.identity and quote.speaker.identity.strip() else None
    close = [Reading(p, tuple(regions(p))) for p in passages if plausible(p)]
    if not close:
        # a short fragment ("open to talks") is verified only word for word in its speaker's turn
        exact = [p for p in passages if p.share == 1.0 and name and same_person(name, p.turn.speaker)]
        return [] if any(not Reading(p, tuple(regions(p))).regions for p in exact) else None
    close.sort(key=lambda r: (len(r.changes), sum(x.size for x in r.changes), -r.passage.matched))
    same = [r for r in close if name and alike(name, r.passage.turn.speaker)]
    if same:
        return words(quote, same[0], when, events)
    best = close[0]
    if name and confident(quote):
        return elsewhere(quote, name, close, when, events)
    note = ""
    if name:
        how = quote.speaker.resolution if quote.speaker else "unresolved"
        note = f" (the article's speaker, {name}, is not named at the quote: {how}; the record has {best.passage.turn.speaker})"
    return words(quote, best, when, events, note)


def alike(name: str, label: str) -> bool:
    """The article's speaker and a transcript label are the same person, allowing for a mistyped label
    ("EUGENE ROBINSONI" for Eugene Robinson): the same identity, or a label word spelled nearly as the name's
    last word."""
    if same_person(name, label):
        return True
    last = re.findall(r"[^\W\d_]+", name.casefold())[-1:]
    return bool(last) and len(last[0]) >= 4 and any(
        len(w) >= 4 and fuzz.ratio(w, last[0]) >= LABEL_TYPO_RATIO for w in re.findall(r"[^\W\d_]+", label.casefold()))


def words(quote: Quote, r: Reading, when: When, events: dict[str, EventDate], note: str = "") -> list[Finding]:
    """The quote as a rendering of the passage's speaker's words."""
    p = r.passage
    out: list[Finding] = []
    if r.changes:
        doubt = occasion_doubt(r, when, events)
        listed = "; ".join(describe(x) for x in r.changes)
        if doubt:
            out.append(finding("near-match", quote, p, f"near match on record, occasion unknown ({doubt}){note}: {listed}",
                               r.changes))
        else:
            out.append(finding("misquote", quote, p, f"differs from the transcript{note}: {listed}", r.changes))
    if r.unverified:
        words_ = "; ".join(" ".join(dict.fromkeys(t.word.text for t in x.quote)) for x in r.unverified)
        out.append(finding("unverified", quote, p, f"the record does not cover “{words_}” (beyond the passage it renders)"))
    return out


def elsewhere(quote: Quote, name: str, close: list[Reading], when: When,
              events: dict[str, EventDate]) -> list[Finding]:
    """The article confidently names someone the close passages are not from."""
    best = close[0]
    p = best.passage
    exact = not best.changes and not best.unverified
    rivals = [r for r in close[1:] if not r.changes and not alike(r.passage.turn.speaker, p.turn.speaker)]
    long_enough = len(quote_words(p)) >= MIN_EVIDENCE_WORDS
    doubt = date_doubt(p, when, events) or quoting(p) or role(p.turn.speaker) or named_nearby(p.turn.speaker, when)
    if exact and long_enough and not rivals and not doubt:
        return [finding("misattribution", quote, p,
                        f"attributed to {name}, but the record has these words from {p.turn.speaker}")]
    if best.changed_share > MAX_CHANGED_SHARE:
        return [Finding("unverified", quote, f"no recorded words of {name} match these words")]
    why = doubt or ("the words are not exactly the record's" if not exact else
                    "a phrase too short to tell who said it" if not long_enough else
                    "more than one speaker on record says them")
    return [finding("near-match", quote, p,
                    f"attributed to {name}; close words on record from {p.turn.speaker}, occasion unknown ({why})")]


QUOTING = re.compile(r"[\"“”]|\b(?:quote|quoting|said|says|saying|wrote|writes|tweeted)\b", re.I)


def named_nearby(label: str, when: When) -> str | None:
    """The article names the record's speaker right by the quote: the attribution is not clear-cut."""
    for w in re.findall(r"[^\W\d_]{3,}", label):
        if w.casefold() not in ROLE_WORDS and re.search(rf"\b{re.escape(w)}\b", when.nearby, re.I):
            return f"the article names {w.title()} next to the quote"
    return None


def role(label: str) -> str | None:
    """Why a transcript label names nobody in particular, or None for a person's name."""
    words = re.findall(r"[^\W\d_]+", label.casefold())
    if all(w in ROLE_WORDS for w in words):
        return f"the record's label “{label}” names a role, not a person"
    return None


def quoting(p: Passage) -> str | None:
    """The record's speaker is quoting someone: the transcript line has a quotation mark or a speech
    verb before the matched words ("You said, quote, …")."""
    t = p.first_token
    line = p.turn.entries[t.entry].quote.text
    if QUOTING.search(line[: t.word.start]) or any(c in line[t.word.start:] for c in "\"“”"):
        return f"{p.turn.speaker} is quoting someone there"
    return None


def quote_words(p: Passage) -> set[tuple[int, int]]:
    return {(t.word.start, t.word.end) for t in p.quote_tokens}


def date_doubt(p: Passage, when: When, events: dict[str, EventDate]) -> str | None:
    """Why the occasion the article gives does not fit the event the passage records, or None."""
    if when.written:
        return f"the article has the words written ({when.written}), the record is of speech"
    event = events.get(p.turn.source)
    if event is None or when.published is None:
        return None
    on = event.day.isoformat() + ("" if event.declared else " (from the file name)")
    if event.after(when.published):
        return f"the article is dated {when.published.isoformat()}, before the event of {on}"
    if when.named and not event.fits(when.named[1]):
        name, day = when.named
        return f"the article has the words said on {name} ({day.isoformat()}), the event was on {on}"
    days = event.stale(when.published)
    if days:
        return f"the event of {on} is {days} days before the article: the words may be said again elsewhere"
    return None


def occasion_doubt(r: Reading, when: When, events: dict[str, EventDate]) -> str | None:
    """Why the passage may not be the occasion the article quotes, or None when it evidently is."""
    doubt = date_doubt(r.passage, when, events)
    if not doubt and len(quote_words(r.passage)) < MIN_EVIDENCE_WORDS:
        doubt = f"a phrase under {MIN_EVIDENCE_WORDS} words may be said on many occasions"
    if doubt:
        return doubt
    if r.changed_share > MAX_CHANGED_SHARE:
        n = round(r.changed_share * len(r.passage.quote_tokens))
        return f"{n} of {len(r.passage.quote_tokens)} words differ, too many for an edit of this passage"
    return None


def finding(kind: str, quote: Quote, p: Passage, lead: str, changes: tuple[Region, ...] = ()) -> Finding:
    first = p.first
    where = f"{first.location}, transcript {p.lines()}"
    return Finding(kind, quote, f"{lead}; {where}; recorded: “{recorded(p)}”", first.quote, first.location,
                   tuple(discrepancy(quote, p, r) for r in changes))


def recorded(p: Passage, limit: int = 240) -> str:
    """The transcript's words from the first to the last one the quote lines up with."""
    a, b = p.first_token, p.turn.tokens[min(max(p.start, p.end - 1), len(p.turn.tokens) - 1)]
    parts = []
    for n in range(a.entry, b.entry + 1):
        text = p.turn.entries[n].quote.text
        parts.append(text[a.word.start if n == a.entry else 0: b.word.end if n == b.entry else len(text)])
    said = " ".join(" ".join(parts).split())
    return said if len(said) <= limit else said[: limit - 1].rstrip() + "…"


def discrepancy(quote: Quote, p: Passage, r: Region) -> Discrepancy:
    """A change as a `Discrepancy`: canonical offsets in the transcript file, variant offsets in the article."""
    def span(tokens, base) -> tuple[int, int]:
        return (base(tokens[0]) + tokens[0].word.start, base(tokens[-1]) + tokens[-1].word.end) if tokens else (-1, -1)

    entry = lambda t: p.turn.entries[t.entry].quote.start_char  # noqa: E731
    cs, ce = span(r.said, entry)
    vs, ve = span(r.quote, lambda t: quote.start_char)
    if cs < 0:  # an added word: an empty span where the transcript has nothing
        cs = ce = entry(p.first_token) + p.first_token.word.start
    if vs < 0:
        qt = p.quote_tokens
        vs = ve = quote.start_char + (qt[r.gap].word.start if r.gap < len(qt) else qt[-1].word.end)
    said = " ".join(dict.fromkeys(t.word.text for t in r.said))
    new = " ".join(dict.fromkeys(t.word.text for t in r.quote))
    kind = "omitted" if not r.quote else "added" if not r.said else "substituted"
    return Discrepancy(kind, said, new, cs, ce, vs, ve, r.flags)
