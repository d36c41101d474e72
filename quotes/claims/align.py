"""Which claims of different articles are about the same slot.

Claims are only ever compared inside a block: the same kind and the same blocking key (the counted
noun's class, a list's head word, a person's family name, a speaker). Inside a block two claims are
aligned when the kind's rule says they are about the same thing (same people, same qualifiers, shared
list items, similar reported content). A large block is narrowed first by BM25 retrieval over the
claims' content words and people (an inverted index), so the work does not grow with the square of the
input.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from quotes.claims.model import Claim
from quotes.claims.people import covers
from quotes.claims.people import same as same_person

SMALL_BLOCK = 60  # blocks up to this size are compared pairwise; larger ones through cdist
NEIGHBOURS = 20  # candidates per claim in a large block
MIN_SHARED_REPORTED = 2  # shared content words for two reports of one speaker to be the same report
MIN_SHARED_ITEMS = 2  # shared items for two lists nobody is named in to be one list
MIN_SHARED_EVENT = 3  # shared content words (besides names and values) for two repeatable events to be one
MIN_SHARED_LEDE = 2  # shared content words for the opening sentences of two articles to report one event
MIN_OVERLAP_REPORTED = 0.5  # ... and the share of the shorter report's words they make up


def _scope_ok(a: Claim, b: Claim) -> bool:
    """Qualifiers that both give must agree: "missile tests" vs "nuclear tests", 2018 vs 2020."""
    for prefix in ("mod:", "year:"):
        sa = {s for s in a.scope if s.startswith(prefix)}
        sb = {s for s in b.scope if s.startswith(prefix)}
        if sa and sb and not sa & sb:
            return False
    return True


def _same_subject(a: Claim, b: Claim) -> bool:
    if a.participants and b.participants:
        return same_person(a.subject, b.subject) or a.subject == b.subject
    return not (a.participants or b.participants) and a.subject.casefold() == b.subject.casefold()


def same_slot(a: Claim, b: Claim) -> bool:
    """Are two claims (of one block, from two articles) about the same thing?"""
    if a.article_id == b.article_id or a.kind != b.kind or a.key != b.key:
        return False
    if a.kind == "count" and ("crowd" in a.flags or "crowd" in b.flags):
        if not ("crowd" in a.flags and "crowd" in b.flags and _scope_ok(a, b)):
            return False
        # the same people, the same verb, and the same named place or person around them
        pa = {s for s in a.scope if s.startswith("place:")}
        pb = {s for s in b.scope if s.startswith("place:")}
        if pa and pb and not pa & pb:
            return False
        wa = {s[4:] for s in a.scope if s.startswith("who:")}
        wb = {s[4:] for s in b.scope if s.startswith("who:")}
        return bool(pa & pb) or any(same_person(x, y) for x in wa for y in wb)
    if a.kind == "count":
        # one person's tally (delegates, votes, rallies) changes from day to day; what two or more named
        # people did together (meetings, debates, calls) is a fixed count
        if len(a.participants) < 2 or len(b.participants) < 2:
            return False
        return covers(a.participants, b.participants) and _scope_ok(a, b)
    if a.kind == "list":
        items_a, items_b = set(a.values[0].norm.split("|")), set(b.values[0].norm.split("|"))
        if "open" in a.flags and "open" in b.flags:
            # two sets of examples ("states like ...") say nothing comparable, unless one names all the
            # other's items: the same wins or examples told at greater or lesser length
            small, big = sorted((items_a, items_b), key=len)
            if len(small) < MIN_SHARED_ITEMS or not small <= big:
                return False
        if a.participants and b.participants:
            return covers(a.participants, b.participants) and bool(items_a & items_b)
        return len(items_a & items_b) >= MIN_SHARED_ITEMS  # nobody named: the same head and two shared items
    if a.kind == "place":
        from quotes.claims.places import related

        return same_person(a.subject, b.subject) and related(a.values[0].norm, b.values[0].norm)
    if a.kind in ("title", "age"):
        return same_person(a.subject, b.subject)
    if a.kind == "event":
        if not _same_subject(a, b):
            return False
        if not a.participants or not b.participants or (a.subject in a.participants) != (b.subject in b.participants):
            return False
        if a.subject not in a.participants and not covers(a.participants, b.participants):
            return False  # "the first summit" of whom?
        if "repeatable" in a.flags or "repeatable" in b.flags:
            # a met-in-June and a met-in-July are two meetings: only the same clause, with compatible values
            from quotes.claims.compare import compatible

            names = {w for p in a.participants + b.participants for w in p.casefold().split()}
            values = {w for c in (a, b) for v in c.values for w in v.text.casefold().split()}
            shared = (set(a.words) & set(b.words)) - names - values
            return len(shared) >= MIN_SHARED_EVENT and compatible(a, b)
        return True
    if a.kind == "dated":
        if "lede" in a.flags:
            # two ledes of one event: compatible days in sentences that share words; different days are
            # different events (a follow-up), never a conflict
            from quotes.claims.compare import compatible

            same_day = bool(a.scope) and a.scope == b.scope  # the same day of the calendar, however written
            return (same_day or len(set(a.words) & set(b.words)) >= MIN_SHARED_LEDE) and compatible(a, b)
        if "event" in a.flags:
            return _scope_ok(a, b)
        if not same_person(a.subject, b.subject):
            return False
        shared = set(a.words) & set(b.words)
        return len(shared) >= MIN_SHARED_REPORTED and len(shared) / min(len(a.words), len(b.words)) >= MIN_OVERLAP_REPORTED
    if a.kind == "reported":
        if not _same_subject(a, b):
            return False
        wa, wb = set(a.words), set(b.words)
        shared = wa & wb
        if not shared or len(shared) / min(len(wa), len(wb)) < MIN_OVERLAP_REPORTED:
            return False
        # one shared word is enough only for the same verb and the same polarity: a contradiction must
        # be about more than one word
        same_polarity = a.values[0].norm == b.values[0].norm
        return len(shared) >= MIN_SHARED_REPORTED or (a.scope == b.scope and same_polarity)
    return False


def _tokens(c: Claim) -> list[str]:
    """What retrieval matches on: the claim's content words and the words of its people's names."""
    return list(c.words) + [w for p in c.participants for w in p.casefold().split()]


def _candidates(block: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pairs worth testing: all pairs of a small block; in a large one, each claim's `NEIGHBOURS` best
    BM25 matches (an inverted index: a claim is only scored against claims it shares a word with)."""
    n = len(block)
    if n <= SMALL_BLOCK:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    from quotes.claims.retrieve import BM25

    docs = [_tokens(c) for c in block]
    index = BM25(docs)
    out = set()
    for i, doc in enumerate(docs):
        scores = index.scores(doc)
        scores.pop(i, None)
        best = sorted(scores, key=lambda j: -scores[j])[:NEIGHBOURS]
        out.update((min(i, j), max(i, j)) for j in best)
    return sorted(out)


def _ambiguous(block: Sequence[Claim]) -> set[int]:
    """Claims whose subject is a name that fits two different people of the block ("Clinton" when both
    "Bill Clinton" and "Hillary Clinton" are there): they would join two people into one group."""
    names = {c.subject for c in block if c.participants and c.subject in c.participants}
    full = [n for n in names if len(n.split()) > 1]
    out = set()
    for i, c in enumerate(block):
        if c.participants and c.subject in c.participants:
            fits = {f for f in full if same_person(c.subject, f)}
            people = []
            for f in fits:
                if not any(same_person(f, g) for g in people):
                    people.append(f)
            if len(people) > 1:
                out.add(i)
    return out


def connected(n: int, pairs) -> list[list[int]]:
    """The groups of `range(n)` that the pairs connect (union-find), in order of their first member."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return list(groups.values())


def components(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Groups of claims connected by `same_slot`; a claim aligned with nothing is a group of one."""
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[(c.kind, c.key)].append(c)
    out: list[list[Claim]] = []
    for block in blocks.values():
        bridges = _ambiguous(block)
        pairs = [(i, j) for i, j in _candidates(block)
                 if i not in bridges and j not in bridges and same_slot(block[i], block[j])]
        out += [[block[i] for i in group] for group in connected(len(block), pairs)]
    return out
