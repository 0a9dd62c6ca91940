"""The live map: vis-network inside the app page, updated in place, a click on a node sent to Python.

An ``st.components.v2`` component (no iframe): vis-network's own script
(:func:`lsgmap.draw.html.vis_network_js`, from the pyvis package, inline: nothing
is loaded from outside) and ``live_map.js`` beside this module (styled by
``live_map.css``), which keeps one network per map across reruns. When the date
moves, the nodes and edges are updated in place rather than drawn anew; the nodes that an
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

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import streamlit as st

from lsgmap.draw.elements import VIS_OPTIONS, Elements, vis_edge, vis_node
from lsgmap.draw.html import vis_network_js

__all__ = ["ANIMATION_MS", "frames_json", "item_texts", "live_map", "live_state", "map_data", "transitions"]

#: how long a merger (any event between two dates) takes to play
ANIMATION_MS = 900

#: the map, and over its top right corner a folded legend (vis-network empties the map's own element)
_HTML = (
    '<div class="lsgmap-wrap"><div class="lsgmap-live" data-lsgmap="live-map"></div>'
    '<details class="lsgmap-legend" hidden><summary></summary><div class="lsgmap-legend-body"></div></details></div>'
)


def _asset(name: str) -> str:
    """``live_map.js`` or ``live_map.css``, beside this module."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _component():
    """The component: vis-network's standalone script (it defines ``vis`` on the page) followed by ``live_map.js``."""
    script = vis_network_js() + "\n;\n" + _asset("live_map.js")
    return st.components.v2.component("lsgmap_live_map", html=_HTML, css=_asset("live_map.css"), js=script, isolate_styles=False)


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


def frames_json(days: Iterable[tuple[str, tuple[str, ...]]], key: str, *, on: dict[str, str] | None = None,
                bounds: dict[str, Any] | None = None) -> str:
    """The maps of several days (each day's :func:`item_texts`) as one JSON text for the browser:
    ``{"key", "items": [vis item…], "at": {day: [index…]}}``.

    An item drawn alike on several days is sent once. ``key`` names the view the maps were drawn for (its filters),
    so the browser never mixes the maps of two views. A frame may be named otherwise than by its day (Presentera's
    steps by their number): ``on`` then gives each frame's day, ``bounds`` each frame's box to fit.

    >>> import json
    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.draw.elements import elements
    >>> from lsgmap.draw.layout.positions import layered_positions
    >>> from lsgmap.draw.view import View
    >>> s = load()
    >>> where = layered_positions(s)
    >>> data = json.loads(frames_json([(d, item_texts(elements(s, View(on=d), where))) for d in ("2016-12-31", "2017-01-01")], "k"))
    >>> len(data["items"]) < len(data["at"]["2016-12-31"]) + len(data["at"]["2017-01-01"])  # shared items once
    True
    """
    items: dict[str, int] = {}
    at: dict[str, list[int]] = {}
    for day, texts in days:
        at[day] = [items.setdefault(text, len(items)) for text in texts]
    extra = {"on": on or {}, "bounds": {k: list(v) if v else None for k, v in (bounds or {}).items()}}  # None: fit the whole
    return ('{"key":' + json.dumps(key) + ',"items":[' + ",".join(items) + '],"at":' + json.dumps(at, separators=(",", ":"))
            + "," + json.dumps(extra, separators=(",", ":"))[1:])


def item_texts(els: Elements) -> tuple[str, ...]:
    """Each node and edge of ``els`` as vis-network's JSON text (what :func:`map_data` hands over, as text)."""
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (*(dump(vis_node(n)) for n in els.nodes), *(dump(vis_edge(e)) for e in els.edges))


def map_data(
    els: Elements, *, height: int, bounds: tuple[float, float, float, float] | None, moves: list[dict[str, Any]], key: str = "",
    selectable: bool = False, legend: dict[str, str] | None = None, frames: str | None = None, controls: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the component is handed: vis-network's nodes, edges and options, the frame's height, the bounds to fit, the events,
    the map's key (a page with two maps names each), whether a click on a node is sent to Python, and :data:`ANIMATION_MS`.

    ``frames`` (:func:`frames_json`) are the maps of the days around this one and ``controls`` the page's date controls
    (their keys, the change days, the first and last day): a move of those controls to one of these days redraws the map
    in the browser at once, before the server has answered; the answer for that day then redraws nothing.

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
        "animation_ms": ANIMATION_MS,
        "frames": frames,
        "controls": controls,
        "frame": (controls or {}).get("frame", els.on),
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
    frames: Callable[[], str | None] | None = None,
    controls: dict[str, Any] | None = None,
) -> None:
    """Draw ``els`` in the page, in place of what this ``key`` drew before; ``on_select(entity id)`` runs on a click on a node.

    ``legend`` (``{"title": …, "html": lsgmap.draw.html.legend_html(…)}``) folds a legend over the map's top right corner.
    ``frames()`` gives the maps of the days around this one (:func:`frames_json`); it is called once the browser has drawn
    the first map and asked for them (the first map does not wait for them), and ``controls`` says which of the page's
    controls move the date (see :func:`map_data`).
    """

    def clicked() -> None:
        value = st.session_state.get(key)
        chosen = _selected(value)
        if chosen and on_select is not None:
            on_select(chosen)

    asked = live_state(st.session_state.get(key), "frames")  # the browser asks for them once the first map is drawn
    data = map_data(els, height=height, bounds=bounds, moves=moves or [], key=key, selectable=on_select is not None, legend=legend,
                    frames=frames() if frames is not None and asked else None, controls=controls if frames is not None else None)
    _component()(key=key, data=data, on_selected_change=clicked, on_frames_change=lambda: None)


def live_state(value: Any, name: str) -> Any:
    """The live map's state value ``name`` (``"frames"``, ``"selected"``) in ``st.session_state[key]``; None when not set.

    >>> live_state({"frames": True}, "frames"), live_state(None, "frames"), live_state({}, "frames")
    (True, None, None)
    """
    if value is None:
        return None
    return value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)


def _selected(value: Any) -> str | None:
    """The node id in the component's state (``{"selected": {"id": …, "n": …}}``), or None."""
    if value is None:
        return None
    chosen = value.get("selected") if isinstance(value, Mapping) else getattr(value, "selected", None)
    if isinstance(chosen, Mapping):
        chosen = chosen.get("id")
    return str(chosen) if chosen else None
