"""The command line: parse, call the library, render, map errors to exit codes.

The only module that imports typer. Every command is a thin layer over a library function that returns
data; results go to stdout (or --output), progress and warnings to stderr.
"""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Optional

import typer

from quotes.errors import EXIT_INTERRUPTED, EXIT_USAGE, QuotesError

app = typer.Typer(
    name="quotes",
    help="Find every quotation in news articles, who said it, and where the wordings disagree.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root() -> None:
    """Find every quotation in news articles, who said it, and where the wordings disagree."""


# ---- shared plumbing ------------------------------------------------------------------------------

def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    sys.stderr.write(f"quotes: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    warn(message)
    return typer.Exit(code)


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Every command body runs inside this: a QuotesError becomes one line on stderr and its exit code."""
    try:
        yield
    except QuotesError as e:
        raise fail(str(e), e.exit_code) from None


@contextlib.contextmanager
def output_stream(output: Optional[Path]) -> Iterator[IO[str]]:
    """stdout, or a file written whole: a temporary sibling renamed into place when the command succeeds."""
    if output is None:
        yield sys.stdout
        return
    tmp = output.with_name(f".{output.name}.part")
    try:
        fh = open(tmp, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise QuotesError(f"{output}: cannot write ({e.strerror or e})") from None
    try:
        with fh:
            yield fh
        tmp.replace(output)
    finally:
        tmp.unlink(missing_ok=True)


def default_format(output: Optional[Path], tty_format: str, pipe_format: str) -> str:
    if output is None and sys.stdout.isatty():
        return tty_format
    return pipe_format


def progress_bar(total: int, enabled: bool):
    """A rich progress bar on stderr (only on a terminal and for runs of several files)."""
    from quotes.render.progress import Progressbar

    return Progressbar(total, enabled=enabled and total > 3 and sys.stderr.isatty())


ModelOpt = typer.Option(None, "--model", envvar="QUOTES_MODEL", help="spaCy pipeline to use (an installed package name or path).")
OutputOpt = typer.Option(None, "--output", "-o", help="Write results to this file instead of stdout.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar or warnings on stderr (errors still show).")


# ---- extract --------------------------------------------------------------------------------------

class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively), or - for stdin."),
    fmt: Optional[ExtractFormat] = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise)."),
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Find every quotation and who said it."""
    with errors():
        _extract(paths, fmt, output, model, quiet)


def _extract(paths, fmt, output, model, quiet) -> None:
    from quotes import ingest
    from quotes.extract import Extractor
    from quotes.render.quotes import QuoteWriter

    chosen = fmt.value if fmt else default_format(output, "table", "jsonl")
    items = list(ingest.expand(paths))
    files = [it for it in items if not isinstance(it, ingest.Problem)]
    for it in items:
        if isinstance(it, ingest.Problem):
            warn(str(it))
    if not files:
        raise fail("nothing to read")
    extractor = Extractor(model)
    read_ok = 0
    with output_stream(output) as out, progress_bar(len(files), not quiet) as bar:
        writer = QuoteWriter(chosen, out)

        def articles():
            for shown, file in files:
                for art in ingest.read([shown] if file is not None else ["-"]):
                    if isinstance(art, ingest.Problem):
                        warn(str(art))
                    else:
                        yield art
                bar.advance()

        for article, quotes in extractor.extract_many(articles()):
            read_ok += 1
            writer.write(quotes)
        writer.close()
    if not read_ok:
        raise fail("no article could be read")


# ---- claims ---------------------------------------------------------------------------------------

class ClaimsFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class ClaimStatus(str, Enum):
    conflict = "conflict"
    partial = "partial"
    agree = "agree"
    unique = "unique"


@app.command()
def claims(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively), or - for stdin."),
    fmt: Optional[ClaimsFormat] = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, json otherwise)."),
    status: Optional[list[ClaimStatus]] = typer.Option(None, "--status", "-s", help="Show only these statuses (repeatable; default: conflict, partial, agree; json always carries all)."),
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    width: Optional[int] = typer.Option(None, "--width", help="Terminal width for the table."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour in the table (also: NO_COLOR)."),
    quiet: bool = QuietOpt,
) -> None:
    """Compare what articles assert: numbers, dates, places, titles, lists and reported speech."""
    with errors():
        _claims(paths, fmt, status, output, model, width, no_color, quiet)


def _claims(paths, fmt, status, output, model, width, no_color, quiet) -> None:
    from quotes import claims as claims_lib
    from quotes import ingest

    chosen = fmt.value if fmt else default_format(output, "table", "json")
    statuses = tuple(s.value for s in status) if status else ("conflict", "partial", "agree")
    items = list(ingest.expand(paths))
    files = [it for it in items if not isinstance(it, ingest.Problem)]
    for it in items:
        if isinstance(it, ingest.Problem) and not quiet:
            warn(str(it))
    if not files:
        raise fail("nothing to read")
    with progress_bar(len(files), not quiet) as bar:

        def articles():
            for shown, file in files:
                for art in ingest.read([shown] if file is not None else ["-"]):
                    if isinstance(art, ingest.Problem):
                        warn(str(art))
                    else:
                        yield art
                bar.advance()

        report = claims_lib.report(articles(), model)
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


# ---- entry point ----------------------------------------------------------------------------------

class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would turn KeyboardInterrupt into exit code 1)."""


def _on_sigint(signum, frame) -> None:
    raise Interrupted()


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, _on_sigint)
    try:
        app()
    except Interrupted:
        warn("interrupted")
        sys.exit(EXIT_INTERRUPTED)
