"""Reading inputs into `Article`s: files, folders (recursive), `-` for stdin, .json/.jsonl rows, HTML.

The text an article carries is exactly the text its offsets refer to: for .txt/.md the file decoded
(`quotes.decoding`: byte-order marks, the encoding, mojibake repaired), for HTML the text trafilatura
extracts, for JSON the `text` field. Nothing is normalised after that. Dates are stored as ISO dates.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.dates import iso_date
from quotes.decoding import decode
from quotes.errors import InputError
from quotes.model import Article
from quotes.rows import has_lone_surrogate

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}  # read line by line
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
JSON_FIELDS = ("id", "url", "title", "source", "date")
QUOTE_ROW_FIELDS = ("quote_id", "start_char", "end_char")  # a row of `quotes extract`, not an article
NAV_WORDS = 4  # HTML whose every extracted line is shorter than this is a menu, not an article
NOT_ARTICLES = "quote rows (`quotes extract` output), not articles: give them with --from-quotes"


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; the batch goes on without it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def html_article(raw: str, path: str) -> Article:
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(f"{path}: no article text found in the HTML")
    if not any(len(line.split()) >= NAV_WORDS for line in text.splitlines()):
        raise InputError(f"{path}: no article text in the HTML, only short lines such as navigation "
                         f"({' / '.join(text.split())[:60]!r})")
    meta = trafilatura.extract_metadata(raw)
    title = getattr(meta, "title", None) if meta else None
    date = iso_date(getattr(meta, "date", None) if meta else None)
    url = getattr(meta, "url", None) if meta else None
    source = getattr(meta, "sitename", None) if meta else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline counts: it is part of the text offsets refer to
    return Article(path=path, text=text, title=title, url=url, source=source, date=date)


def json_articles(raw: str, path: str, jsonl: bool) -> Iterator[Article | Problem]:
    """Rows of a .json (an object or a list of objects) or .jsonl file; each needs a string `text`."""
    if jsonl:
        rows: Iterable[tuple[str, object]] = (
            (f"{path}:{n}", line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()
        )
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            yield Problem(path, f"not valid JSON (line {e.lineno}: {e.msg})")
            return
        items = data if isinstance(data, list) else [data]
        rows = ((path if len(items) == 1 else f"{path}#{n}", item) for n, item in enumerate(items, 1))
    for where, item in rows:
        got = json_item(where, item)
        if isinstance(got, Problem) and got.message == NOT_ARTICLES:
            yield Problem(path, NOT_ARTICLES)  # once for the file, not once a row
            return
        yield got


def json_item(where: str, item: object) -> Article | Problem:
    """One JSON article: an object (or its JSON text) with a string field `text`."""
    if isinstance(item, str):
        try:
            item = json.loads(item)
        except json.JSONDecodeError as e:
            return Problem(where, f"not valid JSON ({e.msg})")
    if isinstance(item, dict) and all(k in item for k in QUOTE_ROW_FIELDS):
        return Problem(where, NOT_ARTICLES)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return Problem(where, "JSON without a string field 'text'")
    if not item["text"].strip():
        return Problem(where, "empty 'text'")
    if has_lone_surrogate(item):
        return Problem(where, "a string holds a lone surrogate (such as \\ud800): not valid Unicode")
    meta = {k: (str(item[k]) if item.get(k) is not None else None) for k in JSON_FIELDS}
    return Article(
        path=where,
        text=item["text"],
        title=meta["title"],
        url=meta["url"],
        source=meta["source"],
        date=iso_date(meta["date"], where),
        external_id=meta["id"],
    )


def jsonl_file(file: Path, shown: str) -> Iterator[Article | Problem]:
    """A .jsonl file read one line at a time, so a corpus file larger than memory streams through."""
    seen = False
    with open(file, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen = True
            try:
                line = decode(raw, f"{shown}:{n}")
            except InputError as e:
                yield Problem(f"{shown}:{n}", str(e).removeprefix(f"{shown}:{n}: "))
                continue
            item = json_item(f"{shown}:{n}", line)
            if isinstance(item, Problem) and item.message == NOT_ARTICLES:
                yield Problem(shown, NOT_ARTICLES)  # once for the file, not once a line
                return
            yield item
    if not seen:
        yield Problem(shown, "empty file")


def read_bytes(data: bytes, path: str, suffix: str) -> Iterator[Article | Problem]:
    """Articles from the bytes of one input; a bad input yields a Problem instead of raising."""
    try:
        text = decode(data, path)
    except InputError as e:
        yield Problem(path, str(e).removeprefix(f"{path}: "))
        return
    if suffix in JSON_SUFFIXES:
        yield from json_articles(text, path, jsonl=suffix != ".json")
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        try:
            yield html_article(text, path)
        except InputError as e:
            yield Problem(path, str(e).removeprefix(f"{path}: "))
    else:
        yield Article(path=path, text=text)


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None] | Problem]:
    """Each input path as (display path, file) in a stable order; folders recursively; '-' is stdin."""
    for p in paths:
        if p == "-":
            yield ("-", None)
            continue
        if not p.strip():  # Path("") is the current folder: an empty argument is a mistake, not "read everything here"
            yield Problem(repr(p), "an empty path")
            continue
        path = Path(p)
        if path.is_dir():
            named = sorted(f for f in path.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            # each entry: a file to read, or a broken link to report (other entries are folders)
            found = [(f, f.is_file()) for f in named]
            found = [(f, ok) for f, ok in found if ok or (f.is_symlink() and not f.exists())]
            if not found:
                yield Problem(p, "no articles in this folder (looked for " + ", ".join(sorted(ARTICLE_SUFFIXES)) + ")")
            for f, ok in found:
                yield (str(f), f) if ok else Problem(str(f), "a link to a file that does not exist")
        elif path.is_file():
            yield (p, path)
        elif path.exists():
            yield Problem(p, "not a regular file")
        else:
            yield Problem(p, "no such file or folder")


def read(paths: Iterable[str], stdin=None) -> Iterator[Article | Problem]:
    """Lazily read every article named by `paths` (one file at a time: nothing holds the whole corpus)."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
            continue
        shown, file = item
        if file is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            yield from read_bytes(data, "-", ".txt")
            continue
        try:
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from jsonl_file(file, shown)
                continue
            data = file.read_bytes()
        except OSError as e:
            yield Problem(shown, f"cannot read ({e.strerror or e})")
            continue
        yield from read_bytes(data, shown, file.suffix.lower())


@dataclass(frozen=True)
class Listing:
    """The inputs a command line names: the readable files (names only, not their texts) and the problems."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]


def listing(paths: Iterable[str]) -> Listing:
    files, problems = [], []
    for item in expand(paths):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            files.append(item[0])
    return Listing(tuple(files), tuple(problems))


def articles(files: Iterable[str], on_problem: Callable[[Problem], None],
             on_file: Callable[[], None] = lambda: None) -> Iterator[Article]:
    """The articles of `files` read one file at a time; an unreadable one goes to `on_problem` and the rest
    are read; `on_file` is called after each file (a progress bar)."""
    for shown in files:
        for item in read([shown]):
            if isinstance(item, Problem):
                on_problem(item)
            else:
                yield item
        on_file()
