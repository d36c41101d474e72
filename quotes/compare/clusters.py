"""`quotes compare` as a library call: quotes in, the utterances quoted more than once out.

`compare(quotes, articles)` indexes the quotes (`quotes.compare.align.QuoteIndex`), links each quote to the
renderings of the same utterance it finds there, joins the pieces of one utterance split by an
attribution (“X,” he said, “y.”), and groups the linked quotes into clusters. A quote that is a fragment of longer
ones is linked to the best of them only, so a short phrase cannot glue two different utterances together.
The pieces of one attribution are also looked up joined, and are one utterance when another article
quotes them the same way; a copy of an article under another name is its own article.

Each cluster gets a canonical wording (the fullest rendering, then the one most articles carry) and every
member is related to it (`quotes.compare.diff.relate`). Clusters come worst first: speaker conflicts, then
meaning-changing differences, then other edits, cuts, cosmetic differences, and verbatim agreement.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import numpy as np

from quotes.compare import occasions, speakers
from quotes.compare.align import QuoteIndex
from quotes.compare.diff import relate
from quotes.compare.rules import continues, identity, one_utterance, same_person
from quotes.forkmap import can_fork, fork_map
from quotes.model import Cluster, Comparison, Discrepancy, Quote, Variant, content_id

# how bad a difference is, mildest first: a report's --min-severity picks from these
SEVERITIES = ("none", "cosmetic", "cut", "edit", "meaning")
NOTHING_TO_COMPARE = "only one article was read: there is nothing to compare its quotes against"
_BY_RELATION = {"verbatim": "none", "cosmetic": "cosmetic", "trimmed": "cut", "fragment": "cut", "edited": "edit"}


class UnionFind:
    """Union-find over quote positions."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


PIECE_SCORE = 50.0  # an edited rendering scoring below this may be another piece of the utterance
PARALLEL_FROM = 50_000  # below this many quotes one process is quicker than starting workers


def _links(index: QuoteIndex, positions: Iterable[int], limit: int) -> list[tuple[int, int]]:
    """The links (pairs of positions) found by looking up the quotes at `positions`: every variant of
    similar length, and for a fragment the best of the longer quotes holding it."""
    out = []
    for i in positions:
        container = None
        for j, ev, rel in index.query(index.quotes[i], limit, position=i, pairwise=True):
            if ev.fragment == 0:
                out.append((i, j))
            elif ev.fragment == 1 and (container is None or (rel, ev.score) > container[0]):
                container = ((rel, ev.score), j)
        if container is not None:
            out.append((i, container[1]))
    return out


def _links_part(shared: tuple[QuoteIndex, int], part: int, parts: int) -> np.ndarray:
    index, limit = shared
    pairs = _links(index, range(part, len(index.quotes), parts), limit)
    return np.array(pairs, dtype=np.int32).reshape(-1, 2)


def _parallel(n: int, jobs: int | None) -> int:
    """How many processes to use for `n` quotes (1: stay in this one)."""
    jobs = jobs or os.cpu_count() or 1
    return jobs if jobs > 1 and n >= PARALLEL_FROM and can_fork() else 1


def _all_links(index: QuoteIndex, limit: int, jobs: int | None) -> Iterable[tuple[int, int]]:
    """Every link; on large inputs looked up by forked processes sharing the index."""
    n = len(index.quotes)
    jobs = _parallel(n, jobs)
    if jobs == 1:
        return _links(index, range(n), limit)
    arrays = fork_map(_links_part, (index, limit), jobs * 4, jobs)
    return (tuple(x) for a in arrays for x in a.tolist())


def _utterances(qs: list[Quote]) -> list[list[int]]:
    """The quotes of each attribution of two quotes or more (same article and utterance_id, such as
    “X,” she said. “Y.”), scare quotes aside: positions in reading order."""
    by_utterance: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(qs):
        if q.kind != "scare":
            by_utterance.setdefault((q.article_id, q.utterance_id), []).append(i)
    return [sorted(ps, key=lambda k: qs[k].start_char) for ps in by_utterance.values() if len(ps) > 1]


def _utterance_links(index: QuoteIndex, limit: int) -> list[tuple[int, int]]:
    """Links of a whole utterance quoted in pieces: the pieces of one attribution (same utterance_id)
    are looked up joined, so “X,” she said, “Y.” finds the article that quotes “X. Y.” in one piece
    (each piece alone may be too short to say so). Every piece is linked to what the whole matches."""
    qs = index.quotes
    out = []
    for mine in _utterances(qs):
        first, last = qs[mine[0]], qs[mine[-1]]
        whole = replace(first, text=" ".join(qs[k].text for k in mine), end_char=last.end_char,
                        kind="speech" if any(qs[k].kind == "speech" for k in mine) else first.kind,
                        quote_id=content_id("utterance", *(qs[k].quote_id for k in mine)))
        container = None
        for j, ev, rel in index.query(whole, limit):
            if (qs[j].article_id, qs[j].utterance_id) == (first.article_id, first.utterance_id):
                continue
            if ev.fragment == 0:
                out.extend((k, j) for k in mine)
            elif ev.fragment == 1 and (container is None or (rel, ev.score) > container[0]):
                container = ((rel, ev.score), j)
        if container is not None:
            out.extend((k, container[1]) for k in mine)
    return out


def _one_occasion(qs: list[Quote], groups: UnionFind) -> list[tuple[int, int]]:
    """Links between two utterances that two articles or more both quote one after the other under one
    attribution: the two outlets report one stretch of speech (an interview, a speech) in the same pieces.
    In one article only that is not enough: the extractor may join quotes of two occasions."""
    seen: dict[tuple[int, int], tuple[set[str], tuple[int, int]]] = {}
    for a, b in (pair for mine in _utterances(qs) for pair in pairwise(mine)):
        ra, rb = groups.find(a), groups.find(b)
        if ra != rb:
            arts, _ = seen.setdefault((min(ra, rb), max(ra, rb)), (set(), (a, b)))
            arts.add(qs[a].article_id)
    return [pair for arts, pair in seen.values() if len(arts) >= 2]


def link(index: QuoteIndex, limit: int = 12, jobs: int | None = None,
         same: Iterable[tuple[int, int]] = ()) -> list[list[int]]:
    """The groups (positions in the index, in order) of quotes that render the same utterance, singletons
    included. `jobs`: processes for the lookups on large inputs (default: one per core). `same`: pairs
    of positions known to be one rendering (the same place in two copies of one text)."""
    qs = index.quotes
    groups = UnionFind(len(qs))
    last: dict[tuple[str, str], int] = {}
    for i in sorted(range(len(qs)), key=lambda k: (qs[k].article_id, qs[k].start_char)):
        q = qs[i]
        before = last.get((q.article_id, q.utterance_id))
        if before is not None and continues(qs[before], q):
            groups.union(before, i)
        last[(q.article_id, q.utterance_id)] = i
    for i, j in _all_links(index, limit, jobs):
        groups.union(i, j)
    for i, j in same:
        groups.union(i, j)
    for i, j in _utterance_links(index, limit):
        groups.union(i, j)
    for i, j in _one_occasion(qs, groups):
        groups.union(i, j)
    out: dict[int, list[int]] = {}
    for i in range(len(qs)):
        out.setdefault(groups.find(i), []).append(i)
    return list(out.values())


def _identities(names: Iterable[str]) -> list[list[str]]:
    """Speaker names grouped into people (`speakers.same_person`), most mentioned first."""
    people: list[list[str]] = []
    for n, count in Counter(names).items():
        for p in people:
            if same_person(p[0], n):
                p.extend([n] * count)
                break
        else:
            people.append([n] * count)
    return sorted(people, key=len, reverse=True)


def _display(names: list[str]) -> str:
    counts = Counter(names)
    return max(counts, key=lambda n: (len(speakers.name_words(n)), counts[n], -len(n)))


def _canonical(members: list[Quote], norms: list[str], people: list[list[str]]) -> int:
    """The fullest rendering; among renderings about as full, the one most articles carry.

    `norms` are the members' word-key sequences (equal for renderings that differ only cosmetically)."""
    lengths = [len(n) for n in norms]
    longest = max(lengths)
    majority = set(people[0]) if people else set()
    support = Counter()
    seen = set()
    for q, n in zip(members, norms, strict=True):
        if (q.article_id, n) not in seen:
            seen.add((q.article_id, n))
            support[n] += 1

    def rank(k: int) -> tuple:
        q = members[k]
        by_majority = not majority or identity(q) in majority
        return (lengths[k] >= 0.9 * longest, q.kind != "scare", by_majority, support[norms[k]], lengths[k], -k)

    return max(range(len(members)), key=rank)


def variant_severity(v: Variant) -> str:
    """One of SEVERITIES: `meaning` for a meaning-changing difference or a speaker conflict, `edit` for
    other omitted/added/substituted words, `cut` for a trimmed rendering or a fragment, `cosmetic`, `none`."""
    if v.changes_meaning or any(d.type == "speaker_conflict" for d in v.discrepancies):
        return "meaning"
    return _BY_RELATION[v.relation]


def severity(c: Cluster) -> str:
    """The worst severity among a cluster's members (a speaker conflict is `meaning`)."""
    if c.speaker_conflict:
        return "meaning"
    return max((variant_severity(v) for v in c.members), key=SEVERITIES.index)


def cluster(positions: list[int], index: QuoteIndex) -> Cluster:
    """One cluster from the positions of its quotes in the index: canonical wording, members related to it."""
    members = [index.quotes[i] for i in positions]
    people = _identities(name for name in map(identity, members) if name)
    k = _canonical(members, [index.seqs[i] for i in positions], people)
    canon = members[k]
    pieces = [q for q in members if q is canon or one_utterance(canon, q)]
    variants = [Variant(canon, "verbatim", (), 100.0)]
    for q in members:
        if q is canon:
            continue
        v = relate(canon, q)
        if len(pieces) > 1 and v.relation == "edited" and q not in pieces:
            # a rendering of another piece of the canonical utterance: relate it to that piece
            v = max((relate(p, q) for p in pieces), key=lambda x: x.score)
        variants.append(v)
    _other_pieces(variants, canon)
    order = {q.quote_id: n for n, q in enumerate(members)}
    variants[1:] = sorted(variants[1:], key=lambda v: order[v.quote.quote_id])
    # the cluster's speaker: the canonical quote's (else the most named); then every other person a
    # member's speaker conflict names
    main = next((p for p in people if identity(canon) in p), people[0] if people else None)
    others = _identities(v.quote.speaker.name for v in variants if v.quote.speaker and v.quote.speaker.name
                         and any(d.type == "speaker_conflict" for d in v.discrepancies))
    speakers = ([_display(main)] if main else []) + [_display(p) for p in others]
    return Cluster(
        id=content_id(*sorted(q.quote_id for q in members)),
        canonical=canon,
        members=tuple(variants),
        speaker=speakers[0] if speakers else None,
        speakers=tuple(speakers),
    )


def _other_pieces(variants: list[Variant], canon: Quote) -> None:
    """A member that renders none of the canonical article's pieces (an edit of low score) but shares an
    attribution with a member that does is another piece of the utterance: a `fragment`, not a rewrite."""
    rendered = {(v.quote.article_id, v.quote.utterance_id) for v in variants
                if v.relation != "edited" and v.quote.article_id != canon.article_id}
    for n, v in enumerate(variants):
        q = v.quote
        if v.relation == "edited" and v.score < PIECE_SCORE and (q.article_id, q.utterance_id) in rendered:
            variants[n] = Variant(q, "fragment", tuple(d for d in v.discrepancies if d.type == "speaker_conflict"),
                                  0.0)


def _clusters_part(shared: tuple[QuoteIndex, list[list[int]]], part: int, parts: int) -> list[tuple]:
    """The clusters of every `parts`-th group, as plain tuples (cheap to send back from a worker)."""
    index, groups = shared
    out = []
    for g in groups[part::parts]:
        c = cluster(g, index)
        pos = {index.quotes[i].quote_id: i for i in g}
        out.append((c.id, pos[c.canonical.quote_id], c.speaker, c.speakers, [
            (pos[v.quote.quote_id], v.relation, v.score,
             [(d.type, d.canonical_text, d.variant_text, d.canonical_start, d.canonical_end, d.variant_start,
               d.variant_end, d.flags) for d in v.discrepancies]) for v in c.members]))
    return out


def _unpack(packed: tuple, quotes: list[Quote]) -> Cluster:
    cid, canonical, speaker, speakers_, members = packed
    return Cluster(cid, quotes[canonical], tuple(
        Variant(quotes[p], relation, tuple(Discrepancy(*d) for d in ds), score) for p, relation, score, ds in members),
        speaker, speakers_)


@lru_cache(maxsize=1 << 14)
def _name(article: str) -> str:
    """An article's name as a path to compare with another (the same file named two ways is one)."""
    return os.path.normpath(os.path.abspath(article)) if article not in ("", "-") else article


def distinct(quotes: Iterable[Quote]) -> tuple[list[Quote], list[tuple[str, str]]]:
    """The quotes to compare, and the pairs of quote_ids that are one rendering in two copies of a text.

    A quote read twice (same article, same quote_id) counts once; the same text read under two names (a
    reprint, or one story filed again on another day) is two articles, so the copy's quotes get ids of
    their own (the content id of the first copy's id and the copy's name)."""
    first: dict[str, str] = {}  # article_id -> the (normalised) name it was first read under
    out: dict[str, Quote] = {}
    copies = []
    for q in quotes:
        name = _name(q.article)
        if first.setdefault(q.article_id, name) != name:
            original = q.quote_id
            q = replace(q, article_id=content_id(q.article_id, name), quote_id="",
                        utterance_id=content_id(q.utterance_id, name))
            if q.kind != "scare":
                copies.append((original, q.quote_id))
        out[q.quote_id] = q
    return list(out.values()), copies


def compare(quotes: Iterable[Quote], articles: Sequence[str] = (), jobs: int | None = None,
            dates: Mapping[str, str] | None = None) -> Comparison:
    """Align the quotes: every utterance quoted more than once, with its renderings typed against each other.

    `quotes` is any iterable of `Quote` (from one or many articles, of any kind); `articles` names the
    articles read, in order (those without quotes included); when empty it is taken from the quotes.
    Returns a `Comparison` whose clusters (two members or more) come worst first. The same quote given
    twice (an article read twice) counts once; a copy of an article under another name is compared as
    its own article (see `distinct`). `jobs`: processes for large inputs (default:
    one per core; the result does not depend on it). `dates`: article name -> the date it appeared (ISO),
    for articles whose name does not hold one (see `occasions`)."""
    qs, copies = distinct(quotes)
    index = QuoteIndex(qs, days=occasions.days({q.article for q in qs} | set(articles), dates))
    at = {q.quote_id: n for n, q in enumerate(qs)}
    same = [(at[a], at[b]) for a, b in copies if a in at and b in at]
    groups = [g for g in link(index, jobs=jobs, same=same) if len(g) > 1]
    n_jobs = _parallel(len(qs), jobs)
    if n_jobs == 1:
        clusters = [cluster(g, index) for g in groups]
    else:
        clusters = [_unpack(c, qs) for part in fork_map(_clusters_part, (index, groups), n_jobs * 4, n_jobs)
                    for c in part]
    position = {q.quote_id: n for n, q in enumerate(qs)}
    clusters.sort(key=lambda c: (-SEVERITIES.index(severity(c)), not c.speaker_conflict, -len(c.articles),
                                 -len(c.members), min(position[v.quote.quote_id] for v in c.members)))
    names = tuple(articles) or tuple(dict.fromkeys(q.article for q in qs))
    return Comparison(articles=names, quotes=tuple(qs), clusters=tuple(clusters))


def summary(comparison: Comparison) -> dict[str, int]:
    """Counts for a report: articles read, quotes found, utterances quoted more than once (clusters) and in
    more than one article, and how many clusters have each worst severity, and speaker conflicts."""
    worst = Counter(severity(c) for c in comparison.clusters)
    out = {
        "articles": len(comparison.articles),
        "quotes": len(comparison.quotes),
        "clusters": len(comparison.clusters),
        "multi_article": sum(1 for c in comparison.clusters if len(c.articles) > 1),
    }
    out.update({f"severity_{s}": worst[s] for s in SEVERITIES})
    out["speaker_conflicts"] = sum(1 for c in comparison.clusters if c.speaker_conflict)
    return out


def select(comparison: Comparison, speaker: str | None = None, only_discrepancies: bool = False,
           min_severity: str | None = None) -> Comparison:
    """The same comparison with only the clusters asked for: by a speaker (any name of the same person),
    with some difference (`only_discrepancies`: not all verbatim), or at least as bad as `min_severity`."""
    floor = SEVERITIES.index(min_severity) if min_severity else 0
    if only_discrepancies:
        floor = max(floor, 1)

    def keep(c: Cluster) -> bool:
        if speaker and not any(speakers.same_person(speaker, s) for s in c.speakers):
            return False
        return SEVERITIES.index(severity(c)) >= floor

    return Comparison(comparison.articles, comparison.quotes, tuple(c for c in comparison.clusters if keep(c)))
