"""Scenarier: make a proposal from a form, see its consequences live, delete it, and adopt it ("Genomför") as a sourced, logged change.

Off unless editing is enabled (``lsgmap app --edit``), like Redigera. A proposal
lives in ``scenarios/<id>/`` (:mod:`lsgmap.scenario.store`) and never touches
the real tables; adopting it is a real edit, shown with Redigera's preview and
checks and saved by its save button, and refused without a source.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lsgmap.app import common
from lsgmap.app.edit_forms import F, Names, open_for_editing, sources_picker
from lsgmap.app.edit_save import BASE, PENDING, outcome, problems_table, save_pending, show_preview
from lsgmap.app.proposal import applied
from lsgmap.app.text import plain
from lsgmap.dataset.scenarios import OPERATIONS, Operation
from lsgmap.edit import Dataset, EditRefused
from lsgmap.errors import LsgmapError
from lsgmap.i18n import t
from lsgmap.scenario import add_operation, apply, consequences, delete_scenario, get_scenario, list_scenarios, new_scenario
from lsgmap.scenario.adopt import adoption
from lsgmap.scenario.present import operation_lines
from lsgmap.text import slug
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

P = "scen."
#: what each operation asks for: entities, relations, a new name, a kind (entity or relation), who takes over / the target
NEEDS = {
    "merge": ("entities", "name", "entity_kind"), "split": ("entities", "name", "entity_kind"), "rename": ("entities", "name"),
    "dissolve": ("entities",), "found": ("name", "entity_kind"), "end": ("entities", "relations"),
    "add": ("entities", "relation_kind", "to"), "transfer": ("relations", "to"),
}


def render() -> None:
    """Draw the Scenarier page."""
    lang = common.current_lang()
    ds = open_for_editing(lang, "scenario.app.title")
    if ds is None:
        return
    folder = ds.folder
    st.caption(t("scenario.app.help", lang))
    outcome(ds.folder, lang)
    message, error = st.session_state.pop(P + "message", None), st.session_state.pop(P + "error", None)
    if message:
        st.success(plain(message))
    if error:
        st.error(plain(error))
    found = list_scenarios(folder)
    ids = [s.id for s in found]
    titles = {s.id: s.title(lang) for s in found}
    new = "+"
    if P + "next" in st.session_state:
        st.session_state[P + "chosen"] = st.session_state.pop(P + "next")
    if st.session_state.get(P + "chosen") not in [new, *ids]:
        st.session_state[P + "chosen"] = ids[0] if ids else new
    chosen = st.selectbox(t("scenario.app.choose", lang), [*ids, new], key=P + "chosen",
                          format_func=lambda i: t("scenario.app.new", lang) if i == new else plain(f"{titles.get(i, i)} ({i})"))
    if chosen == new:
        _new_form(str(folder), lang)
        return
    data = common.loaded()
    if data is None:
        return
    names = Names(ds, lang)
    scenario = next(s for s in found if s.id == chosen)
    st.caption(plain(t("scenario.about", lang, by=scenario.by or "–", why=scenario.why or "–") + f" · {scenario.on_iso}"))
    proposal, why_not = applied(data.structure, chosen)
    st.subheader(t("scenario.operations", lang))
    if proposal is not None:
        st.text("\n".join(operation_lines(proposal, lang)) or t("scenario.app.no_operations", lang))
    else:
        st.error(plain(why_not))
    _operation_form(str(folder), chosen, names, lang)
    if proposal is not None:
        st.subheader(t("scenario.consequences", lang))
        found_c = consequences(data.structure, proposal)
        lines = [f"{c.params['entity'][lang]}: {c.text(lang)}" for c in found_c]
        st.text("\n".join(lines) if lines else t("scenario.no_consequences", lang))
        st.markdown(f"[{t('scenario.app.open_compare', lang)}](?page=jamfor&scenario={chosen})")
    with st.expander(t("scenario.app.delete", lang)):
        st.checkbox(t("scenario.app.delete_sure", lang), key=P + "sure")
        st.button(t("scenario.app.delete", lang), key=P + "delete", disabled=not st.session_state.get(P + "sure"),
                  on_click=_delete, args=(str(folder), chosen, lang))
    if proposal is not None and scenario.operations:
        _adopt(ds, scenario, names, lang)


def _new_form(folder: str, lang: str) -> None:
    with st.form(P + "new"):
        title = st.text_input(t("scenario.app.field.title", lang))
        on = st.text_input(t("scenario.app.field.on", lang), placeholder="YYYY-MM-DD")
        by = st.text_input(t("scenario.app.field.by", lang))
        why = st.text_area(t("scenario.app.field.why", lang))
        if st.form_submit_button(t("scenario.app.create", lang), type="primary"):
            try:
                s = new_scenario(folder, slug(title)[:60].strip("_-") or "forslag", title=title, on=on, by=by, why=why)
            except LsgmapError as exc:
                st.error(plain(exc.render(lang)))
                return
            st.session_state[P + "next"] = s.id  # chosen on the next run, before the choice is drawn
            st.session_state[P + "message"] = t("scenario.cli.created", lang, id=s.id, folder=s.folder)
            st.rerun()


def _operation_form(folder: str, scenario_id: str, names: Names, lang: str) -> None:
    """Add one operation: pick the operation, then the entities by name, the relations, the new name, the kind, who takes over."""
    with st.expander(t("scenario.app.add", lang), expanded=False):
        op = st.selectbox(t("scenario.app.field.operation", lang), OPERATIONS, key=P + "op", format_func=lambda k: t(f"scenario.op.{k}", lang))
        needs = NEEDS[op]
        values = {"entities": [], "relations": [], "name": "", "kind": "", "to": ""}
        if "entities" in needs:
            values["entities"] = st.multiselect(t("scenario.app.field.entities", lang), names.by_name(names.entities), key=P + "entities",
                                                format_func=names.entity)
        if "relations" in needs:
            values["relations"] = st.multiselect(t("scenario.app.field.relations", lang), list(names.relations), key=P + "relations",
                                                 format_func=names.relation)
        if "name" in needs:
            values["name"] = st.text_input(t("scenario.app.field.name", lang), key=P + "name")
        if "entity_kind" in needs:
            values["kind"] = st.selectbox(t("scenario.app.field.kind", lang), ["", *ENTITY_KINDS], key=P + "kind",
                                          format_func=lambda k: ENTITY_KINDS[k].label(lang) if k else t("scenario.app.same_kind", lang))
        if "relation_kind" in needs:
            values["kind"] = st.selectbox(t("scenario.app.field.relation", lang), list(RELATION_KINDS), key=P + "rkind",
                                          format_func=lambda k: RELATION_KINDS[k].label(lang))
        if "to" in needs:
            values["to"] = st.selectbox(t("scenario.app.field.to", lang), names.by_name(names.entities), index=None, key=P + "to",
                                        format_func=names.entity, placeholder=t("app.choose_one", lang)) or ""
        st.button(t("scenario.app.add_button", lang), key=P + "add", on_click=_add, args=(folder, scenario_id, op, values, lang))


def _add(folder: str, scenario_id: str, op: str, values: dict, lang: str) -> None:
    """Keep the operation only if the proposal with it can still be applied (as ``lsgmap scenario add``)."""
    targets = [*values["entities"], *values["relations"]]
    data = common.loaded()
    try:
        scenario = get_scenario(folder, scenario_id)
        trial = Operation(len(scenario.operations) + 1, op, tuple(targets), values["name"], values["kind"], values["to"])
        if data is not None:
            apply(data.structure, replace(scenario, operations=(*scenario.operations, trial)))
        add_operation(folder, scenario_id, op, targets, name_sv=values["name"], kind=values["kind"], to=values["to"])
    except LsgmapError as exc:
        st.session_state[P + "error"] = exc.render(lang)
        return
    st.session_state[P + "message"] = t("scenario.cli.added", lang, id=scenario_id, count=len(scenario.operations) + 1)
    for key in ("entities", "relations", "name", "to"):
        st.session_state.pop(P + key, None)


def _delete(folder: str, scenario_id: str, lang: str) -> None:
    delete_scenario(folder, scenario_id)
    st.session_state.pop(P + "chosen", None)
    st.session_state[P + "sure"] = False
    st.session_state[P + "message"] = t("scenario.cli.deleted", lang, id=scenario_id)


def _adopt(ds: Dataset, scenario, names: Names, lang: str) -> None:
    """"Genomför": the proposal as real changes, naming the decision's sources, previewed and checked, saved and logged."""
    st.subheader(t("scenario.app.adopt", lang))
    st.caption(t("scenario.app.adopt_help", lang))
    st.session_state.setdefault(BASE, ds.version)
    who, why = st.columns(2)
    who.text_input(t("app.edit.who", lang), key=F + "who", placeholder=t("app.edit.who_placeholder", lang))
    why.text_input(t("app.edit.why", lang), key=F + "why", placeholder=t("scenario.app.why_adopt", lang, title=scenario.title(lang)))
    sources = sources_picker(names, lang)
    change, ok = None, False
    try:
        change = adoption(ds, scenario, sources=sources)
    except EditRefused as refused:
        st.error(t("edit.refused", lang, count=len(refused.problems)), icon="⛔")
        st.dataframe(problems_table(refused.problems, lang), hide_index=True, width="stretch")
    if change:
        p = show_preview(ds, change, lang)
        ok = p is not None and p.ok
    st.session_state[PENDING] = change  # saved by Redigera's own save: checked, atomic, logged, refused when stale
    st.button(t("scenario.app.adopt_button", lang), type="primary", disabled=not (change and ok), key=P + "adopt",
              on_click=save_pending, args=(str(ds.folder), lang, "scenario", False, t("scenario.app.why_adopt", lang, title=scenario.title(lang))))
