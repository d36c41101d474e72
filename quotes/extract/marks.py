"""Quote-mark pairing on plain text: no model, no spaCy.

Marks are paired by direction, never by counting: every candidate mark is classed as opening, closing,
either (a straight mark whose context does not decide) or an apostrophe, from the characters around it.
A stack then pairs openings with closings of the same family (double, single, guillemet).

- Apostrophes are not quotes: don't, Kim’s, the players’ union, ’90s, rock ’n’ roll.
- The New York Times' doubled apostrophe ('') is a double quote mark.
- A quote left open at the end of a paragraph whose next paragraph opens with a mark of the same family
  continues there (one utterance over several paragraphs).
- A quote inside a quote is recorded as nested (`depth` > 0) and belongs to the outer span.
- Unbalanced marks never raise: an unclosed double quote runs to the end of its paragraph (best effort,
  reported through the `quotes.extract` logger); stray closing marks and unclosed single marks (most often
  apostrophes) are dropped.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace

from quotes.lines import LineIndex

log = logging.getLogger("quotes.extract")

OPEN, CLOSE, EITHER, APOS = "open", "close", "either", "apos"

# family of each mark character; '' (two straight apostrophes) is handled as one double mark
_FAMILY = {
    "“": "double", "”": "double", '"': "double", "„": "double", "‟": "double", "''": "double",
    "‘": "single", "’": "single", "'": "single", "‚": "single", "‛": "single",
    "«": "guillemet", "»": "guillemet", "‹": "guillemet", "›": "guillemet",
}
# marks that never sit inside a name (unlike ’ and ', apostrophes in "O’Brien" and "the students’ union")
NAME_BREAKING_MARKS = frozenset(c for c in _FAMILY if len(c) == 1 and c not in "’'‛‚")
_MARK_RE = re.compile(r"''|[“”\"„‟‘’'‚‛«»‹›]")
_OPEN_BEFORE = set(" \t\n\r\u00a0([{<—–-/:;") | set("“‘«‹„‚")
_CLOSE_AFTER = set(" \t\n\r\u00a0)]}>—–-/.,;:!?…*") | set("”’»›")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    char: str
    family: str
    role: str  # open | close | either | apos


@dataclass(frozen=True)
class QuoteSpan:
    """The words inside one pair of marks (or inside one paragraph of a multi-paragraph quote)."""

    start: int  # first character inside the opening mark
    end: int  # last character inside the closing mark (exclusive)
    open_start: int  # offset of the opening mark
    close_end: int  # offset just past the closing mark (== end when the span is not closed)
    family: str
    closed: bool  # False: open at the end of its paragraph (continued, or unbalanced)
    depth: int  # 0 for a top-level quote, 1+ for a quote inside a quote
    group: int  # spans of one multi-paragraph utterance share the group number
    mark: str = ""  # the opening mark's characters


def _role(text: str, s: int, e: int, ch: str) -> str:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if ch in "“„‟«‹‚‛":  # left-pointing curly marks: opening (German „…“ closes with “, handled by pairing)
        if ch == "“" and not after.isalnum() and after not in "‘'\"(" and (before.isalnum() or before in ".,!?;…)"):
            return CLOSE  # „…“ closing, or a “ used as a closing mark after a word
        return OPEN
    if ch in "”»›":
        if ch == "”" and (before.isspace() or s == 0) and after.isalnum():
            return OPEN  # a ” typed as an opening mark
        return CLOSE
    if ch == "‘":
        return OPEN
    if ch in "’'":
        return _apostrophe_or_single(text, s, e, before, after, ch)
    # straight double marks: " and ''
    opens = before in _OPEN_BEFORE or s == 0
    closes = after in _CLOSE_AFTER or e == len(text)
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def _apostrophe_or_single(text: str, s: int, e: int, before: str, after: str, ch: str) -> str:
    if before.isalnum() and after.isalnum():
        return APOS  # don't, Kim’s, O'Brien
    if after.isdigit() and not before.isalnum():
        return APOS  # ’90s
    if (before.isspace() or s == 0) and text[e:e + 2].lower() in ("n’", "n'") and text[e + 2:e + 3] in (" ", ""):
        return APOS  # rock ’n’ roll
    if (before.isspace() or s == 0 or before in _OPEN_BEFORE) and (after.isalpha() or after in "“\""):
        if ch == "’" and text[e:e + 2].lower() in ("em", "ti", "tw"):
            return APOS  # ’em, ’til, ’twas
        return OPEN
    if before.isalnum() or before in ".,!?;:…)":
        return CLOSE  # a closing mark, or a possessive (decided when pairing)
    return APOS


def find_marks(text: str) -> list[Mark]:
    out = []
    for m in _MARK_RE.finditer(text):
        ch = m.group()
        out.append(Mark(m.start(), m.end(), ch, _FAMILY[ch], _role(text, m.start(), m.end(), ch)))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: each line is a paragraph (headlines and subheadings too)."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_possessive(text: str, mark: Mark, later_single_close: int) -> bool:
    """A ’ after a word ending in s, followed by a lower-case word, with another closing ’ still to come
    (`later_single_close`: the closing single marks after this one in its paragraph)."""
    before = text[mark.start - 1] if mark.start else ""
    rest = text[mark.end:mark.end + 2]
    if before.lower() != "s" or len(rest) < 2 or rest[0] != " " or not (rest[1].islower() or rest[1].isdigit()):
        return False
    return later_single_close > 0


def pair_paragraph(text: str, start: int, end: int,
                   lines: LineIndex | None = None) -> tuple[list[tuple[Mark, Mark | None, int]], list[str]]:
    """Pair the marks of one paragraph. Returns ((opening, closing or None, depth), ...) and warnings.

    Linear in the paragraph's marks: what a mark needs to know about the marks after it (how many of the
    same straight mark, whether a closing single mark follows) is counted once, from the end, and the
    innermost open mark of each family is kept per family."""
    where = lines or LineIndex(text)
    marks = [Mark(m.start + start, m.end + start, m.char, m.family, m.role) for m in find_marks(text[start:end])]
    later_same = Counter(m.char for m in marks)  # marks of each character after the current one
    later_single_close = sum(1 for m in marks if m.family == "single" and m.role == CLOSE)
    stack: list[Mark] = []
    by_family: dict[str, list[int]] = {}  # stack positions of each family's open marks, innermost last
    pairs: list[tuple[Mark, Mark | None, int]] = []
    warnings: list[str] = []
    for m in marks:
        later_same[m.char] -= 1
        if m.family == "single" and m.role == CLOSE:
            later_single_close -= 1
        if m.role == APOS:
            continue
        same = by_family.get(m.family)
        top_same = same[-1] if same else None
        role = m.role
        if role == EITHER:
            role = CLOSE if top_same is not None else OPEN
        if role == OPEN and m.char in "\"''" and top_same is not None and stack[top_same].char == m.char \
                and top_same == len(stack) - 1 and not (later_same[m.char] >= 2 and m.role == OPEN):
            # a straight mark cannot nest inside the same straight mark (unless at least two more of it follow:
            # a quote inside the open one): read it as the closing one
            role = CLOSE
        if role == OPEN:
            by_family.setdefault(m.family, []).append(len(stack))
            stack.append(m)
            continue
        # a closing mark
        if top_same is None:
            if m.family == "double":
                warnings.append(f"stray closing quote mark at {where.position(m.start)}")
            continue
        if m.family == "single" and m.char == "’" and _is_possessive(text, m, later_single_close):
            continue
        opener = stack[top_same]
        # anything opened after the opener and never closed was not a quote (apostrophes, typos)
        for lost in stack[top_same + 1:]:
            if lost.family == "double":
                warnings.append(f"unclosed quote mark at {where.position(lost.start)}")
            by_family[lost.family].pop()
        by_family[m.family].pop()
        del stack[top_same:]
        pairs.append((opener, m, len(stack)))
    for k, m in enumerate(stack):
        if m.family == "single" and k > 0:
            continue  # an unclosed single mark inside another quote: an apostrophe
        if m.family == "single" and not _single_runs_to_end(text, m):
            continue
        pairs.append((m, None, k))
    pairs.sort(key=lambda p: p[0].start)
    return pairs, warnings


def _single_runs_to_end(text: str, m: Mark) -> bool:
    """An unclosed single mark counts only when it opens its paragraph (a quote continued below)."""
    return text[text.rfind("\n", 0, m.start) + 1:m.start].strip() == ""


def find_quotes(text: str, source: str = "") -> list[QuoteSpan]:
    """Every quoted span of `text`, top-level and nested, in text order. Never raises.

    Unbalanced marks are reported as warnings of the `quotes.extract` logger, prefixed with `source`.
    """
    where = f"{source}: " if source else ""
    lines = LineIndex(text)
    spans: list[QuoteSpan] = []
    paras = _paragraphs(text)
    group = 0
    prev_open: QuoteSpan | None = None  # a top-level span left open at the end of the previous paragraph
    for ps, pe in paras:
        pairs, warnings = pair_paragraph(text, ps, pe, lines)
        first_mark = ps + (len(text[ps:pe]) - len(text[ps:pe].lstrip()))
        continues = prev_open is not None and any(
            o.start == first_mark and o.family == prev_open.family and d == 0 for o, _, d in pairs)
        if prev_open is not None and not continues:
            warnings.append(f"quote opened at {lines.position(prev_open.open_start)} is never closed")
            _doubt(spans, prev_open)
        next_open = None
        for opener, closer, depth in pairs:
            if continues and opener.start == first_mark and depth == 0:
                g = prev_open.group
            else:
                group += 1
                g = group
            if closer is None:
                s, e = _strip(text, opener.end, pe)
                span = QuoteSpan(s, e, opener.start, e, opener.family, False, depth, g, opener.char)
                if depth == 0:
                    next_open = span
            else:
                s, e = _strip(text, opener.end, closer.start)  # « bonjour »: the words, not the spaces
                span = QuoteSpan(s, e, opener.start, closer.end, opener.family, True, depth, g, opener.char)
            if span.end > span.start:
                spans.append(span)
        for w in warnings:
            log.warning("%s%s", where, w)
        prev_open = next_open
    if prev_open is not None:
        log.warning("%squote opened at %s is never closed", where, lines.position(prev_open.open_start))
        _doubt(spans, prev_open)
    return spans


def _doubt(spans: list[QuoteSpan], unclosed: QuoteSpan) -> None:
    """An unclosed mark that never continues is doubtful: when closed quotes sit inside it, they are the
    real quotes (one level up) and the doubtful span goes; otherwise it stays as the best guess.

    The spans are in text order and the unclosed one is of the last paragraph read, so only the spans from
    it to the end of the list are looked at."""
    k = len(spans)
    while k > 0 and spans[k - 1].open_start >= unclosed.open_start:
        k -= 1
    inner = [j for j in range(k, len(spans)) if spans[j].depth > unclosed.depth
             and unclosed.start <= spans[j].open_start and spans[j].close_end <= unclosed.end]
    if not inner:
        return
    for j in inner:
        spans[j] = replace(spans[j], depth=spans[j].depth - 1)
    del spans[next(j for j in range(k, len(spans)) if spans[j] == unclosed)]
