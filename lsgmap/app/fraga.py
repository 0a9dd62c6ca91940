"""Fråga: ask who steers, owns, funds or commissions what; see the answers, their sources and the chain."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from lsgmap.app import common
from lsgmap.app.answer_groups import given_by, group_answers, item_line
from lsgmap.app.downloads import map_downloads
from lsgmap.app.live_map import live_map
from lsgmap.app.text import plain
from lsgmap.ask.answer import MAX_QUESTION_CHARS, ask
from lsgmap.ask.english import Quote, translate
from lsgmap.ask.text import answer_notes
from lsgmap.draw.elements import elements
from lsgmap.draw.export import answer_text
from lsgmap.draw.view import View
from lsgmap.i18n import UI, t
from lsgmap.model.names import suggest
from lsgmap.vocab import ASKABLE_RELATIONS, RELATION_KINDS, RESPONSIBLE_RELATIONS

P = "fraga."  # session-state key prefix of this page
#: Constant CSS only: the "Visa i dag" link-like button takes one line (as on Karta)
_TODAY_CSS = '[data-testid="stMain"] button[kind="tertiary"] { min-height: 1.5rem; padding-top: 0; padding-bottom: 0; }'
#: the answer's map: its height (CSS px), and the frame it is laid out for (its column on a 1366×768 screen, menu folded)
MAP_HEIGHT = 600
FRAME = (716.0, 600.0)

#: Relations offered in the picker, then the two question kinds that are not one relation.
PICKER_RELATIONS = [*ASKABLE_RELATIONS, "responsible", "chain"]


def _default_pick(structure, ids: list[str]) -> int:
    """The picker's first entity: the one with the most owners and steering groups (a project people ask about)."""
    counts = [sum(r.relation in RESPONSIBLE_RELATIONS for r in structure.incoming(i)) for i in ids]
    return counts.index(max(counts)) if counts else 0


def picker_question(structure, relation: str, entity_id: str, lang: str) -> str:
    """A question in words from the picker's choices (the same text a user could type)."""
    name = structure.entities[entity_id].short_name or structure.name(entity_id, lang)
    if relation == "responsible":
        return t("app.ask.q_responsible", lang, name=name)
    if relation == "chain":
        return t("app.ask.q_chain", lang, name=name)
    return t("app.ask.q_relation", lang, verb=RELATION_KINDS[relation].verb(lang), name=name)


def replace_closest_word(question: str, replacement: str) -> str:
    """Put ``replacement`` in place of the word of ``question`` that looks most like it.

    >>> replace_closest_word("Vem styr Tunna?", "TUNA")
    'Vem styr TUNA?'
    """
    from rapidfuzz import fuzz

    words = re.findall(r"[\wÅÄÖåäö-]+", question)
    if not words:
        return replacement
    best = max(words, key=lambda w: fuzz.ratio(w.casefold(), replacement.casefold()))
    return re.sub(rf"\b{re.escape(best)}\b", replacement, question, count=1)


def _set_question(text: str) -> None:
    st.session_state[P + "q"] = text


def _ask_picked(structure, lang: str) -> None:
    """Button callback: the picker's current choices (read at click time) become the question."""
    _set_question(picker_question(structure, st.session_state[P + "pick_rel"], st.session_state[P + "pick_entity"], lang))



def render() -> None:
    """Draw the Fråga page."""
    st.set_page_config(initial_sidebar_state="collapsed")  # the answer's map takes the width (» opens the menu), as on Karta
    lang = common.current_lang()
    data = common.loaded()
    st.header(t("app.ask.title", lang))
    if data is None:
        return
    s = data.structure
    first, last, default = common.default_day(s)
    common.init_state(P + "q", "q", str, "")
    common.init_state(P + "on", "on", common.parse_date_in(first, last), default, shown=date.isoformat)

    with st.sidebar:
        hide = st.toggle(t("app.hide_persons", lang), value=bool(st.session_state.get(P + "hide", False)), key=P + "hide")

    common.compact_page("fraga", _TODAY_CSS)  # the question and the answer's first line on a 1366×768 screen
    ask_col, on_col = st.columns([4, 1], vertical_alignment="bottom")
    ask_col.text_input(t("app.ask.question", lang), key=P + "q", placeholder=t("app.ask.placeholder", lang))
    common.date_box(t("app.ask.on", lang), P + "on", first, last, lang, help=t("app.ask.on_help", lang), where=on_col)
    common.date_box_notice(P + "on", lang)
    common.default_note(s, st.session_state[P + "on"], P + "on", lang, compact=True)
    _answer_part(s, data, lang, hide, default)
    _examples(s, lang)  # under the answer (with no question, right under the box)


def _examples(s, lang: str) -> None:
    """The example questions as buttons, and the picker (choose instead of typing)."""
    st.caption(t("app.ask.examples", lang))
    examples = t("app.ask.example_list", lang).split("|")
    cols = st.columns(len(examples))
    for i, (col, example) in enumerate(zip(cols, examples, strict=True)):
        col.button(example, key=f"{P}example{i}", on_click=_set_question, args=(example,), width="stretch")

    with st.expander(t("app.ask.picker", lang)):
        ids = sorted(s.entities, key=lambda i: s.name(i, lang).casefold())
        c1, c2 = st.columns(2)
        c1.selectbox(
            t("app.ask.pick_relation", lang), PICKER_RELATIONS, key=P + "pick_rel",
            format_func=lambda k: t(f"app.ask.rel.{k}", lang) if k in ("responsible", "chain") else RELATION_KINDS[k].inverse(lang),
            placeholder=t("app.choose_one", lang),
        )
        c2.selectbox(t("app.ask.pick_entity", lang), ids, key=P + "pick_entity", format_func=lambda i: s.name(i, lang),
                     index=_default_pick(s, ids), placeholder=t("app.choose_one", lang))
        st.button(t("app.ask.pick_ask", lang), key=P + "pick_go", on_click=_ask_picked, args=(s, lang))



def _answer_part(s, data, lang: str, hide: bool, default: date) -> None:
    """The question's answer: how it was read, the answers grouped (attested first), the chain's map, the text."""
    question = st.session_state[P + "q"].strip()
    on: date = st.session_state[P + "on"]
    # a question over the limit goes into the URL cut just past it: a link to it then shows the too-long message below,
    # where the whole text in the URL would be refused by the server (HTTP 400 from about 100 000 characters)
    common.set_params("fraga", {"q": question[: MAX_QUESTION_CHARS + 1] or None, "on": on.isoformat()})
    if not question:
        st.info(t("app.ask.empty", lang))
        return

    # the box on the dataset's default day: the question names no date, as on the command line
    answer = ask(s, question, on=None if on == default else on, lang=lang)
    if answer.also:  # two questions in one: each part's answer in a line, first
        st.text(answer.text(lang).split("\n\n", 1)[0])
    st.markdown(f"**{plain(t('app.ask.interpretation', lang))}:** {plain(answer.interpretation.text(lang))}")
    if not answer.understood:
        st.warning(plain(answer.message_text(lang)))
        _readings_and_passages(answer, lang)
        suggestions = suggest(s, question) if len(question) <= MAX_QUESTION_CHARS and not answer.alternatives else []
        if suggestions:
            st.caption(t("app.ask.did_you_mean", lang))
            cols = st.columns(len(suggestions))
            for col, eid in zip(cols, suggestions, strict=True):
                e = s.entities[eid]
                name = e.short_name or e.name(lang)
                col.button(plain(e.name(lang)), key=f"{P}suggest_{eid}", on_click=_set_question, args=(replace_closest_word(question, name),))
        return
    if answer.notice is not None:
        st.info(plain(answer.message_text(lang)))
    attested = plain(answer.attestation_text(lang))
    if attested and answer.date_asked:
        st.warning(attested)
    if answer.interpretation.verdict and answer.interpretation.lead_text(lang):
        st.markdown(f"**{plain(answer.interpretation.lead_text(lang))}**")  # Ja / Nej / the count: the answer itself, first

    nodes_hl, edges_hl = answer.highlight()
    left, right = st.columns([2, 3])
    with left:
        _answers(s, answer, lang)  # attested first, then valid but unattested, then what the sources disagree on
        if attested and not answer.date_asked:  # no date asked: when a source speaks for the answers
            st.caption(attested)
        for part in answer.also:  # the second question, whole, as text
            st.markdown(f"**{plain(t('ask.also', lang, question=part.question))}**")
            st.text(part.text(lang, quotes=False))
        _readings_and_passages(answer, lang)
    view = View(
        on=answer.on, lang=lang, hide_persons=hide, highlight=[a.id for a in answer.answers],
        strong_nodes=nodes_hl, strong_edges=edges_hl, title=f"{question} ({answer.on.isoformat()})",
    )
    ids = answer_ids(s, answer)
    positions, bounds = common.laid_out_alone(s, ids, frame=FRAME) if ids else (data.positions, None)
    els = elements(s, replace(view, nodes=ids) if ids else view, positions)  # the answer's part laid out alone
    with right:
        st.caption(plain(t("app.ask.chain_caption", lang, nodes=len(nodes_hl), edges=len(edges_hl), date=answer.on.isoformat())))
        live_map(els, key=P + "map", height=MAP_HEIGHT, bounds=bounds)

    text = answer_text(answer, s, lang=lang)
    with st.expander(t("app.ask.as_text", lang)):
        st.code(text, language=None)
    stem = f"lsgmap-fraga-{answer.on.isoformat()}"
    st.download_button(t("app.download_text", lang), text.encode("utf-8"), f"{stem}.txt", "text/plain", key=P + "dl_txt", on_click="ignore")
    map_downloads(els, key=P, stem=stem)  # the same elements as the map above


def _readings_and_passages(answer, lang: str) -> None:
    """The readings the reader is sure of, as buttons that ask them, then what the documents say (quoted, as text)."""
    if answer.alternatives:
        st.caption(t("ask.did_you_mean_header", lang))
        cols = st.columns(len(answer.alternatives))
        for i, (col, alt) in enumerate(zip(cols, answer.alternatives, strict=True)):
            col.button(plain(alt.query), key=f"{P}reading{i}", on_click=_set_question, args=(alt.query,), width="stretch")
    if answer.passages:
        st.caption(t("ask.passages_header", lang))
        for p in answer.passages:  # in English, the documents' English copy first
            quote = Quote(p.text, translate(answer.structure, p.document, p.text) if lang == "en" else "").render(lang)
            st.caption(plain(f"{quote} [{p.title.split(',')[0]}, {t('ask.line', lang)} {p.line}]"))


def answer_ids(s, answer) -> frozenset[str]:
    """What the answer's map draws: the chain (the entities asked about, the answers and the paths between) and the
    neighbours, on the answer's day, of the entities asked about and of the answers.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> ids = answer_ids(s, ask(s, "Vem styr TUNA?", on="2016-12-01"))
    >>> {"tuna_nykoping_oxelosund", "lsg_nykoping", "rar"} <= ids, "kommun_eskilstuna" in ids
    (True, False)
    """
    nodes, _ = answer.highlight()
    core = set(answer.interpretation.entities) | {a.id for a in answer.answers}
    near = set()
    for r in s.snapshot(on=answer.on).relations():
        near.update((r.to_id,) if r.from_id in core else (r.from_id,) if r.to_id in core else ())
    return frozenset(i for i in nodes | near if i in s.entities)



def _answers(s, answer, lang: str) -> None:
    """The answers as a meeting reads them (:func:`lsgmap.app.answer_groups.group_answers`): each one line, its quotes
    and notes folded under it; then the recorded conflicts, folded; amounts and chains after."""
    if not answer.answers and answer.amounts is None and not answer.interpretation.verdict and not answer.passages:
        st.write(t("ask.no_answers", lang) if "ask.no_answers" in UI else "—")  # not under a verdict or quotes that answer
    groups = group_answers(answer)
    span = answer.interpretation.date.label()
    for heading, items in (("app.ask.group.attested", groups.attested), ("app.ask.group.unattested", groups.unattested)):
        if items:
            st.markdown(f"**{plain(t(heading, lang, span=span))}**")
        for a in items:
            with st.expander(plain(item_line(s, a, lang))):
                givers = given_by(s, a, lang)  # the fold opens with whom it is about (and, for an assignment, who gave it)
                st.markdown(f"**{plain(a.name(lang))}**" + (f" — {plain(givers)}" if givers else ""))
                lines = [f"{c.get('title', '')}: “{c.get('quote', '')}” [{c.get('id', '')}]" for c in a.sources]
                lines += answer_notes(a, lang)
                st.text("\n".join(lines) or t("ask.no_sources", lang))
    if groups.conflicts:
        with st.expander(plain(t("app.ask.group.conflicts", lang, count=len(groups.conflicts)))):
            st.text("\n".join(f"– {c['text']} [{c['id']}]" for c in groups.conflicts))
    if answer.amounts is not None:
        st.code("\n".join(answer.text(lang).splitlines()[1:]), language=None)
    if answer.paths:
        st.markdown(f"**{plain(t('app.ask.chains', lang, count=len(answer.paths)))}**")
        rows = [{t("app.ask.chain", lang): p.text(s, lang)} for p in answer.paths[:12]]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
