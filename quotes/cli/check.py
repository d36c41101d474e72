"""`quotes` commands: check."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Optional

import typer

from quotes.cli.common import warn, errors, output_stream, ModelOpt, OutputOpt, QuietOpt, app
from quotes.errors import QuotesError


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    github = "github"
    junit = "junit"
    markdown = "markdown"
    sarif = "sarif"


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="New articles to check: files, folders (read recursively), or - for stdin."),
    against: list[str] = typer.Option([], "--against", "-a", metavar="STORE|PATH", help="The record: a quote store (.db), or files/folders of earlier articles. Repeatable."),
    against_quotes: list[str] = typer.Option([], "--against-quotes", metavar="FILE", help="The record: quotes already extracted (`quotes extract --format jsonl` output). Repeatable."),
    transcript: list[str] = typer.Option([], "--transcript", "-t", metavar="FILE", help="A reference transcript: 'SPEAKER: words' lines, or plain text with --speaker. Repeatable."),
    speaker: Optional[str] = typer.Option(None, "--speaker", metavar="NAME", help="Who speaks in transcripts without 'SPEAKER:' labels."),
    fail_on: str = typer.Option("misquote,misattribution", "--fail-on", metavar="KINDS", help="Finding kinds that fail the check (comma-separated: misquote, misattribution, unverified, variant; all; none)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but exit 0."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = OutputOpt,
    junit_xml: Optional[Path] = typer.Option(None, "--junit-xml", metavar="FILE", help="Also write a JUnit XML report to FILE (beside the --format output)."),
    summary_md: Optional[Path] = typer.Option(None, "--summary-md", metavar="FILE", help="Also append a Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY)."),
    sarif: Optional[Path] = typer.Option(None, "--sarif", metavar="FILE", help="Also write a SARIF 2.1.0 report to FILE (for code scanning)."),
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Check new articles against the record; exit 1 when a quote is misquoted or misattributed."""
    extra = [(p, f) for p, f in ((junit_xml, "junit"), (sarif, "sarif")) if p is not None]
    with errors():
        failing = _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet,
                         extra, summary_md)
    if failing and not exit_zero:
        from quotes.errors import EXIT_FINDINGS

        raise typer.Exit(EXIT_FINDINGS)


def _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet, extra,
           summary_md) -> int:
    from quotes.check import parse_fail_on, run_check
    from quotes.render.findings import write

    result = run_check(paths, against, transcript, speaker, parse_fail_on(fail_on), model=model,
                       against_quotes=against_quotes)
    if not quiet:
        for w in result.warnings:
            warn(w)
    with output_stream(output) as out:
        write(result, fmt.value, out)
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
