"""Dates in a document: the period it speaks for, its kind, and the dates a sentence states, each at its precision.

The period comes from the heading area: "Period: Den 13 oktober - 31 december 2016",
"för perioden 2017-01-01 – 2017-06-30", "första halvåret 2017", "1 January – 30 June 2017";
else a date in the heading. Written here rather than taken from the question reader
(``lsgmap.ask``), which reads questions, not documents.

>>> period_in("Period: Den 13 oktober - 31 december 2016")
'2016-10-13/2016-12-31'
>>> period_in("Lägesrapport för första halvåret 2017"), period_in("Status report, 1 January – 30 June 2017")
('2017-01-01/2017-06-30', '2017-01-01/2017-06-30')
>>> [(d.role, d.value) for d in dates_in("Insatsen är finansierad fram till oktober 2018.")]
[('to', '2018-10')]
>>> kind_of("Lägesrapport avseende Processledare"), kind_of("Ansökan om tjänst"), kind_of("Protokoll LSG Nyköping 2017-03-02")
('status_report', 'application', 'minutes')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lsgmap.dates import DateParseError, PartialDate
from lsgmap.i18n import t
from lsgmap.model.names import normalise

__all__ = ["period_in", "dates_in", "StatedDate", "kind_of", "KINDS", "PLAN_KINDS", "new_year_after"]

_MONTHS = {normalise(name): n + 1 for lang in ("sv", "en") for n, name in enumerate(t("month.names", lang).split())}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DASH = r" (?:till |to |until )?"  # on normalised text a dash is a space
_ISO = r"(\d{4}-\d{2}-\d{2})"
#: (pattern on normalised text, how to build the span)
_PERIODS = [
    (re.compile(rf"(\d{{1,2}}) {_MONTH}(?: (\d{{4}}))?{_DASH}(\d{{1,2}}) {_MONTH} (\d{{4}})"), "dmdmy"),
    (re.compile(rf"{_MONTH}(?: (\d{{4}}))?{_DASH}{_MONTH} (\d{{4}})"), "mmy"),
    (re.compile(r"(forsta|andra|first|second) halvaret (\d{4})|(first|second) half of (\d{4})"), "half"),
]
_ISO_SPAN = re.compile(rf"{_ISO}\s*(?:-|–|—|/|till|to)\s*{_ISO}")

#: Kinds of document, the words in the heading that say so, and whether what it says is a plan.
KINDS = {
    "status_report": r"lagesrapport\w*|status report\w*|progress report\w*",
    "application": r"ansokan\w*|application\w*",
    "minutes": r"protokoll\w*|minnesanteckning\w*|minutes",
    "decision": r"beslut\w*|decision\w*",
}
#: Kinds whose statements are about the future: their passages are plans (``kind`` = plan in sources.csv).
PLAN_KINDS = frozenset({"application", "decision"})


def kind_of(heading: str) -> str:
    """The kind of document its heading names; ``"document"`` when none."""
    words = normalise(heading)
    for kind, cue in KINDS.items():
        if re.search(rf"\b({cue})\b", words):
            return kind
    return "document"


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return str(PartialDate.parse(f"{y:04d}-{m:02d}-{d:02d}"))
    except DateParseError:
        return None


def period_in(text: str) -> str | None:
    """The period a heading or a period line states, as ``YYYY-MM-DD/YYYY-MM-DD``; None when it states none."""
    iso = _ISO_SPAN.search(text)
    if iso:
        try:
            a, b = PartialDate.parse(iso[1]), PartialDate.parse(iso[2])
            return f"{a}/{b}" if a.first_day() <= b.last_day() else None
        except DateParseError:
            return None
    words = normalise(text)
    for pattern, how in _PERIODS:
        m = pattern.search(words)
        if not m:
            continue
        if how == "dmdmy":
            d1, m1, y1, d2, m2, y2 = m.groups()
            end = _day(int(y2), _MONTHS[m2], int(d2))
            start = _day(int(y1 or y2), _MONTHS[m1], int(d1))
        elif how == "mmy":
            m1, y1, m2, y2 = m.groups()
            start, end = f"{int(y1 or y2):04d}-{_MONTHS[m1]:02d}", f"{int(y2):04d}-{_MONTHS[m2]:02d}"
            end = str(PartialDate.parse(end).last_day())
            start = str(PartialDate.parse(start).first_day())
        else:
            which, year = (m[1], m[2]) if m[1] else (m[3], m[4])
            first = which in ("forsta", "first")
            start, end = (f"{year}-01-01", f"{year}-06-30") if first else (f"{year}-07-01", f"{year}-12-31")
        if start and end and start <= end:
            return f"{start}/{end}"
    single = stated_dates(text)
    return f"{single[0].value}" if single else None


@dataclass(frozen=True)
class StatedDate:
    """A date a sentence states: its value at the stated precision, the words, and its role ("from", "to" or "at")."""

    value: str
    words: str
    role: str


_FROM = r"(?:sedan|fran och med|fr o m|fran|vid starten i|vid starten|startar i|startade i|startar|since|from|starting)"
_TO = r"(?:fram till|till och med|t o m|tom|until|through|up to)"
_STATED = re.compile(
    rf"(?:(?P<role>{_FROM}|{_TO}) )?(?:(?:den|i|in|on) )?(?:iso(?P<iso>\d{{8}})|(?P<day>\d{{1,2}}) {_MONTH} (?P<y1>\d{{4}})|{_MONTH} (?P<y2>\d{{4}})|(?P<year>(?:19|20)\d\d)\b)"
)


def stated_dates(text: str) -> list[StatedDate]:
    """Every date ``text`` states, at its precision (a day, a month or a year)."""
    words = normalise(re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"iso\1\2\3", text))
    out = []
    for m in _STATED.finditer(words):
        role = m["role"] or ""
        kind = "from" if role and re.fullmatch(_FROM, role) else "to" if role else "at"
        groups = m.groups()
        try:
            if m["iso"]:
                value = str(PartialDate.parse(f"{m['iso'][:4]}-{m['iso'][4:6]}-{m['iso'][6:]}"))
            elif m["day"]:
                month = _MONTHS[groups[3]]
                value = str(PartialDate.parse(f"{m['y1']}-{month:02d}-{int(m['day']):02d}"))
            elif m["y2"]:
                month = _MONTHS[groups[5]]
                value = str(PartialDate.parse(f"{m['y2']}-{month:02d}"))
            else:
                value = str(PartialDate.parse(m["year"]))
        except (DateParseError, KeyError, IndexError):
            continue
        out.append(StatedDate(value, m[0], kind))
    return out


def dates_in(text: str) -> list[StatedDate]:
    """The dates ``text`` states with a role: from ("sedan oktober 2016") or to ("fram till oktober 2018")."""
    return [d for d in stated_dates(text) if d.role != "at"]


def new_year_after(first_day: str) -> str:
    """"efter årsskiftet" read in a document whose period starts on ``first_day``: the first 1 January on or after it.

    >>> new_year_after("2016-10-13"), new_year_after("2017-01-01")
    ('2017-01-01', '2017-01-01')
    """
    d = PartialDate.parse(first_day).first_day()
    return d.isoformat() if (d.month, d.day) == (1, 1) else date(d.year + 1, 1, 1).isoformat()
