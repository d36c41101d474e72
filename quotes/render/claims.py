"""The `quotes claims` report in the terminal (rich). Every piece of user text goes in as a `Text`."""
from __future__ import annotations

from typing import IO

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quotes.claims.model import ClaimsReport
from quotes.render.claims_view import Block, blocks, empty_note, link_row, summary_rows
from quotes.render.terminal import make_console

STATUS_STYLE = {"conflict": "bold magenta", "partial": "yellow", "agree": "green", "unique": "dim"}


def summary_table(report: ClaimsReport) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column()
    table.add_column(justify="right")
    for label, n in summary_rows(report):
        table.add_row(Text(label, style=STATUS_STYLE.get(label, "")), Text(str(n)))
    return table


def sentence_text(r) -> Text:
    """The sentence with its values marked: «value», bold and underlined on a colour terminal."""
    if not r.pieces:
        return Text(r.sentence)
    out = Text()
    for piece, is_value in r.pieces:
        if is_value:
            out.append("«" + piece + "»", style="bold underline")
        else:
            out.append(piece)
    return out


def block_panel(b: Block, plain: bool) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for label, rows in b.sides:
        for i, r in enumerate(rows):
            body = Group(Text(r.value, style="bold"), Text(r.where, style="dim"), sentence_text(r))
            grid.add_row(Text(label if i == 0 else "", style="bold"), body)
    parts: list[RenderableType] = [grid]
    if b.note:
        parts.insert(0, Text(b.note, style=STATUS_STYLE.get(b.status, "")))
    return Panel(Group(*parts), title=Text(f" {b.title} ", style="bold"), title_align="left",
                 border_style="" if plain else STATUS_STYLE.get(b.status, ""), padding=(0, 1))


def links_table(report: ClaimsReport) -> Table:
    table = Table(title=Text("Reported speech and the quote it paraphrases", style="bold"),
                  title_justify="left", header_style="bold", show_lines=True)
    for header in ("reported", "direct quote", "shared words"):
        table.add_column(Text(header), ratio=1 if header != "shared words" else None)
    for lk in report.links:
        r = link_row(lk)
        table.add_row(Group(Text(r.reported), Text(r.reported_where, style="dim")),
                      Group(Text(r.quote), Text(r.quote_where, style="dim")), Text(r.shared, style="dim"))
    return table


def write_table(report: ClaimsReport, out: IO[str], statuses: tuple[str, ...], width: int | None = None,
                color: bool | None = None) -> None:
    console = make_console(out, width=width, color=color)
    plain = console.no_color or not console.is_terminal
    console.print(Text("Claims", style="bold"))
    console.print(summary_table(report))
    console.print()
    shown = blocks(report, statuses)
    for b in shown:
        console.print(block_panel(b, plain))
    if not shown:
        console.print(Text(empty_note(statuses), style="dim"))
    if report.links:
        console.print()
        console.print(links_table(report))
