"""The one description of every table, ``datapackage.json``, read and enforced.

The descriptor (a Frictionless Table Schema per table, with a few ``lsgmap:``
properties explained in its description) says each table's columns, their
types, enums, patterns, which are required, the primary key and the foreign
keys. :func:`read_schema` reads it and fills the vocabulary enums from
:mod:`lsgmap.vocab`; :class:`Validator` checks a table against it, one rule at a
time over whole columns, and reports every broken rule as a
:class:`~lsgmap.errors.Problem` at file and line, with the value.

Examples
--------
>>> schema = default_schema()
>>> entities = schema.resources["entities"]
>>> entities.field("kind").enum >= {"lsg", "project"}, entities.primary_key
(True, 'id')
>>> [(k.field, k.resources) for k in schema.resources["relations"].foreign_keys][:2]
[('from_id', ('entities',)), ('to_id', ('entities',))]
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import Any

from lsgmap.dates import DateParseError, PartialDate, parse_span
from lsgmap.errors import ERROR, WARNING, Problem
from lsgmap.model.records import DefaultDate
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

__all__ = [
    "DEFAULT_SCHEMA_PATH", "DEFAULT_CODES", "TYPES", "VOCABULARIES", "Field", "ForeignKey", "Resource", "Schema", "Validator",
    "read_schema", "default_schema", "split_list", "to_number", "pairs", "suggest",
]

DEFAULT_SCHEMA_PATH = Path(__file__).with_name("datapackage.json")

#: The vocabularies a field may take its enum from (``"lsgmap:vocabulary"``).
VOCABULARIES: dict[str, Any] = {"entity_kinds": ENTITY_KINDS, "relation_kinds": RELATION_KINDS, "event_kinds": EVENT_KINDS}

#: The message of each broken rule unless the field names another in ``"lsgmap:codes"``.
DEFAULT_CODES = {"required": "value.required", "enum": "value.enum", "pattern": "value.pattern"}


def split_list(text: str, delimiter: str = ";") -> list[str]:
    """Split a list cell, dropping blanks.

    >>> split_list(" a; b ;;c ")
    ['a', 'b', 'c']
    """
    if delimiter not in text:  # the common case: one value or none
        value = text.strip()
        return [value] if value else []
    return [part.strip() for part in text.split(delimiter) if part.strip()]


def to_number(text: str, *, integer: bool = False) -> float:
    """The number written in ``text`` (spaces and a decimal comma allowed); ValueError if none.

    >>> to_number("1 234,5"), to_number("2016", integer=True)
    (1234.5, 2016)
    """
    number = float(text.replace(" ", "").replace(",", "."))
    if not math.isfinite(number):  # inf, nan and what overflows (1e400) are not amounts
        raise ValueError(text)
    if integer:
        if number != int(number):
            raise ValueError(text)
        return int(number)
    return number


def pairs(items: Iterable[str]) -> dict[str, str]:
    """``key=value`` (or ``key:value``) items as a dict; items without either are left out.

    >>> pairs(["kommunkod:0461", "total=9", "x"])
    {'kommunkod': '0461', 'total': '9'}
    """
    out = {}
    for item in items:
        key, sep, value = item.partition("=") if "=" in item else item.partition(":")
        if sep:
            out[key.strip()] = value.strip()
    return out


# -- types --------------------------------------------------------------------
# Each type checks one value (a list field: one item) and returns None, or the
# problem code, its parameters and severity.

_Check = Callable[[str], "tuple[str, dict[str, Any], str] | None"]


def _number(integer: bool) -> _Check:
    def check(value: str):
        try:
            to_number(value, integer=integer)
        except ValueError:
            return "number.invalid", {}, ERROR
        return None

    return check


def _date(parse: Callable[[str], Any]) -> _Check:
    def check(value: str):
        try:
            parse(value)
        except DateParseError as exc:
            return "date.invalid", {"reason_key": exc.reason_key, "reason_params": exc.params}, ERROR
        return None

    return check


def _pair(item: str):
    return None if "=" in item or ":" in item else ("value.pair", {}, WARNING)


TYPES: dict[str, _Check | None] = {
    "string": None,
    "integer": _number(integer=True),
    "number": _number(integer=False),
    "partial_date": _date(PartialDate.parse),
    "date_span": _date(parse_span),
    "pairs": _pair,
}


# -- the descriptor -----------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One column: its type and the rules its values follow."""

    name: str
    type: str = "string"
    delimiter: str | None = None  # a list field: the separator of its items
    required: bool = False
    enum: frozenset[str] | None = None
    pattern: re.Pattern[str] | None = None
    codes: tuple[tuple[str, str], ...] = ()
    keep_row: bool = False

    @property
    def checks_values(self) -> bool:
        """Whether a value that is there can break a rule: a type, an enum or a pattern."""
        return TYPES[self.type] is not None or self.enum is not None or self.pattern is not None

    def code(self, rule: str) -> str:
        return dict(self.codes).get(rule, DEFAULT_CODES.get(rule, ""))

    def empty(self, value: str) -> bool:
        """Whether ``value`` holds nothing (a list field: no item)."""
        return not value or (self.delimiter is not None and not value.replace(self.delimiter, "").strip())

    def items(self, value: str) -> list[str]:
        """The items of a value: a list field's items, else the value itself (none if empty)."""
        if self.delimiter is not None:
            return split_list(value, self.delimiter)
        return [value] if value else []


@dataclass(frozen=True)
class ForeignKey:
    """``field`` names the key of a row of one of ``resources`` (a list field: every item does)."""

    field: str
    resources: tuple[str, ...]
    key: str = "id"


@dataclass(frozen=True)
class Resource:
    """A table (or, with ``pattern``, one table per matching file) and its schema."""

    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: str | None = None
    foreign_keys: tuple[ForeignKey, ...] = ()
    pattern: str | None = None
    part: str = ""
    required: bool = False

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def _default_date(raw: Any) -> DefaultDate | None:
    """``{"date": "2016-11-15", "why_sv": …, "why_en": …}`` (or a bare date) as a :class:`DefaultDate`; ValueError if broken.

    >>> _default_date({"date": "2016-11-15", "why_sv": "mitt i rapportperioden"}).date
    '2016-11-15'
    """
    if raw is None:
        return None
    raw = {"date": raw} if isinstance(raw, str) else raw
    if not isinstance(raw, dict) or not isinstance(raw.get("date"), str):
        raise ValueError("lsgmap:defaultDate needs a 'date'")
    try:
        PartialDate.parse(raw["date"])
    except DateParseError as exc:
        raise ValueError(f"lsgmap:defaultDate: {exc}") from None
    return DefaultDate(raw["date"], str(raw.get("why_sv", "")), str(raw.get("why_en", "") or raw.get("why_sv", "")))


@dataclass(frozen=True)
class Schema:
    """Every resource of a descriptor, by name, in the descriptor's order; ``root``: the dataset's root entity (``"lsgmap:root"``)."""

    resources: dict[str, Resource]
    root: str | None = None
    default_date: DefaultDate | None = None

    def part(self, part: str = "") -> list[Resource]:
        """The resources of ``part`` ("" = the structure), each after the ones its foreign keys name."""
        todo = [r for r in self.resources.values() if r.part == part]
        done: list[Resource] = []
        while todo:
            waiting = {r.name for r in todo}
            ready = next((r for r in todo if not any(n in waiting for k in r.foreign_keys for n in k.resources)), None)
            if ready is None:
                raise ValueError(f"the foreign keys of {', '.join(r.name for r in todo)} form a cycle")
            done.append(ready)
            todo.remove(ready)
        return done


def read_schema(descriptor: Any) -> Schema:
    """The :class:`Schema` of a parsed ``datapackage.json``; ValueError unless lsgmap can read it.

    >>> read_schema({"resources": [{"name": "entities"}]})
    Traceback (most recent call last):
    ...
    ValueError: resource 1 has no 'schema' with a 'fields' list
    """
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ValueError("no 'resources' list")
    resources = [_resource(number, r) for number, r in enumerate(descriptor["resources"], 1)]
    root = descriptor.get("lsgmap:root")
    schema = Schema(
        {r.name: r for r in resources},
        root=root if isinstance(root, str) and root else None,
        default_date=_default_date(descriptor.get("lsgmap:defaultDate")),
    )
    for r in resources:
        for k in r.foreign_keys:
            for name in k.resources:
                if name not in schema.resources or schema.resources[name].primary_key != k.key:
                    raise ValueError(f"the foreign key {r.name}.{k.field} refers to {name}.{k.key}, which is not the primary key of a resource")
    for part in {r.part for r in resources}:
        schema.part(part)  # raises on a cycle
    return schema


def _resource(number: int, raw: Any) -> Resource:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise ValueError(f"resource {number} has no 'name'")
    table_schema = raw.get("schema")
    fields = table_schema.get("fields") if isinstance(table_schema, dict) else None
    if not isinstance(fields, list):
        raise ValueError(f"resource {number} has no 'schema' with a 'fields' list")
    if not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        raise ValueError(f"resource {number} has a field without a 'name'")
    pattern = raw.get("lsgmap:pattern")
    path = _table_path(pattern if pattern is not None else raw.get("path", f"{raw['name']}.csv"), number, pattern=pattern is not None)
    key = _one_column(table_schema.get("primaryKey"), number)
    foreign = tuple(_foreign_key(k, number) for k in table_schema.get("foreignKeys") or [])
    return Resource(
        raw["name"], path, tuple(_field(f, number) for f in fields), key, foreign, pattern,
        str(raw.get("lsgmap:part", "")), bool(raw.get("lsgmap:required")),
    )


_GLOB = re.compile(r"[*?\[\]]")


def _table_path(value: Any, number: int, *, pattern: bool) -> str:
    """A resource's ``path`` (or ``lsgmap:pattern``) checked once: a ``.csv`` file inside the dataset folder, else ValueError.

    A relative path of plain names (no ``..``, ``.``, NUL or back slash); only a
    pattern may have wildcards (``stories/*.csv``, ``scenarios/*/scenario.csv``).

    >>> _table_path("stories/*.csv", 1, pattern=True)
    'stories/*.csv'
    >>> _table_path("documents", 3, pattern=False)
    Traceback (most recent call last):
    ...
    ValueError: resource 3: the path 'documents' is not a .csv file inside the dataset folder
    """
    what = "lsgmap:pattern" if pattern else "path"
    if not isinstance(value, str):
        raise ValueError(f"resource {number}: the {what} is not a text")
    parts = value.split("/")
    ok = (
        value.endswith(".csv") and len(value) < 256 and not value.startswith("/")
        and "\x00" not in value and "\\" not in value and ":" not in value
        and all(part not in ("", ".", "..") and part.strip() == part for part in parts)
        and (pattern or not any(_GLOB.search(part) for part in parts))
        and parts[-1] != ".csv"
    )
    if not ok:
        raise ValueError(f"resource {number}: the {what} {value[:80]!r} is not a .csv file inside the dataset folder")
    return value


def _one_column(names: Any, number: int) -> str | None:
    if isinstance(names, list) and len(names) == 1:
        names = names[0]
    if names is not None and not isinstance(names, str):
        raise ValueError(f"resource {number}: lsgmap reads keys of one column only")
    return names


def _foreign_key(raw: Any, number: int) -> ForeignKey:
    try:
        field = _one_column(raw["fields"], number)
        resources = (raw["reference"]["resource"], *raw.get("lsgmap:or", ()))
        key = _one_column(raw["reference"]["fields"], number)
    except (KeyError, TypeError):
        raise ValueError(f"resource {number} has a foreign key without 'fields' and 'reference'") from None
    return ForeignKey(field or "", tuple(resources), key or "")


def _field(raw: dict[str, Any], number: int) -> Field:
    name = raw["name"]
    constraints = raw.get("constraints") or {}
    if not isinstance(constraints, dict):
        raise ValueError(f"resource {number}: field {name} has 'constraints' that are not an object")
    type_name = raw.get("lsgmap:type") or raw.get("type", "string")
    is_list = raw.get("type") == "list"
    if is_list and type_name == "list":
        type_name = raw.get("itemType", "string")
    if not isinstance(type_name, str) or type_name not in TYPES:
        raise ValueError(f"resource {number}: field {name} has the unknown type {type_name!r}")
    enum = constraints.get("enum")
    if enum is not None and not isinstance(enum, list):
        raise ValueError(f"resource {number}: field {name} has an 'enum' that is not a list")
    if "pattern" in constraints and not isinstance(constraints["pattern"], str):
        raise ValueError(f"resource {number}: field {name} has a 'pattern' that is not a string")
    delimiter = raw.get("delimiter", ";") if is_list else None
    if is_list and (not isinstance(delimiter, str) or not delimiter):
        raise ValueError(f"resource {number}: field {name} has a 'delimiter' that is not a character")
    codes = raw.get("lsgmap:codes") or {}
    if not isinstance(codes, dict) or not all(isinstance(v, str) for v in codes.values()):
        raise ValueError(f"resource {number}: field {name} has 'lsgmap:codes' that are not an object of texts")
    vocabulary = raw.get("lsgmap:vocabulary")
    if vocabulary is not None:
        if not isinstance(vocabulary, str) or vocabulary not in VOCABULARIES:
            raise ValueError(f"resource {number}: field {raw['name']} names the unknown vocabulary {vocabulary!r}")
        enum = list(VOCABULARIES[vocabulary])
    try:
        pattern = re.compile(constraints["pattern"]) if "pattern" in constraints else None
    except re.error as exc:
        raise ValueError(f"resource {number}: field {raw['name']} has a bad pattern ({exc})") from None
    return Field(
        name, type_name, delimiter, bool(constraints.get("required")),
        frozenset(map(str, enum)) if enum is not None else None, pattern,
        tuple(sorted(codes.items())), bool(raw.get("lsgmap:keepRow")),
    )


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The schema bundled with lsgmap, used when a dataset has no ``datapackage.json`` of its own."""
    return read_schema(json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8")))


# -- validation -----------------------------------------------------------------


def suggest(value: str, known: Iterable[str]) -> str:
    """`` ("closest"?)`` for the known value closest to ``value``, or "".

    >>> suggest("grupp", ["group", "lsg"])
    ' ("group"?)'
    """
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (\"{close[0]}\"?)" if close else ""


class Validator:
    """Checks tables against their resources and remembers their keys for the foreign keys of the next.

    A table is checked after the tables its foreign keys name; :meth:`accept`
    then says which of its rows the model uses, so that an id of a row left
    out is reported as such. :meth:`check` returns the indexes of the rows
    with an error (a field with ``keep_row`` only reports).
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.keys: dict[str, Collection[str]] = {}
        self.tables: dict[str, Any] = {}

    def check(self, table: Any) -> set[int]:
        """Check every rule of ``table`` (a :class:`~lsgmap.dataset.tables.Table`); problems in row order."""
        found: list[tuple[int, int, Problem, bool]] = []
        foreign = {k.field: k for k in table.resource.foreign_keys}
        for position, field in enumerate(table.resource.fields):
            values = table.column(field.name)
            if field.name not in foreign and field.name != table.resource.primary_key and not field.checks_values and field.delimiter is None:
                if field.required and "" in values:  # the only rule: a value must be there
                    found += self._cells(table, position, field, values, {""})
                continue
            unique = table.distinct(field.name)
            found += self._cells(table, position, field, values, unique)
            if field.name in foreign:
                found += self._references(table, position, field, foreign[field.name], values, unique)
            if field.name == table.resource.primary_key and len(unique) < len(values):
                found += self._duplicates(table, position, field.name, values)
        found.sort(key=lambda x: (x[0], x[1]))
        self.problems += [p for _, _, p, _ in found]
        return {row for row, _, problem, rejects in found if rejects and problem.severity == ERROR}

    def accept(self, table: Any, kept: Collection[str]) -> None:
        """Note the keys of the rows of ``table`` the model uses (a set or dict); its other rows are left out."""
        self.keys[table.resource.name] = kept
        self.tables[table.resource.name] = table

    # -- one rule over a column ---------------------------------------------------
    def _cells(self, table: Any, position: int, field: Field, values: list[str], unique: set[str]) -> list[tuple[int, int, Problem, bool]]:
        broken = {}
        for value in _suspects(field, unique):
            found = _cell(field, value)
            if found:
                broken[value] = found
        out = []
        if broken:
            for row, value in enumerate(values):
                for shown, code, params, severity in broken.get(value, ()):
                    problem = Problem(code, table.file, table.lines[row], shown, {"field": field.name, **params}, severity)
                    out.append((row, position, problem, not field.keep_row))
        return out

    def _references(self, table: Any, position: int, field: Field, key: ForeignKey, values: list[str], unique: set[str]) -> list[tuple[int, int, Problem, bool]]:
        known = [self.keys.get(name, ()) for name in key.resources]
        suspects = unique
        if field.delimiter is None:
            for keys in known:
                suspects = suspects.difference(keys)
        unknown = {}
        for value in suspects:
            missing = [ref for ref in field.items(value) if not any(ref in keys for keys in known)]
            if missing:
                unknown[value] = missing
        out = []
        if unknown:
            for row, value in enumerate(values):
                for ref in unknown.get(value, ()):
                    out.append((row, position, self._unknown(table, table.lines[row], field.name, ref, key, known), not field.keep_row))
        return out

    def _unknown(self, table: Any, line: int, column: str, ref: str, key: ForeignKey, known: list[Collection[str]]) -> Problem:
        for name in key.resources:
            where = self._left_out(name, ref)
            if where:
                return Problem("id.rejected", table.file, line, ref, {"field": column, "where": where})
        files = "/".join(self.tables[n].file if n in self.tables else f"{n}.csv" for n in key.resources)
        return Problem("id.unknown", table.file, line, ref, {"field": column, "table": files, "suggestion": suggest(ref, (k for keys in known for k in keys))})

    def _left_out(self, name: str, ref: str) -> str:
        """``FILE:LINE`` of the row with key ``ref`` in ``name`` that was left out, or ""."""
        table = self.tables.get(name)
        if table is None or table.resource.primary_key is None:
            return ""
        column = table.column(table.resource.primary_key)
        return f"{table.file}:{table.lines[column.index(ref)]}" if ref in column else ""

    def _duplicates(self, table: Any, position: int, field: str, values: list[str]) -> list[tuple[int, int, Problem, bool]]:
        first: dict[str, int] = {}
        out = []
        for row, value in enumerate(values):
            if value in first:
                out.append((row, position, Problem("id.duplicate", table.file, table.lines[row], value, {"field": field, "first_line": first[value]}), True))
            elif value:
                first[value] = table.lines[row]
        return out


def _suspects(field: Field, unique: set[str]) -> Iterable[str]:
    """The values that may break a rule of ``field``; the others surely do not (a shortcut over whole columns).

    >>> sorted(_suspects(default_schema().resources["documents"].field("kind"), {"seed", "bogus", ""}))
    ['', 'bogus']
    """
    if not field.checks_values:
        if not field.required:
            return ()
        return {v for v in unique if field.empty(v)} if field.delimiter is not None else unique & {""}
    if field.delimiter is not None or TYPES[field.type] is not None:
        return unique
    if field.enum is not None:
        return unique.difference(field.enum)
    return filterfalse(field.pattern.fullmatch, unique)  # type: ignore[union-attr]


def _cell(field: Field, value: str) -> tuple[tuple[str, str, dict[str, Any], str], ...]:
    """The broken rules of one cell: (shown value, code, params, severity) each; one per item of a list.

    >>> _cell(default_schema().resources["documents"].field("kind"), "bogus")[0][:2]
    ('bogus', 'value.enum')
    """
    if field.empty(value):
        return ((value, field.code("required"), {}, ERROR),) if field.required else ()
    items = field.items(value)
    out = []
    check = TYPES[field.type]
    for item in items:
        found = check(item) if check else None
        if found:
            code, params, severity = found
            out.append((item, code, params, severity))
        elif field.enum is not None and item not in field.enum:
            choices = ", ".join(sorted(field.enum))
            out.append((item, field.code("enum"), {"choices": choices, "suggestion": suggest(item, field.enum)}, ERROR))
        elif field.pattern is not None and not field.pattern.fullmatch(item):
            out.append((item, field.code("pattern"), {"pattern": field.pattern.pattern}, ERROR))
    return tuple(out)
