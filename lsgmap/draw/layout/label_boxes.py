"""How much room a node takes on the map: the box of its shape and label, in layout units.

vis-network (9.1.2) draws the label of a ``box``, ``ellipse``, ``circle``,
``database`` or ``text`` node inside the shape, which grows around it (a box
by its 5-unit margins, an ellipse to text width + text height by twice the
text height); every other shape (``dot``, ``star``, ``triangle``,
``diamond``, ``square``, …) is drawn with radius ``size`` and its label
hangs below it. A label line is ``font_size`` high and as wide as its DejaVu
Sans advance widths add up to (read once from matplotlib's copy of the font,
per character, lazily); kerning only narrows text, so the boxes are never
too small for DejaVu Sans, and a narrower fallback font fits them too.

A :class:`Box` is ``(left, top, right, bottom)`` in layout units (y down,
as vis-network draws). The layout (:mod:`lsgmap.draw.layout.positions`) places nodes so that
their boxes do not meet; :func:`label_px` says how large the labels come out
when the map is fitted to a frame.

>>> node_box("LSG Trosa", "box", 18)[1]
29.0
>>> w, h, dy = node_box("Ida\\nMalmberg", "dot", 18)
>>> h, dy
(78.0, 24.5)
>>> a, b = Box(0, 0, 10, 10), Box(5, 5, 20, 20)
>>> overlaps({"a": a, "b": b, "c": Box(30, 0, 40, 10)})
[('a', 'b')]
>>> bounds([a, b])
Box(left=0, top=0, right=20, bottom=20)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from lsgmap.draw.labels import map_label, safe_text
from lsgmap.draw.layout.font_widths import WIDTHS
from lsgmap.vocab import ENTITY_KINDS, HOLDING, LANGS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = [
    "Box",
    "INSIDE_SHAPES",
    "NODE_SIZE",
    "text_width",
    "label_text",
    "node_box",
    "box_at",
    "name_candidates",
    "entity_boxes",
    "boxes_of",
    "overlaps",
    "bounds",
    "fit_scale",
    "label_px",
]

#: shapes that draw their label inside (vis-network grows them around it)
INSIDE_SHAPES = frozenset({"box", "ellipse", "circle", "database", "text"})
#: radius of the shapes with a label below (``size`` in :func:`lsgmap.draw.elements.vis_node`)
NODE_SIZE = 14.0
_MARGIN = 5.0  # vis-network's default node margin, each side
_EMPTY = 14.0  # vis-network's text size for an empty label


class Box(NamedTuple):
    """A rectangle in layout units (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


@lru_cache(maxsize=1)
def _font():
    """DejaVu Sans as matplotlib ships it, set to 1000 units per em (loaded on first use)."""
    from pathlib import Path

    import matplotlib
    from matplotlib import ft2font

    font = ft2font.FT2Font(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"))
    font.set_size(1000, 72)
    flags = getattr(getattr(ft2font, "LoadFlags", None), "NO_HINTING", None)
    return font, flags if flags is not None else ft2font.LOAD_NO_HINTING


def _advance(char: str) -> float:
    """The advance width of ``char`` in em: from the stored table (:mod:`lsgmap.draw.layout.font_widths`), else measured."""
    width = WIDTHS.get(char)
    return width if width is not None else measured_advance(char)


@lru_cache(maxsize=4096)
def measured_advance(char: str) -> float:
    """The advance width of ``char`` in em, measured in the font file (loads matplotlib on first use).

    >>> round(measured_advance("M"), 3)
    0.863
    """
    font, flags = _font()
    return font.load_char(ord(char), flags=flags).linearHoriAdvance / 65536 / 1000


def text_width(line: str, font_size: float) -> float:
    """The width of one line of DejaVu Sans at ``font_size`` (without kerning).

    >>> round(text_width("LSG Trosa", 18), 1), text_width("", 18)
    (90.9, 0.0)
    """
    return sum((_advance(c) for c in line), 0.0) * font_size


def label_text(name: str) -> str:
    """A name as the map writes it: made safe, shortened, broken into lines (as :func:`lsgmap.draw.elements.vis_node`).

    >>> label_text("Samordningsförbundet RAR i Sörmland")
    'Samordningsförbundet\\nRAR i Sörmland'
    """
    return map_label(safe_text(name))


@lru_cache(maxsize=8192)
def node_box(label: str, shape: str, font_size: float, border: float = 1.0) -> tuple[float, float, float]:
    """``(width, height, dy)`` of a node's drawing: its shape and its (already wrapped) label.

    ``dy`` is how far the box's centre lies below the node's position (a label
    under a dot pulls it down). ``border`` is the border width (half of it
    lies outside the shape).

    >>> node_box("A", "ellipse", 18)[1], node_box("", "box", 18)[:2]
    (37.0, (25.0, 25.0))
    """
    lines = label.split("\n") if label else []
    tw = max((text_width(line, font_size) for line in lines), default=0.0)
    th = len(lines) * float(font_size)
    if tw == 0:
        tw = th = _EMPTY
    if shape in INSIDE_SHAPES:
        if shape == "ellipse":
            w, h = tw + th, 2 * th
        elif shape == "circle":
            w = h = max(tw, th) + 2 * _MARGIN
        else:
            w, h = tw + 2 * _MARGIN, th + 2 * _MARGIN
        return round(w + border, 2), round(h + border, 2), 0.0
    if not label:
        th = 0.0
    size = NODE_SIZE + border / 2
    gap = label_gap(font_size) if label else 0.0
    return round(max(2 * size, tw), 2), round(2 * size + gap + th, 2), round((gap + th) / 2, 2)


def label_gap(font_size: float) -> float:
    """The space vis-network 9.1.2 leaves between a shape and the label under it (measured: 13 at 18 px, 16 at 24 px).

    >>> label_gap(18), label_gap(24)
    (13.0, 16.0)
    """
    return 4.0 + float(font_size) / 2


def box_at(x: float, y: float, box: tuple[float, float, float]) -> Box:
    """The :class:`Box` of a node at ``(x, y)`` with ``node_box`` result ``box``.

    >>> box_at(0, 0, (10.0, 20.0, 5.0))
    Box(left=-5.0, top=-5.0, right=5.0, bottom=15.0)
    """
    w, h, dy = box
    return Box(x - w / 2, y + dy - h / 2, x + w / 2, y + dy + h / 2)


def name_candidates(structure: Structure, entity_id: str, langs: Iterable[str] = LANGS) -> set[str]:
    """Every name the map can write for an entity in ``langs`` (Swedish and English): its name and, for a person,
    what hiding persons shows.

    A person hidden (:func:`lsgmap.draw.view.display_names`) is named by a role they
    hold on the day, or by the word "Person".

    >>> from lsgmap.dataset.load import load
    >>> sorted(name_candidates(load(), "ida_malmberg"))[:3]
    ['Ida Malmberg', 'Person', 'Process leader, LSGs of southern Sörmland']
    """
    entities = structure.entities
    e = entities[entity_id]
    names = {e.name(lang) for lang in langs}
    if e.kind == "person":
        names |= {ENTITY_KINDS["person"].label(lang) for lang in langs}
        for r in structure.relations_of(entity_id):
            if r.relation == HOLDING and r.from_id == entity_id and r.to_id in entities:
                names |= {entities[r.to_id].name(lang) for lang in langs}
    return names


def entity_boxes(
    structure: Structure, ids: Iterable[str], font_size: float = 18, border: float = 2.0, langs: Iterable[str] = LANGS,
) -> dict[str, tuple[float, float, float]]:
    """``{id: (width, height, dy)}``: room for every name an entity can be drawn with in ``langs`` (:func:`name_candidates`),
    over all dates.

    The widest and the tallest of the candidates' boxes, with room for a
    ``border`` of 2 (a fact without a source); the thicker border of a mark or
    a highlight (6) fits in the layout's margins.

    >>> from lsgmap.dataset.load import load
    >>> entity_boxes(load(), ["lsg_trosa"])["lsg_trosa"]
    (110.94, 38.0, 0.0)
    """
    out = {}
    for i in ids:
        kind = ENTITY_KINDS.get(structure.entities[i].kind)
        shape = kind.shape if kind else "dot"
        boxes = [node_box(label_text(name), shape, font_size, border) for name in name_candidates(structure, i, langs)]
        out[i] = (max(b[0] for b in boxes), max(b[1] for b in boxes), max(b[2] for b in boxes))
    return out


def boxes_of(els: Any) -> dict[str, Box]:
    """``{node id: Box}`` of every node ``els`` (:func:`lsgmap.draw.elements.elements`) draws, label included.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.elements import elements
    >>> from lsgmap.draw.layout.positions import layered_positions
    >>> from lsgmap.draw.view import View
    >>> s = load()
    >>> boxes = boxes_of(elements(s, View(on="2017-03-01"), layered_positions(s)))
    >>> boxes["rar"].height
    47.0
    """
    out = {}
    for n in els.nodes:
        border = 6.0 if n.border else (2.0 if not n.attested else 1.0)
        out[n.id] = box_at(n.x, n.y, node_box(map_label(n.label), n.shape, n.font_size, border))
    return out


def overlaps(boxes: Mapping[str, Box]) -> list[tuple[str, str]]:
    """The pairs of ids whose boxes share area (touching edges do not count), sorted.

    A sweep over the boxes in order of their left edge: n log n plus the pairs met.

    >>> overlaps({"a": Box(0, 0, 10, 10), "b": Box(10, 0, 20, 10)})
    []
    """
    order = sorted(boxes.items(), key=lambda item: item[1].left)
    found = []
    active: list[tuple[str, Box]] = []
    for key, box in order:
        active = [(k, b) for k, b in active if b.right > box.left]
        found.extend(tuple(sorted((k, key))) for k, b in active if b.top < box.bottom and box.top < b.bottom)
        active.append((key, box))
    return sorted(found)


def bounds(boxes: Iterable[Box]) -> Box:
    """The smallest :class:`Box` around ``boxes`` (a zero box when there are none)."""
    boxes = list(boxes)
    if not boxes:
        return Box(0.0, 0.0, 0.0, 0.0)
    return Box(min(b.left for b in boxes), min(b.top for b in boxes), max(b.right for b in boxes), max(b.bottom for b in boxes))


def fit_scale(box: Box, frame_w: float, frame_h: float, padding: float = 1.0) -> float:
    """Screen pixels per layout unit when ``box`` is fitted to a frame (``padding`` 1.1 is vis-network's ``fit()``).

    >>> fit_scale(Box(0, 0, 2600, 520), 1300, 520)
    0.5
    """
    w, h = max(box.width, 1e-9) * padding, max(box.height, 1e-9) * padding
    return min(frame_w / w, frame_h / h)


def label_px(box: Box | Mapping[str, Box], frame_w: float, frame_h: float, font_size: float = 18, padding: float = 1.0) -> float:
    """How many screen pixels high a label line is when ``box`` (or the bounds of boxes) fills the frame.

    >>> label_px(Box(0, 0, 1300, 260), 1300, 520, 18)
    18.0
    """
    if not isinstance(box, Box):
        box = bounds(box.values())
    return round(font_size * fit_scale(box, frame_w, frame_h, padding), 2)
