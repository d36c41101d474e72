"""Judging one quote of a new article against the recorded quotes of other articles and stores that may
be the same utterance (transcripts are judged passage by passage: `quotes.check.spoken`).

`assess` relates a new quote to one recorded quote (through `quotes.compare.diff.relate`); `decide` turns the
assessments into findings. `decide` is pure: it only looks at relations, meaning flags and speakers.

- misquote: the words differ in meaning from every recorded rendering;
- misattribution: the record has these words from someone else (and not from the person named);
- variant: the words agree with some recorded renderings and not others, or differ from every recorded
  rendering without a change of meaning;
- unverified: nothing in the record matches.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quotes.check.record import Recorded
from quotes.compare.speakers import same_person
from quotes.model import Discrepancy, Finding, Quote, Variant

FINDING_KINDS = ("misquote", "misattribution", "near-match", "unverified", "variant")
AGREE = frozenset({"verbatim", "cosmetic", "trimmed", "fragment"})  # the new quote is (part of) the recorded words
PART = frozenset({"fragment", "trimmed"})  # the recorded words are part of the new quote
WORD_CHANGES = ("omitted", "added", "substituted")
# a quote this short ("nuclear power", "rocket man") is a phrase many people use: matching words in
# someone else's mouth is no evidence of a misattribution
MIN_ATTRIBUTION_WORDS = 4


@dataclass(frozen=True)
class Match:
    """How one new quote relates to one recorded quote."""

    recorded: Recorded
    variant: Variant  # relate(recorded, new): discrepancies with recorded words as canonical
    agrees: bool  # same words up to cosmetic differences, or one is a faithful part of the other
    meaning: bool  # a difference that can change the meaning (negation, number, name, hedge, modal)
    speaker: bool | None  # same person? None when either side names nobody
    changes: tuple[Discrepancy, ...] = ()  # the words that differ where the two overlap


def speaker_name(q: Quote) -> str | None:
    return q.speaker.identity if q.speaker and q.speaker.identity and q.speaker.identity.strip() else None


def same_speaker(a: Quote, b: Quote) -> bool | None:
    na, nb = speaker_name(a), speaker_name(b)
    if na is None or nb is None:
        return None
    return same_person(na, nb)


ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")


def marked_by_writer(d: Discrepancy, quote: Quote) -> bool:
    """Words the writer marks as theirs: an [insertion] in brackets, or an omission shown by an ellipsis."""
    a, b = d.variant_start - quote.start_char, d.variant_end - quote.start_char
    text = quote.text
    if d.type == "added":
        return text[:a].rstrip().endswith("[") and text[b:].lstrip().startswith("]")
    if d.type == "omitted":
        return ELLIPSIS.search(text[max(0, a - 5): a + 5]) is not None
    return False


def overlap_changes(v: Variant, quote: Quote, transcript: bool) -> tuple[Discrepancy, ...]:
    """Word changes where the new quote and the recorded one overlap: words the new quote adds at its
    start or end go beyond what an article recorded (unverified words), they do not contradict it. A
    transcript turn holds everything said: there, every added word counts."""
    def edge(d: Discrepancy) -> bool:
        if transcript or d.type != "added":
            return False
        before = quote.text[: max(0, d.variant_start - quote.start_char)]
        after = quote.text[max(0, d.variant_end - quote.start_char):]
        return not any(c.isalnum() for c in before) or not any(c.isalnum() for c in after)

    return tuple(d for d in v.discrepancies if d.type in WORD_CHANGES and not edge(d) and not marked_by_writer(d, quote))


def assess(quote: Quote, recorded: Recorded, relate: Callable[[Quote, Quote], Variant]) -> Match:
    v = relate(recorded.quote, quote)
    changes = overlap_changes(v, quote, recorded.transcript)
    meaning = any(d.flags for d in changes)
    agrees = not meaning and (v.relation in AGREE or not changes)
    if not agrees and v.relation not in AGREE:
        back = relate(quote, recorded.quote)  # is the recorded quote a faithful part of the new one?
        if back.relation in PART and not any(d.flags for d in back.discrepancies if d.type in WORD_CHANGES):
            agrees, meaning = True, False
    return Match(recorded, v, agrees, meaning, same_speaker(quote, recorded.quote), changes)


def decide(quote: Quote, matches: list[Match]) -> list[Finding]:
    """The findings for `quote` given every recorded quote it was matched with (best first)."""
    findings: list[Finding] = []
    wrong = _misattribution(quote, matches)
    if wrong is not None:
        findings.append(wrong)
    usable = [m for m in matches if m.speaker is not False]  # a different speaker's words are not a rendering
    if not usable:
        if wrong is None:
            findings.append(Finding("unverified", quote, "no recorded quote matches these words"))
        return findings
    agree = [m for m in usable if m.agrees]
    differ = [m for m in usable if not m.agrees]
    if not differ:
        return findings
    ref = _worst(differ)
    if agree:
        places = list(dict.fromkeys(m.recorded.location for m in agree))
        shown = ", ".join(places[:2]) + (f" and {len(places) - 2} more" if len(places) > 2 else "")
        findings.append(_finding("variant", quote, ref, f"agrees with {shown}; differs from"))
    elif all(m.meaning for m in differ):
        findings.append(_finding("misquote", quote, ref, "differs in meaning from every recorded rendering, e.g."))
    else:
        findings.append(_finding("variant", quote, _worst([m for m in differ if not m.meaning]),
                                 "differs in wording, not in meaning, from"))
    return findings


def _misattribution(quote: Quote, matches: list[Match]) -> Finding | None:
    """The record has these words from someone else, and never from the person this quote names."""
    if speaker_name(quote) is None or len(re.findall(r"\w+", quote.text)) < MIN_ATTRIBUTION_WORDS:
        return None
    if any(m.speaker is True for m in matches):
        return None
    others = [m for m in matches if m.speaker is False]
    if not others:
        return None
    ref = next((m for m in others if m.agrees), others[0])
    rec = ref.recorded
    words = "" if ref.agrees else f"; with different words: {differences(ref.changes) or differences(ref.variant.discrepancies)}"
    return Finding("misattribution", quote,
                   f"attributed to {speaker_name(quote)}, but the record has these words from "
                   f"{speaker_name(rec.quote)} ({rec.location}{', transcript' if rec.transcript else ''}){words}",
                   rec.quote, rec.location, ref.variant.discrepancies)


def _worst(matches: list[Match]) -> Match:
    """The reference to show: a meaning change first, then the closest wording (the index's order)."""
    return next((m for m in matches if m.meaning), matches[0])


def _finding(kind: str, quote: Quote, m: Match, lead: str) -> Finding:
    rec = m.recorded
    words = differences(m.changes) or differences(m.variant.discrepancies) or "different words"
    where = f"{rec.location}{', transcript' if rec.transcript else ''}"
    message = f"{lead} {where}: {words}; recorded: “{recorded_words(m)}”"
    return Finding(kind, quote, message, rec.quote, rec.location, m.variant.discrepancies)


def differences(discrepancies: tuple[Discrepancy, ...]) -> str:
    """The words that differ, one phrase per difference: “recorded” → “new” (type: flags)."""
    parts = []
    for d in discrepancies:
        if d.type in ("cosmetic", "speaker_conflict"):
            continue
        tag = d.type + (": " + ", ".join(d.flags) if d.flags else "")
        if d.type == "omitted" or (d.canonical_text and not d.variant_text):
            parts.append(f"omits “{d.canonical_text}” ({tag})")
        elif d.type == "added" or (d.variant_text and not d.canonical_text):
            parts.append(f"adds “{d.variant_text}” ({tag})")
        else:
            parts.append(f"“{d.canonical_text}” → “{d.variant_text}” ({tag})")
    return "; ".join(parts)


def recorded_words(m: Match, limit: int = 240) -> str:
    """The recorded words the new quote lines up with (a long transcript turn is cut to that part)."""
    q = m.recorded.quote
    start, end = q.start_char, q.end_char
    for d in m.variant.discrepancies:
        if d.type == "trimmed" and d.canonical_start <= start < d.canonical_end:
            start = d.canonical_end
        elif d.type == "trimmed" and d.canonical_start < end <= d.canonical_end:
            end = d.canonical_start
    text = q.text[start - q.start_char:end - q.start_char].strip() if start < end else q.text
    text = " ".join((text or q.text).split()).lstrip(".,;:!?—– ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
