"""The exchange formats read back equal to the dataset: GEXF and GraphML (networkx), JSON-LD (rdflib), XLSX (openpyxl).

Each file is read with the tool a user would use and turned into the same
plain shape as :func:`expected` makes from the structure: for every entity and
relation its kind, names or ends, stated validity, first and last valid day,
attested windows and sources. The national dataset is exported in
``bench/bench_exchange.py``; here a small synthetic one is.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from openpyxl import load_workbook

from lsgmap.cli import main
from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.dataset.tables import read_dataset
from lsgmap.dates import day_to_iso, to_day
from lsgmap.exchange import FORMATS, export_data, select
from lsgmap.exchange.jsonld import CONTEXT_PATH, PREFIXES, context_document
from lsgmap.exchange.workbook import LISTS_SHEET, README_SHEET
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
from synthetic import generate  # noqa: E402

rdflib = pytest.importorskip("rdflib")

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
ON = "2017-03-01"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    structure = load(generate(tmp_path_factory.mktemp("synthetic"), seed=2, associations=2, municipalities=6, years=6))
    assert not structure.errors and structure.events
    return structure


@pytest.fixture(scope="module")
def bundled():
    return load(BUNDLED_DATA)


@pytest.fixture(scope="module")
def hostile():
    structure = load(HOSTILE)
    assert not structure.errors
    return structure


# -- what the dataset says ------------------------------------------------------------------------


def _iso(day: int) -> str | None:
    return day_to_iso(day)


def _windows(structure, ident: str) -> list[tuple[str, str]]:
    return [(_iso(a), _iso(b)) for a, b in structure.attestation(ident).windows]


def expected(structure, on=None) -> dict:
    """Entities and relations of the export of ``structure`` (all dates, or ``on``) in one plain shape."""
    sel = select(structure, on=on)
    entities = {
        e.id: {
            "kind": e.kind, "name_sv": e.name_sv, "name_en": e.name_en, "valid_from": e.valid_from, "valid_to": e.valid_to,
            "first": _iso(e.start), "last": _iso(e.end), "sources": list(e.sources),
            "attested": _windows(structure, e.id) if on is None else e.id in sel.attested,
        }
        for e in sel.entities
    }
    relations = {
        r.id: {
            "from": r.from_id, "to": r.to_id, "relation": r.relation, "valid_from": r.valid_from, "valid_to": r.valid_to,
            "first": _iso(r.start), "last": _iso(r.end), "sources": list(r.sources), "derived_from": r.derived_from,
            "attested": _windows(structure, r.id) if on is None else r.id in sel.attested,
        }
        for r in sel.relations
    }
    return {"entities": entities, "relations": relations}


# -- reading each format back ---------------------------------------------------------------------


def _split(text: str | None) -> list[str]:
    return text.split(";") if text else []


def _from_graph(g: nx.MultiDiGraph, timeline: bool, *, spells: bool) -> dict:
    """The plain shape from a graph read by networkx (GEXF: spells and a dynamic ``attested``; GraphML: ``start``/``end``)."""

    def common(d: dict) -> dict:
        if spells:
            ((first, last),) = d.get("spells", [("None", "None")]) if timeline else [(None, None)]  # no spell: no end known
            first, last = (None if first == "None" else first), (None if last == "None" else last)
            attested = [(a, b) for _v, a, b in d.get("attested", [])] if timeline else d["attested"]
        else:
            first, last = d.get("start"), d.get("end")
            attested = [tuple(w.split("/")) for w in _split(d.get("attested_windows"))] if timeline else d["attested"]
        out = {"valid_from": d.get("valid_from", ""), "valid_to": d.get("valid_to", ""), "sources": _split(d.get("sources")), "attested": attested}
        if timeline:
            out.update(first=first, last=last)
        return out

    entities = {n: {"kind": d["kind"], "name_sv": d["name_sv"], "name_en": d["name_en"], **common(d)} for n, d in g.nodes(data=True)}
    relations = {
        k: {"from": u, "to": v, "relation": d["relation"], "derived_from": d.get("derived_from", ""), **common(d)}
        for u, v, k, d in g.edges(keys=True, data=True)
    }
    return {"entities": entities, "relations": relations}


def read_gexf(data: bytes, timeline: bool) -> dict:
    return _from_graph(nx.read_gexf(io.BytesIO(data)), timeline, spells=True)


def read_graphml(data: bytes, timeline: bool) -> dict:
    return _from_graph(nx.read_graphml(io.BytesIO(data)), timeline, spells=False)


def _drop_days(shape: dict) -> dict:
    """For one date: no first/last day (the file holds only the facts of that day)."""
    for group in shape.values():
        for item in group.values():
            item.pop("first", None)
            item.pop("last", None)
    return shape


def _rdf(data: bytes):
    return rdflib.Graph().parse(data=data, format="json-ld")


def _interval(g, node) -> tuple[str | None, str | None]:
    time = rdflib.Namespace(PREFIXES["time"])
    ends = []
    for prop in (time.hasBeginning, time.hasEnd):
        instant = g.value(node, prop)
        ends.append(str(g.value(instant, time.inXSDDate)) if instant is not None else None)
    return ends[0], ends[1]


def read_jsonld(data: bytes, timeline: bool) -> dict:
    g = _rdf(data)
    ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
    lsg, dct, skos, prov = ns["lsgmap"], ns["dcterms"], ns["skos"], ns["prov"]
    ident = {node: str(value) for node, value in g.subject_objects(dct.identifier)}

    def text(node, prop) -> str:
        value = g.value(node, prop)
        return str(value) if value is not None else ""

    def common(node) -> dict:
        first, last = _interval(g, g.value(node, lsg.during))
        if timeline:
            attested = sorted(_interval(g, w) for w in g.objects(node, lsg.attestedDuring))
        else:
            attested = g.value(node, lsg.attested).toPython()
        sources = [ident[s] for s in g.objects(node, prov.wasDerivedFrom)]
        out = {"valid_from": text(node, lsg.validFrom), "valid_to": text(node, lsg.validTo), "sources": sources, "attested": attested}
        if timeline:
            out.update(first=first, last=last)
        return out

    entities, relations = {}, {}
    for node in g.subjects(lsg.during, None):
        if (node, rdflib.RDF.type, lsg.Relationship) in g:
            relations[ident[node]] = {
                "from": ident[g.value(node, lsg.subject)], "to": ident[g.value(node, lsg.object)], "relation": text(node, lsg.kind),
                "derived_from": ident.get(g.value(node, prov.wasGeneratedBy), ""), **common(node),
            }
        elif (node, rdflib.RDF.type, ns["org"].ChangeEvent) not in g:
            names = {n.language: str(n) for n in g.objects(node, skos.prefLabel)}
            entities[ident[node]] = {"kind": text(node, lsg.kind), "name_sv": names["sv"], "name_en": names.get("en", names["sv"]), **common(node)}
    return {"entities": entities, "relations": relations}


def _normalise(shape: dict, structure) -> dict:
    """Sources in file order of the record; attested windows sorted (RDF has no order)."""
    for group, records in (("entities", structure.entities), ("relations", structure.relations)):
        for ident, item in shape[group].items():
            item["sources"] = sorted(item["sources"], key=list(records[ident].sources).index)
            if isinstance(item["attested"], list):
                item["attested"] = sorted(tuple(w) for w in item["attested"])
    return shape


READERS = {"gexf": read_gexf, "graphml": read_graphml, "jsonld": read_jsonld}


@pytest.mark.parametrize("fmt", sorted(READERS))
@pytest.mark.parametrize("dataset", ["bundled", "synthetic", "hostile"])
@pytest.mark.parametrize("on", [None, ON])
def test_graph_and_linked_data_read_back_equal_to_the_dataset(fmt, dataset, on, request):
    structure = request.getfixturevalue(dataset)
    data = export_data(structure, fmt, on=on)
    got = _normalise(READERS[fmt](data, on is None), structure)
    want = _normalise(expected(structure, on), structure)
    if on is not None:
        got, want = _drop_days(got), _drop_days(want)
    assert got["entities"].keys() == want["entities"].keys()
    assert got["relations"].keys() == want["relations"].keys()
    assert got == want


def test_one_date_holds_only_what_is_valid_that_day(bundled):
    g = nx.read_gexf(io.BytesIO(export_data(bundled, "gexf", on=ON)))
    assert g.graph["mode"] == "static"
    assert "lsg_trosa_gnesta" in g and "lsg_trosa" not in g and "lsg_gnesta" not in g
    assert set(g.nodes) == set(bundled.snapshot(on=ON).node_ids)


def test_gexf_timeline_shows_the_merger(bundled):
    g = nx.read_gexf(io.BytesIO(export_data(bundled, "gexf")))
    assert g.graph["mode"] == "dynamic"
    assert g.nodes["lsg_trosa"]["spells"] == [("None", "2016-12-31")]
    assert g.nodes["lsg_gnesta"]["spells"] == [("None", "2016-12-31")]
    assert g.nodes["lsg_trosa_gnesta"]["spells"] == [("2017-01-01", "None")]
    # the file says the timeline is in dates (GEXF 1.2, as networkx writes it and Gephi reads it); spells are ISO days
    root = ElementTree.fromstring(export_data(bundled, "gexf"))
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.get("version") == "1.2" and root.find("g:graph", ns).get("timeformat") == "date"
    spell = root.find("g:graph/g:nodes/g:node[@id='lsg_trosa_gnesta']/g:spells/g:spell", ns)
    assert spell.attrib == {"start": "2017-01-01"}


# -- JSON-LD: the questions it answers ----------------------------------------------------------------

MERGER_RESULT = """
SELECT ?id ?name WHERE {
  ?event a org:ChangeEvent ;
         org:originalOrganization/dcterms:identifier "lsg_trosa", "lsg_gnesta" ;
         org:resultingOrganization ?result .
  ?result dcterms:identifier ?id ; skos:prefLabel ?name . FILTER(lang(?name) = "sv")
}"""

STEERED_ON = """
SELECT DISTINCT ?who WHERE {
  ?r lsgmap:relation lsgmap:steers ; lsgmap:object/dcterms:identifier ?target ;
     lsgmap:subject/dcterms:identifier ?who ; lsgmap:during ?valid .
  OPTIONAL { ?valid time:hasBeginning/time:inXSDDate ?first }
  OPTIONAL { ?valid time:hasEnd/time:inXSDDate ?last }
  FILTER ((!BOUND(?first) || ?first <= ?day) && (!BOUND(?last) || ?last >= ?day))
}"""


def test_sparql_finds_the_merger_result(bundled):
    g = _rdf(export_data(bundled, "jsonld"))
    rows = [(str(r.id), str(r.name)) for r in g.query(MERGER_RESULT, initNs=PREFIXES)]
    assert rows == [("lsg_trosa_gnesta", "LSG Trosa-Gnesta")]


@pytest.mark.parametrize("day", ["2016-11-15", "2017-03-01"])
def test_sparql_finds_who_steered_tris_on_a_date(bundled, day):
    g = _rdf(export_data(bundled, "jsonld"))
    bindings = {"target": rdflib.Literal("tris"), "day": rdflib.Literal(day, datatype=rdflib.XSD.date)}
    got = {str(r.who) for r in g.query(STEERED_ON, initNs=PREFIXES, initBindings=bindings)}
    snap = bundled.snapshot(on=day)
    assert got == {r.from_id for r in snap.relations() if r.relation == "steers" and r.to_id == "tris"}
    assert ("lsg_trosa_gnesta" in got) == (day >= "2017-01-01") and ("lsg_trosa" in got) == (day < "2017-01-01")


def test_jsonld_uses_org_and_prov(bundled):
    g = _rdf(export_data(bundled, "jsonld"))
    org, prov, dct = (rdflib.Namespace(PREFIXES[k]) for k in ("org", "prov", "dcterms"))
    node = {str(v): n for n, v in g.subject_objects(dct.identifier)}
    assert (node["lsg_trosa"], rdflib.RDF.type, org.OrganizationalUnit) in g
    assert (node["rar"], rdflib.RDF.type, org.FormalOrganization) in g
    assert (node["forsakringskassan"], org.memberOf, node["rar"]) in g  # the plain triple beside the dated membership
    membership = node["r001"]
    assert (membership, rdflib.RDF.type, org.Membership) in g
    assert (g.value(membership, org.member), g.value(membership, org.organization)) == (node["forsakringskassan"], node["rar"])
    assert _interval(g, g.value(membership, org.memberDuring)) == ("2005-01-01", None)
    assert (node["processledare"], rdflib.RDF.type, org.Post) in g
    # each source: its quote as text, from its document
    quote = bundled.sources["ls_sammanslagning"].quote
    assert str(g.value(node["ls_sammanslagning"], prov.value)) == quote
    event = node["ev_sammanslagning_trosa_gnesta"]
    assert (event, prov.wasDerivedFrom, node["ls_sammanslagning"]) in g


def test_the_shipped_context_is_the_vocabulary():
    assert json.loads(CONTEXT_PATH.read_text(encoding="utf-8")) == context_document(), "run python -m lsgmap.exchange.jsonld"
    # every kind has its JSON-LD term or classes in the vocabulary; every term of the project's own has its meaning
    assert all(k.term.startswith(("org:", "lsgmap:")) for k in RELATION_KINDS.values())
    assert all(k.classes and k.classes != ("lsgmap:Entity",) for k in ENTITY_KINDS.values())
    own = [k for k in RELATION_KINDS.values() if k.term.startswith("lsgmap:")]
    assert own and all(k.meaning_sv and k.meaning_en for k in own)


# -- the workbook ----------------------------------------------------------------------------------


def _sheet_rows(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [{h: ("" if v is None else v) for h, v in zip(header, row, strict=False)} for row in rows[1:]]


@pytest.mark.parametrize("dataset", ["bundled", "synthetic", "hostile"])
def test_workbook_reads_back_equal_to_the_tables(dataset, request):
    structure = request.getfixturevalue(dataset)
    wb = load_workbook(io.BytesIO(export_data(structure, "xlsx")))
    raw = read_dataset(structure.path)
    assert wb.sheetnames == [README_SHEET, *[r.name for r in raw.schema.part()], LISTS_SHEET]
    for resource in raw.schema.part():
        ws = wb[resource.name]
        assert [c.value for c in ws[1]] == resource.columns
        table = raw.tables[resource.name]
        got = _sheet_rows(ws)
        assert len(got) == len(table)
        for f in resource.fields:
            column = [row[f.name] for row in got]
            want = table.column(f.name)
            if f.type in ("integer", "number"):
                column = [str(int(v)) if isinstance(v, float) and v == int(v) else str(v) for v in column]
            assert column == want, (resource.name, f.name)
    # the records say the same
    entities = {row["id"]: row for row in _sheet_rows(wb["entities"])}
    for e in structure.entities.values():
        assert (entities[e.id]["kind"], entities[e.id]["valid_from"], entities[e.id]["valid_to"]) == (e.kind, e.valid_from, e.valid_to)
        assert entities[e.id]["sources"].split(";") == list(e.sources)


def test_workbook_dates_are_text_and_kinds_are_drop_downs(bundled):
    wb = load_workbook(io.BytesIO(export_data(bundled, "xlsx")))
    ws = wb["relations"]
    header = [c.value for c in ws[1]]
    dates = [c for row in ws.iter_rows(min_row=2) for c in row if header[c.column - 1] in ("valid_from", "valid_to") and c.value]
    assert dates and all(c.data_type == "s" for c in dates)
    assert any(c.value == "2016-10" for c in dates) or any(len(c.value) == 4 for c in dates)  # kept at their precision
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    letter = "ABCDEFGHIJ"[header.index("relation")]
    formula = rules[f"{letter}2:{letter}1048576"]
    lists = wb[LISTS_SHEET]
    column = formula.split("!")[1].replace("$", "").split(":")[0].rstrip("0123456789")
    values = [c.value for c in lists[column][1:] if c.value]
    assert values == list(RELATION_KINDS)
    readme = " ".join(str(c.value) for row in wb[README_SHEET].iter_rows() for c in row if c.value)
    assert "Datum är text" in readme and "Dates are text" in readme


def test_workbook_for_one_date(bundled):
    wb = load_workbook(io.BytesIO(export_data(bundled, "xlsx", on=ON)))
    ids = {row["id"] for row in _sheet_rows(wb["entities"])}
    assert ids == set(bundled.snapshot(on=ON).node_ids)


def test_hostile_text_is_text_in_every_format(hostile, tiny):
    formula = tiny(entities=[{"id": "x", "kind": "lsg", "name_sv": "=HYPERLINK(\"http://evil\")", "name_en": "+1-2"},
                             {"id": "y", "kind": "project", "name_sv": "@SUM(A1)", "name_en": "-3"}],
                   relations=["x steers y"])
    for structure in (hostile, formula):
        wb = load_workbook(io.BytesIO(export_data(structure, "xlsx")))
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
        assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
        names = {row["id"]: row["name_sv"] for row in _sheet_rows(wb["entities"])}
        assert names == {e.id: e.name_sv for e in structure.entities.values()}
    assert "<script>" in hostile.entities["lsg_a"].name_sv
    g = nx.read_gexf(io.BytesIO(export_data(hostile, "gexf")))
    assert g.nodes["lsg_a"]["label"] == hostile.entities["lsg_a"].name_sv


def test_control_characters_become_a_mark_in_xml(tiny):
    s = tiny(entities=[{"id": "x", "kind": "lsg", "name_sv": "a\x01b"}, {"id": "y", "kind": "project"}], relations=["x steers y"])
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = read(io.BytesIO(export_data(s, fmt)))
        assert g.nodes["x"]["name_sv"] == "a\ufffdb"
    assert {str(o) for o in _rdf(export_data(s, "jsonld")).objects(None, rdflib.Namespace(PREFIXES["skos"]).prefLabel)} >= {"a\x01b"}


# -- the command line ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_writes_each_format(fmt, tmp_path, capsys):
    out = tmp_path / f"x.{fmt}"
    assert main(["export", "--format", fmt, "--on", ON, "--out", str(out), "--lang", "en"]) == 0
    assert out.stat().st_size > 1000
    assert capsys.readouterr().err.startswith(f"Wrote {out}")
    assert export_data(load(BUNDLED_DATA), fmt, on=ON)[:200] == out.read_bytes()[:200] or fmt == "xlsx"


def test_cli_default_file_is_the_timeline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "graphml"]) == 0
    g = nx.read_graphml(tmp_path / "lsgmap-timeline.graphml")
    assert g.nodes["lsg_trosa_gnesta"]["start"] == "2017-01-01"


def test_cli_map_options_are_refused_for_data(capsys):
    assert main(["export", "--format", "gexf", "--hide-persons", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "Error: --hide-persons applies to the map (html, png, svg); gexf is data. Leave out --hide-persons."


def test_unknown_format_is_refused(bundled):
    with pytest.raises(ValueError, match="unknown exchange format 'csv'"):
        export_data(bundled, "csv")


def test_day_is_a_day(bundled):
    assert select(bundled, on=ON).day == to_day(ON)
