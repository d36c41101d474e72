"""Article dates and the rules that need no model: completing dates, ages, titles held at one time."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.claims import ages, titles
from quotes.claims.dateline import article_date, complete, dateline_place, relative_year
from quotes.claims.dates import When, parse_date
from quotes.claims.model import Claim, Value
from quotes.model import Article


@pytest.mark.parametrize("path, date, expected", [
    ("outlet_2016-05-26_slug.txt", None, dt.date(2016, 5, 26)),
    ("x.html", "2015-12-22T08:00:00", dt.date(2015, 12, 22)),
    ("notes.txt", None, None),
    ("report_2016-13-40.txt", None, None),  # not a date
])
def test_article_date(path, date, expected):
    assert article_date(Article(path=path, text="", date=date)) == expected


@pytest.mark.parametrize("text, written, expected", [
    ("this year", dt.date(2016, 5, 26), When(year=2016)),
    ("last year", dt.date(2016, 5, 26), When(year=2015)),
    ("this year", None, None),
    ("last week", dt.date(2016, 5, 26), None),
])
def test_relative_year(text, written, expected):
    assert relative_year(text, written) == expected


@pytest.mark.parametrize("text, written, weekday", [
    ("Dec. 2", dt.date(2015, 12, 22), "wednesday"),  # the year of the article: a Wednesday
    ("Dec. 30", dt.date(2016, 1, 4), "wednesday"),  # a December date in early January: last year
    ("Aug. 30", dt.date(2016, 8, 31), "tuesday"),
    ("Tuesday", dt.date(2016, 8, 31), "tuesday"),
    ("Aug. 30", dt.date(2016, 7, 26), "tuesday"),  # an event five weeks ahead: this year
    ("Feb. 1", dt.date(2015, 12, 20), "monday"),  # an upcoming date in December: next year (2016)
    ("5/12", dt.date(2016, 5, 13), "thursday"),  # month first
])
def test_complete_gives_the_weekday(text, written, weekday):
    assert str(complete(parse_date(text), written)).endswith(weekday)


def test_a_weekday_conflicts_with_a_date_on_another_day():
    dec2 = complete(parse_date("Dec. 2"), dt.date(2015, 12, 7))
    assert not dec2.compatible(parse_date("Tuesday")) and dec2.compatible(parse_date("Wednesday"))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_complete_never_contradicts_the_calendar(d):
    w = complete(When(month=d.month, day=d.day), d)
    assert w.year == d.year and w.weekday == d.weekday()


def age(n: int, written: str) -> Claim:
    return Claim(article=f"{written}.txt", article_id=written, kind="age", key="ruiz", slot="age of Ana Ruiz",
                 subject="Ana Ruiz", participants=("Ana Ruiz",), values=(Value("number", str(n), str(n), 0, 2),),
                 text=str(n), start_char=0, end_char=2, line=1, scope=(f"written:{written}",))


@pytest.mark.parametrize("a, b, ok", [
    ((41, "2016-03-15"), (41, "2016-03-30"), True),
    ((41, "2016-03-15"), (42, "2016-03-30"), False),  # two weeks apart: one of them is wrong
    ((41, "2016-01-15"), (42, "2016-09-30"), True),  # a birthday may fall between
    ((42, "2016-01-15"), (41, "2016-09-30"), False),  # but ages do not go down
    ((41, "2016-01-15"), (43, "2016-09-30"), False),
])
def test_ages(a, b, ok):
    assert ages.compatible(age(*a), age(*b)) is ok


@pytest.mark.parametrize("x, y, ok", [
    ("current|treasurer|-|state", "current|senator|-|state", False),  # one person, one level, two offices
    ("current|senator|-|state", "current|senator|united states|-", True),
    ("?|representative|-|-", "current|speaker|-|-", True),  # "Rep." and "House Speaker": both true
    ("?|treasurer|-|-", "?|senator|-|-", True),  # honorifics: maybe at different times
    ("current|treasurer|-|state", "current|senator|-|city", True),  # different levels
    ("former|governor|-|-", "current|senator|-|-", True),
])
def test_titles_held_at_one_time(x, y, ok):
    assert titles.compatible(x, y) is ok


def title(norm: str, written: str) -> Claim:
    return Claim(article=f"{written}.txt", article_id=written, kind="title", key="ruiz", slot="title of Ana Ruiz",
                 subject="Ana Ruiz", participants=("Ana Ruiz",), values=(Value("title", norm, norm, 0, 1),),
                 text="x", start_char=0, end_char=1, line=1, scope=(f"written:{written}",) if written else ())


@pytest.mark.parametrize("a, b, ok", [
    (("current|reporter|-|-", "2016-03-12"), ("former|reporter|-|-", "2016-03-15"), True),  # left in between
    (("former|reporter|-|-", "2016-03-12"), ("current|reporter|-|-", "2016-03-15"), False),  # not back again
    (("former|reporter|-|-", "2016-03-12"), ("current|reporter|-|-", "2016-03-12"), False),  # the same day
    (("former|reporter|-|-", ""), ("current|reporter|-|-", "2016-03-12"), False),  # no date: a conflict
])
def test_current_then_former_is_a_different_time(a, b, ok):
    assert titles.claims_compatible(title(*a), title(*b)) is ok


@given(st.text(alphabet="ab ,.\n", min_size=1, max_size=40), st.data())
def test_marked_sentences_keep_every_value(text, data):
    from quotes.render.claims_view import marked

    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    c = Claim(article="a.txt", article_id="a", kind="count", key="k", slot="s", subject="-", participants=(),
              values=(Value("number", text[s:e], "1", s, e),), text=text, start_char=0, end_char=len(text), line=1)
    pieces = marked(c)
    assert [t for t, m in pieces if m] == [" ".join(text[s:e].split())] or not text[s:e].strip()


@pytest.mark.parametrize("text, when", [
    ("5/12", When(None, 5, 12)),
    ("5/12/2016", When(2016, 5, 12)),
    ("1/2/16", When(2016, 1, 2)),
    ("13/40", None),  # no such month
    ("12/31/1999", When(1999, 12, 31)),
])
def test_numeric_dates_are_month_first(text, when):
    assert parse_date(text) == when


@pytest.mark.parametrize("text, place", [
    ("RIVERTON - The council met", "RIVERTON"),
    ("RIVERTON, Ohio (AP) — The council met", "RIVERTON"),
    ("NEW MILLBROOK (Reuters) - Voters", "NEW MILLBROOK"),
    ("The council - at last - met", None),  # not in capitals
    ("AP - a byline", None),  # too short to be a town
    ("Riverton - The council met", None),
])
def test_dateline_place(text, place):
    span = dateline_place(text, 0)
    assert (text[span[0]:span[1]] if span else None) == place


@given(st.text(max_size=60))
def test_a_dateline_place_is_capitals_inside_the_text(text):
    span = dateline_place(text, 0)
    if span is not None:
        place = text[span[0]:span[1]]
        assert 0 <= span[0] < span[1] <= len(text) and place == place.upper() and place[:1].isalpha()


@given(st.integers(1, 12), st.integers(1, 31), st.integers(2000, 2040))
def test_numeric_dates_round_trip(month, day, year):
    assert parse_date(f"{month}/{day}/{year}") == When(year, month, day)
