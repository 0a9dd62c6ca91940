"""Keeping proposals: create, list, add an operation to, and delete ``scenarios/<id>/`` in a dataset folder.

Writes go through the dataset's lock and journal (:mod:`lsgmap.dataset.journal`),
so a crash leaves either the old or the new files. Only ``scenarios/`` is
ever written here: the real tables are never touched.

>>> import shutil, tempfile, pathlib
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "d"
>>> _ = shutil.copytree(BUNDLED_DATA, folder)
>>> s = new_scenario(folder, "ett-lsg", title="Ett LSG", on="2019-01-01", by="Ida", why="Färre möten")
>>> s = add_operation(folder, "ett-lsg", "merge", ["lsg_nykoping_oxelosund", "lsg_trosa_gnesta"], name_sv="LSG Södra Sörmland", kind="lsg")
>>> [(o.step, o.operation) for o in get_scenario(folder, "ett-lsg").operations]
[(1, 'merge')]
>>> delete_scenario(folder, "ett-lsg"); [x.id for x in list_scenarios(folder)]
[]
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import UTC, datetime
from pathlib import Path

from lsgmap.dataset import journal
from lsgmap.dataset.scenarios import (
    ABOUT_FILE,
    ID_PATTERN,
    OPERATIONS,
    OPERATIONS_FILE,
    SCENARIO_FOLDER,
    Operation,
    Scenario,
    read_scenarios,
)
from lsgmap.dataset.schema import default_schema
from lsgmap.dates import DateParseError, PartialDate
from lsgmap.errors import LsgmapError, Problem
from lsgmap.text import CONTROL_CHARS

__all__ = ["ScenarioError", "list_scenarios", "get_scenario", "new_scenario", "add_operation", "delete_scenario", "write_operations"]

_ABOUT_COLUMNS = default_schema().resources["scenario_about"].columns
_OP_COLUMNS = default_schema().resources["scenario_operations"].columns


class ScenarioError(LsgmapError):
    """A proposal that cannot be found, made or applied; nothing was written.

    >>> ScenarioError([Problem("scenario.unknown", "scenarios/x", None, "x", {"known": "-"})]).render("en")[:39]
    'scenarios/x: there is no proposal "x" —'
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.render("en"))

    def render(self, lang: str = "sv") -> str:
        return "; ".join(p.render(lang) for p in self.problems[:3])


def _error(code: str, where: str, value: str, **params) -> ScenarioError:
    return ScenarioError([Problem(code, where, None, value, params)])


def list_scenarios(folder: str | Path) -> list[Scenario]:
    """The proposals of the dataset ``folder``, by id (the ones whose files are broken are left out: ``check`` says why)."""
    return read_scenarios(folder)[0]


def get_scenario(folder: str | Path, scenario_id: str) -> Scenario:
    """The proposal ``scenario_id``; :class:`ScenarioError` when there is none."""
    found = {s.id: s for s in list_scenarios(folder)}
    if scenario_id not in found:
        raise _error("scenario.unknown", f"{SCENARIO_FOLDER}/{scenario_id}", scenario_id, known=", ".join(found) or "–")
    return found[scenario_id]


def _csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([str(row.get(c, "") or "") for c in columns])
    return out.getvalue().encode("utf-8")


def _clean(what: str, value: str) -> str:
    value = (value or "").strip()
    if CONTROL_CHARS.search(value):
        raise _error("edit.control_character", SCENARIO_FOLDER, value[:40], field=what)
    return value


def new_scenario(folder: str | Path, scenario_id: str, *, title: str, on: str, by: str = "", why: str = "", title_en: str = "") -> Scenario:
    """Create the proposal ``scenario_id`` (no operations yet); :class:`ScenarioError` if the id is taken or bad, or the date is not a date."""
    folder = Path(folder)
    where = f"{SCENARIO_FOLDER}/{scenario_id}"
    if not ID_PATTERN.fullmatch(scenario_id or ""):
        raise _error("scenario.bad_id", where, scenario_id)
    if not (title or "").strip():
        raise _error("scenario.no_about", where, scenario_id)
    try:
        PartialDate.parse((on or "").strip())
    except (DateParseError, ValueError):
        raise _error("scenario.bad_date", where, on) from None
    about = {"title_sv": _clean("title_sv", title), "title_en": _clean("title_en", title_en), "on": on.strip(), "by": _clean("by", by),
             "why": _clean("why", why), "created": datetime.now(UTC).date().isoformat()}
    with journal.lock(folder):
        if (folder / where).exists():
            raise _error("scenario.taken", where, scenario_id)
        journal.commit(folder, {f"{where}/{ABOUT_FILE}": _csv(_ABOUT_COLUMNS, [about]), f"{where}/{OPERATIONS_FILE}": _csv(_OP_COLUMNS, [])})
    return get_scenario(folder, scenario_id)


def write_operations(folder: str | Path, scenario_id: str, operations: list[Operation]) -> Scenario:
    """Replace the operations of ``scenario_id`` (numbered 1, 2, 3 … in the order given)."""
    folder = Path(folder)
    get_scenario(folder, scenario_id)
    rows = [{**op.to_json(), "step": str(n), "targets": ";".join(op.targets)} for n, op in enumerate(operations, 1)]
    with journal.lock(folder):
        journal.commit(folder, {f"{SCENARIO_FOLDER}/{scenario_id}/{OPERATIONS_FILE}": _csv(_OP_COLUMNS, rows)})
    return get_scenario(folder, scenario_id)


def add_operation(folder: str | Path, scenario_id: str, operation: str, targets: list[str], *, name_sv: str = "", kind: str = "",
                  to: str = "", note: str = "") -> Scenario:
    """Add one operation at the end of ``scenario_id``; :class:`ScenarioError` for an operation outside the vocabulary."""
    scenario = get_scenario(folder, scenario_id)
    if operation not in OPERATIONS:
        raise _error("scenario.unknown_operation", scenario.folder, operation, known=", ".join(OPERATIONS))
    op = Operation(len(scenario.operations) + 1, operation, tuple(_clean("targets", x) for x in targets if x.strip()), _clean("name_sv", name_sv),
                   _clean("kind", kind), _clean("to", to), _clean("note", note))
    return write_operations(folder, scenario_id, [*scenario.operations, op])


def delete_scenario(folder: str | Path, scenario_id: str) -> None:
    """Remove the folder of ``scenario_id`` (only it)."""
    folder = Path(folder)
    scenario = get_scenario(folder, scenario_id)
    with journal.lock(folder):
        shutil.rmtree(folder / scenario.folder)
