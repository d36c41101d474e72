"""Findings against transcripts (`quotes.check.spoken`) and the dates that decide the occasion (no model)."""
from __future__ import annotations

import datetime as dt

import pytest
from check_support import quote

from quotes.check.occasion import EventDate, article_date, event_dates, header_date, named_day, parse_given
from quotes.check.record import Record, Recorded
from quotes.check.run import check_quotes
from quotes.check.spoken import When
from quotes.errors import InputError
from quotes.model import Article, Cue, Quote, Speaker
from quotes.transcript import transcript_quotes

# written for these tests: a mayoral debate, one sentence a line
DEBATE = """MODERATOR: Mayor, will the buses run on time next year?
REYES: We will never give up on this city, and we will not cut a single bus route next year.
REYES: Our plan puts three hundred new drivers on the road by the spring.
MODERATOR: Councillor?
OKAFOR: The mayor has promised new drivers every year since he was elected, and the buses are still late.
OKAFOR: I would hire the drivers in the first month and publish the timetable every week.
"""
D = dt.date


def record(text: str = DEBATE, source: str = "debate.txt") -> Record:
    return Record([Recorded(q, source, transcript=True) for q in transcript_quotes(Article(source, text))])


def said(text: str, speaker: str | None = "Ana Reyes", resolution: str = "name", confidence: float = 0.95) -> Quote:
    q = quote(text)
    spk = Speaker(speaker, speaker, 0, len(speaker), resolution) if speaker else None
    return Quote(q.article, q.article_id, q.text, q.start_char, q.end_char, q.line, q.column, q.kind, spk,
                 confidence=confidence)


def kinds(q: Quote, when: When = When(), events=None, rec: Record | None = None) -> list[str]:
    rec = rec or record()
    if when == When(when.published):
        return [f.kind for f in check_quotes([q], rec, published=when.published, events=events)]
    return [f.kind for f in _judge(q, rec, when, events)]


def _judge(q, rec, when, events):
    from quotes.check import spoken

    return spoken.judge(q, rec.passages(q), when, events) or []


CASES = [
    # (what, quote, speaker, resolution, expected kinds)
    ("verbatim", "We will never give up on this city", "Ana Reyes", "name", []),
    ("two lines, cleaned of nothing", "we will not cut a single bus route next year. Our plan puts three hundred new "
     "drivers on the road by the spring.", "Ana Reyes", "name", []),
    ("numerals", "Our plan puts 300 new drivers on the road by the spring", "Ana Reyes", "name", []),
    ("a changed number", "Our plan puts three thousand new drivers on the road by the spring", "Ana Reyes", "name",
     ["misquote"]),
    ("a dropped negation", "we will cut a single bus route next year", "Ana Reyes", "name", ["misquote"]),
    ("another occasion: too many words differ", "We will never give up on this town and we will never cut any "
     "route this year", "Ana Reyes", "name", ["near-match"]),
    ("words beyond the turn", "Our plan puts three hundred new drivers on the road by the spring. They start in "
     "April.", "Ana Reyes", "name", ["unverified"]),
    ("confidently someone else", "I would hire the drivers in the first month and publish the timetable every week",
     "Ana Reyes", "name", ["misattribution"]),
    ("a pronoun is no evidence of a misattribution",
     "I would hire the drivers in the first month and publish the timetable every week", "Ana Reyes", "pronoun", []),
    ("nobody named: the words are checked", "I would hire the drivers in the first month and publish the timetable "
     "every day", None, "name", ["misquote"]),
    ("someone else, a short phrase", "publish the timetable every week", "Ana Reyes", "name", ["near-match"]),
    ("someone else, words changed", "I would hire the drivers in the first week and publish the timetable every "
     "month", "Ana Reyes", "name", ["near-match"]),
    ("nothing like it on record", "Parking fees will double", "Ana Reyes", "name", ["unverified"]),
    ("a short phrase changed: maybe said elsewhere", "Our plan puts new drivers on roads", "Ana Reyes", "name",
     ["near-match"]),
]


@pytest.mark.parametrize("what,text,speaker,resolution,expected", CASES, ids=[c[0] for c in CASES])
def test_findings(what, text, speaker, resolution, expected):
    assert kinds(said(text, speaker, resolution)) == expected


def test_a_low_confidence_name_is_no_evidence_either():
    q = said("I would hire the drivers in the first month and publish the timetable every week", confidence=0.6)
    assert kinds(q) == []


def test_a_record_speaker_quoting_someone_is_no_evidence_of_a_misattribution():
    rec = record("HOST: Mayor, your rival said, and I quote, I would hire the drivers in the first month and publish "
                 "the timetable every week.\n")
    q = said("I would hire the drivers in the first month and publish the timetable every week")
    assert kinds(q, rec=rec) == ["near-match"]


def test_a_record_speaker_named_by_the_quote_is_no_evidence_of_a_misattribution():
    q = said("I would hire the drivers in the first month and publish the timetable every week", "Ana Reyes")
    rec = record()
    assert kinds(q, When(None, None, None, "Okafor answered: "), rec=rec) == ["near-match"]
    assert kinds(q, When(None, None, None, "Reyes answered: "), rec=rec) == ["misattribution"]


def test_words_unlike_the_turn_at_a_quote_edge_are_unverified_not_changed():
    q = said("Our plan puts three hundred new drivers on the road, the finest anywhere in this country")
    [f] = check_quotes([q], record())
    assert f.kind == "unverified" and "the finest anywhere in this country" in f.message
    q = said("Our plan puts three hundred new drivers on the road by the autumn")  # a changed ending is a change
    assert kinds(q) == ["misquote"]


def test_a_mistyped_label_is_the_same_person():
    rec = record("REYESS: We will hire the drivers in the first month and publish the timetable every week.\n")
    q = said("We will hire the drivers in the first month and publish the timetable every week", "Ana Reyes")
    assert kinds(q, rec=rec) == []


def test_a_role_label_in_the_record_is_no_evidence_of_a_misattribution():
    rec = record("AUDIENCE MEMBER: Why would anyone hire the drivers in the first month and not the last?\n")
    q = said("Why would anyone hire the drivers in the first month and not the last?", "Ana Reyes")
    [f] = check_quotes([q], rec)
    assert f.kind == "near-match" and "names a role" in f.message


def test_the_finding_names_the_record_line_and_the_words():
    [f] = check_quotes([said("we will cut a single bus route next year")], record())
    assert f.reference_source == "debate.txt:2:8" and "transcript line 2" in f.message
    assert "omits “not” (omitted: negation)" in f.message
    assert "recorded: “we will not cut a single bus route next year”" in f.message
    [d] = f.discrepancies
    assert (d.type, d.canonical_text, d.flags) == ("omitted", "not", ("negation",))
    assert DEBATE[d.canonical_start:d.canonical_end] == "not"
    [f] = check_quotes([said("I would hire the drivers in the first month and publish the timetable every week")],
                       record())
    assert f.kind == "misattribution" and "from OKAFOR" in f.message and "transcript line 6" in f.message


DATED = [
    # (article date, event date, declared?, expected kinds for a changed number)
    (None, None, True, ["misquote"]),
    (D(2024, 5, 2), D(2024, 5, 1), True, ["misquote"]),
    (D(2024, 5, 1), D(2024, 5, 1), True, ["misquote"]),
    (D(2024, 4, 30), D(2024, 5, 1), True, ["near-match"]),  # the article is older than the event
    (D(2024, 4, 30), D(2024, 5, 1), False, ["misquote"]),  # a file-name date may be a few days late
    (D(2024, 4, 20), D(2024, 5, 1), False, ["near-match"]),
    (D(2024, 8, 1), D(2024, 5, 1), True, ["near-match"]),  # months later: maybe said again elsewhere
]


@pytest.mark.parametrize("published,event,declared,expected", DATED)
def test_the_occasion_by_date(published, event, declared, expected):
    events = {"debate.txt": EventDate(event, declared)} if event else {}
    q = said("Our plan puts three thousand new drivers on the road by the spring")
    assert kinds(q, When(published), events) == expected


def test_words_the_article_says_were_written_are_another_occasion():
    q = said("Our plan puts three thousand new drivers on the road by the spring")
    assert kinds(q, When(None, None, "in a statement")) == ["near-match"]
    text = 'Buses. "Our plan puts three thousand new drivers on the road by the spring," Reyes said in a statement.'
    start = text.index("Our")
    c = text.index("said")
    q = Quote("a.txt", "a", text[start:text.index(',"')], start, text.index(',"'), 1, 1, "speech",
              Speaker("Ana Reyes", "Reyes", 0, 5, "name"), Cue("said", "say", c, c + 4), confidence=0.95)
    [f] = check_quotes([q], record(), text=text)
    assert f.kind == "near-match" and "written (in a statement)" in f.message


def test_a_weekday_the_event_was_not_on_makes_a_near_match():
    events = {"debate.txt": EventDate(D(2024, 5, 1), True)}  # a Wednesday
    q = said("Our plan puts three thousand new drivers on the road by the spring")
    assert kinds(q, When(D(2024, 5, 3), ("Thursday", D(2024, 5, 2))), events) == ["near-match"]
    assert kinds(q, When(D(2024, 5, 3), ("Wednesday", D(2024, 5, 1))), events) == ["misquote"]


ARTICLE = 'Reyes defended the plan. "We will hire drivers," Reyes said Tuesday night in Leeds. She left on Friday.'


@pytest.mark.parametrize("cue,published,expected", [
    ("said", D(2024, 5, 3), ("Tuesday", D(2024, 4, 30))),  # a Friday article: the Tuesday before
    ("said", D(2024, 4, 30), ("Tuesday", D(2024, 4, 30))),
    ("said", None, None),
    ("defended", D(2024, 5, 3), None),  # no weekday right after this cue
])
def test_named_day(cue, published, expected):
    start = ARTICLE.index("We will")
    c = ARTICLE.index(cue + " " if cue == "said" else cue)
    q = Quote("a.txt", "a", "We will hire drivers,", start, start + 21, 1, 1, "speech",
              cue=Cue(cue, cue, c, c + len(cue)))
    assert named_day(ARTICLE, q, published) == expected


@pytest.mark.parametrize("path,date,expected", [
    ("news/wash-post_2016-01-18_a-story.txt", None, D(2016, 1, 18)),
    ("20160118-story.txt", None, D(2016, 1, 18)),
    ("story.html", "2016-01-19T10:00:00", D(2016, 1, 19)),
    ("story-20161345.txt", None, None),
    ("story.txt", None, None),
])
def test_article_date(path, date, expected):
    assert article_date(Article(path, "text", date=date)) == expected


def test_event_dates_from_the_header_the_option_and_the_file_name(tmp_path):
    a = tmp_path / "debate.txt"
    a.write_text("# date: 2016-01-17\nREYES: Hello.\n", encoding="utf-8")
    b = tmp_path / "20160212_town_hall.txt"
    b.write_text("REYES: Hello.\n", encoding="utf-8")
    c = tmp_path / "speech.txt"
    c.write_text("Event date: 2016-03-01\nREYES: Hello.\n", encoding="utf-8")
    got = event_dates([str(a), str(b), str(c)])
    assert got == {str(a): EventDate(D(2016, 1, 17), True), str(b): EventDate(D(2016, 2, 12), False),
                   str(c): EventDate(D(2016, 3, 1), True)}
    got = event_dates([str(a), str(b)], ["20160212_town_hall.txt=2016-02-11"])
    assert got[str(b)] == EventDate(D(2016, 2, 11), True) and got[str(a)].day == D(2016, 1, 17)
    assert event_dates([str(b)], ["2016-02-10"])[str(b)] == EventDate(D(2016, 2, 10), True)
    with pytest.raises(InputError, match="no transcript of that name"):
        event_dates([str(a)], ["other.txt=2016-02-10"])


@pytest.mark.parametrize("value", ["yesterday", "2016-13-01", "debate.txt=", "=2016"])
def test_bad_transcript_dates(value):
    with pytest.raises(InputError, match="--transcript-date"):
        parse_given([value])


def test_a_date_header_is_not_a_turn():
    assert header_date("DATE: 2016-01-17\nA: b\n") == D(2016, 1, 17)
    assert header_date("A: b\nB: c\nC: d\nD: e\nE: f\nDate: 2016-01-17\n") is None  # not among the first lines
    quotes = transcript_quotes(Article("t.txt", "DATE: 2016-01-17\nREYES: Hello there.\n"))
    assert [(q.speaker.name, q.text, q.line) for q in quotes] == [("REYES", "Hello there.", 2)]
