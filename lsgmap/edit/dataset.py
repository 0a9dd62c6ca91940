"""A dataset folder opened for editing: its tables as bytes, its version, and :meth:`Dataset.save`.

Saving takes the write lock, refuses a change made on an older version (with
what was saved meanwhile), applies the change to a copy and runs ``check`` on
it (new errors refuse the change), then replaces every touched table and the
change log together (:mod:`lsgmap.dataset.journal`). Untouched rows keep their bytes.

>>> import shutil, tempfile, pathlib
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "d"
>>> _ = shutil.copytree(BUNDLED_DATA, folder)
>>> ds = Dataset(folder)
>>> from lsgmap.edit.operations import change_row
>>> saved = ds.save(change_row(ds, "entities", "tris", {"name_en": "TRIS project"}, sources=["an_gnesta_trosa"]), who="Ida", why="English name")
>>> saved.change_id, Dataset(folder).row("entities", "tris")["name_en"]
('c0001', 'TRIS project')
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lsgmap.dataset import journal
from lsgmap.dataset.checks import check, errors_of, warnings_of
from lsgmap.dataset.load import dataset_version, load
from lsgmap.dataset.schema import Resource
from lsgmap.dataset.tables import read_dataset_schema
from lsgmap.edit.change import Change, EditRefused, RowChange, RowConflict, StaleEdit
from lsgmap.edit.csvfile import CsvFile
from lsgmap.errors import Problem
from lsgmap.model.structure import Structure

__all__ = ["Dataset", "Saved", "LOG_TABLE"]

LOG_TABLE = "changes"

@dataclass
class Saved:
    """What a save did: the log's change id, the new version and the notes ``check`` gave."""

    change_id: str
    version: str
    notes: list[Problem] = field(default_factory=list)


class Dataset:
    """The tables of ``folder`` as files, read now; :meth:`save` re-reads them under the lock."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._problem_keys: tuple[str, set[tuple]] = ("", set())
        self._read_all()

    def _read_all(self) -> None:
        """(Re)read the schema and every table as they are on disk now."""
        journal.recover_if_needed(self.folder)
        problems: list[Problem] = []
        self.schema = read_dataset_schema(self.folder, problems)
        self.resources: dict[str, Resource] = {r.name: r for r in self.schema.part("")}
        log = self.schema.resources.get(LOG_TABLE)
        if log is not None:
            self.resources[LOG_TABLE] = log
        self.version = dataset_version(self.folder)
        self.files: dict[str, CsvFile] = {name: self._read(r) for name, r in self.resources.items()}
        self.checked_keys: set[tuple] = set()  # check's findings on the files last given to checked()

    def _read(self, resource: Resource) -> CsvFile:
        path = self.folder / resource.path
        key = "change" if resource.name == LOG_TABLE else (resource.primary_key or "id")
        data = path.read_bytes() if path.is_file() else b""
        return CsvFile.parse(data, key=key, header=resource.columns)

    # -- reading --------------------------------------------------------------
    def row(self, table: str, row_id: str) -> dict[str, str] | None:
        """The values of a row by column, or None."""
        f = self.files.get(table)
        return f.values(row_id) if f else None

    def rows(self, table: str) -> list[dict[str, str]]:
        f = self.files.get(table)
        return f.rows() if f else []

    def log(self) -> list[dict[str, str]]:
        """The change log, one dict per changed row, oldest first."""
        f = self.files.get(LOG_TABLE)
        if f is None:
            return []
        return [dict(zip(f.header, row, strict=False)) for row in csv.reader(io.StringIO("".join(f.records), newline=""), delimiter=f.delimiter) if row]

    def last_change(self) -> str:
        """The id of the newest change in the log ("" when none)."""
        ids = [r.get("change", "") for r in self.log()]
        return max(ids, default="")

    # -- writing --------------------------------------------------------------
    def conflicts(self, change: Change) -> list[RowConflict]:
        """The rows of ``change`` whose current values differ from what the change expects."""
        found = []
        for rc in change.rows:
            f = self.files.get(rc.table)
            now = f.values(rc.id) if f else None
            if not _same(now, rc.before):
                found.append(RowConflict(rc.table, rc.id, rc.before, now))
        return found

    def since(self, version: str) -> list[dict[str, str]]:
        """The log rows saved on or after the change that was made on ``version``."""
        rows = self.log()
        starts = [i for i, r in enumerate(rows) if r.get("base") == version]
        return rows[starts[0] :] if starts else []

    def new_files(self, change: Change, *, who: str, why: str, change_id: str) -> dict[str, bytes]:
        """The bytes of every table ``change`` touches, and of the log, after it."""
        touched: dict[str, CsvFile] = {}
        for rc in change.rows:
            f = touched.setdefault(rc.table, _copy(self.files[rc.table]))
            f.put(rc.id, rc.after)
        log = touched.setdefault(LOG_TABLE, _copy(self.files[LOG_TABLE]))
        when = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        for n, rc in enumerate(change.rows):
            log.put(
                f"{change_id}#{n}",
                {
                    "change": change_id, "when": when, "who": who, "why": why, "table": rc.table, "row": rc.id,
                    "action": rc.action, "before": _json(rc.before), "after": _json(rc.after),
                    "base": change.base, "undoes": change.undoes,
                },
            )
        out = {self.resources[name].path: f.to_bytes() for name, f in touched.items()}
        for rel, data in change.files.items():
            path = self.folder / rel
            if Path(rel).is_absolute() or ".." in Path(rel).parts or rel in out:
                raise EditRefused([Problem("edit.file_not_allowed", rel, None, rel, {"field": "files"})])
            if path.exists() and path.read_bytes() != data:
                raise EditRefused([Problem("edit.file_exists", rel, None, rel, {"field": "files"})])
            out[rel] = data
        return out

    def save(self, change: Change, *, who: str = "", why: str = "") -> Saved:
        """Write ``change`` (validated, atomically, logged); raises :class:`StaleEdit` or :class:`EditRefused`."""
        if not change.rows:
            raise EditRefused([Problem("edit.empty", LOG_TABLE + ".csv")])
        with journal.lock(self.folder):
            journal.recover(self.folder)
            fresh = Dataset(self.folder)
            conflicts = fresh.conflicts(change)
            if (change.base and change.base != fresh.version) or conflicts:
                raise StaleEdit(change.base, fresh.version, fresh.since(change.base) if change.base else [], conflicts)
            change_id = _next_id(fresh.last_change())
            files = fresh.new_files(change, who=who, why=why, change_id=change_id)
            notes = fresh.validate(files)
            journal.commit(self.folder, files)
        self._read_all()
        self._problem_keys = (self.version, fresh.checked_keys)  # what check found in the files just written
        return Saved(change_id, self.version, notes)

    def validate(self, files: dict[str, bytes]) -> list[Problem]:
        """``check`` on a copy with ``files`` in place: raises :class:`EditRefused` on new errors, else the new notes."""
        _, errors, notes = self.checked(files)
        if errors:
            raise EditRefused(errors)
        return notes

    def checked(self, files: dict[str, bytes]) -> tuple[Structure, list[Problem], list[Problem]]:
        """The dataset with ``files`` in place (loaded from a copy), and the errors and notes the files add; nothing is written here."""
        with tempfile.TemporaryDirectory(prefix="lsgmap-edit-") as tmp:
            copy = Path(tmp) / "data"
            shutil.copytree(self.folder, copy, ignore=shutil.ignore_patterns(journal.LOCK, "*" + journal.NEW, journal.JOURNAL + "*"))
            for rel, data in files.items():
                (copy / rel).write_bytes(data)
            structure = load(copy)
            after = check(structure)  # inside: the checks read the copy's stories
        self.checked_keys = {_key(p) for p in after}
        if not after:
            return structure, [], []
        old = self.problem_keys()  # what was already there is not this change's doing
        new = [p for p in after if _key(p) not in old]
        return structure, errors_of(new), warnings_of(new)

    def problem_keys(self) -> set[tuple]:
        """What ``check`` finds in the dataset as it is, by code and value (not line); found once per version."""
        if self._problem_keys[0] != self.version:
            self._problem_keys = (self.version, {_key(p) for p in check(load(self.folder))})
        return self._problem_keys[1]

    def undo_last(self) -> Change:
        """A change that undoes the newest change in the log (itself to be saved and logged)."""
        last = self.last_change()
        if not last:
            raise EditRefused([Problem("edit.nothing_to_undo", LOG_TABLE + ".csv")])
        rows = [r for r in self.log() if r.get("change") == last]
        undo = [RowChange(r["table"], r["row"], _unjson(r.get("after", "")), _unjson(r.get("before", ""))) for r in reversed(rows)]
        return Change(undo, base=self.version, sources=[], undoes=last)


def _copy(f: CsvFile) -> CsvFile:
    new = CsvFile(list(f.header), list(f.records), f.delimiter, f.newline, f.encoding, f.bom, f.header_text, f.key)
    new._reindex()
    return new


def _same(now: dict[str, str] | None, expected: dict[str, str] | None) -> bool:
    if now is None or expected is None:
        return now is None and expected is None
    return all(now.get(k, "") == (v or "").strip() for k, v in expected.items()) and all(
        not v for k, v in now.items() if k not in expected
    )


def _json(values: dict[str, str] | None) -> str:
    return "" if values is None else json.dumps({k: v for k, v in values.items() if v}, ensure_ascii=False)


def _unjson(text: str) -> dict[str, str] | None:
    return json.loads(text) if text.strip() else None


def _key(p: Problem) -> tuple:
    return (p.code, p.file, p.value, tuple(sorted((k, str(v)) for k, v in p.params.items())))


def _next_id(last: str) -> str:
    """``c0001`` after nothing, ``c0013`` after ``c0012``.

    >>> _next_id(""), _next_id("c0012")
    ('c0001', 'c0013')
    """
    digits = "".join(ch for ch in last if ch.isdigit())
    return f"c{int(digits or 0) + 1:04d}"
