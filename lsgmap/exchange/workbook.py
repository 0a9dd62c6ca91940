"""The dataset as an Excel workbook: one sheet per table, drop-down lists for the kinds, a read-me sheet.

Each table of the dataset's ``datapackage.json`` becomes a sheet of the same
name with the schema's columns, in order, and the rows as they stand in the
CSV file (rows the loader rejects too: the workbook is for editing). For one
date only the rows of :func:`lsgmap.exchange.select` are kept. Dates stay
text at the precision they were written (``2016``, ``2016-10``,
``2016-10-13``); integer and number columns are numbers when they read as
one. Columns with a fixed set of values (kinds, relations, document kinds,
source forms, budget bases) get a drop-down list from the sheet
``listor - lists``. The first sheet says all this in Swedish and English,
and its header holds the dataset version the workbook was made from
(:data:`VERSION_CELL`), which ``lsgmap import`` reads back.

The file is written by :func:`lsgmap.exchange.spreadsheet.xlsx_book`, the one
XLSX writer: every text a string cell, never a formula (a cell starting with
``=`` stays text), with control characters replaced.

Examples
--------
>>> import io
>>> from openpyxl import load_workbook
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> wb = load_workbook(io.BytesIO(to_workbook(load(BUNDLED_DATA))))
>>> wb.sheetnames[:3], wb["entities"]["A1"].value
(['läs mig - read me', 'documents', 'sources'], 'id')
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH, Field, Resource, to_number
from lsgmap.dataset.tables import read_dataset
from lsgmap.dates import Day, day_to_iso
from lsgmap.exchange.selection import Selection, select
from lsgmap.exchange.spreadsheet import Sheet, xlsx_book
from lsgmap.i18n import t
from lsgmap.model.structure import Structure
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

__all__ = ["to_workbook", "README_SHEET", "LISTS_SHEET", "VERSION_CELL"]

README_SHEET = "läs mig - read me"
VERSION_CELL = "dataset_version"
LISTS_SHEET = "listor - lists"

#: The vocabularies whose labels the lists sheet shows beside their keys.
_VOCABULARIES: tuple[dict[str, Any], ...] = (ENTITY_KINDS, RELATION_KINDS, EVENT_KINDS)

_WIDE = {"name_sv", "name_en", "title", "quote", "topic_sv", "topic_en", "note", "item_sv", "item_en", "period_note", "aliases"}


def to_workbook(structure: Structure, *, on: Day = None, lang: str = "sv") -> bytes:
    """XLSX bytes: every table of the dataset (``on=None``) or the rows of the day ``on``, a read-me and the lists sheet."""
    sel = select(structure, on=on)
    raw = read_dataset(structure.path)
    resources = raw.schema.part()
    formulas, lists = _lists(resources)
    tables = []
    for resource in resources:
        columns = [f.name for f in resource.fields]
        tables.append(
            Sheet(
                resource.name,
                columns,
                _rows(raw.tables.get(resource.name), resource, _kept(sel, resource)),
                widths=[40 if c in _WIDE else 24 if c in {"sources", "id", "from_id", "to_id"} else 14 for c in columns],
                lists=[(n, formulas[f.enum]) for n, f in enumerate(resource.fields) if f.enum],
            )
        )
    return xlsx_book([_readme(sel, resources), *tables, lists])


def _rows(table: Any, resource: Resource, keep: set[str] | None) -> Iterator[list[Any]]:
    """The rows of a table as in its CSV file (those whose key is in ``keep``, unless it is None); numbers as numbers."""
    if table is None:
        return
    columns = [table.column(f.name) for f in resource.fields]
    numeric = [f if f.type in ("integer", "number") else None for f in resource.fields]
    key = table.column(resource.primary_key) if resource.primary_key else None
    for n in range(len(table)):
        if keep is None or (key is not None and key[n] in keep):
            yield [_number(f, column[n]) if f else column[n] for f, column in zip(numeric, columns, strict=True)]


def _number(f: Field, value: str) -> Any:
    """A value of an integer or number column as a number when it reads as one, else the text."""
    try:
        number = to_number(value, integer=f.type == "integer")
    except ValueError:
        return value
    if math.isfinite(number) and abs(number) < 1e15:
        return int(number) if f.type == "integer" else number
    return value


def _kept(sel: Selection, resource: Resource) -> set[str] | None:
    """The primary keys to keep for one date (None: every row)."""
    if sel.day is None:
        return None
    kept = {
        "entities": {e.id for e in sel.entities},
        "relations": {r.id for r in sel.relations},
        "events": {e.id for e in sel.events},
        "budget": {b.id for b in sel.budget},
        "conflicts": {c.id for c in sel.conflicts},
        "sources": set(sel.source_ids),
        "documents": set(sel.document_ids),
    }
    return kept.get(resource.name, set())


def _lists(resources: list[Resource]) -> tuple[dict[frozenset[str], str], Sheet]:
    """The lists sheet (three columns per set of allowed values: the values, their Swedish and English labels) and each set's formula."""
    from openpyxl.utils import get_column_letter

    formulas: dict[frozenset[str], str] = {}
    header: list[str] = []
    columns: list[list[str]] = []
    for resource in resources:
        for f in resource.fields:
            if not f.enum or f.enum in formulas:
                continue
            vocab = next((v for v in _VOCABULARIES if f.enum == frozenset(v)), None)
            values = list(vocab) if vocab else sorted(f.enum)
            letter = get_column_letter(len(header) + 1)
            formulas[f.enum] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            header += [f"{resource.name}.{f.name}", "sv", "en"]
            columns += [values, *([vocab[v].label(lang) if vocab else "" for v in values] for lang in ("sv", "en"))]
    depth = max((len(c) for c in columns), default=0)
    rows = [[c[n] if n < len(c) else None for c in columns] for n in range(depth)]
    return formulas, Sheet(LISTS_SHEET, header, rows, widths=[22, 26, 26] * (len(header) // 3))


def _readme(sel: Selection, resources: list[Resource]) -> Sheet:
    """The read-me sheet: what the workbook holds, in Swedish and English, and every column's description.

    Its header holds the dataset version the workbook was made from: ``lsgmap import`` tells the
    reader's edits from changes saved since.
    """
    s = sel.structure
    rows: list[list[Any]] = []
    for lang in ("sv", "en"):
        scope = t("exchange.readme.scope.timeline", lang) if sel.day is None else t("exchange.readme.scope.day", lang, date=day_to_iso(sel.day))
        rows += [[t("exchange.readme.title", lang, path=s.path.name)], [scope]]
        rows += [[t(f"exchange.readme.{key}", lang)] for key in ("sheets", "dates", "lists", "text")]
        rows.append([])
    descriptions = _descriptions()
    rows.append([t("exchange.readme.columns", "sv") + " / " + t("exchange.readme.columns", "en")])
    rows += [[r.name, f.name, descriptions.get((r.name, f.name), "")] for r in resources for f in r.fields]
    return Sheet(README_SHEET, ["lsgmap", VERSION_CELL, s.version], rows, widths=[30, 18, 100])


def _descriptions() -> dict[tuple[str, str], str]:
    """(table, column) → the column's description in lsgmap's ``datapackage.json``."""
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    return {
        (r.get("name", ""), f.get("name", "")): f.get("description", "")
        for r in descriptor.get("resources", [])
        for f in r.get("schema", {}).get("fields", [])
    }
