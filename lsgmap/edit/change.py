"""A change to a dataset: rows added, changed or removed, each with its values before and after.

>>> c = RowChange("entities", "x", None, {"id": "x", "name_sv": "X"})
>>> c.action, c.inverse().action
('added', 'removed')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.errors import LsgmapError, Problem
from lsgmap.i18n import msg

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
    """Rows to change together, the dataset version they were made on and the sources they rest on.

    ``files`` are files to add to the dataset folder with the rows (path → bytes), such as a
    document's text in ``documents/`` whose quotes ``check`` then verifies; an existing file
    is never replaced by other bytes (:meth:`Dataset.save` refuses).
    """

    rows: list[RowChange]
    base: str = ""
    sources: list[str] = field(default_factory=list)
    undoes: str = ""
    files: dict[str, bytes] = field(default_factory=dict)

    def tables(self) -> list[str]:
        return list(dict.fromkeys(r.table for r in self.rows))

    def __bool__(self) -> bool:
        return bool(self.rows)


class EditRefused(LsgmapError):
    """The change would leave errors in the dataset (or names no source); nothing was written.

    >>> EditRefused([Problem("edit.nothing_to_undo", "changes.csv")]).render("en").startswith("changes.csv: ")
    True
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.render("en"))

    def render(self, lang: str = "sv") -> str:
        return "; ".join(p.render(lang) for p in self.problems[:3])


@dataclass(frozen=True)
class RowConflict:
    """A row the change expected with other values than the dataset has now."""

    table: str
    id: str
    expected: dict[str, str] | None
    found: dict[str, str] | None


class StaleEdit(LsgmapError):
    """The dataset changed since the edit was made; nothing was written.

    ``meanwhile`` are the log rows saved since (empty if the files were changed
    outside lsgmap); ``conflicts`` the rows the edit touches that changed too.
    With no conflicts the edit can be re-applied on the current version.

    >>> StaleEdit("a", "b", [], [RowConflict("entities", "x", None, {})]).render("en")[:44]
    'The dataset changed meanwhile in the same ro'
    """

    def __init__(self, base: str, current: str, meanwhile: list[dict[str, str]], conflicts: list[RowConflict]):
        self.base, self.current, self.meanwhile, self.conflicts = base, current, meanwhile, conflicts
        self.message = msg("edit.stale", count=len(conflicts), rows=", ".join(f"{c.table}:{c.id}" for c in conflicts))
        super().__init__(self.render("en"))

    def render(self, lang: str = "sv") -> str:
        return self.message.render(lang)

    @property
    def can_reapply(self) -> bool:
        return not self.conflicts
