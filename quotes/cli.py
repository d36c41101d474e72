"""The command line: parse, call the library, render, map errors to exit codes.

The only module that imports typer. Every command is a thin layer over a library function that returns
data; results go to stdout (or --output), progress and warnings to stderr.
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

from quotes.errors import EXIT_INTERRUPTED, EXIT_USAGE, QuotesError

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
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes (0: one per core); the output order is unchanged."),
) -> None:
    """Find every quotation and who said it."""
    with errors():
        _extract(paths, fmt, output, model, quiet, jobs)


def _extract(paths, fmt, output, model, quiet, jobs=1) -> None:
    from quotes import ingest, nlp, parallel
    from quotes.render.quotes import QuoteWriter

    chosen = fmt.value if fmt else default_format(output, "table", "jsonl")
    files: list[str] = []  # the names only (counted for the progress bar); the texts are read one at a time
    for it in ingest.expand(paths):
        if isinstance(it, ingest.Problem):
            warn(str(it))
        else:
            files.append(it[0])
    if not files:
        raise fail("nothing to read")
    nlp.model_name(model)  # no pipeline installed: say so before reading anything
    read_ok = 0
    with output_stream(output) as out, progress_bar(len(files), not quiet) as bar:
        writer = QuoteWriter(chosen, out)

        def articles():
            for shown in files:
                for art in ingest.read([shown]):
                    if isinstance(art, ingest.Problem):
                        warn(str(art))
                    else:
                        yield art
                bar.advance()

        for article, quotes in parallel.extract_stream(articles(), model, jobs):
            read_ok += 1
            writer.write(quotes)
        writer.close()
    if not read_ok:
        raise fail("no article could be read")


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
