"""Shared fixtures: tiny datasets built from Python literals, and the bundled dataset.

Library tests use tiny graphs written by :func:`make_dataset` (CSV tables with
the real schema's columns, in a temporary folder) so that correcting the
bundled Sörmland data never breaks them. Only ``tests/test_sormland.py`` (and
the app and browser tests) assert facts of the bundled data.

Rows are dicts with the columns of ``lsgmap/dataset/datapackage.json``; every column
left out gets a default:

* an entity needs ``id`` and ``kind`` (``name_sv`` defaults to the id);
* a relation may be a dict or the string ``"from_id relation to_id"``
  (its ``id`` defaults to ``from_id.relation.to_id``);
* an event needs ``id``, ``kind``, ``date``; ``originals``/``results`` may be lists;
* a budget line needs ``relation``, ``year``, ``item_sv``, ``amount_tkr``;
* a conflict needs ``facts``;
* every fact without ``sources`` gets a source of its own, ``s_<id>``, quoting
  one default document ``doc`` (both written to the tables).

List values (``aliases``, ``sources``, ``originals`` …) may be Python lists.
"""

from __future__ import annotations

import copy
import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH, default_schema
from lsgmap.model.structure import Structure

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

#: The document every default source quotes.
DEFAULT_DOCUMENT = {"id": "doc", "title": "Testdokument", "kind": "seed", "reference": "test.txt", "date": "2016"}

Row = dict[str, Any]


def _columns() -> dict[str, list[str]]:
    return {r.name: r.columns for r in default_schema().resources.values() if not r.part}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _relation_row(spec: str | Row) -> Row:
    if isinstance(spec, str):
        from_id, relation, to_id = spec.split()
        spec = {"from_id": from_id, "relation": relation, "to_id": to_id}
    row = dict(spec)
    row.setdefault("id", f"{row['from_id']}.{row['relation']}.{row['to_id']}")
    return row


def write_dataset(
    folder: str | Path,
    *,
    entities: Iterable[Row] = (),
    relations: Iterable[str | Row] = (),
    events: Iterable[Row] = (),
    budget: Iterable[Row] = (),
    conflicts: Iterable[Row] = (),
    documents: Iterable[Row] = (),
    sources: Iterable[Row] = (),
    root: str | None = None,
) -> Path:
    """Write a dataset folder (the seven tables and a ``datapackage.json``) from row literals.

    ``root`` is written to the descriptor as ``"lsgmap:root"``; None leaves it undeclared.
    Returns the folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[Row]] = {
        "documents": [dict(r) for r in documents],
        "sources": [dict(r) for r in sources],
        "entities": [dict(r) for r in entities],
        "relations": [_relation_row(r) for r in relations],
        "events": [dict(r) for r in events],
        "budget": [dict(r) for r in budget],
        "conflicts": [dict(r) for r in conflicts],
    }
    for row in tables["entities"]:
        row.setdefault("name_sv", row["id"])
    for number, row in enumerate(tables["budget"], 1):
        row.setdefault("id", f"b{number}")
    for number, row in enumerate(tables["conflicts"], 1):
        row.setdefault("id", f"k{number}")
        row.setdefault("topic_sv", f"Källorna är oense ({number})")
    known_sources = {s["id"] for s in tables["sources"]}
    for name in ("entities", "relations", "events", "budget", "conflicts"):
        for row in tables[name]:
            if "sources" not in row:
                sid = f"s_{row['id']}"
                row["sources"] = sid
                if sid not in known_sources:
                    known_sources.add(sid)
                    tables["sources"].append({"id": sid, "document": "doc", "quote": f"Citat om {row['id']}", "locator": "s. 1"})
    if not any(d["id"] == DEFAULT_DOCUMENT["id"] for d in tables["documents"]):
        tables["documents"].insert(0, dict(DEFAULT_DOCUMENT))
    columns = _columns()
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns[name])
            for row in rows:
                unknown = set(row) - set(columns[name])
                assert not unknown, f"{name}: no such column {sorted(unknown)}"
                writer.writerow([_cell(row.get(c)) for c in columns[name]])
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    if root is not None:
        descriptor["lsgmap:root"] = root
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def make_dataset(folder: str | Path, **tables: Any) -> Structure:
    """:func:`write_dataset`, then :func:`~lsgmap.dataset.load.load` it (asserting it loads without errors)."""
    structure = load(write_dataset(folder, **tables))
    assert not structure.errors, [p.render("en") if hasattr(p, "render") else p for p in structure.errors]
    return structure


# -- ready-made tiny structures ----------------------------------------------------------------

#: Two LSGs (Alfa, Beta) merge into LSG Alfa-Beta on 2017-01-01 (decided 2016-10-13/2016-12-31);
#: project P is steered by both, then by the merged group; the association SF is at the root;
#: ESF (a funder) funds project Q; SF funds and employs the process leader (budget lines per year);
#: Anna Andersson holds the process leader role; two county bodies merge into a region on 2019-01-01.
MERGER = {
    "entities": [
        {"id": "sf", "kind": "association", "name_sv": "Samordningsförbundet Test", "name_en": "Test coordination association",
         "short_name": "SF", "valid_from": "2005"},
        {"id": "fk", "kind": "agency", "name_sv": "Försäkringskassan", "short_name": "FK"},
        {"id": "landsting", "kind": "region", "name_sv": "Landstinget", "name_en": "County council", "valid_to": "2018-12-31"},
        {"id": "regionforbund", "kind": "region", "name_sv": "Regionförbundet", "name_en": "Regional association", "valid_to": "2018-12-31"},
        {"id": "region", "kind": "region", "name_sv": "Regionen", "name_en": "The region", "valid_from": "2019-01-01"},
        {"id": "esf", "kind": "funder", "name_sv": "Europeiska socialfonden", "name_en": "European Social Fund", "short_name": "ESF"},
        {"id": "lsg_alfa", "kind": "lsg", "name_sv": "LSG Alfa", "valid_to": "2016-12-31"},
        {"id": "lsg_beta", "kind": "lsg", "name_sv": "LSG Beta", "valid_to": "2016-12-31"},
        {"id": "lsg_alfa_beta", "kind": "lsg", "name_sv": "LSG Alfa-Beta", "valid_from": "2017-01-01"},
        {"id": "lsg_gamma", "kind": "lsg", "name_sv": "LSG Gamma"},
        {"id": "kommun_alfa", "kind": "municipality", "name_sv": "Alfa kommun", "name_en": "Alfa Municipality"},
        {"id": "kommun_beta", "kind": "municipality", "name_sv": "Beta kommun", "name_en": "Beta Municipality"},
        {"id": "kommun_gamma", "kind": "municipality", "name_sv": "Gamma kommun", "name_en": "Gamma Municipality"},
        {"id": "p", "kind": "project", "name_sv": "Projekt P – Pröva", "name_en": "Project P – Try", "short_name": "P"},
        {"id": "q", "kind": "project", "name_sv": "Projekt Q", "name_en": "Project Q", "short_name": "Q",
         "valid_from": "2016-03-01", "valid_to": "2018-12-31"},
        {"id": "kort", "kind": "project", "name_sv": "Kort insats", "name_en": "Short effort", "short_name": "Kort"},
        {"id": "ledare", "kind": "role", "name_sv": "Processledare Test", "name_en": "Process leader Test",
         "valid_from": "2016-07-01", "valid_to": "2018-06-30"},
        {"id": "ordf_alfa", "kind": "role", "name_sv": "Ordförande LSG Alfa", "name_en": "Chair LSG Alfa", "valid_to": "2016-12-31"},
        {"id": "anna", "kind": "person", "name_sv": "Anna Andersson"},
        {"id": "uppdrag_alfa", "kind": "assignment", "name_sv": "Utred ungdomars behov", "name_en": "Study the needs of young people",
         "valid_from": "2016-11-01"},
        {"id": "uppdrag_alla", "kind": "assignment", "name_sv": "Förslag på struktur", "name_en": "Proposal for a structure",
         "valid_from": "2016-12-01"},
    ],
    "relations": [
        "fk member_of sf",
        {"id": "landsting.member_of.sf", "from_id": "landsting", "relation": "member_of", "to_id": "sf"},
        "regionforbund member_of sf",
        {"id": "region.member_of.sf", "from_id": "region", "relation": "member_of", "to_id": "sf", "valid_from": "2019-01-01",
         "derived_from": "ev_region"},
        "kommun_alfa member_of sf",
        "kommun_beta member_of sf",
        "kommun_gamma member_of sf",
        "lsg_alfa covers kommun_alfa",
        "lsg_beta covers kommun_beta",
        {"from_id": "lsg_alfa_beta", "relation": "covers", "to_id": "kommun_alfa", "valid_from": "2017-01-01", "derived_from": "ev_merge"},
        {"from_id": "lsg_alfa_beta", "relation": "covers", "to_id": "kommun_beta", "valid_from": "2017-01-01", "derived_from": "ev_merge"},
        "lsg_gamma covers kommun_gamma",
        # project P: steered by both LSGs (no dates: clipped to their lives), then by the merged one
        "lsg_alfa steers p",
        "lsg_beta steers p",
        {"from_id": "lsg_alfa_beta", "relation": "steers", "to_id": "p", "valid_from": "2017-01-01", "derived_from": "ev_merge",
         "sources": ["s_ev_merge", "s_lsg_alfa.steers.p"]},
        "lsg_gamma steers p",
        "lsg_gamma owns p",
        "sf funds p",
        # project Q: owned by SF, steered by LSG Gamma, funded by ESF
        "sf owns q",
        "lsg_gamma steers q",
        {"from_id": "esf", "relation": "funds", "to_id": "q", "attributes": {"share": "67 %"}},
        # a link that holds only for the status report's period
        {"from_id": "lsg_gamma", "relation": "steers", "to_id": "kort", "valid_from": "2016-10-13", "valid_to": "2016-12-31"},
        # the process leader
        {"id": "sf.funds.ledare", "from_id": "sf", "relation": "funds", "to_id": "ledare", "valid_from": "2016-07-01", "valid_to": "2018-06-30"},
        {"id": "sf.funds.ledare.2", "from_id": "sf", "relation": "funds", "to_id": "ledare", "valid_from": "2016-10", "valid_to": "2018-10"},
        {"from_id": "sf", "relation": "employs", "to_id": "ledare", "valid_from": "2016-07-01", "valid_to": "2018-06-30"},
        {"from_id": "lsg_alfa", "relation": "commissions", "to_id": "ledare", "valid_from": "2016-10"},
        {"from_id": "lsg_beta", "relation": "commissions", "to_id": "ledare", "valid_from": "2016-10"},
        {"from_id": "lsg_gamma", "relation": "commissions", "to_id": "ledare", "valid_from": "2016-10"},
        {"from_id": "lsg_alfa_beta", "relation": "commissions", "to_id": "ledare", "valid_from": "2017-01-01", "derived_from": "ev_merge"},
        {"from_id": "ledare", "relation": "reports_to", "to_id": "lsg_alfa", "valid_from": "2016-07-01"},
        {"from_id": "ledare", "relation": "reports_to", "to_id": "sf", "valid_from": "2016-07-01"},
        {"from_id": "anna", "relation": "holds", "to_id": "ledare", "valid_from": "2016-10"},
        "ordf_alfa chairs lsg_alfa",
        # assignments given in the autumn of 2016
        "lsg_alfa assigns uppdrag_alfa",
        "uppdrag_alfa assigned_to ledare",
        "lsg_alfa assigns uppdrag_alla",
        "lsg_beta assigns uppdrag_alla",
        "lsg_gamma assigns uppdrag_alla",
        "uppdrag_alla assigned_to ledare",
    ],
    "events": [
        {"id": "ev_founding", "kind": "founding", "date": "2005-01-01", "name_sv": "Förbundet bildas", "name_en": "The association is founded",
         "results": ["sf"]},
        {"id": "ev_merge", "kind": "merger", "date": "2017-01-01", "decided": "2016-10-13/2016-12-31",
         "name_sv": "LSG Alfa och LSG Beta slås samman", "name_en": "LSG Alfa and LSG Beta merge",
         "originals": ["lsg_alfa", "lsg_beta"], "results": ["lsg_alfa_beta"]},
        {"id": "ev_region", "kind": "merger", "date": "2019-01-01", "name_sv": "Regionen bildas", "name_en": "The region is formed",
         "originals": ["landsting", "regionforbund"], "results": ["region"]},
    ],
    "budget": [
        {"relation": "sf.funds.ledare", "year": 2016, "item_sv": "Lön", "item_en": "Salary", "amount_tkr": 401},
        {"relation": "sf.funds.ledare", "year": 2016, "item_sv": "Resor", "item_en": "Travel", "amount_tkr": 30},
        {"relation": "sf.funds.ledare", "year": 2017, "item_sv": "Lön", "item_en": "Salary", "amount_tkr": 801},
        {"relation": "sf.funds.ledare", "year": 2017, "item_sv": "Resor", "item_en": "Travel", "amount_tkr": 58},
        {"relation": "sf.funds.ledare", "year": 2018, "item_sv": "Lön", "item_en": "Salary", "amount_tkr": 431},
    ],
    "conflicts": [{"facts": ["ledare", "sf.funds.ledare", "sf.funds.ledare.2"], "topic_en": "The sources disagree on the end date"}],
}

#: The merger's day and a day on either side of it.
BEFORE, MERGER_DAY, AFTER = "2016-12-01", "2017-01-01", "2017-03-01"


@pytest.fixture(scope="session")
def merger_dir(tmp_path_factory) -> Path:
    """The folder of the :data:`MERGER` dataset (root declared: ``sf``; do not modify)."""
    return write_dataset(tmp_path_factory.mktemp("merger"), root="sf", **MERGER)


@pytest.fixture(scope="session")
def merger(merger_dir) -> Structure:
    """The :data:`MERGER` tiny structure (do not mutate)."""
    structure = load(merger_dir)
    assert not structure.errors, structure.errors
    return structure


@pytest.fixture
def merger_tables() -> dict[str, list]:
    """A fresh copy of the :data:`MERGER` rows, to extend in a test and build with ``tiny``."""
    return copy.deepcopy(MERGER)


@pytest.fixture
def tiny(tmp_path):
    """Build a tiny structure in this test's tmp folder: ``tiny(entities=[...], relations=[...], ...)``."""
    count = iter(range(1_000_000))

    def build(**tables: Any) -> Structure:
        return make_dataset(tmp_path / f"data{next(count)}", **tables)

    return build


# -- the bundled data (end-to-end tests only: tests/test_sormland.py) ----------------------------


@pytest.fixture(scope="session")
def sormland():
    """The bundled Sörmland structure (do not mutate)."""
    return load(BUNDLED_DATA)


@pytest.fixture(scope="session")
def bad_data_dir() -> Path:
    return TESTS / "data"


@pytest.fixture
def check_golden():
    """Compare data with tests/golden/NAME; rewrite the file when LSGMAP_UPDATE_GOLDEN=1."""

    def compare(name: str, data: object) -> None:
        path = TESTS / "golden" / name
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if os.environ.get("LSGMAP_UPDATE_GOLDEN") == "1":
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{name} is missing; create it with LSGMAP_UPDATE_GOLDEN=1"
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), f"{name} differs; rerun with LSGMAP_UPDATE_GOLDEN=1 if intended"

    return compare
