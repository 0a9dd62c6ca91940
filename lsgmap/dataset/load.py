"""Reading a dataset folder into a :class:`~lsgmap.model.structure.Structure`.

>>> s = load(BUNDLED_DATA)
>>> "lsg_trosa" in s.entities
True
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from lsgmap.dataset.journal import recover_if_needed
from lsgmap.dataset.parse import parse_dataset
from lsgmap.dataset.scenarios import SCENARIO_FOLDER
from lsgmap.dataset.tables import read_dataset
from lsgmap.model.structure import Structure

__all__ = ["BUNDLED_DATA", "load", "default_data_path", "dataset_files", "dataset_version"]


def _bundled_data() -> Path:
    """The Sörmland dataset: ``lsgmap/bundled/`` when installed, ``data/`` beside the package in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "bundled" / "sormland"
    return installed if installed.is_dir() else package.parent / "data" / "sormland"


BUNDLED_DATA = _bundled_data()


def default_data_path() -> Path:
    """``$LSGMAP_DATA`` if set, else the bundled Sörmland dataset."""
    env = os.environ.get("LSGMAP_DATA")
    return Path(env) if env else BUNDLED_DATA


def dataset_files(folder: Path) -> list[Path]:
    """The ``.csv`` and ``.json`` files of a dataset folder (stories included, proposals not), in a stable order; never raises."""
    try:
        found = sorted(folder.rglob("*"))
    except OSError:  # a folder that cannot be listed: what the loader reads will say so
        return []
    out = []
    for file in found:
        if file.relative_to(folder).parts[0] == SCENARIO_FOLDER:  # proposals: beside the data, never part of its version
            continue
        try:
            if file.suffix in {".csv", ".json"} and file.is_file():
                out.append(file)
        except OSError:
            continue
    return out


def dataset_version(path: str | Path) -> str:
    """A short hash of the content of the dataset's files (stories included): changes whenever one changes.

    Never raises: a file that cannot be read counts by its name and the reason
    (the loader reports it as a problem).
    """
    digest = hashlib.sha1()
    folder = Path(path)
    for file in dataset_files(folder):
        digest.update(file.relative_to(folder).as_posix().encode("utf-8", "surrogateescape"))
        try:
            digest.update(file.read_bytes())
        except (OSError, MemoryError) as exc:
            digest.update(f"\x00unreadable:{type(exc).__name__}".encode())
    return digest.hexdigest()[:12]


def load(path: str | Path | None = None) -> Structure:
    """Read and parse the dataset at ``path`` (default: :func:`default_data_path`).

    Never raises for bad data: problems are in ``Structure.problems`` and the
    rows concerned are left out. Raises :class:`FileNotFoundError` only when
    the folder does not exist.
    """
    folder = Path(path) if path is not None else default_data_path()
    if not folder.is_dir():
        raise FileNotFoundError(str(folder))
    recover_if_needed(folder)  # a commit cut off by a crash is finished first
    raw = read_dataset(folder)
    return Structure(folder, parse_dataset(raw), dataset_version(folder), root=raw.schema.root, default_date=raw.schema.default_date)
