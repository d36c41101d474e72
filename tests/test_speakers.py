"""One identity per speaker across articles: name keys, same_person, display names, suggestions."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.compare.speakers import closest, display_name, fold, key, same_person


@pytest.mark.parametrize("name, expected", [
    ("Donald Trump", "donald trump"),
    ("President Trump", "trump"),
    ("U.S. President Donald J. Trump", "donald j trump"),
    ("Trump’s", "trump"),
    ("Kim Jong-un", "kim jong un"),
    ("North Korean leader Kim Jong Un", "kim jong un"),
    ("North Korea", "north korea"),  # a qualifier without an honorific stays
    ("South Korea", "south korea"),
    ("State Department", "state department"),
    ("Secretary of State Marco Rubio", "marco rubio"),
    ("Former Vice President Mike Pence", "mike pence"),
    ("Emmanuel Macron", "emmanuel macron"),
    ("José Martí", "jose marti"),
    ("The President", "the president"),  # nothing but titles: kept whole
])
def test_key(name, expected):
    assert key(name) == expected


@pytest.mark.parametrize("a, b, same", [
    ("Trump", "Donald Trump", True),
    ("President Trump", "Donald Trump", True),
    ("Donald J. Trump", "Donald Trump", True),
    ("Kim Jong-un", "Kim Jong Un", True),
    ("Kim Jong Un", "KIM JONG-UN", True),
    ("Lee Jae-myung", "President Lee Jae Myung", True),
    ("Kim Jong Un", "Kim Yo-jong", False),
    ("Kim", "Kim Jong Un", False),  # one word that is not the family name at the end: ambiguous
    ("Donald Trump", "Melania Trump", False),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("George W. Bush", "George H. W. Bush", False),
    ("George Bush", "George W. Bush", True),
    ("North Korea", "South Korea", False),
    ("Trump", "Trumpet", False),
    ("", "Trump", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


@pytest.mark.parametrize("names, shown", [
    (["Trump", "Donald Trump", "Trump"], "Donald Trump"),
    (["Kim Jong-un", "Kim Jong Un", "Kim Jong Un"], "Kim Jong Un"),
    (["Donald J. Trump", "Donald Trump", "Donald Trump"], "Donald Trump"),
    (["Trump"], "Trump"),
])
def test_display_name(names, shown):
    assert display_name(names) == shown


def test_closest_suggests_near_names_only():
    names = ["Donald Trump", "Kim Jong Un", "Kim Yo-jong", "Lee Jae Myung"]
    assert closest("Kim Yojong", names)[0] == "Kim Yo-jong"
    assert closest("Donald Trumpp", names)[0] == "Donald Trump"
    assert closest("Zzyzx Qwerty", names) == []


NAME = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéÁ-. ’'", min_size=1, max_size=8), min_size=1,
                max_size=4).map(" ".join)


@given(NAME)
def test_key_ignores_case_and_hyphen_spacing(name):
    assert key(name.upper()) == key(name) == key(name.replace("-", " "))


@given(NAME, NAME)
def test_same_person_is_symmetric(a, b):
    assert same_person(a, b) == same_person(b, a)


@given(NAME)
def test_a_name_is_its_own_person(name):
    if fold(name).split():
        assert same_person(name, name)
        assert same_person(name, name.upper())
