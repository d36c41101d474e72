"""`quotes compare` as a library call: quotes in, the utterances quoted more than once out.

`compare(quotes, articles)` indexes the quotes (`quotes.align.QuoteIndex`), links each quote to the
renderings of the same utterance it finds there, joins the pieces of one utterance split by an
attribution (“X,” he said, “y.”), and groups the linked quotes into clusters. A quote that is a fragment of longer
ones is linked to the best of them only, so a short phrase cannot glue two different utterances together.

Each cluster gets a canonical wording (the fullest rendering, then the one most articles carry) and every
member is related to it (`quotes.diff.relate`). Clusters come worst first: speaker conflicts, then
meaning-changing differences, then other edits, cuts, cosmetic differences, and verbatim agreement.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from quotes import speakers
from quotes.align import QuoteIndex, continues, same_person
from quotes.diff import relate
from quotes.model import Cluster, Comparison, Quote, Variant, content_id

# how bad a difference is, mildest first: a report's --min-severity picks from these
SEVERITIES = ("none", "cosmetic", "cut", "edit", "meaning")
NOTHING_TO_COMPARE = "only one article was read: there is nothing to compare its quotes against"
_BY_RELATION = {"verbatim": "none", "cosmetic": "cosmetic", "trimmed": "cut", "fragment": "cut", "edited": "edit"}


class _Groups:
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


def link(index: QuoteIndex, limit: int = 12) -> list[list[int]]:
    """The groups (positions in the index, in order) of quotes that render the same utterance, singletons
    included."""
    qs = index.quotes
    groups = _Groups(len(qs))
    last: dict[tuple[str, str], int] = {}
    for i in sorted(range(len(qs)), key=lambda k: (qs[k].article_id, qs[k].start_char)):
        q = qs[i]
        before = last.get((q.article_id, q.utterance_id))
        if before is not None and continues(qs[before], q):
            groups.union(before, i)
        last[(q.article_id, q.utterance_id)] = i
    for i, q in enumerate(qs):
        container = None
        for j, ev, rel in index.query(q, limit, position=i, pairwise=True):
            if ev.fragment == 0:
                groups.union(i, j)
            elif ev.fragment == 1 and (container is None or (rel, ev.score) > container[0]):
                container = ((rel, ev.score), j)
        if container is not None:
            groups.union(i, container[1])
    out: dict[int, list[int]] = {}
    for i in range(len(qs)):
        out.setdefault(groups.find(i), []).append(i)
    return list(out.values())


def _identities(names: Iterable[str]) -> list[list[str]]:
    """Speaker names grouped into people (`speakers.same_person`), most mentioned first."""
    people: list[list[str]] = []
    for n in names:
        for p in people:
            if same_person(p[0], n):
                p.append(n)
                break
        else:
            people.append([n])
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
    for q, n in zip(members, norms):
        if (q.article_id, n) not in seen:
            seen.add((q.article_id, n))
            support[n] += 1

    def rank(k: int) -> tuple:
        q = members[k]
        by_majority = not majority or (q.speaker is not None and q.speaker.name in majority)
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
    people = _identities(q.speaker.name for q in members if q.speaker and q.speaker.name)
    k = _canonical(members, [index.seqs[i] for i in positions], people)
    canon = members[k]
    pieces = [q for q in members if q is canon or continues(canon, q) or continues(q, canon)]
    variants = [Variant(canon, "verbatim", (), 100.0)]
    for q in members:
        if q is canon:
            continue
        v = relate(canon, q)
        if len(pieces) > 1 and v.relation == "edited" and q not in pieces:
            # a rendering of another piece of the canonical utterance: relate it to that piece
            v = max((relate(p, q) for p in pieces), key=lambda x: x.score)
        variants.append(v)
    order = {q.quote_id: n for n, q in enumerate(members)}
    variants[1:] = sorted(variants[1:], key=lambda v: order[v.quote.quote_id])
    # the cluster's speaker: the canonical quote's (else the most named); then every other person a
    # member's speaker conflict names
    main = next((p for p in people if canon.speaker and canon.speaker.name in p), people[0] if people else None)
    others = _identities(v.quote.speaker.name for v in variants if v.quote.speaker
                         and any(d.type == "speaker_conflict" for d in v.discrepancies))
    speakers = ([_display(main)] if main else []) + [_display(p) for p in others]
    return Cluster(
        id=content_id(*sorted(q.quote_id for q in members)),
        canonical=canon,
        members=tuple(variants),
        speaker=speakers[0] if speakers else None,
        speakers=tuple(speakers),
    )


def compare(quotes: Iterable[Quote], articles: Sequence[str] = ()) -> Comparison:
    """Align the quotes: every utterance quoted more than once, with its renderings typed against each other.

    `quotes` is any iterable of `Quote` (from one or many articles, of any kind); `articles` names the
    articles read, in order (those without quotes included); when empty it is taken from the quotes.
    Returns a `Comparison` whose clusters (two members or more) come worst first."""
    qs = list(quotes)
    index = QuoteIndex(qs)
    clusters = [cluster(g, index) for g in link(index) if len(g) > 1]
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
