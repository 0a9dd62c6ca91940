"""Exit codes scripts can use (0 fine, 1 data errors, 2 wrong usage, 3 internal error), the --out guard, and terminal-safe output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_dataset
from lsgmap.cli import EXIT_CODES, main, terminal_safe

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def test_0_fine(capsys, merger_dir):
    assert main(["snapshot", "--on", "2017-03-01", "--data", str(merger_dir)]) == 0


def test_1_the_data_has_errors(capsys):
    assert main(["check", "--data", str(DATA / "two_owners")]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["snapshot", "--on", "2017-02-30"],
        ["diff", "2017-01-01", "mars"],
        ["report", "--from", "2016", "--to", "2016-13"],
        ["export", "--on", "2017", "--size", "big"],
        ["check", "--data", "/no/such/folder"],
    ],
)
def test_2_wrong_usage_is_one_line(argv, capsys, merger_dir):
    if "--data" not in argv:
        argv = [*argv, "--data", str(merger_dir)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fel: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv", [["snapshot", "--no-such-option"], ["no-such-command"], ["report", "--from", "2016"]])
def test_2_argparse_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_2_no_command(capsys):
    assert main([]) == 2


def _boom(args):
    raise RuntimeError("the layout\nbroke")


def test_3_internal_error_is_one_line_without_traceback(monkeypatch, capsys, merger_dir):
    import lsgmap.cli.snapshot as snapshot

    monkeypatch.setattr(snapshot, "run", _boom)
    assert main(["snapshot", "--data", str(merger_dir), "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert err == "Error: internal error in 'lsgmap snapshot' (RuntimeError: the layout broke). Run again with --debug for details and report it.\n"
    assert out == ""


@pytest.mark.parametrize("where", ["before", "after"])
def test_3_debug_shows_the_traceback(where, monkeypatch, capsys, merger_dir):
    import lsgmap.cli.snapshot as snapshot

    monkeypatch.setattr(snapshot, "run", _boom)
    argv = ["snapshot", "--data", str(merger_dir)]
    argv = ["--debug", *argv] if where == "before" else [*argv, "--debug"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):") and "RuntimeError: the layout" in err
    assert err.splitlines()[-1].startswith("Fel: internt fel i 'lsgmap snapshot'")


@pytest.mark.slow  # a fresh Python process
def test_3_from_the_command_line_entry_point(merger_dir):
    """``python -m lsgmap.cli`` with a command whose run raises: exit 3, one line on stderr."""
    code = (
        "import runpy, lsgmap.cli.timeline as m\n"
        "def run(args): raise ZeroDivisionError('division by zero')\n"
        "m.run = run\n"
        "runpy.run_module('lsgmap.cli', run_name='__main__')\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", code, "timeline", "--data", str(merger_dir), "--lang", "en"],
        capture_output=True, text=True, timeout=60, env=env, cwd=ROOT,
    )
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.splitlines() == ["Error: internal error in 'lsgmap timeline' (ZeroDivisionError: division by zero). Run again with --debug for details and report it."]


@pytest.mark.parametrize("command", ["report", "export"])
@pytest.mark.parametrize("target", ["folder", "full_disk", "missing_folder"])
def test_out_guard_is_the_same_for_every_command(command, target, tmp_path, capsys, merger_dir):
    if target == "full_disk" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    out = {"folder": tmp_path, "full_disk": Path("/dev/full"), "missing_folder": tmp_path / "nope" / "x"}[target]
    argv = {"report": ["report", "--from", "2016-10-13", "--to", "2016-12-31"], "export": ["export", "--on", "2017-03-01", "--format", "svg", "--size", "300x200"]}[command]
    assert main([*argv, "--out", str(out), "--data", str(merger_dir), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: --out: ") and err.count("\n") == 1 and "Traceback" not in err
    expected = {"folder": "it is a folder", "full_disk": "No space left on device", "missing_folder": "does not exist"}[target]
    assert expected in err


def test_exit_codes_are_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, meaning in EXIT_CODES.items():
        assert f"| {code} | {meaning}" in readme.replace("`", "")
    assert "--debug" in readme


# -- terminal-safe output ---------------------------------------------------------------

HOSTILE = "LSG \x1b[2J\x1b[HTrosa\x07\x1b]0;owned\x07\x9b31m\r"


def test_terminal_safe_removes_escape_sequences_and_controls():
    assert terminal_safe(HOSTILE) == "LSG Trosa"
    assert terminal_safe("ett\ntvå\tkolumner") == "ett\ntvå\tkolumner"
    assert terminal_safe("\x00\x01\x7f\x85\x1bc") == ""


@pytest.fixture
def hostile_dir(tmp_path, merger_tables):
    for e in merger_tables["entities"]:
        if e["id"] == "lsg_gamma":
            e["name_sv"] = HOSTILE
    return write_dataset(tmp_path / "hostile", **merger_tables)


@pytest.mark.parametrize(
    "argv",
    [
        ["snapshot", "--on", "2016-06-01"],
        ["ask", "Vad styr LSG Trosa?", "--on", "2016-06-01"],
        ["timeline"],
        ["diff", "2016-01-01", "2017-06-01"],
        ["report", "--from", "2016-01-01", "--to", "2017-12-31"],
        ["check"],
    ],
)
def test_no_escape_sequence_from_the_data_reaches_the_terminal(argv, hostile_dir, capsys):
    main([*argv, "--data", str(hostile_dir)])
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert not any(c in stream for c in "\x1b\x07\x9b\r\x00"), repr(stream[:300])


def test_json_output_stays_valid_and_escapes_c1(hostile_dir, capsys):
    assert main(["snapshot", "--on", "2016-06-01", "--json", "--data", str(hostile_dir)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x1b\x07\x9b\r")
    names = json.dumps(json.loads(out), ensure_ascii=False)
    assert "\x9b" in names  # lossless: the escapes decode back to the data


def test_a_bad_value_in_a_problem_is_escaped(tmp_path, merger_tables, capsys):
    merger_tables["entities"][0]["valid_from"] = "\x1b[2J2005"
    folder = write_dataset(tmp_path / "bad", **merger_tables)
    assert main(["check", "--data", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out  # no escape character reaches the terminal
    assert '("\\x1b[2J2005"' in out  # the problem shows the cell as it is, its control character made visible
