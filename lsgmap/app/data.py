"""Data page: the tables behind the map, the check findings, a timeline chart and the budget.

Widgets only; the tables come from the loaded structure, the findings from
:func:`lsgmap.dataset.checks.check`, the lifetimes from :func:`lsgmap.time.timeline.lifetimes`.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from lsgmap.app import common
from lsgmap.app.exchange import exchange_downloads
from lsgmap.app.text import plain
from lsgmap.dates import day_to_iso
from lsgmap.exchange.spreadsheet import CSV_STYLES, csv_style_for, to_csv, to_xlsx
from lsgmap.i18n import t
from lsgmap.model.scope import associations
from lsgmap.time.timeline import events, lifetimes
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS


def entity_table(structure, lang: str) -> pd.DataFrame:
    rows = [
        {
            "id": e.id,
            t("app.col.kind", lang): ENTITY_KINDS[e.kind].label(lang) if e.kind in ENTITY_KINDS else e.kind,
            t("app.col.name", lang): e.name(lang),
            t("app.col.from", lang): e.valid_from,
            t("app.col.to", lang): e.valid_to,
            t("app.col.aliases", lang): "; ".join(e.aliases),
            t("app.col.sources", lang): "; ".join(e.sources),
            t("app.col.line", lang): f"entities.csv:{e.line}",
        }
        for e in structure.entities.values()
    ]
    return pd.DataFrame(rows)


def relation_table(structure, lang: str) -> pd.DataFrame:
    rows = []
    for r in structure.relations.values():
        kind = RELATION_KINDS.get(r.relation)
        rows.append(
            {
                "id": r.id,
                t("app.col.subject", lang): structure.name(r.from_id, lang),
                t("app.col.relation", lang): kind.verb(lang) if kind else r.relation,
                t("app.col.object", lang): structure.name(r.to_id, lang),
                t("app.col.from", lang): r.valid_from,
                t("app.col.to", lang): r.valid_to,
                t("app.col.effective", lang): f"{day_to_iso(r.start) or '…'} – {day_to_iso(r.end) or ''}".strip(),
                t("app.col.sources", lang): "; ".join(r.sources),
                t("app.col.line", lang): f"relations.csv:{r.line}",
            }
        )
    return pd.DataFrame(rows)


def event_table(structure, lang: str) -> pd.DataFrame:
    rows = [
        {
            "id": e.id,
            t("app.col.date", lang): e.date,
            t("app.col.name", lang): e.name(lang),
            t("app.col.originals", lang): "; ".join(structure.name(i, lang) for i in e.originals),
            t("app.col.results", lang): "; ".join(structure.name(i, lang) for i in e.results),
            t("app.col.decided", lang): e.decided,
            t("app.col.sources", lang): "; ".join(e.sources),
            t("app.col.line", lang): f"events.csv:{e.line}",
        }
        for e in sorted(structure.events.values(), key=lambda e: e.day)
    ]
    return pd.DataFrame(rows)


def source_table(structure, lang: str) -> pd.DataFrame:
    rows = []
    for s in structure.sources.values():
        doc = structure.documents.get(s.document)
        rows.append(
            {
                "id": s.id,
                t("app.col.document", lang): doc.title if doc else s.document,
                t("app.col.doc_kind", lang): doc.kind if doc else "",
                t("app.col.locator", lang): s.locator,
                t("app.col.quote", lang): s.quote,
                t("app.col.form", lang): t("source.paraphrase", lang) if s.form == "paraphrase" else "",
            }
        )
    return pd.DataFrame(rows)


def findings_table(problems, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("app.col.where", lang): p.where,
            t("app.col.severity", lang): t(f"app.severity.{p.severity}", lang),
            t("app.col.what", lang): p.what(lang),
            t("app.col.value", lang): p.value,
            t("app.col.fix", lang): p.fix(lang),
        }
        for p in problems
    ]
    return pd.DataFrame(rows, columns=[t(f"app.col.{c}", lang) for c in ("where", "severity", "what", "value", "fix")])


def budget_table(structure, lang: str) -> pd.DataFrame:
    """Long table: year, item, amount (tkr)."""
    rows = [
        {t("app.col.year", lang): b.year, t("app.col.item", lang): b.item(lang), t("app.col.amount", lang): b.amount_tkr}
        for b in structure.budget
    ]
    return pd.DataFrame(rows, columns=[t("app.col.year", lang), t("app.col.item", lang), t("app.col.amount", lang)])


def budget_pivot(long: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Items as rows, years as columns, with totals."""
    year, item, amount = long.columns
    pivot = long.pivot_table(index=item, columns=year, values=amount, aggfunc="sum", fill_value=0, sort=False)
    pivot.columns = [str(c) for c in pivot.columns]
    pivot.loc[t("app.total", lang)] = pivot.sum()
    pivot[t("app.total", lang)] = pivot.sum(axis=1)
    return pivot


def search(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows where any cell contains ``text`` (case-insensitive); all rows for an empty text."""
    needle = (text or "").strip().casefold()
    if not needle or frame.empty:
        return frame
    hay = frame.astype(str).apply(lambda col: col.str.casefold())
    mask = hay.apply(lambda col: col.str.contains(needle, regex=False)).any(axis=1)
    return frame[mask]


def _rows(frame: pd.DataFrame) -> tuple[list, list]:
    return list(frame.columns), list(frame.itertuples(index=False, name=None))


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """``frame`` as XLSX: text stays text (never a formula), control characters marked (:mod:`lsgmap.exchange.spreadsheet`)."""
    return to_xlsx(*_rows(frame), sheet=sheet)


def csv_bytes(frame: pd.DataFrame, style: str = "sv") -> bytes:
    """``frame`` as CSV in ``style`` (``sv``: ``;`` and decimal comma, ``en``: ``,``), formulas neutralised, UTF-8 with BOM."""
    return to_csv(*_rows(frame), style=style)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"


def _downloads(frame: pd.DataFrame, name: str, lang: str) -> None:
    """CSV and XLSX buttons for ``frame``; both files are written only when clicked.

    ``on_click="ignore"``: a click does not rerun the page. A rerun replaces every deferred
    download of the page with a new one, and a click on another button before the browser
    had the new ids failed with "Deferred file … not found" (no file, no message).
    """
    style = st.session_state.get(_style_key(lang), csv_style_for(lang))
    left, right = st.columns(2)
    left.download_button(
        t("app.download_csv", lang), lambda: csv_bytes(frame, style), f"{name}.csv", CSV_MIME, key=f"csv_{name}", on_click="ignore"
    )
    right.download_button(
        t("app.download_xlsx", lang), lambda: xlsx_bytes(frame, name), f"{name}.xlsx", XLSX_MIME, key=f"xlsx_{name}", on_click="ignore"
    )


#: the Data page's tabs, in order; ``?tab=`` names one, ``?q=`` is the search
TABS = ("entities", "relations", "events", "sources", "check", "timeline", "budget")
TAB_KEY, TABS_WIDGET = "data_tab", "data_tabs"


def tab_of(label: str | None) -> str | None:
    """The tab key of a tab's label in either language (None if it is none).

    >>> tab_of("Händelser"), tab_of("Events"), tab_of("x")
    ('events', 'events', None)
    """
    return next((k for k in TABS if label in (t(f"app.tab.{k}", "sv"), t(f"app.tab.{k}", "en"))), None)


def _style_key(lang: str) -> str:
    return f"data_csv_style_{lang}"  # one per language: the default follows the language


def _csv_style_choice(lang: str) -> None:
    styles = list(CSV_STYLES)
    st.radio(
        t("app.data.csv_style", lang),
        styles,
        index=styles.index(csv_style_for(lang)),
        format_func=lambda s: t(f"app.data.csv_style.{s}", lang),
        horizontal=True,
        key=_style_key(lang),
    )


_TABLES = {"entities": entity_table, "relations": relation_table, "events": event_table, "sources": source_table}


@st.cache_resource(show_spinner=False, max_entries=16)
def _frame(version: str, lang: str, name: str, _data: common.Loaded) -> pd.DataFrame:
    """One of the page's tables, built once per dataset version and language, when its tab is first opened. Never mutate it."""
    if name == "check":
        return findings_table(_data.problems, lang)
    return _TABLES[name](_data.structure, lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def _haystack(version: str, lang: str, name: str, _frame: pd.DataFrame) -> pd.Series:
    """Each row of a table as one casefolded text (what :func:`search` looks in), made once per table."""
    if _frame.empty:
        return pd.Series([], dtype=str)
    return _frame.astype(str).agg("\x1f".join, axis=1).str.casefold()


def _search(frame: pd.DataFrame, hay: pd.Series, text: str) -> pd.DataFrame:
    """:func:`search` through a table's :func:`_haystack` (no cell is converted again on a rerun)."""
    needle = (text or "").strip().casefold()
    if not needle or frame.empty:
        return frame
    return frame[hay.str.contains(needle, regex=False).to_numpy()]


def _table_with_downloads(data: common.Loaded, name: str, query: str, lang: str) -> None:
    """The table ``name``, searched, a page of it at a time (:data:`lsgmap.app.common.PAGE_ROWS` rows); downloads hold every row found."""
    version = data.structure.version
    frame = _frame(version, lang, name, data)
    shown = _search(frame, _haystack(version, lang, name, frame), query) if query.strip() else frame
    st.caption(t("app.rows", lang, shown=len(shown), total=len(frame)))
    common.paged_table(shown, f"data.{name}", lang)
    _downloads(shown, name, lang)


def timeline_bars(rows: list[dict], lang: str) -> list[dict]:
    """The timeline's bars from :func:`lsgmap.time.timeline.lifetimes` rows: a start no source gives is never drawn as a
    date. Such a row's solid bar (``known``) starts where a source first speaks for it; before it a faint lead-in from the
    chart's edge; with no such day at all, only the lead-in. ``from_text`` says "okänd" for an unknown start.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.time.timeline import lifetimes
    >>> bars = timeline_bars([r for r in lifetimes(load()) if r["id"] in ("lsg_trosa", "lsg_trosa_gnesta")], "sv")
    >>> [(b["id"], b["start"], b["end"], b["known"], b["from_text"]) for b in bars]  # doctest: +NORMALIZE_WHITESPACE
    [('lsg_trosa', '2005-01-01', '2015-12-31', False, 'okänd (först belagd 2016-01-01)'),
     ('lsg_trosa', '2016-01-01', '2016-12-31', True, 'okänd (först belagd 2016-01-01)'),
     ('lsg_trosa_gnesta', '2017-01-01', '2020-01-01', True, '2017-01-01')]
    """
    out = []
    for r in rows:
        to_text = t("app.timeline.open", lang) if r["open_end"] else r["end"]
        base = {**r, "to_text": to_text}
        if not r["open_start"]:
            out.append({**base, "known": True, "from_text": r["start"]})
            continue
        first = min((max(w[0], r["start"]) for w in r.get("attested") or [] if w[0] <= r["end"] and w[1] >= r["start"]), default=None)
        unknown = t("app.timeline.unknown", lang) + (f" ({t('attested.first', lang, date=first)})" if first else "")
        if first is None or first > r["start"]:
            lead_end = (date.fromisoformat(first) - timedelta(days=1)).isoformat() if first else r["end"]
            out.append({**base, "end": lead_end, "known": False, "from_text": unknown})
        if first is not None:
            out.append({**base, "start": first, "known": True, "from_text": unknown})
    return out


def _gantt(structure, lang: str, with_relations: bool, part: frozenset[str] | None = None) -> None:
    """Lifetimes as bars, the events as red lines; of one association's part on a national dataset."""
    import altair as alt

    inside = (lambda r: True) if part is None else (lambda r: r["id"] in part or (r.get("source") in part and r.get("target") in part))  # noqa: E731
    rows = [r for r in lifetimes(structure, lang=lang) if (with_relations or r["type"] == "entity") and inside(r)]
    if not rows:
        st.info(t("app.nothing", lang))
        return
    frame = pd.DataFrame(timeline_bars(rows, lang))
    order = list(dict.fromkeys(frame["name"]))
    for column in ("start", "end"):
        frame[column] = pd.to_datetime(frame[column])
    frame["end"] = frame["end"] + pd.Timedelta(days=1)  # bars end after their last day
    colour = alt.Color("kind_label:N", title=t("app.col.kind", lang),
                       scale=alt.Scale(domain=list(dict.fromkeys(frame["kind_label"])), range=list(dict.fromkeys(frame["colour"]))))
    tooltip = [alt.Tooltip("name:N", title=t("app.col.name", lang)), alt.Tooltip("kind_label:N", title=t("app.col.kind", lang)),
               alt.Tooltip("from_text:N", title=t("app.col.from", lang)), alt.Tooltip("to_text:N", title=t("app.col.to", lang))]
    bars = (  # a known lifetime solid; before a start no source gives, a faint lead-in (no date is claimed for it)
        alt.Chart(frame)
        .mark_bar(cornerRadius=2)
        .encode(
            x=alt.X("start:T", title=t("app.col.date", lang)), x2="end:T",
            y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            color=colour, opacity=alt.Opacity("known:N", scale=alt.Scale(domain=[True, False], range=[1.0, 0.18]), legend=None),
            tooltip=tooltip,
        )
    )
    evs = pd.DataFrame([e for e in events(structure, lang=lang) if part is None or _touches(structure, e["id"], part)])
    layers = [bars]
    if not evs.empty:
        evs["day"] = pd.to_datetime(evs["date"].map(lambda d: d if len(d) == 10 else (d + "-01-01" if len(d) == 4 else d + "-01")))
        rule = alt.Chart(evs).mark_rule(color="#d62728", strokeWidth=2, strokeDash=[6, 3]).encode(x="day:T", tooltip=[alt.Tooltip("text:N")])
        label = alt.Chart(evs).mark_text(align="left", dx=4, dy=-6, color="#d62728", fontSize=13).encode(x="day:T", y=alt.value(0), text="label:N")
        layers += [rule, label]
    chart = alt.layer(*layers).properties(height=max(300, 22 * len(frame)))
    st.altair_chart(chart, width="stretch")
    _open_row(structure, [r for r in rows if r["type"] == "entity"], lang)
    if not evs.empty:
        for text in evs["text"]:
            st.markdown(f"- {plain(text)}")


def _open_row(structure, rows: list[dict], lang: str) -> None:
    """A row of the timeline opened: the entity's details on its last day in the timeline, and a link to it on Karta."""
    from urllib.parse import urlencode

    from lsgmap.app.karta import entity_details

    by_id = {r["id"]: r for r in rows}
    chosen = st.selectbox(t("app.timeline.open_row", lang), [None, *by_id], key="data_gantt_open",
                          format_func=lambda i: t("app.details_none", lang) if i is None else str(by_id[i]["name"]))
    if chosen is None:
        return
    day = str(by_id[chosen]["end"])  # the last day the timeline shows it (an open end: the timeline's last day)
    snap = structure.snapshot(on=day)
    st.markdown(f"**{plain(by_id[chosen]['name'])}** · {plain(t('app.story.date', lang, date=day))}")
    entity_details(structure, snap, chosen, False, lang)
    params = {"entity": chosen, "on": day, "lang": lang}
    kept = st.session_state.get(common.KEPT_SCOPE_KEY)
    if kept:
        params["assoc"] = kept
    st.markdown(f"[{plain(t('app.timeline.on_map', lang))}](./karta?{urlencode(params)})")  # the link: ids and a date, URL-encoded


def _touches(structure, event_id: str, part: frozenset[str]) -> bool:
    e = structure.events.get(event_id)
    return e is None or any(i in part for i in (*e.originals, *e.results))


def _budget(structure, lang: str, key: str = "budget") -> None:
    """The budget of ``structure`` (the bundled data, or one association's part): the relations it funds (a table, paged),
    items by year with totals, a chart, and downloads."""

    long = budget_table(structure, lang)
    if long.empty:
        st.info(t("app.no_budget", lang))
        return
    relations = [structure.relations[rid] for rid in sorted({b.relation for b in structure.budget}) if rid in structure.relations]
    funded = pd.DataFrame(
        [(structure.name(r.from_id, lang), RELATION_KINDS[r.relation].verb(lang), structure.name(r.to_id, lang), r.id) for r in relations],
        columns=[t("app.col.subject", lang), t("app.col.relation", lang), t("app.col.object", lang), "id"],
    )
    common.paged_table(funded, f"data.{key}.funded", lang)
    _budget_chart(long, lang, key)


def _budget_chart(long: pd.DataFrame, lang: str, key: str) -> None:
    """Items by year with totals, a bar chart, and downloads of the long table."""
    import altair as alt

    pivot = budget_pivot(long, lang)
    st.dataframe(pivot, width="stretch")
    year, item, amount = long.columns
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X(f"{year}:O", title=year),
            y=alt.Y(f"sum({amount}):Q", title=amount),
            color=alt.Color(f"{item}:N", title=item),
            tooltip=[year, item, amount],
        )
        .properties(height=360)
    )
    st.altair_chart(chart, width="stretch")
    _downloads(long, key, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _country_budget(version: str, lang: str, _s) -> pd.DataFrame:
    """The whole country's budget lines, year and item summed (a few dozen rows, however many lines), once per version."""
    long = budget_table(_s, lang)
    year, item, amount = long.columns
    return long.groupby([year, item], as_index=False, sort=True)[amount].sum()


def _budget_tab(data: common.Loaded, lang: str) -> None:
    """The budget: of the dataset; on a national dataset the country summed by year and item, then one association's."""
    whole = data.structure
    if len(associations(whole)) <= 1:
        _budget(whole, lang)
        return
    st.subheader(t("app.data.budget_country", lang))
    summary = _country_budget(whole.version, lang, whole)
    if summary.empty:
        st.info(t("app.no_budget", lang))
    else:
        _budget_chart(summary, lang, "budget_country")
    part = common.choose_part(data, lang)  # then one association's, as its timeline
    if part is not None:
        st.subheader(plain(part.structure.name(part.key, lang)))
        _budget(part.structure, lang)


def render() -> None:
    """The Data page."""
    st.set_page_config(initial_sidebar_state="collapsed")  # the tables take the width (» opens the menu), as on Karta
    lang = common.current_lang()
    data = common.loaded()
    if data is None:
        return
    structure = data.structure
    st.header(t("app.data.title", lang))
    common.init_state("data_search", "q", lambda raw: raw[:200], "")
    common.init_state(TAB_KEY, "tab", common.parse_one_of(TABS), TABS[0])
    query = st.text_input(t("app.data.search", lang), key="data_search", placeholder=t("app.data.search_hint", lang))
    _csv_style_choice(lang)
    exchange_downloads(structure, lang)
    current = tab_of(st.session_state.get(TABS_WIDGET)) or st.session_state[TAB_KEY]
    tabs = st.tabs([t(f"app.tab.{k}", lang) for k in TABS], default=t(f"app.tab.{current}", lang), key=TABS_WIDGET, on_change="rerun")
    st.session_state[TAB_KEY] = tab_of(st.session_state.get(TABS_WIDGET)) or current
    # only the open tab is computed and sent: a click on another tab reruns the page (on_change="rerun") with it open
    name = st.session_state[TAB_KEY]
    with tabs[TABS.index(name)]:
        if name == "check":
            problems = data.problems
            errors = sum(1 for p in problems if p.severity == "error")
            (st.error if errors else st.success)(t("app.findings", lang, errors=errors, warnings=len(problems) - errors))
        if name in ("entities", "relations", "events", "sources", "check"):
            _table_with_downloads(data, name, query, lang)
        elif name == "timeline":
            with_relations = st.toggle(t("app.with_relations", lang), key="data_gantt_relations")
            part = common.choose_part(data, lang)  # a national dataset: one association's timeline at a time
            if part is not None:
                _gantt(part.structure, lang, with_relations)
        else:
            _budget_tab(data, lang)
    common.set_params("data", {"tab": name, "q": query.strip() or None})  # last: the association is read from the URL first
