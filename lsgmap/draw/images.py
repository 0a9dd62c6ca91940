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
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lsgmap.draw.elements import MARK_COLOURS, UNATTESTED_DASHES, darker, elements, faded, legend_of, readable_on
from lsgmap.draw.export import check_format
from lsgmap.draw.labels import wrap_label
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.draw.elements import Elements
    from lsgmap.draw.view import View

__all__ = ["IMAGE_FORMATS", "export_image", "export_compare_image", "to_image", "to_compare_image", "image_size"]

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


def to_image(els: Elements, *, fmt: str = "png", size: tuple[int, int] = DEFAULT_SIZE, legend: bool = True) -> bytes:
    """``els`` drawn as a PNG or SVG image of ``size`` pixels, with its title.

    A legend below the map names the entity and relation kinds drawn, with the
    map's shapes and lines (and what faded and dashed means, if any is drawn);
    ``legend=False`` leaves it out.

    >>> from lsgmap.draw.elements import Elements
    >>> svg = to_image(Elements((), (), "Tom", "2017-01-01"), fmt="svg", size=(300, 200))
    >>> b">Tom</text>" in svg
    True
    """
    fmt = check_format(fmt, IMAGE_FORMATS)
    fig, (ax,) = _figure(size)
    scale = _font_scale(size)
    _draw(ax, els, title=els.title, font_scale=scale)
    if legend:
        _legend(fig, els, font_scale=scale)
    else:
        _unattested_key(fig, els, font_scale=scale)
    return _save(fig, fmt)


def _unattested_key(fig: Any, *sides: Elements, font_scale: float = 1.0) -> float:
    """A footnote saying what faded and dashed means, when a side draws a fact no source speaks for on its day; its top (figure fraction)."""
    if not any(els.drawn_unattested for els in sides):
        return 0.0
    note = fig.text(0.01, 0.01, t("map.unattested_key", sides[0].lang), fontsize=9 * font_scale, color="#555555", ha="left", va="bottom")
    note.set_gid("unattested-key")
    return 0.01 + note.get_window_extent().height / fig.bbox.height


def _legend(fig: Any, *sides: Elements, font_scale: float = 1.0) -> None:
    """The legend of the picture (:func:`lsgmap.draw.elements.legend_of`: the kinds and marks drawn) along the bottom,
    above the footnote of :func:`_unattested_key`; the maps are moved up to make room (none in a picture too small for it)."""
    bottom = _unattested_key(fig, *sides, font_scale=font_scale)
    rows = legend_of(*sides)
    if rows:
        handles = [_handle(r, font_scale) for r in rows]
        labels = [r["label"] for r in rows]

        def place(ncol: int) -> Any:
            return fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, bottom), ncol=ncol, fontsize=9 * font_scale,
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
    for ax, els, prefix in ((axes[0], before, "a-"), (axes[1], after, "b-")):
        _draw(ax, els, title=els.title, font_scale=scale, frame=frame, prefix=prefix)
    fig.suptitle(title or t("export.compare_title", before.lang, start=before.on, end=after.on), fontsize=15)
    _legend(fig, before, after, font_scale=scale)
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
    xs = [n.x for n in frame or els.nodes]
    ys = [-n.y for n in frame or els.nodes]
    pad_x = max((max(xs) - min(xs)) * 0.06, 90.0)
    pad_y = max((max(ys) - min(ys)) * 0.08, 70.0)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    for e in els.edges:
        if e.source not in xy or e.target not in xy:
            continue
        bend = e.roundness if e.curve == "curvedCW" else -e.roundness if e.curve else 0.06
        arrow = FancyArrowPatch(
            xy[e.source], xy[e.target],
            arrowstyle="-|>", mutation_scale=10 * font_scale,
            color=e.colour,
            linewidth=max(float(e.width), 0.5) * 0.8,
            linestyle=(0, e.dashes) if e.dashes else "-",
            alpha=min(e.opacity, 0.85),
            shrinkA=9, shrinkB=11,
            connectionstyle=f"arc3,rad={bend}",
            zorder=1,
        )
        arrow.set_gid(f"{prefix}edge-{e.id}")
        ax.add_patch(arrow)
    for n in els.nodes:
        _draw_node(ax, n, xy[n.id], font_scale, prefix)


def _draw_node(ax: Any, n: Any, at: tuple[float, float], font_scale: float, prefix: str) -> None:
    """One node: its shape or box, its label, and a coloured halo when it is marked."""
    x, y = at
    border, border_width = (n.border, 3.0) if n.border else ("white", 1.0)
    line = "-"
    if not n.attested:  # faded fill (n.colour), dashed border in the kind's darker colour, as on the live map
        border, border_width, line = (n.border or darker(n.colour)), max(border_width, 1.5), (0, UNATTESTED_DASHES)
    if n.mark:  # compare view: a halo in the mark's colour that shows at any size (the border may be a highlight's)
        halo = ax.scatter([x], [y], s=1400 * font_scale, marker="o", facecolors="none", edgecolors=MARK_COLOURS[n.mark], linewidths=3.5, zorder=2)
        halo.set_gid(f"{prefix}mark-{n.id}")
    fontsize = 7.5 * font_scale
    # a marked node's label sits on an opaque ground the halo and lines pass under, in a colour readable on it (compare view)
    solid = bool(n.mark) and not n.dimmed
    if n.shape in ("box", "ellipse"):
        style = "round,pad=0.35" if n.shape == "box" else "ellipse,pad=0.15"
        edge = border if (n.border or not n.attested) else n.colour
        fill, alpha = (_over_white(n.colour, n.opacity), 1.0) if solid else (n.colour, n.opacity)
        text = ax.text(
            x, y, _wrap(n.label), ha="center", va="center", fontsize=fontsize, color=readable_on(fill) if solid else n.text_colour,
            alpha=1.0 if solid else n.opacity if n.attested or n.dimmed else 0.8,
            bbox={"boxstyle": style, "facecolor": fill, "edgecolor": edge, "linewidth": border_width, "linestyle": line, "alpha": alpha},
            zorder=3,
        )
    else:
        dot = ax.scatter([x], [y], s=260 * font_scale, marker=_MARKERS.get(n.shape, "o"), c=n.colour, alpha=n.opacity,
                         edgecolors=border, linewidths=border_width, linestyles=line, zorder=3)
        dot.set_gid(f"{prefix}shape-{n.id}")
        ground = {"boxstyle": "square,pad=0.15", "facecolor": "#ffffff", "edgecolor": "none"} if solid else None
        text = ax.text(x, y - 26, _wrap(n.label), ha="center", va="top", fontsize=fontsize, color="#222222" if solid else "black",
                       alpha=1.0 if solid else n.opacity, bbox=ground, zorder=4)
    text.set_gid(f"{prefix}node-{n.id}")


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


def _figure(size: tuple[int, int], panels: int = 1):
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    width, height = _check_size(size)
    fig = Figure(figsize=(width / 100, height / 100), dpi=100)
    axes = [fig.add_subplot(1, panels, i + 1) for i in range(panels)]
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.94, wspace=0.04)
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
    return buffer.getvalue()


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
