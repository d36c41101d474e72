"""QuoteIndex: which recorded quotes are candidates for the same utterance, and which are not."""
from __future__ import annotations

import pytest

from quotes.align import QuoteIndex, word_alignment
from quotes.model import Quote, Speaker, content_id

FULL = ("Personally, I still have fond memories of the summit in Singapore. If the United States drops its "
        "absurd obsession with sanctions, there is no reason for us not to sit down with them.")
RECORD = [
    # (article, text, speaker)
    ("a.txt", FULL, "Kim Jong Un"),
    ("b.txt", "I had a good relationship with him. I’d love to see him if he wants to.", "Donald Trump"),
    ("c.txt", "We will open a new factory in Ohio next spring, and it will employ three thousand workers.", "Mary Barra"),
    ("d.txt", "I’d love to go to the game tonight with my family.", "Joe Smith"),
    ("e.txt", "little rocket man", "Donald Trump"),
]


def q(text: str, speaker: str | None = None, article: str = "new.txt") -> Quote:
    spk = Speaker(speaker, speaker, 0, len(speaker), "name") if speaker else None
    return Quote(article=article, article_id=content_id(article), text=text, start_char=100,
                 end_char=100 + len(text), line=3, column=1, kind="speech", speaker=spk)


@pytest.fixture(scope="module")
def index():
    return QuoteIndex([q(text, spk, art) for art, text, spk in RECORD])


@pytest.mark.parametrize(
    "text, speaker, expected",
    [
        # a fragment of a recorded quote
        ("fond memories", "Kim Jong-un", ["a.txt"]),
        ("fond memories", None, ["a.txt"]),
        # a recorded fragment inside the new, longer quote
        ("He called him little rocket man again.", "Donald Trump", ["e.txt"]),
        ("rocket man", None, ["e.txt"]),
        # a variant wording of a recorded quote
        ("I just had a good relationship with him. I would love to see him, if he wants to.", "Trump", ["b.txt"]),
        # case and punctuation do not matter
        ("FOND MEMORIES OF THE SUMMIT", None, ["a.txt"]),
        # the same words given to somebody else: still a candidate (a possible misattribution)
        ("We will open a new factory in Ohio next spring, and it will employ three thousand workers.",
         "Tim Cook", ["c.txt"]),
        # only common words in common: nothing
        ("I’d love to.", "Donald Trump", []),
        ("I’d love to see you.", None, []),
        ("There is no reason for it.", None, []),
        # a short fragment from a different known speaker is not enough evidence
        ("fond memories", "Moon Jae-in", []),
        # unrelated
        ("The weather is fine today.", None, []),
    ],
)
def test_candidates(index, text, speaker, expected):
    got = [c.article for c, _ in index.candidates(q(text, speaker))]
    assert got == expected


def test_scores_rank_the_closest_first():
    ix = QuoteIndex([q("We will build the wall and Mexico will pay.", "Trump", "x.txt"),
                     q("We will build the wall and they will pay for it, believe me.", "Trump", "y.txt")])
    got = ix.candidates(q("We will build the wall and Mexico will pay.", "Trump"))
    assert [c.article for c, _ in got] == ["x.txt", "y.txt"]
    assert got[0][1] == 100.0 and 0 < got[1][1] < 100


def test_a_quote_is_not_its_own_candidate(index):
    recorded = index.quotes[0]
    assert all(c.quote_id != recorded.quote_id for c, _ in index.candidates(recorded))


def test_empty_index():
    assert QuoteIndex([]).candidates(q("fond memories")) == []


@pytest.mark.parametrize(
    "a, b, matched",
    [
        ("abcdef", "abcdef", 6),
        ("cd", "xxabcdyy", 2),
        # a repeated word does not scatter a fragment over the longer sequence
        ("abc", "axxxxxxxxbxxxxxxxxcxxabcx", 3),
    ],
)
def test_word_alignment_finds_fragments_in_one_place(a, b, matched):
    blocks = word_alignment(a, b)
    assert sum(n for _, _, n in blocks) == matched
    spread = blocks[-1][1] + blocks[-1][2] - blocks[0][1]
    assert spread <= len(a) + 2
