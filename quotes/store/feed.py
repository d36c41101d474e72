"""Filling the store: articles (extracted here), quote rows from `quotes extract --format jsonl`, and
reference transcripts. Each function returns what it did; problems with single inputs go to `warn`
and the rest of the batch goes on.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from quotes import ingest
from quotes.model import Article, Quote
from quotes.store.core import Store
from quotes.store.results import Added

Warn = Callable[[str], None]


@dataclass
class Tally:
    articles: int = 0
    unchanged: int = 0
    versions: int = 0
    quotes: int = 0

    def count(self, version: int | None, quotes: int) -> None:
        if version is None:
            self.unchanged += 1
        else:
            self.articles += 1
            self.versions += version > 1
            self.quotes += quotes

    def result(self) -> Added:
        return Added(self.articles, self.unchanged, self.versions, self.quotes)


def _meta(a: Article) -> dict:
    return {"path": a.path, "url": a.url, "title": a.title, "source": a.source, "date": a.date,
            "external_id": a.external_id, "text": a.text}


def readable(items: Iterable[Article | ingest.Problem], warn: Warn) -> Iterator[Article]:
    for it in items:
        if isinstance(it, ingest.Problem):
            warn(str(it))
        else:
            yield it


def add_articles(store: Store, articles: Iterable[Article], model: str | None = None) -> Added:
    """Extract the quotes of every article not stored yet, and store them (one transaction per article)."""
    tally = Tally()

    def new() -> Iterator[Article]:
        for a in articles:
            if store.has(a.id):
                tally.unchanged += 1
            else:
                yield a

    pending = new()
    first = next(pending, None)
    if first is None:
        return tally.result()
    from quotes.extract import Extractor

    for article, quotes in Extractor(model).extract_many(_chain(first, pending)):
        tally.count(store.add_record(article.id, _meta(article), quotes), len(quotes))
    store.cluster()
    return tally.result()


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def add_transcripts(store: Store, paths: Iterable[str], speaker: str | None, warn: Warn) -> Added:
    """Store each transcript as the authoritative record of its speakers (quotes marked as transcript)."""
    from quotes.errors import InputError
    from quotes.transcript import transcript_quotes

    tally = Tally()
    for article in readable(ingest.read(paths), warn):
        try:
            quotes = transcript_quotes(article, speaker)
        except InputError as e:
            warn(str(e))
            continue
        tally.count(store.add_record(article.id, _meta(article), quotes, transcript=True), len(quotes))
    store.cluster()
    return tally.result()


def add_quote_files(store: Store, paths: Iterable[str], warn: Warn) -> Added:
    """Store pre-extracted quotes (e.g. the JSONL partitions of a distributed run), file by file. A bad row
    (or a file that is not quote rows) goes to `warn` with its file and line, and the rest are stored.

    The article's text is read from its path when that file is still there and has the same content;
    otherwise the article is stored by its id and path alone."""
    from quotes.rows import quote_rows

    tally = Tally()
    for path in paths:
        by_article: dict[tuple[str, str], list[Quote]] = {}
        for q in quote_rows(path, warn):
            by_article.setdefault((q.article_id, q.article), []).append(q)
        for (article_id, shown), quotes in by_article.items():
            meta = {"path": shown, "text": _text_of(shown, article_id)}
            tally.count(store.add_record(article_id, meta, quotes), len(quotes))
    store.cluster()
    return tally.result()


def _text_of(path: str, article_id: str) -> str | None:
    if not os.path.isfile(path):
        return None
    try:
        for item in ingest.read([path]):
            if isinstance(item, Article) and item.id == article_id:
                return item.text
    except (OSError, ValueError):
        return None
    return None
