"""When: the dates the data holds, at their stated precision, with the sources that disagree.

A "när"/"when" question (also "vilket datum", "hur länge", "fram till när") is
answered, in this order, by a dated attribute ("första gemensamma mötet",
spelled loosely), the period of a document it names ("Vilken period täcker
lägesrapporten?"), the relations of the kind its verb names ("När tar
finansieringen av processledaren slut?"), the events of the names ("När slogs
LSG Trosa och LSG Gnesta ihop?", municipalities read as their LSGs), and the
dates of the entity itself ("När började processledartjänsten?"). A recorded
conflict on those dates stands first (:meth:`lsgmap.ask.answer.Answer.open_points_lines`).

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> when_fact(s, read_question(s, "När tar finansieringen av processledaren slut?")).details["relations"]
['r_rar_funds_pl', 'r_rar_funds_pl_ls']
>>> [c.id for a in when_fact(s, read_question(s, "När började processledartjänsten?")).answers for c in a.conflicts][:1]
['k_2018_06_31']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from lsgmap.ask.compose import named_documents
from lsgmap.ask.duration import planned_periods
from lsgmap.ask.interpretation import EntityName, Finding, ItemName, Joined, Stated, Term, disagreements, validity, with_disagreements
from lsgmap.ask.reading import SEPARATE_CUE, WANTS_YESNO, Reading, kind_of_word, name_alternatives
from lsgmap.dates import PartialDate
from lsgmap.i18n import msg
from lsgmap.model import queries
from lsgmap.model.names import normalise
from lsgmap.model.records import is_working_name
from lsgmap.vocab import DATE_ATTRIBUTES, HOLDING, RELATION_KINDS

__all__ = ["merged", "what_name", "NAME_CUE", "WHEN_CUE", "date_attribute", "when_attribute", "events_of", "when", "when_fact", "document_period"]

#: A question that asks when ("När slogs …", "When did …", "Vilket datum …", "Hur länge …", "Until when …").
WHEN_CUE = re.compile(
    r"^\s*(?:(?:right now|just nu|idag|today|currently|nu) )?(?:for |och |and |sa )?(?:nar|when|vilket datum|vilken period|what date|which period|hur lange|how long|until when|sedan nar|sen nar|since when|datum for|date of|"
    r"(?:fram )?till nar|fran nar|from when|fran och med nar|fran vilket datum|fran vilken dag|from what date|from which date|as of what date|"
    r"vilket (?:slut|start)datum|vilka (?:slut|start)datum|what (?:end|start) date|which (?:end|start) date)\b"
)


def _name(structure, entity_id: str) -> EntityName:
    return EntityName(structure.entities[entity_id])


def date_attribute(structure, reading: Reading) -> tuple[str, str] | None:
    """(entity, attribute) for a question naming a dated attribute ("första gemensamma mötet", "förta gemensama mötet"), or None."""
    for key, labels in DATE_ATTRIBUTES.items():
        for label in labels:
            words = normalise(label)
            if max(fuzz.partial_ratio(words, reading.text), fuzz.partial_ratio(words, reading.text.replace(" lsg ", " "))) >= 85:
                holder = next((e.id for e in structure.entities.values() if key in e.attributes), None)
                if holder is not None:
                    return holder, key
    return None


@dataclass(frozen=True)
class _AttributeLabel:
    key: str

    def label(self, lang: str = "sv") -> str:
        sv, en = DATE_ATTRIBUTES[self.key]
        return en if lang == "en" else sv


def when_attribute(structure, reading: Reading) -> Finding:
    """When a dated attribute of an entity was ("När var första gemensamma mötet?"): the date as stated, the entity and its sources.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> when_attribute(s, read_question(s, "När var första gemensamma mötet?")).details
    {'attribute': 'first_joint_meeting', 'date': '2017-01-23', 'sources': ['ls_sammanslagning']}
    """
    holder, key = date_attribute(structure, reading)
    entity = structure.entities[holder]
    value = entity.attributes[key]
    what = Term(_AttributeLabel(key), "label")
    left = _days_left(reading, value)
    return Finding(
        "when", msg("ask.i_when_attribute", what=what, name=_name(structure, holder)), left, entities=(holder,), verdict=left is not None,
        details={"attribute": key, "date": value, "sources": list(entity.sources)},
        notice=Joined((msg("ask.when_attribute", what=what, date=Stated(value), name=_name(structure, holder), sources=", ".join(entity.sources)),
                       *_sentences_saying(structure, entity.sources, value)), "\n"),
    )


#: "Hur många dagar är det kvar till …", "how long is it until …": the days from the date asked about to the date.
UNTIL_CUE = re.compile(r"\b(?:hur (?:manga dagar|lang tid|lange) (?:\w+ ){0,3}(?:kvar )?till|dagar kvar|how (?:long|many days|much time) (?:\w+ ){0,3}until|days (?:left )?until)\b")


def _days_left(reading: Reading, value: str):
    """"64 dagar (från 2016-11-20 till 2017-01-23)" when the question asks how long until a dated day, else None."""
    if not UNTIL_CUE.search(reading.text) or len(value) != 10:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    start = reading.date.first
    return msg("ask.days_until", days=(day - start).days, start=start.isoformat(), day=value)


def _sentences_saying(structure, sources, value: str) -> tuple:
    """The sentence of a source that says a date ("Första gemensamma mötet blir den 23 januari 2017 på den gemensamma
    planeringsdagen."), as a quote with its source; the day and the year must both be in it."""
    day, year = value[8:10].lstrip("0"), value[:4]
    out = []
    for i in sources:
        quote = (structure.sources[i].quote or "") if i in structure.sources else ""
        for sentence in re.split(r"(?<=[.!?])\s+", quote):
            if year in sentence and (not day or re.search(rf"\b{day}\b", sentence)):
                out.append(msg("ask.quote_line", quote=sentence.strip(), id=i))
    return tuple(out[:1])


def _meanings(structure, reading: Reading) -> set[str]:
    """Every entity the names may mean: "Trosa" is the municipality and the LSGs that cover it."""
    return {eid for m in reading.mentions for eid in name_alternatives(structure, m)}


def events_of(structure, reading: Reading) -> list:
    """The events that involve the named entities (or what their names may mean): those involving all when there are such."""
    ids = _meanings(structure, reading)
    involved = [ev for ev in structure.events_in_order if ids & set(ev.originals + ev.results)]
    named = [set(name_alternatives(structure, m)) for m in reading.mentions]
    together = [ev for ev in involved if all(n & set(ev.originals + ev.results) for n in named)]
    return together or involved


def _dated_attributes(structure, entity_ids) -> tuple:
    """"första gemensamma mötet: 2017-01-23" for each dated attribute of the entities."""
    return tuple(
        msg("ask.when_attribute", what=Term(_AttributeLabel(key), "label"), date=Stated(e.attributes[key]), name=EntityName(e), sources=", ".join(e.sources))
        for e in (structure.entities[i] for i in entity_ids if i in structure.entities) for key in DATE_ATTRIBUTES if key in e.attributes
    )


def decided_text(ev):
    """When an event was decided: a day, or a span said as a span ("någon gång 2016-10-13 – 2016-12-31; exakt dag anges inte")."""
    if "/" not in ev.decided:
        return ev.decided
    return msg("ask.decided_within", span=ev.decided.replace("/", " – "))


def when(structure, reading: Reading) -> Finding:
    """When something happened to the named entities: the events, each with the day it took effect, when it was decided,
    and the dated attributes of what it made (the first joint meeting).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = when(s, read_question(s, "När slogs LSG Trosa och LSG Gnesta ihop?"))
    >>> f.details["events"], f.answers[0].effective_from
    (['ev_sammanslagning_trosa_gnesta'], '2017-01-01')
    """
    events = events_of(structure, reading)
    items = [queries.event_item(structure, structure.entities[eid], ev) for ev in events for eid in (ev.results or ev.originals) if eid in structure.entities]
    lines = tuple(
        msg("ask.when_decided", event=Term(ev, "name"), date=Stated(ev.date), decided=decided_text(ev))
        for ev in events if ev.decided
    ) + _dated_attributes(structure, [eid for ev in events for eid in ev.results])
    names = Joined(tuple(_name(structure, i) for i in reading.ids))
    return Finding(
        "when", msg("ask.i_when", names=names), _events_lead(events), entities=tuple(reading.ids),
        details={"events": [ev.id for ev in events], "dates": [ev.date for ev in events]}, answers=tuple(items),
        notice=Joined(lines, "\n") if lines else None,
    )


#: The most events said in the answer's first line (all are listed below it).
_EVENTS_SAID = 3


def _events_lead(events) -> Joined:
    """"Det hände: RAR bildas (2005)": the first events, each with its day, in the answer's first line."""
    said = tuple(msg("ask.when_event", event=Term(ev, "name"), date=Stated(ev.date)) for ev in events[:_EVENTS_SAID])
    return Joined((msg("ask.lead_when"), Joined(said, "; ")), " ")


def when_fact(structure, reading: Reading) -> Finding:
    """The dates of the relations the question's verb names ("finansieringen av processledaren"), or of the entity
    itself ("processledartjänsten"), on any day: each as its source states it, the conflicts first."""
    x = reading.ids[0]
    kinds = reading.relation_kinds
    others = {eid for m in reading.mentions[1:2] for eid in name_alternatives(structure, m)}  # "När styrde LSG Nyköping TUNA?"
    if kinds:
        rels = sorted(
            (r for r in structure.relations_of(x) if r.relation in kinds and (not others or {r.from_id, r.to_id} & others)), key=lambda r: r.id
        )
        items = tuple(
            queries.relation_item(structure, structure.entities[r.from_id if r.to_id == x else r.to_id], r, on=reading.date.span) for r in rels
        )
        summary = msg("ask.i_when_relation", inverse=Term(RELATION_KINDS[sorted(kinds)[0]], "inverse"), name=_name(structure, x))
    else:
        rels = []
        items = (queries.entity_item(structure, structure.entities[x], on=reading.date.span),)
        summary = msg("ask.i_when_entity", name=_name(structure, x))
    lead, focus = _dates_lead(reading, items)
    return Finding("when_dates", summary, lead, entities=(x,), details={"relations": [r.id for r in rels], "focus": focus}, answers=items, verdict=bool(items))


def _end_asked(reading: Reading) -> str:
    """"start", "end" or "both" ("från när till när", or neither asked)."""
    start, stop = bool(START_CUE.search(reading.text)), bool(END_CUE.search(reading.text))
    return "both" if start == stop else "start" if start else "end"


def _dates_lead(reading: Reading, items) -> tuple:
    """The line that answers (the start, the end or both of each item) and the dates it gives, whose conflicts come first."""
    if not items:
        return msg("ask.lead_when_dates"), []
    end = _end_asked(reading)
    dates_said = Joined(tuple(_dates_of(item, end) for item in items), "; ")
    lead = msg("ask.when_dates_said", dates=dates_said)
    if disagree := disagreements(items, "either" if end == "both" else end):  # "när började processledaren?": the sources' two dates first, the one the data keeps said as a choice
        lead = with_disagreements(disagree, msg("ask.when_dates_kept", dates=dates_said))
    dates = [item.valid_from for item in items if end != "end"] + [item.valid_to for item in items if end != "start"]
    return lead, [d for d in dates if d]




#: "När började …", "since when": the start is asked; "till när", "hur länge", "when does … end": the end.
START_CUE = re.compile(r"\b(?:borja\w*|startade|start\w*|began|begin\w*|sedan nar|sen nar|since when|fran nar|from when|tilltradde|"
                       r"fran vilket datum|fran vilken dag|from what date|from which date|as of what date)\b")
END_CUE = re.compile(r"\b(?:slut\w*|upphor\w*|end\w*|until when|to when|till nar|fram till|hur lange|how long|expires?|ends?)\b")


def _dates_of(item, end: str) -> Joined:
    """"Processledare LSG södra Sörmland: från 2016-07-01" — the start, the end or both, as the data states them."""
    start, stop = Stated(item.valid_from) if item.valid_from else msg("ask.date_unknown"), Stated(item.valid_to) if item.valid_to else msg("ask.date_open")
    span = msg("ask.from_date", date=start) if end == "start" else msg("ask.to_date", date=stop) if end == "end" else validity(item.valid_from, item.valid_to)
    ids = f" [{', '.join(item.relation_ids)}]" if item.relation_ids else ""
    return Joined((ItemName(item), ": ", span, *_planned_start(item, end), *_public_dates(item), ids), "")


def _public_dates(item) -> tuple:
    """" (offentlig källa, inte dokumenten)" when only public pages give the dates (IBIS's 2016-03-01 – 2018-12-31)."""
    years = {d[:4] for d in (item.valid_from, item.valid_to) if d}
    giving = [src for src in item.sources if years and any(y in (src.get("quote") or "") for y in years)]
    return (" (", msg("ask.public_source"), ")") if giving and all(src.get("kind") == "public" for src in giving) else ()


def _planned_start(item, end: str) -> tuple:
    """" (en plan; först belagd 2016-10-13)" when the start the data keeps is a plan's, before any source speaks for it."""
    first = item.attestation.first
    if end == "end" or not item.valid_from or not first:
        return ()
    try:
        start = PartialDate.parse(item.valid_from).first_day().toordinal()
    except ValueError:
        return ()
    return (" ", msg("ask.start_planned", date=date.fromordinal(first).isoformat())) if start < first and item.attestation.evidence(start) == "plan" else ()


#: Who wrote or signed a document: asked about the document even when the question names others ("ansökan från LSG GNOT").
AUTHOR_CUE = re.compile(r"\b(?:skrev|skrivit|skriven|skrevs|undertecknad\w*|undertecknade|signed|signerade|wrote|written|authors?)\b")


def document_period(structure, reading: Reading) -> Finding:
    """What the data knows of a document the question names: its title, the period it speaks for, its date and who wrote it."""
    documents = named_documents(structure, reading, loosely=True)
    if PERIOD_ASKED.search(reading.text):  # "Vilken period gäller ansökan?": an application's period is the one applied for
        planned = next((f for i in documents if (f := planned_periods(structure, structure.documents[i])) is not None), None)
        if planned is not None:
            return planned
    lines = [line for i in documents for line in _document_lines(structure, structure.documents[i], reading)]
    return Finding("document", msg("ask.i_document"), details={"documents": list(documents)}, notice=Joined(tuple(lines), "\n"))


#: A question for the period a document is about ("vilken period gäller ansökan", "hur länge gäller den").
PERIOD_ASKED = re.compile(r"\b(?:period\w*|hur lange|how long|galler|avser|applies|apply|covers?|tacker)\b")


def _document_lines(structure, d, reading: Reading) -> list:
    """Who signed the document (or that no one is named, when that is asked), then its title, period, date and notes."""
    lines = []
    period = d.period.replace("/", " – ") if d.period else ""
    signed = [e for e in structure.entities.values() if e.kind == "person" and any(_cites(structure, s, d.id) for s in e.sources)]
    if signed:  # the persons the document names (its signature): said first, in the language asked
        lines.append(msg("ask.document_persons", title=d.title.split(",")[0], names=Joined(tuple(EntityName(e) for e in signed))))
    elif AUTHOR_CUE.search(reading.text):  # "vem skrev under ansökan?": that no one is named is the answer
        lines.append(msg("ask.document_no_person", title=d.title.split(",")[0]))
    note = " ".join(x for x in (d.period_note, d.note) if x)
    line = msg("ask.document_line", title=d.title, period=period or "–", date=d.date or "–", note=note)
    if PERIOD_ASKED.search(reading.text):  # "Vilken period täcker lägesrapporten?": the period first, then who signed
        return [*_days_line(d, reading, period), line, *lines]
    return [*_days_line(d, reading, period), *lines, line]


def _days_line(d, reading: Reading, period: str) -> list:
    """"Lägesrapporten gäller 80 dagar (…)" when the days of a document's period are asked; [] else."""
    days = _days_in(d.period) if _DAYS_ASKED.search(reading.text) else None
    return [] if days is None else [msg("ask.document_days", title=d.title.split(",")[0], days=days, period=period)]


#: "hur många dagar", "how many days": a document's period counted in days.
_DAYS_ASKED = re.compile(r"\b(?:hur manga dagar|antal dagar|how many days|number of days|hur lang|hur lange|how long)\b")


def _days_in(period: str) -> int | None:
    """The days of a stated period, both ends counted ("2016-10-13/2016-12-31" → 80), or None without two full dates.

    >>> _days_in("2016-10-13/2016-12-31"), _days_in("2016")
    (80, None)
    """
    first, _, last = period.partition("/")
    try:
        return (PartialDate.parse(last).last_day() - PartialDate.parse(first).first_day()).days + 1
    except ValueError:
        return None


def _cites(structure, source_id: str, document_id: str) -> bool:
    source = structure.sources.get(source_id)
    return source is not None and source.document == document_id


def merged(structure, reading: Reading) -> Finding:
    """Yes or no: did the named entities merge (by the date asked about)? "Har Trosa och Gnesta gått ihop?"

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> merged(s, read_question(s, "Har Trosa och Gnesta gått ihop?", on="2017-03-01")).lead.render("sv")[:92]
    'Ja, från 2017-01-01 (beslutat någon gång 2016-10-13 – 2016-12-31 (exakt dag anges inte)). Så'
    >>> merged(s, read_question(s, "Har Trosa och Gnesta gått ihop?", on="2016-11-15")).lead.render("en")
    'Not yet on that date: decided some time in 2016-10-13 – 2016-12-31 (the exact day is not stated), in effect from 2017-01-01.'
    """
    found = when(structure, reading)
    events = [structure.events[e] for e in found.details["events"]]
    if not events:
        names = Joined(tuple(_name(structure, i) for i in reading.ids), " & ")
        return replace(found, intent="merged", lead=msg("ask.lead_no"), verdict=True, notice=msg("ask.no_merger", names=names))
    ev = events[0]
    decided = decided_text(ev) if ev.decided else "–"
    undated = reading.date.source == "default"  # "har de gått ihop?" with no date asks what happened, not about the default day
    key = "ask.merged_yes" if undated or ev.day <= reading.date.last.toordinal() else "ask.merged_not_yet"
    if SEPARATE_CUE.search(reading.text):  # "fortfarande separata?": yes while not yet merged, no once merged
        key = "ask.separate_no" if key == "ask.merged_yes" else "ask.separate_yes"
    lead = msg(key, date=Stated(ev.date), decided=decided)
    if key in ("ask.merged_yes", "ask.separate_no") and not _spoken_for_after(structure, ev):  # decided, no later source says it happened
        lead = Joined((lead, msg("ask.merger_unconfirmed")), " ")
    return replace(found, intent="merged", lead=lead, verdict=True)


def _spoken_for_after(structure, ev) -> bool:
    """A source of the event may speak for a day on or after it took effect: a report written after it, or a page
    whose period is not stated; False when every source is a report of an earlier period (the decision only)."""
    said = [structure.sources[i].speaks for i in ev.sources if i in structure.sources]
    return not said or any(not speaks or speaks[1] >= ev.day for speaks in said)


#: "Vad heter …", "What is … called", "namnet på …": a name is asked for.
NAME_CUE = re.compile(r"\b(?:vad heter|heter|heta|namnet|namn|called|name of|named|name)\b")


def names_what_is_named(structure, reading: Reading) -> bool:
    """A name question about a name in it: the name right after the cue ("Vad heter processledaren?"), or what a merger
    of the names made ("Vad heter det nya LSG:t för Trosa och Gnesta?"); not "the name of the PRIO coordinator in …"."""
    cue = NAME_CUE.search(reading.text)
    if not cue or not reading.mentions:
        return False
    at = len(reading.text[: cue.end()].split())
    tokens = reading.tokens
    at += at < len(tokens) and tokens[at] in ("the", "den", "det", "of")
    if at + 1 < len(tokens) and kind_of_word(tokens[at]) and tokens[at + 1] in ("som", "that", "which", "who"):
        return False  # "Vad heter regionen som är medlem i RAR?": which region, not RAR's name
    return reading.mentions[0].start <= at + 2 or bool(events_of(structure, reading))


def _holder(structure, role) -> Any:
    """The person recorded to hold a role ("Processledare LSG södra Sörmland" → Ida Malmberg), or None."""
    held = [r.from_id for r in structure.incoming(role.id) if r.relation == HOLDING] if role.kind == "role" else []
    return structure.entities[held[0]] if held else None


def what_name(structure, reading: Reading) -> Finding:
    """The name of what the question points at ("det nya gemensamma LSG:t för Trosa och Gnesta" → what their merger made),
    said as a working name when no source gives it.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> what_name(s, read_question(s, "Vad heter det nya gemensamma LSG:t för Trosa och Gnesta?")).notice.render("sv")[:60]
    'Namnet står inte i källorna: "LSG Trosa-Gnesta" är lsgmap:s '
    """
    made = [eid for ev in events_of(structure, reading) for eid in ev.results if eid in structure.entities]
    target = structure.entities[made[0] if made else reading.ids[0]]
    person = _holder(structure, target)
    if person is not None:  # "Vad heter processledaren?": the person who holds the post
        item = queries.entity_item(structure, person, on=reading.date.span)
        return Finding("name", msg("ask.i_name", name=EntityName(target)), entities=(person.id,), answers=(item,), verdict=True,
                       notice=msg("ask.name_holder", role=EntityName(target), name=person.name_sv, sources=", ".join(person.sources)))
    item = queries.entity_item(structure, target, on=reading.date.span)
    if target.kind == "role":  # "what's the name of the TRIS process leader?": no person is named, only the role
        return Finding("name", msg("ask.i_name", name=EntityName(target)), entities=(target.id,), answers=(item,), verdict=True,
                       notice=msg("ask.name_no_person", role=EntityName(target), sources=", ".join(target.sources)))
    key = "ask.name_working" if is_working_name(target) else "ask.name_stated"
    lead = (msg("ask.attribute_no") if is_working_name(target) else msg("ask.attribute_yes")) if WANTS_YESNO.search(reading.text) else None
    return Finding(
        "name", msg("ask.i_name", name=EntityName(target)), lead, entities=(target.id,), answers=(item,),
        notice=msg(key, name=target.name_sv, sources=", ".join(target.sources)), verdict=True,
    )


#: "Vad står RAR för?", "what does TRIS stand for", "förkortningen IBIS": the words a short name is made of.
STANDS_FOR_CUE = re.compile(
    r"\b(?:stand|stands) for\s*$|^\s*(?:\S+\s+){1,2}star for\s*$|^\s*vad\s+(?:star|betyder)\s+(?:\S+\s+){0,2}?\S+(?:\s+for)?\s*$|\bforkortning\w*|\babbreviat\w*|\bshort for\b|"
    r"^\s*vad\s+(?:star|betyder)\s+\S+\s+(?:for\s+)?(?:i|in)\s|^\s*what\s+does\s+\S+\s+(?:mean|stand for)\b"
)


def spelled_out(entity) -> str | None:
    """The name of an entity whose capitals spell its short name ("Rehabilitera och Aktivera med gemensamma Resurser" for RAR).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> spelled_out(s.entities["rar"]), spelled_out(s.entities["ibis"])
    ('Rehabilitera och Aktivera med gemensamma Resurser', 'IntegrationsBygget I Sörmland')
    """
    short = (entity.short_name or "").upper()
    if len(short) < 2:
        return None
    for name in (*entity.aliases, entity.name_sv, entity.name_en):
        tail = name.split("–", 1)[-1].strip() if "–" in name else name
        if "".join(c for c in tail if c.isupper()) == short:
            return tail
    return None


def stands_for(structure, reading: Reading) -> Finding:
    """What a short name stands for, as the data writes it out, said as the data's name (its sources beside it)."""
    e = structure.entities[reading.ids[0]]
    words = spelled_out(e)
    lead = msg("ask.stands_for", short=e.short_name, words=words, name=EntityName(e, full=True), sources=", ".join(e.sources))
    in_documents = any(normalise(words) in normalise(structure.sources[i].quote or "") for i in e.sources
                       if i in structure.sources and getattr(structure.documents.get(structure.sources[i].document), "kind", "") != "public")
    if not in_documents:  # "IntegrationsBygget I Sörmland": only a public page writes it out
        lead = Joined((lead, msg("ask.attribute_public")), " ")
    return Finding("name", msg("ask.i_stands_for", short=e.short_name), lead, entities=(e.id,), verdict=True)
