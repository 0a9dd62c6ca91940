"""elements (the one source of node/edge appearance, from a View) and to_html (pyvis' page, offline, inert text)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from lsgmap.dataset.load import load
from lsgmap.draw.elements import MARK_COLOURS, UNATTESTED_ALPHA, VIS_OPTIONS, elements, faded, legend, vis_edge, vis_node
from lsgmap.draw.html import to_html, vis_network_js
from lsgmap.draw.labels import safe_text
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"


@pytest.fixture(scope="module")
def positions(sormland):
    return layered_positions(sormland)


def drawn(structure, positions, on, **kw):
    """The vis-network node and edge dicts of ``View(on=on, **kw)``, as the HTML page carries them."""
    els = elements(structure, View(on=on, **kw), positions)
    return [vis_node(n) for n in els.nodes], [vis_edge(e) for e in els.edges]


def ids(items):
    return {i["id"] for i in items}


def test_merger_replaces_trosa_and_gnesta_by_the_merged_group(sormland, positions):
    before, _ = drawn(sormland, positions, "2016-12-31")
    after, _ = drawn(sormland, positions, "2017-01-01")
    assert {"lsg_trosa", "lsg_gnesta"} <= ids(before) and "lsg_trosa_gnesta" not in ids(before)
    assert "lsg_trosa_gnesta" in ids(after) and not {"lsg_trosa", "lsg_gnesta"} & ids(after)
    # every node present on both days keeps its place
    old = {n["id"]: (n["x"], n["y"]) for n in before}
    for n in after:
        if n["id"] in old:
            assert (n["x"], n["y"]) == old[n["id"]]


def test_elements_are_plain_json_values(sormland, positions):
    nodes, edges = drawn(sormland, positions, "2016-11-01")
    assert json.loads(json.dumps(nodes)) == nodes and json.loads(json.dumps(edges)) == edges


def test_nodes_stand_where_the_positions_say(sormland, positions):
    els = elements(sormland, View(on="2017-03-01"), positions)
    assert (els.node("rar").x, els.node("rar").y) == positions["rar"]
    assert els.title == "Samverkansstrukturen 2017-03-01" and els.on == "2017-03-01"
    moved = elements(sormland, View(on="2017-03-01"), {"rar": (1.5, -2.0)})
    assert (moved.node("rar").x, moved.node("rar").y) == (1.5, -2.0) and (moved.node("tris").x, moved.node("tris").y) == (0.0, 0.0)
    with pytest.raises(TypeError):  # the layout is run by whoever draws, not by elements()
        elements(sormland, View(on="2017-03-01"))  # type: ignore[call-arg]


def test_strong_chain_dims_the_rest_unless_told_not_to(sormland, positions):
    view = View(on="2016-11-01", strong_nodes=["lsg_nykoping", "tuna"], strong_edges=["r033"])
    els = elements(sormland, view, positions)
    assert {n.id for n in els.nodes if not n.dimmed} == {"lsg_nykoping", "tuna"}
    assert [e.id for e in els.edges if not e.dimmed] == ["r033"] and els.nodes[0].dimmed is not None
    assert all(n.opacity < 0.5 for n in els.nodes if n.dimmed)
    quiet = elements(sormland, View(on="2016-11-01", strong_nodes=["tuna"], dim_rest=False), positions)
    assert not any(n.dimmed for n in quiet.nodes)
    plain = elements(sormland, View(on="2016-11-01"), positions)
    assert all(n.dimmed is None for n in plain.nodes)


def test_a_restricted_view_shows_only_its_part(sormland, positions):
    els = elements(sormland, View(on="2017-03-01", nodes=["rar", "kommun_trosa"]), positions)
    assert sorted(n.id for n in els.nodes) == ["kommun_trosa", "rar"] and len(els.edges) == 2  # a member, and a funder (FINSAM)
    none = elements(sormland, View(on="2017-03-01", nodes=["rar", "kommun_trosa"], edges=[]), positions)
    assert none.edges == ()


def test_colours_shapes_and_line_styles_come_from_the_vocabulary(sormland, positions):
    nodes, edges = drawn(sormland, positions, "2016-11-15")
    assert any(n.get("attested", True) for n in nodes) and any(e.get("attested", True) for e in edges)
    for n in nodes:
        kind = ENTITY_KINDS[sormland.entities[n["id"]].kind]
        if n.get("attested", True):
            assert (n["color"], n["shape"]) == (kind.colour, kind.shape)
        else:  # no source for the day: the kind's colour, lighter, with a dashed border
            assert (n["color"]["background"], n["shape"], n["shapeProperties"]["borderDashes"]) == (faded(kind.colour), kind.shape, [3, 6])
    for e in edges:
        rk = RELATION_KINDS[e["relation"]]
        if e.get("attested", True):
            assert (e["color"], e["dashes"], e["width"]) == (rk.colour, list(rk.dashes) or False, rk.width)
        else:
            assert (e["color"], e["dashes"], e["width"]) == ({"color": faded(rk.colour), "opacity": UNATTESTED_ALPHA}, [3, 6], rk.width)


def test_parallel_relations_are_drawn_apart(sormland, positions):
    _, edges = drawn(sormland, positions, "2016-11-01")
    pairs = Counter(tuple(sorted((e["from"], e["to"]))) for e in edges)
    parallel = [p for p, n in pairs.items() if n > 1]
    assert parallel, "the bundled data has parallel relations (e.g. funds and commissions)"
    for pair in parallel:
        group = [e for e in edges if tuple(sorted((e["from"], e["to"]))) == pair]
        curves = {(e["smooth"]["type"], e["smooth"]["roundness"]) for e in group}
        assert len(curves) == len(group)
    single = [e for e in edges if pairs[tuple(sorted((e["from"], e["to"])))] == 1]
    assert all(e["smooth"] is False for e in single)


def test_filters_by_kind_and_relation(sormland, positions):
    nodes, edges = drawn(sormland, positions, "2016-11-01", kinds=["lsg", "municipality"], relations=["covers"])
    assert {sormland.entities[n["id"]].kind for n in nodes} == {"lsg", "municipality"}
    assert {e["relation"] for e in edges} == {"covers"}
    # LSG Trosa covers Trosa kommun (Lägesrapporten)
    assert any(e["from"] == "lsg_trosa" and e["to"] == "kommun_trosa" for e in edges)


def test_focus_shows_the_entity_and_its_neighbours(sormland, positions):
    nodes, edges = drawn(sormland, positions, "2016-11-01", focus="tris")
    assert {"tris", "lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund"} <= ids(nodes)
    assert "kommun_eskilstuna" not in ids(nodes)
    assert all("tris" in (e["from"], e["to"]) for e in edges)
    focused = next(n for n in nodes if n["id"] == "tris")
    assert focused["borderWidth"] > 1


def test_hide_persons_replaces_names_by_their_role(sormland, positions):
    nodes, edges = drawn(sormland, positions, "2016-11-01", hide_persons=True)
    text = json.dumps([nodes, edges], ensure_ascii=False)
    assert "Ida Malmberg" not in text
    ida = next(n for n in nodes if n["id"] == "ida_malmberg")
    assert " ".join(ida["label"].split()) == "Processledaren (person)"
    role = next(n for n in nodes if n["id"] == next(r.to_id for r in sormland.outgoing("ida_malmberg") if r.relation == "holds"))
    labels = [" ".join(n["label"].split()) for n in nodes]
    assert len(labels) == len(set(labels)), sorted(x for x in labels if labels.count(x) > 1)  # no two nodes read alike
    assert " ".join(role["label"].split()) == "Processledare LSG södra Sörmland"
    shown, _ = drawn(sormland, positions, "2016-11-01")
    assert next(n for n in shown if n["id"] == "ida_malmberg")["label"] == "Ida Malmberg"


def test_english_labels(sormland, positions):
    nodes, _ = drawn(sormland, positions, "2016-11-01", lang="en")
    rar = next(n for n in nodes if n["id"] == "rar")
    assert " ".join(rar["label"].split()) == "RAR Sörmland coordination association"
    assert "Coordination association" in rar["title"]


def test_marks_colour_added_and_removed(sormland, positions):
    from lsgmap.time.diff import diff

    marks = diff(sormland, start="2016-12-31", end="2017-01-01").marks()
    before, _ = drawn(sormland, positions, "2016-12-31", marks=marks)
    after, after_edges = drawn(sormland, positions, "2017-01-01", marks=marks)
    trosa = next(n for n in before if n["id"] == "lsg_trosa")
    merged = next(n for n in after if n["id"] == "lsg_trosa_gnesta")
    assert trosa["color"]["border"] == MARK_COLOURS["removed"] and trosa["mark"] == "removed"
    assert merged["color"]["border"] == MARK_COLOURS["added"] and "Tillkommen" in merged["title"]
    # the merged group's relations are derived (no source speaks for them): the mark's colour, faded by opacity only
    assert any(e.get("mark") == "added" and e["color"] == {"color": MARK_COLOURS["added"], "opacity": UNATTESTED_ALPHA} for e in after_edges)
    unmarked = next(n for n in after if n["id"] == "rar")
    assert "mark" not in unmarked


def test_html_is_self_contained_and_physics_off(sormland, positions):
    html = to_html(elements(sormland, View(on="2016-11-01"), positions))
    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html
    assert "innerHTML = nodeData" not in html and "popup.innerHTML" not in html
    assert '"physics": {"enabled": false}' in html
    assert "vis.DataSet" in html and "lsg_trosa" in html


def test_pyvis_writes_the_page_with_the_live_maps_vis_network(sormland, positions):
    html = to_html(elements(sormland, View(on="2016-11-01"), positions))
    assert "function drawGraph()" in html and "drawGraph();" in html  # pyvis' own page (Network.generate_html)
    assert vis_network_js() in html  # the script pyvis in-lines is the one the live map runs
    assert "<h1></h1>" not in html  # pyvis' empty heading is left out


def test_the_options_pass_through_pyvis_set_options_unchanged():
    # Network.set_options drops every space of the JSON it is given: no option may need one
    assert json.loads(json.dumps(VIS_OPTIONS).replace(" ", "")) == VIS_OPTIONS


def test_a_page_for_a_frame_does_not_scroll_and_a_file_does(sormland, positions):
    els = elements(sormland, View(on="2016-11-01"), positions)
    framed, file = to_html(els), to_html(els, standalone=True)
    assert "html, body { overflow: hidden; }" in framed and "html, body { overflow: hidden; }" not in file
    assert all('network.on("click"' in page and 'data-lsgmap="map"' in page for page in (framed, file))  # map_page.js: a click gives the wheel


def test_hostile_labels_stay_text():
    s = load(HOSTILE)
    assert not s.errors
    els = elements(s, View(on="2016-06-01"), layered_positions(s))
    nodes, edges = [vis_node(n) for n in els.nodes], [vis_edge(e) for e in els.edges]
    for item in nodes + edges:
        for key in ("label", "title"):
            if key in item:
                assert "<" not in item[key] and ">" not in item[key]
    b = next(n for n in nodes if n["id"] == "lsg_b")
    assert "href" in b["title"]  # the text is kept, only made inert
    html = to_html(els, standalone=True)
    assert "popup.innerHTML" not in html  # a title containing href must not switch on pyvis' innerHTML popup
    assert "innerHTML" not in html and "div.popup" not in html
    assert not re.search(r"\.vis-tooltip\s*\{\s*display:\s*none", html)  # nor hide vis-network's own tooltip (text only)
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "</script><script>" not in html


def test_safe_text_keeps_ordinary_names():
    assert safe_text("LSG Nyköping-Oxelösund") == "LSG Nyköping-Oxelösund"
    assert safe_text("a <b> c") == "a ‹b› c"


def test_legend_lists_kinds_relations_and_marks():
    rows = legend(lang="sv", marks=True)
    labels = {r["label"] for r in rows}
    assert {"Lokal samverkansgrupp", "Kommun", "Styr", "Omfattar", "Tillkommen", "Borttagen", "Ändrad"} <= labels
    assert next(r for r in rows if r["key"] == "covers")["style"] == "dashed"


def test_library_imports_neither_streamlit_nor_pyvis():
    code = (
        "import sys, lsgmap, lsgmap.draw.elements, lsgmap.draw.html, lsgmap.draw.images, lsgmap.draw.export, lsgmap.draw.view,"
        " lsgmap.draw.layout.positions; lsgmap.draw.html.vis_network_js();"
        "print('streamlit' in sys.modules, 'pyvis' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]


def test_the_legend_has_a_row_for_facts_without_a_source_for_the_day():
    from lsgmap.draw.html import legend_html

    rows = legend(lang="sv", kinds=[], relations=[], unattested=True)
    assert [(r["group"], r["label"], r["style"]) for r in rows] == [("attested", "saknar källa för detta datum", "faded")]
    assert 'data-legend="unattested"' in legend_html(rows) and "dashed" in legend_html(rows)
    assert not legend(kinds=[], relations=[])


@pytest.fixture(scope="module")
def merger_positions(merger):
    return layered_positions(merger)


def test_a_derived_relation_says_so_in_its_tooltip(merger, merger_positions):
    els = elements(merger, View(on="2017-03-01"), merger_positions)
    derived = next(e for e in els.edges if e.id == "lsg_alfa_beta.covers.kommun_alfa")
    assert not derived.attested
    assert derived.tooltip.splitlines()[1:] == ["2017-01-01 –", "saknar källa för detta datum, härledd ur en händelse, inte belagd i någon källa"]
    kort = next(e for e in elements(merger, View(on="2016-11-01"), merger_positions).edges if e.id == "lsg_gamma.steers.kort")
    # its own stated dates, and no passage for the day: the dates alone attest nothing
    assert not kort.attested and kort.tooltip.splitlines()[1] == "2016-10-13 – 2016-12-31"


def test_a_conflict_is_a_line_of_the_tooltip_of_each_fact_it_names(merger, merger_positions):
    els = elements(merger, View(on="2017-03-01", lang="en"), merger_positions)
    line = "Conflicting sources: The sources disagree on the end date"
    assert line in els.node("ledare").tooltip.splitlines() and els.node("ledare").conflicts == ("k1",)
    assert line in next(e for e in els.edges if e.id == "sf.funds.ledare").tooltip.splitlines()
    assert not any(line in e.tooltip for e in els.edges if e.id == "sf.employs.ledare")


def test_labels_break_at_spaces_and_hyphens_never_inside_a_word(sormland, positions):
    from lsgmap.draw.labels import LABEL_LINES

    els = elements(sormland, View(on="2017-03-01"), positions)
    for n in els.nodes:
        label = vis_node(n)["label"]
        # each break is a space, or comes after a hyphen: undoing them gives the name back; a name longer than
        # three lines ends in "…" after a whole line (the full name is in the tooltip and the details)
        undone, name = label.replace("-\n", "-").replace("\n", " "), " ".join(n.label.split())
        assert label.count("\n") < LABEL_LINES
        if undone != name:
            assert undone.endswith("…") and name.startswith(undone[:-1].rstrip()) and label.count("\n") == LABEL_LINES - 1, (name, label)
    by_id = {n.id: vis_node(n)["label"] for n in els.nodes}
    assert "Samordningsförbundet\n" in by_id["rar"] and "Nyköping-\nOxelösund" in by_id["lsg_nykoping_oxelosund"]


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of ``#rrggbb``."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


def test_relation_kinds_are_told_apart_by_colour_and_dash():
    from itertools import combinations

    from lsgmap.draw.elements import UNATTESTED_DASHES

    kinds = list(RELATION_KINDS.values())
    assert len({(k.colour, k.dashes) for k in kinds}) == len(kinds)
    close = [(a.key, b.key, round(_delta_e(a.colour, b.colour), 1)) for a, b in combinations(kinds, 2) if _delta_e(a.colour, b.colour) < 15]
    assert not close, close  # no two kinds share a colour, nor nearly
    greys = [RELATION_KINDS[k] for k in ("reports_to", "part_of", "holds", "chairs")]  # once all the same grey
    for a, b in combinations(greys, 2):
        assert _delta_e(a.colour, b.colour) >= 20 and (a.dashes != b.dashes or not (a.dashes or b.dashes)), (a.key, b.key)
    assert len({k.dashes for k in greys if k.dashes}) == 3
    assert not {k.colour for k in kinds} & set(MARK_COLOURS.values()) and UNATTESTED_DASHES not in {k.dashes for k in kinds}


def test_the_live_map_draws_each_relation_with_its_dash_pattern(sormland, positions):
    _, edges = drawn(sormland, positions, "2016-11-15")
    seen = {e["relation"]: e["dashes"] for e in edges if e.get("attested", True)}
    assert seen["holds"] == [4, 3] and seen["reports_to"] == [10, 3, 2, 3] and seen["steers"] is False


def test_legend_html_draws_the_shapes_and_lines():
    from lsgmap.draw.html import legend_html

    html = legend_html(legend(lang="en", kinds=["lsg", "role", "assignment", "funder", "project", "municipality"], relations=["part_of"], marks=True))
    shapes = re.findall(r'data-shape="(\w+)"', html)
    assert shapes == ["diamond", "ellipse", "box", "dot", "star", "triangle"]  # in vocabulary order: funder, lsg, municipality, project, role, assignment
    assert f'stroke="{RELATION_KINDS["part_of"].colour}"' in html and 'stroke-dasharray="10 3 2 3 2 3"' in html
    assert html.count('fill="none"') == len(MARK_COLOURS)  # every mark (added, removed, changed, proposed) is a ring


def test_removed_nodes_on_the_live_compare_map_keep_readable_labels(sormland, positions):
    from lsgmap.draw.elements import contrast_ratio
    from lsgmap.draw.view import compare_views

    before, _ = compare_views(sormland, start="2016-12-31", end="2017-01-01")
    removed = [n for n in elements(sormland, before, positions).nodes if n.mark == "removed"]
    assert {"lsg_trosa", "lsg_gnesta"} <= {n.id for n in removed}
    for n in removed:
        drawn = vis_node(n)
        assert drawn.get("opacity", 1.0) == 1.0  # not see-through
        if n.shape in {"box", "ellipse"}:  # the label sits on the fill
            assert contrast_ratio(drawn["font"]["color"], drawn["color"]["background"]) >= 4.5, n.id
