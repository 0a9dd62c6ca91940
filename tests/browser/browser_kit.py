"""Helpers of the real-browser suite (importable by name; pytest's conftest.py is not).

Import them as ``from .browser_kit import ROOT, map_frame, screenshot``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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

    def __init__(self, data: Path | None, log: Path, *, edit: bool = False):
        self.port = _free_port()
        env = dict(os.environ)
        env.pop("LSGMAP_DATA", None)
        env.pop("LSGMAP_EDIT", None)
        if edit:
            env["LSGMAP_EDIT"] = "1"
        if data is not None:
            env["LSGMAP_DATA"] = str(data)
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = open(log, "wb")  # noqa: SIM115 (closed in stop())
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


def screenshot(pg, name: str) -> Path:
    """Save a screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    return path


#: the live map (lsgmap.app.live_map: vis-network in the page itself) or a map page in an iframe
MAPS = ".lsgmap-live canvas, iframe"
_LIVE = ".lsgmap-live"


class LiveMap:
    """One of several live maps in the page: the main frame, with ``network`` naming this map's network in what it evaluates.

    The live map keeps every network by its key (``window.lsgmapNetworks``); ``window.network`` is the last one drawn.
    """

    def __init__(self, frame, key: str):
        self.frame, self.key = frame, key

    def _wrapped(self, expression: str) -> str:
        return f"([key, arg]) => {{ const network = window.lsgmapNetworks[key]; return ({expression})(arg); }}"

    def evaluate(self, expression: str, arg=None):
        return self.frame.evaluate(self._wrapped(expression), [self.key, arg])

    def wait_for_function(self, expression: str, arg=None, **options):
        return self.frame.wait_for_function(self._wrapped(expression), arg=[self.key, arg], **options)

    def __getattr__(self, name: str):
        return getattr(self.frame, name)


def map_frame(pg, index: int = 0, timeout: float = 30_000):
    """The Frame whose global ``network`` is the ``index``-th map, once vis-network has drawn.

    Karta draws its map in the page (the live map: the page's own frame, ``window.network``); with several
    live maps (Jämför's before and after) the ``index``-th as a :class:`LiveMap`; the exports' maps are pages in iframes.
    The page is read until it holds still: during a rerun or a move through the menu the old page's maps may still be
    there, or only the first of two, so what is found is decided on two readings alike, not on the first one.
    """
    deadline = time.monotonic() + timeout / 1000
    read = (
        "(i) => { const live = document.querySelectorAll('.lsgmap-live'); const m = live[i];"
        " const ready = !!(m && m.dataset.key && window.lsgmapNetworks && window.lsgmapNetworks[m.dataset.key]);"
        " return [live.length, ready ? m.dataset.key : null, document.querySelectorAll('iframe').length]; }"
    )
    last = None
    while time.monotonic() < deadline:
        try:
            now = pg.evaluate(read, index)
        except Exception:  # noqa: BLE001 - the page is being replaced (a move through the menu)
            now = None
        if now is not None and now == last and (now[1] or (not now[0] and now[2] > index)):
            break
        last = now
        time.sleep(0.3)
    else:
        raise AssertionError(f"no map {index} drawn within {timeout / 1000:.0f} s (live maps, ready key, iframes: {last})")
    count, key, _ = now
    remaining = max(1_000, (deadline - time.monotonic()) * 1000)
    if count > 1:
        frame = LiveMap(pg.main_frame, key)
    elif count:
        frame = pg.main_frame
    else:
        frame = pg.locator("iframe").nth(index).element_handle(timeout=remaining).content_frame()
        frame.wait_for_selector("canvas", timeout=remaining)
    frame.wait_for_function("() => typeof network !== 'undefined' && network.body && Object.keys(network.body.nodes).length > 0", timeout=remaining)
    return frame


def url_has(pg, *parts: str, timeout: float = 20_000) -> None:
    """Wait until the page's address holds every one of ``parts``, read in the page itself (Playwright's own idea of
    the URL, which ``page.url`` and ``wait_for_url`` read, can lag seconds behind a rerun's history.pushState)."""
    pg.wait_for_function("(parts) => parts.every((p) => location.href.includes(p))", arg=list(parts), timeout=timeout)


def settled_on(pg, path: str, *params: str, timeout: float = 30_000) -> None:
    """Wait until the page in the browser is ``path`` and its run has written its state to the URL (``page=path`` and
    every one of ``params``, e.g. ``"assoc=x"``), read in the page itself (Playwright's own idea of the URL can lag)."""
    pg.wait_for_function(
        "([path, params]) => location.pathname.endsWith('/' + path) && location.search.includes('page=' + path)"
        " && params.every((p) => location.search.includes(p))",
        arg=[path, list(params)], timeout=timeout,
    )


def frames_ready(pg, timeout: float = 60_000) -> None:
    """Wait until the live map holds the maps of the days around its own (asked for by a rerun right after the first map is
    drawn): a step clicked while that rerun is running can be lost on the server and the map go back (seen under load in CI)."""
    pg.wait_for_function("() => { const m = document.querySelector('.lsgmap-live'); return m && m.__lsgmap && m.__lsgmap.frames; }",
                         timeout=timeout)


def map_box(pg, index: int = 0) -> dict:
    """The on-screen box of the ``index``-th map's canvas (the live map's canvas, or the iframe): node DOM positions are relative to it."""
    live = pg.locator(_LIVE)
    if live.count() > index:
        return live.nth(index).locator("canvas").first.bounding_box()
    return pg.locator("iframe").nth(index).bounding_box()


def poll_map(pg, read, predicate, index: int = 0, timeout: float = 30.0, ids=sorted):
    """Poll the (re-rendered) ``index``-th map until ``read(frame)`` satisfies ``predicate``; return that reading.

    ``ids(reading)`` names the drawn nodes in the failure message.
    """
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = read(map_frame(pg, index, timeout=5_000))
            if predicate(last):
                return last
        except Exception:  # noqa: BLE001 - the iframe is being replaced by a rerun
            pass
        time.sleep(0.3)
    raise AssertionError(f"map never showed the expected nodes; last: {ids(last) if last is not None else []}")


def node_records(frame) -> list[dict]:
    """The live vis-network's node records (id, dimmed, …)."""
    return frame.evaluate("() => network.body.data.nodes.get()")


def node_positions(frame) -> dict[str, list[float]]:
    """Drawn node ids and their canvas positions, from the live vis-network."""
    return frame.evaluate(
        "() => { const ids = network.body.data.nodes.getIds(); const p = network.getPositions(ids);"
        " const out = {}; for (const id of ids) out[id] = [p[id].x, p[id].y]; return out; }"
    )


def label_px(frame) -> float:
    """The smallest node label's size on screen (CSS px): vis-network's scale times the label's font size."""
    return frame.evaluate(
        "() => Math.min(...Object.values(network.body.nodes).filter((n) => n.options.label)"
        ".map((n) => network.getScale() * n.options.font.size))"
    )


def drawn_overlaps(frame, slack: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of drawn nodes whose drawings (shape and label, as vis-network measured them) share area."""
    return [tuple(pair) for pair in frame.evaluate(
        """(slack) => {
          const boxes = [];
          for (const [id, n] of Object.entries(network.body.nodes)) {
            if (!network.body.data.nodes.get(id)) continue;
            const b = n.shape.boundingBox, l = n.labelModule.size;
            const box = {id, left: b.left, top: b.top, right: b.right, bottom: b.bottom};
            if (n.options.label) {
              box.left = Math.min(box.left, l.left); box.top = Math.min(box.top, l.top);
              box.right = Math.max(box.right, l.left + l.width); box.bottom = Math.max(box.bottom, l.top + l.height);
            }
            boxes.push(box);
          }
          const out = [];
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], c = boxes[j];
            if (a.left + slack < c.right && c.left + slack < a.right && a.top + slack < c.bottom && c.top + slack < a.bottom) out.push([a.id, c.id].sort());
          }
          return out;
        }""",
        slack,
    )]
