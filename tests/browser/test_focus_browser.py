"""Karta from the keyboard: every control of the map (date buttons, slider, date box, search and filters, the map itself,
its legend) shows where the focus is, as a change on the screen (a ring), at 1366×768."""

from __future__ import annotations

from .browser_kit import map_frame, screenshot

#: what a ring must change at least (pixels of the element's box and 6 px around it)
LEAST_CHANGED = 40

_ACTIVE = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const words = (e.innerText || '').split('\\n').map((s) => s.trim()).filter((s) => s && !/^[a-z_]+$/.test(s));  // not icon names
  return {name: e.getAttribute('aria-label') || words[0] || e.className.toString(),
          tag: e.tagName, map: !!e.closest('.lsgmap-wrap'), x: r.x, y: r.y, width: r.width, height: r.height,
          ring: [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]}; }"""


def _changed(before: bytes, after: bytes) -> int:
    """How many pixels differ between two PNG screenshots of one region."""
    import io

    from PIL import Image, ImageChops

    a, b = (Image.open(io.BytesIO(x)).convert("RGB") for x in (before, after))
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255]


def test_keyboard_focus_is_visible_on_the_maps_controls(page, app_url):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_url + "/karta", wait_until="domcontentloaded")
    map_frame(page)
    page.wait_for_timeout(3000)  # the first reruns are over
    page.mouse.move(1, 1)
    page.mouse.click(2, 300)  # start from the page, not from a control
    seen: dict[str, int] = {}
    for _ in range(10):
        page.keyboard.press("Tab")
        page.wait_for_timeout(250)
        el = page.evaluate(_ACTIVE)
        if el is None or el["y"] > 768:
            continue
        clip = {"x": max(0, el["x"] - 6), "y": max(0, el["y"] - 6), "width": min(el["width"] + 12, 1366), "height": min(el["height"] + 12, 768)}
        clip["width"], clip["height"] = min(clip["width"], 1366 - clip["x"]), min(clip["height"], 768 - clip["y"])
        focused = page.screenshot(clip=clip, animations="disabled")
        if el["map"]:  # the map's own: a ring of 3 px (the browser's default is a thin 1 px line)
            screenshot(page, f"karta-fokus-{len(seen)}-1366x768")
            assert el["ring"][0] == "solid" and el["ring"][1] >= 3, el
        page.evaluate("() => { window.__focused = document.activeElement; document.activeElement.blur(); }")
        page.wait_for_timeout(250)
        unfocused = page.screenshot(clip=clip, animations="disabled")
        page.evaluate("() => window.__focused.focus()")
        seen[f"{el['tag']} {el['name']}"[:60]] = _changed(unfocused, focused)
    print(seen)
    names = " | ".join(seen)
    for expected in ("Föregående ändring", "Nästa ändring", "Gå till datum", "Sök och filter", "vis-network", "Teckenförklaring"):
        assert expected in names, (expected, seen)
    invisible = {name: n for name, n in seen.items() if n < LEAST_CHANGED}
    assert not invisible, invisible
