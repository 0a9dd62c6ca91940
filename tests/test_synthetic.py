"""The synthetic national dataset generator (small sizes, so that the tests stay fast)."""

from __future__ import annotations

import filecmp
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from lsgmap.dataset.load import load
from lsgmap.dataset.schema import default_schema
from lsgmap.dates import interval_days
from lsgmap.vocab import EVENT_KINDS, RELATION_KINDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import generate, main  # noqa: E402

SIZES = {"associations": 4, "municipalities": 14, "years": 10}
TABLES = ("documents", "sources", "entities", "relations", "events", "budget", "conflicts")


@pytest.fixture(scope="module")
def small_dir(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("synthetic") / "small", seed=7, **SIZES)


@pytest.fixture(scope="module")
def small(small_dir):
    return load(small_dir)


def test_loads_without_any_problem(small):
    assert [p.render("en") for p in small.problems] == []
    assert len(small.entities) > 300 and len(small.relations) > 1000


def test_same_seed_same_files_other_seed_other_files(small_dir, tmp_path):
    again = generate(tmp_path / "again", seed=7, **SIZES)
    other = generate(tmp_path / "other", seed=8, **SIZES)
    for name in TABLES:
        assert filecmp.cmp(small_dir / f"{name}.csv", again / f"{name}.csv", shallow=False), name
    assert not filecmp.cmp(small_dir / "relations.csv", other / "relations.csv", shallow=False)
    assert (small_dir / "datapackage.json").read_text(encoding="utf-8") == (again / "datapackage.json").read_text(encoding="utf-8")


def test_every_table_has_the_columns_of_the_schema(small_dir):
    resources = default_schema().resources
    for name in TABLES:
        header = (small_dir / resources[name].path).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == resources[name].columns, name


def test_lsgs_merge_and_split_with_originals_ending_the_day_before(small):
    kinds = {e.kind for e in small.events.values()}
    assert {"merger", "split", "rename"} <= kinds <= set(EVENT_KINDS)
    lsg_events = [e for e in small.events.values() if any(small.entities[i].kind == "lsg" for i in e.originals + e.results)]
    assert {"merger", "split"} <= {e.kind for e in lsg_events}
    for event in small.events.values():
        for original in event.originals:
            assert small.entities[original].end == event.day - 1, (event.id, original)
            assert original not in small.snapshot(on=event.day).node_set
        for result in event.results:
            assert small.entities[result].start == event.day, (event.id, result)
            assert result in small.snapshot(on=event.day).node_set
        kind = EVENT_KINDS[event.kind]
        assert len(event.originals) >= kind.min_originals and len(event.results) >= kind.min_results


def test_a_merged_lsg_covers_the_municipalities_of_its_originals(small):
    mergers = [e for e in small.events.values() if e.kind == "merger" and small.entities[e.results[0]].kind == "lsg"]
    assert mergers
    for event in mergers:
        def covered(lsg, day):
            return {r.to_id for r in small.relations_of(lsg) if r.relation == "covers" and r.from_id == lsg and r.valid_on(day)}
        before = set().union(*(covered(o, event.day - 1) for o in event.originals))
        assert covered(event.results[0], event.day) == before


def test_every_relation_kind_is_used_and_every_fact_is_sourced(small):
    assert {r.relation for r in small.relations.values()} == set(RELATION_KINDS)
    for record in [*small.entities.values(), *small.relations.values(), *small.events.values(), *small.budget]:
        assert record.sources and all(s in small.sources for s in record.sources), record.id
    funded = {line.relation for line in small.budget}
    assert funded and all(small.relations[k].relation == "funds" for k in funded)


def test_relations_lie_inside_both_ends_lifetimes_as_written(small):
    for r in small.relations.values():
        assert (r.start, r.end) == interval_days(r.valid_from or None, r.valid_to or None), r.id


def test_exactly_one_owner_per_project_at_a_time(small):
    owners = defaultdict(list)
    for r in small.relations.values():
        if r.relation == "owns":
            owners[r.to_id].append((r.start, r.end))
    projects = [e for e in small.entities.values() if e.kind == "project"]
    assert len(owners) == len(projects)
    for spans in owners.values():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert start == end + 1  # no overlap and no gap: the next owner takes over the next day


def test_process_leaders_are_commissioned_by_lsgs_and_held_by_persons(small):
    leaders = [e for e in small.entities.values() if e.id.startswith("processledare_")]
    assert leaders
    for role in leaders:
        rels = small.relations_of(role.id)
        assert any(r.relation == "commissions" and small.entities[r.from_id].kind == "lsg" for r in rels)
        assert any(r.relation == "holds" and small.entities[r.from_id].kind == "person" for r in rels)
        assert any(r.relation == "reports_to" and small.entities[r.to_id].kind == "association" for r in rels)


@pytest.mark.parametrize("on", ["2015-01-01", "2017-06-30", "2019-01-01", "2022-11-15", "2024-12-31"])
def test_snapshot_matches_a_naive_filter(small, on):
    snap = small.snapshot(on=on)
    nodes = {e.id for e in small.entities.values() if e.start <= snap.day <= e.end}
    edges = {r.id for r in small.relations.values() if r.start <= snap.day <= r.end}
    assert snap.node_set == nodes and len(snap.node_ids) == len(nodes)
    assert snap.edge_set == edges and len(snap.edge_keys) == len(edges)
    assert all(r.from_id in nodes and r.to_id in nodes for r in snap.relations())


def test_the_checks_find_no_error(small):
    checks = pytest.importorskip("lsgmap.dataset.checks")
    assert [p.render("en") for p in checks.errors_of(checks.check(small))] == []


def test_command_line_writes_a_dataset(tmp_path, capsys):
    assert main([str(tmp_path / "cli"), "--seed", "2", "--small"]) == 0
    assert "entiteter" in capsys.readouterr().out
    assert not load(tmp_path / "cli").errors


def test_command_line_scales_by_the_number_of_associations(tmp_path, capsys):
    from lsgmap.model.scope import associations

    assert main([str(tmp_path / "three"), "--seed", "2", "--associations", "3"]) == 0
    s = load(tmp_path / "three")
    assert len(associations(s)) == 3 and not s.errors
    assert sum(e.kind == "municipality" for e in s.entities.values()) == 11  # 290 per 80 associations, in proportion
    with pytest.raises(SystemExit):
        main([str(tmp_path / "none"), "--associations", "0"])
