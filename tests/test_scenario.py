"""Proposals (#27): kept beside the data, applied through the editing's event machinery, their consequences on the bundled data.

The two "Done when" examples run on a copy of the bundled dataset; every file
of the copy is hashed before and after, and must not change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lsgmap.dataset.checks import check, errors_of
from lsgmap.dataset.load import dataset_version, load
from lsgmap.edit import Dataset
from lsgmap.edit.change import EditRefused
from lsgmap.edit.events import record_event
from lsgmap.scenario import ScenarioError, add_operation, apply, consequences, delete_scenario, get_scenario, list_scenarios, new_scenario
from lsgmap.scenario.compare import scenario_diff_json, scenario_views
from lsgmap.time.diff import diff
from tests.edit_kit import copy_bundled

MERGE = ["lsg_nykoping_oxelosund", "lsg_trosa_gnesta"]


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file of the real data (not the proposals, not the empty lock file a writer leaves)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.relative_to(folder).parts[0] not in {"scenarios", ".lsgmap.lock"}}


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_bundled(tmp_path)


def ending(folder: Path) -> None:
    new_scenario(folder, "utan-no", title="Utan LSG Nyköping-Oxelösund", on="2019-01-01", by="Ida", why="prova")
    add_operation(folder, "utan-no", "end", ["lsg_nykoping_oxelosund"])


def merging(folder: Path) -> None:
    new_scenario(folder, "ett-lsg", title="Ett LSG för södra Sörmland", on="2019-01-01", by="Ida", why="färre möten")
    add_operation(folder, "ett-lsg", "merge", MERGE, name_sv="LSG Södra Sörmland", kind="lsg")


# -- the store ------------------------------------------------------------------------
def test_a_scenario_is_kept_beside_the_data_and_never_read_into_it(data):
    before_version, before = dataset_version(data), hashes(data)
    merging(data)
    assert (data / "scenarios" / "ett-lsg" / "operations.csv").read_text(encoding="utf-8").splitlines()[1].startswith("1,merge,")
    assert dataset_version(data) == before_version  # the proposal is not part of the data's version
    assert hashes(data) == before
    real = load(data)
    assert "lsg_sodra_sormland" not in real.entities
    assert [s.id for s in list_scenarios(data)] == ["ett-lsg"]
    assert get_scenario(data, "ett-lsg").by == "Ida"
    delete_scenario(data, "ett-lsg")
    assert list_scenarios(data) == [] and not (data / "scenarios" / "ett-lsg").exists()


def test_check_validates_the_scenario_files_with_file_and_line(data):
    merging(data)
    ops = data / "scenarios" / "ett-lsg" / "operations.csv"
    ops.write_text(ops.read_text(encoding="utf-8") + "2,explode,lsg_trosa,,,,\n3,end,lsg_nowhere,,,,\n", encoding="utf-8")
    problems = check(load(data))
    bad = [p for p in errors_of(problems) if p.file == "scenarios/ett-lsg/operations.csv"]
    assert [(p.line, p.value) for p in bad] == [(3, "explode")]
    unknown = [p for p in problems if p.code == "scenario.unknown_target"]
    assert [(p.where, p.value) for p in unknown] == [("scenarios/ett-lsg/operations.csv:4", "lsg_nowhere")]


def test_bad_ids_dates_and_unknown_scenarios_are_refused_with_a_message(data):
    with pytest.raises(ScenarioError, match="Not a date|is not a date"):
        new_scenario(data, "x", title="X", on="2019-13-45")
    with pytest.raises(ScenarioError, match="no valid id"):
        new_scenario(data, "Ett LSG", title="X", on="2019")
    with pytest.raises(ScenarioError, match='no proposal "nope"'):
        get_scenario(data, "nope")
    merging(data)
    with pytest.raises(ScenarioError, match="already"):
        new_scenario(data, "ett-lsg", title="X", on="2019")


# -- applying --------------------------------------------------------------------------
def test_applying_a_merger_hands_relations_on_marked_as_proposed_and_writes_nothing(data):
    merging(data)
    before = hashes(data)
    real = load(data)
    proposal = apply(real, "ett-lsg")
    assert hashes(data) == before
    new = "lsg_sodra_sormland"
    steers = {r.to_id: r for r in proposal.outgoing(new) if r.relation == "steers"}
    assert set(steers) == {"tris", "tuna_nykoping_oxelosund", "innovation_100"}
    for r in steers.values():
        assert r.attributes["proposal"] == "ett-lsg" and r.id in proposal.proposed
        assert r.derived_from and proposal.events[r.derived_from].kind == "merger"
    assert proposal.entities["lsg_nykoping_oxelosund"].valid_to == "2018-12-31"
    assert real.entities["lsg_nykoping_oxelosund"].valid_to == ""  # the real structure is untouched
    assert not proposal.attestation(new).ever  # a proposal attests nothing
    assert proposal.path == real.path and proposal.version != real.version


def test_the_proposals_merger_is_the_same_machinery_as_a_real_merger(data):
    merging(data)
    proposal = apply(load(data), "ett-lsg")
    ds = Dataset(data)
    by_hand = record_event(ds, "merger", "2019-01-01", originals=MERGE, new_entities=[{"kind": "lsg", "name_sv": "LSG Södra Sörmland"}],
                           sources=["ls_sammanslagning"]).accept()
    hand = {(r["from_id"], r["relation"], r["to_id"]) for rc in by_hand.rows if rc.table == "relations" for r in [rc.after]}
    derived = {(r.from_id, r.relation, r.to_id) for r in proposal.relations.values() if r.id in proposal.proposed}
    assert hand == derived


def test_an_operation_that_cannot_be_made_is_refused_naming_the_file_and_line(data):
    new_scenario(data, "fel", title="Fel", on="2019-01-01")
    add_operation(data, "fel", "transfer", ["r048"], to="lsg_nowhere")
    with pytest.raises(EditRefused) as caught:
        apply(load(data), "fel")
    assert "lsg_nowhere" in caught.value.render("en")


# -- consequences: the "Done when" examples ---------------------------------------------------
def test_ending_lsg_nykoping_oxelosund_leaves_innovation_unsteered_and_tuna_with_the_applications_claim(data):
    ending(data)
    before = hashes(data)
    real = load(data)
    found = consequences(real, apply(real, "utan-no"))
    assert hashes(data) == before
    kinds = {(c.kind, c.entity) for c in found}
    assert ("unsteered_project", "innovation_100") in kinds
    assert ("unsteered_project", "tuna_nykoping_oxelosund") not in kinds
    tuna = next(c for c in found if c.entity == "tuna_nykoping_oxelosund" and c.kind == "steering_lost")
    assert tuna.relations[0] == "r048" and set(tuna.relations[1:]) == {"r033", "r041"}
    assert "Lägesrapport" in tuna.text("sv") and "projektägare/styrgrupp" in tuna.text("sv")
    assert "LSG Nyköping och LSG Oxelösund" in tuna.text("sv") and "remain" in tuna.text("en")
    assert ("assignment_without_principal", "uppdrag_ungdomens_hus") in kinds
    assert ("ended", "lsg_nykoping_oxelosund") in kinds
    for c in found:  # every finding says why, in both languages
        assert c.text("sv") and c.text("en") and c.text("sv") != c.text("en") and "{" not in c.text("en")


def test_the_same_proposal_as_a_merger_moves_them_and_leaves_no_project_unsteered(data):
    merging(data)
    before = hashes(data)
    real = load(data)
    found = consequences(real, apply(real, "ett-lsg"))
    assert hashes(data) == before
    assert not [c for c in found if c.kind == "unsteered_project"]
    moved = {c.entity: c for c in found if c.kind == "moved"}
    assert {"tuna_nykoping_oxelosund", "innovation_100", "tris"} <= set(moved)
    assert moved["tuna_nykoping_oxelosund"].text("en") == "TUNA Nyköping/Oxelösund: is steered by LSG Nyköping-Oxelösund → LSG Södra Sörmland."
    assert moved["tris"].relations[0] == "r047"


def test_the_scenario_diff_has_the_diff_shape_and_the_maps_mark_the_proposal(data):
    merging(data)
    real = load(data)
    proposal = apply(real, "ett-lsg")
    j = scenario_diff_json(real, proposal, "en")
    assert set(j) - {"scenario"} == set(diff(real, start="2018-12-31", end="2019-01-01").to_json("en"))
    assert [n["id"] for n in j["nodes_added"]] == ["lsg_sodra_sormland"]
    assert {n["id"] for n in j["nodes_removed"]} == set(MERGE)
    assert j["from"] == j["to"] == "2019-01-01" and len(j["events"]) == 1
    today, after = scenario_views(real, proposal)
    assert after.title.startswith("FÖRSLAG") and today.title.startswith("I dag")
    assert after.mark_of()["lsg_sodra_sormland"] == "proposed" and today.mark_of()["lsg_trosa_gnesta"] == "removed"


def test_a_question_on_the_applied_proposal_is_answered_on_it_and_on_its_day(data):
    from lsgmap.ask.answer import ask

    merging(data)
    real = load(data)
    proposal = apply(real, "ett-lsg")
    assert proposal.default.date.isoformat() == "2019-01-01" and proposal.default.source == "scenario"
    assert real.default.date.isoformat() == "2016-11-15"
    answer = ask(proposal, "Vem styr TUNA Nyköping/Oxelösund?", lang="sv")  # no date: the proposal's day
    assert answer.on.isoformat() == "2019-01-01"
    assert {x.id for x in answer.answers} == {"lsg_sodra_sormland", "lsg_nykoping", "lsg_oxelosund"}
