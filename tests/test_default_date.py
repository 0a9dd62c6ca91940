"""The day a dataset opens on: declared in its descriptor, else its newest primary document's, else today."""

from __future__ import annotations

import json
from datetime import date

from lsgmap.cli import main
from lsgmap.dataset.load import load
from lsgmap.dates import today


def _declare(folder, value) -> None:
    descriptor = folder / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["lsgmap:defaultDate"] = value
    descriptor.write_text(json.dumps(data), encoding="utf-8")


def test_a_declared_default_date_is_used_with_its_reason(merger_dir, tmp_path):
    import shutil

    folder = shutil.copytree(merger_dir, tmp_path / "d")
    _declare(folder, {"date": "2016-11", "why_sv": "rapportens månad", "why_en": "the report's month"})
    opening = load(folder).default
    assert (opening.date, opening.source) == (date(2016, 11, 1), "dataset")
    assert opening.why.render("sv") == "datamängdens standarddatum: rapportens månad"
    assert opening.why.render("en") == "the dataset's default date: the report's month"


def test_without_a_declaration_the_newest_primary_document_decides(tiny):
    s = tiny(
        documents=[
            {"id": "old", "title": "Gammal", "kind": "seed", "reference": "a.txt", "date": "2015"},
            {"id": "new", "title": "Ny rapport", "kind": "seed", "reference": "b.txt", "date": "2016-12"},
            {"id": "web", "title": "Webbsida", "kind": "public", "reference": "x", "date": "2020"},
        ],
        sources=[{"id": "s1", "document": "new", "quote": "citat"}],
        entities=[{"id": "a", "kind": "lsg", "sources": "s1"}],
    )
    assert (s.default.date, s.default.source) == (date(2016, 12, 31), "documents")
    assert "Ny rapport (2016-12)" in s.default.why.render("sv")


def test_with_nothing_to_go_by_it_is_today(tiny):
    s = tiny(documents=[{"id": "doc", "title": "Odaterad", "kind": "seed", "reference": "a.txt", "date": ""}], entities=[{"id": "a", "kind": "lsg"}])
    assert (s.default.date, s.default.source) == (today(), "today")


def test_a_broken_default_date_is_a_schema_problem(merger_dir, tmp_path):
    import shutil

    folder = shutil.copytree(merger_dir, tmp_path / "d")
    _declare(folder, {"date": "2016-13-01"})
    assert any(p.code == "schema.invalid" and "defaultDate" in p.value for p in load(folder).problems)


def test_snapshot_without_on_uses_the_default_and_says_so(capsys):
    assert main(["snapshot", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["on"] == "2016-11-15"
    assert "2016-11-15" in err and "--on" in err
    assert main(["snapshot", "--json", "--on", "2017-03-01"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["on"] == "2017-03-01" and err == ""
