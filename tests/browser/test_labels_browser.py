"""Every control's screen-reader label in Swedish: Streamlit's own English words ("Help for Datum", "Remove Personer",
"Choose an option") are rewritten in the page (lsgmap.app.swedish_labels), the app's own are Swedish already."""

from __future__ import annotations

import re

import pytest

from .browser_kit import map_frame

#: Streamlit's English words that a Swedish page must not read out
ENGLISH = re.compile(r"^(Help for |Remove |Clear all$|Choose an? |Show data$|Fullscreen$|Collapse sidebar$|Expand sidebar$|Open$|Close$|"
                     r"Search$|Selected values$|Download as |Copy |Link to heading$|Show/hide columns$)")

_LABELS = "() => [...document.querySelectorAll('[aria-label], [placeholder]')].flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('placeholder')]).filter(Boolean)"


@pytest.mark.parametrize("path", ["/karta", "/data?tab=timeline", "/jamfor", "/presentera", "/fraga?q=Vem+styr+TUNA%3F"])
def test_no_english_screen_reader_label_on_a_swedish_page(page, app_url, path):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_url + path, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid=stMain] button", state="attached", timeout=40_000)
    if path == "/karta":
        map_frame(page)
        page.get_by_role("button", name=re.compile(r"^Sök och filter")).click()
        page.get_by_role("button", name="Ta bort Personer").wait_for(timeout=10_000)  # the pickers' chips
    page.wait_for_timeout(3000)
    labels = page.evaluate(_LABELS)
    english = sorted({label for label in labels if ENGLISH.match(label)})
    assert not english, english
    if path == "/karta":
        assert "Hjälp om Datum" in labels and "Hjälp om Gå till datum" in labels


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_the_legend_under_the_map_is_shapes_in_columns_that_fit(page, app_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_url + "/karta", wait_until="domcontentloaded")
    map_frame(page)
    page.wait_for_timeout(2000)
    fold = page.locator("[data-testid=stExpander]").filter(has_text="Teckenförklaring").first
    fold.scroll_into_view_if_needed()
    got = fold.evaluate("""(d) => { const grid = d.querySelector('[data-legend]').parentElement;
        const imgs = [...grid.querySelectorAll('img')];
        return {rows: grid.querySelectorAll('[data-legend]').length, scroll: grid.scrollWidth, width: grid.clientWidth,
                page: document.documentElement.scrollWidth, drawn: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
                columns: getComputedStyle(grid).gridTemplateColumns.split(' ').length}; }""")
    assert got["rows"] > 20 and got["drawn"] >= got["rows"] - 3, got  # each kind with its shape or line (the two evidence rows are drawn boxes)
    assert got["scroll"] <= got["width"] and got["page"] <= width, got  # nothing cut off, the page does not scroll sideways
    assert got["columns"] >= 4, got
