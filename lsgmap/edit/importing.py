"""A workbook (or one table as CSV) read back as one change to the dataset.

The workbook is the one ``lsgmap export --format xlsx`` writes: one sheet
per table, named after it, with the columns in its first row. Rows are
matched by id: a row whose values differ is *changed*, a new id is *added*,
an id no longer there is *removed*; a sheet that is missing leaves its
table alone, and so does a column that is missing. A number that equals the
file's text (``2.50`` and ``2.5``) is no change. A CSV file named after a
table (``entities.csv``, UTF-8 or Swedish Excel's Windows-1252 with ``;``)
is one sheet.

Problems name the sheet and row as a spreadsheet shows them: ``entities!7``.
Nothing is left out silently: a hidden sheet, a duplicated, unknown or
unnamed column, values outside a sheet's declared range, a cell over the
limit and a workbook over the limits (cells, unpacked bytes) are problems
that refuse the import, as is a sheet whose table could not be read whole.

>>> import io
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> from lsgmap.exchange.workbook import to_workbook
>>> from lsgmap.edit.dataset import Dataset
>>> ds = Dataset(BUNDLED_DATA)
>>> read = read_upload(ds, "data.xlsx", to_workbook(load(BUNDLED_DATA)))
>>> len(read.change.rows), read.problems
(0, [])
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lsgmap.dataset.files import MAX_CELL_CHARS, MAX_FILE_BYTES, Refused, read_regular
from lsgmap.dataset.schema import suggest
from lsgmap.dataset.tables import read_table_bytes
from lsgmap.edit.change import Change, EditRefused, RowChange
from lsgmap.edit.csvfile import CsvFile
from lsgmap.edit.dataset import LOG_TABLE, Dataset
from lsgmap.edit.operations import CONTROL, new_id
from lsgmap.errors import Problem
from lsgmap.exchange.workbook import README_SHEET, VERSION_CELL

__all__ = ["Imported", "read_upload", "read_path", "where"]

Sheet = dict[str, Any]  # {"rows": [(sheet_row, values)], "columns": [...]}


@dataclass
class Imported:
    """What a file would change (``change``), and where each row stands in the file (``at``)."""

    change: Change
    problems: list[Problem] = field(default_factory=list)
    at: dict[tuple[str, str], int] = field(default_factory=dict)  # (table, id) -> row in the sheet
    tables: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for r in self.change.rows:
            out.setdefault(r.table, {"added": 0, "changed": 0, "removed": 0})[r.action] += 1
        return out


def where(sheet: str, row: int | None) -> str:
    """``entities!7`` (a sheet and the row a spreadsheet shows)."""
    return f"{sheet}!{row}" if row else sheet


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value).strip()


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a.replace(",", ".")) == float(b.replace(",", "."))
    except ValueError:
        return False


#: The most cells a workbook may have, and the most bytes its parts may unpack to.
MAX_WORKBOOK_CELLS = 2_000_000
MAX_WORKBOOK_BYTES = 300 * 1024 * 1024


def _workbook_sheets(ds: Dataset, name: str, data: bytes, problems: list[Problem]) -> dict[str, Sheet]:
    """The sheets of the dataset's tables in a workbook; whatever would be left out silently is a problem instead.

    A hidden sheet, a duplicated, unknown or empty header over values, values
    outside the sheet's declared range, a cell over the cell limit, and a
    workbook over the limits (:data:`MAX_WORKBOOK_CELLS`, :data:`MAX_WORKBOOK_BYTES`
    unpacked) are problems named by sheet and column, and refuse the import.
    """
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    if unpacked > MAX_WORKBOOK_BYTES:
        problems.append(Problem("import.too_large", name, None, f"{unpacked} bytes", {"limit": f"{MAX_WORKBOOK_BYTES} bytes"}))
        return {}
    cells = _count_cells(data)
    if cells > MAX_WORKBOOK_CELLS:  # counted in the raw sheets first: openpyxl would take minutes to read them
        problems.append(Problem("import.too_large", name, None, f"{cells} cells", {"limit": f"{MAX_WORKBOOK_CELLS} cells"}))
        return {}
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheets: dict[str, Sheet] = {}
    cells_read = 0
    try:
        for ws in book.worksheets:
            table = ws.title
            if table not in ds.resources or table == LOG_TABLE:
                if table == README_SHEET:  # its header holds the version the workbook was made from
                    sheets[table] = {"columns": [], "rows": [], "header": _first_row(ws)}
                continue
            if getattr(ws, "sheet_state", "visible") != "visible":
                problems.append(Problem("import.hidden_sheet", where(table, None), None, table))
                continue
            declared_rows, declared_columns = ws.max_row, ws.max_column
            dimension = ws.calculate_dimension() if declared_rows and declared_columns else ""
            if declared_rows and declared_columns and declared_rows * declared_columns > MAX_WORKBOOK_CELLS:
                problems.append(Problem("import.too_large", where(table, None), None, f"{dimension}: {declared_rows * declared_columns} cells",
                                        {"limit": f"{MAX_WORKBOOK_CELLS} cells"}))
                continue
            ws.reset_dimensions()  # read every row and column the sheet holds, not only the declared range
            rows = ws.iter_rows(values_only=True)
            header = [_text(v) for v in next(rows, ())]
            known = ds.resources[table].columns
            _check_sheet_header(table, header, known, problems)
            body, widest, last = [], len(header), 1
            for n, values in enumerate(rows, start=2):
                cells_read += len(values)
                if cells_read > MAX_WORKBOOK_CELLS:
                    problems.append(Problem("import.too_large", where(table, n), None, f"> {MAX_WORKBOOK_CELLS} cells", {"limit": f"{MAX_WORKBOOK_CELLS} cells"}))
                    return sheets
                cells = [_text(v) for v in values]
                if not any(cells):
                    continue
                last = n
                used = max(i for i, c in enumerate(cells) if c) + 1
                widest = max(widest, used)
                long = next((c for c in cells if len(c) > MAX_CELL_CHARS), None)
                if long is not None:  # the row stays in the comparison (the import is refused by the problem)
                    problems.append(Problem("import.cell_too_long", where(table, n), None, str(len(long)), {"limit": MAX_CELL_CHARS}))
                unnamed = next((i for i, c in enumerate(cells) if c and (i >= len(header) or not header[i])), None)
                if unnamed is not None:
                    problems.append(Problem("import.unnamed_column", where(table, n), None, get_column_letter(unnamed + 1), {"sheet": table}))
                body.append((n, dict(zip(header, cells, strict=False))))
            if declared_rows and declared_columns and (last > declared_rows or widest > declared_columns):
                problems.append(Problem("import.beyond_dimension", where(table, None), None, dimension,
                                        {"sheet": table, "rows": last, "columns": get_column_letter(widest)}))
            sheets[table] = {"columns": [h for h in header if h], "rows": body, "header": header}
    finally:
        book.close()
    return sheets


def _count_cells(data: bytes) -> int:
    """The cells of every sheet of a workbook, counted in its XML as it unpacks (a megabyte at a time), stopping past the limit."""
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for info in book.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            tail = b""
            with book.open(info) as part:
                while chunk := part.read(1 << 20):
                    block = tail + chunk
                    total += block.count(b"<c ") + block.count(b"<c>") - tail.count(b"<c ") - tail.count(b"<c>")
                    tail = block[-2:]
                    if total > MAX_WORKBOOK_CELLS:
                        return total
    return total


def _first_row(ws) -> list[str]:
    return [_text(v) for v in next(ws.iter_rows(max_row=1, values_only=True), ())]


def _check_sheet_header(table: str, header: list[str], known: list[str], problems: list[Problem]) -> None:
    """A duplicated or unknown column of a table's sheet is a problem (its values would be dropped or overwritten)."""
    seen: set[str] = set()
    for position, column in enumerate(header, 1):
        if not column:
            continue
        if column in seen:
            problems.append(Problem("import.duplicate_column", where(table, 1), None, column, {"sheet": table, "position": position}))
        elif column not in known:
            problems.append(Problem("import.unknown_column", where(table, 1), None, column,
                                    {"sheet": table, "position": position, "columns": ", ".join(known)}))
        seen.add(column)


def _csv_sheet(ds: Dataset, name: str, data: bytes, problems: list[Problem]) -> dict[str, Sheet]:
    table = Path(name).stem.strip().lower()
    resource = ds.resources.get(table)
    if resource is None or table == LOG_TABLE:
        known = [t for t in ds.resources if t != LOG_TABLE]
        problems.append(Problem("import.unknown_table", name, None, Path(name).stem, {"suggestion": suggest(table, known) or ", ".join(known)}))
        return {}
    found: list[Problem] = []
    t = read_table_bytes(data, replace(resource, required=True), name, found)  # the dataset's one reader, from memory
    problems += [p for p in found if p.severity == "error" and p.code != "table.column_duplicate"]
    _check_sheet_header(name, t.columns, resource.columns, problems)  # a duplicated or unknown column, as for a sheet
    rows = [(r.line, {c: v for c, v in r.values.items()}) for r in t.rows]
    return {table: {"columns": [c for c in t.columns if c], "rows": rows}}


def read_upload(ds: Dataset, name: str, data: bytes) -> Imported:
    """The change a workbook (``.xlsx``) or a table's CSV file would make to ``ds``; never raises on the file."""
    problems: list[Problem] = []
    try:
        if name.lower().endswith((".xlsx", ".xlsm")) or zipfile.is_zipfile(io.BytesIO(data)):
            sheets = _workbook_sheets(ds, name, data, problems)
        else:
            sheets = _csv_sheet(ds, name, data, problems)
    except Exception as exc:  # a file of any shape is a problem, never a crash
        problems.append(Problem("import.unreadable", name, None, f"{type(exc).__name__}: {exc}"[:160]))
        sheets = {}
    return _compare(ds, sheets, problems)


def read_path(ds: Dataset, path: str | Path) -> Imported:
    """The change the file at ``path`` would make; a file that is no regular file or over the size limit is a problem, unread."""
    path = Path(path)
    try:
        data = read_regular(path, limit=MAX_FILE_BYTES)
    except Refused as exc:
        code = "import.too_large" if exc.code == "file.too_large" else "import.unreadable"
        value = f"{exc.params.get('size')} bytes" if exc.code == "file.too_large" else path.name
        return Imported(Change([], ds.version), [Problem(code, path.name, None, value, {"limit": f"{MAX_FILE_BYTES} bytes"} if code == "import.too_large" else {})])
    except OSError as exc:
        return Imported(Change([], ds.version), [Problem("import.unreadable", path.name, None, exc.strerror or type(exc).__name__)])
    return read_upload(ds, path.name, data)


def _base_version(sheets: dict[str, Sheet]) -> str:

    head = sheets.get(README_SHEET, {}).get("header", [])
    return head[2] if len(head) > 2 and head[1] == VERSION_CELL else ""


def _base_rows(ds: Dataset, version: str) -> dict[tuple[str, str], dict[str, str] | None] | None:
    """The rows as they stood at ``version``, for the rows changed since (None: the log does not reach back to it)."""
    if not version or version == ds.version:
        return {}
    since = ds.since(version)
    if not since:
        return None
    import json

    out: dict[tuple[str, str], dict[str, str] | None] = {}
    for r in since:
        key = (r.get("table", ""), r.get("row", ""))
        if key not in out:
            before = json.loads(r["before"]) if r.get("before", "").strip() else None
            out[key] = None if before is None else {c: before.get(c, "") for c in ds.files[key[0]].header} if key[0] in ds.files else before
    return out


def _merged(current: dict[str, str], base: dict[str, str], row: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """``current`` with the reader's edits (``row`` against ``base``); the columns both changed differently."""
    after, clashes = dict(current), []
    for c, value in row.items():
        if c not in current or value == base.get(c, "") or _same_number(value, base.get(c, "")):
            continue
        if current[c] != base.get(c, "") and current[c] != value:
            clashes.append(c)
        after[c] = value
    return after, clashes


def _compare(ds: Dataset, sheets: dict[str, Sheet], problems: list[Problem]) -> Imported:
    out = Imported(Change([], ds.version), problems)
    base = _base_rows(ds, _base_version(sheets))
    if base is None:
        base = {}  # made from a version the log does not know (files edited by hand): compare with the files as they are
    for table, f in ds.files.items():
        sheet = sheets.get(table)
        if table == LOG_TABLE or sheet is None:
            continue
        out.tables.append(table)
        if f.lossy:  # the table was not read whole: what the sheet holds cannot be compared with it
            problems.extend(f.lossy)
            continue
        seen: set[str] = set()
        for line, values in sheet["rows"]:
            row_id = _one_row(ds, out, table, line, values, sheet["columns"], base, seen)
            if row_id:
                seen.add(row_id)
        known_then = [i for i in f.ids() if base.get((table, i), f.values(i)) is not None]
        known_then += [i for (t, i), v in base.items() if t == table and v is not None and f.values(i) is None]
        for i in dict.fromkeys(known_then):
            if i in seen:
                continue
            current = f.values(i)
            if current is None:
                continue  # removed meanwhile too
            then = base.get((table, i), current)
            if then is not None and then != current:
                problems.append(Problem("import.changed_meanwhile", where(table, None), None, i, {"field": f.key}))
                continue
            out.change.rows.append(RowChange(table, i, current, None))
    return out


def _one_row(ds: Dataset, out: Imported, table: str, line: int, values: dict[str, str], columns: list[str], base, seen: set[str]) -> str:
    f = ds.files[table]
    key = f.key
    row = {c: values.get(c, "") for c in columns if c in f.header}
    row_id = row.get(key, "")
    if not row_id:
        row_id = row[key] = new_id(ds, table, name=row.get("name_sv") or row.get("title") or "", prefix=table[:1])
    if row_id in seen:
        out.problems.append(Problem("import.duplicate_id", where(table, line), None, row_id, {"field": key}))
        return ""
    out.at[(table, row_id)] = line
    bad = [c for c, v in row.items() if CONTROL.search(v)]
    if bad:
        out.problems.append(Problem("edit.control_character", where(table, line), None, row_id, {"field": bad[0]}))
        return row_id
    current = f.values(row_id)
    then = base.get((table, row_id), current)
    if current is None:
        if then is None:
            out.change.rows.append(RowChange(table, row_id, None, {c: row.get(c, "") for c in f.header}))
        elif any(row.get(c, "") != then.get(c, "") for c in row):
            out.problems.append(Problem("import.changed_meanwhile", where(table, line), None, row_id, {"field": key}))
        return row_id  # removed meanwhile and not edited in the workbook: stays removed
    after, clashes = _merged(current, then or {}, row) if then is not None else (current, list(row))
    if clashes:
        out.problems.append(Problem("import.changed_meanwhile", where(table, line), None, row_id, {"field": clashes[0]}))
    elif after != current:
        out.change.rows.append(RowChange(table, row_id, current, after))
    return row_id


def validate(ds: Dataset, imported: Imported) -> list[Problem]:
    """The notes of the imported change; raises :class:`EditRefused` with problems placed at sheet!row."""
    if imported.problems:
        raise EditRefused(imported.problems)
    if not imported.change.rows:
        return []
    files = ds.new_files(imported.change, who="", why="", change_id="c0")
    try:
        return ds.validate(files)
    except EditRefused as refused:
        raise EditRefused([_placed(ds, imported, files, p) for p in refused.problems]) from None


def _placed(ds: Dataset, imported: Imported, files: dict[str, bytes], p: Problem) -> Problem:
    table = Path(p.file).stem
    if table not in ds.files or not p.line:
        return p
    text = files.get(ds.resources[table].path)
    if text is None:
        return replace(p, file=where(table, None), line=None)

    f = CsvFile.parse(text, key=ds.files[table].key)
    ids = f.ids()
    index = p.line - 2
    row_id = ids[index] if 0 <= index < len(ids) else ""
    return replace(p, file=where(table, imported.at.get((table, row_id))), line=None)


def diff_rows(imported: Imported) -> list[dict[str, Any]]:
    """One entry per changed row: table, id, action, the sheet row and the fields before → after."""
    out = []
    for r in imported.change.rows:
        before, after = r.before or {}, r.after or {}
        out.append({"table": r.table, "id": r.id, "action": r.action, "row": imported.at.get((r.table, r.id)),
                    "fields": {c: [before.get(c, ""), after.get(c, "")] for c in r.fields_changed()}})
    return out

