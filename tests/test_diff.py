"""Diff between two dates: a merger, empty diffs, 'changed', apply(), CLI.

On the tiny merger structure of conftest.py; the bundled data's merger and its
golden file are in tests/test_sormland.py.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.diff import SnapshotIds, apply, diff
from lsgmap.errors import InputError
from lsgmap.model import load


# -- the merger ----------------------------------------------------------------------------
def test_merger_diff_removes_the_two_groups_and_adds_the_merged_one(merger):
    d = diff(merger, start="2016-12-31", end="2017-02-01")
    assert {"lsg_alfa", "lsg_beta"} <= set(d.nodes_removed)
    assert d.nodes_added == ("lsg_alfa_beta",)
    assert d.events == ("ev_merge",)
    # the steering of P moved from both groups to the merged one
    assert {"lsg_alfa.steers.p", "lsg_beta.steers.p"} <= set(d.edges_removed)
    assert "lsg_alfa_beta.steers.p" in d.edges_added
    # a period-bound link ends with its period
    assert "lsg_gamma.steers.kort" in d.edges_removed
    # what holds on both days is not in the diff
    assert "lsg_gamma.steers.p" not in d.edges_removed + d.edges_added
    assert not d.nodes_changed and not d.edges_changed


def test_merger_json_has_the_event_with_its_sources(merger):
    j = diff(merger, start="2016-12-31", end="2017-02-01").to_json("sv")
    assert list(j) == ["from", "to", "nodes_added", "nodes_removed", "nodes_changed", "edges_added",
                       "edges_removed", "edges_changed", "events", "changes"]
    assert (j["from"], j["to"]) == ("2016-12-31", "2017-02-01")
    assert {"id": "lsg_alfa_beta", "kind": "lsg", "name": "LSG Alfa-Beta", "valid_from": "2017-01-01", "valid_to": None}.items() \
        <= j["nodes_added"][0].items()
    [event] = j["events"]
    assert (event["kind"], event["date"], event["decided"], event["from"], event["to"]) == (
        "merger", "2017-01-01", "2016-10-13/2016-12-31", ["lsg_alfa", "lsg_beta"], ["lsg_alfa_beta"])
    assert event["sources"] == ["s_ev_merge"]
    edge = next(e for e in j["edges_added"] if e["id"] == "lsg_alfa_beta.steers.p")
    assert edge["text"] == "LSG Alfa-Beta styr Projekt P – Pröva" and edge["effective_from"] == "2017-01-01"


def test_changes_say_the_merger_and_the_moved_steering_in_swedish_and_english(merger):
    d = diff(merger, start="2016-12-31", end="2017-02-01")
    sv, en = d.changes("sv"), d.changes("en")
    assert sv[0] == "LSG Alfa och LSG Beta slogs samman till LSG Alfa-Beta (2017-01-01) [s_ev_merge]"
    assert en[0] == "LSG Alfa and LSG Beta merged into LSG Alfa-Beta (2017-01-01) [s_ev_merge]"
    p = [line for line in sv if line.startswith("Projekt P")]
    assert p == ["Projekt P – Pröva styrs av LSG Alfa-Beta i stället för LSG Alfa och LSG Beta (från 2017-01-01) "
                 "[s_ev_merge, s_lsg_alfa.steers.p]"]
    assert any("har som uppdragsgivare LSG Alfa-Beta i stället för LSG Alfa och LSG Beta" in line for line in sv)
    assert "Alfa kommun omfattas av LSG Alfa-Beta i stället för LSG Alfa (från 2017-01-01) [s_lsg_alfa_beta.covers.kommun_alfa]" in sv
    # moved relations are not repeated as separate "ended" lines
    assert not any("LSG Alfa styr Projekt P" in line for line in sv)
    assert "Upphörde: Ordförande LSG Alfa (Roll / tjänst, till och med 2016-12-31) [s_ordf_alfa]" in sv
    assert "Upphörde: LSG Gamma styr Kort insats (till och med 2016-12-31) [s_lsg_gamma.steers.kort]" in sv
    assert "Ended: LSG Gamma steers Short effort (until 2016-12-31) [s_lsg_gamma.steers.kort]" in en


def test_marks_colour_nodes_and_edges(merger):
    marks = diff(merger, start="2016-12-31", end="2017-02-01").marks()
    assert marks["lsg_alfa"] == "removed" and marks["lsg_alfa_beta"] == "added"
    assert marks["lsg_alfa.steers.p"] == "removed" and marks["lsg_alfa_beta.steers.p"] == "added"
    assert "sf" not in marks and "lsg_gamma.steers.p" not in marks


def test_second_merger_moves_the_membership(merger):
    d = diff(merger, start="2018-06-01", end="2019-06-01")
    assert d.nodes_added == ("region",)
    assert set(d.nodes_removed) >= {"landsting", "regionforbund"}
    assert "Samordningsförbundet Test har som medlem Regionen i stället för Landstinget och Regionförbundet (från 2019-01-01)" \
        " [s_region.member_of.sf]" in d.changes("sv")
    assert "Upphörde: Projekt Q (Projekt / insats, till och med 2018-12-31) [s_q]" in d.changes("sv")


def test_an_entity_that_starts_is_added_with_its_start(tiny):
    s = tiny(entities=[{"id": "a", "kind": "lsg", "name_sv": "LSG A", "valid_from": "2016-05"}])
    d = diff(s, start="2016-01-01", end="2016-12-31")
    assert d.nodes_added == ("a",) and d.events == ()
    assert d.changes("sv") == ["Ny: LSG A (Lokal samverkansgrupp, från 2016-05-01) [s_a]"]


@pytest.mark.parametrize("start,end", [("2017-03-01", "2017-06-01"), ("2016-11-01", "2016-11-01"), ("2010-05-05", "2015-05-05")])
def test_nothing_in_between_gives_an_empty_diff(merger, start, end):
    d = diff(merger, start=start, end=end)
    assert d.is_empty() and d.changes() == [] and d.marks() == {}


def test_start_after_end_is_an_input_error_in_both_languages(merger):
    with pytest.raises(InputError) as exc:
        diff(merger, start="2017-02-01", end="2016-12-31")
    assert "2017-02-01" in exc.value.render("sv") and "efter" in exc.value.render("sv")
    assert "after" in exc.value.render("en")


def test_a_rename_that_keeps_the_id_is_a_change(tiny, merger_tables):
    merger_tables["events"].append({"id": "ev_gamma_namn", "kind": "rename", "date": "2016-09-01", "name_sv": "LSG Gamma byter namn",
                                    "name_en": "LSG Gamma is renamed", "originals": ["lsg_gamma"], "results": ["lsg_gamma"]})
    s = tiny(**merger_tables)
    d = diff(s, start="2016-08-01", end="2016-10-01")
    assert d.nodes_changed == ("lsg_gamma",)
    # relations valid on both days with LSG Gamma at one end
    assert set(d.edges_changed) == {"lsg_gamma.covers.kommun_gamma", "lsg_gamma.steers.p", "lsg_gamma.owns.p", "lsg_gamma.steers.q"}
    assert d.marks()["lsg_gamma"] == "changed"
    assert "Ändrad: LSG Gamma berörs av LSG Gamma byter namn [s_ev_gamma_namn]" in d.changes("sv")
    # a relation whose interval differs but which holds on both days is not changed
    assert "fk.member_of.sf" not in d.edges_changed
    assert apply(s.snapshot(on="2016-08-01"), d) == SnapshotIds.of(s.snapshot(on="2016-10-01"))


def test_apply_refuses_changed_ids_missing_on_the_start_day(merger_tables, tiny):
    merger_tables["events"].append({"id": "ev_gamma_namn", "kind": "rename", "date": "2016-09-01",
                                    "originals": ["lsg_gamma"], "results": ["lsg_gamma"]})
    s = tiny(**merger_tables)
    d = diff(s, start="2016-08-01", end="2016-10-01")
    with pytest.raises(ValueError, match="lsg_gamma"):
        apply(SnapshotIds(frozenset(), frozenset()), d)


# -- the property: snapshot(a) + diff(a, b) == snapshot(b) ----------------------------------
DAYS = st.dates(min_value=date(2003, 1, 1), max_value=date(2021, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=DAYS, b=DAYS)
def test_applying_the_diff_to_snapshot_a_gives_snapshot_b(merger, a, b):
    a, b = min(a, b), max(a, b)
    d = diff(merger, start=a, end=b)
    assert apply(merger.snapshot(on=a), d) == SnapshotIds.of(merger.snapshot(on=b))
    assert set(d.events) == {e.id for e in merger.events.values() if a.toordinal() < e.day <= b.toordinal()}


@pytest.fixture(scope="module")
def small_synthetic(tmp_path_factory):
    from lsgmap.synthetic import generate

    return load(generate(tmp_path_factory.mktemp("syn"), seed=7, associations=2, municipalities=8, years=8))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31)), gap=st.integers(0, 3000))
def test_the_property_holds_on_synthetic_data_with_mergers_and_splits(small_synthetic, a, gap):
    b = a + timedelta(days=gap)
    d = diff(small_synthetic, start=a, end=b)
    snap_b = SnapshotIds.of(small_synthetic.snapshot(on=b))
    assert apply(small_synthetic.snapshot(on=a), d) == snap_b
    assert set(d.nodes_changed) <= snap_b.nodes and set(d.edges_changed) <= snap_b.edges
    assert len(d.changes("en")) >= len(d.events)


# -- CLI ------------------------------------------------------------------------------------
def test_cli_diff_json(capsys, merger_dir, merger):
    assert main(["diff", "2016-12-31", "2017-02-01", "--json", "--data", str(merger_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(json.dumps(diff(merger, start="2016-12-31", end="2017-02-01").to_json("sv")))
    assert data["events"][0]["from"] == ["lsg_alfa", "lsg_beta"]


def test_cli_diff_text_and_empty(capsys, merger_dir):
    assert main(["diff", "2016-12-31", "2017-02-01", "--data", str(merger_dir)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Skillnader mellan 2016-12-31 och 2017-02-01"
    assert "  - LSG Alfa och LSG Beta slogs samman till LSG Alfa-Beta (2017-01-01) [s_ev_merge]" in out
    assert main(["diff", "2017-03-01", "2017-04-01", "--lang", "en", "--data", str(merger_dir)]) == 0
    assert capsys.readouterr().out == "No differences between 2017-03-01 and 2017-04-01.\n"
    assert main(["diff", "2017-03-01", "2017-04-01", "--json", "--data", str(merger_dir)]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert all(empty[k] == [] for k in empty if k not in ("from", "to"))


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["diff", "2017-02-30", "2017-03-01"], "FROM: Ogiltigt datum '2017-02-30': dag 30 finns inte i 2017-02"),
        (["diff", "2017-03-01", "mars"], "TO: Ogiltigt datum 'mars'"),
        (["diff", "2017-02-01", "2016-12-31"], "Fel: Startdatumet 2017-02-01 ligger efter slutdatumet 2016-12-31."),
    ],
)
def test_cli_diff_bad_input_is_a_message_not_a_traceback(capsys, merger_dir, argv, expected):
    assert main(argv + ["--data", str(merger_dir)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
