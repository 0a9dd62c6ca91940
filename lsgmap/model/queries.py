"""Structured responsibility questions: who steers, owns, funds … what, on a date.

Every query takes the date keyword-only (``on=``) and answers with items that
carry the relation, its validity (as written and effective), its sources,
whether a source speaks for it on the date asked about (*attested*, the rule of
:mod:`lsgmap.model.attestation`; on a span: on at least one day of it) and the
recorded conflicts that name it.
``on`` may be one day (a date, ``YYYY-MM-DD``, a day ordinal, None = today) or
a span ``(first, last)`` of two such days: then a relation counts if it holds
on at least one day of the span (the interval rule of :mod:`lsgmap.dates`).

The queries walk the structure's own adjacency (:meth:`Structure.incoming`,
:meth:`Structure.outgoing`), filtered by each relation's ``start``/``end``,
and never build a graph per question. What leads *up* a chain is each
relation kind's ``upward`` in :mod:`lsgmap.vocab`.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> sorted(a.id for a in holders(s, "steers", "tris", on="2016-12-01"))
['lsg_gnesta', 'lsg_nykoping', 'lsg_oxelosund', 'lsg_trosa', 'tris_lansstyrgrupp']
>>> sorted(a.id for a in holders(s, "steers", "tris", on="2017-03-01"))
['lsg_nykoping', 'lsg_oxelosund', 'lsg_trosa_gnesta', 'tris_lansstyrgrupp']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from lsgmap.dates import day_to_iso, to_day, validity_text
from lsgmap.i18n import t
from lsgmap.model.attestation import NEVER, Attestation, attestation_note, merge_windows
from lsgmap.model.records import Conflict, Entity, Event, Relation
from lsgmap.vocab import FUNDING, RELATION_KINDS, RESPONSIBLE_RELATIONS

__all__ = [
    "AnswerItem",
    "Step",
    "step",
    "group_items",
    "Path",
    "entity_item",
    "relation_item",
    "day_range",
    "attested_within",
    "holders",
    "targets",
    "responsible_for",
    "chain_to_root",
    "paths_between",
    "lineage",
    "event_item",
    "amounts",
    "existing",
]

Day = date | str | int | None
On = Day | tuple[Day, Day]


def day_range(on: On) -> tuple[int, int]:
    """Inclusive day ordinals for ``on``: one day, or a ``(first, last)`` span.

    >>> a, b = day_range(("2016-12-01", "2016-12-31"))
    >>> b - a
    30
    """
    if isinstance(on, tuple):
        return to_day(on[0]), to_day(on[1])
    day = to_day(on)
    return day, day


def attested_within(attestation: Attestation, lo: int, hi: int) -> bool:
    """True when a source speaks for the fact on at least one day of ``lo`` … ``hi`` (day ordinals, inclusive).

    >>> a = Attestation(((10, 20),))
    >>> attested_within(a, 5, 9), attested_within(a, 5, 10), attested_within(a, 18, 30), attested_within(a, 21, 30)
    (False, True, True, False)
    """
    if attestation.on(lo):
        return True
    after = attestation.first_after(lo)
    return after is not None and after <= hi


def _validity_json(x: AnswerItem | Step) -> dict[str, Any]:
    """The validity (as written, None = open; and effective) and the sources of an answer or a step."""
    return {
        "valid_from": x.valid_from or None,
        "valid_to": x.valid_to or None,
        "effective_from": x.effective_from,
        "effective_to": x.effective_to,
        "sources": [dict(c) for c in x.sources],
    }


@dataclass(frozen=True)
class AnswerItem:
    """One answer: an entity, and the relation (or event) that makes it an answer.

    ``valid_from``/``valid_to`` are as written in the data ("" = open);
    ``effective_from``/``effective_to`` are the clipped days (None = open).
    ``attested``: a source speaks for the fact on (a day of) ``asked``, the
    days the question is about; ``attestation`` the days any source speaks for
    it; ``derived``: the fact is derived from an event, not stated by a source;
    ``conflicts``: the recorded conflicts that name the relation (or event) or the entity.
    """

    id: str
    name_sv: str
    name_en: str
    kind: str
    relation: str
    relation_id: str
    valid_from: str = ""
    valid_to: str = ""
    effective_from: str | None = None
    effective_to: str | None = None
    sources: tuple[dict[str, str], ...] = ()
    attested: bool = False
    attestation: Attestation = NEVER
    asked: tuple[int, int] = (0, 0)
    derived: bool = False
    conflicts: tuple[Conflict, ...] = ()
    also: tuple[str, ...] = ()  # further relations with the same entity and kind, grouped into this answer

    @property
    def relation_ids(self) -> tuple[str, ...]:
        """Every relation behind this answer: its own and those grouped into it."""
        return (self.relation_id, *self.also) if self.relation_id else self.also

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_sv

    @property
    def evidence(self) -> str | None:
        """What speaks for the item on the days asked about: "document", "public", "plan" or None."""
        return self.attestation.evidence_in(*self.asked)

    def note(self, lang: str = "sv") -> str:
        """"" when a shipped document speaks for the item on the date asked about; "offentlig källa, ej kontrollerad här"
        when only a public source does; else "saknar källa för detta datum, senast belagd …" (or "planerat, inte belagt")."""
        if self.attested:
            return t("evidence.public", lang) if self.evidence == "public" else ""
        return attestation_note(self.attestation, self.asked[0], lang, derived=self.derived)

    def conflict_texts(self, lang: str = "sv") -> list[dict[str, str]]:
        """``[{"id", "text"}]`` of the recorded conflicts the item rests on."""
        return [{"id": c.id, "text": c.topic(lang)} for c in self.conflicts]

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name(lang),
            "kind": self.kind,
            "relation": self.relation,
            "relation_id": self.relation_id,
            "relation_ids": list(self.relation_ids),
            **_validity_json(self),
            "valid_text": validity_text(self.valid_from, self.valid_to, lang),
            "attested": self.attested,
            "evidence": self.evidence,
            **self.attestation.to_json(),
            "attested_note": self.note(lang),
            "conflicts": self.conflict_texts(lang),
        }


@dataclass(frozen=True)
class Step:
    """One step of a path: from ``from_id`` to ``to_id`` over relation ``relation_id``.

    ``forward`` is True when the relation reads ``from_id --relation--> to_id``
    and False when the path walks it backwards (TUNA ← steered by LSG).
    """

    relation_id: str
    relation: str
    from_id: str
    to_id: str
    forward: bool
    valid_from: str = ""
    valid_to: str = ""
    effective_from: str | None = None
    effective_to: str | None = None
    sources: tuple[dict[str, str], ...] = ()

    def verb(self, lang: str = "sv") -> str:
        kind = RELATION_KINDS[self.relation]
        return kind.verb(lang) if self.forward else kind.inverse(lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "relation_id": self.relation_id,
            "relation": self.relation,
            "from": self.from_id,
            "to": self.to_id,
            "direction": "forward" if self.forward else "backward",
            **_validity_json(self),
        }


@dataclass(frozen=True)
class Path:
    """A typed, date-valid path: a sequence of steps."""

    steps: tuple[Step, ...] = field(default_factory=tuple)

    def __iter__(self):
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def node_ids(self) -> list[str]:
        if not self.steps:
            return []
        return [self.steps[0].from_id] + [s.to_id for s in self.steps]

    def relation_ids(self) -> list[str]:
        return [s.relation_id for s in self.steps]

    def text(self, structure, lang: str = "sv") -> str:
        """``TUNA —styrs av→ LSG Nyköping —omfattar→ Nyköpings kommun …``."""
        if not self.steps:
            return ""
        parts = [structure.name(self.steps[0].from_id, lang)]
        for s in self.steps:
            parts.append(f"—{s.verb(lang)}→ {structure.name(s.to_id, lang)}")
        return " ".join(parts)

    def to_json(self, structure=None, lang: str = "sv") -> dict[str, Any]:
        out: dict[str, Any] = {"nodes": self.node_ids(), "steps": [s.to_json() for s in self.steps]}
        if structure is not None:
            out["text"] = self.text(structure, lang)
        return out


# -- answer items ----------------------------------------------------------------------


def _conflicts(structure, *fact_ids: str) -> tuple[Conflict, ...]:
    """The recorded conflicts naming any of ``fact_ids``, each once, in order."""
    found: dict[str, Conflict] = {}
    for fact_id in fact_ids:
        for c in structure.conflicts_of(fact_id) if fact_id else ():
            found.setdefault(c.id, c)
    return tuple(found.values())


def _attested_fields(structure, fact_id: str, on: On) -> dict[str, Any]:
    """``attested``, ``attestation`` and ``asked`` of an answer item for fact ``fact_id`` on ``on``."""
    lo, hi = day_range(on)
    attestation = structure.attestation(fact_id)
    return {"attested": attested_within(attestation, lo, hi), "attestation": attestation, "asked": (lo, hi)}


def relation_item(structure, entity: Entity, r: Relation, *, on: On = None) -> AnswerItem:
    """``entity`` as an answer because of relation ``r`` (its validity, sources, attestation on ``on`` and conflicts).

    The conflicts are those naming the relation or ``entity``.
    """
    return AnswerItem(
        id=entity.id,
        name_sv=entity.name_sv,
        name_en=entity.name_en,
        kind=entity.kind,
        relation=r.relation,
        relation_id=r.id,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
        effective_from=day_to_iso(r.start),
        effective_to=day_to_iso(r.end),
        sources=structure.citations(r.sources),
        derived=bool(r.derived_from),
        conflicts=_conflicts(structure, r.id, entity.id),
        **_attested_fields(structure, r.id, on),
    )


def entity_item(structure, entity: Entity, *, on: On = None) -> AnswerItem:
    """``entity`` as an answer in its own right (a list of what exists): its own validity, sources, attestation and conflicts."""
    return AnswerItem(
        id=entity.id, name_sv=entity.name_sv, name_en=entity.name_en, kind=entity.kind, relation="", relation_id="",
        valid_from=entity.valid_from, valid_to=entity.valid_to,
        effective_from=day_to_iso(entity.start), effective_to=day_to_iso(entity.end),
        sources=structure.citations(entity.sources), conflicts=_conflicts(structure, entity.id),
        **_attested_fields(structure, entity.id, on),
    )


def event_item(structure, entity: Entity, ev: Event) -> AnswerItem:
    """``entity`` as an answer because of event ``ev`` (what it became or came from).

    An event is a dated fact: it is attested on its own day when a source states it, whatever day was asked about.
    """
    attestation = Attestation(((ev.day, ev.day),)) if ev.sources else NEVER
    return AnswerItem(
        id=entity.id, name_sv=entity.name_sv, name_en=entity.name_en, kind=entity.kind, relation=ev.kind, relation_id=ev.id,
        valid_from=ev.date, valid_to="", effective_from=day_to_iso(ev.day), effective_to=day_to_iso(ev.day),
        sources=structure.citations(ev.sources), attested=attestation.ever, attestation=attestation, asked=(ev.day, ev.day),
        conflicts=_conflicts(structure, ev.id, entity.id),
    )


def step(structure, relation: Relation, *, forward: bool = True) -> Step:
    """One :class:`Step` over ``relation``, read forward (``from_id → to_id``) or backward, with its dates and citations."""
    return _step(structure, relation, forward)


def _step(structure, r: Relation, forward: bool) -> Step:
    a, b = (r.from_id, r.to_id) if forward else (r.to_id, r.from_id)
    return Step(r.id, r.relation, a, b, forward, r.valid_from, r.valid_to, day_to_iso(r.start), day_to_iso(r.end), structure.citations(r.sources))


def _kinds(relation: str | Iterable[str]) -> frozenset[str]:
    return frozenset([relation]) if isinstance(relation, str) else frozenset(relation)


def group_items(items: Iterable[AnswerItem]) -> list[AnswerItem]:
    """One answer per entity, relation kind and stated dates: items that share all three are grouped, with all their
    sources (two sources that date the same relation differently stay two answers, each with its dates).

    The item kept is the first attested one (else the first); the others' relation
    ids go to ``also``, their sources and conflicts are added, and the group is
    attested when any of its relations is.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> grouped = group_items(targets(load(BUNDLED_DATA), "steers", "lsg_nykoping", on="2016-11-15"))
    >>> [(a.id, a.relation_ids) for a in grouped if a.id == "ips_slussen"]
    [('ips_slussen', ('r_ls_ips', 'r035'))]
    """
    groups: dict[tuple[str, str, str, str], list[AnswerItem]] = {}
    for item in items:
        groups.setdefault((item.id, item.relation, item.valid_from, item.valid_to), []).append(item)
    out = []
    for members in groups.values():
        if len(members) == 1 or members[0].relation not in RELATION_KINDS:
            out.extend(members)
            continue
        ordered = sorted(members, key=lambda a: not a.attested)
        first, rest = ordered[0], ordered[1:]
        sources = {c["id"]: c for a in ordered for c in a.sources}
        conflicts = {c.id: c for a in ordered for c in a.conflicts}
        windows = merge_windows(w for a in ordered for w in a.attestation.windows)
        out.append(replace(
            first, also=tuple(a.relation_id for a in rest), sources=tuple(sources.values()), conflicts=tuple(conflicts.values()),
            attested=any(a.attested for a in ordered), attestation=Attestation(windows) if windows else NEVER,
        ))
    return out


def _sort(items: list[AnswerItem]) -> list[AnswerItem]:
    return sorted(items, key=lambda a: (a.name_sv.casefold(), a.relation, a.relation_id))


# -- who holds a relation, and the reverse --------------------------------------------


def holders(structure, relation: str | Iterable[str], target_id: str, *, on: On = None) -> list[AnswerItem]:
    """Who holds ``relation`` to ``target_id`` on ``on``: ``X --relation--> target``.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> [a.name("en") for a in holders(load(BUNDLED_DATA), "employs", "processledare", on="2017-03-01")]
    ['RAR Sörmland coordination association']
    """
    lo, hi = day_range(on)
    kinds = _kinds(relation)
    out = [
        relation_item(structure, structure.entities[r.from_id], r, on=(lo, hi))
        for r in structure.incoming(target_id)
        if r.relation in kinds and r.start <= hi and lo <= r.end
    ]
    return _sort(out)


def targets(structure, relation: str | Iterable[str], subject_id: str, *, on: On = None) -> list[AnswerItem]:
    """What ``subject_id`` holds ``relation`` to on ``on``: ``subject --relation--> X``.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> [a.id for a in targets(load(BUNDLED_DATA), "covers", "lsg_trosa_gnesta", on="2017-03-01")]
    ['kommun_gnesta', 'kommun_trosa']
    """
    lo, hi = day_range(on)
    kinds = _kinds(relation)
    out = [
        relation_item(structure, structure.entities[r.to_id], r, on=(lo, hi))
        for r in structure.outgoing(subject_id)
        if r.relation in kinds and r.start <= hi and lo <= r.end
    ]
    return _sort(out)


def responsible_for(structure, target_id: str, *, on: On = None) -> list[AnswerItem]:
    """Those responsible for ``target_id``: its owners and steering groups together.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> sorted({a.id for a in responsible_for(load(BUNDLED_DATA), "ibis", on="2016-12-01")})
    ['lsg_nykoping', 'lsg_oxelosund', 'rar']
    """
    return holders(structure, RESPONSIBLE_RELATIONS, target_id, on=on)


# -- chains and paths ---------------------------------------------------------------------


def _upward_steps(structure, node: str, lo: int, hi: int):
    for r in structure.incoming(node):
        if _UPWARD[r.relation] == "subject" and r.start <= hi and lo <= r.end:
            yield r, False, r.from_id
    for r in structure.outgoing(node):
        if _UPWARD[r.relation] == "object" and r.start <= hi and lo <= r.end:
            yield r, True, r.to_id


_UPWARD = {key: kind.upward for key, kind in RELATION_KINDS.items()}


def chain_to_root(structure, entity_id: str, *, on: On = None, max_len: int = 6, limit: int = 50) -> list[Path]:
    """The accountability chains from ``entity_id`` up to the dataset's root, valid on ``on``.

    The root is :attr:`Structure.root`; a dataset without one (no declared
    root and several associations) has chains that end at any coordination
    association (kind ``association``).

    Each step follows the relation kinds' ``upward`` (steered/owned/funded/
    employed/commissioned by, covers, member of, reports to, part of …). For every first step the shortest
    continuations to the root are kept; paths are sorted shortest first.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> print(chain_to_root(s, "tuna", on="2016-12-01")[0].text(s, "en"))
    TUNA – Training and Development Close to Working Life (Eskilstuna) —is funded by→ RAR Sörmland coordination association
    """
    entities = structure.entities
    root = structure.root
    if root in entities:
        is_root = root.__eq__
    else:
        def is_root(node: str) -> bool:
            return entities[node].kind == "association"

    if entity_id not in entities or is_root(entity_id):
        return []
    lo, hi = day_range(on)
    found: list[tuple[tuple, ...]] = []

    def walk(node: str, trail: list, seen: set, depth_left: int) -> None:
        for r, forward, nxt in _upward_steps(structure, node, lo, hi):
            if nxt in seen:
                continue
            trail.append((r, forward))
            if is_root(nxt):
                found.append(tuple(trail))
            elif depth_left > 1:
                seen.add(nxt)
                walk(nxt, trail, seen, depth_left - 1)
                seen.discard(nxt)
            trail.pop()

    walk(entity_id, [], {entity_id}, max_len)
    shortest: dict[str, int] = {}
    for trail in found:
        first = trail[0][0].id
        shortest[first] = min(shortest.get(first, max_len + 1), len(trail))
    kept = [trail for trail in found if len(trail) == shortest[trail[0][0].id]]
    kept.sort(key=lambda trail: (len(trail), [r.id for r, _ in trail]))
    return [Path(tuple(_step(structure, r, fw) for r, fw in trail)) for trail in kept[:limit]]


def paths_between(structure, a: str, b: str, *, on: On = None, max_len: int = 5, limit: int = 20) -> list[Path]:
    """The shortest typed paths between ``a`` and ``b`` over relations valid on ``on``.

    Relations are walked either way; each step says which way it was read.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> [p.text(s, "sv") for p in paths_between(s, "ida_malmberg", "processledare", on="2017-03-01")]
    ['Ida Malmberg —innehar→ Processledare LSG södra Sörmland']
    """
    if a not in structure.entities or b not in structure.entities or a == b:
        return []
    lo, hi = day_range(on)
    dist = {a: 0}
    preds: dict[str, list[tuple[str, Relation, bool]]] = {}
    queue = deque([a])
    while queue:
        node = queue.popleft()
        d = dist[node]
        if b in dist and d >= dist[b]:
            break
        if d >= max_len:
            continue
        neighbours = [(r, True, r.to_id) for r in structure.outgoing(node)] + [(r, False, r.from_id) for r in structure.incoming(node)]
        for r, forward, nxt in neighbours:
            if not (r.start <= hi and lo <= r.end):
                continue
            if nxt not in dist:
                dist[nxt] = d + 1
                queue.append(nxt)
            if dist[nxt] == d + 1:
                preds.setdefault(nxt, []).append((node, r, forward))
    if b not in dist:
        return []
    paths: list[list[tuple[Relation, bool]]] = []

    def back(node: str, tail: list) -> None:
        if len(paths) >= limit:
            return
        if node == a:
            paths.append(list(reversed(tail)))
            return
        for prev, r, forward in preds.get(node, ()):
            tail.append((r, forward))
            back(prev, tail)
            tail.pop()

    back(b, [])
    paths.sort(key=lambda p: [r.id for r, _ in p])
    return [Path(tuple(_step(structure, r, fw) for r, fw in p)) for p in paths]


# -- lineage through events ---------------------------------------------------------------


def lineage(structure, entity_id: str) -> dict[str, list]:
    """What ``entity_id`` became and came from through events (mergers, renames …), transitively.

    ``became`` and ``came_from`` are :class:`AnswerItem` lists whose ``relation``
    is the event kind and ``relation_id`` the event id; ``events`` the events.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> [a.id for a in lineage(s, "lsg_gnesta")["became"]]
    ['lsg_trosa_gnesta']
    >>> sorted(a.id for a in lineage(s, "lsg_trosa_gnesta")["came_from"])
    ['lsg_gnesta', 'lsg_trosa']
    """
    events = structure.events_in_order

    def follow(start: str, forward: bool) -> tuple[list[AnswerItem], list]:
        items: list[AnswerItem] = []
        used = []
        frontier, seen = [start], {start}
        while frontier:
            node = frontier.pop(0)
            for ev in events:
                here, there = (ev.originals, ev.results) if forward else (ev.results, ev.originals)
                if node not in here:
                    continue
                if ev not in used:
                    used.append(ev)
                for other in there:
                    if other in seen or other not in structure.entities:
                        continue
                    seen.add(other)
                    frontier.append(other)
                    items.append(event_item(structure, structure.entities[other], ev))
        return items, used

    became, ev_a = follow(entity_id, True)
    came_from, ev_b = follow(entity_id, False)
    all_events = sorted({e.id: e for e in ev_a + ev_b}.values(), key=lambda e: (e.day, e.id))
    return {"became": became, "came_from": came_from, "events": all_events}


# -- amounts --------------------------------------------------------------------------------


def amounts(
    structure, funder_id: str | None, target_id: str | None, *, year: int | None = None, item: str | None = None,
    years: Iterable[int] | None = None, items: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The budget lines of ``funder_id`` funding ``target_id`` (any funder if None; any target if None), and their total;
    only ``year``/``years`` and ``item``/``items`` (Swedish names) if given.

    Amounts are in thousands of kronor (tkr) as the documents give them; each
    line keeps its ``basis``: "applied", "granted", "outcome" or "" (not stated).

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> amounts(s, "rar", "processledare")["total"], amounts(s, "rar", "processledare", year=2017)["total"]
    (1721.0, 859.0)
    >>> amounts(s, None, None, years=(2017, 2018))["total"], amounts(s, "rar", "processledare", items=("Resor", "Telefon"))["total"]
    (1290.0, 51.0)
    """
    want_years = set(years) if years is not None else ({year} if year is not None else None)
    want_items = set(items) if items is not None else ({item} if item is not None else None)
    edges = structure.incoming(target_id) if target_id else structure.relations.values()
    rels = [r for r in edges if r.relation == FUNDING and (funder_id is None or r.from_id == funder_id)]
    lines = []
    by_year: dict[int, float] = {}
    for r in sorted(rels, key=lambda r: r.id):
        for line in structure.budget_of(r.id):
            if (want_years is not None and line.year not in want_years) or (want_items is not None and line.item_sv not in want_items):
                continue
            by_year[line.year] = by_year.get(line.year, 0.0) + line.amount_tkr
            lines.append(
                {
                    "id": line.id,
                    "relation_id": r.id,
                    "funder": r.from_id,
                    "target": r.to_id,
                    "year": line.year,
                    "item_sv": line.item_sv,
                    "item_en": line.item_en,
                    "amount_tkr": line.amount_tkr,
                    "basis": line.basis,
                    "sources": list(structure.citations(line.sources)),
                }
            )
    return {
        "funder": funder_id,
        "target": target_id,
        "year": next(iter(want_years)) if want_years and len(want_years) == 1 else None,
        "years": sorted(want_years) if want_years is not None else None,
        "item": next(iter(want_items)) if want_items and len(want_items) == 1 else None,
        "items": sorted(want_items) if want_items is not None else None,
        "relations": [r.id for r in sorted(rels, key=lambda r: r.id)],
        "lines": lines,
        "by_year": dict(sorted(by_year.items())),
        "total": float(sum(line["amount_tkr"] for line in lines)),
        "unit": "tkr",
    }


# -- lists ----------------------------------------------------------------------------------


def existing(structure, kind: str, *, on: On = None) -> list[Entity]:
    """The entities of ``kind`` (see :data:`lsgmap.vocab.ENTITY_KINDS`) that exist on ``on``.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> "lsg_trosa" in [e.id for e in existing(s, "lsg", on="2016-12-01")], "lsg_trosa" in [e.id for e in existing(s, "lsg", on="2017-03-01")]
    (True, False)
    """
    lo, hi = day_range(on)
    found = [e for e in structure.entities.values() if e.kind == kind and e.start <= hi and lo <= e.end]
    return sorted(found, key=lambda e: e.name_sv.casefold())
