"""What the report shows: severity, the report options, the summary, the speaker table, the blocks."""
from __future__ import annotations

from dataclasses import replace

import pytest

from quotes.errors import QuotesError
from quotes.model import Discrepancy, Variant
from quotes.render import report_model as rm
from report_fixture import markup_comparison, seeds_comparison


@pytest.fixture(scope="module")
def seeds():
    return seeds_comparison()


def variant(relation: str, *diffs: tuple[str, tuple[str, ...]]) -> Variant:
    quote = seeds_comparison().clusters[0].canonical
    return Variant(quote, relation, tuple(Discrepancy(t, "a", "b", 0, 1, 0, 1, f) for t, f in diffs))


@pytest.mark.parametrize("relation, diffs, level", [
    ("verbatim", [], rm.VERBATIM),
    ("cosmetic", [], rm.COSMETIC),  # the relation counts without itemised differences
    ("cosmetic", [("cosmetic", ())], rm.COSMETIC),
    ("edited", [("cosmetic", ()), ("omitted", ())], rm.EDIT),
    ("trimmed", [("trimmed", ())], rm.EDIT),
    ("fragment", [("trimmed", ()), ("trimmed", ())], rm.VERBATIM),  # a fragment's uncovered words are no edit
    ("fragment", [("trimmed", ()), ("cosmetic", ())], rm.COSMETIC),
    ("fragment", [("substituted", ())], rm.EDIT),
    ("edited", [("added", ()), ("substituted", ("number",))], rm.MEANING),
    ("edited", [("cosmetic", ("negation",))], rm.MEANING),
    ("verbatim", [("speaker_conflict", ("entity",))], rm.VERBATIM),  # a wording level: the speaker is apart
])
def test_member_level(relation, diffs, level):
    assert rm.member_level(variant(relation, *diffs)) == level


def test_speaker_conflict_makes_a_cluster_meaning_level():
    cl = markup_comparison().clusters[0]
    assert rm.wording_level(cl) == rm.EDIT
    assert rm.cluster_level(cl) == rm.MEANING
    assert rm.has_speaker_conflict(cl)


@pytest.mark.parametrize("query, name, expected", [
    ("Trump", "Donald Trump", True),
    ("donald trump", "President Donald J. Trump", True),
    ("Kim", "Kim Jong Un", True),  # every word of the query in the name
    ("Kim", "Kim Yo-jong", True),
    ("Jong Un", "Kim Jong Un", True),
    ("Kim Jong-un", "Kim Jong Un", True),
    ("Biden", "Donald Trump", False),
    ("Kim Yo-jong", "Kim Jong Un", False),
    ("Trump", None, False),
    ("", "Donald Trump", False),
])
def test_name_matches(query, name, expected):
    assert rm.name_matches(query, name) is expected


@pytest.mark.parametrize("options, clusters", [
    ({}, ["af1", "word", "rocket", "kim", "great"]),
    ({"speaker": "Trump"}, ["af1", "word", "rocket"]),
    ({"speaker": "Kim Jong-un"}, ["kim"]),
    ({"speaker": "Lee Jae Myung"}, []),
    ({"only_discrepancies": True}, ["af1", "word"]),
    ({"min_severity": "cosmetic"}, ["af1", "word"]),
    ({"min_severity": "edit"}, ["af1", "word"]),
    ({"min_severity": "meaning"}, ["af1"]),
    ({"speaker": "Trump", "min_severity": "meaning"}, ["af1"]),
    ({"speaker": "Kim", "only_discrepancies": True}, []),
])
def test_filter_comparison(seeds, options, clusters):
    assert [c.id for c in rm.filter_comparison(seeds, **options).clusters] == clusters


def test_filter_by_speaker_keeps_only_their_quotes(seeds):
    chosen = rm.filter_comparison(seeds, speaker="Kim Jong Un")
    assert {q.speaker.name for q in chosen.quotes} == {"Kim Jong Un"}
    assert chosen.articles == seeds.articles


@pytest.mark.parametrize("bad", ["severe", "Meaning", "verbatim", ""])
def test_unknown_severity_is_a_usage_error(seeds, bad):
    with pytest.raises(QuotesError, match="unknown severity"):
        rm.filter_comparison(seeds, min_severity=bad)


def test_summary_of_the_seeds(seeds):
    s = rm.summarize(seeds)
    assert (s.articles, s.quotes, s.multi, s.single_article) == (5, 15, 4, 1)
    assert dict(s.kinds) == {"speech": 6, "partial": 7, "scare": 2}
    assert s.by_level == (2, 0, 1, 1)  # two fragments that match, one edit, one meaning change
    assert (s.fragments, s.conflicts) == (2, 0)
    assert sum(s.by_level) == s.multi


def test_summary_rows_say_every_count(seeds):
    rows = rm.summary_rows(rm.summarize(seeds))
    labels = [label for _, label, _, _ in rows]
    for wanted in ("articles read", "quotes found", "utterances quoted by more than one article", "agree verbatim",
                   "differ only cosmetically", "differ in meaning", "speaker conflicts"):
        assert wanted in labels


def test_speaker_rows(seeds):
    rows = [(r.name, r.quotes, r.articles, r.utterances, r.differing) for r in rm.speaker_rows(seeds)]
    assert rows == [("Donald Trump", 6, 2, 3, 2), ("Kim Jong Un", 2, 2, 1, 0), ("Lee Jae Myung", 1, 1, 0, 0)]


def test_blocks_are_worst_first_whatever_the_input_order(seeds):
    reordered = replace(seeds, clusters=tuple(reversed(seeds.clusters)))
    report = rm.build_report(reordered)
    assert [b.cluster.id for b in report.blocks] == ["af1", "word", "kim", "rocket"]
    assert [b.number for b in report.blocks] == [1, 2, 3, 4]
    assert "great" not in [b.cluster.id for b in report.blocks]  # quoted twice within one article only


def test_block_members_canonical_first_then_article_order(seeds):
    block = rm.build_report(seeds).blocks[1]  # "put the word out": canonical in 004, then 001 and 004's heading
    assert [(m.relation, m.where) for m in block.members] == [
        ("canonical", "004_765db5b0ab9b3852.txt:7"), ("edited", "001_47eab0ed3e38093b.txt:7"),
        ("fragment", "004_765db5b0ab9b3852.txt:6")]
    assert block.carried_by == 1


def test_member_notes(seeds):
    block = rm.build_report(seeds).blocks[0]
    edited = block.members[1]
    assert dict(edited.counts) == {"omitted": 1, "added": 1, "substituted": 2, "trimmed": 1, "cosmetic": 3}
    assert edited.meaning == (("hedge", "just"),)
    assert ("meaning", "meaning changed: hedge “just”") in rm.member_notes(edited, block)
    conflict_block = rm.build_report(markup_comparison()).blocks[0]
    other = conflict_block.members[1]
    assert other.other_speaker
    assert ("conflict", "speaker conflict: attributed to [red]Bob[/red] <script>") in rm.member_notes(other, conflict_block)


@pytest.mark.parametrize("options, shown, hidden, note", [
    ({}, 4, 0, ""),
    ({"min_severity": "meaning"}, 1, 3, "Showing 1 of 4 utterances (min severity meaning)."),
    ({"speaker": "Trump", "only_discrepancies": True}, 2, 2,
     "Showing 2 of 4 utterances (speaker Trump, only discrepancies)."),
])
def test_report_filters(seeds, options, shown, hidden, note):
    report = rm.build_report(seeds, **options)
    assert (len(report.blocks), report.hidden, rm.filter_note(report)) == (shown, hidden, note)


@pytest.mark.parametrize("paths, names", [
    (["seeds/a.txt", "other/b.txt"], ["a.txt", "b.txt"]),
    (["x/a.txt", "y/a.txt"], ["x/a.txt", "y/a.txt"]),  # clashing file names: the paths as given
    (["-", "a.txt"], ["-", "a.txt"]),
])
def test_article_names(paths, names):
    assert list(rm.article_names(paths).values()) == names


def test_empty_notes(seeds):
    nothing = replace(seeds, clusters=())
    assert rm.empty_note(rm.build_report(nothing)).startswith("No utterance is quoted by more than one article")
    assert rm.empty_note(rm.build_report(seeds, speaker="Nobody")) == "No utterance matches these options."
    assert rm.empty_note(rm.build_report(seeds)) == ""
