"""`quotes` commands: check."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO

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
    output_stream,
    problem,
    warn,
)
from quotes.errors import QuotesError


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"
    markdown = "markdown"
    sarif = "sarif"


@app.command(cls=Command, short_help="A CI gate: misquotes and misattributions against the record.")
def check(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="New articles to check: files, folders (read recursively), or - for stdin."),
    against: list[str] = typer.Option([], "--against", "-a", metavar="STORE|PATH", help="The record: a quote store (.db), or files/folders of earlier articles. Repeatable."),
    against_quotes: list[str] = typer.Option([], "--from-quotes", "--against-quotes", metavar="FILE", help="The record: quotes already extracted (`quotes extract --format jsonl` output). Repeatable."),
    transcript: list[str] = typer.Option([], "--transcript", "-t", metavar="FILE", help="A reference transcript: 'SPEAKER: words' lines, or plain text with --speaker. Repeatable."),
    speaker: str | None = typer.Option(None, "--speaker", metavar="NAME", help="Who speaks in transcripts without 'SPEAKER:' labels."),
    transcript_date: list[str] = typer.Option([], "--transcript-date", metavar="[FILE=]DATE", help="The date of the event a transcript records (YYYY-MM-DD; FILE= picks one transcript). Repeatable."),
    fail_on: str = typer.Option("misquote,misattribution", "--fail-on", metavar="KINDS", help="Finding kinds that fail the check (comma-separated: misquote, misattribution, near-match, unverified, variant; all; none)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but exit 0."),
    fmt: CheckFormat | None = typer.Option(None, "--format", "-f", metavar=choices(CheckFormat), help="Output format (default: table on a terminal, json otherwise)."),
    output: Path | None = OutputOpt,
    junit_xml: Path | None = typer.Option(None, "--junit-xml", metavar="FILE", help="Also write a JUnit XML report to FILE (beside the --format output)."),
    summary_md: Path | None = typer.Option(None, "--summary-md", metavar="FILE", help="Also append a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY)."),
    sarif: Path | None = typer.Option(None, "--sarif", metavar="FILE", help="Also write a SARIF 2.1.0 report to FILE (for code scanning)."),
    model: str | None = ModelOpt,
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Check new articles against the record; exit 1 when a quote is misquoted or misattributed (3 when some
    input could not be read, which outranks findings)."""
    extra = [(p, f) for p, f in ((junit_xml, "junit"), (sarif, "sarif")) if p is not None]
    with errors(quiet):
        failing = _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet,
                         width, no_color, transcript_date, extra, summary_md)
    if failing and not exit_zero:
        from quotes.errors import EXIT_FINDINGS

        raise typer.Exit(EXIT_FINDINGS)


def _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet,
           width=None, no_color=False, transcript_date=(), extra=(), summary_md=None) -> int:
    from quotes.check import parse_fail_on, run_check
    from quotes.render.findings import write

    result = run_check(paths, against, transcript, speaker, parse_fail_on(fail_on), model=model,
                       against_quotes=against_quotes, transcript_dates=transcript_date)
    for p in result.problems:
        problem(p)
    if not quiet:
        for w in result.warnings:
            warn(w)
    with output_stream(output) as out:
        write(result, fmt.value if fmt else default_format(output), out, width=width,
              color=False if no_color else None)
    for path, extra_fmt in extra:  # one extraction, several reports
        with output_stream(path) as out:
            write(result, extra_fmt, out)
    if summary_md is not None:
        with appending(summary_md) as out:
            write(result, "markdown", out)
    return len(result.failing)


@contextlib.contextmanager
def appending(path: Path) -> Iterator[IO[str]]:
    """A file opened for appending (a step summary collects the reports of several commands)."""
    try:
        fh = open(path, "a", encoding="utf-8", newline="")
    except OSError as e:
        raise QuotesError(f"{path}: cannot write ({e.strerror or e})") from None
    with fh:
        yield fh
