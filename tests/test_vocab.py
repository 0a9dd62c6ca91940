"""The vocabulary is the one place that names a relation kind (a new kind touches vocab.py and the data)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lsgmap.vocab import RELATION_KINDS, ROLES, kind_playing

PACKAGE = Path(__file__).resolve().parent.parent / "lsgmap"
#: the parts that must read kinds from the vocabulary
READERS = sorted([PACKAGE / "time" / "report.py", *(PACKAGE / "ask").glob("*.py"), PACKAGE / "dataset" / "checks.py", *(PACKAGE / "app").glob("*.py")])


def _kind_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    field_names = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys if key is not None}
    return [f"{path.name}:{node.lineno} {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in RELATION_KINDS and id(node) not in docstrings | field_names]


@pytest.mark.parametrize("path", READERS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_relation_kind_literal_outside_the_vocabulary(path):
    assert _kind_literals(path) == []


def test_the_check_finds_a_literal(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('"""Docstring naming steers is fine."""\nrow = {"steers": 1}\nif kind == "funds":\n    pass\n', encoding="utf-8")
    assert _kind_literals(planted) == ["planted.py:3 'funds'"]


def test_each_role_is_played_by_exactly_one_kind():
    played = [r.role for r in RELATION_KINDS.values() if r.role]
    assert sorted(played) == sorted(ROLES)
    assert {kind_playing(role) for role in ROLES} == {k for k, r in RELATION_KINDS.items() if r.role}
