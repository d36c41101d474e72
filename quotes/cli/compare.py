"""`quotes` commands: compare."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from quotes.cli.common import (
    Command, FromQuotesOpt, ModelOpt, NoColorOpt, OutputOpt, QuietOpt, ReportFormat, WidthOpt, app, default_format, errors,
    fail, output_stream, problem, reading,
)


class Severity(str, Enum):
    cosmetic = "cosmetic"
    cut = "cut"
    edit = "edit"
    meaning = "meaning"


@app.command(cls=Command, short_help="The wordings of the same quote across articles, every difference typed.")
def compare(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATH", help="Articles: files, folders (read recursively), or - for stdin. With --from-quotes: more files of quote rows."),
    from_quotes: Optional[list[str]] = FromQuotesOpt,
    fmt: Optional[ReportFormat] = typer.Option(None, "--format", "-f", metavar="|".join(f.value for f in ReportFormat), help="Output format (default: table on a terminal, json otherwise)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", metavar="NAME", help="Only utterances of this speaker (any form of the name)."),
    only_discrepancies: bool = typer.Option(False, "--only-discrepancies", help="Leave out utterances quoted verbatim everywhere."),
    min_severity: Optional[Severity] = typer.Option(None, "--min-severity", metavar="|".join(s.value for s in Severity), help="Only utterances whose worst difference is at least this bad."),
    width: Optional[int] = WidthOpt,
    no_color: bool = NoColorOpt,
    output: Optional[Path] = OutputOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Line up the wordings of the same quote across articles and type every difference."""
    with errors(quiet):
        _compare(paths or [], from_quotes or [], fmt.value if fmt else default_format(output), speaker, only_discrepancies,
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

    if from_quotes:
        from quotes.rows import read_quotes

        # `--from-quotes part-*.jsonl`: the shell's expansion puts the second file on as a PATH
        names, found = (), read_quotes([*from_quotes, *paths], problem)
        if not found:
            raise fail("no quote row could be read")
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
