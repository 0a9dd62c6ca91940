"""The live map: vis-network inside the app page, updated in place, a click on a node sent to Python.

An ``st.components.v2`` component (no iframe): vis-network's own script
(:func:`lsgmap.draw.html.vis_network_js`, from the pyvis package, inline: nothing is loaded from outside) and a few lines
that keep one network per map across reruns. When the date moves, the nodes
and edges are updated in place rather than drawn anew; the nodes that an
event between the two dates ends or starts move and fade (a merger: the
originals glide to where the successor appears and fade out as it fades in,
in :data:`ANIMATION_MS`). The view is fitted once to the bounds of every
entity's place, so the picture stays still while the date moves.

A click on a node sends ``{"id": …, "n": …}`` to Python as the component's
state ``selected`` (a state value, not a trigger: ``n`` counts clicks, so the
same node clicked twice is two changes). The mouse wheel scrolls the page; it
zooms the map only after a click on it, until the pointer leaves it.

Labels and tooltips are handed to vis-network as data, which draws labels on
its canvas and writes tooltips as text: nothing from the data becomes markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import streamlit as st

from lsgmap.draw.elements import VIS_OPTIONS, Elements, vis_edge, vis_node
from lsgmap.draw.html import vis_network_js

__all__ = ["ANIMATION_MS", "live_map", "map_data", "transitions"]

#: how long a merger (any event between two dates) takes to play
ANIMATION_MS = 900

_JS = r"""
const ANIMATION_MS = __MS__;

function fitBounds(live, glide) {
  // the canvas takes the frame's size now (vis-network would otherwise rescale the view when it notices later)
  live.net.setSize("100%", "100%");
  const b = live.data.bounds, width = live.root.clientWidth, height = live.root.clientHeight;  // inside the frame's border
  const animation = glide ? {duration: ANIMATION_MS, easingFunction: "easeInOutQuad"} : false;
  if (!b || !width || !height) { live.net.fit({animation: animation}); return; }
  const pad = 3;  // half a highlight's 6-unit border, which the layout's boxes leave to its margins
  const w = Math.max(1, b[2] - b[0] + 2 * pad), h = Math.max(1, b[3] - b[1] + 2 * pad);
  const scale = Math.min(width / w, height / h);
  live.net.moveTo({position: {x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2}, scale: scale, animation: animation});
  live.root.dataset.scale = String(scale);
}

function faded(item, opacity) {
  const out = Object.assign({}, item);
  if (item.from !== undefined) {  // an edge
    const c = typeof item.color === "string" ? {color: item.color} : Object.assign({}, item.color || {});
    c.opacity = (c.opacity === undefined ? 1 : c.opacity) * opacity;
    out.color = c;
  } else {  // a node's opacity does not reach its label in vis-network: the label's colour fades with it
    out.opacity = (item.opacity === undefined ? 1 : item.opacity) * opacity;
    out.font = Object.assign({}, item.font || {}, {color: withAlpha((item.font || {}).color || "#343434", opacity)});
  }
  return out;
}

function withAlpha(colour, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return colour;
  return "rgba(" + parseInt(m[1], 16) + "," + parseInt(m[2], 16) + "," + parseInt(m[3], 16) + "," + alpha.toFixed(3) + ")";
}

function mean(points) {
  if (!points.length) return null;
  let x = 0, y = 0;
  for (const p of points) { x += p.x; y += p.y; }
  return {x: x / points.length, y: y / points.length};
}

function update(live, data) {
  const old = live.data, nodes = live.nodes, edges = live.edges;
  const newNodes = new Map(data.nodes.map((n) => [n.id, n]));
  const newEdges = new Map(data.edges.map((e) => [e.id, e]));
  const goneNodes = nodes.getIds().filter((id) => !newNodes.has(id));
  const goneEdges = edges.getIds().filter((id) => !newEdges.has(id));
  const cameNodes = data.nodes.filter((n) => !nodes.get(n.id)).map((n) => n.id);
  const cameEdges = data.edges.filter((e) => !edges.get(e.id)).map((e) => e.id);
  const place = (id) => (newNodes.get(id) || nodes.get(id));
  // where each node starts and ends: an event between the dates moves its nodes towards each other
  const from = {}, to = {};
  for (const ev of data.transitions || []) {
    const gone = ev.gone.filter((id) => goneNodes.includes(id)), came = ev.came.filter((id) => cameNodes.includes(id));
    const cameAt = mean(came.map(place)), goneAt = mean(gone.map(place));
    if (cameAt) for (const id of gone) to[id] = cameAt;
    if (goneAt) for (const id of came) from[id] = goneAt;
  }
  if (live.timer) { cancelAnimationFrame(live.timer); live.timer = null; }
  // kept nodes that stand elsewhere now (a story step laid out alone) glide there
  const moved = {};
  for (const n of data.nodes) {
    const was = nodes.get(n.id);
    if (was && (Math.abs(was.x - n.x) > 0.5 || Math.abs(was.y - n.y) > 0.5)) moved[n.id] = {x: was.x, y: was.y};
  }
  const movedIds = Object.keys(moved);
  nodes.update(data.nodes.filter((n) => !cameNodes.includes(n.id)).map((n) => moved[n.id] ? Object.assign({}, n, moved[n.id]) : n));
  edges.update(data.edges.filter((e) => !cameEdges.includes(e.id)));
  const animate = ANIMATION_MS > 0 && (goneNodes.length + cameNodes.length + goneEdges.length + cameEdges.length + movedIds.length) > 0
    && (goneNodes.length + cameNodes.length + movedIds.length) <= 300 && !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  live.data = data;
  live.root.dataset.day = data.on || "";
  if (!animate) {
    nodes.update(movedIds.map((id) => newNodes.get(id)));
    nodes.remove(goneNodes); edges.remove(goneEdges);
    nodes.add(cameNodes.map((id) => newNodes.get(id))); edges.add(cameEdges.map((id) => newEdges.get(id)));
    live.root.dataset.state = "still";
    return;
  }
  const start = (id) => { const n = newNodes.get(id), p = from[id] || n; return Object.assign(faded(n, 0), {x: p.x, y: p.y}); };
  nodes.add(cameNodes.map(start));
  edges.add(cameEdges.map((id) => faded(newEdges.get(id), 0)));
  const goneFrom = {};
  for (const id of goneNodes) { const n = nodes.get(id); goneFrom[id] = {x: n.x, y: n.y, item: n}; }
  const goneEdgeItems = goneEdges.map((id) => edges.get(id));
  live.root.dataset.state = "moving";
  const began = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - began) / ANIMATION_MS), ease = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
    nodes.update(cameNodes.map((id) => {
      const n = newNodes.get(id), p = from[id] || n;
      return Object.assign(faded(n, ease), {x: p.x + (n.x - p.x) * ease, y: p.y + (n.y - p.y) * ease});
    }));
    nodes.update(goneNodes.map((id) => {
      const g = goneFrom[id], q = to[id] || g;
      return Object.assign(faded(g.item, 1 - ease), {x: g.x + (q.x - g.x) * ease, y: g.y + (q.y - g.y) * ease});
    }));
    nodes.update(movedIds.map((id) => {
      const n = newNodes.get(id), p = moved[id];
      return Object.assign({}, n, {x: p.x + (n.x - p.x) * ease, y: p.y + (n.y - p.y) * ease});
    }));
    edges.update(cameEdges.map((id) => faded(newEdges.get(id), ease)));
    edges.update(goneEdgeItems.map((e) => faded(e, 1 - ease)));
    if (t < 1) { live.timer = requestAnimationFrame(step); return; }
    live.timer = null;
    nodes.remove(goneNodes); edges.remove(goneEdges);
    nodes.update(cameNodes.concat(movedIds).map((id) => newNodes.get(id))); edges.update(cameEdges.map((id) => newEdges.get(id)));
    live.root.dataset.state = "still";
    live.root.dataset.played = String((Number(live.root.dataset.played) || 0) + 1);
  };
  live.timer = requestAnimationFrame(step);
}

function create(root, data, setStateValue) {
  const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  const net = new vis.Network(root, {nodes: nodes, edges: edges}, data.options);
  const live = {root: root, net: net, nodes: nodes, edges: edges, data: data, clicks: 0, timer: null};
  const zoom = (on) => { net.setOptions({interaction: {zoomView: on}}); root.dataset.zoom = on ? "on" : "off"; };
  net.on("click", (params) => {
    zoom(true);
    if (params.nodes && params.nodes.length && live.data.selectable) {
      live.clicks += 1;
      root.dataset.selected = String(params.nodes[0]);
      // a value of its own for every click (the same node twice, or after the map was made anew, is still a change)
      live.setStateValue("selected", {id: String(params.nodes[0]), n: Date.now() + live.clicks / 1000});
    }
  });
  root.addEventListener("mouseleave", () => zoom(false));
  zoom(false);
  live.setStateValue = setStateValue;
  root.dataset.day = data.on || "";
  root.dataset.state = "still";
  let lastWidth = 0;
  live.resize = new ResizeObserver(() => {
    const w = root.clientWidth;
    if (Math.abs(w - lastWidth) > 2) { lastWidth = w; fitBounds(live); }
  });
  live.resize.observe(root);
  fitBounds(live);
  return live;
}

function showLegend(box, legend) {
  // the legend's markup is made by lsgmap.draw.html.legend_html from the kinds' own labels (escaped), never from the data
  if (!box) return;
  box.hidden = !legend;
  if (!legend) return;
  box.querySelector("summary").textContent = legend.title;
  if (box.dataset.html !== legend.html) { box.querySelector(".lsgmap-legend-body").innerHTML = legend.html; box.dataset.html = legend.html; }
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".lsgmap-live");
  if (!root || typeof vis === "undefined") return;
  const heightChanged = root.style.height !== data.height + "px";
  root.style.height = data.height + "px";
  let live = root.__lsgmap;
  if (!live) {
    live = root.__lsgmap = create(root, data, setStateValue);
  } else {
    live.setStateValue = setStateValue;
    const refit = heightChanged || JSON.stringify(live.data.bounds) !== JSON.stringify(data.bounds);
    update(live, data);
    if (refit) fitBounds(live, !heightChanged && ANIMATION_MS > 0);
  }
  showLegend(parentElement.querySelector(".lsgmap-legend"), data.legend);
  root.dataset.key = data.key || "";
  window.network = live.net;  // the page's map, as the standalone HTML names it (the browser tests read it)
  (window.lsgmapNetworks = window.lsgmapNetworks || {})[root.dataset.key] = live.net;  // each map by its key
  return () => {  // the map leaves the page (another page, or the element is gone): let the network go
    if (root.isConnected) return;  // only a newer call of this same map: it lives on
    if (live.timer) cancelAnimationFrame(live.timer);
    if (live.resize) live.resize.disconnect();
    live.net.destroy();
    delete root.__lsgmap;
    if (window.network === live.net) window.network = undefined;
    if (window.lsgmapNetworks && window.lsgmapNetworks[root.dataset.key] === live.net) delete window.lsgmapNetworks[root.dataset.key];
  };
}
"""

#: the map, and over its top right corner a folded legend (vis-network empties the map's own element)
_HTML = (
    '<div class="lsgmap-wrap"><div class="lsgmap-live" data-lsgmap="live-map"></div>'
    '<details class="lsgmap-legend" hidden><summary></summary><div class="lsgmap-legend-body"></div></details></div>'
)

_CSS = """
.lsgmap-wrap { position: relative; }
.lsgmap-legend {
  position: absolute; top: 6px; right: 6px; z-index: 4; max-width: 60%; padding: 2px 10px;
  background: rgba(255, 255, 255, 0.94); border: 1px solid #bbb; border-radius: 4px; font: 14px "DejaVu Sans", sans-serif;
}
.lsgmap-legend summary { cursor: pointer; color: #333; }
.lsgmap-live { width: 100%; position: relative; border: 1px solid #ddd; box-sizing: border-box; }
.lsgmap-live div.vis-tooltip {
  position: absolute; visibility: hidden; padding: 6px 8px; white-space: pre-wrap; max-width: 420px;
  font-family: "DejaVu Sans", sans-serif; font-size: 14px; color: #111; background: #fffbe6;
  border: 1px solid #999; border-radius: 3px; box-shadow: 2px 2px 6px rgba(0,0,0,.2); pointer-events: none; z-index: 5;
}
"""


@lru_cache(maxsize=1)
def _script() -> str:
    """vis-network's standalone script (it defines ``vis`` on the page) followed by the component's own code."""
    return vis_network_js() + "\n;\n" + _JS.replace("__MS__", str(ANIMATION_MS))


@lru_cache(maxsize=1)
def _component():
    return st.components.v2.component(
        "lsgmap_live_map", html=_HTML, css=_CSS, js=_script(), isolate_styles=False
    )


def transitions(structure, events: Iterable[Any] | None = None) -> list[dict[str, Any]]:
    """Each restructuring event as the nodes it ends and starts: ``{"gone": originals, "came": results, "date": …}``.

    The map plays the ones between the date it showed and the new one (backwards too: the nodes just swap roles).

    >>> from lsgmap.dataset.load import load
    >>> [t for t in transitions(load()) if t["date"] == "2017-01-01"][0]["gone"]
    ['lsg_gnesta', 'lsg_trosa']
    """
    chosen = structure.events_in_order if events is None else events
    return [
        {"date": ev.on.isoformat(), "gone": sorted(ev.originals), "came": sorted(ev.results)}
        for ev in chosen
        if ev.originals and ev.results
    ]


def map_data(
    els: Elements, *, height: int, bounds: tuple[float, float, float, float] | None, moves: list[dict[str, Any]], key: str = "",
    selectable: bool = False, legend: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What the component is handed: vis-network's nodes, edges and options, the frame's height, the bounds to fit, the events,
    the map's key (a page with two maps names each) and whether a click on a node is sent to Python.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.elements import elements
    >>> from lsgmap.draw.layout.positions import layered_positions
    >>> from lsgmap.draw.view import View
    >>> s = load()
    >>> data = map_data(elements(s, View(on="2017-01-01"), layered_positions(s)), height=500, bounds=(0, 0, 10, 10), moves=[])
    >>> data["height"], data["bounds"], data["selectable"], "lsg_trosa_gnesta" in {n["id"] for n in data["nodes"]}
    (500, [0, 0, 10, 10], False, True)
    """
    options = {**VIS_OPTIONS, "interaction": {**VIS_OPTIONS["interaction"], "zoomView": False, "tooltipDelay": 150}}
    return {
        "nodes": [vis_node(n) for n in els.nodes],
        "edges": [vis_edge(e) for e in els.edges],
        "options": options,
        "height": int(height),
        "bounds": list(bounds) if bounds else None,
        "transitions": moves,
        "on": els.on,
        "selectable": selectable,
        "key": key,
        "legend": legend,
    }


def live_map(
    els: Elements,
    *,
    key: str,
    height: int,
    bounds: tuple[float, float, float, float] | None = None,
    moves: list[dict[str, Any]] | None = None,
    on_select: Callable[[str], None] | None = None,
    legend: dict[str, str] | None = None,
) -> None:
    """Draw ``els`` in the page, in place of what this ``key`` drew before; ``on_select(entity id)`` runs on a click on a node.

    ``legend`` (``{"title": …, "html": lsgmap.draw.html.legend_html(…)}``) folds a legend over the map's top right corner.
    """

    def clicked() -> None:
        value = st.session_state.get(key)
        chosen = _selected(value)
        if chosen and on_select is not None:
            on_select(chosen)

    data = map_data(els, height=height, bounds=bounds, moves=moves or [], key=key, selectable=on_select is not None, legend=legend)
    _component()(key=key, data=data, on_selected_change=clicked)


def _selected(value: Any) -> str | None:
    """The node id in the component's state (``{"selected": {"id": …, "n": …}}``), or None."""
    if value is None:
        return None
    chosen = value.get("selected") if isinstance(value, Mapping) else getattr(value, "selected", None)
    if isinstance(chosen, Mapping):
        chosen = chosen.get("id")
    return str(chosen) if chosen else None
