"""Shared fixtures: the bundled dataset, loaded once per test session."""

from __future__ import annotations

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
