"""Value-by-value comparison of aligned claims: sides of compatible values, and a status for each slot.

- count: the figures must be equal (bounds and approximations widen them: "more than two" ~ 3);
- date: no field both give may differ ("June" ~ "June 2025"; "June" vs "July" conflict);
- place: where a person was (`places`): the same place or a region and a place agree; two towns whose
  names differ by a word that makes another town ("West Palm Beach" / "Palm Beach") conflict;
- title: status (former / current), role, country and portfolio must not contradict (`titles`);
- list: the same items. Two lists that differ are a conflict, unless the shorter one is marked open
  ("including", "such as", "among others") and all its items are in the longer one: then `partial`;
- reported: the same polarity (a report that something will not happen vs one that it will).
"""
from __future__ import annotations

from collections.abc import Sequence

from quotes.claims import titles
from quotes.claims.align import components
from quotes.claims.dates import When
from quotes.claims.model import STATUSES, Claim, Finding, Side
from quotes.claims.numbers import Number


def parse_number_norm(norm: str) -> Number:
    rel = norm[0] if norm[:1] in "<>~" else "="
    return Number(float(norm.lstrip("<>~")), rel)


def parse_when(norm: str) -> When:
    year = month = day = weekday = None
    for part in norm.split():
        if part[:1].isdigit() or part.startswith("XXXX"):
            bits = part.split("-")
            year = None if bits[0] == "XXXX" else int(bits[0])
            month = int(bits[1]) if len(bits) > 1 else None
            day = int(bits[2]) if len(bits) > 2 else None
        else:
            weekday = "monday tuesday wednesday thursday friday saturday sunday".split().index(part)
    return When(year, month, day, weekday)


def _items(c: Claim) -> set[str]:
    return set(c.values[0].norm.split("|"))


def compatible(a: Claim, b: Claim) -> bool:
    """Can both claims be true of the same slot?"""
    if a.kind == "count":
        if "running" in a.flags or "running" in b.flags:
            return True  # a tally "so far" is true at its own moment: a different time, never a conflict
        return parse_number_norm(a.values[0].norm).compatible(parse_number_norm(b.values[0].norm))
    if a.kind == "title":
        return titles.claims_compatible(a, b)
    if a.kind == "list":
        ia, ib = _items(a), _items(b)
        if ia == ib:
            return True
        if "open" in a.flags and "open" in b.flags:
            return True  # two lists of examples ("states like ...") do not contradict each other
        small, big = (a, b) if len(ia) < len(ib) else (b, a)
        return "open" in small.flags and _items(small) <= _items(big)
    if a.kind == "event":
        da = [parse_when(v.norm) for v in a.values if v.kind == "date"]
        db = [parse_when(v.norm) for v in b.values if v.kind == "date"]
        if da and db and not any(x.compatible(y) for x in da for y in db):
            return False
        return True
    if a.kind == "reported":
        return a.values[0].norm == b.values[0].norm
    if a.kind == "age":
        from quotes.claims.ages import compatible as ages_compatible

        return ages_compatible(a, b)
    if a.kind == "place":
        from quotes.claims import places

        return places.compatible(a.values[0].norm, b.values[0].norm)
    if a.kind == "dated":
        return parse_when(a.values[0].norm).compatible(parse_when(b.values[0].norm))
    return True


def specificity(c: Claim) -> tuple:
    if c.kind == "title":
        t = titles.Title.parse(c.values[0].norm)
        return (t.status != "?", bool(t.country), bool(t.portfolio), t.status == "former")
    if c.kind in ("event", "dated"):
        return (sum(parse_when(v.norm).specificity for v in c.values if v.kind == "date"),)
    if c.kind == "list":
        return (len(_items(c)),)
    if c.kind == "count":
        return (c.values[0].norm[:1] not in "<>~",)
    if c.kind == "place":
        from quotes.claims.places import is_region

        return (not is_region(c.values[0].norm),)  # a town before the region that may contain it
    return ()


def sides(group: Sequence[Claim]) -> tuple[list[list[Claim]], list[Claim]]:
    """Claims split into sides of mutually compatible values; the ones that fit every side apart."""
    ordered = sorted(group, key=lambda c: (specificity(c), -c.start_char), reverse=True)
    out: list[list[Claim]] = []
    either: list[Claim] = []
    for c in ordered:
        fits = [s for s in out if all(compatible(c, x) for x in s)]
        if not fits:
            out.append([c])
        elif len(fits) == 1:
            fits[0].append(c)
        else:
            either.append(c)
    if len(out) == 1:
        out[0] += either
        either = []
    return out, either


def _status(kind: str, parts: list[list[Claim]]) -> tuple[str, str]:
    if len(parts) == 1:
        arts = {c.article for c in parts[0]}
        if kind == "list" and len({frozenset(_items(c)) for c in parts[0]}) > 1:
            sets = [_items(c) for c in parts[0]]
            extra = sorted(set().union(*sets) - set.intersection(*sets))
            # a shorter list that does not claim to be complete agrees with the longer one
            return "agree", f"an open list (\"including\", \"among others\", \"also\", a tally of wins) names fewer: {', '.join(extra)} not in all"
        return ("agree" if len(arts) > 1 else "unique"), ""
    if kind == "list":
        sets = sorted((_items(p[0]) for p in parts), key=len)
        names = [", ".join(sorted(s)) for s in sets]
        missing = sorted(sets[-1] - sets[0])
        nested = all(sets[i] <= sets[i + 1] for i in range(len(sets) - 1))
        note = f"one list omits {', '.join(missing)}" if nested else f"different items: {' / '.join(names)}"
        return "conflict", note
    shown = " / ".join(p[0].shown for p in parts)
    return "conflict", f"different values: {shown}"


def _side(claims: list[Claim]) -> Side:
    head = claims[0]
    return Side(value=head.shown, norm=head.values[0].norm, claims=tuple(sorted(claims, key=lambda c: (c.article, c.start_char))))


def _dedupe(claims: Sequence[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        k = (c.article_id, c.kind, c.key, tuple(v.norm for v in c.values), c.subject)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def findings(claims: Sequence[Claim]) -> list[Finding]:
    """Every slot, compared: conflicts first, then partial lists, agreements and claims only one article makes."""
    out = []
    for group in components(_dedupe(claims)):
        parts, either = sides(group)
        status, note = _status(group[0].kind, parts)
        head = group[0]
        out.append(Finding(status=status, kind=head.kind, slot=head.slot, subject=head.subject,
                           sides=tuple(_side(p) for p in parts), note=note, either=tuple(either)))
    return ordered(out)


def ordered(found: Sequence[Finding]) -> list[Finding]:
    """Conflicts first, then partial, agree and unique; inside a status, typed slots before same-value
    statements and findings over more articles first."""
    rank = {s: i for i, s in enumerate(STATUSES)}
    return sorted(found, key=lambda f: (rank[f.status], f.kind == "statement", -len(f.articles), f.kind,
                                        f.sides[0].claims[0].article, f.sides[0].claims[0].start_char))
