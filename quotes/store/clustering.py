"""Utterance clusters: the stored quotes of one speaker that render the same utterance.

When a quote is stored it joins the cluster of the quotes with the same normalised words (provisional).
After a batch of adds, each speaker whose quotes changed is re-clustered with the alignment of `quotes
compare` (`quotes.compare.link` over a `quotes.align.QuoteIndex` of that speaker's quotes): variant
wordings, trimmed renderings and fragments of one utterance share a cluster. Each speaker is re-clustered
in its own transaction, so an interrupted pass leaves every cluster consistent.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from quotes.align import QuoteIndex
from quotes.compare import link
from quotes.model import Quote, content_id
from quotes.store.core import Store


def recluster(store: Store, speaker_ids: Iterable[int]) -> int:
    """Re-cluster the quotes of each speaker; returns the number of clusters they now form."""
    total = 0
    for sid in sorted(set(speaker_ids)):
        with store.transaction():
            recs = list(store.rows("WHERE q.speaker_id = ? AND q.kind != 'scare'", [sid], "ORDER BY a.rowid, q.start_char"))
            if not recs:
                continue
            # one identity: align under its one name, so names the store has merged do not keep quotes apart
            groups = link(QuoteIndex([_as_said_by(r.quote, r.speaker) for r in recs]))
            old = {r.utterance for r in recs}
            new = {}
            for g in groups:
                members = [recs[i] for i in g]
                canon = max(members, key=lambda r: (r.transcript, len(r.quote.text)))
                cid = content_id("utterance", sid, min(r.quote.quote_id for r in members))
                new[cid] = (canon.quote.text, canon.quote.quote_id, len(members))
                store.db.conn.executemany("UPDATE quotes SET cluster_id = ? WHERE id = ?",
                                          [(cid, r.quote.quote_id) for r in members])
            for cid, (text, qid, n) in new.items():
                store.db.execute("INSERT INTO clusters (id, text, quote_id, quotes) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT(id) DO UPDATE SET text = excluded.text, quote_id = excluded.quote_id, "
                                 "quotes = excluded.quotes", (cid, text, qid, n))
            stale = sorted(old - set(new))
            for i in range(0, len(stale), 500):
                part = stale[i:i + 500]
                marks = ",".join("?" * len(part))
                store.db.execute(f"UPDATE clusters SET quotes = (SELECT COUNT(*) FROM quotes WHERE cluster_id = clusters.id) "
                                 f"WHERE id IN ({marks})", part)
                store.db.execute(f"DELETE FROM clusters WHERE quotes = 0 AND id IN ({marks})", part)
            total += len(new)
    return total


def _as_said_by(q: Quote, name: str | None) -> Quote:
    return replace(q, speaker=replace(q.speaker, name=name)) if q.speaker and name else q
