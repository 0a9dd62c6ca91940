"""Exports: offline HTML, PNG/SVG images with the map's layout, the compare image, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsgmap.cli import main
from lsgmap.draw.elements import elements
from lsgmap.draw.export import default_filename
from lsgmap.draw.html import export_html
from lsgmap.draw.images import export_compare_image, export_image, image_size
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View, compare_views


@pytest.fixture(scope="module")
def positions(sormland):
    return layered_positions(sormland)


def test_html_is_standalone_and_shows_the_date(sormland, positions):
    page = export_html(sormland, View(on="2017-03-01"), positions=positions)
    assert "Samverkansstrukturen 2017-03-01" in page
    assert not re.search(r"<script[^>]+src=|<link\b", page, re.IGNORECASE)
    assert "vis.Network" in page or "new vis" in page  # vis-network is inlined
    assert '"lsg_trosa_gnesta"' in page and '"lsg_trosa"' not in page


def test_html_title_from_data_is_escaped(sormland, positions):
    page = export_html(sormland, View(on="2017-03-01", title="<script>alert(1)</script>"), positions=positions)
    assert "<script>alert(1)" not in page and "‹script›alert(1)" in page


def test_png_has_the_asked_size(sormland, positions):
    png = export_image(sormland, View(on="2016-11-01"), positions=positions, size=(1200, 700))
    assert png.startswith(b"\x89PNG") and image_size(png) == (1200, 700)


def test_svg_has_the_names_of_the_day(sormland, positions):
    svg = export_image(sormland, View(on="2016-11-01"), positions=positions, fmt="svg", size=(800, 500)).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert ">LSG Trosa</text>" in svg and "LSG Trosa-Gnesta" not in svg  # text stays text (svg.fonttype none)


def test_compare_views_mark_the_merger_on_both_sides(sormland, positions):
    before, after = compare_views(sormland, start="2016-11-01", end="2017-03-01")
    assert (before.on, before.title, after.on, after.title) == ("2016-11-01", "2016-11-01", "2017-03-01", "2017-03-01")
    left = elements(sormland, before, positions)
    assert {n.id for n in left.nodes if n.mark == "removed"} == {"lsg_trosa", "lsg_gnesta", "ordf_lsg_trosa", "ordf_lsg_gnesta"}
    assert any(e.id == "r046" and e.mark == "removed" for e in left.edges)  # LSG Trosa steers TRIS, gone in 2017
    right = elements(sormland, after, positions)
    assert right.node("lsg_trosa_gnesta").mark == "added" and any(e.id == "r047" and e.mark == "added" for e in right.edges)
    assert left.node("rar").mark is None and right.node("rar").mark is None


def test_compare_image_is_one_image_of_the_asked_size(sormland, positions):
    # the titles with both dates are checked on the SVG in test_cli_compare_svg
    png = export_compare_image(sormland, *compare_views(sormland, start="2016-11-01", end="2017-03-01"), positions=positions, size=(1200, 500))
    assert image_size(png) == (1200, 500)


@pytest.mark.parametrize("fmt", ["gif", ""])
def test_bad_format_is_an_input_error(sormland, positions, fmt):
    from lsgmap.errors import InputError

    with pytest.raises(InputError) as info:
        export_image(sormland, View(on="2017"), positions=positions, fmt=fmt)
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


@pytest.mark.slow  # a two-map image, about 1 s
def test_cli_compare_svg(tmp_path: Path):
    target = tmp_path / "jamfor.svg"
    assert main(["export", "--on", "2017-03-01", "--compare", "2016-11-01", "--format", "svg", "--out", str(target), "--size", "1000x400"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "Jämförelse 2016-11-01 och 2017-03-01" in text
    assert ">LSG Trosa-Gnesta</text>" in text and ">LSG Trosa</text>" in text  # each side its own day


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
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and "Traceback" not in err


@pytest.mark.slow  # AppTest run of an app page
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


# -- facts no source speaks for on the day: faded and dotted in every picture ------------------------


@pytest.fixture
def half_attested(tiny):
    """LSG A steers P, stated for 2016 by a passage that says so (attested that year); LSG B steers P with no dates and an undated source (never attested)."""
    return tiny(
        entities=[{"id": "a", "kind": "lsg", "name_sv": "LSG A"}, {"id": "b", "kind": "lsg", "name_sv": "LSG B"}, {"id": "p", "kind": "project", "name_sv": "P"}],
        sources=[{"id": "s_2016", "document": "doc", "quote": "LSG A styr P under 2016", "period": "2016"}],
        relations=[
            {"id": "ra", "from_id": "a", "relation": "steers", "to_id": "p", "valid_from": "2016-01-01", "valid_to": "2016-12-31", "sources": ["s_2016"]},
            {"id": "rb", "from_id": "b", "relation": "steers", "to_id": "p"},
        ],
    )


def svg_group(svg: bytes, gid: str) -> str:
    """The SVG text of the group with id ``gid``."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    group = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id") == gid)
    return ET.tostring(group, encoding="unicode")


def test_unattested_facts_are_faded_in_the_elements(half_attested):
    from lsgmap.draw.elements import UNATTESTED_ALPHA, UNATTESTED_DASHES, faded
    from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

    positions = layered_positions(half_attested)
    els = elements(half_attested, View(on="2016-06-01"), positions)
    a, b = els.node("a"), els.node("b")
    assert (a.attested, a.colour, a.opacity) == (True, ENTITY_KINDS["lsg"].colour, 1.0)
    assert (b.attested, b.colour, b.opacity) == (False, faded(ENTITY_KINDS["lsg"].colour), UNATTESTED_ALPHA)
    edges = {e.id: e for e in els.edges}
    assert (edges["ra"].attested, edges["ra"].colour, edges["ra"].dashes) == (True, RELATION_KINDS["steers"].colour, ())  # steers: solid
    assert (edges["rb"].attested, edges["rb"].colour, edges["rb"].dashes, edges["rb"].opacity) == (
        False, faded(RELATION_KINDS["steers"].colour), UNATTESTED_DASHES, UNATTESTED_ALPHA)
    assert (els.facts, els.unattested) == (5, 2)
    later = elements(half_attested, View(on="2017-06-01"), positions)  # LSG A's relation has ended: nothing is attested
    assert (later.facts, later.unattested) == (4, 4) and not any(n.attested for n in later.nodes)


def test_unattested_facts_are_faded_and_dotted_in_the_svg(half_attested):
    from lsgmap.draw.elements import UNATTESTED_DASHES, faded
    from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

    svg = export_image(half_attested, View(on="2016-06-01"), fmt="svg", size=(800, 500))
    b, a = svg_group(svg, "node-b"), svg_group(svg, "node-a")
    assert faded(ENTITY_KINDS["lsg"].colour) in b and "opacity: 0.5" in b and "stroke-dasharray" in b
    assert ENTITY_KINDS["lsg"].colour in a and "opacity: 0.5" not in a and "stroke-dasharray" not in a
    rb, ra = svg_group(svg, "edge-rb"), svg_group(svg, "edge-ra")
    on, off = (float(v) for v in re.search(r"stroke-dasharray: ([0-9.]+),([0-9.]+)", rb).groups())
    assert off / on == UNATTESTED_DASHES[1] / UNATTESTED_DASHES[0] and faded(RELATION_KINDS["steers"].colour) in rb
    assert "stroke-dasharray" not in ra and RELATION_KINDS["steers"].colour in ra
    assert b"saknar k\xc3\xa4lla f\xc3\xb6r detta datum" in svg and b'id="unattested-key"' in svg  # the picture says what faded means
    quiet = export_image(half_attested, View(on="2016-06-01", attested_only=True), fmt="svg", size=(800, 500))
    assert b'id="node-b"' not in quiet and b'id="edge-rb"' not in quiet and b'id="unattested-key"' not in quiet


def test_the_html_export_says_what_faded_means(half_attested):
    page = export_html(half_attested, View(on="2016-06-01", lang="en"))
    assert 'data-lsgmap="unattested-key"' in page and "Faded and dashed: no source for this date" in page
    assert 'data-lsgmap="unattested-key"' not in export_html(half_attested, View(on="2016-06-01", attested_only=True))


def test_the_compare_image_fades_both_sides(half_attested):
    svg = export_compare_image(half_attested, View(on="2016-06-01"), View(on="2017-06-01"), fmt="svg", size=(1000, 400))
    assert "stroke-dasharray" in svg_group(svg, "a-edge-rb") and "stroke-dasharray" not in svg_group(svg, "a-edge-ra")
    assert "stroke-dasharray" in svg_group(svg, "b-node-a") and "stroke-dasharray" not in svg_group(svg, "a-node-a")  # 2017: nothing attests LSG A


def test_cli_attested_only_leaves_out_what_no_source_speaks_for(half_attested, tmp_path: Path):
    drawn, only = tmp_path / "all.svg", tmp_path / "only.svg"
    common = ["export", "--data", str(half_attested.path), "--on", "2016-06-01", "--format", "svg", "--size", "600x400"]
    assert main([*common, "--out", str(drawn)]) == 0 and main([*common, "--out", str(only), "--attested-only"]) == 0
    assert 'id="node-b"' in drawn.read_text(encoding="utf-8") and 'id="unattested-key"' in drawn.read_text(encoding="utf-8")
    assert 'id="node-b"' not in only.read_text(encoding="utf-8") and 'id="node-a"' in only.read_text(encoding="utf-8")


# -- meeting-ready pictures: a legend of what is drawn, the view in the file name, readable labels, text as text ----


def test_default_filename_carries_the_focus():
    assert default_filename(on="2017-01-01", fmt="png", focus="lsg_trosa") == "lsgmap-2017-01-01-lsg_trosa.png"
    assert default_filename(on="2017-01-01", fmt="html", focus="../x y") == "lsgmap-2017-01-01-x-y.html"
    assert default_filename(on="2017-01-01", fmt="svg", focus="") == "lsgmap-2017-01-01.svg"


def legend_labels(svg: bytes) -> list[str]:
    """The texts of the legend group of an SVG image, in order."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    group = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id") == "legend")
    return ["".join(t.itertext()) for t in group.iter("{http://www.w3.org/2000/svg}text")]


def test_the_image_legend_lists_exactly_the_kinds_drawn(sormland, positions):
    from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

    for view in (View(on="2016-11-01", focus="tris"), View(on="2016-11-01", kinds=["lsg", "municipality"], relations=["covers"], lang="en")):
        els = elements(sormland, view, positions)
        svg = export_image(sormland, view, positions=positions, fmt="svg", size=(1000, 600))
        kinds = [k.label(view.lang) for key, k in ENTITY_KINDS.items() if key in {n.kind for n in els.nodes}]
        relations = [r.label(view.lang) for key, r in RELATION_KINDS.items() if key in {e.relation for e in els.edges}]
        assert legend_labels(svg) == kinds + relations
    assert legend_labels(svg) == ["Local collaboration group", "Municipality", "Covers"]


@pytest.mark.slow  # a two-map image, about 1 s
def test_the_compare_legend_adds_the_marks_drawn(sormland, positions):
    svg = export_compare_image(sormland, *compare_views(sormland, start="2016-11-01", end="2017-03-01"), positions=positions, fmt="svg",
                               size=(1600, 600))
    labels = legend_labels(svg)
    assert labels[-4:] == ["Tillkommen", "Borttagen", "offentlig källa, ej kontrollerad här", "planerat, inte belagt"]
    assert "Ändrad" not in labels  # nothing is changed across the merger
    assert "Lokal samverkansgrupp" in labels and "Styr" in labels


def test_the_html_export_has_the_legend_of_what_it_draws(sormland, positions):
    page = export_html(sormland, View(on="2016-11-01", kinds=["lsg", "municipality"], relations=["covers"]), positions=positions)
    legend = re.search(r'<div data-lsgmap="legend".*?</div></div>', page, re.S).group(0)
    assert re.findall(r'data-legend="([\w-]+)"', legend) == ["entity-lsg", "entity-municipality", "relation-covers"]
    assert 'data-shape="ellipse"' in legend and 'data-shape="box"' in legend and 'stroke-dasharray="8 4"' in legend


def test_svg_labels_stay_text(sormland, positions):
    import xml.etree.ElementTree as ET

    svg = export_image(sormland, View(on="2017-03-01"), positions=positions, fmt="svg", size=(1000, 600))
    root = ET.fromstring(svg)
    node = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id") == "node-lsg_trosa_gnesta")
    assert ["".join(t.itertext()) for t in node.iter("{http://www.w3.org/2000/svg}text")] == ["LSG Trosa-Gnesta"]
    assert b'id="DejaVuSans-' not in svg  # no glyph outlines (as svg.fonttype path would draw): text stays text


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _on(colour: str, alpha: float, ground: str) -> str:
    """``colour`` at ``alpha`` over ``ground``."""
    mix = [alpha * int(colour[i : i + 2], 16) + (1 - alpha) * int(ground[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c):02x}" for c in mix)


def _style(element, key: str, default: str) -> str:
    found = re.search(rf"(?:^|;)\s*{key}: ([^;]+)", element.get("style", ""))
    return found.group(1).strip() if found else default


def test_labels_of_removed_nodes_stay_readable_in_the_compare_image(sormland, positions):
    import xml.etree.ElementTree as ET

    svg = export_compare_image(sormland, *compare_views(sormland, start="2016-11-01", end="2017-03-01"), positions=positions, fmt="svg",
                               size=(1600, 600))
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter("{http://www.w3.org/2000/svg}g")}
    removed = ["lsg_trosa", "lsg_gnesta", "ordf_lsg_trosa", "ordf_lsg_gnesta"]  # two ellipses with their label inside, two stars with it below
    for node in removed:
        group = groups[f"a-node-{node}"]
        text = next(group.iter("{http://www.w3.org/2000/svg}text"))
        box = next(group.iter("{http://www.w3.org/2000/svg}path"), None)  # the ground the label is drawn on (else the white page)
        ground = "#ffffff" if box is None else _on(_style(box, "fill", "#000000"), float(_style(box, "opacity", "1")), "#ffffff")
        colour = _on(_style(text, "fill", "#000000"), float(_style(text, "opacity", "1")), ground)
        assert _contrast(colour, ground) >= 4.5, (node, colour, ground)
