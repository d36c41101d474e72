"""Terminal rendering with rich. User text always goes in as `Text`, never as markup."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.model import Quote

KIND_STYLE = {"speech": "green", "partial": "yellow", "scare": "dim"}
TABLE_QUOTE_CHARS = 1000  # a table cell shows this much of a quote; JSON, JSONL and CSV carry it whole


def clipped(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """`text` for a table cell: whole when short, else cut at a word boundary with the rest counted."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    head = text[:cut if cut > limit // 2 else limit].rstrip()
    return f"{head} … [{len(text) - len(head):,} more characters]"


def make_console(out: IO[str] | None = None, width: int | None = None, color: bool | None = None,
                 stderr: bool = False) -> Console:
    """A console that writes plain text when `color` is False, NO_COLOR is set, or `out` is not a terminal;
    control characters in the text it is given never reach the terminal (`quotes.render.safe`)."""
    from quotes.render.safe import SafeConsole

    no_color = color is False or (color is None and "NO_COLOR" in os.environ)
    return SafeConsole(file=out, stderr=stderr, width=width, no_color=no_color, highlight=False, markup=False,
                   emoji=False, color_system=None if no_color else "auto",
                   force_terminal=True if color else None, soft_wrap=False)


def quote_table(quotes: Sequence[Quote]) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=False)
    for name, kw in (("article", {"overflow": "fold"}), ("line", {"justify": "right"}), ("speaker", {}),
                     ("cue", {}), ("kind", {}), ("quote", {"overflow": "fold", "ratio": 1})):
        table.add_column(name, **kw)
    for q in quotes:
        table.add_row(
            Text(Path(q.article).name if q.article != "-" else "-"),
            Text(str(q.line)),
            Text(q.speaker.identity or f"({q.speaker.mention})" if q.speaker else "—", style="" if q.speaker and q.speaker.identity else "dim"),
            Text(q.cue.text if q.cue else ""),
            Text(q.kind, style=KIND_STYLE.get(q.kind, "")),
            Text(clipped(q.text)),
        )
    return table
