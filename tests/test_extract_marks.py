"""Quote-mark pairing on plain text (no model)."""
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.marks import find_quotes


def top(text):
    return [text[q.start:q.end] for q in find_quotes(text) if q.depth == 0]


PAIRS = [
    ("He said “hello there” and left.", ["hello there"]),
    ('"Straight quotes," he said. "More."', ["Straight quotes,", "More."]),
    ("‘Stop,’ she said.", ["Stop,"]),
    ("'Stop,' she said.", ["Stop,"]),
    ("''It works,'' he said.", ["It works,"]),
    ("Er sagte „Guten Tag“ und ging.", ["Guten Tag"]),
    ("Sie sagte: „Wir schaffen das.“ Dann ging sie.", ["Wir schaffen das."]),  # „…“ closed after a full stop
    ("Il a dit « bonjour » hier.", ["bonjour"]),
    ("Headline: Mayor Vows ‘No Retreat’", ["No Retreat"]),
    ("“Outer ‘inner’ words,” she said.", ["Outer ‘inner’ words,"]),
    ("“It’s the players’ union, not mine,” he said.", ["It’s the players’ union, not mine,"]),
    ("‘the players’ union is strong,’ he added.", ["the players’ union is strong,"]),
]

APOSTROPHES = [
    "I don’t think Kim’s plan works.",
    "The players’ union met in the ’90s.",
    "Rock ’n’ roll and ’em.",
    "O'Brien's dog isn't here, it's the '80s.",
    "The Joneses’ house.",
]


@pytest.mark.parametrize("text,expected", PAIRS)
def test_pairs_by_direction(text, expected):
    assert top(text) == expected


@pytest.mark.parametrize("text", APOSTROPHES)
def test_apostrophes_are_not_quotes(text):
    assert top(text) == []


def test_nested_quote_is_recorded_inside_the_outer_one():
    text = "“He told me ‘never again,’ and meant it,” she said."
    spans = find_quotes(text)
    outer = [q for q in spans if q.depth == 0]
    inner = [q for q in spans if q.depth == 1]
    assert [text[q.start:q.end] for q in inner] == ["never again,"]
    assert len(outer) == 1 and outer[0].start < inner[0].start < inner[0].end < outer[0].end


def test_multi_paragraph_quote_is_one_utterance():
    text = "She said: “First paragraph goes on.\n\n“Second paragraph ends here.”\n\nThen she left."
    spans = [q for q in find_quotes(text) if q.depth == 0]
    assert [text[q.start:q.end] for q in spans] == ["First paragraph goes on.", "Second paragraph ends here."]
    assert spans[0].group == spans[1].group
    assert not spans[0].closed and spans[1].closed


def test_separate_quotes_are_separate_utterances():
    text = "“One,” he said.\n\n“Two,” she said."
    spans = find_quotes(text)
    assert len({q.group for q in spans}) == 2


@pytest.mark.parametrize("text,expected", [
    ("A stray ” mark here.", []),
    ("He said “this never closes\n\nNext paragraph.", ["this never closes"]),
])
def test_unbalanced_marks_warn_and_do_their_best(text, expected, caplog):
    with caplog.at_level(logging.WARNING, logger="quotes.extract"):
        assert top(text) == expected
    assert caplog.records, "an unbalanced mark is reported"


def test_quotes_inside_an_unclosed_mark_come_out(caplog):
    text = '"The first time, she said it was a “rant,” and then a “medical problem,” he wrote.\n\nNext.'
    with caplog.at_level(logging.WARNING, logger="quotes.extract"):
        assert top(text) == ["rant,", "medical problem,"]
    assert caplog.records


def test_warnings_name_the_source(caplog):
    with caplog.at_level(logging.WARNING, logger="quotes.extract"):
        find_quotes("“open and never closed", source="a.txt")
    assert caplog.records[0].getMessage().startswith("a.txt: ")


def test_headline_quotes_count():
    text = "Trump & Kim: Potential Summit & “Great Relationship”\n\nBody text."
    assert top(text) == ["Great Relationship"]


MARKS = st.sampled_from(list("“”\"„‟‘’'‚«»‹› \n") + ["''", "a", "b", "s", "1", ".", ",", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKS, st.text(max_size=4)), max_size=40).map("".join))
def test_never_raises_and_offsets_hold(text):
    logging.getLogger("quotes.extract").disabled = True
    try:
        for q in find_quotes(text):
            assert 0 <= q.open_start <= q.start <= q.end <= len(text)
            assert q.end <= q.close_end or not q.closed
            assert text[q.start:q.end] == text[q.start:q.end].strip()
            assert q.end > q.start
    finally:
        logging.getLogger("quotes.extract").disabled = False


WORDS = st.sampled_from(["He", "said", "the", "players’", "don't", "Kim’s", "“", "”", "‘", "’", "\"", "'", "''",
                         "«", "»", ",", ".", ":", "\n", "\n\n", "one two three four five six seven eight nine ten"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_frames_map_every_quote_back_to_the_article(text):
    from quotes.extract import frames

    logging.getLogger("quotes.extract").disabled = True
    try:
        aq = frames.scan(text)
        for frame in frames.build(text, aq):
            for c in frame.candidates:
                q = aq.spans[c.index]
                assert frame.to_article(c.open_start) == q.open_start
                assert text[frame.to_article(c.open_start)] == frame.text[c.open_start]
                if c.end - c.start == q.end - q.start:
                    assert frame.text[c.start:c.end] == text[q.start:q.end]
    finally:
        logging.getLogger("quotes.extract").disabled = False
