"""The README's install commands work on a fresh machine as written, and CI runs the README's test command.

Running them takes minutes and the network, so these tests read them: each creates and uses
a virtual environment (Debian 12's system pip refuses to install: externally-managed-environment),
installs with the pinned releases of constraints.txt, and .ci/run runs the test command verbatim.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from browser.screenshots import README_SHOTS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
VENV = 'python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e ".[{extra}]"'


def _commands() -> list[str]:
    """The indented command lines at the top of the README, before its first heading after the title."""
    top = README.split("\n## ", 1)[0]
    return [line.strip() for line in top.splitlines() if line.startswith("    ")]


def test_the_readme_starts_with_the_app_command_and_the_test_command_in_a_venv():
    app, tests = _commands()
    assert app == VENV.format(extra="app") + " && .venv/bin/python -m streamlit run app.py"
    assert tests == VENV.format(extra="test") + " && .venv/bin/python -m pytest"


def test_ci_runs_the_readmes_test_command_verbatim():
    _, tests = _commands()
    assert tests in CI_RUN.splitlines()
    install_check = (ROOT / ".ci" / "install-check").read_text(encoding="utf-8")
    installs = [line for line in (CI_RUN + install_check).splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs and all("constraints.txt" in line for line in installs), installs


def test_constraints_pin_exactly_and_pyproject_only_bounds_below():
    pins = [line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*==[0-9][^\s=]*", p) for p in pins), pins
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    named = {re.match(r"[A-Za-z0-9._-]+", r).group(0).lower() for r in requirements}
    assert not [r for r in requirements if "==" in r or "<" in r], "lower bounds only in pyproject.toml; pins go in constraints.txt"
    assert named - {"lsgmap"} <= {p.split("==")[0] for p in pins}, "every dependency has its pin"


def test_every_readme_screenshot_has_the_test_that_draws_it():
    shown = set(re.findall(r"\(docs/(screenshot-[\w-]+\.png)\)", README))
    assert shown == set(README_SHOTS)
    for test, _ in README_SHOTS.values():
        path, name = test.split("::")
        assert f"def {name.split('[')[0]}(" in (ROOT / path).read_text(encoding="utf-8"), test
