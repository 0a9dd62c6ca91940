"""GEXF 1.3 for Gephi: the timeline in dynamic mode, or one date in static mode.

Streamed by :class:`~lsgmap.exchange._graph.XmlWriter` (every text from the
data is escaped by :mod:`xml.sax.saxutils`; :mod:`xml.etree` and
``XMLGenerator`` write the same file three and two times slower at national
scale). In dynamic mode (``timeformat="date"``)
every node and edge has one spell, its validity at day precision, inclusive at
both ends as GEXF reads it; an unknown start or end is left out (open). The
days a source speaks for the fact are the dynamic boolean attribute
``attested`` (default false). For one date, ``attested`` is static and says
whether a source speaks for the fact on that date.
Gephi's timeline then shows LSG Trosa and LSG Gnesta end on 2016-12-31 and
LSG Trosa-Gnesta start on 2017-01-01.

Examples
--------
>>> import networkx as nx, io
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> g = nx.read_gexf(io.BytesIO(to_gexf(load(BUNDLED_DATA))))
>>> g.graph["mode"], g.nodes["lsg_trosa_gnesta"]["spells"]
('dynamic', [('2017-01-01', 'None')])
"""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from lsgmap import __version__
from lsgmap.dates import OPEN_END, OPEN_START
from lsgmap.exchange import Selection, iso, no_gc, select, xml_text
from lsgmap.exchange._graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, XmlWriter, edge_values, node_values
from lsgmap.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["to_gexf", "NS"]

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Attributes that the dynamic attribute ``attested`` (true on the attested days) stands for in dynamic mode.
_DYNAMIC = frozenset({"attested", "attested_windows"})


def to_gexf(structure: Structure, *, on: date | str | int | None = None, lang: str = "sv") -> bytes:
    """GEXF 1.3 bytes: all dates in dynamic mode (``on=None``), or the structure valid on ``on`` in static mode."""
    with no_gc():
        return _write(structure, on, lang)


def _write(structure: Structure, on, lang: str) -> bytes:
    sel = select(structure, on=on)
    dynamic = sel.timeline
    out = io.StringIO()
    w = XmlWriter(out)
    w.open("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd", "version": "1.3"})
    w.open("meta", {"lastmodifieddate": date.today().isoformat()})
    w.leaf("creator", {}, f"lsgmap {__version__}")
    w.leaf("description", {}, xml_text(description(sel, lang)))
    w.close("meta")
    graph = {"defaultedgetype": "directed", "mode": "dynamic" if dynamic else "static"}
    if dynamic:
        graph.update(timeformat="date", timerepresentation="interval")
    w.open("graph", graph)
    for cls, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        w.open("attributes", {"class": cls, "mode": "static"})
        for name, kind in attributes:
            if not (dynamic and name in _DYNAMIC):
                w.leaf("attribute", {"id": f"{cls[0]}_{name}", "title": name, "type": kind})
        w.close("attributes")
        if dynamic:
            w.open("attributes", {"class": cls, "mode": "dynamic"})
            w.open("attribute", {"id": f"{cls[0]}_attested", "title": "attested", "type": "boolean"})
            w.leaf("default", {}, "false")
            w.close("attribute")
            w.close("attributes")
    w.open("nodes", {})
    for entity, label, values in node_values(sel, lang):
        w.open("node", {"id": xml_text(entity.id), "label": label})
        _content(w, "n", values, entity, sel)
        w.close("node")
    w.close("nodes")
    w.open("edges", {})
    for relation, label, values in edge_values(sel, lang):
        w.open("edge", {"id": xml_text(relation.id), "source": xml_text(relation.from_id), "target": xml_text(relation.to_id), "label": label})
        _content(w, "e", values, relation, sel)
        w.close("edge")
    w.close("edges")
    w.close("graph")
    w.close("gexf")
    w.end()
    return out.getvalue().encode("utf-8")


def _content(w: XmlWriter, cls: str, values: dict, record, sel: Selection) -> None:
    """The attribute values of a node or an edge and, in dynamic mode, its attested days and its spell."""
    dynamic = sel.timeline
    w.open("attvalues", {})
    for name, value in values.items():
        if dynamic and name in _DYNAMIC:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        w.leaf("attvalue", {"for": f"{cls}_{name}", "value": value})
    if dynamic:
        for first, last in sel.structure.attestation(record.id).windows:
            w.leaf("attvalue", {"for": f"{cls}_attested", "value": "true", "start": iso(first), "end": iso(last)})
    w.close("attvalues")
    if dynamic:
        spell = {}
        if record.start > OPEN_START:
            spell["start"] = iso(record.start)
        if record.end < OPEN_END:
            spell["end"] = iso(record.end)
        w.open("spells", {})
        w.leaf("spell", spell)
        w.close("spells")


def description(sel: Selection, lang: str) -> str:
    """What the file holds, in ``lang``: the dataset's folder and the date or "all dates"."""
    name = sel.structure.path.name
    if sel.day is None:
        return t("exchange.description.timeline", lang, path=name)
    return t("exchange.description.day", lang, path=name, date=iso(sel.day))
