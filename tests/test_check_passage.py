"""Aligning a quote with a transcript turn and classifying what it did to the words (no model)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from check_support import quote
from quotes.check.edits import describe, regions
from quotes.check.passage import PassageIndex, is_aside, quote_tokens
from quotes.check.record import Recorded
from quotes.model import Article
from quotes.transcript import transcript_quotes

# written for these tests: a town-hall exchange, one sentence a line as many transcripts are kept
TRANSCRIPT = """MODERATOR: Governor, what will you do about the bridge?
SMITH: Well, look, I have to say this, I have to say this.
SMITH: We are going to rebuild the bridge, um, within two years.
SYSTEM: (APPLAUSE)
SMITH: And we will not raise taxes to do it, you know, because the state has $1 billion set aside.
SMITH: So it's easy to say, well, we'll fix everything, but I have a plan.
MODERATOR: Thank you, Governor.
JONES: I think the governor is wrong about the money. I just don't believe it.
"""


def index(text: str = TRANSCRIPT) -> PassageIndex:
    article = Article("town.txt", text)
    return PassageIndex([Recorded(q, "town.txt", transcript=True) for q in transcript_quotes(article)])


def best(text: str, idx: PassageIndex | None = None):
    found = (idx or index()).passages(quote(text, "Mary Smith"))
    return found[0] if found else None


def kinds(text: str) -> list[tuple[str, str]]:
    p = best(text)
    assert p is not None, text
    return [(r.kind, r.why) for r in regions(p)]


UM = ("faithful", "clean-up")
CASES = [
    # (quote, [(kind, why) of every region where the words differ])
    ("We are going to rebuild the bridge within two years.", [UM]),  # "um" dropped
    ("we are going to rebuild the bridge", []),  # a fragment, lower case
    ("We're going to rebuild the bridge within 2 years.", [UM]),  # contraction and numeral
    ("I have to say this, we are going to rebuild the bridge", []),  # the repetition said once, across lines
    ("Look, I have to say this, I have to say this. We are going to rebuild the bridge", []),
    ("We will not raise taxes to do it because the state has a billion dollars set aside.",
     [UM, ("faithful", "cosmetic")]),  # "you know" dropped; "$1 billion"
    ("It's easy to say, 'We'll fix everything,' but I have a plan.", [UM]),  # "So" before, ", well," dropped
    ("We are going to rebuild [the Hudson crossing] within two years.", [("faithful", "marked")]),
    ("We are going to rebuild the bridge ... because the state has $1 billion set aside.", [("faithful", "marked")]),
    ("We are going to rebuild the bridge within three years.", [UM, ("change", "substituted")]),
    ("We will raise taxes to do it", [("change", "omitted")]),
    ("We are going to rebuild the old bridge within two years.", [("change", "added"), UM]),
    ("We are going to rebuild the bridge within two years. And we will not raise taxes to do it.", [UM]),
    ("So it's easy to say we'll fix everything, but I have a plan. Believe me, it is a good one.",
     [UM, ("unverified", "after-turn")]),
    ("Look, I have to say this, we are going to rebuild the bridge", [UM]),  # the restart said once
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_regions(text, expected):
    assert kinds(text) == expected


def test_flags_and_description():
    p = best("We will raise taxes to do it")
    [r] = regions(p)
    assert r.flags == ("negation",) and describe(r) == "omits “not” (omitted: negation)"
    [_, r] = regions(best("We are going to rebuild the bridge within three years."))
    assert r.flags == ("number",) and describe(r) == "“two” → “three” (substituted: number)"


def test_the_passage_is_the_speakers_turn_and_names_its_lines():
    p = best("We are going to rebuild the bridge within two years. And we will not raise taxes to do it.")
    assert p.turn.speaker == "SMITH" and p.lines() == "lines 3-5" and p.first.quote.line == 3
    assert best("I just don't believe it").turn.speaker == "JONES"


def test_no_passage_without_shared_informative_words():
    assert best("we are going to do it") is None
    assert index().passages(quote("")) == []


def test_a_label_quoted_inside_an_article_is_not_the_speakers():
    assert [t.key for t in quote_tokens(quote("SMITH: We are going"))] == ["we", "are", "going"]
    assert [t.key for t in quote_tokens(quote("Smith said we are going"))][:2] == ["smith", "said"]


def test_cuts_are_marked_on_the_word_after_them():
    toks = quote_tokens(quote("We are [really] going ... to rebuild"))
    assert [(t.key, t.cut_before) for t in toks] == [("we", False), ("are", False), ("going", True), ("to", True),
                                                       ("rebuild", False)]


@pytest.mark.parametrize("text,aside", [("(APPLAUSE)", True), ("[ booing ]", True), ("[  ]", True),
                                        ("(Laughter.) Thank you.", False), ("Thank you.", False)])
def test_is_aside(text, aside):
    assert is_aside(text) is aside


SENTENCE = ("the council will publish every contract online before the vote so that residents can read "
            "what they are paying for and object in time").split()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SENTENCE) - 6), st.integers(6, len(SENTENCE)))
def test_any_fragment_of_a_turn_is_faithful(start, length):
    idx = index("CLERK: " + " ".join(SENTENCE) + ".\n")
    words = SENTENCE[start:start + length]
    p = idx.passages(quote(" ".join(words)))[0]
    assert regions(p) == [] and p.share == 1.0


@settings(max_examples=60, deadline=None)
@given(st.integers(1, len(SENTENCE) - 2), st.sampled_from(["never", "seven", "secretly", "banana"]))
def test_an_unmarked_added_word_is_a_change(at, word):
    idx = index("CLERK: " + " ".join(SENTENCE) + ".\n")
    words = SENTENCE[:at] + [word] + SENTENCE[at:]
    p = idx.passages(quote(" ".join(words)))[0]
    assert [r.kind for r in regions(p)] == ["change"]
