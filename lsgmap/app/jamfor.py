"""Jämför: two dates side by side on the same positions, with what was added, removed and changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import streamlit as st

from lsgmap.app import common, proposal
from lsgmap.app.downloads import image_button
from lsgmap.app.live_map import live_map
from lsgmap.app.text import plain
from lsgmap.app.viewport import space_below
from lsgmap.draw.elements import elements, legend_of
from lsgmap.draw.export import file_stem
from lsgmap.draw.html import legend_html, to_compare_html
from lsgmap.draw.images import to_compare_image
from lsgmap.draw.labels import safe_text
from lsgmap.draw.view import compare_views
from lsgmap.i18n import t
from lsgmap.time.diff import diff
from lsgmap.time.diff_text import about, change_lines, scoped_items, sources_text
from lsgmap.time.timeline import events as timeline_events

P = "jamfor."
#: lines of the change list per page
PAGE_LINES = 60
#: label size of the two maps, in the layout's units
FONT_SIZE = 18
#: one half's frame on a 1366×768 screen (CSS px, menu folded): the aspect the changed part is laid out for
HALF_FRAME = (640.0, 420.0)

#: Constant CSS only: smaller side headings ("Före: …", "Efter: …")
_HEADINGS_CSS = '[data-testid="stMain"] h3 { font-size: 1.35rem !important; padding: 0.2rem 0 0 0 !important; }'


def presets(s) -> list[str]:
    """Event ids usable as "before / after" presets, in date order (events that turn originals into results)."""
    return [e.id for e in s.events_in_order if e.originals and e.results]


def default_event(s, events: list[str]) -> str:
    """The preset the page opens on: the merger nearest the dataset's default day (else the event nearest it; "" if none).

    The sources speak of their own time, so the comparison that opens is the one they speak of.
    """
    mergers = [i for i in events if s.events[i].kind == "merger"] or events
    if not mergers:
        return ""
    day = s.default.day
    return min(mergers, key=lambda i: (abs(s.events[i].day - day), s.events[i].day))


def render() -> None:
    """Draw the Jämför page."""
    # the two maps take the whole width: the menu starts folded on this page (» opens it), as on Karta
    st.set_page_config(initial_sidebar_state="collapsed")
    started = common.page_structure("")
    if started is None:
        return
    lang, data, s = started
    part = common.choose_part(data, lang)  # a national dataset: one association at a time
    if part is None:
        return
    s = part.structure  # the association's part of a national dataset: what it holds is what a rerun costs
    common.compact_page("jamfor", _HEADINGS_CSS)
    chosen, other = proposal_choice(s, lang)
    if chosen and other:
        proposal.render_two(s, part, chosen, other, lang, changed_ids)
        common.set_params("jamfor", {"scenario": chosen, "other": other})
        return
    if chosen:
        proposal.render(s, part, chosen, lang, changed_ids)
        common.set_params("jamfor", {"scenario": chosen, "all": "1" if st.session_state.get(proposal.P + "all") else None})
        return
    start, end = date_controls(s, part, lang)

    d = diff(s, start=start, end=end)
    nodes_in = lambda ids: sum(1 for i in ids if part.holds(i))  # noqa: E731
    edges_in = lambda keys: sum(1 for k in keys if part.holds(s.relations[k].from_id) and part.holds(s.relations[k].to_id))  # noqa: E731
    added = nodes_in(d.nodes_added) + edges_in(d.edges_added)
    removed = nodes_in(d.nodes_removed) + edges_in(d.edges_removed)
    changed = nodes_in(d.nodes_changed) + edges_in(d.edges_changed)
    common.init_state(P + "all", "all", lambda raw: {"1": True, "0": False}[raw], False, shown=lambda v: "1" if v else "0")
    counts, toggle = st.columns([3, 1], vertical_alignment="center")
    toggle.toggle(t("app.compare.show_all", lang), key=P + "all", help=t("app.compare.show_all_help", lang))
    ids = None if st.session_state[P + "all"] else changed_ids(s, d, part)
    shown = t("app.compare.part_shown", lang, count=len(ids), total=_count(s, part)) if ids else ""
    if ids is not None and not ids:
        shown = t("app.compare.whole_unchanged", lang)
    counts.caption(" · ".join(x for x in (t("app.compare.counts", lang, added=added, removed=removed, changed=changed), shown) if x))
    maps(s, part, start, end, lang, ids or None)
    changes(s, d, part, start, end, lang)
    if not data.has_errors:
        common.problems_notice(data)
    common.set_params(
        "jamfor",
        {
            "start": start.isoformat(), "end": end.isoformat(), "preset": st.session_state.get(P + "preset") or None,
            "all": "1" if st.session_state[P + "all"] else None,
        },
    )


def proposal_choice(s, lang: str) -> tuple[str, str]:
    """The "Jämför med" choice when the dataset has proposals: two dates ("") or a proposal's id (``?scenario=``), and
    what it is set against: today ("") or a second proposal (``?other=``)."""
    ids = proposal.scenario_ids(s)
    if not ids:
        return "", ""
    for key, param in (("scenario", "scenario"), ("other", "other")):
        common.init_state(P + key, param, common.parse_one_of(["", *ids]), "")
        if st.session_state[P + key] not in ["", *ids]:  # deleted meanwhile
            st.session_state[P + key] = ""
    titles = {x.id: x.title(lang) for x in proposal.list_scenarios(s.path)}
    first, second = st.columns([3, 2]) if len(ids) > 1 else (st.container(), None)
    first.selectbox(t("scenario.app.compare_with", lang), ["", *ids], key=P + "scenario",
                    format_func=lambda i: t("scenario.app.two_dates", lang) if not i else safe_text(t("scenario.app.option", lang, title=titles.get(i, i))))
    chosen = st.session_state[P + "scenario"]
    if second is None or not chosen:
        return chosen, ""
    others = [i for i in ids if i != chosen]
    if st.session_state[P + "other"] not in ["", *others]:
        st.session_state[P + "other"] = ""
    second.selectbox(t("scenario.app.against", lang), ["", *others], key=P + "other",
                     format_func=lambda i: t("scenario.app.today", lang) if not i else safe_text(titles.get(i, i)))
    return chosen, st.session_state[P + "other"]


def date_controls(s, part, lang: str) -> tuple[date, date]:
    """The preset (an event: the day before and the day of it) and the two date boxes (Enter applies); (start, end) in order."""
    first, last, default = common.default_day(s)
    events = [e for e in presets(s) if any(part.holds(i) for i in (*s.events[e].originals, *s.events[e].results))]
    common.init_state(P + "preset", "preset", common.parse_one_of([""] + events), default_event(s, events))
    pre_start, pre_end = _preset_dates(s, st.session_state[P + "preset"], first, last) or (first, default)
    parse = common.parse_date_in(first, last)
    common.init_state(P + "start", "start", parse, pre_start, shown=date.isoformat)
    common.init_state(P + "end", "end", parse, pre_end, shown=date.isoformat)

    def apply_preset() -> None:
        dates = _preset_dates(s, st.session_state[P + "preset"], first, last)
        if dates:
            st.session_state[P + "start"], st.session_state[P + "end"] = dates
            for side in ("start", "end"):
                common.forget_typed_date(P + side)

    def clear_preset() -> None:  # a typed date is no longer the preset's
        st.session_state[P + "preset"] = ""

    top = st.columns([4, 2, 2], vertical_alignment="bottom")
    top[0].selectbox(
        t("app.compare.preset", lang),
        [""] + events,
        key=P + "preset",
        on_change=apply_preset,
        format_func=lambda i: t("app.compare.preset_none", lang)
        if not i
        else t("app.compare.preset_event", lang, name=safe_text(s.events[i].name(lang) or i), date=s.events[i].date),
    )
    for column, side in zip(top[1:], ("start", "end"), strict=True):
        common.date_box(t(f"app.compare.{side}", lang), P + side, first, last, lang, then=clear_preset, where=column)
    for side in ("start", "end"):
        common.date_box_notice(P + side, lang)
    start, end = st.session_state[P + "start"], st.session_state[P + "end"]
    if start > end:
        st.info(t("app.compare.swapped", lang))
        start, end = end, start
    return start, end


def changed_ids(s, d, part) -> frozenset[str]:
    """What the maps draw by default: the entities the diff ``d`` touches (added, removed, changed, and the ends of
    added, removed and changed relations) and their neighbours on either date, within the part.

    >>> from lsgmap.time.diff import diff
    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> ids = changed_ids(s, diff(s, start="2016-12-31", end="2017-01-01"), common.Part(None, {}))
    >>> {"lsg_trosa", "lsg_trosa_gnesta", "kommun_trosa"} <= ids, "kommun_eskilstuna" in ids
    (True, False)
    """
    touched = {*d.nodes_added, *d.nodes_removed, *d.nodes_changed}
    ends = {i for k in (*d.edges_added, *d.edges_removed, *d.edges_changed) for i in (s.relations[k].from_id, s.relations[k].to_id)}
    near = set()
    for day in (d.start, d.end):
        for r in s.snapshot(on=day).relations():
            near.update((r.to_id,) if r.from_id in touched else (r.from_id,) if r.to_id in touched else ())
    return frozenset(i for i in touched | ends | near if part.holds(i) and i in s.entities)


def _count(s, part) -> int:
    """How many entities the part holds (every date)."""
    return len(s.entities) if part.ids is None else len(part.ids)


def placed(s, part, ids: frozenset[str] | None) -> tuple[frozenset[str] | None, dict, tuple[float, float, float, float]]:
    """(the entities drawn, their positions, the bounds both maps fit): the changed part ``ids`` alone, or the whole part
    (without what the part's map folds, :attr:`lsgmap.app.common.Part.folded`)."""
    if ids and ids - part.folded:
        ids = ids - part.folded  # a part laid out in one language (a national association's) keeps to it here too
        positions, box = common.laid_out_alone(s, ids, font_size=FONT_SIZE, frame=HALF_FRAME, lang=part.lang)
        return ids, positions, box
    return part.drawn, part.positions, common.part_bounds(s, part)


def sides(s, part, start: date, end: date, lang: str, ids: frozenset[str] | None = None):
    """The two maps' elements on the same positions, and the bounds both are fitted to (what the screen and exports draw)."""
    nodes, positions, box = placed(s, part, ids)
    views = compare_views(s, start=start, end=end, lang=lang)
    return [elements(s, replace(view, nodes=nodes) if nodes is not None else view, positions) for view in views], box


def maps(s, part, start: date, end: date, lang: str, ids: frozenset[str] | None = None) -> None:
    """The two maps on the same positions and bounds, their legend, and the HTML and image exports of both."""
    drawn, box = sides(s, part, start, end, lang, ids)
    columns = st.columns(2)
    for index, (column, els, side) in enumerate(zip(columns, drawn, ("start", "end"), strict=True)):
        with column:
            st.subheader(plain(f"{t(f'app.compare.{side}', lang)}: {els.on}"))
            st.caption(plain(t("attested.count", lang, n=els.unattested, m=els.facts)))
            if index == 0:  # both maps fill the window below their headings
                height = space_below(P + "viewport", 520, least=360, margin=12)
    for column, els, side in zip(columns, drawn, ("start", "end"), strict=True):
        with column:
            live_map(els, key=f"{P}map_{side}", height=height, bounds=box)
    st.html(legend_html(legend_of(*drawn, unattested=True)))  # what the two maps draw, with their shapes, lines and marks
    stem = f"{file_stem(on=start)}-{end.isoformat()}"
    html_column, image_column = st.columns([1, 2])
    html_column.download_button(  # both maps in one offline page, as the other views have
        t("app.download_html", lang), lambda: to_compare_html(*drawn).encode("utf-8"), f"{stem}.html", "text/html",
        key=P + "dl_html", on_click="ignore",
    )
    with image_column:
        image_button(  # one image with both dates: the same elements as the two maps
            lambda fmt: to_compare_image(*drawn, fmt=fmt), key=P, stem=stem
        )


def changes(s, d, part, start: date, end: date, lang: str) -> None:
    """The change list (in pages when long), the quotes behind it, what is no longer or newly attested, the events between."""
    st.subheader(t("app.compare.changes", lang))
    items = scoped_items(d, lang, part.ids)  # once, for the list and its quotes
    lines = change_lines(s, d, lang, items=items)
    if len(lines) > PAGE_LINES:  # a long list in pages, not one wall of text
        pages = -(-len(lines) // PAGE_LINES)
        page = int(st.number_input(t("app.compare.page", lang, pages=pages), min_value=1, max_value=pages, step=1, key=P + "page"))
        st.caption(t("app.compare.page_lines", lang, first=(page - 1) * PAGE_LINES + 1, last=min(page * PAGE_LINES, len(lines)), total=len(lines)))
        lines = lines[(page - 1) * PAGE_LINES : page * PAGE_LINES]
    if lines:
        st.text("\n".join(lines))
        quotes = sources_text(s, items)
        if quotes:
            with st.expander(t("app.compare.quotes", lang)):
                st.text(quotes)
    else:
        st.caption(t("app.compare.no_changes", lang))
    for key, every in (("diff.unattested", d.unattested_items(lang)), ("diff.attested", d.attested_items(lang))):
        items = about(every, part.ids)  # this association's, as the change list
        if items:  # quieter than the changes: a source's period ending is not an ending
            with st.expander(plain(t(key, lang, start=start.isoformat(), end=end.isoformat(), count=len(items))), expanded=False):
                st.text("\n".join(f"· {safe_text(i['text'])}" + (f" [{', '.join(i['sources'])}]" if i["sources"] else "") for i in items))
    st.subheader(t("app.compare.events", lang))
    if d.events:

        ours = {e for e in d.events if any(part.holds(i) for i in (*s.events[e].originals, *s.events[e].results))}
        between = [e for e in timeline_events(s, lang=lang) if e["id"] in ours]
        st.text("\n".join(f"{e['date']}  {safe_text(e['text'])}" for e in between))
    else:
        st.caption(t("app.compare.no_events", lang))


def _preset_dates(s, event_id: str, first: date, last: date) -> tuple[date, date] | None:
    """(the day before, the day of) an event, kept inside the date span."""
    if not event_id or event_id not in s.events:
        return None
    on = date.fromordinal(s.events[event_id].day)
    before = on - timedelta(days=1)
    clip = lambda d: min(max(d, first), last)  # noqa: E731
    return clip(before), clip(on)

