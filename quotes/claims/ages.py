"""People's ages: "Ana Ruiz, 42, ...", "the 41-year-old Ana Ruiz", "Ruiz's 41-year-old deputy" (a role the
article gives a named person elsewhere: "deputy Ana Ruiz").

Two ages of one person conflict when they differ, unless the articles were written far enough apart for
a birthday to fall between them: one year's difference is accepted between articles at least
`BIRTHDAY_DAYS` apart (in the right order), never between articles of the same weeks.
"""
from __future__ import annotations

import datetime as dt

from quotes.claims.context import Context
from quotes.claims.model import Claim
from quotes.compare.speakers import key

BIRTHDAY_DAYS = 60


def _age(tok) -> int | None:
    if not tok.like_num or not tok.text.isdigit():
        return None
    n = int(tok.text)
    return n if 1 <= n <= 110 else None


def _role_people(ctx: Context) -> dict[str, str]:
    """Role noun -> the one person the article names right after it ("campaign manager Corey Lewandowski")."""
    seen: dict[str, set[str]] = {}
    for m in ctx.people.mentions:
        if m.pronoun or m.start == 0:
            continue
        prev = ctx.doc[m.start - 1]
        if prev.pos_ == "NOUN" and prev.is_alpha and not prev.is_stop:
            seen.setdefault(prev.lemma_.lower(), set()).add(m.name)
    return {r: next(iter(names)) for r, names in seen.items() if len(names) == 1}


def ages(ctx: Context) -> list[Claim]:
    out = []
    roles = None
    doc = ctx.doc
    for m in ctx.people.mentions:
        if m.pronoun or m.end + 2 >= len(doc):
            continue
        # "Ana Ruiz, 42, said ..."
        comma, num, comma2 = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        n = _age(num)
        if comma.text == "," and comma2.text in (",", ")") and n is not None and not ctx.quoted(num):
            out.append(_claim(ctx, m.name, [num], n))
    for t in doc:
        # "41-year-old", tokenised as 41 - year - old
        if t.i + 4 > len(doc) or _age(t) is None or ctx.quoted(t):
            continue
        if [x.lower_ for x in doc[t.i + 1:t.i + 4]] != ["-", "year", "-"] or doc[t.i + 4:t.i + 5].text.lower() != "old":
            continue
        j = t.i + 5
        while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and ctx.people.at(j) is None and doc[j + 1:j + 2].text not in (",", "."):
            j += 1
        name = None
        if j < len(doc) and (m := ctx.people.at(j)) is not None and not m.pronoun:
            name = m.name
        elif j < len(doc) and j > t.i + 5:
            roles = roles if roles is not None else _role_people(ctx)
            name = roles.get(doc[j].lemma_.lower()) if doc[j].pos_ == "NOUN" else None
            if name is None:
                name = roles.get(doc[j - 1].lemma_.lower()) if doc[j - 1].pos_ == "NOUN" else None
        if name:
            out.append(_claim(ctx, name, list(doc[t.i:t.i + 5]), _age(t)))
    return out


def _claim(ctx: Context, name: str, toks, n: int) -> Claim:
    value = ctx.value("number", toks, str(n))
    k = key(name).split()
    written = ctx.written.isoformat() if ctx.written else ""
    return ctx.claim(ctx.sentence(toks[0]), "age", k[-1] if k else name, f"age of {name}", name, (name,),
                     [value], scope=(f"written:{written}",) if written else ())


def compatible(a: Claim, b: Claim) -> bool:
    x, y = int(a.values[0].norm), int(b.values[0].norm)
    if x == y:
        return True
    da = next((s[8:] for s in a.scope if s.startswith("written:")), "")
    db = next((s[8:] for s in b.scope if s.startswith("written:")), "")
    if not da or not db or abs(x - y) != 1:
        return False
    gap = (dt.date.fromisoformat(db) - dt.date.fromisoformat(da)).days
    return abs(gap) >= BIRTHDAY_DAYS and (gap > 0) == (y > x)
