"""One association at a time: the parts of a national dataset, and the app's pages choosing one first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_kit import live_map, run_app

from lsgmap.dataset.load import load
from lsgmap.model.scope import SHARED_KINDS, associations, overview, scope_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import generate  # noqa: E402


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("two") / "data", seed=2, associations=3, municipalities=9, years=6)


def test_the_parts_split_the_dataset_and_share_only_shared_actors(two):
    s = load(two)
    ids = associations(s)
    assert len(ids) == 3
    parts = {a: scope_of(s, a) for a in ids}
    for a in ids:
        for b in ids:
            if a < b:
                common = parts[a] & parts[b]
                assert all(s.entities[i].kind in SHARED_KINDS for i in common), sorted(common)[:5]
    own = set().union(*parts.values())
    assert {i for i, e in s.entities.items() if e.kind not in SHARED_KINDS} <= own  # every LSG, project, role … has a home
    rows = {row.id: row for row in overview(s)}
    assert all(rows[a].entities == len(parts[a]) and rows[a].lsgs > 0 for a in ids)


@pytest.mark.slow  # AppTest run of an app page
def test_the_bundled_dataset_is_one_association_and_needs_no_choice(monkeypatch):
    monkeypatch.delenv("LSGMAP_DATA", raising=False)
    at = run_app({"page": "karta"})
    assert not [s for s in at.selectbox if s.key == "scope"] and live_map(at, 0)["nodes"]


def _nodes(at, index=0) -> set[str]:
    """The ids the ``index``-th live map (Karta's; Jämför's before and after) was handed."""
    return {n["id"] for n in live_map(at, index)["nodes"]}


@pytest.mark.slow  # AppTest run of an app page
def test_a_national_map_asks_for_an_association_first_then_draws_its_part(two, monkeypatch):
    monkeypatch.setenv("LSGMAP_DATA", str(two))
    at = run_app({"page": "karta"})
    maps = [e for e in at.get("bidi_component") if e.proto.component_name == "lsgmap_live_map"]
    assert any("samordningsförbund" in i.value for i in at.info) and not maps  # no map until an association is chosen
    assert len(at.dataframe[0].value) == 3  # the overview, one row per association
    s = load(two)
    first = associations(s)[0]
    at.selectbox(key="scope").set_value(first).run()
    drawn = _nodes(at)
    assert drawn and drawn <= scope_of(s, first)
    assert at.query_params["assoc"] in (first, [first])
    again = run_app({"page": "jamfor", "assoc": first})  # the link keeps the association
    part = scope_of(s, first)
    assert _nodes(again, 0) <= part and _nodes(again, 1) <= part
    text = "\n".join(x.value for x in again.text)
    others = [s.name(i) for a in associations(s) if a != first for i in scope_of(s, a) - part if s.entities[i].kind == "lsg"]
    assert not any(name in text for name in others)  # no other association's LSG in the change list


def test_an_associations_part_holds_on_every_date_what_the_whole_holds_within_it(two):
    from lsgmap.model.scope import part_of

    s = load(two)
    for a in associations(s):
        part, ids = part_of(s, a), scope_of(s, a)
        assert part is part_of(s, a) and set(part.entities) == ids and part.root == a and part.version != s.version
        assert part.default == s.default  # every association opens on the whole's day
        assert set(part.change_days) <= set(s.change_days)
        for day in part.change_days[::3] + [s.default.day]:
            whole, mine = s.snapshot(on=day), part.snapshot(on=day)
            assert set(mine.node_ids) == set(whole.node_ids) & ids
            inside = {k for k in whole.edge_keys if s.relations[k].from_id in ids and s.relations[k].to_id in ids}
            assert set(mine.edge_keys) == inside
            assert mine.attested_nodes == whole.attested_nodes & ids and mine.attested_edges == whole.attested_edges & inside
        assert {e.id for e in part.events.values()} == {e.id for e in s.events.values() if set(e.originals) & ids or set(e.results) & ids}
        assert {b.id for b in part.budget} == {b.id for b in s.budget if b.relation in part.relations}
        cited = {sid for x in (*part.entities.values(), *part.relations.values(), *part.events.values(), *part.budget) for sid in x.sources}
        assert cited <= set(part.sources) and {src.document for src in part.sources.values()} <= set(part.documents)


def test_every_change_step_of_a_part_changes_its_map(two):
    """Stepping through the part's change days never lands on a day where nothing of the association changed."""
    from lsgmap.model.scope import part_of

    s = load(two)
    part = part_of(s, associations(s)[0])
    assert len(part.change_days) < len(s.change_days)
    for day in part.change_days:
        before, after = part.snapshot(on=day - 1), part.snapshot(on=day)
        assert (before.node_set != after.node_set or before.edge_set != after.edge_set
                or part.events_between(day - 1, day)), day
