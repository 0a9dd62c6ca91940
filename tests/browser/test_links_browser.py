"""Links open where they point: every page's own address, old ``?page=`` links, the Data page's tab and search; no "Page not found"."""

from __future__ import annotations

import pytest

from .browser_kit import url_has

PAGES = {
    "karta": "lsgmap – samverkansstrukturen kring RAR",
    "jamfor": "Förval",  # the compare controls
    "fraga": "Din fråga (svenska eller engelska)",
    "presentera": "steg 1 av",
    "data": "Sök i tabellerna",
}


def _opened(page, url: str, expect: str) -> str:
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text(expect).first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # a "Page not found" dialog comes after the first paint
    assert page.get_by_text("Page not found").count() == 0, url
    return page.url


@pytest.mark.parametrize("key", list(PAGES))
def test_every_page_opens_at_its_own_address(page, app_url, key):
    shown = _opened(page, f"{app_url}/{key}", PAGES[key])
    assert shown.startswith(f"{app_url}/{key}")
    again = _opened(page, shown, PAGES[key])  # the address the page wrote opens it again
    assert again.startswith(f"{app_url}/{key}")


def test_old_page_links_and_the_data_tab(page, app_url):
    shown = _opened(page, f"{app_url}/?page=jamfor&start=2016-10-01&end=2017-03-01", "Förval")
    assert shown.startswith(f"{app_url}/jamfor?") and "start=2016-10-01" in shown
    shown = _opened(page, f"{app_url}/data?tab=events&q=Trosa", "Sök i tabellerna")
    assert page.get_by_role("tab", name="Händelser").get_attribute("aria-selected") == "true"
    assert page.get_by_label("Sök i tabellerna").input_value() == "Trosa"
    assert "tab=events" in shown and "q=Trosa" in shown


def test_an_unknown_address_says_so_in_swedish_and_opens_the_map(page, app_url):
    page.goto(f"{app_url}/nonsense", wait_until="domcontentloaded")
    said = page.get_by_text("Det finns ingen sida")
    said.wait_for(timeout=30_000)
    assert said.inner_text().replace("\u2060", "").strip() == "Det finns ingen sida ”/nonsense”. Här är Karta.", said.inner_text()
    url_has(page, "/karta?", timeout=20_000)
    # Streamlit shows its English dialog a moment after the page opens, or (when the app has already moved on to
    # Karta) not at all; either way none may stay: wait for it to be closed if it came
    if page.locator('[data-testid="stDialog"]').count():
        page.wait_for_function("() => document.documentElement.dataset.lsgmapClosedNotFound === '1'", timeout=10_000)
    else:
        page.wait_for_timeout(3000)
    assert page.get_by_text("Page not found").count() == 0  # Streamlit's English dialog is closed as it opens
    assert page.locator('[data-testid="stDialog"]').count() == 0
    assert page.get_by_text("Det finns ingen sida").count() == 1  # still said after the map's reruns
