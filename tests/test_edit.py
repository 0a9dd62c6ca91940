"""lsgmap.edit: changes are validated, written together, logged, undone, and refused when stale."""

from __future__ import annotations

import pytest
from edit_kit import DERIVED, MERGER, MERGER_FORM, SUCCESSOR, copy_bundled, structure_on, without_merger

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.edit import Dataset, EditRefused, StaleEdit
from lsgmap.edit.events import record_event
from lsgmap.edit.operations import add_document, add_quote, add_row, change_row, combine, end_row


def _record_merger(folder, accept=None):
    ds = Dataset(folder)
    f = MERGER_FORM
    draft = record_event(ds, f["kind"], f["day"], originals=["lsg_trosa", "lsg_gnesta"], new_entities=[f["successor"]],
                         name_sv=f["name_sv"], name_en=f["name_en"], decided=f["decided"], sources=f["sources"])
    keys = [p.key for p in draft.proposals if tuple(p.key.split("|")) in DERIVED] if accept is None else accept
    return ds, draft, ds.save(draft.accept(keys), who="Ida", why="Sammanslagningen enligt lägesrapporten")


def test_merger_recorded_from_scratch_equals_bundled(tmp_path):
    folder = without_merger(tmp_path)
    assert SUCCESSOR not in load(folder).entities
    ds, draft, saved = _record_merger(folder)
    proposed = {tuple(p.key.split("|")) for p in draft.proposals}
    assert proposed >= DERIVED  # every relation the bundled data derives is proposed
    assert ("ordf_lsg_trosa", "chairs", SUCCESSOR) not in proposed  # the chair's role ends with the old LSG
    for day in ("2016-12-31", "2017-01-01", "2017-03-01"):
        assert structure_on(folder, day) == structure_on(BUNDLED_DATA, day), day
    s = load(folder)
    event = next(e for e in s.events.values() if e.kind == "merger" and SUCCESSOR in e.results)
    assert event.originals == ("lsg_trosa", "lsg_gnesta") and event.date == "2017-01-01"
    assert {r.derived_from for r in s.relations.values() if SUCCESSOR in (r.from_id, r.to_id)} == {event.id}
    log = Dataset(folder).log()
    assert {r["change"] for r in log} == {saved.change_id} and {r["who"] for r in log} == {"Ida"}
    assert len(log) == 1 + 1 + 2 + len(DERIVED)  # event, successor, two endings, derived relations


def test_untouched_rows_keep_their_bytes(tmp_path):
    folder = copy_bundled(tmp_path)
    before = (folder / "relations.csv").read_bytes().splitlines(keepends=True)
    ds = Dataset(folder)
    ds.save(end_row(ds, "relations", "r014", "2016-12-31", sources=["ls_sammanslagning"]), who="t", why="t")
    after = (folder / "relations.csv").read_bytes().splitlines(keepends=True)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and b"2016-12-31" in after[changed[0]]
    assert (folder / "entities.csv").read_bytes() == (BUNDLED_DATA / "entities.csv").read_bytes()


def test_every_change_names_a_source(tmp_path):
    ds = Dataset(copy_bundled(tmp_path))
    with pytest.raises(EditRefused) as caught:
        add_row(ds, "entities", {"kind": "project", "name_sv": "Nytt projekt"}, sources=[])
    assert caught.value.problems[0].code == "edit.no_source"
    assert "källa" in caught.value.problems[0].render("sv")


def test_errors_block_the_change_and_nothing_is_written(tmp_path):
    folder = copy_bundled(tmp_path)
    ds = Dataset(folder)
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    bad = add_row(ds, "relations", {"from_id": "tris", "relation": "steers", "to_id": "no_such_entity", "valid_from": "2017-02-30"},
                  sources=["an_gnesta_trosa"])
    with pytest.raises(EditRefused) as caught:
        ds.save(bad, who="t", why="t")
    fields = {p.params.get("field") for p in caught.value.problems}
    assert {"to_id", "valid_from"} <= fields, fields  # shown per field
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == before
    assert not (folder / "changes.csv").exists()


def test_document_quote_and_fact_saved_as_one_change(tmp_path):
    folder = copy_bundled(tmp_path)
    ds = Dataset(folder)
    doc = add_document(ds, {"id": "protokoll_2017", "title": "Protokoll LSG Trosa-Gnesta 2017-01-23", "kind": "public", "date": "2017-01-23"})
    quote = add_quote(ds, "protokoll_2017", "Första gemensamma mötet", row_id="pr_forsta")
    fact = change_row(ds, "entities", SUCCESSOR, {"note": "Mötet hölls."}, sources=["pr_forsta"])
    saved = ds.save(combine(doc, quote, fact), who="Ida", why="Protokollet")
    s = load(folder)
    assert "pr_forsta" in s.entities[SUCCESSOR].sources and s.sources["pr_forsta"].document == "protokoll_2017"
    assert {r["table"] for r in Dataset(folder).log() if r["change"] == saved.change_id} == {"documents", "sources", "entities"}


def test_undo_is_a_logged_change(tmp_path):
    folder = copy_bundled(tmp_path)
    original = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "tris", {"name_sv": "TRIS-projektet"}, sources=["an_gnesta_trosa"]), who="a", why="namn")
    ds = Dataset(folder)
    undo = ds.undo_last()
    saved = ds.save(undo, who="b", why="ångra")
    assert load(folder).entities["tris"].name_sv == load(BUNDLED_DATA).entities["tris"].name_sv
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv") if p.name != "changes.csv"} == original
    log = Dataset(folder).log()
    assert [r["change"] for r in log] == ["c0001", saved.change_id] and log[-1]["undoes"] == "c0001"


def test_a_stale_edit_is_refused_with_what_changed_and_can_be_reapplied(tmp_path):
    folder = copy_bundled(tmp_path)
    mine, theirs = Dataset(folder), Dataset(folder)
    my_edit = change_row(mine, "entities", "tuna", {"name_en": "TUNA project"}, sources=["ls_projekt_tuna"])
    theirs.save(change_row(theirs, "entities", "ibis", {"name_en": "IBIS project"}, sources=["pub_ibis"]), who="Per", why="namn")
    with pytest.raises(StaleEdit) as caught:
        mine.save(my_edit, who="Ida", why="namn")
    stale = caught.value
    assert [r["row"] for r in stale.meanwhile] == ["ibis"] and stale.can_reapply
    my_edit.base = stale.current  # re-apply: nothing typed is lost
    mine.save(my_edit, who="Ida", why="namn")
    s = load(folder)
    assert (s.entities["tuna"].name_en, s.entities["ibis"].name_en) == ("TUNA project", "IBIS project")


def test_a_stale_edit_of_the_same_row_names_the_conflict(tmp_path):
    folder = copy_bundled(tmp_path)
    mine, theirs = Dataset(folder), Dataset(folder)
    my_edit = change_row(mine, "entities", "tuna", {"name_en": "Mine"}, sources=["ls_projekt_tuna"])
    theirs.save(change_row(theirs, "entities", "tuna", {"name_en": "Theirs"}, sources=["ls_projekt_tuna"]), who="Per", why="namn")
    with pytest.raises(StaleEdit) as caught:
        mine.save(my_edit, who="Ida", why="namn")
    assert not caught.value.can_reapply and caught.value.conflicts[0].found["name_en"] == "Theirs"
    assert load(folder).entities["tuna"].name_en == "Theirs"


def test_merger_proposals_can_be_dropped(tmp_path):
    folder = without_merger(tmp_path)
    _, draft, _ = _record_merger(folder, accept=[])
    s = load(folder)
    assert SUCCESSOR in s.entities
    assert not [r for r in s.relations.values() if SUCCESSOR in (r.from_id, r.to_id)]
    assert s.entities["lsg_trosa"].valid_to == "2016-12-31"
    assert MERGER not in s.events  # the new event has an id of its own
