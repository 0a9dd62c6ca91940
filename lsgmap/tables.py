"""Reading a dataset folder: CSV tables described by a datapackage.json.

Reading never raises on bad input: whatever is wrong becomes a
:class:`~lsgmap.errors.Problem` with file and line, and every row that could
be read is kept, with its line number, so nothing the user wrote is lost.

Files may be UTF-8 (with or without BOM) or Windows-1252 as Swedish Excel
saves them, separated by ``,`` or ``;``.

>>> from pathlib import Path
>>> raw = read_dataset(Path(__file__).parent.parent / "data" / "sormland")
>>> raw.tables["entities"].rows[0].line
2
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import WARNING, Problem

__all__ = ["Row", "Table", "RawDataset", "read_dataset", "read_table", "default_schema", "REQUIRED_TABLES", "split_list"]

#: Tables a dataset must have; the others may be left out.
REQUIRED_TABLES = ("documents", "sources", "entities", "relations", "events")

DEFAULT_SCHEMA_PATH = Path(__file__).with_name("datapackage.json")


@dataclass
class Row:
    """One row of a table: its line in the file (header = 1) and its values by column."""

    line: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    name: str
    file: str
    columns: list[str]
    rows: list[Row]
    fields: list[dict[str, Any]]
    delimiter: str = ","
    encoding: str = "utf-8"

    def field(self, name: str) -> dict[str, Any] | None:
        return next((f for f in self.fields if f["name"] == name), None)


@dataclass
class RawDataset:
    """The tables of a dataset folder as read, and the problems met reading them."""

    path: Path
    schema: dict[str, Any]
    tables: dict[str, Table]
    problems: list[Problem]

    def rows(self, table: str) -> list[Row]:
        t = self.tables.get(table)
        return t.rows if t else []


def split_list(text: str) -> list[str]:
    """Split a ``;``-separated list cell, dropping blanks.

    >>> split_list(" a; b ;;c ")
    ['a', 'b', 'c']
    """
    if ";" not in text:  # the common case: one value or none
        value = text.strip()
        return [value] if value else []
    return [part.strip() for part in text.split(";") if part.strip()]


@lru_cache(maxsize=1)
def _default_schema_text() -> str:
    return DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8")


def default_schema() -> dict[str, Any]:
    """The schema lsgmap uses when a dataset has no datapackage.json of its own."""
    return json.loads(_default_schema_text())


def read_dataset(path: str | Path) -> RawDataset:
    """Read every table of the dataset at ``path``; never raises on bad data."""
    folder = Path(path)
    problems: list[Problem] = []
    schema = _read_schema(folder, problems)
    tables: dict[str, Table] = {}
    for resource in schema["resources"]:
        name = resource["name"]
        tables[name] = read_table(folder, resource, problems, required=name in REQUIRED_TABLES)
    return RawDataset(folder, schema, tables, problems)


def _read_schema(folder: Path, problems: list[Problem]) -> dict[str, Any]:
    descriptor = folder / "datapackage.json"
    if not descriptor.exists():
        return default_schema()
    try:
        schema = json.loads(descriptor.read_text(encoding="utf-8-sig"))
        _validate_schema(schema)
        return schema
    except (ValueError, OSError) as exc:
        problems.append(Problem("schema.invalid", "datapackage.json", None, str(exc)[:120]))
        return default_schema()


def _validate_schema(schema: Any) -> None:
    """Raise ValueError unless ``schema`` has the shape lsgmap reads: resources with a name and fields.

    >>> _validate_schema({"resources": [{"name": "entities"}]})
    Traceback (most recent call last):
    ...
    ValueError: resource 1 has no 'schema' with a 'fields' list
    """
    if not isinstance(schema, dict) or not isinstance(schema.get("resources"), list):
        raise ValueError("no 'resources' list")
    for number, resource in enumerate(schema["resources"], 1):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            raise ValueError(f"resource {number} has no 'name'")
        fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"), dict) else None
        if not isinstance(fields, list):
            raise ValueError(f"resource {number} has no 'schema' with a 'fields' list")
        if not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
            raise ValueError(f"resource {number} has a field without a 'name'")
        path = resource.get("path", "")
        if not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            raise ValueError(f"resource {number} has a 'path' outside the dataset folder")


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


def read_table(folder: Path, resource: dict[str, Any], problems: list[Problem], *, required: bool = False) -> Table:
    """The table ``resource`` (a schema resource: name, optional path, schema fields) in ``folder``.

    Never raises for bad content: problems are appended to ``problems`` and a
    missing or unreadable file gives an empty table (a problem only if ``required``).
    """
    file = resource.get("path", f"{resource['name']}.csv")
    fields = resource["schema"]["fields"]
    expected = [f["name"] for f in fields]
    columns_text = ", ".join(expected)
    path = folder / file
    if not path.exists():
        if required:
            problems.append(Problem("table.missing", file, None, params={"file": file, "columns": columns_text}))
        return Table(resource["name"], file, expected, [], fields)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem("table.unreadable", file, None, exc.strerror or type(exc).__name__))
        return Table(resource["name"], file, expected, [], fields)
    decoded = _decode(data, file, problems)
    if decoded is None:
        return Table(resource["name"], file, expected, [], fields)
    text, encoding = decoded
    if not text.strip():
        problems.append(Problem("table.empty", file, 1, params={"columns": columns_text}))
        return Table(resource["name"], file, expected, [], fields, encoding=encoding)
    delimiter = _sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    header: list[str] | None = None
    last_line = 0
    try:
        for record in reader:
            start_line, last_line = last_line + 1, reader.line_num
            if header is None:
                header = [h.strip() for h in record]
                _check_header(header, fields, file, problems)
                continue
            if not any(cell.strip() for cell in record):
                continue
            rows.append(_make_row(record, header, start_line, file, problems))
    except csv.Error as exc:
        bad_line = last_line + 1
        tail = text.splitlines()[bad_line - 1 : bad_line] or [""]
        problems.append(Problem("table.unclosed_quote", file, bad_line, tail[0][:60], {"reason": str(exc)}))
    return Table(resource["name"], file, header or expected, rows, fields, delimiter, encoding)


def _check_header(header: list[str], fields: list[dict[str, Any]], file: str, problems: list[Problem]) -> None:
    names = [f["name"] for f in fields]
    for f in fields:
        if f["name"] not in header and f.get("constraints", {}).get("required"):
            problems.append(Problem("table.column_missing", file, 1, f["name"], {"columns": ", ".join(names)}))
    for column in header:
        if column and column not in names:
            problems.append(Problem("table.column_unknown", file, 1, column, {"columns": ", ".join(names)}, WARNING))


def _make_row(record: list[str], header: list[str], line: int, file: str, problems: list[Problem]) -> Row:
    if len(record) != len(header) and not (len(record) > len(header) and not any(c.strip() for c in record[len(header):])):
        problems.append(
            Problem(
                "table.row_length",
                file,
                line,
                (record[0] if record else "")[:40],
                {"count": len(record), "expected": len(header)},
            )
        )
    values = {column: cell.strip() for column, cell in zip(header, record)}
    extra: dict[str, str] = {}
    if len(record) > len(header):
        extra["_overflow"] = ";".join(record[len(header):])
    return Row(line, values, extra)
