"""Hostile input on the Redigera page (AppTest): no traceback, nothing typed lost, no broken dataset, no user text as markup.

Every case runs the page on a copy of the bundled data, types or uploads
something hostile and then asserts the same things: no exception, the
dataset still loads and ``check`` finds no error the bundled data has not,
and no Markdown-rendering element shows the input's markup unescaped.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from app_kit import run_app
from edit_kit import copy_bundled
from openpyxl import load_workbook

from lsgmap.dataset.checks import check, errors_of
from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.edit import Dataset, EditRefused
from lsgmap.edit.operations import add_row, change_row
from lsgmap.exchange import export_data

pytestmark = pytest.mark.slow  # fuzz: hostile and random input through the Redigera page (AppTest)

F = "edit.f."
SOURCE = "an_gnesta_trosa"
HOSTILE = ["![x](http://evil/a.png)", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))"]
BAD_DATES = ["2017-02-30", "9999-99-99", "igår"]
#: markup from the input, unescaped (plain() puts a backslash before each of these characters)
MARKUP = re.compile(r"(?<!\\)!\[|(?<!\\)<img|(?<!\\)\]\(javascript")
_BUNDLED_ERRORS: set | None = None


def _errors(folder) -> set:
    return {(p.code, p.file, p.value) for p in errors_of(check(load(folder)))}


@pytest.fixture
def page(monkeypatch, tmp_path):
    """The Redigera page on a copy of the bundled data: returns (AppTest, folder)."""
    monkeypatch.setenv("LSGMAP_EDIT", "1")
    folder = copy_bundled(tmp_path)
    monkeypatch.setenv("LSGMAP_DATA", str(folder))
    return run_app({"page": "redigera"}), folder


def sound(at, folder) -> None:
    """No traceback, no new errors in the dataset, no markup from the input shown as markup."""
    global _BUNDLED_ERRORS
    assert not at.exception, [e.value for e in at.exception]
    if _BUNDLED_ERRORS is None:
        _BUNDLED_ERRORS = _errors(BUNDLED_DATA)
    assert _errors(folder) <= _BUNDLED_ERRORS
    shown = [str(e.value) for kind in ("markdown", "caption", "error", "warning", "info", "success", "title", "subheader") for e in at.get(kind)]
    shown += [str(e.label) for kind in ("checkbox", "button", "expander") for e in at.get(kind) if getattr(e, "label", None)]
    assert not [s for s in shown if MARKUP.search(s)]


def choose(at, op: str, *, source: bool = True):
    at.radio(key=F + "op").set_value(op).run()
    if source:
        at.multiselect(key=F + "sources").set_value([SOURCE])
    return at


def save(at):
    assert not at.button(key="edit.save").disabled, [d.value.to_string() for d in at.dataframe]
    return at.button(key="edit.save").click().run()


def refused(at) -> bool:
    return at.button(key="edit.save").disabled


# -- text ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [*HOSTILE, 'a;b,"c"\nd', "x" * 20_000], ids=["image", "html", "link", "csv", "long"])
def test_hostile_entity_is_saved_as_text_and_shown_escaped(page, text):
    at, folder = page
    choose(at, "entity_add")
    at.selectbox(key=F + "entities_add.kind").set_value("project")
    at.text_input(key=F + "entities_add.name_sv").input(text)
    at.text_input(key=F + "entities_add.short_name").input(text[:50])
    at.text_area(key=F + "entities_add.note").input(text).run()
    sound(at, folder)
    save(at)
    sound(at, folder)
    added = [r for r in Dataset(folder).rows("entities") if r["name_sv"] == text.strip()]
    assert len(added) == 1 and added[0]["note"] == text.strip()  # nothing typed lost, the CSV quoted as it must be


@pytest.mark.parametrize("text", HOSTILE, ids=["image", "html", "link"])
def test_hostile_document_and_event_names(page, text):
    at, folder = page
    choose(at, "document", source=False)
    at.text_input(key=F + "document.title").input(text)
    at.selectbox(key=F + "document.kind").set_value("public")
    at.text_input(key=F + "document.locator").input(text)
    at.text_area(key=F + "document.quote").input(text).run()
    save(at)
    sound(at, folder)
    quote = at.session_state[F + "sources"][-1]  # the new quote is chosen as the next change's source
    choose(at, "event", source=False)
    at.multiselect(key=F + "sources").set_value([quote])
    at.selectbox(key=F + "event.kind").set_value("merger")
    at.text_input(key=F + "event.date").input("2020-01-01")
    at.text_input(key=F + "event.name_sv").input(text)
    at.text_area(key=F + "event.note").input(text)
    at.multiselect(key=F + "event.originals").set_value(["lsg_nykoping", "lsg_oxelosund"])
    at.checkbox(key=F + "event.new").check().run()
    at.selectbox(key=F + "event.s_kind").set_value("lsg")
    at.text_input(key=F + "event.s_name_sv").input(text).run()
    sound(at, folder)
    save(at)
    sound(at, folder)


@pytest.mark.parametrize("where", ["name_sv", "note"])
def test_control_characters_are_refused_with_the_field(page, where):
    at, folder = page
    choose(at, "entity_add")
    at.selectbox(key=F + "entities_add.kind").set_value("project")
    at.text_input(key=F + "entities_add.name_sv").input("Nytt \x00\x07 projekt" if where == "name_sv" else "Nytt projekt")
    at.text_area(key=F + "entities_add.note").input("a\x1bb" if where == "note" else "").run()
    sound(at, folder)
    assert refused(at)
    assert any("styrtecken" in d.value.to_string() and where in d.value.to_string() for d in at.dataframe)
    before = (BUNDLED_DATA / "entities.csv").read_bytes()
    assert (folder / "entities.csv").read_bytes() == before


# -- dates -----------------------------------------------------------------------------------------------------------
def _entity_from(at, day):
    choose(at, "entity_add")
    at.selectbox(key=F + "entities_add.kind").set_value("project")
    at.text_input(key=F + "entities_add.name_sv").input("Nytt projekt")
    at.text_input(key=F + "entities_add.valid_from").input(day).run()


def _relation_end(at, day):
    choose(at, "relation_end")
    at.selectbox(key=F + "relations_end.row").set_value("r014")
    at.text_input(key=F + "relations_end.day").input(day).run()


def _entity_change(at, day):
    choose(at, "entity_change")
    at.selectbox(key=F + "entities_change.row").set_value("tris").run()
    at.text_input(key=F + "entities_change.valid_to").input(day).run()


def _event(at, day):
    choose(at, "event")
    at.selectbox(key=F + "event.kind").set_value("merger")
    at.text_input(key=F + "event.date").input(day)
    at.multiselect(key=F + "event.originals").set_value(["lsg_nykoping", "lsg_oxelosund"])
    at.checkbox(key=F + "event.new").check().run()
    at.selectbox(key=F + "event.s_kind").set_value("lsg")
    at.text_input(key=F + "event.s_name_sv").input("Ny LSG").run()


def _document(at, day):
    choose(at, "document", source=False)
    at.text_input(key=F + "document.title").input("Protokoll")
    at.selectbox(key=F + "document.kind").set_value("public")
    at.text_input(key=F + "document.date").input(day)
    at.text_area(key=F + "document.quote").input("Citat").run()


@pytest.mark.parametrize("day", BAD_DATES)
@pytest.mark.parametrize("fill", [_entity_from, _relation_end, _entity_change, _event, _document])
def test_impossible_dates_are_refused_and_kept(page, fill, day):
    at, folder = page
    fill(at, day)
    sound(at, folder)
    assert refused(at)
    assert day in [w.value for w in at.text_input]  # what was typed stays for the user to correct


def test_valid_to_before_valid_from_is_refused(page):
    at, folder = page
    choose(at, "relation_add")
    at.selectbox(key=F + "relations_add.from_id").set_value("lsg_trosa")
    at.selectbox(key=F + "relations_add.relation").set_value("steers")
    at.selectbox(key=F + "relations_add.to_id").set_value("tris")
    at.text_input(key=F + "relations_add.valid_from").input("2018-01-01")
    at.text_input(key=F + "relations_add.valid_to").input("2017-01-01").run()
    sound(at, folder)
    assert refused(at)


# -- rows that cannot be -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("op", ["relation_add", "relation_change"])
def test_a_relation_to_itself_is_refused(page, op):
    at, folder = page
    choose(at, op)
    if op == "relation_add":
        at.selectbox(key=F + "relations_add.from_id").set_value("tris")
        at.selectbox(key=F + "relations_add.relation").set_value("steers")
        at.selectbox(key=F + "relations_add.to_id").set_value("tris").run()
    else:
        at.selectbox(key=F + "relations_change.row").set_value("r014").run()
        at.selectbox(key=F + "relations_change.to_id").set_value(at.selectbox(key=F + "relations_change.from_id").value).run()
    sound(at, folder)
    assert any("sig själv" in d.value.to_string() for d in at.dataframe)
    assert refused(at)


def test_an_id_already_taken_is_refused_by_the_library(tmp_path):
    ds = Dataset(copy_bundled(tmp_path))
    with pytest.raises(EditRefused) as refused_:
        add_row(ds, "entities", {"id": "tuna", "kind": "project", "name_sv": "Tuna"}, sources=[SOURCE])
    assert refused_.value.problems[0].code == "edit.id_taken"


def test_an_event_without_originals_is_refused(page):
    at, folder = page
    choose(at, "event")
    at.selectbox(key=F + "event.kind").set_value("merger")
    at.text_input(key=F + "event.date").input("2020-01-01")
    at.checkbox(key=F + "event.new").check().run()
    at.selectbox(key=F + "event.s_kind").set_value("lsg")
    at.text_input(key=F + "event.s_name_sv").input("Ny LSG").run()
    sound(at, folder)
    assert refused(at) and "föregångare" in at.dataframe[0].value.to_string()


def test_a_successor_named_as_an_existing_entity_gets_its_own_id(page):
    at, folder = page
    _event(at, "2020-01-01")
    at.text_input(key=F + "event.s_name_sv").input("LSG Trosa-Gnesta").run()
    save(at)
    sound(at, folder)
    s = load(folder)
    assert s.entities["lsg_trosa_gnesta_2"].name_sv == s.entities["lsg_trosa_gnesta"].name_sv == "LSG Trosa-Gnesta"
    assert Dataset(folder).row("entities", "lsg_trosa_gnesta") == Dataset(BUNDLED_DATA).row("entities", "lsg_trosa_gnesta")


# -- saving ------------------------------------------------------------------------------------------------------------
def test_saving_twice_adds_the_entity_once_and_empties_the_form(page):
    at, folder = page
    choose(at, "entity_add")
    at.selectbox(key=F + "entities_add.kind").set_value("project")
    at.text_input(key=F + "entities_add.name_sv").input("Nytt projekt").run()
    save(at)
    sound(at, folder)
    assert at.text_input(key=F + "entities_add.name_sv").value == ""  # the form is emptied ...
    assert at.button(key="edit.save").disabled  # ... so a second click cannot add "nytt_projekt_2"
    assert [e for e in load(folder).entities if e.startswith("nytt_projekt")] == ["nytt_projekt"]
    assert [r["change"] for r in Dataset(folder).log()] == ["c0001"]


def test_after_saving_a_change_no_one_else_is_said_to_have_changed_the_row(page):
    at, folder = page
    choose(at, "entity_change")
    at.selectbox(key=F + "entities_change.row").set_value("tris").run()
    at.text_input(key=F + "entities_change.name_en").input("TRIS project").run()
    save(at)
    sound(at, folder)
    assert not at.warning and "Sparat som ändring c0001" in at.success[0].value
    assert at.button(key="edit.save").disabled


# -- undo --------------------------------------------------------------------------------------------------------------
def test_no_undo_with_an_empty_log(page):
    at, folder = page
    assert not [b for b in at.button if b.key == "edit.undo"]
    assert "Ändringsloggen är tom." in [c.value for c in at.caption]


def test_undo_refuses_when_the_last_change_is_no_longer_the_one_shown(page):
    at, folder = page
    ds = Dataset(folder)
    ds.save(change_row(ds, "entities", "tris", {"name_en": "TRIS project"}, sources=[SOURCE]), who="Per", why="test")
    at.run()
    assert "c0001" in at.button(key="edit.undo").label
    other = Dataset(folder)
    other.save(other.undo_last(), who="Per", why="ångrar")  # meanwhile, in another window
    at.button(key="edit.undo").click().run()
    sound(at, folder)
    assert [r["change"] for r in Dataset(folder).log()] == ["c0001", "c0002"]  # c0002 was not undone (c0001 not redone)
    assert any("inte längre den senaste" in d.value.to_string() for d in at.dataframe)


# -- uploads -----------------------------------------------------------------------------------------------------------
def _without_sheet(folder, name: str) -> bytes:
    book = load_workbook(io.BytesIO(export_data(load(folder), "xlsx", lang="sv")))
    del book[name]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cp1252(folder) -> bytes:
    rows = list(csv.reader(io.StringIO((folder / "entities.csv").read_text(encoding="utf-8"))))
    rows[1][rows[0].index("name_sv")] += " åäö; \"citat\""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue().encode("cp1252")


UPLOADS = {
    "not_a_workbook": ("data.xlsx", lambda folder: b"PK? not a zip at all", False),
    "empty": ("data.xlsx", lambda folder: b"", False),
    "empty_csv": ("entities.csv", lambda folder: b"", False),
    "unknown_table": ("![x](http:evil).csv", lambda folder: b"id,name\na,b\n", False),
    "wrong_columns": ("entities.csv", lambda folder: b"foo,bar\n1,2\n", False),
    "deleted_sheet": ("data.xlsx", lambda folder: _without_sheet(folder, "relations"), False),
    "control_characters": ("entities.csv", lambda folder: (folder / "entities.csv").read_bytes().replace(b"RAR", b"R\x07A\x1bR", 1), False),
    "cp1252_semicolons": ("entities.csv", _cp1252, True),
}


@pytest.mark.parametrize("case", list(UPLOADS))
def test_uploads(page, case):
    at, folder = page
    name, make, imports = UPLOADS[case]
    at.file_uploader(key="edit.upload").set_value((name, make(folder), "application/octet-stream")).run()
    sound(at, folder)
    buttons = [b for b in at.button if b.key == "edit.import"]
    assert bool(buttons) == imports
    if imports:
        buttons[0].click().run()
        sound(at, folder)
        assert load(folder).entities["rar"].name_sv.endswith('åäö; "citat"')
    else:
        assert not Dataset(folder).log()
