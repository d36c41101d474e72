"""Aligning a quote with a transcript turn and classifying what it did to the words (no model)."""
from __future__ import annotations

import pytest
from check_support import quote
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.check.edits import describe, regions
from quotes.check.passage import PassageIndex, is_aside, quote_tokens
from quotes.check.record import Recorded
from quotes.model import Article
from quotes.transcript import transcript_quotes

# written for these tests: a town-hall exchange, one sentence a line as many transcripts are kept
TRANSCRIPT = """MODERATOR: Governor, what will you do about the bridge?
SMITH: Well, look, I want to be clear, I want to be clear.
SMITH: We are going to rebuild the bridge, um, within two years.
SYSTEM: (APPLAUSE)
SMITH: And we will not raise taxes to do it, you know, because the state has $1 billion set aside.
SMITH: People say, well, it can't be done, but I have a plan.
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
    ("I want to be clear, we are going to rebuild the bridge", []),  # the repetition said once, across lines
    ("Look, I want to be clear, I want to be clear. We are going to rebuild the bridge", []),
    ("We will not raise taxes to do it because the state has a billion dollars set aside.",
     [UM, ("faithful", "cosmetic")]),  # "you know" dropped; "$1 billion"
    ("People say it can't be done, but I have a plan.", [UM]),  # ", well," dropped
    ("We are going to rebuild [the Hudson crossing] within two years.", [("faithful", "marked")]),
    ("We are going to rebuild the bridge ... because the state has $1 billion set aside.", [("faithful", "marked")]),
    ("We are going to rebuild the bridge within three years.", [UM, ("change", "substituted")]),
    ("We will raise taxes to do it", [("change", "omitted")]),
    ("We are going to rebuild the old bridge within two years.", [("change", "added"), UM]),
    ("We are going to rebuild the bridge within two years. And we will not raise taxes to do it.", [UM]),
    ("People say it can't be done, but I have a plan. Believe me, it is a good one.",
     [UM, ("unverified", "after-turn")]),
    ("Look, I want to be clear, we are going to rebuild the bridge", [UM]),  # the restart said once
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


# the examples docs/ci.md gives of faithful and changed renderings (transcript, article, changed?)
DOC_EXAMPLES = [
    ("Look, the numbers are clear", "Look — the numbers are clear", False),
    ("We need better health care for miners", "We need better healthcare for miners", False),
    ("We will hire three hundred drivers", "We will hire 300 drivers", False),
    ("The plan costs $2 billion over ten years", "The plan costs two billion dollars over ten years", False),
    ("We have 1 million members", "We have one million members", False),
    ("We will, we will win this seat", "We will win this seat", False),
    ("We will rebuild the the bridge downtown", "We will rebuild the bridge downtown", False),
    ("We will modernise the transportations system", "We will modernise the transportation system", False),
    ("Honestly we need quickly to act here", "Honestly we need to act quickly here", False),
    ("So we decided that we would wait for the report", "We decided we would wait for the report", True),
    ("Honestly we just want to help the farmers", "Honestly we want to help the farmers", True),
]


@pytest.mark.parametrize("said,written,changed", DOC_EXAMPLES)
def test_the_documented_examples(said, written, changed):
    p = index(f"SPEAKER ONE: {said}.\n").passages(quote(written))[0]
    assert any(r.kind == "change" for r in regions(p)) is changed, [(r.kind, describe(r)) for r in regions(p)]
