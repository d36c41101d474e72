"""What the report shows: severity, the report options, the summary, the speaker table, the blocks."""
from __future__ import annotations

from dataclasses import replace

import pytest
from report_fixture import markup_comparison, seeds_comparison

from quotes.errors import QuotesError
from quotes.render import report_model as rm
from quotes.render.report_select import apply_options
from quotes.render.report_speakers import speaker_rows


@pytest.fixture(scope="module")
def seeds():
    return seeds_comparison()


def test_speaker_conflict_is_flagged_and_counts_as_meaning():
    report = rm.build_report(markup_comparison())
    assert report.blocks[0].conflict and report.blocks[0].severity == "meaning"
    assert report.summary.conflicts == 1
    assert "speaker conflict" in report.blocks[0].title


@pytest.mark.parametrize("options, blocks", [
    ({}, ["af1", "word", "rocket", "kim"]),  # "great" is quoted twice within one article only
    ({"speaker": "Trump"}, ["af1", "word", "rocket"]),
    ({"speaker": "Kim Jong-un"}, ["kim"]),
    ({"speaker": "Lee Jae Myung"}, []),
    ({"speaker": "Kim"}, []),  # a one-word name must be the family name (there are two Kims)
    ({"only_discrepancies": True}, ["af1", "word", "rocket", "kim"]),
    ({"min_severity": "cosmetic"}, ["af1", "word", "rocket", "kim"]),
    ({"min_severity": "cut"}, ["af1", "word", "rocket", "kim"]),
    ({"min_severity": "edit"}, ["af1", "word"]),
    ({"min_severity": "meaning"}, ["af1"]),
    ({"speaker": "Donald J. Trump", "min_severity": "meaning"}, ["af1"]),
])
def test_report_options(seeds, options, blocks):
    assert [b.cluster.id for b in rm.build_report(seeds, **options).blocks] == blocks


def test_speaker_option_keeps_only_their_quotes(seeds):
    chosen = apply_options(seeds, speaker="Kim Jong Un")
    assert {q.speaker.name for q in chosen.quotes} == {"Kim Jong Un"}
    assert chosen.articles == seeds.articles
    assert [r.name for r in rm.build_report(seeds, speaker="Kim Jong Un").speakers] == ["Kim Jong Un"]


@pytest.mark.parametrize("bad", ["severe", "Meaning", "verbatim", ""])
def test_unknown_severity_is_a_usage_error(seeds, bad):
    with pytest.raises(QuotesError, match="unknown severity"):
        rm.build_report(seeds, min_severity=bad)


def test_summary_of_the_seeds(seeds):
    s = rm.summarize(seeds)
    assert (s.articles, s.quotes, s.multi, s.single_article) == (5, 15, 4, 1)
    assert dict(s.kinds) == {"speech": 6, "partial": 7, "scare": 2}
    assert s.by_severity == (0, 0, 2, 1, 1)  # two fragments, one edit, one meaning change
    assert s.conflicts == 0
    assert sum(s.by_severity) == s.multi


def test_summary_rows_say_every_count(seeds):
    rows = rm.summary_rows(rm.summarize(seeds))
    labels = [label for _, label, _, _ in rows]
    for wanted in ("articles read", "quotes found", "utterances quoted by more than one article", "agree verbatim",
                   "differ only cosmetically", "shortened or quoted in part", "differ in wording",
                   "differ in meaning", "speaker conflicts"):
        assert wanted in labels


def test_speaker_rows(seeds):
    rows = [(r.name, r.quotes, r.articles, r.utterances, r.differing) for r in speaker_rows(seeds)]
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
    assert edited.meaning == (("hedge", "“just” left out"),)
    assert ("meaning", "meaning changed: hedge (“just” left out)") in rm.member_notes(edited, block)
    conflict_block = rm.build_report(markup_comparison()).blocks[0]
    other = conflict_block.members[1]
    assert other.other_speaker
    assert ("conflict", "speaker conflict: attributed to [red]Bob[/red] <script>") in rm.member_notes(other, conflict_block)


@pytest.mark.parametrize("options, shown, hidden, note", [
    ({}, 4, 0, ""),
    ({"min_severity": "meaning"}, 1, 3, "Showing 1 of 4 utterances (min severity meaning)."),
    ({"speaker": "Trump", "only_discrepancies": True}, 3, 1,
     "Showing 3 of 4 utterances (speaker Trump, only discrepancies)."),
])
def test_report_filters(seeds, options, shown, hidden, note):
    report = rm.build_report(seeds, **options)
    assert (len(report.blocks), report.hidden, rm.filter_note(report)) == (shown, hidden, note)


@pytest.mark.parametrize("words, short", [
    ("just", "just"),
    ("  two\nlines ", "two lines"),
    ("a" * 40, "a" * 40),
    ("one two three four five six seven eight nine ten", "one two three four … eight nine ten"),
    ("x" * 60, "x" * 18 + " … " + "x" * 18),  # one long word: cut inside it
])
def test_brief(words, short):
    assert rm.brief(words) == short
    assert len(rm.brief(words)) <= 40


@pytest.mark.parametrize("paths, names", [
    (["seeds/a.txt", "other/b.txt"], ["a.txt", "b.txt"]),
    (["x/a.txt", "y/a.txt"], ["x/a.txt", "y/a.txt"]),  # clashing file names: the paths as given
    (["-", "a.txt"], ["-", "a.txt"]),
])
def test_article_names(paths, names):
    assert list(rm.article_names(paths).values()) == names


def test_empty_notes(seeds):
    nothing = replace(seeds, clusters=())
    assert rm.empty_note(rm.build_report(nothing)) == "No utterance is quoted by more than one article."
    alone = replace(seeds, articles=seeds.articles[:1], clusters=())
    assert rm.empty_note(rm.build_report(alone)).startswith("Only one article was read: there is nothing to compare")
    assert rm.empty_note(rm.build_report(seeds, speaker="Nobody")) == "No utterance matches these options."
    assert rm.empty_note(rm.build_report(seeds)) == ""
