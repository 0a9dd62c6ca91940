"""AppTest of the Redigera page: off unless enabled; the merger recorded through the forms; preview, save, stale, undo, upload."""

from __future__ import annotations

import pytest
from app_kit import run_app
from edit_kit import DERIVED, MERGER_FORM, SUCCESSOR, copy_bundled, structure_on, without_merger
from test_edit_import import _rename, _workbook

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.edit import Dataset
from lsgmap.edit.operations import change_row

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages

F = "edit.f."


@pytest.fixture
def editing(monkeypatch):
    monkeypatch.setenv("LSGMAP_EDIT", "1")

    def use(folder):
        monkeypatch.setenv("LSGMAP_DATA", str(folder))
        return run_app({"page": "redigera"})

    return use


def texts(at) -> str:
    return "\n".join(str(e.value) for kind in ("success", "error", "warning", "info", "caption", "text") for e in getattr(at, kind))


def test_the_page_is_off_unless_enabled(monkeypatch, tmp_path):
    monkeypatch.delenv("LSGMAP_EDIT", raising=False)
    monkeypatch.setenv("LSGMAP_DATA", str(copy_bundled(tmp_path)))
    at = run_app({"page": "redigera"})
    assert "Redigering är avstängd" in texts(at) and "lsgmap app --edit" in texts(at)
    assert not [w for w in at.text_input if w.key and w.key.startswith(F)]  # no form at all
    assert not (tmp_path / "data" / "changes.csv").exists()


def fill_merger(at, *, proposals=DERIVED):
    f = MERGER_FORM
    at.text_input(key=F + "who").input("Ida")
    at.text_input(key=F + "why").input("Enligt lägesrapporten")
    at.radio(key=F + "op").set_value("event").run()
    at.multiselect(key=F + "sources").set_value(f["sources"])
    at.selectbox(key=F + "event.kind").set_value(f["kind"])
    for field in ("name_sv", "name_en", "decided"):
        at.text_input(key=F + f"event.{field}").input(f[field])
    at.text_input(key=F + "event.date").input(f["day"])
    at.multiselect(key=F + "event.originals").set_value(["lsg_trosa", "lsg_gnesta"])
    at.checkbox(key=F + "event.new").check().run()
    at.selectbox(key=F + "event.s_kind").set_value(f["successor"]["kind"])
    at.text_input(key=F + "event.s_name_sv").input(f["successor"]["name_sv"])
    at.text_input(key=F + "event.s_name_en").input(f["successor"]["name_en"]).run()
    prefix = F + "event.prop."
    offered = {tuple(c.key[len(prefix):].split("|")): c for c in at.checkbox if c.key.startswith(prefix)}
    assert set(offered) >= DERIVED, sorted(offered)
    for key, box in offered.items():
        if key not in proposals:
            box.uncheck()
    return at.run()


def test_recording_the_merger_through_the_app_equals_the_bundled_data(editing, tmp_path):
    folder = without_merger(tmp_path)
    at = fill_merger(editing(folder))
    assert not at.exception
    # the preview: the rows, and the compare view of the day before and the day of the merger
    assert "2016-12-31" in texts(at) and "2017-01-01" in texts(at)
    assert "LSG Trosa och LSG Gnesta beslutade (2016-10-13 – 2016-12-31) att gå samman" in texts(at)
    assert len(at.get("iframe")) == 2
    assert not (folder / "changes.csv").exists() or not Dataset(folder).log()  # nothing saved by the preview
    at.button(key="edit.save").click().run()
    assert not at.exception
    assert "Sparat som ändring c0001" in texts(at)
    for day in ("2016-12-31", "2017-01-01", "2017-03-01"):
        assert structure_on(folder, day) == structure_on(BUNDLED_DATA, day), day
    s = load(folder)
    event = next(e for e in s.events.values() if SUCCESSOR in e.results)
    assert event.kind == "merger" and event.originals == ("lsg_trosa", "lsg_gnesta")
    derived = {(r.from_id, r.relation, r.to_id) for r in s.relations.values() if r.derived_from == event.id}
    assert derived == DERIVED
    log = Dataset(folder).log()
    assert {r["change"] for r in log} == {"c0001"} and {r["who"] for r in log} == {"Ida"}
    assert {r["row"] for r in log} >= {event.id, SUCCESSOR, "lsg_trosa", "lsg_gnesta"}
    # the form is emptied, the log tab shows the change
    assert at.selectbox(key=F + "event.kind").value is None
    assert any("c0001" in str(b.label) for b in at.button if b.key == "edit.undo")


def test_a_change_without_a_source_is_refused_per_field(editing, tmp_path):
    folder = copy_bundled(tmp_path)
    at = editing(folder)
    at.radio(key=F + "op").set_value("entity_add").run()
    at.selectbox(key=F + "entities_add.kind").set_value("project")
    at.text_input(key=F + "entities_add.name_sv").input("Nytt projekt").run()
    assert "källa" in texts(at) or any("källa" in str(d.value) for d in at.dataframe)
    assert at.button(key="edit.save").disabled
    at.multiselect(key=F + "sources").set_value(["an_gnesta_trosa"]).run()
    assert not at.button(key="edit.save").disabled
    at.button(key="edit.save").click().run()
    assert load(folder).entities["nytt_projekt"].name_sv == "Nytt projekt"


def test_rename_then_undo(editing, tmp_path):
    folder = copy_bundled(tmp_path)
    at = editing(folder)
    at.radio(key=F + "op").set_value("entity_change").run()
    at.selectbox(key=F + "entities_change.row").set_value("tris").run()
    assert at.text_input(key=F + "entities_change.name_sv").value == load(folder).entities["tris"].name_sv  # filled in
    at.multiselect(key=F + "sources").set_value(["an_gnesta_trosa"])
    at.text_input(key=F + "entities_change.name_en").input("TRIS project").run()
    preview = at.dataframe[0].value
    assert set(preview["Rad (id)"]) == {"tris"} and set(preview["Fält"]) == {"name_en", "sources"}  # the field, and the source named
    assert "TRIS project" in preview.to_string()
    at.button(key="edit.save").click().run()
    assert load(folder).entities["tris"].name_en == "TRIS project"
    before = (BUNDLED_DATA / "entities.csv").read_bytes()
    at.button(key="edit.undo").click().run()
    assert not at.exception
    assert "ångrad" in texts(at)
    assert (folder / "entities.csv").read_bytes() == before
    log = Dataset(folder).log()
    assert [r["change"] for r in log] == ["c0001", "c0002"] and log[-1]["undoes"] == "c0001"


def test_a_save_against_a_newer_version_is_refused_and_nothing_typed_is_lost(editing, tmp_path):
    folder = copy_bundled(tmp_path)
    at = editing(folder)
    at.radio(key=F + "op").set_value("relation_end").run()
    at.multiselect(key=F + "sources").set_value(["ls_sammanslagning"])
    at.selectbox(key=F + "relations_end.row").set_value("r014")
    at.text_input(key=F + "relations_end.day").input("2016-12-31").run()
    other = Dataset(folder)  # someone else saves meanwhile, another row
    other.save(change_row(other, "entities", "tuna", {"note": "Ändrad av Per"}, sources=["an_gnesta_trosa"]), who="Per", why="test")
    at.button(key="edit.save").click().run()
    assert not at.exception
    assert "Inget sparat" in texts(at) and "Per" in at.dataframe[-1].value.to_string()
    assert at.text_input(key=F + "relations_end.day").value == "2016-12-31"  # what was typed is kept
    assert load(folder).relations["r014"].valid_to in ("", None)
    at.button(key="edit.again").click().run()
    s = load(folder)
    assert s.relations["r014"].valid_to == "2016-12-31" and Dataset(folder).row("entities", "tuna")["note"] == "Ändrad av Per"
    assert "Sparat som ändring c0002" in texts(at) and "Inget sparat" not in texts(at)
    assert [r["who"] for r in Dataset(folder).log()] == ["Per", ""]


def test_workbook_upload_shows_the_rename_and_saves_it(editing, tmp_path):
    folder = copy_bundled(tmp_path)
    book = _rename(_workbook(folder, tmp_path / "data.xlsx"), "entities", "tuna", "name_sv", "TUNA nytt", tmp_path / "edited.xlsx")
    at = editing(folder)
    at.file_uploader(key="edit.upload").set_value(("edited.xlsx", book.read_bytes(), "application/octet-stream")).run()
    assert not at.exception
    assert "0 tillagda, 1 ändrade, 0 borttagna rader" in texts(at)
    at.button(key="edit.import").click().run()
    assert load(folder).entities["tuna"].name_sv == "TUNA nytt"
    log = Dataset(folder).log()
    assert len(log) == 1 and log[0]["row"] == "tuna" and "edited.xlsx" in log[0]["why"]
