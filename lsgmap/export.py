"""Exports for minutes and slides: offline HTML, PNG/SVG images, answer text.

Every export draws the same layout as the map in the app: the positions come
from :func:`lsgmap.layout.layered_positions` (or the caller's), the nodes and
edges with their labels, colours and shapes from
:func:`lsgmap.render.graph_elements`. Images are drawn server-side with
matplotlib (Agg, imported only when an image is asked for), so no browser is
needed.

Examples
--------
>>> from lsgmap.model import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> png = export_image(s, on="2017-03-01", size=(800, 500))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", image_size(png)
(True, (800, 500))
"""

from __future__ import annotations

import io
import math
from html import escape
from collections.abc import Iterable
from typing import Any, TypedDict, Unpack

from .dates import to_day
from .errors import InputError
from .i18n import msg, t

__all__ = [
    "FORMATS",
    "ViewOptions",
    "graph_view",
    "export_html",
    "export_image",
    "export_compare_image",
    "answer_text",
    "image_size",
    "default_filename",
]

FORMATS = ("html", "png", "svg")
DEFAULT_SIZE = (1600, 1000)
_DIM_ALPHA = 0.18


def _positions(structure: Any, positions: dict | None) -> dict:
    if positions is not None:
        return positions
    from .layout import layered_positions

    return layered_positions(structure)


class ViewOptions(TypedDict, total=False):
    """The keyword options of one map view, shared by :func:`graph_view`, :func:`export_html` and :func:`export_image`."""

    on: Any
    positions: dict | None
    lang: str
    hide_persons: bool
    highlight: Iterable[str] | None
    marks: dict[str, str] | None
    node_ids: Iterable[str] | None
    edge_keys: Iterable[str] | None
    emphasis: tuple[Iterable[str], Iterable[str]] | None
    dim_rest: bool


def graph_view(
    structure: Any,
    *,
    on: Any = None,
    positions: dict | None = None,
    lang: str = "sv",
    hide_persons: bool = False,
    highlight: Iterable[str] | None = None,
    marks: dict[str, str] | None = None,
    node_ids: Iterable[str] | None = None,
    edge_keys: Iterable[str] | None = None,
    emphasis: tuple[Iterable[str], Iterable[str]] | None = None,
    dim_rest: bool = True,
) -> tuple[list[dict], list[dict]]:
    """The nodes and edges of one view on ``on``, as :func:`lsgmap.render.graph_elements` gives them.

    ``node_ids``/``edge_keys`` restrict the view (a story step shows a part of
    the map); ``emphasis`` = (entity ids, relation ids) draws that chain strong
    and dims the rest (see :func:`emphasise`).

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> nodes, edges = graph_view(load(BUNDLED_DATA), on="2017-03-01", node_ids=["rar", "kommun_trosa"])
    >>> sorted(n["id"] for n in nodes), len(edges)
    (['kommun_trosa', 'rar'], 1)
    """
    from .render import graph_elements

    snap = structure.snapshot(on=to_day(on))
    nodes, edges = graph_elements(
        structure,
        snap,
        _positions(structure, positions),
        lang=lang,
        hide_persons=hide_persons,
        highlight=set(highlight) if highlight is not None else None,
        marks=marks,
    )
    if node_ids is not None:
        keep = set(node_ids)
        nodes = [n for n in nodes if n["id"] in keep]
    if edge_keys is not None or node_ids is not None:
        shown = {n["id"] for n in nodes}
        keep_edges = set(edge_keys) if edge_keys is not None else None
        edges = [
            e
            for e in edges
            if _end(e, "from") in shown and _end(e, "to") in shown and (keep_edges is None or e["id"] in keep_edges)
        ]
    if emphasis is not None:
        emphasise(nodes, edges, node_ids=emphasis[0], edge_keys=emphasis[1], dim_rest=dim_rest)
    return nodes, edges


def emphasise(nodes: list[dict], edges: list[dict], *, node_ids: Iterable[str], edge_keys: Iterable[str], dim_rest: bool = True) -> None:
    """Draw the given entities and relations strong and (unless ``dim_rest`` is False) dim all others, in place.

    Sets ``opacity`` (vis-network and the image export both read it) and
    ``dimmed``; strong relations get a wider line.

    >>> nodes = [{"id": "a", "color": "#000"}, {"id": "b", "color": "#000"}]
    >>> edges = [{"id": "r1", "from": "a", "to": "b", "color": "#111", "width": 2}]
    >>> emphasise(nodes, edges, node_ids=["a"], edge_keys=[])
    >>> [n["dimmed"] for n in nodes], edges[0]["dimmed"]
    ([False, True], True)
    """
    strong_nodes, strong_edges = set(node_ids), set(edge_keys)
    if not strong_nodes and not strong_edges:
        return
    for n in nodes:
        dim = dim_rest and n["id"] not in strong_nodes
        n["dimmed"] = dim
        if dim:
            n["opacity"] = _DIM_ALPHA
    for e in edges:
        dim = dim_rest and e["id"] not in strong_edges
        e["dimmed"] = dim
        colour = _colour(e.get("color", e.get("colour")))
        if dim:
            e["color"] = {"color": colour, "opacity": _DIM_ALPHA}
        elif e["id"] in strong_edges:
            e["width"] = max(int(e.get("width", 1) or 1) + 3, 5)
            e["highlight"] = True


def _end(edge: dict, which: str) -> str:
    other = {"from": "source", "to": "target"}[which]
    return edge.get(which, edge.get(other))


def export_html(structure: Any, *, title: str | None = None, **view: Unpack[ViewOptions]) -> str:
    """A standalone HTML page of the view (``view``: the options of :func:`graph_view`) that draws offline (vis-network inlined, no CDN).

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> page = export_html(load(BUNDLED_DATA), on="2016-11-01")
    >>> "<html" in page.lower() and "https://cdn" not in page
    True
    """
    from .render import to_html

    nodes, edges = graph_view(structure, **view)
    heading = escape(title or _default_title(view))
    page = to_html(nodes, edges, height=820)
    style = "font-family:DejaVu Sans,sans-serif;font-size:20px;margin:8px 12px"
    return page.replace('<body data-lsgmap="map">', f'<body data-lsgmap="map">\n<h1 style="{style}">{heading}</h1>', 1).replace(
        "<head>", f"<head>\n<title>{heading}</title>", 1
    )


def _default_title(view: ViewOptions) -> str:
    return t("export.title", view.get("lang", "sv"), date=_iso(to_day(view.get("on"))))


def _iso(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


# -- images ------------------------------------------------------------------------

_MARKERS = {"box": "s", "ellipse": "o", "dot": "o", "diamond": "D", "star": "*", "triangle": "^", "square": "s"}


def _colour(value: Any, default: str = "#808080") -> str:
    if isinstance(value, dict):
        value = value.get("background") or value.get("color") or value.get("border")
    return value if isinstance(value, str) and value else default


def _node_colour(node: dict) -> str:
    return _colour(node.get("color", node.get("colour")))


def _border(node: dict) -> tuple[str, float]:
    """Border colour and width of a node: a mark or highlight shows as a thick border."""
    colour = node.get("color")
    if isinstance(colour, dict) and colour.get("border") and int(node.get("borderWidth", 1) or 1) > 1:
        return colour["border"], 3.0
    return "white", 1.0


def _alpha(item: dict) -> float:
    colour = item.get("color")
    if isinstance(colour, dict) and colour.get("opacity") is not None:
        return float(colour["opacity"])
    return float(item.get("opacity", 1.0))


def _draw(ax: Any, nodes: list[dict], edges: list[dict], *, title: str = "", font_scale: float = 1.0, frame: list[dict] | None = None) -> None:
    """Draw nodes and edges on a matplotlib axes at their x/y (y grows downwards, as on screen)."""
    from matplotlib.patches import FancyArrowPatch

    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=14 * font_scale, fontweight="bold")
    if not nodes:
        ax.text(0.5, 0.5, "—", ha="center", va="center", transform=ax.transAxes)
        return
    xy = {n["id"]: (float(n["x"]), -float(n["y"])) for n in nodes}
    xs = [float(n["x"]) for n in frame or nodes]
    ys = [-float(n["y"]) for n in frame or nodes]
    pad_x = max((max(xs) - min(xs)) * 0.06, 90.0)
    pad_y = max((max(ys) - min(ys)) * 0.08, 70.0)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    for e in edges:
        a, b = _end(e, "from"), _end(e, "to")
        if a not in xy or b not in xy:
            continue
        arrow = FancyArrowPatch(
            xy[a], xy[b],
            arrowstyle="-|>", mutation_scale=10 * font_scale,
            color=_colour(e.get("color", e.get("colour"))),
            linewidth=max(float(e.get("width", 1) or 1), 0.5) * 0.8,
            linestyle=(0, (4, 3)) if e.get("dashes") else "-",
            alpha=min(_alpha(e), 0.85),
            shrinkA=9, shrinkB=11,
            connectionstyle="arc3,rad=0.06",
            zorder=1,
        )
        ax.add_patch(arrow)
    for n in nodes:
        x, y = xy[n["id"]]
        alpha = _alpha(n)
        colour = _node_colour(n)
        border, border_width = _border(n)
        if n.get("mark"):  # compare view: a coloured halo that shows at any size
            ax.scatter([x], [y], s=1400 * font_scale, marker="o", facecolors="none", edgecolors=border, linewidths=3.5, zorder=2)
        shape = n.get("shape", "dot")
        label = str(n.get("label", n["id"]))
        fontsize = 7.5 * font_scale
        if shape in ("box", "ellipse"):
            style = "round,pad=0.35" if shape == "box" else "round4,pad=0.4"
            ax.text(
                x, y, _wrap(label), ha="center", va="center", fontsize=fontsize, color="white", alpha=alpha,
                bbox={"boxstyle": style, "facecolor": colour, "edgecolor": border if border_width > 1 else colour, "linewidth": border_width, "alpha": alpha},
                zorder=3,
            )
        else:
            ax.scatter([x], [y], s=260 * font_scale, marker=_MARKERS.get(shape, "o"), c=colour, alpha=alpha,
                       edgecolors=border, linewidths=border_width, zorder=3)
            ax.text(x, y - 26, _wrap(label), ha="center", va="top", fontsize=fontsize, alpha=alpha, zorder=4)


def _wrap(label: str, width: int = 22) -> str:
    """Break a long label on spaces so boxes stay narrow.

    >>> _wrap("Samordningsförbundet RAR i Sörmland", 20)
    'Samordningsförbundet\\nRAR i Sörmland'
    """
    words, lines, current = label.split(), [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > width:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}".strip()
    if current:
        lines.append(current)
    return "\n".join(lines[:3]) if lines else label


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
    fmt = _check_format(fmt, images_only=True)
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=100, metadata={"Software": "lsgmap"} if fmt == "png" else {"Creator": "lsgmap"})
    return buffer.getvalue()


def _check_format(fmt: str, *, images_only: bool = False) -> str:
    allowed = ("png", "svg") if images_only else FORMATS
    value = (fmt or "").lower().lstrip(".")
    if value not in allowed:
        choices = ", ".join(allowed)
        raise InputError(msg("export.bad_format", value=fmt, choices=choices))
    return value


def export_image(
    structure: Any,
    *,
    fmt: str = "png",
    size: tuple[int, int] = DEFAULT_SIZE,
    title: str | None = None,
    **view: Unpack[ViewOptions],
) -> bytes:
    """The view (``view``: the options of :func:`graph_view`) as a PNG or SVG image of ``size`` pixels (width, height).

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> svg = export_image(load(BUNDLED_DATA), on="2016-11-01", fmt="svg", size=(400, 300))
    >>> svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    True
    """
    fmt = _check_format(fmt, images_only=True)
    nodes, edges = graph_view(structure, **view)
    fig, (ax,) = _figure(size)
    _draw(ax, nodes, edges, title=title or _default_title(view), font_scale=_font_scale(size))
    return _save(fig, fmt)


def _font_scale(size: tuple[int, int]) -> float:
    return max(0.6, min(1.6, math.sqrt(size[0] * size[1]) / math.sqrt(1600 * 1000)))


def compare_marks(structure: Any, *, start: Any, end: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Marks (``{entity or relation id: status}``, as :func:`lsgmap.render.graph_elements` takes them) for both sides.

    The ``start`` side marks what is gone by ``end`` as "removed"; the ``end``
    side marks what is new as "added".

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> before, after = compare_marks(load(BUNDLED_DATA), start="2016-11-01", end="2017-03-01")
    >>> before["lsg_trosa"], after["lsg_trosa_gnesta"], after["r047"]
    ('removed', 'added', 'added')
    """
    a = structure.snapshot(on=to_day(start))
    b = structure.snapshot(on=to_day(end))
    removed = dict.fromkeys((a.node_set - b.node_set) | (a.edge_set - b.edge_set), "removed")
    added = dict.fromkeys((b.node_set - a.node_set) | (b.edge_set - a.edge_set), "added")
    return removed, added


def export_compare_image(
    structure: Any,
    *,
    start: Any,
    end: Any,
    positions: dict | None = None,
    fmt: str = "png",
    lang: str = "sv",
    hide_persons: bool = False,
    size: tuple[int, int] = (2400, 1000),
) -> bytes:
    """Both dates side by side in one image, with what changed marked.

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> png = export_compare_image(load(BUNDLED_DATA), start="2016-11-01", end="2017-03-01", size=(1000, 400))
    >>> image_size(png)
    (1000, 400)
    """
    fmt = _check_format(fmt, images_only=True)
    positions = _positions(structure, positions)
    before, after = compare_marks(structure, start=start, end=end)
    fig, axes = _figure(size, panels=2)
    scale = _font_scale((size[0] // 2, size[1]))
    views = [
        (ax, day, *graph_view(structure, on=day, positions=positions, lang=lang, hide_persons=hide_persons, marks=marks))
        for ax, day, marks in ((axes[0], start, before), (axes[1], end, after))
    ]
    frame = views[0][2] + views[1][2]  # both panels share one frame: a node stays in place
    for ax, day, nodes, edges in views:
        _draw(ax, nodes, edges, title=_iso(to_day(day)), font_scale=scale, frame=frame)
    fig.suptitle(t("export.compare_title", lang, start=_iso(to_day(start)), end=_iso(to_day(end))), fontsize=15)
    return _save(fig, fmt)


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG image from its header.

    >>> image_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000003200000025800"))
    (800, 600)
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def default_filename(*, on: Any, fmt: str, stem: str = "lsgmap") -> str:
    """The file name an export gets unless told otherwise.

    >>> default_filename(on="2017-03-01", fmt="png")
    'lsgmap-2017-03-01.png'
    """
    return f"{stem}-{_iso(to_day(on))}.{_check_format(fmt)}"


# -- answers ----------------------------------------------------------------------

def answer_text(answer: Any, structure: Any = None, *, lang: str = "sv") -> str:
    """The answer to a question as plain text for the minutes: question, answer, full sources.

    ``answer`` is an :class:`lsgmap.ask.Answer`; its text already cites each
    source briefly, and the cited passages follow in full under "Källor"/"Sources".

    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> from lsgmap.ask import ask
    >>> s = load(BUNDLED_DATA)
    >>> text = answer_text(ask(s, "Vem anställer processledaren?", on="2017-03-01"), s, lang="sv")
    >>> text.splitlines()[0]
    'Fråga: Vem anställer processledaren?'
    >>> "[an_organisering]" in text or "Källor:" in text
    True
    """
    lines = [f"{t('export.question', lang)}: {answer.question}", answer.text(lang).rstrip()]
    structure = structure if structure is not None else getattr(answer, "structure", None)
    source_ids: list[str] = []
    for item in answer.to_json(lang).get("answers", []):
        for src in item.get("sources", []) or []:
            sid = src.get("id") if isinstance(src, dict) else src
            if sid and sid not in source_ids:
                source_ids.append(sid)
    citations = structure.citations(source_ids) if structure is not None else []
    if citations:
        lines += ["", t("export.sources", lang) + ":"]
        for c in citations:
            where = f", {c['locator']}" if c["locator"] else ""
            lines.append(f"[{c['id']}] {c['title']}{where}: \"{c['quote']}\"")
    return "\n".join(lines) + "\n"
