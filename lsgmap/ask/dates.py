"""Dates inside a question: "den 1 mars 2017", "i december 2016", "2017", "efter sammanslagningen".

**The rule for months and years:** a month or a year in a question stands for
its whole span of days, and a relation answers the question if it holds on at
least one day of that span (the same inclusive rule as :mod:`lsgmap.dates`).
"i december 2016" is 2016-12-01 – 2016-12-31, "2017" is 2017-01-01 – 2017-12-31.
The interpretation of an answer always shows the span.

**Periods as people say them** stand for their span too: a season ("hösten
2016" is September – November, "vintern 2016" December 2016 – February 2017),
a half year ("första halvåret 2017", "second half of 2017"), a quarter
("tredje kvartalet 2016", "Q3 2016") and the start, middle or end of a year
("början av 2017" is January – April, "mitten av" May – August, "slutet av"
September – December).

"efter sammanslagningen" / "after the merger" is the day of the merger event in
the data; "före sammanslagningen" / "before the merger" the day before it. The
event chosen is the merger that involves an entity of the question, or one of
their neighbours; else the merger nearest the dataset's default date (the days
its documents speak for).

Examples
--------
>>> d = find_date("Vem styrde TUNA i december 2016?")
>>> d.first.isoformat(), d.last.isoformat(), d.precision, d.text
('2016-12-01', '2016-12-31', 'month', 'i december 2016')
>>> find_date("Who steers TRIS on 1 March 2017?").first.isoformat()
'2017-03-01'
>>> find_date("vem styr TRIS den 2017-03-01").precision
'day'
>>> find_date("vem styr TRIS") is None
True
>>> find_date("vem styr TRIS den 31 februari 2017").source
'invalid'

"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lsgmap.dates import PartialDate, to_day, today
from lsgmap.model.names import normalise

__all__ = ["QuestionDate", "find_date", "is_now"]

_MONTHS = (
    "januari|january|jan|februari|february|feb|mars|march|mar|april|apr|maj|may|juni|june|jun|juli|july|jul|"
    "augusti|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec"
)
_PREP = r"(?:(?:den|on|in|i|under|during|per|the|of)\s+)*"
_TEXT_DATE = re.compile(
    rf"\b{_PREP}(?:(\d{{1,2}})(?::?(?:st|nd|rd|th|e|a))?\s+(?:of\s+)?)?({_MONTHS})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(rf"\b{_PREP}(\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?)\b", re.IGNORECASE)
_YEAR = re.compile(rf"\b{_PREP}((?:19|20)\d\d)\b(?![-/]\d)", re.IGNORECASE)
_AFTER = re.compile(r"\b(efter|after|sedan|since)\s+(?:the\s+)?(sammanslagningen|sammanslagning|fusionen|merger|merging)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(fore|före|innan|before|prior to)\s+(?:the\s+)?(sammanslagningen|sammanslagning|fusionen|merger|merging)\b", re.IGNORECASE)
_SEASONS = {"varen": (3, 5), "våren": (3, 5), "spring": (3, 5), "sommaren": (6, 8), "summer": (6, 8),
            "hosten": (9, 11), "hösten": (9, 11), "autumn": (9, 11), "fall": (9, 11), "vintern": (12, 14), "winter": (12, 14)}
_ORDINALS = {"forsta": 1, "första": 1, "first": 1, "andra": 2, "second": 2, "tredje": 3, "third": 3, "fjarde": 4, "fjärde": 4, "fourth": 4}
_LAST = frozenset({"sista", "last", "final"})  # "sista kvartalet 2016", "the last quarter of 2016": the fourth
_PARTS = {"borjan": (1, 4), "början": (1, 4), "early": (1, 4), "mitten": (5, 8), "mid": (5, 8), "slutet": (9, 12), "late": (9, 12), "end": (9, 12)}
_WORD = r"[a-zåäö]+"
_SEASON = re.compile(rf"\b(?:(?:i|in|under|during|the)\s+)?(?:the\s+)?({'|'.join(_SEASONS)})\s+(?:of\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_HALF = re.compile(rf"\b(?:(?:under|i|in|during|the)\s+){{0,2}}({_WORD})\s+(?:halvåret|halvaret|half\s+of)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_QUARTER = re.compile(rf"\b(?:(?:under|i|in|during|the)\s+){{0,2}}(?:({_WORD})\s+(?:kvartalet|quarter\s+of)|q([1-4]))\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_PART = re.compile(rf"\b(?:(?:i|in|at|the)\s+)?({'|'.join(_PARTS)})(?:\s+av|\s+of)?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(i\s+år|i\s+ar|this\s+year|förra\s+året|forra\s+aret|last\s+year|nästa\s+år|nasta\s+ar|next\s+year)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(idag|i dag|nu|today|now|currently)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuestionDate:
    """The days a question is about, and where that came from.

    ``source`` is "question" (a date in the text), "event" (before/after an event),
    "option" (``on=``/``--on``), "default" (the dataset's default day), "today", or "invalid" (a date that does not
    exist, e.g. "2018-06-31"). ``text`` is the matched phrase.
    """

    first: date
    last: date
    precision: str
    source: str
    text: str = ""
    event_id: str = ""
    span: tuple[int, int] = (0, 0)

    @property
    def is_span(self) -> bool:
        return self.first != self.last

    def label(self) -> str:
        """``2016-12-01`` or ``2016-12-01 – 2016-12-31``."""
        return self.first.isoformat() if not self.is_span else f"{self.first.isoformat()} – {self.last.isoformat()}"


def _make(first: date, last: date, precision: str, source: str, text: str = "", event_id: str = "") -> QuestionDate:
    return QuestionDate(first, last, precision, source, text.strip(), event_id, (first.toordinal(), last.toordinal()))


def _invalid(text: str) -> QuestionDate:
    """A date in the question that does not exist ("31 februari 2017"): ``source`` is "invalid"."""
    now = today()
    return _make(now, now, "day", "invalid", text)


#: month names and short forms (Swedish and English) → month number
MONTH_NUMBER = _MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"), ("februari", "february", "feb"), ("mars", "march", "mar"), ("april", "apr"),
            ("maj", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"), ("augusti", "august", "aug"),
            ("september", "sept", "sep"), ("oktober", "october", "okt", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _parse_text_date(day: int, month: str, year: int) -> date | None:
    """The day named by a day number, a month name and a year, or None if there is no such day.

    >>> _parse_text_date(1, "Mars", 2017), _parse_text_date(31, "februari", 2017)
    (datetime.date(2017, 3, 1), None)
    """
    try:
        return date(year, _MONTH_NUMBER[month.lower()], day)
    except ValueError:
        return None


def _pick_event(structure, entity_ids: tuple[str, ...]):
    mergers = [e for e in structure.events_in_order if e.kind == "merger"]
    if not mergers:
        return None
    for ev in mergers:
        if set(ev.originals + ev.results) & set(entity_ids):
            return ev
    for ev in mergers:
        involved = set(ev.originals + ev.results)
        for eid in entity_ids:
            if any(r.from_id in involved or r.to_id in involved for r in structure.relations_of(eid)):
                return ev
    default = structure.default.date.toordinal()
    return min(mergers, key=lambda ev: (abs(ev.day - default), ev.day))


def find_date(text: str, *, structure=None, entity_ids=()) -> QuestionDate | None:
    """The date named in ``text``, or None.

    Events need ``structure``; ``entity_ids`` (a tuple, or a function giving one,
    called only for event phrases) helps choose the event.
    """
    found = _event_date(text, structure, entity_ids) if structure is not None else None
    for reader in (_range, _period, _text_date, _iso_date, _year, _today):
        if found is not None:
            return found
        found = reader(text)
    return found or (_report_period(text, structure) if structure is not None else None)


#: "under rapportperioden", "in the reporting period": the period a report of the data speaks for.
_REPORT_PERIOD = re.compile(r"\b(?:rapportperioden|lägesrapportens period|lagesrapportens period|the report(?:ing)? period|the status report'?s period)\b", re.IGNORECASE)


def _report_period(text: str, structure) -> QuestionDate | None:
    """The period of the report the data has ("Lägesrapport …, period 13 oktober – 31 december 2016") for "rapportperioden"."""
    m = _REPORT_PERIOD.search(text)
    report = next((d for d in structure.documents.values() if d.speaks and normalise(d.title).startswith(("lagesrapport", "status report"))), None) if m else None
    if report is None:
        return None
    return _make(date.fromordinal(report.speaks[0]), date.fromordinal(report.speaks[1]), "period", "question", m.group(0))


def _event_date(text: str, structure, entity_ids) -> QuestionDate | None:
    """"efter sammanslagningen" / "före sammanslagningen": the merger's day, or the day before it."""
    for pattern, after in ((_AFTER, True), (_BEFORE, False)):
        m = pattern.search(text)
        if m:
            ids = entity_ids() if callable(entity_ids) else entity_ids
            ev = _pick_event(structure, tuple(ids))
            if ev is not None:
                day = date.fromordinal(ev.day if after else ev.day - 1)
                return _make(day, day, "day", "event", m.group(0), ev.id)
    return None


#: One end of a range: "13 oktober", "oktober", "okt.", "2016", "oktober 2016", "2016-10", "2016-10-13".
_END = rf"(?:(?:\d{{1,2}}(?::?e|:?a|st|nd|rd|th)?\s+)?(?:{_MONTHS})\.?(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d(?:-\d{{1,2}}(?:-\d{{1,2}})?)?)"
_RANGE = re.compile(
    rf"\b(?:(?:mellan|between|fran|från|from|under|during|i|in|perioden|period|the\s+period)\s+)*({_END})"
    rf"\s*(?:–|—|-|\btill\b|\bto\b|\buntil\b|\bt\.o\.m\.?|\btom\b|\boch\b|\band\b)\s*({_END})(?![-\d])",
    re.IGNORECASE,
)


def _range(text: str) -> QuestionDate | None:
    """Two dates joined into a span: "2016–2018", "mellan 2016 och 2018", "oktober–december 2016", "13 oktober – 31 december 2016".

    The first end's year, when it has none, is the second's. "och"/"and" join two dates only after "mellan"/"between".

    >>> _range("Vad kostar tjänsten totalt 2016–2018?").label()
    '2016-01-01 – 2018-12-31'
    >>> _range("uppdrag oktober–december 2016").label(), _range("between 2016 and 2017").label()
    ('2016-10-01 – 2016-12-31', '2016-01-01 – 2017-12-31')
    >>> _range("13 oktober - 31 december 2016").label(), _range("Oct-Dec 2016").precision
    ('2016-10-13 – 2016-12-31', 'period')
    >>> _range("Styr LSG Nyköping och LSG Oxelösund TRIS 2016?") is None, _range("vem styr TRIS 2016-10") is None
    (True, True)
    """
    for m in _RANGE.finditer(text):
        joined = text[m.end(1) : m.start(2)].strip().lower()
        if joined in ("och", "and") and not re.match(r"(?:mellan|between)\b", m.group(0).strip(), re.IGNORECASE):
            continue
        second = find_date(m.group(2))
        if second is None or second.source == "invalid":
            continue
        first_text = m.group(1)
        if not re.search(r"(?:19|20)\d\d", first_text):
            first_text = f"{first_text} {second.last.year}"
        first = find_date(first_text)
        if first is None or first.source == "invalid" or first.first > second.last:
            continue
        return _make(first.first, second.last, "period", "question", m.group(0))
    return None


def _text_date(text: str) -> QuestionDate | None:
    """"1 mars 2017", "March 1, 2017" (a day) or "december 2016" (a month)."""
    m = _TEXT_DATE.search(text)
    if not m:
        return None
    day_a, month, day_b, year = m.groups()
    day = day_a or day_b
    parsed = _parse_text_date(int(day or 1), month, int(year))
    if parsed is None:
        return _invalid(m.group(0))
    if day:
        return _make(parsed, parsed, "day", "question", m.group(0))
    pd = PartialDate(parsed.year, parsed.month)
    return _make(pd.first_day(), pd.last_day(), "month", "question", m.group(0))


def as_written(text: str) -> str:
    """A date as the documents write it, day or not: "31 juni 2018" → "2018-06-31" (a day that does not exist too).

    >>> as_written("31 juni 2018"), as_written("2018-06-31")
    ('2018-06-31', '2018-06-31')
    """
    m = _TEXT_DATE.search(text)
    if not m or not (m.group(1) or m.group(3)):
        return text
    day_a, month, day_b, year = m.groups()
    return f"{year}-{_MONTH_NUMBER[month.lower()]:02d}-{int(day_a or day_b):02d}"


def _iso_date(text: str) -> QuestionDate | None:
    m = _ISO_DATE.search(text)
    if not m:
        return None
    try:
        pd = PartialDate.parse(m.group(1))
    except ValueError:
        return _invalid(m.group(0))
    return _make(pd.first_day(), pd.last_day(), pd.precision, "question", m.group(0))


def _year(text: str) -> QuestionDate | None:
    m = _YEAR.search(text)
    if not m:
        return None
    pd = PartialDate(int(m.group(1)))
    return _make(pd.first_day(), pd.last_day(), "year", "question", m.group(0))


def _today(text: str) -> QuestionDate | None:
    m = _TODAY.search(normalise(text))
    if not m:
        return None
    now = today()
    return _make(now, now, "day", "question", m.group(0))


def is_now(qd: QuestionDate) -> bool:
    """The date came from "nu", "idag", "today" … in the question.

    >>> is_now(find_date("Vem är processledare just nu?")), is_now(find_date("Vem styr TUNA 2016?"))
    (True, False)
    """
    return qd.source == "question" and bool(_TODAY.fullmatch(normalise(qd.text)))


def _months(year: int, first_month: int, last_month: int, text: str) -> QuestionDate:
    """The span from the first day of ``first_month`` to the last of ``last_month`` (months past 12 run into the next year)."""
    start = PartialDate(year + (first_month - 1) // 12, (first_month - 1) % 12 + 1)
    end = PartialDate(year + (last_month - 1) // 12, (last_month - 1) % 12 + 1)
    return _make(start.first_day(), end.last_day(), "period", "question", text)


def _period(text: str) -> QuestionDate | None:
    """A season, half year, quarter or part of a year named in ``text``, or None.

    >>> _period("Vem styrde TUNA hösten 2016?").label()
    '2016-09-01 – 2016-11-30'
    >>> _period("under första halvåret 2017").label(), _period("Q3 2016").label(), _period("in late 2016").label()
    ('2017-01-01 – 2017-06-30', '2016-07-01 – 2016-09-30', '2016-09-01 – 2016-12-31')
    >>> _period("in the last quarter of 2016").label(), _period("sista halvåret 2017").label()
    ('2016-10-01 – 2016-12-31', '2017-07-01 – 2017-12-31')
    >>> _period("vintern 2016").label()
    '2016-12-01 – 2017-02-28'
    """
    m = _SEASON.search(text)
    if m:
        first, last = _SEASONS[m.group(1).lower()]
        return _months(int(m.group(2)), first, last, m.group(0))
    m = _HALF.search(text)
    if m and (_ORDINALS.get(m.group(1).lower()) in (1, 2) or m.group(1).lower() in _LAST):
        half = _ORDINALS.get(m.group(1).lower(), 2)
        return _months(int(m.group(2)), 6 * half - 5, 6 * half, m.group(0))
    m = _QUARTER.search(text)
    if m and (m.group(2) or m.group(1).lower() in _ORDINALS or m.group(1).lower() in _LAST):
        quarter = int(m.group(2)) if m.group(2) else _ORDINALS.get(m.group(1).lower(), 4)
        return _months(int(m.group(3)), 3 * quarter - 2, 3 * quarter, m.group(0))
    m = _PART.search(text)
    if m:
        first, last = _PARTS[m.group(1).lower()]
        return _months(int(m.group(2)), first, last, m.group(0))
    return None


def relative_year(text: str, base: date) -> QuestionDate | None:
    """"i år" / "förra året" / "nästa år" (and English) as a whole year counted from ``base``, the date in use.

    >>> relative_year("Vem styr TRIS i år?", date(2016, 11, 15)).label()
    '2016-01-01 – 2016-12-31'
    >>> relative_year("Who steered TRIS last year?", date(2017, 3, 1)).label()
    '2016-01-01 – 2016-12-31'
    """
    m = _RELATIVE_YEAR.search(text)
    if not m:
        return None
    word = normalise(m.group(1))
    shift = -1 if word.startswith(("forra", "last")) else 1 if word.startswith(("nasta", "next")) else 0
    pd = PartialDate(base.year + shift)
    return _make(pd.first_day(), pd.last_day(), "year", "question", m.group(0))


def default_date(structure) -> QuestionDate:
    """The dataset's default day (:attr:`Structure.default`) as a :class:`QuestionDate` with source "default"."""
    day = structure.default.date
    return _make(day, day, "day", "default")


def option_date(on, *, source: str = "option") -> QuestionDate:
    """A :class:`QuestionDate` for an ``on=`` value (a day; None = today).

    >>> option_date("2017-03-01").label()
    '2017-03-01'
    """
    if on is None:
        now = today()
        return _make(now, now, "day", "today")
    day = date.fromordinal(to_day(on))
    return _make(day, day, "day", source)
