"""What differs between the structure on two dates, and why.

:func:`diff` compares the structure valid on the day ``start`` with the one
valid on the day ``end`` (``start <= end``). It costs two boolean masks over
the interval arrays of the :class:`~lsgmap.model.structure.Structure`, not two graph
builds.

What "added", "removed" and "changed" mean for time-sliced data:

* **added** – valid on ``end`` but not on ``start``; **removed** – the other way.
* **changed** – valid on both days, and touched by an event in between: an
  entity that is an original or a result of an event with
  ``start < event day <= end`` (a rename that keeps the id, a group that
  absorbs another), and every relation valid on both days with such an
  entity at one end. Names and attributes are not time-sliced in the data,
  so nothing else can change them; a relation valid on both days whose
  validity interval differs is therefore **not** a change.
* **events** – events with ``start < day <= end``, in date order.

Ended is kept apart from *no longer attested* (:mod:`lsgmap.model.attestation`): a
fact valid on both days that a source speaks for on ``start`` and none on
``end`` has not ended (only its document's period has); it is in
**unattested**, never in removed. The other way round, a fact valid on both
days that a source speaks for on ``end`` and none on ``start`` is in
**attested**. So the facts of ``start`` are exactly removed ∪ unattested ∪ the
rest of those valid on both days.

:meth:`Diff.changes` says the differences in plain Swedish or English: one
line per event ("LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta
(2017-01-01)"), one line per relation that moved from the originals of an
event to its results ("TRIS styrs av LSG Trosa-Gnesta i stället för LSG Trosa
och LSG Gnesta"), then the remaining entities and relations, each with its
sources.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> d = diff(s, start="2016-12-31", end="2017-02-01")
>>> sorted(d.nodes_removed)[:2], d.nodes_added[:1]
(['lsg_gnesta', 'lsg_trosa'], ('lsg_trosa_gnesta',))
>>> d.changes("en")[0]
'LSG Trosa and LSG Gnesta decided (2016-10-13 – 2016-12-31) to merge from 2017-01-01 into LSG Trosa-Gnesta (working name, not in the sources); first joint meeting 2017-01-23 [ls_sammanslagning]'
>>> diff(s, start="2017-03-01", end="2017-06-01").is_empty()
True
>>> "lsg_nykoping" in d.nodes_unattested and "lsg_nykoping" not in d.nodes_removed
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from lsgmap.dates import Day, day_text, day_to_iso, interval_days, ordered_days, period_text, stated_text, to_day, validity_text
from lsgmap.i18n import normalise_lang, t
from lsgmap.model.records import flag_working_name, is_working_name
from lsgmap.model.structure import conflict_items
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.records import Entity, Event, Relation
    from lsgmap.model.structure import Snapshot, Structure

__all__ = ["Diff", "SnapshotIds", "diff", "apply", "change_summary", "short_title", "source_names", "join_names", "start_text", "end_text", "span_text", "fact_text"]

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class SnapshotIds:
    """The entity ids and relation keys of one day, as sets."""

    nodes: frozenset[str]
    edges: frozenset[str]

    @classmethod
    def of(cls, snapshot: Snapshot) -> SnapshotIds:
        """The ids of a :class:`~lsgmap.model.structure.Snapshot`."""
        return cls(frozenset(snapshot.node_ids), frozenset(snapshot.edge_keys))


@dataclass(frozen=True)
class Diff:
    """The differences between the structure on ``start`` and on ``end`` (day ordinals)."""

    structure: Structure = field(repr=False, compare=False)
    start: int
    end: int
    nodes_added: tuple[str, ...] = ()
    nodes_removed: tuple[str, ...] = ()
    nodes_changed: tuple[str, ...] = ()
    edges_added: tuple[str, ...] = ()
    edges_removed: tuple[str, ...] = ()
    edges_changed: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    nodes_unattested: tuple[str, ...] = ()
    edges_unattested: tuple[str, ...] = ()
    nodes_attested: tuple[str, ...] = ()
    edges_attested: tuple[str, ...] = ()

    # -- reading --------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when nothing differs and no event happened in between (what sources attest aside)."""
        return not (
            self.nodes_added or self.nodes_removed or self.nodes_changed
            or self.edges_added or self.edges_removed or self.edges_changed or self.events
        )

    def attestation_changed(self) -> bool:
        """True when a fact valid on both days is attested on one of them only."""
        return bool(self.nodes_unattested or self.edges_unattested or self.nodes_attested or self.edges_attested)

    def unattested_items(self, lang: str = "sv") -> list[dict[str, Any]]:
        """The facts no longer attested on ``end``: ``{"text", "last_attested", "sources", "ids"}``, quietest last.

        >>> from lsgmap.dataset.load import load
        >>> items = diff(load(), start="2016-12-31", end="2017-02-01").unattested_items()
        >>> [i["text"] for i in items if i["ids"] == ["r_ls_ibis"]]
        ['LSG Oxelösund styr IBIS – IntegrationsBygget I Sörmland, senast belagd 2016-12-31']
        """
        return self._attestation_items(self.nodes_unattested, self.edges_unattested, lang, last=True)

    def attested_items(self, lang: str = "sv") -> list[dict[str, Any]]:
        """The facts valid on both days that a source speaks for on ``end`` and none on ``start``: ``{"text", "first_attested", …}``."""
        return self._attestation_items(self.nodes_attested, self.edges_attested, lang, last=False)

    def _attestation_items(self, nodes: Iterable[str], edges: Iterable[str], lang: str, *, last: bool) -> list[dict[str, Any]]:
        s, lang = self.structure, normalise_lang(lang)
        out = []
        for ident, is_node in [*((i, True) for i in nodes), *((k, False) for k in edges)]:
            a = s.attestation(ident)
            day = a.last_before(self.end) if last else a.first_after(self.start)
            record = s.entities[ident] if is_node else s.relations[ident]
            what = fact_text(s, record, lang)
            key, field_name = ("attested.last", "last_attested") if last else ("attested.first", "first_attested")
            out.append({"text": f"{what}, {t(key, lang, date=day_text(day))}" if day is not None else what,
                        field_name: day_to_iso(day) if day is not None else None, "sources": list(record.sources), "ids": [ident]})
        return out

    def marks(self) -> dict[str, str]:
        """``{entity or relation id: 'added' | 'removed' | 'changed'}`` for colouring a graph.

        >>> from lsgmap.dataset.load import load
        >>> m = diff(load(), start="2016-12-31", end="2017-01-01").marks()
        >>> m["lsg_trosa"], m["lsg_trosa_gnesta"], m["r047"]
        ('removed', 'added', 'added')
        """
        out: dict[str, str] = {}
        for mark, ids in (
            (CHANGED, self.nodes_changed + self.edges_changed),
            (ADDED, self.nodes_added + self.edges_added),
            (REMOVED, self.nodes_removed + self.edges_removed),
        ):
            out.update(dict.fromkeys(ids, mark))
        return out

    def change_items(self, lang: str = "sv") -> list[dict[str, Any]]:
        """The plain-language changes as ``{"text", "date", "sources", "ids"}`` in reading order."""
        return _ChangeWriter(self, normalise_lang(lang)).items()

    def changes(self, lang: str = "sv") -> list[str]:
        """One plain-language line per change, with its date and ``[source ids]``."""
        lines = []
        for item in self.change_items(lang):
            sources = f" [{', '.join(item['sources'])}]" if item["sources"] else ""
            lines.append(item["text"] + sources)
        return lines

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        """The ``lsgmap diff --json`` format.

        >>> from lsgmap.dataset.load import load
        >>> j = diff(load(), start="2016-12-31", end="2017-02-01").to_json("en")
        >>> j["events"][0]["from"], j["events"][0]["to"]
        (['lsg_trosa', 'lsg_gnesta'], ['lsg_trosa_gnesta'])
        """
        lang = normalise_lang(lang)
        s, a, b = self.structure, self.start, self.end
        return {
            "from": date.fromordinal(self.start).isoformat(),
            "to": date.fromordinal(self.end).isoformat(),
            "nodes_added": [_node_json(s, i, lang, b) for i in self.nodes_added],
            "nodes_removed": [_node_json(s, i, lang, a) for i in self.nodes_removed],
            "nodes_changed": [_node_json(s, i, lang, b) for i in self.nodes_changed],
            "edges_added": [_edge_json(s, k, lang, b) for k in self.edges_added],
            "edges_removed": [_edge_json(s, k, lang, a) for k in self.edges_removed],
            "edges_changed": [_edge_json(s, k, lang, b) for k in self.edges_changed],
            "events": [event_json(s.events[e], lang) for e in self.events],
            "changes": self.changes(lang),
            "nodes_unattested": [_node_json(s, i, lang, b) | _when(s, i, self.end, last=True) for i in self.nodes_unattested],
            "edges_unattested": [_edge_json(s, k, lang, b) | _when(s, k, self.end, last=True) for k in self.edges_unattested],
            "nodes_attested": [_node_json(s, i, lang, b) | _when(s, i, self.start, last=False) for i in self.nodes_attested],
            "edges_attested": [_edge_json(s, k, lang, b) | _when(s, k, self.start, last=False) for k in self.edges_attested],
        }


def diff(structure: Structure, *, start: Day, end: Day) -> Diff:
    """The differences between the structure valid on ``start`` and on ``end``.

    Dates are ``YYYY-MM-DD`` (a month or year means its first day), dates or
    day ordinals. Raises :class:`~lsgmap.errors.InputError` when ``start`` is
    after ``end``.

    >>> from lsgmap.dataset.load import load
    >>> d = diff(load(), start="2018-12-31", end="2019-01-01")
    >>> d.nodes_added, d.events
    (('region_sormland',), ('ev_region_sormland',))
    """
    a, b = ordered_days(start, end)
    node_ids, node_start, node_end = structure.node_intervals
    edge_keys, edge_start, edge_end = structure.edge_intervals
    node_a, node_b = _valid_mask(node_start, node_end, a), _valid_mask(node_start, node_end, b)
    edge_a, edge_b = _valid_mask(edge_start, edge_end, a), _valid_mask(edge_start, edge_end, b)
    between = structure.events_between(a, b)
    touched = {i for e in between for i in (*e.originals, *e.results)}
    nodes_changed = tuple(sorted(i for i in touched if _valid_on(structure.entities[i], a, b)))
    edges_changed: set[str] = set()
    for i in nodes_changed:
        edges_changed.update(r.id for r in structure.relations_of(i) if _valid_on(r, a, b))
    nodes_said_a, edges_said_a = structure.attested_masks(a)  # what a source speaks for, parallel to the ids
    nodes_said_b, edges_said_b = structure.attested_masks(b)
    both_nodes, both_edges = node_a & node_b, edge_a & edge_b
    return Diff(
        structure, a, b,
        nodes_added=tuple(node_ids[~node_a & node_b].tolist()),
        nodes_removed=tuple(node_ids[node_a & ~node_b].tolist()),
        nodes_changed=nodes_changed,
        edges_added=tuple(edge_keys[~edge_a & edge_b].tolist()),
        edges_removed=tuple(edge_keys[edge_a & ~edge_b].tolist()),
        edges_changed=tuple(sorted(edges_changed)),
        events=tuple(e.id for e in between),
        nodes_unattested=tuple(node_ids[both_nodes & nodes_said_a & ~nodes_said_b].tolist()),
        edges_unattested=tuple(edge_keys[both_edges & edges_said_a & ~edges_said_b].tolist()),
        nodes_attested=tuple(node_ids[both_nodes & ~nodes_said_a & nodes_said_b].tolist()),
        edges_attested=tuple(edge_keys[both_edges & ~edges_said_a & edges_said_b].tolist()),
    )


def change_summary(structure: Structure, day: Day, lang: str = "sv") -> str:
    """One line on what changed on ``day`` (from the day before): the most telling change, and how many more.

    "" when nothing changed that day.

    >>> from lsgmap.dataset.load import load
    >>> change_summary(load(), "2017-01-01")
    '2017-01-01: sammanslagning: LSG Trosa och LSG Gnesta → LSG Trosa-Gnesta (arbetsnamn) och 15 ändringar till'
    >>> change_summary(load(), "2017-01-02")
    ''
    """
    end = to_day(day)
    items = diff(structure, start=end - 1, end=end).change_items(lang)
    if not items:
        return ""
    more = len(items) - 1
    first = items[0]
    if first.get("heads") and first.get("event") in structure.events:  # an event in a few words: the line fits one row
        event = structure.events[first["event"]]
        words = t("diff.event_short", normalise_lang(lang), originals=join_names((named(structure, i, lang, short=True) for i in event.originals), lang),
                  results=join_names((named(structure, i, lang, short=True) for i in event.results), lang),
                  kind=EVENT_KINDS[event.kind].label(lang).lower() if event.kind in EVENT_KINDS else event.kind)
        text = f"{date.fromordinal(end).isoformat()}: {words}"
    else:
        text = f"{date.fromordinal(end).isoformat()}: {first['text']}"
    return text + (" " + t("diff.summary_more", normalise_lang(lang), count=more) if more else "")


def short_title(title: str, limit: int = 42) -> str:
    """A document's title as a reader names it: up to its first comma, dash or bracket, at most ``limit`` characters.

    >>> short_title("Lägesrapport avseende Processledare LSG södra Sörmland, period 13 oktober – 31 december 2016")
    'Lägesrapport avseende Processledare LSG…'
    >>> short_title("Ansökan om tjänst som processledare (LSG GNOT)")
    'Ansökan om tjänst som processledare'
    """
    head = re.split(r",| – | - | \(", title, maxsplit=1)[0].strip() or title
    if len(head) <= limit:
        return head
    return head[: head.rfind(" ", 0, limit)].rstrip() + "…" if " " in head[:limit] else head[: limit - 1] + "…"


def source_names(structure: Structure, source_ids: Iterable[str]) -> list[str]:
    """The short names of the documents behind ``source_ids``, each once, in order (an unknown id as itself)."""
    names = []
    for sid in source_ids:
        cited = structure.citations([sid])
        names.append(short_title(cited[0]["title"]) if cited else sid)
    return list(dict.fromkeys(names))


def apply(ids: SnapshotIds | Snapshot, d: Diff) -> SnapshotIds:
    """The ids of the ``end`` day, from the ids of the ``start`` day and their diff.

    Changed entities and relations must be present on both days; their new
    state is the record itself (attributes are not time-sliced).

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> d = diff(s, start="2016-06-01", end="2017-06-01")
    >>> apply(s.snapshot(on="2016-06-01"), d) == SnapshotIds.of(s.snapshot(on="2017-06-01"))
    True
    """
    if not isinstance(ids, SnapshotIds):
        ids = SnapshotIds.of(ids)
    missing = (set(d.nodes_changed) - ids.nodes) | (set(d.edges_changed) - ids.edges)
    if missing:
        raise ValueError(f"changed ids not present on the start day: {sorted(missing)}")
    nodes = (ids.nodes - set(d.nodes_removed)) | set(d.nodes_added)
    edges = (ids.edges - set(d.edges_removed)) | set(d.edges_added)
    return SnapshotIds(frozenset(nodes), frozenset(edges))


def _valid_mask(starts: np.ndarray, ends: np.ndarray, day: int) -> np.ndarray:
    return (starts <= day) & (day <= ends)


def _valid_on(record: Any, a: int, b: int) -> bool:
    return record.start <= a <= record.end and record.start <= b <= record.end


# -- JSON ----------------------------------------------------------------------------
def _node_json(s: Structure, ident: str, lang: str, day: int) -> dict[str, Any]:
    """An entity in the diff JSON, with what speaks for it on ``day`` and whether its name is a working name."""
    e = s.entities[ident]
    return {
        "id": e.id, "kind": e.kind, "name": e.name(lang), "valid_from": e.valid_from or None, "valid_to": e.valid_to or None,
        "validity": span_text(s, e, lang), "working_name": is_working_name(e), **_truth(s, ident, day, lang),
    }


def _truth(s: Structure, ident: str, day: int, lang: str) -> dict[str, Any]:
    """``attested``, ``evidence`` and ``conflicts`` of a fact on ``day``."""
    a = s.attestation(ident)
    return {"attested": a.on(day), "evidence": a.evidence(day), "conflicts": conflict_items(s.conflicts_of(ident), lang)}


def _when(s: Structure, ident: str, day: int, *, last: bool) -> dict[str, str | None]:
    """``{"last_attested": …}`` (the last attested day before ``day``) or ``{"first_attested": …}`` (the first after)."""
    a = s.attestation(ident)
    found = a.last_before(day) if last else a.first_after(day)
    return {"last_attested" if last else "first_attested": day_to_iso(found) if found is not None else None}


def _edge_json(s: Structure, key: str, lang: str, day: int) -> dict[str, Any]:
    """A relation in the diff JSON: its stated and effective dates, what speaks for it on ``day``, and what it is derived from."""
    r = s.relations[key]
    return {
        "id": r.id,
        "source": r.from_id,
        "target": r.to_id,
        "relation": r.relation,
        "text": relation_text(s, r, lang),
        "valid_from": r.valid_from or None,
        "valid_to": r.valid_to or None,
        "effective_from": day_to_iso(r.start),
        "effective_to": day_to_iso(r.end),
        "validity": span_text(s, r, lang),
        "derived_from": r.derived_from or None,
        **_truth(s, key, day, lang),
        "sources": list(r.sources),
    }


def event_json(e: Event, lang: str = "sv") -> dict[str, Any]:
    """An event as ``{"id", "kind", "date", "decided", "name", "from", "to", "sources"}``."""
    return {
        "id": e.id,
        "kind": e.kind,
        "date": date.fromordinal(e.day).isoformat(),
        "date_text": stated_text(e.date, lang),
        "decided": e.decided or None,
        "name": e.name(lang),
        "from": list(e.originals),
        "to": list(e.results),
        "sources": list(e.sources),
    }


# -- plain language ------------------------------------------------------------------
def start_text(s: Structure, fact: Entity | Relation, lang: str = "sv") -> str:
    """The fact's own stated first day, at the precision its source gave it ("" when unknown).

    Never a date borrowed from another fact: a relation with no stated start has none,
    even where an end of it starts later (:func:`span_text` says when an end cuts it).

    >>> s = load(BUNDLED_DATA)
    >>> start_text(s, s.entities["processledare"]), start_text(s, s.entities["lsg_trosa"]), start_text(s, s.relations["r_ls_ibis"])
    ('2016-07-01', '', '')
    """
    return stated_text(fact.valid_from, lang) if fact.valid_from else ""


def end_text(s: Structure, fact: Entity | Relation, lang: str = "sv") -> str:
    """The fact's own stated last day, at the precision its source gave it ("" when unknown).

    >>> s = load(BUNDLED_DATA)
    >>> end_text(s, s.relations["r_rar_funds_pl_ls"]), end_text(s, s.entities["lsg_trosa_gnesta"])
    ('oktober 2018', '')
    """
    return stated_text(fact.valid_to, lang) if fact.valid_to else ""


def span_text(s: Structure, fact: Entity | Relation, lang: str = "sv") -> str:
    """``start – end`` as stated (``…`` for an unknown start), and where an end of a relation cuts a stated date, which.

    >>> s = load(BUNDLED_DATA)
    >>> span_text(s, s.entities["lsg_trosa"]), span_text(s, s.entities["lsg_trosa_gnesta"])
    ('… – 2016-12-31', '2017-01-01 –')
    >>> span_text(s, s.relations["r_rar_funds_pl_ls"])
    'oktober 2016 – oktober 2018'
    """
    text = period_text(start_text(s, fact, lang) or None, end_text(s, fact, lang) or None)
    cuts = _cuts(s, fact, lang)
    return f"{text} ({'; '.join(cuts)})" if cuts else text


def _cuts(s: Structure, fact: Entity | Relation, lang: str) -> list[str]:
    """Where a stated date of a relation lies outside one of its ends: "Processledaren finns från 2016-07-01"."""
    if not hasattr(fact, "from_id"):
        return []
    out = []
    own_start, own_end = interval_days(fact.valid_from or None, fact.valid_to or None)
    for end_id in dict.fromkeys((fact.from_id, fact.to_id)):
        other = s.entities.get(end_id)
        if other is None:
            continue
        if fact.valid_from and other.start > own_start:
            out.append(t("span.starts_later", lang, name=other.name(lang), date=stated_text(other.valid_from, lang) or day_text(other.start)))
        if fact.valid_to and other.end < own_end:
            out.append(t("span.ends_earlier", lang, name=other.name(lang), date=stated_text(other.valid_to, lang) or day_text(other.end)))
    return out


def fact_text(s: Structure, fact: Entity | Relation, lang: str = "sv") -> str:
    """A relation as a sentence, an entity as ``name (kind)``.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> fact_text(s, s.entities["lsg_trosa"])
    'LSG Trosa (Lokal samverkansgrupp)'
    """
    if hasattr(fact, "from_id"):
        return relation_text(s, fact, lang)
    return f"{fact.name(lang)} ({ENTITY_KINDS[fact.kind].label(lang)})"


def join_names(names: Iterable[str], lang: str = "sv") -> str:
    """``A``, ``A och B``, ``A, B och C`` (``and`` in English).

    >>> join_names(["LSG Trosa", "LSG Gnesta"]), join_names(["a", "b", "c"], "en")
    ('LSG Trosa och LSG Gnesta', 'a, b and c')
    """
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('diff.and', lang)} {items[-1]}"


def relation_text(s: Structure, r: Relation, lang: str = "sv") -> str:
    """``LSG Nyköping styr TRIS`` / ``LSG Nyköping steers TRIS``."""
    return f"{named(s, r.from_id, lang)} {RELATION_KINDS[r.relation].verb(lang)} {named(s, r.to_id, lang)}"


def named(s: Structure, entity_id: str, lang: str = "sv", *, short: bool = False) -> str:
    """An entity's name for a text output, a working name flagged as such (``short``: "(arbetsnamn)" only).

    >>> s = load(BUNDLED_DATA)
    >>> named(s, "lsg_trosa_gnesta"), named(s, "lsg_trosa", "en"), named(s, "lsg_trosa_gnesta", short=True)
    ('LSG Trosa-Gnesta (arbetsnamn, inte i källorna)', 'LSG Trosa', 'LSG Trosa-Gnesta (arbetsnamn)')
    """
    return flag_working_name(s.name(entity_id, lang), s.entities.get(entity_id), lang, short=short)


def derived_text(s: Structure, event_id: str, lang: str = "sv") -> str:
    """"härledd ur händelsen (sammanslagning), inte i någon källa": said wherever a derived fact is printed.

    >>> derived_text(load(BUNDLED_DATA), "ev_sammanslagning_trosa_gnesta", "en")
    'derived from the event (merger), not in any source'
    """
    event = s.events.get(event_id)
    kind = EVENT_KINDS[event.kind].label(lang).lower() if event is not None and event.kind in EVENT_KINDS else event_id
    return t("diff.derived", lang, event=kind)


def event_text(s: Structure, e: Event, lang: str = "sv") -> str:
    """One sentence for an event, as its source says it: a decided merger says when it was decided and from when it holds.

    >>> s = load(BUNDLED_DATA)
    >>> event_text(s, s.events["ev_sammanslagning_trosa_gnesta"])
    'LSG Trosa och LSG Gnesta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Trosa-Gnesta (arbetsnamn, inte i källorna); första gemensamma mötet 2017-01-23'
    """
    key = f"diff.event.{e.kind}" if e.kind in EVENT_KINDS else "diff.event.other"
    if e.kind == "merger" and e.decided:
        key = "diff.event.merger_decided"
    text = t(
        key, lang,
        originals=join_names((named(s, i, lang) for i in e.originals), lang),
        results=join_names((named(s, i, lang) for i in e.results), lang),
        name=e.name(lang),
        date=stated_text(e.date, lang) or date.fromordinal(e.day).isoformat(),
        decided=validity_text(*e.decided.split("/", 1), lang) if "/" in e.decided else stated_text(e.decided, lang),
    )
    meetings = [s.entities[i].attributes.get("first_joint_meeting") for i in e.results if i in s.entities]
    meeting = next((m for m in meetings if m), "")
    return f"{text}; {t('diff.first_meeting', lang, date=stated_text(meeting, lang))}" if meeting else text


class _ChangeWriter:
    """Turns a Diff into plain-language items, most telling first."""

    def __init__(self, d: Diff, lang: str):
        self.d, self.s, self.lang = d, d.structure, lang
        self.removed_by_end = self._by_end(d.edges_removed)
        self.added_by_end = self._by_end(d.edges_added)

    def _by_end(self, keys: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in keys:
            r = self.s.relations[k]
            out.setdefault(r.from_id, []).append(k)
            out.setdefault(r.to_id, []).append(k)
        return out

    def items(self) -> list[dict[str, Any]]:
        s, lang = self.s, self.lang
        out: list[dict[str, Any]] = []
        explained_nodes: set[str] = set()
        explained_edges: set[str] = set()
        for event_id in self.d.events:
            e = s.events[event_id]
            out.append(self._item(event_text(s, e, lang), e.day, e.sources, [e.id, *e.originals, *e.results]) | {"event": e.id, "heads": True})
            explained_nodes.update(e.originals)
            explained_nodes.update(e.results)
            out.extend(item | {"event": e.id} for item in self._moved(e, explained_edges))
        day_after_start = self.d.start + 1
        for i in self.d.nodes_added:
            if i in explained_nodes:
                continue
            e = s.entities[i]
            text = t("diff.node_added", lang, kind=ENTITY_KINDS[e.kind].label(lang), name=e.name(lang), date=start_text(s, e, lang))
            out.append(self._item(text, max(e.start, day_after_start), e.sources, [i]))
        for i in self.d.nodes_removed:
            if i in explained_nodes:
                continue
            e = s.entities[i]
            text = t("diff.node_removed", lang, kind=ENTITY_KINDS[e.kind].label(lang), name=e.name(lang), date=end_text(s, e, lang))
            out.append(self._item(text, min(e.end + 1, self.d.end), e.sources, [i]))
        for k in self.d.edges_added:
            if k in explained_edges:
                continue
            r = s.relations[k]
            out.append(self._item(self._edge_text(r, added=True), max(r.start, day_after_start), r.sources, [k]))
        for k in self.d.edges_removed:
            if k in explained_edges:
                continue
            r = s.relations[k]
            out.append(self._item(self._edge_text(r, added=False), min(r.end + 1, self.d.end), r.sources, [k]))
        for i in self.d.nodes_changed:
            events = [s.events[e] for e in self.d.events if i in (*s.events[e].originals, *s.events[e].results)]
            text = t("diff.node_changed", lang, name=s.name(i, lang), events=join_names((e.name(lang) for e in events), lang))
            out.append(self._item(text, events[0].day, [x for e in events for x in e.sources], [i]) | {"event": events[0].id})
        return out

    def _edge_text(self, r: Relation, *, added: bool) -> str:
        """A relation that starts or ends: by its own stated date, or because an end of it starts or ends (said as such).

        An assignment whose giver ends does not read as withdrawn: "Upphör när LSG Gnesta upphör (2016-12-31): …".
        """
        s, lang = self.s, self.lang
        relation = relation_text(s, r, lang) + (f" – {derived_text(s, r.derived_from, lang)}" if r.derived_from else "")
        own = start_text(s, r, lang) if added else end_text(s, r, lang)
        day = r.start if added else r.end
        own_day = interval_days(r.valid_from or None, None)[0] if added else interval_days(None, r.valid_to or None)[1]
        if own and own_day == day:
            return t("diff.edge_added" if added else "diff.edge_removed", lang, relation=relation, date=own)
        for end_id in dict.fromkeys((r.from_id, r.to_id)):
            other = s.entities.get(end_id)
            if other is not None and (other.start if added else other.end) == day:
                when = start_text(s, other, lang) if added else end_text(s, other, lang)
                key = "diff.edge_started_with" if added else "diff.edge_ended_with"
                return t(key, lang, relation=relation, name=other.name(lang), date=when or day_text(day))
        return t("diff.edge_added" if added else "diff.edge_removed", lang, relation=relation, date=day_text(day))

    def _moved(self, e: Event, explained: set[str]) -> list[dict[str, Any]]:
        """Relations that went from the event's originals to its results, one line per (kind, other end)."""
        s, lang = self.s, self.lang
        originals, results = set(e.originals), set(e.results)
        removed = _unique_relations(k for i in e.originals for k in self.removed_by_end.get(i, ()) if k not in explained)
        added = _unique_relations(k for i in e.results for k in self.added_by_end.get(i, ()) if k not in explained)
        groups: dict[tuple[str, str, str], dict[str, list[Relation]]] = {}
        for keys, ends, side in ((removed, originals, "old"), (added, results, "new")):
            for r in (s.relations[k] for k in keys):
                if r.from_id in ends and r.to_id not in ends:
                    key = (r.relation, "to", r.to_id)  # the moved end is the subject
                elif r.to_id in ends and r.from_id not in ends:
                    key = (r.relation, "from", r.from_id)  # the moved end is the object
                else:
                    continue
                groups.setdefault(key, {"old": [], "new": []})[side].append(r)
        out = []
        for (relation, other_side, other), sides in groups.items():
            if not sides["old"] or not sides["new"]:
                continue
            kind = RELATION_KINDS[relation]
            moved_end = "from_id" if other_side == "to" else "to_id"
            new_ids = sorted(_unique(getattr(r, moved_end) for r in sides["new"]), key=e.results.index)
            old_ids = sorted(_unique(getattr(r, moved_end) for r in sides["old"]), key=e.originals.index)
            new = join_names((named(s, i, lang) for i in new_ids), lang)
            old = join_names((named(s, i, lang) for i in old_ids), lang)
            verb = kind.inverse(lang) if other_side == "to" else kind.verb(lang)
            text = t("diff.moved", lang, subject=named(s, other, lang), verb=verb, new=new, old=old, date=stated_text(e.date, lang) or day_text(e.day))
            if any(r.derived_from for r in sides["new"]):
                text += f" – {derived_text(s, e.id, lang)}"
            rels = sides["old"] + sides["new"]
            explained.update(r.id for r in rels)
            sources = [x for r in sides["new"] for x in r.sources]
            out.append(self._item(text, e.day, sources, [r.id for r in rels]))
        return out

    @staticmethod
    def _item(text: str, day: int, sources: Iterable[str], ids: list[str]) -> dict[str, Any]:
        return {"text": text, "date": day_text(day), "sources": list(_unique(sources)), "ids": ids}


def _unique_relations(keys: Iterable[str]) -> list[str]:
    return sorted(set(keys))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


