"""Reading tables: encodings, delimiters, line numbers, broken files — never raising."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lsgmap.dataset.load import load
from lsgmap.dataset.tables import read_dataset

DATA = Path(__file__).resolve().parent / "data"


def codes(raw):
    return [(p.code, p.file, p.line) for p in raw.problems]


def test_valid_dataset_reads_cleanly():
    raw = read_dataset(DATA / "valid")
    assert raw.problems == []
    rows = raw.rows("entities")
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    assert rows[1].get("id") == "lsg_a" and rows[1].get("valid_to") == "2016-12-31"


def test_swedish_excel_cp1252_semicolon_crlf():
    raw = read_dataset(DATA / "excel_cp1252")
    t = raw.tables["entities"]
    assert (t.delimiter, t.encoding) == (";", "cp1252")
    assert t.rows[1].get("name_sv") == "LSG Nyköping"
    assert t.rows[1].line == 3
    assert {p.code for p in raw.problems} == {"table.read_as_cp1252"}
    assert all(p.severity == "warning" for p in raw.problems)
    # pure-ASCII files are simply UTF-8
    assert raw.tables["relations"].encoding == "utf-8"


def test_utf8_with_bom(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "entities.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    raw = read_dataset(folder)
    assert raw.problems == []
    assert raw.tables["entities"].columns[0] == "id"


def test_quoted_cell_over_two_lines_counts_rows_as_a_spreadsheet_does(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "sources.csv"
    path.write_text('id,document,quote,locator,note\ns1,doc,"Första raden\nandra raden",,\ns2,doc,Ett till,,\n', encoding="utf-8")
    raw = read_dataset(folder)
    rows = raw.rows("sources")
    assert [(r.get("id"), r.line) for r in rows] == [("s1", 2), ("s2", 3)]  # the row a spreadsheet shows (issue 12)
    assert raw.tables["sources"].physical == {3: 4}  # s2 starts on line 4 of the file
    assert rows[0].get("quote") == "Första raden\nandra raden"


def test_blank_lines_are_skipped_but_counted(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "relations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:2] + ["", ",,,,,,,,,"] + lines[2:]) + "\n", encoding="utf-8")
    rows = read_dataset(folder).rows("relations")
    assert [(r.get("id"), r.line) for r in rows] == [("r1", 2), ("r2", 5), ("r3", 6), ("r4", 7)]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("truncated", ("table.row_length", "relations.csv", 5)),
        ("unclosed_quote", ("table.unclosed_quote", "sources.csv", 2)),
        ("missing_column", ("table.column_missing", "relations.csv", 1)),
        ("empty_file", ("table.empty", "events.csv", 1)),
        ("garbage", ("table.encoding", "sources.csv", 2)),
        ("missing_table", ("table.missing", "entities.csv", None)),
    ],
)
def test_broken_files_become_problems(name, expected):
    raw = read_dataset(DATA / name)
    assert expected in codes(raw)
    structure = load(DATA / name)  # and the model still builds
    assert structure.problems


@pytest.mark.parametrize("cell", ["x" * 200_000, '"' + "x" * 200_000 + '"'], ids=["plain", "quoted"])
def test_a_cell_over_the_csv_size_limit_is_a_problem_and_the_rows_before_it_are_kept(tmp_path, cell):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "sources.csv"
    path.write_text(f"{path.read_text(encoding='utf-8')}s2,doc,{cell},,\ns3,doc,Ett till.,,\n", encoding="utf-8")
    raw = read_dataset(folder)
    assert ("table.cell_too_long", "sources.csv", 3) in codes(raw)  # the limit, named in the message
    assert [r.get("id") for r in raw.rows("sources")] == ["s1"]
    problem = next(p for p in load(folder).problems if p.code == "table.cell_too_long")
    assert "131072" in problem.render("en").replace(" ", "").replace("\u00a0", "") and "\n" not in problem.render("sv")


def test_a_blank_first_line_is_a_header_without_the_columns(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "sources.csv"
    path.write_text('\n' + path.read_text(encoding="utf-8").replace("Ett citat.", '"Ett citat."'), encoding="utf-8")
    raw = read_dataset(folder)
    assert ("table.column_missing", "sources.csv", 1) in codes(raw)  # as without quotes: the csv module reads a blank line as no cell
    assert all(r.values == {} for r in raw.rows("sources"))


def test_unknown_column_is_a_warning(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    path = folder / "documents.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("note\n", "note,extra\n", 1).replace("2000/2030,\n", "2000/2030,,x\n"), encoding="utf-8")
    raw = read_dataset(folder)
    assert [(p.code, p.value, p.severity) for p in raw.problems] == [("table.column_unknown", "extra", "warning")]
    assert raw.rows("documents")[0].get("id") == "doc"


def test_missing_folder_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nope")


@pytest.mark.parametrize(
    "descriptor, reason",
    [
        ("{not json", "Expecting property name"),
        ("[]", "no 'resources' list"),
        ('{"resources": [{}]}', "resource 1 has no 'name'"),
        ('{"resources": [{"name": "entities"}]}', "resource 1 has no 'schema' with a 'fields' list"),
        ('{"resources": [{"name": "entities", "schema": {"fields": [{"x": 1}]}}]}', "resource 1 has a field without a 'name'"),
        ('{"resources": [{"name": "entities", "path": "../x.csv", "schema": {"fields": [{"name": "id"}]}}]}', "inside the dataset folder"),
        # issue 25: paths that are no file of the folder, refused once, in the schema
        *(
            (f'{{"resources": [{{"name": "entities", "path": {json.dumps(path)}, "schema": {{"fields": [{{"name": "id"}}]}}}}]}}', "inside the dataset folder")
            for path in (".", "", "documents", "a\x00b.csv", "/etc/passwd.csv", "x/./y.csv", "*.csv")
        ),
        ('{"resources": [{"name": "s", "lsgmap:pattern": ".", "schema": {"fields": [{"name": "id"}]}}]}', "inside the dataset folder"),
        ('{"resources": [{"name": "s", "lsgmap:pattern": "../*.csv", "schema": {"fields": [{"name": "id"}]}}]}', "inside the dataset folder"),
        ('{"resources": [{"name": "e", "schema": {"fields": [{"name": "id", "type": "uuid"}]}}]}', "field id has the unknown type 'uuid'"),
        ('{"resources": [{"name": "e", "schema": {"fields": [{"name": "k", "lsgmap:vocabulary": "colours"}]}}]}', "unknown vocabulary 'colours'"),
        ('{"resources": [{"name": "e", "schema": {"fields": [{"name": "k", "constraints": {"pattern": "(["}}]}}]}', "field k has a bad pattern"),
        ('{"resources": [{"name": "e", "schema": {"fields": [{"name": "a"}], "primaryKey": ["a", "b"]}}]}', "keys of one column only"),
        ('{"resources": [{"name": "e", "schema": {"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a"}]}}]}', "foreign key without"),
        (
            '{"resources": [{"name": "e", "schema": {"fields": [{"name": "a"}], "primaryKey": "a",'
            ' "foreignKeys": [{"fields": "a", "reference": {"resource": "x", "fields": "id"}}]}}]}',
            "the foreign key e.a refers to x.id, which is not the primary key of a resource",
        ),
        (
            '{"resources": [{"name": "a", "schema": {"fields": [{"name": "id"}], "primaryKey": "id",'
            ' "foreignKeys": [{"fields": "id", "reference": {"resource": "b", "fields": "id"}}]}},'
            ' {"name": "b", "schema": {"fields": [{"name": "id"}], "primaryKey": "id",'
            ' "foreignKeys": [{"fields": "id", "reference": {"resource": "a", "fields": "id"}}]}}]}',
            "the foreign keys of a, b form a cycle",
        ),
    ],
)
def test_bad_datapackage_is_one_problem_and_the_default_schema_is_used(tmp_path, descriptor, reason):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    (folder / "datapackage.json").write_text(descriptor, encoding="utf-8")
    raw = read_dataset(folder)
    (problem,) = raw.problems
    assert (problem.code, problem.file) == ("schema.invalid", "datapackage.json")
    assert reason in problem.value
    assert len(raw.rows("relations")) == 4
