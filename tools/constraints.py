"""Print the exact pins for constraints.txt: every distribution that ``lsgmap[test,bench]`` pulls in, at its installed release.

Run it in the environment the tests passed in, from the repository root::

    python3 tools/constraints.py > constraints.txt

The requirements are read from pyproject.toml (not from the installed lsgmap, which may be
older) and followed through the installed distributions' metadata, markers evaluated for
this Python; lsgmap itself is left out. A requirement that is not installed is an error.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ("test", "bench")


def _wanted(req: Requirement, extras: set[str]) -> bool:
    if req.marker is None:
        return True
    return any(req.marker.evaluate({"extra": extra}) for extra in (extras or {""}))


def closure(project: dict, extras: tuple[str, ...]) -> dict[str, str]:
    """Canonical name -> installed version of everything the project with ``extras`` needs."""
    name = canonicalize_name(project["name"])
    optional = project.get("optional-dependencies", {})
    todo: list[tuple[Requirement, set[str]]] = [(Requirement(r), set()) for r in project.get("dependencies", [])]
    todo += [(Requirement(r), set()) for extra in extras for r in optional.get(extra, [])]
    pins: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        req, _ = todo.pop()
        key = canonicalize_name(req.name)
        if key == name:  # lsgmap[app] inside lsgmap[test]
            todo += [(Requirement(r), set()) for extra in req.extras for r in optional.get(extra, [])]
            continue
        if (key, frozenset(req.extras)) in seen:
            continue
        seen.add((key, frozenset(req.extras)))
        dist = metadata.distribution(req.name)
        pins[key] = dist.version
        for line in dist.requires or []:
            sub = Requirement(line)
            if _wanted(sub, set(req.extras)):
                todo.append((sub, set(sub.extras)))
    return pins


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = closure(project, EXTRAS)
    print(f"# Exact releases of everything lsgmap[{','.join(EXTRAS)}] pulls in, as the tests last passed with.")
    print("# pyproject.toml states lower bounds only; install with: pip install -c constraints.txt -e \".[test]\"")
    print("# Regenerate in a passing environment: python3 tools/constraints.py > constraints.txt")
    for key in sorted(pins):
        print(f"{key}=={pins[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
