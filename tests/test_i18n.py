"""Every message exists in Swedish and English with the same placeholders, and every key the code uses exists.

The code is scanned with ``ast`` (lsgmap/ with the app package, and app.py): the first argument of
``t(…)``, ``msg(…)``, ``Message(…)`` must be a key of ``UI``; the code of
``Problem(…)``, ``….problem(…)``, ``problem_text(…)`` a key of ``PROBLEMS``;
``reason_key=…`` and a ``DateParseError``'s reason a key of ``UI``; an
f-string key such as ``t(f"app.mark.{mark}")`` must be the prefix of some key.
:func:`unused_keys` lists the keys no code names (reported, not failed: strings
are being moved between modules).
"""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from lsgmap.i18n import PROBLEMS, UI

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*(ROOT / "lsgmap").rglob("*.py"), ROOT / "app.py"])
I18N = ROOT / "lsgmap" / "i18n.py"

UI_CALLS = {"t", "msg", "Message"}
PROBLEM_CALLS = {"Problem", "problem", "problem_text"}

#: Placeholders one language needs and the other does not, and why.
PLACEHOLDER_EXCEPTIONS = {
    # Swedish "fel" is the same word for one and many errors; English chooses "error"/"errors" ({errs}).
    "check.summary": {"errs"},
}


def placeholders(text: str) -> set[str]:
    """The field names of a format string: ``"{value!r} at {where}"`` → ``{"value", "where"}``.

    A data text in the message's own language counts as one placeholder:
    ``{topic_sv}`` in Swedish and ``{topic_en}`` in English are both ``topic_<lang>``.
    """
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
    return {n[:-3] + "_<lang>" if n.endswith(("_sv", "_en")) else n for n in names}


def _callee(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _static_prefix(node: ast.JoinedStr) -> str:
    first = node.values[0] if node.values else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


def scan() -> dict[str, list]:
    """Keys named in the code: ``ui`` and ``problems`` (key, where), ``prefixes`` (f-string prefix, where), ``constants``."""
    found: dict[str, list] = {"ui": [], "problems": [], "prefixes": [], "constants": [], "any_prefixes": []}
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and path != I18N:
                found["constants"].append(node.value)
            if isinstance(node, ast.JoinedStr) and path != I18N and "." in _static_prefix(node):
                found["any_prefixes"].append(_static_prefix(node))  # e.g. key = f"diff.event.{kind}"
            if not isinstance(node, ast.Call):
                continue
            where = f"{rel}:{node.lineno}"
            name = _callee(node)
            targets: list[tuple[str, ast.AST]] = []
            if name in UI_CALLS and node.args:
                targets.append(("ui", node.args[0]))
            if name in PROBLEM_CALLS and node.args:
                targets.append(("problems", node.args[0]))
            if name == "DateParseError" and len(node.args) > 1:
                targets.append(("ui", node.args[1]))
            if name == "kind" and len(node.args) > 2:  # _RowReader.kind(column, vocabulary, problem code)
                targets.append(("problems", node.args[2]))
            targets += [("ui", k.value) for k in node.keywords if k.arg == "reason_key"]
            for table, arg in targets:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[table].append((arg.value, where))
                elif isinstance(arg, ast.JoinedStr) and _static_prefix(arg):
                    found["prefixes"].append((table, _static_prefix(arg), where))
    return found


FOUND = scan()


def _descriptor_codes() -> set[str]:
    """The problem codes the schema names (``lsgmap:codes`` of its fields)."""
    descriptor = json.loads((ROOT / "lsgmap" / "dataset" / "datapackage.json").read_text(encoding="utf-8"))
    return {code for r in descriptor["resources"] for f in r["schema"]["fields"] for code in f.get("lsgmap:codes", {}).values()}


def unused_keys() -> list[str]:
    """Keys of UI and PROBLEMS that no code (nor the schema) names as a string, and that no f-string key can make."""
    named = set(FOUND["constants"]) | _descriptor_codes()
    prefixes = [p for _, p, _ in FOUND["prefixes"]] + FOUND["any_prefixes"]
    return sorted(
        key for key in [*UI, *PROBLEMS]
        if key not in named and not any(key.startswith(p) for p in prefixes)
    )


@pytest.mark.parametrize("key", sorted(UI))
def test_ui_text_in_both_languages_with_the_same_placeholders(key):
    entry = UI[key]
    assert isinstance(entry, tuple) and len(entry) == 2, key
    sv, en = entry
    assert isinstance(sv, str) and sv.strip() and isinstance(en, str) and en.strip(), key
    differ = placeholders(sv) ^ placeholders(en)
    assert differ == PLACEHOLDER_EXCEPTIONS.get(key, set()), f"{key}: placeholders differ: {sorted(differ)}"


@pytest.mark.parametrize("code", sorted(PROBLEMS))
def test_problem_text_in_both_languages_with_the_same_placeholders(code):
    entry = PROBLEMS[code]
    assert isinstance(entry, tuple) and len(entry) == 4, code
    what_sv, what_en, fix_sv, fix_en = entry
    for text in entry:
        assert isinstance(text, str) and text.strip(), code
    assert placeholders(what_sv) == placeholders(what_en), f"{code}: what: {sorted(placeholders(what_sv) ^ placeholders(what_en))}"
    assert placeholders(fix_sv) == placeholders(fix_en), f"{code}: fix: {sorted(placeholders(fix_sv) ^ placeholders(fix_en))}"


def test_the_scan_finds_the_calls():
    assert len(FOUND["ui"]) > 100 and len(FOUND["problems"]) > 10 and FOUND["prefixes"]
    assert ("report.title", "lsgmap/time/report.py") in {(k, w.split(":")[0]) for k, w in FOUND["ui"]}


def test_every_ui_key_used_in_the_code_exists():
    missing = sorted({f"{key} ({where})" for key, where in FOUND["ui"] if key not in UI})
    assert not missing, missing


def test_every_problem_code_used_in_the_code_exists():
    missing = sorted({f"{code} ({where})" for code, where in FOUND["problems"] if code not in PROBLEMS})
    assert not missing, missing


def test_every_f_string_key_has_keys_with_its_prefix():
    tables = {"ui": UI, "problems": PROBLEMS}
    missing = sorted({f"{prefix}… ({where})" for table, prefix, where in FOUND["prefixes"] if not any(k.startswith(prefix) for k in tables[table])})
    assert not missing, missing


def test_no_key_is_unused():
    """Every message is named somewhere (the code or the schema): a key nothing names is dead text."""
    assert unused_keys() == []


def test_a_conflict_without_an_english_topic_is_told_with_the_swedish_one(tiny):
    from lsgmap.dataset.checks import check

    s = tiny(entities=[{"id": "a", "kind": "lsg"}], conflicts=[{"facts": ["a"], "topic_sv": "Källorna säger olika om A"}])
    [note] = [p for p in check(s) if p.code == "conflict.documented"]
    assert "Källorna säger olika om A" in note.render("en")
