"""How long, in months or years: "Hur många månader söker LSG GNOT processledare för?".

Every period the data states with both ends for a named entity (its own lifetime, and each of its relations: the
funding, the employment) is said with its length, the periods stated to the day first; the sources say the dates,
the length is counted from them.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> duration(s, read_question(s, "Hur många månader söker LSG GNOT processledare för?")).lead.render("sv")[:40]
'24 månader (2016-07-01 – 2018-06-30): RA'
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from lsgmap.ask.interpretation import EntityName, Finding, Joined, Stated, Term, conflicts_about
from lsgmap.ask.reading import Reading, name_alternatives
from lsgmap.i18n import msg
from lsgmap.vocab import RELATION_KINDS

__all__ = ["DURATION_CUE", "LEFT_CUE", "duration", "has_durations", "has_time_left", "planned_periods", "time_left"]

#: "hur många månader", "how many years": a length of time is asked for (its unit is the group).
DURATION_CUE = re.compile(
    r"\b(?:(?:hur många|how many)\s+(månader|år|åren|veckor|months?|years?|weeks?)(?!\w)|hur länge|how long|"
    r"(?:för |under )?vilken (?:tids)?period|(?:for )?(?:what|which) (?:time )?period|hur lång (?:period|tid)|how long a period)"
)
_MOST = 3


def _ends(stated: str) -> tuple[date, date] | None:
    """The first and last day a stated date covers ("2018-10" → 1 and 31 October 2018), or None when it is no date."""
    try:
        if len(stated) == 10:
            day = date.fromisoformat(stated)
            return day, day
        if len(stated) == 7:
            year, month = int(stated[:4]), int(stated[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(stated) == 4:
            return date(int(stated), 1, 1), date(int(stated), 12, 31)
    except ValueError:
        return None
    return None


def _periods(structure, entity_ids) -> dict[tuple[str, str], list]:
    """{(from, to): [what holds that period, and the document that says so]} for the relations of the entities with both
    ends stated; an entity's own period only when none of its relations states one (an entity's start and end may come
    from two documents: "2016-07-01 – 2018-10" joins the application's start to the status report's end)."""
    out: dict[tuple[str, str], list] = {}
    for eid in entity_ids:
        for r in structure.relations_of(eid):
            if r.valid_from and r.valid_to:
                verb = Term(RELATION_KINDS[r.relation], "verb", lower=True)
                name = Joined((EntityName(structure.entities[r.from_id]), verb, EntityName(structure.entities[r.to_id]), _said_by(structure, r.sources)), " ")
                out.setdefault((r.valid_from, r.valid_to), []).append(name)
    if not out:
        for eid in entity_ids:
            e = structure.entities[eid]
            if e.valid_from and e.valid_to:
                out.setdefault((e.valid_from, e.valid_to), []).append(EntityName(e))
    return {span: names for span, names in out.items() if _ends(span[0]) and _ends(span[1])}


def _said_by(structure, sources) -> str | Joined:
    """"(Ansökan om tjänst …)": the documents of a fact's sources, by the first words of their titles."""
    titles = dict.fromkeys(re.split(r" (?:om|avseende|for|on) ", structure.documents[structure.sources[i].document].title, maxsplit=1)[0]
                           for i in sources if i in structure.sources and structure.sources[i].document in structure.documents)
    shown = [x for x in titles if not x.startswith("Samma")] or list(titles)  # "Samma ansökan": the application's other copy
    if not shown:
        return ""
    documents = {structure.sources[i].document for i in sources if i in structure.sources}
    if all(structure.documents[d].kind == "public" for d in documents if d in structure.documents):  # a web page, not the documents
        return Joined((f"({'; '.join(shown)}; ", msg("ask.public_source"), ")"), "")
    return f"({'; '.join(shown)})"


def _named(structure, reading: Reading) -> list[str]:
    return [eid for m in reading.mentions for eid in name_alternatives(structure, m)]


def has_time_left(structure, reading: Reading) -> bool:
    """What is left of a named entity's stated periods is asked."""
    return bool(LEFT_CUE.search(reading.text) or SINCE_CUE.search(reading.text)) and bool(_periods(structure, _named(structure, reading)))


def has_durations(structure, reading: Reading) -> bool:
    """A length of time is asked of a named entity with a period stated at both ends."""
    return bool(DURATION_CUE.search(reading.question.lower())) and bool(_periods(structure, _named(structure, reading)))


def _length(span: tuple[str, str], unit: str) -> str:
    """The period's length in ``unit`` ("månader", "years" …), whole months and weeks, years to a tenth."""
    days = (_ends(span[1])[1] - _ends(span[0])[0]).days + 1
    if unit.startswith(("mån", "month")):
        return str(round(days / 30.44))
    if unit.startswith(("veck", "week")):
        return str(round(days / 7))
    return f"{days / 365.25:.1f}".rstrip("0").rstrip(".")


def duration(structure, reading: Reading) -> Finding:
    """The lengths of the named entities' stated periods, each with what holds it; those stated to the day first."""
    unit = DURATION_CUE.search(reading.question.lower()).group(1) or "månader"  # "hur länge": in months
    unit_key = "months" if unit.startswith(("mån", "month")) else "weeks" if unit.startswith(("veck", "week")) else "years"
    named_ids = _named(structure, reading)
    periods = _periods(structure, named_ids)
    order = sorted(periods, key=lambda span: (-(len(span[0]) == len(span[1]) == 10), span))
    lines = tuple(
        msg("ask.duration_line", count=_length(span, unit), unit=msg(f"ask.unit_{unit_key}"), first=span[0], last=span[1],
            names=Joined(tuple(periods[span]), "; "))
        for span in order[:_MOST]
    )
    named = tuple(dict.fromkeys(m.entity_id for m in reading.mentions))
    summary = msg("ask.i_duration", unit=msg(f"ask.unit_{unit_key}"), names=Joined(tuple(EntityName(structure.entities[i]) for i in named)))
    said = tuple(msg("ask.when_disagree", topic=Term(c, "topic"), id=c.id) for c in _disagreements(structure, named_ids))
    return Finding("duration", summary, Joined(lines + said, "\n"), entities=named, verdict=True)  # the lengths, then the ends the sources disagree on


def planned_periods(structure, document) -> Finding | None:
    """The periods a plan (an application) states for what it asks for, each with its length: "Vilken period gäller
    ansökan?" is the period applied for, not the days the application speaks for. None for a document that states no
    period starting after its own (a report: its own period is the answer)."""
    if document.speaks is None:
        return None
    cites = {i for i, src in structure.sources.items() if src.document == document.id}
    facts = [r for r in structure.relations.values() if r.valid_from and r.valid_to and cites & set(r.sources) and _ends(r.valid_from)
             and _ends(r.valid_from)[0].toordinal() > document.speaks[1]]
    periods = _periods(structure, sorted({r.from_id for r in facts}))
    periods = {span: names for span, names in periods.items() if any((r.valid_from, r.valid_to) == span for r in facts)}
    if not periods:
        return None
    lines = tuple(msg("ask.duration_line", count=_length(span, "månader"), unit=msg("ask.unit_months"), first=span[0], last=span[1],
                      names=Joined(tuple(periods[span]), "; ")) for span in sorted(periods))
    said = tuple(msg("ask.when_disagree", topic=Term(c, "topic"), id=c.id) for c in _disagreements(structure, sorted({r.from_id for r in facts})))
    title = document.title.split(",")[0].split(" (")[0]
    return Finding("document", msg("ask.i_planned_period", title=title), Joined((msg("ask.planned_period", title=title), *lines, *said), "\n"),
                   verdict=True)


#: "Hur lång tid är det kvar av finansieringen?", "how much time is left": from the date asked to each stated end.
LEFT_CUE = re.compile(r"\b(?:time (?:is )?left|how much time|tid (?:ar det )?kvar|kvar av|manader kvar|dagar kvar|months left|days left|remaining|"
                      r"hur lange till|how much longer|how long (?:\w+ ){0,4}still)\b")
#: "Hur länge har tjänsten funnits?", "how long has the post existed as of today?": from each stated start to the date.
SINCE_CUE = re.compile(r"\b(?:hur lange har (?:\w+ ){0,4}(?:funnits|pagatt|varit)|how long has (?:\w+ ){0,5}(?:existed|been|run|lasted))\b")


def time_left(structure, reading: Reading) -> Finding:
    """What is left from the date asked about to each stated end of the named entity's periods, with what holds it;
    an end already passed is said to be passed."""
    day = reading.date.first
    periods = _periods(structure, _named(structure, reading))
    since = bool(SINCE_CUE.search(reading.text))
    lines = [_left_line(span, day, periods[span], since) for span in sorted(periods, key=lambda span: _ends(span[1])[1])]
    named = tuple(dict.fromkeys(m.entity_id for m in reading.mentions))
    said = tuple(msg("ask.when_disagree", topic=Term(c, "topic"), id=c.id) for c in _disagreements(structure, _named(structure, reading)))
    summary = msg("ask.i_since" if since else "ask.i_left", names=Joined(tuple(EntityName(structure.entities[i]) for i in named)))
    return Finding("duration", summary, Joined((*lines, *said), "\n"), entities=named, verdict=True)


def _left_line(span: tuple[str, str], day: date, names: list, since: bool):
    """"Kvar: 60 dagar … till 2018-06-30: …", or with ``since`` "Sedan 2016-07-01: 427 dagar (cirka 14 månader): …"."""
    if since:
        start = _ends(span[0])[0]
        return msg("ask.left_since", days=(day - start).days, months=round((day - start).days / 30.44), first=Stated(span[0]), names=Joined(tuple(names), "; "))
    end = _ends(span[1])[1]
    key = "ask.left_until" if end >= day else "ask.left_passed"
    return msg(key, days=(end - day).days, months=round((end - day).days / 30.44), last=Stated(span[1]), names=Joined(tuple(names), "; "))


def _disagreements(structure, entity_ids) -> list:
    """The recorded conflicts on when the periods' facts start or end (the relations with both ends stated, else the entities)."""
    facts = [r.id for eid in entity_ids for r in structure.relations_of(eid) if r.valid_from and r.valid_to] or list(entity_ids)
    return conflicts_about((c for f in facts for c in structure.conflicts_of(f)), "either")
