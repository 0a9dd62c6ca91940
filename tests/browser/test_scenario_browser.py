"""Jämför with a proposal in a real browser at 1366×768 (#27): "I dag" and "FÖRSLAG: …" side by side, the consequences beside them."""

from __future__ import annotations

import re

from lsgmap.scenario import add_operation, new_scenario
from tests.edit_kit import copy_bundled

from .browser_kit import map_box, map_frame, screenshot


def test_jamfor_shows_today_beside_the_proposal_and_its_consequences_at_1366(browser, start_app, tmp_path):
    folder = copy_bundled(tmp_path)
    new_scenario(folder, "ett-lsg", title="Ett LSG för södra Sörmland", on="2019-01-01", by="Ida", why="Färre möten")
    add_operation(folder, "ett-lsg", "merge", ["lsg_nykoping_oxelosund", "lsg_trosa_gnesta"], name_sv="LSG Södra Sörmland", kind="lsg")
    server = start_app(folder)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:", "about:")) else None)
    pg.goto(server.url + "/?page=jamfor&scenario=ett-lsg", wait_until="domcontentloaded")
    try:
        pg.get_by_role("heading", name=re.compile("FÖRSLAG.*Ett LSG för södra Sörmland")).wait_for(timeout=30_000)
    except Exception:
        screenshot(pg, "jamfor-scenario-failed")
        raise
    pg.get_by_role("heading", name=re.compile("I dag")).wait_for(timeout=10_000)
    today, proposal = map_frame(pg, 0), map_frame(pg, 1)
    ids = "() => network.body.data.nodes.getIds()"
    assert "lsg_sodra_sormland" in proposal.evaluate(ids) and "lsg_sodra_sormland" not in today.evaluate(ids)
    assert "lsg_trosa_gnesta" in today.evaluate(ids)
    tuna = pg.get_by_text(re.compile("TUNA Nyköping.Oxelösund:.? styrs av LSG Nyköping.Oxelösund → LSG Södra Sörmland"))
    tuna.wait_for(state="attached", timeout=10_000)  # further down the consequences' own scrolling box
    consequence = pg.get_by_text(re.compile("LSG Nyköping.Oxelösund upphör den 2019.01.01 enligt förslaget"))
    consequence.wait_for(timeout=10_000)
    left, right = map_box(pg, 0), map_box(pg, 1)
    said = consequence.bounding_box()
    # side by side in the first screen: the maps left of the consequences, all three within the window's width
    assert left["x"] + left["width"] <= right["x"] + 1 and right["x"] + right["width"] <= said["x"] + 1
    assert said["x"] + said["width"] <= 1366 and left["y"] < 768 and said["y"] < 768
    assert left["width"] > 250 and right["width"] > 250
    pg.get_by_text("Föreslagen").first.wait_for(timeout=10_000)  # the legend row of the proposed
    pg.wait_for_timeout(800)
    screenshot(pg, "jamfor-scenario-1366")
    new_scenario(folder, "utan-no", title="Utan LSG Nyköping-Oxelösund", on="2019-01-01", by="Ida")
    add_operation(folder, "utan-no", "end", ["lsg_nykoping_oxelosund"])
    pg.goto(server.url + "/?page=jamfor&scenario=ett-lsg&other=utan-no", wait_until="domcontentloaded")
    pg.get_by_role("heading", name=re.compile("Förslag B.*Utan LSG")).wait_for(timeout=30_000)
    a, b = map_frame(pg, 0), map_frame(pg, 1)
    assert "lsg_sodra_sormland" in a.evaluate(ids) and "lsg_sodra_sormland" not in b.evaluate(ids)
    first, second = map_box(pg, 0), map_box(pg, 1)
    assert first["x"] + first["width"] <= second["x"] + 1 and second["x"] + second["width"] <= 1366
    pg.wait_for_timeout(800)
    screenshot(pg, "jamfor-two-proposals-1366")
    context.close()
    assert not outside, outside
