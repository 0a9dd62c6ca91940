"""Linked data in W3C ORG terms (JSON-LD), with PROV for the sources.

What the file says, in the terms of the W3C Organization Ontology (ORG),
OWL-Time, PROV-O, SKOS and Dublin Core, and of the project's own small
vocabulary (:data:`VOCAB`, its meaning in ``lsgmap-context.jsonld``, shipped
beside this module and embedded in every file):

* every entity is a node named by its id (``dcterms:identifier``), its kind
  (``lsgmap:kind``) and names (``skos:prefLabel`` in Swedish and English):
  associations, agencies, regions and municipalities are
  ``org:FormalOrganization``; LSGs, steering groups and teams
  ``org:OrganizationalUnit``; roles ``org:Post``; persons ``foaf:Person``
  (each kind's ``classes`` in :mod:`lsgmap.vocab`);
* every relation is a qualified ``lsgmap:Relationship`` (subject, relation,
  object, ``lsgmap:during`` a ``time:Interval``), and also the plain triple
  ``subject relation object`` (true at some time). Membership is
  ``org:Membership`` with ``org:member``, ``org:organization`` and
  ``org:memberDuring``; holding a post is ``org:holds``; steering, owning,
  funding, commissioning … are the properties of :data:`VOCAB` (each
  relation kind's ``term`` and meaning in :mod:`lsgmap.vocab`);
* every event is an ``org:ChangeEvent`` with ``org:originalOrganization`` and
  ``org:resultingOrganization``;
* every fact names its sources with ``prov:wasDerivedFrom``; a source is a
  ``prov:Entity`` whose ``prov:value`` is the quote, ``dcterms:isPartOf`` its
  document; a relation derived from an event is ``prov:wasGeneratedBy`` it.

An interval's ``time:hasBeginning``/``time:hasEnd`` give the first and last
valid day (``time:inXSDDate``, both included); an unknown end has none. The
stated dates are kept as text at their precision (``lsgmap:validFrom``,
``lsgmap:validTo``). The days a source speaks for a fact are
``lsgmap:attestedDuring``; for one date, ``lsgmap:attested`` says whether a
source speaks for it on that date.

Examples
--------
>>> import rdflib
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> g = rdflib.Graph().parse(data=to_jsonld(load(BUNDLED_DATA)), format="json-ld")
>>> q = '''SELECT ?name WHERE { ?e a org:ChangeEvent ; org:originalOrganization/dcterms:identifier "lsg_trosa" ;
...        org:resultingOrganization/skos:prefLabel ?name . FILTER(lang(?name) = "sv") }'''
>>> [str(row.name) for row in g.query(q, initNs=PREFIXES)]
['LSG Trosa-Gnesta']
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lsgmap.dates import OPEN_END, OPEN_START, Day, day_to_iso
from lsgmap.exchange.selection import Selection, description, select
from lsgmap.model.records import Document, Entity, Event, Relation, Source
from lsgmap.model.structure import Structure
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

__all__ = ["to_jsonld", "jsonld_document", "context_document", "CONTEXT_PATH", "VOCAB", "PREFIXES"]

#: The project's own vocabulary (its terms are defined in :data:`CONTEXT_PATH`).
VOCAB = "https://w3id.org/lsgmap/vocab#"

#: The context document shipped in the package: the JSON-LD context and the meaning of the project's terms.
CONTEXT_PATH = Path(__file__).with_name("lsgmap-context.jsonld")

PREFIXES = {
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "lsgmap": VOCAB,
}

#: The project's own classes and properties other than the relations: (term, kind, Swedish, English).
TERMS: tuple[tuple[str, str, str, str], ...] = (
    ("Project", "rdfs:Class", "Projekt eller insats.", "A project or intervention."),
    ("Assignment", "rdfs:Class", "Ett uppdrag.", "An assignment."),
    ("Relationship", "rdfs:Class", "En daterad relation: subjekt, relation, objekt och giltighet.", "A dated relation: subject, relation, object and validity."),
    ("Passage", "rdfs:Class", "Ett ställe i ett dokument: citat eller referat (prov:value) och var det står.", "A passage of a document: quote or paraphrase (prov:value) and where."),
    ("BudgetLine", "rdfs:Class", "En budgetrad på en finansiering: år, post, belopp i tkr.", "A budget line of a funding relation: year, item, amount in kSEK."),
    ("Conflict", "rdfs:Class", "En känd oenighet mellan källor; båda uppgifterna behålls.", "A known disagreement between sources; both facts are kept."),
    ("Export", "rdfs:Class", "En export från lsgmap: alla datum, eller ett datum (lsgmap:on).", "An export from lsgmap: all dates, or one date (lsgmap:on)."),
    ("kind", "rdf:Property", "Sorten i lsgmaps vokabulär (entitet, relation, händelse, dokument).", "The kind in lsgmap's vocabulary (entity, relation, event, document)."),
    ("subject", "rdf:Property", "Relationens subjekt (A i \"A styr B\").", "The subject of a relationship (A in \"A steers B\")."),
    ("object", "rdf:Property", "Relationens objekt (B i \"A styr B\").", "The object of a relationship (B in \"A steers B\")."),
    ("relation", "rdf:Property", "Relationens egenskap (t.ex. lsgmap:steers, org:memberOf).", "The relationship's property (e.g. lsgmap:steers, org:memberOf)."),
    ("during", "rdf:Property", "När uppgiften gäller: ett time:Interval, båda ändarna inräknade; okänd ände saknas.",
     "When the fact holds: a time:Interval, both ends included; an unknown end is left out."),
    ("validFrom", "rdf:Property", "Startdatum som källan anger det (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).", "Start date as the source states it (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("validTo", "rdf:Property", "Slutdatum som källan anger det, sista dagen inräknad.", "End date as the source states it, its last day included."),
    ("attestedDuring", "rdf:Property", "Dagar som en källa talar för uppgiften.", "Days a source speaks for the fact."),
    ("attested", "rdf:Property", "Om en källa talar för uppgiften på exportens datum.", "Whether a source speaks for the fact on the export's date."),
    ("shortName", "rdf:Property", "Kortnamn (RAR, IPS).", "Short name (RAR, IPS)."),
    ("attribute", "rdf:Property", "Ett nyckel=värde-par ur data.", "A key=value pair from the data."),
    ("date", "rdf:Property", "Händelsens datum som källan anger det.", "The event's date as the source states it."),
    ("decided", "rdf:Property", "När händelsen beslutades (datum eller intervall).", "When the event was decided (a date or an interval)."),
    ("locator", "rdf:Property", "Var i dokumentet passagen står.", "Where in the document the passage is."),
    ("form", "rdf:Property", "quote (ordagrant citat) eller paraphrase (referat).", "quote (word for word) or paraphrase."),
    ("period", "rdf:Property", "Den tid ett dokument eller en passage talar för.", "The time a document or passage speaks for."),
    ("relationship", "rdf:Property", "Finansieringen en budgetrad hör till.", "The funding relationship a budget line belongs to."),
    ("year", "rdf:Property", "Budgetår.", "Budget year."),
    ("item", "rdf:Property", "Budgetpost.", "Budget item."),
    ("amountTkr", "rdf:Property", "Belopp i tusental kronor.", "Amount in thousands of kronor."),
    ("basis", "rdf:Property", "Vad beloppet är: applied, granted eller outcome.", "What the amount is: applied, granted or outcome."),
    ("concerns", "rdf:Property", "Uppgifterna en oenighet gäller.", "The facts a disagreement concerns."),
    ("topic", "rdf:Property", "Vad oenigheten gäller.", "What the disagreement is about."),
    ("on", "rdf:Property", "Exportens datum (saknas: alla datum).", "The export's date (absent: all dates)."),
)


def _term_context() -> dict[str, Any]:
    """The JSON-LD context: prefixes and the short keys the files use."""
    ref = {"@type": "@id"}
    refs = {"@type": "@id", "@container": "@set"}
    return {
        **PREFIXES,
        "id": "@id",
        "type": "@type",
        "identifier": "dcterms:identifier",
        "prefLabel": {"@id": "skos:prefLabel", "@container": "@language"},
        "altLabel": {"@id": "skos:altLabel", "@container": "@set"},
        "label": {"@id": "rdfs:label", "@container": "@language"},
        "comment": {"@id": "rdfs:comment", "@container": "@language"},
        "title": "dcterms:title",
        "description": "dcterms:description",
        "bibliographicCitation": "dcterms:bibliographicCitation",
        "issued": "dcterms:date",
        "isPartOf": {"@id": "dcterms:isPartOf", **ref},
        "orgIdentifier": {"@id": "org:identifier", "@container": "@set"},
        "member": {"@id": "org:member", **ref},
        "organization": {"@id": "org:organization", **ref},
        "memberDuring": {"@id": "org:memberDuring", **ref},
        "originalOrganization": {"@id": "org:originalOrganization", **refs},
        "resultingOrganization": {"@id": "org:resultingOrganization", **refs},
        "hasBeginning": "time:hasBeginning",
        "hasEnd": "time:hasEnd",
        "inXSDDate": {"@id": "time:inXSDDate", "@type": "xsd:date"},
        "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", **refs},
        "wasGeneratedBy": {"@id": "prov:wasGeneratedBy", **ref},
        "value": "prov:value",
        "kind": "lsgmap:kind",
        "subject": {"@id": "lsgmap:subject", **ref},
        "object": {"@id": "lsgmap:object", **ref},
        "relation": {"@id": "lsgmap:relation", **ref},
        "during": {"@id": "lsgmap:during", **ref},
        "validFrom": "lsgmap:validFrom",
        "validTo": "lsgmap:validTo",
        "attestedDuring": {"@id": "lsgmap:attestedDuring", "@container": "@set"},
        "attested": {"@id": "lsgmap:attested", "@type": "xsd:boolean"},
        "shortName": "lsgmap:shortName",
        "attribute": {"@id": "lsgmap:attribute", "@container": "@set"},
        "date": "lsgmap:date",
        "decided": "lsgmap:decided",
        "locator": "lsgmap:locator",
        "form": "lsgmap:form",
        "period": "lsgmap:period",
        "relationship": {"@id": "lsgmap:relationship", **ref},
        "year": {"@id": "lsgmap:year", "@type": "xsd:integer"},
        "item": {"@id": "lsgmap:item", "@container": "@language"},
        "amountTkr": {"@id": "lsgmap:amountTkr", "@type": "xsd:decimal"},
        "basis": "lsgmap:basis",
        "concerns": {"@id": "lsgmap:concerns", **refs},
        "topic": {"@id": "lsgmap:topic", "@container": "@language"},
        "on": {"@id": "lsgmap:on", "@type": "xsd:date"},
    }


def context_document() -> dict[str, Any]:
    """The content of ``lsgmap-context.jsonld``: the context and the definitions of the project's terms.

    Made from :mod:`lsgmap.vocab` and the tables here; a test checks that the
    shipped file says the same (write it anew with ``python -m lsgmap.exchange.jsonld``).
    """
    graph: list[dict[str, Any]] = [
        {
            "id": VOCAB,
            "type": "owl:Ontology",
            "title": "lsgmap vocabulary",
            "comment": {
                "sv": "Relationerna i en samverkansstruktur som W3C ORG inte har (styr, äger, finansierar, ger uppdrag …), och lsgmaps egna begrepp.",
                "en": "The relations of a collaboration structure that W3C ORG lacks (steers, owns, funds, commissions …), and lsgmap's own terms.",
            },
        }
    ]
    for key, kind in RELATION_KINDS.items():
        if kind.term.startswith("lsgmap:"):
            graph.append({"id": kind.term, "type": "rdf:Property", "kind": key, "label": {"sv": kind.verb_sv, "en": kind.verb_en},
                          "comment": {"sv": kind.meaning_sv, "en": kind.meaning_en}})
    for term, kind, sv, en in TERMS:
        graph.append({"id": f"lsgmap:{term}", "type": kind, "comment": {"sv": sv, "en": en}})
    return {"@context": {**_term_context(), "owl": "http://www.w3.org/2002/07/owl#"}, "@graph": graph}


#: The prefix of each table's records in a file's own context (``ent:lsg_trosa``).
TABLE_PREFIXES = {"entity": "ent", "relation": "rel", "event": "evt", "source": "src", "document": "doc", "budget": "bud", "conflict": "con", "fact": "fact"}

_SAFE = re.compile(r"[A-Za-z0-9_.~-]+")


class _Ids:
    """The IRIs of a dataset's records: ``urn:lsgmap:FOLDER:TABLE:ID``, written as ``PREFIX:ID`` (the id percent-encoded)."""

    def __init__(self, structure: Structure):
        self.base = f"urn:lsgmap:{quote(structure.path.name, safe='')}:"
        self.entities, self.relations, self.events = structure.entities, structure.relations, structure.events

    def context(self) -> dict[str, str]:
        """The prefixes of this dataset's IRIs, for the file's context."""
        return {prefix: f"{self.base}{table}:" for table, prefix in TABLE_PREFIXES.items()}

    def __call__(self, table: str, ident: str) -> str:
        return f"{TABLE_PREFIXES[table]}:{ident if _SAFE.fullmatch(ident) else quote(ident, safe='')}"

    def fact(self, ident: str) -> str:
        """The IRI of an entity, relation or event id (in that order of lookup)."""
        for table, records in (("entity", self.entities), ("relation", self.relations), ("event", self.events)):
            if ident in records:
                return self(table, ident)
        return self("fact", ident)


def _interval(first: int, last: int, node_id: str | None = None) -> dict[str, Any]:
    """A ``time:Interval`` from the first to the last day (an open end left out); the instants' type follows from OWL-Time."""
    out: dict[str, Any] = {"id": node_id} if node_id else {}
    out["type"] = "time:Interval"
    if first > OPEN_START:
        out["hasBeginning"] = {"inXSDDate": day_to_iso(first)}
    if last < OPEN_END:
        out["hasEnd"] = {"inXSDDate": day_to_iso(last)}
    return out


def _term(relation: str) -> str:
    """The JSON-LD property of a relation kind ("" for a kind the vocabulary does not know)."""
    kind = RELATION_KINDS.get(relation)
    return kind.term if kind else ""


def _names(sv: str, en: str) -> dict[str, str]:
    return {"sv": sv, "en": en} if en else {"sv": sv}


def _facts_common(node: dict[str, Any], record, sel: Selection, ids: _Ids) -> None:
    """Validity as stated, attestation, sources: what entities and relations share."""
    if record.valid_from:
        node["validFrom"] = record.valid_from
    if record.valid_to:
        node["validTo"] = record.valid_to
    if sel.day is None:
        windows = sel.structure.attestation(record.id).windows
        if windows:
            node["attestedDuring"] = [_interval(a, b) for a, b in windows]
    else:
        node["attested"] = record.id in sel.attested
    if record.attributes:
        node["attribute"] = [f"{k}={v}" for k, v in record.attributes.items()]
    node["wasDerivedFrom"] = [ids("source", s) for s in record.sources]


def jsonld_document(structure: Structure, *, on: Day = None, lang: str = "sv") -> dict[str, Any]:
    """The JSON-LD document (a dict) of all dates (``on=None``) or of the structure valid on ``on``."""
    sel = select(structure, on=on)
    s = structure
    ids = _Ids(s)
    header: dict[str, Any] = {"id": ids.base.rstrip(":"), "type": "lsgmap:Export", "description": description(sel, lang)}
    if sel.day is not None:
        header["on"] = day_to_iso(sel.day)
    shipped = context_document()
    graph: list[dict[str, Any]] = [header, *shipped["@graph"]]
    graph.extend(_entity(e, sel, ids) for e in sel.entities)
    shortcuts: dict[str, dict[str, list[str]]] = {}
    for n, r in enumerate(sel.relations):
        graph.append(_relationship(r, n, sel, ids))
        prop = _term(r.relation)
        if prop:
            shortcuts.setdefault(ids("entity", r.from_id), {}).setdefault(prop, []).append(ids("entity", r.to_id))
    for subject, props in shortcuts.items():
        graph.append({"id": subject, **{p: [{"id": o} for o in dict.fromkeys(objs)] for p, objs in props.items()}})
    graph.extend(_event(ev, ids) for ev in sel.events)
    graph.extend(_source(s.sources[i], ids) for i in sel.source_ids)
    graph.extend(_document(s.documents[i], ids) for i in sel.document_ids)
    for line in sel.budget:
        node = {"id": ids("budget", line.id), "type": "lsgmap:BudgetLine", "identifier": line.id, "relationship": ids("relation", line.relation),
                "year": line.year, "item": _names(line.item_sv, line.item_en), "amountTkr": line.amount_tkr,
                "wasDerivedFrom": [ids("source", i) for i in line.sources]}
        if line.basis:
            node["basis"] = line.basis
        graph.append(node)
    for conflict in sel.conflicts:
        graph.append({"id": ids("conflict", conflict.id), "type": "lsgmap:Conflict", "identifier": conflict.id,
                      "topic": _names(conflict.topic_sv, conflict.topic_en), "concerns": [ids.fact(f) for f in conflict.facts],
                      "wasDerivedFrom": [ids("source", i) for i in conflict.sources]})
    return {"@context": [shipped["@context"], ids.context()], "@graph": graph}


def _entity(e: Entity, sel: Selection, ids: _Ids) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": ids("entity", e.id),
        "type": list(ENTITY_KINDS[e.kind].classes) if e.kind in ENTITY_KINDS else ["lsgmap:Entity"],
        "identifier": e.id,
        "kind": e.kind,
        "prefLabel": _names(e.name_sv, e.name_en),
        "during": _interval(e.start, e.end),
    }
    if e.short_name:
        node["shortName"] = e.short_name
    if e.aliases:
        node["altLabel"] = list(e.aliases)
    if e.identifiers:
        node["orgIdentifier"] = [f"{k}:{v}" for k, v in e.identifiers.items()]
    _facts_common(node, e, sel, ids)
    return node


def _event(ev: Event, ids: _Ids) -> dict[str, Any]:
    kind = EVENT_KINDS.get(ev.kind)
    node: dict[str, Any] = {
        "id": ids("event", ev.id),
        "type": ["org:ChangeEvent", "prov:Activity"],
        "identifier": ev.id,
        "kind": ev.kind,
        "date": ev.date,
        "during": _interval(ev.day, ev.day),
        "originalOrganization": [ids("entity", i) for i in ev.originals],
        "resultingOrganization": [ids("entity", i) for i in ev.results],
        "wasDerivedFrom": [ids("source", i) for i in ev.sources],
    }
    if ev.name_sv:
        node["prefLabel"] = _names(ev.name_sv, ev.name_en)
    elif kind:
        node["prefLabel"] = _names(kind.sv, kind.en)
    if ev.decided:
        node["decided"] = ev.decided
    return node


def _source(src: Source, ids: _Ids) -> dict[str, Any]:
    node = {"id": ids("source", src.id), "type": ["prov:Entity", "lsgmap:Passage"], "identifier": src.id, "value": src.quote,
            "isPartOf": ids("document", src.document), "form": src.form}
    if src.locator:
        node["locator"] = src.locator
    if src.period:
        node["period"] = src.period
    return node


def _document(doc: Document, ids: _Ids) -> dict[str, Any]:
    node = {"id": ids("document", doc.id), "type": ["prov:Entity", "foaf:Document"], "identifier": doc.id, "title": doc.title, "kind": doc.kind}
    for key, value in (("bibliographicCitation", doc.reference), ("issued", doc.date), ("period", doc.period)):
        if value:
            node[key] = value
    return node


def _relationship(r: Relation, n: int, sel: Selection, ids: _Ids) -> dict[str, Any]:
    """A relation as a qualified ``lsgmap:Relationship`` (and ``org:Membership`` for ``member_of``)."""
    subject, obj = ids("entity", r.from_id), ids("entity", r.to_id)
    node: dict[str, Any] = {
        "id": ids("relation", r.id),
        "type": ["lsgmap:Relationship"],
        "identifier": r.id,
        "kind": r.relation,
        "subject": subject,
        "relation": _term(r.relation) or f"lsgmap:{r.relation}",
        "object": obj,
        "during": _interval(r.start, r.end, f"_:valid{n}"),
    }
    if r.relation == "member_of":
        node["type"].append("org:Membership")
        node.update(member=subject, organization=obj, memberDuring=f"_:valid{n}")
    if r.derived_from:
        node["wasGeneratedBy"] = ids("event", r.derived_from)
    _facts_common(node, r, sel, ids)
    return node


def to_jsonld(structure: Structure, *, on: Day = None, lang: str = "sv") -> bytes:
    """:func:`jsonld_document` as UTF-8 JSON bytes."""
    return json.dumps(jsonld_document(structure, on=on, lang=lang), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def main() -> None:  # pragma: no cover - writes the shipped context document anew
    CONTEXT_PATH.write_text(json.dumps(context_document(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {CONTEXT_PATH}")


if __name__ == "__main__":  # pragma: no cover
    main()
