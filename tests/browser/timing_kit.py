"""Timings in a real browser, shared by the browser tests (loose bounds) and ``bench/bench_browser.py`` (the figures).

- :func:`first_map_ms`: from the start of navigation to the first drawn node of the live map;
- :func:`standalone_ms`: the same for the exported HTML page opened from disk (the floor);
- :func:`date_change_ms`: from a click on "Nästa ändring" to the map starting to redraw (the first frame after its
  ``data-day`` changes), and to
  the server's answer (the URL follows the rerun), for several clicks;
- :func:`tab_open_ms`: from a click on a Data page tab to its content drawn.
"""

from __future__ import annotations

import time

_DRAWN = ("() => { const m = document.querySelector('.lsgmap-live'); const n = m && m.__lsgmap;"
          " return n && n.nodes.length > 0 && m.querySelector('canvas') ? performance.now() : false; }")


def first_map_ms(page, url: str, timeout: float = 60_000) -> float:
    """Milliseconds from navigation start to the live map holding drawn nodes."""
    page.goto(url, wait_until="commit")
    return float(page.wait_for_function(_DRAWN, timeout=timeout, polling="raf").json_value())


def standalone_ms(page, path) -> float:
    """Milliseconds from navigation start to the standalone HTML page's network having drawn (``network`` with nodes)."""
    page.goto(path.as_uri(), wait_until="commit")
    done = "() => window.network && window.network.body && Object.keys(window.network.body.nodes).length ? performance.now() : false"
    return float(page.wait_for_function(done, timeout=60_000, polling="raf").json_value())


_WATCH = """() => {
  window.__changes = [];
  const map = document.querySelector('.lsgmap-live');
  new MutationObserver(() => {  // the day changed: the canvas is drawn on the next frame
    const seen = [performance.now(), map.dataset.day];
    window.__changes.push(seen);
    requestAnimationFrame(() => seen.push(performance.now()));
  }).observe(map, {attributes: true, attributeFilter: ['data-day']});
  document.addEventListener('click', (e) => { if (e.target.closest('button')) window.__clicked = performance.now(); }, true);
}"""


def date_change_ms(page, clicks: int = 5, button: str = "Nästa ändring ▶") -> list[tuple[float, float]]:
    """(ms to the map's first redraw, ms to the server's answer in the URL) for ``clicks`` clicks on ``button``.

    The page must show a live map; each click waits for the server's answer before the next.
    """
    page.evaluate(_WATCH)
    found = []
    for _ in range(clicks):
        before = page.evaluate("() => document.querySelector('.lsgmap-live').dataset.day")
        url = page.url
        page.evaluate("() => { window.__changes = []; window.__clicked = null; }")
        page.get_by_role("button", name=button).click()
        page.wait_for_function("() => window.__changes.length > 0 && window.__changes[0].length > 2", timeout=30_000, polling="raf")
        deadline = time.monotonic() + 30
        while page.url == url and time.monotonic() < deadline:  # the server's answer writes the new date into the URL
            page.wait_for_timeout(10)
        answered = page.evaluate("() => performance.now()")
        clicked, first = page.evaluate("() => [window.__clicked, window.__changes[0][2]]")  # the first frame drawn after
        found.append((first - clicked, answered - clicked))
        page.wait_for_function("(d) => { const l = document.querySelector('.lsgmap-live'); return !!l && l.dataset.day !== d; }", arg=before, timeout=30_000)
        page.wait_for_timeout(1200)  # the merger animation and any rerun end before the next click
    return found


def tab_open_ms(page, name: str, timeout: float = 60_000) -> float:
    """Milliseconds from a click on the Data page's tab ``name`` to its panel's content drawn (a table, a chart or a notice)."""
    tab = page.get_by_role("tab", name=name, exact=True)
    started = time.perf_counter()
    tab.click()
    page.wait_for_function(
        "(name) => { const tabs = [...document.querySelectorAll('[role=tab]')]; const t = tabs.find((x) => x.innerText.trim() === name);"
        " if (!t || t.getAttribute('aria-selected') !== 'true') return false;"
        " const panel = document.getElementById(t.getAttribute('aria-controls'));"
        " return panel && panel.querySelector('[data-testid=stDataFrame] canvas, [data-testid=stDataFrameResizable], "
        "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg, [data-testid=stAlert]')"
        " && !document.querySelector('[data-testid=stStatusWidget] [data-testid=stStatusWidgetRunningIcon]'); }",
        arg=name, timeout=timeout, polling="raf",
    )
    return (time.perf_counter() - started) * 1000
