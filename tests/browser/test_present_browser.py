"""Presentera from the keyboard, as a presentation clicker drives it, in presentation mode without the menu, at 1366×768."""

from __future__ import annotations

from .browser_kit import map_box, map_frame, screenshot


def _at_step(page, n: int) -> None:
    page.get_by_text(f"steg {n} av 5").wait_for(timeout=20_000)


def test_a_clicker_drives_the_story_and_escape_leaves_presentation_mode(browser, app_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    page.goto(app_url + "/presentera?full=1", wait_until="domcontentloaded")
    _at_step(page, 1)
    page.wait_for_function("() => typeof window.__lsgmapKeys === 'function'", timeout=20_000)  # the key listener is mounted
    assert not page.locator('[data-testid="stSidebar"]').is_visible()  # the menu is hidden
    for key, step in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("Space", 3), ("ArrowLeft", 2), ("End", 5), ("Home", 1)):
        page.keyboard.press(key)
        _at_step(page, step)
    page.keyboard.press("PageDown")
    _at_step(page, 2)
    page.wait_for_timeout(1500)
    frame = map_box(page)
    assert frame["y"] + frame["height"] <= 768, frame  # the step's map fits the projector's screen, no scrolling
    live = map_frame(page)
    label_px = live.evaluate("() => network.getScale() * Object.values(network.body.nodes)[0].options.font.size")
    assert label_px >= 12, label_px  # the step laid out alone: about 13 px on screen (9 px in the whole map's places)
    screenshot(page, "presentera-full-1366")
    assert "step=2" in page.url and "full=1" in page.url
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=20_000)
    assert "full=1" not in page.url
    context.close()


def test_keys_typed_in_a_field_do_not_step(page, app_url):
    page.goto(app_url + "/presentera", wait_until="domcontentloaded")
    _at_step(page, 1)
    page.wait_for_function("() => typeof window.__lsgmapKeys === 'function'", timeout=20_000)
    page.keyboard.press("ArrowRight")
    _at_step(page, 2)
    box = page.get_by_role("combobox").first  # the story picker in the menu
    box.click()
    page.keyboard.press("Escape")
    box.press("ArrowRight")
    page.wait_for_timeout(1500)
    assert page.get_by_text("steg 2 av 5").count() == 1
