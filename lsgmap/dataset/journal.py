"""Replacing several files of a dataset together: after a crash at any moment it holds the old files or the new ones.

A commit writes each new file beside its target (``entities.csv.lsgmap-new``),
then a journal naming them (written whole, then renamed into place: the
moment of commit), then renames each over its target and removes the
journal. :func:`recover` finishes a commit whose journal exists and throws
away new files that no journal names. Writers hold :func:`lock`.

Only files of the folder are touched: a name in a journal (or given to
:func:`commit`) that leads outside it (``..``, an absolute path, a folder that
is a link out) is ignored by :func:`recover` and refused by :func:`commit`. A
commit that cannot be written (a full disk, a read-only folder) removes what
it wrote and raises :class:`WriteFailed`; the dataset is as it was.

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

import contextlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from filelock import FileLock

from lsgmap.dataset.files import Refused, inside, read_bytes, regular_files
from lsgmap.errors import LsgmapError
from lsgmap.i18n import msg

__all__ = ["JOURNAL", "LOCK", "NEW", "WriteFailed", "commit", "lock", "pending", "recover", "recover_if_needed", "own_file"]

JOURNAL = ".lsgmap-commit"
LOCK = ".lsgmap.lock"
NEW = ".lsgmap-new"
LOCK_TIMEOUT = 60.0

#: called between the steps of a commit (tests kill the process there)
_step: Callable[[str], None] = lambda name: None  # noqa: E731


class WriteFailed(LsgmapError):
    """The dataset folder could not be written (full, read-only, no permission); nothing was changed.

    >>> WriteFailed("d", "No space left on device").render("en")
    'Could not write to the dataset folder d (No space left on device). Nothing was changed.'
    """

    def __init__(self, folder: str | Path, reason: str):
        self.reason = reason
        self.message = msg("edit.write_failed", folder=str(folder), reason=reason)
        super().__init__(self.render("en"))

    def render(self, lang: str = "sv") -> str:
        return self.message.render(lang)


def own_file(folder: Path, rel: object) -> bool:
    """True when ``rel`` names a file of ``folder``: relative, plain names, and inside it with links resolved.

    >>> own_file(Path("/tmp"), "a.csv"), own_file(Path("/tmp"), "../etc/passwd"), own_file(Path("/tmp"), "/etc/passwd")
    (True, False, False)
    """
    if not isinstance(rel, str) or not rel or "\x00" in rel or rel.startswith("/") or "\\" in rel:
        return False
    if any(part in ("", ".", "..") for part in rel.split("/")):
        return False
    return inside(folder, rel) and inside(folder, rel + NEW) and (len(rel.split("/")) == 1 or inside(folder, rel.rsplit("/", 1)[0]))


def lock(folder: Path, timeout: float = LOCK_TIMEOUT) -> FileLock:
    """The dataset's write lock (a file ``.lsgmap.lock`` in the folder); use it as a context manager."""
    path = Path(folder) / LOCK
    if path.is_symlink():  # the lock file is opened for writing: never through a link to another file
        path.unlink()
    return FileLock(str(path), timeout=timeout)


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
    """Replace the files ``files`` (path relative to ``folder`` → bytes) together. Hold :func:`lock`.

    Raises :class:`WriteFailed` (nothing changed, nothing left behind) when the
    folder cannot be written, and ValueError for a name outside the folder.
    """
    folder = Path(folder)
    outside = [rel for rel in files if not own_file(folder, rel)]
    if outside:
        raise ValueError(f"not a file of the dataset folder: {outside[0]!r}")
    recover(folder)
    written: list[Path] = []
    try:
        for rel, data in files.items():
            new = folder / (rel + NEW)
            new.parent.mkdir(parents=True, exist_ok=True)
            written.append(new)
            _write(new, data)
            _step("written " + rel)
        written.append(folder / (JOURNAL + ".tmp"))
        _write(folder / (JOURNAL + ".tmp"), json.dumps(sorted(files)).encode("utf-8"))
        os.replace(folder / (JOURNAL + ".tmp"), folder / JOURNAL)
    except OSError as exc:  # before the moment of commit: throw away what was written, the old files stand
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise WriteFailed(folder, exc.strerror or type(exc).__name__) from None
    _fsync_dir(folder)
    _step("journal")
    try:
        _finish(folder, sorted(files))
    except OSError as exc:  # after it: the journal finishes the commit on the next read or write
        raise WriteFailed(folder, exc.strerror or type(exc).__name__) from None


def _finish(folder: Path, names: list[str]) -> None:
    for rel in names:
        if not own_file(folder, rel):  # a journal naming anything else is not followed
            continue
        new = folder / (rel + NEW)
        if os.path.isfile(new) and not os.path.islink(new):
            os.replace(new, folder / rel)
            _step("renamed " + rel)
    _fsync_dir(folder)
    (folder / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(folder)


def pending(folder: Path) -> bool:
    """Whether a commit was cut off (its journal is still there)."""
    return (Path(folder) / JOURNAL).exists()


def recover(folder: Path) -> None:
    """Finish a commit that was cut off, or drop new files no journal names. Hold :func:`lock`.

    Only names of files of the folder are followed (:func:`own_file`); links to folders are not walked.
    """
    folder = Path(folder)
    journal = folder / JOURNAL
    if journal.exists():
        try:
            names = [n for n in json.loads(read_bytes(folder, JOURNAL, limit=1 << 20)) if own_file(folder, n)]
        except (OSError, ValueError, TypeError, Refused):  # a journal that is a link out is not read
            names = []
        _finish(folder, names)
    (folder / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    for stray in regular_files(folder):
        if stray.endswith(NEW):
            (folder / stray).unlink(missing_ok=True)


def recover_if_needed(folder: Path) -> None:
    """Before reading: finish a cut-off commit (waits for a writer that is still at it); never raises."""
    folder = Path(folder)
    if not pending(folder):
        return
    try:
        with lock(folder, timeout=10):
            recover(folder)
    except (OSError, TimeoutError, ValueError):
        return  # read-only or busy: the reader sees the old files, which are whole
