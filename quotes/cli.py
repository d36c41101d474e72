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


@contextlib.contextmanager
def reading(paths: list[str], quiet: bool) -> Iterator[Iterator]:
    """The articles named by `paths`, read lazily, with a progress bar; every unreadable input is named on
    stderr and the rest are read. Nothing readable at all: exit 2."""
    from quotes import ingest

    named = ingest.listing(paths)
    for problem in named.problems:
        warn(str(problem))
    if not named.files:
        raise fail("nothing to read")
    with progress_bar(len(named.files), not quiet) as bar:
        yield ingest.articles(named.files, on_problem=lambda p: warn(str(p)), on_file=bar.advance)


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
    from quotes import nlp, parallel
    from quotes.render.quotes import QuoteWriter

    chosen = fmt.value if fmt else default_format(output, "table", "jsonl")
    read_ok = 0
    with reading(paths, quiet) as articles, output_stream(output) as out:
        nlp.model_name(model)  # no pipeline installed: say so before reading anything
        writer = QuoteWriter(chosen, out)
        for article, quotes in parallel.extract_stream(articles, model, jobs):
            read_ok += 1
            writer.write(quotes)
        writer.close()
    if not read_ok:
        raise fail("no article could be read")


# ---- compare --------------------------------------------------------------------------------------

class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class Severity(str, Enum):
    cosmetic = "cosmetic"
    cut = "cut"
    edit = "edit"
    meaning = "meaning"


@app.command()
def compare(
    paths: Optional[list[str]] = typer.Argument(None, help="Articles: files, folders (read recursively), or - for stdin."),
    from_quotes: Optional[str] = typer.Option(None, "--from-quotes", help="Compare the quotes of this `quotes extract --format jsonl` file (- for stdin) instead of extracting."),
    fmt: CompareFormat = typer.Option(CompareFormat.table, "--format", "-f", help="Output format."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only utterances of this speaker (any form of the name)."),
    only_discrepancies: bool = typer.Option(False, "--only-discrepancies", help="Leave out utterances quoted verbatim everywhere."),
    min_severity: Optional[Severity] = typer.Option(None, "--min-severity", help="Only utterances whose worst difference is at least this bad."),
    width: Optional[int] = typer.Option(None, "--width", min=40, help="Terminal report width (default: the terminal's)."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also with NO_COLOR set, or when output is not a terminal)."),
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Line up the wordings of the same quote across articles and type every difference."""
    with errors():
        _compare(paths or [], from_quotes, fmt.value, speaker, only_discrepancies,
                 min_severity.value if min_severity else None, width, no_color, output, model, quiet)


def _compare_quotes(paths, model, quiet):
    """Extract every article named; returns (article names in order, quotes). Bad inputs are warned about."""
    from quotes.extract import Extractor

    names, found = [], []
    with reading(paths, quiet) as articles:
        for article, quotes in Extractor(model).extract_many(articles):
            names.append(article.path)
            found.extend(quotes)
    if not names:
        raise fail("no article could be read")
    return names, found


def _compare(paths, from_quotes, fmt, speaker, only_discrepancies, min_severity, width, no_color, output, model,
             quiet) -> None:
    from quotes.compare import compare as compare_quotes, select

    if from_quotes and paths:
        raise fail("give article paths or --from-quotes FILE, not both")
    if from_quotes:
        from quotes.rows import read_quotes

        names, found = (), read_quotes(from_quotes)
    elif paths:
        names, found = _compare_quotes(paths, model, quiet)
    else:
        raise fail("nothing to compare: give article paths or --from-quotes FILE")
    result = compare_quotes(found, names)
    with output_stream(output) as out:
        if fmt == "json":
            from quotes.render.comparison_json import write_json

            write_json(select(result, speaker, only_discrepancies, min_severity), out)
            return
        from quotes.render.report import render_report

        render_report(result, fmt, out, width=width, color=False if no_color else None, speaker=speaker,
                      only_discrepancies=only_discrepancies, min_severity=min_severity)


# ---- the store: add, lookup, search, speakers -------------------------------------------------------

class StoreFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOpt = typer.Option(None, "--db", envvar="QUOTES_DB", help="The quote store (default: quotes.db in the user's data folder).")
StoreFormatOpt = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, json otherwise).")


def _db_path(db: Optional[Path]) -> Path:
    from quotes.store import default_path

    return db if db is not None else default_path()


@app.command()
def add(
    paths: Optional[list[str]] = typer.Argument(None, help="Articles to extract and store: files, folders, or - for stdin."),
    from_quotes: Optional[list[str]] = typer.Option(None, "--from-quotes", help="Store the quotes in this JSONL file of `quotes extract --format jsonl` rows (repeatable; - for stdin)."),
    transcript: Optional[list[str]] = typer.Option(None, "--transcript", help="Store this reference transcript as the authoritative record (repeatable)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Who speaks in a --transcript without 'SPEAKER:' labels."),
    db: Optional[Path] = DbOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Extract quotes and store them; re-adding an unchanged article adds nothing. Prints what was added."""
    with errors():
        _add(paths or [], from_quotes or [], transcript or [], speaker, db, model, quiet)


def _add(paths, from_quotes, transcripts, speaker, db, model, quiet) -> None:
    from quotes.store import Store, feed

    if not (paths or from_quotes or transcripts):
        raise fail("nothing to add: give articles, --from-quotes FILE or --transcript FILE")
    if speaker and not transcripts:
        raise fail("--speaker goes with --transcript")
    say = (lambda m: None) if quiet else warn
    results = []
    with Store(_db_path(db)) as store:
        if transcripts:
            results.append(feed.add_transcripts(store, transcripts, speaker, say))
        if from_quotes:
            results.append(feed.add_quote_files(store, from_quotes, say))
        if paths:
            with reading(paths, quiet) as articles:
                results.append(feed.add_articles(store, articles, model))
    total = [sum(getattr(r, f) for r in results) for f in ("articles", "unchanged", "versions", "quotes")]
    sys.stdout.write(f"added {total[0]} articles ({total[2]} new versions) with {total[3]} quotes; "
                     f"{total[1]} already stored\n")
    if not total[0] and not total[1]:
        raise fail("nothing could be read")


@app.command()
def lookup(
    name: str = typer.Argument(..., help="A speaker's name: any form of it (\"Trump\", \"President Trump\")."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles dated (else added) on or after YYYY-MM-DD."),
    fmt: Optional[StoreFormat] = StoreFormatOpt,
    output: Optional[Path] = OutputOpt,
    db: Optional[Path] = DbOpt,
) -> None:
    """Every stored quote of one speaker, variants of the same utterance grouped. A name that matches nobody
    exits 2 and suggests the closest names."""
    with errors():
        from quotes.store import Store, queries

        with Store(_db_path(db), create=False) as store:
            result = queries.lookup(store, name, since)
        _store_output("lookup", result, fmt, output)


@app.command()
def search(
    words: str = typer.Argument(..., help="Words that must all occur in the quote (stemmed: memory finds memories)."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="At most this many results, best first."),
    fmt: Optional[StoreFormat] = StoreFormatOpt,
    output: Optional[Path] = OutputOpt,
    db: Optional[Path] = DbOpt,
) -> None:
    """Full-text search of the stored quotes, ranked, with the matched words marked."""
    with errors():
        from quotes.store import Store, queries

        with Store(_db_path(db), create=False) as store:
            result = queries.search(store, words, limit)
        _store_output("search", result, fmt, output)


@app.command()
def speakers(
    merge: Optional[list[str]] = typer.Option(None, "--merge", help="--merge A B [C...]: make B (C...) the same person as A. Give A then the others as arguments."),
    split: Optional[list[str]] = typer.Option(None, "--split", help="Take this name (repeatable) out of its speaker into a new speaker of its own."),
    names: Optional[list[str]] = typer.Argument(None, help="With --merge: the names to merge into the first."),
    fmt: Optional[StoreFormat] = StoreFormatOpt,
    output: Optional[Path] = OutputOpt,
    db: Optional[Path] = DbOpt,
) -> None:
    """Who is in the store, with how many quotes in how many articles; --merge and --split correct identities."""
    with errors():
        from quotes.store import Store, queries

        if merge and split:
            raise fail("--merge and --split go in separate runs")
        with Store(_db_path(db), create=False) as store:
            if merge:
                group = list(merge) + list(names or [])
                if len(group) < 2:
                    raise fail("--merge needs two names or more: quotes speakers --merge A B")
                changed = queries.merge(store, group[0], group[1:])
            elif split:
                if names:
                    raise fail("--split takes its names as options: --split NAME [--split NAME...]")
                changed = queries.split(store, split)
            elif names:
                raise fail(f"unexpected argument {names[0]!r} (use --merge A B or --split NAME)")
            else:
                changed = None
            result = queries.speakers(store) if changed is None else [changed]
        _store_output("speakers", result, fmt, output)


def _store_output(command: str, result, fmt, output) -> None:
    from quotes.render import store as render

    chosen = fmt.value if fmt else default_format(output, "table", "json")
    with output_stream(output) as out:
        render.write(command, result, chosen, out)
# ---- check ----------------------------------------------------------------------------------------

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
    fail_on: str = typer.Option("misquote,misattribution", "--fail-on", metavar="KINDS", help="Finding kinds that fail the check (comma-separated: misquote, misattribution, unverified, variant; all; none)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report findings but exit 0."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Check new articles against the record; exit 1 when a quote is misquoted or misattributed."""
    with errors():
        failing = _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet)
    if failing and not exit_zero:
        from quotes.errors import EXIT_FINDINGS

        raise typer.Exit(EXIT_FINDINGS)


def _check(paths, against, against_quotes, transcript, speaker, fail_on, fmt, output, model, quiet) -> int:
    from quotes.check import parse_fail_on, run_check
    from quotes.render.findings import write

    result = run_check(paths, against, transcript, speaker, parse_fail_on(fail_on), model=model,
                       against_quotes=against_quotes)
    if not quiet:
        for w in result.warnings:
            warn(w)
    with output_stream(output) as out:
        write(result, fmt.value, out)
    return len(result.failing)


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

    chosen = fmt.value if fmt else default_format(output, "table", "json")
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
