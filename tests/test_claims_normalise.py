"""Number and date normalisation: table-driven cases with negatives, and properties (no model needed)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.claims.dates import When, parse_date
from quotes.claims.numbers import Number, parse_number

NUMBERS = [
    ("three", Number(3)),
    ("two", Number(2)),
    ("Three", Number(3)),
    ("1,200", Number(1200)),
    ("1200", Number(1200)),
    ("a dozen", Number(12)),
    ("dozen", Number(12)),
    ("two dozen", Number(24)),
    ("twenty-one", Number(21)),
    ("two hundred and five", Number(205)),
    ("2.5 million", Number(2_500_000)),
    ("a hundred", Number(100)),
    ("14.7 million", Number(14_700_000)),
    ("more than three", Number(3, ">")),
    ("at least 40", Number(40, ">")),
    ("fewer than 10", Number(10, "<")),
    ("about 40", Number(40, "~")),
    ("nearly 2,000", Number(2000, "~")),
    # negatives: not numbers
    ("the", None),
    ("several leaders", None),
    ("", None),
    ("three-way", None),
    ("1,20,0", None),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


COMPATIBLE_NUMBERS = [
    (Number(3), Number(3), True),
    (Number(3), Number(2), False),
    (Number(2, ">"), Number(3), True),
    (Number(5, ">"), Number(3), False),
    (Number(10, "<"), Number(3), True),
    (Number(40, "~"), Number(38), True),
    (Number(3, ">"), Number(2, "<"), False),
]


@pytest.mark.parametrize("a,b,expected", COMPATIBLE_NUMBERS)
def test_number_compatible(a, b, expected):
    assert a.compatible(b) is expected
    assert b.compatible(a) is expected


DATES = [
    ("June", When(month=6)),
    ("in June 2025", When(2025, 6)),
    ("Wednesday", When(weekday=2)),
    ("on Wednesday", When(weekday=2)),
    ("December 2024", When(2024, 12)),
    ("Feb. 3, 2019", When(2019, 2, 3)),
    ("3 February 2019", When(2019, 2, 3)),
    ("2018", When(2018)),
    ("early 2019", When(2019)),
    ("June 12", When(None, 6, 12)),
    ("Sept. 11, 2001", When(2001, 9, 11)),
    # negatives: relative or not a calendar date
    ("last month", None),
    ("months later", None),
    ("two years ago", None),
    ("recently", None),
    ("the 1990s", None),
    ("the 3rd", None),
    ("this week", None),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


COMPATIBLE_DATES = [
    ("June", "in June 2025", True),
    ("June", "July", False),
    ("2019", "February 2019", True),
    ("June 2018", "June 2019", False),
    ("Wednesday", "June 12", True),  # nothing both give differs
    ("Wednesday", "Thursday", False),
    ("December 2024", "December 2024", True),
]


@pytest.mark.parametrize("a,b,expected", COMPATIBLE_DATES)
def test_date_compatible(a, b, expected):
    wa, wb = parse_date(a), parse_date(b)
    assert wa.compatible(wb) is expected and wb.compatible(wa) is expected


WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_commas_read_back(n):
    assert parse_number(f"{n:,}") == Number(n)
    assert parse_number(str(n)) == Number(n)


@given(st.integers(min_value=1, max_value=99))
def test_number_words_read_back(n):
    if n < 20:
        text = WORDS[n - 1]
    else:
        text = TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + WORDS[n % 10 - 1])
    assert parse_number(text) == Number(n)


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_year_read_back_and_refine_the_month(year, month):
    name = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"][month - 1]
    full = parse_date(f"in {name} {year}")
    assert full == When(year, month)
    assert parse_date(name).compatible(full)
    assert str(full) == f"{year:04d}-{month:02d}"


@given(st.text(max_size=30))
def test_parsers_never_raise(text):
    parse_number(text)
    parse_date(text)
