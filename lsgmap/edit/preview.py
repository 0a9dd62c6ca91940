"""What a change would do, before it is saved: the dataset after it, its new errors and notes, and its day.

The app's Redigera page shows a change as the compare view shows two dates:
the dataset *after* the change, on the day before and on the day of the change
(:func:`change_day`), with the same diff and map. Nothing is written.

>>> import shutil, tempfile, pathlib
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> from lsgmap.edit import Dataset
>>> from lsgmap.edit.operations import end_row
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "d"
>>> _ = shutil.copytree(BUNDLED_DATA, folder)
>>> ds = Dataset(folder)
>>> p = preview(ds, end_row(ds, "relations", "r014", "2016-12-31", sources=["ls_sammanslagning"]))
>>> p.ok, p.day, "r014" in p.structure.snapshot(on="2017-01-01").edge_keys
(True, '2017-01-01', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.dates import day_to_iso, to_day
from lsgmap.edit.change import Change
from lsgmap.edit.dataset import Dataset
from lsgmap.errors import Problem
from lsgmap.model.structure import Structure

__all__ = ["Preview", "preview", "change_day"]


@dataclass
class Preview:
    """The dataset after ``change`` (None if it cannot be built), the errors it would add, its notes and its day."""

    change: Change
    structure: Structure | None
    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    day: str | None = None

    @property
    def ok(self) -> bool:
        """True when the change can be saved as it is."""
        return self.structure is not None and not self.errors


def preview(ds: Dataset, change: Change, *, who: str = "", why: str = "") -> Preview:
    """Apply ``change`` to a copy of ``ds`` and check it; never writes to ``ds``."""
    files = ds.new_files(change, who=who, why=why, change_id="preview")
    structure, errors, notes = ds.checked(files)
    return Preview(change, structure, errors, notes, change_day(change))


def change_day(change: Change) -> str | None:
    """The day the change is about: an event's date, else the first day a row starts or the day after one ends.

    >>> from lsgmap.edit.change import RowChange
    >>> change_day(Change([RowChange("relations", "r1", {"valid_to": ""}, {"valid_to": "2016-12-31"})]))
    '2017-01-01'
    >>> change_day(Change([RowChange("entities", "x", {"name_sv": "A"}, {"name_sv": "B"})])) is None
    True
    """
    days: list[int] = []
    for rc in change.rows:
        after, before = rc.after or {}, rc.before or {}
        if rc.table == "events" and after.get("date"):
            return _iso(after["date"], 0)
        if after.get("valid_from") and after.get("valid_from") != before.get("valid_from"):
            days.append(_day(after["valid_from"], 0))
        if after.get("valid_to") and after.get("valid_to") != before.get("valid_to"):
            days.append(_day(after["valid_to"], 1))
    days = [d for d in days if d is not None]
    return day_to_iso(min(days)) if days else None


def _day(text: str, add: int) -> int | None:
    try:
        return to_day(text) + add
    except (ValueError, TypeError):
        return None


def _iso(text: str, add: int) -> str | None:
    day = _day(text, add)
    return day_to_iso(day) if day is not None else None
