"""Datasets to edit: a copy of the bundled one, and the same without the Trosa–Gnesta merger."""

from __future__ import annotations

import shutil
from pathlib import Path

from lsgmap.dataset.load import BUNDLED_DATA
from lsgmap.edit.csvfile import CsvFile

MERGER = "ev_sammanslagning_trosa_gnesta"
SUCCESSOR = "lsg_trosa_gnesta"
PREDECESSORS = ["lsg_trosa", "lsg_gnesta"]
#: what a person types to record the merger (the bundled rows' own words)
MERGER_FORM = {
    "kind": "merger",
    "day": "2017-01-01",
    "decided": "2016-10-13/2016-12-31",
    "name_sv": "LSG Trosa och LSG Gnesta slås samman",
    "name_en": "LSG Trosa and LSG Gnesta merge",
    "sources": ["ls_sammanslagning"],
    "successor": {"kind": "lsg", "name_sv": "LSG Trosa-Gnesta", "name_en": "LSG Trosa-Gnesta"},
}
#: the relations the bundled data derives from the merger, as (from, relation, to)
DERIVED = {
    ("lsg_trosa_gnesta", "covers", "kommun_trosa"),
    ("lsg_trosa_gnesta", "covers", "kommun_gnesta"),
    ("lsg_trosa_gnesta", "steers", "tris"),
    ("lsg_trosa_gnesta", "commissions", "processledare"),
    ("processledare", "reports_to", "lsg_trosa_gnesta"),
}


def copy_bundled(tmp_path: Path, name: str = "data") -> Path:
    folder = tmp_path / name
    shutil.copytree(BUNDLED_DATA, folder)
    return folder


def _edit(folder: Path, table: str, edit) -> None:
    path = folder / f"{table}.csv"
    f = CsvFile.parse(path.read_bytes())
    edit(f)
    path.write_bytes(f.to_bytes())


def without_merger(tmp_path: Path) -> Path:
    """The bundled data as it stood before anyone recorded the merger: no event, no successor, predecessors open-ended."""
    folder = copy_bundled(tmp_path, "before-merger")

    def relations(f: CsvFile) -> None:
        for row in f.rows():
            if row["derived_from"] == MERGER or SUCCESSOR in (row["from_id"], row["to_id"]):
                f.put(row["id"], None)

    def entities(f: CsvFile) -> None:
        f.put(SUCCESSOR, None)
        for p in PREDECESSORS:
            f.put(p, {**f.values(p), "valid_to": ""})

    _edit(folder, "relations", relations)
    _edit(folder, "entities", entities)
    _edit(folder, "events", lambda f: f.put(MERGER, None))
    for story in (folder / "stories").glob("*.csv"):  # stories that name the successor come later too
        if SUCCESSOR in story.read_text(encoding="utf-8"):
            story.unlink()
    folder / "stories" / "index.csv"
    kept = {p.stem for p in (folder / "stories").glob("*.csv")}
    _edit(folder / "stories", "index", lambda f: [f.put(i, None) for i in f.ids() if i not in kept])
    return folder


def structure_on(folder: Path, day: str):
    """Nodes and relations (as from, relation, to, valid_from, valid_to, derived?) on ``day``."""
    from lsgmap.dataset.load import load

    s = load(folder)
    snap = s.snapshot(on=day)
    edges = set()
    for rid in snap.edge_keys:
        r = s.relations[rid]
        edges.add((r.from_id, r.relation, r.to_id, r.valid_from or "", r.valid_to or "", bool(r.derived_from)))
    return set(snap.node_ids), edges
