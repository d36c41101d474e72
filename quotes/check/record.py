"""The record a new article is checked against: one interface, whatever it was built from.

A record is a set of `Recorded` quotes: the quotes of earlier articles (extracted here), the quotes in a
quote store, and reference transcripts (the authoritative words of their speakers). Matching code asks the
record for the recorded quotes that may be the same utterance as a new quote and never cares where they
came from.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes import ingest
from quotes.errors import InputError
from quotes.model import Article, Quote

SQLITE_HEADER = b"SQLite format 3\x00"
STORE_SUFFIXES = {".db", ".sqlite", ".sqlite3"}
CHECKED_KINDS = ("speech", "partial")  # scare quotes report nobody's words: never checked, never recorded


@dataclass(frozen=True)
class Recorded:
    """A quote in the record, where it came from, and whether it is an authoritative transcript."""

    quote: Quote
    source: str
    transcript: bool = False

    @property
    def location(self) -> str:
        """`source:line:column` of the recorded words (just `source` when the position is unknown)."""
        q = self.quote
        return f"{self.source}:{q.line}:{q.column}" if q.line > 0 else self.source


def is_store(path: Path) -> bool:
    """Is `path` an SQLite file (a quote store) rather than an article?"""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


class Record:
    """Recorded quotes, de-duplicated, with a candidate index built on first use."""

    def __init__(self, entries: Iterable[Recorded]):
        by_id: dict[tuple[str, str], Recorded] = {}
        for e in entries:
            if e.quote.kind not in CHECKED_KINDS or not e.quote.text.strip():
                continue
            k = (e.quote.quote_id, e.quote.text)
            if k not in by_id or (e.transcript and not by_id[k].transcript):
                by_id[k] = e  # the same quote from a store and a folder counts once; a transcript wins
        self.entries: tuple[Recorded, ...] = tuple(by_id.values())
        self._by_quote = {id(e.quote): e for e in self.entries}
        self._by_text: dict[str, list[Recorded]] = {}
        for e in self.entries:
            self._by_text.setdefault(e.quote.text.strip(), []).append(e)
        self._index = None
        self._passages = None

    @property
    def has_transcripts(self) -> bool:
        return any(e.transcript for e in self.entries)

    def passages(self, quote: Quote):
        """The transcript passages `quote` may render, aligned word by word, best first
        (`quotes.check.passage`)."""
        if self._passages is None:
            from quotes.check.passage import PassageIndex

            self._passages = PassageIndex(self.entries)
        return self._passages.passages(quote)

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, quote: Quote) -> list[Recorded]:
        """Recorded quotes that may be the same utterance as `quote` (fragments included), best first.

        A recorded quote with exactly the same words is always a candidate, even when it is the very
        same span of the very same article (an article checked against a record that already holds it).
        """
        if not self.entries:
            return []
        if self._index is None:
            from quotes.compare.align import QuoteIndex

            self._index = QuoteIndex([e.quote for e in self.entries])
        found = list(self._by_text.get(quote.text.strip(), ()))
        seen = {id(e) for e in found}
        for q, _score in self._index.candidates(quote):
            e = self._by_quote.get(id(q)) or self._find(q)
            if e is not None and id(e) not in seen:
                seen.add(id(e))
                found.append(e)
        return found

    def _find(self, q: Quote) -> Recorded | None:
        for e in self._by_text.get(q.text.strip(), ()):
            if e.quote.quote_id == q.quote_id:
                return e
        return None


# ---- building a record ------------------------------------------------------------------------

def read_one(path: str) -> Article:
    """The single article in file `path` (a transcript); anything else is an InputError."""
    got = list(ingest.read([path]))
    problems = [g for g in got if isinstance(g, ingest.Problem)]
    if problems:
        raise InputError(str(problems[0]))
    if len(got) != 1:
        raise InputError(f"{path}: a transcript file must hold one text, found {len(got)}")
    return got[0]


def transcript_entries(path: str, speaker: str | None = None) -> list[Recorded]:
    """The turns of a reference transcript (`SPEAKER: words` lines, or plain text spoken by `speaker`);
    a folder is read as one transcript per file."""
    from quotes.transcript import transcript_quotes

    if Path(path).is_dir():  # a folder of transcripts: every text file in it
        out: list[Recorded] = []
        for item in ingest.expand([path]):
            if isinstance(item, ingest.Problem):
                raise InputError(str(item))
            out += transcript_entries(item[0], speaker)
        return out
    if not Path(path).is_file():
        raise InputError(f"{path}: no such transcript file")
    article = read_one(path)
    return [Recorded(q, article.path, transcript=True) for q in transcript_quotes(article, speaker)]


def store_entries(path: str) -> Iterator[Recorded]:
    """Every quote in a quote store, transcripts marked as such."""
    from quotes.store import Store

    with Store(path, readonly=True) as store:
        for r in store.recorded():
            yield Recorded(r.quote, r.source or r.quote.article, bool(r.transcript))


def article_entries(pairs: Iterable[tuple[Article, list[Quote]]]) -> Iterator[Recorded]:
    for article, quotes in pairs:
        for q in quotes:
            yield Recorded(q, article.path)


def split_sources(against: Iterable[str]) -> tuple[list[str], list[str]]:
    """(stores, article paths) among the --against paths; a path that does not exist is an InputError."""
    stores, articles = [], []
    for a in against:
        p = Path(a)
        if not p.exists():
            raise InputError(f"{a}: no such store, file or folder to check against")
        if p.is_file() and is_store(p):
            stores.append(a)
        elif p.is_file() and p.suffix.lower() in STORE_SUFFIXES:
            raise InputError(f"{a}: not a quotes store (not an SQLite file)")
        else:
            articles.append(a)
    return stores, articles


Extract = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Quote]]]]


def build_record(against: Iterable[str] = (), transcripts: Iterable[str] = (), speaker: str | None = None,
                 extract: Extract | None = None, warnings: list[str] | None = None,
                 quote_files: Iterable[str] = ()) -> Record:
    """A record from stores, files/folders of earlier articles (extracted with `extract`), transcripts,
    and JSONL files of already extracted quotes (`quotes extract --format jsonl`).

    Unreadable articles in a folder and bad quote rows are noted in `warnings` and skipped; a missing
    store, transcript or path is an InputError.
    """
    from quotes.rows import read_quotes

    warnings = warnings if warnings is not None else []
    stores, article_paths = split_sources(against)
    entries: list[Recorded] = []
    for t in transcripts:
        entries += transcript_entries(t, speaker)
    for f in quote_files:
        entries += [Recorded(q, q.article) for q in read_quotes(f, warnings.append)]
    for s in stores:
        entries += store_entries(s)
    if article_paths:
        if extract is None:
            raise InputError("earlier articles need a spaCy pipeline to be read")
        entries += article_entries(extract(readable(article_paths, warnings)))
    return Record(entries)


def readable(paths: Iterable[str], warnings: list[str]) -> Iterator[Article]:
    """The articles named by `paths`; the ones that cannot be read go to `warnings`."""
    for item in ingest.read(paths):
        if isinstance(item, ingest.Problem):
            warnings.append(str(item))
        else:
            yield item
