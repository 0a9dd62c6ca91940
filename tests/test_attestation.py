"""The attestation rule (lsgmap.model.attestation), proved on generated facts and tiny datasets."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_dataset
from lsgmap.dates import OPEN_END, OPEN_START, interval_days, to_day
from lsgmap.model.attestation import NEVER, Attestation, attestation_note, attestation_of, merge_windows
from lsgmap.model.records import Entity, Relation, Source

FIRST, LAST = date(2000, 1, 1).toordinal(), date(2030, 12, 31).toordinal()
days = st.integers(min_value=FIRST, max_value=LAST)
maybe_date = st.one_of(st.just(""), days.map(lambda d: date.fromordinal(d).isoformat()), st.integers(2000, 2030).map(str))


@st.composite
def spans(draw):
    a, b = sorted((draw(days), draw(days)))
    return a, b


@st.composite
def facts(draw):
    """A relation with random stated ends (maybe unknown), maybe derived, citing 0–3 sources with random periods."""
    valid_from, valid_to = draw(maybe_date), draw(maybe_date)
    start, end = interval_days(valid_from or None, None)[0], interval_days(None, valid_to or None)[1]
    if end < start:
        valid_to, end = "", OPEN_END
    sources = {f"s{i}": Source(f"s{i}", "doc", "q", speaks=draw(st.one_of(st.none(), spans()))) for i in range(draw(st.integers(0, 3)))}
    derived = draw(st.sampled_from(["", "", "ev"]))
    fact = Relation("r", "a", "steers", "b", start, end, valid_from, valid_to, derived_from=derived, sources=tuple(sources))
    return fact, sources


@settings(max_examples=300, deadline=None)
@given(facts(), days)
def test_attested_only_where_valid_and_spoken_for(case, day):
    fact, sources = case
    attested = attestation_of(fact, sources).on(day)
    if attested:
        assert fact.valid_on(day)
    spoken = not fact.derived_from and any(s.speaks and s.speaks[0] <= day <= s.speaks[1] for s in sources.values())
    assert attested == (fact.valid_on(day) and spoken)  # the stated dates alone attest nothing


@settings(max_examples=200, deadline=None)
@given(facts(), days)
def test_an_unknown_end_is_not_always(case, day):
    """Without sources, a fact with an unknown end is never attested, however long it is valid."""
    fact, _ = case
    if not (fact.valid_from and fact.valid_to):
        assert not attestation_of(fact, {}).on(day)


@settings(max_examples=200, deadline=None)
@given(facts(), spans())
def test_adding_a_source_never_takes_an_attested_day_away(case, extra):
    fact, sources = case
    before = attestation_of(fact, sources)
    more = dict(sources, extra=Source("extra", "doc", "q", speaks=extra))
    widened = Relation(fact.id, fact.from_id, fact.relation, fact.to_id, fact.start, fact.end, fact.valid_from, fact.valid_to,
                       derived_from=fact.derived_from, sources=(*fact.sources, "extra"))
    after = attestation_of(widened, more)
    for start, end in before.windows:
        assert after.on(start) and after.on(end)


@settings(max_examples=200, deadline=None)
@given(st.lists(spans(), max_size=6), days)
def test_merged_windows_are_sorted_disjoint_and_cover_the_same_days(windows, day):
    merged = merge_windows(windows)
    assert all(a <= b for a, b in merged)
    assert all(merged[i][1] + 1 < merged[i + 1][0] for i in range(len(merged) - 1))
    assert Attestation(merged).on(day) == any(a <= day <= b for a, b in windows)


@settings(max_examples=200, deadline=None)
@given(st.lists(spans(), max_size=5), days)
def test_nearest_attested_days(windows, day):
    a = Attestation(merge_windows(windows))
    before, after = a.last_before(day), a.first_after(day)
    assert before is None or (before < day and a.on(before) and not any(a.on(d) for d in range(before + 1, min(day, before + 40))))
    assert after is None or (after > day and a.on(after))
    if a.ever and not a.on(day):
        assert before is not None or after is not None


def test_the_note_names_the_nearest_attested_day_in_both_languages():
    a = Attestation(((to_day("2016-10-13"), to_day("2016-12-31")),))
    assert attestation_note(a, to_day("2016-11-15")) == ""
    assert attestation_note(a, to_day("2026-11-23")) == "saknar källa för detta datum, senast belagd 2016-12-31"
    assert attestation_note(a, to_day("2010-06-01"), "en") == "no source for this date, first attested 2016-10-13"
    assert attestation_note(NEVER, to_day("2017-03-01"), "en") == "no source for this date, no source speaks for any date"


def test_an_entity_is_attested_where_a_relation_at_its_end_is(tmp_path):
    """Rule 3: the source that speaks for "A steers P" speaks for A and P too."""
    s = make_dataset(
        tmp_path,
        documents=[{"id": "report", "title": "Rapport", "kind": "seed", "period": "2016-10-13/2016-12-31"}],
        sources=[{"id": "q", "document": "report", "quote": "P (A)"}, {"id": "old", "document": "doc", "quote": "A finns"}],
        entities=[{"id": "a", "kind": "lsg", "sources": "old"}, {"id": "p", "kind": "project", "sources": "old"}],
        relations=[{"id": "r", "from_id": "a", "relation": "steers", "to_id": "p", "sources": "q"}],
    )
    for fact in ("a", "p", "r"):
        assert s.attestation(fact).on(to_day("2016-11-15")), fact
        assert not s.attestation(fact).on(to_day("2017-03-01")), fact
    snap = s.snapshot(on="2017-03-01")
    assert set(snap.node_ids) == {"a", "p"} and snap.unattested_count == 3
    data = snap.to_json()
    assert [(n["id"], n["attested"], n["attested_to"]) for n in data["nodes"]] == [("a", False, "2016-12-31"), ("p", False, "2016-12-31")]
    assert (data["facts"], data["unattested"]) == (3, 3)


def test_a_passage_may_speak_for_less_than_its_document(tmp_path):
    s = make_dataset(
        tmp_path,
        documents=[{"id": "web", "title": "Sida", "kind": "public"}],
        sources=[{"id": "started", "document": "web", "quote": "startade 2008", "period": "2008"}],
        entities=[{"id": "t", "kind": "project", "valid_from": "2008", "sources": "started"}],
    )
    a = s.attestation("t")
    assert (a.first, a.last) == (to_day("2008-01-01"), to_day("2008-12-31"))
    assert s.sources["started"].speaks == (to_day("2008-01-01"), to_day("2008-12-31"))


def test_a_derived_relation_is_never_attested_by_itself(merger):
    derived = [r for r in merger.relations.values() if r.derived_from]
    assert derived
    for r in derived:
        assert not merger.attestation(r.id).ever, r.id


def test_open_ends_stay_open_in_the_validity():
    e = Entity("x", "lsg", "X", "X", OPEN_START, OPEN_END)
    assert e.valid_on(to_day("1900-01-01")) and not attestation_of(e, {}).ever
