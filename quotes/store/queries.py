"""Reading the store: lookup by speaker, full-text search, the speakers; and correcting identities.

Plain functions over an open `Store`, returning the values of `quotes.store.results`.
"""
from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence

from quotes.compare.speakers import closest, key
from quotes.errors import StoreError
from quotes.store import grouping, identity, schema
from quotes.store.clustering import recluster
from quotes.store.core import Store
from quotes.store.results import Hit, Lookup, SpeakerInfo

OPEN, CLOSE = "\x01", "\x02"  # match markers FTS5 puts around matched words (removed from the text)


class UnknownSpeaker(StoreError):
    """A name that matches no speaker in the store; `suggestions` are the closest stored names."""

    def __init__(self, name: str, suggestions: Sequence[str]):
        self.name, self.suggestions = name, tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no speaker named {name!r} in the store{hint}")


class AmbiguousSpeaker(StoreError):
    def __init__(self, name: str, matches: Sequence[str]):
        super().__init__(f"{name!r} names several speakers ({'; '.join(matches)}): give a fuller name")


def parse_date(value: str | None) -> str | None:
    """A --since value as an ISO date (YYYY-MM-DD, or a full ISO timestamp)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise StoreError(f"--since {value!r}: not a date (use YYYY-MM-DD)") from None


def speaker_ids(store: Store, name: str) -> list[int]:
    """The identities a name denotes; UnknownSpeaker (with suggestions) when it denotes none."""
    sids = identity.candidates(store.db, name)
    if not sids:
        names = [r[0] for r in store.db.execute("SELECT name FROM speaker_aliases ORDER BY uses DESC")]
        raise UnknownSpeaker(name, closest(name, names))
    return sids


def lookup(store: Store, name: str, since: str | None = None, limit: int | None = None, offset: int = 0) -> Lookup:
    """Every stored quote of the identity `name` denotes (or of each, when it denotes several people),
    grouped into utterances; `since` keeps articles dated (else added) on or after that date; `limit` keeps
    the utterances most recently quoted, after skipping the `offset` most recent ones (the rest are counted
    in `Lookup.omitted`). Scare quotes (a term in quote marks that reports nobody's speech) are left out."""
    sids = speaker_ids(store, name)
    since = parse_date(since)
    marks = ",".join("?" * len(sids))
    who = f"q.speaker_id IN ({marks})"
    filters, args = [who, "q.kind != 'scare'"], list(sids)
    if since:
        filters.append("COALESCE(a.date, a.added) >= ?")
        args.append(since)
    omitted = 0
    if limit is not None or offset:
        newest: dict[str, str] = {}  # utterance cluster -> the date of its latest article (read from indexes only)
        for cid, when in store.db.execute(
                f"SELECT q.cluster_id, COALESCE(a.date, a.added) FROM quotes q JOIN articles a INDEXED BY "
                f"{schema.ARTICLE_DATES} ON a.id = q.article_id WHERE {' AND '.join(filters)}", args):
            newest[cid] = max(newest.get(cid, when), when)
        ranked = heapq.nlargest(len(newest) if limit is None else offset + limit, newest, key=lambda c: (newest[c], c))
        keep = ranked[offset:]
        omitted = len(newest) - len(keep)
        # the kept clusters' quotes, found through the cluster index ("+" keeps SQLite off the speaker index)
        filters = [f"q.cluster_id IN ({','.join('?' * len(keep)) or 'NULL'})", "+" + who, *filters[1:]]
        args = keep + args
    where = "WHERE " + " AND ".join(filters)
    recorded = list(store.rows(where, args, "ORDER BY COALESCE(a.date, a.added), a.rowid, q.start_char"))
    names = tuple(r[0] for r in store.db.execute(f"SELECT name FROM speakers WHERE id IN ({marks}) ORDER BY id", sids))
    return Lookup(query=name, speakers=names, utterances=tuple(grouping.group(recorded)), omitted=omitted,
                  offset=offset)


def fts_query(words: str) -> str:
    """The user's words as an FTS5 query: every word must occur (each quoted, so no FTS syntax applies)."""
    terms = [t.replace('"', '""') for t in words.split()]
    return " ".join(f'"{t}"' for t in terms if t.strip('"'))


def search(store: Store, words: str, limit: int = 50) -> list[Hit]:
    """Quotes containing every word (stemmed: "memory" finds "memories"), best match first."""
    query = fts_query(words)
    if not query:
        raise StoreError("search: give at least one word")
    rows = store.db.execute(
        "SELECT quotes_fts.rowid, highlight(quotes_fts, 0, ?, ?), quotes_fts.rank FROM quotes_fts "
        "WHERE quotes_fts MATCH ? ORDER BY quotes_fts.rank LIMIT ?", (OPEN, CLOSE, query, limit)).fetchall()
    if not rows:
        return []
    marks = ",".join("?" * len(rows))
    by_rowid = {r.quote.quote_id: r for r in store.rows(
        f"WHERE q.rowid IN ({marks})", [r[0] for r in rows])}
    ids = dict(store.db.execute(f"SELECT rowid, id FROM quotes WHERE rowid IN ({marks})", [r[0] for r in rows]))
    return [Hit(recorded=by_rowid[ids[rowid]], rank=rank, matches=_spans(marked)) for rowid, marked, rank in rows]


def _spans(marked: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the marked words in the unmarked text; words matched side by side make one span."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    start = None
    for ch in marked:
        if ch == OPEN:
            start = len(plain)
        elif ch == CLOSE:
            if start is not None:
                if spans and not "".join(plain[spans[-1][1]:start]).strip():
                    start = spans.pop()[0]
                spans.append((start, len(plain)))
            start = None
        else:
            plain.append(ch)
    return tuple(spans)


def speakers(store: Store) -> list[SpeakerInfo]:
    """Everyone in the store, most quoted first."""
    rows = store.db.execute(
        "SELECT s.id, s.name, COUNT(q.id), COUNT(DISTINCT q.article_id) FROM speakers s "
        "LEFT JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id ORDER BY COUNT(q.id) DESC, s.name").fetchall()
    aliases: dict[int, list[str]] = {}
    for sid, name in store.db.execute("SELECT speaker_id, name FROM speaker_aliases ORDER BY uses DESC, name"):
        aliases.setdefault(sid, []).append(name)
    sources: dict[int, list[str]] = {}
    for sid, path in store.db.execute("SELECT DISTINCT q.speaker_id, a.path FROM quotes q JOIN articles a "
                                      "ON a.id = q.article_id WHERE q.speaker_id IS NOT NULL ORDER BY a.rowid"):
        sources.setdefault(sid, []).append(path)
    return [SpeakerInfo(id=sid, name=name, aliases=tuple(aliases.get(sid, ())), quotes=n, articles=a,
                        sources=tuple(dict.fromkeys(sources.get(sid, ())))) for sid, name, n, a in rows]


def _one(store: Store, name: str) -> int:
    sids = speaker_ids(store, name)
    if len(sids) > 1:
        names = [r[0] for r in store.db.execute(
            f"SELECT name FROM speakers WHERE id IN ({','.join('?' * len(sids))})", sids)]
        raise AmbiguousSpeaker(name, names)
    return sids[0]


def merge(store: Store, into: str, others: Sequence[str]) -> SpeakerInfo:
    """Make the speakers `others` name one identity with the speaker `into` names: their names and quotes
    move to it, and later quotes under any of those names join it too."""
    with store.transaction():
        target = _one(store, into)
        for name in others:
            sid = _one(store, name)
            if sid == target:
                continue
            store.db.execute("UPDATE speaker_aliases SET speaker_id = ?, manual = 1 WHERE speaker_id = ?", (target, sid))
            store.db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (target, sid))
            store.db.execute("DELETE FROM speakers WHERE id = ?", (sid,))
        identity.rename(store.db, target)
    recluster(store, {target: None})
    return next(s for s in speakers(store) if s.id == target)


def split(store: Store, names: Sequence[str]) -> SpeakerInfo:
    """Take the names given (each exactly as a stored name, titles and case aside) out of their identity
    into a new one of their own, with the quotes attributed under those names; later quotes under those
    names go to the new identity."""
    keys = list(dict.fromkeys(key(n) for n in names))
    with store.transaction():
        found = dict(store.db.execute(
            f"SELECT alias, speaker_id FROM speaker_aliases WHERE alias IN ({','.join('?' * len(keys))})", keys))
        missing = [n for n in names if key(n) not in found]
        if missing:
            stored = [r[0] for r in store.db.execute("SELECT name FROM speaker_aliases")]
            raise UnknownSpeaker(missing[0], closest(missing[0], stored))
        new = store.db["speakers"].insert({"name": names[0]}).last_pk
        olds = set(found.values())
        for k in keys:
            store.db.execute("UPDATE speaker_aliases SET speaker_id = ?, manual = 1 WHERE alias = ?", (new, k))
            store.db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_key = ?", (new, k))
        for sid in olds | {new}:
            if store.db.execute("SELECT 1 FROM speaker_aliases WHERE speaker_id = ?", (sid,)).fetchone():
                identity.rename(store.db, sid)
            else:
                store.db.execute("DELETE FROM speakers WHERE id = ?", (sid,))
    recluster(store, dict.fromkeys(olds | {new}))
    return next(s for s in speakers(store) if s.id == new)
