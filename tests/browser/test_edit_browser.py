"""Redigera in a real browser at 1366×768, in Swedish: change an entity with a source, see the preview, save; and the page is off by default."""

from __future__ import annotations

import shutil

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.edit import Dataset

from .browser_kit import screenshot


def _choose(pg, label: str, typed: str) -> None:
    """Pick in a Streamlit select box as a person does: click it, type, Enter."""
    pg.get_by_role("combobox", name=label).click()
    pg.keyboard.type(typed)
    pg.keyboard.press("Enter")


def test_an_edit_in_the_browser_is_previewed_saved_and_logged(browser, start_app, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    server = start_app(folder, edit=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:", "about:")) else None)
    pg.goto(server.url + "/redigera", wait_until="domcontentloaded")
    pg.get_by_text("Vad vill du göra?").wait_for(timeout=30_000)
    pg.get_by_label("Vem ändrar (ditt namn)").fill("Ida")
    pg.get_by_label("Vem ändrar (ditt namn)").press("Enter")
    pg.get_by_text("Ändra aktör/projekt").click()
    _choose(pg, "Aktör eller projekt", "TRIS – Tidig")
    english = pg.get_by_label("Namn (engelska)")
    pg.wait_for_function("() => [...document.querySelectorAll('input')].some(i => i.value === 'TRIS – Early Rehabilitation in Collaboration')")
    english.fill("TRIS project")
    english.press("Enter")
    save = pg.get_by_role("button", name="Spara ändringen")
    pg.get_by_text("Inget sparat: 1 problem måste rättas först.").wait_for(timeout=20_000)  # no source yet
    assert save.is_disabled()
    _choose(pg, "Källor (minst en)", "an_gnesta_trosa")
    pg.keyboard.press("Escape")
    pg.get_by_text("och dess grannar efter ändringen").wait_for(timeout=20_000)
    pg.wait_for_function("() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('Spara ändringen') && !b.disabled)")
    screenshot(pg, "redigera-1366")
    pg.set_viewport_size({"width": 1920, "height": 1080})
    pg.get_by_text("Förhandsvisning").scroll_into_view_if_needed()
    pg.wait_for_timeout(800)
    screenshot(pg, "redigera-1920")  # the README's (tests/browser/screenshots.py)
    assert load(folder).entities["tris"].name_en != "TRIS project"  # the preview writes nothing
    save.click()
    pg.get_by_text("Sparat som ändring c0001").wait_for(timeout=20_000)
    assert load(folder).entities["tris"].name_en == "TRIS project"
    log = Dataset(folder).log()
    assert [(r["row"], r["who"]) for r in log] == [("tris", "Ida")]
    context.close()
    assert not outside, outside


def test_the_edit_page_is_off_by_default(page, app_url):
    page.goto(app_url + "/?page=redigera", wait_until="domcontentloaded")
    page.get_by_text("Redigering är avstängd på den här datorn").wait_for(timeout=30_000)
    assert page.get_by_role("link", name="Redigera").count() == 0


def test_a_status_report_read_in_the_browser_is_marked_and_saved(browser, start_app, tmp_path):
    """Läs in dokument: the upload, each quote marked in its sentence (no markup from the text), the boxes, save."""
    from pathlib import Path

    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    report = Path(__file__).resolve().parents[1] / "data" / "intake" / "lagesrapport_2017_h1.txt"
    server = start_app(folder, edit=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:", "about:")) else None)
    pg.goto(server.url + "/redigera", wait_until="domcontentloaded")
    pg.get_by_role("tab", name="Läs in dokument").click()
    # the intake's own uploader (the import tab has one too): found by its label, once the tab has drawn it
    uploader = pg.locator("[data-testid='stFileUploader']", has_text="Dokument att läsa in")
    uploader.wait_for(timeout=30_000)
    uploader.locator("input[type=file]").set_input_files(str(report))
    pg.get_by_text("talar för perioden 2017-01-01 – 2017-06-30").wait_for(timeout=60_000)
    marked = pg.get_by_text("IBIS (LSG Oxelösund)", exact=True)
    marked.first.wait_for(timeout=20_000)
    assert "background" in marked.first.evaluate("e => getComputedStyle(e).backgroundColor + ' background'")
    body = pg.inner_text("body")
    assert ":orange-background" not in body and "\\(" not in body  # the marking is drawn, not shown as text
    pg.get_by_text("Belagda uppgifter den 2017-04-01").wait_for(timeout=30_000)
    marked.first.scroll_into_view_if_needed()
    pg.wait_for_timeout(500)
    screenshot(pg, "redigera-intake-1366")
    pg.get_by_role("button", name="Spara ändringen").click()
    pg.get_by_text("Sparat som ändring c0001").wait_for(timeout=30_000)
    s = load(folder)
    assert any(d.period == "2017-01-01/2017-06-30" for d in s.documents.values())
    context.close()
    assert not outside, outside
