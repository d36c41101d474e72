"""The `quotes compare` report: one entry point for the terminal table, Markdown and HTML.

    render_report(comparison, "table", sys.stdout, width=100, color=False)

The report options (`speaker`, `only_discrepancies`, `min_severity`) select utterances with
`quotes.compare.select`, the filter `quotes compare --format json` uses too (see docs/report.md).
"""
from __future__ import annotations

from typing import IO

from quotes.errors import QuotesError
from quotes.model import Comparison
from quotes.render.report_model import build_report

FORMATS = ("table", "markdown", "html")


def render_report(comparison: Comparison, fmt: str, out: IO[str], width: int | None = None,
                  color: bool | None = None, speaker: str | None = None, only_discrepancies: bool = False,
                  min_severity: str | None = None) -> None:
    """Write the report of `comparison` to `out` as `fmt` (table | markdown | html).

    `width` and `color` concern the terminal table only: `color=None` colours a terminal and never a
    file or pipe (and never when NO_COLOR is set); without colour the differences are marked in the text.
    """
    if fmt not in FORMATS:
        raise QuotesError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    report = build_report(comparison, speaker=speaker, only_discrepancies=only_discrepancies,
                          min_severity=min_severity)
    if fmt == "table":
        from quotes.render.report_terminal import render
        from quotes.render.terminal import make_console

        render(report, make_console(out, width=width, color=color))
    elif fmt == "markdown":
        from quotes.render.report_markdown import render_markdown

        out.write(render_markdown(report))
    else:
        from quotes.render.report_html import render_html

        out.write(render_html(report))
    out.flush()
