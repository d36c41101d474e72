"""`quotes` commands: the store: add, lookup, search, speakers."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from quotes.cli.common import (
    Command,
    FromQuotesOpt,
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
    problem,
    reading,
)


class StoreFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOpt = typer.Option(None, "--db", envvar="QUOTES_DB", metavar="PATH", help="The quote store (default: quotes.db in the user's data folder).")
StoreFormatOpt = typer.Option(None, "--format", "-f", metavar=choices(StoreFormat),
                              help="Output format (default: table on a terminal, json otherwise).")


def _db_path(db: Path | None) -> Path:
    from quotes.store import default_path

    return db if db is not None else default_path()


@app.command(cls=Command, short_help="Extract and keep in the quote store; re-adding an article adds nothing.")
def add(
    paths: list[str] | None = typer.Argument(None, metavar="PATH", help="Articles to extract and store: files, folders, or - for stdin. With --from-quotes: more files of quote rows."),
    from_quotes: list[str] | None = FromQuotesOpt,
    transcript: list[str] | None = typer.Option(None, "--transcript", metavar="FILE", help="Store this reference transcript as the authoritative record (repeatable)."),
    speaker: str | None = typer.Option(None, "--speaker", metavar="NAME", help="Who speaks in a --transcript without 'SPEAKER:' labels."),
    db: Path | None = DbOpt,
    model: str | None = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Extract quotes and store them; re-adding an unchanged article adds nothing. Prints what was added."""
    with errors(quiet):
        _add(paths or [], from_quotes or [], transcript or [], speaker, db, model, quiet)


def _add(paths, from_quotes, transcripts, speaker, db, model, quiet) -> None:
    from quotes.store import Store, feed

    if not (paths or from_quotes or transcripts):
        raise fail("nothing to add: give articles, --from-quotes FILE or --transcript FILE")
    if speaker and not transcripts:
        raise fail("--speaker goes with --transcript")
    from quotes.render.words import plural

    results = []
    with Store(_db_path(db)) as store:
        if transcripts:
            results.append(feed.add_transcripts(store, transcripts, speaker, problem))
        if from_quotes:
            # `--from-quotes part-*.jsonl`: the shell's expansion puts the second file on as a PATH
            results.append(feed.add_quote_files(store, [*from_quotes, *paths], problem))
        elif paths:
            with reading(paths, quiet) as articles:
                results.append(feed.add_articles(store, articles, model))
    total = [sum(getattr(r, f) for r in results) for f in ("articles", "unchanged", "versions", "quotes")]
    sys.stdout.write(f"added {plural(total[0], 'article')} ({plural(total[2], 'new version')}) with "
                     f"{plural(total[3], 'quote')}; {total[1]:,} already stored\n")
    if not total[0] and not total[1]:
        raise fail("nothing could be read")


@app.command(cls=Command, short_help="Every stored quote of a speaker, variants grouped.")
def lookup(
    name: str = typer.Argument(..., metavar="NAME", help="A speaker's name: any form of it (\"Trump\", \"President Trump\")."),
    since: str | None = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Only articles dated (else added) on or after this day."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, metavar="N", help="Only the N utterances most recently quoted (default: all)."),
    offset: int = typer.Option(0, "--offset", min=0, metavar="K", help="Skip the K utterances most recently quoted first (with --limit: page back)."),
    fmt: StoreFormat | None = StoreFormatOpt,
    output: Path | None = OutputOpt,
    db: Path | None = DbOpt,
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Every stored quote of one speaker, variants of the same utterance grouped. A name that matches nobody
    exits 2 and suggests the closest names."""
    with errors():
        from quotes.store import Store, queries

        with Store(_db_path(db), create=False) as store:
            result = queries.lookup(store, name, since, limit, offset)
        _store_output("lookup", result, fmt, output, width, no_color)


@app.command(cls=Command, short_help="Full-text search over stored quotes.")
def search(
    words: str = typer.Argument(..., metavar="WORDS", help="Words that must all occur in the quote (stemmed: memory finds memories)."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, metavar="N", help="At most this many results, best first."),
    fmt: StoreFormat | None = StoreFormatOpt,
    output: Path | None = OutputOpt,
    db: Path | None = DbOpt,
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Full-text search of the stored quotes, ranked, with the matched words marked."""
    with errors():
        from quotes.store import Store, queries

        with Store(_db_path(db), create=False) as store:
            result = queries.search(store, words, limit)
        _store_output("search", result, fmt, output, width, no_color, query=words)


@app.command(cls=Command, short_help="Who is in the store; --merge / --split identities.")
def speakers(
    merge: list[str] | None = typer.Option(None, "--merge", metavar="NAME", help="--merge A B [C...]: make B (C...) the same person as A. Give A then the others as arguments."),
    split: list[str] | None = typer.Option(None, "--split", metavar="NAME", help="Take this name (repeatable) out of its speaker into a new speaker of its own."),
    names: list[str] | None = typer.Argument(None, metavar="NAME", help="With --merge: the names to merge into the first."),
    fmt: StoreFormat | None = StoreFormatOpt,
    output: Path | None = OutputOpt,
    db: Path | None = DbOpt,
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
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
        _store_output("speakers", result, fmt, output, width, no_color)


def _store_output(command: str, result, fmt, output, width=None, no_color=False, query=None) -> None:
    from quotes.render import store as render

    chosen = fmt.value if fmt else default_format(output)
    with output_stream(output) as out:
        render.write(command, result, chosen, out, width=width, color=False if no_color else None, query=query)
