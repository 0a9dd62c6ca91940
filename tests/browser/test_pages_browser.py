"""Fråga, Presentera and the exports in a real browser: a typed question highlights the chain, a story steps, the exports work offline."""

from __future__ import annotations

from pathlib import Path

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.draw.html import export_html
from lsgmap.draw.images import image_size
from lsgmap.draw.view import View

from .browser_kit import node_records, poll_map, screenshot


def drawn(pg, predicate, index: int = 0, timeout: float = 40.0) -> list[dict]:
    """Poll the map until its vis-network node records satisfy ``predicate``; return them."""
    return poll_map(pg, node_records, predicate, index, timeout, ids=lambda ns: sorted(n["id"] for n in ns))


def test_typed_question_highlights_the_chain(page, app_url):
    page.goto(app_url + "/fraga?on=2016-12-01", wait_until="domcontentloaded")
    box = page.get_by_label("Din fråga (svenska eller engelska)")
    box.fill("Vem styr TUNA egentligen?")
    box.press("Enter")
    nodes = drawn(page, lambda ns: any(n.get("dimmed") is False for n in ns))
    strong = {n["id"] for n in nodes if not n.get("dimmed")}
    dimmed = {n["id"] for n in nodes if n.get("dimmed")}
    assert {"tuna_nykoping_oxelosund", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"} <= strong  # "TUNA" read as TUNA N/O
    assert "ips_slussen" in dimmed and "kommun_eskilstuna" not in strong | dimmed  # the chain's neighbours dimmed, the rest not drawn
    page.get_by_text("LSG Nyköping-Oxelösund").first.wait_for()
    page.wait_for_timeout(500)
    screenshot(page, "fraga")  # the README's (tests/browser/screenshots.py)


def test_story_steps_forward_and_back(page, app_url):
    page.goto(app_url + "/presentera", wait_until="domcontentloaded")
    first = drawn(page, lambda ns: any(n["id"] == "rar" for n in ns))
    assert "lsg_trosa" not in {n["id"] for n in first}
    page.get_by_text("steg 1 av 5").wait_for()
    page.get_by_role("button", name="Nästa ▶").click()
    second = drawn(page, lambda ns: any(n["id"] == "lsg_trosa" for n in ns))
    assert "kommun_trosa" in {n["id"] for n in second}
    page.get_by_text("steg 2 av 5").wait_for()
    screenshot(page, "presentera")
    page.get_by_role("button", name="◀ Föregående").click()
    drawn(page, lambda ns: not any(n["id"] == "lsg_trosa" for n in ns))
    page.get_by_text("steg 1 av 5").wait_for()


def test_png_export_is_an_image_of_the_expected_size(page, app_url):
    page.goto(app_url + "/presentera?story=vem-styr-2016-2017&step=3", wait_until="domcontentloaded")
    drawn(page, lambda ns: any(n["id"] == "lsg_trosa_gnesta" for n in ns))
    page.get_by_text("Gör en bild").click()
    button = page.get_by_role("button", name="Ladda ner PNG")
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\x89PNG") and image_size(data) == (1600, 1000)


def test_data_page_shows_tables(page, app_url):
    page.goto(app_url + "/data", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Enheter").wait_for(timeout=30_000)
    page.get_by_text("Ladda ner CSV").first.wait_for()
    page.wait_for_timeout(800)
    screenshot(page, "data")
    page.get_by_role("tab", name="Tidslinje").click()
    page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    screenshot(page, "data-tidslinje")
    page.get_by_role("tab", name="Budget").click()
    # the budget is tables (drawn on a canvas, so no text to find) and a chart: wait for both
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    screenshot(page, "data-budget")


def test_exported_html_draws_from_disk_without_network(browser, tmp_path):
    target = tmp_path / "karta.html"
    target.write_text(export_html(load(BUNDLED_DATA), View(on="2017-03-01")), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(target.as_uri())
    pg.wait_for_selector("canvas", timeout=20_000)
    count = pg.wait_for_function("() => typeof network !== 'undefined' && network.body.data.nodes.length").json_value()
    ids = pg.evaluate("() => network.body.data.nodes.getIds()")
    context.close()
    assert count == len(load(BUNDLED_DATA).snapshot(on="2017-03-01").node_ids)
    assert "lsg_trosa_gnesta" in ids
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests


def test_no_english_placeholder_and_one_date_format(page, app_url):
    """Swedish controls: the details picker says "(ingen vald)", and Fråga's date reads YYYY-MM-DD like the rest."""
    page.goto(app_url + "/karta", wait_until="domcontentloaded")
    page.get_by_text("Detaljer för aktör").wait_for(timeout=40_000)
    page.wait_for_timeout(1000)
    body = page.inner_text("body")
    assert "Choose an option" not in body
    assert "(ingen vald)" in body or "(ingen vald)" in page.content()
    page.goto(app_url + "/fraga", wait_until="domcontentloaded")
    page.get_by_text("Datum (om frågan inte nämner något)").wait_for(timeout=40_000)
    page.wait_for_timeout(1000)
    values = page.eval_on_selector_all("input", "els => els.map(e => e.value)")
    assert any(v == "2016-11-15" for v in values), values
    assert not any(v == "2016/11/15" for v in values), values
