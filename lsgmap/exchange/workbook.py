"""The dataset as an Excel workbook: one sheet per table, drop-down lists for the kinds, a read-me sheet.

Each table of the dataset's ``datapackage.json`` becomes a sheet of the same
name with the schema's columns, in order, and the rows as they stand in the
CSV file (rows the loader rejects too: the workbook is for editing). For one
date only the rows of :func:`lsgmap.exchange.select` are kept. Dates stay
text at the precision they were written (``2016``, ``2016-10``,
``2016-10-13``); integer and number columns are numbers when they read as
one. Columns with a fixed set of values (kinds, relations, document kinds,
source forms, budget bases) get a drop-down list from the sheet
``listor - lists``. The first sheet says all this in Swedish and English.

Every text is a shared string, never a formula (a cell starting with ``=``
stays text), with control characters replaced as in :mod:`lsgmap.exchange.spreadsheet`.
The file is written directly (zip + XML, every text escaped by
:func:`xml.sax.saxutils.escape`): openpyxl takes about 10 s for the national
dataset's 700 000 cells, this about one.

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

import io
import json
import math
import zipfile
from datetime import date
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH, Field, Resource, to_number
from lsgmap.dataset.tables import read_dataset
from lsgmap.dates import day_to_iso
from lsgmap.exchange.selection import Selection, select
from lsgmap.exchange.spreadsheet import XLSX_MAX
from lsgmap.i18n import t
from lsgmap.text import clean_text
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["to_workbook", "README_SHEET", "LISTS_SHEET", "VERSION_CELL"]

README_SHEET = "läs mig - read me"
VERSION_CELL = "dataset_version"
LISTS_SHEET = "listor - lists"
MAX_ROW = 1_048_576

#: Labels of the values of each vocabulary, for the lists sheet.
_LABELS: dict[str, Any] = {"entity_kinds": ENTITY_KINDS, "relation_kinds": RELATION_KINDS, "event_kinds": EVENT_KINDS}

_WIDE = {"name_sv", "name_en", "title", "quote", "topic_sv", "topic_en", "note", "item_sv", "item_en", "period_note", "aliases"}

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def to_workbook(structure: Structure, *, on: date | str | int | None = None, lang: str = "sv") -> bytes:
    """XLSX bytes: every table of the dataset (``on=None``) or the rows of the day ``on``, a read-me and the lists sheet."""
    return _Book(structure, select(structure, on=on)).write()


def _column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Book:
    def __init__(self, structure: Structure, sel: Selection):
        self.structure = structure
        self.sel = sel
        self.strings: dict[str, int] = {}
        self.sheets: list[tuple[str, bytes]] = []

    # -- cells -------------------------------------------------------------------------
    def text(self, value: str) -> int:
        """The index of ``value`` in the shared strings (added on first use)."""
        index = self.strings.get(value)
        if index is None:
            index = self.strings[value] = len(self.strings)
        return index

    def row(self, number: int, values: list[Any], letters: list[str], style: str = "") -> str:
        cells = []
        for letter, value in zip(letters, values, strict=False):
            if value is None or value == "":
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(f'<c r="{letter}{number}"{style}><v>{value!r}</v></c>')
            else:
                cells.append(f'<c r="{letter}{number}" t="s"{style}><v>{self.text(value)}</v></c>')
        return f'<row r="{number}">{"".join(cells)}</row>'

    # -- sheets ------------------------------------------------------------------------
    def sheet(self, name: str, header: list[str], rows: list[list[Any]], *, widths: list[int], validations: list[tuple[int, str]] = ()) -> None:
        letters = [_column_letter(n) for n in range(1, max(len(header), 1) + 1)]
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS}" xmlns:r="{_REL}">']
        parts.append(f'<dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>')
        parts.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
        parts.append("<cols>" + "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, 1)) + "</cols>")
        parts.append("<sheetData>")
        parts.append(self.row(1, header, letters, ' s="1"'))
        parts.extend(self.row(n, values, letters) for n, values in enumerate(rows, 2))
        parts.append("</sheetData>")
        if header and rows:
            parts.append(f'<autoFilter ref="A1:{letters[len(header) - 1]}{len(rows) + 1}"/>')
        if validations:
            parts.append(f'<dataValidations count="{len(validations)}">')
            for column, formula in validations:
                letter = letters[column]
                parts.append(
                    f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="{letter}2:{letter}{MAX_ROW}">'
                    f"<formula1>{escape(formula)}</formula1></dataValidation>"
                )
            parts.append("</dataValidations>")
        parts.append("</worksheet>")
        self.sheets.append((name, "".join(parts).encode("utf-8")))

    def write(self) -> bytes:
        raw = read_dataset(self.structure.path)
        resources = raw.schema.part()
        lists = self._lists(resources)
        self._readme(resources)
        for resource in resources:
            table = raw.tables.get(resource.name)
            columns = [f.name for f in resource.fields]
            rows: list[list[Any]] = []
            if table is not None:
                keep = self._kept(resource)
                key = table.column(resource.primary_key) if resource.primary_key else None
                values = [[_cell(f, v) for v in table.column(f.name)] for f in resource.fields]
                for n in range(len(table)):
                    if keep is None or (key is not None and key[n] in keep):
                        rows.append([column[n] for column in values])
            validations = [(n, lists[f.name, frozenset(f.enum)]) for n, f in enumerate(resource.fields) if f.enum and (f.name, frozenset(f.enum)) in lists]
            widths = [40 if c in _WIDE else 24 if c in {"sources", "id", "from_id", "to_id"} else 14 for c in columns]
            self.sheet(resource.name, columns, rows, widths=widths, validations=validations)
        self._lists_sheet()
        return self._zip()

    def _kept(self, resource: Resource) -> set[str] | None:
        """The primary keys to keep for one date (None: every row)."""
        sel = self.sel
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

    def _lists(self, resources: list[Resource]) -> dict[tuple[str, frozenset[str]], str]:
        """One column of the lists sheet per set of allowed values; the formula of each drop-down."""
        self._list_columns: list[tuple[str, list[str], Any]] = []
        formulas: dict[tuple[str, frozenset[str]], str] = {}
        seen: dict[frozenset[str], str] = {}
        for resource in resources:
            for f in resource.fields:
                if not f.enum:
                    continue
                values = frozenset(f.enum)
                if values not in seen:
                    vocab = _vocabulary(f)
                    ordered = list(vocab) if vocab else sorted(values)
                    column = len(self._list_columns) * 3 + 1
                    letter = _column_letter(column)
                    seen[values] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(ordered) + 1}"
                    self._list_columns.append((f"{resource.name}.{f.name}", ordered, vocab))
                formulas[f.name, values] = seen[values]
        return formulas

    def _lists_sheet(self) -> None:
        header: list[str] = []
        columns: list[list[str]] = []
        for title, values, vocab in self._list_columns:
            header += [title, "sv", "en"]
            columns.append(values)
            columns.append([vocab[v].label("sv") if vocab else "" for v in values])
            columns.append([vocab[v].label("en") if vocab else "" for v in values])
        depth = max((len(c) for c in columns), default=0)
        rows = [[c[n] if n < len(c) else "" for c in columns] for n in range(depth)]
        self.sheet(LISTS_SHEET, header, rows, widths=[22, 26, 26] * len(self._list_columns))

    def _readme(self, resources: list[Resource]) -> None:
        s, sel = self.structure, self.sel
        rows: list[list[Any]] = []
        for lang in ("sv", "en"):
            scope = t("exchange.readme.scope.timeline", lang) if sel.day is None else t("exchange.readme.scope.day", lang, date=day_to_iso(sel.day))
            rows += [[t("exchange.readme.title", lang, path=s.path.name)], [scope]]
            rows += [[t(f"exchange.readme.{key}", lang)] for key in ("sheets", "dates", "lists", "text")]
            rows.append([""])
        descriptions = _descriptions()
        rows.append([t("exchange.readme.columns", "sv") + " / " + t("exchange.readme.columns", "en")])
        for resource in resources:
            for f in resource.fields:
                rows.append([resource.name, f.name, descriptions.get((resource.name, f.name), "")])
        # the version the workbook was made from: lsgmap import tells the reader's edits from changes saved since
        self.sheet(README_SHEET, ["lsgmap", VERSION_CELL, s.version], rows, widths=[30, 18, 100])

    # -- the package ---------------------------------------------------------------------
    def _zip(self) -> bytes:
        names = [name for name, _ in self.sheets]
        order = [names.index(README_SHEET), *[n for n, name in enumerate(names) if name not in (README_SHEET, LISTS_SHEET)], names.index(LISTS_SHEET)]
        sheets = [self.sheets[n] for n in order]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr("[Content_Types].xml", _content_types(len(sheets)))
            z.writestr("_rels/.rels", _ROOT_RELS)
            z.writestr("xl/workbook.xml", _workbook_xml([name for name, _ in sheets]))
            z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
            z.writestr("xl/styles.xml", _STYLES)
            z.writestr("xl/sharedStrings.xml", self._shared_strings())
            for n, (_name, data) in enumerate(sheets, 1):
                z.writestr(f"xl/worksheets/sheet{n}.xml", data)
        return out.getvalue()

    def _shared_strings(self) -> bytes:
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_NS}" count="{len(self.strings)}" uniqueCount="{len(self.strings)}">']
        for text in self.strings:
            parts.append(f'<si><t xml:space="preserve">{escape(clean_text(text))}</t></si>')
        parts.append("</sst>")
        return "".join(parts).encode("utf-8")


def _vocabulary(f: Field) -> dict[str, Any] | None:
    for vocab in _LABELS.values():
        if f.enum and f.enum == frozenset(vocab):
            return vocab
    return None


def _cell(f: Field, value: str) -> Any:
    """A CSV value as a cell: a number for integer and number columns when it reads as one, else text."""
    if not value:
        return ""
    if f.type in ("integer", "number"):
        try:
            number = to_number(value, integer=f.type == "integer")
        except ValueError:
            pass
        else:
            if math.isfinite(number) and abs(number) < 1e15:
                return int(number) if f.type == "integer" else number
    text = clean_text(value)
    return text if len(text) <= XLSX_MAX else text[: XLSX_MAX - 1] + "…"


def _descriptions() -> dict[tuple[str, str], str]:
    """(table, column) → the column's description in lsgmap's ``datapackage.json``."""
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    return {
        (r.get("name", ""), f.get("name", "")): f.get("description", "")
        for r in descriptor.get("resources", [])
        for f in r.get("schema", {}).get("fields", [])
    }


def _content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        f"{overrides}</Types>"
    )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)

_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _workbook_xml(names: list[str]) -> str:
    sheets = "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>'
    )


def _workbook_rels(sheets: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{rels}<Relationship Id="rId{sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{sheets + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    )
