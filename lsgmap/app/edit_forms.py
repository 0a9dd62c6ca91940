"""The forms of the Redigera page: each turns what was typed into a :class:`lsgmap.edit.Change` (or None while incomplete).

Widgets only; the changes are built by :mod:`lsgmap.edit.operations` and
:mod:`lsgmap.edit.events`. Every field's key starts with :data:`F`, so what was
typed stays in the session while the user looks elsewhere (see
:func:`keep_typed`). A form that changes a row remembers the row as it was
shown (``seen``) and changes only the fields the user changed: a field changed
meanwhile by someone else is not silently set back.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from filelock import Timeout

from lsgmap.app.settings import editing_enabled
from lsgmap.app.text import plain
from lsgmap.dataset.load import default_data_path
from lsgmap.edit import Change, Dataset
from lsgmap.edit.events import record_event
from lsgmap.edit.operations import add_document, add_quote, add_row, change_row, combine, end_row, new_id
from lsgmap.i18n import t
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

F = "edit.f."
OPERATIONS = ("entity_add", "entity_change", "entity_end", "relation_add", "relation_change", "relation_end", "document", "event")
#: the start of the keys of each operation's fields (after :data:`F`): ``entity_add`` → ``entities_add.``
FORM_KEYS = {op: op.replace("entity_", "entities_").replace("relation_", "relations_") + "." for op in OPERATIONS}
#: the fields of each table's form, a tuple per line
LAYOUT = {
    "entities": (("kind", "short_name"), ("name_sv", "name_en"), ("valid_from", "valid_to"), ("aliases",), ("note",)),
    "relations": (("from_id", "relation", "to_id"), ("valid_from", "valid_to"), ("note",)),
}
FIELDS = {table: tuple(c for line in lines for c in line) for table, lines in LAYOUT.items()}
DOCUMENT_KINDS = ("public", "seed")


def keep_typed() -> None:
    """Keep every form field in the session even when its form is not shown (Streamlit drops unshown widgets' values)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(F)]:
        st.session_state[key] = st.session_state[key]


def value(key: str) -> str:
    """The text in field ``key`` (stripped; "" when empty)."""
    v = st.session_state.get(F + key)
    return str(v).strip() if v is not None else ""


class Names:
    """Entities and relations of a dataset as people read them: "LSG Trosa (LSG, lsg_trosa)"."""

    def __init__(self, ds: Dataset, lang: str):
        self.lang = lang
        self.entities = {r["id"]: r for r in ds.rows("entities")}
        self.relations = {r["id"]: r for r in ds.rows("relations")}
        self.sources = {r["id"]: r for r in ds.rows("sources")}
        self.documents = {r["id"]: r for r in ds.rows("documents")}

    def name(self, entity_id: str) -> str:
        row = self.entities.get(entity_id) or {}
        return (row.get("name_en") if self.lang == "en" else "") or row.get("name_sv") or entity_id

    def entity(self, entity_id: str) -> str:
        kind = ENTITY_KINDS.get((self.entities.get(entity_id) or {}).get("kind", ""))
        return f"{self.name(entity_id)} ({kind.label(self.lang) + ', ' if kind else ''}{entity_id})"

    def relation(self, rid: str) -> str:
        r = self.relations.get(rid) or {}
        kind = RELATION_KINDS.get(r.get("relation", ""))
        span = f"{r.get('valid_from') or '…'}–{r.get('valid_to') or ''}"
        return f"{self.name(r.get('from_id', ''))} {kind.verb(self.lang) if kind else r.get('relation', '')} {self.name(r.get('to_id', ''))} ({rid}, {span})"

    def source(self, sid: str) -> str:
        s = self.sources.get(sid) or {}
        title = (self.documents.get(s.get("document", "")) or {}).get("title", s.get("document", ""))
        quote = s.get("quote", "")
        return f"{sid}: {quote[:70] + ('…' if len(quote) > 70 else '')} ({title[:40]})"

    def by_name(self, ids) -> list[str]:
        return sorted(ids, key=lambda i: self.name(i).casefold())


def only_known(key: str, options, *, many: bool = False) -> None:
    """Drop from field ``key`` what is no longer among ``options`` (a row undone or renamed meanwhile)."""
    known = set(options)
    current = st.session_state.get(F + key)
    if many and current:
        st.session_state[F + key] = [v for v in current if v in known]
    elif not many and current is not None and current not in known:
        st.session_state[F + key] = None


def _text(label: str, key: str, lang: str, *, date: bool = False, area: bool = False) -> str:
    widget = st.text_area if area else st.text_input
    kw = {"placeholder": t("app.edit.date_placeholder", lang)} if date else {}
    widget(t(f"app.edit.field.{label}", lang), key=F + key, **kw)
    return value(key)


def _choice(label: str, key: str, options: list[str], lang: str, shown: Callable[[str], str], *, on_change=None, args=()) -> str:
    only_known(key, options)
    st.selectbox(t(f"app.edit.field.{label}", lang), options, index=None, key=F + key, format_func=shown,
                 placeholder=t("app.choose_one", lang), on_change=on_change, args=args)
    return value(key)


def _kinds(vocab: dict, current: str = "") -> list[str]:
    return list(vocab) + ([current] if current and current not in vocab else [])


def _label(vocab: dict, lang: str) -> Callable[[str], str]:
    def shown(k: str) -> str:
        item = vocab.get(k)
        return f"{item.label(lang) if hasattr(item, 'label') else item.verb(lang)} ({k})" if item else k

    return shown


def sources_picker(names: Names, lang: str) -> list[str]:
    """The sources every change names (at least one): quotes from documents, newest documents first."""
    only_known("sources", names.sources, many=True)
    st.multiselect(t("app.edit.sources", lang), list(names.sources), key=F + "sources", format_func=names.source,
                   placeholder=t("app.edit.choose_sources", lang), help=t("app.edit.sources_help", lang))
    return list(st.session_state.get(F + "sources") or [])


# -- the forms ----------------------------------------------------------------------------------------------------
def _row_fields(table: str, op: str, names: Names, lang: str) -> dict[str, str]:
    """The table's fields, laid out as :data:`LAYOUT` says."""
    out: dict[str, str] = {}
    for line in LAYOUT[table]:
        for column, c in zip(st.columns(len(line)) if len(line) > 1 else [st.container()], line, strict=True):
            with column:
                out[c] = _field(c, f"{op}.{c}", names, lang)
    return out


def _field(c: str, key: str, names: Names, lang: str) -> str:
    if c == "kind":
        return _choice(c, key, _kinds(ENTITY_KINDS, value(key)), lang, _label(ENTITY_KINDS, lang))
    if c == "relation":
        return _choice(c, key, _kinds(RELATION_KINDS, value(key)), lang, _label(RELATION_KINDS, lang))
    if c in ("from_id", "to_id"):
        return _choice(c, key, names.by_name(names.entities), lang, names.entity)
    return _text(c, key, lang, date=c.startswith("valid_"), area=c == "note")


def add_form(table: str):
    def form(ds: Dataset, names: Names, lang: str, sources: list[str]) -> Change | None:
        values = _row_fields(table, f"{table}_add", names, lang)
        needed = ("kind", "name_sv") if table == "entities" else ("from_id", "relation", "to_id")
        if not all(values[c] for c in needed):
            return None
        return add_row(ds, table, values, sources=sources)

    return form


def _prefill(folder: str, table: str, op: str) -> None:
    """Fill a change form with the chosen row as it is now, and remember it as seen."""
    row_id = st.session_state.get(F + op + ".row")
    row = (Dataset(folder).row(table, row_id) if row_id else None) or {}
    for c in FIELDS[table]:
        st.session_state[F + f"{op}.{c}"] = row.get(c, "") or (None if c in ("kind", "relation", "from_id", "to_id") else "")
    st.session_state[F + op + ".seen"] = {"id": row_id or "", **{c: row.get(c, "") for c in FIELDS[table]}}


def _pick_row(table: str, op: str, ds: Dataset, names: Names, lang: str, *, prefill: bool) -> str:
    ids = names.by_name(names.entities) if table == "entities" else sorted(names.relations, key=names.relation)
    shown = names.entity if table == "entities" else names.relation
    kw = {"on_change": _prefill, "args": (str(ds.folder), table, op)} if prefill else {}
    return _choice("row_" + table, op + ".row", ids, lang, shown, **kw)


def change_form(table: str):
    def form(ds: Dataset, names: Names, lang: str, sources: list[str]) -> Change | None:
        op = f"{table}_change"
        row_id = _pick_row(table, op, ds, names, lang, prefill=True)
        seen = st.session_state.get(F + op + ".seen") or {}
        if not row_id:
            return None
        if seen.get("id") != row_id:  # chosen through the URL or restored: show the row as it is now
            _prefill(str(ds.folder), table, op)
            st.rerun()
        values = _row_fields(table, op, names, lang)
        updates = {c: v for c, v in values.items() if v != (seen.get(c) or "")}
        now = ds.row(table, row_id) or {}
        meanwhile = [c for c in updates if (now.get(c) or "") != (seen.get(c) or "")]
        if meanwhile:
            st.warning(plain(t("app.edit.changed_meanwhile", lang, fields=", ".join(meanwhile))), icon="⚠️")
        return change_row(ds, table, row_id, updates, sources=sources) if updates else None

    return form


def end_form(table: str):
    def form(ds: Dataset, names: Names, lang: str, sources: list[str]) -> Change | None:
        op = f"{table}_end"
        row_id = _pick_row(table, op, ds, names, lang, prefill=False)
        day = _text("last_day", op + ".day", lang, date=True)
        return end_row(ds, table, row_id, day, sources=sources) if row_id and day else None

    return form


def document_form(ds: Dataset, names: Names, lang: str, sources: list[str]) -> Change | None:
    """A document and a quote from it (its id is then a source to choose in other changes)."""
    st.caption(t("app.edit.document_help", lang))
    title = _text("title", "document.title", lang)
    left, right = st.columns(2)
    with left:
        kind = _choice("document_kind", "document.kind", list(DOCUMENT_KINDS), lang, lambda k: t(f"app.edit.document_kind.{k}", lang))
        day = _text("date", "document.date", lang, date=True)
    with right:
        period = _text("period", "document.period", lang)
        locator = _text("locator", "document.locator", lang)
    quote = _text("quote", "document.quote", lang, area=True)
    if not (title and kind and quote):
        return None
    doc_id = new_id(ds, "documents", name=title[:40])
    doc = add_document(ds, {"id": doc_id, "title": title, "kind": kind, "date": day, "period": period})
    return combine(doc, add_quote(ds, doc_id, quote, locator=locator, period=period))


def event_form(ds: Dataset, names: Names, lang: str, sources: list[str]) -> Change | None:
    """An event; a merger or split adds its successor, ends its predecessors and proposes the relations they hand on."""
    left, right = st.columns(2)
    with left:
        kind = _choice("event_kind", "event.kind", list(EVENT_KINDS), lang, _label(EVENT_KINDS, lang))
    with right:
        day = _text("event_date", "event.date", lang, date=True)
    left, right = st.columns(2)
    with left:
        name_sv = _text("name_sv", "event.name_sv", lang)
    with right:
        name_en = _text("name_en", "event.name_en", lang)
    decided = _text("decided", "event.decided", lang)
    ids = names.by_name(names.entities)
    only_known("event.originals", ids, many=True)
    only_known("event.results", ids, many=True)
    st.multiselect(t("app.edit.field.originals", lang), ids, key=F + "event.originals", format_func=names.entity, placeholder=t("app.choose_one", lang))
    st.multiselect(t("app.edit.field.results", lang), ids, key=F + "event.results", format_func=names.entity, placeholder=t("app.choose_one", lang))
    new = st.checkbox(t("app.edit.field.new_successor", lang), key=F + "event.new")
    successor = []
    if new:
        c1, c2, c3 = st.columns(3)
        with c1:
            s_kind = _choice("kind", "event.s_kind", list(ENTITY_KINDS), lang, _label(ENTITY_KINDS, lang))
        with c2:
            s_sv = _text("name_sv", "event.s_name_sv", lang)
        with c3:
            s_en = _text("name_en", "event.s_name_en", lang)
        if s_kind and s_sv:
            successor = [{"kind": s_kind, "name_sv": s_sv, "name_en": s_en}]
    note = _text("note", "event.note", lang, area=True)
    if not (kind and day):
        return None
    draft = record_event(ds, kind, day, originals=list(st.session_state.get(F + "event.originals") or []),
                         results=list(st.session_state.get(F + "event.results") or []), new_entities=successor,
                         name_sv=name_sv, name_en=name_en, decided=decided, note=note, sources=sources)
    return draft.accept(_proposals(draft.proposals, names, lang))


def _proposals(proposals, names: Names, lang: str) -> list[str]:
    """A checkbox per proposed relation (ticked): the user drops what the successor does not take over."""
    if not proposals:
        return []
    st.markdown(f"**{t('app.edit.proposals', lang)}**")
    st.caption(t("app.edit.proposals_help", lang))
    chosen = []
    for p in proposals:
        frm, rel, to = p.key.split("|")
        kind = RELATION_KINDS.get(rel)
        text = f"{names.name(frm) if frm in names.entities else frm} {kind.verb(lang) if kind else rel} {names.name(to) if to in names.entities else to}"
        label = t("app.edit.proposal", lang, relation=text, rows=", ".join(p.from_rows))
        st.session_state.setdefault(F + "event.prop." + p.key, True)
        if st.checkbox(plain(label), key=F + "event.prop." + p.key):
            chosen.append(p.key)
    return chosen


FORMS: dict[str, Callable[..., Change | None]] = {
    "entity_add": add_form("entities"),
    "entity_change": change_form("entities"),
    "entity_end": end_form("entities"),
    "relation_add": add_form("relations"),
    "relation_change": change_form("relations"),
    "relation_end": end_form("relations"),
    "document": document_form,
    "event": event_form,
}


def open_for_editing(lang: str, title_key: str):
    """The title, then the dataset opened for editing; None (said on the page) when editing is off or the folder cannot be opened.

    Redigera and Scenarier open the same way: this is that one way.
    """
    st.title(t(title_key, lang))
    if not editing_enabled():
        st.info(t("app.edit.off", lang), icon="🔒")
        return None
    folder = default_data_path()
    try:
        ds = Dataset(folder)
    except (OSError, Timeout) as exc:
        st.error(plain(t("app.edit.cannot_open", lang, path=str(folder), reason=str(exc))))
        return None
    keep_typed()
    return ds
