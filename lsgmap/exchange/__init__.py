"""Exchange formats: the structure as files other tools open.

* ``gexf``: GEXF for Gephi, written by networkx; the whole timeline in dynamic
  mode (every node and edge with its validity as a spell at day precision,
  the attested days as a dynamic attribute), or one date in static mode.
* ``graphml``: GraphML for yEd and Cytoscape, written by networkx, with the
  same attributes.
* ``jsonld``: linked data in W3C ORG terms, with PROV for the sources and the
  project's own small vocabulary (``lsgmap-context.jsonld``, shipped here).
* ``xlsx``: the tables as a workbook, one sheet per table, drop-down lists for
  the kinds, dates as text at their precision, a read-me sheet.

Every format takes ``on``: one date (the facts valid that day, each attested
or not on it) or ``None``: all dates, each fact with its validity. The
interval rule is the one of :mod:`lsgmap.dates`; open ends stay open.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> sorted(FORMATS)
['gexf', 'graphml', 'jsonld', 'xlsx']
>>> export_data(s, "gexf", on="2017-03-01")[:38]
b"<?xml version='1.0' encoding='utf-8'?>"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lsgmap.dates import Day, day_to_iso, to_day
from lsgmap.exchange.graphs import to_gexf, to_graphml
from lsgmap.exchange.jsonld import to_jsonld
from lsgmap.exchange.selection import Selection, select
from lsgmap.exchange.workbook import to_workbook
from lsgmap.model.structure import Structure

__all__ = ["FORMATS", "ExchangeFormat", "Selection", "select", "export_data", "default_filename"]


@dataclass(frozen=True)
class ExchangeFormat:
    """One exchange format: the function that writes it, its file suffix and media type."""

    key: str
    write: Callable[..., bytes]
    suffix: str
    mime: str


#: The exchange formats by name (``lsgmap export --format NAME``).
FORMATS: dict[str, ExchangeFormat] = {
    f.key: f
    for f in (
        ExchangeFormat("gexf", to_gexf, "gexf", "application/gexf+xml"),
        ExchangeFormat("graphml", to_graphml, "graphml", "application/graphml+xml"),
        ExchangeFormat("jsonld", to_jsonld, "jsonld", "application/ld+json"),
        ExchangeFormat("xlsx", to_workbook, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
}


def export_data(structure: Structure, fmt: str, *, on: Day = None, lang: str = "sv") -> bytes:
    """The structure as a file of format ``fmt`` (see :data:`FORMATS`): one date ``on``, or all dates when None.

    ``lang`` chooses the language of labels meant for people (the GEXF and
    GraphML ``label``); the data keeps both languages.
    """
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ValueError(f"unknown exchange format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return spec.write(structure, on=on, lang=lang)


def default_filename(fmt: str, *, on: Day = None) -> str:
    """``lsgmap-DATE.SUFFIX`` for one date, ``lsgmap-timeline.SUFFIX`` for all dates.

    >>> default_filename("gexf"), default_filename("xlsx", on="2017-03-01")
    ('lsgmap-timeline.gexf', 'lsgmap-2017-03-01.xlsx')
    """
    stem = "timeline" if on is None else day_to_iso(to_day(on))
    return f"lsgmap-{stem}.{FORMATS[fmt].suffix}"
