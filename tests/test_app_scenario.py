"""AppTest of Jämför with a proposal (#27): "I dag" beside "FÖRSLAG: …", the consequences beside them, ``?scenario=`` in the URL."""

from __future__ import annotations

import pytest
from app_kit import live_map, run_app, shown

from lsgmap.scenario import add_operation, new_scenario
from tests.edit_kit import copy_bundled
from tests.test_scenario import hashes

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = copy_bundled(tmp_path)
    new_scenario(folder, "ett-lsg", title="Ett LSG för södra Sörmland", on="2019-01-01", by="Ida", why="Färre möten")
    add_operation(folder, "ett-lsg", "merge", ["lsg_nykoping_oxelosund", "lsg_trosa_gnesta"], name_sv="LSG Södra Sörmland", kind="lsg")
    monkeypatch.setenv("LSGMAP_DATA", str(folder))
    return folder


def test_without_proposals_jamfor_has_no_choice(monkeypatch):
    monkeypatch.delenv("LSGMAP_DATA", raising=False)
    at = run_app({"page": "jamfor"})
    assert not [s for s in at.selectbox if s.key == "jamfor.scenario"]


def test_jamfor_sets_today_beside_the_proposal_with_the_consequences(data):
    before = hashes(data)
    at = run_app({"page": "jamfor", "scenario": "ett-lsg"})
    assert at.selectbox(key="jamfor.scenario").value == "ett-lsg"
    headings = [shown(h.value) for h in at.subheader]
    assert "I dag (2019-01-01)" in headings and "FÖRSLAG: Ett LSG för södra Sörmland" in headings and "Konsekvenser" in headings
    today, proposal = ({n["id"]: n for n in live_map(at, i)["nodes"]} for i in (0, 1))
    assert "lsg_nykoping_oxelosund" in today and "lsg_sodra_sormland" not in today
    assert "lsg_sodra_sormland" in proposal and "lsg_nykoping_oxelosund" not in proposal
    text = "\n".join(shown(m.value) for m in at.markdown)
    assert "TUNA Nyköping/Oxelösund: styrs av LSG Nyköping-Oxelösund → LSG Södra Sörmland." in text
    assert "Föreslagen" in "\n".join(h.proto.body for h in at.get("html"))  # the legend's row
    assert hashes(data) == before


def test_a_proposal_that_cannot_be_applied_is_an_error_not_a_traceback(data):
    add_operation(data, "ett-lsg", "transfer", ["r048"], to="lsg_nowhere")
    at = run_app({"page": "jamfor", "scenario": "ett-lsg"})
    assert any("lsg_nowhere" in shown(e.value) for e in at.error)


def test_two_proposals_side_by_side_with_their_consequences_in_two_columns(data):
    new_scenario(data, "utan-no", title="Utan LSG Nyköping-Oxelösund", on="2019-01-01", by="Ida")
    add_operation(data, "utan-no", "end", ["lsg_nykoping_oxelosund"])
    at = run_app({"page": "jamfor", "scenario": "ett-lsg", "other": "utan-no"})
    headings = [shown(h.value) for h in at.subheader]
    assert "Förslag A: Ett LSG för södra Sörmland (2019-01-01)" in headings and "Förslag B: Utan LSG Nyköping-Oxelösund (2019-01-01)" in headings
    assert headings.count("Konsekvenser") == 2
    a, b = ({n["id"] for n in live_map(at, i)["nodes"]} for i in (0, 1))
    assert "lsg_sodra_sormland" in a and "lsg_sodra_sormland" not in b and "lsg_nykoping_oxelosund" not in b
    text = "\n".join(shown(m.value) for m in at.markdown)
    assert "Innovation 100 dagar står utan styrgrupp och ägare" in text and "Innovation 100 dagar: styrs av LSG Nyköping-Oxelösund → LSG Södra Sörmland." in text


def test_a_proposal_without_operations_shows_today_and_says_nothing_changes(data):
    new_scenario(data, "tomt", title="Tomt <b>förslag</b> ![x](http://example.org/a.png)", on="2019-01-01", by="Ida")
    at = run_app({"page": "jamfor", "scenario": "tomt"})
    assert any("Inga konsekvenser" in c.value for c in at.caption)
    assert any("Tomt <b>förslag</b>" in shown(h.value) for h in at.subheader)  # data text as text
    assert not any("](http" in h.value for h in at.subheader)
