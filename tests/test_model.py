"""The loader's model and snapshots over time."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.dates import to_day

FIVE_LSGS = {"lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}


def lsgs(snapshot):
    return {e.id for e in snapshot.entities() if e.kind == "lsg"} - {"lsg_gnot"}


def test_before_the_merger_the_five_lsgs(sormland):
    assert lsgs(sormland.snapshot(on="2016-11-01")) == FIVE_LSGS


def test_after_the_merger_the_merged_group(sormland):
    found = lsgs(sormland.snapshot(on="2017-03-01"))
    assert "lsg_trosa_gnesta" in found
    assert not {"lsg_trosa", "lsg_gnesta"} & found
    assert {"lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"} <= found


def test_merger_boundary_days(sormland):
    last_old = sormland.snapshot(on="2016-12-31").node_set
    first_new = sormland.snapshot(on="2017-01-01").node_set
    assert "lsg_trosa" in last_old and "lsg_trosa_gnesta" not in last_old
    assert "lsg_trosa_gnesta" in first_new and "lsg_trosa" not in first_new


def test_snapshot_json_every_edge_has_a_source(sormland, capsys):
    import json

    assert main(["snapshot", "--on", "2016-11-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2016-11-01"
    assert FIVE_LSGS <= {n["id"] for n in data["nodes"]}
    assert data["edges"]
    for edge in data["edges"]:
        assert edge["sources"], edge["id"]
        assert all(c["quote"] and c["title"] for c in edge["sources"])
    ids = {n["id"] for n in data["nodes"]}
    for edge in data["edges"]:
        assert edge["source"] in ids and edge["target"] in ids


def test_relations_are_clipped_to_their_ends(sormland):
    for r in sormland.relations.values():
        a, b = sormland.entities[r.from_id], sormland.entities[r.to_id]
        assert r.start >= max(a.start, b.start)
        assert r.end <= min(a.end, b.end)
    # lsg_trosa steers TRIS with no dates: it stops with LSG Trosa
    assert sormland.relations["r046"].effective_to == "2016-12-31"


def test_snapshot_edges_have_both_ends(sormland):
    for on in ("2005-06-01", "2016-11-01", "2017-03-01", "2018-07-01", "2019-01-01"):
        snap = sormland.snapshot(on=on)
        for r in snap.relations():
            assert r.from_id in snap.node_set and r.to_id in snap.node_set


def test_graph_keys_are_relation_ids(sormland):
    g = sormland.snapshot(on="2017-03-01").graph()
    assert ("lsg_trosa_gnesta", "tris", "r047") in g.edges(keys=True)


def test_change_dates_include_the_merger_and_the_region(sormland):
    dates = sormland.change_dates()
    assert date(2017, 1, 1) in dates and date(2019, 1, 1) in dates


def test_loader_keeps_line_numbers(sormland):
    assert sormland.entities["rar"].line == 2
    assert sormland.events["ev_sammanslagning_trosa_gnesta"].line == 2


days = st.integers(min_value=date(2004, 1, 1).toordinal(), max_value=date(2020, 12, 31).toordinal())


@settings(max_examples=200, deadline=None)
@given(days)
def test_snapshot_equals_naive_filter(sormland, day):
    snap = sormland.snapshot(on=day)
    nodes = {e.id for e in sormland.entities.values() if e.start <= day <= e.end}
    edges = {
        r.id
        for r in sormland.relations.values()
        if r.start <= day <= r.end and r.from_id in nodes and r.to_id in nodes
    }
    assert set(snap.node_ids) == nodes
    assert set(snap.edge_keys) == edges


def test_snapshot_accepts_partial_dates(sormland):
    assert sormland.snapshot(on="2017").day == to_day("2017-01-01")
