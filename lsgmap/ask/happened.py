"""What happened: the restructuring events in the time a question names, to what it names.

"Vad hände med LSG efter 2017?", "What happened after the merger?", "Vad hände 2017?":
the events of the data in that time (after or before a date or event, or within a
year or a span; any time when none is named), of the kind the question names (a
question naming an entity is answered by its lineage or dates), each with its day and sources. When there is none, the answer
says that the sources record nothing then, and names the last event before it.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> print(happened(s, read_question(s, "Vad hände med LSG efter 2017?")).lead.render("sv"))
Det framgår inte: källorna nämner ingen sådan händelse efter 2017. Den senaste före: LSG Trosa och LSG Gnesta slås samman (2017-01-01) [ls_sammanslagning].
>>> print(happened(s, read_question(s, "Vad hände 2017?")).lead.render("sv"))
2017-01-01: LSG Trosa och LSG Gnesta slås samman [ls_sammanslagning]
"""

from __future__ import annotations

import re
from datetime import date

from lsgmap.ask.interpretation import Finding, Joined, Stated, Term
from lsgmap.ask.reading import Reading, name_alternatives
from lsgmap.i18n import msg
from lsgmap.model import queries

__all__ = ["HAPPENED_CUE", "happened"]

#: "Vad hände …", "what happened …", "vad ändrades …": the events are what is asked.
HAPPENED_CUE = re.compile(
    r"\b(?:vad hande|vad har hant|vad hander|hande det nagot|what happened|what has happened|what happens|did anything happen|"
    r"what changes?|which changes?|vilka forandringar|vilka andringar|vad forandrades|vad andrades|changes were made|changed)\b|"
    r"^\s*(?:vilka|vilken|which|what)\b.*\b(?:merged|have merged|has merged|slagits (?:ihop|samman)|slogs (?:ihop|samman)|gatt (?:ihop|samman)|gick (?:ihop|samman))\b"
)
_AFTER = re.compile(r"\b(?:efter|after|sedan|since)\s+(?:ar\s+|the year\s+)?$")
_BEFORE = re.compile(r"\b(?:fore|innan|before)\s+(?:ar\s+|the year\s+)?$")
_UP_TO = re.compile(r"\b(?:as of|so far|up to|up until|by|hittills|fram till|till och med|per)\s+$")


def _window(reading: Reading) -> tuple[int, int, str]:
    """The days asked about, and how: "after", "before", "during" or "" (no date: any time)."""
    qd = reading.date
    if qd.source not in ("question", "event"):
        return 0, date.max.toordinal(), ""
    if qd.source == "event":  # "efter sammanslagningen": the event's day; "före sammanslagningen": the day before it
        after = bool(re.search(r"\b(?:efter|after|sedan|since)\b", qd.text.lower()))
        return (qd.span[0] + 1, date.max.toordinal(), "after") if after else (0, qd.span[0], "before")
    before = reading.question.lower()[: reading.question.lower().find(qd.text.lower())] if qd.text else ""
    if _AFTER.search(_plain(before)):
        return qd.span[1] + 1, date.max.toordinal(), "after"
    if _BEFORE.search(_plain(before)):
        return 0, qd.span[0] - 1, "before"
    if _UP_TO.search(_plain(before)):  # "as of today", "hittills": everything up to then
        return 0, qd.span[1], "before"
    return qd.span[0], qd.span[1], "during"


def _phrase(reading: Reading) -> str:
    """The question's own words for the time: "after 2017", "efter sammanslagningen", "2017"."""
    found = re.search(r"\b(?:efter|after|sedan|since|före|innan|before|as of|so far|up to|fram till|hittills|till och med)\s+(?:år\s+|the year\s+)?"
                      + re.escape(reading.date.text), reading.question, re.I)
    return found.group(0) if found and reading.date.source == "question" else reading.date.text


def _plain(text: str) -> str:
    return text.replace("ä", "a").replace("å", "a").replace("ö", "o")


def _concerned(structure, reading: Reading, events: list) -> list:
    """The events of the named entities, else of the kind the question names, else all."""
    named = {i for m in reading.mentions for i in name_alternatives(structure, m)}
    if named:
        return [ev for ev in events if named & set(ev.originals + ev.results)]
    if reading.kind_noun:
        return [ev for ev in events if any(structure.entities[i].kind == reading.kind_noun for i in ev.originals + ev.results if i in structure.entities)]
    return events


def happened(structure, reading: Reading) -> Finding:
    """The events in the time asked about, one line each ("2017-01-01: LSG Trosa och LSG Gnesta slås samman"), or that there are none."""
    lo, hi, how = _window(reading)
    concerned = _concerned(structure, reading, structure.events_in_order)
    found = [ev for ev in concerned if lo <= ev.day <= hi]
    lines = tuple(msg("ask.event_line", date=Stated(ev.date), event=Term(ev, "name"), ids=", ".join(ev.sources)) for ev in found)
    if found:
        lead = Joined(lines, "\n")
    else:
        earlier = [ev for ev in concerned if ev.day < lo]
        last = msg("ask.event_last_before", event=Term(earlier[-1], "name"), date=Stated(earlier[-1].date),
                   ids=", ".join(earlier[-1].sources)) if earlier else ""
        lead = Joined((msg(f"ask.no_events_{how or 'any'}", text=reading.date.text), last), " ")
    items = tuple(queries.event_item(structure, structure.entities[eid], ev) for ev in found for eid in (ev.results or ev.originals) if eid in structure.entities)
    summary = Joined((msg("ask.i_happened"), f"«{_phrase(reading)}»"), " ") if how else msg("ask.i_happened")
    return Finding("happened", summary, lead, answers=items, entities=tuple(reading.ids), details={"events": [ev.id for ev in found]}, verdict=True)
