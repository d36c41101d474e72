"""Output of `quotes lookup`, `search` and `speakers`: a terminal table, JSON, JSONL or CSV.

Matched words of a search are styled in the terminal and bracketed `[[like this]]` in plain text (the
table written to a file or pipe) so they show without colour; JSON carries them as `match` offsets and
a `marked` string.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from rich.table import Table
from rich.text import Text

from quotes.model import SCHEMA_VERSION
from quotes.render.safe import csv_row
from quotes.render.terminal import clipped, make_console
from quotes.store.results import Hit, Lookup, Recorded, SpeakerInfo

MARK_OPEN, MARK_CLOSE = "[[", "]]"


def record_dict(r: Recorded) -> dict:
    d = r.quote.to_dict()
    d.update({"source": r.source, "transcript": r.transcript, "speaker_identity": r.speaker, "date": r.date})
    return d


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    return "".join(out + [text[pos:]])


# ---- rows for each command ----------------------------------------------------------------------------

def lookup_json(res: Lookup) -> dict:
    return {"schema_version": SCHEMA_VERSION, "query": res.query, "speakers": list(res.speakers), "count": res.count,
            "omitted_utterances": res.omitted, "offset": res.offset, "utterances": [{"id": u.id, "speaker": u.speaker, "articles": list(u.articles), "wordings": [
                {"text": w.text, "articles": list(w.articles), "transcript": w.transcript,
                 "quotes": [record_dict(r) for r in w.quotes]} for w in u.wordings]} for u in res.utterances]}


def lookup_rows(res: Lookup) -> Iterable[dict]:
    for n, u in enumerate(res.utterances, 1):
        for i, w in enumerate(u.wordings):
            for r in w.quotes:
                yield {"utterance": n, "utterance_id": u.id, "wording": "canonical" if i == 0 else "variant",
                       **record_dict(r)}


def search_rows(hits: Sequence[Hit]) -> Iterable[dict]:
    for n, h in enumerate(hits, 1):
        yield {"hit": n, "rank": round(h.rank, 4), "match": [list(s) for s in h.matches],
               "marked": marked(h.recorded.quote.text, h.matches), **record_dict(h.recorded)}


def speaker_rows(infos: Sequence[SpeakerInfo]) -> Iterable[dict]:
    for s in infos:
        yield {"id": s.id, "name": s.name, "quotes": s.quotes, "articles": s.articles, "aliases": list(s.aliases),
               "sources": list(s.sources)}


CSV_COLUMNS = {
    "lookup": ("utterance", "wording", "speaker_identity", "source", "line", "column", "date", "kind", "transcript",
               "text", "quote_id", "utterance_id"),
    "search": ("hit", "rank", "speaker_identity", "source", "line", "column", "date", "kind", "transcript", "marked",
               "text", "quote_id"),
    "speakers": ("id", "name", "quotes", "articles", "aliases", "sources"),
}


# ---- tables -------------------------------------------------------------------------------------------

def _where(r: Recorded) -> str:
    name = Path(r.source).name if r.source != "-" else "-"
    return f"{name}:{r.quote.line}" + (" (transcript)" if r.transcript else "")


def _window(res: Lookup) -> str:
    """What part of the speaker's utterances a limited lookup shows, newest first counted from 1."""
    u, total = len(res.utterances), len(res.utterances) + res.omitted
    if res.offset and not u:
        return f" (none: --offset {res.offset} skips all {total})"
    if res.offset:
        span = f"{res.offset + 1}" if u == 1 else f"{res.offset + 1}–{res.offset + u}"
        return f" (the {span} most recent of {total}: change --offset or --limit to see others)"
    return f" (the latest {u} of {total}: raise --limit to see more)" if res.omitted else ""


def lookup_table(res: Lookup) -> Table:
    n, u = res.count, len(res.utterances)
    title = f"{', '.join(res.speakers)}: {n} quote{'s' * (n != 1)}, {u} utterance{'s' * (u != 1)}"
    title += _window(res)
    table = Table(title=Text(title), title_justify="left", header_style="bold", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("wording", overflow="fold", ratio=3)
    table.add_column("where", overflow="fold", ratio=1)
    for n, u in enumerate(res.utterances, 1):
        for i, w in enumerate(u.wordings):
            table.add_row(Text(str(n) if i == 0 else ""), Text(clipped(w.text) if i == 0 else f"~ {clipped(w.text)}",
                          style="" if i == 0 else "yellow"), Text("\n".join(dict.fromkeys(_where(r) for r in w.quotes))))
    return table


def search_table(hits: Sequence[Hit], plain: bool) -> Table:
    table = Table(header_style="bold")
    for name, kw in (("#", {"justify": "right"}), ("speaker", {}), ("where", {"overflow": "fold"}),
                     ("quote", {"overflow": "fold", "ratio": 1})):
        table.add_column(name, **kw)
    for n, h in enumerate(hits, 1):
        q = h.recorded.quote
        text = Text(marked(q.text, h.matches)) if plain else Text(q.text)
        if not plain:
            for s, e in h.matches:
                text.stylize("bold reverse", s, e)
        table.add_row(Text(str(n)), Text(h.recorded.speaker or (q.speaker.name if q.speaker and q.speaker.name else "—")),
                      Text(_where(h.recorded)), text)
    return table


def speakers_table(infos: Sequence[SpeakerInfo]) -> Table:
    table = Table(header_style="bold")
    for name, kw in (("speaker", {}), ("quotes", {"justify": "right"}), ("articles", {"justify": "right"}),
                     ("also written", {"overflow": "fold", "ratio": 1})):
        table.add_column(name, **kw)
    for s in infos:
        others = [a for a in s.aliases if a != s.name]
        table.add_row(Text(s.name), Text(str(s.quotes)), Text(str(s.articles)), Text("; ".join(others)))
    return table


# ---- writing ------------------------------------------------------------------------------------------

def empty_note(command: str, query: str | None) -> str:
    if command == "search":
        return f"no stored quote has all of the words {query!r}" if query else "no stored quote matches"
    return "the store holds no speakers yet"


def write(command: str, result, fmt: str, out: IO[str], width: int | None = None, color: bool | None = None,
          query: str | None = None) -> None:
    """Write the result of `command` (lookup: Lookup, search: list[Hit], speakers: list[SpeakerInfo]); `query`:
    the words searched, for the line a table shows when nothing matched."""
    rows = {"lookup": lookup_rows, "search": search_rows, "speakers": speaker_rows}[command]
    if fmt == "table":
        console = make_console(out, width=width, color=color)
        if command != "lookup" and not result:
            console.print(Text(empty_note(command, query)))
        elif command == "lookup":
            console.print(lookup_table(result))
        elif command == "search":
            console.print(search_table(result, plain=not console.is_terminal))
        else:
            console.print(speakers_table(result))
    elif fmt == "json":
        doc = lookup_json(result) if command == "lookup" else {
            "schema_version": SCHEMA_VERSION, "count": len(result),
            command if command == "speakers" else "hits": list(rows(result))}
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows(result):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS[command], extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for row in rows(result):
            if command == "speakers":
                row = {**row, "aliases": "; ".join(row["aliases"]), "sources": "; ".join(row["sources"])}
            w.writerow(csv_row(row))
    else:
        raise ValueError(f"unknown format {fmt!r}")
    out.flush()
