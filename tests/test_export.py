"""Exports: offline HTML, PNG/SVG images with the map's layout, the compare image, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsgmap.cli import main
from lsgmap.export import (
    compare_marks,
    default_filename,
    emphasise,
    export_compare_image,
    export_html,
    export_image,
    graph_view,
    image_size,
)
from lsgmap.layout import layered_positions


@pytest.fixture(scope="module")
def positions(sormland):
    return layered_positions(sormland)


def test_html_is_standalone_and_shows_the_date(sormland, positions):
    page = export_html(sormland, on="2017-03-01", positions=positions)
    assert "Samverkansstrukturen 2017-03-01" in page
    assert not re.search(r"<script[^>]+src=|<link\b", page, re.IGNORECASE)
    assert "vis.Network" in page or "new vis" in page  # vis-network is inlined
    assert '"lsg_trosa_gnesta"' in page and '"lsg_trosa"' not in page


def test_html_title_from_data_is_escaped(sormland, positions):
    page = export_html(sormland, on="2017-03-01", positions=positions, title="<script>alert(1)</script>")
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_png_has_the_asked_size(sormland, positions):
    png = export_image(sormland, on="2016-11-01", positions=positions, size=(1200, 700))
    assert png.startswith(b"\x89PNG") and image_size(png) == (1200, 700)


def test_svg_has_the_names_of_the_day(sormland, positions):
    svg = export_image(sormland, on="2016-11-01", positions=positions, fmt="svg", size=(800, 500)).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # matplotlib writes text as glyph paths with the text in a comment
    assert "LSG Trosa" in svg and "LSG Trosa-Gnesta" not in svg


def test_image_and_html_use_the_same_positions(sormland, positions):
    nodes, _ = graph_view(sormland, on="2017-03-01", positions=positions)
    by_id = {n["id"]: (n["x"], n["y"]) for n in nodes}
    assert by_id["rar"] == positions["rar"] and by_id["lsg_trosa_gnesta"] == positions["lsg_trosa_gnesta"]


def test_emphasis_dims_all_but_the_chain(sormland, positions):
    nodes, edges = graph_view(
        sormland, on="2016-11-01", positions=positions, emphasis=(["lsg_nykoping", "tuna"], ["r033"])
    )
    strong = {n["id"] for n in nodes if not n["dimmed"]}
    assert strong == {"lsg_nykoping", "tuna"}
    assert [e["id"] for e in edges if not e["dimmed"]] == ["r033"]


def test_emphasis_of_nothing_changes_nothing():
    nodes = [{"id": "a"}]
    emphasise(nodes, [], node_ids=[], edge_keys=[])
    assert nodes == [{"id": "a"}]


def test_compare_marks_the_merger(sormland):
    before, after = compare_marks(sormland, start="2016-11-01", end="2017-03-01")
    assert before["lsg_trosa"] == before["lsg_gnesta"] == "removed" and after["lsg_trosa_gnesta"] == "added"
    assert before["r046"] == "removed"  # LSG Trosa steers TRIS, gone in 2017
    assert after["r047"] == "added"  # LSG Trosa-Gnesta steers TRIS from 2017-01-01
    assert "rar" not in before and "rar" not in after


def test_compare_view_draws_the_marks(sormland, positions):
    before, _ = compare_marks(sormland, start="2016-11-01", end="2017-03-01")
    nodes, edges = graph_view(sormland, on="2016-11-01", positions=positions, marks=before)
    assert {n["id"] for n in nodes if n.get("mark") == "removed"} == {"lsg_trosa", "lsg_gnesta", "ordf_lsg_trosa", "ordf_lsg_gnesta"}
    assert any(e["id"] == "r046" and e.get("mark") == "removed" for e in edges)


def test_compare_image_is_one_image_of_the_asked_size(sormland, positions):
    # the titles with both dates are checked on the SVG in test_cli_compare_svg
    png = export_compare_image(sormland, start="2016-11-01", end="2017-03-01", positions=positions, size=(1200, 500))
    assert image_size(png) == (1200, 500)


@pytest.mark.parametrize("fmt", ["gif", ""])
def test_bad_format_is_an_input_error(sormland, positions, fmt):
    from lsgmap.errors import InputError

    with pytest.raises(InputError) as info:
        export_image(sormland, on="2017", positions=positions, fmt=fmt)
    assert "png, svg" in info.value.render("en")


def test_default_filename():
    assert default_filename(on="2017-03", fmt="svg") == "lsgmap-2017-03-01.svg"


def test_cli_writes_png_with_default_name(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--on", "2017-03-01", "--format", "png", "--size", "640x480", "--lang", "en"]) == 0
    out = tmp_path / "lsgmap-2017-03-01.png"
    assert image_size(out.read_bytes()) == (640, 480)
    assert "Wrote lsgmap-2017-03-01.png" in capsys.readouterr().err


def test_cli_html_to_named_file(tmp_path: Path):
    target = tmp_path / "karta.html"
    assert main(["export", "--on", "2016-11-01", "--format", "html", "--out", str(target), "--hide-persons"]) == 0
    page = target.read_text(encoding="utf-8")
    assert "Samverkansstrukturen 2016-11-01" in page and "Ida Malmberg" not in page


def test_cli_compare_svg(tmp_path: Path):
    target = tmp_path / "jamfor.svg"
    assert main(["export", "--on", "2017-03-01", "--compare", "2016-11-01", "--format", "svg", "--out", str(target), "--size", "1000x400"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "Jämförelse 2016-11-01 och 2017-03-01" in text
    assert "LSG Trosa-Gnesta" in text and "LSG Trosa " in text  # each side its own day


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "--on", "2018-06-31"], "Fel: --on: Ogiltigt datum '2018-06-31': dag 31 finns inte i 2018-06"),
        (["export", "--on", "2017", "--size", "big"], "Fel: --size: Ogiltig bildstorlek 'big'"),
        (["export", "--on", "2017", "--compare", "2016", "--format", "html"], "Fel: --compare ger en bild"),
    ],
)
def test_cli_bad_input_is_a_message_not_a_traceback(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and "Traceback" not in err


def test_map_and_compare_pages_offer_exports():
    """Exports from every view: the map page (HTML, image) and the compare page (one image, both dates)."""
    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).resolve().parent.parent / "app.py")
    at = AppTest.from_file(app, default_timeout=60)
    at.query_params.update({"page": "karta", "on": "2016-11-01"})
    at.run()
    assert "Ladda ner bilden som HTML (offline)" in [b.proto.label for b in at.get("download_button")]
    at.checkbox(key="karta.img").check().run()
    assert "Ladda ner PNG" in [b.proto.label for b in at.get("download_button")]
    at = AppTest.from_file(app, default_timeout=60)
    at.query_params.update({"page": "jamfor", "start": "2016-11-01", "end": "2017-03-01"})
    at.run()
    at.checkbox(key="jamfor.img").check().run()
    assert not at.exception
    assert "Ladda ner PNG" in [b.proto.label for b in at.get("download_button")]
