"""What a question asks, as one value: :class:`Query`, and the one evaluator that answers it.

A :class:`Query` says what is wanted (a list, a count, yes or no), the kind of
thing asked for, and the constraints the question states: any number of
:class:`Constraint` patterns ``(subject, relations, object)`` whose ends are an
entity id or ``"?"`` (the thing asked for), a place, a document the facts must
come from, and the days. :func:`evaluate` answers any query over a
:class:`~lsgmap.model.structure.Structure`, following the vocabulary's relations
in both directions. How a question becomes a query is :mod:`lsgmap.ask.compose`.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> q = Query("list", kind="assignment", constraints=(Constraint("lsg_trosa", frozenset({"assigns"}), "?"),),
...           span=(date(2016, 11, 15), date(2016, 11, 15)))
>>> sorted(a.id for a in evaluate(s, q).items)
['uppdrag_admin_struktur', 'uppdrag_lsg_roll']
>>> q.describe(s).render("en")
'which assignments: LSG Trosa assigns ?'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lsgmap.i18n import msg
from lsgmap.model import queries
from lsgmap.vocab import ASSIGNS, COMMISSION, COVERAGE, ENTITY_KINDS, FUNDING, OWNERSHIP, RELATION_KINDS, STEERING

__all__ = ["ANY", "KIND", "Constraint", "Query", "Result", "evaluate", "linked"]

#: The end of a constraint that is the thing asked for.
ANY = "?"
#: The prefix of an end that is any entity of a kind: "kind:project".
KIND = "kind:"


@dataclass(frozen=True)
class Constraint:
    """``subject --relations--> object``; one end is :data:`ANY` (the thing asked for), the other an entity id.

    ``relations`` empty means any relation of the vocabulary.
    """

    subject: str
    relations: frozenset[str]
    object: str

    @property
    def entity(self) -> str:
        """The named end."""
        return self.object if self.subject == ANY else self.subject

    def render(self, structure, lang: str = "sv") -> str:
        """"LSG Trosa ger uppdraget ?" / "? styr TUNA"."""
        names = {end: _end_name(structure, end, lang) for end in (self.subject, self.object)}
        if self.relations:
            verbs = " / ".join(RELATION_KINDS[k].verb(lang) for k in sorted(self.relations))
        else:
            verbs = msg("ask.q_linked").render(lang)
        return f"{names[self.subject]} {verbs} {names[self.object]}"

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "relations": sorted(self.relations), "object": self.object}


def _end_name(structure, end: str, lang: str) -> str:
    if end in structure.entities:
        return structure.entities[end].name(lang)
    if end.startswith(KIND) and end[len(KIND):] in ENTITY_KINDS:
        return ENTITY_KINDS[end[len(KIND):]].plural(lang).lower()
    return end


@dataclass(frozen=True)
class Query:
    """A question as constraints: ``want`` is "list", "count" or "yesno"; ``kind`` the kind of the thing asked for.

    ``place``: entity ids of municipalities the answers must work in (through the LSGs that cover them);
    ``documents``: only facts a passage of these documents states; ``unused``: words of the question no
    constraint used (said in the interpretation, so a dropped filter shows).
    """

    want: str = "list"
    kind: str | None = None
    constraints: tuple[Constraint, ...] = ()
    span: tuple[date, date] | None = None
    place: tuple[str, ...] = ()
    place_name: str = ""
    documents: tuple[str, ...] = ()
    document_name: str = ""
    unused: tuple[str, ...] = ()
    among: str = ""  # yes/no: is this entity among the answers ("Var TRIS bland de aktuella projekten?")
    topic: tuple[str, ...] = ()  # only these, named by the content of their names ("uppdrag om en presentation")
    topic_words: str = ""
    alone: bool = False  # only answers the last constraint's end holds alone ("något eget uppdrag", "on its own")
    without: str = ""  # no answer is linked to this entity ("which member municipalities are not part of LSG GNOT")

    def describe(self, structure) -> _Description:
        """How the question was understood, every filter included, in any language."""
        return _Description(self, structure)

    def to_json(self) -> dict[str, Any]:
        return {
            "want": self.want,
            "kind": self.kind,
            "constraints": [c.to_json() for c in self.constraints],
            "span": [d.isoformat() for d in self.span] if self.span else None,
            "place": list(self.place),
            "documents": list(self.documents),
            "unused": list(self.unused),
            "among": self.among or None,
            "topic": list(self.topic),
            "alone": self.alone,
            "without": self.without or None,
        }


@dataclass(frozen=True)
class _Description:
    query: Query
    structure: Any = field(compare=False)

    def render(self, lang: str = "sv") -> str:
        q = self.query
        kind = ENTITY_KINDS[q.kind].plural(lang).lower() if q.kind in ENTITY_KINDS else msg("ask.q_things").render(lang)
        head = msg(f"ask.q_{q.want}", kinds=kind).render(lang)
        parts = [c.render(self.structure, lang) for c in q.constraints]
        if q.place:
            parts.append(msg("ask.q_place", place=q.place_name).render(lang))
        if q.documents:
            parts.append(msg("ask.q_document", document=q.document_name).render(lang))
        if q.topic:
            parts.append(msg("ask.q_topic", words=q.topic_words).render(lang))
        if q.alone:
            parts.append(msg("ask.q_alone").render(lang))
        if q.without:
            parts.append(msg("ask.q_without", name=_end_name(self.structure, q.without, lang)).render(lang))
        if q.among:
            head = msg("ask.q_among", name=_end_name(self.structure, q.among, lang), kinds=kind).render(lang)
        text = head + (": " + "; ".join(parts) if parts else "")
        if q.unused:
            text += " " + msg("ask.q_unused", words=", ".join(f'"{w}"' for w in q.unused)).render(lang)
        return text


@dataclass(frozen=True)
class Result:
    """The answers of a query: one item per entity (with the relation that makes it an answer)."""

    items: tuple[queries.AnswerItem, ...]
    relation_ids: frozenset[str] = frozenset()


def _in_span(r, lo: int, hi: int) -> bool:
    return r.start <= hi and lo <= r.end


def _from_documents(structure, fact_sources: tuple[str, ...], documents: tuple[str, ...]) -> bool:
    return any(structure.sources[s].document in documents for s in fact_sources if s in structure.sources)


def linked(structure, constraint: Constraint, lo: int, hi: int, documents: tuple[str, ...] = ()) -> dict[str, list]:
    """The entities the constraint's ``?`` can be, each with the relations that make it so.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> day = date(2016, 11, 15).toordinal()
    >>> sorted(linked(s, Constraint("?", frozenset({"commissions"}), "processledare"), day, day))[:2]
    ['lsg_gnesta', 'lsg_nykoping']
    """
    kinds = constraint.relations
    edges, named = _edges(structure, constraint)
    found: dict[str, list] = {}
    for r in edges:
        if (not kinds or r.relation in kinds) and _in_span(r, lo, hi) and (not documents or _stated_in(structure, r, documents)):
            if named:
                other = r.from_id if r.to_id == named else r.to_id
            else:
                other = r.from_id if constraint.subject == ANY else r.to_id
            found.setdefault(other, []).append(r)
    return found


def _edges(structure, constraint: Constraint) -> tuple[Any, str]:
    """The relations a constraint may go through, and the named entity ("" for a kind: "kind:project")."""
    named = constraint.entity
    if named.startswith(KIND):
        of_kind = named[len(KIND):]
        end = (lambda r: r.to_id) if constraint.subject == ANY else (lambda r: r.from_id)
        return [r for r in structure.relations.values() if structure.entities[end(r)].kind == of_kind], ""
    if not constraint.relations:  # any relation, either way
        return structure.relations_of(named), named
    return (structure.incoming(named) if constraint.subject == ANY else structure.outgoing(named)), named


def _stated_in(structure, r, documents: tuple[str, ...]) -> bool:
    """A passage of ``documents`` states the relation (a relation derived from an event is stated by none)."""
    return not r.derived_from and _from_documents(structure, r.sources, documents)


def _works_in(structure, entity_id: str, place: tuple[str, ...], lo: int, hi: int) -> bool:
    """The entity is one of the place's municipalities, an LSG covering one, or steered, owned, funded, commissioned or
    assigned by such an LSG (not merely part of a group that covers more: LSG Nyköping does not work in Gnesta)."""
    if entity_id in place:
        return True
    local = {
        r.from_id for m in place for r in structure.incoming(m)
        if r.relation == COVERAGE and _in_span(r, lo, hi) and structure.entities[r.from_id].kind == "lsg"
    }
    if entity_id in local:
        return True
    return any(
        (r.from_id in local or r.to_id in local) and _in_span(r, lo, hi) and r.relation in _LOCAL_LINKS
        for r in structure.relations_of(entity_id)
    )


#: What ties a project or a post to the LSG of a place: it steers, owns, funds, commissions or assigns it.
_LOCAL_LINKS = frozenset({STEERING, OWNERSHIP, FUNDING, COMMISSION, ASSIGNS})


def _candidates(structure, query: Query, lo: int, hi: int) -> dict[str, list]:
    """Entity id → the relations that make it meet every constraint (those of the last: the question's filter)."""
    candidates: dict[str, list] | None = None
    for c in query.constraints:
        found = linked(structure, c, lo, hi, query.documents)
        candidates = found if candidates is None else {k: found[k] for k in candidates if k in found}
    if candidates is not None:
        return candidates
    if not query.kind:
        return {}
    existing = {e.id: [] for e in queries.existing(structure, query.kind, on=(lo, hi))}
    return {k: v for k, v in existing.items() if not query.documents or _documented(structure, k, query.documents)}


def _kept(structure, query: Query, e, lo: int, hi: int) -> bool:
    """The entity is of the kind asked for, exists on a day of the span, and works in the place."""
    if e is None or (query.kind and e.kind != query.kind) or not (e.start <= hi and lo <= e.end):
        return False
    if (query.topic and e.id not in query.topic) or (query.alone and not _alone(structure, query, e.id, lo, hi)):
        return False
    return not _linked_to(structure, e.id, query.without) and (not query.place or _works_in(structure, e.id, query.place, lo, hi))


def _linked_to(structure, entity_id: str, other: str) -> bool:
    """Any relation between the two ("not part of LSG GNOT": nothing GNOT covers or holds); False without ``other``."""
    return bool(other) and any(other in (r.from_id, r.to_id) for r in structure.relations_of(entity_id))


def _alone(structure, query: Query, entity_id: str, lo: int, hi: int) -> bool:
    """The named giver is the only one holding that relation to the entity (an assignment one LSG gave alone)."""
    giver = next((c for c in query.constraints if c.subject != ANY and c.relations), None)
    if giver is None:
        return True
    holders = {r.from_id for r in structure.incoming(entity_id) if r.relation in giver.relations and _in_span(r, lo, hi)}
    return holders == {giver.subject}


def evaluate(structure, query: Query) -> Result:
    """The entities that meet every constraint of ``query`` on (a day of) its span, of its kind, in its place."""
    lo, hi = (query.span[0].toordinal(), query.span[1].toordinal()) if query.span else (0, 10**7)
    candidates = _candidates(structure, query, lo, hi)
    items = []
    for eid, rels in candidates.items():
        e = structure.entities.get(eid)
        if not _kept(structure, query, e, lo, hi):
            continue
        items.extend([queries.relation_item(structure, e, r, on=(lo, hi)) for r in rels] or [queries.entity_item(structure, e, on=(lo, hi))])
    return Result(tuple(queries.group_items(items)), frozenset(r.id for rels in candidates.values() for r in rels))


def _documented(structure, entity_id: str, documents: tuple[str, ...]) -> bool:
    """A passage of ``documents`` speaks for the entity or one of its relations."""
    e = structure.entities[entity_id]
    return _from_documents(structure, e.sources, documents) or any(_stated_in(structure, r, documents) for r in structure.relations_of(entity_id))
