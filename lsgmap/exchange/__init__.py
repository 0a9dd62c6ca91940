"""Exchange formats: the structure as files other tools open.

* ``gexf``: GEXF 1.3 for Gephi; the whole timeline in dynamic mode (every node
  and edge with its validity as a spell at day precision, the attested days as
  a dynamic attribute), or one date in static mode.
* ``graphml``: GraphML for yEd and Cytoscape, with the same attributes.
* ``jsonld``: linked data in W3C ORG terms, with PROV for the sources and the
  project's own small vocabulary (``lsgmap-context.jsonld``, shipped here).
* ``xlsx``: the tables as a workbook, one sheet per table, drop-down lists for
  the kinds, dates as text at their precision, a read-me sheet.

Every format takes ``on``: one date (the facts valid that day, each attested
or not on it) or ``None``: all dates, each fact with its validity. The
interval rule is the one of :mod:`lsgmap.dates`; open ends stay open.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> sel = select(s, on="2017-03-01")
>>> "lsg_trosa_gnesta" in sel.entity_ids, "lsg_trosa" in sel.entity_ids
(True, False)
>>> sorted(FORMATS)
['gexf', 'graphml', 'jsonld', 'xlsx']
>>> export_data(s, "gexf", on="2017-03-01")[:38]
b'<?xml version="1.0" encoding="utf-8"?>'
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from lsgmap.dates import day_to_iso, to_day
from lsgmap.text import clean_text

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.records import BudgetLine, Conflict, Entity, Event, Relation
    from lsgmap.model.structure import Structure

__all__ = ["FORMATS", "ExchangeFormat", "Selection", "select", "export_data", "default_filename", "xml_text", "windows_text"]


@dataclass(frozen=True)
class ExchangeFormat:
    """One exchange format: the module and function that write it, its file suffix and media type."""

    key: str
    module: str
    function: str
    suffix: str
    mime: str


#: The exchange formats by name (``lsgmap export --format NAME``).
FORMATS: dict[str, ExchangeFormat] = {
    f.key: f
    for f in (
        ExchangeFormat("gexf", "gexf", "to_gexf", "gexf", "application/gexf+xml"),
        ExchangeFormat("graphml", "graphml", "to_graphml", "graphml", "application/graphml+xml"),
        ExchangeFormat("jsonld", "jsonld", "to_jsonld", "jsonld", "application/ld+json"),
        ExchangeFormat("xlsx", "workbook", "to_workbook", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
}


def export_data(structure: Structure, fmt: str, *, on: date | str | int | None = None, lang: str = "sv") -> bytes:
    """The structure as a file of format ``fmt`` (see :data:`FORMATS`): one date ``on``, or all dates when None.

    ``lang`` chooses the language of labels meant for people (the GEXF and
    GraphML ``label``); the data keeps both languages.
    """
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ValueError(f"unknown exchange format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer = getattr(importlib.import_module(f"{__name__}.{spec.module}"), spec.function)
    return writer(structure, on=on, lang=lang)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is built: it would only rescan the many new, living containers."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def default_filename(fmt: str, *, on: date | str | int | None = None) -> str:
    """``lsgmap-DATE.SUFFIX`` for one date, ``lsgmap-timeline.SUFFIX`` for all dates.

    >>> default_filename("gexf"), default_filename("xlsx", on="2017-03-01")
    ('lsgmap-timeline.gexf', 'lsgmap-2017-03-01.xlsx')
    """
    stem = "timeline" if on is None else day_to_iso(to_day(on))
    return f"lsgmap-{stem}.{FORMATS[fmt].suffix}"


# -- what a file holds ------------------------------------------------------------------


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
    def entity_ids(self) -> set[str]:
        return {e.id for e in self.entities}

    @property
    def timeline(self) -> bool:
        """True when the export holds all dates (each fact with its validity)."""
        return self.day is None


def select(structure: Structure, *, on: date | str | int | None = None) -> Selection:
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


# -- text --------------------------------------------------------------------------------

def xml_text(value: object) -> str:
    """``value`` as text XML can hold: control characters (:func:`lsgmap.text.clean_text`) become U+FFFD; the rest is escaped by the writer.

    >>> xml_text("a\\x01b <c> & \\t\\n")
    'a\ufffdb <c> & \\t\\n'
    """
    return clean_text(value)


def iso(day: int) -> str:
    """``YYYY-MM-DD`` for a day, "" for an open end."""
    return day_to_iso(day) or ""


def windows_text(windows: tuple[tuple[int, int], ...]) -> str:
    """Attested windows as ``FIRST/LAST`` ISO intervals separated by ``;`` ("" when never attested).

    >>> windows_text(((to_day("2016-10-13"), to_day("2016-12-31")),))
    '2016-10-13/2016-12-31'
    """
    return ";".join(f"{iso(a)}/{iso(b)}" for a, b in windows)

