"""Recording an event (merger, split, rename, founding, dissolution) and the relations it hands on.

Recording a merger adds the event, adds the successor (starting on the
event's date), ends the predecessors on the day before, and *proposes* the
successor's relations derived from the predecessors' (``derived_from`` the
event): the user accepts or drops each before saving.

>>> from lsgmap.edit.dataset import Dataset
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> ds = Dataset(BUNDLED_DATA)
>>> draft = record_event(ds, "merger", "2020-01-01", originals=["lsg_nykoping", "lsg_oxelosund"],
...                      new_entities=[{"kind": "lsg", "name_sv": "LSG Nyköping-Oxelösund 2"}],
...                      name_sv="Sammanslagning", sources=["ls_sammanslagning"])
>>> [r.id for r in draft.change.rows][:2], draft.proposals[0].row["derived_from"]
(['ev_sammanslagning', 'lsg_nykoping_oxelosund_2'], 'ev_sammanslagning')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.dates import day_to_iso, to_day
from lsgmap.edit.change import Change, EditRefused, RowChange
from lsgmap.edit.dataset import Dataset
from lsgmap.edit.operations import add_row, change_row, need_sources, new_id, with_sources
from lsgmap.errors import Problem
from lsgmap.i18n import t
from lsgmap.vocab import EVENT_KINDS

__all__ = ["Proposal", "EventDraft", "record_event"]


@dataclass(frozen=True)
class Proposal:
    """A relation the event would hand on to a successor: its row, and the predecessor rows it comes from."""

    key: str
    row: dict[str, str]
    from_rows: tuple[str, ...]


@dataclass
class EventDraft:
    """An event's change without its derived relations, and the relations proposed."""

    change: Change
    proposals: list[Proposal] = field(default_factory=list)

    def accept(self, keys: list[str] | None = None) -> Change:
        """The change with the proposals named by ``keys`` (all when None)."""
        chosen = [p for p in self.proposals if keys is None or p.key in keys]
        rows = [*self.change.rows, *(RowChange("relations", p.row["id"], None, p.row) for p in chosen)]
        return Change(rows, self.change.base, list(self.change.sources))


def _day_before(table: str, event_id: str, day: str) -> tuple[int, str]:
    try:
        first = to_day(day)
    except (ValueError, TypeError) as exc:
        raise EditRefused([Problem("edit.bad_date", f"{table}.csv", None, day, {"field": "date", "reason": str(exc)})]) from None
    return first, day_to_iso(first - 1) or ""


def record_event(
    ds: Dataset,
    kind: str,
    day: str,
    *,
    originals: list[str] = (),
    results: list[str] = (),
    new_entities: list[dict[str, str]] = (),
    name_sv: str = "",
    name_en: str = "",
    sources: list[str],
    decided: str = "",
    note: str = "",
    event_id: str = "",
) -> EventDraft:
    """An event of ``kind`` on ``day``; ``new_entities`` are successors to add (their ``valid_from`` is the day)."""
    ek = EVENT_KINDS.get(kind)
    if ek is None:
        raise EditRefused([Problem("edit.unknown_event_kind", "events.csv", None, kind, {"field": "kind", "known": ", ".join(EVENT_KINDS)})])
    event_id = event_id or new_id(ds, "events", name="ev_" + (name_sv or kind))
    sources = need_sources("events", event_id, sources)
    first, last_before = _day_before("events", event_id, day)
    added = [add_row(ds, "entities", {**e, "valid_from": e.get("valid_from") or day}, sources=sources) for e in new_entities]
    results = [*results, *(c.rows[0].id for c in added)]
    if len(originals) < ek.min_originals:
        raise EditRefused([Problem("edit.no_originals", "events.csv", None, event_id, {"field": "originals"})])
    if len(results) < ek.min_results:
        raise EditRefused([Problem("edit.no_results", "events.csv", None, event_id, {"field": "results"})])
    event = add_row(ds, "events", {"id": event_id, "kind": kind, "date": day, "decided": decided, "name_sv": name_sv, "name_en": name_en,
                                   "originals": ";".join(originals), "results": ";".join(results), "note": note}, sources=sources)
    rows = [*event.rows, *(c.rows[0] for c in added)]
    if ek.ends_originals:
        rows += [change_row(ds, "entities", o, {"valid_to": last_before}, sources=sources).rows[0] for o in originals]
    change = Change(rows, ds.version, list(sources))
    follows = ek.results_follow or getattr(ek, "originals_follow", False)
    proposals = _proposals(ds, event_id, name_sv, first, list(originals), results, sources) if follows else []
    return EventDraft(change, proposals)


def _holds_before(row: dict[str, str], first: int) -> bool:
    try:
        start = to_day(row["valid_from"]) if row.get("valid_from") else None
        end = to_day(row["valid_to"]) if row.get("valid_to") else None
    except (ValueError, TypeError):
        return False
    return (start is None or start < first) and (end is None or end >= first - 1)


def _alive(entity: dict[str, str] | None, first: int) -> bool:
    try:
        return entity is not None and (not entity.get("valid_to") or to_day(entity["valid_to"]) >= first)
    except (ValueError, TypeError):
        return False


def _proposals(ds: Dataset, event_id: str, name_sv: str, first: int, originals: list[str], results: list[str], sources: list[str]) -> list[Proposal]:
    involved = {*originals, *results}
    found: dict[str, tuple[dict[str, str], list[str]]] = {}
    for row in ds.rows("relations"):
        ends = (row.get("from_id"), row.get("to_id"))
        if not (set(ends) & set(originals)) or set(ends) <= involved or not _holds_before(row, first):
            continue
        if any(not _alive(ds.row("entities", e), first) for e in ends if e not in involved):
            continue  # the other end does not outlive the event
        for result in results:
            frm, to = (result if e in originals else e for e in ends)
            key = f"{frm}|{row['relation']}|{to}"
            if key in found:
                found[key][1].append(row["id"])
            else:
                found[key] = ({**row, "from_id": frm, "to_id": to}, [row["id"]])
    numbers = iter(_free_ids(ds, len(found)))
    out = []
    for key, (row, from_rows) in found.items():
        their = [s for r in from_rows for s in (ds.row("relations", r) or {}).get("sources", "").split(";") if s]
        values = {**row, "id": next(numbers), "valid_from": day_to_iso(first) or "", "valid_to": "", "derived_from": event_id,
                  "sources": "", "note": t("edit.derived_note", "sv", event=name_sv or event_id, rows=", ".join(from_rows))}
        out.append(Proposal(key, with_sources(values, list(dict.fromkeys([*sources, *their]))), tuple(from_rows)))
    return out


def _free_ids(ds: Dataset, count: int) -> list[str]:
    first = new_id(ds, "relations", prefix="r")
    digits = len(first) - 1
    n = int(first[1:])
    return [f"r{n + i:0{digits}d}" for i in range(count)]
