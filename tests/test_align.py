"""QuoteIndex: which recorded quotes are candidates for the same utterance, and which are not."""
from __future__ import annotations

import pytest

from quotes.compare.align import QuoteIndex, word_alignment
from quotes.compare.rules import continues, link_relation
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


def piece(text: str, start: int, kind: str = "speech", utterance: str = "u") -> Quote:
    return Quote(article="a.txt", article_id="a", text=text, start_char=start, end_char=start + len(text), line=1,
                 column=1, kind=kind, utterance_id=utterance)


@pytest.mark.parametrize(
    "first, then, same",
    [
        (piece("That’s pretty significant to start with,", 0), piece("About as big as it gets.", 52), True),
        (piece("We will win —", 0), piece("and soon.", 30), True),
        # a finished sentence, then another one with its own "he added": two utterances
        (piece("If he’d like to meet, I’d love to.", 0), piece("If you guys want to put the word out.", 40), False),
        # partial quotes in one sentence ("called him “talented” and “smart”") are not one utterance
        (piece("talented", 0, "partial"), piece("smart", 15, "partial"), False),
        (piece("We will win,", 0), piece("and soon.", 500), False),
        (piece("We will win,", 0), piece("and soon.", 20, utterance="v"), False),
    ],
)
def test_continues(first, then, same):
    assert continues(first, then) is same


def test_partial_quotes_do_not_veto_a_link_by_their_speaker():
    named = Speaker("The interaction", "The interaction", 0, 5, "name")
    full = q("He called him little rocket man on television.", "Donald Trump", "x.txt")
    partial = Quote(**{**q("rocket man", None, "y.txt").__dict__, "kind": "partial", "speaker": named})
    speech = Quote(**{**partial.__dict__, "kind": "speech"})
    assert link_relation(full, partial) == 0 and link_relation(full, speech) == -1
    assert [c.article for c, _ in QuoteIndex([full]).candidates(partial)] == ["x.txt"]
    assert QuoteIndex([full]).candidates(speech) == []


@pytest.mark.parametrize("speaker, found", [("Kim Jong-un", True), (None, False), ("Moon Jae-in", False)])
def test_one_uncommon_word_is_enough_for_the_same_speakers_exact_words(speaker, found):
    ix = QuoteIndex([q("Personally, I still have good memories of the American president.", "Kim Jong Un", "t.txt")])
    assert bool(ix.candidates(q("good memories", speaker))) is found


NATO = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()
# other people's quotes about the same plant: its words are frequent here, so they weigh little
PLANT_TALK = [q(f"The Dayton plant {NATO[i % 16]} {NATO[(i * 7) % 16]} buses {i}.", f"Person {NATO[i % 16].title()}",
                f"f{i}.txt") for i in range(120)]


@pytest.mark.parametrize("text, linked", [
    # the same uncommon words given to two named people: one utterance, reported as a speaker conflict
    ("The Dayton plant will build buses.", True),
    ("By spring the Dayton plant will build electric buses.", True),
    # stock words two people may each say: not linked
    ("Thank you very much, everybody.", False),
    ("I would love to be there with you.", False),
])
def test_identical_words_from_two_named_speakers(text, linked):
    from quotes.compare import compare

    a, b = q(text, "Ann Lee", "a.txt"), q(text, "Bo Park", "b.txt")
    res = compare(PLANT_TALK + [a, b])
    [mine] = [c for c in res.clusters if any(m.quote.quote_id == a.quote_id for m in c.members)] or [None]
    together = mine is not None and {m.quote.quote_id for m in mine.members} == {a.quote_id, b.quote_id}
    assert together == linked
    if linked:
        assert mine.speaker_conflict
