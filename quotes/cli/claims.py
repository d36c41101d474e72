"""`quotes` commands: claims."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from quotes.cli.common import (
    Command,
    ModelOpt,
    NoColorOpt,
    OutputOpt,
    QuietOpt,
    ReportFormat,
    WidthOpt,
    app,
    choices,
    default_format,
    errors,
    fail,
    output_stream,
    reading,
)


class ClaimStatus(str, Enum):
    conflict = "conflict"
    partial = "partial"
    agree = "agree"
    unique = "unique"


@app.command(cls=Command, short_help="What articles assert, and where values conflict.")
def claims(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (read recursively), or - for stdin."),
    fmt: ReportFormat | None = typer.Option(None, "--format", "-f", metavar=choices(ReportFormat), help="Output format (default: table on a terminal, json otherwise)."),
    status: list[ClaimStatus] | None = typer.Option(None, "--status", "-s", metavar=choices(ClaimStatus), help="Show only these statuses (repeatable; default: conflict, partial, agree; json always carries all)."),
    output: Path | None = OutputOpt,
    model: str | None = ModelOpt,
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Compare what articles assert: numbers, dates, places, titles, lists and reported speech."""
    with errors(quiet):
        _claims(paths, fmt, status, output, model, width, no_color, quiet)


def _claims(paths, fmt, status, output, model, width, no_color, quiet) -> None:
    from quotes import claims as claims_lib

    chosen = fmt.value if fmt else default_format(output)
    statuses = tuple(s.value for s in status) if status else ("conflict", "partial", "agree")
    with reading(paths, quiet) as articles:
        report = claims_lib.report(articles, model)
    if not report.articles:
        raise fail("no article could be read")
    with output_stream(output) as out:
        if chosen == "json":
            from quotes.render.claims_formats import write_json

            write_json(report, out)
        elif chosen == "markdown":
            from quotes.render.claims_formats import write_markdown

            write_markdown(report, out, statuses)
        elif chosen == "html":
            from quotes.render.claims_formats import write_html

            write_html(report, out, statuses)
        else:
            from quotes.render.claims import write_table

            write_table(report, out, statuses, width=width, color=False if no_color else None)
