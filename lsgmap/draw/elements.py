"""What the structure map draws: :func:`elements` of a View, the one source of every node's and edge's look.

:func:`elements` gives each node and edge its label, tooltip text, position,
colour, shape, line style, curvature of parallel relations, marks, highlight
and dimming for a :class:`lsgmap.draw.view.View`, on the positions it is handed
(the layout, :func:`lsgmap.draw.layout.positions.layered_positions`, is run by
whoever draws). The live map (:mod:`lsgmap.app.live_map`), the HTML pages
(:mod:`lsgmap.draw.html`) and the PNG/SVG images (:mod:`lsgmap.draw.images`)
all draw its :class:`Elements`; :func:`vis_node`, :func:`vis_edge` and
:data:`VIS_OPTIONS` say them as vis-network reads them, :func:`legend` and
:func:`legend_of` list what they mean.

Examples
--------
>>> from lsgmap.dataset.load import load
>>> from lsgmap.draw.layout.positions import layered_positions
>>> from lsgmap.draw.view import View
>>> s = load()
>>> els = elements(s, View(on="2017-03-01"), layered_positions(s))
>>> sorted(n.id for n in els.nodes if n.id.startswith("lsg_trosa"))
['lsg_trosa_gnesta']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsgmap.dates import to_day, validity_text
from lsgmap.draw.labels import map_label, safe_text, short_label
from lsgmap.draw.layout.label_boxes import NODE_SIZE
from lsgmap.draw.view import display_names
from lsgmap.i18n import t
from lsgmap.model.attestation import attestation_note
from lsgmap.model.records import is_working_name
from lsgmap.model.structure import conflict_items
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.draw.view import View
    from lsgmap.model.structure import Snapshot, Structure

__all__ = [
    "Node",
    "Edge",
    "Elements",
    "elements",
    "fact_notes",
    "vis_node",
    "vis_edge",
    "VIS_OPTIONS",
    "legend",
    "legend_of",
    "contrast_ratio",
    "readable_on",
    "faded",
    "darker",
    "MARK_COLOURS",
    "UNATTESTED_ALPHA",
    "UNATTESTED_DASHES",
]

#: Colours for marks of the compare view: added, removed, changed; and what a proposal adds (:mod:`lsgmap.scenario`).
MARK_COLOURS = {"added": "#2ca02c", "removed": "#d62728", "changed": "#ff7f0e", "proposed": "#c2185b"}
_FOCUS_COLOUR = "#ffd700"
_DIM_ALPHA = 0.18
_REMOVED_LIGHTEN = 0.55  # how much a removed node's fill is lightened (its label stays dark and readable)
#: Facts no source speaks for on the day: drawn in a lighter colour, at this opacity, with this dash pattern (on, off px).
UNATTESTED_ALPHA = 0.5
UNATTESTED_DASHES = (3, 6)
#: the border of an entity only a public source speaks for on the day (text not shipped, not checked here)
PUBLIC_DASHES = (1, 3)
_UNKNOWN_DASHES = (8, 4)
_UNATTESTED_LIGHTEN = 0.55


def faded(colour: str, amount: float = _UNATTESTED_LIGHTEN) -> str:
    """``colour`` (``#rrggbb``) mixed with white: the lighter colour of a fact no source speaks for on the day.

    >>> faded("#c55a11"), faded("#000000", 0.5), faded("red")
    ('#e5b594', '#808080', 'red')
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21; text wants at least 4.5).

    >>> round(contrast_ratio("#ffffff", "#000000"), 1), round(contrast_ratio("#222222", "#ffffff"), 1)
    (21.0, 15.9)
    """
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(background: str) -> str:
    """White or near-black text, whichever contrasts more with ``background``.

    >>> readable_on("#1f4e79"), readable_on("#d9d9d9"), readable_on("#e9b3ab")
    ('#ffffff', '#222222', '#222222')
    """
    return max(("#ffffff", "#222222"), key=lambda text: contrast_ratio(text, background))


def _text_colour(background: str, shape: str) -> str:
    """White text inside dark boxes and ellipses, black otherwise (labels of dots, stars… sit outside the shape).

    >>> _text_colour("#1f4e79", "box"), _text_colour("#1f4e79", "dot"), _text_colour("#d9d9d9", "box")
    ('#ffffff', '#222222', '#222222')
    """
    if shape not in {"box", "ellipse", "circle", "database", "text"}:
        return "#222222"
    return readable_on(background)


def _mark_label(status: str, lang: str) -> str:
    return t(f"app.mark.{status}", lang)


@dataclass(frozen=True)
class Node:
    """One drawn entity: text (already safe), place, look and state."""

    id: str
    label: str
    tooltip: str
    x: float
    y: float
    kind: str
    colour: str
    shape: str
    text_colour: str
    font_size: int = 18
    border: str | None = None  #: colour of a thick border (a mark or a highlight)
    mark: str | None = None
    dimmed: bool | None = None  #: None when nothing is emphasised
    opacity: float = 1.0
    attested: bool = True  #: False: no source speaks for it on the day (drawn faded, border dashed)
    conflicts: tuple[str, ...] = ()  #: ids of the recorded conflicts (conflicts.csv) that name it
    evidence: str | None = "document"  #: what speaks for it on the day: "document", "public" (dotted border), "plan" or None


@dataclass(frozen=True)
class Edge:
    """One drawn relation: ends, text (already safe), look and state."""

    id: str
    source: str
    target: str
    relation: str
    tooltip: str
    colour: str
    width: int
    dashes: tuple[int, ...]  #: dash pattern (on, off, … px); () solid
    curve: str = ""  #: "" (straight), "curvedCW" or "curvedCCW": parallel relations drawn apart
    roundness: float = 0.0
    mark: str | None = None
    dimmed: bool | None = None
    opacity: float = 1.0
    strong: bool = False
    attested: bool = True  #: False: no source speaks for it on the day (drawn faded, with :data:`UNATTESTED_DASHES`)
    conflicts: tuple[str, ...] = ()  #: ids of the recorded conflicts (conflicts.csv) that name it
    evidence: str | None = "document"  #: what speaks for it on the day: "document", "public", "plan" or None


@dataclass(frozen=True)
class Elements:
    """What one :class:`~lsgmap.draw.view.View` draws: nodes and edges in drawing order, the title, the day and language."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    title: str
    on: str
    lang: str = "sv"
    facts: int = 0  #: entities and relations the view's filters select on the day (before ``attested_only``)
    unattested: int = 0  #: how many of those no source speaks for on the day

    @property
    def drawn_unattested(self) -> int:
        """How many of the drawn nodes and edges no source speaks for on the day."""
        return sum(1 for item in (*self.nodes, *self.edges) if not item.attested)

    def node(self, node_id: str) -> Node:
        """The node with id ``node_id`` (KeyError if it is not drawn)."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)


def elements(structure: Structure, view: View, positions: Mapping[str, tuple[float, float]]) -> Elements:
    """The nodes and edges that ``view`` draws: the one source of every label, tooltip, colour, shape, line and mark.

    A fact no source speaks for on the view's day (:mod:`lsgmap.model.attestation`)
    has ``attested=False``, a lighter colour, a lower opacity and dashes, and
    its tooltip says so ("saknar källa för detta datum, senast belagd …");
    with ``view.attested_only`` it is not drawn at all.

    Parameters
    ----------
    structure : the dataset.
    view : what to draw (:class:`lsgmap.draw.view.View`).
    positions : ``{entity id: (x, y)}``, e.g. :func:`lsgmap.draw.layout.positions.layered_positions` of the
        structure (computed once and kept by whoever draws); an entity without a place is drawn at (0, 0).

    Examples
    --------
    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.layout.positions import layered_positions
    >>> from lsgmap.draw.view import View
    >>> s = load()
    >>> places = layered_positions(s)
    >>> els = elements(s, View(on="2016-11-01", focus="lsg_trosa"), places)
    >>> "kommun_trosa" in {n.id for n in els.nodes}, "kommun_eskilstuna" in {n.id for n in els.nodes}
    (True, False)
    >>> (els.node("lsg_trosa").x, els.node("lsg_trosa").y) == places["lsg_trosa"]
    True
    >>> elements(s, View(on="2016-11-01", hide_persons=True), places).node("ida_malmberg").label
    'Processledaren (person)'
    >>> later = elements(s, View(on="2017-03-01"), places)
    >>> later.node("lsg_nykoping_oxelosund").attested, later.unattested <= later.facts
    (False, True)
    """
    snapshot = structure.snapshot(on=view.day)
    shown, rels = _shown(snapshot, view)
    attested = snapshot.attested_nodes | snapshot.attested_edges
    facts = len(shown) + len(rels)
    unattested = sum(1 for item in (*shown, *rels) if item.id not in attested)
    if view.attested_only:
        shown = [e for e in shown if e.id in attested]
        rels = [r for r in rels if r.id in attested]
    name = display_names(structure, snapshot, lang=view.lang, hide_persons=view.hide_persons)
    marks = view.mark_of()
    gold = set(view.highlight) | ({view.focus} if view.focus else set())
    emphasis = bool(view.strong_nodes or view.strong_edges)
    strong_nodes, strong_edges = set(view.strong_nodes), set(view.strong_edges)
    notes = _Notes(structure, view.day, view.lang)
    nodes = tuple(
        _node(e, name(e.id), positions, view, marks.get(e.id), e.id in gold, (view.dim_rest and e.id not in strong_nodes) if emphasis else None,
              e.id in attested, notes)
        for e in shown
    )
    edges = tuple(
        _edge(r, name, view, marks.get(r.id), curve, (view.dim_rest and r.id not in strong_edges) if emphasis else None, r.id in strong_edges,
              r.id in attested, notes)
        for r, curve in zip(rels, _curves(rels), strict=True)
    )
    return Elements(nodes, edges, safe_text(view.heading()), view.on, view.lang, facts, unattested)


def fact_notes(structure: Structure, fact_id: str, *, on: Any, lang: str = "sv") -> list[str]:
    """What a reader is told beside a fact on a day: no source for the day, recorded conflicts, a working name.

    One short line each, plain text from :func:`lsgmap.model.attestation.attestation_note`
    (``derived`` when a relation has ``derived_from``), the recorded conflicts
    (:func:`lsgmap.model.structure.conflict_items`) and the entity attribute ``name_is_working_name``.
    The tooltip, the details table and a story step all say these lines.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> fact_notes(s, "lsg_trosa", on="2016-11-15")
    []
    >>> fact_notes(s, "lsg_trosa_gnesta", on="2017-03-01")[-1]
    'arbetsnamn, inte i källorna'
    >>> fact_notes(s, "r_rar_funds_pl", on="2017-03-01", lang="en")[:2]  # the application's budget: a plan
    ['no source for this date, planned, not attested', 'Conflicting sources: The application gives the end date 2018-06-31, which does not exist; the budget heading gives 2018-06-30, which is used.']
    """

    return _Notes(structure, to_day(on), lang)(fact_id)


class _Notes:
    """:func:`fact_notes` for one day and language."""

    def __init__(self, structure: Structure, day: int, lang: str):
        self.structure, self.day, self.lang = structure, day, lang

    def evidence(self, fact_id: str) -> str | None:
        return self.structure.attestation(fact_id).evidence(self.day)

    def attestation(self, fact_id: str) -> str:
        """"offentlig källa, ej kontrollerad här", "saknar källa …, planerat, inte belagt", "saknar källa …, senast belagd …" or ""."""
        s = self.structure
        if self.evidence(fact_id) == "public":
            return t("evidence.public", self.lang)
        record = s.relations.get(fact_id) or s.entities.get(fact_id)
        derived = bool(getattr(record, "derived_from", ""))
        return attestation_note(s.attestation(fact_id), self.day, self.lang, derived=derived)

    def conflicts(self, fact_id: str) -> list[str]:
        return [t("map.conflict", self.lang, topic=item["text"]) for item in conflict_items(self.structure.conflicts_of(fact_id), self.lang)]

    def working_name(self, fact_id: str) -> str:
        return t("map.working_name", self.lang) if is_working_name(self.structure.entities.get(fact_id)) else ""

    def __call__(self, fact_id: str) -> list[str]:
        return [line for line in (self.attestation(fact_id), *self.conflicts(fact_id), self.working_name(fact_id)) if line]


def _shown(snapshot: Snapshot, view: View) -> tuple[list, list]:
    """The entities and relations of the day that pass the view's filters, focus and restriction."""
    kinds = set(view.kinds) if view.kinds is not None else None
    relations = set(view.relations) if view.relations is not None else None
    only_nodes = set(view.nodes) if view.nodes is not None else None
    only_edges = set(view.edges) if view.edges is not None else None
    shown = [e for e in snapshot.entities() if (kinds is None or e.kind in kinds) and (only_nodes is None or e.id in only_nodes)]
    ids = {e.id for e in shown}
    rels = [
        r
        for r in snapshot.relations()
        if r.from_id in ids
        and r.to_id in ids
        and (relations is None or r.relation in relations)
        and (only_edges is None or r.id in only_edges)
    ]
    if view.focus:
        focus = view.focus
        keep = {focus} | {r.to_id for r in rels if r.from_id == focus} | {r.from_id for r in rels if r.to_id == focus}
        shown = [e for e in shown if e.id in keep]
        rels = [r for r in rels if focus in (r.from_id, r.to_id)]
    return shown, rels


def _node(
    e: Any, name: str, positions: Mapping, view: View, status: str | None, gold: bool, dimmed: bool | None, attested: bool, notes: _Notes
) -> Node:
    kind = ENTITY_KINDS.get(e.kind)
    colour = kind.colour if kind else "#999999"
    shape = kind.shape if kind else "dot"
    name = safe_text(name)
    x, y = positions.get(e.id, (0.0, 0.0))
    conflicts = notes.conflicts(e.id)
    lines = [name, kind.label(view.lang) if kind else e.kind, validity_text(e.valid_from, e.valid_to, view.lang), notes.attestation(e.id), *conflicts,
             notes.working_name(e.id)]
    mark = status if status in MARK_COLOURS else None
    if mark:
        lines.append(_mark_label(mark, view.lang))
    border = _FOCUS_COLOUR if gold else (MARK_COLOURS[mark] if mark else None)
    opacity = _DIM_ALPHA if dimmed else 1.0
    if mark == "removed" and not dimmed:  # a pale fill under dark text, not the whole node see-through (white on pale pink)
        colour = faded(colour, _REMOVED_LIGHTEN)
    if not attested:
        colour, opacity = faded(colour), min(opacity, UNATTESTED_ALPHA)
    return Node(
        id=e.id,
        label=short_label(name),
        tooltip="\n".join(safe_text(t) for t in lines if t),
        x=float(x),
        y=float(y),
        kind=e.kind,
        colour=colour,
        shape=shape,
        text_colour=_text_colour(colour, shape),
        font_size=int(view.font_size),
        border=border,
        mark=mark,
        dimmed=dimmed,
        opacity=opacity,
        attested=attested,
        conflicts=tuple(c.id for c in notes.structure.conflicts_of(e.id)),
        evidence=notes.evidence(e.id),
    )


def _curves(rels: list) -> list[tuple[str, float]]:
    """(curve, roundness) per relation: parallel relations between the same two nodes are drawn apart."""
    by_pair: dict[tuple[str, str], int] = defaultdict(int)
    nth = []
    for r in rels:
        pair = (r.from_id, r.to_id) if r.from_id <= r.to_id else (r.to_id, r.from_id)
        nth.append((pair, by_pair[pair]))
        by_pair[pair] += 1
    return [("", 0.0) if by_pair[pair] == 1 else ("curvedCW" if k % 2 == 0 else "curvedCCW", 0.15 + 0.15 * (k // 2)) for pair, k in nth]


def _edge(
    r: Any, name: Callable[[str], str], view: View, status: str | None, curve: tuple[str, float], dimmed: bool | None, strong: bool,
    attested: bool, notes: _Notes,
) -> Edge:
    kind = RELATION_KINDS.get(r.relation)
    verb = kind.verb(view.lang) if kind else r.relation
    tooltip = [f"{name(r.from_id)} {verb} {name(r.to_id)}", validity_text(r.valid_from, r.valid_to, view.lang), *notes(r.id)]
    colour = kind.colour if kind else "#999999"
    width = int(kind.width) if kind else 1
    mark = status if status in MARK_COLOURS else None
    if mark:
        colour, width = MARK_COLOURS[mark], max(4, width + 2)
        tooltip.append(_mark_label(mark, view.lang))
    if strong and not dimmed:
        width = max(width + 3, 5)
    opacity = _DIM_ALPHA if dimmed else 1.0
    if not attested:  # a mark keeps its colour (the compare view reads it), faded by opacity and dashes only
        colour, opacity = (colour if mark else faded(colour)), min(opacity, UNATTESTED_ALPHA)
    return Edge(
        id=r.id,
        source=r.from_id,
        target=r.to_id,
        relation=r.relation,
        tooltip="\n".join(safe_text(line) for line in tooltip if line),
        colour=colour,
        width=width,
        dashes=UNATTESTED_DASHES if not attested else kind.dashes if kind else _UNKNOWN_DASHES,
        curve=curve[0],
        roundness=curve[1],
        mark=mark,
        dimmed=dimmed,
        opacity=opacity,
        strong=strong and not dimmed,
        attested=attested,
        conflicts=tuple(c.id for c in notes.structure.conflicts_of(r.id)),
        evidence=notes.evidence(r.id),
    )


def vis_node(n: Node) -> dict[str, Any]:
    """A node as vis-network reads it (plain JSON values; ``mark``/``dimmed``/``kind`` ride along for tests and tools).

    >>> vis_node(Node("a", "A", "A", 0.0, 0.0, "lsg", "#c55a11", "ellipse", "#ffffff", mark="added", border="#2ca02c"))["color"]
    {'background': '#c55a11', 'border': '#2ca02c'}
    """
    node: dict[str, Any] = {
        "id": n.id,
        "label": map_label(n.label),  # broken at spaces and hyphens here, not inside words by vis-network
        "title": n.tooltip,
        "x": n.x,
        "y": n.y,
        "shape": n.shape,
        "color": {"background": n.colour, "border": n.border} if n.border else n.colour,
        "borderWidth": 6 if n.border else 1,
        "size": NODE_SIZE,  # the layout makes room for it (lsgmap.draw.layout.label_boxes)
        "font": {"size": n.font_size, "face": "DejaVu Sans, sans-serif", "color": n.text_colour},
        "kind": n.kind,
        # said every time, so a node updated in place (lsgmap.app.live_map) loses an earlier fading and dashes
        "opacity": n.opacity,
        "shapeProperties": {"borderDashes": False},
    }
    if n.mark:
        node["mark"] = n.mark
    if n.dimmed is not None:
        node["dimmed"] = n.dimmed
    if n.evidence == "public":  # a public source only: a dotted border (the legend's row says so)
        node["evidence"] = "public"
        node["shapeProperties"] = {"borderDashes": list(PUBLIC_DASHES)}
        node["borderWidth"] = 2
    if not n.attested:  # faded colour (in n.colour), dashed border in the kind's colour
        node["attested"] = False
        node["shapeProperties"] = {"borderDashes": list(UNATTESTED_DASHES)}
        if not n.border:
            node["color"] = {"background": n.colour, "border": darker(n.colour)}
            node["borderWidth"] = 2
    return node


def vis_edge(e: Edge) -> dict[str, Any]:
    """An edge as vis-network reads it.

    >>> edge = vis_edge(Edge("r1", "a", "b", "covers", "a omfattar b", "#548235", 1, (8, 4)))
    >>> edge["smooth"], edge["dashes"]
    (False, [8, 4])
    """
    edge: dict[str, Any] = {
        "id": e.id,
        "from": e.source,
        "to": e.target,
        "title": e.tooltip,
        "color": {"color": e.colour, "opacity": e.opacity} if e.opacity != 1.0 else e.colour,
        "dashes": list(e.dashes) if e.dashes else False,
        "width": e.width,
        "arrows": "to",
        "relation": e.relation,
        "smooth": {"enabled": True, "type": e.curve, "roundness": e.roundness} if e.curve else False,
    }
    if e.mark:
        edge["mark"] = e.mark
    if e.dimmed is not None:
        edge["dimmed"] = e.dimmed
    if e.strong:
        edge["highlight"] = True
    if not e.attested:
        edge["attested"] = False
    return edge


def darker(colour: str) -> str:
    """A border colour for a faded node: its fill, darkened (the maps, the legends and the images draw it alike).

    >>> darker("#e5b594"), darker("red")
    ('#896d59', 'red')
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour
    return "#" + "".join(f"{round(int(colour[i : i + 2], 16) * 0.6):02x}" for i in (1, 3, 5))


#: vis-network's options for every map (the HTML pages and the live map): positions given, physics off,
#: the wheel does not zoom until the map is clicked. Plain JSON values without spaces (pyvis' ``set_options`` drops them).
VIS_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "navigationButtons": False, "keyboard": False, "dragNodes": True, "zoomView": False},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    "nodes": {"font": {"size": 16}},
}


def legend(
    *, lang: str = "sv", kinds: Iterable[str] | None = None, relations: Iterable[str] | None = None, marks: bool | Iterable[str] = False,
    unattested: bool = False, evidence: Iterable[str] = (),
) -> list[dict[str, str]]:
    """Legend rows: ``{"group", "key", "label", "colour", "style"}`` for entity kinds, relation kinds, marks and unattested facts.

    ``evidence``: the kinds of evidence other than a shipped document to explain ("public", "plan"), a row each.

    ``style`` is an entity kind's shape, or a relation kind's "solid"/"dashed"
    (whose rows also carry ``dashes``, the pattern, and ``width``). ``marks``:
    True for all marks, or the marks to list.

    >>> rows = legend(lang="en", kinds=["lsg"], relations=["steers", "covers"], marks=["removed"], unattested=True)
    >>> [(r["label"], r["colour"], r["style"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('Local collaboration group', '#b4510f', 'ellipse'), ('Covers', '#548235', 'dashed'), ('Steers', '#b4510f', 'solid'),
     ('Removed', '#d62728', 'border'), ('no source for this date', '#c6c6c6', 'faded')]
    >>> rows[1]["dashes"], rows[1]["width"]
    ('8 4', '1')
    """

    kinds = None if kinds is None else set(kinds)
    relations = None if relations is None else set(relations)
    marks = set(MARK_COLOURS) if marks is True else set(marks or ())
    rows = []
    for key, kind in ENTITY_KINDS.items():
        if kinds is None or key in kinds:
            rows.append({"group": "entity", "key": key, "label": kind.label(lang), "colour": kind.colour, "style": kind.shape})
    for key, rk in RELATION_KINDS.items():
        if relations is None or key in relations:
            rows.append({"group": "relation", "key": key, "label": rk.label(lang), "colour": rk.colour, "style": "dashed" if rk.dashes else "solid",
                         "dashes": " ".join(str(d) for d in rk.dashes), "width": str(rk.width)})
    for status, colour in MARK_COLOURS.items():
        if status in marks:
            rows.append({"group": "mark", "key": status, "label": t(f"app.mark.{status}", lang), "colour": colour, "style": "border"})
    if unattested:
        rows.append({"group": "attested", "key": "unattested", "label": t("attested.no", lang), "colour": faded("#808080", 0.55), "style": "faded"})
    evidence = set(evidence)
    if "public" in evidence:
        rows.append({"group": "evidence", "key": "public", "label": t("evidence.public", lang), "colour": "#555555", "style": "border"})
    if "plan" in evidence:
        rows.append({"group": "evidence", "key": "plan", "label": t("evidence.plan", lang), "colour": faded("#808080", 0.55), "style": "faded"})
    return rows


def legend_of(*sides: Elements, unattested: bool = False) -> list[dict[str, str]]:
    """The :func:`legend` of what ``sides`` draw: only the entity kinds, relation kinds and marks present (and, with
    ``unattested``, the row for facts without a source when one is drawn).

    >>> els = Elements((Node("a", "A", "A", 0.0, 0.0, "lsg", "#c55a11", "ellipse", "#fff", mark="removed"),), (), "T", "2017-01-01", "en")
    >>> [(r["group"], r["label"], r["style"]) for r in legend_of(els, unattested=True)]
    [('entity', 'Local collaboration group', 'ellipse'), ('mark', 'Removed', 'border')]
    """
    nodes = [n for els in sides for n in els.nodes]
    edges = [e for els in sides for e in els.edges]
    return legend(
        lang=sides[0].lang if sides else "sv",
        kinds={n.kind for n in nodes},
        relations={e.relation for e in edges},
        marks={item.mark for item in (*nodes, *edges) if item.mark},
        unattested=unattested and any(els.drawn_unattested for els in sides),
        evidence={item.evidence for item in (*nodes, *edges)} & {"public", "plan"},
    )
