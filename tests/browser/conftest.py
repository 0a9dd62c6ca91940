"""Real-browser fixtures: a Streamlit server per dataset and Debian's chromium driven by Playwright.

Never runs ``playwright install``: the browser is /usr/bin/chromium (installed by
``.ci/run``). Without it the suite is skipped, unless ``CI`` is set, then it fails.
Every request a page makes is recorded; a request to any host other than
127.0.0.1/localhost fails the test. Every test here is marked ``browser``
(``pytest -m "not browser"`` leaves the suite out).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .browser_kit import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_HOSTS,
    ROOT,
    SCREENSHOTS,
    AppServer,
    map_frame,
    node_positions,
    screenshot,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder ``browser`` (a conftest's hook sees every item of the run, hence the path test)."""
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        reason = "/usr/bin/chromium is missing: `sudo apt-get install -y chromium` to run the browser suite (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def start_app(tmp_path_factory):
    """A factory: ``start_app(data_dir_or_None, edit=False)`` -> running :class:`AppServer` (one per dataset, stopped at the end)."""
    servers: dict[str, AppServer] = {}

    def start(data: Path | None = None, *, edit: bool = False) -> AppServer:
        key = f"{data}|{edit}"
        if key not in servers:
            servers[key] = AppServer(data, tmp_path_factory.mktemp("streamlit") / "server.log", edit=edit)
        return servers[key]

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def national(tmp_path_factory):
    """The national synthetic dataset (80 associations): bench/out/national when the benchmarks made it, else made here."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import NATIONAL, generate

    made = ROOT / "bench" / "out" / "national"
    if (made / "entities.csv").exists():
        return made
    return generate(tmp_path_factory.mktemp("national") / "data", seed=0, **NATIONAL)


@pytest.fixture(scope="session")
def app_url(start_app) -> str:
    """The app on the bundled dataset."""
    return start_app(None).url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page (1400×1000) that records every request and fails the test on any outside host."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    pg = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.requests = requests  # type: ignore[attr-defined]
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    yield pg
    outside = sorted({u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS and not u.startswith(("data:", "blob:", "about:"))})
    context.close()
    assert not outside, f"requests left the machine: {outside}"
