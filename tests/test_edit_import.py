"""Spreadsheet round trip: export, import with no edits = no change; one rename = one changed row and one log row."""

from __future__ import annotations

import json
import subprocess
import sys

from edit_kit import copy_bundled
from openpyxl import load_workbook

from lsgmap.cli import main
from lsgmap.dataset.load import load
from lsgmap.edit import Dataset
from lsgmap.edit.importing import read_path, read_upload
from lsgmap.edit.operations import change_row
from lsgmap.exchange.workbook import to_workbook


def _workbook(folder, path):
    path.write_bytes(to_workbook(load(folder)))
    return path


def _rename(path, table, row_id, column, value, out):
    wb = load_workbook(path)
    ws = wb[table]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == row_id:
            row[header.index(column)].value = value
            break
    wb.save(out)
    return out


def test_round_trip_gives_no_change(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    book = _workbook(folder, tmp_path / "data.xlsx")
    assert main(["import", str(book), "--data", str(folder), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changes"] == [] and report["counts"] == {"added": 0, "changed": 0, "removed": 0} and report["ok"]


def test_a_renamed_entity_is_one_changed_row_and_one_log_row(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    book = _rename(_workbook(folder, tmp_path / "data.xlsx"), "entities", "tuna", "name_sv", "TUNA – nytt namn", tmp_path / "edited.xlsx")
    assert main(["import", str(book), "--data", str(folder), "--json", "--who", "Ida"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(c["table"], c["id"], c["action"]) for c in report["changes"]] == [("entities", "tuna", "changed")]
    assert report["changes"][0]["fields"] == {"name_sv": [load(copy_bundled(tmp_path, "orig")).entities["tuna"].name_sv, "TUNA – nytt namn"]}
    log = Dataset(folder).log()
    assert len(log) == 1 and log[0]["row"] == "tuna" and log[0]["who"] == "Ida"
    changed = [n for n, data in before.items() if (folder / n).read_bytes() != data]
    assert changed == ["entities.csv"]
    assert load(folder).entities["tuna"].name_sv == "TUNA – nytt namn"
    # and the same workbook again changes nothing more
    assert main(["import", str(book), "--data", str(folder), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []


def test_problems_are_placed_at_sheet_and_row(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    book = _rename(_workbook(folder, tmp_path / "data.xlsx"), "relations", "r014", "to_id", "kommun_trossa", tmp_path / "bad.xlsx")
    before = (folder / "relations.csv").read_bytes()
    assert main(["import", str(book), "--data", str(folder)]) == 1
    out = capsys.readouterr().out
    row = next(i for i, r in enumerate(load_workbook(book)["relations"].iter_rows(values_only=True), start=1) if r[0] == "r014")
    assert f"relations!{row}" in out and "kommun_trossa" in out and "kommun_trosa" in out  # where, what, and a suggestion
    assert (folder / "relations.csv").read_bytes() == before


def test_swedish_excel_csv_imports(tmp_path):
    folder = copy_bundled(tmp_path)
    ds = Dataset(folder)
    rows = [";".join(ds.files["entities"].header)]
    for r in ds.rows("entities"):
        if r["id"] == "ibis":
            r = {**r, "name_sv": "IBIS – Individ, Behov, Integration, Samverkan (ändrad)"}
        rows.append(";".join(f'"{v}"' if ";" in v or '"' in v else v for v in (r[c].replace('"', '""') for c in ds.files["entities"].header)))
    data = ("\r\n".join(rows) + "\r\n").encode("cp1252")
    imported = read_upload(ds, "entities.csv", data)
    assert imported.problems == []
    assert [(r.id, r.fields_changed()) for r in imported.change.rows] == [("ibis", ["name_sv"])]


def test_an_unknown_csv_name_and_a_broken_file_are_problems_not_crashes(tmp_path):
    ds = Dataset(copy_bundled(tmp_path))
    assert read_upload(ds, "entites.csv", b"id\nx\n").problems[0].code == "import.unknown_table"
    assert "entities" in read_upload(ds, "entites.csv", b"id\nx\n").problems[0].render("sv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert read_path(ds, broken).problems[0].code == "import.unreadable"


def test_cli_import_of_a_missing_file_is_usage_error(tmp_path):
    folder = copy_bundled(tmp_path)
    r = subprocess.run([sys.executable, "-m", "lsgmap.cli", "import", str(tmp_path / "nope.xlsx"), "--data", str(folder)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "nope.xlsx" in r.stderr and "Traceback" not in r.stderr


def test_log_and_undo_from_the_cli(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    book = _rename(_workbook(folder, tmp_path / "d.xlsx"), "entities", "tuna", "name_en", "TUNA (en)", tmp_path / "e.xlsx")
    assert main(["import", str(book), "--data", str(folder), "--who", "Ida"]) == 0
    assert main(["undo", "--data", str(folder), "--who", "Per"]) == 0
    assert main(["log", "--data", str(folder), "--json"]) == 0
    out = capsys.readouterr().out
    log = json.loads(out[out.index("["):])
    assert [r["change"] for r in log] == ["c0001", "c0002"] and log[1]["undoes"] == "c0001"
    assert load(folder).entities["tuna"].name_en == load(copy_bundled(tmp_path, "o")).entities["tuna"].name_en


def test_a_workbook_from_an_older_version_keeps_changes_saved_since(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    book = _workbook(folder, tmp_path / "old.xlsx")  # Ida exports …
    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "ibis", {"name_en": "IBIS (Per)"}, sources=["pub_ibis"]), who="Per", why="Per's edit")
    mine = _rename(book, "entities", "tuna", "name_en", "TUNA (Ida)", tmp_path / "mine.xlsx")
    assert main(["import", str(mine), "--data", str(folder), "--json"]) == 0  # … and imports after Per saved
    report = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in report["changes"]] == ["tuna"]  # Per's row is not reverted
    s = load(folder)
    assert (s.entities["tuna"].name_en, s.entities["ibis"].name_en) == ("TUNA (Ida)", "IBIS (Per)")


def test_a_workbook_editing_a_row_changed_since_is_refused_at_that_row(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    book = _workbook(folder, tmp_path / "old.xlsx")
    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "tuna", {"name_en": "TUNA (Per)"}, sources=["ls_projekt_tuna"]), who="Per", why="Per's edit")
    mine = _rename(book, "entities", "tuna", "name_en", "TUNA (Ida)", tmp_path / "mine.xlsx")
    assert main(["import", str(mine), "--data", str(folder)]) == 1
    out = capsys.readouterr().out
    row = next(i for i, r in enumerate(load_workbook(mine)["entities"].iter_rows(values_only=True), start=1) if r[0] == "tuna")
    assert f"entities!{row}" in out and "name_en" in out
    assert load(folder).entities["tuna"].name_en == "TUNA (Per)"


def test_a_self_relation_in_an_uploaded_table_is_refused(tmp_path):
    from lsgmap.edit.importing import validate

    folder = copy_bundled(tmp_path)
    table = tmp_path / "relations.csv"
    text = (folder / "relations.csv").read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    row = dict.fromkeys(header, "")
    row.update({"id": "r999", "from_id": "tris", "relation": "steers", "to_id": "tris", "sources": "an_gnesta_trosa"})
    table.write_text(text + ",".join(row[c] for c in header) + "\n", encoding="utf-8")
    ds = Dataset(folder)
    imported = read_path(ds, table)
    assert [(r.table, r.id, r.action) for r in imported.change.rows] == [("relations", "r999", "added")]
    import pytest

    from lsgmap.edit import EditRefused

    with pytest.raises(EditRefused) as refused:
        validate(ds, imported)
    assert [p.code for p in refused.value.problems] == ["check.self_relation"]
    assert "relations!" in refused.value.problems[0].where  # placed at the sheet's row
