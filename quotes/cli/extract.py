"""`quotes` commands: extract."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from quotes.cli.common import (
    Command,
    ModelOpt,
    NoColorOpt,
    OutputOpt,
    QuietOpt,
    WidthOpt,
    app,
    choices,
    default_format,
    errors,
    fail,
    output_stream,
    reading,
)


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


@app.command(cls=Command, short_help="Every quotation and who said it.")
def extract(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (read recursively), or - for stdin."),
    fmt: ExtractFormat | None = typer.Option(None, "--format", "-f", metavar=choices(ExtractFormat), help="Output format (default: table on a terminal, jsonl otherwise)."),
    output: Path | None = OutputOpt,
    model: str | None = ModelOpt,
    quiet: bool = QuietOpt,
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Worker processes (0: one per core); the output order is unchanged."),
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Find every quotation and who said it."""
    with errors(quiet):
        _extract(paths, fmt, output, model, quiet, jobs, width, no_color)


def _extract(paths, fmt, output, model, quiet, jobs=1, width=None, no_color=False) -> None:
    from quotes import nlp, parallel
    from quotes.render.quotes import QuoteWriter

    chosen = fmt.value if fmt else default_format(output, "jsonl")
    read_ok = 0
    streamed = chosen in ("jsonl", "csv")
    with output_stream(output) as out:
        writer = QuoteWriter(chosen, out, width=width, color=False if no_color else None)
        with reading(paths, quiet, rows_on_terminal=streamed and output is None and sys.stdout.isatty()) as articles:
            nlp.model_name(model)  # no pipeline installed: say so before reading anything
            for _article, quotes in parallel.extract_stream(articles, model, jobs):
                read_ok += 1
                writer.write(quotes)
        writer.close()  # a table or a JSON document: drawn once the progress bar has gone
    if not read_ok:
        raise fail("no article could be read")
