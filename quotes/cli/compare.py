"""`quotes` commands: compare."""
from __future__ import annotations

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
    ReportFormat,
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


class Severity(str, Enum):
    cosmetic = "cosmetic"
    cut = "cut"
    edit = "edit"
    meaning = "meaning"


@app.command(cls=Command, short_help="The wordings of the same quote across articles, every difference typed.")
def compare(
    paths: list[str] | None = typer.Argument(None, metavar="PATH", help="Articles: files, folders (read recursively), or - for stdin. With --from-quotes: more files of quote rows."),
    from_quotes: list[str] | None = FromQuotesOpt,
    fmt: ReportFormat | None = typer.Option(None, "--format", "-f", metavar=choices(ReportFormat), help="Output format (default: table on a terminal, json otherwise)."),
    speaker: str | None = typer.Option(None, "--speaker", metavar="NAME", help="Only utterances of this speaker (any form of the name)."),
    only_discrepancies: bool = typer.Option(False, "--only-discrepancies", help="Leave out utterances quoted verbatim everywhere."),
    min_severity: Severity | None = typer.Option(None, "--min-severity", metavar=choices(Severity), help="Only utterances whose worst difference is at least this bad."),
    width: int | None = WidthOpt,
    no_color: bool = NoColorOpt,
    output: Path | None = OutputOpt,
    model: str | None = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Line up the wordings of the same quote across articles and type every difference."""
    with errors(quiet):
        _compare(paths or [], from_quotes or [], fmt.value if fmt else default_format(output), speaker, only_discrepancies,
                 min_severity.value if min_severity else None, width, no_color, output, model, quiet)


def _compare_quotes(paths, model, quiet):
    """Extract every article named; returns (article names in order, quotes, dates by article name from the
    articles' metadata). Bad inputs are warned about."""
    from quotes.extract import Extractor

    names, found, dates = [], [], {}
    with reading(paths, quiet) as articles:
        for article, quotes in Extractor(model).extract_many(articles):
            names.append(article.path)
            found.extend(quotes)
            if article.date:
                dates[article.path] = article.date
    if not names:
        raise fail("no article could be read")
    return names, found, dates


def _compare(paths, from_quotes, fmt, speaker, only_discrepancies, min_severity, width, no_color, output, model,
             quiet) -> None:
    from quotes.compare import compare as compare_quotes
    from quotes.compare import select

    if from_quotes:
        from quotes.rows import read_quotes

        # `--from-quotes part-*.jsonl`: the shell's expansion puts the second file on as a PATH
        names, found, dates = (), read_quotes([*from_quotes, *paths], problem), None
        if not found:
            raise fail("no quote row could be read")
    elif paths:
        names, found, dates = _compare_quotes(paths, model, quiet)
    else:
        raise fail("nothing to compare: give article paths or --from-quotes FILE")
    result = compare_quotes(found, names, dates=dates)
    with output_stream(output) as out:
        if fmt == "json":
            from quotes.render.comparison_json import write_json

            write_json(select(result, speaker, only_discrepancies, min_severity), out)
            return
        from quotes.render.report import render_report

        render_report(result, fmt, out, width=width, color=False if no_color else None, speaker=speaker,
                      only_discrepancies=only_discrepancies, min_severity=min_severity)
