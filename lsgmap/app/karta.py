"""Karta: the structure on a date, on stable positions, with filters, search and details."""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from lsgmap.app import common
from lsgmap.app.downloads import map_downloads
from lsgmap.app.live_map import frames_json, item_texts, live_map, transitions
from lsgmap.app.text import plain
from lsgmap.app.viewport import space_below
from lsgmap.dates import validity_text
from lsgmap.draw.elements import elements, fact_notes, legend_of
from lsgmap.draw.export import file_stem
from lsgmap.draw.html import legend_html
from lsgmap.draw.labels import safe_text
from lsgmap.draw.layout.label_boxes import bounds, boxes_of
from lsgmap.draw.view import View, display_names
from lsgmap.i18n import t
from lsgmap.model.names import find_mentions, suggest
from lsgmap.time.diff import change_summary
from lsgmap.time.timeline import events, slider_stops
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

P = "karta."  # session-state key prefix of this page

#: Constant CSS only: the "Visa i dag" link-like button takes one line
_TODAY_CSS = '[data-testid="stMain"] button[kind="tertiary"] { min-height: 1.5rem; padding-top: 0; padding-bottom: 0; }'


def render() -> None:
    """Draw the Karta page."""
    # the map takes the whole width: the menu starts folded on this page (» opens it; opened, it stays open)
    st.set_page_config(initial_sidebar_state="collapsed")
    started = common.page_structure("")
    if started is None:
        return
    lang, data, s = started
    part = common.choose_part(data, lang)  # a national dataset: one association at a time
    if part is None:
        return
    s = part.structure  # the association's part of a national dataset: what it holds is what a rerun costs
    first, last, default = common.default_day(s)
    kinds_present = [k for k in ENTITY_KINDS if any(e.kind == k and e.id not in part.folded for e in s.entities.values())]
    relations_present = [k for k in RELATION_KINDS if any(r.relation == k for r in s.relations.values())]
    common.init_state(P + "on", "on", common.parse_date_in(first, last), default, shown=date.isoformat)
    common.init_state(P + "kinds", "kinds", common.parse_choice(kinds_present), kinds_present, shown=lambda v: ",".join(v))
    common.init_state(P + "relations", "rel", common.parse_choice(relations_present), relations_present, shown=lambda v: ",".join(v))
    common.init_state(P + "hide", "hide", lambda raw: {"1": True, "0": False}[raw], False, shown=lambda v: "1" if v else "0")
    common.init_state(P + "attested", "attested", lambda raw: {"1": True, "0": False}[raw], False, shown=lambda v: "1" if v else "0")
    common.init_state(P + "q", "q", str, "")
    common.init_state(P + "entity", "entity", common.parse_one_of(s.entities), None, shown=lambda v: "–")

    common.compact_page("karta", _TODAY_CSS)
    tools = date_control(s, first, last, lang)
    day: date = st.session_state[P + "on"]
    snap = s.snapshot(on=day)
    # search and filters beside the date. Each widget is also handed its value as its default: a widget in a closed
    # popover is drawn by the browser only when the popover opens, and Streamlit's browser side then starts it from its
    # default, not from a value set in session state before a rerun (the filters came back empty and emptied the map)
    now = st.session_state
    with tools.popover(_tools_label(kinds_present, relations_present, lang), width="stretch"):
        q = st.text_input(t("app.search", lang), value=now[P + "q"], key=P + "q", placeholder=t("app.search_placeholder", lang))
        hide = st.toggle(t("app.hide_persons", lang), value=now[P + "hide"], key=P + "hide")
        attested_only = st.toggle(t("app.attested_only", lang), value=now[P + "attested"], key=P + "attested",
                                  help=t("app.attested_only_help", lang))
        kinds = st.multiselect(t("app.kinds", lang), kinds_present, default=now[P + "kinds"], key=P + "kinds",
                               format_func=lambda k: ENTITY_KINDS[k].plural(lang), placeholder=t("app.choose_options", lang))
        relations = st.multiselect(
            t("app.relations", lang), relations_present, default=now[P + "relations"], key=P + "relations",
            format_func=lambda k: RELATION_KINDS[k].label(lang), placeholder=t("app.choose_options", lang),
        )

    focus = resolve_search(s, snap, q, lang) if q.strip() else None
    nodes, positions = part.drawn, part.positions
    if focus is not None and part.folded:  # persons folded: the searched entity and its neighbours laid out alone
        nodes = neighbourhood(snap, focus)
        positions = common.laid_out_alone(s, nodes)[0]
    view = View(
        on=day,
        lang=lang,
        kinds=None if set(kinds) == set(kinds_present) else kinds,
        relations=None if set(relations) == set(relations_present) else relations,
        focus=focus,
        hide_persons=hide,
        attested_only=attested_only,
        nodes=nodes,
    )
    els = elements(s, view, positions)
    notices_line(s, day, els, attested_only, lang, folded_text(s, part.folded, snap.day, lang) if focus is None else "")  # the default day and why, and how much no source speaks for: one line
    height = space_below(P + "viewport", 620, margin=12)  # the map fills the window below the controls
    # in place across dates (a merger plays), fitted to every entity's place so it stays still; a click opens the details
    # a search shows the entity and its neighbours: the map zooms onto them (the whole part otherwise)
    bounds = common.part_bounds(s, part) if focus is None else _drawn_bounds(els)
    legend = legend_html(legend_of(els, unattested=True))  # what the map draws, with its shapes and lines
    live_map(els, key=P + "map", height=height, bounds=bounds, moves=_moves(s, part), on_select=_select,
             legend={"title": t("app.legend", lang), "html": legend},  # folded over the map's corner: on the projector's screen
             # the maps of the slider's stops around the day: a move among them redraws in the browser, the server is told after
             frames=None if focus else lambda: _frames_around(s, part, view, day, first, last), controls=_controls(s, first, last))
    if st.session_state.pop(P + "open", None) in snap.node_set:
        _details_dialog(s, snap, st.session_state[P + "entity"], hide, lang, attested_only)
    st.caption(t("app.summary", lang, nodes=len(els.nodes), edges=len(els.edges), date=day.isoformat()))
    map_downloads(els, key=P, stem=file_stem(on=day, focus=focus))  # the same elements as the screen, named by day and focus
    with st.expander(t("app.legend", lang), expanded=True):
        st.html(legend_html(legend_of(els, unattested=True), images=True))  # st.html strips inline SVG: the shapes as images
    details(s, snap, focus, hide, lang, attested_only=attested_only)
    if not data.has_errors and s.entities:
        common.problems_notice(data)
    common.set_params(
        "karta",
        {
            "on": day.isoformat(),
            "kinds": None if set(kinds) == set(kinds_present) else ",".join(kinds),
            "rel": None if set(relations) == set(relations_present) else ",".join(relations),
            "hide": "1" if hide else None,
            "attested": "1" if attested_only else None,
            "q": q or None,
            "entity": st.session_state.get(P + "entity"),
        },
    )


def _select(entity_id: str) -> None:
    """A click on a node (before the page is drawn): choose it in the details and open them."""
    st.session_state[P + "entity"] = entity_id
    st.session_state[P + "open"] = entity_id


def _drawn_bounds(els) -> tuple[float, float, float, float] | None:
    """The box around what ``els`` draws, labels included (None when nothing is drawn)."""

    boxes = boxes_of(els)
    if not boxes:
        return None
    return tuple(bounds(boxes.values()))


def _moves(s, part) -> list:
    return _moves_of(s.version, part.key, s, part)


@st.cache_resource(show_spinner=False, max_entries=16)
def _moves_of(version: str, part_key: str, _s, _part) -> list:
    return [m for m in transitions(_s) if all(_part.holds(i) for i in (*m["gone"], *m["came"]))]


#: the slider's stops on either side of the day shown whose maps the browser holds (all of them on the bundled data)
FRAME_WINDOW = 24


def _frames_around(s, part, view: View, day: date, first: date, last: date) -> str:
    """The maps of the slider's stops within :data:`FRAME_WINDOW` of ``day`` in the view's filters, as
    :func:`lsgmap.app.live_map.frames_json` (each day's map made once per view, for every session)."""
    stops = slider_stops([d for d in s.change_days if first.toordinal() <= d <= last.toordinal()], first, last, extra=[day])
    i = bisect.bisect_left(stops, day)
    near = stops[max(0, i - FRAME_WINDOW): i + FRAME_WINDOW + 1]
    key = repr((s.version, part.key, replace(view, on=first)))  # the view whatever its day
    return frames_json(((d.isoformat(), _frame(s.version, part.key, replace(view, on=d.isoformat()), s, part)) for d in near), key)


@st.cache_resource(show_spinner=False, max_entries=3000)
def _frame(version: str, part_key: str, view: View, _s, _part) -> tuple[str, ...]:
    return item_texts(elements(_s, view, _part.positions))


def _controls(s, first: date, last: date, prefix: str = P) -> dict:
    """What the live map needs to follow the date controls in the browser: their keys, the change days, first and last."""
    change_days = [date.fromordinal(d).isoformat() for d in s.change_days if first.toordinal() <= d <= last.toordinal()]
    return {"slider": prefix + "on", "prev": prefix + "prev", "next": prefix + "next", "box": prefix + "on_box",
            "changes": change_days, "first": first.isoformat(), "last": last.isoformat()}


#: the date controls' columns: previous, slider (and the strip under it), next, date box, search and filters
WIDTHS = [3, 9, 3, 3, 3]


def _tools_label(kinds_present: list[str], relations_present: list[str], lang: str) -> str:
    """The search-and-filter button's label, saying how many are set ("Sök och filter (2)")."""
    state = st.session_state
    active = sum([
        bool(str(state.get(P + "q") or "").strip()), bool(state.get(P + "hide")), bool(state.get(P + "attested")),
        set(state.get(P + "kinds") or []) != set(kinds_present), set(state.get(P + "relations") or []) != set(relations_present),
    ])
    return t("app.tools_active", lang, n=active) if active else t("app.tools", lang)


def notices_line(s, day: date, els, attested_only: bool, lang: str, folded: str = "") -> None:
    """Above the map, one line: what changed on the day, on the default day which day it is and why (and a button to
    today), how much no source speaks for, and what is not drawn (``folded``, :func:`folded_text`)."""
    summary = _summary(s, day.isoformat(), lang)  # stepping to a change says what changed
    count = t("attested.count", lang, n=els.unattested, m=els.facts)
    if attested_only and els.unattested:
        count += ". " + t("app.attested_hidden", lang)
    count = ("ℹ️ " if els.unattested else "") + count
    after = [count, folded] if folded else [count]
    common.default_note(s, day, P + "on", lang, before=[summary] if summary else [], after=after, compact=True)


def folded_text(s, folded, day: int, lang: str) -> str:
    """What the map does not draw on ``day`` so that it can be read (:attr:`lsgmap.app.common.Part.folded`), counted by
    kind ("108 personer, 3 uppdrag ritas inte: klicka på en grupp"); "" when nothing is.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> folded_text(s, {"ida_malmberg", "uppdrag_ungdomens_hus"}, s.entities["uppdrag_ungdomens_hus"].start, "sv")
    '1 person, 1 uppdrag ritas inte: klicka på en grupp'
    >>> folded_text(s, {"ida_malmberg", "uppdrag_ungdomens_hus", "uppdrag_nollplacerade"}, s.entities["uppdrag_ungdomens_hus"].start, "en")
    '1 person, 2 assignments not drawn: click a group'
    >>> folded_text(s, set(), 736000, "en")
    ''
    """
    counts: dict[str, int] = {}
    for i in folded:
        e = s.entities[i]
        if e.valid_on(day):
            counts[e.kind] = counts.get(e.kind, 0) + 1
    if not counts:
        return ""
    what = ", ".join(f"{n} {(ENTITY_KINDS[k].label if n == 1 else ENTITY_KINDS[k].plural)(lang).lower()}" for k, n in sorted(counts.items(), key=lambda kv: (kv[0] != "person", kv[0])))
    return t("app.folded", lang, what=what)


def neighbourhood(snap, entity_id: str) -> frozenset[str]:
    """``entity_id`` and every entity related to it on the snapshot's day.

    >>> from lsgmap.dataset.load import load
    >>> sorted(neighbourhood(load().snapshot(on="2017-03-01"), "lsg_trosa_gnesta"))
    ['kommun_gnesta', 'kommun_trosa', 'lsg_trosa_gnesta', 'processledare', 'tris']
    """
    near = {entity_id}
    for r in snap.relations():
        if entity_id in (r.from_id, r.to_id):
            near.update((r.from_id, r.to_id))
    return frozenset(near)


def date_control(s, first: date, last: date, lang: str, prefix: str = P):
    """Slider over the dataset's span, previous/next change buttons, a date box and the change/event strip.

    Returns the last column of the row, for the page's search and filters.
    """
    key = prefix + "on"
    change_days = [d for d in s.change_days if first.toordinal() <= d <= last.toordinal()]

    def step(direction: int) -> None:
        current = st.session_state[key].toordinal()
        if direction < 0:
            i = bisect.bisect_left(change_days, current) - 1
            target = change_days[i] if i >= 0 else first.toordinal()
        else:
            i = bisect.bisect_right(change_days, current)
            target = change_days[i] if i < len(change_days) else last.toordinal()
        common.go_to_day(key, date.fromordinal(target))

    left, middle, right, box, tools = st.columns(WIDTHS, vertical_alignment="bottom")
    left.button(t("app.prev_change", lang), on_click=step, args=(-1,), key=prefix + "prev", width="stretch")
    stops = slider_stops(change_days, first, last, extra=[st.session_state[key]])  # each change a step of its own
    # handed its value as its default as well: a slider the browser draws anew (a cold first visit, its options changed)
    # starts from its default, the first stop, and sent 2002-01-01 in the next rerun
    middle.select_slider(t("app.date", lang), options=stops, value=st.session_state[key], key=key, format_func=date.isoformat, help=t("app.timeline_caption", lang),
                         on_change=common.forget_typed_date, args=(key,))
    right.button(t("app.next_change", lang), on_click=step, args=(1,), key=prefix + "next", width="stretch")
    common.date_box(t("app.date_input", lang), key, first, last, lang, where=box)
    common.date_box_notice(key, lang)
    with st.columns(WIDTHS)[1]:  # under the slider's own track, step for step
        timeline_strip(s, st.session_state[key], stops, lang)
    return tools


def _summary(s, day: str, lang: str) -> str:
    """What changed on ``day`` in one line ("" if nothing), once per dataset version, day and language."""
    return _summary_of(s.version, day, lang, s)


@st.cache_resource(show_spinner=False, max_entries=256)
def _summary_of(version: str, day: str, lang: str, _s) -> str:

    return change_summary(_s, day, lang)


def timeline_strip(s, chosen: date, stops: list[date], lang: str) -> None:
    """Under the slider, on its steps: change days (ticks), events (dots, their text as tooltip), years, the chosen day.

    Plain positioned HTML made here (:func:`strip_html`), not a chart: the first map does not wait for a chart library.
    """
    st.html(strip_html(s, chosen, stops, lang))


#: the strip's height in CSS pixels
STRIP_HEIGHT = 44


def strip_html(s, chosen: date, stops: list[date], lang: str) -> str:
    """The strip as HTML: one step of the slider per share of the width; data text only in escaped ``title`` tooltips.

    >>> from lsgmap.dataset.load import load
    >>> strip = strip_html(load(), date(2016, 12, 31), [date(2016, 1, 1), date(2016, 12, 31), date(2017, 1, 1)], "sv")
    >>> strip.count('class="dot"'), 'title="2017-01-01: LSG Trosa och LSG Gnesta' in strip, strip.count(">2017</span>")
    (1, True, 1)
    """
    from html import escape

    at = {d.isoformat(): i for i, d in enumerate(stops)}
    span = max(len(stops) - 1, 1)
    left = lambda i, shift="0px": f"left:calc({100 * i / span:.3f}% - {shift})"  # noqa: E731
    parts = []
    for d in map(date.fromordinal, s.change_days):
        if d.isoformat() in at:
            parts.append(f'<div class="tick" title="{escape(d.isoformat())}" style="position:absolute;top:4px;width:1px;height:14px;'
                         f'background:#888;{left(at[d.isoformat()])}"></div>')
    for e in event_labels(s, lang):
        if e["date"] in at:
            parts.append(f'<div class="dot" title="{escape(e["label"])}" style="position:absolute;top:6px;width:10px;height:10px;'
                         f'border-radius:50%;background:#c55a11;{left(at[e["date"]], "5px")}"></div>')
    gap, last = max(1, len(stops) // 12), None  # a year's label where there is room for it
    for i, d in enumerate(stops):
        if (i == 0 or d.year != stops[i - 1].year) and (last is None or i - last >= gap):
            shift = "0px" if i == 0 else "100%" if i == span else "50%"
            parts.append(f'<span style="position:absolute;top:24px;font-size:11px;color:#595959;{left(i)};transform:translateX(-{shift})">'
                         f"{d.year}</span>")
            last = i
    parts.append(f'<div class="chosen" style="position:absolute;top:0;width:2px;height:24px;background:#d62728;'
                 f'{left(at.get(chosen.isoformat(), 0), "1px")}"></div>')
    label = escape(t("app.timeline_caption", lang))
    return f'<div class="lsgmap-strip" role="img" aria-label="{label}" style="position:relative;height:{STRIP_HEIGHT}px">{"".join(parts)}</div>'


def event_labels(s, lang: str) -> list[dict[str, str]]:
    """The events under the slider: their day and a plain sentence for the tooltip ("2017-01-01: LSG Trosa och …")."""

    return [{"date": e["date"][:10], "label": safe_text(f"{e['date'][:10]}: {e['text']}")} for e in events(s, lang=lang) if e.get("date")]


def resolve_search(s, snap, q: str, lang: str) -> str | None:
    """The entity (valid on the day) that the search text names, or None with a hint."""

    found = [i for mention in find_mentions(s, q) for i in mention.entity_ids if i in snap.node_set]
    lowered = q.strip().lower()
    found += [e.id for e in snap.entities() if lowered and (lowered in e.name_sv.lower() or lowered in e.name_en.lower() or lowered == e.id)]
    found = list(dict.fromkeys(found))
    if found:
        if len(found) > 1:  # never silently: say which one is shown and what else the text names
            others = ", ".join(safe_text(s.name(i, lang)) for i in found[1:6]) + (" …" if len(found) > 6 else "")
            st.caption(plain(t("app.search_others", lang, shown=s.name(found[0], lang), others=others)))
        return found[0]
    st.info(plain(t("app.search_none", lang, date=snap.on.isoformat(), value=q[:80])))
    hints = suggest(s, q)
    if hints:
        st.text(t("app.search_hint", lang, names=", ".join(safe_text(h) for h in hints)))
    return None


def details(s, snap, focus: str | None, hide: bool, lang: str, *, attested_only: bool = False) -> None:
    """The chosen entity's relations on the day, with validity, sources and notes, as a table (text only).

    Names follow the map's rule (:func:`lsgmap.draw.view.display_names`): with persons hidden, the role they hold.
    Dates are at the precision the source gave; the note column says what the map's tooltip says
    (no source for the day, recorded conflicts); with ``attested_only`` only facts a source speaks
    for on the day are listed.
    """
    name = display_names(s, snap, lang=lang, hide_persons=hide)
    shown = snap.attested_nodes if attested_only else snap.node_set
    ids = sorted(shown, key=lambda i: name(i).lower())
    key = P + "entity"
    if focus and st.session_state.get(P + "last_focus") != focus:
        st.session_state[key] = focus
    st.session_state[P + "last_focus"] = focus
    if st.session_state.get(key) not in shown:
        st.session_state[key] = None
    chosen = st.selectbox(
        t("app.details", lang), [None] + ids, key=key, format_func=lambda i: t("app.details_none", lang) if i is None else safe_text(name(i)),
        placeholder=t("app.details_none", lang),
    )
    if chosen is not None:
        entity_details(s, snap, chosen, hide, lang, attested_only=attested_only)


def _details_dialog(s, snap, chosen: str, hide: bool, lang: str, attested_only: bool) -> None:
    """The details of a clicked node in a dialog over the map (Esc or ✕ closes it)."""
    name = display_names(s, snap, lang=lang, hide_persons=hide)

    @st.dialog(plain(name(chosen)), width="large")
    def show() -> None:
        entity_details(s, snap, chosen, hide, lang, attested_only=attested_only)

    show()


def entity_details(s, snap, chosen: str, hide: bool, lang: str, *, attested_only: bool = False) -> None:
    """One entity: its kind and validity, notes, and its relations on the day with validity, notes, sources and quotes."""
    name = display_names(s, snap, lang=lang, hide_persons=hide)
    e = s.entities[chosen]
    kind = ENTITY_KINDS[e.kind].label(lang) if e.kind in ENTITY_KINDS else e.kind
    lines = [t("app.details_kind", lang, kind=kind, validity=validity_text(e.valid_from, e.valid_to, lang)), *fact_notes(s, chosen, on=snap.day, lang=lang)]
    st.text("\n".join(safe_text(line) for line in lines))
    rows = []
    for r in snap.relations():
        if chosen not in (r.from_id, r.to_id) or (attested_only and r.id not in snap.attested_edges):
            continue
        rk = RELATION_KINDS.get(r.relation)
        verb = rk.verb(lang) if rk else r.relation
        cites = s.citations(r.sources)
        rows.append(
            {
                t("app.col.relation", lang): safe_text(f"{name(r.from_id)} {verb} {name(r.to_id)}"),
                t("app.col.valid", lang): validity_text(r.valid_from, r.valid_to, lang),
                t("app.col.note", lang): "\n".join(fact_notes(s, r.id, on=snap.day, lang=lang)),
                t("app.col.sources", lang): "; ".join(f"{c['id']} ({name.text(c['title'])})" for c in cites),
                t("app.col.quote", lang): " | ".join(quote_text(s, c, name.text, lang) for c in cites),
            }
        )
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    else:
        st.caption(t("app.no_relations", lang))


def quote_text(s, citation: dict, names=lambda text: text, lang: str = "sv") -> str:
    """A cited passage as shown: the quote, and "(sammanfattning, inte citat)" when the source paraphrases."""
    source = s.sources.get(citation["id"])
    text = names(citation["quote"])
    if source is not None and source.form == "paraphrase":
        text = f"{text} ({t('source.paraphrase', lang)})"
    return text
