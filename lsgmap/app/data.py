"""Data page: the tables behind the map, the check findings, a timeline chart and the budget.

Widgets only; the tables come from the loaded structure, the findings from
:func:`lsgmap.dataset.checks.check`, the lifetimes from :func:`lsgmap.time.timeline.lifetimes`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lsgmap.app import common
from lsgmap.app.exchange import exchange_downloads
from lsgmap.app.text import plain
from lsgmap.dates import day_to_iso
from lsgmap.exchange.spreadsheet import CSV_STYLES, csv_style_for, to_csv, to_xlsx
from lsgmap.i18n import t
from lsgmap.time.timeline import events, lifetimes
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS


def entity_table(structure, lg: str) -> pd.DataFrame:
    rows = [
        {
            "id": e.id,
            t("app.col.kind", lg): ENTITY_KINDS[e.kind].label(lg) if e.kind in ENTITY_KINDS else e.kind,
            t("app.col.name", lg): e.name(lg),
            t("app.col.from", lg): e.valid_from,
            t("app.col.to", lg): e.valid_to,
            t("app.col.aliases", lg): "; ".join(e.aliases),
            t("app.col.sources", lg): "; ".join(e.sources),
            t("app.col.line", lg): f"entities.csv:{e.line}",
        }
        for e in structure.entities.values()
    ]
    return pd.DataFrame(rows)


def relation_table(structure, lg: str) -> pd.DataFrame:
    rows = []
    for r in structure.relations.values():
        kind = RELATION_KINDS.get(r.relation)
        rows.append(
            {
                "id": r.id,
                t("app.col.subject", lg): structure.name(r.from_id, lg),
                t("app.col.relation", lg): kind.verb(lg) if kind else r.relation,
                t("app.col.object", lg): structure.name(r.to_id, lg),
                t("app.col.from", lg): r.valid_from,
                t("app.col.to", lg): r.valid_to,
                t("app.col.effective", lg): f"{day_to_iso(r.start) or '…'} – {day_to_iso(r.end) or ''}".strip(),
                t("app.col.sources", lg): "; ".join(r.sources),
                t("app.col.line", lg): f"relations.csv:{r.line}",
            }
        )
    return pd.DataFrame(rows)


def event_table(structure, lg: str) -> pd.DataFrame:
    rows = [
        {
            "id": e.id,
            t("app.col.date", lg): e.date,
            t("app.col.name", lg): e.name(lg),
            t("app.col.originals", lg): "; ".join(structure.name(i, lg) for i in e.originals),
            t("app.col.results", lg): "; ".join(structure.name(i, lg) for i in e.results),
            t("app.col.decided", lg): e.decided,
            t("app.col.sources", lg): "; ".join(e.sources),
            t("app.col.line", lg): f"events.csv:{e.line}",
        }
        for e in sorted(structure.events.values(), key=lambda e: e.day)
    ]
    return pd.DataFrame(rows)


def source_table(structure, lg: str) -> pd.DataFrame:
    rows = []
    for s in structure.sources.values():
        doc = structure.documents.get(s.document)
        rows.append(
            {
                "id": s.id,
                t("app.col.document", lg): doc.title if doc else s.document,
                t("app.col.doc_kind", lg): doc.kind if doc else "",
                t("app.col.locator", lg): s.locator,
                t("app.col.quote", lg): s.quote,
                t("app.col.form", lg): t("source.paraphrase", lg) if s.form == "paraphrase" else "",
            }
        )
    return pd.DataFrame(rows)


def findings_table(problems, lg: str) -> pd.DataFrame:
    rows = [
        {
            t("app.col.where", lg): p.where,
            t("app.col.severity", lg): t(f"app.severity.{p.severity}", lg),
            t("app.col.what", lg): p.what(lg),
            t("app.col.value", lg): p.value,
            t("app.col.fix", lg): p.fix(lg),
        }
        for p in problems
    ]
    return pd.DataFrame(rows, columns=[t(f"app.col.{c}", lg) for c in ("where", "severity", "what", "value", "fix")])


def budget_table(structure, lg: str) -> pd.DataFrame:
    """Long table: year, item, amount (tkr)."""
    rows = [
        {t("app.col.year", lg): b.year, t("app.col.item", lg): b.item(lg), t("app.col.amount", lg): b.amount_tkr}
        for b in structure.budget
    ]
    return pd.DataFrame(rows, columns=[t("app.col.year", lg), t("app.col.item", lg), t("app.col.amount", lg)])


def budget_pivot(long: pd.DataFrame, lg: str) -> pd.DataFrame:
    """Items as rows, years as columns, with totals."""
    year, item, amount = long.columns
    pivot = long.pivot_table(index=item, columns=year, values=amount, aggfunc="sum", fill_value=0, sort=False)
    pivot.columns = [str(c) for c in pivot.columns]
    pivot.loc[t("app.total", lg)] = pivot.sum()
    pivot[t("app.total", lg)] = pivot.sum(axis=1)
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


def _downloads(frame: pd.DataFrame, name: str, lg: str) -> None:
    """CSV and XLSX buttons for ``frame``; both files are written only when clicked.

    ``on_click="ignore"``: a click does not rerun the page. A rerun replaces every deferred
    download of the page with a new one, and a click on another button before the browser
    had the new ids failed with "Deferred file … not found" (no file, no message).
    """
    style = st.session_state.get(_style_key(lg), csv_style_for(lg))
    left, right = st.columns(2)
    left.download_button(
        t("app.download_csv", lg), lambda: csv_bytes(frame, style), f"{name}.csv", CSV_MIME, key=f"csv_{name}", on_click="ignore"
    )
    right.download_button(
        t("app.download_xlsx", lg), lambda: xlsx_bytes(frame, name), f"{name}.xlsx", XLSX_MIME, key=f"xlsx_{name}", on_click="ignore"
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


def _style_key(lg: str) -> str:
    return f"data_csv_style_{lg}"  # one per language: the default follows the language


def _csv_style_choice(lg: str) -> None:
    styles = list(CSV_STYLES)
    st.radio(
        t("app.data.csv_style", lg),
        styles,
        index=styles.index(csv_style_for(lg)),
        format_func=lambda s: t(f"app.data.csv_style.{s}", lg),
        horizontal=True,
        key=_style_key(lg),
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _frames(path: str, version: str, lg: str, _data: common.Loaded) -> dict[str, pd.DataFrame]:
    """The page's tables, built once per dataset version and language (not on every rerun). Never mutate them."""
    s = _data.structure
    return {
        "entities": entity_table(s, lg),
        "relations": relation_table(s, lg),
        "events": event_table(s, lg),
        "sources": source_table(s, lg),
        "check": findings_table(_data.problems, lg),
    }


def _table_with_downloads(frame: pd.DataFrame, name: str, query: str, lg: str) -> None:
    shown = search(frame, query)
    st.caption(t("app.rows", lg, shown=len(shown), total=len(frame)))
    st.dataframe(shown, hide_index=True, width="stretch")
    _downloads(shown, name, lg)


def _gantt(structure, lg: str, with_relations: bool, part: frozenset[str] | None = None) -> None:
    """Lifetimes as bars, the events as red lines; of one association's part on a national dataset."""
    import altair as alt

    inside = (lambda r: True) if part is None else (lambda r: r["id"] in part or (r.get("source") in part and r.get("target") in part))  # noqa: E731
    rows = [r for r in lifetimes(structure, lang=lg) if (with_relations or r["type"] == "entity") and inside(r)]
    frame = pd.DataFrame(rows)
    if frame.empty:
        st.info(t("app.nothing", lg))
        return
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"]) + pd.Timedelta(days=1)  # bars end after their last day
    order = frame["name"].tolist()
    bars = (
        alt.Chart(frame)
        .mark_bar(cornerRadius=2)
        .encode(
            x=alt.X("start:T", title=t("app.col.date", lg)),
            x2="end:T",
            y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("kind_label:N", title=t("app.col.kind", lg), scale=alt.Scale(domain=list(dict.fromkeys(frame["kind_label"])), range=list(dict.fromkeys(frame["colour"])))),
            tooltip=[alt.Tooltip("name:N"), alt.Tooltip("kind_label:N"), alt.Tooltip("start:T"), alt.Tooltip("end:T")],
        )
    )
    evs = pd.DataFrame([e for e in events(structure, lang=lg) if part is None or _touches(structure, e["id"], part)])
    layers = [bars]
    if not evs.empty:
        evs["day"] = pd.to_datetime(evs["date"].map(lambda d: d if len(d) == 10 else (d + "-01-01" if len(d) == 4 else d + "-01")))
        rule = alt.Chart(evs).mark_rule(color="#d62728", strokeWidth=2, strokeDash=[6, 3]).encode(x="day:T", tooltip=[alt.Tooltip("text:N")])
        label = alt.Chart(evs).mark_text(align="left", dx=4, dy=-6, color="#d62728", fontSize=13).encode(x="day:T", y=alt.value(0), text="label:N")
        layers += [rule, label]
    chart = alt.layer(*layers).properties(height=max(300, 22 * len(frame)))
    st.altair_chart(chart, width="stretch")
    if not evs.empty:
        for text in evs["text"]:
            st.markdown(f"- {plain(text)}")


def _touches(structure, event_id: str, part: frozenset[str]) -> bool:
    e = structure.events.get(event_id)
    return e is None or any(i in part for i in (*e.originals, *e.results))


def _budget(structure, lg: str) -> None:
    import altair as alt

    long = budget_table(structure, lg)
    if long.empty:
        st.info(t("app.no_budget", lg))
        return
    relation_ids = sorted({b.relation for b in structure.budget})
    for rid in relation_ids:
        r = structure.relations.get(rid)
        if r:
            st.caption(plain(f"{structure.name(r.from_id, lg)} {RELATION_KINDS[r.relation].verb(lg)} {structure.name(r.to_id, lg)} ({rid})"))
    pivot = budget_pivot(long, lg)
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
    _downloads(long, "budget", lg)


def render() -> None:
    """The Data page."""
    st.set_page_config(initial_sidebar_state="collapsed")  # the tables take the width (» opens the menu), as on Karta
    lg = common.lang()
    data = common.loaded()
    if data is None:
        return
    structure = data.structure
    st.header(t("app.data.title", lg))
    common.init_state("data_search", "q", lambda raw: raw[:200], "")
    common.init_state(TAB_KEY, "tab", common.parse_one_of(TABS), TABS[0])
    query = st.text_input(t("app.data.search", lg), key="data_search", placeholder=t("app.data.search_hint", lg))
    _csv_style_choice(lg)
    exchange_downloads(structure, lg)
    current = tab_of(st.session_state.get(TABS_WIDGET)) or st.session_state[TAB_KEY]
    tabs = st.tabs([t(f"app.tab.{k}", lg) for k in TABS], default=t(f"app.tab.{current}", lg), key=TABS_WIDGET, on_change="rerun")
    st.session_state[TAB_KEY] = tab_of(st.session_state.get(TABS_WIDGET)) or current
    common.set_params("data", {"tab": st.session_state[TAB_KEY], "q": query.strip() or None})
    frames = _frames(str(structure.path), structure.version, lg, data)
    for tab, name in zip(tabs[:4], ("entities", "relations", "events", "sources"), strict=True):
        with tab:
            _table_with_downloads(frames[name], name, query, lg)
    with tabs[4]:
        problems = data.problems
        errors = sum(1 for p in problems if p.severity == "error")
        (st.error if errors else st.success)(t("app.findings", lg, errors=errors, warnings=len(problems) - errors))
        _table_with_downloads(frames["check"], "check", query, lg)
    with tabs[5]:
        with_relations = st.toggle(t("app.with_relations", lg), key="data_gantt_relations")
        part = common.choose_part(data, lg)  # a national dataset: one association's timeline at a time
        if part is not None:
            _gantt(structure, lg, with_relations, part.ids)
    with tabs[6]:
        _budget(structure, lg)
