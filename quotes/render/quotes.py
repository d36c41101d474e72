"""`quotes extract` output: JSONL/JSON/CSV rows and the terminal table."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from quotes.model import Quote
from quotes.render.safe import csv_row as safe_row

CSV_FIELDS = (
    "article", "line", "column", "start_char", "end_char", "kind", "speaker", "speaker_mention",
    "resolution", "cue", "pattern", "confidence", "text", "quote_id", "utterance_id", "article_id",
)


def jsonl_line(q: Quote) -> str:
    return json.dumps(q.to_dict(), ensure_ascii=False)


def csv_row(q: Quote) -> dict[str, object]:
    return {
        "article": q.article, "line": q.line, "column": q.column, "start_char": q.start_char,
        "end_char": q.end_char, "kind": q.kind,
        "speaker": q.speaker.name or "" if q.speaker else "",
        "speaker_mention": q.speaker.mention if q.speaker else "",
        "resolution": q.speaker.resolution if q.speaker else "",
        "cue": q.cue.text if q.cue else "", "pattern": q.pattern, "confidence": round(q.confidence, 3),
        "text": q.text, "quote_id": q.quote_id, "utterance_id": q.utterance_id, "article_id": q.article_id,
    }


class QuoteWriter:
    """Writes quotes as they come (jsonl, csv) or at the end (json, table)."""

    def __init__(self, fmt: str, out: IO[str], width: int | None = None, color: bool | None = None):
        self.fmt, self.out, self.width, self.color = fmt, out, width, color
        self.held: list[Quote] = []
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
            self.csv.writeheader()

    def write(self, quotes: Iterable[Quote]) -> None:
        for q in quotes:
            if self.fmt == "jsonl":
                self.out.write(jsonl_line(q) + "\n")
            elif self.csv is not None:
                self.csv.writerow(safe_row(csv_row(q)))
            else:
                self.held.append(q)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            json.dump({"schema_version": 1, "quotes": [q.to_dict() for q in self.held]}, self.out,
                      ensure_ascii=False, indent=2)
            self.out.write("\n")
        elif self.fmt == "table":
            from quotes.render.terminal import make_console, quote_table

            make_console(self.out, width=self.width, color=self.color).print(quote_table(self.held))
        self.out.flush()
