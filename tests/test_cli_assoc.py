"""``--assoc ID``: snapshot, diff, report, export and ask read one association's part of a national dataset."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from lsgmap.cli import main
from lsgmap.dataset.load import load
from lsgmap.model.scope import associations, scope_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import generate  # noqa: E402


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    folder = generate(tmp_path_factory.mktemp("assoc") / "data", seed=3, associations=3, municipalities=9, years=6)
    return folder, load(folder)


def _json(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_snapshot_and_diff_of_one_association_are_the_whole_within_its_part(national, capsys):
    folder, s = national
    chosen = associations(s)[1]
    part = scope_of(s, chosen)
    day = s.change_dates()[len(s.change_days) // 2].isoformat()
    whole = _json(capsys, ["snapshot", "--data", str(folder), "--on", day, "--json"])
    mine = _json(capsys, ["snapshot", "--data", str(folder), "--on", day, "--json", "--assoc", chosen])
    assert {n["id"] for n in mine["nodes"]} == {n["id"] for n in whole["nodes"]} & part
    inside = [e for e in whole["edges"] if e["source"] in part and e["target"] in part]
    assert {e["id"] for e in mine["edges"]} == {e["id"] for e in inside}
    attested = {e["id"]: e["attested"] for e in whole["edges"]} | {n["id"]: n["attested"] for n in whole["nodes"]}
    assert all(item["attested"] == attested[item["id"]] for item in (*mine["nodes"], *mine["edges"]))  # what speaks for a fact stays
    first, last = s.change_dates()[0].isoformat(), s.change_dates()[-1].isoformat()
    changed = _json(capsys, ["diff", first, last, "--data", str(folder), "--json", "--assoc", chosen])
    text = json.dumps(changed)
    others = [i for a in associations(s) if a != chosen for i in scope_of(s, a) - part]
    assert others and not any(f'"{i}"' in text for i in others)


def test_report_ask_and_export_take_the_part_too(national, capsys, tmp_path):
    folder, s = national
    chosen = associations(s)[0]
    other_lsgs = [s.name(i) for a in associations(s)[1:] for i in scope_of(s, a) - scope_of(s, chosen) if s.entities[i].kind == "lsg"]
    first, last = s.change_dates()[0].isoformat(), s.change_dates()[-1].isoformat()
    assert main(["report", "--from", first, "--to", last, "--data", str(folder), "--assoc", chosen]) == 0
    report = capsys.readouterr().out
    assert report and not any(name in report for name in other_lsgs)
    out = tmp_path / "map.html"
    assert main(["export", "--format", "html", "--out", str(out), "--data", str(folder), "--assoc", chosen, "--on", last]) == 0
    page = out.read_text(encoding="utf-8")
    assert not any(json.dumps(name, ensure_ascii=False)[1:-1] in page for name in other_lsgs)
    lsg = sorted(i for i in scope_of(s, associations(s)[1]) - scope_of(s, chosen) if s.entities[i].kind == "lsg")[0]
    question = ["ask", "Vem", "styr", s.name(lsg), "--data", str(folder), "--json", "--on", last]
    main(question)
    assert lsg in json.loads(capsys.readouterr().out)["interpretation"]["entities"]  # the whole knows it
    main([*question, "--assoc", chosen])
    assert lsg not in json.dumps(json.loads(capsys.readouterr().out), ensure_ascii=False)  # the part does not


def test_an_unknown_association_is_wrong_usage_naming_the_ones_there_are(national, capsys):
    folder, s = national
    assert main(["snapshot", "--data", str(folder), "--assoc", "no_such"]) == 2
    err = capsys.readouterr().err
    assert "no_such" in err and associations(s)[0] in err and "Traceback" not in err
