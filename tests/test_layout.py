"""The stable layered layout: one position per entity for all dates, merged groups where their originals stood.

On the tiny merger structure of conftest.py; how fast it is: bench/bench_layout.py.
"""

from __future__ import annotations

import pytest

from lsgmap.layout import layer_of, layered_positions
from lsgmap.vocab import ENTITY_KINDS


@pytest.fixture(scope="module")
def positions(merger):
    return layered_positions(merger)


def test_every_entity_of_every_date_has_a_position(merger, positions):
    assert set(positions) == set(merger.entities)


def test_deterministic(merger, positions):
    assert layered_positions(merger) == positions


def test_layers_read_top_down_association_agency_lsg_municipality_project_role_person(merger, positions):
    y = {k: positions[k][1] for k in ("sf", "fk", "lsg_alfa", "kommun_alfa", "p", "ledare", "anna")}
    assert y["sf"] < y["fk"] < y["lsg_alfa"] < y["kommun_alfa"] < y["p"] < y["ledare"] < y["anna"]
    for entity_id, (_, yy) in positions.items():
        top = positions["sf"][1] + 160 * layer_of(merger.entities[entity_id].kind)
        assert top <= yy <= top + 0.5 * 160  # wide layers alternate between two rows


def test_merged_lsg_stands_between_its_originals(positions):
    alfa, beta, merged = positions["lsg_alfa"], positions["lsg_beta"], positions["lsg_alfa_beta"]
    assert merged[0] == pytest.approx((alfa[0] + beta[0]) / 2)
    assert merged[1] == alfa[1] == beta[1]
    region = positions["region"]
    assert region[0] == pytest.approx((positions["landsting"][0] + positions["regionforbund"][0]) / 2)


def test_a_split_original_stands_between_its_results(tiny):
    s = tiny(
        entities=[{"id": "top", "kind": "association"},
                  {"id": "whole", "kind": "lsg", "valid_to": "2015-12-31"},
                  {"id": "left", "kind": "lsg", "valid_from": "2016-01-01"},
                  {"id": "right", "kind": "lsg", "valid_from": "2016-01-01"},
                  {"id": "k1", "kind": "municipality"}, {"id": "k2", "kind": "municipality"}],
        relations=["whole reports_to top", "left reports_to top", "right reports_to top",
                   "left covers k1", "right covers k2", "whole covers k1", "whole covers k2"],
        events=[{"id": "ev_split", "kind": "split", "date": "2016-01-01", "originals": ["whole"], "results": ["left", "right"]}],
    )
    pos = layered_positions(s)
    assert pos["whole"][0] == pytest.approx((pos["left"][0] + pos["right"][0]) / 2)
    assert pos["left"][0] != pos["right"][0]


def test_no_two_nodes_share_a_place_on_any_date(merger, positions):
    for day in merger.change_days:
        snap = merger.snapshot(on=day)
        places = [positions[i] for i in snap.node_ids]
        assert len(places) == len(set(places)), f"overlap on {day}"


def test_municipalities_follow_the_order_of_the_lsgs_that_cover_them(positions):
    x = {k: v[0] for k, v in positions.items()}
    assert (x["lsg_alfa"] < x["lsg_beta"]) == (x["kommun_alfa"] < x["kommun_beta"])
    assert (x["lsg_alfa"] < x["lsg_gamma"]) == (x["kommun_alfa"] < x["kommun_gamma"])


def test_a_wide_layer_alternates_between_two_rows(tiny):
    s = tiny(entities=[{"id": f"k{i}", "kind": "municipality"} for i in range(9)])
    pos = layered_positions(s, max_row=7, spacing_y=100, stagger=0.5)
    assert sorted({y for _, y in pos.values()}) == [300.0, 350.0]
    xs = sorted(x for x, _ in pos.values())
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) == pytest.approx(170 / 2)


def test_unknown_kind_goes_below_all_known_layers():
    assert layer_of("no_such_kind") > max(k.layer for k in ENTITY_KINDS.values())


def test_no_overlap_on_a_thousand_node_dataset(tmp_path):
    """The same guarantees at scale (the timing lives in bench/bench_layout.py)."""
    from lsgmap.model import load
    from lsgmap.synthetic import SMALL, generate

    structure = load(generate(tmp_path, seed=3, **SMALL))
    pos = layered_positions(structure)
    assert len(pos) == len(structure.entities) >= 500
    for day in structure.change_days[:: max(1, len(structure.change_days) // 20)]:
        snap = structure.snapshot(on=day)
        places = [pos[i] for i in snap.node_ids]
        assert len(places) == len(set(places))
