"""Presentera from the keyboard, as a presentation clicker drives it, in presentation mode without the menu, at 1366×768."""

from __future__ import annotations

from .browser_kit import drawn_overlaps, label_px, map_box, map_frame, screenshot


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
    assert label_px(live) >= 20  # each step laid out alone for the frame: 20 px or more on a 1366×768 projector
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


def test_every_step_fits_with_labels_of_20_px_and_the_merger_plays(browser, app_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    page.goto(app_url + "/presentera?story=lsg-roll&full=1", wait_until="domcontentloaded")
    _at_step(page, 1)
    page.wait_for_function("() => typeof window.__lsgmapKeys === 'function'", timeout=20_000)
    for step in range(1, 6):
        if step > 1:
            page.keyboard.press("ArrowRight")
            _at_step(page, step)
        page.wait_for_function("() => document.querySelector('.lsgmap-live') && document.querySelector('.lsgmap-live').dataset.state === 'still'",
                               timeout=20_000)
        page.wait_for_timeout(1200)
        frame, box = map_frame(page), map_box(page)
        assert box["y"] + box["height"] <= 768, (step, box)
        assert label_px(frame) >= 20, step
        assert drawn_overlaps(frame) == [], step
        screenshot(page, f"presentera-{step}-1366x768")  # step 5, the merger, is the README's (tests/browser/screenshots.py)
    played = page.evaluate("() => Number(document.querySelector('.lsgmap-live').dataset.played || 0)")
    ids = map_frame(page).evaluate("() => network.body.data.nodes.getIds()")
    assert played >= 4 and "lsg_trosa_gnesta" in ids and "lsg_trosa" not in ids  # steps glided in place; the merger step ends merged
    context.close()
