"""lsgmap report --format docx: a Word document with the sections of a lägesrapport, Word headings and tables, and its sources."""

from __future__ import annotations

import docx
import pytest
from edit_kit import copy_bundled

from lsgmap.cli import main
from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.time.report_docx import report_docx

SECTIONS_SV = ["Uppdragsgivare under perioden", "Uppdrag från LSG under perioden", "Aktuella insatser/projekt per LSG under perioden",
               "Förändringar i strukturen under perioden", "Finansiering under perioden", "Uppgifter utan källa för perioden",
               "Öppna frågor och motstridiga källor", "Källor"]


def _read(path):
    d = docx.Document(str(path))
    return d, [(p.style.name, p.text) for p in d.paragraphs]


def _table_after(d, heading: str, section: str = ""):
    """The first table after the paragraph ``heading`` (in the Heading 1 ``section``, when given), in the document's body order."""
    body = list(d.iter_inner_content())
    first = next(i for i, x in enumerate(body) if getattr(x, "text", None) == section) if section else 0
    start = next(i for i, x in enumerate(body) if i >= first and getattr(x, "text", None) == heading)
    return next(x for x in body[start:] if isinstance(x, docx.table.Table))


@pytest.fixture(scope="module")
def report_2016(tmp_path_factory):
    out = tmp_path_factory.mktemp("r") / "r.docx"
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "docx", "--out", str(out)]) == 0
    return _read(out)


def test_the_sections_are_word_headings_in_the_order_of_a_status_report(report_2016):
    _, paras = report_2016
    assert paras[0] == ("Title", "Lägesrapport: underlag för perioden 2016-10-13 – 2016-12-31")
    assert ("Normal", "Period: 2016-10-13 – 2016-12-31") in paras
    heads = [text for style, text in paras if style == "Heading 1"]
    assert [h for h in heads if h in SECTIONS_SV] == SECTIONS_SV


def test_projects_per_lsg_are_a_word_table_with_who_steers_and_funds(report_2016):
    d, paras = report_2016
    assert ("Heading 2", "LSG Nyköping-Oxelösund") in paras
    table = _table_after(d, "LSG Nyköping-Oxelösund", "Aktuella insatser/projekt per LSG under perioden")
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Insats / projekt", "Styrs av", "Ägs av", "Finansieras av", "Källor"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert set(rows) == {"Innovation 100 dagar", "TUNA Nyköping/Oxelösund"}
    assert rows["TUNA Nyköping/Oxelösund"][1] == "LSG Nyköping-Oxelösund" and rows["TUNA Nyköping/Oxelösund"][4] == "[Lägesrapport 2016-12]"


def test_principals_and_assignments_are_tables(report_2016):
    d, _ = report_2016
    principals = _table_after(d, "Uppdragsgivare under perioden")
    assert [c.text for c in principals.rows[1].cells][:2] == [
        "Processledare LSG södra Sörmland", "LSG Gnesta, LSG Nyköping, LSG Nyköping-Oxelösund, LSG Oxelösund, LSG Trosa"]
    gnesta = _table_after(d, "LSG Gnesta", "Uppdrag från LSG under perioden")
    assert [r.cells[0].text for r in gnesta.rows[1:]] == ["Påbörja en ansökan om insats till ungdomar i behov av stöd",
                                                          "Förslag på administrativa strukturer för LSG och utkast till inriktningsplan 2017"]


def test_every_bracketed_source_is_listed_at_the_end_with_its_quotes(report_2016):
    d, paras = report_2016
    cells = [c.text for t in d.tables for r in t.rows[1:] for c in r.cells]
    cited = {part.strip() for text in cells + [p for _, p in paras] if text.startswith("[") or "[" in text
             for part in text[text.rfind("[") + 1 : text.rfind("]")].split(";") if text.rfind("]") > text.rfind("[")}
    sources = [text for _, text in paras[[p for _, p in paras].index("Källor") :]]
    listed = {text[1 : text.index("]")] for text in sources if text.startswith("[")}
    assert "Lägesrapport 2016-12" in listed and "Ansökan 2016" in listed
    assert {c for c in cited if c in {"Lägesrapport 2016-12", "Ansökan 2016"}} <= listed
    assert any(text.startswith("ls_projekt_tuna") and "”TUNA (LSG Nyköping-Oxelösund)”" in text for text in sources)


def test_the_conflicts_of_what_the_report_says_are_open_points(report_2016):
    _, paras = report_2016
    start = [p for _, p in paras].index("Öppna frågor och motstridiga källor")
    points = [text for style, text in paras[start + 1 :] if style == "List Bullet"]
    assert any(text.startswith("Vem styr TUNA och IBIS") for text in points)


def test_english_and_data_text_stays_text(tmp_path):
    folder = copy_bundled(tmp_path)
    entities = (folder / "entities.csv").read_text(encoding="utf-8")
    (folder / "entities.csv").write_text(entities.replace("Innovation 100 dagar,Innovation 100 days", "<b>Innovation</b> {=1+1},**100 days**"), encoding="utf-8")
    out = tmp_path / "en.docx"
    assert main(["report", "--data", str(folder), "--lang", "en", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "docx", "--out", str(out)]) == 0
    d, paras = _read(out)
    assert paras[0][1] == "Status report: material for the period 2016-10-13 – 2016-12-31"
    assert "Current projects per LSG in the period" in [p for s, p in paras if s == "Heading 1"]
    table = _table_after(d, "LSG Nyköping-Oxelösund", "Current projects per LSG in the period")
    assert "**100 days**" in [r.cells[0].text for r in table.rows[1:]]


def test_without_out_the_file_is_named_by_the_period(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--data", str(BUNDLED_DATA), "--from", "2017-01-01", "--to", "2017-06-30", "--format", "docx"]) == 0
    assert (tmp_path / "lsgmap-rapport-2017-01-01-2017-06-30.docx").is_file()


def test_report_docx_is_bytes_of_a_word_file():
    data = report_docx(load(BUNDLED_DATA), start="2016-10-13", end="2016-12-31", lang="en")
    assert data[:2] == b"PK"


def test_a_report_read_in_comes_back_out_in_word_for_its_period(tmp_path):
    """Documents in and out: the 2017 status report accepted, the Word report for 2017-01-01 – 2017-06-30 lists its projects and cites it."""
    from pathlib import Path

    folder = copy_bundled(tmp_path)
    report = Path(__file__).parent / "data" / "intake" / "lagesrapport_2017_h1.txt"
    assert main(["intake", str(report), "--data", str(folder), "--accept", "all", "--who", "Ida"]) == 0
    out = tmp_path / "vt2017.docx"
    assert main(["report", "--data", str(folder), "--from", "2017-01-01", "--to", "2017-06-30", "--format", "docx", "--out", str(out)]) == 0
    d, paras = _read(out)
    table = _table_after(d, "LSG Nyköping-Oxelösund", "Aktuella insatser/projekt per LSG under perioden")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["Ungdomens hus"] == ["Ungdomens hus", "LSG Nyköping-Oxelösund", "", "RAR", "[Lägesrapport 2017-06]"]
    assert "TRIS" in [r.cells[0].text for r in _table_after(d, "LSG Trosa-Gnesta", "Aktuella insatser/projekt per LSG under perioden").rows]
    assert ("Normal", "[Lägesrapport 2017-06] Lägesrapport avseende Processledare LSG södra Sörmland (2017-01-01/2017-06-30)") in paras
