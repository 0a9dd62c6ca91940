"""The package's floors: every import points down (or stays on its floor), and ``import lsgmap`` stays light.

A floor may import from the floors below it and from its own; never from a floor above. The
ground floor is the few modules at the top of ``lsgmap/``; the wings (exchange, edit, cli, app)
sit on top. ``../shared/tools/import_cycles.py`` checks circles; this checks direction.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lsgmap"

#: floor of each top-level name under lsgmap (a module or a subpackage)
FLOORS = {
    "errors": 0, "i18n": 0, "vocab": 0, "dates": 0, "text": 0,
    "model": 1,
    "dataset": 2,
    "time": 3,
    "ask": 4, "draw": 4,
    "exchange": 5, "edit": 5, "scenario": 5, "intake": 5,
    "cli": 6, "app": 6,
    "__init__": 7, "__main__": 7,
}


def _top(module: str) -> str:
    """``lsgmap.draw.layout.positions`` → ``draw``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in ``path``, inside functions too."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, target) for line, target in found if target == "lsgmap" or target.startswith("lsgmap.")]


def _upward(path: Path) -> list[str]:
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    here = FLOORS[_top(module.removesuffix(".__init__")) if path.parent != PACKAGE else path.stem]
    out = []
    for line, target in _imports(path):
        there = FLOORS[_top(target)]
        if there > here:
            out.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target} (floor {there} > {here})")
    return out


def test_every_top_level_name_has_a_floor():
    names = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert names == set(FLOORS), "a new module or subpackage needs its floor here"


def test_at_most_twelve_modules_at_the_top():
    assert len(list(PACKAGE.glob("*.py"))) <= 12


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_points_up(path):
    assert _upward(path) == []


def test_the_check_finds_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "lsgmap"
    (fake / "model").mkdir(parents=True)
    planted = fake / "model" / "planted.py"
    planted.write_text("from lsgmap.draw.view import View\nfrom lsgmap.dates import to_day\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert _upward(planted) == ["lsgmap/model/planted.py:1 imports lsgmap.draw.view (floor 4 > 1)"]


def test_import_lsgmap_loads_neither_streamlit_nor_the_drawing_libraries():
    code = "import sys, lsgmap, lsgmap.cli; print(sorted(m for m in ('streamlit', 'matplotlib', 'pyvis', 'pptx', 'openpyxl', 'rdflib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
