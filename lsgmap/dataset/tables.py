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
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lsgmap.dataset import files
from lsgmap.dataset.schema import Resource, Schema, default_schema, read_schema
from lsgmap.errors import WARNING, Problem

__all__ = ["Row", "Table", "RawDataset", "Records", "LOSSY", "read_dataset", "read_table", "read_table_bytes", "read_records", "read_dataset_schema"]

#: The problems after which a table was not read whole: writing it back would lose what was not read.
LOSSY = frozenset({
    "table.encoding", "table.unclosed_quote", "table.cell_too_long", "table.too_many_rows", "table.unreadable",
    "file.outside", "file.not_regular", "file.too_large",
})
#: The largest datapackage.json read.
MAX_DESCRIPTOR_BYTES = 10 * 1024 * 1024


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


def read_dataset(path: str | Path, *, replaced: Mapping[str, bytes] | None = None) -> RawDataset:
    """Read every table of the structure in the dataset at ``path``; never raises on bad data.

    The story tables (``"lsgmap:part": "stories"``) are read by :mod:`lsgmap.dataset.stories`.
    ``replaced`` gives the bytes of some tables (by path) instead of their files.
    """
    folder = Path(path)
    problems: list[Problem] = []
    schema = read_dataset_schema(folder, problems)
    replaced = replaced or {}
    tables = {
        r.name: read_table_bytes(replaced[r.path], r, r.path, problems) if r.path in replaced else read_table(folder, r, problems)
        for r in schema.resources.values() if not r.part
    }
    return RawDataset(folder, schema, tables, problems)


def read_dataset_schema(folder: Path, problems: list[Problem]) -> Schema:
    """The schema in the dataset's ``datapackage.json``, else lsgmap's own (a broken file is a problem)."""
    try:
        data = files.read_bytes(folder, "datapackage.json", limit=MAX_DESCRIPTOR_BYTES)
    except FileNotFoundError:
        return default_schema()
    except (files.Refused, OSError) as exc:
        refused = files.problem(exc, "datapackage.json")
        problems.append(refused if isinstance(exc, files.Refused) else Problem("schema.invalid", "datapackage.json", None, refused.value))
        return default_schema()
    try:
        return read_schema(json.loads(data.decode("utf-8-sig")))
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
    resource is required). Only a regular file inside ``folder`` is read
    (:mod:`lsgmap.dataset.files`).
    """
    file = file or resource.path
    expected = resource.columns
    try:
        data = files.read_bytes(folder, file)
    except FileNotFoundError:
        if resource.required:
            problems.append(Problem("table.missing", file, None, params={"file": file, "columns": ", ".join(expected)}))
        return Table(resource, file, expected, [], {})
    except (files.Refused, OSError, MemoryError) as exc:
        problems.append(files.problem(exc, file) if not isinstance(exc, MemoryError) else Problem("table.unreadable", file, None, "MemoryError"))
        return Table(resource, file, expected, [], {})
    return read_table_bytes(data, resource, file, problems)


def read_table_bytes(data: bytes, resource: Resource, file: str, problems: list[Problem]) -> Table:
    """The table ``resource`` from the bytes of its file (named ``file`` in problems); never raises.

    >>> t = read_table_bytes(b"id;kind\\r\\nx;lsg\\r\\n", default_schema().resources["entities"], "entities.csv", [])
    >>> t.delimiter, t.column("kind")
    (';', ['lsg'])
    """
    records = read_records(data, resource, file, problems)
    if records is None or not records.header:  # undecodable, empty, or a quote broken on the first line
        encoding = records.encoding if records else "utf-8"
        delimiter = records.delimiter if records else ","
        return Table(resource, file, resource.columns, [], {}, delimiter, encoding)
    cells: dict[str, list[str]] = {}
    for name, column in zip(records.header, records.columns, strict=True):
        if name and name not in cells:  # a duplicated column is a problem; the first one counts
            cells[name] = column
    return Table(resource, file, records.header, records.lines, cells, records.delimiter, records.encoding, records.physical)


@dataclass
class Records:
    """A table file as the one reader reads it: how it is written, its header, and its rows.

    ``lines``/``columns``/``physical`` are those of :class:`Table`; with ``raw``,
    ``raw`` holds the text of the header and of every record after it (blank
    ones too, line endings included: joined they give the file's text back), and
    ``cells`` the stripped cells of each of those records.
    """

    encoding: str
    bom: bool
    delimiter: str
    newline: str
    header: list[str]
    lines: list[int]
    columns: list[list[str]]
    physical: dict[int, int]
    raw: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)


def read_records(data: bytes, resource: Resource, file: str, problems: list[Problem], *, raw: bool = False) -> Records | None:
    """The records of a table file's bytes (None when it cannot be decoded); never raises.

    The one CSV reader of lsgmap: the loader, the editor, the change log and
    the import all read tables through it, with the same encodings (UTF-8 with
    or without BOM, Windows-1252), delimiters (``,`` or ``;``) and limits (a cell
    of :data:`~lsgmap.dataset.files.MAX_CELL_CHARS`, a table of
    :data:`~lsgmap.dataset.files.MAX_TABLE_ROWS` rows).

    >>> r = read_records(b'id,name_sv\\na,"A\\nB"\\n\\n', default_schema().resources["entities"], "entities.csv", [], raw=True)
    >>> r.raw, r.cells
    (['id,name_sv\\n', 'a,"A\\nB"\\n', '\\n'], [['id', 'name_sv'], ['a', 'A\\nB'], []])
    """
    decoded = _decode(data, file, problems)
    if decoded is None:
        return None
    text, encoding = decoded
    bom = data.startswith(b"\xef\xbb\xbf")
    first = text.split("\n", 1)[0]
    newline = "\r\n" if first.endswith("\r") else "\n"
    delimiter = _sniff_delimiter(first)
    if not text.strip():
        problems.append(Problem("table.empty", file, 1, params={"columns": ", ".join(resource.columns)}))
        return Records(encoding, bom, delimiter, newline, [], [], [], {})
    records = Records(encoding, bom, delimiter, newline, [], [], [], {})
    _read_csv(text, delimiter, resource, file, problems, records, raw)
    return records


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class _Tap:
    """The lines of a text for ``csv.reader``, keeping the ones read since :meth:`take`."""

    def __init__(self, text: str):
        self._lines = (m.group() for m in _LINE.finditer(text))
        self._taken: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._taken.append(line)
        return line

    def take(self) -> str:
        out = "".join(self._taken)
        self._taken.clear()
        return out


def _read_csv(text: str, delimiter: str, resource: Resource, file: str, problems: list[Problem], out: Records, raw: bool = False) -> None:
    r"""Fill ``out`` with the header, and the number and the columns of the rows with something in them, all cells stripped; and ``physical``.

    A row's number is the one a spreadsheet shows (the header is 1); ``physical``
    gives the line in the file where a row starts, for each row that starts
    elsewhere (after a cell of several lines). A blank row is skipped but
    counted; a short row is filled with empty cells, and a row of the wrong
    width is a problem. A broken quote is a problem that ends the reading; so
    is a cell over the size limit (131 072 characters, the limit named), and
    a table of more rows than the limit. With ``raw``, each record's text and
    cells are kept too (:class:`Records`).

    >>> resource = default_schema().resources["sources"]
    >>> problems, out = [], Records("utf-8", False, ",", "\n", [], [], [], {})
    >>> _read_csv('id,quote\n"s1","a\nb"\n\n s2 \n', ",", resource, "sources.csv", problems, out)
    >>> out.header, out.lines, out.columns, out.physical
    (['id', 'quote'], [2, 4], [['s1', 's2'], ['a\nb', '']], {3: 4, 4: 5})
    >>> [(p.code, p.line, p.value) for p in problems]
    [('table.column_missing', 1, 'document'), ('table.row_length', 4, ' s2 ')]
    >>> problems, out = [], Records("utf-8", False, ",", "\n", [], [], [], {})
    >>> _read_csv('id,document,quote\ns1,d,"a quote\n', ",", resource, "sources.csv", problems, out)
    >>> out.lines, [(p.code, p.line) for p in problems]
    ([], [('table.unclosed_quote', 2)])
    """
    tap = _Tap(text) if raw else None
    reader = csv.reader(tap if tap is not None else io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] = []
    lines, physical = out.lines, out.physical
    columns: list[list[str]] = []
    row = end = 0  # the number of the last row read, and its last line in the file
    try:
        for record in reader:
            row += 1
            if end + 1 != row:
                physical[row] = end + 1
            end = reader.line_num
            values = [value.strip() for value in record]
            if tap is not None:
                out.raw.append(tap.take())
                out.cells.append(values)
            if row == 1:
                header = values or [""]  # a blank first line is a header of one empty column
                columns = [[] for _ in header]
                _check_header(header, resource, file, problems)
                continue
            if row > files.MAX_TABLE_ROWS + 1:
                problems.append(Problem("table.too_many_rows", file, row, str(row), {"limit": files.MAX_TABLE_ROWS}))
                break
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
        tail = [t.rstrip("\r") for t in text.split("\n", line)[line - 1 : line]] or [""]
        if "field larger than field limit" in str(exc):
            problems.append(Problem("table.cell_too_long", file, row, tail[0][:60], {"limit": files.MAX_CELL_CHARS}))
        else:
            params = {"reason": str(exc)}
            if line != row:
                params["physical_line"] = line
            problems.append(Problem("table.unclosed_quote", file, row, tail[0][:60], params))
    out.header, out.columns = header, columns


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
