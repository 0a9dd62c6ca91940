"""A proposal applied: the real structure plus the proposal from its date, through the editing's own event machinery.

:func:`scenario_change` turns a scenario's operations into one
:class:`~lsgmap.edit.change.Change` with the same functions a real edit uses
(:func:`lsgmap.edit.events.record_event` for a merger, split, rename,
founding or dissolution, every relation it hands on accepted;
:func:`lsgmap.edit.operations.end_row` and ``add_row`` for the rest).
:func:`apply` writes that change to a temporary copy of the tables, loads it
and gives the :class:`~lsgmap.model.structure.Structure`; the real files are
never written. In the copy, every row the proposal adds or changes carries
the attribute ``proposal=<id>`` and cites the proposal itself (a source of
kind ``plan``: planned, never attested).

>>> from lsgmap.dataset.load import load
>>> from lsgmap.dataset.scenarios import Operation, Scenario
>>> real = load()
>>> one = Scenario("ett", "Ett LSG", "2019-01-01", operations=(
...     Operation(1, "merge", ("lsg_nykoping_oxelosund", "lsg_trosa_gnesta"), "LSG Södra Sörmland", "lsg"),))
>>> s = apply(real, one)
>>> [r.from_id for r in s.incoming("tris") if r.relation == "steers" and r.start >= s.scenario.day]
['lsg_sodra_sormland']
>>> "lsg_sodra_sormland" in real.entities, s.attestation("lsg_sodra_sormland").ever
(False, False)
"""

from __future__ import annotations

import copy
import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from lsgmap.dataset.load import load
from lsgmap.dataset.scenarios import Operation, Scenario
from lsgmap.dates import day_to_iso
from lsgmap.edit.change import Change, EditRefused, RowChange
from lsgmap.edit.dataset import Dataset
from lsgmap.edit.events import record_event
from lsgmap.edit.operations import add_row, end_row, new_id
from lsgmap.errors import Problem
from lsgmap.i18n import msg, t
from lsgmap.model.structure import Opening, Structure
from lsgmap.scenario.store import ScenarioError, get_scenario
from lsgmap.text import slug

__all__ = ["apply", "scenario_change", "proposal_source_id", "PROPOSAL_ATTRIBUTE", "proposed_ids", "proposal_note"]

#: the attribute each row of a proposal carries in the applied copy: ``proposal=<scenario id>``
PROPOSAL_ATTRIBUTE = "proposal"


def proposal_source_id(scenario: Scenario) -> str:
    """The id of the document and source the applied proposal cites (only in the copy).

    >>> proposal_source_id(Scenario("ett-lsg", "Ett LSG", "2019"))
    'forslag_ett_lsg'
    """
    return f"forslag_{slug(scenario.id)}"


def _scratch(ds: Dataset) -> Dataset:
    """A copy of ``ds`` whose tables can take rows in memory (nothing on disk)."""
    new = copy.copy(ds)
    new.files = {name: _table_copy(f) for name, f in ds.files.items()}
    return new


def _table_copy(f):
    """A table that takes rows without changing ``f``: its own list of records and index (the records are strings)."""
    new = copy.copy(f)
    new.header, new.records, new._index = list(f.header), list(f.records), dict(f._index)
    return new


def _put(ds: Dataset, rows: list[RowChange]) -> None:
    for rc in rows:
        ds.files[rc.table].put(rc.id, rc.after)


def _names(ds: Dataset, ids: tuple[str, ...] | list[str]) -> str:
    names = [(ds.row("entities", i) or {}).get("name_sv") or i for i in ids]
    return " och ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def _kind_of(ds: Dataset, op: Operation) -> str:
    if op.kind:
        return op.kind
    first = ds.row("entities", op.targets[0]) if op.targets else None
    return (first or {}).get("kind", "")


def _refuse(op: Operation, code: str, value: str, **params: Any) -> EditRefused:
    return EditRefused([Problem(code, "operations.csv", op.line or None, value, params)])


def _event(ds: Dataset, op: Operation, day: str, sources: list[str]) -> list[RowChange]:
    kind = {"merge": "merger", "split": "split", "rename": "rename", "dissolve": "dissolution", "found": "founding"}[op.operation]
    entity_kind = _kind_of(ds, op)
    new = [{"kind": entity_kind, "name_sv": name, "name_en": name} for name in op.names()]
    params = {"originals": _names(ds, op.targets), "results": " och ".join(n["name_sv"] for n in new)}
    event_id = new_id(ds, "events", name=f"ev_{op.operation}_" + (slug(new[0]["name_sv"]) if new else "_".join(op.targets)))
    draft = record_event(ds, kind, day, originals=list(op.targets), new_entities=new, event_id=event_id, name_sv=t(f"scenario.event.{op.operation}", "sv", **params),
                         name_en=t(f"scenario.event.{op.operation}", "en", **params), sources=sources, note=op.note)
    return draft.accept().rows


def _other_end(ds: Dataset, row: dict[str, str], to: str) -> tuple[str, str]:
    """(from_id, to_id) of ``row`` handed to ``to``: the end of the same kind as ``to``, else the acting end (from)."""
    kind = (ds.row("entities", to) or {}).get("kind")
    from_kind = (ds.row("entities", row["from_id"]) or {}).get("kind")
    to_kind = (ds.row("entities", row["to_id"]) or {}).get("kind")
    if kind == to_kind and kind != from_kind:
        return row["from_id"], to
    return to, row["to_id"]


def _operation(ds: Dataset, op: Operation, day: str, last_before: str, sources: list[str]) -> list[RowChange]:
    """The rows one operation adds or changes, on ``ds`` as the earlier operations left it."""
    if op.operation in {"merge", "split", "rename", "dissolve", "found"}:
        return _event(ds, op, day, sources)
    rows: list[RowChange] = []
    if op.operation == "end":
        for target in op.targets:
            table = "entities" if ds.row("entities", target) is not None else "relations" if ds.row("relations", target) is not None else ""
            if not table:
                raise _refuse(op, "edit.no_such_row", target, field="targets")
            rows += end_row(ds, table, target, last_before, sources=sources).rows
            _put(ds, rows[-1:])
        return rows
    if op.operation == "add":
        if not op.targets:
            raise _refuse(op, "scenario.too_few_targets", op.operation, count=1)
        for target in op.targets:
            values = {"from_id": target, "relation": op.kind, "to_id": op.to, "valid_from": day, "note": op.note}
            rows += add_row(ds, "relations", values, sources=sources).rows
            _put(ds, rows[-1:])
        return rows
    if op.operation == "transfer":
        if ds.row("entities", op.to) is None:
            raise _refuse(op, "scenario.unknown_target", op.to, field="to", suggestion="")
        for target in op.targets:
            row = ds.row("relations", target)
            if row is None:
                raise _refuse(op, "edit.no_such_row", target, field="targets")
            rows += end_row(ds, "relations", target, last_before, sources=sources).rows
            _put(ds, rows[-1:])
            frm, to = _other_end(ds, row, op.to)
            values = {**row, "id": "", "from_id": frm, "to_id": to, "valid_from": day, "valid_to": "", "derived_from": "",
                      "sources": "", "note": op.note or t("scenario.transferred_note", "sv", relation=target)}
            rows += add_row(ds, "relations", values, sources=sources).rows
            _put(ds, rows[-1:])
        return rows
    raise _refuse(op, "scenario.unknown_kind", op.operation, known=", ".join(("merge", "split", "rename", "dissolve", "found", "end", "add", "transfer")))


def _merged(rows: list[RowChange]) -> list[RowChange]:
    """One row change per row: the first ``before``, the last ``after`` (a row added, then ended, is added ended)."""
    out: dict[tuple[str, str], RowChange] = {}
    for rc in rows:
        key = (rc.table, rc.id)
        out[key] = RowChange(rc.table, rc.id, out[key].before, rc.after) if key in out else rc
    return list(out.values())


def scenario_change(ds: Dataset, scenario: Scenario, *, sources: list[str]) -> Change:
    """The scenario's operations as one change on ``ds`` (not saved): what adopting it would write.

    Raises :class:`~lsgmap.edit.change.EditRefused` (naming ``operations.csv`` and
    the line) when an operation cannot be made, and when ``sources`` is empty.
    """
    day = scenario.on_iso
    last_before = day_to_iso(scenario.day - 1) or ""
    work = _scratch(ds)
    rows: list[RowChange] = []
    for op in scenario.operations:
        made = _operation(work, op, day, last_before, list(sources))
        _put(work, made)
        rows += made
    return Change(_merged(rows), ds.version, list(sources))


def _with_attribute(values: dict[str, str] | None, scenario_id: str) -> dict[str, str] | None:
    if values is None or "attributes" not in values:
        return values
    have = [a for a in values["attributes"].split(";") if a.strip() and not a.startswith(PROPOSAL_ATTRIBUTE + "=")]
    return {**values, "attributes": ";".join([*have, f"{PROPOSAL_ATTRIBUTE}={scenario_id}"])}


def _proposal_rows(ds: Dataset, scenario: Scenario) -> list[RowChange]:
    """The document and the source (kind ``plan``) the applied proposal cites."""
    ident = proposal_source_id(scenario)
    doc = {"id": ident, "title": t("scenario.document_title", "sv", title=scenario.title_sv), "kind": "public",
           "date": day_to_iso(scenario.day - 1) or "", "note": scenario.why}
    source = {"id": ident, "document": ident, "quote": scenario.why or scenario.title_sv, "form": "paraphrase", "kind": "plan",
              "note": t("scenario.source_note", "sv", by=scenario.by or "?")}
    return [RowChange("documents", ident, None, {c: doc.get(c, "") for c in ds.files["documents"].header}),
            RowChange("sources", ident, None, {c: source.get(c, "") for c in ds.files["sources"].header})]


def proposed_ids(change: Change) -> frozenset[str]:
    """The entities, relations and events a change adds or changes."""
    return frozenset(rc.id for rc in change.rows if rc.table in {"entities", "relations", "events"})


def apply(structure: Structure, scenario: Scenario | str) -> Structure:
    """The structure ``structure`` with the proposal ``scenario`` (an id of its dataset, or a :class:`Scenario`) applied.

    The result is a new :class:`Structure` (its ``path`` the real folder's, so the
    stories and shipped documents are found; its ``default`` day the proposal's)
    with two more attributes: ``scenario`` (the :class:`Scenario`) and
    ``proposed`` (the ids of the entities, relations and events the proposal
    adds or changes). A question asked of it (``lsgmap.ask.ask(result, …)``)
    is answered on the proposal. Nothing is
    written to the dataset. Raises :class:`~lsgmap.scenario.store.ScenarioError`
    for an unknown id and :class:`~lsgmap.edit.change.EditRefused` for an
    operation that cannot be made.
    """
    if isinstance(scenario, str):
        scenario = get_scenario(structure.path, scenario)
    folder = Path(structure.path)
    ds = Dataset(folder)
    proposal = _proposal_rows(ds, scenario)
    work = _scratch(ds)
    _put(work, proposal)
    change = scenario_change(work, scenario, sources=[proposal_source_id(scenario)])
    marked = [RowChange(rc.table, rc.id, rc.before, _with_attribute(rc.after, scenario.id)) for rc in change.rows]
    _put(work, marked)
    digest = hashlib.sha1()
    with tempfile.TemporaryDirectory(prefix="lsgmap-scenario-") as tmp:
        copy_ = Path(tmp) / "data"
        copy_.mkdir()
        descriptor = folder / "datapackage.json"
        if descriptor.is_file():
            shutil.copyfile(descriptor, copy_ / "datapackage.json")
        for name, f in work.files.items():
            resource = ds.resources[name]
            data = f.to_bytes()
            digest.update(name.encode() + data)
            (copy_ / resource.path).parent.mkdir(parents=True, exist_ok=True)
            (copy_ / resource.path).write_bytes(data)
        result = load(copy_)
    result.path = folder
    result.version = f"{structure.version}+{scenario.id}-{digest.hexdigest()[:8]}"
    result.scenario = scenario  # type: ignore[attr-defined]
    result.proposed = proposed_ids(change)  # type: ignore[attr-defined]
    result.real_version = structure.version  # type: ignore[attr-defined]
    # questions and maps without a date open on the proposal's day (a cached property, set before first use)
    result.__dict__["default"] = Opening(scenario.day, "scenario", msg("date.default.scenario", title=scenario.title_sv, date=scenario.on_iso))
    return result


def error_of(exc: Exception, scenario: Scenario) -> ScenarioError | None:
    """An :class:`EditRefused` from applying ``scenario`` as a :class:`ScenarioError` naming its folder (None for others)."""
    if isinstance(exc, EditRefused):
        problems = [Problem(p.code, f"{scenario.folder}/{p.file}" if p.file == "operations.csv" else p.file, p.line, p.value, p.params)
                    for p in exc.problems]
        return ScenarioError(problems)
    return None


def proposal_note(structure: Structure, lang: str = "sv") -> str:
    """The first line of an answer given on an applied proposal ("" for the real structure): what ``ask --scenario`` says first.

    >>> from lsgmap.dataset.load import load
    >>> real = load()
    >>> proposal_note(real), proposal_note(apply(real, Scenario("x", "Ett LSG", "2019-01-01")), "en")
    ('', 'Answered on the proposal "Ett LSG" (from 2019-01-01), not on decided facts:')
    """
    scenario = getattr(structure, "scenario", None)
    if scenario is None:
        return ""
    return t("scenario.ask.first_line", lang, title=scenario.title(lang), date=scenario.on_iso)
