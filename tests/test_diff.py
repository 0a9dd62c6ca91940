"""Diff between two dates: a merger, empty diffs, 'changed', apply(), CLI.

On the tiny merger structure of conftest.py; the bundled data's merger and its
golden file are in tests/test_sormland.py.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from attested_kit import reported_tables
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.dataset.load import load
from lsgmap.errors import InputError
from lsgmap.time.diff import SnapshotIds, apply, diff

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import generate  # noqa: E402


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
                       "edges_removed", "edges_changed", "events", "changes",
                       "nodes_unattested", "edges_unattested", "nodes_attested", "edges_attested"]
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
    assert sv[0] == "LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta [s_ev_merge]"
    assert en[0] == "LSG Alfa and LSG Beta decided (2016-10-13 – 2016-12-31) to merge from 2017-01-01 into LSG Alfa-Beta [s_ev_merge]"
    p = [line for line in sv if line.startswith("Projekt P")]
    assert p == ["Projekt P – Pröva styrs av LSG Alfa-Beta i stället för LSG Alfa och LSG Beta (från 2017-01-01) – härledd ur händelsen (sammanslagning), inte i någon källa "
                 "[s_ev_merge, s_lsg_alfa.steers.p]"]
    assert any("har som uppdragsgivare LSG Alfa-Beta i stället för LSG Alfa och LSG Beta" in line for line in sv)
    assert "Alfa kommun omfattas av LSG Alfa-Beta i stället för LSG Alfa (från 2017-01-01) – härledd ur händelsen (sammanslagning), inte i någon källa [s_lsg_alfa_beta.covers.kommun_alfa]" in sv
    # an assignment whose giver ended is not withdrawn: it ends with its giver, said as such
    assert "Upphör när LSG Alfa upphör (2016-12-31): LSG Alfa ger uppdraget Utred ungdomars behov [s_lsg_alfa.assigns.uppdrag_alfa]" in sv
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
        " – härledd ur händelsen (sammanslagning), inte i någon källa [s_region.member_of.sf]" in d.changes("sv")
    assert "Upphörde: Projekt Q (Projekt / insats, till och med 2018-12-31) [s_q]" in d.changes("sv")


def test_an_entity_that_starts_is_added_with_its_start(tiny):
    s = tiny(entities=[{"id": "a", "kind": "lsg", "name_sv": "LSG A", "valid_from": "2016-05"}])
    d = diff(s, start="2016-01-01", end="2016-12-31")
    assert d.nodes_added == ("a",) and d.events == ()
    # the date at the precision the source gave it
    assert d.changes("sv") == ["Ny: LSG A (Lokal samverkansgrupp, från maj 2016) [s_a]"]
    assert d.to_json("en")["nodes_added"][0]["valid_from"] == "2016-05"  # as stated
    assert d.to_json("en")["nodes_added"][0]["validity"] == "May 2016 –"


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
    assert "  ■ LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta [Testdokument]" in out.splitlines()  # grouped, document names
    assert main(["diff", "2017-03-01", "2017-04-01", "--lang", "en", "--data", str(merger_dir)]) == 0
    assert capsys.readouterr().out == "No differences between 2017-03-01 and 2017-04-01.\n"
    assert main(["diff", "2017-03-01", "2017-04-01", "--json", "--data", str(merger_dir)]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert all(empty[k] == [] for k in empty if k not in ("from", "to"))
    # the dated link to Kort ended; its stated dates attest nothing, so nothing is "no longer attested" either
    assert "\n\n" not in out
    assert "      • Upphörde: LSG Gamma styr Kort insats (till och med 2016-12-31) [Testdokument]" in out.splitlines()


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


# -- ended vs no longer attested ---------------------------------------------------------------
@pytest.fixture
def reported(tiny, merger_tables):
    """The merger structure where a status report (2016-10-13 – 2016-12-31) names who steers P and Q."""
    return tiny(**reported_tables(merger_tables))


def test_a_fact_whose_source_period_ends_is_no_longer_attested_not_removed(reported):
    d = diff(reported, start="2016-12-31", end="2017-02-01")
    # ended by the merger (LSG Alfa's end): removed, even though the report spoke for it
    assert "lsg_alfa.steers.p" in d.edges_removed and "lsg_alfa.steers.p" not in d.edges_unattested
    # valid on both days, attested only on the first: not removed
    assert d.edges_unattested == ("lsg_gamma.steers.q",) and "lsg_gamma.steers.q" not in d.edges_removed
    # the report speaks for the ends of what it names (P, LSG Gamma, Q); Q's own stated dates attest nothing after it
    assert {"lsg_gamma", "p", "q"} <= set(d.nodes_unattested)
    assert not set(d.nodes_unattested) & set(d.nodes_removed)
    j = d.to_json("sv")
    [edge] = j["edges_unattested"]
    assert (edge["id"], edge["last_attested"], edge["text"]) == ("lsg_gamma.steers.q", "2016-12-31", "LSG Gamma styr Projekt Q")
    assert "lsg_gamma.steers.q" not in [e["id"] for e in j["edges_removed"]]
    assert not any("LSG Gamma styr Projekt Q" in line for line in j["changes"])
    assert d.unattested_items("en")[-1]["text"] == "LSG Gamma steers Project Q, last attested 2016-12-31"


def test_a_fact_a_source_starts_to_speak_for_is_now_attested(reported):
    d = diff(reported, start="2016-06-01", end="2016-11-15")
    assert "lsg_gamma.steers.q" in d.edges_attested and "lsg_gamma.steers.q" not in d.edges_added
    # the application speaks for the first half of 2016 only
    assert d.edges_unattested == ("lsg_beta.steers.p",) and d.to_json()["edges_unattested"][0]["last_attested"] == "2016-06-30"
    [item] = [i for i in d.attested_items("sv") if i["ids"] == ["lsg_gamma.steers.q"]]
    assert (item["text"], item["first_attested"]) == ("LSG Gamma styr Projekt Q, först belagd 2016-10-13", "2016-10-13")


def test_cli_diff_says_no_longer_attested_after_the_changes_and_quieter(capsys, reported):
    assert main(["diff", "2016-12-31", "2017-02-01", "--data", str(reported.path)]) == 0
    out = capsys.readouterr().out
    changes, quiet = out.split("\n\n", 1)
    assert "Upphörde" not in quiet and "LSG Gamma styr Projekt Q" not in changes
    assert quiet.startswith("Inte längre belagda (")
    assert "ingen källa talar för dem 2017-02-01, vilket inte betyder att de har upphört" in quiet.splitlines()[0]
    assert "    · LSG Gamma styr Projekt Q, senast belagd 2016-12-31 [s_rapport]" in quiet.splitlines()
    # only attestation changed: "no differences", then the quiet section
    assert main(["diff", "2016-12-31", "2016-12-31", "--data", str(reported.path)]) == 0
    assert "belagda" not in capsys.readouterr().out
    assert main(["diff", "2016-11-01", "2016-12-30", "--lang", "en", "--data", str(reported.path)]) == 0
    assert "No longer attested" not in capsys.readouterr().out


# -- properties on generated datasets -------------------------------------------------------
YEAR_DATES = st.one_of(st.just(""), st.sampled_from(["2014", "2015-06", "2016", "2016-10-13", "2017-01-01", "2018", "2019-12-31"]))
PERIODS = st.sampled_from(["", "2015", "2016-10-13/2016-12-31", "2016/2016-06-30", "2017-03"])


def _span(draw) -> dict[str, str]:
    a, b = draw(YEAR_DATES), draw(YEAR_DATES)
    from lsgmap.dates import interval_days

    if a and b and interval_days(a, None)[0] > interval_days(None, b)[1]:
        a, b = b, a
        if interval_days(a, None)[0] > interval_days(None, b)[1]:
            b = ""
    return {"valid_from": a, "valid_to": b}


@st.composite
def datasets(draw):
    """Tables for a small dataset: 2–5 entities, up to 6 relations, sources in three documents with random periods."""
    documents = [{"id": f"d{i}", "title": f"D{i}", "kind": "seed", "period": draw(PERIODS)} for i in range(3)]
    sources = [{"id": f"s{i}", "document": f"d{i % 3}", "quote": f"q{i}", "period": draw(st.sampled_from(["", "", "2016"]))}
               for i in range(4)]
    source_lists = st.lists(st.sampled_from([s["id"] for s in sources]), min_size=1, max_size=2, unique=True)
    n = draw(st.integers(2, 5))
    entities = [{"id": f"e{i}", "kind": draw(st.sampled_from(["lsg", "project"])), "sources": draw(source_lists), **_span(draw)}
                for i in range(n)]
    relations = []
    for k in range(draw(st.integers(0, 6))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        relations.append({"id": f"r{k}", "from_id": f"e{a}", "relation": "steers", "to_id": f"e{b}",
                          "sources": draw(source_lists), **_span(draw)})
    return {"documents": documents, "sources": sources, "entities": entities, "relations": relations}


@pytest.mark.slow  # a property test over many generated datasets
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(tables=datasets(), a=st.dates(date(2013, 1, 1), date(2020, 12, 31)), b=st.dates(date(2013, 1, 1), date(2020, 12, 31)))
def test_unattested_is_never_removed_and_day_a_is_covered(tmp_path_factory, tables, a, b):
    from conftest import make_dataset

    s = make_dataset(tmp_path_factory.mktemp("gen"), **tables)
    a, b = min(a, b), max(a, b)
    d = diff(s, start=a, end=b)
    snap_a, snap_b = s.snapshot(on=a), s.snapshot(on=b)
    for removed, unattested, attested, day_a, day_b, att_a, att_b in (
        (d.nodes_removed, d.nodes_unattested, d.nodes_attested, snap_a.node_set, snap_b.node_set, snap_a.attested_nodes, snap_b.attested_nodes),
        (d.edges_removed, d.edges_unattested, d.edges_attested, snap_a.edge_set, snap_b.edge_set, snap_a.attested_edges, snap_b.attested_edges),
    ):
        assert not set(unattested) & set(removed)
        assert set(removed) | set(unattested) | (day_a & day_b) == day_a
        assert set(unattested) == (day_a & day_b & att_a) - att_b
        assert set(attested) == (day_a & day_b & att_b) - att_a
    assert apply(snap_a, d) == SnapshotIds.of(snap_b)
