"""A copy of a dataset without one document: the document, its passages, and every fact that rests only on them.

This is how the reader is measured: ``intake`` of the status report against the bundled
data *without* the status report should propose again what was removed.

- the document's row and its shipped text go; so do its passages (``sources.csv``);
- an entity, relation, event, budget line or conflict citing only those passages goes;
  one citing others too keeps the others;
- what then points at something gone goes too (a relation whose end went, an event whose
  original or result went, a derived relation whose event went), until nothing changes;
- a conflict's list of facts loses the ids that went.

>>> import tempfile, pathlib
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> out = pathlib.Path(tempfile.mkdtemp()) / "d"
>>> removed = without_document(BUNDLED_DATA, "lagesrapport_2016", out)
>>> "r048" in removed["relations"], "r031" in removed["relations"], load(out).errors
(True, False, [])
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

__all__ = ["without_document"]

_LIST = ";"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _ids(value: str) -> list[str]:
    return [x for x in (value or "").split(_LIST) if x.strip()]


def _points_at_removed(table: str, row: dict[str, str], removed: dict[str, set[str]], gone_facts: set[str]) -> bool:
    """Whether ``row`` points at something removed: a relation's end or event, an event's entity, a budget line's relation, all a conflict's facts."""
    if table == "relations":
        return row["from_id"] in removed["entities"] or row["to_id"] in removed["entities"] or row.get("derived_from") in removed["events"]
    if table == "events":
        return bool(set(_ids(row.get("originals", "")) + _ids(row.get("results", ""))) & removed["entities"])
    if table == "budget":
        return row.get("relation") in removed["relations"]
    if table == "conflicts":
        facts = _ids(row.get("facts", ""))
        return bool(facts) and all(f in gone_facts for f in facts)
    return False


def without_document(folder: str | Path, document_id: str, out: str | Path) -> dict[str, set[str]]:
    """Copy ``folder`` to ``out`` without ``document_id`` and what rests only on it; the removed ids by table."""
    folder, out = Path(folder), Path(out)
    shutil.copytree(folder, out, ignore=shutil.ignore_patterns(".lsgmap.lock", "changes.csv", "stories"))  # stories point at what goes
    tables = {name: _read(out / f"{name}.csv") for name in ("documents", "sources", "entities", "relations", "events", "budget", "conflicts")
              if (out / f"{name}.csv").is_file()}
    removed: dict[str, set[str]] = {name: set() for name in tables}
    docs = tables["documents"][1]
    gone_doc = [d for d in docs if d["id"] == document_id]
    if not gone_doc:
        raise KeyError(document_id)
    removed["documents"].add(document_id)
    reference = gone_doc[0].get("reference", "")
    if reference and (out / "documents" / reference).is_file():
        (out / "documents" / reference).unlink()
    gone_sources = {s["id"] for s in tables["sources"][1] if s["document"] == document_id}
    removed["sources"] |= gone_sources

    def cited(row: dict[str, str]) -> list[str]:
        return _ids(row.get("sources", ""))

    changed = True
    while changed:
        changed = False
        gone_facts = removed["entities"] | removed["relations"] | removed["events"]
        for name, (_, rows) in tables.items():
            if name in ("documents", "sources"):
                continue
            for row in rows:
                key = row.get("id") or f"{row.get('relation')}|{row.get('year')}|{row.get('item_sv')}"
                if key in removed[name]:
                    continue
                sources = cited(row)
                rests_only = bool(sources) and all(s in gone_sources for s in sources)
                points = _points_at_removed(name, row, removed, gone_facts)
                if rests_only or points:
                    removed[name].add(key)
                    changed = True
    for name, (header, rows) in tables.items():
        keep = []
        for row in rows:
            key = row.get("id") or f"{row.get('relation')}|{row.get('year')}|{row.get('item_sv')}"
            if key in removed[name] or (name == "documents" and row["id"] == document_id) or (name == "sources" and row["id"] in gone_sources):
                continue
            if "sources" in row:
                row["sources"] = _LIST.join(s for s in cited(row) if s not in gone_sources)
            if name == "conflicts":
                gone = removed["entities"] | removed["relations"] | removed["events"]
                row["facts"] = _LIST.join(f for f in _ids(row.get("facts", "")) if f not in gone)
            keep.append(row)
        _write(out / f"{name}.csv", header, keep)
    return removed
