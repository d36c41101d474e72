"""The word diff the report draws: discrepancies laid out along the member's text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.model import Discrepancy, Quote, Variant
from quotes.render import wordiff as w


def q(text: str, start: int = 0, article: str = "a.txt") -> Quote:
    return Quote(article=article, article_id=article, text=text, start_char=start, end_char=start + len(text),
                 line=1, column=1, kind="speech")


def d(type_: str, c: Quote, cspan: tuple[int, int], v: Quote, vspan: tuple[int, int], flags=()) -> Discrepancy:
    """A discrepancy from spans relative to each quote."""
    return Discrepancy(type_, c.text[cspan[0]:cspan[1]], v.text[vspan[0]:vspan[1]], c.start_char + cspan[0],
                       c.start_char + cspan[1], v.start_char + vspan[0], v.start_char + vspan[1], tuple(flags))


def kinds(segs) -> list[tuple[str, str]]:
    return [(s.kind, s.text or s.canonical) for s in segs]


C = q("I just had a good relationship with him.", start=100, article="c.txt")

CASES = [
    # (variant text, relation, [(type, canonical span, variant span)], expected segments)
    ("I had a good relationship with him.", "edited", [("omitted", (2, 6), (2, 2))],
     [("same", "I "), ("deleted", "just"), ("space", " "), ("same", "had a good relationship with him.")]),
    ("I just had a great relationship with him.", "edited", [("substituted", (13, 17), (13, 18))],
     [("same", "I just had a "), ("deleted", "good"), ("space", " "), ("inserted", "great"),
      ("same", " relationship with him.")]),
    ("I just had a really good relationship with him.", "edited", [("added", (13, 13), (13, 19))],
     [("same", "I just had a "), ("inserted", "really"), ("same", " good relationship with him.")]),
    ("I Just had a good relationship with him.", "cosmetic", [("cosmetic", (2, 6), (2, 6))],
     [("same", "I "), ("cosmetic", "Just"), ("same", " had a good relationship with him.")]),
    ("I just had a good relationship", "trimmed", [("trimmed", (30, 40), (30, 30))],
     [("same", "I just had a good relationship"), ("space", " "), ("trimmed", "with him.")]),
    ("I just had a good relationship with him", "cosmetic", [("cosmetic", (39, 40), (39, 39))],
     [("same", "I just had a good relationship with him"), ("cosmetic", ".")]),
    ("good relationship", "fragment", [("trimmed", (0, 13), (0, 0)), ("trimmed", (30, 40), (17, 17))],
     [("outside", "I just had a"), ("space", " "), ("covered", "good relationship"), ("space", " "),
      ("outside", "with him.")]),
    # a fragment with no itemised differences is found in the full wording
    ("GOOD relationship", "fragment", [],
     [("outside", "I just had a"), ("space", " "), ("covered", "GOOD relationship"), ("space", " "),
      ("outside", "with him.")]),
    # a verbatim member with nothing to show
    ("I just had a good relationship with him.", "verbatim", [],
     [("same", "I just had a good relationship with him.")]),
    # offsets that do not fit the quotes are ignored rather than drawn wrong
    ("I just had a good relationship with him.", "edited", [("omitted", (2, 400), (2, 2))],
     [("same", "I just had a good relationship with him.")]),
]


@pytest.mark.parametrize("text, relation, diffs, expected", CASES)
def test_segments(text, relation, diffs, expected):
    v = q(text, start=7, article="v.txt")
    member = Variant(v, relation, tuple(d(t, C, cs, v, vs) for t, cs, vs in diffs))
    assert kinds(w.diff_segments(C, member)) == expected


def test_canonical_member_is_one_plain_segment():
    assert kinds(w.diff_segments(C, Variant(C, "verbatim"))) == [("same", C.text)]


def test_speaker_conflict_is_not_drawn_in_the_words():
    v = q(C.text, start=3, article="v.txt")
    conflict = Discrepancy("speaker_conflict", "Ann", "Bob", 0, 3, 0, 3, ("entity",))
    assert kinds(w.diff_segments(C, Variant(v, "verbatim", (conflict,)))) == [("same", C.text)]


def test_cosmetic_keeps_canonical_form_and_flags_travel():
    v = q("I’d love to", article="v.txt")
    c = q("I would love to", article="c.txt")
    segs = w.diff_segments(c, Variant(v, "edited", (d("cosmetic", c, (0, 7), v, (0, 3)),
                                                    d("omitted", c, (8, 12), v, (4, 4), ["modal"]))))
    assert segs[0] == w.Segment("cosmetic", "I’d", canonical="I would")
    assert [s.flags for s in segs if s.kind == "deleted"] == [("modal",)]


@pytest.mark.parametrize("fragment, full, expected", [
    ("man", "woman man", "man"),  # a whole word, not the inside of another
    ("Rocket Man", "little rocket man", "rocket man"),
    ("fond memory", "I have fond memories of", "fond memories"),  # near match widened to whole words
    ("I’ll Be in South Korea", "If you. I’ll be in South Korea.", "I’ll be in South Korea"),
    ("", "anything", "anything"),
])
def test_locate(fragment, full, expected):
    s, e = w.locate(fragment, full)
    assert full[s:e] == expected


@pytest.mark.parametrize("segs, stretch", [
    ((w.Segment("same", "a"),), None),
    ((w.Segment("outside", "a"), w.Segment("space", " "), w.Segment("covered", "b")), (2, 3)),
    ((w.Segment("outside", "a"), w.Segment("cosmetic", "B", "b"), w.Segment("covered", " c"),
      w.Segment("outside", ".")), (1, 3)),
])
def test_quoted_stretch(segs, stretch):
    assert w.quoted_stretch(segs) == stretch


# ---- properties: random edits of a random wording ---------------------------------------------

WORDS = ["alpha", "beta", "I’d", "we", "[b]bold[/b]", "it,", "*x*", "US", "3", "--", "“hm”"]
OPS = ["keep", "keep", "keep", "omit", "add", "sub", "cos"]


@st.composite
def edited(draw):
    """A canonical wording, a variant made from it by random word edits, and the discrepancies between them."""
    cwords = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10))
    ops = draw(st.lists(st.sampled_from(OPS), min_size=len(cwords), max_size=len(cwords)))
    c_text = " ".join(cwords)
    vwords: list[str] = []
    spans = []  # (type, (cs, ce), (vs, ve))
    cpos = 0
    for word, op in zip(cwords, ops, strict=True):
        cs, ce = cpos, cpos + len(word)
        vnext = len(" ".join(vwords)) + (1 if vwords else 0)
        if op == "omit":
            end = len(" ".join(vwords))
            spans.append(("omitted", (cs, ce), (end, end)))
        elif op == "add":
            new = draw(st.sampled_from(WORDS))
            spans.append(("added", (cs, cs), (vnext, vnext + len(new))))
            vwords.append(new)
            vnext += len(new) + 1
        if op in ("keep", "add"):
            vwords.append(word)
        elif op == "sub":
            new = draw(st.sampled_from([x for x in WORDS if x != word]))
            spans.append(("substituted", (cs, ce), (vnext, vnext + len(new))))
            vwords.append(new)
        elif op == "cos":
            new = word.upper() if word.upper() != word else word.lower()
            spans.append(("cosmetic", (cs, ce), (vnext, vnext + len(new))))
            vwords.append(new)
        cpos = ce + 1
    v_text = " ".join(vwords)
    c = q(c_text, start=50, article="c.txt")
    v = q(v_text, start=9, article="v.txt")
    return c, v, tuple(d(t, c, cs, v, vs) for t, cs, vs in spans)


@settings(max_examples=300, deadline=None)
@given(edited())
def test_segments_give_back_both_wordings(case):
    c, v, diffs = case
    segs = w.diff_segments(c, Variant(v, "edited", diffs))
    assert w.member_text(segs) == v.text  # the member's words, all of them, in order
    assert "".join(w.canonical_text(segs).split()) == "".join(c.text.split())  # and the canonical ones
    assert all(s.kind in w.KINDS and (s.text or s.kind == "cosmetic") for s in segs)
    words = lambda texts: " ".join(texts).split()  # noqa: E731
    assert words(s.text for s in segs if s.kind == "deleted") == words(
        x.canonical_text for x in diffs if x.type in ("omitted", "substituted"))
    assert words(s.text for s in segs if s.kind == "inserted") == words(
        x.variant_text for x in diffs if x.type in ("added", "substituted"))
    assert [s.text for s in segs if s.kind == "cosmetic"] == [x.variant_text for x in diffs if x.type == "cosmetic"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10), st.data())
def test_fragment_sits_in_place(words, data):
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    c = q(" ".join(words), article="c.txt")
    v = q(" ".join(words[i:j]), article="v.txt")
    segs = w.diff_segments(c, Variant(v, "fragment"))
    assert "".join(s.text for s in segs if s.kind == "covered") == v.text
    assert "".join(s.text for s in segs) == c.text  # the whole canonical wording, in place
