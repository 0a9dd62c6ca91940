"""AppTest of the Scenarier page (#27): behind ``--edit``; a proposal made from the form; "Genomför" records the same events and
relations as recording the merger by hand, in the change log, and is refused without a source."""

from __future__ import annotations

import pytest
from app_kit import run_app

from lsgmap.dataset.load import load
from lsgmap.edit import Dataset
from lsgmap.edit.events import record_event
from lsgmap.scenario import add_operation, list_scenarios, new_scenario
from tests.edit_kit import copy_bundled
from tests.test_scenario import MERGE, hashes

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = copy_bundled(tmp_path, "data")
    new_scenario(folder, "ett-lsg", title="Ett LSG för södra Sörmland", on="2019-01-01", by="Ida", why="Färre möten")
    add_operation(folder, "ett-lsg", "merge", MERGE, name_sv="LSG Södra Sörmland", kind="lsg")
    monkeypatch.setenv("LSGMAP_DATA", str(folder))
    monkeypatch.setenv("LSGMAP_EDIT", "1")
    return folder


def facts(folder):
    """Events and relations as what they say (not their ids or wording): kind, date, ends, derivation, sources."""
    s = load(folder)
    events = {(e.kind, e.date, e.originals, e.results, e.sources) for e in s.events.values()}
    relations = {(r.from_id, r.relation, r.to_id, r.valid_from, r.valid_to, bool(r.derived_from), r.sources) for r in s.relations.values()}
    entities = {(e.id, e.kind, e.name_sv, e.valid_from, e.valid_to) for e in s.entities.values()}
    return events, relations, entities


def test_the_page_is_off_without_edit(monkeypatch):
    monkeypatch.delenv("LSGMAP_EDIT", raising=False)
    monkeypatch.delenv("LSGMAP_DATA", raising=False)
    at = run_app({"page": "scenarier"})
    assert not [b for b in at.button if b.key == "scen.adopt"]


def test_adopting_needs_a_source_then_records_what_a_merger_by_hand_records(data, tmp_path):
    before = hashes(data)
    at = run_app({"page": "scenarier"})
    assert at.selectbox(key="scen.chosen").value == "ett-lsg"
    assert any("TUNA Nyköping/Oxelösund: styrs av LSG Nyköping-Oxelösund → LSG Södra Sörmland." in x.value for x in at.text)  # live consequences
    adopt = at.button(key="scen.adopt")
    assert adopt.disabled  # no source: refused
    assert at.error and any("anger ingen källa" in d.value.to_string() for d in at.dataframe)  # says why, per field
    assert hashes(data) == before and Dataset(data).log() == []
    at.multiselect(key="edit.f.sources").set_value(["ls_sammanslagning"]).run()
    at.text_input(key="edit.f.who").set_value("Ida").run()
    assert not at.button(key="scen.adopt").disabled
    at.button(key="scen.adopt").click().run()
    assert not at.exception, [e.value for e in at.exception]
    log = Dataset(data).log()
    assert {r["change"] for r in log} == {"c0001"} and {r["who"] for r in log} == {"Ida"}
    assert {r["table"] for r in log} >= {"events", "entities", "relations"}

    by_hand_folder = copy_bundled(tmp_path, "by-hand")
    ds = Dataset(by_hand_folder)
    draft = record_event(ds, "merger", "2019-01-01", originals=MERGE,
                         new_entities=[{"kind": "lsg", "name_sv": "LSG Södra Sörmland", "name_en": "LSG Södra Sörmland"}], sources=["ls_sammanslagning"])
    ds.save(draft.accept(), who="Ida", why="för hand")
    assert facts(data) == facts(by_hand_folder)
    assert "proposal" not in str(load(data).relations)  # real changes carry no proposal mark
    assert [s.id for s in list_scenarios(data)] == ["ett-lsg"]  # the proposal stays, to be deleted by hand


def test_a_proposal_is_made_from_the_form_and_deleted(data):
    at = run_app({"page": "scenarier"})
    at.selectbox(key="scen.chosen").set_value("+").run()
    at.text_input[0].set_value("Utan LSG Nyköping-Oxelösund")
    at.text_input[1].set_value("2019-01-01")
    at.button[0].click().run()
    assert "utan_lsg_nykoping_oxelosund" in [s.id for s in list_scenarios(data)]
    at.selectbox(key="scen.op").set_value("end").run()
    at.multiselect(key="scen.entities").set_value(["lsg_nykoping_oxelosund"]).run()
    at.button(key="scen.add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Innovation 100 dagar står utan styrgrupp och ägare" in x.value for x in at.text)
    at.checkbox(key="scen.sure").check().run()
    at.button(key="scen.delete").click().run()
    assert "utan_lsg_nykoping_oxelosund" not in [s.id for s in list_scenarios(data)]
