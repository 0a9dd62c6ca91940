"""The map as HTML pages that draw offline: one map (:func:`to_html`, :func:`export_html`), the compare view
(:func:`to_compare_html`), and the legend of what they draw (:func:`legend_html`).

:func:`to_html` fills a :class:`pyvis.network.Network` (resources in line) with the
vis-network nodes and edges of :func:`lsgmap.draw.elements.elements` — plain
JSON values, never ``Network.from_nx`` (slow, and it mutates its graph) — with
physics off (the positions are given), and has pyvis write the page
(``generate_html``). Two things are then taken out of that page: the tags that
still load Bootstrap from a CDN (pyvis issue #229), and the popup pyvis switches
on when a tooltip contains ``href`` (it writes the tooltip with ``innerHTML``).
So the page makes no outside request, and text from the data is only ever shown as text.

:func:`vis_network_js` is vis-network's script as the pyvis package ships it: the
same script the pages embed, and the one the live map (:mod:`lsgmap.app.live_map`) runs.

Examples
--------
>>> from lsgmap.dataset.load import load
>>> from lsgmap.draw.view import View
>>> html = export_html(load(), View(on="2017-03-01"))
>>> "lsg_trosa_gnesta" in html, "<script src" in html or "<link" in html or "innerHTML" in html
(True, False)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from html import escape
from importlib import resources
from importlib.metadata import distribution
from typing import TYPE_CHECKING, Any

from lsgmap.draw.elements import UNATTESTED_ALPHA, VIS_OPTIONS, Elements, darker, elements, legend_of, vis_edge, vis_node
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from pyvis.network import Network

    from lsgmap.draw.view import View

__all__ = ["to_html", "to_compare_html", "export_html", "legend_html", "shape_svg", "line_svg", "vis_network_js"]

#: vis-network as pyvis 0.3 ships it and in-lines into its pages (``cdn_resources="in_line"``), inside the pyvis distribution
_VIS_NETWORK_JS = "pyvis/templates/lib/vis-9.1.2/vis-network.min.js"


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone script (it defines ``vis`` on the page), as the pyvis package ships it.

    The same script pyvis embeds in the pages of :func:`to_html`. It is read from pyvis'
    installed files (:func:`importlib.metadata.distribution`) without importing pyvis,
    whose import pulls in IPython (about a second the app's first map would wait for).

    >>> js = vis_network_js()
    >>> "@version 9.1.2" in js[:300], "innerHTML" in js
    (True, False)
    """
    return distribution("pyvis").locate_file(_VIS_NETWORK_JS).read_text(encoding="utf-8")


def _asset(name: str) -> str:
    """A script or style sheet that ships beside this module."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def export_html(structure: Any, view: View, *, positions: Mapping[str, tuple[float, float]] | None = None) -> str:
    """A standalone HTML page of ``view`` (titled, with its legend) that draws offline: :func:`to_html` of its elements.

    ``positions`` default to :func:`lsgmap.draw.layout.positions.layered_positions` of the structure (pass the cached ones).

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.view import View
    >>> page = export_html(load(), View(on="2016-11-01"))
    >>> "<html" in page.lower() and "https://cdn" not in page
    True
    """
    if positions is None:
        positions = layered_positions(structure)
    return to_html(elements(structure, view, positions), height=820, standalone=True)


def to_html(els: Elements, *, height: int = 640, standalone: bool = False, background: str = "#ffffff") -> str:
    """One self-contained HTML page drawing ``els`` (from :func:`lsgmap.draw.elements.elements`).

    pyvis writes the page (:func:`_network`, ``generate_html``) with vis-network in
    line and physics off; the tags that load anything from outside and pyvis'
    ``innerHTML`` popup are taken out (:func:`_offline`). The wheel zooms the map
    only after a click on it (``map_page.js``). ``standalone`` is a page of its own
    (a file): the title (escaped) as its ``<title>`` and heading, a legend of the
    kinds drawn (:func:`lsgmap.draw.elements.legend_of`), and a page that scrolls;
    otherwise the page is to be shown in a frame of another page and does not scroll
    (``map_frame.css``), so the wheel scrolls the page around it.

    Examples
    --------
    >>> from lsgmap.draw.elements import Node
    >>> els = Elements((Node("a", "<b>A</b>", "href", 0.0, 0.0, "lsg", "#c55a11", "ellipse", "#fff"),), (), "<i>T</i>", "2017-01-01")
    >>> html = to_html(els, standalone=True)
    >>> "<b>A</b>" in html, "<i>T" in html, "&lt;i&gt;T" in html, "popup.innerHTML" in html, "<script src" in html
    (False, False, True, False, False)
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{3,8}", background):
        background = "#ffffff"
    page = _offline(_network(els, int(height), background).generate_html())
    page = page.replace("<body>", '<body data-lsgmap="map">', 1)
    own = "" if standalone else f"<style>\n{_asset('map_frame.css')}</style>\n"
    page = page.replace("</body>", f"{own}<script>\n{_asset('map_page.js')}</script>\n</body>", 1)
    if not standalone:
        return page
    title = escape(els.title)
    style = "font-family:DejaVu Sans,sans-serif;font-size:20px;margin:8px 12px"
    heading = f'<h1 style="{style}">{title}</h1>'
    if els.drawn_unattested:
        key = escape(t("map.unattested_key", els.lang))
        heading += f'\n<p data-lsgmap="unattested-key" style="font-family:DejaVu Sans,sans-serif;font-size:14px;color:#555;margin:0 12px">{key}</p>'
    rows = legend_of(els)
    if rows:
        heading += f'\n<div data-lsgmap="legend" style="margin:4px 12px">{legend_html(rows)}</div>'
    page = page.replace('<body data-lsgmap="map">', f'<body data-lsgmap="map">\n{heading}', 1)
    return page.replace("<head>", f"<head>\n<title>{title}</title>", 1)


def _network(els: Elements, height: int, background: str) -> Network:
    """A pyvis Network of ``els``: their vis-network nodes and edges (plain JSON values) and :data:`~lsgmap.draw.elements.VIS_OPTIONS`."""
    from pyvis.network import Network  # lazy: pyvis imports IPython

    net = Network(height=f"{height}px", width="100%", directed=True, bgcolor=background, cdn_resources="in_line")
    net.set_options(json.dumps(VIS_OPTIONS))
    # The lists Network.add_node and add_edge append to, filled at once: those two look every id up in a list (add_edge
    # both ends), 3.9 s for the national data's busiest day (6,000 nodes, 8,000 edges) against 0.04 s for this.
    net.nodes = [vis_node(n) for n in els.nodes]
    net.edges = [vis_edge(e) for e in els.edges]
    return net


#: what pyvis' page loads from outside (Bootstrap from a CDN, and an HTML comment's tags): every <script src> and <link>
_EXTERNAL = (re.compile(r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script>", re.IGNORECASE), re.compile(r"<link\b[^>]*>", re.IGNORECASE))
#: pyvis' popup for a tooltip containing "href": its style (which also hides vis-network's own, text-only tooltip) and its script
_POPUP = (
    re.compile(r"/\* position absolute is important.*?\.vis-tooltip\s*\{\s*display:\s*none;\s*\}", re.DOTALL),
    re.compile(r"// make a custom popup.*?(?=\n\s*return network;)", re.DOTALL),
)
#: pyvis' heading, left empty (a standalone page writes its own, escaped)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")


def _offline(html: str) -> str:
    """pyvis' page without what loads from outside and without its ``innerHTML`` popup (and its empty headings).

    >>> _offline('<link href="https://cdn.x/b.css"><script src="https://cdn.x/b.js"></script><p>ok</p>')
    '<p>ok</p>'
    """
    for pattern in (*_EXTERNAL, *_POPUP, _EMPTY_HEADING):
        html = pattern.sub("", html)
    return html


def to_compare_html(before: Elements, after: Elements, *, title: str = "", height: int = 640) -> str:
    """The compare view as one offline HTML page: both maps side by side (each its own page in an ``iframe srcdoc``),
    their headings and one legend of what they draw (the marks included).

    >>> from lsgmap.draw.elements import Node
    >>> a, b = (Elements((Node("a", "<b>A</b>", "", 0.0, 0.0, "lsg", "#c55a11", "ellipse", "#fff"),), (), f"<i>{d}</i>", d) for d in ("2016-12-31", "2017-01-01"))
    >>> page = to_compare_html(a, b)
    >>> page.count("<iframe"), "<b>A</b>" in page, "<i>2016" in page, "<script src" in page
    (2, False, False, False)
    """
    panels = []
    for els in (before, after):
        inner = to_html(els, height=height)
        panels.append(
            f'<div style="flex:1;min-width:0"><h2 style="font-family:DejaVu Sans,sans-serif;font-size:18px;margin:6px 0">{escape(els.title)}</h2>'
            f'<iframe srcdoc="{escape(inner, quote=True)}" style="width:100%;height:{int(height) + 20}px;border:1px solid #ddd"></iframe></div>'
        )
    heading = escape(title or f"{before.on} – {after.on}")
    rows = legend_of(before, after)
    legend_block = f'<div data-lsgmap="legend" style="margin:4px 12px">{legend_html(rows)}</div>' if rows else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(before.lang)}"><head><meta charset="utf-8"><title>{heading}</title></head>'
        f'<body data-lsgmap="compare" style="margin:8px 12px"><h1 style="font-family:DejaVu Sans,sans-serif;font-size:22px">{heading}</h1>'
        f'<div style="display:flex;gap:16px">{"".join(panels)}</div>{legend_block}</body></html>'
    )


def _star(cx: float, cy: float, outer: float, inner: float) -> str:
    """The points of a five-pointed star, upright."""
    points = []
    for i in range(10):
        radius, angle = (outer if i % 2 == 0 else inner), math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.1f},{cy - radius * math.sin(angle):.1f}")
    return " ".join(points)


_SHAPES = {  # vis-network shape → SVG element in a 24×16 box
    "box": '<rect x="2" y="3" width="20" height="10" rx="3"',
    "ellipse": '<ellipse cx="12" cy="8" rx="10" ry="6"',
    "dot": '<circle cx="12" cy="8" r="6"',
    "circle": '<circle cx="12" cy="8" r="7"',
    "square": '<rect x="6" y="2" width="12" height="12"',
    "diamond": '<polygon points="12,1 19,8 12,15 5,8"',
    "triangle": '<polygon points="12,1 19.5,14 4.5,14"',
    "star": f'<polygon points="{_star(12, 8.5, 7.5, 3.2)}"',
}


def shape_svg(shape: str, colour: str) -> str:
    """A small inline SVG of a node shape as the map draws it (an unknown shape is a dot).

    >>> shape_svg("star", "#c00000")[:60]
    '<svg data-shape="star" width="24" height="16" viewBox="0 0 2'
    >>> "<ellipse" in shape_svg("ellipse", "#c55a11"), "<circle" in shape_svg("hexagon", "#000000")
    (True, True)
    """
    shape = shape if shape in _SHAPES else "dot"
    return (f'<svg data-shape="{shape}" width="24" height="16" viewBox="0 0 24 16" style="vertical-align:middle">'
            f'{_SHAPES[shape]} fill="{colour}" stroke="{darker(colour)}" stroke-width="1"/></svg>')


def line_svg(colour: str, dashes: str = "", width: int = 1, *, ring: bool = False) -> str:
    """A small inline SVG of a relation's line (colour, width, dash pattern ``"on off …"``), or with ``ring`` a mark's ring.

    >>> line_svg("#00838f", "10 3 2 3")
    '<svg width="40" height="12" viewBox="0 0 40 12" style="vertical-align:middle"><line x1="1" y1="6" x2="39" y2="6" stroke="#00838f" stroke-width="1" stroke-dasharray="10 3 2 3"/></svg>'
    """
    if ring:
        return (f'<svg width="24" height="16" viewBox="0 0 24 16" style="vertical-align:middle"><circle cx="12" cy="8" r="6" fill="none" '
                f'stroke="{colour}" stroke-width="3"/></svg>')
    dash = f' stroke-dasharray="{dashes}"' if re.fullmatch(r"[0-9 ]+", dashes or "") and dashes.strip() else ""
    return (f'<svg width="40" height="12" viewBox="0 0 40 12" style="vertical-align:middle"><line x1="1" y1="6" x2="39" y2="6" stroke="{colour}" '
            f'stroke-width="{max(1, min(int(width), 4))}"{dash}/></svg>')


def legend_html(rows: list[dict[str, str]], *, images: bool = False) -> str:
    """A small static HTML legend (escaped) for the rows of :func:`legend`: each kind drawn with its shape or line, as on the
    map, in columns that fit the width they are given (each row one cell: the swatch in a fixed box, then its words).

    ``images`` hands each drawn swatch over as an ``<img>`` of an inline ``data:`` SVG (nothing fetched), for a page that
    strips inline SVG (Streamlit's ``st.html``).

    >>> html = legend_html([{"group": "entity", "key": "x", "label": "<x>", "colour": "#000", "style": "box"}])
    >>> "&lt;x&gt;" in html, 'data-legend="entity-x"' in html, "<rect" in html, "grid-template-columns" in html
    (True, True, True, True)
    >>> "<svg" in legend_html([{"group": "entity", "key": "x", "label": "x", "colour": "#000", "style": "box"}], images=True)
    False
    """
    parts = []
    for r in rows:
        colour = escape(r["colour"]) if re.fullmatch(r"#[0-9a-fA-F]{3,8}", r["colour"]) else "#999999"
        if r["group"] == "relation":
            swatch = line_svg(colour, r.get("dashes", ""), int(r.get("width", "1") or 1))
        elif r["group"] == "attested":  # a faded box with a dashed border and a faded dashed line, as on the map
            dash = f"border:2px dashed {darker(colour)}"
            swatch = (
                f'<span style="display:inline-block;width:14px;height:14px;background:{colour};{dash};border-radius:3px;'
                f'opacity:{UNATTESTED_ALPHA};vertical-align:middle"></span> '
                f'<span style="display:inline-block;width:28px;border-top:3px dotted {colour};vertical-align:middle"></span>'
            )
        elif r["group"] == "mark":
            swatch = line_svg(colour, ring=True)
        else:
            swatch = shape_svg(r["style"], colour)
        if images:
            swatch = _SVG.sub(_svg_image, swatch)
        key = escape(f'{r["group"]}-{r["key"]}' if r["group"] != "attested" else r["key"])
        parts.append(f'<div data-legend="{key}" style="display:flex;align-items:center;gap:6px;min-width:0">'
                     f'<span style="flex:0 0 48px;display:inline-flex;align-items:center;justify-content:center">{swatch}</span>'
                     f'<span style="overflow-wrap:anywhere">{escape(r["label"])}</span></div>')
    return ('<div style="font-family:sans-serif;font-size:14px;line-height:1.5;display:grid;gap:4px 16px;'
            'grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr))">' + "".join(parts) + "</div>")


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _svg_image(found: re.Match) -> str:
    """An inline ``<svg>`` (made here, never from the data) as an ``<img>`` of a ``data:`` URL of the same picture."""
    import base64

    svg = found.group(0)
    if "xmlns=" not in svg:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    size = re.search(r'width="(\d+)" height="(\d+)"', svg)
    dims = f' width="{size[1]}" height="{size[2]}"' if size else ""
    return f'<img alt=""{dims} style="vertical-align:middle" src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">'
