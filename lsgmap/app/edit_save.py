"""The Redigera page's preview and save: the change as the compare view shows it, then saved, refused or offered again.

A change is shown before it is saved: its rows (before → after, per field),
the errors that block it and the notes, and the dataset *after* it on the day
before and the day of the change, with Jämför's diff and marks
(:mod:`lsgmap.edit.preview`). Saving runs in a button callback on the change
the user has just seen, made on the version the user started from
(``edit.base``): if the dataset changed meanwhile, the save is refused with
what changed, the form keeps what was typed, and a button saves it on the new
version.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st
from filelock import Timeout

from lsgmap.app.edit_forms import FORM_KEYS, F
from lsgmap.app.text import plain
from lsgmap.draw.elements import elements
from lsgmap.draw.html import to_html
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View, compare_views
from lsgmap.edit import Change, Dataset, EditRefused, StaleEdit
from lsgmap.edit.preview import Preview, preview
from lsgmap.i18n import t
from lsgmap.time.diff import diff
from lsgmap.time.diff_text import change_lines

S = "edit."
PENDING, BASE, OUTCOME = S + "pending", S + "base", S + "outcome"


def problems_table(problems, lang: str) -> pd.DataFrame:
    """Problems as rows: where, the field, what is wrong, how to fix it."""
    return pd.DataFrame(
        [(p.where, p.params.get("field", ""), p.what(lang), p.fix(lang)) for p in problems],
        columns=[t("app.col.where", lang), t("app.edit.col.field", lang), t("app.col.what", lang), t("app.col.fix", lang)],
    )


def rows_table(change: Change, lang: str) -> pd.DataFrame:
    """One line per changed field: table, row, action, field, before, after."""
    lines = []
    for rc in change.rows:
        before, after = rc.before or {}, rc.after or {}
        for c in rc.fields_changed():
            lines.append((rc.table, rc.id, t(f"edit.action.{rc.action}", lang), c, before.get(c, ""), after.get(c, "")))
    cols = ("table", "row", "action", "field", "before", "after")
    return pd.DataFrame(lines, columns=[t(f"app.edit.col.{c}", lang) for c in cols])


def show_preview(ds: Dataset, change: Change, lang: str) -> Preview | None:
    """The change before saving it; returns the preview (None when it could not be built)."""
    st.subheader(t("app.edit.preview", lang))
    st.dataframe(rows_table(change, lang), hide_index=True, width="stretch")
    try:
        p = preview(ds, change)
    except EditRefused as refused:
        _refused(refused.problems, lang)
        return None
    if p.errors:
        _refused(p.errors, lang)
    if p.notes:
        with st.expander(t("app.edit.notes", lang, count=len(p.notes))):
            st.dataframe(problems_table(p.notes, lang), hide_index=True, width="stretch")
    if p.structure is not None and not p.errors:
        _compare(p, change, lang)
    return p


def _refused(problems, lang: str) -> None:
    st.error(t("edit.refused", lang, count=len(problems)), icon="⛔")
    st.dataframe(problems_table(problems, lang), hide_index=True, width="stretch")


def _touched(change: Change) -> list[str]:
    """The entities a change is about: its entity rows, else the ends of its relation rows."""
    ids = [rc.id for rc in change.rows if rc.table == "entities"]
    for rc in change.rows:
        if rc.table == "relations":
            row = rc.after or rc.before or {}
            ids += [row.get("from_id", ""), row.get("to_id", "")]
    return [i for i in dict.fromkeys(ids) if i]


def _compare(p: Preview, change: Change, lang: str) -> None:
    """The dataset after the change: the day before and the day of it, as Jämför shows two dates; without a day, the entity and its neighbours."""
    s = p.structure
    touched = [i for i in _touched(change) if i in s.entities]
    positions = layered_positions(s)
    if not p.day:
        if touched:
            view = View(on=s.default.date, lang=lang, focus=touched[0], highlight=touched)
            st.caption(plain(t("app.edit.focus_caption", lang, name=s.name(touched[0], lang), date=view.on)))
            st.iframe(to_html(elements(s, view, positions), height=420), height=440)
        return
    end = date.fromisoformat(p.day)
    start = end - timedelta(days=1)
    st.caption(t("app.edit.compare_caption", lang, start=start.isoformat(), end=end.isoformat()))
    for column, view in zip(st.columns(2), compare_views(s, start=start, end=end, lang=lang), strict=True):
        with column:
            st.markdown(f"**{plain(view.on)}**")
            st.iframe(to_html(elements(s, replace(view, highlight=touched), positions), height=380), height=400)
    lines = change_lines(s, diff(s, start=start, end=end), lang)
    if lines:
        st.text("\n".join(lines))


def save_button(ds: Dataset, change: Change | None, ok: bool, lang: str, *, op: str) -> None:
    """Remember the change shown; the button saves it (in a callback, before the page is drawn again)."""
    st.session_state[PENDING] = change
    st.button(t("app.edit.save", lang), type="primary", disabled=not (change and ok), key=S + "save",
              on_click=save_pending, args=(str(ds.folder), lang, op, False))


def save_pending(folder: str, lang: str, op: str, again: bool, why_default: str = "") -> None:
    """Save the pending change on the version the user started from (or, ``again``, on the current one)."""
    change = st.session_state.get(PENDING)
    if not change:
        return
    ds = Dataset(folder)
    change.base = ds.version if again else st.session_state.get(BASE, ds.version)
    who, why = _text("who"), _text("why") or why_default
    try:
        saved = ds.save(change, who=who, why=why)
    except StaleEdit as stale:
        st.session_state[OUTCOME] = ("stale", {"meanwhile": stale.meanwhile, "rows": sorted({(c.table, c.id) for c in stale.conflicts}),
                                               "mine": sorted({(r.table, r.id) for r in change.rows}), "op": op})
        return
    except EditRefused as refused:
        st.session_state[OUTCOME] = ("refused", {"problems": refused.problems})
        return
    except Timeout:
        st.session_state[OUTCOME] = ("busy", {})
        return
    st.session_state[BASE] = saved.version
    st.session_state[PENDING] = None  # a second click before the page is drawn again saves nothing
    st.session_state[OUTCOME] = ("saved", {"change": saved.change_id, "notes": len(saved.notes)})
    _after_save(op, change)


def _text(name: str) -> str:
    return str(st.session_state.get(F + name) or "").strip()


def _after_save(op: str, change: Change) -> None:
    """Empty the saved form; a new quote becomes a chosen source, ready for the fact it supports."""
    prefix = F + FORM_KEYS.get(op, op + ".")
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]
    quotes = [rc.id for rc in change.rows if rc.table == "sources" and rc.before is None]
    if quotes:
        st.session_state[F + "sources"] = [*(st.session_state.get(F + "sources") or []), *quotes]


def outcome(folder: Path, lang: str) -> None:
    """What the last save did: saved (with its id), refused (per field), busy, or stale (what changed, and the offer)."""
    kind, info = st.session_state.get(OUTCOME) or ("", {})
    if kind == "saved":
        st.success(t("app.edit.saved", lang, change=info["change"], notes=info["notes"]), icon="✅")
    elif kind == "undone":
        st.success(t("edit.undone", lang, change=info["change"], saved=info["saved"]), icon="↩️")
    elif kind == "refused":
        _refused(info["problems"], lang)
    elif kind == "busy":
        st.warning(t("app.edit.busy", lang), icon="⏳")
    elif kind == "stale":
        _stale(folder, info, lang)


def _stale(folder: Path, info: dict, lang: str) -> None:
    same = [f"{table}:{row}" for table, row in info["mine"] if any(m.get("table") == table and m.get("row") == row for m in info["meanwhile"])]
    st.warning(t("app.edit.stale", lang, count=len({m.get("change") for m in info["meanwhile"]})), icon="⚠️")
    if info["meanwhile"]:
        cols = ("change", "when", "who", "table", "row", "action")
        st.dataframe(pd.DataFrame([[m.get(c, "") for c in cols] for m in info["meanwhile"]],
                                  columns=[t(f"app.edit.col.{c}", lang) for c in cols]), hide_index=True, width="stretch")
    if same or info["rows"]:
        st.warning(plain(t("app.edit.stale_same", lang, rows=", ".join(sorted({*same, *(f"{a}:{b}" for a, b in info['rows'])})))), icon="⚠️")
    st.button(t("app.edit.save_again", lang), key=S + "again", on_click=save_pending, args=(str(folder), lang, info["op"], True))
