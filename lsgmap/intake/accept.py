"""Accepting proposals: the document, its passages and the accepted facts as one logged, undoable change.

The change adds the document (``documents.csv``, with the period it speaks for) and its
text as ``documents/ID.txt``, so ``lsgmap check`` verifies every quote word for word; one
passage (``sources.csv``) per quote; then per accepted proposal:

- ``attests``: the passage is added to the existing fact's sources (a fact derived from an
  event cannot be attested by a source, so it gets a row of its own that cites the passage);
- ``new_entity``, ``new_relation``: a new row citing the passage;
- ``new_event``: a new event, when the document says when and what it became;
- ``conflict``: a row of ``conflicts.csv`` naming the existing fact, both sources kept.

It is saved as any edit is (:meth:`lsgmap.edit.Dataset.save`: checked, atomic, locked,
logged); ``lsgmap undo`` takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsgmap.dates import DateParseError, parse_span, validity_text
from lsgmap.edit.change import Change, EditRefused, RowChange
from lsgmap.edit.dataset import Dataset, Saved
from lsgmap.edit.operations import new_id, slug
from lsgmap.errors import Problem
from lsgmap.i18n import t
from lsgmap.intake.proposals import Intake, Proposal
from lsgmap.intake.when import PLAN_KINDS

__all__ = ["accept", "accepted_change", "Accepted", "choose"]


@dataclass
class Accepted:
    """The change to save, the document's id, and the proposals left out with why."""

    change: Change
    document_id: str
    sources: dict[str, str]
    skipped: list[tuple[str, str]] = field(default_factory=list)


def choose(result: Intake, which: str) -> list[Proposal]:
    """The proposals ``which`` names: ``all``, or ids ``p1,p3``; an unknown id is :class:`EditRefused`."""
    if which.strip().lower() == "all":
        return list(result.proposals)
    by_id = {p.id: p for p in result.proposals}
    wanted = [w.strip() for w in which.split(",") if w.strip()]
    unknown = [w for w in wanted if w not in by_id]
    if unknown:
        known = ", ".join(list(by_id)[:8]) + (" …" if len(by_id) > 8 else "")
        raise EditRefused([Problem("intake.no_such_proposal", "--accept", None, unknown[0], {"known": known})])
    return [by_id[w] for w in dict.fromkeys(wanted)]


def _locator(result: Intake, block: int) -> str:
    heads = [b.text for b in result.document.blocks[: block + 1] if b.heading]
    return heads[-1] if heads else ""


def _period_text(period: str | None) -> str:
    if not period:
        return ""
    try:
        span = parse_span(period)
    except DateParseError:
        return period
    return validity_text(str(span.start), str(span.end))


def accepted_change(ds: Dataset, result: Intake, chosen: list[Proposal], *, lang: str = "sv") -> Accepted:
    """The one change that adds ``result``'s document, its quotes and the ``chosen`` proposals to ``ds`` (nothing written)."""
    doc = result.document
    doc_id, title, row = _document_row(ds, result, lang)
    reference = row.after["reference"]
    rows: list[RowChange] = [row]
    plan = result.kind in PLAN_KINDS
    sources: dict[str, str] = {}
    taken_sources = set(ds.files["sources"].ids())

    def source_for(p: Proposal) -> str:
        if p.quote in sources:
            return sources[p.quote]
        n = len(sources) + 1
        sid = f"{doc_id[:24]}_{n:02d}"
        while sid in taken_sources:
            n += 1
            sid = f"{doc_id[:24]}_{n:02d}"
        taken_sources.add(sid)
        sources[p.quote] = sid
        rows.append(RowChange("sources", sid, None, _row(ds, "sources", {
            "id": sid, "document": doc_id, "quote": p.quote, "locator": _locator(result, p.block), "form": "quote", "kind": "plan" if plan else "",
        })))
        return sid

    accepted_entities = {p.entity_id for p in chosen if p.kind == "new_entity"}
    new_ids = set(result.new_entities)
    skipped: list[tuple[str, str]] = []
    updates: dict[tuple[str, str], dict[str, str]] = {}
    next_relation = _counter(ds, "relations", "r")
    next_conflict = _counter(ds, "conflicts", "k_intake_")

    def cite(table: str, row_id: str, sid: str) -> None:
        row = updates.get((table, row_id)) or dict(ds.row(table, row_id) or {})
        have = [x for x in row.get("sources", "").split(";") if x]
        row["sources"] = ";".join(dict.fromkeys([*have, sid]))
        updates[(table, row_id)] = row

    for p in chosen:
        missing = [e for e in (p.from_id, p.to_id) if e in new_ids and e not in accepted_entities]
        if missing:
            skipped.append((p.id, t("intake.skip.end_not_accepted", lang, end=missing[0])))
            continue
        if p.kind == "new_event" and not (p.event.get("date") and p.event.get("results")):
            skipped.append((p.id, t("intake.skip.event_incomplete", lang)))
            continue
        sid = source_for(p)
        if p.kind == "new_entity":
            values = {"id": p.entity_id, "kind": p.entity_kind, "name_sv": p.name, "name_en": p.name, "valid_from": p.valid_from,
                      "sources": sid, "note": t("intake.read_note", lang, file=doc.name, sha=doc.sha256[:12])}
            if p.entity_kind == "assignment" and result.period:
                values["attributes"] = f"period={result.period}"
            rows.append(RowChange("entities", p.entity_id, None, _row(ds, "entities", values)))
        elif p.relation and (p.kind == "new_relation" or p.note == "derived"):  # a derived fact gets a row of its own that cites
            rid = next_relation()
            note = t("intake.derived_copy", lang, existing=p.existing_id) if p.note == "derived" else ""
            rows.append(RowChange("relations", rid, None, _row(ds, "relations", {
                "id": rid, "from_id": p.from_id, "relation": p.relation, "to_id": p.to_id, "valid_from": p.valid_from, "valid_to": p.valid_to,
                "sources": sid, "note": note})))
        elif p.kind == "attests":
            cite("relations" if p.relation else "events" if p.event else "entities", p.existing_id, sid)
        elif p.kind == "new_event":
            ev = p.event
            eid = new_id(ds, "events", name=f"ev_{ev['kind']}_{'_'.join(ev['originals'])}")
            rows.append(RowChange("events", eid, None, _row(ds, "events", {
                "id": eid, "kind": ev["kind"], "date": ev["date"], "decided": ev.get("decided", ""), "originals": ";".join(ev["originals"]),
                "results": ";".join(ev["results"]), "sources": sid})))
        elif p.kind == "conflict":
            kid = next_conflict()
            rows.append(RowChange("conflicts", kid, None, _row(ds, "conflicts", _conflict(ds, p, kid, sid, title, result.period))))
    for (table, row_id), after in updates.items():
        rows.append(RowChange(table, row_id, ds.row(table, row_id), after))
    files = {f"documents/{reference}": doc.text.encode("utf-8")}
    return Accepted(Change(rows, ds.version, list(sources.values()), files=files), doc_id, sources, skipped)


def _document_row(ds: Dataset, result: Intake, lang: str) -> tuple[str, str, RowChange]:
    """The document's id, its title and its row: the period it speaks for, its text as ``documents/ID.txt``."""
    first_word = slug(result.title.split()[0]) if result.title else "dokument"
    doc_id = new_id(ds, "documents", name=f"{first_word}_{(result.period or '').replace('/', '_')}".strip("_"))
    titles = {r.get("title") for r in ds.rows("documents")}
    title = result.title if result.title not in titles else f"{result.title}, {_period_text(result.period)}"
    end = parse_span(result.period).end if result.period else None
    reference, n = f"{doc_id}.txt", 2
    data = result.document.text.encode("utf-8")
    while (ds.folder / "documents" / reference).exists() and (ds.folder / "documents" / reference).read_bytes() != data:
        reference, n = f"{doc_id}_{n}.txt", n + 1  # a file left by an undone intake is never overwritten
    values = {
        "id": doc_id, "title": title, "kind": "seed", "reference": reference,
        "date": f"{end.year:04d}-{end.month:02d}" if end is not None and end.month else (str(end) if end else ""),
        "period": result.period or "", "period_note": t("intake.read_note", lang, file=result.document.name, sha=result.document.sha256[:12]),
    }
    return doc_id, title, RowChange("documents", doc_id, None, _row(ds, "documents", values))


def _conflict(ds: Dataset, p: Proposal, kid: str, sid: str, title: str, period: str | None) -> dict[str, str]:
    """A conflicts row: what the document says against the existing fact, both sources kept, in Swedish and English."""
    existing = ds.row("relations", p.existing_id) or ds.row("entities", p.existing_id) or {}
    fact = " ".join(x for x in (existing.get("from_id"), existing.get("relation"), existing.get("to_id")) if x) or existing.get("name_sv", p.existing_id)
    theirs = [x for x in existing.get("sources", "").split(";") if x][:2]
    topic = {lang: t("intake.conflict_topic", lang, title=title, period=_period_text(period), quote=p.quote, fact=fact,
                     reason=t(f"intake.note.{p.note}", lang, name=p.existing_id) if p.note else "")
             for lang in ("sv", "en")}
    return {"id": kid, "topic_sv": topic["sv"], "topic_en": topic["en"], "facts": p.existing_id, "sources": ";".join([sid, *theirs]),
            "note": " ".join(x for x in (p.from_id, p.relation, p.to_id) if x)}


def _row(ds: Dataset, table: str, values: dict[str, str]) -> dict[str, str]:
    header = ds.files[table].header
    return {c: str(values.get(c, "") or "").strip() for c in header}


def _counter(ds: Dataset, table: str, prefix: str):
    """Free ids ``prefix``N after the table's own, one per call."""
    first = new_id(ds, table, prefix=prefix)
    digits = first[len(prefix):]
    width, n = len(digits), int(digits)
    taken = set(ds.files[table].ids())

    def next_id() -> str:
        nonlocal n
        while f"{prefix}{n:0{width}d}" in taken:
            n += 1
        ident = f"{prefix}{n:0{width}d}"
        taken.add(ident)
        return ident

    return next_id


def accept(ds: Dataset, result: Intake, which: str = "all", *, who: str = "", why: str = "", lang: str = "sv") -> tuple[Saved, Accepted]:
    """Save the proposals ``which`` names (``all`` or ``p1,p3``) with the document, as one logged change."""
    accepted = accepted_change(ds, result, choose(result, which), lang=lang)
    saved = ds.save(accepted.change, who=who, why=why or t("intake.why_default", lang, file=result.document.name))
    return saved, accepted
