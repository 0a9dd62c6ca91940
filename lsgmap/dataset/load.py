"""Reading a dataset folder into a :class:`~lsgmap.model.structure.Structure`.

>>> s = load(BUNDLED_DATA)
>>> "lsg_trosa" in s.entities
True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from lsgmap.dataset import files
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
    """The ``.csv`` and ``.json`` files of a dataset folder (stories included, proposals not), in a stable order; never raises.

    Links to folders are not followed, so nothing outside the folder is listed.
    """
    return [
        folder / rel for rel in files.regular_files(folder, links=True)
        if rel.endswith((".csv", ".json")) and rel.split("/", 1)[0] != SCENARIO_FOLDER  # proposals: beside the data, never part of its version
    ]


def dataset_version(path: str | Path, *, replaced: Mapping[str, bytes] | None = None) -> str:
    """A short hash of the content of the dataset's files (stories included): changes whenever one changes.

    Never raises: a file that cannot be read counts by its name and the reason
    (the loader reports it as a problem). Only files inside the folder are read.
    """
    digest = hashlib.sha1()
    folder = Path(path)
    replaced = replaced or {}
    names = sorted({*(f.relative_to(folder).as_posix() for f in dataset_files(folder)), *replaced})
    for rel in names:
        digest.update(rel.encode("utf-8", "surrogateescape"))
        try:
            digest.update(replaced[rel] if rel in replaced else files.read_bytes(folder, rel))
        except (OSError, MemoryError, files.Refused) as exc:
            digest.update(f"\x00unreadable:{type(exc).__name__}".encode())
    return digest.hexdigest()[:12]


def load(path: str | Path | None = None, *, replaced: Mapping[str, bytes] | None = None) -> Structure:
    """Read and parse the dataset at ``path`` (default: :func:`default_data_path`).

    Never raises for bad data: problems are in ``Structure.problems`` and the
    rows concerned are left out. Raises :class:`FileNotFoundError` only when
    the folder does not exist. ``replaced`` (a table's path → bytes) reads those
    tables from memory instead of the folder: the dataset as a change would leave it.
    """
    folder = Path(path) if path is not None else default_data_path()
    if not folder.is_dir():
        raise FileNotFoundError(str(folder))
    recover_if_needed(folder)  # a commit cut off by a crash is finished first
    raw = read_dataset(folder, replaced=replaced)
    version = dataset_version(folder, replaced=replaced)
    return Structure(folder, parse_dataset(raw), version, root=raw.schema.root, default_date=raw.schema.default_date)
