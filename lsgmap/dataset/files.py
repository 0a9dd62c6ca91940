"""The files of a dataset folder, and nothing outside it: every read and every write goes through here.

A file is named by its path relative to the dataset folder. It is read only
when it resolves inside the folder (a symbolic link that points out of it is
refused), is a regular file (not a folder, a pipe or a device) and is no
larger than a limit; otherwise :class:`Refused` says why, with a problem code,
and nothing of the file has been read.

>>> import tempfile, pathlib, os
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.csv").write_text("id\\n")
>>> read_bytes(d, "a.csv")
b'id\\n'
>>> os.symlink("/etc/hostname", d / "b.csv")
>>> read_bytes(d, "b.csv")
Traceback (most recent call last):
...
lsgmap.dataset.files.Refused: file.outside: b.csv
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lsgmap.errors import Problem

__all__ = [
    "MAX_FILE_BYTES", "MAX_TABLE_ROWS", "MAX_CELL_CHARS", "Refused", "inside", "resolve", "read_bytes", "read_regular", "problem", "regular_files",
]

#: The largest file of a dataset lsgmap reads (a national dataset's largest table is about 10 MB).
MAX_FILE_BYTES = 100 * 1024 * 1024
#: The most rows a table may have (the national dataset has about 50 000 relations).
MAX_TABLE_ROWS = 1_000_000
#: The longest cell (the csv module's own field limit).
MAX_CELL_CHARS = 131_072


class Refused(Exception):
    """A file of the dataset that is not read: ``code`` is a problem code (``file.outside``, ``file.not_regular``, ``file.too_large``)."""

    def __init__(self, code: str, rel: str, params: dict | None = None):
        self.code, self.rel, self.params = code, rel, dict(params or {})
        super().__init__(f"{code}: {rel}")


def inside(folder: str | Path, rel: str | Path) -> bool:
    """True when ``folder/rel`` resolves (links followed) inside ``folder``.

    >>> inside("/tmp", "x/../y"), inside("/tmp", "../etc/passwd")
    (True, False)
    """
    try:
        base = os.path.realpath(folder)
        real = os.path.realpath(os.path.join(base, rel))
        return real != base and os.path.commonpath([base, real]) == base
    except (ValueError, OSError):  # a NUL byte, a name too long
        return False


def resolve(folder: str | Path, rel: str | Path) -> Path:
    """``folder/rel`` with its links resolved, when that is inside ``folder``; else :class:`Refused` (``file.outside``)."""
    if not inside(folder, rel):
        raise Refused("file.outside", str(rel))
    return Path(os.path.realpath(os.path.join(os.path.realpath(folder), rel)))


def read_bytes(folder: str | Path, rel: str | Path, *, limit: int | None = None) -> bytes:
    """The bytes of the file ``rel`` of the dataset ``folder``.

    Raises :class:`FileNotFoundError` when there is no such file, :class:`Refused`
    when it is outside the folder, not a regular file or larger than ``limit`` (default :data:`MAX_FILE_BYTES`),
    and :class:`OSError` when it cannot be read.
    """
    return read_regular(resolve(folder, rel), limit=limit, name=str(rel))


def read_regular(path: str | Path, *, limit: int | None = None, name: str = "") -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes, else :class:`Refused` (nothing read).

    >>> read_regular("/dev/zero")
    Traceback (most recent call last):
    ...
    lsgmap.dataset.files.Refused: file.not_regular: /dev/zero
    """
    rel = name or str(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)  # a pipe does not block the open
    fd = os.open(path, flags & ~getattr(os, "O_NOFOLLOW", 0) if not name else flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("file.not_regular", str(rel), {"kind": "folder" if stat.S_ISDIR(info.st_mode) else "special"})
        if info.st_size > limit:
            raise Refused("file.too_large", str(rel), {"size": info.st_size, "limit": limit})
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while read
            raise Refused("file.too_large", str(rel), {"size": size, "limit": limit})
        return b"".join(chunks)
    finally:
        os.close(fd)


def problem(exc: Refused | OSError, file: str) -> Problem:
    """The :class:`Problem` of a file that was not read.

    >>> problem(Refused("file.too_large", "a.csv", {"size": 9, "limit": 5}), "a.csv").render("en")
    'a.csv: the file is larger than lsgmap reads (9 bytes; the limit is 5 bytes) — split it or shorten it'
    """
    if isinstance(exc, Refused):
        return Problem(exc.code, file, None, exc.rel, exc.params)
    return Problem("table.unreadable", file, None, exc.strerror or type(exc).__name__)


def regular_files(folder: str | Path, *, links: bool = False) -> list[str]:
    """The paths (relative, ``/``-separated, sorted) of the regular files under ``folder``; nothing raises.

    Links to folders are never followed; with ``links``, a link to a file is
    listed too (reading it is what refuses it when it points out).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.csv").write_text("x")
    >>> (d / "s").mkdir(); _ = (d / "s" / "b.csv").write_text("y")
    >>> regular_files(d)
    ['a.csv', 's/b.csv']
    """
    found = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
        for name in names:
            full = os.path.join(top, name)
            try:
                mode = os.lstat(full).st_mode
            except OSError:
                continue
            if stat.S_ISREG(mode) or (links and stat.S_ISLNK(mode)):
                found.append(Path(os.path.relpath(full, folder)).as_posix())
    return sorted(found)
