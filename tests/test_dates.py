"""Partial dates and the one interval rule."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lsgmap.dates import OPEN_END, OPEN_START, DateParseError, PartialDate, day_to_iso, interval_days, parse_span, to_day

years = st.integers(min_value=1000, max_value=9998)


@st.composite
def partial_dates(draw) -> PartialDate:
    year = draw(years)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@given(partial_dates())
def test_first_day_is_not_after_last_day(d):
    assert d.first_day() <= d.last_day()


@given(partial_dates())
def test_parse_and_str_round_trip(d):
    assert PartialDate.parse(str(d)) == d


@given(partial_dates())
def test_partial_date_contains_exactly_its_days(d):
    first, last = d.first_day(), d.last_day()
    assert str(PartialDate(first.year, first.month if d.month else None, first.day if d.day else None)) == str(d)
    expected_len = 1 if d.day else calendar.monthrange(d.year, d.month)[1] if d.month else (366 if calendar.isleap(d.year) else 365)
    assert last.toordinal() - first.toordinal() + 1 == expected_len


@given(partial_dates(), partial_dates(), st.integers(date(1000, 1, 1).toordinal(), date(9998, 12, 31).toordinal()))
def test_interval_rule(a, b, day):
    """A fact valid_from A valid_to B holds on a day iff first_day(A) <= day <= last_day(B)."""
    start, end = interval_days(str(a), str(b))
    holds = start <= day <= end
    assert holds == (a.first_day().toordinal() <= day <= b.last_day().toordinal())


@given(partial_dates())
def test_open_ends(d):
    assert interval_days(None, str(d))[0] == OPEN_START
    assert interval_days(str(d), None)[1] == OPEN_END
    assert interval_days("", "") == (OPEN_START, OPEN_END)


def test_inclusive_end_from_the_documents():
    start, end = interval_days("2016-07-01", "2018-06")
    assert start <= date(2018, 6, 30).toordinal() <= end
    assert date(2018, 7, 1).toordinal() > end
    assert date(2016, 6, 30).toordinal() < start


@pytest.mark.parametrize(
    "text, reason",
    [
        ("2018-06-31", "date.no_such_day"),
        ("2017-02-29", "date.no_such_day"),
        ("2016-13", "date.no_such_month"),
        ("2016-00-10", "date.no_such_month"),
        ("0999", "date.year_range"),
        ("31/12/2016", "date.not_a_date"),
        ("oktober 2016", "date.not_a_date"),
        ("", "date.not_a_date"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(text, reason):
    with pytest.raises(DateParseError) as info:
        PartialDate.parse(text)
    assert info.value.reason_key == reason


def test_leap_day_exists_in_2016():
    assert PartialDate.parse("2016-02-29").last_day() == date(2016, 2, 29)


def test_single_digit_month_and_day_are_accepted():
    assert str(PartialDate.parse("2016-7-1")) == "2016-07-01"


def test_span():
    span = parse_span("2016-10-13/2016-12-31")
    assert (span.first_day(), span.last_day()) == (date(2016, 10, 13), date(2016, 12, 31))
    with pytest.raises(DateParseError):
        parse_span("2017/2016")


def test_to_day_and_back():
    assert day_to_iso(to_day("2017-01-23")) == "2017-01-23"
    assert to_day("2017-03") == date(2017, 3, 1).toordinal()
    assert to_day(date(2017, 3, 1)) == date(2017, 3, 1).toordinal()
    assert day_to_iso(OPEN_END) is None and day_to_iso(OPEN_START) is None
