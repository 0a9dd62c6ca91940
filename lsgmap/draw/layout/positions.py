"""Stable positions for the structure map, computed once over all dates, with room for every label.

Nodes are placed in horizontal layers by ``ENTITY_KINDS[kind].layer`` (RAR and
its members at the top, then the LSGs, the municipalities, the projects and
steering groups, the roles, the persons), in the order
:func:`lsgmap.draw.layout.layer_order.order_layers` gives them (a municipality under the LSG
that covers it, few crossing lines). Every node gets the room its drawing
takes (:func:`lsgmap.draw.layout.label_boxes.entity_boxes`: its shape and the widest label
it can be drawn with, in either language, persons hidden or not): neighbours
in a layer stand their half widths plus a margin apart, and a layer starts a
margin below the tallest drawing of the layer above. So no two drawings meet
on any date, and the whole picture is as wide and short as a map frame
(``frame``, 1300 × 520 by default): a layer too wide for it alternates between
two rows only when that lets the labels come out larger, and spare height goes
between the layers.

Restructuring events keep the picture still as time moves: the result of a
merger stands at the mean x of its originals, which keep their own places (it
shares their space: they are never drawn on the same day); a split does the
reverse. Because the positions do not depend on the date, every other node
stays where it is when the date control moves. The map is fitted to
:func:`layout_bounds` (the same on every date) and its labels are
:func:`lsgmap.draw.layout.label_boxes.label_px` pixels high.

The layout is deterministic and close to linear in the number of relations (no
spring layout), so it stays fast on a national dataset.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> pos = layered_positions(s)
>>> pos["rar"][1] < pos["lsg_trosa"][1] < pos["kommun_trosa"][1]
True
>>> pos["lsg_trosa_gnesta"][0] == (pos["lsg_trosa"][0] + pos["lsg_gnesta"][0]) / 2
True
>>> from lsgmap.draw.layout.label_boxes import label_px
>>> label_px(layout_bounds(s, pos), 1300, 520, 18) >= 14
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsgmap.draw.layout.label_boxes import INSIDE_SHAPES, Box, bounds, box_at, entity_boxes, label_text, node_box, overlaps
from lsgmap.draw.layout.layer_order import LayerGraph, crossings, layer_of, order_layers
from lsgmap.vocab import ENTITY_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["layered_positions", "shared_places", "layer_of", "layout_bounds", "picture_boxes", "crossings", "FRAME", "MARGIN_X", "MARGIN_Y", "CLEARANCE"]

#: the map's frame on a 1366 × 768 screen (CSS px): the layout's aspect
FRAME = (1300.0, 520.0)
#: least room between two drawings side by side, and between two rows (layout units)
MARGIN_X = 16.0
MARGIN_Y = 10.0
#: room each side of a node of a picture (:func:`picture_boxes`), a share of the font size
CLEARANCE = 0.15
_MAX_GAP_Y = 120.0  # spare height beyond this between two rows is left out


def layered_positions(
    structure: Structure,
    *,
    spacing_x: float = 0.0,
    spacing_y: float | None = None,
    sweeps: int = 8,
    max_row: int | None = None,
    stagger: float = 0.5,
    only: frozenset[str] | set[str] | None = None,
    font_size: float = 18,
    frame: tuple[float, float] = FRAME,
    transpose: bool = False,
    most_rows: int = 2,
    labels: Mapping[str, str] | None = None,
    share: bool = False,
    lang: str | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions ``{entity id: (x, y)}`` for every entity of every date (of ``only``, when given: one association's part).

    Parameters
    ----------
    structure : Structure
        The loaded dataset (all dates are used, so the result is date-free).
    spacing_x : float
        Least horizontal distance between the centres of two nodes of a row (besides the room their drawings take).
    spacing_y : float, optional
        Least distance between the first rows of two layers (default: what the drawings need, plus spare height).
    sweeps, transpose : int, bool
        Barycentre sweeps and swaps of neighbours that order each layer (:func:`lsgmap.draw.layout.layer_order.order_layers`).
    max_row, stagger : int or None, float
        A layer with more than ``max_row`` nodes alternates between two rows; None (default): a layer does
        so when that makes the labels larger in ``frame``. The second row stands at least ``stagger * spacing_y`` lower.
    most_rows : int
        The most rows a layer may take when ``max_row`` is None (2 on the live map; a slide, taller than it is
        wide for its labels, lets a layer of nine municipalities take three rows of three).
    labels : {entity id: label}, optional
        The labels one picture draws (one language, one day): each node gets the room of its own label only
        (:func:`picture_boxes`) instead of the room of every name it can have. For a picture that never changes (a slide).
    only : set of entity ids, optional
        Lay out these alone (:func:`lsgmap.model.scope.scope_of`: one association), so they fill the frame.
    font_size : float
        The labels' size (18 on the map, 24 on the projector): the room each node gets.
    frame : (width, height)
        The frame the map is fitted to: the picture's aspect.
    share : bool
        Entities of one kind that never exist on the same day share a place (:func:`shared_places`): a part with
        many entities over the years but few on any one day is laid out for the day's few, and still stands still
        as the date moves.
    lang : str, optional
        Room for the names of this language only (a map drawn in one language; default: both, so the layout
        does not move when the language changes).

    Examples
    --------
    >>> from lsgmap.dataset.load import BUNDLED_DATA, load
    >>> pos = layered_positions(load(BUNDLED_DATA))
    >>> pos == layered_positions(load(BUNDLED_DATA))
    True
    """
    places = shared_places(structure, structure.entities if only is None else only) if share else {}
    graph = LayerGraph.of(structure, only, places)
    units = order_layers(graph, sweeps, transpose)
    members = [i for i in (structure.entities if only is None else only) if i in structure.entities]
    every = _boxes(structure, members, font_size, labels, lang)
    sizes = _room_of_places(every, places)
    plan = _Plan(structure, graph, sizes, spacing_x, _periods(structure, members, places))
    orders = {lv: [n for unit in layer_units for n in unit] for lv, layer_units in units.items()}
    rows = _rows(plan, orders, max_row, frame, most_rows)
    plan.tops = _row_tops(plan, rows, MARGIN_Y, spacing_y, stagger)
    x: dict[str, float] = {}
    y: dict[str, float] = {}
    window = max((_min_width(plan, _slotted(plan, order), rows[lv]) for lv, order in orders.items()), default=0.0)
    for lv, layer_units in units.items():
        _place_layer(plan, [n for unit in layer_units for n in unit], rows[lv], window, x, y)
    width = bounds(plan.box(n, x[n], y[n]) for n in graph.ids).width if graph.ids else 0.0
    gap = _spare_gap(plan, rows, width, frame)
    if gap > MARGIN_Y:
        final = _row_tops(plan, rows, gap, spacing_y, stagger)
        y = {n: y[n] + final[plan.row_of[n]] - plan.tops[plan.row_of[n]] for n in y}
    return {i: (round(x[p], 2), round(y[p], 2)) for i in members for p in (places.get(i, i),)}


def shared_places(structure: Structure, ids) -> dict[str, str]:
    """``{entity id: the id whose place it takes}``: entities of one kind whose lifetimes never meet share one place.

    Each kind's entities, in order of their start, take the place whose last lifetime ended latest before they
    begin (a new place when none has); an entity in a restructuring event keeps a place of its own (the merger's
    glide needs it). Entities with no place to share are left out.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> places = shared_places(s, s.entities)
    >>> all(s.entities[i].kind == s.entities[p].kind and not (s.entities[i].start <= s.entities[p].end) for i, p in places.items())
    True
    """
    entities = structure.entities
    places: dict[str, str] = {}
    ends: dict[str, list[tuple[int, str]]] = {}  # kind -> [(last end, place)]
    for i in sorted((i for i in ids if i in entities), key=lambda i: (entities[i].start, entities[i].end, i)):
        e = entities[i]
        free = [(end, place) for end, place in ends.get(e.kind, []) if end < e.start]
        kind_places = ends.setdefault(e.kind, [])
        if free:
            end, place = max(free)
            kind_places.remove((end, place))
            places[i] = place
        else:
            place = i
        kind_places.append((e.end, place))
    return places


def _room_of_places(sizes: dict[str, tuple[float, float, float]], places: Mapping[str, str]) -> dict[str, tuple[float, float, float]]:
    """Each place's room: the widest, tallest drawing of the entities that take it."""
    out = dict(sizes)
    for i, place in places.items():
        w, h, dy = out[place]
        out[place] = (max(w, sizes[i][0]), max(h, sizes[i][1]), max(dy, sizes[i][2]))
    return out


def _periods(structure: Structure, ids, places: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """Each place's span: from the first start to the last end of the entities that take it."""
    out: dict[str, tuple[int, int]] = {}
    for i in ids:
        e, place = structure.entities[i], places.get(i, i)
        start, end = out.get(place, (e.start, e.end))
        out[place] = (min(start, e.start), max(end, e.end))
    return out


def layout_bounds(
    structure: Structure, positions: Mapping[str, tuple[float, float]], *, font_size: float = 18, only: frozenset[str] | set[str] | None = None,
    labels: Mapping[str, str] | None = None, lang: str | None = None,
) -> Box:
    """The box around every entity's drawing (all dates, every name it can have): what the map is fitted to.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> b = layout_bounds(s, layered_positions(s))
    >>> b.width > b.height > 0
    True
    """
    ids = [i for i in (structure.entities if only is None else only) if i in positions and i in structure.entities]
    sizes = _boxes(structure, ids, font_size, labels, lang)
    return bounds(box_at(*positions[i], sizes[i]) for i in ids)


def _boxes(structure: Structure, ids, font_size: float, labels: Mapping[str, str] | None, lang: str | None) -> dict[str, tuple[float, float, float]]:
    """Each node's room: for the ``labels`` of one picture, else for every name it can have (in ``lang``, else in both)."""
    if labels is not None:
        return picture_boxes(structure, labels, ids, font_size)
    return entity_boxes(structure, ids, font_size) if lang is None else entity_boxes(structure, ids, font_size, langs=(lang,))


def picture_boxes(structure: Structure, labels: Mapping[str, str], ids, font_size: float = 18) -> dict[str, tuple[float, float, float]]:
    """``{id: (width, height, dy)}`` of each node's drawing with the label ``labels`` gives it (its name when none),
    with a clearance of :data:`CLEARANCE` of the font size on each side (at a picture's large font sizes the margins
    between nodes are a sliver of a letter; a picture's font hints to whole pixels).

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> picture_boxes(s, {"lsg_trosa": "LSG"}, ["lsg_trosa"])["lsg_trosa"][0] < entity_boxes(s, ["lsg_trosa"])["lsg_trosa"][0]
    True
    """
    out = {}
    for i in ids:
        kind = ENTITY_KINDS.get(structure.entities[i].kind)
        label = labels.get(i, structure.entities[i].name("sv"))
        w, h, dy = node_box(label_text(label), kind.shape if kind else "dot", font_size, 2.0)
        out[i] = (round(w + 2 * CLEARANCE * font_size, 2), h, dy)
    return out


@dataclass
class _Plan:
    """What placing needs: the graph, each node's room ``(width, height, dy)`` and the least centre distance."""

    structure: Structure
    graph: LayerGraph
    sizes: dict[str, tuple[float, float, float]]
    spacing_x: float
    periods: dict[str, tuple[int, int]]  #: each place's first start and last end

    def __post_init__(self) -> None:
        self.row_of: dict[str, tuple[int, int]] = {}  #: (layer, row) of each node placed
        self.tops: dict[tuple[int, int], float] = {}  #: top of each row
        entities, layer = self.structure.entities, self.graph.layer
        self.inside = {n for n in self.graph.ids if entities[n].kind in ENTITY_KINDS and ENTITY_KINDS[entities[n].kind].shape in INSIDE_SHAPES}
        self.tallest: dict[int, float] = {}
        self.inside_half: dict[int, float] = {}
        for n in self.graph.ids:
            lv, h = layer[n], self.sizes[n][1]
            self.tallest[lv] = max(self.tallest.get(lv, 0.0), h)
            if n in self.inside:
                self.inside_half[lv] = max(self.inside_half.get(lv, 0.0), h / 2)

    def box(self, n: str, x: float, y: float) -> Box:
        return box_at(x, y, self.sizes[n])

    def distance(self, a: str, b: str) -> float:
        """Least distance between the centres of ``a`` and ``b`` side by side."""
        return float(math.ceil(max((self.sizes[a][0] + self.sizes[b][0]) / 2 + MARGIN_X, self.spacing_x)))

    def sharing(self, order: list[str]) -> set[str]:
        """Followers of this layer whose bases are all in it: they may share their bases' space."""
        members = set(order)
        return {f for f in order if f in self.graph.followers and all(b in members for b in self.graph.followers[f])}


def _rows(plan: _Plan, orders: dict[int, list[str]], max_row: int | None, frame: tuple[float, float], most_rows: int = 2) -> dict[int, int]:
    """``{layer: rows}``: how many rows each layer takes (1 to ``most_rows``; with more than one its nodes take the rows in turn)."""
    rows = {lv: 1 for lv in orders}
    if max_row is not None:
        return {lv: 2 if len(order) > max_row else 1 for lv, order in orders.items()}
    slots = {lv: _slotted(plan, order) for lv, order in orders.items()}

    def score(rows: dict[int, int]) -> float:
        width = max((_min_width(plan, slots[lv], rows[lv]) for lv in slots), default=1.0)
        height = sum(_band(plan, slots[lv], rows[lv]) for lv in slots) + MARGIN_Y * (sum(rows.values()) - 1)
        return min(frame[0] / max(width, 1.0), frame[1] / max(height, 1.0))

    best = score(rows)
    while True:  # one more row for the widest layer, or for the k widest together when they are about as wide
        open_ = [lv for lv in slots if rows[lv] < most_rows and len(slots[lv]) > (3 if rows[lv] == 1 else 2 * rows[lv])]
        open_.sort(key=lambda lv: (-_min_width(plan, slots[lv], rows[lv]), lv))
        trials = [{**rows, **{lv: rows[lv] + 1 for lv in open_[:k]}} for k in range(1, len(open_) + 1)]
        scored = [(score(trial), -k, trial) for k, trial in enumerate(trials)]
        if not scored or max(scored, key=lambda item: item[:2])[0] <= best:
            return rows
        best, _, rows = max(scored, key=lambda item: item[:2])


def _slotted(plan: _Plan, order: list[str]) -> list[str]:
    """The nodes of a layer that need a slot of their own (not the followers that may share their bases' space)."""
    sharing = plan.sharing(order)
    return [n for n in order if n not in sharing]


def _min_width(plan: _Plan, order: list[str], rows: int = 1) -> float:
    """The least width a layer's slots take in ``rows`` rows (two rows: every other node in each; three: every third …)."""
    if not order:
        return 0.0
    per_row = [order[r::rows] for r in range(rows)]
    widths = []
    for row in per_row:
        if row:
            inner = sum(plan.distance(a, b) for a, b in zip(row, row[1:], strict=False))
            widths.append(inner + (plan.sizes[row[0]][0] + plan.sizes[row[-1]][0]) / 2)
    return max(widths) + (plan.sizes[order[0]][0] / 2 * (rows - 1) if rows > 1 else 0.0)


def _band(plan: _Plan, nodes: list[str], rows: int = 1) -> float:
    """The height one layer takes: its tallest drawing in each row (and a margin between its rows)."""
    if not nodes:
        return 0.0
    return rows * plan.tallest[plan.graph.layer[nodes[0]]] + MARGIN_Y * (rows - 1)


def _row_tops(plan: _Plan, rows: dict[int, int], gap: float, spacing_y: float | None, stagger: float) -> dict[tuple[int, int], float]:
    """``{(layer, row): top}``: each row starts ``gap`` below the tallest drawing of the layer above."""
    tops: dict[tuple[int, int], float] = {}
    top = 0.0
    previous_first = None
    for lv in sorted(rows):
        for r in range(rows[lv]):
            if r == 0 and spacing_y is not None and previous_first is not None:
                top = max(top, previous_first + spacing_y)
            if r == 1 and spacing_y is not None:
                top = max(top, tops[(lv, 0)] + stagger * spacing_y)
            tops[(lv, r)] = top
            if r == 0:
                previous_first = top
            top += plan.tallest[lv] + gap
    return tops


def _spare_gap(plan: _Plan, rows: dict[int, int], width: float, frame: tuple[float, float]) -> float:
    """The gap between rows that makes the picture as high as ``width`` allows in ``frame`` (at most ``_MAX_GAP_Y``)."""
    count = sum(rows.values())
    if count < 2:
        return MARGIN_Y
    used = sum(plan.tallest[lv] * r for lv, r in rows.items())
    spare = (width * frame[1] / frame[0]) * 0.98 - used
    return min(_MAX_GAP_Y, max(MARGIN_Y, spare / (count - 1)))


def _anchor(plan: _Plan, n: str, top: float) -> float:
    """y of ``n`` in a row starting at ``top``: shapes with their label inside are centred on the layer's tallest such
    shape, the others (label below) have their shapes' tops on the row's top."""
    if n in plan.inside:
        return top + plan.inside_half[plan.graph.layer[n]]
    return top + plan.sizes[n][1] / 2 - plan.sizes[n][2]


def _place_layer(plan: _Plan, order: list[str], rows: int, window: float, x: dict[str, float], y: dict[str, float]) -> None:
    """x and y of one layer's nodes: each under its neighbours above as far as room allows, followers over their bases.

    First every node has a slot of its own; then the followers that can stand over their bases give theirs up, and
    the layer is placed again (kept only if those followers still find room).
    """
    wishes = {n: _mean([x[m] for m in plan.graph.above[n] if m in x]) for n in order}
    first = _slots(plan, order, rows, wishes, window, x, y)
    moved = _move_followers(plan, order, first, x, y)
    if not moved:
        return
    saved = {n: (x[n], y[n], plan.row_of[n]) for n in order}
    slots = [n for n in order if n not in moved]
    _slots(plan, slots, rows, wishes, window, x, y)
    if _move_followers(plan, order, slots, x, y) != moved:
        for n, (px, py, row) in saved.items():
            x[n], y[n], plan.row_of[n] = px, py, row


def _slots(plan: _Plan, slots: list[str], rows: int, wishes, window: float, x: dict[str, float], y: dict[str, float]) -> list[str]:
    """Place ``slots`` in order (taking the rows in turn when ``rows`` > 1), inside ``window`` when they fit; returns them.

    Node ``i`` stands at least ``j / rows`` of its full distance right of node ``i - j`` (the full distance from the
    node before it in its own row), so the rows interleave like bricks.
    """
    lv = plan.graph.layer[slots[0]] if slots else 0
    need = []
    for i, n in enumerate(slots):
        need.append([(i - j, float(math.ceil(plan.distance(slots[i - j], n) * j / rows))) for j in range(1, rows + 1) if i >= j])
    xs = _compact([None if wishes[n] is None else float(round(wishes[n])) for n in slots], need)
    half = [plan.sizes[n][0] / 2 for n in slots]
    xs = _within(xs, half, window)
    for i, n in enumerate(slots):
        plan.row_of[n] = (lv, i % rows)
        x[n] = xs[i]
        y[n] = _anchor(plan, n, plan.tops[plan.row_of[n]])
    return slots


def _compact(wanted: list[float | None], need: list[list[tuple[int, float]]]) -> list[float]:
    """x for nodes in order: as near as possible to ``wanted``, node ``i`` at least ``d`` right of node ``j`` for
    each ``(j, d)`` in ``need[i]``; the row then sits centred on its wishes (or on 0 when there are none).

    With whole wishes and distances every x is whole (so a follower's mean x is exact).

    >>> _compact([0.0, 0.0, None], [[], [(0, 10.0)], [(1, 10.0)]])
    [-5.0, 5.0, 15.0]
    """
    filled: list[float] = []
    for i, w in enumerate(wanted):
        least = max((filled[j] + d for j, d in need[i]), default=None)
        if w is None:
            filled.append(least if least is not None else 0.0)
        else:
            filled.append(w if least is None else max(w, least))
    known = [(f, w) for f, w in zip(filled, wanted, strict=True) if w is not None]
    if known:
        shift = sum(w - f for f, w in known) / len(known)
    elif filled:
        shift = -(filled[0] + filled[-1]) / 2
    else:
        shift = 0.0
    return [f + round(shift) for f in filled]


def _within(xs: list[float], half: list[float], window: float) -> list[float]:
    """``xs`` shifted (by whole units) so the row's drawings lie within ``[-window / 2, window / 2]`` (centred when wider).

    >>> _within([90.0, 110.0], [10.0, 10.0], 100.0)
    [20.0, 40.0]
    """
    if not xs:
        return xs
    left = min(v - h for v, h in zip(xs, half, strict=True))
    right = max(v + h for v, h in zip(xs, half, strict=True))
    if right - left > window:
        shift = -(left + right) / 2
    elif left < -window / 2:
        shift = math.ceil(-window / 2 - left)
    elif right > window / 2:
        shift = math.floor(window / 2 - right)
    else:
        return xs
    return [v + round(shift) for v in xs]


def _move_followers(plan: _Plan, order: list[str], slots: list[str], x: dict[str, float], y: dict[str, float]) -> set[str]:
    """Move each follower (merger result, split original) over the mean x of its bases when its drawing meets
    no drawing of a node alive at the same time there; returns the followers moved (or already there)."""
    periods = plan.periods
    in_slots = set(slots)
    moved: set[str] = set()
    for f in plan.sharing(order):
        bases = plan.graph.followers[f]
        target = sum(x[b] for b in bases) / len(bases)
        row = plan.row_of[bases[0]]
        target_y = _anchor(plan, f, plan.tops[row])
        (start, end), mine = periods[f], plan.box(f, target, target_y)
        others = {m: plan.box(m, x[m], y[m]) for m in order if m != f and (m in in_slots or m in moved)
                  and periods[m][0] <= end and start <= periods[m][1]}
        if not any(pair for pair in overlaps({**others, f: mine}) if f in pair):
            x[f], y[f] = target, target_y
            plan.row_of[f] = row
            moved.add(f)
    return moved


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
