"""What one exchange file holds: all records, or those of one day; and the few helpers every format shares.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> sel = select(load(BUNDLED_DATA), on="2017-03-01")
>>> ids = {e.id for e in sel.entities}
>>> "lsg_trosa_gnesta" in ids, "lsg_trosa" in ids
(True, False)
>>> description(sel, "en")
'lsgmap: the collaboration structure in sormland on 2017-03-01'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.dates import Day, day_to_iso, to_day
from lsgmap.i18n import t
from lsgmap.model.records import BudgetLine, Conflict, Entity, Event, Relation
from lsgmap.model.structure import Structure

__all__ = ["Selection", "select", "description"]


@dataclass
class Selection:
    """The records one export holds: all of them (``day`` None), or those valid on ``day``.

    For one day: the entities and relations valid that day; the budget lines
    of those relations; the events that name a kept entity or that a kept
    relation is derived from; the conflicts that name a kept fact; and the
    sources and documents all these cite. ``attested`` holds the ids of the
    kept facts a source speaks for on that day.
    """

    structure: Structure
    day: int | None
    entities: list[Entity]
    relations: list[Relation]
    events: list[Event]
    budget: list[BudgetLine]
    conflicts: list[Conflict]
    source_ids: list[str]
    document_ids: list[str]
    attested: frozenset[str] = field(default_factory=frozenset)

    @property
    def timeline(self) -> bool:
        """True when the export holds all dates (each fact with its validity)."""
        return self.day is None


def select(structure: Structure, *, on: Day = None) -> Selection:
    """The records an export of ``structure`` holds on the day ``on`` (None: all dates)."""
    s = structure
    if on is None:
        return Selection(
            s, None, list(s.entities.values()), list(s.relations.values()), list(s.events.values()), list(s.budget),
            list(s.conflicts), list(s.sources), list(s.documents),
        )
    day = to_day(on)
    snap = s.snapshot(on=day)
    entities = [s.entities[i] for i in sorted(snap.node_ids, key=_order(s.entities))]
    relations = [s.relations[k] for k in sorted(snap.edge_keys, key=_order(s.relations))]
    kept = {e.id for e in entities} | {r.id for r in relations}
    derived = {r.derived_from for r in relations if r.derived_from}
    events = [e for e in s.events.values() if e.id in derived or kept.intersection(e.originals) or kept.intersection(e.results)]
    kept.update(e.id for e in events)
    budget = [b for b in s.budget if b.relation in kept]
    conflicts = [c for c in s.conflicts if kept.intersection(c.facts)]
    cited: dict[str, None] = {}
    for item in (*entities, *relations, *events, *budget, *conflicts):
        cited.update(dict.fromkeys(item.sources))
    source_ids = [i for i in s.sources if i in cited]
    documents = {s.sources[i].document for i in source_ids}
    attested = snap.attested_nodes | snap.attested_edges
    return Selection(s, day, entities, relations, events, budget, conflicts, source_ids, [d for d in s.documents if d in documents], attested)


def _order(records: dict) -> object:
    """Sort key: the order of the records in their file."""
    position = {k: n for n, k in enumerate(records)}
    return position.__getitem__


def description(sel: Selection, lang: str) -> str:
    """What the file holds, in ``lang``: the dataset's folder and the date or "all dates"."""
    name = sel.structure.path.name
    if sel.day is None:
        return t("exchange.description.timeline", lang, path=name)
    return t("exchange.description.day", lang, path=name, date=day_to_iso(sel.day))
