"""The structure over time: a networkx MultiDiGraph plus an interval index.

:func:`load` reads a dataset folder into a :class:`Structure`. Its ``graph``
holds every entity (node) and relation (edge, keyed by relation id) of all
dates. :meth:`Structure.snapshot` answers "what is valid on this day" from
numpy arrays of inclusive day intervals, without touching the graph, so it
stays fast enough for every slider move.

Examples
--------
>>> s = load(BUNDLED_DATA)
>>> "lsg_trosa" in s.snapshot(on="2016-11-01").node_ids
True
>>> "lsg_trosa" in s.snapshot(on="2017-03-01").node_ids
False
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from lsgmap.dates import OPEN_END, OPEN_START, Day, day_to_iso, interval_days, to_day, today
from lsgmap.errors import ERROR, Problem
from lsgmap.i18n import Message, msg
from lsgmap.model.attestation import NEVER, Attestation, attestation_of
from lsgmap.model.interval_index import IntervalIndex, WindowMask
from lsgmap.model.names import NameIndex
from lsgmap.model.records import BudgetLine, Conflict, DefaultDate, Document, Entity, Event, Parsed, Relation, Source

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.names import NameIndex

__all__ = ["Structure", "Snapshot", "conflict_items"]

class Structure:
    """Every entity, relation and event of a dataset, over all dates.

    The structure owns every index the library uses (intervals, adjacency by
    relation, names, events in order, citations); each is built once, on first
    use, and kept as long as the structure. Records are read-only.
    """

    def __init__(self, path: Path, parsed: Parsed, version: str = "", *, root: str | None = None, default_date: DefaultDate | None = None):
        self.path = path
        self.version = version
        self.entities: dict[str, Entity] = parsed.entities
        self.relations: dict[str, Relation] = parsed.relations
        self.events: dict[str, Event] = parsed.events
        self.sources: dict[str, Source] = parsed.sources
        self.documents: dict[str, Document] = parsed.documents
        self.budget: list[BudgetLine] = parsed.budget
        self.conflicts: list[Conflict] = parsed.conflicts
        self.problems: list[Problem] = parsed.problems
        self.root: str | None = self._find_root(root)
        self._declared_default = default_date
        ents = list(self.entities.values())
        rels = list(self.relations.values())
        self._node_ids = np.array([e.id for e in ents], dtype=object)
        self._node_start = np.array([e.start for e in ents], dtype=np.int64)
        self._node_end = np.array([e.end for e in ents], dtype=np.int64)
        self._edge_keys = np.array([r.id for r in rels], dtype=object)
        self._edge_start = np.array([r.start for r in rels], dtype=np.int64)
        self._edge_end = np.array([r.end for r in rels], dtype=np.int64)
        self._citations: dict[tuple[str, ...], tuple[dict[str, str], ...]] = {}
        self._attested_memo: dict[str, Attestation] = {}
        #: the structure this one is a part of (:func:`lsgmap.model.scope.part_of`): it says what is attested
        self.attestation_from: Structure | None = None

    def _find_root(self, declared: str | None) -> str | None:
        """The declared root if it is an entity, else the one association if there is exactly one."""
        if declared in self.entities:
            return declared
        associations = [e.id for e in self.entities.values() if e.kind == "association"]
        return associations[0] if len(associations) == 1 else None

    # -- the public graph --------------------------------------------------------
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """Every entity (node) and relation (edge keyed by relation id) of all dates, built on first use.

        >>> load(BUNDLED_DATA).graph.has_edge("lsg_trosa", "tris")
        True
        """
        g = nx.MultiDiGraph()
        for e in self.entities.values():
            g.add_node(e.id, kind=e.kind, name_sv=e.name_sv, name_en=e.name_en, start=e.start, end=e.end)
        for r in self.relations.values():
            g.add_edge(r.from_id, r.to_id, key=r.id, relation=r.relation, start=r.start, end=r.end)
        return g

    # -- time -----------------------------------------------------------------
    @cached_property
    def _node_index(self) -> IntervalIndex:
        return IntervalIndex(self._node_ids.tolist(), starts=self._node_start, ends=self._node_end)

    @cached_property
    def _edge_index(self) -> IntervalIndex:
        return IntervalIndex(self._edge_keys.tolist(), starts=self._edge_start, ends=self._edge_end)

    def snapshot(self, *, on: Day = None) -> Snapshot:
        """The entities and relations valid on the day ``on`` (default: today).

        A relation is in the snapshot only while both its ends exist.
        """
        day = to_day(on)
        return Snapshot(self, day, self._node_index.valid_on(day), self._edge_index.valid_on(day))

    # -- attestation ----------------------------------------------------------------
    @cached_property
    def _attestations(self) -> dict[str, Attestation]:
        return {k: self.attestation(k) for k in (*self.entities, *self.relations)}

    def attestation(self, fact_id: str) -> Attestation:
        """The days a source speaks for the entity or relation ``fact_id`` (see :mod:`lsgmap.model.attestation`).

        Worked out for a fact when first asked (an entity through its relations), then remembered; a part of a
        national dataset (:func:`lsgmap.model.scope.part_of`) asks the whole, whose other relations speak too.

        >>> s = load(BUNDLED_DATA)
        >>> s.attestation("lsg_trosa").on(to_day("2016-11-15")), s.attestation("no such id").ever
        (True, False)
        """
        if self.attestation_from is not None:
            return self.attestation_from.attestation(fact_id)
        found = self._attested_memo.get(fact_id)
        if found is None:
            if fact_id in self.relations:
                found = attestation_of(self.relations[fact_id], self.sources)
            elif fact_id in self.entities:
                spoken = [a for a in (self.attestation(r.id) for r in self.relations_of(fact_id)) if a.windows]
                found = attestation_of(self.entities[fact_id], self.sources, spoken)
            else:
                return NEVER
            self._attested_memo[fact_id] = found
        return found

    def _windows_index(self, ids: Iterable[str]) -> IntervalIndex:
        keys, starts, ends = [], [], []
        found = self._attestations
        for ident in ids:
            for start, end in found[ident].windows:
                keys.append(ident)
                starts.append(start)
                ends.append(end)
        return IntervalIndex(keys, starts=starts, ends=ends)

    @cached_property
    def _attested_node_index(self) -> IntervalIndex:
        return self._windows_index(self.entities)

    @cached_property
    def _attested_edge_index(self) -> IntervalIndex:
        return self._windows_index(self.relations)

    def _windows_mask(self, ids: np.ndarray) -> WindowMask:
        found = self._attestations
        rows = [(position, start, end) for position, ident in enumerate(ids.tolist()) for start, end in found[ident].windows]
        positions, starts, ends = zip(*rows, strict=True) if rows else ((), (), ())
        return WindowMask(len(ids), positions=positions, starts=starts, ends=ends)

    @cached_property
    def _attested_node_mask(self) -> WindowMask:
        return self._windows_mask(self._node_ids)

    @cached_property
    def _attested_edge_mask(self) -> WindowMask:
        return self._windows_mask(self._edge_keys)

    def attested_masks(self, day: int) -> tuple[np.ndarray, np.ndarray]:
        """Which entities and which relations a source speaks for on ``day``: boolean arrays parallel to
        :attr:`node_intervals` and :attr:`edge_intervals` (a subset of those valid).

        >>> s = load(BUNDLED_DATA)
        >>> nodes, edges = s.attested_masks(to_day("2016-11-15"))
        >>> bool(nodes[s.node_intervals[0].tolist().index("lsg_trosa")]), bool(nodes[s.node_intervals[0].tolist().index("region_sormland")])
        (True, False)
        """
        return self._attested_node_mask.on(day), self._attested_edge_mask.on(day)

    def attested_on(self, day: int) -> tuple[frozenset[str], frozenset[str]]:
        """The entity ids and relation keys attested on ``day`` (a subset of those valid)."""
        return frozenset(self._attested_node_index.valid_on(day)), frozenset(self._attested_edge_index.valid_on(day))

    # -- conflicts ------------------------------------------------------------------
    @cached_property
    def _conflicts_by_fact(self) -> dict[str, tuple[Conflict, ...]]:
        found: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            for fact in dict.fromkeys(conflict.facts):
                found.setdefault(fact, []).append(conflict)
        return {k: tuple(v) for k, v in found.items()}

    def conflicts_of(self, fact_id: str) -> tuple[Conflict, ...]:
        """The recorded conflicts (``conflicts.csv``) that name the entity, relation or event ``fact_id``.

        >>> [c.id for c in load(BUNDLED_DATA).conflicts_of("lsg_gnot")]
        ['k_mal1_trosa', 'k_fyra_eller_fem']
        """
        return self._conflicts_by_fact.get(fact_id, ())

    def conflicts_of_all(self, fact_ids: Iterable[str]) -> tuple[Conflict, ...]:
        """The recorded conflicts that name any of ``fact_ids``, each once, in order of first mention.

        >>> [c.id for c in load(BUNDLED_DATA).conflicts_of_all(["lsg_gnot", "lsg_nykoping_oxelosund"])]
        ['k_mal1_trosa', 'k_fyra_eller_fem']
        """
        return tuple({c.id: c for f in fact_ids for c in self.conflicts_of(f)}.values())

    @property
    def node_intervals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Entity ids and their first and last days, as parallel arrays (in entity order; do not modify)."""
        return self._node_ids, self._node_start, self._node_end

    @property
    def edge_intervals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Relation keys and their first and last days, as parallel arrays (in relation order; do not modify)."""
        return self._edge_keys, self._edge_start, self._edge_end

    @cached_property
    def events_in_order(self) -> list[Event]:
        """All events sorted by day (then id)."""
        return sorted(self.events.values(), key=lambda e: (e.day, e.id))

    @cached_property
    def _event_days(self) -> list[int]:
        return [e.day for e in self.events_in_order]

    def events_between(self, first: int, last: int) -> list[Event]:
        """The events with ``first < day <= last`` (day ordinals), in date order.

        >>> s = load(BUNDLED_DATA)
        >>> [e.id for e in s.events_between(date(2016, 12, 31).toordinal(), date(2017, 1, 1).toordinal())]
        ['ev_sammanslagning_trosa_gnesta']
        """
        order = self.events_in_order
        return order[bisect.bisect_right(self._event_days, first) : bisect.bisect_right(self._event_days, last)]

    @cached_property
    def change_days(self) -> list[int]:
        """Sorted day ordinals on which something starts or stops being valid (the day after a last day)."""
        days = set()
        for starts, ends in ((self._node_start, self._node_end), (self._edge_start, self._edge_end)):
            days.update(starts[starts > OPEN_START].tolist())
            days.update((ends[ends < OPEN_END] + 1).tolist())
        days.update(e.day for e in self.events.values())
        return sorted(days)

    def change_dates(self) -> list[date]:
        """:attr:`change_days` as dates.

        >>> date(2017, 1, 1) in load(BUNDLED_DATA).change_dates()
        True
        """
        return [date.fromordinal(d) for d in self.change_days]

    @cached_property
    def default(self) -> Opening:
        """The day the dataset opens on when no date is given, and why (not today: the sources speak of their own time).

        The dataset's ``"lsgmap:defaultDate"``; else the last day of its newest
        primary (``seed``) document's date; else today.

        >>> d = load(BUNDLED_DATA).default
        >>> d.date.isoformat(), d.source
        ('2016-11-15', 'dataset')
        """
        declared = self._declared_default
        if declared is not None:
            return Opening(interval_days(declared.date, None)[0], "dataset", msg("date.default.dataset", why=declared))
        dated = [d for d in self.documents.values() if d.kind == "seed" and d.date]
        if dated:
            newest = max(dated, key=lambda d: (interval_days(None, d.date)[1], d.id))
            day = interval_days(None, newest.date)[1]
            return Opening(day, "documents", msg("date.default.documents", title=newest.title, date=newest.date))
        return Opening(today().toordinal(), "today", msg("date.default.today"))

    @property
    def span(self) -> tuple[date, date]:
        """First and last change date (a sensible range for a date slider)."""
        days = self.change_days or [today().toordinal()]
        return date.fromordinal(days[0]), date.fromordinal(days[-1])

    @cached_property
    def file_order(self) -> dict[str, int]:
        """Each entity, relation and source id with its place in its table (to keep a selection in file order)."""
        return {k: i for table in (self.entities, self.relations, self.sources) for i, k in enumerate(table)}

    # -- adjacency ----------------------------------------------------------------
    @cached_property
    def _adjacency(self) -> tuple[dict[str, tuple[Relation, ...]], dict[str, tuple[Relation, ...]]]:
        out: dict[str, list[Relation]] = {}
        inn: dict[str, list[Relation]] = {}
        for r in self.relations.values():
            out.setdefault(r.from_id, []).append(r)
            inn.setdefault(r.to_id, []).append(r)
        return {k: tuple(v) for k, v in out.items()}, {k: tuple(v) for k, v in inn.items()}

    def outgoing(self, entity_id: str) -> tuple[Relation, ...]:
        """The relations (any date) whose subject is ``entity_id``: ``entity --relation--> X``.

        >>> [r.relation for r in load(BUNDLED_DATA).outgoing("ida_malmberg")]
        ['holds']
        """
        return self._adjacency[0].get(entity_id, ())

    def incoming(self, entity_id: str) -> tuple[Relation, ...]:
        """The relations (any date) whose object is ``entity_id``: ``X --relation--> entity``."""
        return self._adjacency[1].get(entity_id, ())

    def relations_of(self, entity_id: str) -> list[Relation]:
        """All relations (any date) with ``entity_id`` at either end: outgoing, then incoming."""
        return [*self.outgoing(entity_id), *self.incoming(entity_id)]

    @cached_property
    def _budget_by_relation(self) -> dict[str, tuple[BudgetLine, ...]]:
        lines: dict[str, list[BudgetLine]] = {}
        for line in self.budget:
            lines.setdefault(line.relation, []).append(line)
        return {k: tuple(v) for k, v in lines.items()}

    def budget_of(self, relation_id: str) -> tuple[BudgetLine, ...]:
        """The budget lines of a ``funds`` relation, in file order."""
        return self._budget_by_relation.get(relation_id, ())

    # -- names ----------------------------------------------------------------------
    @cached_property
    def names(self) -> NameIndex:
        """The name index for finding entities in text (built on first use).

        >>> load(BUNDLED_DATA).names.ids_for("tuna")[0]
        'tuna'
        """

        return NameIndex(self)

    # -- lookups ----------------------------------------------------------------
    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def name(self, entity_id: str, lang: str = "sv") -> str:
        e = self.entities.get(entity_id)
        return e.name(lang) if e else entity_id

    def citations(self, source_ids: Iterable[str]) -> tuple[dict[str, str], ...]:
        """The citations behind ``source_ids``: id, document id and title, kind, quote, locator.

        Remembered per list of ids; the dicts are shared, do not modify them.

        >>> [c["document"] for c in load(BUNDLED_DATA).citations(["no such source"])]
        []
        """
        key = tuple(source_ids)
        cached = self._citations.get(key)
        if cached is None:
            cached = self._citations[key] = tuple(self._citation(sid) for sid in key if sid in self.sources)
        return cached

    def _citation(self, source_id: str) -> dict[str, str]:
        src = self.sources[source_id]
        doc = self.documents.get(src.document)
        return {
            "id": src.id,
            "document": src.document,
            "title": doc.title if doc else src.document,
            "kind": doc.kind if doc else "",
            "reference": doc.reference if doc else "",
            "quote": src.quote,
            "locator": src.locator,
        }


@dataclass(frozen=True)
class Opening:
    """A default day and why it was chosen: ``source`` is "dataset", "documents", "today" or (an applied proposal) "scenario"."""

    day: int
    source: str
    why: Message

    @property
    def date(self) -> date:
        return date.fromordinal(self.day)


@dataclass
class Snapshot:
    """The structure valid on one day: materialised entity ids and relation keys."""

    structure: Structure
    day: int
    node_ids: tuple[str, ...]
    edge_keys: tuple[str, ...]
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)

    @property
    def on(self) -> date:
        return date.fromordinal(self.day)

    @cached_property
    def node_set(self) -> frozenset[str]:
        return frozenset(self.node_ids)

    @cached_property
    def edge_set(self) -> frozenset[str]:
        return frozenset(self.edge_keys)

    @cached_property
    def attested_nodes(self) -> frozenset[str]:
        """The entity ids of this day that a source speaks for on this day (made when first asked)."""
        return frozenset(self.structure._attested_node_index.valid_on(self.day))

    @cached_property
    def attested_edges(self) -> frozenset[str]:
        """The relation keys of this day that a source speaks for on this day (made when first asked)."""
        return frozenset(self.structure._attested_edge_index.valid_on(self.day))

    def attested(self, fact_id: str) -> bool:
        """True when a source speaks for the entity or relation ``fact_id`` on this day (valid on it, too)."""
        valid = fact_id in self.node_set if fact_id in self.structure.entities else fact_id in self.edge_set
        return valid and self.structure.attestation(fact_id).on(self.day)

    @property
    def unattested_count(self) -> int:
        """How many of the day's entities and relations no source speaks for on this day (counted, no sets made)."""
        s, day = self.structure, self.day
        return len(self.node_ids) + len(self.edge_keys) - s._attested_node_index.count_on(day) - s._attested_edge_index.count_on(day)

    def entities(self) -> list[Entity]:
        return [self.structure.entities[i] for i in self.node_ids]

    def relations(self) -> list[Relation]:
        return [self.structure.relations[k] for k in self.edge_keys]

    def graph(self) -> nx.MultiDiGraph:
        """A materialised MultiDiGraph of this day (built on first use)."""
        if self._graph is None:
            full = self.structure.graph
            g = nx.MultiDiGraph()
            g.add_nodes_from((n, full.nodes[n]) for n in self.node_ids)
            for r in self.relations():
                g.add_edge(r.from_id, r.to_id, key=r.id, **full.edges[r.from_id, r.to_id, r.id])
            self._graph = g
        return self._graph

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        """The snapshot as plain JSON-ready values (the ``lsgmap snapshot --json`` format)."""
        s = self.structure
        nodes = []
        for e in sorted(self.entities(), key=lambda e: e.id):
            nodes.append(
                {
                    "id": e.id,
                    "kind": e.kind,
                    "name": e.name(lang),
                    "name_sv": e.name_sv,
                    "name_en": e.name_en,
                    "valid_from": e.valid_from or None,
                    "valid_to": e.valid_to or None,
                    "identifiers": dict(e.identifiers),
                    "attributes": dict(e.attributes),
                    "attested": e.id in self.attested_nodes,
                    "evidence": s.attestation(e.id).evidence(self.day),
                    **s.attestation(e.id).to_json(),
                    "sources": list(s.citations(e.sources)),
                    "conflicts": conflict_items(s.conflicts_of(e.id), lang),
                }
            )
        edges = []
        for r in sorted(self.relations(), key=lambda r: r.id):
            edges.append(
                {
                    "id": r.id,
                    "source": r.from_id,
                    "target": r.to_id,
                    "relation": r.relation,
                    "valid_from": r.valid_from or None,
                    "valid_to": r.valid_to or None,
                    "effective_from": day_to_iso(r.start),
                    "effective_to": day_to_iso(r.end),
                    "derived_from": r.derived_from or None,
                    "attributes": dict(r.attributes),
                    "attested": r.id in self.attested_edges,
                    "evidence": s.attestation(r.id).evidence(self.day),
                    **s.attestation(r.id).to_json(),
                    "sources": list(s.citations(r.sources)),
                    "conflicts": conflict_items(s.conflicts_of(r.id), lang),
                }
            )
        return {"on": self.on.isoformat(), "facts": len(nodes) + len(edges), "unattested": self.unattested_count, "nodes": nodes, "edges": edges}


def conflict_items(conflicts: Iterable[Conflict], lang: str = "sv") -> list[dict[str, str]]:
    """``[{"id", "text"}]`` for recorded conflicts (the ``conflicts`` list of every JSON item)."""
    return [{"id": c.id, "text": c.topic(lang)} for c in conflicts]
