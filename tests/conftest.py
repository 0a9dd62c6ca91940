"""Shared fixtures: the bundled dataset, loaded once per test session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lsgmap.model import BUNDLED_DATA, load

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


@pytest.fixture(scope="session")
def sormland():
    """The bundled Sörmland structure (do not mutate)."""
    return load(BUNDLED_DATA)


@pytest.fixture(scope="session")
def bad_data_dir() -> Path:
    return TESTS / "data"


@pytest.fixture
def check_golden():
    """Compare data with tests/golden/NAME; rewrite the file when LSGMAP_UPDATE_GOLDEN=1."""

    def compare(name: str, data: object) -> None:
        path = TESTS / "golden" / name
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if os.environ.get("LSGMAP_UPDATE_GOLDEN") == "1":
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{name} is missing; create it with LSGMAP_UPDATE_GOLDEN=1"
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), f"{name} differs; rerun with LSGMAP_UPDATE_GOLDEN=1 if intended"

    return compare
