"""Fråga in a real browser at a meeting's screen size: the attested answer first, on the first screen, one line each."""

from __future__ import annotations

import pytest

from .browser_kit import screenshot

QUESTION = "Vem styr TUNA?"
FIRST = "LSG Nyköping-Oxelösund — styr"  # attested by the status report on the default day (2016-11-15)


def _items(pg) -> list[dict]:
    """Each answer line (a fold's label with " — ") from the top: its text and its box on the screen."""
    return pg.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stExpander] summary')]
             .map((s) => ({text: (s.querySelector('[data-testid=stMarkdownContainer]') || s).innerText.replace(/\u2060/g, '').trim(),
                            box: s.getBoundingClientRect().toJSON()}))
             .filter((i) => i.text.includes(' — '))"""
    )


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_the_attested_answer_leads_on_the_first_screen(page, app_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_url + "/fraga", wait_until="domcontentloaded")
    box = page.get_by_label("Din fråga (svenska eller engelska)")
    box.fill(QUESTION)
    box.press("Enter")
    page.get_by_text("Belagt för 2016-11-15").wait_for(timeout=40_000)
    page.wait_for_timeout(1500)  # the page settles (fonts, the map beside it)
    items = _items(page)
    assert items and items[0]["text"].startswith(FIRST), [i["text"] for i in items]
    first = items[0]["box"]
    print(f"Fråga {width}×{height}: first answer line {first['top']:.0f}–{first['bottom']:.0f} px")
    assert first["bottom"] <= height, first  # the first answer line is on the first screen, unscrolled
    assert first["height"] <= 3 * 24, first  # one line (two where the column is narrow), not a wall of quotes
    names = [i["text"].split(" — ")[0] for i in items]
    assert names[:3] == ["LSG Nyköping-Oxelösund", "LSG Nyköping", "LSG Oxelösund"], names
    headings = page.evaluate("""() => Object.fromEntries(['Belagt för 2016-11-15', 'Gäller men saknar källa för 2016-11-15']
        .map((t) => [t, [...document.querySelectorAll('strong')].find((s) => s.innerText.trim() === t)?.getBoundingClientRect().top]))""")
    assert headings["Belagt för 2016-11-15"] < first["top"] < headings["Gäller men saknar källa för 2016-11-15"] < items[1]["box"]["top"]
    example = page.get_by_role("button", name="Vem styr TUNA egentligen?").bounding_box()
    assert example["y"] > first["bottom"]  # the question and its answer above the examples
    screenshot(page, f"fraga-{width}x{height}")
    page.get_by_text(FIRST).first.click()  # the quote and the notes one click away
    page.get_by_text("TUNA (LSG Nyköping-Oxelösund)").first.wait_for(timeout=10_000)
    if width == 1366:
        screenshot(page, "fraga-citat-1366x768")
