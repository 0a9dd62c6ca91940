"""The stable layered layout: one position per entity for all dates, merged groups where their originals stood,
room for every label (no two drawings meet on any date) and labels of at least 14 px in a 1300 × 520 frame.

On the tiny merger structure of conftest.py and on the bundled data; how fast it is and how many lines cross:
bench/bench_layout.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lsgmap.dates import to_day
from lsgmap.draw.elements import elements
from lsgmap.draw.layout.label_boxes import boxes_of, label_px, overlaps
from lsgmap.draw.layout.positions import FRAME, crossings, layer_of, layered_positions, layout_bounds
from lsgmap.draw.view import View
from lsgmap.vocab import ENTITY_KINDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import SMALL, generate  # noqa: E402


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
    by_layer: dict[int, list[float]] = {}
    for entity_id, (_, yy) in positions.items():
        by_layer.setdefault(layer_of(merger.entities[entity_id].kind), []).append(yy)
    layers = sorted(by_layer)
    for upper, lower in zip(layers, layers[1:], strict=False):
        assert max(by_layer[upper]) < min(by_layer[lower])  # a layer lies wholly below the one above


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
    s = tiny(entities=[{"id": f"k{i}", "kind": "municipality", "name_sv": f"Kommun nummer {i}"} for i in range(9)])
    pos = layered_positions(s, max_row=7, spacing_y=100, stagger=0.5)
    rows = sorted({y for _, y in pos.values()})
    assert len(rows) == 2 and rows[1] - rows[0] >= 50
    xs = sorted(x for x, _ in pos.values())
    assert all(b > a for a, b in zip(xs, xs[1:], strict=False))
    assert len({y for _, y in layered_positions(s, frame=(100_000, 520)).values()}) == 1  # a very wide frame: one row


def test_a_narrow_frame_makes_a_wide_layer_take_two_rows(tiny):
    s = tiny(entities=[{"id": f"k{i}", "kind": "municipality", "name_sv": f"Kommun nummer {i}"} for i in range(12)])
    assert len({y for _, y in layered_positions(s, frame=(400, 520)).values()}) == 2


def test_unknown_kind_goes_below_all_known_layers():
    assert layer_of("no_such_kind") > max(k.layer for k in ENTITY_KINDS.values())


def test_no_overlap_on_a_thousand_node_dataset(tmp_path):
    """The same guarantees at scale (the timing lives in bench/bench_layout.py)."""
    from lsgmap.dataset.load import load

    structure = load(generate(tmp_path, seed=3, **SMALL))
    pos = layered_positions(structure)
    assert len(pos) == len(structure.entities) >= 500
    for day in structure.change_days[:: max(1, len(structure.change_days) // 20)]:
        snap = structure.snapshot(on=day)
        places = [pos[i] for i in snap.node_ids]
        assert len(places) == len(set(places))


@pytest.fixture(scope="module")
def bundled(sormland):
    return sormland, layered_positions(sormland)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("hide", [False, True])
def test_no_two_drawings_meet_on_any_change_day(bundled, lang, hide):
    s, pos = bundled
    for day in s.change_days:
        boxes = boxes_of(elements(s, View(on=day, lang=lang, hide_persons=hide), pos))
        assert boxes and overlaps(boxes) == [], day


def test_no_two_drawings_meet_with_marks_and_highlights(bundled):
    """Thick borders (the compare view's marks, a focus) still leave room."""
    s, pos = bundled
    for day in s.change_days:
        snap = s.snapshot(on=day)
        view = View(on=day, marks={n: "changed" for n in snap.node_ids}, highlight=snap.node_ids)
        assert overlaps(boxes_of(elements(s, view, pos))) == [], day


def test_labels_are_at_least_14_px_when_the_map_fills_1300_by_520(bundled):
    s, pos = bundled
    b = layout_bounds(s, pos)
    assert FRAME == (1300.0, 520.0)
    assert label_px(b, 1300, 520, 18) >= 14
    assert label_px(b, 1850, 830, 18) >= 20  # a 1920 × 1080 screen
    for day in s.change_days:  # the bounds hold every day's drawing, whatever the names shown
        for view in (View(on=day), View(on=day, lang="en", hide_persons=True)):
            drawn = boxes_of(elements(s, view, pos)).values()
            assert all(b.left <= d.left and d.right <= b.right and b.top <= d.top and d.bottom <= b.bottom for d in drawn)


def test_the_projector_layout_has_room_for_24_px_labels(bundled):
    s, _ = bundled
    pos = layered_positions(s, font_size=24)
    for day in s.change_days[::3]:
        assert overlaps(boxes_of(elements(s, View(on=day, font_size=24), pos))) == [], day
    assert label_px(layout_bounds(s, pos, font_size=24), 1300, 520, 24) >= 14


def test_one_associations_part_alone_has_no_overlaps_and_fills_the_frame(bundled):
    from lsgmap.model.scope import scope_of

    s, whole = bundled
    part = scope_of(s, "rar")
    pos = layered_positions(s, only=part)
    assert set(pos) == {i for i in part if i in s.entities}
    assert label_px(layout_bounds(s, pos, only=part), 1300, 520) >= label_px(layout_bounds(s, whole), 1300, 520) - 0.01


def test_fewer_lines_cross_than_with_the_old_ordering(bundled):
    """The barycentre sweeps cut crossings (summed over the change days) against no ordering at all and the swap pass;
    2,400 is what the layout before label boxes drew (bench/bench_layout.py measures it against a copy of that layout)."""
    s, pos = bundled
    new = sum(crossings(s, pos, day) for day in s.change_days)
    unordered = sum(crossings(s, layered_positions(s, sweeps=0), day) for day in s.change_days)
    swapped = sum(crossings(s, layered_positions(s, transpose=True), day) for day in s.change_days)
    assert new < 0.9 * unordered and new <= swapped
    assert new <= 2300


def test_crossings_counts_two_crossing_lines(tiny):
    s = tiny(
        entities=[{"id": "a", "kind": "lsg"}, {"id": "b", "kind": "lsg"}, {"id": "k1", "kind": "municipality"}, {"id": "k2", "kind": "municipality"}],
        relations=["a covers k1", "b covers k2"],
    )
    day = to_day("2020-01-01")
    assert crossings(s, {"a": (0, 0), "b": (10, 0), "k1": (10, 10), "k2": (0, 10)}, day) == 1
    assert crossings(s, {"a": (0, 0), "b": (10, 0), "k1": (0, 10), "k2": (10, 10)}, day) == 0


def test_the_stored_font_widths_match_the_font():
    from lsgmap.draw.layout.font_widths import WIDTHS
    from lsgmap.draw.layout.label_boxes import measured_advance

    assert len(WIDTHS) > 500 and all(abs(w - measured_advance(c)) < 1e-4 for c, w in WIDTHS.items())
    assert {"å", "ä", "ö", "Å", "Ä", "Ö", "–", "…", "”"} <= set(WIDTHS)
