"""The README's examples run: its Python blocks, its CLI synopsis and its CLI examples with their shown output.

* ```` ```python ```` blocks are executed statement by statement; a ``print(...)``
  whose line ends in ``# value`` must print exactly that value.
* In the indented (shell) blocks, ``$ lsgmap …`` lines are run in-process
  through :func:`lsgmap.cli.main` (``| tail -N`` / ``| head -N`` applied) and
  compared with the lines shown under them: a line ``…`` stands for any number
  of lines, a ``…`` inside a line for any text; without a final ``…`` the output
  must end where the README's does.
* Synopsis lines (``lsgmap CMD [--opt X] …  # comment``) are run with every
  optional part given, the first of ``a|b`` alternatives, and placeholders
  (``DIR``, ``FILE``, ``DATE``, ``OUT_DIR``) filled in; they must exit 0.
* Not run: blocks preceded by ``<!-- no-test -->``, and install or start
  commands (pip, streamlit, ``.ci/run``, ``apt-get``).
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lsgmap.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
NOT_RUN = re.compile(r"\b(pip|streamlit|apt-get|\.ci/run)\b")
NO_TEST = "<!-- no-test -->"


@dataclass
class Block:
    kind: str  # "python" or "shell"
    line: int  # first line of the block's content (1-based)
    lines: list[str] = field(default_factory=list)
    skip: bool = False

    @property
    def id(self) -> str:
        return f"{self.kind}@README:{self.line}"


def blocks(text: str) -> list[Block]:
    """The fenced ```python blocks and the indented (4-space) blocks of a Markdown text."""
    lines = text.splitlines()
    out: list[Block] = []
    i = 0

    def marked(at: int) -> bool:
        before = [x for x in lines[:at] if x.strip()]
        return bool(before) and before[-1].strip() == NO_TEST

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            lang = line[3:].strip()
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            if lang == "python":
                out.append(Block("python", i + 2, lines[i + 1 : end], marked(i)))
            i = end + 1
            continue
        if line.startswith("    ") and (i == 0 or not lines[i - 1].strip()):
            block = Block("shell", i + 1, skip=marked(i))
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.lines.append(lines[i][4:])
                i += 1
            while block.lines and not block.lines[-1].strip():
                block.lines.pop()
            out.append(block)
            continue
        i += 1
    return out


ALL = blocks(README.read_text(encoding="utf-8"))
PYTHON = [b for b in ALL if b.kind == "python"]
SHELL = [b for b in ALL if b.kind == "shell"]


@dataclass
class Example:
    command: str
    shown: list[str]
    line: int


def examples(block: Block) -> list[Example]:
    """``$ lsgmap …`` commands with the output lines shown under each."""
    out: list[Example] = []
    for offset, line in enumerate(block.lines):
        if line.startswith("$ "):
            out.append(Example(line[2:].strip(), [], block.line + offset))
        elif out and line.strip():
            out[-1].shown.append(line.rstrip())
    return [e for e in out if e.command.startswith("lsgmap ")]


def synopsis(block: Block) -> list[tuple[str, int]]:
    """Lines of a block that are ``lsgmap`` command lines without a ``$`` (the synopsis)."""
    return [(line.strip(), block.line + n) for n, line in enumerate(block.lines) if line.startswith("lsgmap ")]


def run_cli(command: str) -> tuple[int, str]:
    """Run ``lsgmap …`` in-process, with ``| tail -N`` / ``| head -N`` applied to its output."""
    cmd, *pipes = [p.strip() for p in command.split("|")] if " | " in command else [command]
    argv = shlex.split(cmd)[1:]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(argv)
    out = buffer.getvalue().splitlines()
    for pipe in pipes:
        tool, number = re.fullmatch(r"(tail|head) -(\d+)", pipe).groups()
        out = out[-int(number):] if tool == "tail" else out[: int(number)]
    return code, "\n".join(out)


def matches(shown: list[str], actual: list[str]) -> bool:
    """Shown lines against actual lines: ``…`` alone skips any lines, ``…`` inside a line any text."""

    def line_ok(pattern: str, line: str) -> bool:
        regex = ".*".join(re.escape(part) for part in pattern.split("…"))
        return re.fullmatch(regex, line.rstrip()) is not None

    def walk(i: int, j: int) -> bool:
        if i == len(shown):
            return j == len(actual)
        if shown[i].strip() == "…":
            return any(walk(i + 1, k) for k in range(j, len(actual) + 1))
        return j < len(actual) and line_ok(shown[i], actual[j]) and walk(i + 1, j + 1)

    return walk(0, 0)


@pytest.fixture(autouse=True)
def _defaults(monkeypatch):
    """The README's examples assume the bundled data and Swedish."""
    monkeypatch.delenv("LSGMAP_DATA", raising=False)
    monkeypatch.delenv("LSGMAP_LANG", raising=False)


def test_the_readme_has_examples_of_each_kind():
    assert PYTHON and any(examples(b) for b in SHELL) and any(synopsis(b) for b in SHELL)
    assert all(b.lines for b in ALL)


@pytest.mark.parametrize("block", PYTHON, ids=[b.id for b in PYTHON])
def test_python_block_runs_and_prints_what_its_comments_say(block, capsys):
    if block.skip:
        pytest.skip(NO_TEST)
    source = "\n".join(block.lines)
    tree = ast.parse(source)
    namespace: dict = {"__name__": "readme"}
    for statement in tree.body:
        code = compile(ast.Module(body=[statement], type_ignores=[]), f"README.md:{block.line + statement.lineno - 1}", "exec")
        exec(code, namespace)  # noqa: S102 - the README's own example
        printed = capsys.readouterr().out
        line = block.lines[statement.end_lineno - 1]
        comment = line.split("  # ", 1)[1].strip() if "  # " in line else None
        is_print = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and getattr(statement.value.func, "id", "") == "print"
        if is_print:
            assert printed.strip(), f"README.md:{block.line + statement.lineno - 1} printed nothing"
            if comment is not None:
                assert printed.strip() == comment, f"README.md:{block.line + statement.lineno - 1}: printed {printed.strip()!r}"


EXAMPLES = [e for b in SHELL if not b.skip for e in examples(b)]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.command}@README:{e.line}" for e in EXAMPLES])
def test_cli_example_prints_the_shown_output(example):
    code, out = run_cli(example.command)
    assert code == 0, out
    if example.shown:
        assert matches(example.shown, out.splitlines()), (
            f"README.md:{example.line}: `{example.command}` prints\n{out}\n\nbut the README shows\n" + "\n".join(example.shown)
        )


def concrete(line: str, tmp_path: Path) -> str:
    """A synopsis line as a command to run: comment dropped, optionals given, first alternatives, placeholders filled."""
    line = line.split("  #", 1)[0].strip()
    line = re.sub(r"\[([^\]]*)\]", r"\1", line)
    line = re.sub(r"([^\s|]+)(?:\|[^\s|]+)+", lambda m: m.group(1), line)  # html|png|svg -> html
    fills = {"DIR": "data/sormland", "DATE": "2017-03-01", "FILE": str(tmp_path / "out"), "OUT_DIR": str(tmp_path / "out")}
    return re.sub(r"\b(DIR|DATE|FILE|OUT_DIR)\b", lambda m: fills[m.group(1)], line)


SYNOPSIS = [(line, at) for b in SHELL if not b.skip for line, at in synopsis(b) if not NOT_RUN.search(line)]


@pytest.mark.parametrize("line,at", SYNOPSIS, ids=[f"README:{at}" for _, at in SYNOPSIS])
def test_cli_synopsis_line_runs(line, at, tmp_path):
    command = concrete(line, tmp_path)
    code, out = run_cli(command)
    assert code == 0, f"README.md:{at}: `{command}` exited {code}\n{out}"


def test_install_and_start_commands_are_not_run():
    skipped = [line for b in SHELL for line in b.lines if NOT_RUN.search(line)]
    assert any("pip install" in line for line in skipped) and any("streamlit run" in line for line in skipped)


@pytest.mark.parametrize(
    "shown,actual,ok",
    [
        (["a", "b"], ["a", "b"], True),
        (["a"], ["a", "b"], False),
        (["a", "…"], ["a", "b", "c"], True),
        (["a", "…", "c"], ["a", "b", "c"], True),
        (["a", "…", "c"], ["a", "b", "d"], False),
        (["x … z"], ["x y z"], True),
        (["x … z"], ["x y"], False),
    ],
)
def test_the_output_matcher(shown, actual, ok):
    assert matches(shown, actual) is ok


def test_blocks_marked_no_test_are_skipped():
    text = "Intro\n\n<!-- no-test -->\n```python\nraise SystemExit\n```\n\n```python\nx = 1\n```\n\n<!-- no-test -->\n\n    $ lsgmap nothing\n"
    found = blocks(text)
    assert [(b.kind, b.skip) for b in found] == [("python", True), ("python", False), ("shell", True)]
    assert found[2].lines == ["$ lsgmap nothing"]
