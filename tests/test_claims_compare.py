"""Value comparison and alignment rules on hand-made claims (no model needed)."""
from __future__ import annotations

import pytest

from quotes.claims.align import components, same_slot
from quotes.claims.compare import compatible, findings
from quotes.claims.model import Claim, Value
from quotes.claims.titles import Title, country_compatible


def claim(article, kind, key, value, norm, participants=("Ana Ruiz",), subject=None, flags=(), scope=(),
          words=(), vkind=None):
    vk = vkind or {"count": "number", "list": "list", "title": "title", "event": "date",
                   "reported": "statement"}[kind]
    return Claim(article=article, article_id=article, kind=kind, key=key, slot=f"{kind} {key}",
                 subject=subject or (participants[0] if participants else "officials"),
                 participants=tuple(participants), values=(Value(vk, value, norm, 0, len(value)),),
                 text=value, start_char=0, end_char=len(value), line=1, words=tuple(words), scope=tuple(scope),
                 flags=tuple(flags))


TITLES = [
    # (a, b, compatible?)
    ("former|president|-|-", "current|president|united states|-", False),  # former vs U.S. President
    ("former|president|-|-", "?|president|-|-", True),  # a bare "President" is an honorific
    ("current|president|south korea|-", "current|president|south korean|-", True),
    ("current|president|south korea|-", "current|president|north korea|-", False),
    ("current|minister|-|foreign", "current|minister|-|defense", False),
    ("current|minister|-|foreign", "current|minister|-|-", True),
    ("current|senator|-|-", "current|leader|-|-", True),  # "leader" is generic
    ("former|secretary|-|-", "current|chairman|-|-", True),  # different offices are held at once
    ("current|president|china|-", "current|president|chinese|-", True),
    ("former|reporter|-|gazette", "current|reporter|-|-", True),  # left one paper, a reporter elsewhere
    ("former|reporter|-|gazette", "current|reporter|-|gazette", False),
    ("former|reporter|-|-", "current|official|-|-", True),  # a former reporter may be an official now
    ("former|president|-|-", "current|leader|united states|-", False),  # a generic role with a country
]


@pytest.mark.parametrize("a,b,expected", TITLES)
def test_title_compatibility(a, b, expected):
    ca = claim("a", "title", "ruiz", "t", a)
    cb = claim("b", "title", "ruiz", "t", b)
    assert compatible(ca, cb) is expected
    assert compatible(cb, ca) is expected


@pytest.mark.parametrize("a,b,expected", [("japan", "japanese", True), ("austria", "germany", False),
                                          ("", "france", True), ("korea", "korean", True)])
def test_country_compatible(a, b, expected):
    assert country_compatible(a, b) is expected


def test_title_norm_round_trip():
    t = Title("former", "vice president", "united states", "")
    assert Title.parse(t.norm) == t


def test_count_conflict_and_agreement():
    a = claim("a", "count", "meeting", "three meetings", "3", ("Ana Ruiz", "Tom Beck"))
    b = claim("b", "count", "meeting", "two summits", "2", ("Ruiz", "Beck"))
    c = claim("c", "count", "meeting", "three meetings", "3", ("Tom Beck", "Ana Ruiz"))
    fs = findings([a, b, c])
    assert [f.status for f in fs] == ["conflict"]
    sides = {s.norm: set(s.articles) for s in fs[0].sides}
    assert sides == {"3": {"a", "c"}, "2": {"b"}}


NOT_PAIRED = [
    # different people, same counted noun and words
    (claim("a", "count", "rally", "two rallies", "2", ("Donald Trump",)),
     claim("b", "count", "rally", "three rallies", "3", ("Joe Biden",))),
    # one person's tally changes from day to day
    (claim("a", "count", "delegate", "221 delegates", "221", ("Donald Trump",)),
     claim("b", "count", "delegate", "182 delegates", "182", ("Donald Trump",))),
    # "Clinton" fits two people of the block: it must not join them (see test_ambiguous_surname_...)
    # same people, different years
    (claim("a", "count", "bill", "two bills", "2", ("Ana Ruiz", "Tom Beck"), scope=("year:2018",)),
     claim("b", "count", "bill", "five bills", "5", ("Ana Ruiz", "Tom Beck"), scope=("year:2020",))),
    # same people, different kinds of test
    (claim("a", "count", "test", "two missile tests", "2", ("Ana Ruiz", "Tom Beck"), scope=("mod:missile",)),
     claim("b", "count", "test", "three nuclear tests", "3", ("Ana Ruiz", "Tom Beck"), scope=("mod:nuclear",))),
    # two lists of examples
    (claim("a", "list", "state like", "Nevada or New Mexico", "nevada|new mexico", (), flags=("open",)),
     claim("b", "list", "state like", "New Mexico or Colorado", "colorado|new mexico", (), flags=("open",))),
    # a report and its opposite that share one word only
    (claim("a", "reported", "rubio", "the race has three candidates", "positive", ("Marco Rubio",), words=("race", "candidate"), scope=("say",)),
     claim("b", "reported", "rubio", "there is no one in the race", "negative", ("Marco Rubio",), words=("race",), scope=("say",))),
    # nobody named for a count
    (claim("a", "count", "people", "5 million people", "5000000", ()),
     claim("b", "count", "people", "a billion people", "1000000000", ())),
    # lists of stops of two different people
    (claim("a", "list", "stop in", "Lyon and Turin", "lyon|turin", ("Ana Ruiz",)),
     claim("b", "list", "stop in", "Lyon and Geneva", "geneva|lyon", ("Tom Beck",))),
    # two lists nobody is named in that share one item only
    (claim("a", "list", "stop in", "Lyon and Turin", "lyon|turin", ()),
     claim("b", "list", "stop in", "Lyon and Geneva", "geneva|lyon", ())),
    # one article never pairs with itself
    (claim("a", "count", "meeting", "three meetings", "3"), claim("a", "count", "meeting", "two meetings", "2")),
    # reports of one speaker about different things
    (claim("a", "reported", "ruiz", "the talks were useful", "positive", words=("talk", "useful")),
     claim("b", "reported", "ruiz", "no budget would pass", "negative", words=("budget", "pass"))),
    # repeatable events (a meeting in June, another in July) are two events
    (claim("a", "event", "ruiz|meet", "June", "XXXX-06", flags=("repeatable",), words=("ruiz", "meet", "beck")),
     claim("b", "event", "ruiz|meet", "July", "XXXX-07", flags=("repeatable",), words=("ruiz", "meet", "beck"))),
]


@pytest.mark.parametrize("a,b", NOT_PAIRED)
def test_claims_that_must_not_be_paired(a, b):
    assert not same_slot(a, b)
    assert all(f.status != "conflict" for f in findings([a, b]))


def test_ambiguous_surname_does_not_join_two_people():
    bill = claim("a", "title", "clinton", "former President", "former|president|-|-", ("Bill Clinton",))
    bare = claim("b", "title", "clinton", "Secretary", "?|secretary|-|-", ("Clinton",))
    hillary = claim("c", "title", "clinton", "Secretary of State", "current|secretary|-|-", ("Hillary Clinton",))
    hillary2 = claim("d", "title", "clinton", "former Secretary of State", "former|secretary|-|-", ("Hillary Clinton",))
    groups = [sorted(c.article for c in g) for g in components([bill, bare, hillary, hillary2])]
    assert sorted(groups) == [["a"], ["b"], ["c", "d"]]


def test_once_event_dates_conflict_and_refine():
    june = claim("a", "event", "ruiz|take office", "June", "XXXX-06")
    june25 = claim("b", "event", "ruiz|take office", "June 2025", "2025-06")
    july = claim("c", "event", "ruiz|take office", "July", "XXXX-07")
    assert same_slot(june, june25) and compatible(june, june25)
    fs = findings([june, june25, july])
    assert fs[0].status == "conflict"
    assert sorted(len(s.claims) for s in fs[0].sides) == [1, 2]


def test_closed_lists_that_differ_conflict_and_open_shorter_ones_agree():
    three = claim("a", "list", "stop in", "Lyon, Turin and Geneva", "geneva|lyon|turin")
    two = claim("b", "list", "stop in", "Lyon and Geneva", "geneva|lyon")
    open_two = claim("c", "list", "stop in", "Lyon and Geneva, among others", "geneva|lyon", flags=("open",))
    [f] = findings([three, two])
    assert f.status == "conflict" and "turin" in f.note
    [g] = findings([three, open_two])
    assert g.status == "agree" and "names fewer" in g.note


def test_reported_polarity():
    a = claim("a", "reported", "ruiz", "no deal would be signed", "negative", words=("deal", "sign"),
              scope=("confirm",))
    b = claim("b", "reported", "ruiz", "a deal would be signed", "positive", words=("deal", "sign"),
              scope=("confirm",))
    c = claim("c", "reported", "ruiz", "there would be no deal", "negative", words=("deal",), scope=("confirm",))
    assert same_slot(a, b) and same_slot(a, c)
    statuses = {f.status for f in findings([a, b, c])}
    assert statuses == {"conflict"}


def test_large_block_goes_through_cdist_without_all_pairs():
    many = [claim(f"art{i}", "reported", "ruiz", f"statement {i}", "positive",
                  words=(f"topic{i}", f"word{i}", "common")) for i in range(200)]
    groups = components(many)
    assert sum(len(g) for g in groups) == 200
    assert all(len(g) == 1 for g in groups)  # one shared word of three is not the same report


def test_findings_order_conflicts_first():
    agree = [claim("a", "title", "beck", "Governor", "current|governor|-|-", ("Tom Beck",)),
             claim("b", "title", "beck", "Governor", "current|governor|-|-", ("Tom Beck",))]
    pair = ("Ana Ruiz", "Tom Beck")
    conflict = [claim("a", "count", "meeting", "three meetings", "3", pair),
                claim("b", "count", "meeting", "two", "2", pair)]
    unique = [claim("a", "count", "visit", "two visits", "2")]
    fs = findings(unique + agree + conflict)
    assert [f.status for f in fs] == ["conflict", "agree", "unique"]
