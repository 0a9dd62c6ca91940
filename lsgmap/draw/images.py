"""The map as a PNG or SVG image, for minutes and slides.

Every image draws a :class:`lsgmap.draw.view.View` through
:func:`lsgmap.draw.elements.elements`: the same nodes, labels, colours and marks as
the map in the app, on the same positions. :func:`to_image` and
:func:`to_compare_image` draw :class:`~lsgmap.draw.elements.Elements` server-side
with matplotlib (imported only when an image is asked for), so no browser is
needed, with a legend of the shapes, lines and marks the picture draws. In SVG,
text stays text and each node, mark and edge is a group whose id names it
(``node-<id>``, ``mark-<id>``, ``edge-<id>``; prefixed ``a-``/``b-`` in the
compare image; the legend is ``legend``).

Examples
--------
>>> from lsgmap.dataset.load import load
>>> from lsgmap.draw.view import View
>>> png = export_image(load(), View(on="2017-03-01"), size=(800, 500))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", image_size(png)
(True, (800, 500))
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lsgmap.draw.elements import MARK_COLOURS, UNATTESTED_DASHES, darker, elements, faded, legend_of, readable_on
from lsgmap.draw.export import check_format
from lsgmap.draw.labels import map_label, wrap_label
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.draw.elements import Elements
    from lsgmap.draw.view import View

__all__ = ["IMAGE_FORMATS", "export_image", "export_compare_image", "to_image", "to_compare_image", "image_size", "label_report", "png_labels",
           "label_scale", "legend_room"]

#: the image formats (:data:`lsgmap.draw.export.FORMATS` adds the HTML page)
IMAGE_FORMATS = ("png", "svg")
DEFAULT_SIZE = (1600, 1000)
COMPARE_SIZE = (2400, 1000)

Positions = Mapping[str, tuple[float, float]] | None


def export_image(
    structure: Any, view: View, *, positions: Positions = None, fmt: str = "png", size: tuple[int, int] = DEFAULT_SIZE, legend: bool = True
) -> bytes:
    """``view`` as a PNG or SVG image of ``size`` pixels (width, height), titled; with ``legend``, the kinds it draws are explained below.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.view import View
    >>> svg = export_image(load(), View(on="2016-11-01"), fmt="svg", size=(400, 300))
    >>> svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    True
    """
    if positions is None:
        positions = layered_positions(structure)
    return to_image(elements(structure, view, positions), fmt=fmt, size=size, legend=legend)


def export_compare_image(
    structure: Any, before: View, after: View, *, positions: Positions = None, fmt: str = "png", size: tuple[int, int] = COMPARE_SIZE
) -> bytes:
    """Two views (:func:`lsgmap.draw.view.compare_views`) side by side in one image, with their marks.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.view import compare_views
    >>> s = load()
    >>> png = export_compare_image(s, *compare_views(s, start="2016-11-01", end="2017-03-01"), size=(1000, 400))
    >>> image_size(png)
    (1000, 400)
    """
    if positions is None:
        positions = layered_positions(structure)
    return to_compare_image(elements(structure, before, positions), elements(structure, after, positions), fmt=fmt, size=size)


_MARKERS = {"box": "s", "ellipse": "o", "dot": "o", "diamond": "D", "star": "*", "triangle": "^", "square": "s"}


def to_image(els: Elements, *, fmt: str = "png", size: tuple[int, int] = DEFAULT_SIZE, legend: bool = True, titled: bool = True,
             legend_px: float | None = None, footnote: bool = True) -> bytes:
    """``els`` drawn as a PNG or SVG image of ``size`` pixels, with its title (``titled=False``: without, as on a slide
    whose title says it).

    A legend below the map names the entity and relation kinds drawn, with the
    map's shapes and lines (and what faded and dashed means, if any is drawn);
    ``legend=False`` leaves it out (``footnote=False`` the line on faded facts too, when the picture's
    neighbour says it); ``legend_px`` is its text's size in pixels (default: by the picture's size).

    The labels are drawn to the scale of the layout (:func:`label_scale`): a node's label is its ``font_size`` in
    layout units, so a layout sized from its labels (:mod:`lsgmap.draw.layout.positions`) keeps every label clear
    of the others, as on the live map. A PNG says in its text chunk ``lsgmap:labels`` (JSON) how many pixels high its
    smallest label is, how many labels it draws and how many of their boxes meet (:func:`label_report`).

    >>> from lsgmap.draw.elements import Elements
    >>> svg = to_image(Elements((), (), "Tom", "2017-01-01"), fmt="svg", size=(300, 200))
    >>> b">Tom</text>" in svg
    True
    """
    fmt = check_format(fmt, IMAGE_FORMATS)
    fig, (ax,) = _figure(size, top=0.94 if titled else 0.995)
    scale = _font_scale(size)
    key_scale = scale if legend_px is None else legend_px / (9 * 100 / 72)
    if legend:  # the legend first: the map is fitted to the room above it
        _legend(fig, els, font_scale=key_scale)
    elif footnote:
        fig.subplots_adjust(bottom=max(0.01, _unattested_key(fig, els, font_scale=key_scale) + 0.005))
    _draw(ax, els, title=els.title if titled else "", font_scale=scale)
    return _save(fig, fmt)


def _unattested_key(fig: Any, *sides: Elements, font_scale: float = 1.0) -> float:
    """A footnote saying what faded and dashed means, when a side draws a fact no source speaks for on its day; its top (figure fraction)."""
    if not any(els.drawn_unattested for els in sides):
        return 0.0
    note = fig.text(0.01, 0.01, t("map.unattested_key", sides[0].lang), fontsize=9 * font_scale, color="#555555", ha="left", va="bottom")
    note.set_gid("unattested-key")
    return 0.01 + note.get_window_extent().height / fig.bbox.height


def legend_room(els: Elements, *, size: tuple[int, int] = DEFAULT_SIZE, legend: bool = True, legend_px: float | None = None,
                footnote: bool = True) -> float:
    """The share of the picture's height :func:`to_image` gives the legend of ``els`` (and the footnote on faded facts)
    at ``size``: the map has the rest, to lay itself out for.

    >>> from lsgmap.draw.elements import Elements
    >>> legend_room(Elements((), (), "Tom", "2017-01-01"))
    0.0
    """
    fig, _ = _figure(size)
    scale = _font_scale(size) if legend_px is None else legend_px / (9 * 100 / 72)
    if legend:
        return _legend(fig, els, font_scale=scale)
    return _unattested_key(fig, els, font_scale=scale) if footnote else 0.0


def _legend(fig: Any, *sides: Elements, font_scale: float = 1.0) -> float:
    """The legend of the picture (:func:`lsgmap.draw.elements.legend_of`: the kinds and marks drawn) along the bottom,
    above the footnote of :func:`_unattested_key`; the maps are moved up to make room (none in a picture too small
    for it). Returns the share of the height it takes."""
    bottom = _unattested_key(fig, *sides, font_scale=font_scale)
    rows = legend_of(*sides)
    if rows:
        handles = [_handle(r, font_scale) for r in rows]
        labels = [r["label"] for r in rows]

        def place(ncol: int) -> Any:
            return fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, bottom), ncol=ncol, fontsize=max(9 * font_scale, LEGEND_LEAST_PT),
                              frameon=False, handlelength=3.2, columnspacing=1.6, borderaxespad=0.2)

        box = place(1)
        column = box.get_window_extent().width
        box.remove()
        box = place(max(1, min(len(rows), int(fig.bbox.width * 0.98 // max(column, 1.0)))))
        box.set_gid("legend")
        height = box.get_window_extent().height / fig.bbox.height
        if bottom + height > 0.5:  # a thumbnail: the map keeps the room
            box.remove()
        else:
            bottom += height
    fig.subplots_adjust(bottom=min(0.5, max(0.01, bottom + 0.005)))
    return bottom


def _handle(row: dict[str, str], font_scale: float) -> Any:
    """A legend entry drawn as the picture draws its kind: the node's shape, the relation's line, the mark's ring."""
    from matplotlib.lines import Line2D

    colour = row["colour"]
    if row["group"] == "relation":
        dashes = tuple(float(d) for d in row["dashes"].split())
        return Line2D([], [], color=colour, linewidth=max(float(row["width"]), 0.5) * 0.8, linestyle=(0, dashes) if dashes else "-")
    if row["group"] == "mark":
        return Line2D([], [], linestyle="none", marker="o", markersize=13 * font_scale, markerfacecolor="none", markeredgecolor=colour,
                      markeredgewidth=2.5)
    return Line2D([], [], linestyle="none", marker=_marker(row["style"]), markersize=11 * font_scale, markerfacecolor=colour,
                  markeredgecolor=darker(colour), markeredgewidth=0.8)


def _marker(shape: str) -> Any:
    """A matplotlib marker for a vis-network shape: boxes and ellipses are wide, as their labels make them on the map."""
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D

    if shape == "box":
        return Path([(-1.0, -0.55), (1.0, -0.55), (1.0, 0.55), (-1.0, 0.55), (-1.0, -0.55)], closed=True)
    if shape == "ellipse":
        return Affine2D().scale(1.0, 0.6).transform_path(Path.unit_circle())
    return _MARKERS.get(shape, "o")


def to_compare_image(before: Elements, after: Elements, *, fmt: str = "png", size: tuple[int, int] = COMPARE_SIZE, title: str = "") -> bytes:
    """``before`` and ``after`` side by side in one image (one frame, so a node stays in place), each titled; ``title`` above both
    (default: "Jämförelse <date> och <date>").

    >>> from lsgmap.draw.elements import Elements
    >>> svg = to_compare_image(Elements((), (), "a", "2016-01-01"), Elements((), (), "b", "2017-01-01"), fmt="svg", size=(400, 200))
    >>> b"2016-01-01" in svg and b"2017-01-01" in svg
    True
    """
    fmt = check_format(fmt, IMAGE_FORMATS)
    fig, axes = _figure(size, panels=2)
    scale = _font_scale((size[0] // 2, size[1]))
    frame = before.nodes + after.nodes
    fig.suptitle(title or t("export.compare_title", before.lang, start=before.on, end=after.on), fontsize=15)
    _legend(fig, before, after, font_scale=scale)
    for ax, els, prefix in ((axes[0], before, "a-"), (axes[1], after, "b-")):
        _draw(ax, els, title=els.title, font_scale=scale, frame=frame, prefix=prefix)
    return _save(fig, fmt)


def _draw(ax: Any, els: Elements, *, title: str = "", font_scale: float = 1.0, frame: tuple = (), prefix: str = "") -> None:
    """Draw the nodes and edges on a matplotlib axes at their x/y (y grows downwards, as on screen)."""
    from matplotlib.patches import FancyArrowPatch

    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=14 * font_scale, fontweight="bold")
    if not els.nodes:
        ax.text(0.5, 0.5, "—", ha="center", va="center", transform=ax.transAxes)
        return
    xy = {n.id: (n.x, -n.y) for n in els.nodes}
    if len(els.nodes) + len(els.edges) > BULK:
        xs = [n.x for n in frame or els.nodes]
        ys = [-n.y for n in frame or els.nodes]
        pad_x = max((max(xs) - min(xs)) * 0.06, 90.0)
        pad_y = max((max(ys) - min(ys)) * 0.08, 70.0)
        ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
        _draw_bulk(ax, els, xy, font_scale, prefix)
        return
    ppu = _fit_boxes(ax, frame or els.nodes)
    for e in els.edges:
        if e.source not in xy or e.target not in xy:
            continue
        bend = e.roundness if e.curve == "curvedCW" else -e.roundness if e.curve else 0.06
        arrow = FancyArrowPatch(
            xy[e.source], xy[e.target],
            arrowstyle="-|>", mutation_scale=max(8.0, 10 * font_scale * ppu),
            color=e.colour,
            linewidth=max(float(e.width), 0.5) * 0.8,
            linestyle=(0, e.dashes) if e.dashes else "-",
            alpha=min(e.opacity, 0.85),
            shrinkA=9 * ppu, shrinkB=11 * ppu,
            connectionstyle=f"arc3,rad={bend}",
            zorder=1,
        )
        arrow.set_gid(f"{prefix}edge-{e.id}")
        ax.add_patch(arrow)
    for n in els.nodes:
        _draw_node(ax, n, xy[n.id], ppu, prefix)


def _fit_boxes(ax: Any, nodes: tuple) -> float:
    """Fit the axes to the boxes the nodes' drawings take (:func:`lsgmap.draw.layout.label_boxes.boxes_of`), one scale
    for x and y; returns the pixels per layout unit (:func:`label_scale`)."""
    from lsgmap.draw.layout.label_boxes import bounds

    box = bounds(_boxes(nodes).values())
    pad = max(box.width, box.height) * 0.004 + 3.0
    fig, where = ax.figure, ax.get_position()
    px_w, px_h = where.width * fig.get_figwidth() * fig.dpi, where.height * fig.get_figheight() * fig.dpi
    ppu = min(px_w / (box.width + 2 * pad), px_h / (box.height + 2 * pad))
    cx, cy, half_w, half_h = (box.left + box.right) / 2, -(box.top + box.bottom) / 2, px_w / ppu / 2, px_h / ppu / 2
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy - half_h, cy + half_h)
    return label_scale(ax)


def _boxes(nodes: tuple) -> dict:
    from lsgmap.draw.elements import Elements
    from lsgmap.draw.layout.label_boxes import boxes_of

    return boxes_of(Elements(tuple({n.id: n for n in nodes}.values()), (), "", ""))


def label_scale(ax: Any) -> float:
    """Pixels of the picture per layout unit on ``ax`` (x and y drawn to one scale): a label of ``font_size`` 24 is
    ``24 * label_scale(ax)`` pixels high."""
    fig = ax.figure
    width = ax.get_position().width * fig.get_figwidth() * fig.dpi
    low, high = ax.get_xlim()
    return width / max(high - low, 1e-9)


#: Above this many nodes and edges a map is drawn in bulk (:func:`_draw_bulk`): one artist per kind of line and shape.
BULK = 600
#: the legend's text is at least this many points (14 px at the pictures' 100 dpi)
LEGEND_LEAST_PT = 10.1
#: Above this many nodes a map in bulk draws no labels (they would cover each other and the picture).
BULK_LABELS = 400


def _draw_bulk(ax: Any, els: Elements, xy: dict, font_scale: float, prefix: str) -> None:
    """A large map in time linear in its size: the edges as straight lines and arrows in one artist per style,
    the nodes as one scatter per shape, labels only up to :data:`BULK_LABELS` nodes.

    The drawing of one artist per node and edge (:func:`_draw_node`, a curved arrow each) costs matplotlib
    about 20 ms an element: a chain of 3 000 took a minute. In SVG the groups are ``edges``, ``arrows`` and
    ``nodes-<shape>``.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba

    styles: dict[tuple, list] = {}
    for e in els.edges:
        if e.source in xy and e.target in xy and e.source != e.target:
            key = (e.colour, max(float(e.width), 0.5) * 0.8, tuple(e.dashes or ()), min(e.opacity, 0.85))
            styles.setdefault(key, []).append((xy[e.source], xy[e.target]))
    heads_x, heads_y, heads_u, heads_v, heads_c = [], [], [], [], []
    for (colour, width, dashes, alpha), segments in styles.items():
        lines = LineCollection(segments, colors=[to_rgba(colour, alpha)], linewidths=width,
                               linestyles=[(0, dashes)] if dashes else "solid", zorder=1)
        lines.set_gid(f"{prefix}edges")
        ax.add_collection(lines, autolim=False)
        for (x0, y0), (x1, y1) in segments:  # the arrow's head, on the last fifth of the line
            heads_x.append(x0 + (x1 - x0) * 0.72)
            heads_y.append(y0 + (y1 - y0) * 0.72)
            heads_u.append((x1 - x0) * 0.1)
            heads_v.append((y1 - y0) * 0.1)
            heads_c.append(to_rgba(colour, alpha))
    if heads_x:
        arrows = ax.quiver(heads_x, heads_y, heads_u, heads_v, color=heads_c, angles="xy", scale_units="xy", scale=1,
                           width=0.0015 * font_scale, headwidth=5, headlength=6, headaxislength=5, zorder=1)
        arrows.set_gid(f"{prefix}arrows")
    shapes: dict[str, list] = {}
    for n in els.nodes:
        shapes.setdefault(n.shape, []).append(n)
    for shape, nodes in shapes.items():
        dots = ax.scatter([xy[n.id][0] for n in nodes], [xy[n.id][1] for n in nodes], s=160 * font_scale, marker=_marker(shape),
                          c=[to_rgba(n.colour, n.opacity) for n in nodes],
                          edgecolors=[n.border or (darker(n.colour) if not n.attested else "white") for n in nodes],
                          linewidths=[3.0 if n.border else 1.0 for n in nodes], zorder=3)
        dots.set_gid(f"{prefix}nodes-{shape}")
    if len(els.nodes) <= BULK_LABELS:
        for n in els.nodes:
            x, y = xy[n.id]
            text = ax.text(x, y - 22, _wrap(n.label), ha="center", va="top", fontsize=6.5 * font_scale, color="black", alpha=n.opacity, zorder=4)
            text.set_gid(f"{prefix}node-{n.id}")


def _draw_node(ax: Any, n: Any, at: tuple[float, float], ppu: float, prefix: str) -> None:
    """One node: its shape or box, its label, and a coloured halo when it is marked; to scale (``ppu`` pixels per layout
    unit): the label ``n.font_size`` units high with the layout's margins, a shape of radius ``NODE_SIZE``."""
    from lsgmap.draw.layout.label_boxes import NODE_SIZE, label_gap

    x, y = at
    px_pt = 72 / 100  # points per pixel at the pictures' 100 dpi
    fontsize = n.font_size * ppu * px_pt
    label = map_label(n.label)
    border, border_width = (n.border, 3.0) if n.border else ("white", 1.0)
    line = "-"
    if not n.attested:  # faded fill (n.colour), dashed border in the kind's darker colour, as on the live map
        border, border_width, line = (n.border or darker(n.colour)), max(border_width, 1.5), (0, UNATTESTED_DASHES)
    if n.mark:  # compare view: a halo in the mark's colour that shows at any size (the border may be a highlight's)
        halo = ax.scatter([x], [y], s=(3.2 * NODE_SIZE * ppu * px_pt) ** 2, marker="o", facecolors="none", edgecolors=MARK_COLOURS[n.mark], linewidths=3.5, zorder=2)
        halo.set_gid(f"{prefix}mark-{n.id}")
    # a marked node's label sits on an opaque ground the halo and lines pass under, in a colour readable on it (compare view)
    solid = bool(n.mark) and not n.dimmed
    if n.shape in ("box", "ellipse"):
        edge = border if (n.border or not n.attested) else n.colour
        fill, alpha = (_over_white(n.colour, n.opacity), 1.0) if solid else (n.colour, n.opacity)
        look = {"facecolor": fill, "edgecolor": edge, "linewidth": border_width, "linestyle": line, "alpha": alpha}
        style = f"round,pad={5 / max(n.font_size, 1):.3f}" if n.shape == "box" else _ellipse(label.count("\n") + 1, fontsize * 100 / 72)
        ground = {"boxstyle": style, **look}
        text = ax.text(
            x, y, label, ha="center", va="center", fontsize=fontsize, linespacing=1.0, color=readable_on(fill) if solid else n.text_colour,
            alpha=1.0 if solid else n.opacity if n.attested or n.dimmed else 0.8, bbox=ground, zorder=3,
        )
    else:
        dot = ax.scatter([x], [y], s=(2 * NODE_SIZE * ppu * px_pt) ** 2, marker=_MARKERS.get(n.shape, "o"), c=n.colour, alpha=n.opacity,
                         edgecolors=border, linewidths=border_width, linestyles=line, zorder=3)
        dot.set_gid(f"{prefix}shape-{n.id}")
        ground = {"boxstyle": "square,pad=0.15", "facecolor": "#ffffff", "edgecolor": "none"} if solid else None
        text = ax.text(x, y - NODE_SIZE - label_gap(n.font_size), label, ha="center", va="top", fontsize=fontsize, linespacing=1.0,
                       color="#222222" if solid else "black", alpha=1.0 if solid else n.opacity, bbox=ground, zorder=4)
    text.set_gid(f"{prefix}node-{n.id}")


def _ellipse(lines: int, font_px: float) -> Any:
    """A matplotlib box style drawing the ellipse vis-network draws around a label of ``lines`` lines of ``font_px``
    pixels: as wide as the text plus its height, twice the text's height (:func:`lsgmap.draw.layout.label_boxes.node_box`)."""
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D

    def style(x0: float, y0: float, width: float, height: float, mutation_size: float) -> Any:
        text_h = lines * font_px
        w, h = width + text_h, 2 * text_h
        return Affine2D().scale(w / 2, h / 2).translate(x0 + width / 2, y0 + height / 2).transform_path(Path.unit_circle())

    return style


def _over_white(colour: str, alpha: float) -> str:
    """``colour`` drawn at ``alpha`` on white, as one opaque colour.

    >>> _over_white("#c55a11", 0.55), _over_white("#c55a11", 1.0)
    ('#dfa47c', '#c55a11')
    """
    return faded(colour, 1.0 - alpha)


def _wrap(label: str, width: int = 22) -> str:
    """Break a long label at spaces and hyphens so boxes stay narrow (at most three lines).

    >>> _wrap("Samordningsförbundet RAR i Sörmland", 20)
    'Samordningsförbundet\\nRAR i Sörmland'
    """
    return wrap_label(label, width, max_lines=3)


def _figure(size: tuple[int, int], panels: int = 1, top: float = 0.94):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    width, height = _check_size(size)
    fig = Figure(figsize=(width / 100, height / 100), dpi=100)
    FigureCanvasAgg(fig)  # its renderer measures what was drawn (label_report)
    axes = [fig.add_subplot(1, panels, i + 1) for i in range(panels)]
    side = 0.01 if top < 0.99 else 0.003  # a picture without a title (a slide's) goes to its edges
    fig.subplots_adjust(left=side, right=1 - side, bottom=0.01, top=top, wspace=0.04)
    return fig, axes


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in size)
    except (TypeError, ValueError):
        raise InputError(msg("export.bad_size", value=size)) from None
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        raise InputError(msg("export.bad_size", value=size))
    return width, height


def _save(fig: Any, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes; SVG text stays text (``svg.fonttype: none``)."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, dpi=100, metadata={"Software": "lsgmap"} if fmt == "png" else {"Creator": "lsgmap"})
    if fmt != "png":
        return buffer.getvalue()
    return _with_text(buffer.getvalue(), "lsgmap:labels", json.dumps(label_report(fig)))  # measured as just drawn


def _with_text(png: bytes, key: str, value: str) -> bytes:
    """``png`` with a tEXt chunk ``key``: ``value`` before its end.

    >>> png_labels(_with_text(bytes(8) + b"....IEND....", "lsgmap:labels", '{"count": 1}'))
    {'count': 1}
    """
    import zlib

    body = b"tEXt" + key.encode("latin-1") + b"\x00" + value.encode("latin-1")
    chunk = (len(body) - 4).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")
    end = png.rfind(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def label_report(fig: Any) -> dict[str, float]:
    """What the figure's node labels measure as drawn: ``smallest_px`` (the smallest label's font size in pixels),
    ``count`` and ``overlaps`` (pairs of labels whose drawn boxes share area, by matplotlib's own extents).

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.view import View
    >>> report = png_labels(export_image(load(), View(on="2016-11-15"), size=(1600, 1000)))
    >>> report["smallest_px"] >= 14, report["overlaps"], report["count"] > 20
    (True, 0, True)
    """
    from lsgmap.draw.layout.label_boxes import Box, overlaps

    renderer = fig.canvas.get_renderer()  # the figure was just drawn (saved): the extents are those drawn
    texts = [a for ax in fig.axes for a in ax.texts if (a.get_gid() or "").split("node-")[0] in ("", "a-", "b-")
             and "node-" in (a.get_gid() or "")]
    boxes = {}
    for a in texts:
        e = a.get_window_extent(renderer)
        boxes[a.get_gid()] = Box(e.x0, -e.y1, e.x1, -e.y0)
    sizes = [a.get_fontsize() * fig.dpi / 72 for a in texts]
    return {"smallest_px": round(min(sizes), 2) if sizes else 0.0, "count": len(texts), "overlaps": len(overlaps(boxes))}


def png_labels(data: bytes) -> dict[str, float]:
    """The ``lsgmap:labels`` report (:func:`label_report`) a PNG of :func:`to_image` carries in its text chunk.

    >>> png_labels(b"not a png")
    {}
    """
    at = data.find(b"tEXtlsgmap:labels\x00")
    if at < 0:
        return {}
    length = int.from_bytes(data[at - 4:at], "big")
    return json.loads(data[at + 4 + len("lsgmap:labels") + 1:at + 4 + length])


def _font_scale(size: tuple[int, int]) -> float:
    return max(0.6, min(1.6, math.sqrt(size[0] * size[1]) / math.sqrt(1600 * 1000)))


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG image from its header.

    >>> image_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000003200000025800"))
    (800, 600)
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
