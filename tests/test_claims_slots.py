"""Slot kinds of `quotes claims` on short articles written for these tests about one invented event
(a protest in an invented town): each kind has a conflict and the agreement classes that must not be
one. Needs the spaCy model (the articles are parsed once per module)."""
from __future__ import annotations

import pytest

from quotes.claims import report
from quotes.model import Article

A = """Protest at the Riverton city hall ends in arrests.

Police arrested five protesters outside the Riverton city hall on Tuesday, after a march against the new toll road.

State treasurer Mara Quill announced in March that the toll road would be paid for by bonds.

Quill wrote on Tuesday that the road "will bring jobs to every town in the valley," a post that was shared widely.

Nearly 40 people joined the march, organisers said.

The Riverton council vote on the road is set for Friday.

Tom Avery watched the arrests from his office in West Millbrook, Ohio.

On Monday the council delayed the vote on the road.

Almost immediately after it did, Mara Quill tweeted this: "The delay hurts every driver in the valley."
"""
B = """Riverton march against toll road leads to arrests.

Police arrested six protesters outside the Riverton city hall, following a march against the toll road.

State senator Mara Quill announced in April that the toll road would be paid for by bonds.

Quill wrote on Wednesday that the road "will bring jobs to every town in the valley."

The march drew 38 people.

The Riverton council vote on the road is set for Friday.

Tom Avery watched the arrests from his office in Millbrook.

Mara Quill's tweet on Sunday about the delay hurting every driver was shared widely.
"""
# the same event, agreeing everywhere except in ways the rules must accept
C = """Riverton protest.

Police arrested five protesters outside the Riverton city hall on Tuesday, with more arrests so far expected.

Mara Quill, the state treasurer, announced in March that the toll road would be paid for by bonds.

Quill wrote on Tuesday that the road "will bring jobs to every town in the valley."

Tom Avery spent the evening at his office in Ohio.
"""


def article(name: str, text: str) -> Article:
    return Article(path=name, text=text)


@pytest.fixture(scope="module")
def conflicting():
    return report([article("a_2031-05-08.txt", A), article("b_2031-05-09.txt", B)])


@pytest.fixture(scope="module")
def agreeing():
    return report([article("a_2031-05-08.txt", A), article("c_2031-05-09.txt", C)])


def conflicts(rep) -> dict[str, set[str]]:
    return {f.slot: {c.values[0].text for s in f.sides for c in s.claims} for f in rep.findings
            if f.status == "conflict"}


@pytest.mark.parametrize("slot, values", [
    ("number of protester arrested", {"five protesters", "six protesters"}),  # a count of people
    ("title of Mara Quill", {"State treasurer", "State senator"}),  # two offices of one level at once
    ("where Tom Avery was", {"West Millbrook", "Millbrook"}),  # two towns, one name apart
])
def test_each_slot_kind_finds_its_conflict(conflicting, slot, values):
    assert conflicts(conflicting).get(slot) == values


# a month, a weekday on the verb of saying, and a weekday the sentence before gives ("On Monday ... Almost
# immediately after it did, Quill tweeted") against the day of the tweet in the other article
@pytest.mark.parametrize("values", [{"March", "April"}, {"Tuesday", "Wednesday"}, {"Monday", "Sunday"}])
def test_the_same_words_dated_differently_conflict(conflicting, values):
    dated = [{c.values[0].text for s in f.sides for c in s.claims} for f in conflicting.findings
             if f.status == "conflict" and f.slot.startswith("when Mara Quill")]
    assert values in dated


def test_rounding_is_not_a_conflict(conflicting):
    # "Nearly 40 people" and "38 people": no finding may call them different
    for f in conflicting.findings:
        if f.status == "conflict":
            texts = {c.values[0].text for s in f.sides for c in s.claims}
            assert not texts & {"Nearly 40 people", "38 people"}


def test_agreements_stay_agreements(agreeing):
    assert conflicts(agreeing) == {}
    agreed = {f.slot for f in agreeing.findings if f.status == "agree"}
    assert "title of Mara Quill" in agreed  # "State treasurer" and "the state treasurer"
    assert any(s.startswith("when Mara Quill") for s in agreed)
    assert "where Tom Avery was" in agreed  # "West Millbrook, Ohio" is in "Ohio"
    assert "day of the event the articles report" in agreed  # both ledes: Tuesday


def test_every_finding_marks_values_inside_its_sentences(conflicting):
    for f in conflicting.findings:
        for s in f.sides:
            for c in s.claims:
                text = A if c.article.startswith("a_") else B
                assert c.text == text[c.start_char:c.end_char]
                for v in c.values:
                    assert v.text == text[v.start_char:v.end_char]
                    assert c.start_char <= v.start_char and v.end_char <= c.end_char


@pytest.mark.parametrize("first, second, shared", [
    # a person named by a role alone, in both articles
    ("The former city treasurer opposed the toll road at the hearing.",
     "At the hearing, the former city treasurer spoke against the toll road.", True),
    # a role beside a name, or owned by someone, is a title, not a description
    ("The former city treasurer, Mara Quill, opposed the toll road at the hearing.",
     "At the hearing, his former city treasurer spoke against the toll road.", False),
])
def test_a_person_named_by_a_role_alone_is_a_value(first, second, shared):
    rep = report([article("d_2031-05-08.txt", "Hearing.\n\n" + first + "\n"),
                  article("e_2031-05-09.txt", "Hearing.\n\n" + second + "\n")])
    keys = {s.norm for f in rep.findings if f.kind == "statement" for s in f.sides}
    assert ("r:former city treasurer" in keys) is shared
