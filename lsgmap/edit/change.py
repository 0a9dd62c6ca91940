"""A change to a dataset: rows added, changed or removed, each with its values before and after.

>>> c = RowChange("entities", "x", None, {"id": "x", "name_sv": "X"})
>>> c.action, c.inverse().action
('added', 'removed')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.errors import Problem

__all__ = ["RowChange", "Change", "EditRefused", "StaleEdit", "RowConflict"]


@dataclass(frozen=True)
class RowChange:
    """One row of one table: ``before`` None = added, ``after`` None = removed."""

    table: str
    id: str
    before: dict[str, str] | None
    after: dict[str, str] | None

    @property
    def action(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.id, self.after, self.before)

    def fields_changed(self) -> list[str]:
        """The columns whose value differs between before and after."""
        before, after = self.before or {}, self.after or {}
        return [c for c in dict.fromkeys([*before, *after]) if before.get(c, "") != after.get(c, "")]


@dataclass
class Change:
    """Rows to change together, the dataset version they were made on and the sources they rest on."""

    rows: list[RowChange]
    base: str = ""
    sources: list[str] = field(default_factory=list)
    undoes: str = ""

    def tables(self) -> list[str]:
        return list(dict.fromkeys(r.table for r in self.rows))

    def __bool__(self) -> bool:
        return bool(self.rows)


class EditRefused(Exception):
    """The change would leave errors in the dataset (or names no source); nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.render("en") for p in problems[:3]))
        self.problems = problems


@dataclass(frozen=True)
class RowConflict:
    """A row the change expected with other values than the dataset has now."""

    table: str
    id: str
    expected: dict[str, str] | None
    found: dict[str, str] | None


class StaleEdit(Exception):
    """The dataset changed since the edit was made; nothing was written.

    ``meanwhile`` are the log rows saved since (empty if the files were changed
    outside lsgmap); ``conflicts`` the rows the edit touches that changed too.
    With no conflicts the edit can be re-applied on the current version.
    """

    def __init__(self, base: str, current: str, meanwhile: list[dict[str, str]], conflicts: list[RowConflict]):
        super().__init__(f"dataset changed: {base} -> {current}")
        self.base, self.current, self.meanwhile, self.conflicts = base, current, meanwhile, conflicts

    @property
    def can_reapply(self) -> bool:
        return not self.conflicts
