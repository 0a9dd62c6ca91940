"""A layout whose labels can be read: each entity on a place of its own when that is legible, else places shared
over time, else persons (then assignments, then teams) folded behind the groups and roles they belong to.

A map of one association of a national dataset holds every entity of every year (225 on the largest, 108 of them
persons). Laid out one place each, its labels come out 2–5 px high in the map's frame. Two steps make it readable,
each taken only when the one before is not enough:

1. entities of one kind that never exist on the same day share a place (:func:`lsgmap.draw.layout.positions.shared_places`):
   the map stands still as the date moves, and holds the day's entities, not the years';
2. persons are folded: they are not drawn, the groups and roles they belong to are, and their members are one click
   away (the details) or found by a search (the searched entity's neighbourhood is laid out alone); when that is not
   enough, assignments too (their givers are drawn), then teams (their projects are).

Examples
--------
>>> from lsgmap.dataset.load import load
>>> s = load()
>>> fit = legible_layout(s)
>>> fit.folded, fit.shared, fit.label_px >= LEAST_LABEL_PX
(frozenset(), False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsgmap.draw.layout.label_boxes import label_px
from lsgmap.draw.layout.positions import FRAME, layered_positions, layout_bounds

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["Legible", "legible_layout", "LEAST_LABEL_PX", "FOLDS", "KARTA_FRAME"]

#: the least label height (CSS px) a map in Karta's frame should have: 12 px read from the back of a meeting room,
#: and half a pixel to spare (the browser's frame is a few pixels taller or shorter with the notices above it)
LEAST_LABEL_PX = 12.5
#: Karta's map at 1366 × 768 (CSS px, measured in chromium): what the labels are measured in
KARTA_FRAME = (1318.0, 500.0)
#: the kinds folded behind their groups, step by step, when sharing places is not enough
FOLDS = (("person",), ("person", "assignment"), ("person", "assignment", "team"))


@dataclass(frozen=True)
class Legible:
    """A layout and what it leaves out: ``positions`` of every entity drawn, ``folded`` the entities not drawn (their
    groups are), ``shared`` whether entities share places over time, ``label_px`` the labels' height in the frame."""

    positions: dict[str, tuple[float, float]]
    folded: frozenset[str]
    shared: bool
    label_px: float


def legible_layout(structure: Structure, *, frame: tuple[float, float] = KARTA_FRAME, least: float = LEAST_LABEL_PX, lang: str | None = None) -> Legible:
    """The first layout (one place each, shared places, then the kinds of :data:`FOLDS` folded) whose labels are at
    least ``least`` px high in ``frame``; the last when none is. With ``lang`` each node has room for its names in
    that language only (:func:`lsgmap.draw.layout.positions.layered_positions`).

    >>> from lsgmap.dataset.load import load
    >>> fit = legible_layout(load(), least=100)  # nothing is that legible: persons folded
    >>> fit.shared, sorted(fit.folded)[:1], "ida_malmberg" in fit.positions
    (True, ['ida_malmberg'], False)
    """
    every = frozenset(structure.entities)
    folds = [frozenset(i for i in every if structure.entities[i].kind in kinds) for kinds in FOLDS]
    fit = None
    steps = [(False, frozenset()), (True, frozenset())]
    steps += [(True, fold) for fold in dict.fromkeys(folds) if fold]  # a fold that leaves out nothing more is not tried again
    for share, left_out in steps:
        drawn = every - left_out
        positions = layered_positions(structure, only=None if not left_out else drawn, share=share, lang=lang, frame=FRAME)
        px = label_px(layout_bounds(structure, positions, only=drawn, lang=lang), *frame, 18) if drawn else 0.0
        fit = Legible(positions, left_out, share, px)
        if px >= least:
            break
    return fit
