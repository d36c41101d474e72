"""The same value in several articles: a name, place, organisation, number or date two articles give in
sentences that say the same thing, reported as an agreement with the value marked in each sentence.

Typed claims (counts, dates, titles, lists, ...) compare one slot at a time. Much of what coverage of one
event has in common is a plain statement ("X won the caucuses", "the attack left 14 dead"): this module
lines up the values of such sentences across articles.

Two values of two articles are paired when they have the same key ("n:49", "d:2016-02-20 saturday",
"p:cruz", "g:orlando") and their sentences share content words: the IDF of the value (how few sentences
of the input give it) plus the IDF of the shared words reaches `MIN_SCORE` times the IDF of a word only one
sentence gives (so the bar is the same for two short articles and for twenty long ones). A value that one
sentence of each of the two articles gives, or that at most `RARE_VALUE` sentences of the whole input give,
is paired on fewer shared words. Each value keeps its best partner in each other article (partners that tie
for best all stay), and only pairs that are each other's best are kept; groups are formed best pair first
and hold at most `PER_ARTICLE` sentences of one article (`grouped`), so a frequent value ("Tuesday",
"Trump") is not joined into one large group.
Values are grouped by key, and a value is only scored against values of its key that share a word with
it (an inverted index), so the work does not grow with the square of the input.

A same-value finding is never a conflict: values that differ between aligned sentences are left to the
typed rules, which know which differences matter.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from quotes.claims.context import Context, place_key
from quotes.claims.dateline import calendar_keys, dateline_place, month_year, nearest_weekday, relative_day
from quotes.claims.dates import NUMERIC_DATE, WEEKDAYS, When
from quotes.claims.model import Claim, Finding, Side
from quotes.claims.numbers import parse_number
from quotes.claims.people import strip_possessive
from quotes.claims.shares import figures
from quotes.compare.speakers import fold, key

MIN_SCORE = 1.1  # IDF of the value plus the IDF of the words its sentences share, over the IDF of a unique word
MIN_SHARED = 1  # content words the two sentences share (a rare value needs none)
RARE_VALUE = 3  # a value given by at most this many sentences of the input pairs without shared words
PER_ARTICLE = 2  # sentences of one article in one group
# a word that more sentences than this of one value's group (or statements of one head) share proposes no
# candidates (a sentence repeated a thousand times would make a million pairs); pairs it is part of are
# still found through their rarer words
MAX_POSTINGS = 200
CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM"))
NAME_ENTS = frozenset(("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"))
NUMBER_ENTS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"))
DATE_ENTS = frozenset(("DATE", "TIME"))


@dataclass(frozen=True)
class Stmt:
    """One value of one sentence (a name, number, date or noun) with the words around it."""

    claim: Claim  # the sentence, with this one value
    key: str  # the value's comparison key ("n:49", "d:sunday", "p:cruz", "w:nightclub")
    words: frozenset[str]  # content words of the value's clause around it
    sentence_words: frozenset[str] = frozenset()
    span: tuple[float, float] | None = None  # a share or margin: the true values its words allow


def _value_keys(ctx: Context, ent) -> list[str]:
    """The keys of an entity's value; a day of a month also under its weekday, completed with the article's
    year ("Aug. 30" in an article of 2016 is a Tuesday, the day another article calls "Tuesday")."""
    numeric_date = ent.label_ in NUMBER_ENTS and NUMERIC_DATE.fullmatch(ent.text.strip())  # "5/12", read as a figure
    if ent.label_ not in DATE_ENTS and not numeric_date:
        k = _value_key(ent)
        return [k] if k else []
    from quotes.claims.dated import when_of

    w = when_of(ctx, ent)
    if w is None:
        r = relative_day(ent.text, ctx.written)  # "last week", "yesterday", "last Monday", "last month"
        if r is None:
            return []
        if r.unit == "day":
            return calendar_keys(r.date)
        iso = r.date.isocalendar()
        return [f"d:week {iso[0]}-W{iso[1]:02d}"] if r.unit == "week" else [f"d:{r.date.year:04d}-{r.date.month:02d}"]
    keys = ["d:" + str(w)]
    if w.day is not None and w.weekday is not None:
        keys.append("d:" + str(When(weekday=w.weekday)))
    # the same day by its week and month ("March 8" meets "last week" and "last month"), a bare weekday
    # by its date ("Wednesday" in an article of Thursday 26 May 2016 is the 25th), a month by its year
    day = None
    if w.year and w.month and w.day:
        day = _date(w.year, w.month, w.day)
    elif w.weekday is not None and w.month is None and w.year is None:
        day = nearest_weekday(w.weekday, ctx.written)
    elif w.month and w.year is None and w.day is None and (y := month_year(w.month, ctx.written)):
        keys.append(f"d:{y:04d}-{w.month:02d}")
    if day is not None:
        keys += [k for k in calendar_keys(day) if k not in keys]
    return keys


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _value_key(ent) -> str | None:
    label, text = ent.label_, strip_possessive(ent.text)
    if label == "PERSON":
        k = key(text).split()
        return "p:" + k[-1] if k else None
    if label in ("GPE", "LOC", "NORP", "FAC"):
        return "g:" + place_key(text)
    if label in NAME_ENTS:
        f = fold(text)
        f = f[4:] if f.startswith("the ") else f
        return "o:" + f if f else None
    if label in NUMBER_ENTS:
        # "49.9 percent", "$2.3 million", "about $200,000": the figure, its decimals kept
        t = text.replace(",", "").replace("$", " ").replace("%", " ").casefold().replace("percent", " ")
        n = parse_number(" ".join(t.split()))
        return f"n:{n.value:g}" if n else "n:" + fold(text)
    return None



def _values(ctx: Context, sent) -> list[tuple[str, list]]:
    values: list[tuple[str, list]] = []
    taken: set[int] = set()
    body = ctx.article.text
    if sent.start_char == 0 or body[sent.start_char - 1] == "\n":
        span = dateline_place(body, sent.start_char)  # "MIAMI - ...": where the article was written
        if span is not None:
            toks = [t for t in sent if span[0] <= t.idx < span[1]]
            if toks:
                values.append(("g:" + place_key(body[span[0]:span[1]]), toks))
                taken.update(t.i for t in toks)
    values += _descriptions(ctx, sent)
    values += _figures(ctx, sent)
    # a web address or domain ("Example.com"): one key however it is capitalised
    values += [("u:" + t.lower_.rstrip("/").removeprefix("https://").removeprefix("http://").removeprefix("www."), [t])
               for t in sent if t.like_url and "." in t.text.strip(".") and not ctx.quoted(t)]
    for e in ctx.ents(sent):
        if any(t.i in taken for t in e):
            continue  # the parser ran the dateline into an entity ("MIAMI - Democrats")
        if ctx.in_short_quote(e.root) and not ctx.in_fragment(e.root):
            continue  # someone's words; a figure or name in a quoted fragment of the writer's sentence stays
        toks = [t for t in e if not (t.is_punct and t.i in (e.start, e.end - 1))]
        if toks and toks[-1].text in ("’s", "'s"):
            toks = toks[:-1]
        for k in _value_keys(ctx, e):
            if toks:
                values.append((k, toks))
        taken.update(t.i for t in e)
    return values


def _figures(ctx: Context, sent) -> list[tuple[str, list]]:
    """Shares and margins however written ("6 in 10", "64 percent", "a double-digit lead"), keyed by their
    kind and the interval they allow ("s:share 0.6 1"): pairs need overlapping intervals (`_overlap`)."""
    out = []
    for f in figures(sent.text):
        start, end = sent.start_char + f.start, sent.start_char + f.end
        toks = [t for t in sent if t.idx < end and t.idx + len(t.text) > start]
        if toks and not (ctx.in_short_quote(toks[0]) and not ctx.in_fragment(toks[0])):
            out.append((f"s:{f.kind} {f.low:.4g} {f.high:.4g}", toks))
    return out


def _group(key: str) -> str:
    """The key values are paired under: a figure's kind without its interval."""
    return key.rsplit(" ", 2)[0] if key.startswith("s:") else key


def _overlap(a: str, b: str) -> bool:
    """Two figure keys of one kind whose intervals overlap ("s:share 0.6 1" and "s:share 0.635 0.645")."""
    ka, lo_a, hi_a = a.rsplit(" ", 2)
    kb, lo_b, hi_b = b.rsplit(" ", 2)
    return ka == kb and float(lo_a) < float(hi_b) and float(lo_b) < float(hi_a)


def _descriptions(ctx: Context, sent) -> list[tuple[str, list]]:
    """A person named by a role alone ("the former secretary of state", "the presumptive Democratic
    nominee"): a definite role noun with a modifier or an "of" phrase and no name beside it; or a person
    described by two or more modifiers ("an unarmed young cyclist" = "the unarmed young cyclist")."""
    from quotes.claims.lexicon import PERSON_NOUNS, ROLE_NOUNS

    out = []
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or lemma not in ROLE_NOUNS | PERSON_NOUNS or t.tag_ != "NN" or ctx.quoted(t):
            continue
        kids = list(t.children)
        role = lemma in ROLE_NOUNS
        dets = ("the",) if role else ("the", "a", "an")
        if not any(c.dep_ == "det" and c.lower_ in dets for c in kids) or t.dep_ == "compound" or role and t.dep_ == "appos":
            continue
        if any(c.dep_ in ("appos", "compound", "poss") and (c.ent_type_ or c.pos_ == "PRON") for c in kids):
            continue  # "the senator, Ana Ruiz", "his adviser": a name or an owner beside it
        mods = [x for c in kids if c.dep_ in ("amod", "compound") and c.i < t.i for x in c.subtree]
        mods += [x for c in kids if c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i for x in c.subtree]
        if not mods or any(ctx.people.at(x.i) is not None for x in mods):
            continue
        if not role and len([x for x in mods if x.is_alpha]) < 2:
            continue  # "a young man": too common to say who
        toks = sorted(mods + [t], key=lambda x: x.i)
        out.append(("r:" + fold(" ".join(x.text for x in toks)), toks))
    return out


def sentence_stmts(ctx: Context) -> list[Stmt]:
    """Every value of every sentence (names, numbers, dates, nouns outside quote marks), with its context."""
    out = []
    for sent in ctx.sentences:
        people = None
        sent_words = frozenset(fold(t.lemma_) for t in sent if t.pos_ in CONTENT_POS and not t.is_stop
                               and t.is_alpha and not ctx.in_short_quote(t))
        for k, toks in _values(ctx, sent):
            value = ctx.value("statement", toks, k)
            if "\n" in value.text:
                continue
            own = {t.i for t in toks}
            words = frozenset(fold(t.lemma_) for t in sent if t.i not in own and t.pos_ in CONTENT_POS
                              and not t.is_stop and t.is_alpha and not ctx.in_short_quote(t))
            if len(words) < 2:
                continue
            if people is None:
                people = ctx.persons(sent)
            claim = ctx.claim(sent, "statement", k, "same value", " & ".join(people) or "—", people, [value],
                              words=tuple(sorted(words)))
            out.append(Stmt(claim, k, words, sent_words))
    return out


def _pairs(stmts: Sequence[Stmt]) -> dict[tuple[int, int], float]:
    """Scores of the value pairs (same key, two articles) whose sentences share rare words."""
    sents: dict[tuple[str, int], Stmt] = {}
    for s in stmts:
        sents.setdefault((s.claim.article_id, s.claim.start_char), s)
    n = len(sents)
    df = Counter(w for s in sents.values() for w in s.sentence_words)
    kdf = Counter(k for k in {(s.claim.article_id, s.claim.start_char, _group(s.key)) for s in stmts})
    kdf = Counter(k for _, _, k in kdf)
    idf = {w: math.log(1 + n / f) for w, f in df.items()}
    bar = MIN_SCORE * math.log(1 + n)
    # how many sentences of each article give the value: a value one sentence of each of two articles gives
    # is paired on any shared word
    per_article = Counter((k, a) for a, _, k in {(s.claim.article_id, s.claim.start_char, _group(s.key)) for s in stmts})
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(stmts):
        by_key[_group(s.key)].append(i)
    out: dict[tuple[int, int], float] = {}
    for k, members in by_key.items():
        if len(members) < 2:
            continue
        kidf = math.log(1 + n / kdf[k])
        if k.startswith("r:"):
            # a description says who it is by itself: its first use in each article meets the others'
            first = {}
            for i in sorted(members, key=lambda i: stmts[i].claim.start_char):
                first.setdefault(stmts[i].claim.article_id, i)
            firsts = sorted(first.values())
            out.update({(i, j): kidf for i in firsts for j in firsts if i < j})
            continue
        postings: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for w in stmts[i].words:
                postings[w].append(i)
        for i in members:
            s = stmts[i]
            seen = {j for w in s.words if len(postings[w]) <= MAX_POSTINGS
                    for j in postings[w] if j > i and stmts[j].claim.article_id != s.claim.article_id}
            if kdf[k] <= RARE_VALUE:
                seen |= {j for j in members if j > i and stmts[j].claim.article_id != s.claim.article_id}
            for j in sorted(seen):
                t = stmts[j]
                if k.startswith("s:") and not _overlap(s.key, t.key):
                    continue  # "6 in 10" and "a third": figures that cannot both be true
                shared = s.words & t.words
                rare = kdf[k] <= RARE_VALUE and k.startswith(("n:", "d:", "p:", "o:", "r:", "u:"))
                if len(shared) < MIN_SHARED and not rare:
                    continue  # no word in common: only a value no third sentence gives ("Feb. 20", "$200,000")
                score = kidf + sum(idf.get(w, 0.0) for w in shared)
                once = per_article[(k, s.claim.article_id)] == 1 == per_article[(k, t.claim.article_id)]
                if score >= bar or once or rare:
                    out[(i, j)] = score
    return out


def findings(stmts: Sequence[Stmt]) -> list[Finding]:
    """One agreement per group of the same value given by sentences that are each other's best match."""
    stmts = _one_key_per_person(stmts)
    scores = _pairs(stmts)
    article = [s.claim.article_id for s in stmts]
    groups = grouped(scores, mutual_best(scores, article), article)
    # the same sentences matched on a day need not be shown again on its week and month
    sentences = [frozenset((stmts[i].claim.article_id, stmts[i].claim.start_char) for i in g) for g in groups]
    ranks = [_date_rank(stmts[next(iter(g))].key) for g in groups]
    out = []
    for n, members in enumerate(groups):
        if ranks[n] > 1 and any(0 < ranks[m] < ranks[n] and sentences[n] <= sentences[m] for m in range(len(groups))):
            continue
        out.append(_finding([stmts[i] for i in sorted(members, key=lambda i: (stmts[i].claim.article, i))]))
    return out


def _one_key_per_person(stmts: Sequence[Stmt]) -> list[Stmt]:
    """A person is keyed by the family name ("p:lazar"); one whose articles write the same names in another
    order ("Lazar Lehel" / "Marcel Lehel Lazar") gets one key in all of them, and so does every
    mention of the family name each article uses."""
    full: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)  # name words -> (article, key) pairs
    for s in stmts:
        if s.key.startswith("p:"):
            words = key(strip_possessive(s.claim.values[0].text)).split()
            if len(words) >= 2:  # "Lehel Lazar" / "Lazar Lehel": the order of names differs between languages
                full[frozenset(words[-2:])].add((s.claim.article_id, s.key))
    rename: dict[tuple[str, str], str] = {}
    for pairs in full.values():
        keys = {k for _, k in pairs}
        if len(keys) > 1:
            rename.update({p: min(keys) for p in pairs})
    if not rename:
        return list(stmts)
    out = []
    for s in stmts:
        new = rename.get((s.claim.article_id, s.key))
        if new is None:
            out.append(s)
            continue
        v = replace(s.claim.values[0], norm=new)
        out.append(replace(s, key=new, claim=replace(s.claim, key=new, values=(v,))))
    return out


def grouped(scores: dict[tuple[int, int], float], pairs: Sequence[tuple[int, int]], article: Sequence[str],
            join: Callable[[int, int], bool] | None = None) -> list[list[int]]:
    """The groups of two or more articles the pairs connect, best pair first, where a group holds at most
    `PER_ARTICLE` sentences of one article (a live report may state a fact twice, not twenty times: the
    name of the story's protagonist in every sentence is no shared fact); `join(a, b)`, when given, must
    also allow two groups (by their first members) to merge, and is then told they did."""
    parent = list(range(len(article)))
    counts = [Counter([a]) for a in article]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(pairs, key=lambda p: (-scores[p], p)):
        a, b = find(i), find(j)
        if a == b:
            continue
        merged = counts[a] + counts[b]
        if max(merged.values()) > PER_ARTICLE or (join is not None and not join(a, b)):
            continue
        parent[b] = a
        counts[a] = merged
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(article)):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(counts[find(g[0])]) >= 2]


def mutual_best(scores: dict[tuple[int, int], float], article: Sequence[str]) -> list[tuple[int, int]]:
    """The scored pairs whose members are each other's best match in the other's article (a tie for best
    keeps every partner it ties: a live report may state one fact twice, equally well)."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), sc in scores.items():
        for a, b in ((i, j), (j, i)):
            k = (a, article[b])
            best[k] = max(best.get(k, sc), sc)
    return [(i, j) for (i, j), sc in scores.items() if sc >= best[(i, article[j])] and sc >= best[(j, article[i])]]


def _date_rank(key: str) -> int:
    """0 for a value that is no date, 1 a day, 2 a week or a bare weekday, 3 a month ("d:2016-03")."""
    if not key.startswith("d:"):
        return 0
    if key.startswith("d:week ") or key[2:] in WEEKDAYS:
        return 2  # a week, or a weekday of no known date: less precise than the day itself
    return 3 if len(key) == 9 and key[6] == "-" else 1


def _finding(group: list[Stmt]) -> Finding:
    return agreement("same value: " + _shown_key(group[0].key), [s.claim for s in group], [s.words for s in group],
                     group[0].claim.subject)


def agreement(what: str, claims: Sequence[Claim], words: Sequence[frozenset[str]], subject: str,
              shown: dict[str, str] | None = None) -> Finding:
    """One side of claims of two or more articles, named by what they share and the (up to four) words most
    of them have ("same value: cruz (iowa, win)"); `shown` gives a word as the reader knows it."""
    counts = Counter(w for ws in words for w in ws)
    shared = [(shown or {}).get(w, w) for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if c >= 2][:4]
    side = Side(value=claims[0].shown, norm=claims[0].key, claims=tuple(claims))
    return Finding(status="agree", kind="statement", slot=slot_label(what, shared), subject=subject, sides=(side,))


def _shown_key(key: str) -> str:
    """A key as a reader writes it: "n:1.2e+06" is 1,200,000."""
    kind, value = key.split(":", 1)
    if kind == "n":
        try:
            number = float(value)
        except ValueError:
            return value
        return f"{number:,.0f}" if number.is_integer() else f"{number:,}"
    return value


def slot_label(what: str, shared: Sequence[str]) -> str:
    """"same value: cruz (iowa, win)"; without the parentheses when the sentences share no word."""
    return f"{what} ({', '.join(shared)})" if shared else what
