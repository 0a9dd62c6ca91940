"""A document read into proposals: each candidate fact attests, adds to, or contradicts the dataset.

:func:`read` is what ``lsgmap intake FILE`` prints: the document (title, kind, period,
sha256), the entities it mentions with their sentences, and the proposals, each
``attests`` (an existing fact, for the document's period), ``new_relation``,
``new_entity``, ``new_event`` or ``conflict`` (the dataset says otherwise: a proposed
conflict row), with its verbatim quote and how sure the reading is (``confidence``).

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.intake.document import from_text
>>> s = load(BUNDLED_DATA)
>>> doc = from_text("Lägesrapport\\n\\nPeriod: Den 1 januari - 30 juni 2017\\n\\nAktuella insatser\\n\\n- IBIS (LSG Oxelösund)\\n")
>>> result = intake(s, doc)
>>> result.period, [(p.kind, p.from_id, p.relation, p.to_id, p.existing_id, p.quote) for p in result.proposals]
('2017-01-01/2017-06-30', [('attests', 'lsg_oxelosund', 'steers', 'ibis', 'r043', 'IBIS (LSG Oxelösund)')])
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lsgmap.dates import parse_span
from lsgmap.edit.operations import slug
from lsgmap.intake.document import Document, read_document
from lsgmap.intake.facts import Fact, read_facts
from lsgmap.intake.mentions import new_names
from lsgmap.intake.when import kind_of, period_in
from lsgmap.vocab import OWNERSHIP

__all__ = ["Proposal", "Intake", "intake", "read", "PROPOSAL_KINDS", "DEFAULT_CONFIDENCE"]

PROPOSAL_KINDS = ("attests", "new_relation", "new_entity", "new_event", "conflict")
#: Proposals at or above this confidence are ticked by default in the app (see bench/bench_intake.py for why).
DEFAULT_CONFIDENCE = 0.7


@dataclass
class Proposal:
    """One proposed fact with its quote; ``existing_id`` is the fact it attests or contradicts."""

    id: str
    kind: str
    quote: str
    period: str | None
    confidence: float
    from_id: str = ""
    relation: str = ""
    to_id: str = ""
    entity_id: str = ""
    name: str = ""
    entity_kind: str = ""
    existing_id: str = ""
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""
    reading: str = ""
    event: dict[str, Any] = field(default_factory=dict)
    block: int = 0

    def key(self) -> tuple[str, str, str]:
        """(from, relation, to) of a relation; ("", "", entity) of an entity."""
        return (self.from_id, self.relation, self.to_id) if self.relation else ("", "", self.entity_id)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(self.confidence, 2)
        return {k: (v if v != "" else None) for k, v in d.items() if k not in ("block",) and (k != "event" or v)}


@dataclass
class Intake:
    """A document read against a dataset: its kind, period, mentions and proposals."""

    document: Document
    kind: str
    period: str | None
    proposals: list[Proposal]
    mentions: list[dict[str, Any]]
    new_entities: dict[str, dict[str, str]]

    @property
    def title(self) -> str:
        return self.document.title

    def to_json(self) -> dict[str, Any]:
        return {
            "document": {"title": self.title, "kind": self.kind, "period": self.period, "sha256": self.document.sha256,
                         "name": self.document.name},
            "proposals": [p.to_json() for p in self.proposals],
            "mentions": self.mentions,
        }


def _period(doc: Document) -> str | None:
    head = doc.blocks[:8]
    for b in head:  # a line that says it is the period first
        if "period" in b.text.lower():
            found = period_in(b.text)
            if found:
                return found
    for b in head[:3]:
        found = period_in(b.text)
        if found:
            return found
    return None


def _days(period: str | None) -> tuple[int, int] | None:
    if not period:
        return None
    span = parse_span(period)
    return span.first_day().toordinal(), span.last_day().toordinal()


def _classify(structure, f: Fact, days: tuple[int, int] | None, new_ids: set[str]) -> tuple[str, str, str]:
    """(kind, existing id, note) of a relation fact."""
    a, b = days if days else (-(2**40), 2**40)
    if f.from_id in new_ids or f.to_id in new_ids:
        return "new_relation", "", ""
    for end in (f.from_id, f.to_id):
        e = structure.entities[end]
        if e.end < a or e.start > b:
            return "conflict", end, "ends_outside"
    same = [r for r in structure.relations.values() if (r.from_id, r.relation, r.to_id) == (f.from_id, f.relation, f.to_id)]
    during = [r for r in same if r.start <= b and r.end >= a]
    if during:
        if f.valid_to:
            fitting = [r for r in during if not r.valid_to or r.valid_to == f.valid_to]
            if not fitting:
                return "conflict", during[0].id, "other_end"
            during = fitting
        during.sort(key=lambda r: (bool(r.derived_from), r.id))
        return "attests", during[0].id, "derived" if during[0].derived_from else ""
    if same:
        return "conflict", same[0].id, "ended"
    if f.relation == OWNERSHIP:
        others = [r for r in structure.incoming(f.to_id) if r.relation == OWNERSHIP and r.start <= b and r.end >= a]
        if others:
            return "conflict", others[0].id, "other_owner"
    return "new_relation", "", ""


def intake(structure, doc: Document) -> Intake:
    """Read ``doc`` against ``structure`` into proposals (nothing is written)."""
    period = _period(doc)
    days = _days(period)
    new = new_names(structure, doc.blocks, slug)
    reading = read_facts(structure, doc, period, new)
    new_by_id = {n.id: n for n in reading.new.values()}
    out: list[Proposal] = []
    best: dict[tuple, Proposal] = {}

    def put(p: Proposal) -> None:
        k = (p.kind if p.kind in ("new_entity", "new_event") else "fact", *p.key(), str(p.event.get("originals", "")))
        old = best.get(k)
        if old is None:
            best[k] = p
            out.append(p)
        elif (p.confidence, -len(p.quote)) > (old.confidence, -len(old.quote)):
            out[out.index(old)] = p
            best[k] = p

    used_new: dict[str, Fact] = {}
    for f in reading.facts:
        if f.kind == "relation":
            kind, existing, note = _classify(structure, f, days, set(new_by_id))
            for end in (f.from_id, f.to_id):
                if end in new_by_id and end not in used_new:
                    used_new[end] = f
            put(Proposal("", kind, f.quote, period, f.confidence, f.from_id, f.relation, f.to_id, existing_id=existing,
                         valid_from=f.valid_from, valid_to=f.valid_to, note=note, reading=f.reading, block=f.block))
        elif f.kind == "entity":
            if f.entity_id in structure.entities:
                put(Proposal("", "attests", f.quote, period, f.confidence, entity_id=f.entity_id, name=f.name, entity_kind=f.entity_kind,
                             existing_id=f.entity_id, reading=f.reading, block=f.block))
            else:
                used_new[f.entity_id] = f
        else:
            ev = f.event
            same = [e for e in structure.events.values() if e.kind == ev["kind"] and set(e.originals) == set(ev["originals"])]
            if same:
                put(Proposal("", "attests", f.quote, period, f.confidence, existing_id=same[0].id, reading=f.reading, event=ev, block=f.block))
            else:
                put(Proposal("", "new_event", f.quote, period, f.confidence * (1 if ev.get("results") and ev.get("date") else 0.6),
                             reading=f.reading, event=ev, block=f.block))
    for ident, f in used_new.items():
        n = new_by_id[ident]
        quote = f.quote if f.kind == "entity" else _first_sentence(doc, n.name) or f.quote
        valid_from = f.valid_from if f.kind == "entity" else ""
        put(Proposal("", "new_entity", quote, period, f.confidence, entity_id=n.id, name=n.name, entity_kind=n.kind,
                     valid_from=valid_from, reading=f.reading, block=f.block))
    for n in new_by_id.values():  # a new name no fact uses: proposed on its own, less sure
        if n.id not in used_new:
            block = next((i for i, b in enumerate(doc.blocks) if n.name.lower() in b.text.lower()), 0)
            put(Proposal("", "new_entity", _first_sentence(doc, n.name), period, 0.5, entity_id=n.id, name=n.name,
                         entity_kind=n.kind, reading="name", block=block))
    out = [p for p in out if doc.contains(p.quote)]  # never a quote the document does not hold word for word
    out.sort(key=lambda p: (p.block, p.kind != "new_entity", p.kind == "new_event"))
    for n, p in enumerate(out, 1):
        p.id = f"p{n}"
    mentions = [{"entity_id": m.id, "text": m.text, "name": structure.name(m.id) if m.id in structure.entities else new_by_id[m.id].name,
                 "new": m.new, "sentence": sentence, "block": block} for m, sentence, block in reading.mentions]
    new_entities = {n.id: {"name": n.name, "kind": n.kind} for n in new_by_id.values()}
    return Intake(doc, kind_of(doc.title), period, out, mentions, new_entities)


def _first_sentence(doc: Document, name: str) -> str:
    from lsgmap.intake.facts import _sentences

    low = name.lower()
    for b in doc.blocks:
        if low in b.text.lower():
            return next((s for s in _sentences(b.text) if low in s.lower()), b.text)
    return ""


def read(structure, path: str | Path, data: bytes | None = None) -> Intake:
    """:func:`intake` of the file at ``path`` (``.txt``, ``.md``, ``.docx`` or ``.pdf``)."""
    return intake(structure, read_document(path, data))
