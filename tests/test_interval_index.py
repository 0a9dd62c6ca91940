"""The interval index behind Structure.snapshot: same answer as filtering every interval."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lsgmap.dates import OPEN_END, OPEN_START
from lsgmap.model.interval_index import IntervalIndex

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
