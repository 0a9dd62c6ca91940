"""What a proposal does to responsibilities on its date: findings grouped by the entity affected, each saying why.

The real structure and the applied proposal (:func:`lsgmap.scenario.apply.apply`)
are compared on the scenario's day. A relation that holds in the real
structure and not in the proposal is *lost*; one that holds only in the
proposal is *gained*. Each lost relation of responsibility is looked at from
the entity it is about (the project a group steers, the assignment a group
gives, the post that is employed, funded, commissioned or reports):

* ``moved`` – the proposal hands the same relation to another entity
  (TUNA: steered by LSG Nyköping-Oxelösund → by the new group);
* ``unsteered_project`` – a project left without a steering group or owner;
* ``steering_lost`` – a project loses one steering group or owner while others
  still stand (each said with its source and the words it used);
* ``assignment_without_principal`` / ``principal_lost`` – an assignment left
  without (or with fewer) principals;
* ``post_without_employer``, ``post_without_funder``, ``post_without_principal``,
  ``post_without_reporting`` – a post left without one of these, and
  ``post_relation_lost`` when others of the kind remain;
* ``budget_without_funder`` – budget lines (this year or later) whose funding relation ends;
* ``points_at_ended`` – other relations that lose an end the proposal ends;
* ``chain_changed`` / ``chain_broken`` – the chains of responsibility to the
  root (RAR) of an affected entity change, or none is left;
* ``ended`` and ``new_entity`` – what the proposal ends and founds.

Each :class:`Consequence` says why in one sentence, in Swedish or English.

>>> from lsgmap.dataset.load import load
>>> from lsgmap.dataset.scenarios import Operation, Scenario
>>> from lsgmap.scenario.apply import apply
>>> real = load()
>>> end = Scenario("slut", "Utan LSG N-O", "2019-01-01", operations=(Operation(1, "end", ("lsg_nykoping_oxelosund",)),))
>>> found = consequences(real, apply(real, end))
>>> [c.entity for c in found if c.kind == "unsteered_project"]
['innovation_100']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lsgmap.i18n import normalise_lang, t
from lsgmap.model.queries import chain_to_root
from lsgmap.model.structure import Structure
from lsgmap.time.diff import join_names, source_names
from lsgmap.vocab import RELATION_KINDS

__all__ = ["Consequence", "consequences", "KINDS"]

#: the kinds of finding, in the order they are listed within an entity
KINDS = ("ended", "new_entity", "unsteered_project", "steering_lost", "assignment_without_principal", "principal_lost",
         "post_without_employer", "post_without_funder", "post_without_principal", "post_without_reporting", "post_relation_lost",
         "moved", "budget_without_funder", "points_at_ended", "relation_ended", "chain_broken", "chain_changed")

#: relation kind → (which end the finding is about, the kind when nothing of it is left, the kind when some is left)
_ABOUT = {
    "steers": ("to", "unsteered_project", "steering_lost"),
    "owns": ("to", "unsteered_project", "steering_lost"),
    "assigns": ("to", "assignment_without_principal", "principal_lost"),
    "employs": ("to", "post_without_employer", "post_relation_lost"),
    "funds": ("to", "post_without_funder", "post_relation_lost"),
    "commissions": ("to", "post_without_principal", "principal_lost"),
    "reports_to": ("from", "post_without_reporting", "post_relation_lost"),
}
#: relation kinds that count together (a project steered or owned is not left alone)
_TOGETHER = {"steers": ("steers", "owns"), "owns": ("steers", "owns")}
#: entity kinds whose loss of funding is about a post (a project's funding is a budget matter)
_POST_KINDS = {"role"}


@dataclass(frozen=True)
class Consequence:
    """One finding: its kind, the entity it is about, the relations behind it, and the message that says why."""

    kind: str
    entity: str
    relations: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str = "sv") -> str:
        lang = normalise_lang(lang)
        shown = {k: (v[lang] if isinstance(v, dict) else v) for k, v in self.params.items()}
        return t(f"scenario.finding.{self.kind}", lang, **shown)

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        return {"kind": self.kind, "entity": self.entity, "text": self.text(lang), "relations": list(self.relations)}


def _both(fn) -> dict[str, str]:
    return {"sv": fn("sv"), "en": fn("en")}


class _Finder:
    def __init__(self, real: Structure, proposal: Structure):
        self.real, self.proposal = real, proposal
        self.day = proposal.scenario.day  # type: ignore[attr-defined]
        r_snap, p_snap = real.snapshot(on=self.day), proposal.snapshot(on=self.day)
        self.real_nodes, self.prop_nodes = r_snap.node_set, p_snap.node_set
        self.real_edges, self.prop_edges = r_snap.edge_set, p_snap.edge_set
        self.lost = sorted(self.real_edges - self.prop_edges)
        self.gained = sorted(self.prop_edges - self.real_edges)
        self.found: list[Consequence] = []
        self.covered: set[str] = set()

    def name(self, entity_id: str) -> dict[str, str]:
        s = self.proposal if entity_id in self.proposal.entities else self.real
        return _both(lambda lang: s.name(entity_id, lang))

    def names(self, ids: list[str]) -> dict[str, str]:
        s = self.proposal
        return _both(lambda lang: join_names([s.name(i, lang) for i in dict.fromkeys(ids)], lang))

    def documents(self, relation_ids: list[str]) -> str:
        rels = [self.proposal.relations[r] for r in relation_ids]
        return ", ".join(source_names(self.proposal, [s for r in rels for s in r.sources])) or "–"

    def stated(self, relation_ids: list[str]) -> str:
        words = [self.proposal.relations[r].attributes.get("as_stated", "") for r in relation_ids]
        return "; ".join(dict.fromkeys(f"\u201d{w}\u201d" for w in words if w))

    def add(self, kind: str, entity: str, ids: list[str], /, **params: Any) -> None:
        self.found.append(Consequence(kind, entity, tuple(ids), {"entity": self.name(entity), **params}))

    # -- the findings ---------------------------------------------------------------
    def entities(self) -> None:
        day = date.fromordinal(self.day).isoformat()
        for e in sorted(self.real_nodes - self.prop_nodes):
            self.add("ended", e, [], date=day)
        for e in sorted(self.prop_nodes - self.real_nodes):
            self.add("new_entity", e, [], date=day)

    def responsibilities(self) -> None:
        p = self.proposal
        for rid in self.lost:
            r = p.relations[rid]
            about = _ABOUT.get(r.relation)
            if about is None:
                continue
            end, none_left, some_left = about
            subject, other = (r.to_id, r.from_id) if end == "to" else (r.from_id, r.to_id)
            if subject not in self.prop_nodes:
                continue  # the entity itself ends: said once as "ended"
            if r.relation in {"funds", "employs", "commissions", "reports_to"} and p.entities[subject].kind not in _POST_KINDS:
                continue  # about posts only (a project's funding: see the budget lines)
            kinds = _TOGETHER.get(r.relation, (r.relation,))
            same = [g for g in self.gained if p.relations[g].relation == r.relation and _end(p.relations[g], end) == subject]
            verb = _both(lambda lang, k=r.relation, e=end: RELATION_KINDS[k].inverse(lang) if e == "to" else RELATION_KINDS[k].verb(lang))
            self.covered.add(rid)
            if same:
                self.covered.update(same)
                news = [_other(p.relations[g], end) for g in same]
                self.add("moved", subject, [rid, *same], verb=verb, before=self.name(other), after=self.names(news))
                continue
            left = [x for x in self.prop_edges if p.relations[x].relation in kinds and _end(p.relations[x], end) == subject]
            params = {"lost": self.name(other), "verb": verb, "documents": self.documents([rid])}
            if not left:
                self.add(none_left, subject, [rid], **params)
            else:
                left.sort()
                self.add(some_left, subject, [rid, *left], **params, remaining=self.names([_other(p.relations[x], end) for x in left]),
                         remaining_documents=self.documents(left), stated=self.stated(left) or "–")

    def budget(self) -> None:
        year = date.fromordinal(self.day).year
        for rid in self.lost:
            lines = [b for b in self.proposal.budget_of(rid) if b.year >= year]
            if not lines:
                continue
            r = self.proposal.relations[rid]
            items = _both(lambda lang, lines=lines: ", ".join(f"{b.item(lang)} {b.year}" for b in lines))
            self.add("budget_without_funder", r.to_id, [rid], funder=self.name(r.from_id), items=items)

    def loose_ends(self) -> None:
        p, changed = self.proposal, getattr(self.proposal, "proposed", frozenset())
        by_end: dict[str, list[str]] = {}
        for rid in self.lost:
            if rid in self.covered:
                continue
            r = p.relations[rid]
            if rid in changed and r.valid_to:  # ended by the proposal itself
                self.add("relation_ended", r.from_id, [rid], relation=_both(lambda lang, r=r: _relation_text(p, r, lang)))
                continue
            ended = [e for e in (r.from_id, r.to_id) if e not in self.prop_nodes]
            alive = [e for e in (r.from_id, r.to_id) if e in self.prop_nodes]
            if len(ended) == 1 and alive:
                end = "to" if r.to_id == alive[0] else "from"
                same = [g for g in self.gained if p.relations[g].relation == r.relation and _end(p.relations[g], end) == alive[0]]
                if same:
                    verb = _both(lambda lang, k=r.relation, e=end: RELATION_KINDS[k].inverse(lang) if e == "to" else RELATION_KINDS[k].verb(lang))
                    self.add("moved", alive[0], [rid, *same], verb=verb, before=self.name(ended[0]), after=self.names([_other(p.relations[g], end) for g in same]))
                    continue
            if ended:
                by_end.setdefault(ended[0], []).append(rid)
        for entity, rids in sorted(by_end.items()):
            self.add("points_at_ended", entity, rids, count=len(rids),
                     relations=_both(lambda lang, rids=rids: "; ".join(_relation_text(p, p.relations[x], lang) for x in rids[:6]) + (" …" if len(rids) > 6 else "")))

    def chains(self) -> None:
        touched = [c.entity for c in self.found if c.kind not in {"ended", "new_entity", "points_at_ended", "relation_ended"}]
        for e in dict.fromkeys(touched):
            if e not in self.prop_nodes or e not in self.real_nodes:
                continue
            before = {tuple(path.node_ids()) for path in chain_to_root(self.real, e, on=self.day)}
            after_paths = chain_to_root(self.proposal, e, on=self.day)
            after = {tuple(path.node_ids()) for path in after_paths}
            if not before or (after and self.chain_text(self.real, before) == self.chain_text(self.proposal, after)):
                continue  # said only when the shortest chains read differently
            rels = sorted({r for path in after_paths for r in path.relation_ids()})
            root = self.proposal.root or ""
            if not after:
                self.add("chain_broken", e, [], root=self.name(root) if root else {"sv": "roten", "en": "the root"},
                         before=self.chain_text(self.real, before))
            else:
                self.add("chain_changed", e, rels, root=self.name(root) if root else {"sv": "roten", "en": "the root"},
                         before=self.chain_text(self.real, before), after=self.chain_text(self.proposal, after))

    def chain_text(self, s: Structure, chains: set[tuple[str, ...]]) -> dict[str, str]:
        shortest = sorted(chains, key=lambda c: (len(c), c))[:1]
        return _both(lambda lang: " | ".join(" → ".join(s.name(n, lang) for n in chain) for chain in shortest))


def _end(r, end: str) -> str:
    return r.to_id if end == "to" else r.from_id


def _other(r, end: str) -> str:
    return r.from_id if end == "to" else r.to_id


def _relation_text(s: Structure, r, lang: str) -> str:
    kind = RELATION_KINDS.get(r.relation)
    return f"{s.name(r.from_id, lang)} {kind.verb(lang) if kind else r.relation} {s.name(r.to_id, lang)}"


def consequences(real: Structure, proposal: Structure) -> list[Consequence]:
    """The findings of ``proposal`` (an applied scenario) against ``real`` on the scenario's day, grouped by entity.

    Entities come in the order of their first finding's kind (:data:`KINDS`),
    then by name; within an entity, findings follow :data:`KINDS`.
    """
    f = _Finder(real, proposal)
    f.entities()
    f.responsibilities()
    f.budget()
    f.loose_ends()
    f.chains()
    rank = {k: i for i, k in enumerate(KINDS)}
    first: dict[str, int] = {}
    for c in f.found:
        first[c.entity] = min(first.get(c.entity, len(KINDS)), rank[c.kind])
    return sorted(f.found, key=lambda c: (first[c.entity], proposal.name(c.entity) if c.entity in proposal.entities else c.entity, c.entity, rank[c.kind]))
