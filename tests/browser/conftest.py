"""Real-browser fixtures: a Streamlit server per dataset and Debian's chromium driven by Playwright.

Never runs ``playwright install``: the browser is /usr/bin/chromium (installed by
``.ci/run``). Without it the suite is skipped, unless ``CI`` is set, then it fails.
Every request a page makes is recorded; a request to any host other than
127.0.0.1/localhost fails the test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``python -m streamlit run app.py`` on a free port, for one dataset."""

    def __init__(self, data: Path | None, log: Path):
        self.port = _free_port()
        env = dict(os.environ)
        env.pop("LSGMAP_DATA", None)
        if data is not None:
            env["LSGMAP_DATA"] = str(data)
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = open(log, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port), "--server.address", "127.0.0.1"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit not healthy after {timeout} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_file.close()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        reason = "/usr/bin/chromium is missing: install Debian's chromium (.ci/run does) to run the browser suite"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def start_app(tmp_path_factory):
    """A factory: ``start_app(data_dir_or_None)`` -> running :class:`AppServer` (one per dataset, stopped at the end)."""
    servers: dict[str, AppServer] = {}

    def start(data: Path | None = None) -> AppServer:
        key = str(data)
        if key not in servers:
            servers[key] = AppServer(data, tmp_path_factory.mktemp("streamlit") / "server.log")
        return servers[key]

    yield start
    for server in servers.values():
        server.stop()


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


def screenshot(pg, name: str) -> Path:
    """Save a screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    return path


def map_frame(pg, index: int = 0, timeout: float = 30_000):
    """The ``index``-th map iframe's Frame, once vis-network has drawn its canvas."""
    locator = pg.locator("iframe").nth(index)
    locator.wait_for(state="attached", timeout=timeout)
    handle = locator.element_handle(timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_selector("canvas", timeout=timeout)
    frame.wait_for_function("() => typeof network !== 'undefined' && network.body && Object.keys(network.body.nodes).length > 0", timeout=timeout)
    return frame


def node_positions(frame) -> dict[str, list[float]]:
    """Drawn node ids and their canvas positions, from the live vis-network."""
    return frame.evaluate(
        "() => { const ids = network.body.data.nodes.getIds(); const p = network.getPositions(ids);"
        " const out = {}; for (const id of ids) out[id] = [p[id].x, p[id].y]; return out; }"
    )
