"""A cluster member's wording against the canonical one, as a list of plain segments.

The compare engine types every word-level difference (`Discrepancy`, with offsets on both sides); this
module lays them out along the member's own text so that each output format can draw the same thing:
words only in the canonical wording (deleted), words only in the member (inserted), cosmetic
differences, words cut from either end (trimmed), and, for a fragment, the canonical words around it
(outside) with the part it quotes (covered). No rich here: the terminal, Markdown and HTML renderers
all draw these segments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from quotes.model import Discrepancy, Quote, Variant

SAME = "same"  # words the member shares with the canonical wording
COVERED = "covered"  # the same, inside a fragment: the part of the full quote the fragment quotes
DELETED = "deleted"  # canonical words the member omits or replaces
INSERTED = "inserted"  # member words the canonical wording does not have
COSMETIC = "cosmetic"  # a cosmetic difference: `text` is the member's form, `canonical` the canonical one
TRIMMED = "trimmed"  # canonical words cut from the start or end of the member
OUTSIDE = "outside"  # for a fragment: canonical words around the part it quotes
SPACE = "space"  # a space the layout adds between canonical-only words and their neighbours

KINDS = (SAME, COVERED, DELETED, INSERTED, COSMETIC, TRIMMED, OUTSIDE, SPACE)
CANONICAL_ONLY = frozenset({DELETED, TRIMMED, OUTSIDE})  # segments that show canonical words, not the member's

_CLOSERS = set(".,;:!?)]}”’…»\"'")
_OPENERS = set("([{“‘«\"'")


@dataclass(frozen=True)
class Segment:
    kind: str  # one of KINDS
    text: str  # what to show: the member's words, or the canonical words for CANONICAL_ONLY kinds
    canonical: str = ""  # for COSMETIC: the canonical form (an empty `text` means the member drops it)
    flags: tuple[str, ...] = ()  # meaning flags of the discrepancy this segment shows


@dataclass(frozen=True)
class _Edit:
    type: str
    cs: int
    ce: int
    vs: int
    ve: int
    ctext: str
    vtext: str
    flags: tuple[str, ...]


def same_quote(a: Quote, b: Quote) -> bool:
    return (a.article_id, a.start_char, a.end_char) == (b.article_id, b.start_char, b.end_char)


def diff_segments(canonical: Quote, member: Variant) -> tuple[Segment, ...]:
    """The member's wording as segments; the canonical quote itself is one SAME segment."""
    v_text = member.quote.text
    if same_quote(canonical, member.quote):
        return (Segment(SAME, v_text),)
    fragment = member.relation == "fragment"
    c_text = canonical.text
    edits = _edits(canonical, member.quote, member.discrepancies)
    lo, hi = 0, len(c_text)
    if fragment and not any(e.type == "trimmed" for e in edits):
        lo, hi = locate(v_text, c_text)
    segs = [Segment(OUTSIDE, c_text[:lo])]
    cpos, vpos = lo, 0
    for e in edits:
        segs += _between(c_text[cpos:max(cpos, e.cs)], v_text, vpos, e.vs, fragment)
        segs += _segments_of(e, fragment)
        cpos, vpos = max(cpos, e.ce), max(vpos, e.ve)
    segs += _between(c_text[cpos:hi], v_text, vpos, len(v_text), fragment)
    segs.append(Segment(OUTSIDE, c_text[hi:]))
    return tidy(segs)


def _between(c_gap: str, v_text: str, vs: int, ve: int, fragment: bool) -> list[Segment]:
    """The stretch between two itemised differences, where the wordings agree word for word.

    The member's text is shown; canonical characters it lacks there (punctuation the word alignment
    passes over, like the full stop between a trimmed sentence and the next) are shown too: outside
    a fragment's quoted part, dropped punctuation as cosmetic, anything else as deleted.
    """
    v_gap = v_text[vs:ve]
    shared = COVERED if fragment else SAME
    if c_gap == v_gap or not c_gap.strip():
        return [Segment(shared, v_gap)]
    out = []
    for tag, c0, c1, v0, v1 in Indel.opcodes(_fold(c_gap), _fold(v_gap)).as_list():
        if tag != "delete":
            out.append(Segment(shared, v_gap[v0:v1]))
            continue
        dropped = c_gap[c0:c1]
        if not dropped.strip():
            continue
        at = vs + v0
        if fragment and (at == 0 or at == len(v_text)):
            out.append(Segment(OUTSIDE, dropped))
        elif not any(ch.isalnum() for ch in dropped):
            out.append(Segment(COSMETIC, "", canonical=dropped.strip()))
        else:
            out.append(Segment(DELETED, dropped))
    return out


_QUOTES = str.maketrans("‘’‚‛“”„‟", "'" * 4 + '"' * 4)


def _fold(text: str) -> str:
    """Case and curly quotes folded, one character for one (offsets stay valid)."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer ("İ"): fold one by one
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower.translate(_QUOTES)


def _segments_of(e: _Edit, fragment: bool) -> list[Segment]:
    if e.type == "cosmetic":
        if e.vtext and not e.vtext.strip():  # "him, if" -> "him if": the comma dropped, the space kept
            return [Segment(COSMETIC, "", canonical=e.ctext.strip(), flags=e.flags), Segment(SAME, e.vtext)]
        return [Segment(COSMETIC, e.vtext, canonical=e.ctext, flags=e.flags)]
    if e.type == "trimmed":
        return [Segment(OUTSIDE if fragment else TRIMMED, e.ctext, flags=e.flags)]
    out = []
    if e.ctext:  # omitted, or the old side of a substitution
        out.append(Segment(DELETED, e.ctext, flags=e.flags))
    if e.vtext:  # added, or the new side of a substitution
        out.append(Segment(INSERTED, e.vtext, flags=e.flags))
    return out


def _edits(canonical: Quote, variant: Quote, discrepancies: tuple[Discrepancy, ...]) -> list[_Edit]:
    """Discrepancies as offsets relative to each quote, in order along the member; inconsistent ones dropped."""
    c_len, v_len = len(canonical.text), len(variant.text)
    edits = []
    for d in discrepancies:
        if d.type == "speaker_conflict":
            continue
        cs, ce = d.canonical_start - canonical.start_char, d.canonical_end - canonical.start_char
        vs, ve = d.variant_start - variant.start_char, d.variant_end - variant.start_char
        if not (0 <= cs <= ce <= c_len and 0 <= vs <= ve <= v_len):
            continue
        edits.append(_Edit(d.type, cs, ce, vs, ve, canonical.text[cs:ce], variant.text[vs:ve], tuple(d.flags)))
    edits.sort(key=lambda e: (e.vs, e.cs, e.ve, e.ce))
    kept: list[_Edit] = []
    for e in edits:
        if kept and (e.vs < kept[-1].ve or e.cs < kept[-1].ce):
            continue  # overlaps the previous difference: not a consistent alignment
        kept.append(e)
    return kept


def locate(fragment: str, full: str) -> tuple[int, int]:
    """Where a fragment's words sit inside the full wording (case-insensitive best match), widened to words."""
    if not fragment.strip() or not full:
        return 0, len(full)
    exact = re.search(r"(?<!\w)" + re.escape(fragment.strip()) + r"(?!\w)", full, re.IGNORECASE)
    if exact:
        return exact.start(), exact.end()
    m = fuzz.partial_ratio_alignment(fragment, full, processor=str.casefold)
    if m is None or m.score == 0:
        return 0, len(full)
    start, end = m.dest_start, m.dest_end
    while start < end and full[start].isspace():
        start += 1
    while end > start and full[end - 1].isspace():
        end -= 1
    while start > 0 and full[start - 1].isalnum():
        start -= 1
    while end < len(full) and full[end].isalnum():
        end += 1
    return start, end


def _needs_space(left: str, right: str) -> bool:
    if not left or not right or left.isspace() or right.isspace():
        return False
    return left not in _OPENERS and right not in _CLOSERS


def tidy(segs: list[Segment]) -> tuple[Segment, ...]:
    """Drop empty segments, merge neighbours of one kind, keep canonical-only words apart from the member's.

    Canonical words shown inside the member's text come without the member's spacing; a space goes
    between them and a neighbouring word so that "to" + "meet him" + "." reads "to meet him.".
    """
    out: list[Segment] = []
    for seg in segs:
        if seg.kind in CANONICAL_ONLY:
            seg = Segment(seg.kind, seg.text.strip(), seg.canonical, seg.flags)
        if not seg.text and not (seg.kind == COSMETIC and seg.canonical):
            continue
        space = bool(out) and (seg.kind in CANONICAL_ONLY or out[-1].kind in CANONICAL_ONLY) and _needs_space(
            _shown(out[-1])[-1:], _shown(seg)[:1])
        if out and out[-1].kind == seg.kind and seg.kind not in (COSMETIC, SPACE):
            prev = out[-1]
            out[-1] = Segment(seg.kind, prev.text + (" " if space else "") + seg.text, "",
                              tuple(dict.fromkeys(prev.flags + seg.flags)))
            continue
        if space:
            out.append(Segment(SPACE, " "))
        out.append(seg)
    return tuple(out)


def _shown(seg: Segment) -> str:
    return seg.text or seg.canonical


def member_text(segs: tuple[Segment, ...]) -> str:
    """The member's own words back from its segments (for checks: what the member article says)."""
    return "".join(s.text for s in segs if s.kind not in CANONICAL_ONLY and s.kind != SPACE)


def canonical_text(segs: tuple[Segment, ...]) -> str:
    """The canonical words back from a member's segments, as far as the member covers them."""
    return "".join(s.canonical if s.kind == COSMETIC else s.text for s in segs if s.kind not in (INSERTED, SPACE))


def quoted_stretch(segs: tuple[Segment, ...]) -> tuple[int, int] | None:
    """For a fragment: the segments [i, j) that show what it quotes (between the canonical words around it)."""
    if not any(s.kind in (COVERED, OUTSIDE) for s in segs):
        return None
    inside = [i for i, s in enumerate(segs) if s.kind not in (OUTSIDE, SPACE)]
    if not inside:
        return None
    return inside[0], inside[-1] + 1
