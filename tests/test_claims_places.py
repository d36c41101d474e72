"""Places of one person, open lists that name the same items, and the day of the lede: rules on hand-made
claims (no model needed). The places are invented or generic; no article text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.claims import places
from quotes.claims.align import same_slot
from quotes.claims.compare import findings
from quotes.claims.model import Claim, Value


def claim(article, kind, key, value, norm, subject="Tom Avery", flags=(), words=(), vkind="place"):
    return Claim(article=article, article_id=article, kind=kind, key=key, slot=f"{kind} {key}", subject=subject,
                 participants=(subject,) if subject != "—" else (), values=(Value(vkind, value, norm, 0, len(value)),),
                 text=value, start_char=0, end_char=len(value), line=1, words=tuple(words), flags=tuple(flags))


def where(article, norm, subject="Tom Avery"):
    return claim(article, "place", "where|avery", norm, norm, subject=subject, flags=("whereabouts",))


PLACES = [
    # (a, b, compared?, compatible?)
    ("millbrook", "millbrook", True, True),  # the same town
    ("west millbrook", "millbrook", True, False),  # two towns: one name with a word that makes another town
    ("north millbrook", "south millbrook", True, False),
    ("port avery", "avery", True, False),
    ("millbrook|ohio", "ohio", True, True),  # a region the article places the town in
    ("ohio", "millbrook|ohio", True, True),
    ("millbrook", "ohio", False, True),  # a region and a town nobody placed in it: not compared
    ("ohio", "florida", False, False),  # two states: two moments of a campaign
    ("millbrook", "riverton", False, False),  # two unrelated names: a borough and its city look the same
    ("millbrook heights", "millbrook", False, False),  # a suffix is not a town prefix
]


@pytest.mark.parametrize("a,b,compared,ok", PLACES)
def test_place_relations(a, b, compared, ok):
    assert places.related(a, b) is compared
    if compared:
        assert places.compatible(a, b) is ok


def test_two_towns_of_one_evening_conflict_and_the_region_fits_both():
    fs = [f for f in findings([where("a", "west millbrook"), where("b", "millbrook"), where("c", "millbrook|ohio"),
                               where("a", "ohio")]) if f.kind == "place"]
    conflict = [f for f in fs if f.status == "conflict"]
    assert len(conflict) == 1
    sides = [{c.values[0].norm for c in s.claims} for s in conflict[0].sides]
    assert {"west millbrook"} in sides
    assert {c.values[0].norm for c in conflict[0].either} <= {"ohio"}


def test_places_of_two_people_are_not_compared():
    assert not same_slot(where("a", "millbrook"), where("b", "west millbrook", subject="Mara Quill"))


def lst(article, norm, flags=("open",)):
    return claim(article, "list", "win", norm, norm, subject="Mara Quill", flags=flags, vkind="list")


LISTS = [
    # two open lists (tallies of wins, examples): compared only when one names all the other's items
    ("ohio|texas", "ohio|texas|utah", True),
    ("ohio|texas", "ohio|texas", True),
    ("ohio|texas", "ohio|utah", False),  # two sets of examples
    ("ohio", "ohio|texas", False),  # one shared item is not a list
]


@pytest.mark.parametrize("a,b,aligned", LISTS)
def test_open_lists_with_the_same_items_are_one_slot(a, b, aligned):
    assert same_slot(lst("a", a), lst("b", b)) is aligned


def test_an_open_list_inside_another_agrees():
    (f,) = [f for f in findings([lst("a", "ohio|texas"), lst("b", "ohio|texas|utah")]) if f.kind == "list"]
    assert f.status == "agree" and "utah" in f.note


def lede(article, norm, words=("march", "toll", "road")):
    return claim(article, "dated", "lede", norm, norm, subject="—", flags=("lede",), words=words, vkind="date")


LEDES = [
    # (a, b, words of b, aligned?)
    ("tuesday", "tuesday", ("march", "toll"), True),
    ("2031-05-06 tuesday", "tuesday", ("march", "road"), True),  # a date completed with its weekday
    ("tuesday", "wednesday", ("march", "toll"), False),  # another day: a follow-up, never a conflict
    ("tuesday", "tuesday", ("budget", "school"), False),  # nothing in common: two events
]


@pytest.mark.parametrize("a,b,words,aligned", LEDES)
def test_the_days_of_two_ledes(a, b, words, aligned):
    assert same_slot(lede("a", a), lede("b", b, words)) is aligned


def test_ledes_never_conflict():
    fs = findings([lede("a", "tuesday"), lede("b", "wednesday"), lede("c", "2031-05-06 tuesday")])
    assert all(f.status != "conflict" for f in fs)
    assert any(f.status == "agree" and len(f.articles) == 2 for f in fs)


@pytest.mark.parametrize("name, ok", [
    ("Ana Ruiz", True),
    ("Ana de la Cruz", True),  # particles stay lower case
    ("Twitter junkie", False),  # a tagger's PERSON with a common noun in it
    ("ana ruiz", False),
])
def test_names_are_capitalised(name, ok):
    from quotes.claims.people import _capitalised

    assert _capitalised(name) is ok


NAMES = st.lists(st.sampled_from("west north new palm beach millbrook ohio riverton port".split()), min_size=1, max_size=3)


@given(NAMES, NAMES)
def test_place_relations_are_symmetric(a, b):
    x, y = " ".join(a), " ".join(b)
    assert places.related(x, y) == places.related(y, x)
    assert places.compatible(x, y) == places.compatible(y, x)
    assert places.related(x, x) and places.compatible(x, x)
