"""Deciding findings from hand-built matches; building the record from transcripts (no model)."""
from __future__ import annotations

import pytest
from check_support import disc, match, quote

from quotes.check import Record, Recorded, assess, decide, parse_fail_on, transcript_entries
from quotes.check.judge import differences, recorded_words
from quotes.check.record import split_sources
from quotes.errors import InputError, QuotesError
from quotes.model import Discrepancy, Variant

TRUMP = "Donald Trump"

CASES = [
    # (what, speaker of the new quote, matches, expected finding kinds)
    ("nothing recorded", None, [], ["unverified"]),
    ("verbatim in an article", None, [match("verbatim")], []),
    ("cosmetic difference", None, [match("cosmetic")], []),
    ("meaning differs from the only article", None, [match("edited", ("number",))], ["misquote"]),
    ("meaning differs from every article", None, [match("edited", ("negation",)), match("edited", ("hedge",))], ["misquote"]),
    ("wording differs, meaning kept", None, [match("edited")], ["variant"]),
    ("agrees with one article, not another", None, [match("verbatim"), match("edited", ("hedge",))], ["variant"]),
    ("agrees with every article", None, [match("verbatim"), match("cosmetic"), match("fragment")], []),
    ("articles have the words from someone else only", "Kim Yo-jong",
     [match("verbatim", speaker="Kim Jong-un", new_speaker="Kim Yo-jong")], ["misattribution"]),
    ("articles disagree on the speaker; the named one is among them", TRUMP,
     [match("verbatim", speaker="Kim Jong Un", new_speaker=TRUMP), match("verbatim", speaker="Trump", new_speaker=TRUMP)], []),
    ("unknown speaker in the record is no conflict", TRUMP, [match("verbatim", speaker=None, new_speaker=TRUMP)], []),
    ("new quote names nobody: words only", None, [match("verbatim", speaker="Kim Jong Un")], []),
    ("wrong speaker and reworded: the speaker is reported", "Kim Jong Un",
     [match("edited", ("negation",), speaker=TRUMP, new_speaker="Kim Jong Un")], ["misattribution"]),
]


@pytest.mark.parametrize("what,speaker,matches,expected", CASES, ids=[c[0] for c in CASES])
def test_decide(what, speaker, matches, expected):
    found = decide(quote("these are the new words", speaker), matches)
    assert [f.kind for f in found] == expected
    for f in found:
        if f.kind != "unverified":
            assert f.reference is not None and f.reference_source


def test_a_short_phrase_is_no_evidence_of_a_misattribution():
    m = match("fragment", speaker="Cho Hyun", new_speaker="Kim Jong Un")
    assert [f.kind for f in decide(quote("nuclear power", "Kim Jong Un"), [m])] == ["unverified"]
    assert [f.kind for f in decide(quote("we are a nuclear power", "Kim Jong Un"), [m])] == ["misattribution"]


def test_misattribution_message_names_both_speakers_and_the_changed_words():
    m = match("edited", ("negation",), speaker=TRUMP, new_speaker="Kim Jong Un", source="t.txt")
    f = decide(quote("these are the new words", "Kim Jong Un"), [m])[0]
    assert f.kind == "misattribution"
    assert "attributed to Kim Jong Un, but the record has these words from Donald Trump (t.txt:3:5)" in f.message
    assert "“haven’t” → “have” (substituted: negation)" in f.message


def test_variant_message_names_where_the_words_agree_and_where_they_differ():
    found = decide(quote("these are the new words"), [match("verbatim", source="a.txt"), match("cosmetic", source="b.txt"),
                                                      match("fragment", source="c.txt"), match("edited", ("hedge",), source="d.txt")])
    assert [f.kind for f in found] == ["variant"]
    assert found[0].message.startswith("agrees with a.txt:3:5, b.txt:3:5 and 1 more; differs from d.txt:3:5: ")


def test_misquote_message_names_the_words_the_flag_and_the_source():
    f = decide(quote("We have mentioned everything"), [match("edited", ("negation",), source="seeds/a.txt")])[0]
    assert "“haven’t” → “have” (substituted: negation)" in f.message
    assert "seeds/a.txt:3:5" in f.message and f.reference_source == "seeds/a.txt:3:5"
    assert "recorded: “recorded words”" in f.message


DIFFS = [
    ((disc("omitted", "just", "", ("hedge",)),), "omits “just” (omitted: hedge)"),
    ((disc("added", "", "official"),), "adds “official” (added)"),
    ((disc("substituted", "going over there", "coming"),), "“going over there” → “coming” (substituted)"),
    ((disc("cosmetic", "I would", "I’d"),), ""),
    ((disc("cosmetic", "I would", "I’d"), disc("substituted", "two", "three", ("number",))), "“two” → “three” (substituted: number)"),
]


@pytest.mark.parametrize("discs,expected", DIFFS)
def test_differences(discs, expected):
    assert differences(discs) == expected


def test_recorded_words_cut_to_the_aligned_part_of_a_long_turn():
    turn = "Thank you all. We will not raise taxes this year. Next question."
    m = match("fragment", transcript=True, text=turn)
    rec = m.recorded.quote  # starts at offset 10
    cut = (disc("trimmed", "Thank you all.", "", at=10), disc("trimmed", "Next question.", "", at=10 + turn.index("Next")))
    m2 = type(m)(m.recorded, Variant(m.variant.quote, "fragment", cut), True, False, None)
    assert recorded_words(m2) == "We will not raise taxes this year."
    assert recorded_words(m) == turn
    assert rec.text == turn


def relate_table(table):
    """A stand-in for quotes.compare.diff.relate: the relation of (canonical text, other text) from a table."""
    def relate(canonical, other):
        relation = table[(canonical.text, other.text)]
        return Variant(other, relation, (disc("substituted", "a", "b", at=other.start_char),) if relation == "edited" else ())

    return relate


ASSESS = [
    # (relation recorded->new, relation new->recorded, agrees)
    ("verbatim", "verbatim", True),
    ("fragment", "edited", True),
    ("edited", "fragment", True),  # the recorded words are a faithful part of the new quote
    ("edited", "trimmed", True),
    ("edited", "edited", False),
]


@pytest.mark.parametrize("forward,back,agrees", ASSESS)
def test_assess_looks_both_ways(forward, back, agrees):
    new, old = quote("new"), quote("old", article="old.txt")
    m = assess(new, Recorded(old, "old.txt"), relate_table({("old", "new"): forward, ("new", "old"): back}))
    assert m.agrees is agrees and m.speaker is None


TRANSCRIPT = """DONALD TRUMP: We are going to meet, and it will be a great meeting.
I have fond memories of our talks.

KIM JONG UN: I have no intention of meeting at this time.
"""


def test_transcript_entries_and_record(tmp_path):
    t = tmp_path / "presser.txt"
    t.write_text(TRANSCRIPT, encoding="utf-8")
    entries = transcript_entries(str(t))
    assert [(e.quote.speaker.name, e.transcript) for e in entries] == [("DONALD TRUMP", True), ("KIM JONG UN", True)]
    assert entries[0].quote.text.startswith("We are going") and entries[0].location == f"{t}:1:15"
    record = Record(entries + entries)  # the same quote twice counts once
    assert len(record) == 2
    plain = tmp_path / "speech.txt"
    plain.write_text("First paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    assert [e.quote.text for e in transcript_entries(str(plain), "Lee Jae Myung")] == ["First paragraph.", "Second paragraph."]
    with pytest.raises(InputError, match="--speaker"):
        transcript_entries(str(plain))
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "a.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "b.txt").write_text("MOON JAE-IN: Peace.\n", encoding="utf-8")
    assert [e.quote.speaker.name for e in transcript_entries(str(folder))] == ["DONALD TRUMP", "KIM JONG UN", "MOON JAE-IN"]
    with pytest.raises(InputError, match="no such transcript"):
        transcript_entries(str(tmp_path / "missing.txt"))


def test_record_skips_scare_quotes():
    assert len(Record([Recorded(quote("rocket man", kind="scare"), "a.txt"), Recorded(quote("words"), "a.txt")])) == 1


def test_split_sources(tmp_path):
    import sqlite3

    db = tmp_path / "q.db"
    sqlite3.connect(db).execute("create table t (x)").connection.close()
    (tmp_path / "fake.db").write_text("not sqlite")
    assert split_sources([str(db), str(tmp_path / "q.db"), "seeds"]) == ([str(db), str(db)], ["seeds"])
    with pytest.raises(InputError, match="not a quotes store"):
        split_sources([str(tmp_path / "fake.db")])
    with pytest.raises(InputError, match="no such store"):
        split_sources([str(tmp_path / "nope")])


@pytest.mark.parametrize("value,expected", [
    ("misquote,misattribution", {"misquote", "misattribution"}),
    (" Variant ", {"variant"}),
    ("none", set()),
    ("", set()),
    ("all", {"misquote", "misattribution", "near-match", "unverified", "variant"}),
])
def test_parse_fail_on(value, expected):
    assert parse_fail_on(value) == expected


def test_parse_fail_on_rejects_unknown_kinds():
    with pytest.raises(QuotesError, match="misquoted"):
        parse_fail_on("misquoted")


def test_record_from_a_store_keeps_transcripts_authoritative(tmp_path):
    from typer.testing import CliRunner

    from quotes.check import build_record
    from quotes.cli import app
    from quotes.errors import StoreError

    t = tmp_path / "presser.txt"
    t.write_text(TRANSCRIPT, encoding="utf-8")
    db = tmp_path / "quotes.db"
    r = CliRunner().invoke(app, ["add", "--transcript", str(t), "--db", str(db), "--quiet"])
    assert r.exit_code == 0, r.output
    record = build_record([str(db)])
    assert sorted(e.quote.speaker.name for e in record.entries) == ["DONALD TRUMP", "KIM JONG UN"]
    assert all(e.transcript and e.source == str(t) for e in record.entries)
    import sqlite3

    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("create table t (x)").connection.close()
    with pytest.raises(StoreError):
        build_record([str(foreign)])


def variant_of(new, *discs, relation="edited"):
    return lambda canonical, other: Variant(other, relation if other is new else "edited", discs)


EDGE = [
    # (new quote, added words, transcript?, agrees)
    ("If you guys want it. I’ll be in South Korea.", "I’ll be in South Korea", False, True),  # beyond the record's end
    ("Frankly, if you guys want it.", "Frankly", False, True),  # before the record's start
    ("If you guys really want it.", "really", False, False),  # inside: a real change (hedge)
    ("If you guys want it. I’ll be in South Korea.", "I’ll be in South Korea", True, False),  # a transcript turn is whole
]


@pytest.mark.parametrize("text,added,transcript,agrees", EDGE)
def test_words_added_beyond_the_recorded_ones(text, added, transcript, agrees):
    new = quote(text)
    at = new.start_char + text.index(added)
    d = disc("added", "", added, ("hedge",), at=at)
    m = assess(new, Recorded(quote("If you guys want it.", article="old.txt"), "old.txt", transcript),
               variant_of(new, d))
    assert m.agrees is agrees and m.meaning is (not agrees)


MARKED = [
    # (new quote, discrepancy type, the words, where they are in the new quote, marked by the writer?)
    ("We are not [yet] in a hurry", "added", "yet", "yet", True),
    ("We are not yet in a hurry", "added", "yet", "yet", False),
    ("We are not (yet) in a hurry", "added", "yet", "yet", False),  # parentheses may be the speaker's
    ("I would love to meet him … the door is open", "omitted", "again. We are not in any hurry, but", "…", True),
    ("I would love to meet him ... the door is open", "omitted", "again", "...", True),
    ("I would love to meet him. . . the door is open", "omitted", "again", ". . .", True),
    ("I would love to meet him, the door is open", "omitted", "again", ",", False),
    ("I would love to meet him … the door is open", "substituted", "again", "…", False),
]


@pytest.mark.parametrize("text,type_,words,at,marked", MARKED)
def test_marked_by_writer(text, type_, words, at, marked):
    from quotes.check.judge import marked_by_writer

    new = quote(text)
    pos = new.start_char + text.index(at)
    if type_ == "omitted":
        d = Discrepancy("omitted", words, "", 0, len(words), pos, pos)
    else:
        d = Discrepancy(type_, words if type_ == "substituted" else "", words, 0, 0, pos, pos + len(words))
    assert marked_by_writer(d, new) is marked
