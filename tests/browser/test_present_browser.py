"""Presentera from the keyboard, as a presentation clicker drives it, in presentation mode without the menu, at 1366×768."""

from __future__ import annotations

import contextlib

from .browser_kit import drawn_overlaps, label_px, map_box, map_frame, screenshot


def _at_step(page, n: int) -> None:
    page.get_by_text(f"steg {n} av 5").wait_for(timeout=20_000)


def test_a_clicker_drives_the_story_and_escape_leaves_presentation_mode(browser, app_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    page.goto(app_url + "/presentera?full=1", wait_until="domcontentloaded")
    _at_step(page, 1)
    page.wait_for_function("() => typeof window.__lsgmapKeys === 'function'", timeout=20_000)  # the key listener is mounted
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=20_000)  # the menu is hidden (once the page has run)
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
    # the URL read in the page itself once the run has written it (Playwright's own idea of the URL can lag seconds)
    page.wait_for_function("() => location.search.includes('step=2') && location.search.includes('full=1')", timeout=20_000)
    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=20_000)
    page.wait_for_function("() => location.search.includes('page=presentera') && !location.search.includes('full=1')", timeout=20_000)
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


#: the bottom of the visible text of the step's column (its title, text, date, the folded notes' line, the caption)
_TEXT_BOTTOM = """() => {
  let column = null;
  for (const c of document.querySelectorAll('[data-testid="stColumn"]')) if (c.querySelector('h1')) column = c;
  let bottom = 0, last = '';
  for (const el of column.querySelectorAll('h1, p, li, summary, pre, [data-testid="stText"], [data-testid="stCaptionContainer"]')) {
    if (el.closest('details:not([open])') && !el.closest('summary')) continue;  // folded away
    const b = el.getBoundingClientRect();
    if (b.height > 0 && b.bottom > bottom) { bottom = b.bottom; last = el.textContent.slice(0, 60); }
  }
  return [bottom, last];
}"""

#: the drawn nodes whose box (shape and label, as vis-network measured them) leaves the map's canvas, in CSS px
_OUTSIDE = """() => {
  const canvas = document.querySelector('.lsgmap-live canvas').getBoundingClientRect(), out = [];
  for (const [id, n] of Object.entries(network.body.nodes)) {
    if (!network.body.data.nodes.get(id)) continue;
    const b = n.shape.boundingBox, l = n.labelModule.size;
    const a = network.canvasToDOM({x: Math.min(b.left, l.left), y: Math.min(b.top, l.top)});
    const z = network.canvasToDOM({x: Math.max(b.right, l.left + l.width), y: Math.max(b.bottom, l.top + l.height)});
    if (a.x < 0 || a.y < 0 || z.x > canvas.width || z.y > canvas.height) out.push([id, Math.round(a.x), Math.round(a.y), Math.round(z.x), Math.round(z.y)]);
  }
  return out;
}"""

_STILL = "() => document.querySelector('.lsgmap-live') && document.querySelector('.lsgmap-live').dataset.state === 'still'"
#: the view has reached the scale the live map fitted it to (the glide to a step's frame has ended)
_FITTED = ("() => { const m = document.querySelector('.lsgmap-live');"
           " return m && m.dataset.scale && Math.abs(network.getScale() - Number(m.dataset.scale)) < 1e-3; }")


def _steps(page, story: str, count: int):
    """Go through the story's steps with the clicker's key; yields each step's number once its map is still."""
    page.wait_for_function("() => typeof window.__lsgmapKeys === 'function'", timeout=20_000)
    for step in range(1, count + 1):
        if step > 1:
            page.keyboard.press("ArrowRight")
        page.get_by_text(f"steg {step} av {count}").wait_for(timeout=20_000)
        page.wait_for_function(_STILL, timeout=20_000)
        page.wait_for_timeout(1200)
        page.wait_for_function(_FITTED, timeout=20_000)
        page.wait_for_timeout(300)
        yield step


def test_each_steps_text_fits_beside_its_map_and_the_notes_open_on_k(browser, app_url):
    """Presentation mode at 1366×768: every step of both stories, its text and the folded notes' line, ends on the
    screen; its labels are 20 px or more and none meet; "Källor och invändningar" opens on K (and the notes show)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    folded = 0
    for story, count in (("lsg-roll", 5), ("vem-styr-2016-2017", 4)):
        page.goto(app_url + f"/presentera?story={story}&step=1&full=1", wait_until="domcontentloaded")
        for step in _steps(page, story, count):
            # a late rerun (the viewport's second measure, on a loaded machine) may still be laying the page out; a
            # page that never fits is said by the assertion below, with the text that ends lowest
            with contextlib.suppress(Exception):
                page.wait_for_function(f"() => {{ const [b] = ({_TEXT_BOTTOM})(); return b > 0 && b <= 768; }}", timeout=15_000)
            bottom, last = page.evaluate(_TEXT_BOTTOM)
            assert 0 < bottom <= 768, (story, step, bottom, last)
            frame = map_frame(page)
            assert label_px(frame) >= 20, (story, step, label_px(frame))
            assert drawn_overlaps(frame) == [], (story, step)
            assert page.evaluate(_OUTSIDE) == [], (story, step)
            summary = page.locator('[data-testid="stExpander"] summary', has_text="Källor och invändningar")
            if summary.count():
                folded += 1
                assert page.locator('[data-testid="stExpander"] details[open]').count() == 0  # folded at first
                if folded == 1:
                    screenshot(page, f"presentera-{story}-{step}-folded-1366x768")
                page.keyboard.press("k")
                page.locator('[data-testid="stExpander"] details[open]').wait_for(timeout=10_000)
                assert page.get_by_text("Motstridiga källor", exact=False).first.is_visible() or page.get_by_text("arbetsnamn").first.is_visible()
                page.keyboard.press("k")  # and closes again
                page.wait_for_function("() => !document.querySelector('[data-testid=\"stExpander\"] details[open]')", timeout=10_000)
    assert folded >= 3  # the steps with conflicts or working names have their notes folded
    context.close()


def test_no_node_outside_the_frame_at_1920_and_labels_of_14_px_with_the_menu(browser, app_url):
    """At 1920×1080 in presentation mode no node's drawing leaves the map's frame; in the page with its menu at
    1366×768 the labels are 14 px or more."""
    for size, full, least in (((1920, 1080), True, 20), ((1366, 768), False, 14)):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="sv-SE")
        page = context.new_page()
        for story, count in (("lsg-roll", 5), ("vem-styr-2016-2017", 4)):
            page.goto(app_url + f"/presentera?story={story}" + ("&full=1" if full else ""), wait_until="domcontentloaded")
            for step in _steps(page, story, count):
                frame = map_frame(page)
                assert page.evaluate(_OUTSIDE) == [], (size, story, step)
                assert label_px(frame) >= least, (size, story, step, label_px(frame))
                assert drawn_overlaps(frame) == [], (size, story, step)
                if story == "lsg-roll" and step in (2, 5):
                    screenshot(page, f"presentera-{step}-{size[0]}x{size[1]}{'' if full else '-menu'}")
        context.close()
