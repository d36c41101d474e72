"""Grouping stored quotes into utterances for a lookup: by their stored utterance cluster.

The clusters are the store's (`quotes.store.clustering`: the alignment of `quotes compare` — variants,
trimmed renderings and fragments of one utterance); a quote without one is grouped by its normalised words.
Within an utterance the wordings are the distinct texts as written; the transcript's wording comes first,
else the longest, else the most quoted.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quotes.store.results import Recorded, Utterance, Wording
from quotes.store.schema import cluster_id, norm

PIECE_JOIN = " … "


def _order(wording: Wording) -> tuple:
    return (not wording.transcript, -len(wording.text), -len(wording.quotes), wording.text)


def _first(r: Recorded) -> tuple:
    return (r.date or "", r.source, r.quote.start_char)


def group(recorded: Iterable[Recorded]) -> list[Utterance]:
    """Utterances of the given quotes, in order of their first quote."""
    groups: dict[str, list[Recorded]] = defaultdict(list)
    for r in recorded:
        groups[r.utterance or cluster_id(norm(r.quote.text))].append(r)
    out = []
    for uid, rs in groups.items():
        pieces: dict[tuple[str, str, str], list[Recorded]] = defaultdict(list)
        for r in rs:  # the pieces of one utterance split by "he said" make one wording
            pieces[(r.source, r.quote.article_id, r.quote.utterance_id)].append(r)
        texts: dict[str, list[Recorded]] = defaultdict(list)
        for ps in pieces.values():
            ps.sort(key=lambda r: r.quote.start_char)
            texts[PIECE_JOIN.join(r.quote.text.strip() for r in ps)].extend(ps)
        wordings = sorted((Wording(t, tuple(q)) for t, q in texts.items()), key=_order)
        speakers = [r.speaker for r in rs if r.speaker]
        out.append((min(_first(r) for r in rs), Utterance(
            id=uid, speaker=max(set(speakers), key=speakers.count) if speakers else None, wordings=tuple(wordings))))
    return [u for _, u in sorted(out, key=lambda p: p[0])]
