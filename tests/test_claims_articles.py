"""Claims found in real text: the seeds (acceptance of `quotes claims`) and hand-written mini articles
that prove the rules are not tied to the seeds. Needs the spaCy model (parsed once per module)."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes import ingest
from quotes.claims import report
from quotes.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def articles(**texts: str) -> list[Article]:
    return [Article(path=f"{name}.txt", text=text) for name, text in texts.items()]


def by_status(rep, status):
    return [f for f in rep.findings if f.status == status]


def side_values(f):
    return sorted(tuple(sorted(c.values[0].text for c in s.claims)) for s in f.sides)


@pytest.fixture(scope="module")
def seeds():
    arts = [a for a in ingest.read([str(SEEDS)]) if isinstance(a, Article)]
    assert len(arts) == 5
    return report(arts)


def name(f):
    return {Path(a).name[:3] for a in f.articles}


def test_seeds_conflicts(seeds):
    conflicts = by_status(seeds, "conflict")
    meetings = next(f for f in conflicts if f.kind == "count")
    assert side_values(meetings) == [("three previous meetings",), ("two historic summits",)]
    assert name(meetings) == {"002", "003"}
    stops = next(f for f in conflicts if f.kind == "list")
    assert side_values(stops) == [("Malaysia and Japan",), ("Malaysia, South Korea, and Japan",)]
    assert "south korea" in stops.note
    trump = next(f for f in conflicts if f.kind == "title" and "Trump" in f.subject)
    sides = {frozenset(Path(a).name[:3] for a in s.articles): s.norm for s in trump.sides}
    assert sides[frozenset({"000", "003"})].startswith("former|president")
    assert sides[frozenset({"001"})] == "current|president|united states|-"
    assert len(conflicts) <= 3 + 5


def test_seeds_agreement_lee_took_office_in_june(seeds):
    lee = next(f for f in by_status(seeds, "agree") if f.kind == "event" and "Lee" in f.subject)
    assert name(lee) == {"001", "004"}
    assert {c.values[0].text for s in lee.sides for c in s.claims} == {"June"}


def test_seeds_paraphrase_link(seeds):
    links = [lk for lk in seeds.links if "considerable starting point" in lk.claim.values[0].text]
    assert len(links) == 1
    assert links[0].quote.text.startswith("That’s pretty significant to start with")
    assert Path(links[0].quote.article).name.startswith("004")


def test_seeds_offsets_point_into_the_text(seeds):
    texts = {a.path: a.text for a in ingest.read([str(SEEDS)]) if isinstance(a, Article)}
    for c in seeds.claims:
        assert texts[c.article][c.start_char:c.end_char] == c.text
        for v in c.values:
            assert texts[c.article][v.start_char:v.end_char] == v.text


def test_no_claim_inside_a_direct_quote():
    rep = report(articles(
        a="Ana Ruiz said: “We held three meetings with Tom Beck and visited Lyon, Turin and Geneva.”\n",
        b="Ana Ruiz said: “We held two meetings with Tom Beck and visited Lyon and Geneva.”\n"))
    assert not by_status(rep, "conflict")


MINI_A = """Mayor Ana Ruiz has held three meetings with Governor Tom Beck this year, her office said.

The delegation's tour included stops in Lyon, Turin and Geneva. Former Senator Paul Grant joined the delegation in Lyon.

Ruiz took office in March 2021 after a close race.
"""
MINI_B = """Ana Ruiz has had two meetings with Tom Beck, according to her aides.

The delegation's tour included stops in Lyon and Geneva, and Ohio Senator Paul Grant joined it.

Ruiz, who took office in March, said the talks were useful.
"""
MINI_C = """Ana Ruiz's tour included stops in Lyon and Turin, among others.

Ana Ruiz took office in June 2020.
"""


def test_mini_articles_conflicts_and_agreement():
    rep = report(articles(a=MINI_A, b=MINI_B))
    kinds = {f.kind: f for f in by_status(rep, "conflict")}
    assert set(kinds) == {"count", "list", "title"}
    assert side_values(kinds["count"]) == [("three meetings",), ("two meetings",)]
    assert "turin" in kinds["list"].note
    assert {s.norm.split("|")[0] for s in kinds["title"].sides} == {"former", "current"}
    [took] = [f for f in by_status(rep, "agree") if f.kind == "event"]
    assert {c.values[0].text for s in took.sides for c in s.claims} == {"March 2021", "March"}


def test_mini_open_list_agrees_and_dates_conflict():
    rep = report(articles(a=MINI_A, c=MINI_C))
    assert [f.kind for f in by_status(rep, "partial")] == []
    assert [f for f in by_status(rep, "agree") if f.kind == "list" and "names fewer" in f.note]
    [took] = by_status(rep, "conflict")
    assert took.kind == "event" and side_values(took) == [("June 2020",), ("March 2021",)]


def test_mini_different_subjects_sharing_words_are_not_paired():
    rep = report(articles(
        a="Senator Ana Ruiz held two rallies in Ohio on Monday. The two leaders spoke for an hour.\n",
        b="Governor Tom Beck held five rallies in Ohio on Monday. The two leaders spoke for an hour.\n",
        c="In 2018, Ana Ruiz signed two bills. Clinton led Beck by 5 points.\n",
        d="In 2020, Ana Ruiz signed five bills. Clinton led Beck by 7 points.\n"))
    assert not by_status(rep, "conflict")


def test_mini_honorific_and_other_offices_do_not_conflict():
    rep = report(articles(
        a="President Maria Olsen visited the plant. Former President Maria Olsen spoke later.\n",
        b="Party Chairwoman Maria Olsen visited the plant on Friday.\n"))
    assert not by_status(rep, "conflict")


def test_mini_reported_speech_agrees_without_quote_marks():
    rep = report(articles(
        a="Tom Beck confirmed no deal would be signed this week.\n",
        b="Later, Tom Beck confirmed there would be no deal.\n"))
    [f] = [f for f in rep.findings if f.kind == "reported"]
    assert f.status == "agree"


def test_long_articles_are_parsed_in_pieces_with_the_same_claims(monkeypatch):
    from quotes import nlp

    whole = report(articles(a=MINI_A, b=MINI_B))
    monkeypatch.setattr(nlp, "PIECE_CHARS", 130)  # cut at paragraph breaks into two or three pieces
    cut = report(articles(a=MINI_A, b=MINI_B))
    assert len(nlp.pieces(MINI_A, 130)) == 3 and len(nlp.pieces(MINI_B, 130)) == 3
    assert [(f.kind, f.status, side_values(f)) for f in cut.findings] == [
        (f.kind, f.status, side_values(f)) for f in whole.findings]


def test_pipe_whole_keeps_the_text_and_offsets():
    from quotes import nlp

    model = nlp.load()
    texts = ["", MINI_A, "One short line."]
    docs = list(nlp.pipe_whole(model, texts, size=100))
    assert [d.text for d in docs] == texts
    assert [(e.text, e.start_char) for e in docs[1].ents] == [(e.text, e.start_char) for e in model(MINI_A).ents]
