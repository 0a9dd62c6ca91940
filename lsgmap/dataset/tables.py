"""Reading a dataset folder: CSV tables described by a datapackage.json.

Reading never raises on bad input: whatever is wrong becomes a
:class:`~lsgmap.errors.Problem` with file and line, and every row that could
be read is kept, with its line number, so nothing the user wrote is lost.

Files may be UTF-8 (with or without BOM) or Windows-1252 as Swedish Excel
saves them, separated by ``,`` or ``;``.

>>> raw = read_dataset(BUNDLED_DATA)
>>> raw.tables["entities"].rows[0].line
2
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lsgmap.dataset.schema import Resource, Schema, default_schema, read_schema
from lsgmap.errors import WARNING, Problem

__all__ = ["Row", "Table", "RawDataset", "read_dataset", "read_table", "read_dataset_schema"]


@dataclass
class Row:
    """One row of a table: its line in the file (header = 1) and its values by column."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    """A table as read: its stripped cells column by column, and the line of each row."""

    resource: Resource
    file: str
    columns: list[str]
    lines: list[int]
    cells: dict[str, list[str]]
    delimiter: str = ","
    encoding: str = "utf-8"
    #: the physical line in the file of each row that does not start on the line of its number (after a multi-line cell)
    physical: dict[int, int] = field(default_factory=dict, compare=False)
    _distinct: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.resource.name

    def __len__(self) -> int:
        return len(self.lines)

    def column(self, name: str) -> list[str]:
        """The values of column ``name``, one per row ("" where the file has no such column)."""
        values = self.cells.get(name)
        return values if values is not None else [""] * len(self.lines)

    def distinct(self, name: str) -> set[str]:
        """The distinct values of column ``name`` (found once, for the validator and the parser)."""
        if name not in self._distinct:
            self._distinct[name] = set(self.column(name))
        return self._distinct[name]

    @cached_property
    def rows(self) -> list[Row]:
        names = list(self.cells)
        return [Row(line, dict(zip(names, values, strict=True))) for line, *values in zip(self.lines, *self.cells.values(), strict=True)]


@dataclass
class RawDataset:
    """The tables of a dataset folder as read, and the problems met reading them."""

    path: Path
    schema: Schema
    tables: dict[str, Table]
    problems: list[Problem]

    def rows(self, table: str) -> list[Row]:
        t = self.tables.get(table)
        return t.rows if t else []


def read_dataset(path: str | Path) -> RawDataset:
    """Read every table of the structure in the dataset at ``path``; never raises on bad data.

    The story tables (``"lsgmap:part": "stories"``) are read by :mod:`lsgmap.dataset.stories`.
    """
    folder = Path(path)
    problems: list[Problem] = []
    schema = read_dataset_schema(folder, problems)
    tables = {r.name: read_table(folder, r, problems) for r in schema.resources.values() if not r.part}
    return RawDataset(folder, schema, tables, problems)


def read_dataset_schema(folder: Path, problems: list[Problem]) -> Schema:
    """The schema in the dataset's ``datapackage.json``, else lsgmap's own (a broken file is a problem)."""
    descriptor = folder / "datapackage.json"
    if not descriptor.exists():
        return default_schema()
    try:
        return read_schema(json.loads(descriptor.read_text(encoding="utf-8-sig")))
    except (ValueError, OSError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        # a descriptor of any shape is a problem, never a crash (ValueError covers bad JSON and bad text)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        problems.append(Problem("schema.invalid", "datapackage.json", None, reason[:120]))
        return default_schema()


def _decode(data: bytes, file: str, problems: list[Problem]) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if b"\x00" not in data:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            problems.append(Problem("table.read_as_cp1252", file, None, severity=WARNING))
            return text, "cp1252"
    start = max(utf8_error.start - 20, 0)
    sample = data[start : utf8_error.start + 20].decode("utf-8", "replace")
    line = data[: utf8_error.start].count(b"\n") + 1
    problems.append(Problem("table.encoding", file, line, sample.replace("\n", " ")))
    return None


def _sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_table(folder: Path, resource: Resource, problems: list[Problem], file: str | None = None) -> Table:
    """The table of ``resource`` in ``folder`` (``file``: one of the files of a pattern resource).

    Never raises for bad content: problems are appended to ``problems`` and a
    missing or unreadable file gives an empty table (a problem only if the
    resource is required).
    """
    file = file or resource.path
    expected = resource.columns
    empty = Table(resource, file, expected, [], {})
    path = folder / file
    if not path.exists():
        if resource.required:
            problems.append(Problem("table.missing", file, None, params={"file": file, "columns": ", ".join(expected)}))
        return empty
    if not path.is_file():  # a folder, a pipe or a device: reading it would fail or never end
        problems.append(Problem("table.unreadable", file, None, "Is a directory" if path.is_dir() else "not a regular file"))
        return empty
    try:
        data = path.read_bytes()
    except (OSError, MemoryError) as exc:
        problems.append(Problem("table.unreadable", file, None, getattr(exc, "strerror", None) or type(exc).__name__))
        return empty
    decoded = _decode(data, file, problems)
    if decoded is None:
        return empty
    text, encoding = decoded
    if not text.strip():
        problems.append(Problem("table.empty", file, 1, params={"columns": ", ".join(expected)}))
        empty.encoding = encoding
        return empty
    delimiter = _sniff_delimiter(text.split("\n", 1)[0])
    header, lines, columns, physical = _read_csv(text, delimiter, resource, file, problems)
    if not header:  # a quote broken on the first line
        return Table(resource, file, expected, [], {}, delimiter, encoding)
    cells: dict[str, list[str]] = {}
    for name, column in zip(header, columns, strict=True):
        if name and name not in cells:  # a duplicated column is a problem; the first one counts
            cells[name] = column
    return Table(resource, file, header, lines, cells, delimiter, encoding, physical)


def _read_csv(text: str, delimiter: str, resource: Resource, file: str, problems: list[Problem]) -> tuple[list[str], list[int], list[list[str]], dict[int, int]]:
    r"""The header, and the number and the columns of the rows with something in them, all cells stripped; and ``physical``.

    A row's number is the one a spreadsheet shows (the header is 1); ``physical``
    gives the line in the file where a row starts, for each row that starts
    elsewhere (after a cell of several lines). A blank row is skipped but
    counted; a short row is filled with empty cells, and a row of the wrong
    width is a problem. A broken quote is a problem that ends the reading; so
    is a cell over the csv module's size limit (131 072 characters), which in a
    table comes of a quote never closed.

    >>> resource = default_schema().resources["sources"]
    >>> problems = []
    >>> header, lines, columns, physical = _read_csv('id,quote\n"s1","a\nb"\n\n s2 \n', ",", resource, "sources.csv", problems)
    >>> header, lines, columns, physical
    (['id', 'quote'], [2, 4], [['s1', 's2'], ['a\nb', '']], {3: 4, 4: 5})
    >>> [(p.code, p.line, p.value) for p in problems]
    [('table.column_missing', 1, 'document'), ('table.row_length', 4, ' s2 ')]
    >>> problems = []
    >>> _read_csv('id,document,quote\ns1,d,"a quote\n', ",", resource, "sources.csv", problems)[1]
    []
    >>> [(p.code, p.line) for p in problems]
    [('table.unclosed_quote', 2)]
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] = []
    lines: list[int] = []
    columns: list[list[str]] = []
    physical: dict[int, int] = {}
    row = end = 0  # the number of the last row read, and its last line in the file
    try:
        for record in reader:
            row += 1
            if end + 1 != row:
                physical[row] = end + 1
            end = reader.line_num
            values = [value.strip() for value in record]
            if row == 1:
                header = values or [""]  # a blank first line is a header of one empty column
                columns = [[] for _ in header]
                _check_header(header, resource, file, problems)
                continue
            if len(values) != len(header):
                if any(values) and (len(values) < len(header) or any(values[len(header) :])):
                    params = {"count": len(values), "expected": len(header)}
                    if row in physical:
                        params["physical_line"] = physical[row]
                    problems.append(Problem("table.row_length", file, row, record[0][:40], params))
                values = values[: len(header)] + [""] * (len(header) - len(values))
            if any(values):
                lines.append(row)
                for column, value in zip(columns, values, strict=True):
                    column.append(value)
    except csv.Error as exc:
        line, row = end + 1, row + 1
        tail = text.splitlines()[line - 1 : line] or [""]
        params = {"reason": str(exc)}
        if line != row:
            params["physical_line"] = line
        problems.append(Problem("table.unclosed_quote", file, row, tail[0][:60], params))
    return header, lines, columns, physical


def _check_header(header: list[str], resource: Resource, file: str, problems: list[Problem]) -> None:
    names = ", ".join(resource.columns)
    for f in resource.fields:
        if f.name not in header and f.required:
            problems.append(Problem("table.column_missing", file, 1, f.name, {"columns": names}))
    seen: set[str] = set()
    for position, column in enumerate(header, 1):
        if column and column in seen:
            problems.append(Problem("table.column_duplicate", file, 1, column, {"position": position, "columns": names}))
        elif column and resource.field(column) is None:
            problems.append(Problem("table.column_unknown", file, 1, column, {"columns": names}, WARNING))
        seen.add(column)
