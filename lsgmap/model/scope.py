"""One coordination association at a time: the part of a national dataset that belongs to it.

A national dataset holds some 80 coordination associations (samordningsförbund)
and 11 000 entities: drawn at once it is a smear. The app lets the reader
choose an association first; its part is the association and everything
reached from it through relations (and events) at any date, stopping at what associations
share (other associations, national funders and agencies, regions) and at
persons, who may work for several: these are included, not followed further.

>>> from lsgmap.dataset.load import load
>>> s = load()
>>> associations(s)
['rar']
>>> part = scope_of(s, "rar")
>>> {"lsg_trosa", "tris", "kommun_trosa"} <= part, len(part) == len(s.entities)
(True, True)
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["ASSOCIATION_KIND", "SHARED_KINDS", "Association", "associations", "scope_of", "overview"]

#: the entity kind of a coordination association
ASSOCIATION_KIND = "association"
#: kinds several associations share (and persons, who may work for several): included in a part, not followed further
SHARED_KINDS = frozenset({ASSOCIATION_KIND, "funder", "agency", "region", "person"})


def associations(structure: Structure) -> list[str]:
    """The ids of the coordination associations, by name."""
    return sorted((e.id for e in structure.entities.values() if e.kind == ASSOCIATION_KIND), key=lambda i: structure.name(i).casefold())


def scope_of(structure: Structure, association_id: str) -> frozenset[str]:
    """The entity ids of ``association_id``'s part of the dataset (all dates)."""
    partners: dict[str, set[str]] = {}  # an event's originals and results belong together (a merged region, a renamed LSG)
    for e in structure.events.values():
        for i in (*e.originals, *e.results):
            partners.setdefault(i, set()).update(e.originals, e.results)
    seen = {association_id}
    queue = deque([association_id])
    while queue:
        current = queue.popleft()
        if current != association_id and structure.entities[current].kind in SHARED_KINDS:
            neighbours = partners.get(current, set())  # a shared actor brings only its predecessors and successors
        else:
            neighbours = {i for r in structure.relations_of(current) for i in (r.from_id, r.to_id)} | partners.get(current, set())
        for other in neighbours:
            if other not in seen and other in structure.entities:
                seen.add(other)
                queue.append(other)
    return frozenset(seen)


@dataclass(frozen=True)
class Association:
    """A line of the overview: an association, the size of its part and its changes."""

    id: str
    name: str
    entities: int
    lsgs: int
    events: int
    first: str
    last: str


def overview(structure: Structure, lang: str = "sv") -> list[Association]:
    """Every association with the number of entities, LSGs and events in its part, and the span of its events.

    >>> from lsgmap.dataset.load import load
    >>> [(a.id, a.lsgs, a.events) for a in overview(load())]
    [('rar', 6, 4)]
    """
    out = []
    for a in associations(structure):
        part = scope_of(structure, a)
        events = [e for e in structure.events_in_order if set(e.originals) & part or set(e.results) & part]
        out.append(
            Association(
                a, structure.name(a, lang), len(part), sum(1 for i in part if structure.entities[i].kind == "lsg"), len(events),
                events[0].date if events else "", events[-1].date if events else "",
            )
        )
    return out
