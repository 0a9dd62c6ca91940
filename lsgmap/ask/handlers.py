"""One handler per kind of question, tried in order.

Each entry of :data:`HANDLERS` says when it applies to a :class:`~lsgmap.ask.reading.Reading`
and answers with a :class:`Finding`: the intent, its texts as messages, the
answers, the chains, an amount and a notice. The first entry that applies
answers; the last one (everything about a named entity) always applies. A new
kind of question is one handler and one line in :data:`HANDLERS`.
The relation questions (who steers X, what does X steer) are in :mod:`lsgmap.ask.relations`.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> handler_for(s, read_question(s, "Vad hände med LSG Gnesta?")).intent
'lineage'
>>> [h.intent for h in HANDLERS][:3]
['documents', 'bad_date', 'applicants']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from lsgmap.ask.amounts import amount, amount_unit, asks_the_unit, budget_items
from lsgmap.ask.attributes import attribute_answer, definition, fact_attribute, recorded_attributes
from lsgmap.ask.compose import (
    WANTS_COUNT,
    WANTS_YESNO,
    compose,
    counts_something_else,
    document_filter,
    kind_nouns,
    named_documents,
    place_mentions,
)
from lsgmap.ask.dates import as_written, find_date
from lsgmap.ask.duration import DURATION_CUE, duration, has_durations, has_time_left, time_left
from lsgmap.ask.either import either_or, sides
from lsgmap.ask.english import Quote
from lsgmap.ask.happened import HAPPENED_CUE, happened
from lsgmap.ask.interpretation import EntityName, Finding, ItemName, Joined, Term
from lsgmap.ask.passages import CONFLICTS, document_words, passages, passages_with, stems_of
from lsgmap.ask.query import ANY, KIND, evaluate
from lsgmap.ask.reading import ACTIVITY_CUE, QUESTION_WORDS, SEPARATE_CUE, Reading, kind_of_word, name_alternatives
from lsgmap.ask.relations import documents_on_a_relation, members_of_root, relation_between, relation_holders_or_targets
from lsgmap.ask.sources import asks_for_sources, sources_answer
from lsgmap.ask.tasks import SHALL_CUE, WHO_DECIDES, asked_task, asks_tasks_for, task_answer, task_named, task_yes
from lsgmap.ask.unsure import (
    ABOUT_CUE,
    CLOSE_ENOUGH,
    DOCUMENT_CUE,
    DONE_CUE,
    RUNNING_CUE,
    TOPIC_CUE,
    asks_when_done,
    disputed_values,
    documents_say,
    either_value,
    said_first,
    unsure,
)
from lsgmap.ask.when import (
    AUTHOR_CUE,
    END_CUE,
    STANDS_FOR_CUE,
    START_CUE,
    UNTIL_CUE,
    WHEN_CUE,
    date_attribute,
    document_period,
    events_of,
    merged,
    names_what_is_named,
    spelled_out,
    stands_for,
    what_name,
    when,
    when_attribute,
    when_fact,
)
from lsgmap.ask.work import asks_work_done, work_done
from lsgmap.dates import PartialDate
from lsgmap.i18n import msg
from lsgmap.model import queries
from lsgmap.model.names import STOPWORDS, normalise, suggest
from lsgmap.time.diff import diff as diff_dates
from lsgmap.vocab import APPLYING, ASSIGNED_TO, ASSIGNS, ENTITY_KINDS, FUNDING, HOLDING, OWNERSHIP, PART_OF, RELATION_KINDS, STEERING

__all__ = ["Finding", "Handler", "HANDLERS", "QUESTION_KINDS", "handler_for"]

#: The kinds of question :func:`lsgmap.ask.answer.ask` answers, as i18n keys (shown when a question is not understood).
QUESTION_KINDS = ["ask.kind_relation", "ask.kind_responsible", "ask.kind_chain", "ask.kind_lineage", "ask.kind_amount", "ask.kind_list"]


@dataclass(frozen=True)
class Handler:
    """A kind of question: its name, when it applies, and how it is answered."""

    intent: str
    applies: Callable[[Any, Reading], bool]
    answer: Callable[[Any, Reading], Finding]


def _name(structure, entity_id: str) -> EntityName:
    return EntityName(structure.entities[entity_id])


# -- not understood ---------------------------------------------------------------------------


def not_understood(structure, reading: Reading, reason: str, names: list[str], suggestions: list[str]) -> Finding:
    """A question it cannot answer: why, suggestions ("Menade du …?") and the kinds of question it can answer."""
    parts: list[Any] = [msg(reason, names=", ".join(names))]
    if suggestions:
        labels = [Joined((EntityName(structure.entities[i], full=True), f" ({i})"), "") for i in suggestions]
        parts.append(msg("ask.did_you_mean", names=Joined(tuple(labels))))
    kinds = [Joined(("  - ", msg(k)), "") for k in QUESTION_KINDS]
    parts.append(Joined((msg("ask.can_answer"), *kinds), "\n"))
    return Finding(
        "unknown", msg("ask.not_understood_short"), details={"suggestions": suggestions}, notice=Joined(tuple(parts), "\n"), understood=False
    )


def bad_date(structure, reading: Reading) -> Finding:
    """A date in the question that does not exist ("den 31 februari 2017")."""
    return not_understood(structure, reading, "ask.bad_date", [reading.date.text], [])


def _last_day_of(written: str) -> str | None:
    """The month's last day for a day past it ("2018-06-31" → "2018-06-30"), or None."""
    try:
        return PartialDate.parse(written[:7]).last_day().isoformat() if len(written) == 10 else None
    except ValueError:
        return None


def written_bad_date(structure, reading: Reading) -> Finding:
    """A date that does not exist but that the sources write ("is 2018-06-31 really the end date?"): it is what is
    asked about; say that it does not exist and quote where it is written."""
    written = as_written(reading.date.text)
    nearest = passages_with(structure, _last_day_of(written), limit=6) if _last_day_of(written) else []  # "2018-06-30": what else is said of that end
    found = list(dict.fromkeys([*passages_with(structure, written), *(p for p in nearest if p.document == CONFLICTS)]))[:4]
    return Finding(
        "documents", msg("ask.i_documents"), msg("ask.bad_date_written_no" if WANTS_YESNO.search(reading.text) else "ask.bad_date_written", date=reading.date.text), verdict=True,
        details={"passages": [p.to_json() for p in found]}, passages=tuple(found),
    )


def _unknown_words(structure, reading: Reading) -> list[str]:
    """The question's words that are no name in the data and no question word."""
    words = [w.strip("?!.,:;\"'()") for w in reading.question.split()]
    known = structure.names.variants
    return [w for w in words if normalise(w) and normalise(w) not in known and normalise(w).split()[0] not in QUESTION_WORDS]


def unknown_names(structure, reading: Reading) -> Finding:
    """No name the data knows: say which word was not found, and what it may have meant."""
    reason = "ask.unknown_name" if reading.asks_relation else "ask.not_understood"
    unknown = _unknown_words(structure, reading)
    return not_understood(structure, reading, reason, unknown[-1:] or [reading.question], suggest(structure, reading.question))


#: "När beviljade RAR ansökan?": an approval, which no event of the data is (it records what happened, not decisions on applications).
APPROVAL_CUE = re.compile(r"\b(?:beviljade|beviljad|beviljat|beviljats|beviljades|beviljas|godkande|godkand|godkant|godkants|godkandes|antagen|antaget|antagits|antogs|"
                          r"faststalld\w*|faststallts|faststalldes|klubbad\w*|approved|approve|granted|grant|adopted|adopt|ratified|accepted|"
                          r"beslutade? (?:insats\w*|projekt\w*|sak)|a decided (?:intervention|project))\b")


def approval_not_recorded(structure, reading: Reading) -> Finding:
    """"Det framgår inte …": no approval is recorded; what the documents say on the question's words follows."""
    found = [p for p in passages(structure, reading.text, only=named_documents(structure, reading), limit=6) if p.document != CONFLICTS][:2]
    lead = msg("ask.approval_not_said", names=_name(structure, reading.ids[0])) if reading.ids else msg("ask.approval_not_said_plain")
    said = definition(structure, reading.ids[0]) if reading.ids and structure.entities[reading.ids[0]].kind in ("role", "assignment") else None
    if said is not None:  # "Blev ansökan om processledare beviljad?": not said, but the post's own sources say it exists
        lead = Joined((lead, msg("ask.approval_what_is_said"), said), " ")
    return Finding("documents", msg("ask.i_documents"), lead, entities=tuple(reading.ids),
                   details={"passages": [p.to_json() for p in found]}, passages=tuple(found), verdict=True)


def _topic_in_documents(structure, reading: Reading) -> bool:
    """No name, but a word the documents use that is no word of a relation or a kind ("vad står det om prio",
    "how often are the seminars held"): what the documents say on it, not "did you mean" (a misspelt name such as
    "tnua" is in no document)."""
    if reading.mentions:
        return False
    cues = [k.cue for k in (*RELATION_KINDS.values(), *ENTITY_KINDS.values()) if k.cue is not None]
    topic = [w for w in _unknown_words(structure, reading) if not any(c.search(normalise(w)) for c in cues)]
    return bool(topic) and bool(document_words(structure, " ".join(topic)))


# -- lists, amounts, lineage, chains ----------------------------------------------------------


def existing(structure, reading: Reading) -> Finding:
    """Which LSGs / projects / … exist on the date."""
    kind = reading.kind_noun or ""
    span = reading.date.span
    items = tuple(queries.entity_item(structure, e, on=span) for e in queries.existing(structure, kind, on=span))
    return Finding(
        "existing", msg("ask.i_existing", kinds=Term(ENTITY_KINDS[kind], "plural", lower=True)), msg("ask.lead_existing", count=len(items)),
        details={"kind": kind}, answers=items,
    )


def lineage(structure, reading: Reading) -> Finding:
    """What became of an entity, or what it came from, through mergers and renames."""
    meanings = name_alternatives(structure, reading.mentions[0])  # "Trosa": the municipality, or the LSG that merged
    x = next((i for i in meanings if queries.lineage(structure, i)["events"]), reading.ids[0])
    lin = queries.lineage(structure, x)
    items = tuple(lin["came_from"] + lin["became"])
    details = {"events": [e.id for e in lin["events"]], "became": [a.id for a in lin["became"]], "came_from": [a.id for a in lin["came_from"]]}
    return Finding(
        "lineage", msg("ask.i_lineage", name=_name(structure, x)), msg("ask.lead_lineage"), entities=(x,), details=details, answers=items,
        notice=None if items else msg("ask.no_lineage", name=_name(structure, x)),
    )


#: Two dates in a question: "mellan 2016 och 2017", "between 1 March 2016 and 2017".
BETWEEN = re.compile(r"\b(?:mellan|between|fran|from)\s+(.{1,60}?)\s+(?:och|and|till|to)\s+([^?]{1,60})", re.IGNORECASE)
CHANGE_CUE = re.compile(r"\b(?:andrades|andrats|andras|forandrades|changed|change|changes)\b")


def _two_dates(reading: Reading):
    """(first, second) :class:`~lsgmap.ask.dates.QuestionDate` of a "between A and B" question, or None."""
    m = BETWEEN.search(normalise(reading.question))
    if not m:
        return None
    first, second = find_date(m.group(1)), find_date(m.group(2))
    return (first, second) if first and second and first.first <= second.last else None


def changes(structure, reading: Reading) -> Finding:
    """What changed for a named entity between two dates: the changes that name it (or its relations), then what is no longer attested.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = changes(s, read_question(s, "Vad ändrades för TRIS mellan 2016 och 2017?"))
    >>> f.details["start"], f.details["end"], len(f.details["changes"]) > 0
    ('2016-01-01', '2017-12-31', True)
    """
    x = reading.ids[0]
    first, second = _two_dates(reading)
    d = diff_dates(structure, start=first.first, end=second.last)
    touches = {x} | {r.id for r in structure.relations_of(x)}
    found = [i for i in d.change_items(reading.lang) if touches & set(i["ids"])]
    quiet = [i for i in d.unattested_items(reading.lang) if touches & set(i["ids"])]
    name, start, end = _name(structure, x), first.first.isoformat(), second.last.isoformat()
    lines: list[Any] = [f"  - {i['text']} [{', '.join(i['sources'])}]" for i in found] or [msg("ask.no_changes", name=name, start=start, end=end)]
    if quiet:
        lines += [msg("ask.changes_unattested", end=end), *(f"    · {i['text']}" for i in quiet)]
    return Finding(
        "changes", msg("ask.i_changes", name=name, start=start, end=end), entities=(x,),
        details={"start": start, "end": end, "changes": found, "unattested": quiet}, notice=Joined(tuple(lines), "\n"),
    )


#: A yes/no question whether something existed ("Fanns LSG Trosa 2018?", "Did LSG Trosa exist in 2018?").
EXISTS_CUE = re.compile(
    r"^\s*(?:fanns|finns|existerade|existerar|did\s+\S+(?:\s+\S+)?\s+exist|does\s+\S+(?:\s+\S+)?\s+exist|was\s+there|is\s+there)\b|"
    r"^\s*(?:ar|var|is|was)\s+(?:\S+\s+){1,4}(?:(?:fortfarande|still)\s+)?(?:igang|aktiv\w*|verksam\w*|running|active|ongoing|going on|in operation)\b|"
    r"^\s*(?:pagar|pagick|lever|finns)\s+(?:\S+\s+){1,4}(?:fortfarande|kvar|still)\b"
)


def exists(structure, reading: Reading) -> Finding:
    """Yes (and whether a source speaks for it then) or no, with the entity's validity; a no says what became of it.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> [a.id for a in exists(s, read_question(s, "Fanns LSG Trosa i november 2016?")).answers]
    ['lsg_trosa']
    >>> exists(s, read_question(s, "Fanns LSG Trosa 2018?")).answers
    ()
    """
    x = reading.ids[0]
    entity, (lo, hi) = structure.entities[x], reading.date.span
    valid = entity.start <= hi and lo <= entity.end
    items = (queries.entity_item(structure, entity, on=(lo, hi)),) if valid else ()
    lead = msg("ask.lead_yes") if items and items[0].attested else msg("ask.lead_exists_unattested")
    if items and not items[0].attested and items[0].attestation.evidence_in(lo, hi) == "plan":
        lead = msg("ask.lead_exists_planned")  # "Was the process leader already working in August 2016?": only a plan says so
    return Finding("exists", msg("ask.i_exists", name=_name(structure, x)), lead, entities=(x,), details={"exists": valid}, answers=items,
                   verdict=bool(items))  # "Ja" before the open points, as every yes or no


#: A question that asks how many ("Hur många …", "How many …").
COUNT_CUE = re.compile(r"^\s*(?:hur manga|how many)\b")


def _kind_holders(structure, reading: Reading, kind: str) -> list[queries.AnswerItem]:
    """The entities of ``kind`` that hold the question's relation to anything in its span, one answer each per relation kind."""
    lo, hi = reading.date.span
    return queries.group_items(
        queries.relation_item(structure, structure.entities[r.from_id], r, on=(lo, hi))
        for r in structure.relations.values()
        if r.relation in reading.relation_kinds and structure.entities[r.from_id].kind == kind and r.start <= hi and lo <= r.end
    )


def count(structure, reading: Reading) -> Finding:
    """How many: the answers of the question behind it (who holds a relation, or which of a kind exist), counted by entity.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = count(s, read_question(s, "Hur många LSG var uppdragsgivare i oktober 2016?"))
    >>> f.intent, len({a.id for a in f.answers})
    ('count', 5)
    """
    kind = reading.kind_noun or ""
    if reading.mentions and reading.asks_relation:
        found = relation_holders_or_targets(structure, reading)
        items = queries.group_items(found.answers)
        if kind and kind != structure.entities[reading.ids[0]].kind:
            items = [a for a in items if a.kind == kind]
        summary = msg("ask.i_count", question=found.summary)
    elif reading.relation and kind:
        found, items = None, _kind_holders(structure, reading, kind)
        summary = msg("ask.i_count_holders", kinds=Term(ENTITY_KINDS[kind], "plural", lower=True), verb=Term(RELATION_KINDS[reading.relation_key], "verb"))
    else:
        found = existing(structure, reading)
        items, summary = list(found.answers), msg("ask.i_count", question=found.summary)
    n = len({a.id for a in items})
    base = found or Finding("count", summary)
    return replace(base, intent="count", summary=summary, lead=_count_lead(items, reading), answers=tuple(items),
                   details={**base.details, "count": n}, paths=())


def _count_lead(items, reading: Reading):
    """"5:"; for a time the question names, what a source speaks for then counted apart from what none does ("4 belagda
    för tiden (+1 utan källa då: TRIS)": the status report's list of that autumn has four)."""
    n = len({a.id for a in items})
    attested = {a.id for a in items if a.attested}
    if reading.date.source in ("question", "option") and not attested and items:  # "i februari 2017": no source speaks for then
        return msg("ask.count_unattested", count=n)
    if reading.date.source != "question" or not attested or len(attested) == n:
        return msg("ask.lead_existing", count=n)
    others = Joined(tuple(ItemName(a) for a in {a.id: a for a in items if a.id not in attested}.values()))
    return msg("ask.lead_count_attested", count=len(attested), rest=n - len(attested), names=others)


#: Words that ask about assignments ("uppdrag", "assignments"), whatever the verb.
_PARTS_ASKED = re.compile(r"\b(?:omraden|omradena|delar|delarna|areas|parts|fokus\w*|focus\w*)\b")
ASSIGNMENT_CUE = re.compile(r"\b(?:uppdrag|uppdraget|uppdragen|assignments?)\b")  # not "uppdragsgivare": that is commissioning


def _assignment_party(structure, reading: Reading) -> tuple[str, str] | None:
    """(entity, "to" | "from") when the question asks about assignments of a named non-assignment entity, else None.

    The one given assignments ("processledaren") is preferred to one that gives them (an LSG).
    """
    if not ASSIGNMENT_CUE.search(reading.text) or _PARTS_ASKED.search(reading.text):
        return None  # "Vilka är de tre områdena i processledarens uppdrag?": the mission's parts, not the assignments given
    ids = [m.entity_id for m in reading.mentions if structure.entities[m.entity_id].kind != "assignment"]
    if len(ids) != len(reading.mentions):
        return None  # an assignment is named: "vem gav uppdraget om …" is a relation question
    for eid in ids:
        if any(r.relation == ASSIGNED_TO for r in structure.incoming(eid)):
            return eid, "to"
    for eid in ids:
        if any(r.relation == ASSIGNS for r in structure.outgoing(eid)):
            return eid, "from"
    return None


def assignments(structure, reading: Reading) -> Finding:
    """The assignments a named entity was given (with who gave each), or gave (with to whom), in the question's span.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = assignments(s, read_question(s, "Vem ger uppdrag till processledaren i november 2016?"))
    >>> len(f.answers), sorted({p.steps[0].from_id for p in f.paths})[:2]
    (5, ['lsg_gnesta', 'lsg_nykoping'])
    """
    party, way = _assignment_party(structure, reading)
    span = reading.date.span
    items, routes = _routes(structure, party, way, span)
    lo, hi = span
    paths = tuple(
        queries.Path((queries.step(structure, given, forward=True), queries.step(structure, to, forward=True)))
        for given, to in routes
        if given.start <= hi and lo <= given.end and to.start <= hi and lo <= to.end
    )
    name = _name(structure, party)
    givers = _givers(structure, reading, way, paths)
    return Finding(
        "assignments", msg(f"ask.i_assignments_{way}", name=name), givers or msg(f"ask.lead_assignments_{way}", name=name),
        ASSIGNS, (party,), {"direction": way}, tuple(items), paths, verdict=givers is not None,
    )




#: "Vem finansierar de projekt som LSG är styrgrupp för?", "who funds the projects that the LSGs steer?": what the
#: application says of them (RAR, ESF or another funder), not each project's funders one by one.
_FUNDS_WHAT_IS_STEERED = re.compile(r"\b(?:finansierar|betalar|funds?|pays? for)\b.*\b(?:projekt\w*|insats\w*|projects?)\s+(?:som|that|which)\b.*\b(?:styr\w*|steer\w*)\b")


#: "Sedan när finns det en heltidsanställd processledare?": a date is asked, not the attribute the question names.
_SINCE_WHEN = re.compile(r"\b(?:sedan nar|sen nar|fran nar|since when|when did|nar borjade|nar startade)\b")


#: "Vilka nya projekt …", "which new projects will …": projects to come, which no source names.
NEW_CUE = re.compile(r"\b(?:nya|kommande|framtida|new|future|upcoming|coming|planned)\s+(?:\w+\s+)?(?:projekt\w*|insats\w*|projects?|interventions?|efforts?)\b")


def new_ones(structure, reading: Reading) -> Finding:
    """"Källorna namnger inga nya …" first, then what the documents say of what is to come ("förväntas det tillkomma projekt");
    when they are expected is what the passage says ("over which years …": "under den aktuella perioden 2016-2019")."""
    found = documents_say(structure, reading)
    return found if _WHEN_EXPECTED.search(reading.text) else said_first(found, msg("ask.new_not_named"))


#: When or over which years something is expected: the passage's period answers it.
_WHEN_EXPECTED = re.compile(r"^\s*(?:nar|when|under vilk\w+ (?:ar|period)|vilka ar|which years|what years|over which|during which|in which years|for which period)\b")


#: "Var processledaren på plats …", "was the process leader in place …": whether the post was there then.
_IN_PLACE = re.compile(r"^\s*(?:ar|var|is|was|were)\s+(?:\S+\s+){1,4}(?:(?:redan|already|still|fortfarande)\s+)?(?:pa plats|i tjanst|in place|in post|in office|on board|working|at work|igang|i gang|i arbete)\b")


#: A numbered part of a document: "mål 1", "goal 2", "punkt 3".
_NUMBERED_PART = re.compile(r"\b(?:mal|malet|malen|goal|goals|punkt|point)\s+(?:nr\s+|no\.?\s+|number\s+)?[1-9]\b")


#: "Vilka datum har LSG-mötena under 2017?", "which dates …": dates asked for, never a list of names.
DATES_ASKED = re.compile(r"^\s*(?:vilka datum|vilka dagar|which dates|what dates|what are the dates|on which dates|on what dates)\b")
_FULL_DATE = re.compile(r"\b(?:\d{4}-\d\d-\d\d|\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december))\b")


def dates_asked(structure, reading: Reading) -> Finding:
    """The dates the documents give for what is asked; that they give none, when the best passage holds no day."""
    if re.search(r"\bbudget\w*", reading.text) and (budgeted := _budget_periods(structure)):  # "Vilka datum täcker budgeten?"
        return Finding("documents", msg("ask.i_documents"), Joined(budgeted, "\n"), verdict=True)
    found = documents_say(structure, reading)
    if any(_FULL_DATE.search(p.text.lower()) for p in found.passages[:1]):
        return found
    return said_first(found, msg("ask.dates_not_given"))


def _budget_periods(structure) -> tuple:
    """"Budgeten gäller 2016-07-01 – 2018-06-30 (r_rar_funds_pl; «Budget processledare 2016-07-01-2018-06-30»)": the period
    of each relation the budget lines fund, with the budget's heading."""
    said = []
    for rid in dict.fromkeys(line.relation for line in structure.budget):
        r = structure.relations.get(rid)
        if r is None or not (r.valid_from and r.valid_to):
            continue
        heading = next((structure.sources[i].quote for i in r.sources if i in structure.sources and "budget" in (structure.sources[i].quote or "").lower()), "")
        said.append(msg("ask.budget_period", first=r.valid_from, last=r.valid_to, id=rid, heading=heading or "–"))
    return tuple(said)


#: "från alla LSG", "from all of the LSGs together", "samtliga LSG": every group gave it.
ALL_GROUPS_CUE = re.compile(
    r"\b(?:alla|samtliga|all|every|varje)\s+(?:of\s+)?(?:the\s+|de\s+)?(?:lsg\w*|lokala samverkansgrupp\w*|local collaboration groups?|groups|grupper\w*)"
)


def from_every_group(structure, reading: Reading) -> Finding:
    """The assignments every group existing then gave ("Vilket uppdrag kom från alla LSG?": the one of "samtliga LSG")."""
    lo, hi = reading.date.span
    groups = {e.id for e in structure.entities.values() if e.kind == "lsg" and e.start <= hi and lo <= e.end}
    items = []
    for e in structure.entities.values():
        givers = {r.from_id for r in structure.incoming(e.id) if r.relation == ASSIGNS and r.start <= hi and lo <= r.end}
        if e.kind == "assignment" and groups and groups <= givers:
            items.append(queries.relation_item(structure, e, next(r for r in structure.incoming(e.id) if r.relation == ASSIGNS), on=reading.date.span))
    names = Joined(tuple(EntityName(structure.entities[g]) for g in sorted(groups)))
    return Finding("assignments", msg("ask.i_assignments_all", names=names), msg("ask.lead_assignments_all", count=len(items)),
                   ASSIGNS, (), {"direction": "from"}, tuple(items), verdict=True)


def _routes(structure, party: str, way: str, span) -> tuple[list, list]:
    """(the assignments, (gives, given-to) relation pairs) of ``party``: given to it (``way`` "to") or given by it."""
    if way == "to":
        items = queries.holders(structure, ASSIGNED_TO, party, on=span)
        return items, [(given, r) for item in items for given in structure.incoming(item.id) if given.relation == ASSIGNS
                       for r in structure.outgoing(item.id) if r.relation == ASSIGNED_TO and r.to_id == party]
    items = queries.targets(structure, ASSIGNS, party, on=span)
    return items, [(given, r) for item in items for given in structure.incoming(item.id) if given.relation == ASSIGNS and given.from_id == party
                   for r in structure.outgoing(item.id) if r.relation == ASSIGNED_TO]


def _givers(structure, reading: Reading, way: str, paths) -> Any:
    """"Uppdragen ges av: LSG Trosa, …" when who gives the assignments is asked ("vem ger processledaren uppdrag?"), else None."""
    givers = list(dict.fromkeys(p.steps[0].from_id for p in paths))
    if way != "to" or not givers or not _WHO_GIVES.search(reading.text):
        return None
    return msg("ask.assignment_givers", names=Joined(tuple(_name(structure, g) for g in givers)))


#: "Vem ger processledaren uppdrag?", "who gives …": who gives is asked, the assignments are what it rests on.
_WHO_GIVES = re.compile(r"^\s*(?:vem|vilka|who)\b.*\b(?:ger|gav|ge|givit|gives|gave|given|give)\b")


def _wants_chain(structure, reading: Reading) -> bool:
    return reading.chain or (not reading.asks_relation and len(reading.mentions) >= 2)


def _wants_path(structure, reading: Reading) -> bool:
    return _wants_chain(structure, reading) and len(reading.ids) >= 2 and structure.root not in reading.ids[:2]


def paths(structure, reading: Reading) -> Finding:
    """How two named entities are connected on the date."""
    a, b = reading.ids[:2]
    searched = queries.paths_between(structure, a, b, on=reading.date.span)
    found = tuple(searched)
    return Finding(
        "paths", msg("ask.i_paths", a=_name(structure, a), b=_name(structure, b)), entities=(a, b), paths=found,
        notice=msg("ask.chains_cut", shown=len(found)) if getattr(searched, "cut", False) else None if found else msg("ask.no_paths"),
    )


def chain(structure, reading: Reading) -> Finding:
    """The accountability chains from a named entity up to the root (RAR)."""
    root = structure.root
    start = next((i for i in reading.ids if i != root), reading.ids[0])
    searched = queries.chain_to_root(structure, start, on=reading.date.span)
    found = tuple(searched)
    top = _name(structure, root) if root else msg("ask.any_association")
    return Finding(
        "chain", msg("ask.i_chain", name=_name(structure, start), root=top), entities=(start, *([root] if root else [])), paths=found,
        notice=msg("ask.chains_cut", shown=len(found)) if getattr(searched, "cut", False) else None if found else msg("ask.no_chain", name=_name(structure, start), root=top),
    )


def about(structure, reading: Reading) -> Finding:
    """Only a name: everything about it on the date."""
    x, span, every = reading.ids[0], reading.date.span, set(RELATION_KINDS)
    outgoing, incoming = queries.targets(structure, every, x, on=span), queries.holders(structure, every, x, on=span)
    return Finding(
        "about", msg("ask.i_about", name=_name(structure, x)), msg("ask.lead_about"), entities=(x,), answers=tuple(outgoing + incoming),
        paths=tuple(queries.chain_to_root(structure, x, on=span)), notice=_what_it_is(structure, x, _by_relation(outgoing, incoming)),
    )


#: "Vad är IBIS för slags verksamhet?", "vad är det för organisation?", "what kind of organisation is RAR": what one named thing is.
_WHAT_SORT = re.compile(r"^\s*(?:vad ar (?:\w+ ){1,4}for (?:slags |sorts |typ av |en |ett )?\w+|vad (?:slags|sorts|for) \w+ ar|"
                        r"what (?:kind|sort|type) of \w+ (?:is|was)|what (?:is|was) (?:\w+ ){1,3}for (?:a |an )?(?:kind|sort|type) of|"
                        r"(?:vad|hur) beskrivs|how is (?:\w+ ){1,3}described|what is (?:\w+ ){1,3}described as)\b")


def _asks_what_sort(structure, reading: Reading) -> bool:
    return bool(_WHAT_SORT.match(reading.text)) and len(reading.ids) == 1 and definition(structure, reading.ids[0]) is not None


def what_sort(structure, reading: Reading) -> Finding:
    """What a named thing is, by its kind and what its sources say of it ("IBIS – IntegrationsBygget I Sörmland
    (projekt / insats), enligt sina källor: «… länsprojekt IBIS, en hälsoverksamhet för invandrare.»")."""
    x = reading.ids[0]
    said = definition(structure, x, named_documents(structure, reading))  # "enligt ansökan": what the application says of it
    return Finding("about", msg("ask.i_about", name=_name(structure, x)), said, entities=(x,), verdict=True,
                   notice=recorded_attributes(structure, x))


def _by_relation(outgoing: list, incoming: list) -> Joined | None:
    """What an entity's relations say of it, one relation a line: "är anställd av: Samordningsförbundet RAR i Sörmland"."""
    lines = []
    for items, method in ((outgoing, "verb"), (incoming, "inverse")):
        for kind in dict.fromkeys(i.relation for i in items):
            shown = tuple(ItemName(i) for i in {i.id: i for i in items if i.relation == kind}.values())
            lines.append(Joined((Term(RELATION_KINDS[kind], method), Joined(shown)), ": "))
    return Joined(tuple(lines), "\n") if lines else None


def _what_it_is(structure, x: str, relations: Joined | None = None):
    """Above everything about ``x``: what its sources say it is, its recorded attributes, and its relations in short."""
    parts = tuple(p for p in (definition(structure, x), recorded_attributes(structure, x), relations) if p is not None)
    return Joined(parts, "\n") if parts else None


def _chain_not_list(structure, reading: Reading) -> bool:
    """A chain asked for; not a kind asked for as a document lists it ("Vilka projekt var kopplade till LSG
    Nyköping-Oxelösund enligt lägesrapporten?": a list, not a chain)."""
    return reading.chain and not (kind_nouns(reading) and document_filter(structure, reading)[0])


def _wants_query(structure, reading: Reading) -> bool:
    """A list, count or yes/no question that names a kind, a document or a topic: answered by composing a :class:`Query`."""
    if reading.amount or reading.lineage or _chain_not_list(structure, reading) or WHEN_CUE.search(reading.text) or reading.relation == HOLDING:
        return False  # "Vem är processledare för LSG i södra Sörmland?" asks who holds the post
    if document_filter(structure, reading)[0] or place_mentions(structure, reading):
        return True  # "enligt ansökan", "Vem styr TRIS i Gnesta?": a filter the relation handlers would drop
    if WANTS_YESNO.search(reading.text) and named_documents(structure, reading) and reading.mentions:
        return True  # "Nämner ansökan Innovation 100 dagar?": is it among what the document names
    if len(reading.mentions) == 1 and _assignment_party(structure, reading) is not None and not WANTS_COUNT.search(reading.text):
        return False  # one party's assignments: the assignments handler shows who gave each, to whom
    if kind_nouns(reading):
        return True
    return any(structure.entities[m.entity_id].kind == "assignment" for m in reading.mentions) and not reading.asks_relation


def composed(structure, reading: Reading) -> Finding:
    """Any list, count or yes/no question, as a :class:`~lsgmap.ask.query.Query` answered by :func:`~lsgmap.ask.query.evaluate`.

    A yes/no question that finds nothing says no, and what holds instead ("Nej. Anställd av: RAR").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = composed(s, read_question(s, "Är processledaren anställd av LSG?"))
    >>> f.lead.render("sv"), [a.id for a in f.answers]
    ('Nej, inga lokala samverkansgrupper. I stället:', ['rar'])
    """
    query = compose(structure, reading)
    items, lead = _query_answers(structure, query)
    if said := _said_instead(structure, reading, query, items):
        return said
    n = len({a.id for a in items})
    if query.want == "count":
        lead = _count_lead(queries.group_items(list(items)), reading)
    entities = tuple(c.entity for c in query.constraints if c.entity in structure.entities)
    relation = next((k for c in query.constraints for k in sorted(c.relations)), None)
    intent, details = _query_intent(structure, query)
    return Finding(
        intent, query.describe(structure), lead, relation, entities, details={**details, "query": query.to_json(), "count": n}, answers=tuple(items),
        verdict=lead is not None,  # a count, yes or no, "no owner recorded": the answer itself, said first
        notice=None if items or query.want == "count" else msg("ask.lead_no") if query.want == "yesno" else msg("ask.query_none"),
    )


#: Words that say nothing of their own in a question: modal and helping verbs, fillers.
_FILLERS = frozenset({"ska", "skall", "kan", "kunna", "far", "maste", "bor", "har", "hade", "ar", "var", "blir", "blev", "finns", "fanns", "erna", "arna",
                      "egentligen", "just", "nu", "idag", "lokala", "local", "shall", "should", "can", "could", "will", "would", "must", "does", "did", "do", "alla", "all"})
#: A passage this good answers a question whose verb no relation of the data has (below :data:`CLOSE_ENOUGH`).
_SAID_ENOUGH = 3.5
#: A passage this good answers what the documents mention ("vilka finansiärer nämns …").
_NAMED_ENOUGH = 3.0


def _said_instead(structure, reading: Reading, query, items) -> Finding | None:
    """What the documents say, when a passage answers better than the facts: no fact fits, or one that leaves words
    unused ("länken mellan TRIS-teamen och LSG"); or the question's verb is no relation of the data ("Vem ska
    processledaren vända sig till i respektive LSG?")."""
    if query.want == "list" and (not items or query.unused) and _closely_said(structure, reading, query.unused):
        return documents_on_a_relation(structure, reading)
    nothing_asked = not items and not query.kind and not query.constraints  # "Vilket slutdatum står det i ansökan?": no kind, no name
    return documents_say(structure, reading) if nothing_asked or _said_not_linked(structure, reading, query) else None


def _said_not_linked(structure, reading: Reading, query) -> bool:
    """No relation the question names ("has some link to" only), words the documents use beyond its names, and a passage that says them."""
    if not re.match(r"\s*(?:vem|vilka personer|who)\b", reading.text):
        return False  # "aktuella insatser för LSG …": a kind listed; who, by a verb no relation has, is the passage's
    if query.unused and not query.constraints and query.want != "count":  # "Who links the TRIS teams to the LSG?": the name left unused
        return _said_enough(structure, reading)
    linked_only = bool(query.constraints) and all(not c.relations for c in query.constraints) and query.want != "count"
    return linked_only and bool(_words_no_fact_holds(structure, reading)) and _said_enough(structure, reading)


def _words_no_fact_holds(structure, reading: Reading) -> set[str]:
    """The documents' words of a question beyond its names, kinds and fillers: "vända … i första hand", "ta fram"."""
    named = {i for m in reading.mentions for i in range(m.start, m.end)} | {i for i, _ in kind_nouns(reading)}
    left = [t for i, t in enumerate(reading.tokens) if i not in named and t not in QUESTION_WORDS and t not in STOPWORDS and t not in _FILLERS
            and not t.isdigit() and len(t) > 2]
    return document_words(structure, " ".join(left)) if left else set()


def _said_enough(structure, reading: Reading, enough: float = _SAID_ENOUGH) -> bool:
    """A passage of the documents' own words (not a recorded conflict) shares enough with the question to answer it."""
    return any(p.document != CONFLICTS and p.score >= enough for p in passages(structure, reading.text, limit=5))


def _closely_said(structure, reading: Reading, words: tuple[str, ...] = ()) -> bool:
    """A passage of the documents shares enough with the question to be said as its answer (:data:`~lsgmap.ask.unsure.CLOSE_ENOUGH`),
    and holds ``words`` (what the reading left unused)."""
    found = passages(structure, reading.text, only=named_documents(structure, reading), limit=1) + passages(structure, reading.text, limit=1)
    wanted = [normalise(w) for w in words]
    return any(p.score >= CLOSE_ENOUGH and all(w in normalise(p.text) for w in wanted) for p in found)  # as documents_say looks


def _query_answers(structure, query) -> tuple[tuple, Any]:
    """The answers and the line before them; when nothing is of the kind asked for, what holds without that condition."""
    items = evaluate(structure, query).items
    if query.among:
        return items, _among_lead(structure, query, items)
    if not items and (found := _instead(structure, query)):
        return found
    if query.want == "yesno":
        return items, msg("ask.lead_yes") if items else msg("ask.lead_no")
    return items, None


def _instead(structure, query) -> tuple[tuple, Any] | None:
    """Nothing found: what holds instead, said so — shared assignments for "eget", other kinds, the steering where no
    owner is recorded, or the last day of a name that no longer existed."""
    if query.alone and (shared := evaluate(structure, replace(query, alone=False)).items):
        return shared, msg("ask.lead_only_shared")  # "något eget uppdrag?" — no, only shared ones
    if query.kind and query.constraints and query.want != "count" and (other := evaluate(structure, replace(query, kind=None)).items):
        kinds = Term(ENTITY_KINDS[query.kind], "plural", lower=True)
        return other, msg("ask.lead_no_instead" if query.want == "yesno" else "ask.lead_none_of_kind", kinds=kinds)
    found = _steered_instead(structure, query) or _gone_then(structure, query) if query.want != "count" else None
    if found and query.want == "yesno":  # "Äger LSG Gnesta TRIS?" — no, and what holds instead
        return found[0], Joined((msg("ask.attribute_no"), found[1]), " ")
    return found


def _among_lead(structure, query, items) -> Any:
    """"Ja, TRIS är en av dem (4 st):" / "Nej, TRIS är inte bland dem. De är (4 st):"."""
    name = EntityName(structure.entities[query.among])
    found = any(a.id == query.among for a in items)
    return msg("ask.lead_among_yes" if found else "ask.lead_among_no", name=name, count=len({a.id for a in items}))


def _steered_instead(structure, query) -> tuple[tuple, Any] | None:
    """No owner recorded: who steers it, said so ("Ingen ägare finns i datan för IPS …"); None when no one does either."""
    owned = [c for c in query.constraints if c.relations == {OWNERSHIP}]
    if not owned:
        return None
    steered = replace(query, constraints=tuple(replace(c, relations=frozenset({STEERING})) if c in owned else c for c in query.constraints))
    flip = {c: replace(c, subject=c.object, relations=frozenset({STEERING}), object=c.subject) for c in owned}
    flipped = replace(query, constraints=tuple(flip.get(c, c) for c in query.constraints))
    end = owned[0].entity
    name = EntityName(structure.entities[end]) if end in structure.entities else Term(ENTITY_KINDS[end.removeprefix(KIND)], "plural")
    for tried in (steered, flipped):  # "vem äger TRIS" (who steers it) or "vilka projekt äger LSG X" (what X steers), either way round
        c = next(c for c in tried.constraints if c.relations == {STEERING})
        if items := evaluate(structure, tried).items:
            return items, msg("ask.no_owner_steered" if c.subject == ANY else "ask.owns_nothing_steers", name=name)
    return None


def _gone_then(structure, query) -> tuple[tuple, Any] | None:
    """A name that did not exist on the day asked: what held on its last day, said so ("LSG Gnesta fanns inte då …")."""
    for c in query.constraints:
        e = structure.entities.get(c.entity)
        if e is not None and e.end is not None and e.end < query.span[0].toordinal():
            last = date.fromordinal(e.end)
            items = evaluate(structure, replace(query, span=(last, last))).items
            return (items, msg("ask.gone_then", name=EntityName(e), date=last.isoformat())) if items else None
    return None


def _query_intent(structure, query) -> tuple[str, dict[str, Any]]:
    """The kind of question a query is, as the question table names them: count, existing, assignments or relation (with its direction)."""
    if query.want == "count":
        return "count", {}
    if not query.constraints:
        return "existing", {"kind": query.kind or ""}
    first = query.constraints[-1]
    way = "holders" if first.subject == "?" else "targets"
    if query.kind == "assignment" or first.relations & {ASSIGNS, ASSIGNED_TO}:
        gave = ASSIGNS in first.relations or way == "targets"
        return "assignments", {"direction": "from" if gave else "to", "relations": sorted(first.relations)}
    return "relation", {"direction": way, "relations": sorted(first.relations)}


def _asks_about_a_document(structure, reading: Reading) -> bool:
    """A question about a document itself: its period, date or author ("Vilken period täcker lägesrapporten?",
    "Vem skrev under ansökan?")."""
    if AUTHOR_CUE.search(reading.text):
        return bool(named_documents(structure, reading, loosely=True))
    if TOPIC_CUE.search(reading.text) or DOCUMENT_CUE.search(reading.text):
        return False  # "när ska seminarierna hållas enligt ansökan?": what the document says on a topic, not about itself
    return not reading.mentions and bool(named_documents(structure, reading)) and bool(DOCUMENT_INFO_CUE.search(reading.text))


def _document_cue(reading: Reading):
    """The words that ask what the documents say; none when only names are asked about ("vad innebär processledartjänsten?")."""
    return None if _only_names(reading) else DOCUMENT_CUE.search(reading.text)


def _asks_the_documents(structure, reading: Reading) -> bool:
    """Tasks, roles, goals, activities, contacts — or a count of something no entity is — unless an assignment is named
    ("the presentation about LSG's role" is an assignment, not a question about roles)."""
    cue = _document_cue(reading)
    if TOPIC_CUE.search(reading.text):
        return True  # "who is responsible for the follow-up of the post": the documents' section on it, not a chain
    if reading.responsible and reading.mentions:
        return False  # "how many activities is LSG Oxelösund owner or steering group for": projects, not the documents' activities
    if reading.relation == ASSIGNS and reading.mentions and reading.tokens[-1] == "uppdrag":
        return False  # "vad har LSG Nyköping bett processledaren göra?", "which tasks did LSG Trosa hand …": the assignments given
    named = [normalise(structure.entities[m.entity_id].name(lang)) for m in reading.mentions for lang in ("sv", "en")]
    if cue and any(cue.group(0) in name.split() for name in named):
        return False
    return bool(cue) or counts_something_else(reading)


def _about_asked(structure, reading: Reading) -> bool:
    """"Berätta om X", "allt om X", or only a name: everything about it is what is asked."""
    if not reading.mentions:
        return False
    return bool(ABOUT_CUE.search(reading.text)) or _only_names(reading)


def _only_names(reading: Reading) -> bool:
    """Names, and no other word than "vad är", "kort", "vad innebär": what the named thing is, is asked."""
    named = {i for m in reading.mentions for i in range(m.start, m.end)}
    return bool(named) and not [tok for i, tok in enumerate(reading.tokens) if i not in named and tok not in STOPWORDS and tok not in _ONLY_WHAT]


#: Words that ask what a thing is, or for it in short, not about anything else ("vad är processledartjänsten, kort?", "vad innebär …").
_ONLY_WHAT = frozenset({"kort", "kortfattat", "korthet", "kortfattad", "snabbt", "enkelt", "egentligen", "briefly", "short", "quickly", "simply",
                        "really", "exactly", "innebar", "betyder", "involve", "involves", "mean", "means", "gar", "ut", "pa", "handlar", "about",
                        "nat", "nagot", "nagonting", "slags", "sorts", "typ", "thing"})


#: Questions about a document itself: its period, its date, who wrote it.
DOCUMENT_INFO_CUE = re.compile(
    r"\b(?:skrev|skrivit|skriven|forfatt\w*|wrote|written|authors?|undertecknad\w*|signed|signerade|period\w*|tacker|covers?|daterad|dated|datum|date|nar|when|"
    r"hur lange|how long|galler|gäller|avser)\b"
)


def _names_another_kind(structure, reading: Reading) -> bool:
    """A kind noun other than the names' kinds: "Vilka uppdrag kom från LSG Trosa?" asks for assignments, not what became of it."""
    named = {structure.entities[m.entity_id].kind for m in reading.mentions}
    return any(kind not in named for _, kind in kind_nouns(reading))


#: Two dates offered to choose from ("i juli eller oktober 2016", "in 2016 or 2017").
_DATES_OR = re.compile(
    r"\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|june|july|"
    r"august|october|(?:19|20)\d\d)\s+(?:eller|or)\s+(?:i\s+|in\s+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december|january|february|march|june|july|august|october|(?:19|20)\d\d)\b"
)


#: "Vad är ett LSG?", "what is a steering group": a kind of actor asked about, not one of them.
_WHAT_KIND = re.compile(r"^\s*(?:vad ar|vad menas med|what is|what are|whats)\s+(?:exactly\s+|egentligen\s+)?(?:en |ett |an |a |the )?(\w+)(?:\s+(?:egentligen|for nagot|for nat|really|exactly))?\s*$")


def _asks_what_a_kind_is(structure, reading: Reading) -> bool:
    m = _WHAT_KIND.match(reading.text)
    return bool(m) and kind_of_word(m.group(1)) is not None and not any(m2.exact for m2 in reading.mentions)


#: "What are the local collaboration groups supposed to do?", "vad ska LSG göra?", "vilken roll har LSG": what a kind of actor does.
_DOES = re.compile(r"\b(?:supposed to|meant to|expected to|ska (?:\w+ ){0,5}gora|vad gor|what do(?:es)? (?:\w+ ){1,4}do|roll(?:en)?|role|uppgift\w*|tasks?|"
                   r"till for|what (?:are|is) (?:\w+ ){1,4}for|syfte\w*|purpose|beslut\w*|decide\w*|(?:arbetar|jobbar)(?: \w+){0,3} med|work on|handlar om)\b")
#: What a kind of actor does beyond what it is: "Vad beslutar LSG om?" looks for the kind's verb, not only its name.
_DOES_VERB = re.compile(r"\b(?:beslut\w*|decide\w*)\b")


def _asks_what_a_kind_does(structure, reading: Reading) -> bool:
    """A kind of actor asked about, by a kind noun and no name: "What are the local collaboration groups supposed to do?"."""
    return bool(_DOES.search(reading.text)) and not reading.mentions and len({k for _, k in kind_nouns(reading)}) == 1


def what_a_kind_is(structure, reading: Reading) -> Finding:
    """What the documents say a kind of actor is ("Vad är ett LSG egentligen?": "De lokala samverkansgrupperna (LSG) i
    Sörmland ska driva, förankra och utveckla …"), looked up by the kind's own name."""
    what = _WHAT_KIND.match(reading.text)
    kind = ENTITY_KINDS[kind_of_word(what.group(1)) if what else kind_nouns(reading)[0][1]]
    label = normalise(kind.plural_sv.split(" / ")[0])
    if _DOES_VERB.search(reading.text):  # "What do the local collaboration groups decide about?": "LSG beslutar om …"
        named = [p for p in passages(structure, f"{kind.key} {label} beslut", limit=12)
                 if p.document != CONFLICTS and "beslut" in normalise(p.text) and (kind.key.upper() in p.text or label[:-1] in normalise(p.text))]
        if named:
            return documents_say(structure, reading, named)
    found = passages(structure, label, limit=12, only=named_documents(structure, reading))
    opens = [p for p in found if label[:-1] in " ".join(normalise(p.text).split()[:4])]  # "De lokala samverkansgrupperna (LSG) … ska …"
    opens.sort(key=lambda p: not p.text.rstrip().endswith("."))  # a sentence that says it before a heading that names it
    return documents_say(structure, reading, list(dict.fromkeys([*opens, *found])))


#: "Vem står bakom ansökan?", "who is behind the application", "vem söker man pengar hos": who applies, to whom.
APPLICANT_CUE = re.compile(
    r"\b(?:star|stod|ligger|is|are|was)\s+bakom\s+(?:\w+\s+)?ansokan\w*|\bbehind the application|"
    r"\bsoker (?:man|de|dom|vi) (?:pengar |medel )?(?:hos|fran)\b|\bapplied to whom\b|\bwho (?:applied|applies) for\b|\bvem (?:ansokte|har ansokt|ansoker) om\b|"
    r"\b(?:applied|apply|applies) (?:together |jointly )?for the (?:\w+ ){0,2}(?:leader|post)\b|\b(?:ansokte|ansoker|har ansokt) (?:gemensamt |tillsammans )?om (?:processledar|tjansten)|"
    r"\b(?:the |de )?(?:applicants?|sokande|sokanden)\b"
)


def _with_parts(structure, x: str) -> Joined:
    """A name with the entities that are part of it: "LSG GNOT (LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa)"."""
    parts = sorted(r.from_id for r in structure.incoming(x) if r.relation == PART_OF and r.from_id in structure.entities)
    named = EntityName(structure.entities[x], full=True)
    if not parts:
        return Joined((named,), "")
    return Joined((named, " (", Joined(tuple(EntityName(structure.entities[p]) for p in parts)), ")"), "")


def applicants(structure, reading: Reading) -> Finding:
    """Who applies, and to whom: every "ansöker hos" relation, with its sources ("LSG GNOT ansöker hos RAR").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> f = applicants(s, read_question(s, "Vem står bakom ansökan om processledartjänsten?"))
    >>> f.lead.render("sv")
    'LSG GNOT (LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa) ansöker hos Samordningsförbundet RAR i Sörmland [r030].'
    """
    found = relation_facts(structure, reading, APPLYING)
    if not (WANTS_YESNO.search(reading.text) and reading.mentions):
        return found
    applying = {i for r in structure.relations.values() if r.relation == APPLYING
                for i in (r.from_id, *(p.from_id for p in structure.incoming(r.from_id) if p.relation == PART_OF))}
    x = reading.mentions[0].entity_id  # "Is LSG Nyköping-Oxelösund one of the applicants?": no, the four LSGs are
    said = msg("ask.applicant_yes" if x in applying else "ask.applicant_no", name=EntityName(structure.entities[x]))
    return replace(found, lead=Joined((said, found.lead), "\n"))


#: The most facts of one relation kind said one by one when a question names the relation and no one ("vem får lägesrapporterna?").
_MOST_FACTS = 12


def _asks_a_relation_of_no_one(structure, reading: Reading) -> bool:
    """"Vem får lägesrapporterna?", "who reports to whom": a relation asked for, no one named, few facts of it."""
    if not reading.relation or reading.mentions or reading.responsible or not re.match(r"\s*(?:vem|vilka|vilken|who|which|till vem|to whom|vart)\b", reading.text):
        return False
    if AUTHOR_CUE.search(reading.text) or DOCUMENT_INFO_CUE.search(reading.text):
        return False  # "who wrote the status report", "which period does it cover": the document itself
    if any(w[:1].isupper() for w in reading.question.split()[1:]):
        return False  # "Vem finansierar Ibsi?": a name the reader did not find (a misspelling gets "Menade du")
    return 0 < sum(1 for r in structure.relations.values() if r.relation == reading.relation) <= _MOST_FACTS


def relation_facts(structure, reading: Reading, kind: str | None = None) -> Finding:
    """Every fact of one relation kind, one line each with its id ("Processledare … rapporterar till RAR [r074]")."""
    kind = kind or reading.relation
    rels = sorted((r for r in structure.relations.values() if r.relation == kind or _stated_as_owner(r, kind)), key=lambda r: (r.relation != kind, r.id))
    rels = _stated_in_named(structure, reading, rels)
    items = tuple(queries.relation_item(structure, structure.entities[r.from_id], r, on=reading.date.span) for r in rels)
    verb_of = Term(RELATION_KINDS[kind], "verb", lower=True)
    lines = tuple(msg("ask.fact_line", who=_with_parts(structure, r.from_id), verb=Term(RELATION_KINDS[r.relation], "verb", lower=True),
                      to=Joined((EntityName(structure.entities[r.to_id], full=True), *_as_stated(r)), ""), id=r.id) for r in rels)
    summary = msg("ask.i_applicants") if kind == APPLYING else msg("ask.i_relation_facts", verb=verb_of)
    lead = Joined(lines, "\n") if lines else msg("ask.applies_none")
    counted = _counted_parts(structure, reading, rels)
    if counted:  # "Hur många LSG står bakom ansökan?": 4, the group's parts of that kind
        lead = Joined((msg("ask.count_of_kind", count=len(counted), kind=Term(ENTITY_KINDS[reading.kind_noun], "plural", lower=True),
                           names=Joined(tuple(EntityName(structure.entities[i]) for i in counted))), lead), "\n")
    return Finding("relation", summary, lead, kind, answers=items, verdict=True)


def _stated_in_named(structure, reading: Reading, rels: list) -> list:
    """The facts a document the question names states ("Vilka är projektägarna enligt ansökan?"), or all when none does."""
    named = named_documents(structure, reading)
    said = [r for r in rels if any(structure.sources[i].document in named for i in r.sources if i in structure.sources)]
    return said or rels


def _stated_as_owner(r, kind: str) -> bool:
    """A steering the sources call "projektägare/styrgrupp": asked who owns, it is said beside the owners."""
    return kind == OWNERSHIP and r.relation == STEERING and "ägare" in r.attributes.get("as_stated", "")


def _as_stated(r) -> tuple[str, ...]:
    """' ("projektägare/styrgrupp")': how the source words a relation, when the data records it."""
    stated = r.attributes.get("as_stated", "")
    return (f' ("{stated}")',) if stated else ()


def _counted_parts(structure, reading: Reading, rels) -> list[str]:
    """For "hur många <kind>": the entities of that kind among the facts' subjects and their parts (LSG GNOT's four LSGs)."""
    if not WANTS_COUNT.search(reading.text) or reading.kind_noun not in ENTITY_KINDS:
        return []
    found = []
    for r in rels:
        parts = [p.from_id for p in structure.incoming(r.from_id) if p.relation == PART_OF]
        found += [i for i in (r.from_id, *parts) if structure.entities[i].kind == reading.kind_noun]
    return sorted(dict.fromkeys(found))


def _budget_parties_only(structure, reading: Reading) -> bool:
    """The names in the question are none, or only the budget's funders and receivers ("the process leader's salary")."""
    parties = {i for line in structure.budget if line.relation in structure.relations
               for i in (structure.relations[line.relation].from_id, structure.relations[line.relation].to_id)}
    return all(m.entity_id in parties for m in reading.mentions)


def _joined_subjects(structure, reading: Reading) -> bool:
    """Two names of one kind joined by "och"/"and" after "vad"/"what": both are asked about ("Vad är LSG i Gnesta och
    Trosa styrgrupp för?"), not how one is tied to the other."""
    if len(reading.mentions) != 2 or not re.match(r"\s*(?:vad|vilka|vilket|what|which)\b", reading.text):
        return False
    a, b = reading.mentions
    same = structure.entities[a.entity_id].kind == structure.entities[b.entity_id].kind
    return same and list(reading.tokens[a.end : b.start]) in (["och"], ["and"], ["samt"])


def _unnamed_acronyms(structure, reading: Reading) -> set[str]:
    """Short forms in capitals the documents use that name nothing in the data ("Ingår PRIO i uppdraget?": PRIO)."""
    words = {w for w in re.findall(r"\b[A-ZÅÄÖ]{3,}\b", reading.question) if normalise(w) not in structure.names.variants}
    return document_words(structure, " ".join(words)) if words else set()


def said_with_acronym(structure, reading: Reading) -> Finding:
    """What the documents say where they use the question's short form: «Träffat södra Sörmlands PRIO-samordnare»."""
    stems = _unnamed_acronyms(structure, reading)
    if task := task_named(structure, stems):  # "Ingår PRIO i uppdraget?": yes, the task that names it
        return task_yes(structure, reading, task)
    found = [p for p in passages(structure, reading.text, limit=30) if stems & stems_of(p.text)]
    return documents_say(structure, reading, found or None)


#: "Is the LSG process leader also the TRIS process leader?", "är X samma som Y": whether two names are one thing.
_SAME = re.compile(r"\b(?:also|ocksa|aven|samma|same|identical|likadan)\b")


def _asks_same(structure, reading: Reading) -> bool:
    if not (WANTS_YESNO.search(reading.text) and _SAME.search(reading.text)) or reading.relation:
        return False
    pair = _pair(structure, reading)
    return pair is not None and pair[0].kind == pair[1].kind


def _pair(structure, reading: Reading):
    """The two things a "same" question names: two names, or one thing by two of its names ("IPS" and "IPS-Slussen")."""
    if len(reading.mentions) == 2:
        return tuple(structure.entities[m.entity_id] for m in reading.mentions)
    if len(reading.mentions) == 1:
        e = structure.entities[reading.mentions[0].entity_id]
        names = {normalise(n) for n in (e.name_sv, e.name_en, e.short_name, *e.aliases) if n}
        said = [n for n in names if f" {n} " in f" {reading.text} "]
        return (e, e) if len(said) >= 2 else None
    return None


def same_thing(structure, reading: Reading) -> Finding:
    """"Nej: Processledare LSG södra Sörmland och Processledare TRIS är två olika i datan", each said by its sources."""
    a, b = _pair(structure, reading)
    said = tuple(d for d in (definition(structure, i) for i in dict.fromkeys((a.id, b.id))) if d is not None)
    lead = msg("ask.same_no", a=EntityName(a), b=EntityName(b))
    if a.id == b.id:  # "Är IPS samma sak som IPS-Slussen?": the data counts them as one; what the sources say of that
        noted = [Quote(c.topic_sv, c.topic_en or c.topic_sv) for c in structure.conflicts if a.id in c.facts]
        lead = Joined((msg("ask.same_counted", name=EntityName(a, full=True)), *noted), " ")
    return Finding("same", msg("ask.i_same", a=EntityName(a), b=EntityName(b)), Joined((lead, *said), "\n"), entities=(a.id, b.id), verdict=True)


#: "Kan LSG vara styrgrupp för …?", "can an LSG be …": what something may be, as the documents describe it.
_CAN_BE = re.compile(r"^\s*(?:kan|far|can|may)\s+(?:\w+\s+){1,3}(?:vara|bli|be|become)\b")


def granted_amount(structure, reading: Reading) -> Finding:
    """"Det framgår inte vad som beviljades; ansökan söker: Totalt 1721 tkr": what was applied for, not granted."""
    return said_first(amount(structure, reading), msg("ask.granted_not_said"))


def _always(structure, reading: Reading) -> bool:
    return True


#: "Hur ofta …", "how often …" that no recorded frequency answers: the documents say how often.
_HOW_OFTEN = re.compile(r"^\s*(?:hur ofta|how often|how frequently)\b")


#: "Vilka finansiärer nämns …", "which funders are mentioned": what the documents name, not the facts behind them.
_MENTIONED = re.compile(r"\b(?:namns|namner|omnamns|namnda|are mentioned|is mentioned|mentioned|are named in)\b")


def _asks_mentioned(structure, reading: Reading) -> bool:
    """What the documents mention, no name given: funders, which the documents name without facts ("finansieras av RAR,
    ESF eller annan finansiär"), or anything when no document is named; "projekt som nämns i ansökan" lists its facts."""
    if not _MENTIONED.search(reading.text) or reading.mentions:
        return False
    funders = any(k == "funder" for _, k in kind_nouns(reading))
    return (funders or not named_documents(structure, reading)) and _said_enough(structure, reading, _NAMED_ENOUGH)


def mentioned(structure, reading: Reading) -> Finding:
    """What the documents' own words say ("vilka finansiärer nämns för projekten …": «… finansieras av Samordningsförbundet
    RAR, Europeiska socialfonden (ESF) eller annan finansiär»), not lsgmap's notes on them."""
    found = [p for p in passages(structure, reading.text, limit=12, only=named_documents(structure, reading)) if p.document != CONFLICTS]
    names, cue = _names_of_kind(structure, reading)
    found.sort(key=lambda p: -bool(cue and cue.search(normalise(p.text))) * sum(f" {n} " in f" {normalise(p.text)} " for n in names))  # names most, as such
    return documents_say(structure, reading, found)


def _names_of_kind(structure, reading: Reading) -> tuple[set[str], re.Pattern | None]:
    """The names (and short names) of what the question's kind noun asks for, and the words that say a passage speaks
    of that kind; "finansiärer": whoever funds anything, in a passage on funding ("… finansieras av …")."""
    kinds = [k for _, k in kind_nouns(reading)]
    funders = "funder" in kinds
    ids = {r.from_id for r in structure.relations.values() if r.relation == FUNDING} if funders else {e.id for e in structure.entities.values() if e.kind in kinds}
    cue = RELATION_KINDS[FUNDING].cue if funders else ENTITY_KINDS[kinds[0]].cue if kinds and kinds[0] in ENTITY_KINDS else None
    names = {normalise(n) for i in ids if i in structure.entities
             for n in (structure.entities[i].name_sv, structure.entities[i].short_name, *structure.entities[i].aliases) if n}
    return names, cue


#: The kinds of question in the order they are tried; the first that applies answers.
HANDLERS: tuple[Handler, ...] = (
    Handler("documents", lambda s, r: r.date.source == "invalid" and bool(passages_with(s, as_written(r.date.text))), written_bad_date),
    Handler("bad_date", lambda s, r: r.date.source == "invalid", bad_date),
    Handler("applicants", lambda s, r: bool(APPLICANT_CUE.search(r.text)), applicants),
    Handler("happened", lambda s, r: bool(HAPPENED_CUE.search(r.text)) and not r.mentions and _two_dates(r) is None, happened),
    Handler("documents", lambda s, r: bool(disputed_values(s, r)), either_value),
    Handler("same", _asks_same, same_thing),  # "Is the LSG process leader also the TRIS process leader?"
    Handler("documents", lambda s, r: bool(WHO_DECIDES.match(r.text)) and not r.relation, documents_say),  # "Vem bestämmer vilka …?"
    Handler("documents", lambda s, r: bool(_CAN_BE.match(r.text)), documents_say),  # "Kan LSG vara styrgrupp för …?": what the documents say it is
    Handler("amount", lambda s, r: bool(APPROVAL_CUE.search(r.text)) and bool(r.amount), granted_amount),  # "Hur mycket beviljade RAR?"
    Handler("when", lambda s, r: bool(UNTIL_CUE.search(r.text)) and date_attribute(s, r) is not None, when_attribute),
    Handler("documents", asks_work_done, work_done),
    Handler("documents", lambda s, r: bool(_FUNDS_WHAT_IS_STEERED.search(r.text)), documents_say),
    Handler("documents", lambda s, r: asks_when_done(r), documents_say),
    Handler("documents", lambda s, r: bool(WANTS_YESNO.search(r.text)) and bool(DONE_CUE.search(r.text) or RUNNING_CUE.search(r.text))
            and any(s.entities[m.entity_id].kind == "assignment" for m in r.mentions), documents_say),  # "Fick Ungdomens hus pengar?", "… igång?"
    Handler("documents", lambda s, r: bool(_PARTS_ASKED.search(r.text)) and bool(ASSIGNMENT_CUE.search(r.text)), documents_say),  # the mission's parts
    Handler("documents", lambda s, r: bool(NEW_CUE.search(r.text)), new_ones),
    Handler("exists", lambda s, r: bool(r.mentions) and not r.relation and bool(_IN_PLACE.match(r.text)), exists),  # "Var processledaren på plats i september?"
    Handler("documents", lambda s, r: bool(DATES_ASKED.search(r.text)), dates_asked),
    Handler("documents", lambda s, r: bool(_NUMBERED_PART.search(r.text)), documents_say),  # "Vilka kommuner omfattas av mål 1?": the goal's words
    Handler("assignments", lambda s, r: bool(ASSIGNMENT_CUE.search(r.text)) and bool(ALL_GROUPS_CUE.search(r.text)), from_every_group),
    Handler("documents", asks_tasks_for, task_answer),
    Handler("documents", lambda s, r: asked_task(s, r) is not None, task_yes),
    Handler("documents", _asks_what_a_kind_is, what_a_kind_is),
    Handler("documents", _asks_what_a_kind_does, what_a_kind_is),
    Handler("relation", _asks_a_relation_of_no_one, relation_facts),
    Handler("duration", has_time_left, time_left),
    Handler("amount_unit", asks_the_unit, amount_unit),
    Handler("amount", lambda s, r: not DURATION_CUE.search(r.question.lower()) and not WHEN_CUE.search(r.text) and r.amount or (bool(budget_items(s, r)) and _budget_parties_only(s, r) and not r.relation and not WHEN_CUE.search(r.text)), amount),
    Handler("documents", lambda s, r: bool(APPROVAL_CUE.search(r.text)) and bool(WHEN_CUE.search(r.text) or WANTS_YESNO.search(r.text)),
            approval_not_recorded),
    Handler("document", _asks_about_a_document, document_period),
    Handler("name", lambda s, r: bool(r.mentions) and bool(STANDS_FOR_CUE.search(r.text)) and spelled_out(s.entities[r.ids[0]]) is not None, stands_for),
    Handler("sources", asks_for_sources, sources_answer),  # "Finns det någon offentlig källa om IPS-Slussen?"
    Handler("name", names_what_is_named, what_name),
    Handler("about", _asks_what_sort, what_sort),
    Handler("attribute", lambda s, r: not r.amount and not _SINCE_WHEN.search(r.text) and fact_attribute(s, r) is not None, attribute_answer),
    Handler("when_attribute", lambda s, r: bool(WHEN_CUE.search(r.text)) and date_attribute(s, r) is not None, when_attribute),
    Handler("documents", lambda s, r: bool(_HOW_OFTEN.match(r.text)), documents_say),  # "how often does she propose activity plans": no fact holds it
    Handler("duration", has_durations, duration),
    Handler("documents", _asks_the_documents, documents_on_a_relation),
    Handler("when_fact", lambda s, r: bool(r.mentions) and bool(START_CUE.search(r.text) or END_CUE.search(r.text)) and bool(_DATES_OR.search(normalise(r.question))),
            when_fact),  # "började processledaren i juli eller oktober 2016?": the dates the sources give
    Handler("documents", lambda s, r: bool(WANTS_YESNO.search(r.text)) and bool(DONE_CUE.search(r.text)) and bool(r.mentions) and not r.relation, documents_say),
    Handler("documents", lambda s, r: bool(WANTS_YESNO.search(r.text)) and bool(ACTIVITY_CUE.search(r.text)) and not r.relation, documents_say),
    Handler("documents", lambda s, r: bool(WANTS_YESNO.search(r.text) or SHALL_CUE.match(r.text)) and bool(_unnamed_acronyms(s, r)), said_with_acronym),  # "Ingår PRIO …?"
    Handler("merged", lambda s, r: bool(SEPARATE_CUE.search(r.text)) and bool(r.mentions), merged),  # "still its own group?": the merger
    Handler("either", lambda s, r: sides(s, r) is not None and not r.amount and not r.responsible, either_or),
    Handler("documents", _asks_mentioned, mentioned),  # "vilka finansiärer nämns …": the documents' words
    Handler("query", _wants_query, composed),
    Handler("count", lambda s, r: bool(COUNT_CUE.search(r.text)) and (bool(r.mentions) or bool(r.kind_noun)), count),
    Handler("members", lambda s, r: not r.mentions and r.listing and r.members and bool(s.root), members_of_root),

    Handler("documents", _topic_in_documents, documents_say),  # no name, but the documents' word: what they say on it
    Handler("unknown", lambda s, r: not r.mentions, unknown_names),
    Handler("changes", lambda s, r: bool(r.mentions) and bool(CHANGE_CUE.search(r.text)) and _two_dates(r) is not None, changes),
    Handler("exists", lambda s, r: len(r.mentions) == 1 and not r.relation and bool(EXISTS_CUE.search(r.text)), exists),
    Handler("when", lambda s, r: bool(WHEN_CUE.search(r.text)) and not r.asks_relation and bool(events_of(s, r)), when),
    Handler("when_fact", lambda s, r: bool(WHEN_CUE.search(r.text)), when_fact),
    Handler("merged", lambda s, r: r.lineage and bool(WANTS_YESNO.search(r.text)) and bool(r.mentions), merged),
    Handler("lineage", lambda s, r: r.lineage and not _names_another_kind(s, r), lineage),
    Handler("assignments", lambda s, r: _assignment_party(s, r) is not None, assignments),
    Handler("paths", _wants_path, paths),
    Handler("chain", _wants_chain, chain),
    Handler("query", _joined_subjects, composed),  # "Vad styr LSG Gnesta och LSG Trosa?": what both do, not one to the other
    Handler("relation_between", lambda s, r: r.asks_relation and len(r.mentions) >= 2, relation_between),
    Handler("relation", lambda s, r: r.asks_relation, relation_holders_or_targets),
    Handler("about", _about_asked, about),
    Handler("unsure", _always, unsure),
)


def handler_for(structure, reading: Reading) -> Handler:
    """The first handler in :data:`HANDLERS` that applies to ``reading``."""
    return next(h for h in HANDLERS if h.applies(structure, reading))
