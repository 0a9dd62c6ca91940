"""The stable layered layout: one position per entity for all dates, merged groups where their originals stood."""

from __future__ import annotations

import time

import pytest

from lsgmap.layout import layer_of, layered_positions
from lsgmap.vocab import ENTITY_KINDS


@pytest.fixture(scope="module")
def positions(sormland):
    return layered_positions(sormland)


def test_every_entity_of_every_date_has_a_position(sormland, positions):
    assert set(positions) == set(sormland.entities)


def test_deterministic(sormland, positions):
    assert layered_positions(sormland) == positions


def test_layers_read_top_down_rar_lsg_municipality_project_role(sormland, positions):
    y = {k: positions[k][1] for k in ("rar", "forsakringskassan", "lsg_trosa", "kommun_trosa", "tris", "processledare", "ida_malmberg")}
    assert y["rar"] < y["forsakringskassan"] < y["lsg_trosa"] < y["kommun_trosa"] < y["tris"] < y["processledare"] < y["ida_malmberg"]
    for entity_id, (_, yy) in positions.items():
        top = positions["rar"][1] + 160 * layer_of(sormland.entities[entity_id].kind)
        assert top <= yy <= top + 0.5 * 160  # wide layers alternate between two rows


def test_merged_lsg_stands_between_its_originals(positions):
    # Lägesrapporten: LSG Trosa och LSG Gnesta slås samman till LSG Trosa-Gnesta efter årsskiftet 2016/2017
    trosa, gnesta, merged = positions["lsg_trosa"], positions["lsg_gnesta"], positions["lsg_trosa_gnesta"]
    assert merged[0] == pytest.approx((trosa[0] + gnesta[0]) / 2)
    assert merged[1] == trosa[1] == gnesta[1]
    region = positions["region_sormland"]
    assert region[0] == pytest.approx((positions["landstinget_sormland"][0] + positions["regionforbundet_sormland"][0]) / 2)


def test_no_two_nodes_share_a_place_on_any_date(sormland, positions):
    for day in sormland.change_days:
        snap = sormland.snapshot(on=day)
        places = [positions[i] for i in snap.node_ids]
        assert len(places) == len(set(places)), f"overlap on {day}"


def test_municipalities_follow_the_order_of_the_lsgs_that_cover_them(positions):
    x = {k: v[0] for k, v in positions.items()}
    assert (x["lsg_gnesta"] < x["lsg_trosa"]) == (x["kommun_gnesta"] < x["kommun_trosa"])


def test_unknown_kind_goes_below_all_known_layers():
    assert layer_of("no_such_kind") > max(k.layer for k in ENTITY_KINDS.values())


def test_fast_on_a_thousand_node_dataset(tmp_path):
    from lsgmap.model import load
    from lsgmap.synthetic import SMALL, generate

    structure = load(generate(tmp_path, seed=3, **SMALL))
    started = time.perf_counter()
    pos = layered_positions(structure)
    took = time.perf_counter() - started
    assert len(pos) == len(structure.entities) >= 500
    assert took < 2.0
    for day in structure.change_days[:: max(1, len(structure.change_days) // 20)]:
        snap = structure.snapshot(on=day)
        places = [pos[i] for i in snap.node_ids]
        assert len(places) == len(set(places))
