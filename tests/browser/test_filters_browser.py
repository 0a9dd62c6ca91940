"""Karta's "Sök och filter" in a real browser: each control changes only what it says, and the map is never emptied.

Streamlit draws a closed popover's widgets only when it opens; a value set in session state before a rerun was then
lost in the browser (the pickers opened empty and the next change of any control sent them back empty: "0 aktörer och
0 relationer"). AppTest does not show it, hence these tests in chromium, each after the rerun the map's first draw makes.
"""

from __future__ import annotations

import re
import time

import pytest

from lsgmap.dataset.load import load
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

from .browser_kit import map_frame, node_records, screenshot, url_has

DAY = "2016-11-15"  # the bundled data's default day
SUMMARY = re.compile(r"(\d+) aktörer och (\d+) relationer den " + DAY)


@pytest.fixture(scope="module")
def structure():
    return load()


def _open_karta(pg, url: str, query: str = "") -> tuple[int, int]:
    """Karta on :data:`DAY` after the first map has asked for its frames (that rerun is what lost the filters)."""
    pg.set_viewport_size({"width": 1366, "height": 768})
    pg.goto(f"{url}/?on={DAY}{query}", wait_until="domcontentloaded")
    map_frame(pg)
    pg.wait_for_function("() => { const m = document.querySelector('.lsgmap-live'); return m && m.__lsgmap && m.__lsgmap.frames; }",
                         timeout=30_000)
    return _summary(pg)


def _summary(pg) -> tuple[int, int]:
    """The "N aktörer och M relationer den …" line under the map."""
    line = pg.get_by_text(SUMMARY).first
    line.wait_for(timeout=30_000)
    found = SUMMARY.search(line.inner_text())
    return int(found[1]), int(found[2])


def _open_tools(pg):
    pg.get_by_role("button", name=re.compile(r"^Sök och filter")).click()
    panel = pg.get_by_role("dialog").filter(has=pg.get_by_text("Slag av aktörer"))
    panel.wait_for()
    return panel


def _wait_summary(pg, predicate, timeout: float = 30.0) -> tuple[int, int]:
    """Poll the summary line until it satisfies ``predicate`` (the rerun has drawn); the last reading."""
    end = time.monotonic() + timeout
    while True:
        got = _summary(pg)
        if predicate(got) or time.monotonic() > end:
            return got
        time.sleep(0.3)


def _drawn(pg) -> list[dict]:
    """The live map's node records once it has settled."""
    frame = map_frame(pg)
    frame.wait_for_function("() => document.querySelector('.lsgmap-live')?.dataset.state === 'still'", timeout=15_000)
    return node_records(frame)


def _chips(panel, label: str) -> list[str]:
    """The chosen options shown in the multiselect labelled ``label``."""
    box = panel.locator("[data-testid=stMultiSelect]").filter(has_text=label)
    return box.locator("[data-tag] span[title]").evaluate_all("(spans) => [...new Set(spans.map((s) => s.title))]")


def test_the_pickers_open_with_every_kind_chosen_after_a_rerun(page, app_url, structure):
    """Opening the filters after the page's first reruns shows every kind and relation chosen, as the map draws them."""
    nodes, edges = _open_karta(page, app_url)
    assert nodes > 30 and edges > 30
    panel = _open_tools(page)
    kinds = {e.kind for e in structure.entities.values()}
    relations = {r.relation for r in structure.relations.values()}
    assert set(_chips(panel, "Slag av aktörer")) == {ENTITY_KINDS[k].plural("sv") for k in kinds}
    assert set(_chips(panel, "Slag av relationer")) == {RELATION_KINDS[k].label("sv") for k in relations}
    screenshot(page, "karta-filter-1366x768")


def test_hiding_person_names_keeps_the_map_and_draws_no_person_name(page, app_url, structure):
    full = _open_karta(page, app_url)
    persons = [e.name_sv for e in structure.entities.values() if e.kind == "person"]
    labels = lambda records: " | ".join(str(r.get("label") or "").replace("\n", " ") for r in records)  # noqa: E731
    assert any(p in labels(_drawn(page)) for p in persons)  # a person is named before
    _open_tools(page).get_by_text("Dölj personnamn").click()
    after = _wait_summary(page, lambda got: got[0] > 0 and got != (0, 0))
    assert after == full, (after, full)  # the same map: persons are named by their role, nothing is left out
    page.wait_for_function("() => !network.body.data.nodes.get().some((n) => /Ida Malmberg/.test(n.label || ''))", timeout=15_000)
    drawn = _drawn(page)
    assert len(drawn) == full[0]
    assert not [p for p in persons if p in labels(drawn)]
    shown = [" ".join(str(r.get("label") or "").split()) for r in drawn if r.get("label")]
    assert len(shown) == len(set(shown)), sorted(x for x in shown if shown.count(x) > 1)  # a person never reads as their role's node
    url_has(page, "hide=1", timeout=10_000)
    screenshot(page, "karta-dolj-personnamn-1366x768")


def test_searching_trosa_shows_trosa_and_its_neighbours(page, app_url):
    full = _open_karta(page, app_url)
    box = _open_tools(page).get_by_label("Sök aktör (visar den och dess grannar)")
    box.fill("trosa")
    box.press("Enter")
    after = _wait_summary(page, lambda got: got != full)
    assert 0 < after[0] < full[0], (after, full)  # Trosa and its neighbours, not the whole map and not nothing
    page.wait_for_function("() => network.body.data.nodes.getIds().some((id) => /trosa/.test(id))", timeout=15_000)
    ids = {r["id"] for r in _drawn(page)}
    assert ids & {"kommun_trosa", "lsg_trosa"}, sorted(ids)
    assert len(ids) == after[0]
    screenshot(page, "karta-sok-trosa-1366x768")


def test_leaving_out_a_kind_hides_that_kind_only(page, app_url):
    full = _open_karta(page, app_url)
    before = _drawn(page)
    persons = [r for r in before if r["kind"] == "person"]
    assert persons
    _open_tools(page).get_by_role("button", name=f"Ta bort {ENTITY_KINDS['person'].plural('sv')}").click()
    after = _wait_summary(page, lambda got: got != full)
    assert after[0] == full[0] - len(persons), (after, full)
    page.wait_for_function("() => !network.body.data.nodes.get().some((n) => n.kind === 'person')", timeout=15_000)
    drawn = _drawn(page)
    assert {r["id"] for r in drawn} == {r["id"] for r in before} - {r["id"] for r in persons}
    url_has(page, "kinds=", timeout=10_000)


def test_leaving_out_a_relation_kind_keeps_every_entity(page, app_url, structure):
    full = _open_karta(page, app_url)
    label = RELATION_KINDS["chairs"].label("sv")
    _open_tools(page).get_by_role("button", name=f"Ta bort {label}").click()
    after = _wait_summary(page, lambda got: got != full)
    assert 0 < after[1] < full[1], (after, full)  # fewer relations …
    assert after[0] > 0
    frame = map_frame(page)
    frame.wait_for_function("(n) => network.body.data.edges.length === n", arg=after[1], timeout=15_000)


def test_attested_only_keeps_what_a_source_speaks_for(page, app_url):
    full = _open_karta(page, app_url)
    _open_tools(page).get_by_text("Visa bara belagda uppgifter").click()
    after = _wait_summary(page, lambda got: got != full)
    assert 0 < after[0] < full[0], (after, full)
    frame = map_frame(page)
    frame.wait_for_function("(n) => network.body.data.nodes.length === n", arg=after[0], timeout=15_000)


def test_a_link_with_persons_hidden_keeps_them_hidden_after_another_change(page, app_url, structure):
    """``?hide=1`` sets the toggle before the first rerun: opened later it is on, and a search keeps it on."""
    _open_karta(page, app_url, "&hide=1")
    panel = _open_tools(page)
    assert panel.get_by_role("switch", name="Dölj personnamn (visa rollen)").is_checked()
    box = panel.get_by_label("Sök aktör (visar den och dess grannar)")
    box.fill("trosa")
    box.press("Enter")
    after = _wait_summary(page, lambda got: got[0] < 40)
    assert after[0] > 0
    url_has(page, "q=trosa", timeout=10_000)
    url_has(page, "hide=1")
    persons = [e.name_sv for e in structure.entities.values() if e.kind == "person"]
    drawn = " ".join(str(r.get("label") or "") for r in _drawn(page))
    assert not [p for p in persons if p in drawn]
