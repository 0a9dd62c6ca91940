"""Every text field of the data carries Markdown images and links, raw HTML and ``javascript:``
payloads: every page and every export of the app shows them as text, fetches nothing from
outside 127.0.0.1 (the ``page`` fixture fails on that) and runs no script.

The dataset is the bundled one with a payload appended to each text field (ids, dates and
numbers untouched), written to a temporary folder, so every page has something to show.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from lsgmap.dataset.load import BUNDLED_DATA

from .browser_kit import map_frame, screenshot

#: The text columns of each table (file relative to the dataset folder).
TEXT_FIELDS = {
    "entities.csv": ["name_sv", "name_en", "short_name", "aliases", "note"],
    "documents.csv": ["title", "reference", "note"],
    "sources.csv": ["quote", "locator", "note"],
    "events.csv": ["name_sv", "name_en", "note"],
    "relations.csv": ["note"],
    "budget.csv": ["item_sv", "item_en", "note"],
    "conflicts.csv": ["topic_sv", "topic_en", "facts", "note"],
    "stories/index.csv": ["title_sv", "title_en", "description_sv", "description_en"],
    "stories/lsg-roll.csv": ["title_sv", "title_en", "text_sv", "text_en"],
    "stories/vem-styr-2016-2017.csv": ["title_sv", "title_en", "text_sv", "text_en"],
}
OUTSIDE = "http://evil.example"


def payload(n: str) -> str:
    """Markdown image and links, raw HTML, a script, ``javascript:`` and autolinks, marked ``n`` (no ``;``: aliases split on it)."""
    return (
        f" ![i{n}]({OUTSIDE}/md-{n}.png) [l{n}]({OUTSIDE}/link-{n}) [j{n}](javascript:window.__pwned='{n}')"
        f" <img src={OUTSIDE}/html-{n}.png onerror=\"window.__pwned='{n}'\"> <script>window.__pwned='{n}'</script>"
        f" <a href=\"javascript:window.__pwned='{n}'\">a{n}</a> {OUTSIDE}/auto-{n} www.evil.example x{n}@evil.example"
        f" :red[r{n}] $x_{n}$ `c{n}` **b{n}**"
    )


@pytest.fixture(scope="module")
def hostile_text(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-text") / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    for name, columns in TEXT_FIELDS.items():
        path = folder / name
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        fieldnames = list(rows[0]) if rows else []
        for i, row in enumerate(rows):
            for column in columns:
                if column in row and (row[column] or column in ("name_en", "title_en", "short_name")):
                    tag = f"{Path(name).stem}.{column}.{i}"
                    row[column] = f"{row[column] or 'x'}{payload(tag)}"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fieldnames)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def clean(page) -> None:
    """No script ran in the page or any of its frames, no dialog, no marker in the console."""
    page.wait_for_timeout(400)
    for target in [page.main_frame] + [f for f in page.frames if not f.is_detached()]:
        try:
            pwned = target.evaluate("() => typeof window.__pwned")
        except Exception:  # noqa: BLE001 - a frame replaced by a rerun meanwhile
            continue
        assert pwned == "undefined", target.url
    assert page.dialogs == []
    links = page.evaluate(
        "() => [...document.querySelectorAll('a[href], img[src], script[src], iframe[src]')]"
        ".map(e => e.href || e.src).filter(u => { const x = new URL(u, location.href);"
        " return x.protocol === 'javascript:' || (/^https?:$/.test(x.protocol) && !['127.0.0.1', 'localhost'].includes(x.hostname)); })"
    )
    assert links == [], links  # no link, image or script made from the data
    assert not [m for m in page.console if "pwned" in m], page.console


def settle(page, text: str | None = None, timeout: float = 40_000) -> None:
    page.locator("[data-testid='stApp']").wait_for(timeout=timeout)
    if text:
        page.get_by_text(text).first.wait_for(timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )
    page.wait_for_timeout(800)


def download(page, name: str) -> bytes:
    button = page.get_by_role("button", name=name).first
    button.wait_for(timeout=30_000)
    return fetch(page, button)  # clicked again if a rerun (the map's resize) swallowed the click


def image_downloads(page) -> None:
    """HTML, PNG and SVG of the first map on the page."""
    assert b"<html" in download(page, "som HTML").lower()
    page.get_by_text("Gör en bild").first.click()
    assert download(page, "Ladda ner PNG").startswith(b"\x89PNG")
    page.get_by_text("svg", exact=True).first.click()
    assert b"<svg" in download(page, "Ladda ner SVG")


def fetch(page, button, attempts: int = 3) -> bytes:
    """The file a download button gives; clicked again when no download starts.

    A click right after another download can find no file (issue 12, item 4, handled
    elsewhere); this test is about what the files and pages hold, not that flake.
    """
    for attempt in range(attempts):
        try:
            with page.expect_download(timeout=15_000) as info:
                button.click()
            return Path(info.value.path()).read_bytes()
        except Exception:  # noqa: BLE001
            if attempt == attempts - 1:
                raise
            settle(page)
    raise AssertionError("unreachable")


@pytest.fixture
def watched(page):
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.console = console  # type: ignore[attr-defined]
    return page


def test_karta_and_jamfor_show_hostile_text_as_text(watched, start_app, hostile_text):
    page, server = watched, start_app(hostile_text)
    page.goto(server.url + "/?on=2016-12-01&entity=tuna", wait_until="domcontentloaded")
    map_frame(page)
    settle(page)
    image_downloads(page)
    clean(page)
    page.goto(server.url + f"/?on=2016-12-01&q={quote('![q](' + OUTSIDE + '/q.png) TUNA')}", wait_until="domcontentloaded")
    map_frame(page)
    settle(page)
    clean(page)
    page.goto(server.url + "/jamfor", wait_until="domcontentloaded")
    map_frame(page)
    settle(page)
    page.get_by_text("Gör en bild").first.click()
    assert download(page, "Ladda ner PNG").startswith(b"\x89PNG")
    screenshot(page, "hostile-jamfor")
    clean(page)


def test_fraga_shows_hostile_text_and_crafted_links_as_text(watched, start_app, hostile_text, app_url):
    page, server = watched, start_app(hostile_text)
    crafted = quote(f"![q]({OUTSIDE}/q.png) <img src={OUTSIDE}/q2.png> [l](javascript:window.__pwned=1) Tunaa")
    for base in (app_url, server.url):  # the clean bundled data too: the link alone must not fetch
        page.goto(base + f"/?page=fraga&q={crafted}", wait_until="domcontentloaded")
        settle(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('input')].some(i => i.value.includes('q.png'))", timeout=30_000
        )
        clean(page)
    page.goto(server.url + "/fraga?on=2016-12-01", wait_until="domcontentloaded")
    settle(page)
    page.locator("[data-testid='stButton'] button").first.click()  # an example question
    map_frame(page)
    settle(page)
    assert download(page, "svaret som text")
    image_downloads(page)
    screenshot(page, "hostile-fraga")
    clean(page)


def test_presentera_steps_show_hostile_text_as_text(watched, start_app, hostile_text):
    page, server = watched, start_app(hostile_text)
    for story, steps in (("vem-styr-2016-2017", 5), ("lsg-roll", 5)):
        for step in range(1, steps + 1):
            page.goto(server.url + f"/presentera?story={story}&step={step}", wait_until="domcontentloaded")
            settle(page)
            clean(page)
    map_frame(page)
    image_downloads(page)
    screenshot(page, "hostile-presentera")
    clean(page)


def test_data_tabs_and_downloads_show_hostile_text_as_text(watched, start_app, hostile_text):
    page, server = watched, start_app(hostile_text)
    page.goto(server.url + "/data", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Enheter").wait_for(timeout=30_000)
    settle(page)
    tabs = ["Enheter", "Relationer", "Händelser", "Källor", "Kontroll", "Tidslinje", "Budget"]
    for name in tabs:
        page.get_by_role("tab", name=name, exact=False).first.click()
        settle(page)
        panel = page.locator("[role='tabpanel']:visible")
        if panel.get_by_role("button", name="Ladda ner CSV").count():
            assert fetch(page, panel.get_by_role("button", name="Ladda ner CSV").first)
            settle(page)
            xlsx = panel.get_by_role("button", name="Ladda ner Excel", exact=False).first
            if xlsx.is_enabled():  # a disabled XLSX button (file not made) is issue 12 item 4, handled elsewhere
                assert fetch(page, xlsx).startswith(b"PK")
        if name == "Tidslinje":
            page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first.wait_for(timeout=30_000)
        clean(page)
    screenshot(page, "hostile-data")
