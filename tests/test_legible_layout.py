"""A national association's map can be read (issue 29): places shared over time, persons (then assignments, teams)
folded only as far as needed, and on every day no two drawings meet."""

from __future__ import annotations

import sys
from itertools import pairwise

import pytest

from conftest import ROOT, make_dataset
from lsgmap.dataset.load import load
from lsgmap.draw.layout.label_boxes import box_at, entity_boxes, label_px, overlaps
from lsgmap.draw.layout.legible import FOLDS, KARTA_FRAME, LEAST_LABEL_PX, legible_layout
from lsgmap.draw.layout.positions import layered_positions, layout_bounds, shared_places
from lsgmap.model.scope import associations, part_of


@pytest.fixture(scope="module")
def largest(tmp_path_factory):
    """The largest association of the national synthetic dataset (80 associations): 225 entities over the years."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import NATIONAL, generate

    s = load(generate(tmp_path_factory.mktemp("national") / "data", seed=0, **NATIONAL))
    parts = [part_of(s, a) for a in associations(s)]
    return max(parts, key=lambda p: (len(p.entities), sorted(p.entities)))


def _days(s) -> list[int]:
    return sorted(s.change_days)


def test_the_largest_association_is_legible_on_every_day_with_nothing_overlapping(largest):
    s = largest
    assert len(s.entities) >= 200  # the case the issue measured: one place each draws its labels at 2-5 px
    plain = layered_positions(s, lang="sv")
    assert label_px(layout_bounds(s, plain, lang="sv"), *KARTA_FRAME) < 6
    for lang in ("sv", "en"):
        fit = legible_layout(s, lang=lang)
        drawn = [i for i in s.entities if i not in fit.folded]
        assert fit.shared and fit.folded and set(fit.positions) == set(drawn)
        assert label_px(layout_bounds(s, fit.positions, only=drawn, lang=lang), *KARTA_FRAME) >= LEAST_LABEL_PX
        assert fit.label_px >= LEAST_LABEL_PX
        rooms = entity_boxes(s, drawn, langs=(lang,))
        for day in _days(s):
            boxes = {i: box_at(*fit.positions[i], rooms[i]) for i in drawn if s.entities[i].valid_on(day)}
            assert not overlaps(boxes), (lang, day)


def test_persons_are_folded_first_and_only_the_kinds_needed(largest):
    fit = legible_layout(largest, lang="sv")
    kinds = {largest.entities[i].kind for i in fit.folded}
    assert "person" in kinds and tuple(sorted(kinds)) in {tuple(sorted(k)) for k in FOLDS}
    # persons folded alone would not have been enough here, or assignments would not be folded
    if kinds != {"person"}:
        persons = frozenset(i for i in largest.entities if largest.entities[i].kind == "person")
        drawn = frozenset(largest.entities) - persons
        alone = layered_positions(largest, only=drawn, share=True, lang="sv")
        assert label_px(layout_bounds(largest, alone, only=drawn, lang="sv"), *KARTA_FRAME) < LEAST_LABEL_PX


def test_places_are_shared_only_by_entities_of_one_kind_that_never_meet(largest):
    places = shared_places(largest, largest.entities)
    assert len(places) > 50  # the point: many entities over the years, few at once
    e = largest.entities
    groups: dict[str, list[str]] = {}
    for i, place in places.items():
        groups.setdefault(place, [place]).append(i)
    for members in groups.values():
        assert len({e[i].kind for i in members}) == 1
        spans = sorted((e[i].start, e[i].end) for i in members)
        assert all(a_end < b_start for (_, a_end), (b_start, _) in pairwise(spans)), spans


def test_the_bundled_map_is_laid_out_as_before_one_place_each():
    s = load()
    fit = legible_layout(s)
    assert (fit.shared, fit.folded) == (False, frozenset())
    assert fit.positions == layered_positions(s)


def test_two_entities_alive_at_once_never_share_and_a_successor_takes_its_forerunners_place(tmp_path):
    s = make_dataset(tmp_path, entities=[
        {"id": "p1", "kind": "project", "valid_from": "2010-01-01", "valid_to": "2012-12-31"},
        {"id": "p2", "kind": "project", "valid_from": "2013-01-01", "valid_to": "2015-12-31"},
        {"id": "p3", "kind": "project", "valid_from": "2014-01-01", "valid_to": "2016-12-31"},
        {"id": "p4", "kind": "project", "valid_from": "2011-01-01"},
        {"id": "r1", "kind": "role", "valid_from": "2013-01-01", "valid_to": "2013-12-31"},
    ])
    places = shared_places(s, s.entities)
    assert places == {"p2": "p1"}  # p3 meets p2 and p4, p4 meets all; a role never shares with a project
    pos = layered_positions(s, share=True)
    assert pos["p2"] == pos["p1"] and len({pos[i] for i in ("p1", "p3", "p4")}) == 3
