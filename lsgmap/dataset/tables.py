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
from itertools import islice, zip_longest
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
    plain = _split_plain(text, delimiter)
    physical: dict[int, int] = {}
    header, lines, columns = plain if plain is not None else _split_records(text, delimiter, file, problems, physical)
    if not header:
        return Table(resource, file, expected, [], {}, delimiter, encoding)
    header = [h.strip() for h in header]
    _check_header(header, resource, file, problems)
    if plain is None or _needs_strip(text, delimiter):
        columns = [list(map(str.strip, column)) for column in columns]
    lines, columns = _without_blank_rows(lines, columns)
    cells: dict[str, list[str]] = {}
    for name, column in zip(header, columns, strict=True):
        if name and name not in cells:  # a duplicated column is a problem; the first one counts
            cells[name] = column
    return Table(resource, file, header, lines, cells, delimiter, encoding, physical)


Columns = list[list[str]]


def _split_plain(text: str, delimiter: str) -> tuple[list[str], list[int], Columns] | None:
    """Header, row lines and columns of a table without quotes whose rows all have the header's width; else None.

    The whole text is split at once and the columns sliced out of it, many
    times faster than reading row by row.

    >>> _split_plain("a,b\\n1,2\\n3,4\\n", ",")
    (['a', 'b'], [2, 3], [['1', '3'], ['2', '4']])
    >>> _split_plain("a,b\\n1\\n3,4\\n", ",") is None
    True
    """
    if '"' in text or "\r" in text or "\x00" in text:
        return None
    head, _, body = text.rstrip("\n").partition("\n")
    header = head.split(delimiter)
    width = len(header)
    if not body:
        return header, [], [[] for _ in header]
    # a marker cell after each row: it lands on every (width + 1)th place only if every row has width cells
    cells = body.replace("\n", f"{delimiter}\x00{delimiter}").split(delimiter)
    rows = body.count("\n") + 1
    if len(cells) != rows * (width + 1) - 1 or cells[width :: width + 1].count("\x00") != rows - 1:
        return None
    return header, list(range(2, rows + 2)), [cells[i :: width + 1] for i in range(width)]


def _split_records(text: str, delimiter: str, file: str, problems: list[Problem], physical: dict[int, int]) -> tuple[list[str], list[int], Columns]:
    """Header, row numbers and columns read record by record (quotes, uneven rows); problems for rows of the wrong width.

    A row's number is the one a spreadsheet shows; ``physical`` gets the line in
    the file of each row that starts elsewhere (after a cell of several lines).
    """
    if '"' in text or "\r" in text:
        lines, records = _parse_csv(text, delimiter, file, problems, physical)
    else:
        records = [line.split(delimiter) for line in text.split("\n")]
        if records[-1] == [""]:
            records.pop()
        lines = list(range(1, len(records) + 1))
    if not records:
        return [], [], []
    header, lines, records = records[0], lines[1:], records[1:]
    width = len(header)
    for line, record in zip(lines, records, strict=True):
        if len(record) != width and any(c.strip() for c in record) and (len(record) < width or any(c.strip() for c in record[width:])):
            params = {"count": len(record), "expected": width}
            if line in physical:
                params["physical_line"] = physical[line]
            problems.append(Problem("table.row_length", file, line, record[0][:40], params))
    columns: Columns = [list(column) for column in islice(zip_longest(*records, fillvalue=""), width)]
    return header, lines, columns + [[""] * len(records) for _ in range(width - len(columns))]


def _parse_csv(text: str, delimiter: str, file: str, problems: list[Problem], physical: dict[int, int]) -> tuple[list[int], list[list[str]]]:
    """The records of ``text`` and the row number of each (as a spreadsheet counts); a broken quote ends the reading.

    ``physical`` gets the line in the file where a row starts, for every row that does not start on the line of its number.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[int] = []
    records: list[list[str]] = []
    last_line = 0
    try:
        for record in reader:
            row = len(records) + 1
            if last_line + 1 != row:
                physical[row] = last_line + 1
            lines.append(row)
            records.append(record)
            last_line = reader.line_num
    except csv.Error as exc:
        bad_line, row = last_line + 1, len(records) + 1
        tail = text.splitlines()[bad_line - 1 : bad_line] or [""]
        params = {"reason": str(exc)}
        if bad_line != row:
            params["physical_line"] = bad_line
        problems.append(Problem("table.unclosed_quote", file, row, tail[0][:60], params))
    return lines, records


#: Every character ``str.strip`` removes except space and newline (\r sends a file to the csv module).
_OTHER_WHITESPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def _needs_strip(text: str, delimiter: str) -> bool:
    """Whether a cell of ``text`` (a table without quotes) may begin or end with whitespace.

    Looking for single characters is fast enough to spare stripping every cell.

    >>> _needs_strip("a,b\\n1,2\\n", ","), _needs_strip("a,b\\n1, 2\\n", ","), _needs_strip("a\\n\\xa0ö\\n", ",")
    (False, True, True)
    """
    if any(c in text for c in _OTHER_WHITESPACE):
        return True
    if " " not in text:
        return False
    return text.startswith(" ") or text.endswith(" ") or any(s in text for s in (f" {delimiter}", f"{delimiter} ", " \n", "\n "))


def _without_blank_rows(lines: list[int], columns: Columns) -> tuple[list[int], Columns]:
    """The rows with something in them (only a row whose first cell is empty can be blank)."""
    if not columns or "" not in columns[0]:
        return lines, columns
    blank = {i for i, value in enumerate(columns[0]) if not value and not any(column[i] for column in columns)}
    if not blank:
        return lines, columns
    keep = [i for i in range(len(lines)) if i not in blank]
    return [lines[i] for i in keep], [[column[i] for i in keep] for column in columns]


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
