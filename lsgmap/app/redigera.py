"""Redigera: record changes with their sources, see them as the compare view shows them, save, undo, and the spreadsheet round trip.

Off unless editing is enabled (``lsgmap app --edit`` or ``LSGMAP_EDIT=1``): a
projector computer must not be editable by accident. Everything is done by
:mod:`lsgmap.edit`; this module only lays out the widgets.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from filelock import Timeout

from lsgmap.app import common
from lsgmap.app.edit_forms import FORMS, OPERATIONS, F, Names, open_for_editing, sources_picker
from lsgmap.app.edit_intake import intake_tab
from lsgmap.app.edit_save import BASE, OUTCOME, PENDING, outcome, problems_table, save_button, save_pending, show_preview
from lsgmap.app.text import plain
from lsgmap.edit import Dataset, EditRefused, StaleEdit
from lsgmap.edit.importing import diff_rows, read_upload, validate
from lsgmap.errors import Problem
from lsgmap.exchange import default_filename, export_data
from lsgmap.i18n import t


def render() -> None:
    """Draw the Redigera page."""
    lang = common.current_lang()
    ds = open_for_editing(lang, "app.edit.title")
    if ds is None:
        return
    folder = ds.folder
    st.session_state.setdefault(BASE, ds.version)
    st.caption(plain(t("app.edit.where", lang, path=str(folder), version=ds.version[:10])))
    who, why = st.columns(2)
    who.text_input(t("app.edit.who", lang), key=F + "who", placeholder=t("app.edit.who_placeholder", lang))
    why.text_input(t("app.edit.why", lang), key=F + "why", placeholder=t("app.edit.why_placeholder", lang))
    outcome(ds.folder, lang)
    tab_change, tab_intake, tab_sheet, tab_log = st.tabs([t("app.edit.tab.change", lang), t("app.edit.tab.intake", lang),
                                                           t("app.edit.tab.sheet", lang), t("app.edit.tab.log", lang)])
    with tab_change:
        change_tab(ds, lang)
    with tab_intake:
        intake_tab(ds, lang)
    with tab_sheet:
        sheet_tab(ds, lang)
    with tab_log:
        log_tab(ds, lang)


def change_tab(ds: Dataset, lang: str) -> None:
    """Choose what to do, fill in the form, name the sources, see the preview, save."""
    names = Names(ds, lang)
    op = st.radio(t("app.edit.what", lang), OPERATIONS, key=F + "op", format_func=lambda k: t(f"app.edit.op.{k}", lang), horizontal=True)
    sources = sources_picker(names, lang) if op != "document" else []
    change, ok = None, False
    try:
        change = FORMS[op](ds, names, lang, sources)
    except EditRefused as refused:
        st.error(t("edit.refused", lang, count=len(refused.problems)), icon="⛔")
        st.dataframe(problems_table(refused.problems, lang), hide_index=True, width="stretch")
    if change:
        p = show_preview(ds, change, lang)
        ok = p is not None and p.ok
    elif change is None:
        st.caption(t("app.edit.incomplete", lang))
    save_button(ds, change, ok, lang, op=op)


def sheet_tab(ds: Dataset, lang: str) -> None:
    """The whole dataset as a workbook to edit in Excel, and the upload that reads it back as one change."""
    st.caption(t("app.edit.sheet_help", lang))
    data = common.loaded()  # the dataset as loaded for the other pages, cached per version: not read again here
    if data is None:
        return
    st.download_button(t("app.edit.download_xlsx", lang), lambda: export_data(data.structure, "xlsx", lang=lang), default_filename("xlsx"),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="edit.xlsx", on_click="ignore")
    upload = st.file_uploader(t("app.edit.upload", lang), type=["xlsx", "csv"], key="edit.upload")
    if upload is None:
        return
    imported = read_upload(ds, upload.name, upload.getvalue())
    problems = imported.problems or (validate(ds, imported) if imported.change else [])
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        st.error(t("edit.refused", lang, count=len(errors)), icon="⛔")
        st.dataframe(problems_table(errors, lang), hide_index=True, width="stretch")
    rows = diff_rows(imported)
    if not rows:
        st.info(t("app.edit.no_changes", lang))
        return
    counts = {a: sum(r["action"] == a for r in rows) for a in ("added", "changed", "removed")}
    st.caption(t("edit.import_summary", lang, **counts))
    lines = [(f"{r['table']}!{r['row']}" if r["row"] else r["table"], r["id"], t(f"edit.action.{r['action']}", lang), c, a, b)
             for r in rows for c, (a, b) in r["fields"].items()]
    cols = ("where", "row", "action", "field", "before", "after")
    st.dataframe(pd.DataFrame(lines, columns=[t(f"app.edit.col.{c}", lang) for c in cols]), hide_index=True, width="stretch")
    if not errors:
        st.session_state[PENDING + ".import"] = imported.change
        st.button(t("app.edit.import", lang), type="primary", key="edit.import", on_click=_save_import,
                  args=(str(ds.folder), lang, t("edit.imported_from", lang, file=upload.name)))


def _save_import(folder: str, lang: str, why: str) -> None:
    st.session_state[PENDING] = st.session_state.get(PENDING + ".import")
    st.session_state[BASE] = Dataset(folder).version  # the upload's own version decides what it may change (three-way)
    save_pending(folder, lang, "import", False, why)


def log_tab(ds: Dataset, lang: str) -> None:
    """The change log, newest first, and the undo of the last change (itself logged)."""
    if ds.problems:  # a table not read whole (the log too, perhaps): said, and nothing saved over it
        st.error(t("edit.refused", lang, count=len(ds.problems)), icon="⛔")
        st.dataframe(problems_table(ds.problems, lang), hide_index=True, width="stretch")
    log = ds.log()
    if not log:
        st.caption(t("edit.log_empty", lang))
        return
    cols = ("change", "when", "who", "why", "table", "row", "action")
    shown = [[r.get(c, "") if c != "action" else t(f"edit.action.{r.get(c) or 'changed'}", lang) for c in cols] for r in reversed(log)]
    st.dataframe(pd.DataFrame(shown, columns=[t(f"app.edit.col.{c}", lang) for c in cols]), hide_index=True, width="stretch", height=300)
    last = ds.last_change()
    st.button(t("app.edit.undo", lang, change=last), key="edit.undo", on_click=_undo, args=(str(ds.folder), lang, last))


def _undo(folder: str, lang: str, shown: str = "") -> None:
    ds = Dataset(folder)
    try:
        last = ds.last_change()
        if shown and last != shown:  # someone saved or undid meanwhile: the button named another change
            raise EditRefused([Problem("edit.undo_not_last", "changes.csv", None, shown, {"last": last or "–"})])
        undo = ds.undo_last()
        who = str(st.session_state.get(F + "who") or "").strip()
        saved = ds.save(undo, who=who, why=t("edit.undo_why", lang, change=undo.undoes))
    except StaleEdit:  # another undo or change was saved meanwhile
        st.session_state[OUTCOME] = ("refused", {"problems": [Problem("edit.undo_stale", "changes.csv", None, shown or "–")]})
        return
    except (EditRefused, Timeout) as exc:
        problems = getattr(exc, "problems", [])
        st.session_state[OUTCOME] = ("refused", {"problems": problems}) if problems else ("busy", {})
        return
    st.session_state[BASE] = saved.version
    st.session_state[OUTCOME] = ("undone", {"change": undo.undoes, "saved": saved.change_id})
