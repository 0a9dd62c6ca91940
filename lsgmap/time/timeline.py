"""The structure over time: change dates, restructuring events, lifetimes.

* :func:`change_points` – every date on which something starts, stops or an
  event happens, with what changed that day (the :func:`~lsgmap.time.diff.diff`
  of the day before and the day itself). A fact whose source's period ends
  has not ended: it is under ``unattested``, never under ``removed``; a new
  fact no source speaks for on its first day says so in its ``note``.
* :func:`events` – the restructuring events with their originals and results.
* :func:`lifetimes` – a Gantt table of entities and relations; open ends are
  clipped to the dataset's span (:attr:`~lsgmap.model.structure.Structure.span`) and
  flagged ``open_start`` / ``open_end``; ``attested`` lists the windows a
  source speaks for.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> [p["date"] for p in change_points(s, start="2016-12-01", end="2017-12-31")]
['2017-01-01']
>>> point = change_points(s, start="2016-12-01", end="2017-12-31")[0]
>>> point["events"], "r_ls_ibis" in point["unattested"]["edges"], "r_ls_ibis" in point["removed"]["edges"]
(['ev_sammanslagning_trosa_gnesta'], True, False)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from lsgmap.dates import OPEN_END, OPEN_START, Day, day_to_iso, ordered_days, to_day
from lsgmap.i18n import normalise_lang
from lsgmap.model.attestation import attestation_note
from lsgmap.model.structure import conflict_items
from lsgmap.time.diff import Diff, diff, event_json, event_text
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["change_points", "events", "lifetimes", "slider_stops"]


def change_points(
    structure: Structure,
    *,
    start: Day = None,
    end: Day = None,
    lang: str = "sv",
) -> list[dict[str, Any]]:
    """The dates in ``start .. end`` (inclusive; default: all) on which the structure changes.

    Each item: ``{"date", "added": {"nodes", "edges"}, "removed": {"nodes", "edges"},
    "changed": {"nodes", "edges"}, "unattested": {"nodes", "edges"}, "events": [ids],
    "changes": [plain-language lines], "items": [{"text", "sources", "ids", "attested", "note"}]}``.
    ``unattested`` are the facts valid on both sides of the day that a source
    speaks for the day before and none on the day (not ended); an item's
    ``attested`` is False and its ``note`` says why when a fact it brings in
    (valid on the day) has no source for the day.

    >>> from lsgmap.dataset.load import load
    >>> p = change_points(load(), start="2019-01-01", end="2019-01-01")[0]
    >>> p["added"]["nodes"], "landstinget_sormland" in p["removed"]["nodes"], p["events"]
    (['region_sormland'], True, ['ev_region_sormland'])
    """
    lo = to_day(start) if start is not None else OPEN_START
    hi = to_day(end) if end is not None else OPEN_END
    if start is not None and end is not None:
        ordered_days(start, end)
    out = []
    for day in structure.change_days:
        if not lo <= day <= hi:
            continue
        d = diff(structure, start=day - 1, end=day)
        if d.is_empty():
            continue
        out.append(
            {
                "date": date.fromordinal(day).isoformat(),
                "added": {"nodes": sorted(d.nodes_added), "edges": sorted(d.edges_added)},
                "removed": {"nodes": sorted(d.nodes_removed), "edges": sorted(d.edges_removed)},
                "changed": {"nodes": sorted(d.nodes_changed), "edges": sorted(d.edges_changed)},
                "unattested": {"nodes": sorted(d.nodes_unattested), "edges": sorted(d.edges_unattested)},
                "events": list(d.events),
                "changes": d.changes(lang),
                "items": _items(structure, d, lang),
            }
        )
    return out


def _items(structure: Structure, d: Diff, lang: str) -> list[dict[str, Any]]:
    """The change items of ``d`` (a one-day diff), each with whether a source speaks for what it brings in."""
    out = []
    for item in d.change_items(lang):
        missing = []
        if not any(i in structure.events for i in item["ids"]):  # an event line stands on the event's own sources
            new = [i for i in item["ids"] if (i in structure.entities or i in structure.relations) and _valid(structure, i, d.end)]
            missing = [i for i in new if not structure.attestation(i).on(d.end)]
        note = ""
        if missing:
            derived = all(getattr(structure.relations.get(i), "derived_from", "") for i in missing)
            note = attestation_note(structure.attestation(missing[0]), d.end, lang, derived=derived)
        out.append({"text": item["text"], "sources": item["sources"], "ids": item["ids"], "attested": not missing, "note": note,
                    "conflicts": conflict_items(structure.conflicts_of_all(item["ids"]), lang)})
    return out


def _valid(structure: Structure, ident: str, day: int) -> bool:
    record = structure.entities.get(ident) or structure.relations[ident]
    return record.start <= day <= record.end


def events(structure: Structure, *, lang: str = "sv") -> list[dict[str, Any]]:
    """The restructuring events in date order, with originals, results and a sentence.

    >>> from lsgmap.dataset.load import load
    >>> e = [x for x in events(load()) if x["id"] == "ev_sammanslagning_trosa_gnesta"][0]
    >>> e["from"], e["to"], e["decided"]
    (['lsg_trosa', 'lsg_gnesta'], ['lsg_trosa_gnesta'], '2016-10-13/2016-12-31')
    >>> e["text"]
    'LSG Trosa och LSG Gnesta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Trosa-Gnesta (arbetsnamn, inte i källorna); första gemensamma mötet 2017-01-23'
    """
    lang = normalise_lang(lang)
    out = []
    for e in structure.events_in_order:
        item = event_json(e, lang)
        item["label"] = EVENT_KINDS[e.kind].label(lang) if e.kind in EVENT_KINDS else e.kind
        item["text"] = event_text(structure, e, lang)
        item["from_names"] = [structure.name(i, lang) for i in e.originals]
        item["to_names"] = [structure.name(i, lang) for i in e.results]
        out.append(item)
    return out


def lifetimes(structure: Structure, *, lang: str = "sv") -> list[dict[str, Any]]:
    """A Gantt table: one row per entity and relation with its (clipped) first and last day.

    Rows: ``id, type ('entity'|'relation'), kind, kind_label, name, start, end
    (YYYY-MM-DD), open_start, open_end, layer, colour, source, target,
    attested`` (``[[first, last], …]``: the windows a source speaks for, ISO).
    Relations that are never valid (clipped away) are left out.

    >>> from lsgmap.dataset.load import load
    >>> rows = {r["id"]: r for r in lifetimes(load(), lang="sv")}
    >>> rows["lsg_trosa"]["end"], rows["lsg_trosa"]["open_start"]
    ('2016-12-31', True)
    >>> rows["lsg_trosa_gnesta"]["start"], rows["lsg_trosa_gnesta"]["open_end"]
    ('2017-01-01', True)
    >>> rows["lsg_trosa"]["attested"]
    [['2016-01-01', '2016-06-30'], ['2016-10-13', '2016-12-31']]
    """
    lang = normalise_lang(lang)
    first, last = structure.span
    lo, hi = first.toordinal(), last.toordinal()

    def clip(start: int, end: int) -> tuple[str, str]:
        a = lo if start <= OPEN_START else start
        b = hi if end >= OPEN_END else end
        return date.fromordinal(a).isoformat(), date.fromordinal(max(a, b)).isoformat()

    rows = []
    for e in structure.entities.values():
        kind = ENTITY_KINDS[e.kind]
        a, b = clip(e.start, e.end)
        rows.append(
            {
                "id": e.id, "type": "entity", "kind": e.kind, "kind_label": kind.label(lang), "name": e.name(lang),
                "start": a, "end": b, "open_start": e.start <= OPEN_START, "open_end": e.end >= OPEN_END,
                "layer": kind.layer, "colour": kind.colour, "source": None, "target": None,
                "attested": _windows(structure, e.id),
            }
        )
    for r in structure.relations.values():
        if r.start > r.end:
            continue
        kind = RELATION_KINDS[r.relation]
        a, b = clip(r.start, r.end)
        rows.append(
            {
                "id": r.id, "type": "relation", "kind": r.relation, "kind_label": kind.label(lang),
                "name": f"{structure.name(r.from_id, lang)} {kind.verb(lang)} {structure.name(r.to_id, lang)}",
                "start": a, "end": b, "open_start": r.start <= OPEN_START, "open_end": r.end >= OPEN_END,
                "layer": None, "colour": kind.colour, "source": r.from_id, "target": r.to_id,
                "attested": _windows(structure, r.id),
            }
        )
    rows.sort(key=lambda row: (row["type"] != "entity", row["layer"] if row["layer"] is not None else 99, row["start"], row["id"]))
    return rows


def _windows(structure: Structure, ident: str) -> list[list[str | None]]:
    return [[day_to_iso(a), day_to_iso(b)] for a, b in structure.attestation(ident).windows]


def slider_stops(change_days, first: date, last: date, extra=()) -> list[date]:
    """The dates a date slider stops at, one step each: the first day of every year from ``first`` to ``last``,
    every change day with the day before it, ``first``, ``last`` and ``extra`` (the date shown now).

    Equal steps give a year with five changes five times the room of a quiet year, so
    2016–2019 are wide and 2009–2015 narrow, instead of 11–18 days per pixel everywhere.

    >>> stops = slider_stops([date(2017, 1, 1).toordinal()], date(2015, 6, 1), date(2018, 3, 1))
    >>> [d.isoformat() for d in stops]
    ['2015-06-01', '2016-01-01', '2016-12-31', '2017-01-01', '2018-01-01', '2018-03-01']
    """
    lo, hi = first.toordinal(), last.toordinal()
    days = {lo, hi, *(date(y, 1, 1).toordinal() for y in range(first.year + 1, last.year + 1))}
    for d in change_days:
        days.update(x for x in (d - 1, d) if lo <= x <= hi)
    days.update(d.toordinal() for d in extra if lo <= d.toordinal() <= hi)
    return [date.fromordinal(d) for d in sorted(days)]
