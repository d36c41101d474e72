"""What every command shares: the typer app, one-line errors, output files, progress, reading articles.

The `quotes.cli` package is the only place that imports typer. Every command is a thin layer over a
library function that returns data; results go to stdout (or --output), progress and warnings to stderr.
"""
from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Optional

import typer

from quotes.errors import EXIT_USAGE, QuotesError

app = typer.Typer(
    name="quotes",
    help="Find every quotation in news articles, who said it, and where the wordings disagree.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _StderrWarnings(logging.Handler):
    """Library warnings (logger `quotes`) become `quotes: ...` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def _setup_logging() -> None:
    log = logging.getLogger("quotes")
    if not any(isinstance(h, _StderrWarnings) for h in log.handlers):
        log.addHandler(_StderrWarnings(level=logging.WARNING))
    log.setLevel(logging.WARNING)
    log.propagate = False


@app.callback()
def _root() -> None:
    """Find every quotation in news articles, who said it, and where the wordings disagree."""
    _setup_logging()


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


@contextlib.contextmanager
def reading(paths: list[str], quiet: bool, rows_on_terminal: bool = False) -> Iterator[Iterator]:
    """The articles named by `paths`, read lazily, with a progress bar; every unreadable input is named on
    stderr and the rest are read. Nothing readable at all: exit 2.

    `rows_on_terminal`: results stream to a terminal while reading (the rows show the progress, and a bar on
    the same screen would be torn by them), so no bar is drawn. Output drawn after reading (a table, a
    report) must be written after this context ends, when the bar has gone."""
    from quotes import ingest

    named = ingest.listing(paths)
    for problem in named.problems:
        warn(str(problem))
    if not named.files:
        raise fail("nothing to read")
    with progress_bar(len(named.files), not quiet and not rows_on_terminal) as bar:
        yield ingest.articles(named.files, on_problem=lambda p: warn(str(p)), on_file=bar.advance)


class ReportFormat(str, Enum):
    """The formats of a report (compare, claims)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


WidthOpt = typer.Option(None, "--width", min=40, help="Terminal report width (default: the terminal's).")
NoColorOpt = typer.Option(False, "--no-color", help="No colour (also with NO_COLOR set, or when output is not a terminal).")
ModelOpt = typer.Option(None, "--model", envvar="QUOTES_MODEL", help="spaCy pipeline to use (an installed package name or path).")
OutputOpt = typer.Option(None, "--output", "-o", help="Write results to this file instead of stdout.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar or warnings on stderr (errors still show).")
