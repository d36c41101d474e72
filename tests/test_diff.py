"""relate(): relations, discrepancy types, meaning flags and offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.compare.diff import relate
from quotes.model import DIFF_TYPES, FLAGS, RELATIONS, Quote, Speaker, content_id


def q(text: str, speaker: str | None = None, article: str = "a.txt", at: int = 10, utterance: str = "") -> Quote:
    spk = Speaker(speaker, speaker, 0, len(speaker), "name") if speaker else None
    return Quote(article=article, article_id=content_id(article), text=text, start_char=at, end_char=at + len(text),
                 line=1, column=at + 1, kind="speech", speaker=spk, utterance_id=utterance)


def summary(v):
    return [(d.type, d.canonical_text, d.variant_text, d.flags) for d in v.discrepancies]


CASES = [
    # canonical, other, relation, discrepancies (type, canonical words, other words, flags)
    ("We will act now.", "We will act now.", "verbatim", []),
    ("I would love to see him.", "I’d love to see him.", "cosmetic", [("cosmetic", "I would", "I’d", ())]),
    ("No reason to denuclearise.", "no reason to denuclearize.", "cosmetic",
     [("cosmetic", "No", "no", ()), ("cosmetic", "denuclearise", "denuclearize", ())]),
    ("love letters.", "love letters?", "cosmetic", [("cosmetic", ".", "?", ())]),
    ("If he’d like to meet, I’d love to meet him.", "If he had like to meet, I’d love to meet him.", "cosmetic",
     [("cosmetic", "he’d", "he had", ())]),
    ("I’d love to meet him.", "I’d love to.", "trimmed", [("trimmed", "meet him", "", ()), ("cosmetic", ".", ".", ())][:1]),
    ("Personally, I still have fond memories of the summit in Singapore.", "fond memories", "fragment",
     [("trimmed", "Personally, I still have", "", ()), ("trimmed", "of the summit in Singapore", "", ())]),
    ("I just had a good relationship with him.", "I had a good relationship with him.", "edited",
     [("omitted", "just", "", ("hedge",))]),
    ("We haven’t mentioned anything, but he knows.", "We haven’t said anything official, but he knows.", "edited",
     [("substituted", "mentioned", "said", ()), ("added", "", "official", ())]),
    ("He knows I’m going over there today.", "He knows I’m coming today.", "edited",
     [("substituted", "going over there", "coming", ())]),
    ("We haven’t mentioned anything.", "We have mentioned anything.", "edited",
     [("substituted", "haven’t", "have", ("negation",))]),
    ("We lost 3 ships in the storm.", "We lost 30 ships in the storm.", "edited", [("substituted", "3", "30", ("number",))]),
    ("We will sign the deal.", "We might sign the deal.", "edited", [("substituted", "will", "might", ("modal",))]),
    ("I spoke to Kim about it.", "I spoke to Moon about it.", "edited", [("substituted", "Kim", "Moon", ("entity",))]),
    # the writer's [insertion] is a substitution, but a name it supplies is not flagged as a changed name
    ("He will meet him soon.", "He will meet [Kim] soon.", "edited", [("substituted", "him", "Kim", ())]),
    ("We will act firmly on this bill today.", "We will act… today.", "edited",
     [("omitted", "firmly on this bill", "…", ())]),
]


@pytest.mark.parametrize("canonical, other, relation, expected", CASES)
def test_relate(canonical, other, relation, expected):
    v = relate(q(canonical), q(other, article="b.txt"))
    assert v.relation == relation
    got = [d for d in summary(v) if d[0] != "cosmetic" or any(e[0] == "cosmetic" for e in expected)]
    assert got == expected


def test_every_relation_and_type_is_covered():
    assert {c[2] for c in CASES} == set(RELATIONS)
    types = {d[0] for c in CASES for d in c[3]} | {"speaker_conflict"}
    assert types == set(DIFF_TYPES)
    assert {f for c in CASES for d in c[3] for f in d[3]} == set(FLAGS)


def test_offsets_point_into_each_article():
    canon = q("I just had a good relationship with him.", at=482)
    other = q("I had a good relationship with him.", article="b.txt", at=933)
    (d,) = relate(canon, other).discrepancies
    assert (d.canonical_start, d.canonical_end) == (484, 488)
    assert d.variant_start == d.variant_end == 934  # the gap after "I"


def test_speaker_conflict():
    v = relate(q("We will never give up our weapons.", "Kim Jong Un"), q("We will never give up our weapons.", "Moon Jae-in"))
    assert v.relation == "verbatim"
    assert summary(v) == [("speaker_conflict", "Kim Jong Un", "Moon Jae-in", ())]
    assert not relate(q("Words.", "Donald Trump"), q("Words.", "Trump")).discrepancies
    assert not relate(q("Words.", "Donald Trump"), q("Words.")).discrepancies


def test_pieces_of_one_utterance_are_fragments():
    a = q("That’s pretty significant to start with,", utterance="u1")
    b = q("About as big as it gets.", at=80, utterance="u1")
    v = relate(a, b)
    assert (v.relation, v.discrepancies) == ("fragment", ())


def test_nothing_in_common_is_one_substitution():
    v = relate(q("Completely different words here."), q("Nothing alike at all."))
    assert v.relation == "edited"
    assert [d.type for d in v.discrepancies] == ["substituted"]


WORDS = ["I", "would", "I’d", "we", "haven’t", "never", "just", "Kim", "said", "3", "love", "to", "meet", "him",
         "the", "deal", "colour", "color", "[the", "US]", "…", "not", "will"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
PUNCT = st.sampled_from(["", ".", ",", "?", "!"])


@given(SENTENCE, PUNCT)
@settings(max_examples=150, deadline=None)
def test_relate_to_itself_is_verbatim(text, end):
    x = q(text + end)
    v = relate(x, q(text + end, article="b.txt"))
    assert v.relation == "verbatim" and v.discrepancies == ()


@given(SENTENCE, SENTENCE, PUNCT, st.integers(0, 50), st.integers(0, 50))
@settings(max_examples=250, deadline=None)
def test_discrepancy_offsets_slice_to_their_words(a, b, end, at_a, at_b):
    pad_a, pad_b = "x" * at_a, "y" * at_b
    ca, cb = q(a + end, at=at_a), q(b, article="b.txt", at=at_b)
    art_a, art_b = pad_a + ca.text + "tail", pad_b + cb.text
    v = relate(ca, cb)
    assert v.relation in RELATIONS
    for d in v.discrepancies:
        assert d.type in DIFF_TYPES and set(d.flags) <= set(FLAGS)
        assert art_a[d.canonical_start:d.canonical_end] == d.canonical_text
        assert art_b[d.variant_start:d.variant_end] == d.variant_text
        assert d.canonical_text or d.variant_text


@given(SENTENCE, st.integers(0, 13), st.integers(1, 5))
@settings(max_examples=150, deadline=None)
def test_a_cut_is_never_flagged(text, start, size):
    words = text.split()
    part = " ".join(words[start:start + size])
    if not part:
        return
    v = relate(q(text), q(part, article="b.txt"))
    for d in v.discrepancies:
        if d.type == "trimmed":
            assert d.flags == ()
