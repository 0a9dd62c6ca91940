"""The order of the nodes within each layer of the map, and how many edges cross.

The layers come from ``ENTITY_KINDS[kind].layer``. A layer is a list of
"units": a node, or the nodes a restructuring event ties together (a merger's
originals with its result between them), which move as one. Barycentre sweeps
(down, up, down, …) sort each layer by the mean place of its neighbours in
all the layers on the sweep's side (a place is the rank within its layer over
the layer's length, so layers of any length weigh alike); an optional
transpose pass swaps neighbouring units while that lowers the crossings counted
on ranks. A sweep is linear in the number of relations, so a national dataset
stays fast. :func:`crossings` counts the crossings of the lines drawn on a day.

>>> from lsgmap.dataset.load import load
>>> s = load()
>>> g = LayerGraph.of(s)
>>> g.layer["rar"], g.layer["lsg_trosa"], g.followers["lsg_trosa_gnesta"]
(0, 2, ('lsg_trosa', 'lsg_gnesta'))
>>> units = order_layers(g)
>>> [n for unit in units[0] for n in unit]
['rar']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["LayerGraph", "layer_of", "order_layers", "crossings", "edges_on"]


def layer_of(kind: str) -> int:
    """The layer (0 = top) of an entity kind; unknown kinds go below all others.

    >>> layer_of("association"), layer_of("lsg"), layer_of("no such kind")
    (0, 2, 7)
    """
    known = ENTITY_KINDS.get(kind)
    if known is not None:
        return known.layer
    return max(k.layer for k in ENTITY_KINDS.values()) + 1


@dataclass
class LayerGraph:
    """The entities to lay out, their layers, their neighbours (over all dates) and who follows whom."""

    ids: list[str]
    layer: dict[str, int]
    neighbours: dict[str, list[str]]
    followers: dict[str, tuple[str, ...]]  #: node -> the nodes of its layer it is placed from (via events)
    above: dict[str, list[str]]  #: neighbours in the layers above
    below: dict[str, list[str]]  #: neighbours in the layers below

    @classmethod
    def of(cls, structure: Structure, only: frozenset[str] | set[str] | None = None, places: Mapping[str, str] | None = None) -> LayerGraph:
        """The graph of every entity of every date (of ``only``, when given); with ``places`` (``{id: the id whose
        place it shares}``) an entity's relations are its place's, and only the places are nodes."""
        entities = structure.entities
        place = places or {}
        ids = sorted({place.get(i, i) for i in (entities if only is None else (i for i in only if i in entities))})
        layer = {i: layer_of(entities[i].kind) for i in ids}
        neighbours: dict[str, list[str]] = defaultdict(list)
        for rel in structure.relations.values():
            a, b = place.get(rel.from_id, rel.from_id), place.get(rel.to_id, rel.to_id)
            if a in layer and b in layer and a != b and layer[a] != layer[b]:
                neighbours[a].append(b)
                neighbours[b].append(a)
        above = {n: [m for m in neighbours.get(n, ()) if layer[m] < layer[n]] for n in ids}
        below = {n: [m for m in neighbours.get(n, ()) if layer[m] > layer[n]] for n in ids}
        return cls(ids, layer, neighbours, _followers(structure, layer), above, below)

    def levels(self) -> dict[int, list[str]]:
        """``{layer: [ids]}`` in id order."""
        out: dict[int, list[str]] = defaultdict(list)
        for i in self.ids:
            out[self.layer[i]].append(i)
        return dict(sorted(out.items()))


def order_layers(graph: LayerGraph, sweeps: int = 8, transpose: bool = False) -> dict[int, list[list[str]]]:
    """``{layer: [unit, …]}``: each layer's units in drawing order (left to right).

    ``sweeps`` barycentre sweeps; with ``transpose``, after every sweep, swaps
    of neighbouring units that lower the crossings counted on ranks (off by
    default: relations that span several layers cross where the ranks do not
    say, and on the bundled data the swaps added crossings).
    """
    layers = graph.levels()
    levels = list(layers)
    followers_set = set(graph.followers)
    units = {lv: _units(layers[lv], graph.followers, followers_set) for lv in levels}
    rank: dict[str, float] = {}
    for lv in levels:
        _assign_ranks(units[lv], rank)
    for sweep in range(sweeps):
        order = levels if sweep % 2 == 0 else list(reversed(levels))
        near, far = (graph.above, graph.below) if sweep % 2 == 0 else (graph.below, graph.above)
        for lv in order[1:]:
            units[lv] = _sort_units(units[lv], rank, near, far)
            _assign_ranks(units[lv], rank)
        if transpose:
            for lv in order:
                units[lv] = _transpose(units[lv], rank, graph)
    return units


def _transpose(units: list[list[str]], rank: dict[str, float], graph: LayerGraph, passes: int = 4) -> list[list[str]]:
    """Swap neighbouring units while that lowers their crossings with the layers above and below."""
    sides = {n: graph.neighbours.get(n, []) for unit in units for n in unit}
    for _ in range(passes):
        improved = False
        for i in range(len(units) - 1):
            left, right = units[i], units[i + 1]
            if _pair_crossings(right, left, rank, sides, graph.layer) < _pair_crossings(left, right, rank, sides, graph.layer):
                units[i], units[i + 1] = right, left
                _assign_ranks(units, rank, start=i, stop=i + 2)
                improved = True
        if not improved:
            break
    return units


def _pair_crossings(left: list[str], right: list[str], rank, sides, layer) -> int:
    """How many edges of ``left`` cross edges of ``right`` when ``left`` stands to the left (same far layer only)."""
    count = 0
    for a in left:
        for m in sides[a]:
            for b in right:
                count += sum(1 for k in sides[b] if layer[k] == layer[m] and rank[k] < rank[m])
    return count


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


def _assign_ranks(units: list[list[str]], rank: dict[str, float], start: int = 0, stop: int | None = None) -> None:
    """Places along the layer, ``(rank + 0.5) / length`` (recomputed from unit ``start`` to ``stop`` only, when given).

    >>> rank = {}
    >>> _assign_ranks([["a"], ["b", "c"], ["d"]], rank)
    >>> rank["a"], rank["d"]
    (0.125, 0.875)
    """
    total = sum(len(u) for u in units) or 1
    pos = sum(len(u) for u in units[:start])
    for unit in units[start:stop]:
        for n in unit:
            rank[n] = (pos + 0.5) / total
            pos += 1


def _sort_units(units, rank, near: dict[str, list[str]], far: dict[str, list[str]]) -> list[list[str]]:
    """Stable sort of units by the mean place of their ``near`` neighbours (the layers on the sweep's side)."""
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


def edges_on(structure: Structure, day: int) -> list[tuple[str, str]]:
    """The straight lines the map draws on ``day``: one ``(from, to)`` per pair of entities related that day."""
    snap = structure.snapshot(on=day)
    alive = snap.node_set
    pairs = {tuple(sorted((r.from_id, r.to_id))) for r in snap.relations() if r.from_id != r.to_id and r.from_id in alive and r.to_id in alive}
    return sorted(pairs)


def crossings(structure: Structure, positions: Mapping[str, tuple[float, float]], day: int) -> int:
    """How many pairs of the straight edges drawn on ``day`` cross (edges that share an end do not count).

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.layout.positions import layered_positions
    >>> s = load()
    >>> crossings(s, layered_positions(s), s.change_days[0]) >= 0
    True
    """
    segments = [(a, b, positions[a], positions[b]) for a, b in edges_on(structure, day) if a in positions and b in positions]
    segments.sort(key=lambda s: min(s[2][0], s[3][0]))
    count = 0
    for i, (a, b, p, q) in enumerate(segments):
        right = max(p[0], q[0])
        for c, d, r, t in segments[i + 1 :]:
            if min(r[0], t[0]) > right:
                break
            if len({a, b, c, d}) == 4 and _cross(p, q, r, t):
                count += 1
    return count


def _cross(p, q, r, t) -> bool:
    """True when segments p–q and r–t cross at a point inside both.

    >>> _cross((0, 0), (2, 2), (0, 2), (2, 0)), _cross((0, 0), (1, 1), (2, 2), (3, 0))
    (True, False)
    """

    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = side(r, t, p), side(r, t, q), side(p, q, r), side(p, q, t)
    return d1 * d2 < 0 and d3 * d4 < 0
