"""The interval index behind Structure.snapshot: same answer as filtering every interval."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lsgmap.dates import OPEN_END, OPEN_START
from lsgmap.model.interval_index import IntervalIndex, WindowMask

bound = st.integers(min_value=0, max_value=60)
intervals = st.lists(
    st.tuples(st.one_of(st.just(OPEN_START), bound), st.one_of(st.just(OPEN_END), bound)),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(intervals, st.integers(min_value=-5, max_value=70))
def test_valid_on_equals_a_naive_filter(spans, day):
    ids = [f"x{i}" for i in range(len(spans))]
    index = IntervalIndex(ids, starts=[s for s, _ in spans], ends=[e for _, e in spans])
    got = index.valid_on(day)
    assert sorted(got) == sorted(i for i, (s, e) in zip(ids, spans, strict=True) if s <= day <= e)
    assert len(set(got)) == len(got) and len(index) == len(ids)


def test_ids_come_back_as_equal_strings_in_a_tuple():
    index = IntervalIndex(["before", "after"], starts=[OPEN_START, 736330], ends=[736329, OPEN_END])
    assert index.valid_on(736329) == ("before",)
    assert index.valid_on(736330) == ("after",)
    assert isinstance(index.valid_on(0), tuple)


def test_empty_index():
    assert IntervalIndex([], starts=[], ends=[]).valid_on(5) == ()


# -- WindowMask: the days a source speaks for, as a mask parallel to the facts ----------------------
windows = st.lists(st.tuples(st.integers(min_value=0, max_value=4), bound, st.integers(min_value=0, max_value=10)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(windows, st.integers(min_value=-5, max_value=70))
def test_window_mask_marks_the_facts_a_window_holds(rows, day):
    # disjoint windows per fact, as Attestation.windows are
    from lsgmap.model.attestation import merge_windows

    per_fact = {p: merge_windows((s, s + n) for q, s, n in rows if q == p) for p in range(5)}
    flat = [(p, s, e) for p, ws in per_fact.items() for s, e in ws]
    mask = WindowMask(5, positions=[p for p, _, _ in flat], starts=[s for _, s, _ in flat], ends=[e for _, _, e in flat])
    expected = [any(s <= day <= e for s, e in per_fact[p]) for p in range(5)]
    assert mask.on(day).tolist() == expected
    assert mask.count_on(day) == sum(expected)


def test_an_empty_window_mask_marks_nothing():
    assert WindowMask(3, positions=[], starts=[], ends=[]).on(7).tolist() == [False, False, False]
    assert WindowMask(0, positions=[], starts=[], ends=[]).count_on(7) == 0


def test_attested_on_equals_asking_each_fact():
    from lsgmap.dataset.load import load
    from lsgmap.dates import to_day

    s = load()
    for text in ("2010-01-01", "2016-11-15", "2017-01-01", "2018-06-01", "2024-01-01"):
        day = to_day(text)
        snap = s.snapshot(on=day)
        nodes = frozenset(i for i in snap.node_ids if s.attestation(i).on(day))
        edges = frozenset(k for k in snap.edge_keys if s.attestation(k).on(day))
        assert s.attested_on(day) == (nodes, edges) == (snap.attested_nodes, snap.attested_edges), text
        assert snap.unattested_count == len(snap.node_ids) + len(snap.edge_keys) - len(nodes) - len(edges)
