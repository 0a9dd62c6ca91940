"""GEXF for Gephi and GraphML for yEd and Cytoscape, both written by networkx from the structure's graph.

Both files hold the graph of :func:`exchange_graph`: every entity a node and
every relation an edge, keyed by their ids, with plain attributes: ``kind``,
``name_sv``, ``name_en``, ``short_name`` (nodes) or ``relation``,
``derived_from`` (edges); the stated ``valid_from``/``valid_to``; ``sources``
as in the CSV tables (``a;b``; the quotes are in the JSON-LD and the
workbook); ``attested`` and ``attested_windows`` (``FIRST/LAST;…``, the days
a source speaks for the fact); and ``label``, the name or the relation's verb
in the language asked for. Text has no control characters
(:func:`lsgmap.text.clean_text`); empty values are left out.

GEXF (version 1.2, networkx's default, which Gephi reads): all dates in
dynamic mode with ``timeformat="date"``, every node and edge with one spell,
its validity at day precision, both ends included, an unknown end left out
(no spell when neither end is known: GEXF's "at all times"), and
``attested`` a dynamic boolean, true on the days a source speaks for the
fact (default false). Gephi's timeline then shows LSG Trosa and LSG Gnesta
end on 2016-12-31 and LSG Trosa-Gnesta start on 2017-01-01. One date is a
static graph whose ``attested`` says whether a source speaks for the fact on
that date.

GraphML has no time of its own: for all dates every node and edge carries
its first and last valid day as ``start``/``end`` (ISO, left out where
unknown); for one date only the facts valid that day are in the file.

Examples
--------
>>> import io
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> g = nx.read_gexf(io.BytesIO(to_gexf(s)))
>>> g.graph["mode"], g.nodes["lsg_trosa_gnesta"]["spells"]
('dynamic', [('2017-01-01', 'None')])
>>> g = nx.read_graphml(io.BytesIO(to_graphml(s)))
>>> g.nodes["lsg_trosa"]["end"], "start" in g.nodes["lsg_trosa"]
('2016-12-31', False)
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from lsgmap.dates import Day, day_to_iso
from lsgmap.exchange.selection import Selection, description, select
from lsgmap.model.structure import Structure
from lsgmap.text import clean_text
from lsgmap.vocab import RELATION_KINDS

__all__ = ["to_gexf", "to_graphml", "exchange_graph"]


def to_gexf(structure: Structure, *, on: Day = None, lang: str = "sv") -> bytes:
    """GEXF bytes: all dates in dynamic mode (``on=None``), or the structure valid on ``on`` in static mode."""
    sel = select(structure, on=on)
    g = exchange_graph(sel, lang, spells=True)
    g.graph = {"mode": "dynamic" if sel.timeline else "static", "name": g.graph["description"], "node_default": {"attested": "false"},
               "edge_default": {"attested": "false"}}
    for *_ends, key, values in g.edges(keys=True, data=True):
        values["id"] = key  # the edge's id in the file: the relation id
    out = io.BytesIO()
    nx.write_gexf(g, out, prettyprint=False)
    return out.getvalue()


def to_graphml(structure: Structure, *, on: Day = None, lang: str = "sv") -> bytes:
    """GraphML bytes of all dates (``on=None``, validity as ``start``/``end``) or of the structure valid on ``on``."""
    g = exchange_graph(select(structure, on=on), lang, spells=False)
    g.graph["id"] = "lsgmap"
    out = io.BytesIO()
    nx.write_graphml(g, out, prettyprint=False)
    return out.getvalue()


def exchange_graph(sel: Selection, lang: str, *, spells: bool) -> nx.MultiDiGraph:
    """:attr:`Structure.graph <lsgmap.model.structure.Structure.graph>` cut to the selection, with the files' attributes as plain values.

    ``spells``: for all dates the validity as GEXF ``spells`` and ``attested``
    as GEXF dynamic values; otherwise the validity as ``start``/``end`` text.
    """
    s = sel.structure
    entities = s.entities if sel.timeline else {e.id: e for e in sel.entities}
    relations = s.relations if sel.timeline else {r.id: r for r in sel.relations}
    name = "name_en" if lang == "en" else "name_sv"
    verbs = {k: kind.verb(lang) for k, kind in RELATION_KINDS.items()}
    g = nx.MultiDiGraph(description=description(sel, lang))
    for n, d in s.graph.nodes(data=True):
        if e := entities.get(n):
            values = {"label": d[name] or d["name_sv"], "kind": d["kind"], "name_sv": d["name_sv"], "name_en": d["name_en"], "short_name": e.short_name}
            g.add_node(clean_text(n), **_plain(values, sel, e, spells))
    for u, v, k, d in s.graph.edges(keys=True, data=True):
        if r := relations.get(k):
            values = {"label": verbs.get(d["relation"], d["relation"]), "relation": d["relation"], "derived_from": r.derived_from}
            g.add_edge(clean_text(u), clean_text(v), key=clean_text(k), **_plain(values, sel, r, spells))
    return g


def _plain(values: dict[str, Any], sel: Selection, record: Any, spells: bool) -> dict[str, Any]:
    """``values`` and what nodes and edges share (stated validity, sources, attestation, validity), cleaned, empty ones left out."""
    windows = sel.structure.attestation(record.id).windows
    values.update(valid_from=record.valid_from, valid_to=record.valid_to, sources=";".join(record.sources))
    first, last = day_to_iso(record.start), day_to_iso(record.end)
    if spells and sel.timeline:
        values["spells"] = [(first, last)] if first or last else None  # no spell: valid at all times
        values["attested"] = [(True, day_to_iso(a), day_to_iso(b)) for a, b in windows] or None
    else:
        values["attested"] = bool(windows) if sel.timeline else record.id in sel.attested
        values["attested_windows"] = ";".join(f"{day_to_iso(a) or ''}/{day_to_iso(b) or ''}" for a, b in windows)
        if sel.timeline:
            values.update(start=first, end=last)
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items() if v is not None and v != ""}
