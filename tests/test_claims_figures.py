"""Figures and relative dates written in other ways: shares, margins in points, "last week", "last
Monday", a bare weekday and a month without a year, resolved against the article's date. Pure text
(no model), except the end-to-end cases at the bottom, on short sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.claims.dateline import calendar_keys, month_year, nearest_weekday, relative_day
from quotes.claims.shares import figures


def one(text):
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("a, b, compatible", [
    ("More than 6 in 10 voters agreed.", "64 percent of voters agreed.", True),
    ("More than 6 in 10 voters agreed.", "Nearly two-thirds of voters agreed.", True),
    ("Six in 10 voters agreed.", "58 percent of voters agreed.", True),  # rounding of "6 in 10"
    ("A majority of the board voted yes.", "57 percent of the board voted yes.", True),
    ("Half of the members left.", "48 percent of the members left.", True),
    ("About a third of the staff quit.", "31 percent of the staff quit.", True),
    ("She holds a double-digit lead.", "She holds a 14-point lead.", True),
    ("She won by more than 20 points.", "She leads by double digits after a 23-point win.", True),
    # negatives: figures that cannot both be true
    ("More than 6 in 10 voters agreed.", "A third of voters agreed.", False),
    ("Six in 10 voters agreed.", "72 percent of voters agreed.", False),
    ("A majority of the board voted yes.", "41 percent of the board voted yes.", False),
    ("49.9 percent of the vote", "49.6 percent of the vote", False),  # decimals are not rounded away
    ("She holds a double-digit lead.", "She holds a 6-point lead.", False),
    ("She holds a 20-point lead.", "She leads by 15 points.", False),
])
def test_figures_written_in_other_ways(a, b, compatible):
    fa, fb = figures(a)[0], figures(b)[-1]
    assert fa.compatible(fb) is compatible


@pytest.mark.parametrize("text, expected", [
    ("Six in 10 voters agreed.", "Six in 10"),
    ("It took a half-hour to count.", None),  # a measure, not a share
    ("The team scored 20 points.", None),  # a score, not a margin
    ("He won the second half easily.", None),
    ("A clear majority said no.", "A clear majority"),
    ("She won by 9 points.", "9 points"),
])
def test_what_is_a_figure(text, expected):
    found = figures(text)
    assert (text[found[0].start:found[0].end] if found else None) == expected


def test_shares_and_points_never_meet():
    assert not one("She has a 10-point lead.").compatible(one("10 percent of voters agree."))


@given(st.integers(1, 99))
def test_a_whole_percent_fits_itself_and_not_its_neighbours(n):
    a = one(f"{n} percent of voters")
    assert a.compatible(one(f"{n} percent of members"))
    assert not a.compatible(one(f"{n + 1} percent of voters"))


WED = dt.date(2031, 5, 14)  # a Wednesday


@pytest.mark.parametrize("text, date, unit", [
    ("yesterday", dt.date(2031, 5, 13), "day"),
    ("today", WED, "day"),
    ("last week", dt.date(2031, 5, 5), "week"),  # the Monday of the week before
    ("this week", dt.date(2031, 5, 12), "week"),
    ("last month", dt.date(2031, 4, 1), "month"),
    ("last Monday", dt.date(2031, 5, 5), "day"),  # Monday of the week before, not two days ago
    ("last Friday", dt.date(2031, 5, 9), "day"),
    ("this past Monday", dt.date(2031, 5, 12), "day"),
])
def test_relative_dates_resolve_against_the_article_date(text, date, unit):
    r = relative_day(text, WED)
    assert (r.date, r.unit) == (date, unit)


@pytest.mark.parametrize("text", ["Tuesday", "in the last week", "months later", "recently", "last year"])
def test_what_is_not_a_relative_day(text):
    assert relative_day(text, WED) is None


def test_no_article_date_no_resolution():
    assert relative_day("last week", None) is None and nearest_weekday(1, None) is None and month_year(5, None) is None


@pytest.mark.parametrize("weekday, date", [(2, WED), (1, dt.date(2031, 5, 13)), (3, dt.date(2031, 5, 8))])
def test_a_bare_weekday_is_the_latest_such_day(weekday, date):
    assert nearest_weekday(weekday, WED) == date


@pytest.mark.parametrize("month, written, year", [
    (5, dt.date(2031, 9, 3), 2031), (1, dt.date(2030, 12, 20), 2031), (12, dt.date(2031, 1, 5), 2030)])
def test_a_month_without_a_year_is_the_nearest(month, written, year):
    assert month_year(month, written) == year


def test_a_day_is_known_by_its_week_and_month():
    assert calendar_keys(dt.date(2031, 5, 6)) == ["d:2031-05-06 tuesday", "d:week 2031-W19", "d:2031-05"]


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
def test_last_week_holds_the_day_seven_days_before(written):
    r = relative_day("last week", written)
    assert r.date.weekday() == 0 and r.date <= written - dt.timedelta(days=7) < r.date + dt.timedelta(days=7)


# end to end: sentences of two articles (dated by their file names) compared by `quotes claims`
@pytest.mark.parametrize("first, second, reached", [
    ("More than 6 in 10 residents of Riverton opposed the toll road, the survey found.",
     "The survey found that 64 percent of Riverton residents opposed the toll road.", True),
    ("A third of Riverton residents opposed the toll road, the survey found.",
     "The survey found that 64 percent of Riverton residents opposed the toll road.", False),
    ("Councillor Mara Quill resigned from the Riverton council last week over the toll road.",
     "Mara Quill resigned from the Riverton council on May 6 over the toll road.", True),
    ("Councillor Mara Quill resigned from the Riverton council last month over the toll road.",
     "Mara Quill resigned from the Riverton council on May 6 over the toll road.", False),
    ("Tolls will be paid at RoadPass.example.com, the Riverton council said.",
     "The Riverton council said drivers pay the toll at roadpass.example.com.", True),
])
def test_figures_dates_and_addresses_written_differently_meet(first, second, reached):
    from quotes.claims import report
    from quotes.model import Article

    def article(name, text):
        return Article(path=name, text=text)

    rep = report([article("d_2031-05-14.txt", "Toll road.\n\n" + first + "\n"),
                  article("e_2031-05-15.txt", "Toll road.\n\n" + second + "\n")])
    norms = {s.norm.split(" ")[0] if s.norm.startswith("s:") else s.norm
             for f in rep.findings if f.kind == "statement" for s in f.sides}
    assert bool(norms & {"s:share", "d:2031-05-06 tuesday", "d:week 2031-W19", "u:roadpass.example.com"}) is reached


@pytest.mark.parametrize("first, second, key, shared", [
    # a person described by two modifiers, with "a" or "the", beside a name or not
    # a thing is not a person
    ("An old red van hit Tom Avery on the Riverton toll road.",
     "On the Riverton toll road, the old red van hit a cyclist.", "r:old red van", False),
    ("The van hit Tom Avery, an elderly retired teacher, on the Riverton toll road.",
     "On the Riverton toll road, the elderly retired teacher was hit by a van.", "r:elderly retired teacher", True),
    # one modifier says too little
    ("The van hit Tom Avery, a local man, on the Riverton toll road.",
     "On the Riverton toll road, the local man was hit by a van.", "r:local man", False),
    # a role needs "the" and no name beside it: "a former treasurer" is not one person
    ("A former city treasurer spoke at the Riverton toll road hearing.",
     "The former city treasurer spoke at the Riverton toll road hearing.", "r:former city treasurer", False),
    # the same description, used often and in sentences with no word in common, still meets
    ("The former city treasurer opposed the toll road.\n\nThe vote is on Friday.\n\n"
     "The former city treasurer will speak at the hearing.",
     "Drivers queued at the new gates on Monday.\n\nThe former city treasurer missed the opening of the gates."
     "\n\nLater the former city treasurer wrote to every councillor.",
     "r:former city treasurer", True),
])
def test_descriptions_of_a_person_are_values(first, second, key, shared):
    from quotes.claims import report
    from quotes.model import Article

    rep = report([Article(path="d_2031-05-14.txt", text="Toll road.\n\n" + first + "\n"),
                  Article(path="e_2031-05-15.txt", text="Toll road.\n\n" + second + "\n")])
    keys = {s.norm for f in rep.findings if f.kind == "statement" for s in f.sides}
    assert (key in keys) is shared


@pytest.mark.parametrize("second_date, agree", [
    ("2031-05-15", True),  # Thursday: its "Tuesday" is the 13th, as is the first article's
    ("2031-05-22", False),  # a week later: its "Tuesday" is the 20th, another day
])
def test_ledes_on_the_same_calendar_day_agree_however_worded(second_date, agree):
    from quotes.claims import report
    from quotes.model import Article

    rep = report([Article(path="d_2031-05-14.txt", text="Riverton votes.\n\nRiverton voters picked Ana Ruiz as mayor on Tuesday.\n"),
                  Article(path=f"e_{second_date}.txt",
                          text="Record turnout.\n\nTurnout hit a record in the city election held Tuesday.\n")])
    ledes = [f for f in rep.findings if f.kind == "dated" and f.status == "agree"
             and f.slot == "day of the event the articles report"]
    assert bool(ledes) is agree


@pytest.mark.parametrize("sentence, items", [
    ("Ana Ruiz won primaries in Nevada and her home state of Ohio on Tuesday.", "nevada|ohio"),
    ("Ana Ruiz won in Nevada and in her home state of Ohio.", "nevada|ohio"),  # the preposition repeated
    ("Ana Ruiz spoke in Nevada, Utah and Ohio.", "nevada|ohio|utah"),
    # negatives: "the state of" something that is no place; a single place
    ("Ana Ruiz won in Nevada and in the state of the art.", None),
    ("Ana Ruiz won in her home state of Ohio.", None),
])
def test_a_place_named_by_its_kind_is_a_list_item(sentence, items):
    from quotes.claims import read
    from quotes.model import Article

    claims = read([Article(path="a.txt", text="Vote.\n\n" + sentence + "\n")])[1]
    lists = [v.norm for c in claims if c.kind == "list" for v in c.values]
    assert lists == ([items] if items else [])
