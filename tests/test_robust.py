"""Issue 12's reproducers: data that once gave a traceback, each now a problem with FILE:LINE (or harmless).

Each broken dataset goes through the loader, ``check``, every CLI command in
process and every app page through AppTest; nothing may raise.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from robust_kit import run_library_and_cli, run_pages

from lsgmap.app.common import _file_stamp, date_span
from lsgmap.cli import main
from lsgmap.dataset.checks import check, errors_of
from lsgmap.dataset.load import dataset_version, load
from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH

DATA = Path(__file__).resolve().parent / "data"

# broken dataset: problems (file, line, code) that check must report (others may come too)
REPRODUCERS = {
    "two_ids_in_cell": [
        ("sources.csv", "2", "id.unknown"),
        ("relations.csv", "2", "id.unknown"),
        ("budget.csv", "2", "id.unknown"),
    ],
    "budget_year_inf": [("budget.csv", "2", "number.invalid"), ("budget.csv", "3", "number.invalid")],
    "valid_to_9999": [("entities.csv", "2", "date.invalid"), ("relations.csv", "2", "date.invalid")],
    "far_dates": [("entities.csv", "2", "date.far"), ("entities.csv", "7", "date.far")],
    "duplicated_header": [("relations.csv", "1", "table.column_duplicate")],
}


@pytest.mark.parametrize("name", sorted(REPRODUCERS))
def test_reproducer_is_a_problem_not_a_crash(name):
    found = run_library_and_cli(DATA / name)
    for expected in REPRODUCERS[name]:
        assert expected in found, (expected, found)
    assert main(["check", "--data", str(DATA / name)]) == 1


@pytest.mark.slow  # AppTest runs of every app page
@pytest.mark.parametrize("name", sorted(REPRODUCERS))
def test_reproducer_on_every_page(name, monkeypatch):
    run_pages(monkeypatch, DATA / name)


def test_a_duplicated_column_keeps_the_first_and_the_end_dates():
    s = load(DATA / "duplicated_header")
    assert s.relations["r4"].valid_to == load(DATA / "valid").relations["r4"].valid_to != ""


def test_a_year_of_9999_leaves_the_row_out_and_the_rest_loads():
    s = load(DATA / "valid_to_9999")
    assert "r1" not in s.relations and "rar" not in s.entities and "r2" in s.relations


def test_the_date_controls_keep_to_the_data():
    first, last = date_span(load(DATA / "far_dates"))
    assert 1900 < first.year <= 2016 and last.year < 2100


def test_the_problems_of_a_broken_value_say_the_value_and_how_to_fix_it():
    p = next(p for p in check(load(DATA / "budget_year_inf")) if p.code == "number.invalid")
    assert p.render("en").startswith('budget.csv:2: ') and '"inf"' in p.render("en")


# -- the schema ---------------------------------------------------------------------------------

BAD_FIELDS = [
    {"constraints": "yes"},
    {"constraints": ["required"]},
    {"constraints": {"enum": 5}},
    {"constraints": {"pattern": 3}},
    {"constraints": {"pattern": "(unclosed"}},
    {"type": 7},
    {"type": "list", "delimiter": 5},
    {"type": "list", "delimiter": ""},
    {"lsgmap:vocabulary": ["entity_kinds"]},
    {"lsgmap:codes": "value.enum"},
]


@pytest.mark.parametrize("change", BAD_FIELDS, ids=[json.dumps(c) for c in BAD_FIELDS])
def test_a_malformed_schema_field_is_a_problem(tmp_path, change):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][1].update(change)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    found = run_library_and_cli(folder, [["check"], ["snapshot"], ["timeline"]])
    assert ("datapackage.json", "None", "schema.invalid") in found


@pytest.mark.parametrize("text", ["[]", "null", '{"resources": 5}', '{"resources": [5]}', '{"resources": [{"name": "x", "schema": {"fields": [], "foreignKeys": 5}}]}', "[" * 100000])
def test_a_descriptor_of_any_shape_is_a_problem(tmp_path, text):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    found = run_library_and_cli(folder, [["check"], ["snapshot"]])
    assert ("datapackage.json", "None", "schema.invalid") in found


# -- files that cannot be read ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["entities.csv", "datapackage.json", "stories/index.csv", "stories/a.csv"])
def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path, monkeypatch, name):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    shutil.copy(DEFAULT_SCHEMA_PATH, folder / "datapackage.json")
    (folder / "stories").mkdir()
    (folder / "stories" / "index.csv").write_text("id,title_sv\n", encoding="utf-8")
    (folder / "stories" / "a.csv").write_text("x\n", encoding="utf-8")
    unreadable = (folder / name).resolve()
    import os

    real_open = os.open

    def refuse(path, *args, **kwargs):  # every file of a dataset is opened by lsgmap.dataset.files with os.open
        if Path(path).resolve() == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    version = dataset_version(folder)
    assert version and _file_stamp(folder) == version
    found = run_library_and_cli(folder, [["check"], ["snapshot"], ["timeline"], ["report", "--from", "2016", "--to", "2017"]])
    assert any(file == name and code in ("table.unreadable", "schema.invalid") for file, _, code in found), found


def test_a_folder_in_place_of_a_story(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    (folder / "stories" / "index.csv").mkdir(parents=True)
    run_library_and_cli(folder, [["check"], ["snapshot"]])


def test_the_app_stamp_follows_the_content(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "entities.csv"
    before, info = _file_stamp(folder), path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("LSG A,LSG A", "LSG X,LSG X"), encoding="utf-8")  # same size
    import os

    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # same modification time
    assert _file_stamp(folder) != before
    assert errors_of(check(load(folder))) == []


def test_after_a_multi_line_cell_the_row_is_the_spreadsheet_row_and_the_file_line_is_said(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    (folder / "sources.csv").write_text(
        'id,document,quote,locator,note\ns1,doc,"Ett\ncitat\növer rader.",,\ns2,nodoc,Två.,,\n', encoding="utf-8"
    )
    p = next(p for p in load(folder).problems if p.code == "id.unknown")
    assert p.line == 3
    assert p.render("en").startswith('sources.csv:3: document refers to an unknown id ("nodoc") (line 5 in the file)')
    assert "(rad 5 i filen)" in p.render("sv")
