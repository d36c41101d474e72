"""Comparison keys: contractions, spellings, numbers, offsets, brackets and ellipses."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.compare import textkeys as tk


@pytest.mark.parametrize(
    "surface, keys",
    [
        ("I’d", ("i", "would")),
        ("I'd", ("i", "would")),
        ("haven’t", ("have", "not")),
        ("won't", ("will", "not")),
        ("can’t", ("can", "not")),
        ("cannot", ("can", "not")),
        ("I’m", ("i", "am")),
        ("we'll", ("we", "will")),
        ("they’re", ("they", "are")),
        ("it’s", ("it", "is")),
        ("Trump’s", ("trump's",)),  # a possessive is not "Trump is"
        ("denuclearising", ("denuclearizing",)),
        ("denuclearizing", ("denuclearizing",)),
        ("organisation", ("organization",)),
        ("honour", ("honor",)),
        ("centre", ("center",)),
        ("travelled", ("traveled",)),
        ("defence", ("defense",)),
        ("ten", ("10",)),
        ("1,000", ("1000",)),
        ("Korea", ("korea",)),
        # negatives: words that only look like variants keep their identity
        ("four", ("4",)),
        ("flour", ("flour",)),
        ("filled", ("filled",)),
        ("here", ("here",)),
        ("are", ("are",)),
    ],
)
def test_word_keys(surface, keys):
    assert tk.word_keys(surface) == keys


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("I would love to", "I’d love to", True),
        ("We have not said", "We haven’t said", True),
        ("denuclearising us", "Denuclearizing us", True),
        ("the colour of honour", "the color of honor", True),
        ("ten people", "10 people", True),
        ("I would love to", "I love to", False),
        ("We have said", "We haven’t said", False),
        ("four people", "for people", False),
    ],
)
def test_normal_text(a, b, same):
    assert (tk.normal_text(a) == tk.normal_text(b)) is same


def test_brackets_and_ellipses_are_marked_not_keyed():
    ws = tk.words("We [the government] will act… now")
    assert [w.text for w in ws] == ["We", "the", "government", "will", "act", "now"]
    assert [w.bracketed for w in ws] == [False, True, True, False, False, False]
    assert [w.after_cut for w in ws] == [False, False, False, False, False, True]
    assert tk.speaker_words("We [the government] will act") == ["We", "will", "act"]


@pytest.mark.parametrize(
    "text, entities",
    [
        ("fond memories of U.S. President Trump. If the United States", ["U", "S", "President", "Trump", "United", "States"]),
        ("I met Mr. Kim today", ["Mr", "Kim"]),
        ("We won. They lost", []),
        ("I think so", []),
    ],
)
def test_is_entity(text, entities):
    ws = tk.words(text)
    assert [w.text for i, w in enumerate(ws) if tk.is_entity(ws, i, text)] == entities


@pytest.mark.parametrize("a, b, same", [(", ", ",  ", True), ("’", "'", True), (". ", ", ", False), ("", "!", False)])
def test_gap_key(a, b, same):
    assert (tk.gap_key(a) == tk.gap_key(b)) is same


PIECES = list("abcXY’'[]…., -—\"“”1") + ["I’d", " can’t ", "...", "honour", " We ", "denuclearising"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_word_offsets_slice_to_words(text):
    for w in tk.words(text):
        assert text[w.start:w.end] == w.text
        assert w.keys and all(w.keys)


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_keys_are_case_and_quote_style_blind(text):
    assert tk.normal_text(text.upper().replace("’", "'")) == tk.normal_text(text.lower())
