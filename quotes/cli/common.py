"""What every command shares: the typer app, one-line errors, output files, progress, reading articles.

The `quotes.cli` package is the only place that imports typer. Every command is a thin layer over a
library function that returns data; results go to stdout (or --output), progress and warnings to stderr.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO

import typer
from typer.core import TyperArgument, TyperCommand

from quotes.errors import EXIT_CLOSED_PIPE, EXIT_PARTIAL, EXIT_USAGE, QuotesError

app = typer.Typer(
    name="quotes",
    help="Find every quotation in news articles, who said it, and where the wordings disagree.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _Argument(TyperArgument):
    """An argument shown in the help as the options are: `PATH...`, `[NAME]...`; no `{PATH}` or `<list[str]>`."""

    def _name(self) -> str:
        return self.metavar or (self.name or "").upper()

    def display_type(self, ctx) -> str:
        return ""

    def display_type_rich(self, ctx) -> None:
        return None

    def _rich_display_name(self) -> str:
        return self._name() + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        return (self._name() if self.required else f"[{self._name()}]") + ("..." if self.nargs != 1 else "")


class Command(TyperCommand):
    """Every command: its arguments in the help style of `_Argument`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for p in self.params:
            if type(p) is TyperArgument:
                p.__class__ = _Argument


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


def _print_version(value: bool) -> None:
    if value:
        from quotes import __version__

        sys.stdout.write(f"quotes {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print the version and exit."),
) -> None:
    """Find every quotation in news articles, who said it, and where the wordings disagree."""
    _setup_logging()


def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name; control characters (from a file name or an
    article) shown escaped, never sent to the terminal raw."""
    from quotes.render.safe import visible

    sys.stderr.write(f"quotes: {visible(message)}\n")
    sys.stderr.flush()


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    warn(message)
    return typer.Exit(code)


class _Run:
    """What one command has met so far: inputs it could not read (each named on stderr when met)."""

    unreadable = 0


RUN = _Run()


def problem(message: str) -> None:
    """An input (a file, a row) that could not be read: named on stderr, even with -q; the batch goes on
    and the command ends with EXIT_PARTIAL."""
    RUN.unreadable += 1
    warn(message)


def _closed_pipe() -> None:
    """The reader of stdout went away: what is still buffered goes nowhere, without a second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test's captured stdout)
        pass


@contextlib.contextmanager
def errors(quiet: bool = False) -> Iterator[None]:
    """Every command body runs inside this, and it sets the exit code by the rules of docs/cli.md: a
    QuotesError is one line on stderr and its code; a reader that closed the pipe is EXIT_CLOSED_PIPE, quietly;
    inputs that could not be read while the rest were processed is EXIT_PARTIAL. `quiet`: no warnings."""
    RUN.unreadable = 0
    logging.getLogger("quotes").setLevel(logging.ERROR if quiet else logging.WARNING)
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
        raise typer.Exit(EXIT_CLOSED_PIPE) from None
    except QuotesError as e:
        raise fail(str(e), e.exit_code) from None
    if RUN.unreadable:
        raise typer.Exit(EXIT_PARTIAL)


@contextlib.contextmanager
def output_stream(output: Path | None) -> Iterator[IO[str]]:
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


def default_format(output: Path | None, pipe_format: str = "json") -> str:
    """The one rule for every command: a table on a terminal; written to a file or a pipe, JSON (JSON Lines
    for `extract`, whose rows stream while articles are read)."""
    if output is None and sys.stdout.isatty():
        return "table"
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
    for p in named.problems:
        problem(str(p))
    if not named.files:
        raise fail("nothing to read")
    with progress_bar(len(named.files), not quiet and not rows_on_terminal) as bar:
        yield ingest.articles(named.files, on_problem=lambda p: problem(str(p)), on_file=bar.advance)


def choices(options: type[Enum]) -> str:
    """An option's metavar that lists its values: `table|json|markdown|html`."""
    return "|".join(str(o.value) for o in options)


class ReportFormat(str, Enum):
    """The formats of a report (compare, claims)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


WidthOpt = typer.Option(None, "--width", min=40, metavar="N", help="Table and report width (default: the terminal's).")
NoColorOpt = typer.Option(False, "--no-color", help="No colour (also with NO_COLOR set, or when output is not a terminal).")
ModelOpt = typer.Option(None, "--model", envvar="QUOTES_MODEL", metavar="NAME", help="spaCy pipeline to use (an installed package name or path).")
OutputOpt = typer.Option(None, "--output", "-o", metavar="FILE", help="Write results to this file instead of stdout.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar or warnings on stderr (errors still show).")
FromQuotesOpt = typer.Option(
    None, "--from-quotes", metavar="FILE",
    help="Read quotes already extracted (`quotes extract --format jsonl` rows; - for stdin) instead of articles. "
         "Repeatable, and every PATH given with it is such a file too (`--from-quotes parts/*.jsonl`).")
