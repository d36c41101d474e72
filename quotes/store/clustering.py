"""Utterance clusters: the stored quotes of one speaker that render the same utterance.

When a quote is stored it joins, provisionally, the cluster of the quotes with the same normalised words.
After a batch of adds, each speaker who received quotes (and each speaker whose quotes are still in their
provisional clusters: a pass that was killed) is re-clustered afresh with the alignment of `quotes
compare` (`quotes.compare.link` over a `quotes.compare.align.QuoteIndex`): variant wordings, trimmed
renderings and fragments of one utterance share a cluster, and so do quotes with the same normalised words
(a one-word quote the alignment leaves alone). The quotes are linked in the order of their ids (content
hashes), never in the order they were added, so the clusters depend only on which quotes are stored: the
same articles added in one run, in several, or again after a killed run give the same utterances. Each
speaker is re-clustered in its own transaction, so an interrupted pass leaves every cluster consistent,
and the next pass (the next `quotes add`) finishes it.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from quotes.compare import UnionFind, link
from quotes.compare.align import QuoteIndex
from quotes.model import Quote, content_id
from quotes.store.core import Store
from quotes.store.results import Recorded
from quotes.store.schema import cluster_id, norm


def recluster(store: Store, speakers: Collection[int]) -> int:
    """Re-cluster each of these speakers (ids) afresh. Returns the number of clusters they now have."""
    total = 0
    for sid in sorted(speakers):
        with store.transaction():
            recs = list(store.rows("WHERE q.speaker_id = ? AND q.kind != 'scare'", [sid], "ORDER BY q.id"))
            if recs:
                total += _write(store, sid, recs, _groups(recs))
    return total


def pending(store: Store) -> set[int]:
    """Speakers with quotes still in their provisional same-words cluster: added, not yet re-clustered."""
    store.db.conn.create_function("provisional_cluster", 1, cluster_id, deterministic=True)
    rows = store.db.execute("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL AND kind != 'scare' "
                            "AND cluster_id = provisional_cluster(norm)").fetchall()
    return {r[0] for r in rows}


def _groups(recs: Sequence[Recorded]) -> list[list[int]]:
    """The utterances of one speaker's quotes (`recs`, in the order of their ids): positions in `recs`."""
    # one identity: align under its one name, so names the store has merged do not keep quotes apart
    quotes = [_as_said_by(r.quote, r.speaker) for r in recs]
    uf = UnionFind(len(recs))
    for g in link(QuoteIndex(quotes)):
        for k in g[1:]:
            uf.union(g[0], k)
    same: dict[str, int] = {}
    for i, q in enumerate(quotes):  # the same words are the same utterance, however short
        uf.union(same.setdefault(norm(q.text), i), i)
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
