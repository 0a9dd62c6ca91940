"""Notices about a bad link or a page that is off stay until the reader closes them (a rerun took them away after ~2 s)."""

from __future__ import annotations

import pytest

from .browser_kit import map_frame

BAD_DATE = "Länken hade ett ogiltigt värde för on"
EDIT_OFF = "Redigering är avstängd på den här datorn"


@pytest.mark.parametrize("path, text", [("/karta?on=2099-99-99", BAD_DATE), ("/redigera", EDIT_OFF)], ids=["bad-date", "redigera-off"])
def test_a_notice_stays_across_reruns_until_closed(page, app_url, path, text):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_url + path, wait_until="domcontentloaded")
    notice = page.get_by_text(text)
    notice.wait_for(timeout=40_000)
    map_frame(page)  # the map is drawn and has asked for its frames: a rerun
    page.wait_for_function("() => { const m = document.querySelector('.lsgmap-live'); return m && m.__lsgmap && m.__lsgmap.frames; }",
                           timeout=30_000)
    page.get_by_role("button", name="Nästa ändring ▶").first.click()  # another rerun, the reader's own
    page.wait_for_timeout(4000)
    assert notice.is_visible(), "the notice went away without being closed"
    page.get_by_role("button", name="Stäng", exact=True).first.click()
    notice.wait_for(state="detached", timeout=10_000)
    page.get_by_role("button", name="Nästa ändring ▶").first.click()
    page.wait_for_timeout(3000)
    assert page.get_by_text(text).count() == 0  # closed stays closed
