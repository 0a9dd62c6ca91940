"""A CSV table as its bytes: rows are changed one at a time and every other row keeps its bytes.

The file is read by the dataset's one reader (:func:`lsgmap.dataset.tables.read_records`),
which keeps each record's raw text (a quoted cell may span lines), the
encoding (UTF-8 with or without byte-order mark, or Windows-1252 as Swedish
Excel saves it), the delimiter and the line ending, so that writing back
changes only the rows that changed: a diff of the file shows only the change.
A file that could not be read whole (``lossy``: its problems) is never written back.

>>> f = CsvFile.parse(b'id,name\\r\\na,"A, x"\\r\\nb,B\\r\\n')
>>> f.values("b")
{'id': 'b', 'name': 'B'}
>>> f.put("b", {"id": "b", "name": "Bee"})
>>> f.put("c", {"id": "c", "name": "C"})
>>> f.to_bytes()
b'id,name\\r\\na,"A, x"\\r\\nb,Bee\\r\\nc,C\\r\\n'
>>> g = CsvFile.parse(b"id,name")
>>> g.put("a", {"id": "a", "name": "A"})
>>> g.to_bytes()
b'id,name\\na,A\\n'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from lsgmap.dataset.schema import Resource
from lsgmap.dataset.tables import LOSSY, read_records
from lsgmap.errors import Problem

__all__ = ["CsvFile"]

BOM = "\ufeff"


@dataclass
class CsvFile:
    """One table file: header, records (raw text and cells) and the values of each record by id."""

    header: list[str]
    records: list[str]  # raw text of each data record, line ending included
    delimiter: str = ","
    newline: str = "\n"
    encoding: str = "utf-8"
    bom: bool = False
    header_text: str = ""
    key: str = "id"
    cells: list[list[str]] = field(default_factory=list)  # the stripped cells of each record
    lossy: list[Problem] = field(default_factory=list)  # why the file was not read whole (then it is not written)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, data: bytes, resource: Resource, file: str, *, key: str = "id") -> CsvFile:
        """A table file's bytes, read by the dataset's reader (an empty file gets the resource's columns)."""
        problems: list[Problem] = []
        records = read_records(data, resource, file, problems, raw=True)
        lossy = [p for p in problems if p.code in LOSSY]
        if records is None or not records.raw:
            return cls(list(resource.columns), [], key=key, lossy=lossy,
                       **({"encoding": records.encoding, "bom": records.bom, "delimiter": records.delimiter} if records else {}))
        f = cls(records.header, records.raw[1:], records.delimiter, records.newline, records.encoding, records.bom,
                records.raw[0], key, records.cells[1:], lossy)
        f._reindex()
        return f

    @classmethod
    def parse(cls, data: bytes, *, key: str = "id", header: list[str] | None = None) -> CsvFile:
        """Read a file's bytes with no schema (an empty file gets ``header``)."""
        from lsgmap.dataset.schema import Field

        return cls.read(data, Resource("table", "table.csv", tuple(Field(c) for c in header or [])), "table.csv", key=key)

    def _reindex(self) -> None:
        self._index = {}
        if self.key not in self.header:
            return
        at = self.header.index(self.key)
        for i, cells in enumerate(self.cells):
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
        cells = self.cells[i]
        return {c: (cells[k] if k < len(cells) else "") for k, c in enumerate(self.header)}

    def rows(self) -> list[dict[str, str]]:
        """Every row with an id, in file order."""
        return [v for v in (self.values(i) for i in self._index) if v is not None]

    def every_row(self) -> list[dict[str, str]]:
        """Every record with something in it, in file order (with or without an id), its cells by column."""
        return [dict(zip(self.header, cells, strict=False)) for cells in self.cells if any(cells)]

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
                del self.cells[i]
                self._reindex()
            return
        missing = [c for c in values if c not in self.header and values[c]]
        if missing:
            raise KeyError(", ".join(missing))
        cells = [(values.get(c) or "").strip() for c in self.header]
        if i is not None:
            self.records[i] = self._record(values)
            self.cells[i] = cells
            return
        if self.records and not self.records[-1].endswith(("\n", "\r")):
            self.records[-1] += self.newline
        elif not self.records and self.header_text and not self.header_text.endswith(("\n", "\r")):
            self.header_text += self.newline  # a file of only a header without a line ending
        self.records.append(self._record(values))
        self.cells.append(cells)
        self._index[row_id] = len(self.records) - 1

    def copy(self) -> CsvFile:
        """A copy to change (the records are shared text, the lists are new)."""
        new = CsvFile(list(self.header), list(self.records), self.delimiter, self.newline, self.encoding, self.bom, self.header_text,
                      self.key, list(self.cells), list(self.lossy))
        new._index = dict(self._index)
        return new

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
