"""Fuzzing: mutated copies of tests/data/valid through the loader, ``check``, every CLI command and every app page.

The assertion is that nothing raises: every case loads (its problems put
into words on one line), every CLI command returns an exit code, every page
renders without an exception. Bounded for the normal suite; set
``LSGMAP_FUZZ_CASES`` (e.g. 5000) and ``LSGMAP_FUZZ_PAGES`` for a longer run,
``LSGMAP_FUZZ_SEED`` to start elsewhere. A failure names its seed:
``tests.fuzz_kit.make_case(SEED, folder)`` rebuilds the case.
"""

from __future__ import annotations

import os
import shutil

import pytest
from fuzz_kit import VALID, make_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_kit import COMMANDS, PAGES, only_opens_inside, run_library_and_cli, run_pages

from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH

pytestmark = pytest.mark.slow  # fuzz: hundreds of generated datasets through the library, the CLI and the pages

CASES = int(os.environ.get("LSGMAP_FUZZ_CASES", "240"))
PAGE_CASES = int(os.environ.get("LSGMAP_FUZZ_PAGES", "8"))
SEED = int(os.environ.get("LSGMAP_FUZZ_SEED", "0"))
BATCH = 40


@pytest.mark.parametrize("batch", range(0, CASES, BATCH), ids=lambda b: f"seeds{SEED + b}-{SEED + min(b + BATCH, CASES) - 1}")
def test_no_data_makes_the_library_or_the_cli_raise(tmp_path, batch):
    for seed in range(SEED + batch, SEED + min(batch + BATCH, CASES)):
        what = make_case(seed, tmp_path / "case")
        try:
            with only_opens_inside(tmp_path / "case"):  # nothing outside the folder is read, whatever it holds
                run_library_and_cli(tmp_path / "case")
        except Exception as exc:  # pragma: no cover - the report of a failure
            raise AssertionError(f"{what}: {type(exc).__name__}: {exc}") from exc


@pytest.mark.parametrize("seed", range(SEED + 100_000, SEED + 100_000 + PAGE_CASES))
def test_no_data_makes_a_page_raise(tmp_path, monkeypatch, seed):
    what = make_case(seed, tmp_path / "case")
    try:
        run_pages(monkeypatch, tmp_path / "case", PAGES)
    except AssertionError as exc:  # pragma: no cover - the report of a failure
        raise AssertionError(f"{what}: {exc}") from exc


# -- Hypothesis: any text in any cell of the tables with dates and ids ---------------------------------------

_cell_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["9999", "9999-12-31", "0000", "1600", "2300", "2016-02-30", "0;0", "lsg_a;lsg_b", "1e400", "inf", "-0", ""]
)
_targets = st.sampled_from(
    [("entities.csv", c) for c in (1, 7, 8)] + [("relations.csv", c) for c in (1, 3, 4, 5)] + [("events.csv", c) for c in (2, 3, 6, 7)]
    + [("budget.csv", c) for c in (1, 2, 5)] + [("sources.csv", c) for c in (1,)]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=_targets, row=st.integers(1, 4), text=_cell_text)
def test_any_text_in_a_cell(tmp_path, target, row, text):
    import csv
    import io

    folder = tmp_path / "h"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(VALID, folder)
    shutil.copy(DEFAULT_SCHEMA_PATH, folder / "datapackage.json")
    file, column = target
    rows = list(csv.reader(io.StringIO((folder / file).read_text(encoding="utf-8"), newline="")))
    rows[min(row, len(rows) - 1)][column] = text
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    (folder / file).write_text(out.getvalue(), encoding="utf-8")
    run_library_and_cli(folder, [c for c in COMMANDS if c[0] in ("check", "snapshot", "timeline", "diff", "report")])
