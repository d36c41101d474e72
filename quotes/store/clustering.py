"""Utterance clusters: the stored quotes of one speaker that render the same utterance.

When a quote is stored it joins, provisionally, the cluster of the quotes with the same normalised words.
After a batch of adds, each speaker who received quotes is re-clustered with the alignment of `quotes
compare` (`quotes.compare.link` over a `quotes.compare.align.QuoteIndex`): variant wordings, trimmed renderings
and fragments of one utterance share a cluster. When the new quotes are a small part of the speaker's
quotes, only they and the stored quotes the index offers as their candidates are linked, and the groups
found join the clusters already stored; otherwise (and after a merge or split) the speaker's quotes are
linked afresh. Each speaker is re-clustered in its own transaction, so an interrupted pass leaves every
cluster consistent.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from quotes.compare import UnionFind, link
from quotes.compare.align import QuoteIndex
from quotes.model import Quote, content_id
from quotes.store.core import Store
from quotes.store.results import Recorded

INCREMENTAL_SHARE = 0.25  # link only the new quotes and their candidates when they are at most this share


def recluster(store: Store, speakers: Mapping[int, Collection[str] | None]) -> int:
    """Re-cluster each speaker (id -> the quote ids new since the last pass, or None: all afresh).
    Returns the number of clusters those speakers now have."""
    total = 0
    for sid in sorted(speakers):
        with store.transaction():
            recs = list(store.rows("WHERE q.speaker_id = ? AND q.kind != 'scare'", [sid],
                                   "ORDER BY a.rowid, q.start_char"))
            if recs:
                total += _write(store, sid, recs, _groups(recs, speakers[sid]))
    return total


def _groups(recs: Sequence[Recorded], new: Collection[str] | None) -> list[list[int]]:
    # one identity: align under its one name, so names the store has merged do not keep quotes apart
    quotes = [_as_said_by(r.quote, r.speaker) for r in recs]
    index = QuoteIndex(quotes)
    fresh = [i for i, q in enumerate(quotes) if new is not None and q.quote_id in new]
    if new is None or len(fresh) > INCREMENTAL_SHARE * len(quotes):
        return link(index)
    uf = UnionFind(len(recs))
    first: dict[str, int] = {}
    for i, r in enumerate(recs):  # the clusters stored so far (and the provisional same-words ones)
        uf.union(first.setdefault(r.utterance or r.quote.quote_id, i), i)
    position = {q.quote_id: i for i, q in enumerate(quotes)}
    subset = sorted({i for n in fresh for i in [n] + [position[c.quote_id] for c, _ in index.candidates(quotes[n])]})
    for g in link(QuoteIndex([quotes[i] for i in subset])):
        for k in g[1:]:
            uf.union(subset[g[0]], subset[k])
    out: dict[int, list[int]] = {}
    for i in range(len(recs)):
        out.setdefault(uf.find(i), []).append(i)
    return list(out.values())


def _write(store: Store, sid: int, recs: Sequence[Recorded], groups: list[list[int]]) -> int:
    """Store the clusters: quotes whose cluster changed, the clusters' rows, and no cluster left empty."""
    old = {r.utterance for r in recs}
    new = {}
    moved = []
    for g in groups:
        members = [recs[i] for i in g]
        canon = max(members, key=lambda r: (r.transcript, len(r.quote.text)))
        cid = content_id("utterance", sid, min(r.quote.quote_id for r in members))
        new[cid] = (canon.quote.text, canon.quote.quote_id, len(members))
        moved += [(cid, r.quote.quote_id) for r in members if r.utterance != cid]
    store.db.conn.executemany("UPDATE quotes SET cluster_id = ? WHERE id = ?", moved)
    store.db.conn.executemany(
        "INSERT INTO clusters (id, text, quote_id, quotes) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "text = excluded.text, quote_id = excluded.quote_id, quotes = excluded.quotes",
        [(cid, *row) for cid, row in new.items()])
    stale = sorted(old - set(new) - {None})
    for i in range(0, len(stale), 500):
        part = stale[i:i + 500]
        marks = ",".join("?" * len(part))
        store.db.execute("UPDATE clusters SET quotes = (SELECT COUNT(*) FROM quotes WHERE cluster_id = clusters.id) "
                         f"WHERE id IN ({marks})", part)
        store.db.execute(f"DELETE FROM clusters WHERE quotes = 0 AND id IN ({marks})", part)
    return len(new)


def _as_said_by(q: Quote, name: str | None) -> Quote:
    return replace(q, speaker=replace(q.speaker, name=name)) if q.speaker and name else q
