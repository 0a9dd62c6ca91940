"""A CSV table as its bytes: rows are changed one at a time and every other row keeps its bytes.

Reading keeps each record's raw text (a quoted cell may span lines), the
encoding (UTF-8 with or without byte-order mark, or Windows-1252 as Swedish
Excel saves it), the delimiter and the line ending, so that writing back
changes only the rows that changed: a diff of the file shows only the change.

>>> f = CsvFile.parse(b'id,name\\r\\na,"A, x"\\r\\nb,B\\r\\n')
>>> f.values("b")
{'id': 'b', 'name': 'B'}
>>> f.put("b", {"id": "b", "name": "Bee"})
>>> f.put("c", {"id": "c", "name": "C"})
>>> f.to_bytes()
b'id,name\\r\\na,"A, x"\\r\\nb,Bee\\r\\nc,C\\r\\n'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

__all__ = ["CsvFile", "split_records"]

BOM = "\ufeff"


def split_records(text: str) -> list[str]:
    """The records of CSV ``text``, each with its line ending; a newline inside quotes stays in its record.

    >>> split_records('a,b\\n"x\\ny",z\\n')
    ['a,b\\n', '"x\\ny",z\\n']
    """
    records: list[str] = []
    start = 0
    quoted = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "\r\n":
            end = i + 2 if c == "\r" and i + 1 < n and text[i + 1] == "\n" else i + 1
            records.append(text[start:end])
            start = i = end
            continue
        i += 1
    if start < n:
        records.append(text[start:])
    return records


def _cells(record: str, delimiter: str) -> list[str]:
    row = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), [])
    return [c.strip() for c in row]


@dataclass
class CsvFile:
    """One table file: header, records (raw text) and the values of each record by id."""

    header: list[str]
    records: list[str]  # raw text of each data record, line ending included
    delimiter: str = ","
    newline: str = "\n"
    encoding: str = "utf-8"
    bom: bool = False
    header_text: str = ""
    key: str = "id"
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, data: bytes, *, key: str = "id", header: list[str] | None = None) -> CsvFile:
        """Read a file's bytes (an empty file gets ``header``)."""
        bom = data.startswith(b"\xef\xbb\xbf")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252"), "cp1252"
        records = split_records(text)
        if not records:
            return cls(list(header or []), [], encoding=encoding, bom=bom, key=key)
        head = records[0]
        newline = "\r\n" if head.endswith("\r\n") else "\n"
        delimiter = ";" if head.count(";") > head.count(",") else ","
        f = cls(_cells(head, delimiter), records[1:], delimiter, newline, encoding, bom, head, key)
        f._reindex()
        return f

    def _reindex(self) -> None:
        self._index = {}
        if self.key not in self.header:
            return
        at = self.header.index(self.key)
        for i, record in enumerate(self.records):
            cells = _cells(record, self.delimiter)
            if at < len(cells) and cells[at] and cells[at] not in self._index:
                self._index[cells[at]] = i

    def ids(self) -> list[str]:
        """The ids of the rows, in file order."""
        return list(self._index)

    def values(self, row_id: str) -> dict[str, str] | None:
        """The stripped values of row ``row_id`` by column, or None."""
        i = self._index.get(row_id)
        if i is None:
            return None
        cells = _cells(self.records[i], self.delimiter)
        return {c: (cells[k] if k < len(cells) else "") for k, c in enumerate(self.header)}

    def rows(self) -> list[dict[str, str]]:
        """Every row with an id, in file order."""
        return [v for v in (self.values(i) for i in self._index) if v is not None]

    def _record(self, values: dict[str, str]) -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=self.delimiter, lineterminator=self.newline).writerow([values.get(c, "") for c in self.header])
        return out.getvalue()

    def put(self, row_id: str, values: dict[str, str] | None) -> None:
        """Replace, add (at the end) or, with ``None``, remove row ``row_id``."""
        i = self._index.get(row_id)
        if values is None:
            if i is not None:
                del self.records[i]
                self._reindex()
            return
        missing = [c for c in values if c not in self.header and values[c]]
        if missing:
            raise KeyError(", ".join(missing))
        if i is not None:
            self.records[i] = self._record(values)
            return
        if self.records and not self.records[-1].endswith(("\n", "\r")):
            self.records[-1] += self.newline
        self.records.append(self._record(values))
        self._index[row_id] = len(self.records) - 1

    def to_bytes(self) -> bytes:
        """The file's bytes in its own encoding (a value Windows-1252 cannot hold makes the file UTF-8 with BOM)."""
        head = self.header_text or self._record({c: c for c in self.header})
        text = head + "".join(self.records)
        if self.encoding == "cp1252":
            try:
                return text.encode("cp1252")
            except UnicodeEncodeError:
                return (BOM + text).encode("utf-8")
        return ((BOM if self.bom else "") + text).encode("utf-8")
