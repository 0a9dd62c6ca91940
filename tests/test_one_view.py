"""One view: the screen and every export show the same nodes, labels and marks.

For a few Views the elements are drawn as HTML (the vis DataSet JSON), as SVG
(text stays text; each node, mark and edge is a group ``node-<id>`` …) and as
PNG, and compared with each other and with what the Karta and Jämför pages
draw through AppTest.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from app_kit import live_map, run_app
from streamlit.testing.v1 import AppTest

from lsgmap.dataset.load import load
from lsgmap.draw.elements import MARK_COLOURS, UNATTESTED_DASHES, elements
from lsgmap.draw.html import export_html
from lsgmap.draw.images import export_compare_image, export_image, to_compare_image, to_image
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View, compare_views

SVG = "{http://www.w3.org/2000/svg}"
DAY = "2016-11-01"

VIEWS = {
    "plain": View(on=DAY),
    "hide_persons": View(on=DAY, hide_persons=True),
    "focus": View(on=DAY, focus="tris", hide_persons=True),
    "filtered": View(on=DAY, lang="en", kinds=["lsg", "municipality"], relations=["covers"]),
    "chain": View(on=DAY, highlight=["tuna"], strong_nodes=["lsg_nykoping", "tuna"], strong_edges=["r033"]),
    "marks": View(on="2016-12-31", marks={"lsg_trosa": "removed", "rar": "changed", "r046": "removed"}),
    "later": View(on="2017-03-01", highlight=["lsg_trosa_gnesta"], strong_edges=["r047"], strong_nodes=["tris"]),
    "attested_only": View(on="2016-11-15", attested_only=True),
}


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    monkeypatch.delenv("LSGMAP_DATA", raising=False)


@pytest.fixture(scope="module")
def positions(sormland):
    return layered_positions(sormland)


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    """The bundled data plus a rename of TRIS on 2017-06-01: TRIS and its relations are "changed" across it."""
    folder = tmp_path_factory.mktemp("renamed") / "sormland"
    shutil.copytree(load().path, folder)
    with (folder / "events.csv").open("a", encoding="utf-8") as f:
        f.write("ev_tris_namnbyte,rename,2017-06-01,,TRIS byter namn,TRIS is renamed,tris,tris,ls_sammanslagning,\n")
    return folder


# -- reading what each renderer drew ---------------------------------------------------


def one_line(label: str) -> str:
    """A label as one line: the breaks at spaces and after hyphens undone."""
    return re.sub(r"-\s+", "-", " ".join(label.split()))


def html_items(html: str) -> tuple[dict, dict]:
    """``({node id: (label, mark)}, {edge id: mark})`` from the vis DataSets of an HTML page."""
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    return {n["id"]: (one_line(n["label"]), n.get("mark")) for n in nodes}, {e["id"]: e.get("mark") for e in edges}


def live_items(data: dict) -> tuple[dict, dict]:
    """``({node id: (label, mark)}, {edge id: mark})`` from what a live map was handed (:func:`app_kit.live_map`)."""
    return {n["id"]: (one_line(n["label"]), n.get("mark")) for n in data["nodes"]}, {e["id"]: e.get("mark") for e in data["edges"]}


def live_attested(data: dict) -> tuple[dict, dict]:
    """``({node id: attested}, {edge id: attested})`` from what a live map was handed."""
    return {n["id"]: n.get("attested", True) for n in data["nodes"]}, {e["id"]: e.get("attested", True) for e in data["edges"]}


def svg_items(svg: bytes, prefix: str = "") -> tuple[dict, dict]:
    """``({node id: (label, mark)}, {edge id: mark})`` from the groups of an SVG image; a mark is read from its colour."""
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(prefix) and g.get("id")}
    by_colour = {colour: status for status, colour in MARK_COLOURS.items()}

    def mark(group) -> str | None:
        if group is None:
            return None
        styles = " ".join(p.get("style", "") for p in group.iter(f"{SVG}path") if "stroke:" in p.get("style", ""))
        found = {by_colour[c] for c in re.findall(r"stroke: (#[0-9a-f]{6})", styles) if c in by_colour}
        assert len(found) <= 1, found
        return found.pop() if found else None

    nodes, edges = {}, {}
    for gid, group in groups.items():
        kind, _, item = gid[len(prefix):].partition("-")
        if kind == "node":
            label = " ".join(" ".join(t.itertext()) for t in group.iter(f"{SVG}text"))
            nodes[item] = (one_line(label), mark(groups.get(f"{prefix}mark-{item}")))
        elif kind == "edge":
            edges[item] = mark(group)
    return nodes, edges


def dotted(style: str) -> bool:
    """True when a stroke carries the unattested dash pattern (:data:`lsgmap.draw.elements.UNATTESTED_DASHES`, scaled by the line width)."""
    found = re.search(r"stroke-dasharray: ([0-9.]+),([0-9.]+)", style)
    on, off = UNATTESTED_DASHES
    return bool(found) and abs(float(found.group(2)) / float(found.group(1)) - off / on) < 1e-6


def svg_attested(svg: bytes, prefix: str = "") -> tuple[dict, dict]:
    """``({node id: attested}, {edge id: attested})`` read from an SVG image: unattested items are drawn with the dotted pattern."""
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(prefix) and g.get("id")}

    def drawn_dotted(*gids: str) -> bool:
        return any(dotted(p.get("style", "")) for gid in gids if gid in groups for p in groups[gid].iter(f"{SVG}path"))

    nodes, edges = {}, {}
    for gid in groups:
        kind, _, item = gid[len(prefix):].partition("-")
        if kind == "node":
            nodes[item] = not drawn_dotted(gid, f"{prefix}shape-{item}")
        elif kind == "edge":
            edges[item] = not drawn_dotted(gid)
    return nodes, edges


def html_attested(html: str) -> tuple[dict, dict]:
    """``({node id: attested}, {edge id: attested})`` from the vis DataSets of an HTML page."""
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    return {n["id"]: n.get("attested", True) for n in nodes}, {e["id"]: e.get("attested", True) for e in edges}


def attested_of(els) -> tuple[dict, dict]:
    return {n.id: n.attested for n in els.nodes}, {e.id: e.attested for e in els.edges}


def expected(els) -> tuple[dict, dict]:
    return {n.id: (n.label, n.mark) for n in els.nodes}, {e.id: e.mark for e in els.edges}


def on_map(els) -> tuple[dict, dict]:
    """:func:`expected` as the live map draws it: each label as :func:`lsgmap.draw.labels.map_label` shortens it."""
    from lsgmap.draw.labels import map_label

    return {n.id: (one_line(map_label(n.label)), n.mark) for n in els.nodes}, {e.id: e.mark for e in els.edges}


def words(items: tuple[dict, dict]) -> tuple[dict, dict]:
    """Labels with runs of space folded (the image wraps long labels over lines)."""
    nodes, edges = items
    return {k: (" ".join(label.split()), mark) for k, (label, mark) in nodes.items()}, edges


def run(params: dict[str, str], data: Path | None = None, monkeypatch=None) -> AppTest:
    if data is not None:
        monkeypatch.setenv("LSGMAP_DATA", str(data))
    return run_app(params)


# -- the library: one set of elements, every renderer ----------------------------------


@pytest.mark.slow  # an HTML page and an SVG image per view, about 1-2 s each
@pytest.mark.parametrize("name", list(VIEWS))
def test_html_and_svg_draw_the_same_nodes_labels_and_marks(sormland, positions, name):
    view = VIEWS[name]
    els = elements(sormland, view, positions)
    assert els.nodes, "a view that draws nothing proves nothing"
    assert html_items(export_html(sormland, view, positions=positions)) == on_map(els)  # labels of at most 3 lines
    assert svg_items(export_image(sormland, view, positions=positions, fmt="svg", size=(1600, 1000))) == words(on_map(els))  # labels as the live map writes them
    png = export_image(sormland, view, positions=positions, size=(400, 300))
    assert png.startswith(b"\x89PNG")


@pytest.mark.parametrize("name", list(VIEWS))
def test_html_and_svg_agree_on_what_no_source_speaks_for(sormland, positions, name):
    view = VIEWS[name]
    els = elements(sormland, view, positions)
    want = attested_of(els)
    assert html_attested(export_html(sormland, view, positions=positions)) == want
    assert svg_attested(export_image(sormland, view, positions=positions, fmt="svg", size=(1600, 1000))) == want
    unattested = [i for i, ok in (*want[0].items(), *want[1].items()) if not ok]
    if view.attested_only:
        assert not unattested and els.unattested > 0  # hidden, still counted
    else:
        assert unattested, "the bundled data has facts no source speaks for on these days"
        assert len(unattested) == els.unattested == els.drawn_unattested


def test_the_flag_is_the_structures_rule(sormland, positions):
    snap = sormland.snapshot(on="2017-03-01")
    nodes, edges = attested_of(elements(sormland, View(on="2017-03-01"), positions))
    assert {i for i, ok in nodes.items() if ok} == snap.attested_nodes & set(nodes)
    assert {k for k, ok in edges.items() if ok} == snap.attested_edges & set(edges)


def test_compare_image_draws_both_sides_as_the_two_maps(sormland, positions):
    before, after = compare_views(sormland, start="2016-12-31", end="2017-01-01")
    svg = export_compare_image(sormland, before, after, positions=positions, fmt="svg")
    for view, prefix in ((before, "a-"), (after, "b-")):
        assert svg_items(svg, prefix) == words(on_map(elements(sormland, view, positions)))
        assert svg_attested(svg, prefix) == attested_of(elements(sormland, view, positions))
    assert not svg_attested(svg, "b-")[0]["lsg_trosa_gnesta"]  # derived from the merger: no source speaks for it
    assert svg_items(svg, "b-")[0]["lsg_trosa_gnesta"][1] == "added"


# -- the app: what the pages draw is what the exports draw --------------------------------


@pytest.mark.slow  # AppTest run of an app page
@pytest.mark.parametrize(
    "params, view",
    [
        ({"on": DAY}, View(on=DAY)),
        ({"on": DAY, "hide": "1", "q": "tris"}, View(on=DAY, hide_persons=True, focus="tris")),
        ({"on": DAY, "lang": "en", "kinds": "lsg,municipality", "rel": "covers"}, VIEWS["filtered"]),
        ({"on": "2017-03-01", "attested": "1"}, View(on="2017-03-01", attested_only=True)),
    ],
)
def test_karta_shows_what_its_exports_show(sormland, positions, params, view):
    at = run(params)
    screen = live_items(live_map(at))
    els = elements(sormland, view, positions)
    assert screen == on_map(els)  # the live map draws labels of at most 3 lines (lsgmap.draw.labels.map_label)
    svg = to_image(els, fmt="svg")
    assert words(on_map(els)) == svg_items(svg)
    assert live_attested(live_map(at)) == attested_of(els) == svg_attested(svg)


@pytest.mark.slow  # AppTest run of an app page
@pytest.mark.parametrize("whole", [False, True])
def test_jamfor_shows_what_its_compare_image_shows(sormland, positions, whole):
    from lsgmap.app import jamfor
    from lsgmap.app.common import Part
    from lsgmap.time.diff import diff

    params = {"page": "jamfor", "start": "2016-12-31", "end": "2017-01-01"} | ({"all": "1"} if whole else {})
    at = run(params)
    start, end = date(2016, 12, 31), date(2017, 1, 1)
    part = Part(None, positions)
    ids = None if whole else jamfor.changed_ids(sormland, diff(sormland, start=start, end=end), part)
    sides, _ = jamfor.sides(sormland, part, start, end, "sv", ids)  # what the page hands its maps and its exports
    svg = to_compare_image(*sides, fmt="svg")
    for index, prefix in ((0, "a-"), (1, "b-")):
        screen = live_items(live_map(at, index))
        assert screen == on_map(sides[index])  # the live map draws labels of at most 3 lines (lsgmap.draw.labels.map_label)
        assert words(on_map(sides[index])) == svg_items(svg, prefix)
        assert live_attested(live_map(at, index)) == attested_of(sides[index]) == svg_attested(svg, prefix)
    assert screen[0]["lsg_trosa_gnesta"][1] == "added"


# -- hidden persons ----------------------------------------------------------------------


@pytest.mark.slow  # AppTest run of an app page
def test_hidden_persons_are_their_role_everywhere(sormland, positions):
    persons = {n for e in sormland.entities.values() if e.kind == "person" for n in (e.name_sv, e.name_en) if n}
    assert "Ida Malmberg" in persons
    at = run({"on": DAY, "hide": "1"})
    at.selectbox(key="karta.entity").set_value("ida_malmberg").run()
    table = next(d.value for d in at.dataframe if "Relation" in d.value.columns)
    relations = " ".join(table.iloc[:, 0])
    assert "Processledare LSG södra Sörmland" in relations and "Person" not in relations
    view = View(on=DAY, hide_persons=True)
    els = elements(sormland, view, positions)
    shown = [
        json.dumps(live_map(at), ensure_ascii=False),
        table.to_csv(),
        " ".join(str(o) for o in at.selectbox(key="karta.entity").options),
        export_html(sormland, view, positions=positions),
        to_image(els, fmt="svg").decode("utf-8"),
        to_image(els, fmt="png").decode("latin-1"),
    ]
    for text in shown:
        assert not [p for p in persons if p in text]


@pytest.mark.slow  # AppTest run of an app page
def test_shown_persons_keep_their_name_in_the_details(sormland):
    at = run({"on": DAY})
    at.selectbox(key="karta.entity").set_value("ida_malmberg").run()
    table = next(d.value for d in at.dataframe if "Relation" in d.value.columns)
    assert any(row.startswith("Ida Malmberg ") for row in table.iloc[:, 0])


# -- the "changed" mark in the compare image ----------------------------------------------


def orange_pixels(png: bytes) -> int:
    from PIL import Image

    colour = tuple(int(MARK_COLOURS["changed"][i : i + 2], 16) for i in (1, 3, 5))
    counts = Image.open(BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 24)
    return sum(count for count, pixel in counts if pixel == colour)


@pytest.mark.slow  # AppTest run of an app page
def test_compare_image_carries_the_changed_mark(renamed, monkeypatch):
    s = load(renamed)
    before, after = compare_views(s, start="2017-03-01", end="2017-09-01")
    assert before.mark_of()["tris"] == "changed"
    svg = export_compare_image(s, before, after, fmt="svg")
    assert svg_items(svg, "a-")[0]["tris"][1] == svg_items(svg, "b-")[0]["tris"][1] == "changed"
    assert MARK_COLOURS["changed"].encode() in svg
    png = export_compare_image(s, before, after, size=(1200, 500))
    unmarked = export_compare_image(s, replace(before, marks=()), replace(after, marks=()), size=(1200, 500))
    assert orange_pixels(png) > 50 and orange_pixels(unmarked) == 0
    at = run({"page": "jamfor", "start": "2017-03-01", "end": "2017-09-01", "preset": ""}, renamed, monkeypatch)
    assert live_items(live_map(at, 0))[0]["tris"][1] == "changed"
    assert at.text_input(key="jamfor.start_box").value == date(2017, 3, 1).isoformat()
