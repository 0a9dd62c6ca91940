"""Replacing several files of a dataset together: after a crash at any moment it holds the old files or the new ones.

A commit writes each new file beside its target (``entities.csv.lsgmap-new``),
then a journal naming them (written whole, then renamed into place: the
moment of commit), then renames each over its target and removes the
journal. :func:`recover` finishes a commit whose journal exists and throws
away new files that no journal names. Writers hold :func:`lock`.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "a.csv").write_text("old")
3
>>> with lock(d):
...     commit(d, {"a.csv": b"new", "b.csv": b"more"})
>>> (d / "a.csv").read_text(), (d / "b.csv").read_text(), pending(d)
('new', 'more', False)
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from filelock import FileLock

__all__ = ["JOURNAL", "LOCK", "NEW", "commit", "lock", "pending", "recover", "recover_if_needed"]

JOURNAL = ".lsgmap-commit"
LOCK = ".lsgmap.lock"
NEW = ".lsgmap-new"
LOCK_TIMEOUT = 60.0

#: called between the steps of a commit (tests kill the process there)
_step: Callable[[str], None] = lambda name: None  # noqa: E731


def lock(folder: Path, timeout: float = LOCK_TIMEOUT) -> FileLock:
    """The dataset's write lock (a file ``.lsgmap.lock`` in the folder); use it as a context manager."""
    return FileLock(str(Path(folder) / LOCK), timeout=timeout)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def commit(folder: Path, files: Mapping[str, bytes]) -> None:
    """Replace the files ``files`` (path relative to ``folder`` → bytes) together. Hold :func:`lock`."""
    folder = Path(folder)
    recover(folder)
    for rel, data in files.items():
        (folder / (rel + NEW)).parent.mkdir(parents=True, exist_ok=True)
        _write(folder / (rel + NEW), data)
        _step("written " + rel)
    _write(folder / (JOURNAL + ".tmp"), json.dumps(sorted(files)).encode("utf-8"))
    os.replace(folder / (JOURNAL + ".tmp"), folder / JOURNAL)
    _fsync_dir(folder)
    _step("journal")
    _finish(folder, sorted(files))


def _finish(folder: Path, names: list[str]) -> None:
    for rel in names:
        new = folder / (rel + NEW)
        if new.exists():
            os.replace(new, folder / rel)
            _step("renamed " + rel)
    _fsync_dir(folder)
    (folder / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(folder)


def pending(folder: Path) -> bool:
    """Whether a commit was cut off (its journal is still there)."""
    return (Path(folder) / JOURNAL).exists()


def recover(folder: Path) -> None:
    """Finish a commit that was cut off, or drop new files no journal names. Hold :func:`lock`."""
    folder = Path(folder)
    journal = folder / JOURNAL
    if journal.exists():
        try:
            names = [str(n) for n in json.loads(journal.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            names = []
        _finish(folder, names)
    (folder / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    for stray in folder.rglob("*" + NEW):
        stray.unlink(missing_ok=True)


def recover_if_needed(folder: Path) -> None:
    """Before reading: finish a cut-off commit (waits for a writer that is still at it); never raises."""
    folder = Path(folder)
    if not pending(folder):
        return
    try:
        with lock(folder, timeout=10):
            recover(folder)
    except (OSError, TimeoutError):
        return  # read-only or busy: the reader sees the old files, which are whole
