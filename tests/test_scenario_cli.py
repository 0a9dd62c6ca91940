"""``lsgmap scenario …`` and ``lsgmap export --scenario`` (#27) on a copy of the bundled data: the documented shapes, and clear refusals."""

from __future__ import annotations

import io
import json

import pytest

from lsgmap.cli import main
from tests.edit_kit import copy_bundled
from tests.test_scenario import hashes


@pytest.fixture
def data(tmp_path):
    folder = copy_bundled(tmp_path)
    assert main(["scenario", "new", "ett-lsg", "--title", "Ett LSG för södra Sörmland", "--on", "2019-01-01", "--by", "Ida",
                 "--why", "Färre möten", "--data", str(folder)]) == 0
    assert main(["scenario", "add", "ett-lsg", "merge", "lsg_nykoping_oxelosund,lsg_trosa_gnesta", "--into", "LSG Södra Sörmland",
                 "--kind", "lsg", "--data", str(folder)]) == 0
    return folder


def run_json(capsys, *argv) -> object:
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_json_has_the_documented_shape(data, capsys):
    shown = run_json(capsys, "scenario", "show", "ett-lsg", "--data", str(data), "--lang", "en")
    assert set(shown) >= {"id", "title", "on", "operations", "consequences"}
    assert shown["on"] == "2019-01-01" and shown["operations"][0]["operation"] == "merge"
    assert all(set(c) == {"kind", "entity", "text", "relations"} for c in shown["consequences"])
    moved = {c["entity"] for c in shown["consequences"] if c["kind"] == "moved"}
    assert {"tuna_nykoping_oxelosund", "innovation_100", "tris"} <= moved
    assert not [c for c in shown["consequences"] if c["kind"] == "unsteered_project"]


def test_diff_json_is_the_diff_shape(data, capsys):
    theirs = run_json(capsys, "diff", "2018-12-31", "2019-01-01", "--data", str(data))
    ours = run_json(capsys, "scenario", "diff", "ett-lsg", "--data", str(data))
    assert set(ours) - {"scenario"} == set(theirs)
    assert [n["id"] for n in ours["nodes_added"]] == ["lsg_sodra_sormland"]
    assert ours["events"][0]["kind"] == "merger"


def test_list_and_delete(data, capsys):
    assert [s["id"] for s in run_json(capsys, "scenario", "list", "--data", str(data))] == ["ett-lsg"]
    assert main(["scenario", "delete", "ett-lsg", "--data", str(data)]) == 0
    assert run_json(capsys, "scenario", "list", "--data", str(data)) == []


def test_an_operation_that_cannot_be_applied_is_refused_and_not_kept(data, capsys):
    before = (data / "scenarios" / "ett-lsg" / "operations.csv").read_bytes()
    capsys.readouterr()
    assert main(["scenario", "add", "ett-lsg", "transfer", "r048", "--to", "lsg_nowhere", "--data", str(data), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "lsg_nowhere" in err and "Traceback" not in err
    assert (data / "scenarios" / "ett-lsg" / "operations.csv").read_bytes() == before


def test_an_unknown_scenario_is_one_line(data, capsys):
    capsys.readouterr()
    assert main(["scenario", "show", "nope", "--data", str(data), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert 'there is no proposal "nope"' in err and "ett-lsg" in err and "Traceback" not in err


def test_check_reports_a_broken_scenario_file_with_its_line(data, capsys):
    ops = data / "scenarios" / "ett-lsg" / "operations.csv"
    ops.write_text(ops.read_text(encoding="utf-8") + "2,explode,lsg_trosa,,,,\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--data", str(data), "--lang", "en"]) == 1
    assert "scenarios/ett-lsg/operations.csv:3" in capsys.readouterr().out


def test_the_deck_says_forslag_on_every_slide_and_the_data_is_unchanged(data, tmp_path):
    from pptx import Presentation

    before = hashes(data)
    out = tmp_path / "deck.pptx"
    assert main(["export", "--scenario", "ett-lsg", "--format", "pptx", "--out", str(out), "--data", str(data)]) == 0
    deck = Presentation(io.BytesIO(out.read_bytes()))
    assert len(deck.slides) >= 4
    for slide in deck.slides:
        text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert "Förslag" in text or "FÖRSLAG" in text
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 2  # today and the proposal
    assert hashes(data) == before


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_the_page_and_image_mark_the_proposal_with_its_legend_row(data, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    assert main(["export", "--scenario", "ett-lsg", "--format", fmt, "--out", str(out), "--data", str(data)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "FÖRSLAG: Ett LSG för södra Sörmland" in text and "Föreslagen" in text  # the title and the legend row
    assert "I dag (2019-01-01)" in text
    if fmt == "html":
        assert "TUNA Nyköping/Oxelösund: styrs av LSG Nyköping-Oxelösund → LSG Södra Sörmland." in text
        assert "<script src" not in text and "<link" not in text  # offline: nothing loaded from elsewhere


def test_export_scenario_refuses_other_dates_and_formats(data, capsys):
    assert main(["export", "--scenario", "ett-lsg", "--on", "2017-01-01", "--data", str(data)]) == 2
    assert main(["export", "--scenario", "ett-lsg", "--format", "xlsx", "--data", str(data)]) == 2


def test_the_one_page_summary_in_markdown(data, tmp_path, capsys):
    out = tmp_path / "x.md"
    assert main(["export", "--scenario", "ett-lsg", "--format", "md", "--out", str(out), "--data", str(data), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8").splitlines()
    assert text[0] == "# PROPOSAL: Ett LSG för södra Sörmland (2019-01-01)"
    assert "- **TUNA Nyköping/Oxelösund**" in text and "  - TUNA Nyköping/Oxelösund: is steered by LSG Nyköping-Oxelösund → LSG Södra Sörmland." in text
    assert main(["export", "--format", "md", "--data", str(data)]) == 2  # md is only a proposal's summary


def test_a_question_on_a_proposal_says_so_first_and_answers_on_it(tmp_path, capsys):
    import shutil

    from lsgmap.cli import main
    from lsgmap.dataset.load import BUNDLED_DATA

    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, data, ignore=shutil.ignore_patterns("scenarios"))
    assert main(["--data", str(data), "scenario", "new", "ett", "--title", "Ett LSG", "--on", "2019-01-01", "--by", "Ida", "--why", "t"]) == 0
    assert main(["--data", str(data), "scenario", "add", "ett", "merge", "lsg_nykoping_oxelosund,lsg_trosa_gnesta", "--into", "LSG Söder", "--kind", "lsg"]) == 0
    capsys.readouterr()
    assert main(["--data", str(data), "ask", "--scenario", "ett", "Vem skulle styra TUNA?"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith('Svar enligt förslaget "Ett LSG" (från 2019-01-01)')
    assert any("LSG Söder" in line and "styr" in line for line in out)
    assert main(["--data", str(data), "ask", "--scenario", "nope", "Vem styr TUNA?"]) == 1
