"""Grouping stored quotes into utterances: the same words (after normalisation), and fragments of them.

Quotes sharing a normalised wording share a cluster already in the store. A cluster whose words occur,
whole and in order, inside a longer cluster's words is a fragment of that utterance and joins it
("fond memories" inside "I still have fond memories of him"); a fragment needs two words or more. Within an utterance the wordings are the
distinct texts as written; the transcript's wording comes first, else the longest, else the most quoted.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from quotes.store.results import Recorded, Utterance, Wording
from quotes.store.schema import cluster_id, norm


MIN_FRAGMENT_WORDS = 2  # a single quoted word ("smart") is found inside too many quotes to say which


def _parent(keys: Sequence[str]) -> dict[str, str]:
    """For each normalised wording, the longest other wording that contains it as a run of words.

    Only the longer wordings holding the fragment's two rarest words are tried, so this stays near-linear."""
    by_len = sorted(keys, key=lambda k: (-len(k), k))
    padded = [f" {k} " for k in by_len]
    words = [set(k.split()) for k in by_len]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            postings[w].append(i)
    parent: dict[str, str] = {}
    for i, ws in enumerate(words):
        if len(ws) < MIN_FRAGMENT_WORDS:
            continue
        a, b = sorted(ws, key=lambda w: len(postings[w]))[:2]
        if len(postings[a]) == 1:
            continue  # its rarest word is in no other wording
        others = set(postings[b])
        for j in postings[a]:
            if j >= i:
                break
            if j in others and len(by_len[j]) > len(by_len[i]) and padded[i] in padded[j]:
                parent[by_len[i]] = parent.get(by_len[j], by_len[j])
                break
    return parent


def _order(wording: Wording) -> tuple:
    return (not wording.transcript, -len(wording.text), -len(wording.quotes), wording.text)


def group(recorded: Iterable[Recorded]) -> list[Utterance]:
    """Utterances of the given quotes, in order of their first quote."""
    by_norm: dict[str, list[Recorded]] = defaultdict(list)
    for r in recorded:
        by_norm[norm(r.quote.text)].append(r)
    parent = _parent([k for k in by_norm if k])
    roots: dict[str, list[Recorded]] = defaultdict(list)
    for k, rs in by_norm.items():
        roots[parent.get(k, k)].extend(rs)
    out = []
    for root, rs in roots.items():
        texts: dict[str, list[Recorded]] = defaultdict(list)
        for r in rs:
            texts[r.quote.text.strip()].append(r)
        wordings = sorted((Wording(t, tuple(q)) for t, q in texts.items()), key=_order)
        speakers = [r.speaker for r in rs if r.speaker]
        out.append((min(_first(r) for r in rs), Utterance(
            id=cluster_id(root), speaker=max(set(speakers), key=speakers.count) if speakers else None,
            wordings=tuple(wordings))))
    return [u for _, u in sorted(out, key=lambda p: p[0])]


def _first(r: Recorded) -> tuple:
    return (r.date or "", r.source, r.quote.start_char)
