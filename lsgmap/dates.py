"""Dates as documents give them, and the one interval rule.

A date in the data may be a year (``2017``), a month (``2016-10``) or a day
(``2016-10-13``). The precision is kept. Every date also stands for a span of
days: ``2017`` is 2017-01-01 .. 2017-12-31.

**The interval rule** (used everywhere in lsgmap): a fact with ``valid_from`` A
and ``valid_to`` B holds on every day from the *first* day of A through the
*last* day of B, both included. An empty ``valid_from`` or ``valid_to`` is
*unknown*: the fact is taken as valid on that side, but no source speaks for
those days (it is not *attested* there; the attestation rule is in
:mod:`lsgmap.model.attestation`). So ``valid_from=2016-07-01, valid_to=2018-06``
holds on 2018-06-30 and not on 2018-07-01.

People read a date at the precision it was given (:func:`stated_text`):
``2005``, ``oktober 2016``, ``2016-07-01``; JSON keeps the ISO value.

Days are handled as proleptic Gregorian ordinals (``date.toordinal()``), with
``OPEN_START`` and ``OPEN_END`` for open ends, so intervals compare as ints.

Examples
--------
>>> d = PartialDate.parse("2016-10")
>>> d.precision, str(d), d.first_day(), d.last_day()
('month', '2016-10', datetime.date(2016, 10, 1), datetime.date(2016, 10, 31))
>>> interval_days("2016-07-01", "2018-06") == (date(2016, 7, 1).toordinal(), date(2018, 6, 30).toordinal())
True
>>> PartialDate.parse("2018-06-31")
Traceback (most recent call last):
...
lsgmap.dates.DateParseError: 2018-06-31: day 31 does not exist in 2018-06
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from lsgmap.errors import InputError
from lsgmap.i18n import msg, t

__all__ = [
    "Day",
    "OPEN_START",
    "OPEN_END",
    "MAX_YEAR",
    "FAR_YEARS",
    "plausible_window",
    "DateParseError",
    "PartialDate",
    "DateSpan",
    "parse_span",
    "interval_days",
    "to_day",
    "day_to_iso",
    "day_text",
    "period_text",
    "stated_text",
    "validity_text",
    "ordered_days",
    "today",
]

OPEN_START = -(2**40)
OPEN_END = 2**40

#: The last year a date may have: a day after the last day of 9998 must still exist.
MAX_YEAR = 9998

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateParseError(ValueError):
    """A text that is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.

    ``reason_key`` and ``params`` name the reason in :data:`lsgmap.i18n.UI`,
    so that it can be said in Swedish or English.
    """

    def __init__(self, message: str, reason_key: str = "date.not_a_date", **params: object):
        super().__init__(message)
        self.reason_key = reason_key
        self.params = params


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with the precision the document gave: year, month or day.

    >>> PartialDate.parse("2017").last_day()
    datetime.date(2017, 12, 31)
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise DateParseError otherwise."""
        return _parse_partial_date(text) if cls is PartialDate else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        raw = text.strip()
        m = _PATTERN.match(raw)
        if not m:
            raise DateParseError(f"{raw}: not a date (YYYY-MM-DD, YYYY-MM or YYYY)", "date.not_a_date")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if not 1000 <= year <= MAX_YEAR:
            raise DateParseError(f"{raw}: year {year} is out of range", "date.year_range", year=year)
        if month is not None and not 1 <= month <= 12:
            raise DateParseError(f"{raw}: month {month} does not exist", "date.no_such_month", month=month)
        if day is not None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            if not 1 <= day <= last:
                raise DateParseError(
                    f"{raw}: day {day} does not exist in {year:04d}-{month:02d}",
                    "date.no_such_day",
                    day=day,
                    month=f"{year:04d}-{month:02d}",
                )
        return cls(year, month, day)

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class DateSpan:
    """A span of days written as one partial date or as an ISO interval ``A/B``.

    >>> s = parse_span("2016-10-13/2016-12")
    >>> s.first_day(), s.last_day()
    (datetime.date(2016, 10, 13), datetime.date(2016, 12, 31))
    """

    start: PartialDate
    end: PartialDate

    def first_day(self) -> date:
        return self.start.first_day()

    def last_day(self) -> date:
        return self.end.last_day()

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}/{self.end}"


def parse_span(text: str) -> DateSpan:
    """Parse a partial date or an interval ``A/B`` of partial dates."""
    if "/" in text:
        a, b = text.split("/", 1)
        span = DateSpan(PartialDate.parse(a), PartialDate.parse(b))
        if span.last_day() < span.first_day():
            raise DateParseError(f"{text.strip()}: the interval ends before it starts", "date.reversed_span")
        return span
    d = PartialDate.parse(text)
    return DateSpan(d, d)


@lru_cache(maxsize=16384)
def _parse_partial_date(text: str) -> PartialDate:
    """:meth:`PartialDate.parse`, remembered: a dataset repeats the same few thousand dates (errors are not cached)."""
    return PartialDate._parse(text)


@lru_cache(maxsize=16384)
def interval_days(valid_from: str | None, valid_to: str | None) -> tuple[int, int]:
    """Inclusive day ordinals for a validity written as in the data (empty = open)."""
    start = PartialDate.parse(valid_from).first_day().toordinal() if valid_from else OPEN_START
    end = PartialDate.parse(valid_to).last_day().toordinal() if valid_to else OPEN_END
    return start, end


#: A day as the library takes it at every public function: a date, ``YYYY-MM-DD`` (a year or a
#: month means its first day), a day ordinal, or None for today. :func:`to_day` turns it into
#: the ordinal the model works with; :func:`day_to_iso` is the one way back to text.
Day = date | datetime | str | int | None


def to_day(on: Day) -> int:
    """The day ordinal for ``on``: a date, ``YYYY-MM-DD`` (a year or month means its first day), an ordinal, or None for today.

    >>> to_day("2017") == date(2017, 1, 1).toordinal()
    True
    """
    if on is None:
        return today().toordinal()
    if isinstance(on, datetime):
        return on.date().toordinal()
    if isinstance(on, date):
        return on.toordinal()
    if isinstance(on, int):
        return on
    return PartialDate.parse(str(on)).first_day().toordinal()


def day_to_iso(day: int) -> str | None:
    """``YYYY-MM-DD`` for a day ordinal, None for an open end."""
    if day <= OPEN_START or day >= OPEN_END:
        return None
    return date.fromordinal(day).isoformat()


#: How far (in years) a date may lie from the middle of a dataset's dates before it is taken for a typing mistake.
FAR_YEARS = 200


def plausible_window(days: list[int]) -> tuple[int, int]:
    """(first, last) day ordinals of the years within :data:`FAR_YEARS` of the median of ``days`` (sorted or not).

    A date outside it (an entity "valid from 1600" in a dataset about 2016) is
    reported by ``check`` and left out of the app's date controls.

    >>> first, last = plausible_window([date(2016, 1, 1).toordinal(), date(2017, 1, 1).toordinal(), date(1600, 1, 1).toordinal()])
    >>> date.fromordinal(first).year, date.fromordinal(last).year
    (1816, 2216)
    """
    if not days:
        middle = today().year
    else:
        ordered = sorted(days)
        middle = date.fromordinal(ordered[len(ordered) // 2]).year
    first = max(middle - FAR_YEARS, 1000)
    last = min(middle + FAR_YEARS, MAX_YEAR)
    return date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()


def today() -> date:
    return date.today()


def day_text(day: int) -> str:
    """A day ordinal for people: ``YYYY-MM-DD``, or ``…`` for an open end.

    >>> day_text(date(2017, 1, 1).toordinal()), day_text(OPEN_END)
    ('2017-01-01', '…')
    """
    return day_to_iso(day) or "…"


def period_text(first: str | None, last: str | None) -> str:
    """A validity for people: ``2016-10 – 2018-06-30``; an unknown start is ``…``, an unknown end left open.

    >>> period_text("2016-10", "2018-06-30"), period_text(None, "2016-12-31"), period_text("2008", None), period_text("", "")
    ('2016-10 – 2018-06-30', '… – 2016-12-31', '2008 –', '… –')
    """
    return f"{first or '…'} – {last or ''}".rstrip()


def stated_text(value: str | None, lang: str = "sv") -> str:
    """A partial date at the precision it was stated: ``2005``, ``oktober 2016``, ``2016-07-01``; "" for none.

    A value that is not a partial date is returned as it is.

    >>> stated_text("2016-10"), stated_text("2016-10", "en"), stated_text("2005"), stated_text("2016-07-01"), stated_text("")
    ('oktober 2016', 'October 2016', '2005', '2016-07-01', '')
    """
    if not value:
        return ""
    try:
        d = PartialDate.parse(value)
    except DateParseError:
        return value
    if d.precision != "month":
        return str(d)

    return f"{t('month.names', lang).split()[d.month - 1]} {d.year}"  # type: ignore[index]


def validity_text(valid_from: str | None, valid_to: str | None, lang: str = "sv") -> str:
    """A stated validity for people, each end at its precision: ``oktober 2016 – 2018-06-30``, ``2008 –``, ``… – 2016-12-31``.

    >>> validity_text("2016-10", "2018-06-30"), validity_text("2008", ""), validity_text("", "2016-12-31", "en")
    ('oktober 2016 – 2018-06-30', '2008 –', '… – 2016-12-31')
    """
    return period_text(stated_text(valid_from, lang), stated_text(valid_to, lang))


def ordered_days(start: date | str | int | None, end: date | str | int | None) -> tuple[int, int]:
    """The day ordinals of ``start`` and ``end``; :class:`~lsgmap.errors.InputError` when ``start`` is after ``end``.

    >>> ordered_days("2016-12-31", "2017-02-01") == (date(2016, 12, 31).toordinal(), date(2017, 2, 1).toordinal())
    True
    """
    a, b = to_day(start), to_day(end)
    if a > b:

        raise InputError(msg("diff.reversed", start=date.fromordinal(a).isoformat(), end=date.fromordinal(b).isoformat()))
    return a, b
