"""Cutting long texts into pieces the parser can take (no model needed)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.nlp import pieces


@pytest.mark.parametrize("text,size,expected", [
    ("", 10, [""]),
    ("short", 10, ["short"]),
    ("one two.\nthree four five.\nsix", 12, ["one two.\n", "three four ", "five.\nsix"]),  # paragraph, else space
    ("abcdefghijkl", 5, ["abcde", "fghij", "kl"]),  # no break in reach: a hard cut
    ("para one\n\npara two is here", 12, ["para one\n\n", "para two is ", "here"]),
])
def test_pieces(text, size, expected):
    assert pieces(text, size) == expected


@given(st.text(alphabet=st.sampled_from("ab \n.“”"), max_size=300), st.integers(min_value=1, max_value=40))
def test_pieces_cover_the_text_within_the_size(text, size):
    out = pieces(text, size)
    assert "".join(out) == text and out
    assert all(len(p) <= size for p in out)
    assert all(p for p in out[:-1])  # only the text "" gives an empty piece
