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
    assert code != 3, (argv, err.getvalue()[-500:])  # exit 3 is an internal error: data never causes one
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


# -- issue 25: nothing outside the data folder ----------------------------------------------------------------

import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from contextlib import contextmanager  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_allowed: list[list[str]] = []  # a stack: the folders the innermost only_opens_inside allows
_seen: list[str] = []


def _code_places() -> list[str]:
    """Where Python, the installed packages, lsgmap's own code and the caches of matplotlib and fontconfig live."""
    import matplotlib

    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(ROOT / "lsgmap"), matplotlib.get_cachedir(), matplotlib.get_configdir(),
              "/usr/share", "/usr/lib", "/etc/fonts", "/dev/null", "/dev/urandom", "/proc/self", "/etc/localtime", "/usr/local/lib", "/etc/mime.types"}
    places |= {p for p in sys.path if p and "-packages" in p}
    places |= {str(ROOT / "app.py"), str(ROOT / ".streamlit"), str(ROOT / "pyproject.toml"), "/proc"}  # what Streamlit reads for the pages
    places |= {str(p) for p in ROOT.glob("*.egg-info")}  # an editable install's metadata, read by importlib.metadata from the checkout
    return [os.path.realpath(p) for p in places]


def _audit(event: str, args: tuple) -> None:
    if event != "open" or not _allowed or not args:
        return
    path = args[0]
    if isinstance(path, int) or path is None:
        return
    try:
        real = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    if "__editable__" in real:  # the import system's path hook of an editable install: no file
        return
    if not any(real == a or real.startswith(a.rstrip("/") + "/") for a in _allowed[-1]):
        _seen.append(real)


_hooked = False


@contextmanager
def only_opens_inside(*folders: Path):
    """Fail (AssertionError on leaving) when anything opened a file outside ``folders``, the temporary folder and the code.

    An audit hook (``sys.addaudithook``, event ``open``: ``open()``, ``os.open``, ``io.open_code``) watches every
    open in the process while the block runs.
    """
    global _hooked
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True
    allowed = [os.path.realpath(f) for f in (*folders, tempfile.gettempdir())] + _code_places()
    start = len(_seen)
    _allowed.append(allowed)
    try:
        yield
    finally:
        _allowed.pop()
        outside = sorted(set(_seen[start:]))
        del _seen[start:]
    assert not outside, f"opened outside the data folder: {outside[:5]}"
