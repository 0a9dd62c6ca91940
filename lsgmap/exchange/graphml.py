"""GraphML for yEd and Cytoscape: the attributes of the GEXF file, and the validity as ``start``/``end``.

GraphML has no time of its own: for all dates every node and edge carries its
first and last valid day (``start``, ``end``, ISO, left out where unknown)
beside its stated ``valid_from``/``valid_to``; for one date only the facts
valid that day are in the file, ``attested`` saying whether a source speaks
for them on it. ``label`` is the name (or the relation's verb) in the language
asked for.

Examples
--------
>>> import networkx as nx, io
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> g = nx.read_graphml(io.BytesIO(to_graphml(load(BUNDLED_DATA))))
>>> g.nodes["lsg_trosa"]["end"], "start" in g.nodes["lsg_trosa"]
('2016-12-31', False)
"""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from lsgmap.dates import OPEN_END, OPEN_START
from lsgmap.exchange import iso, no_gc, select, xml_text
from lsgmap.exchange._graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, XmlWriter, edge_values, node_values
from lsgmap.exchange.gexf import description

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["to_graphml", "NS"]

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def to_graphml(structure: Structure, *, on: date | str | int | None = None, lang: str = "sv") -> bytes:
    """GraphML bytes of all dates (``on=None``, validity as ``start``/``end``) or of the structure valid on ``on``."""
    with no_gc():
        return _write(structure, on, lang)


def _write(structure: Structure, on, lang: str) -> bytes:
    sel = select(structure, on=on)
    out = io.StringIO()
    w = XmlWriter(out)
    w.open("graphml", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd"})
    w.leaf("key", {"id": "g_description", "for": "graph", "attr.name": "description", "attr.type": "string"})
    for cls, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        extra = [("label", "string")] + ([("start", "string"), ("end", "string")] if sel.timeline else [])
        for name, kind in (*extra, *attributes):
            w.leaf("key", {"id": f"{cls[0]}_{name}", "for": cls, "attr.name": name, "attr.type": kind})
    w.open("graph", {"id": "lsgmap", "edgedefault": "directed"})
    w.leaf("data", {"key": "g_description"}, xml_text(description(sel, lang)))
    for entity, label, values in node_values(sel, lang):
        w.open("node", {"id": xml_text(entity.id)})
        _data(w, "n", label, values, entity, sel.timeline)
        w.close("node")
    for relation, label, values in edge_values(sel, lang):
        w.open("edge", {"id": xml_text(relation.id), "source": xml_text(relation.from_id), "target": xml_text(relation.to_id)})
        _data(w, "e", label, values, relation, sel.timeline)
        w.close("edge")
    w.close("graph")
    w.close("graphml")
    w.end()
    return out.getvalue().encode("utf-8")


def _data(w: XmlWriter, cls: str, label: str, values: dict, record, timeline: bool) -> None:
    w.leaf("data", {"key": f"{cls}_label"}, label)
    if timeline:
        if record.start > OPEN_START:
            w.leaf("data", {"key": f"{cls}_start"}, iso(record.start))
        if record.end < OPEN_END:
            w.leaf("data", {"key": f"{cls}_end"}, iso(record.end))
    for name, value in values.items():
        w.leaf("data", {"key": f"{cls}_{name}"}, ("true" if value else "false") if isinstance(value, bool) else value)
