"""The loader's model and snapshots over time, on tiny structures built in conftest.py."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.dates import to_day


def lsgs(snapshot):
    return {e.id for e in snapshot.entities() if e.kind == "lsg"}


def test_before_the_merger_the_original_lsgs(merger):
    assert lsgs(merger.snapshot(on="2016-11-01")) == {"lsg_alfa", "lsg_beta", "lsg_gamma"}


def test_after_the_merger_the_merged_group(merger):
    assert lsgs(merger.snapshot(on="2017-03-01")) == {"lsg_alfa_beta", "lsg_gamma"}


def test_merger_boundary_days(merger):
    last_old = merger.snapshot(on="2016-12-31").node_set
    first_new = merger.snapshot(on="2017-01-01").node_set
    assert "lsg_alfa" in last_old and "lsg_alfa_beta" not in last_old
    assert "lsg_alfa_beta" in first_new and "lsg_alfa" not in first_new


def test_snapshot_json_every_edge_has_a_source(merger_dir, capsys):
    assert main(["snapshot", "--on", "2016-11-01", "--json", "--data", str(merger_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2016-11-01"
    assert {"lsg_alfa", "lsg_beta", "lsg_gamma", "sf", "ledare", "anna"} <= {n["id"] for n in data["nodes"]}
    assert data["edges"]
    for edge in data["edges"]:
        assert edge["sources"], edge["id"]
        assert all(c["quote"] and c["title"] for c in edge["sources"])
    ids = {n["id"] for n in data["nodes"]}
    for edge in data["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
    steers = next(e for e in data["edges"] if e["id"] == "lsg_gamma.steers.kort")
    assert (steers["valid_from"], steers["valid_to"], steers["effective_to"]) == ("2016-10-13", "2016-12-31", "2016-12-31")


def test_relations_are_clipped_to_their_ends(merger):
    for r in merger.relations.values():
        a, b = merger.entities[r.from_id], merger.entities[r.to_id]
        assert r.start >= max(a.start, b.start)
        assert r.end <= min(a.end, b.end)
    # LSG Alfa steers P with no dates: it stops with LSG Alfa
    assert merger.relations["lsg_alfa.steers.p"].effective_to == "2016-12-31"
    # a relation dated past the life of its object ends with it
    assert merger.relations["sf.funds.ledare.2"].effective_to == "2018-06-30"


def test_clipping_on_a_two_node_graph(tiny):
    s = tiny(
        entities=[{"id": "a", "kind": "lsg", "valid_from": "2016-03", "valid_to": "2016-09"}, {"id": "b", "kind": "project"}],
        relations=["a steers b"],
    )
    [r] = s.relations.values()
    assert (r.start, r.end) == (to_day("2016-03-01"), to_day("2016-09-30"))
    assert (r.valid_from, r.valid_to) == ("", "")
    assert s.snapshot(on="2016-10-01").edge_keys == ()


def test_snapshot_edges_have_both_ends(merger):
    for on in ("2005-06-01", "2016-11-01", "2017-03-01", "2018-07-01", "2019-01-01"):
        snap = merger.snapshot(on=on)
        for r in snap.relations():
            assert r.from_id in snap.node_set and r.to_id in snap.node_set


def test_graph_keys_are_relation_ids(merger):
    g = merger.snapshot(on="2017-03-01").graph()
    assert ("lsg_alfa_beta", "p", "lsg_alfa_beta.steers.p") in g.edges(keys=True)
    assert g.edges["lsg_alfa_beta", "p", "lsg_alfa_beta.steers.p"]["relation"] == "steers"
    assert not g.has_node("lsg_alfa")
    assert merger.graph.has_edge("lsg_alfa", "p")  # the full graph holds every date


def test_change_dates_include_the_mergers(merger):
    dates = merger.change_dates()
    assert date(2017, 1, 1) in dates and date(2019, 1, 1) in dates
    assert dates == sorted(dates)
    assert date(2018, 7, 1) in dates  # the day after the process leader's last day
    assert merger.span == (date(2005, 1, 1), date(2019, 1, 1))


def test_loader_keeps_line_numbers(tiny):
    s = tiny(
        entities=[{"id": "first", "kind": "association"}, {"id": "second", "kind": "lsg"}],
        relations=["second member_of first"],
        events=[{"id": "ev", "kind": "founding", "date": "2005", "results": ["first"]}],
    )
    assert s.entities["first"].line == 2 and s.entities["second"].line == 3
    assert s.events["ev"].line == 2
    assert s.relations["second.member_of.first"].line == 2


def test_events_between_and_adjacency(merger):
    assert [e.id for e in merger.events_between(date(2016, 12, 31).toordinal(), date(2017, 1, 1).toordinal())] == ["ev_merge"]
    assert [r.relation for r in merger.outgoing("anna")] == ["holds"]
    assert {r.from_id for r in merger.incoming("p") if r.relation == "steers"} == {"lsg_alfa", "lsg_beta", "lsg_alfa_beta", "lsg_gamma"}
    assert [line.year for line in merger.budget_of("sf.funds.ledare")] == [2016, 2016, 2017, 2017, 2018]


def test_citations_name_the_document_and_quote(merger):
    [c] = merger.citations(["s_p"])
    assert (c["document"], c["title"], c["quote"]) == ("doc", "Testdokument", "Citat om p")
    assert merger.citations(["no such source"]) == ()


days = st.integers(min_value=date(2004, 1, 1).toordinal(), max_value=date(2020, 12, 31).toordinal())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days)
def test_snapshot_equals_naive_filter(merger, day):
    snap = merger.snapshot(on=day)
    nodes = {e.id for e in merger.entities.values() if e.start <= day <= e.end}
    edges = {
        r.id
        for r in merger.relations.values()
        if r.start <= day <= r.end and r.from_id in nodes and r.to_id in nodes
    }
    assert set(snap.node_ids) == nodes
    assert set(snap.edge_keys) == edges


def test_snapshot_accepts_partial_dates(merger):
    assert merger.snapshot(on="2017").day == to_day("2017-01-01")


# -- the root comes from the dataset's descriptor ------------------------------------------------
TWO_ASSOCIATIONS = {
    "entities": [
        {"id": "north", "kind": "association", "name_sv": "Norra förbundet"},
        {"id": "south", "kind": "association", "name_sv": "Södra förbundet"},
        {"id": "lsg", "kind": "lsg"},
        {"id": "proj", "kind": "project"},
    ],
    "relations": ["lsg steers proj", "lsg reports_to north", "lsg reports_to south"],
}


def test_the_declared_root_is_the_root(tiny):
    from lsgmap.model import queries

    s = tiny(root="south", **TWO_ASSOCIATIONS)
    assert s.root == "south"
    assert [p.node_ids() for p in queries.chain_to_root(s, "proj")] == [["proj", "lsg", "south"]]
    assert queries.chain_to_root(s, "south") == []


def test_without_a_declared_root_the_single_association_is_the_root(tiny):
    s = tiny(entities=[*TWO_ASSOCIATIONS["entities"][:1], *TWO_ASSOCIATIONS["entities"][2:]],
             relations=["lsg steers proj", "lsg reports_to north"])
    assert s.root == "north"


def test_several_associations_and_no_declared_root_leave_the_root_open(tiny):
    from lsgmap.model import queries

    s = tiny(**TWO_ASSOCIATIONS)
    assert s.root is None
    # chains then end at any association
    assert sorted(p.node_ids()[-1] for p in queries.chain_to_root(s, "proj")) == ["north", "south"]


def test_a_declared_root_that_is_no_entity_falls_back(tiny):
    s = tiny(root="nobody", entities=TWO_ASSOCIATIONS["entities"][:1])
    assert s.root == "north"
