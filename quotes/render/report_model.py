"""What a `quotes compare` report shows, as plain data shared by every output format.

`build_report` applies the report options (`report_select.apply_options`) and turns the comparison
into a summary, one block per utterance quoted by more than one article (worst first) and a speaker
table (`report_speakers`). No rich here.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from quotes.compare import NOTHING_TO_COMPARE, SEVERITIES, severity, speakers
from quotes.model import Cluster, Comparison, Quote, Variant
from quotes.render.report_select import apply_options, cluster_speakers, has_speaker_conflict, multi_article, rank
from quotes.render.report_speakers import SpeakerRow, speaker_rows
from quotes.render.wordiff import Segment, diff_segments, same_quote

SUMMARY_LABELS = {  # how the summary counts utterances, by their worst difference
    "none": "agree verbatim",
    "cosmetic": "differ only cosmetically",
    "cut": "shortened or quoted in part",
    "edit": "differ in wording",
    "meaning": "differ in meaning",
}
BLOCK_LABELS = {  # how a block heads one utterance
    "none": "verbatim",
    "cosmetic": "cosmetic differences only",
    "cut": "shortened or quoted in part",
    "edit": "wording differs",
    "meaning": "meaning changed",
}


# ---- summary --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    articles: int
    quotes: int
    kinds: tuple[tuple[str, int], ...]  # (kind, count) for speech, partial, scare
    multi: int  # utterances quoted by more than one article
    by_severity: tuple[int, ...]  # of those, how many have each worst difference, in SEVERITIES order
    conflicts: int  # of the multi-article ones: members give the words to different speakers
    single_article: int  # utterances quoted more than once within one article only (no block)


def summarize(comparison: Comparison) -> Summary:
    multi = [c for c in comparison.clusters if multi_article(c)]
    ranks = [rank(c) for c in multi]
    kinds = [(k, sum(1 for q in comparison.quotes if q.kind == k)) for k in ("speech", "partial", "scare")]
    return Summary(
        articles=len(comparison.articles),
        quotes=len(comparison.quotes),
        kinds=tuple(kinds),
        multi=len(multi),
        by_severity=tuple(ranks.count(i) for i in range(len(SEVERITIES))),
        conflicts=sum(1 for c in multi if has_speaker_conflict(c)),
        single_article=len(comparison.clusters) - len(multi),
    )


def summary_rows(s: Summary) -> list[tuple[int, str, int, str]]:
    """(indent, label, number, note) lines of the summary, the same in every format."""
    kinds = ", ".join(f"{n} {k}" for k, n in s.kinds if n)
    rows = [
        (0, "articles read", s.articles, ""),
        (0, "quotes found", s.quotes, kinds),
        (0, "utterances quoted by more than one article", s.multi, ""),
    ]
    for name, n in zip(SEVERITIES, s.by_severity, strict=True):
        rows.append((1, SUMMARY_LABELS[name], n, ""))
    rows.append((1, "speaker conflicts", s.conflicts, "counted as differing in meaning" if s.conflicts else ""))
    if s.single_article:
        rows.append((0, "quoted more than once within one article only", s.single_article, "not shown below"))
    return rows


# ---- blocks ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    """One article's rendering of the utterance, ready to draw."""

    quote: Quote
    where: str  # article name and line: "001_47eab0ed3e38093b.txt:5"
    relation: str  # canonical | verbatim | cosmetic | trimmed | fragment | edited
    cue: str
    speaker: str  # the name this article gives ("" if none)
    mention: str  # the words naming the speaker in this article
    other_speaker: bool  # a speaker conflict: this article gives the words to someone else
    segments: tuple[Segment, ...]
    counts: tuple[tuple[str, int], ...]  # (discrepancy type, how many), in DIFF_TYPES order
    meaning: tuple[tuple[str, str], ...]  # (flags, the change) of each meaning-changing difference


@dataclass(frozen=True)
class Block:
    number: int
    cluster: Cluster
    severity: str  # the worst difference, one of SEVERITIES
    conflict: bool
    speaker: str
    carried_by: int  # articles whose wording is the canonical one (verbatim or cosmetic)
    members: tuple[Member, ...]

    @property
    def title(self) -> str:
        n = len(self.cluster.articles)
        parts = [f"{self.number}. {self.speaker or 'unattributed'}", f"quoted in {n} articles",
                 BLOCK_LABELS[self.severity]]
        if self.conflict:
            parts.append("speaker conflict")
        return " · ".join(parts)

    @property
    def canonical_note(self) -> str:
        return f"carried by {self.carried_by} of {len(self.cluster.articles)} articles"


def member_meta(m: Member) -> str:
    """Where the rendering is and how the article introduces it: "004.txt:7 · cue: shared · speaker: Trump"."""
    parts = [m.where]
    if m.cue:
        parts.append(f"cue: {m.cue}")
    if m.mention:
        named = m.mention if not m.speaker or m.speaker == m.mention else f"{m.mention} ({m.speaker})"
        parts.append(f"speaker: {named}")
    elif not m.speaker:
        parts.append("no speaker named")
    return " · ".join(parts)


def member_notes(m: Member, block: Block) -> list[tuple[str, str]]:
    """(kind, text) lines under a rendering: its differences, meaning changes, a speaker conflict."""
    notes = []
    if m.relation == "canonical":
        notes.append(("differences", f"canonical wording: {block.canonical_note}"))
    if m.counts:
        notes.append(("differences", ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in m.counts)))
    if m.meaning:
        notes.append(("meaning", "meaning changed: " + "; ".join(f"{f} ({change})" for f, change in m.meaning)))
    if m.other_speaker:
        notes.append(("conflict", f"speaker conflict: attributed to {m.speaker or 'someone else'}"))
    return notes


def article_names(paths: Iterable[str]) -> dict[str, str]:
    """How to show each article: its file name, or the path as given when two file names clash."""
    paths = list(dict.fromkeys(paths))
    names = {p: (PurePath(p).name if p != "-" else "-") for p in paths}
    if len(set(names.values())) < len(names):
        return {p: p for p in paths}
    return names


def brief(words: str, limit: int = 40) -> str:
    """Words for a note, long ones cut in the middle (the whole words are in the rendering above)."""
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    half = (limit - 3) // 2
    head, tail = words[:half], words[-half:]
    if words[half] != " " and " " in head:  # cut between words where there is a space to cut at
        head = head[:head.rindex(" ")]
    if words[-half - 1] != " " and " " in tail:
        tail = tail[tail.index(" ") + 1:]
    return f"{head.rstrip()} … {tail.lstrip()}"


def _change(canonical: str, variant: str) -> str:
    """“just” left out · “official” added · “won’t” → “will”"""
    if canonical and variant:
        return f"“{brief(canonical)}” → “{brief(variant)}”"
    return f"“{brief(canonical)}” left out" if canonical else f"“{brief(variant)}” added"


@lru_cache(maxsize=65536)
def _same_person(a: str, b: str) -> bool:
    return speakers.same_person(a, b)


DIFF_ORDER = ("omitted", "added", "substituted", "trimmed", "cosmetic", "speaker_conflict")


def _member(c: Cluster, v: Variant, names: dict[str, str]) -> Member:
    q = v.quote
    is_canonical = same_quote(q, c.canonical)
    types = [d.type for d in v.discrepancies]
    spk = q.speaker.name or "" if q.speaker else ""
    # the engine decides what is a conflict (e.g. not a partial quote that names no one or someone else)
    other = "speaker_conflict" in types or bool(
        c.speaker_conflict and spk and c.speaker and not _same_person(spk, c.speaker))
    meaning = tuple((", ".join(d.flags), _change(d.canonical_text, d.variant_text))
                    for d in v.discrepancies if d.flags and d.type != "speaker_conflict")  # a conflict has its note
    return Member(
        quote=q,
        where=f"{names.get(q.article, q.article)}:{q.line}",
        relation="canonical" if is_canonical else v.relation,
        cue=q.cue.text if q.cue else "",
        speaker=spk,
        mention=q.speaker.mention if q.speaker else "",
        other_speaker=other,
        segments=diff_segments(c.canonical, v),
        counts=tuple((t, types.count(t)) for t in DIFF_ORDER if t in types),
        meaning=meaning,
    )


def _block(number: int, c: Cluster, names: dict[str, str], order: dict[str, int]) -> Block:
    members = sorted(c.members, key=lambda v: (not same_quote(v.quote, c.canonical),
                                               order.get(v.quote.article, len(order)), v.quote.start_char))
    carried = {v.quote.article for v in c.members
               if same_quote(v.quote, c.canonical) or v.relation in ("verbatim", "cosmetic")}
    spk = c.speaker or next(iter(cluster_speakers(c)), "")
    return Block(
        number=number,
        cluster=c,
        severity=severity(c),
        conflict=has_speaker_conflict(c),
        speaker=spk,
        carried_by=len(carried),
        members=tuple(_member(c, v, names) for v in members),
    )


# ---- speakers -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    summary: Summary  # of everything read, before the options
    blocks: tuple[Block, ...]  # multi-article utterances left by the options, worst first
    speakers: tuple[SpeakerRow, ...]
    filters: tuple[str, ...]  # the options in force, as words ("speaker Trump", "min severity edit")
    hidden: int  # multi-article utterances the options leave out


def build_report(comparison: Comparison, speaker: str | None = None, only_discrepancies: bool = False,
                 min_severity: str | None = None) -> Report:
    chosen = apply_options(comparison, speaker, only_discrepancies, min_severity)
    multi = [c for c in chosen.clusters if multi_article(c)]
    multi.sort(key=lambda c: -rank(c))  # worst first; the engine's order among equals
    names = article_names([*comparison.articles, *(q.article for q in comparison.quotes),
                           *(v.quote.article for c in comparison.clusters for v in c.members)])
    order = {a: i for i, a in enumerate(comparison.articles)}
    summary = summarize(comparison)
    filters = []
    if speaker is not None:
        filters.append(f"speaker {speaker}")
    if only_discrepancies:
        filters.append("only discrepancies")
    if min_severity is not None:
        filters.append(f"min severity {min_severity}")
    return Report(
        summary=summary,
        blocks=tuple(_block(i, c, names, order) for i, c in enumerate(multi, 1)),
        speakers=speaker_rows(apply_options(comparison, speaker)),
        filters=tuple(filters),
        hidden=summary.multi - len(multi),
    )


# what the diff marks mean: (segment kind, sample words, meaning), drawn by each format in its own way
LEGEND = (
    ("deleted", "deleted", "words only in the canonical wording"),
    ("inserted", "inserted", "words only in this article"),
    ("cosmetic", "cosmetic", "a cosmetic difference (punctuation, case, spelling)"),
    ("covered", "quoted part", "what a fragment quotes"),
    ("outside", "full wording", "the rest of the full quote around a fragment"),
)


def filter_note(report: Report) -> str:
    """"Showing 2 of 4 utterances (speaker Trump, min severity edit)." when options are in force, else ""."""
    if not report.filters:
        return ""
    return f"Showing {len(report.blocks)} of {report.summary.multi} utterances ({', '.join(report.filters)})."


def empty_note(report: Report) -> str:
    """What to say instead of blocks when there are none, else ""."""
    if report.blocks:
        return ""
    if report.summary.articles < 2:
        return NOTHING_TO_COMPARE[0].upper() + NOTHING_TO_COMPARE[1:] + "."
    if not report.summary.multi:
        return "No utterance is quoted by more than one article."
    return "No utterance matches these options."
