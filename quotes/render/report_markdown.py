"""The `quotes compare` report as GitHub-flavoured Markdown (a pull-request comment, `$GITHUB_STEP_SUMMARY`).

Deleted words ~~struck~~, inserted words **bold**, cosmetic differences *in italics*; a fragment shows
the full quote with the part it quotes in `<mark>` and the rest in italics. User text is escaped so
that nothing in it is read as Markdown or HTML. Where a `~~`/`**`/`*` pair would not be recognised
next to punctuation (CommonMark's flanking rules), the same mark is written as an HTML tag.
"""
from __future__ import annotations

import re
import unicodedata

from quotes.render import wordiff as w
from quotes.render.report_model import (
    LEGEND,
    Block,
    Member,
    Report,
    empty_note,
    filter_note,
    member_meta,
    member_notes,
    summary_rows,
)
from quotes.render.safe import visible

_SPECIAL = re.compile(r"[\\`*~\[\]<>|&]|(?<![^\W_])_|_(?![^\W_])")  # `_` between letters is inert
_LINE_START = re.compile(r"^(\s*\d*)([#+\-=.)])")

MARKS = {  # kind -> (Markdown delimiter, HTML tag used where the delimiter would not work)
    w.DELETED: ("~~", "del"),
    w.TRIMMED: ("~~", "del"),
    w.INSERTED: ("**", "strong"),
    w.COSMETIC: ("*", "em"),
    w.OUTSIDE: ("*", "em"),
}


def escape(text: str, line_start: bool = False) -> str:
    """User text as Markdown that renders as written: one line, specials backslash-escaped.

    `line_start`: the text begins a line, where "#", "-", "+", "=" or "1." would start a block.
    """
    text = " ".join(text.split()) if "\n" in text or "\r" in text else text
    text = visible(text)  # no terminal escape reaches a reader who prints the report
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return line_start_safe(text) if line_start else text


def line_start_safe(markdown: str) -> str:
    """Markdown that begins a line with what would start a heading, list or rule escaped."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), markdown, count=1)


def _punct(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in "PS"


def _can_open(before: str, first: str) -> bool:
    return bool(first) and not first.isspace() and (not _punct(first) or not before or before.isspace() or _punct(before))


def _can_close(last: str, after: str) -> bool:
    return bool(last) and not last.isspace() and (not _punct(last) or not after or after.isspace() or _punct(after))


def wrap(content: str, kind: str, before: str, after: str, touching: str = "") -> str:
    """Escaped `content` marked as `kind`, with Markdown delimiters when they will be recognised, else HTML.

    `touching`: the text right before, when it ends with a delimiter the new one would run into.
    """
    delim, tag = MARKS[kind]
    if not touching.endswith(delim[0]) and _can_open(before, content[:1]) and _can_close(content[-1:], after):
        return f"{delim}{content}{delim}"
    return f"<{tag}>{content}</{tag}>"


def segments_markdown(segs: tuple[w.Segment, ...]) -> str:
    """A rendering with its differences marked; a fragment's quoted stretch inside one <mark>."""
    texts = [escape(s.canonical if s.kind == w.COSMETIC and not s.text else s.text) for s in segs]
    stretch = w.quoted_stretch(segs)
    pieces: list[str] = []
    for i, seg in enumerate(segs):
        if stretch and i == stretch[0]:
            pieces.append("<mark>")
        content = texts[i]
        if seg.kind in MARKS and content.strip():
            core = content.strip()
            lead, trail = content[:len(content) - len(content.lstrip())], content[len(content.rstrip()):]
            if seg.kind == w.COSMETIC and not seg.text:
                marked = f"<del><em>{core}</em></del>"  # a dropped cosmetic character: dim and struck
            else:
                before = " " if lead else "".join(pieces)[-1:]
                nxt = texts[i + 1][:1] if i + 1 < len(segs) else ""
                after = " " if trail else ("*" if i + 1 < len(segs) and segs[i + 1].kind in MARKS else nxt)
                if stretch and i + 1 == stretch[1]:
                    after = "<"  # </mark> follows
                marked = wrap(core, seg.kind, before, after, "" if lead else (pieces[-1] if pieces else ""))
            content = lead + marked + trail
        pieces.append(content)
        if stretch and i + 1 == stretch[1]:
            pieces.append("</mark>")
    # the rendering begins a line: no leading spaces (a code block), no "#", "-" or "1." (a block)
    return line_start_safe("".join(pieces).strip())


def legend() -> str:
    items = [f"{segments_markdown((w.Segment(kind, sample),))} {escape(meaning)}" for kind, sample, meaning in LEGEND]
    return "Marks: " + " &emsp; ".join(items)


def summary(report: Report) -> list[str]:
    lines = ["| | | |", "|:--|--:|:--|"]
    for indent, label, number, note in summary_rows(report.summary):
        lines.append(f"| {'&emsp;' * indent}{escape(label)} | {number} | {escape(note)} |")
    return lines


def member(m: Member, block: Block) -> list[str]:
    lines = [f"- `{m.relation}` &ensp;{escape(member_meta(m))}", "", f"  > {segments_markdown(m.segments)}"]
    for _kind, note in member_notes(m, block):
        lines += ["", f"  {escape(note)}"]
    return lines + [""]


def block(b: Block) -> list[str]:
    lines = [f"### {escape(b.title)}", ""]
    for m in b.members:
        lines += member(m, b)
    return lines


def speakers(report: Report) -> list[str]:
    lines = ["### Speakers", ""]
    if not report.speakers:
        return lines + ["No attributed quote.", ""]
    lines += ["| speaker | quotes | articles | quoted by several articles | differing |", "|:--|--:|--:|--:|--:|"]
    for r in report.speakers:
        lines.append(f"| {escape(r.name)} | {r.quotes} | {r.articles} | {r.utterances} | {r.differing} |")
    return lines + [""]


def render_markdown(report: Report) -> str:
    lines = ["## Quote comparison", "", *summary(report), ""]
    if filter_note(report):
        lines += [escape(filter_note(report)), ""]
    if report.blocks:
        lines += [legend(), ""]
        for b in report.blocks:
            lines += block(b)
    else:
        lines += [escape(empty_note(report)), ""]
    lines += speakers(report)
    return "\n".join(lines).rstrip("\n") + "\n"
