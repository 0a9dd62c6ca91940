"""axe-core (axe-playwright-python, its axe.min.js run in the page: nothing fetched) on every page at 1366×768.

0 serious or critical violations: contrast (captions were #828180 on white, 3.88:1, until the theme in
.streamlit/config.toml), names of controls, ARIA. The live maps are vis-network canvases in the page itself: axe checks
their frame, legend and the controls around them, not what the canvas draws.
"""

from __future__ import annotations

import re
import time

import pytest

from lsgmap.app.pages import PAGES

from .browser_kit import map_frame, screenshot

#: what axe must not find
BLOCKING = {"serious", "critical"}
#: every page of the menu (the editing pages with editing on), and the states a meeting meets on top of them
STATES = [
    *((page.key, f"/{page.key}", page.when is not None) for page in PAGES),
    ("fraga-svar", "/fraga?q=Vem+styr+TUNA%3F", False),
    ("presentera-visning", "/presentera?mode=present", False),
    ("karta-filter", "/karta?q=trosa&hide=1", False),
]


def _settle(pg, timeout: float = 40.0, still: float = 2.0) -> None:
    """Wait until the page's text has not changed for ``still`` seconds (the reruns are over)."""
    end, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < end:
        now = pg.evaluate("() => { const m = document.querySelector('[data-testid=stMain]'); return m ? m.innerText : ''; }")
        if now != last:
            last, since = now, time.monotonic()
        elif len(now) > 40 and time.monotonic() - since >= still:
            return
        time.sleep(0.25)


def blocking_violations(pg) -> list[str]:
    """axe-core's serious and critical violations in the page, one line each: rule, impact, where, what."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg).response
    return [
        f"{v['id']} ({v['impact']}) at {node['target']}: {' '.join(node.get('failureSummary', '').split())[:240]}"
        for v in results["violations"] if v.get("impact") in BLOCKING for node in v["nodes"]
    ]


@pytest.mark.parametrize("name, path, edit", STATES, ids=[s[0] for s in STATES])
def test_axe_finds_no_serious_or_critical_violation(page, start_app, name, path, edit):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(start_app(None, edit=edit).url + path, wait_until="domcontentloaded")
    if name in ("karta", "jamfor", "presentera", "karta-filter"):
        map_frame(page)
    if name == "karta-filter":  # the search and filters open, as a meeting uses them
        page.get_by_role("button", name=re.compile(r"^Sök och filter")).click()
    _settle(page)
    found = blocking_violations(page)
    screenshot(page, f"axe-{name}-1366x768")
    assert not found, "\n".join(found)
