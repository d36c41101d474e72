"""`quotes` commands: check."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from quotes.cli.common import warn, errors, output_stream, ModelOpt, OutputOpt, QuietOpt, app


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"
    markdown = "markdown"


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="New articles to check: files, folders (read recursively), or - for stdin."),
    against: list[str] = typer.Option([], "--against", "-a", metavar="STORE|PATH", help="The record: a quote store (.db), or files/folders of earlier articles. Repeatable."),
    against_quotes: list[str] = typer.Option([], "--against-quotes", metavar="FILE", help="The record: quotes already extracted (`quotes extract --format jsonl` output). Repeatable."),
    transcript: list[str] = typer.Option([], "--transcript", "-t", metavar="FILE", help="A reference transcript: 'SPEAKER: words' lines, or plain text with --speaker. Repeatable."),
    speaker: Optional[str] = typer.Option(None, "--speaker", metavar="NAME", help="Who speaks in transcripts without 'SPEAKER:' labels."),
    transcript_date: list[str] = typer.Option([], "--transcript-date", metavar="[FILE=]DATE", help="The date of the event a transcript records (YYYY-MM-DD; FILE= picks one transcript). Repeatable."),
    fail_on: str = typer.Option("misquote,misattribution", "--fail-on", metavar="KINDS", help="Finding kinds that fail the check (comma-separated: misquote, misattribution, near-match, unverified, variant; all; none)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but exit 0."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Check new articles against the record; exit 1 when a quote is misquoted or misattributed."""
    with errors():
        failing = _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet,
                         transcript_date)
    if failing and not exit_zero:
        from quotes.errors import EXIT_FINDINGS

        raise typer.Exit(EXIT_FINDINGS)


def _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet,
           transcript_date=()) -> int:
    from quotes.check import parse_fail_on, run_check
    from quotes.render.findings import write

    result = run_check(paths, against, transcript, speaker, parse_fail_on(fail_on), model=model,
                       against_quotes=against_quotes, transcript_dates=transcript_date)
    if not quiet:
        for w in result.warnings:
            warn(w)
    with output_stream(output) as out:
        write(result, fmt.value, out)
    return len(result.failing)
