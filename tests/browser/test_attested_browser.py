"""The Karta page in a real browser on the dataset's default date: the notice, the faded facts, the legend row.

Screenshots at 1366×768 and 1920×1080 go to test-output/screenshots/attested-*.png.
"""

from __future__ import annotations

import re

import pytest

from .browser_kit import map_frame, node_records, screenshot

NOTICE = re.compile(r"(\d+) av (\d+) uppgifter saknar källa för detta datum")


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_karta_on_the_default_date_says_what_no_source_speaks_for(page, app_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_url + "/", wait_until="domcontentloaded")
    notice = page.get_by_text(NOTICE).first
    notice.wait_for(timeout=30_000)
    n, m = (int(v) for v in NOTICE.search(notice.inner_text()).groups())
    assert 0 < n < m
    assert notice.is_visible() and notice.bounding_box()["y"] < height  # above the map, on the first screen
    frame = map_frame(page)
    records = {r["id"]: r for r in node_records(frame)}
    faded = [i for i, r in records.items() if r.get("attested") is False]
    assert faded and all(records[i].get("opacity", 1) < 1 for i in faded)
    assert records["lsg_trosa"].get("attested", True)  # the status report speaks for 2016-11-15
    edges = frame.evaluate("() => network.body.data.edges.get()")
    assert n == len(faded) + sum(1 for e in edges if e.get("attested") is False)
    assert page.get_by_text("2016-11-15").count() > 0
    page.wait_for_timeout(500)
    screenshot(page, f"attested-karta-{width}x{height}")
    legend = page.locator('[data-testid="stExpander"] [data-legend="unattested"]').first  # the legend below the map
    legend.scroll_into_view_if_needed(timeout=10_000)
    assert legend.is_visible()
    assert legend.locator("xpath=..").get_by_text("saknar källa för detta datum", exact=True).first.is_visible()
    page.wait_for_timeout(300)
    screenshot(page, f"attested-legend-{width}x{height}")


def test_the_switch_hides_the_faded_facts(page, app_url):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_url + "/?attested=1", wait_until="domcontentloaded")
    page.get_by_text(NOTICE).first.wait_for(timeout=30_000)
    records = node_records(map_frame(page))
    assert records and not [r for r in records if r.get("attested") is False]
    page.get_by_role("button", name="Sök och filter (1)").click()  # the switch is set, and the button says so
    page.get_by_text("Visa bara belagda uppgifter").first.wait_for(timeout=10_000)
    screenshot(page, "attested-only-1366x768")
