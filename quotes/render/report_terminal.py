"""The `quotes compare` report in the terminal (rich).

With colour: deleted words struck through in red, inserted words bold green, cosmetic differences dim,
the part of a full quote that a fragment quotes highlighted and the rest dim. Without colour (piped
output, `--no-color`, NO_COLOR) the same differences are marked in the text, wdiff-style:
`[-deleted-]`, `{+inserted+}`, `{~cosmetic~}`, `[~dropped cosmetic~]`, `>>quoted part<<`.
Every piece of user text goes in as a `Text`, never as markup.
"""
from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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

STYLES = {
    w.SAME: "",
    w.SPACE: "",
    w.COVERED: "black on yellow",
    w.DELETED: "strike red",
    w.TRIMMED: "strike red",
    w.INSERTED: "bold green",
    w.COSMETIC: "dim",
    w.OUTSIDE: "dim",
}
DROPPED_COSMETIC = "dim strike"
HIGHLIGHTED = {w.COVERED: "black on yellow", w.SPACE: "black on yellow", w.COSMETIC: "grey42 on yellow"}
PLAIN_MARKS = {
    w.DELETED: ("[-", "-]"),
    w.TRIMMED: ("[-", "-]"),
    w.INSERTED: ("{+", "+}"),
    w.COSMETIC: ("{~", "~}"),
    w.COVERED: (">>", "<<"),
}
DROPPED_MARKS = ("[~", "~]")
INDENT = 2  # the words of a rendering, under its heading line
NOTE_STYLES = {"differences": "dim", "meaning": "bold magenta", "conflict": "bold magenta"}
SEVERITY_STYLES = {"none": "green", "cosmetic": "cyan", "cut": "blue", "edit": "yellow", "meaning": "bold magenta"}


def segments_text(segs: tuple[w.Segment, ...], plain: bool) -> Text:
    """A rendering as one `Text`: styled, or with the differences marked in the words when `plain`."""
    text = Text()
    stretch = w.quoted_stretch(segs)
    for i, seg in enumerate(segs):
        dropped = seg.kind == w.COSMETIC and not seg.text
        shown = seg.canonical if dropped else seg.text
        if plain:
            if stretch and i == stretch[0]:
                text.append(PLAIN_MARKS[w.COVERED][0])  # one pair of marks around a fragment's quoted words
            open_, close = DROPPED_MARKS if dropped else PLAIN_MARKS.get(seg.kind, ("", ""))
            if seg.kind == w.COVERED:
                open_ = close = ""
            text.append(open_ + shown + close)
            if stretch and i + 1 == stretch[1]:
                text.append(PLAIN_MARKS[w.COVERED][1])
        else:
            style = DROPPED_COSMETIC if dropped else STYLES.get(seg.kind, "")
            if stretch and stretch[0] <= i < stretch[1]:  # the whole quoted part stays highlighted
                style = HIGHLIGHTED.get(seg.kind, f"{style} on yellow")
            text.append(shown, style=style)
    return text


def legend(plain: bool) -> Table:
    """The marks, one to a row."""
    items = [(segments_text((w.Segment(kind, sample),), plain), Text(meaning, style="dim"))
             for kind, sample, meaning in LEGEND if not plain or kind in PLAIN_MARKS]
    table = Table.grid(padding=(0, 1))
    for _ in range(3):
        table.add_column()
    for i, (mark, meaning) in enumerate(items):
        table.add_row(Text("" if i else "Marks:", style="dim"), mark, meaning)
    return table


def summary_table(report: Report) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)  # a narrow terminal wraps the notes, never a label ("… one article" / "only")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(style="dim")
    for indent, label, number, note in summary_rows(report.summary):
        table.add_row(Text("  " * indent + label), Text(str(number)), Text(note))
    return table


def member_rows(m: Member, block: Block, plain: bool) -> list[RenderableType]:
    """A rendering: "relation · article:line · cue · speaker", then its words and notes indented under it."""
    head = Text()
    head.append(m.relation, style="bold" if m.relation == "canonical" else "")
    head.append(" · " + member_meta(m), style="dim")
    body = segments_text(m.segments, plain)
    for kind, note in member_notes(m, block):
        body.append("\n")
        body.append(note, style=NOTE_STYLES.get(kind, ""))
    return [head, Padding(body, (0, 0, 0, INDENT))]


def block_panel(block: Block, plain: bool) -> Panel:
    rows: list[RenderableType] = []
    for i, m in enumerate(block.members):
        if i:
            rows.append(Text(""))
        rows += member_rows(m, block, plain)
    style = SEVERITY_STYLES["meaning" if block.conflict else block.severity]
    return Panel(Group(*rows), title=Text(f" {block.title} ", style="bold"), title_align="left",
                 border_style="" if plain else style, padding=(0, 1))


def speaker_table(report: Report) -> Table:
    table = Table(title=Text("Speakers", style="bold"), title_justify="left", header_style="bold")
    for header, justify in (("speaker", "left"), ("quotes", "right"), ("articles", "right"),
                            ("quoted by several articles", "right"), ("differing", "right")):
        table.add_column(Text(header), justify=justify)  # type: ignore[arg-type]
    for row in report.speakers:
        table.add_row(Text(row.name), Text(str(row.quotes)), Text(str(row.articles)),
                      Text(str(row.utterances)), Text(str(row.differing)))
    return table


def render(report: Report, console: Console) -> None:
    """Print the report; without colour, lines carry no trailing spaces (stable for diffs and golden files)."""
    plain = console.color_system is None
    if not plain:
        _render(report, console, plain)
        return
    with console.capture() as captured:
        _render(report, console, plain)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _render(report: Report, console: Console, plain: bool) -> None:
    console.print(Text("Summary", style="bold"))
    console.print(Padding(summary_table(report), (0, 0, 0, 2), expand=False))
    console.print()
    if filter_note(report):
        console.print(Text(filter_note(report), style="dim"))
    if report.blocks:
        console.print(legend(plain))
        console.print()
        for block in report.blocks:
            console.print(block_panel(block, plain))
    else:
        console.print(Text(empty_note(report)))
    console.print()
    if report.speakers:
        console.print(speaker_table(report))
    else:
        console.print(Text("Speakers: no attributed quote.", style="dim"))
