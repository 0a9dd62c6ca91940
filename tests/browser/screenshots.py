"""Refresh the README's screenshots (docs/screenshot-*.png) from the browser tests that draw them.

Run from the repository root::

    python3 -m tests.browser.screenshots

It runs the browser tests below (Debian's chromium, as the suite does), and when all of
them pass it copies each one's screenshot from ``test-output/screenshots/`` to ``docs/``.
The test suite itself writes screenshots only to ``test-output/`` (gitignored), so a test
run never changes a tracked file.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
DOCS = ROOT / "docs"

#: README image -> (the browser test that draws it, the screenshot it saves under test-output/screenshots/)
README_SHOTS = {
    "screenshot-karta-1366.png": (
        "tests/browser/test_map_browser.py::test_controls_and_the_whole_map_fit_the_screen_with_readable_labels[2016-11-15-1366-768-14.0]",
        "karta-2016-11-15-1366x768.png",
    ),
    "screenshot-karta-detaljer.png": ("tests/browser/test_map_browser.py::test_a_click_on_a_node_opens_its_details", "karta-detaljer-1366x768.png"),
    "screenshot-presentera.png": (
        "tests/browser/test_present_browser.py::test_every_step_fits_with_labels_of_20_px_and_the_merger_plays",
        "presentera-5-1366x768.png",
    ),
    "screenshot-fraga.png": ("tests/browser/test_pages_browser.py::test_typed_question_highlights_the_chain", "fraga.png"),
    "screenshot-redigera.png": ("tests/browser/test_edit_browser.py::test_an_edit_in_the_browser_is_previewed_saved_and_logged", "redigera-1920.png"),
    "screenshot-intake.png": ("tests/browser/test_edit_browser.py::test_a_status_report_read_in_the_browser_is_marked_and_saved", "redigera-intake-1366.png"),
}


def main(argv: list[str] | None = None) -> int:
    import pytest

    started = time.time()
    tests = sorted({test for test, _ in README_SHOTS.values()})
    code = pytest.main(["-p", "no:cacheprovider", "-rs", *(f"{ROOT}/{test}" for test in tests), *(argv or [])])
    if code != 0:
        print(f"screenshots: the browser tests did not pass (pytest exit {code}); docs/ left as it was", file=sys.stderr)
        return int(code) or 1
    stale = [shot for _, shot in README_SHOTS.values() if not (SHOTS / shot).exists() or (SHOTS / shot).stat().st_mtime < started]
    if stale:  # skipped (no chromium) or not drawn
        print(f"screenshots: not drawn in this run: {', '.join(stale)}; docs/ left as it was", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    for target, (_, shot) in README_SHOTS.items():
        shutil.copyfile(SHOTS / shot, DOCS / target)
        print(f"screenshots: docs/{target} <- test-output/screenshots/{shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
