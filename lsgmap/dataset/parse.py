"""Turning the tables of a :class:`~lsgmap.dataset.tables.RawDataset` into records.

Every rule ``datapackage.json`` states (types, enums, patterns, required
values, unique ids, foreign keys) is enforced by
:class:`~lsgmap.dataset.schema.Validator`, table by table in the order of the foreign
keys, so that a reference to a row left out says so. What the schema cannot
say is done here: a validity whose end comes before its start is an error, and
a relation holds only while both its ends exist.

A row with an error is reported as a :class:`~lsgmap.errors.Problem` and left
out of the model; the row itself stays in the file untouched.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> from lsgmap.dataset.tables import read_dataset
>>> parsed = parse_dataset(read_dataset(BUNDLED_DATA))
>>> parsed.problems, parsed.entities["lsg_trosa"].valid_to
([], '2016-12-31')
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from lsgmap.dataset.schema import Validator, pairs, split_list, to_number
from lsgmap.dataset.tables import RawDataset, Table
from lsgmap.dates import interval_days, parse_span
from lsgmap.errors import Problem
from lsgmap.model.records import BudgetLine, Conflict, Document, Entity, Event, Parsed, Relation, Source

__all__ = ["Parsed", "parse_dataset"]


def parse_dataset(raw: RawDataset) -> Parsed:
    """Validate and parse every table of the structure; rows with errors are reported and left out."""
    out = Parsed(problems=list(raw.problems))
    validator = Validator(out.problems)
    for resource in raw.schema.part():
        table = raw.tables[resource.name]
        bad = validator.check(table)
        build = _BUILDERS.get(resource.name)
        validator.accept(table, build(table, bad, out) if build else ())
    _physical_lines(raw, out.problems)
    return out


def _physical_lines(raw: RawDataset, problems: list[Problem]) -> None:
    """Give each problem on a row that starts on another line of its file (after a multi-line cell) that line too."""
    moved = {t.file: t.physical for t in raw.tables.values() if t.physical}
    if not moved:
        return
    for p in problems:
        where = moved.get(p.file, {})
        if p.line in where and "physical_line" not in p.params:
            p.params["physical_line"] = where[p.line]


def _rows(table: Table, bad: set[int], *columns: list[Any]) -> Iterator[tuple[Any, ...]]:
    """(line, value in each of ``columns``) for every row without an error."""
    rows = zip(table.lines, *columns, strict=True)
    return rows if not bad else (row for i, row in enumerate(rows) if i not in bad)


def _each(table: Table, column: str, convert: Callable[[str], Any]) -> list[Any]:
    """``convert(value)`` for every value of ``column``, each distinct value converted once (None where it fails).

    A value that fails is in a row the validator has found bad, which is left out.
    """
    done = {}
    for value in table.distinct(column):
        try:
            done[value] = convert(value)
        except ValueError:
            done[value] = None
    return list(map(done.__getitem__, table.column(column)))


def _delimiter(table: Table, column: str) -> str:
    """The separator of the items of a list column (``;`` if the schema does not say)."""
    f = table.resource.field(column)
    return f.delimiter if f is not None and f.delimiter else ";"


def _lists(table: Table, column: str) -> list[tuple[str, ...]]:
    """The items of each cell of a list column."""
    delimiter = _delimiter(table, column)
    return _each(table, column, lambda value: tuple(split_list(value, delimiter)))


def _pairs(table: Table, column: str) -> list[dict[str, str]]:
    """The ``key=value`` items of each cell of a pairs column, a dict of its own per row."""
    delimiter = _delimiter(table, column)
    return [dict(d) for d in _each(table, column, lambda value: pairs(split_list(value, delimiter)))]


def _days(table: Table) -> tuple[list[int], list[int]]:
    """First day of each ``valid_from``, last day of each ``valid_to`` (open ends for empty cells)."""
    return (
        _each(table, "valid_from", lambda v: interval_days(v or None, None)[0]),
        _each(table, "valid_to", lambda v: interval_days(None, v or None)[1]),
    )


def _reversed(table: Table, line: int, valid_from: str, valid_to: str) -> Problem:
    """A validity that ends before it starts: the one rule on dates the schema cannot state."""
    return Problem("interval.reversed", table.file, line, f"{valid_from} – {valid_to}")


def _span_days(text: str) -> tuple[int, int] | None:
    """The inclusive day ordinals of a date or interval ``A/B``; None for an empty cell."""
    if not text.strip():
        return None
    span = parse_span(text)
    return span.first_day().toordinal(), span.last_day().toordinal()


def _documents(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    columns = [*map(t.column, ("id", "title", "kind", "reference", "date", "period", "period_note")), _each(t, "period", _span_days), t.column("note")]
    for line, ident, title, kind, reference, date, period, period_note, speaks, note in _rows(t, bad, *columns):
        out.documents[ident] = Document(ident, title, kind, reference, date, line, period, period_note, speaks, note)
    return out.documents


def _sources(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    """Citations; each speaks for its own period when it states one, else for its document's."""
    columns = [*map(t.column, ("id", "document", "quote", "locator", "period", "form", "kind")), _each(t, "period", _span_days)]
    documents = out.documents
    for line, ident, document, quote, locator, period, form, kind, speaks in _rows(t, bad, *columns):
        doc = documents.get(document)
        if speaks is None and doc is not None:
            speaks = doc.speaks
        evidence = "plan" if kind == "plan" else "public" if doc is not None and doc.kind == "public" else "document"
        out.sources[ident] = Source(ident, document, quote, locator, line, period, form or "quote", speaks, kind, evidence)
    return out.sources


def _entities(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    columns = [*map(t.column, ("id", "kind", "name_sv", "name_en", "short_name", "valid_from", "valid_to")), *_days(t)]
    columns += [_lists(t, "aliases"), _pairs(t, "identifiers"), _pairs(t, "attributes"), _lists(t, "sources")]
    for line, ident, kind, name_sv, name_en, short, valid_from, valid_to, start, end, aliases, identifiers, attributes, sources in _rows(t, bad, *columns):
        if end < start:
            out.problems.append(_reversed(t, line, valid_from, valid_to))
            continue
        out.entities[ident] = Entity(
            ident, kind, name_sv, name_en or name_sv, start, end, valid_from, valid_to, short, aliases, identifiers, attributes, sources, line
        )
    return out.entities


def _events(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    columns = [*map(t.column, ("id", "kind", "date", "decided", "name_sv", "name_en")), _lists(t, "originals"), _lists(t, "results"), _lists(t, "sources")]
    for line, ident, kind, date, decided, name_sv, name_en, originals, results, sources in _rows(t, bad, *columns):
        span = parse_span(decided) if decided else None
        first, last = (span.first_day().toordinal(), span.last_day().toordinal()) if span else (None, None)
        day = interval_days(date, None)[0]
        out.events[ident] = Event(ident, kind, date, day, decided, first, last, name_sv, name_en, originals, results, sources, line)
    return out.events


def _relations(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    """Relations, each holding only while both its ends exist."""
    columns = [*map(t.column, ("id", "from_id", "relation", "to_id", "valid_from", "valid_to", "derived_from")), *_days(t)]
    columns += [_pairs(t, "attributes"), _lists(t, "sources")]
    entities, relations, problems = out.entities, out.relations, out.problems
    for line, ident, from_id, kind, to_id, valid_from, valid_to, derived, start, end, attributes, sources in _rows(t, bad, *columns):
        if end < start:
            problems.append(_reversed(t, line, valid_from, valid_to))
            continue
        a, b = entities[from_id], entities[to_id]
        start = start if start >= a.start and start >= b.start else max(start, a.start, b.start)
        end = end if end <= a.end and end <= b.end else min(end, a.end, b.end)
        relations[ident] = Relation(ident, from_id, kind, to_id, start, end, valid_from, valid_to, attributes, derived, sources, line)
    return relations


def _budget(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    columns = [*map(t.column, ("id", "relation", "item_sv", "item_en", "basis")), _lists(t, "sources")]
    columns += [_each(t, "year", lambda v: to_number(v, integer=True)), _each(t, "amount_tkr", to_number)]
    for line, ident, relation, item_sv, item_en, basis, sources, year, amount in _rows(t, bad, *columns):
        out.budget.append(BudgetLine(ident, relation, int(year), item_sv, item_en, amount, sources, line, basis))
    return {b.id for b in out.budget}


def _conflicts(t: Table, bad: set[int], out: Parsed) -> Collection[str]:
    columns = [*map(t.column, ("id", "topic_sv", "topic_en")), _lists(t, "facts"), _lists(t, "sources")]
    for line, ident, topic_sv, topic_en, facts, sources in _rows(t, bad, *columns):
        out.conflicts.append(Conflict(ident, topic_sv, topic_en, facts, sources, line))
    return {c.id for c in out.conflicts}


#: The records each table of the structure becomes.
_BUILDERS: dict[str, Callable[[Table, set[int], Parsed], Collection[str]]] = {
    "documents": _documents,
    "sources": _sources,
    "entities": _entities,
    "events": _events,
    "relations": _relations,
    "budget": _budget,
    "conflicts": _conflicts,
}
