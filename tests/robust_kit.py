"""Running a dataset through everything that reads it: the loader, ``check``, every CLI command and every app page.

Used by the regression tests of broken data (tests/test_robust.py) and the fuzz
test (tests/test_fuzz.py): whatever the data, nothing may raise.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from lsgmap.cli import main
from lsgmap.dataset.checks import check
from lsgmap.dataset.load import load

#: Every CLI command that reads a dataset, with arguments that make it do its work.
COMMANDS: list[list[str]] = [
    ["check"],
    ["check", "--json"],
    ["snapshot"],
    ["snapshot", "--json", "--on", "2016-06-01"],
    ["ask", "vem", "styr", "proj?"],
    ["ask", "--json", "who funds what in 2017?"],
    ["diff", "2015-01-01", "2018-01-01"],
    ["timeline"],
    ["timeline", "--json"],
    ["report", "--from", "2016-01-01", "--to", "2017-12-31"],
    ["report", "--from", "2016-01-01", "--to", "2017-12-31", "--format", "html"],
    ["export", "--format", "html", "--out", "-"],
    *(["export", "--format", fmt, "--out", "-"] for fmt in ("gexf", "graphml", "jsonld", "xlsx")),
]

#: Every page of the app (None: the map, the first page).
PAGES: list[str | None] = [None, "jamfor", "fraga", "presentera", "data"]


def run_cli(argv: list[str]) -> int:
    """``lsgmap ARGV`` in-process, its output swallowed; returns the exit code (raises what the CLI raises)."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()  # out has a .buffer, for export --out -
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert isinstance(code, int), (argv, code)
    return code


def run_library_and_cli(folder: Path, commands: list[list[str]] | None = None) -> list[tuple[str, ...]]:
    """Load and check ``folder``, then run every CLI command on it; returns the problems' (file, line, code), sorted."""
    structure = load(folder)
    problems = check(structure)
    for p in problems:  # every problem can be put into words, on one line, in both languages
        for lang in ("sv", "en"):
            text = p.render(lang)
            assert text and "\n" not in text and "\r" not in text, text
    for command in commands if commands is not None else COMMANDS:
        run_cli([command[0], "--data", str(folder), *command[1:]])
    return sorted((p.file, str(p.line), p.code) for p in problems)


def run_pages(monkeypatch, folder: Path, pages: list[str | None] | None = None) -> None:
    """Every page of the app on ``folder`` through AppTest: no exception on any."""
    from app_kit import run_app

    monkeypatch.setenv("LSGMAP_DATA", str(folder))
    for page in pages if pages is not None else PAGES:
        at = run_app(page=page, strict=False)
        assert not at.exception, (page, [e.value for e in at.exception])
