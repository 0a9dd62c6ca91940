"""Turning the rows of a :class:`~lsgmap.tables.RawDataset` into records.

Each row is checked on its own and against the ids it refers to. A row with a
value lsgmap cannot use (an impossible date, an unknown kind, an unknown end)
is reported as a :class:`~lsgmap.errors.Problem` and left out of the model;
the row itself stays in the file untouched.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .dates import OPEN_END, OPEN_START, DateParseError, PartialDate, interval_days, parse_span
from .errors import WARNING, Problem
from .records import BudgetLine, Conflict, Document, Entity, Event, Relation, Source
from .tables import RawDataset, Row, Table, split_list
from .vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

__all__ = ["Parsed", "parse_dataset"]


@dataclass
class Parsed:
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    budget: list[BudgetLine] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: ids of rows left out because of an error: id -> (file, line)
    rejected: dict[str, tuple[str, int]] = field(default_factory=dict)


class _RowReader:
    """Reads the values of one row, collecting problems instead of raising."""

    def __init__(self, table: Table, row: Row, problems: list[Problem], rejected: dict[str, tuple[str, int]] | None = None):
        self.table, self.row, self.problems = table, row, problems
        self.rejected = rejected if rejected is not None else {}
        self.ok = True

    def _unknown(self, ref: str, column: str, known: dict[str, Any], table: str) -> Problem:
        """A reference to an id that is not in the model: left out because of its own error, or unknown."""
        if ref in self.rejected:
            file, line = self.rejected[ref]
            return Problem("id.rejected", self.table.file, self.row.line, ref, {"field": column, "where": f"{file}:{line}"})
        return Problem("id.unknown", self.table.file, self.row.line, ref, {"field": column, "table": table, "suggestion": _suggest(ref, known)})

    def problem(self, code: str, value: str = "", severity: str = "error", **params: Any) -> None:
        self.problems.append(Problem(code, self.table.file, self.row.line, value, params, severity))
        if severity == "error":
            self.ok = False

    def text(self, column: str, required: bool = False) -> str:
        value = self.row.get(column)
        if required and not value:
            self.problem("value.required", field=column)
        return value

    def date(self, column: str, required: bool = False) -> str:
        value = self.text(column, required)
        if value:
            try:
                PartialDate.parse(value)
            except DateParseError as exc:
                self.problem("date.invalid", value, field=column, reason_key=exc.reason_key, reason_params=exc.params)
                return ""
        return value

    def number(self, column: str, integer: bool = False) -> float | None:
        value = self.text(column, required=True)
        if not value:
            return None
        try:
            number = float(value.replace(" ", "").replace(",", "."))
            if integer and number != int(number):
                raise ValueError
            return int(number) if integer else number
        except ValueError:
            self.problem("number.invalid", value, field=column)
            return None

    def kind(self, column: str, vocabulary: dict[str, Any], code: str) -> str:
        value = self.text(column, required=True)
        if value and value not in vocabulary:
            self.problem(code, value, choices=", ".join(vocabulary), suggestion=_suggest(value, vocabulary))
        return value

    def refs(self, column: str, known: dict[str, Any], table: str, required: bool = False) -> tuple[str, ...]:
        ids = tuple(split_list(self.row.get(column)))
        if required and not ids:
            self.problem("value.required", field=column)
        for ref in ids:
            if ref not in known:
                self.problems.append(self._unknown(ref, column, known, table))
                self.ok = False
        return ids

    def sources(self, known: dict[str, Source]) -> tuple[str, ...]:
        ids = tuple(split_list(self.row.get("sources")))
        if not ids:
            self.problems.append(Problem("source.missing", self.table.file, self.row.line))
        for ref in ids:
            if ref not in known:
                self.problems.append(self._unknown(ref, "sources", known, "sources.csv"))
        return ids

    def pairs(self, column: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for item in split_list(self.row.get(column)):
            key, sep, value = item.partition("=") if "=" in item else item.partition(":")
            if not sep:
                self.problem("value.pair", item, severity=WARNING, field=column)
                continue
            out[key.strip()] = value.strip()
        return out


def _suggest(value: str, known: Any) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (\"{close[0]}\"?)" if close else ""


def _unique(reader: _RowReader, seen: dict[str, int]) -> str:
    value = reader.text("id", required=True)
    if value in seen:
        reader.problem("id.duplicate", value, first_line=seen[value])
    elif value:
        seen[value] = reader.row.line
    return value


def _rows(raw: RawDataset, name: str, problems: list[Problem], rejected: dict[str, tuple[str, int]] | None = None):
    """Readers for the rows of a table; ids of rows found bad are noted in ``rejected``."""
    table = raw.tables.get(name)
    if table is None:
        return
    for row in table.rows:
        reader = _RowReader(table, row, problems, rejected)
        yield reader
        ident = row.get("id")
        if rejected is not None and not reader.ok and ident and ident not in rejected:
            rejected[ident] = (table.file, row.line)


def parse_dataset(raw: RawDataset) -> Parsed:
    """Parse every table; rows with errors are reported and left out."""
    out = Parsed(problems=list(raw.problems))
    problems = out.problems

    seen: dict[str, int] = {}
    for r in _rows(raw, "documents", problems, out.rejected):
        doc = Document(_unique(r, seen), r.text("title", True), r.text("kind", True), r.text("reference"), r.date("date"), r.row.line)
        if r.ok:
            out.documents[doc.id] = doc

    seen = {}
    for r in _rows(raw, "sources", problems, out.rejected):
        ident = _unique(r, seen)
        (document,) = r.refs("document", out.documents, "documents.csv", required=True) or ("",)
        src = Source(ident, document, r.text("quote", True), r.text("locator"), r.row.line)
        if r.ok:
            out.sources[src.id] = src

    seen = {}
    for r in _rows(raw, "entities", problems, out.rejected):
        ident = _unique(r, seen)
        kind = r.kind("kind", ENTITY_KINDS, "kind.unknown_entity")
        name_sv = r.text("name_sv", True)
        valid_from, valid_to = r.date("valid_from"), r.date("valid_to")
        start, end = _interval(r, valid_from, valid_to)
        entity = Entity(
            ident, kind, name_sv, r.text("name_en") or name_sv, start, end, valid_from, valid_to,
            r.text("short_name"), tuple(split_list(r.row.get("aliases"))), r.pairs("identifiers"),
            r.pairs("attributes"), r.sources(out.sources), r.row.line,
        )
        if r.ok:
            out.entities[entity.id] = entity

    # events before relations: relations may be derived from an event
    seen = {}
    for r in _rows(raw, "events", problems, out.rejected):
        ident = _unique(r, seen)
        kind = r.kind("kind", EVENT_KINDS, "kind.unknown_event")
        when = r.date("date", True)
        decided = r.text("decided")
        decided_start = decided_end = None
        if decided:
            try:
                span = parse_span(decided)
                decided_start, decided_end = span.first_day().toordinal(), span.last_day().toordinal()
            except DateParseError as exc:
                r.problem("date.invalid", decided, field="decided", reason_key=exc.reason_key, reason_params=exc.params)
        event = Event(
            ident, kind, when, PartialDate.parse(when).first_day().toordinal() if when else 0,
            decided, decided_start, decided_end, r.text("name_sv"), r.text("name_en"),
            r.refs("originals", out.entities, "entities.csv"), r.refs("results", out.entities, "entities.csv"),
            r.sources(out.sources), r.row.line,
        )
        if r.ok:
            out.events[event.id] = event

    seen = {}
    for r in _rows(raw, "relations", problems, out.rejected):
        ident = _unique(r, seen)
        (from_id,) = r.refs("from_id", out.entities, "entities.csv", required=True) or ("",)
        relation = r.kind("relation", RELATION_KINDS, "kind.unknown_relation")
        (to_id,) = r.refs("to_id", out.entities, "entities.csv", required=True) or ("",)
        valid_from, valid_to = r.date("valid_from"), r.date("valid_to")
        start, end = _interval(r, valid_from, valid_to)
        derived = r.text("derived_from")
        if derived:
            r.refs("derived_from", out.events, "events.csv")
        if not r.ok:
            r.sources(out.sources)
            continue
        a, b = out.entities[from_id], out.entities[to_id]
        rel = Relation(
            ident, from_id, relation, to_id, max(start, a.start, b.start), min(end, a.end, b.end),
            valid_from, valid_to, r.pairs("attributes"), derived, r.sources(out.sources), r.row.line,
        )
        out.relations[rel.id] = rel

    seen = {}
    for r in _rows(raw, "budget", problems, out.rejected):
        ident = _unique(r, seen)
        (relation,) = r.refs("relation", out.relations, "relations.csv", required=True) or ("",)
        year, amount = r.number("year", integer=True), r.number("amount_tkr")
        line = BudgetLine(ident, relation, int(year or 0), r.text("item_sv", True), r.text("item_en"), float(amount or 0), r.sources(out.sources), r.row.line)
        if r.ok:
            out.budget.append(line)

    seen = {}
    every_id = {**out.entities, **out.relations, **out.events}
    for r in _rows(raw, "conflicts", problems, out.rejected):
        ident = _unique(r, seen)
        conflict = Conflict(ident, r.text("topic_sv", True), r.text("topic_en"), r.refs("facts", every_id, "entities/relations/events"), r.sources(out.sources), r.row.line)
        if r.ok:
            out.conflicts.append(conflict)
    return out


def _interval(r: _RowReader, valid_from: str, valid_to: str) -> tuple[int, int]:
    try:
        start, end = interval_days(valid_from or None, valid_to or None)
    except DateParseError:  # already reported by r.date
        return OPEN_START, OPEN_END
    if end < start:
        r.problem("interval.reversed", f"{valid_from} – {valid_to}")
    return start, end
