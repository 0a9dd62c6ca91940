"""The layout as it was before label boxes (lsgmap/layout.py at 34a5bbf): the baseline bench_layout.py compares with.

Fixed spacing (170 × 160), wide layers staggered, barycentre sweeps over the nearest layer only. Not used by lsgmap.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model import Structure

__all__ = ["layered_positions", "layer_of"]



def layer_of(kind: str) -> int:
    """The layer (0 = top) of an entity kind; unknown kinds go below all others.

    >>> layer_of("association"), layer_of("lsg"), layer_of("no such kind")
    (0, 2, 7)
    """
    known = ENTITY_KINDS.get(kind)
    if known is not None:
        return known.layer
    return max(k.layer for k in ENTITY_KINDS.values()) + 1


def layered_positions(
    structure: Structure,
    *,
    spacing_x: float = 170.0,
    spacing_y: float = 160.0,
    sweeps: int = 4,
    max_row: int = 7,
    stagger: float = 0.5,
    only: frozenset[str] | set[str] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions ``{entity id: (x, y)}`` for every entity of every date (of ``only``, when given: one association's part).

    Parameters
    ----------
    structure : Structure
        The loaded dataset (all dates are used, so the result is date-free).
    spacing_x, spacing_y : float
        Least horizontal distance between two nodes of a layer; distance between layers.
    sweeps : int
        Number of barycentre sweeps (down, up, down, …) that order each layer.
    max_row, stagger : int, float
        A layer with more than ``max_row`` nodes alternates between two rows
        (the second ``stagger * spacing_y`` lower) at half the spacing, so
        wide layers take half the width and labels still do not overlap.
    only : set of entity ids, optional
        Lay out these alone (:func:`lsgmap.scope.scope_of`: one association), so they fill the frame.

    Examples
    --------
    >>> from lsgmap.model import BUNDLED_DATA, load
    >>> pos = layered_positions(load(BUNDLED_DATA))
    >>> pos == layered_positions(load(BUNDLED_DATA))
    True
    """
    entities = structure.entities
    ids = sorted(entities if only is None else (i for i in only if i in entities))
    layer = {i: layer_of(entities[i].kind) for i in ids}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for rel in structure.relations.values():
        a, b = rel.from_id, rel.to_id
        if a in layer and b in layer and a != b and layer[a] != layer[b]:
            neighbours[a].append(b)
            neighbours[b].append(a)

    followers = _followers(structure, layer)  # node -> nodes it is placed from
    followers_set = set(followers)
    layers: dict[int, list[str]] = defaultdict(list)
    for i in ids:
        layers[layer[i]].append(i)
    levels = sorted(layers)

    # Ordering: each layer is a list of "units"; a unit is a node, or a node
    # together with the nodes that follow it (they share its neighbours).
    units = {lv: _units(layers[lv], followers, followers_set) for lv in levels}
    above = {n: _nearest(n, neighbours, layer, above=True) for n in ids}
    below = {n: _nearest(n, neighbours, layer, above=False) for n in ids}
    rank: dict[str, float] = {}
    for lv in levels:
        _assign_ranks(units[lv], rank)
    for sweep in range(sweeps):
        order = levels if sweep % 2 == 0 else list(reversed(levels))
        near, far = (above, below) if sweep % 2 == 0 else (below, above)
        for lv in order[1:]:
            units[lv] = _sort_units(units[lv], rank, near, far)
            _assign_ranks(units[lv], rank)

    # Coordinates: top layer centred, each next layer pulled under its neighbours above.
    x: dict[str, float] = {}
    y: dict[str, float] = {}
    for lv in levels:
        keyed = []
        for idx, unit in enumerate(units[lv]):
            members = list(unit)
            wishes = {n: _mean([x[m] for m in above[n] if m in x]) for n in members}
            known = [w for w in wishes.values() if w is not None]
            keyed.append((_mean(known) is None, _mean(known) or 0.0, idx, members, wishes))
        keyed.sort(key=lambda k: k[:3])
        slotted = [n for k in keyed for n in k[3]]
        wanted = [k[4][n] for k in keyed for n in k[3]]
        staggered = len(slotted) > max_row
        gap = spacing_x / 2 if staggered else spacing_x
        base_y = lv * spacing_y
        for index, (n, px) in enumerate(zip(slotted, _compact(wanted, gap), strict=True)):
            x[n] = px
            y[n] = base_y + (stagger * spacing_y if staggered and index % 2 else 0.0)
        _move_followers(structure, slotted, followers, x, y, gap)
    return {i: (round(x.get(i, 0.0), 2), round(y.get(i, layer[i] * spacing_y), 2)) for i in ids}


def _followers(structure: Structure, layer: dict[str, int]) -> dict[str, tuple[str, ...]]:
    """Nodes placed from other nodes of the same layer via events: {follower: (bases…)}."""
    out: dict[str, tuple[str, ...]] = {}
    for ev in structure.events_in_order:
        kind = EVENT_KINDS.get(ev.kind)
        if kind is None:
            continue
        if kind.results_follow:
            bases, follow = ev.originals, ev.results
        elif kind.originals_follow:
            bases, follow = ev.results, ev.originals
        else:
            continue
        for f in follow:
            same = tuple(b for b in bases if b in layer and f in layer and layer[b] == layer[f] and b != f)
            if same and f not in out:
                out[f] = same
    # break cycles: a base may not itself follow one of its followers
    for f in list(out):
        out[f] = tuple(b for b in out[f] if f not in out.get(b, ()))
        if not out[f]:
            del out[f]
    return out


def _units(nodes: list[str], followers: dict[str, tuple[str, ...]], followers_set: set[str]) -> list[list[str]]:
    """Group a layer's nodes into units: bases that share followers stay next to each other."""
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for f, bases in followers.items():
        if f not in parent:
            continue
        for b in bases:
            if b in parent:
                parent[find(b)] = find(f)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        groups[find(n)].append(n)
    return [g if len(g) == 1 else _unit_order(g, followers) for g in sorted(groups.values(), key=min)]


def _unit_order(group: list[str], followers: dict[str, tuple[str, ...]]) -> list[str]:
    """Bases in id order, each follower between its bases (so a merged group gets the middle slot)."""
    key = {n: float(i) for i, n in enumerate(sorted(n for n in group if n not in followers))}
    pending = [n for n in group if n in followers]
    for _ in range(len(pending) + 1):
        for f in pending:
            known = [key[b] for b in followers[f] if b in key]
            if known:
                key[f] = sum(known) / len(known)
        pending = [f for f in pending if f not in key]
        if not pending:
            break
    return sorted(group, key=lambda n: (key.get(n, float(len(group))), n in followers, n))


def _assign_ranks(units: list[list[str]], rank: dict[str, float]) -> None:
    pos = 0
    for unit in units:
        for n in unit:
            rank[n] = float(pos)
            pos += 1


def _sort_units(units, rank, near: dict[str, list[str]], far: dict[str, list[str]]) -> list[list[str]]:
    """Stable sort of units by the mean rank of their ``near`` neighbours (the nearest layer on the sweep's side)."""
    keyed = []
    for idx, unit in enumerate(units):
        vals = [rank[m] for n in unit for m in near[n]]
        if not vals:  # fall back to the other side, then to the current order
            vals = [rank[m] for n in unit for m in far[n]]
        bary = sum(vals) / len(vals) if vals else float("inf")
        keyed.append((bary, idx, unit))
    # units without neighbours keep their relative order at the end
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [u for _, _, u in keyed]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _nearest(n: str, neighbours, layer, *, above: bool) -> list[str]:
    """The neighbours of ``n`` in the nearest layer above (or below) that has any."""
    lv = layer[n]
    side = [m for m in neighbours.get(n, ()) if (layer[m] < lv if above else layer[m] > lv)]
    if not side:
        return side
    best = max(layer[m] for m in side) if above else min(layer[m] for m in side)
    return [m for m in side if layer[m] == best]


def _compact(wanted: list[float | None], gap: float) -> list[float]:
    """x for nodes in order: as near as possible to ``wanted``, at least ``gap`` apart.

    >>> _compact([0.0, 0.0, None], 10.0)
    [-5.0, 5.0, 15.0]
    """
    n = len(wanted)
    if n == 0:
        return []
    # nodes without a wish are spread evenly between their neighbours' wishes
    filled: list[float] = []
    last = None
    for w in wanted:
        last = (last + gap if last is not None else 0.0) if w is None else max(w, last + gap if last is not None else w)
        filled.append(last)
    # shift so the layer sits centred on its wishes (or on 0 when there are none)
    known = [(f, w) for f, w in zip(filled, wanted, strict=True) if w is not None]
    if known:
        shift = sum(w - f for f, w in known) / len(known)
    else:
        shift = -(filled[0] + filled[-1]) / 2
    return [round(f + shift, 2) for f in filled]


def _move_followers(structure: Structure, layer_nodes: list[str], followers, x: dict[str, float], y: dict[str, float], gap: float) -> None:
    """Move each follower (merger result, split original) to the mean x of its bases if no node alive at the same time stands there.

    Every node first has a slot of its own, so a follower that cannot move keeps a free place.
    """
    entities = structure.entities
    in_layer = set(layer_nodes)
    for f, bases in followers.items():
        if f not in in_layer:
            continue
        placed = [x[b] for b in bases if b in x]
        if not placed:
            continue
        target = round(sum(placed) / len(placed), 2)
        target_y = sum(y[b] for b in bases if b in x) / len(placed)
        if target == x[f]:
            continue
        me = entities[f]
        clash = any(
            m != f
            and abs(x[m] - target) < gap / 2
            and abs(y[m] - target_y) < 1
            and entities[m].start <= me.end
            and me.start <= entities[m].end
            for m in layer_nodes
        )
        if not clash:
            x[f], y[f] = target, target_y
