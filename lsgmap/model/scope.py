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

:func:`part_of` makes the part a :class:`~lsgmap.model.structure.Structure` of its own (made once
per association and kept by the whole): everything a page or a command does for one association
(its snapshots and attestation, events, change days, names, budget) then costs what the
association holds, not what the country holds.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from threading import Lock
from typing import TYPE_CHECKING

from lsgmap.model.records import Parsed

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["ASSOCIATION_KIND", "SHARED_KINDS", "Association", "associations", "scope_of", "part_of", "overview"]

#: the entity kind of a coordination association
ASSOCIATION_KIND = "association"
#: kinds several associations share (and persons, who may work for several): included in a part, not followed further
SHARED_KINDS = frozenset({ASSOCIATION_KIND, "funder", "agency", "region", "person"})


def associations(structure: Structure) -> list[str]:
    """The ids of the coordination associations, by name."""
    return sorted((e.id for e in structure.entities.values() if e.kind == ASSOCIATION_KIND), key=lambda i: structure.name(i).casefold())


def _partners(structure: Structure) -> dict[str, set[str]]:
    """Each entity named by an event with the others it names: an event's originals and results belong together
    (a merged region, a renamed LSG). Made once per structure."""
    found = structure.__dict__.get("_scope_partners")
    if found is None:
        found = {}
        for e in structure.events.values():
            for i in (*e.originals, *e.results):
                found.setdefault(i, set()).update(e.originals, e.results)
        structure.__dict__["_scope_partners"] = found
    return found


def scope_of(structure: Structure, association_id: str) -> frozenset[str]:
    """The entity ids of ``association_id``'s part of the dataset (all dates)."""
    partners = _partners(structure)
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


_PARTS_LOCK = Lock()  # sessions of the app share one structure: one part is made once, not once per session


def part_of(structure: Structure, association_id: str) -> Structure:
    """``association_id``'s part (:func:`scope_of`) as a structure of its own: its entities, the relations between
    them, the events that name them, the sources, documents, budget lines and conflicts these cite. Made on first use
    and kept by ``structure`` (do not modify it); its ``version`` names the association, its opening day is the whole's.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> rar = part_of(s, "rar")
    >>> rar is part_of(s, "rar"), len(rar.relations) == len(s.relations), rar.default == s.default, rar.root
    (True, True, True, 'rar')
    """
    parts = structure.__dict__.setdefault("_scope_parts", {})
    with _PARTS_LOCK:
        found = parts.get(association_id)
        if found is None:
            found = parts[association_id] = _make_part(structure, association_id)
    return found


def _make_part(structure: Structure, association_id: str) -> Structure:
    from lsgmap.model.structure import Structure  # the module imports this one's callers, not this one

    ids = scope_of(structure, association_id)
    order = structure.file_order
    relations = [r.id for i in ids for r in structure.outgoing(i) if r.to_id in ids]  # through the adjacency: what the part holds
    entities = {i: structure.entities[i] for i in sorted(ids, key=order.__getitem__)}
    relations = {k: structure.relations[k] for k in sorted(relations, key=order.__getitem__)}
    events = {e.id: e for e in structure.events_in_order if any(i in ids for i in (*e.originals, *e.results))}
    budget = sorted((line for r in relations for line in structure.budget_of(r)), key=lambda line: line.line)
    conflicts = structure.conflicts_of_all([*entities, *relations, *events])
    cited = {sid for group in (entities.values(), relations.values(), events.values(), budget, conflicts) for x in group for sid in x.sources}
    sources = {k: structure.sources[k] for k in sorted(cited & structure.sources.keys(), key=order.__getitem__)}
    kept = {src.document for src in sources.values()}
    documents = {k: v for k, v in structure.documents.items() if k in kept}
    parsed = Parsed(documents=documents, sources=sources, entities=entities, relations=relations, events=events, budget=budget,
                    conflicts=sorted(conflicts, key=lambda c: c.line))
    part = Structure(structure.path, parsed, f"{structure.version}#{association_id}", root=association_id, default_date=structure._declared_default)
    part.__dict__["default"] = structure.default  # the whole's opening day: every association opens on the same date
    part.attestation_from = structure  # a person is attested by a source of another association too
    return part


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
