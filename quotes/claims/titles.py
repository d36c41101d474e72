"""Titles and roles next to a person's name: "former President Donald Trump", "South Korea's new
president, Lee Jae Myung", "Foreign Minister Cho Hyun".

A title is normalised into four fields: status (former / current / unknown), role ("president",
"vice president"), country (name, possessive and demonym folded together) and portfolio ("foreign").
A bare capitalised title before a name ("President Trump") is an honorific: it does not say whether
the office is held now, so its status is unknown. Any other title with no "former" says the office is
held now ("U.S. President Donald Trump").
"""
from __future__ import annotations

from dataclasses import dataclass

from quotes.claims.context import Context, place_key
from quotes.claims.lexicon import (
    CURRENT,
    EXCLUSIVE_OFFICES,
    FORMER,
    GENERIC_ROLES,
    LEVEL_WORDS,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    ROLE_PREFIXES,
)
from quotes.claims.model import Claim
from quotes.compare.speakers import fold, key

PARTIES = frozenset(("democratic", "republican", "democrat", "gop", "independent"))
LEFT_DEPS = frozenset(("compound", "amod", "nmod", "poss"))


@dataclass(frozen=True)
class Title:
    status: str  # former | current | ?
    role: str
    country: str = ""
    portfolio: str = ""

    @property
    def norm(self) -> str:
        return f"{self.status}|{self.role}|{self.country or '-'}|{self.portfolio or '-'}"

    @classmethod
    def parse(cls, norm: str) -> Title:
        status, role, country, portfolio = norm.split("|")
        return cls(status, role, "" if country == "-" else country, "" if portfolio == "-" else portfolio)


def country_compatible(a: str, b: str) -> bool:
    """Equal, or one the demonym of the other ("chinese" ~ "china", "japanese" ~ "japan")."""
    if not a or not b or a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def compatible(x: str, y: str) -> bool:
    """Could one person hold both titles at the time both articles describe?"""
    a, b = Title.parse(x), Title.parse(y)
    if a.role != b.role and a.role not in GENERIC_ROLES and b.role not in GENERIC_ROLES:
        # people hold several roles at once ("Rep." and "House Speaker"); but not two elected offices of
        # one level at the same time ("state treasurer" and "state senator")
        exclusive = a.role in EXCLUSIVE_OFFICES and b.role in EXCLUSIVE_OFFICES
        same_level = a.portfolio in LEVEL_WORDS and a.portfolio == b.portfolio
        return not (exclusive and same_level and a.status == b.status == "current")
    if {a.status, b.status} == {"former", "current"} and (a.role == b.role or a.country or b.country):
        # a former reporter may be a current official, and a "former Breitbart reporter" a reporter elsewhere;
        # a former "U.S. leader" is no current one
        former = a if a.status == "former" else b
        current = b if former is a else a
        if not (former.portfolio and not current.portfolio and a.role == b.role) or a.role != b.role:
            return False
    if not country_compatible(a.country, b.country):
        return False
    if a.portfolio and b.portfolio and a.portfolio != b.portfolio:
        return False
    return True


def written(c) -> str:
    return next((s[8:] for s in c.scope if s.startswith("written:")), "")


def claims_compatible(a, b) -> bool:
    """`compatible`, and a title held in an earlier article and "former" in a later one: the office was
    left in between (a different time, not a conflict)."""
    if compatible(a.values[0].norm, b.values[0].norm):
        return True
    ta, tb = Title.parse(a.values[0].norm), Title.parse(b.values[0].norm)
    if ta.role != tb.role or {ta.status, tb.status} != {"former", "current"}:
        return False
    if ta.country != tb.country and ta.country and tb.country or ta.portfolio != tb.portfolio and ta.portfolio and tb.portfolio:
        return False
    da, db = written(a), written(b)
    if not da or not db or da == db:
        return False
    earlier_current = (da < db) == (ta.status == "current")
    return earlier_current


def _title_tokens(ctx: Context, root, start: int) -> tuple[list, bool]:
    """Tokens of the title next to the name whose root is `root`; and whether it is an apposition."""
    left = []
    for c in root.children:
        if c.i < start and c.dep_ in LEFT_DEPS:
            left += [x for x in c.subtree if x.i < start]
    if left:
        left = sorted(set(left), key=lambda x: x.i)
        breaks = [i for i, x in enumerate(left) if "\n" in x.text or "\n" in x.whitespace_]
        return left[breaks[-1] + 1:] if breaks else left, False
    if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS:
        return _role_phrase(root.head), True
    for c in root.children:
        if c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS:
            return _role_phrase(c), True
    return [], False


def _role_phrase(noun) -> list:
    """The words of a role noun in apposition that make the role: its modifiers and an "of" phrase ("a
    senior adviser", "the former secretary of state"), not whose it is ("his", "to Mr. Sanders") nor what
    follows ("in his first campaign", "who ...")."""
    toks = [x for c in noun.children if c.i < noun.i and (c.dep_ != "poss" or c.ent_type_ in ("GPE", "NORP"))
            for x in c.subtree]  # "South Korea's new president" keeps its country, "his top aide" its role only
    toks.append(noun)
    toks += [x for c in noun.children if c.i > noun.i and c.dep_ == "prep" and c.lower_ == "of" for x in c.subtree]
    return sorted((x for x in toks if not x.is_punct), key=lambda x: x.i)


def parse_title(ctx: Context, toks, appositive: bool) -> Title | None:
    roles = [t for t in toks if (t.lemma_.lower() in ROLE_NOUNS or t.lower_ in ROLE_NOUNS) and t.pos_ in ("NOUN", "PROPN")]
    if not roles:
        return None
    r = roles[-1]
    role = ROLE_ABBREVIATIONS.get(r.lemma_.lower(), r.lemma_.lower())
    prev = r.doc[r.i - 1] if r.i > 0 else None
    if prev is not None and prev in toks and prev.lower_ in ROLE_PREFIXES:
        role = f"{prev.lower_} {role}"
    words = {t.lower_.rstrip(".") for t in toks}
    status = "former" if words & FORMER else "current" if words & CURRENT else ""
    country, portfolio = "", []
    for t in toks:
        if t.lower_ in LEVEL_WORDS and t.text.islower() and t.i == r.i - 1:
            portfolio.append(t.lower_)  # "state senator": the level of the office
        elif t.ent_type_ in ("GPE", "NORP") and not country:
            ent = ctx.entity(t)
            if fold(ent.text) not in PARTIES:  # "Democratic congressman": a party, not a country
                country = place_key(ent.text)
        elif (t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.i != r.i
              and (t.ent_type_ in ("", "ORG") or t.ent_type_ == "PERSON" and ctx.people.at(t.i) is None)
              and t.lower_ not in ROLE_PREFIXES
              and t.lemma_.lower() not in ROLE_NOUNS and t.lower_ not in FORMER | CURRENT):
            portfolio.append(fold(t.lemma_))
    if ctx.people.at(toks[0].i) is not None:
        return None  # "Trump's adviser": a relation to another person, not an office
    honorific = (not appositive and not status and not country and not portfolio
                 and all(t.text[:1].isupper() for t in toks if t.is_alpha))
    # "the reporter, Ana Ruiz": a bare role with "the" names her part in the story, not an office held now
    bare = appositive and len(toks) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in r.children)
    honorific = honorific or (bare and not status)
    if not status:
        status = "?" if honorific else "current"
    return Title(status, role, country, " ".join(portfolio))


def _shared_former(toks) -> list:
    """"Former prosecutor and New York City Mayor <name>": a "former" that opens coordinated titles holds
    for the last one too. Returns the "former" token when it does, else nothing."""
    doc, i = toks[0].doc, toks[0].i - 1
    if i < 1 or doc[i].lower_ != "and":
        return []
    for j in range(i - 1, max(-1, i - 5), -1):
        t = doc[j]
        if t.lower_ in FORMER:
            return [t]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "DET", "ADP"):
            return []
    return []


def titles(ctx: Context) -> list[Claim]:
    out, seen = [], set()
    for m in ctx.people.mentions:
        if m.pronoun:
            continue
        span = ctx.doc[m.start:m.end]
        root = span.root
        if ctx.quoted(root):
            continue
        toks, appos = _title_tokens(ctx, root, m.start)
        toks = [t for t in toks if (t.text not in ("’s", "'s") or t.head.ent_type_ in ("GPE", "NORP"))
                and t.pos_ not in ("DET", "PUNCT") and (t.pos_ != "ADV" or t.lower_ in FORMER | CURRENT)]
        if not toks or any(ctx.quoted(t) or "\n" in t.text or t.dep_ in ("cc", "conj") or t.pos_ in ("VERB", "AUX")
                           or t.tag_ in ("WP", "WDT") or t.lower_ in ("presidents", "leaders") for t in toks):
            continue
        if any(ctx.people.at(t.i) is not None for t in toks[1:]) or toks[-1].i < m.start - 2:
            continue  # another person's name inside, or not next to the name
        toks = _shared_former(toks) + toks
        title = parse_title(ctx, toks, appos)
        if title is None or (m.name, title.norm) in seen:
            continue
        seen.add((m.name, title.norm))
        sent = ctx.sentence(root)
        value = ctx.value("title", toks, title.norm)
        k = key(m.name).split()
        written = (f"written:{ctx.written.isoformat()}",) if ctx.written else ()
        out.append(ctx.claim(sent, "title", k[-1] if k else m.name, f"title of {m.name}", m.name, (m.name,),
                             [value], flags=("honorific",) if title.status == "?" else (), scope=written))
    return out
