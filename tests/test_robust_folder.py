"""Issue 25's reproducers: data and disks that once gave an internal error, a hang, a read outside the dataset or a lost column.

Each runs through the loader, ``check``, every CLI command (in process; exit 3
fails the test) and the editing commands, inside :func:`robust_kit.only_opens_inside`:
an audit hook fails the test on any file opened outside the data folder and the
temporary folder. Links, pipes and folders in place of files are made by the test.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import time
from pathlib import Path

import app_kit  # noqa: F401 - imported before any audited block (run_pages imports it)
import pytest
from robust_kit import COMMANDS, only_opens_inside, run_cli, run_library_and_cli, run_pages

from lsgmap.cli import main
from lsgmap.dataset import journal
from lsgmap.dataset.load import dataset_version, load
from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH

DATA = Path(__file__).resolve().parent / "data"
CANARY = "/etc/passwd"  # a file outside every dataset and the temporary folder; nothing of it may come out


def _copy(tmp_path: Path, name: str = "valid") -> Path:
    folder = tmp_path / "d"
    shutil.copytree(DATA / name, folder)
    if not (folder / "datapackage.json").exists():
        shutil.copy(DEFAULT_SCHEMA_PATH, folder / "datapackage.json")
    return folder


def _cli(argv: list[str]) -> tuple[int, str, str]:
    """``lsgmap ARGV`` in process: (exit code, stdout, stderr); exit 3 fails."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    out.flush()
    assert code != 3, (argv, err.getvalue())
    return code, out.buffer.getvalue().decode("utf-8", "replace"), err.getvalue()


def _workbook(folder: Path, tmp_path: Path) -> Path:
    from lsgmap.exchange.workbook import to_workbook

    path = tmp_path / "book.xlsx"
    path.write_bytes(to_workbook(load(folder)))
    return path


def _edit_commands(folder: Path, tmp_path: Path) -> None:
    book = _workbook(folder, tmp_path)
    for argv in (["log"], ["import", str(book), "--dry-run"], ["undo"]):
        _cli([argv[0], "--data", str(folder), *argv[1:]])


# -- 1. internal errors from data ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["relation_before_its_ends", "entity_from_2100", "story_pattern_dot", "bad_byte_in_log"])
def test_a_reproducer_runs_through_every_command_without_an_internal_error(tmp_path, name):
    folder = _copy(tmp_path, name)
    with only_opens_inside(folder):
        run_library_and_cli(folder)
        run_library_and_cli(folder, [["ask", "vem styr Projekt 2000?"], ["ask", "when did LSG AB steer the project?"], ["timeline", "--json"]])
        _edit_commands(folder, tmp_path)


def test_a_relation_dated_before_its_ends_is_reported_and_answered(tmp_path):
    folder = _copy(tmp_path, "relation_before_its_ends")
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert code == 1 and "relations.csv:6:" in out and "zz2" in out


def test_a_story_pattern_of_a_dot_is_one_problem_of_the_descriptor(tmp_path):
    folder = _copy(tmp_path, "story_pattern_dot")
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert code == 1 and "datapackage.json: " in out and "'.' is not a .csv file inside the dataset folder" in out


def test_a_log_with_a_byte_no_encoding_reads_is_named_and_not_written_over(tmp_path):
    folder = _copy(tmp_path, "bad_byte_in_log")
    before = (folder / "changes.csv").read_bytes()
    code, _, err = _cli(["log", "--data", str(folder), "--lang", "en"])
    assert code == 1 and "changes.csv" in err and "cannot be read as UTF-8 or Windows-1252" in err
    book = tmp_path / "b.xlsx"
    from lsgmap.exchange.workbook import to_workbook

    book.write_bytes(to_workbook(load(folder)))
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--why", "x"])
    assert code == 0 and (folder / "changes.csv").read_bytes() == before  # nothing to change: nothing written
    from lsgmap.edit import Dataset, EditRefused
    from lsgmap.edit.operations import change_row

    ds = Dataset(folder)
    with pytest.raises(EditRefused) as refused:
        ds.save(change_row(ds, "entities", "proj", {"name_en": "P"}, sources=["s1"]))
    assert refused.value.problems[0].code == "table.encoding"
    assert (folder / "changes.csv").read_bytes() == before


@pytest.mark.parametrize("where", ["changes.csv", "entities.csv"])
def test_a_cell_over_the_limit_in_any_table_is_named_with_the_limit(tmp_path, where):
    folder = _copy(tmp_path)
    path = folder / where
    header = "change,when,who,why,table,row,action,before,after,base,undoes\n" if where == "changes.csv" else path.read_text(encoding="utf-8")
    path.write_text(header + "c0001," + "x" * 140_000 + ",,,,,,,,,\n", encoding="utf-8")
    with only_opens_inside(folder):
        code, out, err = _cli(["log" if where == "changes.csv" else "check", "--data", str(folder), "--lang", "en"])
        run_library_and_cli(folder, [["check"], ["snapshot"]])
        _edit_commands(folder, tmp_path)
    assert code == 1 and "a cell is longer than lsgmap reads (the limit is 131" in out + err


def test_a_table_over_the_row_or_byte_limit_is_named_with_the_limit_and_the_value(tmp_path, monkeypatch):
    from lsgmap.dataset import files

    folder = _copy(tmp_path)
    monkeypatch.setattr(files, "MAX_TABLE_ROWS", 3)
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert code == 1 and "relations.csv:5: the table has more rows than lsgmap reads (the limit is 3 rows); the rows from 5 on were not read" in out
    monkeypatch.setattr(files, "MAX_TABLE_ROWS", 1_000_000)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 200)
    size = (folder / "entities.csv").stat().st_size
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert code == 1 and f"entities.csv: the file is larger than lsgmap reads ({size} bytes; the limit is 200 bytes)" in out


# -- 2. nothing outside the folder ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["entities.csv", "datapackage.json", "sources.csv"])
def test_a_file_linked_out_of_the_folder_is_not_read(tmp_path, name):
    folder = _copy(tmp_path)
    (folder / name).unlink()
    os.symlink(CANARY, folder / name)
    with only_opens_inside(folder):
        code, out, err = _cli(["check", "--data", str(folder), "--lang", "en"])
        assert code == 1 and f'{name}: the file points outside the dataset folder and was not read' in out
        for argv in (["snapshot", "--json"], ["ask", "vem styr proj?"], ["timeline"], ["export", "--format", "jsonld", "--out", "-"]):
            _, o, e = _cli([argv[0], "--data", str(folder), *argv[1:]])
            assert "root:x:0" not in o + e and "/bin/bash" not in o + e
        _edit_commands(folder, tmp_path)
    assert "root:" not in out + err and "/bin/" not in out + err


def test_stories_and_documents_linked_out_are_not_read(tmp_path):
    folder = _copy(tmp_path)
    outside = tmp_path / "outside"
    (outside / "stories").mkdir(parents=True)
    (outside / "stories" / "index.csv").write_text("id,title_sv\nsecret,HEMLIG\n", encoding="utf-8")
    (outside / "stories" / "secret.csv").write_text("step,title_sv,date\n1,HEMLIG,2016\n", encoding="utf-8")
    os.symlink(outside / "stories", folder / "stories")
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert "HEMLIG" not in out and "secret" not in out and "stories: the file points outside the dataset folder" in out
    from lsgmap.dataset.stories import load_stories

    assert load_stories(load(folder))[0] == []


def test_a_pipe_a_folder_and_a_loop_in_place_of_tables_are_problems_and_nothing_hangs(tmp_path):
    folder = _copy(tmp_path)
    (folder / "events.csv").unlink()
    os.mkfifo(folder / "events.csv")
    (folder / "budget.csv").unlink()
    (folder / "budget.csv").mkdir()
    (folder / "sources.csv").unlink()
    os.symlink("loop_b.csv", folder / "sources.csv")
    os.symlink("sources.csv", folder / "loop_b.csv")
    started = time.perf_counter()
    with only_opens_inside(folder):
        code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
        run_library_and_cli(folder)
        _edit_commands(folder, tmp_path)
    assert time.perf_counter() - started < 60
    assert code == 1
    assert 'events.csv: this is not an ordinary file and was not read' in out
    assert 'budget.csv: this is not an ordinary file and was not read' in out
    assert "sources.csv: the file cannot be opened" in out


@pytest.mark.parametrize("path", [".", "", "documents", "a\u0000b.csv", "stories"])
def test_a_resource_path_that_is_no_file_is_refused_in_the_schema(tmp_path, path):
    folder = _copy(tmp_path)
    (folder / "documents").mkdir()
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == "budget")["path"] = path
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with only_opens_inside(folder):
        code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
        run_library_and_cli(folder, [["check"], ["snapshot"], ["timeline"]])
        _edit_commands(folder, tmp_path)
    assert code == 1 and "is not a .csv file inside the dataset folder" in out


def test_a_table_linked_to_dev_zero_fills_no_disk(tmp_path, monkeypatch):
    import tempfile

    folder = _copy(tmp_path)
    (folder / "budget.csv").unlink()
    os.symlink("/dev/zero", folder / "budget.csv")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    book = _workbook(folder, tmp_path)
    started = time.perf_counter()
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--dry-run", "--lang", "en"])
    assert time.perf_counter() - started < 20
    assert code == 1 and "budget.csv: the file points outside the dataset folder" in out
    used = sum(f.stat().st_size for f in scratch.rglob("*") if f.is_file())
    assert used < 100 * 1024 * 1024
    from lsgmap.edit import Dataset
    from lsgmap.edit.operations import change_row
    from lsgmap.edit.preview import preview

    ds = Dataset(folder)
    with pytest.raises(Exception) as refused:  # a preview of a change to the table: refused, nothing copied
        preview(ds, change_row(ds, "budget", "b1", {"amount_tkr": "6"}, sources=["s1"]))
    assert "budget.csv" in str(refused.value)
    assert not list(scratch.iterdir())


@pytest.mark.parametrize("named", ["../outside.csv", "/ABS/outside.csv", "sub/../../outside.csv"])
def test_a_journal_naming_a_file_outside_the_folder_changes_nothing_outside(tmp_path, named):
    folder = _copy(tmp_path)
    outside = tmp_path / "outside.csv"
    outside.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "outside.csv.lsgmap-new").write_text("replaced\n", encoding="utf-8")
    (folder / journal.JOURNAL).write_text(json.dumps([named.replace("/ABS", str(tmp_path))]), encoding="utf-8")
    with only_opens_inside(folder):
        code, _, _ = _cli(["check", "--data", str(folder)])
    assert code == 0
    assert outside.read_text(encoding="utf-8") == "keep me\n" and (tmp_path / "outside.csv.lsgmap-new").exists()
    assert not (folder / journal.JOURNAL).exists()


def test_a_journal_and_a_lock_that_are_links_out_are_neither_followed_nor_written(tmp_path):
    folder = _copy(tmp_path)
    target = tmp_path / "target.txt"
    target.write_text("keep me\n", encoding="utf-8")
    os.symlink(target, folder / journal.LOCK)
    os.symlink(CANARY, folder / journal.JOURNAL)
    from lsgmap.edit import Dataset
    from lsgmap.edit.operations import change_row

    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "proj", {"name_en": "P"}, sources=["s1"]))
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert Dataset(folder).row("entities", "proj")["name_en"] == "P"


# -- 3. expected conditions: exit 1 with a message, nothing left behind ------------------------------------------

def _no_leftovers(folder: Path) -> None:
    assert not [p for p in folder.rglob("*") if p.name.endswith((journal.NEW, ".tmp")) or p.name == journal.JOURNAL]


def test_a_full_disk_during_an_import_refuses_it_and_leaves_nothing_behind(tmp_path, monkeypatch):
    folder = _copy(tmp_path)
    version = dataset_version(folder)
    book = tmp_path / "b.xlsx"
    from lsgmap.exchange.workbook import to_workbook

    book.write_bytes(to_workbook(load(folder)))
    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb["entities"]["D3"] = "LSG A (en)"
    wb.save(book)
    real_write, calls = journal._write, []

    def full(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(journal, "_write", full)
    for lang, words in (("en", "the dataset folder cannot be written (No space left on device); nothing was changed"),
                        ("sv", "datamappen går inte att skriva i (No space left on device); inget ändrades")):
        calls.clear()
        code, out, err = _cli(["import", str(book), "--data", str(folder), "--lang", lang, "--why", "x"])
        assert code == 1 and words in out + err
    _no_leftovers(folder)
    assert dataset_version(folder) == version


def test_a_read_only_folder_refuses_an_undo_with_the_reason(tmp_path, monkeypatch):
    folder = _copy(tmp_path)
    from lsgmap.edit import Dataset
    from lsgmap.edit.operations import change_row

    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "proj", {"name_en": "P"}, sources=["s1"]))
    version = dataset_version(folder)

    class ReadOnly:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            raise PermissionError(13, "Read-only file system")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(journal, "FileLock", ReadOnly)
    code, out, err = _cli(["undo", "--data", str(folder), "--lang", "en"])
    assert code == 1 and "the dataset folder cannot be written (Read-only file system)" in out + err
    assert dataset_version(folder) == version
    _no_leftovers(folder)


def _import_note(folder: Path, tmp_path: Path) -> Path:
    from openpyxl import load_workbook

    from lsgmap.exchange.workbook import to_workbook

    book = tmp_path / "note.xlsx"
    book.write_bytes(to_workbook(load(folder)))
    wb = load_workbook(book)
    wb["relations"]["J2"] = "en ny anteckning"
    wb.save(book)
    return book


@pytest.mark.slow  # a process of its own, with a limit on the size of the files it writes
def test_a_real_write_failure_in_another_process_refuses_the_import(tmp_path):
    import resource
    import subprocess
    import sys

    folder = tmp_path / "d"
    shutil.copytree(DATA.parent.parent / "data" / "sormland", folder)
    version = dataset_version(folder)
    book = _import_note(folder, tmp_path)

    def small_files():  # the disk is "full" past 8 KB a file: write() fails with EFBIG (Python ignores SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    run = subprocess.run([sys.executable, "-m", "lsgmap", "import", str(book), "--data", str(folder), "--lang", "en", "--why", "x"],
                         env=env, capture_output=True, text=True, preexec_fn=small_files, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "the dataset folder cannot be written (File too large); nothing was changed" in run.stdout + run.stderr
    _no_leftovers(folder)
    assert dataset_version(folder) == version


@pytest.mark.slow  # a process of its own, as root without the right to override file permissions
@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv to drop the permission override")
def test_a_real_read_only_folder_refuses_the_import(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    shutil.copy(DEFAULT_SCHEMA_PATH, folder / "datapackage.json")
    book = _import_note(folder, tmp_path)
    version = dataset_version(folder)
    shutil.chown(folder, "nobody")
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    try:
        run = subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", sys.executable, "-m", "lsgmap", "import",
                              str(book), "--data", str(folder), "--lang", "sv", "--why", "x"], env=env, capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(0o755)
    assert run.returncode == 1, run.stderr
    assert "datamappen går inte att skriva i (Permission denied); inget ändrades" in run.stdout + run.stderr
    _no_leftovers(folder)
    assert dataset_version(folder) == version


def test_two_undos_at_once_one_succeeds_and_the_other_says_why(tmp_path, monkeypatch):
    folder = _copy(tmp_path)
    from lsgmap.edit import Dataset
    from lsgmap.edit.operations import change_row

    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "proj", {"name_en": "P"}, sources=["s1"]))
    import lsgmap.cli.edit as cli_edit

    real = cli_edit.Dataset.undo_last
    inner: list[tuple] = []
    started: list[bool] = []

    def undo_last_while_another_undoes(self):
        undo = real(self)  # this undo is made on the log as it is now …
        if not started:
            started.append(True)
            inner.append(_cli(["undo", "--data", str(folder), "--lang", "en"]))  # … and another undo is saved meanwhile
        return undo

    monkeypatch.setattr(cli_edit.Dataset, "undo_last", undo_last_while_another_undoes)
    code, out, err = _cli(["undo", "--data", str(folder), "--lang", "en"])
    assert inner[0][0] == 0 and "c0001" in inner[0][1]
    assert code == 1 and "another change was saved meanwhile, so c0001 was not undone" in out + err
    log = Dataset(folder).log()
    assert [r["change"] for r in log] == ["c0001", "c0002"] and Dataset(folder).row("entities", "proj")["name_en"] == "Project"


@pytest.mark.slow  # real processes
def test_two_undo_processes_at_once_never_fail_inside(tmp_path):
    import subprocess
    import sys

    folder = _copy(tmp_path)
    from lsgmap.edit import Dataset
    from lsgmap.edit.operations import change_row

    for n in range(4):
        ds = Dataset(folder)
        ds.save(change_row(ds, "entities", "proj", {"name_en": f"P{n}"}, sources=["s1"]))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "LSGMAP_LANG": "en"}
    for _ in range(4):
        runs = [subprocess.Popen([sys.executable, "-m", "lsgmap", "undo", "--data", str(folder)], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(timeout=120), p.stdout.read() + p.stderr.read()) for p in runs]
        assert all(code in (0, 1) for code, _ in results), results
        assert any(code == 0 for code, _ in results), results
        for code, text in results:
            assert code == 0 or "not undone" in text, text
    assert not load(folder).errors
    _no_leftovers(folder)


# -- 4. imports never drop a column silently --------------------------------------------------------------------

def _book_with(tmp_path: Path, change) -> Path:
    from openpyxl import load_workbook

    from lsgmap.exchange.workbook import to_workbook

    path = tmp_path / "edited.xlsx"
    path.write_bytes(to_workbook(load(DATA / "valid")))
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def _duplicate_note(wb):
    ws = wb["relations"]
    column = ws.max_column + 1
    ws.cell(1, column, "note")  # a second, empty note column: the last would win and clear every note
    ws.cell(2, ws.max_column - 1, "a note to keep")


def _hide_entities(wb):
    wb["entities"]["C2"] = "RAR (hidden)"
    wb["entities"].sheet_state = "hidden"


def _unknown_column(wb):
    ws = wb["entities"]
    ws.cell(1, ws.max_column + 1, "comment")
    ws.cell(2, ws.max_column, "lost?")


def _unnamed_column(wb):
    ws = wb["entities"]
    ws.cell(3, ws.max_column + 2, "lost?")


@pytest.mark.parametrize("change, words", [
    (_duplicate_note, 'relations!1: the column note appears twice in the sheet relations (column 11)'),
    (_hide_entities, "entities: the sheet entities is hidden"),
    (_unknown_column, "the sheet entities has a column the table does not have (comment, column 13)"),
    (_unnamed_column, "entities!3: a column without a header holds values in the sheet entities (column N)"),
], ids=["duplicated_header", "hidden_sheet", "unknown_column", "unnamed_column"])
def test_an_import_that_would_drop_or_overwrite_a_column_is_refused_and_names_it(tmp_path, change, words):
    folder = _copy(tmp_path)
    version = dataset_version(folder)
    book = _book_with(tmp_path, change)
    for dry in ([], ["--dry-run"]):
        code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--why", "x", *dry])
        assert code == 1 and words in out, out
    assert dataset_version(folder) == version


def test_values_beyond_a_sheets_declared_range_are_named(tmp_path):
    import zipfile

    folder = _copy(tmp_path)
    version = dataset_version(folder)
    book = _book_with(tmp_path, lambda wb: wb["entities"].cell(7, 3, "E6 beyond"))
    data = {}
    with zipfile.ZipFile(book) as z:
        for info in z.infolist():
            data[info.filename] = z.read(info.filename)
    sheet = next(n for n in data if n.startswith("xl/worksheets/") and b"E6 beyond" in data[n] or n.startswith("xl/worksheets/sheet") and b"<dimension" in data[n] and b"A1:L7" in data[n])
    data[sheet] = data[sheet].replace(b'<dimension ref="A1:L7"/>', b'<dimension ref="A1:L6"/>')
    with zipfile.ZipFile(book, "w") as z:
        for name, content in data.items():
            z.writestr(name, content)
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--dry-run"])
    assert code == 1 and "the sheet entities has values outside its declared range (A1:L6; there are values up to row 7, column L)" in out
    assert dataset_version(folder) == version


def test_workbooks_over_the_limits_are_refused_with_the_limit_and_the_value(tmp_path, monkeypatch):
    import lsgmap.edit.importing as importing

    folder = _copy(tmp_path)
    book = _workbook(folder, tmp_path)
    monkeypatch.setattr(importing, "MAX_WORKBOOK_BYTES", 1000)
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--dry-run"])
    assert code == 1 and "the file is larger than lsgmap imports (" in out and "the limit is 1000 bytes" in out
    monkeypatch.setattr(importing, "MAX_WORKBOOK_BYTES", 300 * 1024 * 1024)
    monkeypatch.setattr(importing, "MAX_WORKBOOK_CELLS", 40)
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--dry-run"])
    assert code == 1 and "the limit is 40 cells" in out


def test_a_sheet_declaring_a_million_rows_is_refused_at_once(tmp_path):
    import re
    import zipfile

    folder = _copy(tmp_path)
    book = _book_with(tmp_path, lambda wb: None)  # saved by openpyxl in full: every sheet declares its range
    data = {}
    with zipfile.ZipFile(book) as z:
        for info in z.infolist():
            data[info.filename] = z.read(info.filename)
    sheet = next(n for n in data if n.startswith("xl/worksheets/sheet") and b'<dimension ref="A1:J' in data[n])
    data[sheet] = re.sub(rb'<dimension ref="A1:J\d+"/>', b'<dimension ref="A1:J1000000"/>', data[sheet])
    with zipfile.ZipFile(book, "w") as z:
        for name, content in data.items():
            z.writestr(name, content)
    started = time.perf_counter()
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--dry-run"])
    assert time.perf_counter() - started < 20
    assert code == 1 and "(A1:J1000000: 10000000 cells; the limit is 2000000 cells)" in out


def test_a_million_row_workbook_without_a_declared_range_is_refused_at_once(tmp_path):
    import zipfile

    folder = _copy(tmp_path)
    version = dataset_version(folder)
    book = _book_with(tmp_path, lambda wb: None)
    data = {}
    with zipfile.ZipFile(book) as z:
        for info in z.infolist():
            data[info.filename] = z.read(info.filename)
    sheet = next(n for n in data if n.startswith("xl/worksheets/sheet") and b">rar<" in data[n] or b'"rar"' in data[n])
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>e{n}</t></is></c><c r="B{n}"><v>1</v></c></row>' for n in range(2, 1_000_002))
    data[sheet] = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>kind</t></is></c></row>'
                   + rows + "</sheetData></worksheet>").encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in data.items():
            z.writestr(name, content)
    started = time.perf_counter()
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--why", "x"])
    assert time.perf_counter() - started < 20
    assert code == 1 and "cells; the limit is 2000000 cells)" in out
    assert dataset_version(folder) == version


@pytest.mark.slow  # unpacks a cell of 60 MB
def test_a_small_workbook_that_unpacks_to_a_huge_cell_is_refused_with_the_limit(tmp_path):
    import zipfile

    folder = _copy(tmp_path)
    version = dataset_version(folder)
    book = _book_with(tmp_path, lambda wb: wb["entities"].cell(2, 3, "xq"))
    data = {}
    with zipfile.ZipFile(book) as z:
        for info in z.infolist():
            data[info.filename] = z.read(info.filename).replace(b">xq<", b">" + b"x" * 60_000_000 + b"<")
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in data.items():
            z.writestr(name, content)
    assert book.stat().st_size < 400_000
    started = time.perf_counter()
    code, out, _ = _cli(["import", str(book), "--data", str(folder), "--lang", "en", "--why", "x"])
    assert time.perf_counter() - started < 20
    assert code == 1 and "entities!2: a cell is longer than lsgmap reads (60000000 characters; the limit is 131072)" in out
    assert dataset_version(folder) == version


def test_a_csv_with_an_unknown_column_is_refused_like_a_sheet(tmp_path):
    folder = _copy(tmp_path)
    table = tmp_path / "entities.csv"
    table.write_text((DATA / "valid" / "entities.csv").read_text(encoding="utf-8").replace("note\n", "note,comment\n", 1), encoding="utf-8")
    code, out, _ = _cli(["import", str(table), "--data", str(folder), "--lang", "en", "--dry-run"])
    assert code == 1 and "has a column the table does not have (comment, column 13)" in out


def test_an_upload_that_is_no_regular_file_is_not_read(tmp_path):
    folder = _copy(tmp_path)
    from lsgmap.edit import Dataset
    from lsgmap.edit.importing import read_path

    imported = read_path(Dataset(folder), "/dev/zero")
    assert [p.code for p in imported.problems] == ["import.unreadable"]


# -- 5. bounded work --------------------------------------------------------------------------------------------

@pytest.mark.slow  # 100,000 rows
def test_check_on_100000_duplicate_ids_takes_seconds(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_robust import duplicate_ids

    folder = duplicate_ids(tmp_path / "dup", 100_000)
    started = time.perf_counter()
    code, out, _ = _cli(["check", "--data", str(folder), "--lang", "en"])
    assert time.perf_counter() - started < 10
    assert code == 1 and out.count("\n") >= 99_999


@pytest.mark.slow  # a 3,000-long chain drawn
def test_the_png_of_a_3000_long_chain_takes_seconds(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_robust import chain

    folder = chain(tmp_path / "chain", 3000)
    started = time.perf_counter()
    code, _, _ = _cli(["export", "--data", str(folder), "--on", "2017-01-01", "--format", "png", "--out", str(tmp_path / "c.png")])
    assert time.perf_counter() - started < 10 and code == 0
    from lsgmap.draw.images import image_size

    assert image_size((tmp_path / "c.png").read_bytes()) == (1600, 1000)


def test_a_large_map_is_drawn_in_bulk_with_every_node_and_edge(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_robust import chain

    folder = chain(tmp_path / "chain", 400)  # 799 nodes and edges
    code, _, _ = _cli(["export", "--data", str(folder), "--on", "2017-01-01", "--format", "svg", "--out", str(tmp_path / "c.svg")])
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert code == 0 and 'id="edges"' in svg and 'id="arrows"' in svg and 'id="nodes-box"' in svg or 'id="nodes-' in svg
    assert 'id="node-p399"' in svg  # 400 labels still drawn


# -- the pages ---------------------------------------------------------------------------------------------------

@pytest.mark.slow  # AppTest runs of every app page
@pytest.mark.parametrize("name", ["relation_before_its_ends", "entity_from_2100", "story_pattern_dot", "bad_byte_in_log"])
def test_a_reproducer_on_every_page(tmp_path, monkeypatch, name):
    folder = _copy(tmp_path, name)
    monkeypatch.setenv("LSGMAP_EDIT", "1")
    with only_opens_inside(folder):
        run_pages(monkeypatch, folder, [None, "jamfor", "fraga", "presentera", "data", "redigera"])


def test_the_cli_commands_list_covers_the_new_reproducers():
    assert {c[0] for c in COMMANDS} >= {"check", "snapshot", "ask", "timeline", "diff", "report", "export"}
    assert run_cli(["check", "--data", str(DATA / "valid")]) == 0
