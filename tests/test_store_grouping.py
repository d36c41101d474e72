"""Grouping stored quotes into utterances (exact normalised words, and fragments of two words or more)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.model import Quote
from quotes.store.grouping import group
from quotes.store.results import Recorded
from quotes.store.schema import norm


def rec(text: str, source: str = "a.txt", transcript: bool = False) -> Recorded:
    q = Quote(source, source, text, 0, len(text), 1, 1, "speech")
    return Recorded(q, source, transcript, "Kim Jong Un", "2025-10-01")


@pytest.mark.parametrize("text, expected", [
    ("I’m open to it.", "i'm open to it"),
    ("I'M  OPEN, to it!", "i'm open to it"),
    ("“Fond memories”", "fond memories"),
    ("", ""),
])
def test_norm(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize("texts, expected", [
    # the same words, differently punctuated: one utterance with two wordings
    (["I would love to meet him.", "I would love to meet him!"], [2]),
    # a fragment joins the longer quote; the longer quote's wording comes first
    (["fond memories", "I still have fond memories of him."], [2]),
    # one word is too little to place
    (["smart", "He is smart and talented."], [1, 1]),
    # words that are not a run inside the other quote
    (["memories fond", "I still have fond memories of him."], [1, 1]),
    (["We will act.", "We will not act."], [1, 1]),
])
def test_group(texts, expected):
    got = group([rec(t, f"{i}.txt") for i, t in enumerate(texts)])
    assert sorted(len(u.wordings) for u in got) == sorted(expected)


def test_the_transcript_wording_comes_first():
    [u] = group([rec("We had a very good meeting, really."), rec("We had a very good meeting", "t.txt", True)])
    assert u.canonical.text == "We had a very good meeting" and u.canonical.transcript
    assert u.articles == ("t.txt", "a.txt")  # in the order of the wordings


def test_articles_of_each_wording():
    [u] = group([rec("Open to it.", "a.txt"), rec("open to it", "b.txt"), rec("Open to it.", "c.txt")])
    assert [(w.text, w.articles) for w in u.wordings] == [("Open to it.", ("a.txt", "c.txt")), ("open to it", ("b.txt",))]


@given(st.lists(st.text(alphabet="ab .,’", max_size=12), max_size=12))
def test_every_quote_lands_in_exactly_one_utterance(texts):
    records = [rec(t, f"{i}.txt") for i, t in enumerate(texts)]
    got = group(records)
    placed = [r for u in got for w in u.wordings for r in w.quotes]
    assert sorted(placed, key=id) == sorted(records, key=id)
    for u in got:
        assert len({norm(w.text) for w in u.wordings}) >= 1
