"""How the structure map looks: plain node and edge dicts, and a safe offline HTML page.

:func:`graph_elements` is the single source of node and edge appearance
(label, tooltip text, position, colour, shape, line style, curvature of
parallel relations); the HTML map, the PNG/SVG export and the legend all use it.
:func:`to_html` fills a pyvis network from those plain values (never
``Network.from_nx``, which is slow and mutates its graph), turns physics off,
inlines vis-network and removes every external ``<script src>`` / ``<link href>``
and pyvis' ``innerHTML`` tooltip, so the page makes no outside request and text
from the data is only ever shown as text.

Examples
--------
>>> from lsgmap.model import BUNDLED_DATA, load
>>> from lsgmap.layout import layered_positions
>>> s = load(BUNDLED_DATA)
>>> nodes, edges = graph_elements(s, s.snapshot(on="2017-03-01"), layered_positions(s))
>>> sorted(n["id"] for n in nodes if n["id"].startswith("lsg_trosa"))
['lsg_trosa_gnesta']
>>> html = to_html(nodes, edges)
>>> "<script src" in html or "<link" in html or "innerHTML" in html
False
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .dates import day_to_iso
from .vocab import ENTITY_KINDS, RELATION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from .model import Snapshot, Structure

__all__ = ["graph_elements", "to_html", "legend", "legend_html", "MARK_COLOURS", "safe_text", "strip_external"]

#: Colours for marks of the compare view: added, removed, changed.
MARK_COLOURS = {"added": "#2ca02c", "removed": "#d62728", "changed": "#ff7f0e"}
_FOCUS_COLOUR = "#ffd700"
_MAX_LABEL = 40


def safe_text(value: Any) -> str:
    """Plain text for a label or tooltip: no tags, control characters or runs of space.

    Text from the data is shown as text; ``<`` and ``>`` become ``‹`` and ``›``
    so that no consumer (HTML, SVG, a tooltip) can ever read it as markup.

    >>> safe_text('<img src=x onerror="alert(1)">LSG  Trosa')
    '‹img src=x onerror="alert(1)"›LSG Trosa'
    """
    text = str(value if value is not None else "")
    text = text.replace("<", "‹").replace(">", "›")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _text_colour(background: str, shape: str) -> str:
    """White text inside dark boxes and ellipses, black otherwise (labels of dots, stars… sit outside the shape).

    >>> _text_colour("#1f4e79", "box"), _text_colour("#1f4e79", "dot"), _text_colour("#d9d9d9", "box")
    ('#ffffff', '#222222', '#222222')
    """
    if shape not in {"box", "ellipse", "circle", "database", "text"}:
        return "#222222"
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 140 else "#222222"


def _mark_label(status: str, lang: str) -> str:
    from .i18n import t

    return t(f"app.mark.{status}", lang)


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def _validity(start: str | None, end: str | None) -> str:
    return f"{start or '…'} – {end or ''}".strip()


def graph_elements(
    structure: "Structure",
    snapshot: "Snapshot",
    positions: Mapping[str, tuple[float, float]],
    *,
    lang: str = "sv",
    hide_persons: bool = False,
    kinds: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    focus: str | None = None,
    highlight: Iterable[str] | None = None,
    marks: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Plain node and edge dicts (str/int/float/bool only) for one snapshot.

    Parameters
    ----------
    structure, snapshot : the dataset and the day to draw.
    positions : ``{entity id: (x, y)}`` from :func:`lsgmap.layout.layered_positions`.
    lang : ``"sv"`` or ``"en"`` for names and tooltips.
    hide_persons : replace person names by the role they hold (for projected meetings).
    kinds, relations : entity kinds and relation kinds to show (None = all).
    focus : an entity id: show only it and its neighbours on the day.
    highlight : entity ids drawn with a thick gold border.
    marks : ``{entity or relation id: status}`` with status ``added``/``removed``/
        ``changed`` (:meth:`lsgmap.diff.Diff.marks`, the compare view); marked
        items are coloured with :data:`MARK_COLOURS`.

    Examples
    --------
    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> from lsgmap.layout import layered_positions
    >>> s = load(BUNDLED_DATA)
    >>> snap = s.snapshot(on="2016-11-01")
    >>> nodes, edges = graph_elements(s, snap, layered_positions(s), focus="lsg_trosa")
    >>> "kommun_trosa" in {n["id"] for n in nodes}, "kommun_eskilstuna" in {n["id"] for n in nodes}
    (True, False)
    >>> nodes, _ = graph_elements(s, snap, layered_positions(s), hide_persons=True)
    >>> [n["label"] for n in nodes if n["id"] == "ida_malmberg"]
    ['Processledare LSG södra Sörmland']
    """
    kind_filter = set(kinds) if kinds is not None else None
    relation_filter = set(relations) if relations is not None else None
    marks = marks or {}
    highlighted = set(highlight or ())
    ents = structure.entities

    shown = [e for e in snapshot.entities() if kind_filter is None or e.kind in kind_filter]
    shown_ids = {e.id for e in shown}
    rels = [
        r
        for r in snapshot.relations()
        if r.from_id in shown_ids and r.to_id in shown_ids and (relation_filter is None or r.relation in relation_filter)
    ]
    if focus:
        keep = {focus} | {r.to_id for r in rels if r.from_id == focus} | {r.from_id for r in rels if r.to_id == focus}
        shown = [e for e in shown if e.id in keep]
        rels = [r for r in rels if focus in (r.from_id, r.to_id)]
        highlighted.add(focus)

    role_of: dict[str, str] = {}
    if hide_persons:
        for r in snapshot.relations():
            if r.relation == "holds" and r.from_id in ents and ents[r.from_id].kind == "person" and r.to_id in ents:
                role_of.setdefault(r.from_id, ents[r.to_id].name(lang))

    def display_name(entity_id: str) -> str:
        e = ents[entity_id]
        if hide_persons and e.kind == "person":
            return role_of.get(entity_id) or ENTITY_KINDS["person"].label(lang)
        return e.name(lang)

    nodes: list[dict[str, Any]] = []
    for e in shown:
        kind = ENTITY_KINDS.get(e.kind)
        colour = kind.colour if kind else "#999999"
        name = safe_text(display_name(e.id))
        x, y = positions.get(e.id, (0.0, 0.0))
        title_lines = [name, kind.label(lang) if kind else e.kind, _validity(e.valid_from, e.valid_to)]
        status = marks.get(e.id)
        node: dict[str, Any] = {
            "id": e.id,
            "label": _short(name),
            "title": "\n".join(safe_text(t) for t in title_lines if t),
            "x": float(x),
            "y": float(y),
            "shape": kind.shape if kind else "dot",
            "color": colour,
            "borderWidth": 1,
            "size": 18,
            "font": {"size": 18, "face": "DejaVu Sans, sans-serif", "color": _text_colour(colour, kind.shape if kind else "dot")},
            "widthConstraint": {"maximum": 150},
            "kind": e.kind,
        }
        if status in MARK_COLOURS:
            node["color"] = {"background": colour, "border": MARK_COLOURS[status]}
            node["borderWidth"] = 6
            node["title"] += "\n" + _mark_label(status, lang)
            node["mark"] = status
        if e.id in highlighted:
            node["color"] = {"background": colour, "border": _FOCUS_COLOUR}
            node["borderWidth"] = 6
        if status == "removed":
            node["opacity"] = 0.55
        nodes.append(node)

    # parallel relations between the same two nodes are drawn apart
    by_pair: dict[tuple[str, str], int] = defaultdict(int)
    nth: dict[str, int] = {}
    for r in rels:
        pair = (r.from_id, r.to_id) if r.from_id <= r.to_id else (r.to_id, r.from_id)
        nth[r.id] = by_pair[pair]
        by_pair[pair] += 1
    edges: list[dict[str, Any]] = []
    for r in rels:
        kind = RELATION_KINDS.get(r.relation)
        colour = kind.colour if kind else "#999999"
        parallel = by_pair[(r.from_id, r.to_id) if r.from_id <= r.to_id else (r.to_id, r.from_id)]
        verb = kind.verb(lang) if kind else r.relation
        title = "\n".join(
            [
                safe_text(f"{display_name(r.from_id)} {verb} {display_name(r.to_id)}"),
                safe_text(_validity(day_to_iso(r.start), day_to_iso(r.end))),
            ]
        )
        edge: dict[str, Any] = {
            "id": r.id,
            "from": r.from_id,
            "to": r.to_id,
            "title": title,
            "color": colour,
            "dashes": bool(kind.dashes) if kind else True,
            "width": int(kind.width) if kind else 1,
            "arrows": "to",
            "relation": r.relation,
        }
        if parallel > 1:
            k = nth[r.id]
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if k % 2 == 0 else "curvedCCW", "roundness": 0.15 + 0.15 * (k // 2)}
        else:
            edge["smooth"] = False
        status = marks.get(r.id)
        if status in MARK_COLOURS:
            edge["color"] = MARK_COLOURS[status]
            edge["width"] = max(4, edge["width"] + 2)
            edge["title"] += "\n" + _mark_label(status, lang)
            edge["mark"] = status
        edges.append(edge)
    return nodes, edges


_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "navigationButtons": False, "keyboard": False, "dragNodes": True},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    "nodes": {"font": {"size": 16}},
}

_EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script>", re.IGNORECASE | re.DOTALL)
_EXTERNAL_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE | re.DOTALL)
_POPUP_BLOCK = re.compile(r"// make a custom popup.*?(?=\n\s*return network;)", re.DOTALL)


def strip_external(html: str) -> str:
    """Remove every ``<script src=…>`` and ``<link …>`` tag and pyvis' innerHTML tooltip code.

    >>> strip_external('<link href="https://cdn.x/b.css"><script src="https://cdn.x/b.js"></script><p>ok</p>')
    '<p>ok</p>'
    """
    html = _EXTERNAL_SCRIPT.sub("", html)
    html = _EXTERNAL_LINK.sub("", html)
    html = _POPUP_BLOCK.sub("", html)
    return html


_NODES_SLOT = "nodes = new vis.DataSet([]);"
_EDGES_SLOT = "edges = new vis.DataSet([]);"


def to_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, height: int = 640, background: str = "#ffffff") -> str:
    """One self-contained HTML page drawing ``nodes`` and ``edges`` (from :func:`graph_elements`).

    vis-network is inlined, physics is off (positions are given), and no tag
    loads anything from outside the page. The page shell comes from a pyvis
    Network filled with plain values (rendered once per height and background);
    the nodes and edges go in as HTML-safe JSON.

    Examples
    --------
    >>> html = to_html([{"id": "a", "label": "<b>A</b>", "title": "href", "x": 0.0, "y": 0.0}], [])
    >>> "<b>A</b>" in html, "popup.innerHTML" in html, "<script src" in html
    (False, False, False)
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{3,8}", background):
        background = "#ffffff"
    head, middle, tail = _shell(int(height), background)
    return "".join(
        [head, "nodes = new vis.DataSet(", _script_json(nodes), ");", middle, "edges = new vis.DataSet(", _script_json(edges), ");", tail]
    )


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&``, ``'`` or line separators).

    >>> text = _script_json(["</script><b>&'"])
    >>> "<" in text or ">" in text, json.loads(text)
    (False, ["</script><b>&'"])
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)  # as Jinja's tojson writes it
    for raw in _SCRIPT_ESCAPES:
        if raw in text:  # str.replace is far faster than str.translate on long texts
            text = text.replace(raw, f"\\u{ord(raw):04x}")
    return text


_SCRIPT_ESCAPES = "<>&'\u2028\u2029"


@lru_cache(maxsize=16)
def _shell(height: int, background: str) -> tuple[str, str, str]:
    """The pyvis page without data, split around the node and edge slots."""
    from pyvis.network import Network  # lazy: pyvis imports IPython

    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor=background)
    net.nodes, net.edges, net.node_ids, net.node_map = [], [], [], {}
    net.options = dict(_OPTIONS)
    template = net.templateEnv.get_template(net.path)
    html = template.render(
        height=net.height,
        width=net.width,
        nodes=net.nodes,
        edges=net.edges,
        heading="",
        options=json.dumps(net.options),
        physics_enabled=False,
        use_DOT=False,
        dot_lang=None,
        widget=False,
        bgcolor=background,
        conf=False,
        tooltip_link=False,  # never pyvis' innerHTML popup, whatever the titles say
        neighborhood_highlight=False,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
    )
    html = strip_external(html).replace("<body>", '<body data-lsgmap="map">', 1)
    head, rest = html.split(_NODES_SLOT, 1)
    middle, tail = rest.split(_EDGES_SLOT, 1)
    return head, middle, tail


def legend(*, lang: str = "sv", kinds: Iterable[str] | None = None, relations: Iterable[str] | None = None, marks: bool = False) -> list[dict[str, str]]:
    """Legend rows: ``{"group", "key", "label", "colour", "style"}`` for entity kinds, relation kinds and marks.

    >>> rows = legend(lang="en", kinds=["lsg"], relations=["steers"])
    >>> [(r["label"], r["colour"], r["style"]) for r in rows]
    [('Local collaboration group', '#c55a11', 'ellipse'), ('Steers', '#c55a11', 'solid')]
    """
    rows = []
    for key, kind in ENTITY_KINDS.items():
        if kinds is None or key in set(kinds):
            rows.append({"group": "entity", "key": key, "label": kind.label(lang), "colour": kind.colour, "style": kind.shape})
    for key, rk in RELATION_KINDS.items():
        if relations is None or key in set(relations):
            rows.append({"group": "relation", "key": key, "label": rk.label(lang), "colour": rk.colour, "style": "dashed" if rk.dashes else "solid"})
    if marks:
        from .i18n import t

        for status, colour in MARK_COLOURS.items():
            rows.append({"group": "mark", "key": status, "label": t(f"app.mark.{status}", lang), "colour": colour, "style": "border"})
    return rows


def legend_html(rows: list[dict[str, str]]) -> str:
    """A small static HTML legend (escaped) for the rows of :func:`legend`.

    >>> "&lt;" in legend_html([{"group": "entity", "key": "x", "label": "<x>", "colour": "#000", "style": "box"}])
    True
    """
    from html import escape

    parts = []
    for r in rows:
        colour = escape(r["colour"]) if re.fullmatch(r"#[0-9a-fA-F]{3,8}", r["colour"]) else "#999"
        if r["group"] == "relation":
            border = "dashed" if r["style"] == "dashed" else "solid"
            swatch = f'<span style="display:inline-block;width:28px;border-top:3px {border} {colour};vertical-align:middle"></span>'
        elif r["group"] == "mark":
            swatch = f'<span style="display:inline-block;width:14px;height:14px;border:4px solid {colour}"></span>'
        else:
            swatch = f'<span style="display:inline-block;width:14px;height:14px;background:{colour};border-radius:3px"></span>'
        parts.append(f'<span style="margin-right:14px;white-space:nowrap">{swatch} {escape(r["label"])}</span>')
    return '<div style="font-family:sans-serif;font-size:14px;line-height:1.9">' + "".join(parts) + "</div>"
