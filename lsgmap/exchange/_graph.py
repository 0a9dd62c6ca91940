"""What the graph formats (GEXF, GraphML) say about each node and edge, and the streaming XML writer both use.

Both formats carry the same attributes. ``sources`` is compact: the source ids
as in the CSV tables (``a;b``); the quotes themselves are in the JSON-LD and
the workbook. ``attested_windows`` lists the days a source speaks for the
fact (``FIRST/LAST;…``); ``attested`` says whether one ever does (for one
date: whether one does on that date).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from lsgmap.exchange import Selection, windows_text, xml_text
from lsgmap.vocab import RELATION_KINDS

#: (name, type) of every node attribute, in order; type is "string" or "boolean".
NODE_ATTRIBUTES = (
    ("kind", "string"), ("name_sv", "string"), ("name_en", "string"), ("short_name", "string"), ("valid_from", "string"), ("valid_to", "string"),
    ("attested", "boolean"), ("attested_windows", "string"), ("sources", "string"),
)
#: (name, type) of every edge attribute, in order.
EDGE_ATTRIBUTES = (
    ("relation", "string"), ("valid_from", "string"), ("valid_to", "string"), ("derived_from", "string"),
    ("attested", "boolean"), ("attested_windows", "string"), ("sources", "string"),
)


def node_values(sel: Selection, lang: str) -> Iterator[tuple[object, str, dict[str, object]]]:
    """(entity, label, {attribute: value}) for every entity of the selection; empty strings left out."""
    attestation = sel.structure.attestation
    for e in sel.entities:
        windows = attestation(e.id).windows
        values = {
            "kind": e.kind,
            "name_sv": xml_text(e.name_sv),
            "name_en": xml_text(e.name_en),
            "short_name": xml_text(e.short_name),
            "valid_from": e.valid_from,
            "valid_to": e.valid_to,
            "attested": bool(windows) if sel.day is None else e.id in sel.attested,
            "attested_windows": windows_text(windows),
            "sources": xml_text(";".join(e.sources)),
        }
        yield e, values["name_en" if lang == "en" else "name_sv"], {k: v for k, v in values.items() if v != ""}


def edge_values(sel: Selection, lang: str) -> Iterator[tuple[object, str, dict[str, object]]]:
    """(relation, label, {attribute: value}) for every relation of the selection; empty strings left out."""
    attestation = sel.structure.attestation
    labels = {k: r.verb(lang) for k, r in RELATION_KINDS.items()}
    for r in sel.relations:
        windows = attestation(r.id).windows
        values = {
            "relation": r.relation,
            "valid_from": r.valid_from,
            "valid_to": r.valid_to,
            "derived_from": xml_text(r.derived_from),
            "attested": bool(windows) if sel.day is None else r.id in sel.attested,
            "attested_windows": windows_text(windows),
            "sources": xml_text(";".join(r.sources)),
        }
        yield r, labels.get(r.relation, r.relation), {k: v for k, v in values.items() if v != ""}


class XmlWriter:
    """A streaming XML writer: every attribute value through :func:`xml.sax.saxutils.quoteattr`, every text through ``escape``.

    Tags and attribute names are the caller's constants; values are data. Each
    distinct value is quoted once (dates, kinds and ids repeat thousands of
    times at national scale). The XML declaration says UTF-8.

    >>> import io
    >>> out = io.StringIO()
    >>> w = XmlWriter(out)
    >>> w.open("a", {"x": '<"&>'}); w.leaf("b", {"y": "1"}, text="1 < 2"); w.leaf("c", {}); w.close("a"); w.end()
    >>> print(out.getvalue().splitlines()[-1])
    <a x='&lt;"&amp;&gt;'><b y="1">1 &lt; 2</b><c/></a>
    """

    def __init__(self, out: IO[str]):
        self._write = out.write
        self._quoted: dict[str, str] = {}
        self._write('<?xml version="1.0" encoding="utf-8"?>\n')

    def _attrs(self, attrs: dict[str, str]) -> str:
        quoted = self._quoted
        parts = []
        for key, value in attrs.items():
            q = quoted.get(value)
            if q is None:
                q = quoted[value] = quoteattr(value)
            parts.append(f" {key}={q}")
        return "".join(parts)

    def open(self, tag: str, attrs: dict[str, str]) -> None:
        self._write(f"<{tag}{self._attrs(attrs)}>")

    def close(self, tag: str) -> None:
        self._write(f"</{tag}>")

    def leaf(self, tag: str, attrs: dict[str, str], text: str | None = None) -> None:
        if text:
            self._write(f"<{tag}{self._attrs(attrs)}>{escape(text)}</{tag}>")
        else:
            self._write(f"<{tag}{self._attrs(attrs)}/>")

    def end(self) -> None:
        self._write("\n")
