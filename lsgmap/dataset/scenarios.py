"""Proposals kept beside the data, never in it: reading and validating the dataset's ``scenarios/`` folder.

A scenario is a folder ``scenarios/<id>/`` holding two small tables, both
described in ``datapackage.json`` (resources ``scenario_about`` and
``scenario_operations``) and validated from there like every other table:

* ``scenario.csv``, one row: ``title_sv, title_en, on, by, why, created``;
* ``operations.csv``, one row per step: ``step, operation, targets, name_sv,
  kind, to, note``, in the editing vocabulary (``merge``, ``split``,
  ``rename``, ``dissolve``, ``found``, ``end``, ``add``, ``transfer``).

The loader never reads this folder into the real structure and the dataset's
version does not count it (:func:`lsgmap.dataset.load.dataset_files`);
:func:`lsgmap.dataset.checks.check` reports its problems. Applying a scenario
is :mod:`lsgmap.scenario`'s job.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "scenarios" / "ett").mkdir(parents=True)
>>> _ = (folder / "scenarios" / "ett" / "scenario.csv").write_text("title_sv,on\\nEtt LSG,2019-01-01\\n")
>>> _ = (folder / "scenarios" / "ett" / "operations.csv").write_text("step,operation,targets\\n1,end,lsg_trosa\\n")
>>> found, problems = read_scenarios(folder)
>>> found[0].id, found[0].on, found[0].operations[0].targets, problems
('ett', '2019-01-01', ('lsg_trosa',), [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsgmap.dataset.schema import Resource, Validator, default_schema, suggest, to_number
from lsgmap.dataset.tables import read_dataset_schema, read_table
from lsgmap.dates import PartialDate, day_to_iso, to_day
from lsgmap.errors import WARNING, Problem
from lsgmap.text import slug
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

__all__ = ["Scenario", "Operation", "read_scenarios", "scenario_problems", "SCENARIO_FOLDER", "ABOUT_FILE", "OPERATIONS_FILE",
           "OPERATIONS", "ID_PATTERN", "new_entity_ids"]

ABOUT_RESOURCE, OPERATIONS_RESOURCE = "scenario_about", "scenario_operations"
#: The folder of the proposals in a dataset, as the bundled descriptor has it.
SCENARIO_FOLDER = Path(default_schema().resources[ABOUT_RESOURCE].path).parts[0]
ABOUT_FILE = Path(default_schema().resources[ABOUT_RESOURCE].path).name
OPERATIONS_FILE = Path(default_schema().resources[OPERATIONS_RESOURCE].path).name
#: the operations a proposal may hold (the editing vocabulary)
OPERATIONS = ("merge", "split", "rename", "dissolve", "found", "end", "add", "transfer")
#: a scenario's id: its folder's name
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@dataclass(frozen=True)
class Operation:
    """One step of a proposal, as written in its row of ``operations.csv``."""

    step: int
    operation: str
    targets: tuple[str, ...] = ()
    name_sv: str = ""
    kind: str = ""
    to: str = ""
    note: str = ""
    line: int = 0

    def names(self) -> list[str]:
        """The new names an operation gives (a split gives several, ``;``-separated)."""
        return [n.strip() for n in self.name_sv.split(";") if n.strip()] if self.operation == "split" else [self.name_sv.strip()] if self.name_sv.strip() else []

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "operation": self.operation, "targets": list(self.targets), "name_sv": self.name_sv,
                "kind": self.kind, "to": self.to, "note": self.note}


@dataclass(frozen=True)
class Scenario:
    """A named, dated proposal: who proposed it and why, and its operations in order."""

    id: str
    title_sv: str
    on: str
    title_en: str = ""
    by: str = ""
    why: str = ""
    created: str = ""
    operations: tuple[Operation, ...] = field(default_factory=tuple)

    def title(self, lang: str = "sv") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_sv

    @property
    def day(self) -> int:
        """The first day the proposal would hold, as an ordinal."""
        return to_day(PartialDate.parse(self.on).first_day())

    @property
    def on_iso(self) -> str:
        return day_to_iso(self.day) or self.on

    @property
    def folder(self) -> str:
        return f"{SCENARIO_FOLDER}/{self.id}"


def _resources(dataset: Path) -> tuple[Resource, Resource]:
    own = read_dataset_schema(dataset, []).resources  # a broken descriptor is reported by load()
    bundled = default_schema().resources
    return tuple(own.get(name) or bundled[name] for name in (ABOUT_RESOURCE, OPERATIONS_RESOURCE))  # type: ignore[return-value]


def _valid_rows(root: Path, resource: Resource, file: str, problems: list[Problem]):
    validator = Validator(problems)
    table = read_table(root, resource, problems, file)
    bad = validator.check(table)
    return [row for i, row in enumerate(table.rows) if i not in bad]


def read_scenarios(dataset: str | Path) -> tuple[list[Scenario], list[Problem]]:
    """Every proposal in ``dataset``'s ``scenarios/`` folder (by id), and the problems met; never raises.

    A folder whose name is not an id, or without a valid ``scenario.csv`` row, is a problem and left out.
    """
    dataset = Path(dataset)
    base = dataset / SCENARIO_FOLDER
    problems: list[Problem] = []
    if not base.is_dir():
        return [], problems
    about_resource, ops_resource = _resources(dataset)
    found = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        rel = f"{SCENARIO_FOLDER}/{folder.name}"
        if not ID_PATTERN.fullmatch(folder.name):
            problems.append(Problem("scenario.bad_id", rel, None, folder.name))
            continue
        about_file = f"{rel}/{ABOUT_FILE}"
        if not (folder / ABOUT_FILE).is_file():
            problems.append(Problem("scenario.no_about", about_file, None, folder.name))
            continue
        rows = _valid_rows(dataset, about_resource, about_file, problems)
        if not rows:
            problems.append(Problem("scenario.no_about", about_file, None, folder.name))
            continue
        if len(rows) > 1:
            problems.append(Problem("scenario.about_rows", about_file, rows[1].line, folder.name, severity=WARNING))
        about = rows[0]
        ops_file = f"{rel}/{OPERATIONS_FILE}"
        ops = []
        if (folder / OPERATIONS_FILE).is_file():
            for row in _valid_rows(dataset, ops_resource, ops_file, problems):
                ops.append(Operation(int(to_number(row.get("step"), integer=True)), row.get("operation"),
                                     tuple(ops_resource.field("targets").items(row.get("targets"))),  # type: ignore[union-attr]
                                     row.get("name_sv"), row.get("kind"), row.get("to"), row.get("note"), row.line))
        found.append(Scenario(folder.name, about.get("title_sv"), about.get("on"), about.get("title_en"), about.get("by"),
                              about.get("why"), about.get("created"), tuple(sorted(ops, key=lambda o: o.step))))
    return found, problems


def new_entity_ids(op: Operation) -> list[str]:
    """The ids of the entities an operation adds (made from their names as the editing does).

    >>> new_entity_ids(Operation(1, "merge", ("a", "b"), "LSG Södra Sörmland"))
    ['lsg_sodra_sormland']
    """
    return [slug(n) for n in op.names()] if op.operation in {"merge", "split", "rename", "found"} else []


#: what each operation's targets must be: "entity", "relation" or "either"; and how many at least
_TARGETS = {"merge": ("entity", 2), "split": ("entity", 1), "rename": ("entity", 1), "dissolve": ("entity", 1), "found": ("entity", 0),
            "end": ("either", 1), "add": ("entity", 1), "transfer": ("relation", 1)}


def _operation_problems(structure: Any, scenario: Scenario, known: set[str]) -> list[Problem]:
    file = f"{scenario.folder}/{OPERATIONS_FILE}"
    out = []
    for op in scenario.operations:
        what, least = _TARGETS[op.operation]
        where = (file, op.line)
        if len(op.targets) < least:
            out.append(Problem("scenario.too_few_targets", *where, op.operation, {"count": least}, WARNING))
        for target in op.targets:
            is_entity, is_relation = target in known, target in structure.relations
            ok = is_entity if what == "entity" else is_relation if what == "relation" else (is_entity or is_relation)
            if not ok:
                pool = [*known] if what != "relation" else [*structure.relations]
                out.append(Problem("scenario.unknown_target", *where, target, {"field": "targets", "suggestion": suggest(target, pool)}, WARNING))
        if op.operation in {"merge", "rename", "found", "split"} and not op.names():
            out.append(Problem("scenario.no_name", *where, op.operation, {}, WARNING))
        if op.kind and op.operation != "add" and op.kind not in ENTITY_KINDS:
            out.append(Problem("scenario.unknown_kind", *where, op.kind, {"known": ", ".join(ENTITY_KINDS)}, WARNING))
        if op.operation == "add" and op.kind not in RELATION_KINDS:
            out.append(Problem("scenario.unknown_kind", *where, op.kind, {"known": ", ".join(RELATION_KINDS)}, WARNING))
        if op.operation in {"add", "transfer"} and op.to not in known:
            out.append(Problem("scenario.unknown_target", *where, op.to, {"field": "to", "suggestion": suggest(op.to, list(known))}, WARNING))
        known |= set(new_entity_ids(op))
    return out


def scenario_problems(structure: Any) -> list[Problem]:
    """The problems of every proposal of ``structure``'s dataset: the schema's rules (errors) and ids it cannot find (notes).

    >>> from lsgmap.dataset.load import BUNDLED_DATA, load
    >>> scenario_problems(load(BUNDLED_DATA))
    []
    """
    scenarios, problems = read_scenarios(structure.path)
    for scenario in scenarios:
        problems += _operation_problems(structure, scenario, set(structure.entities))
    return problems
