"""Redigera's "Läs in dokument" tab: a document uploaded, its proposals highlighted in the text, ticked, previewed and saved.

Upload a status report, minutes or an application (``.txt``, ``.md``, ``.docx``, ``.pdf``):
the document is shown block by block with each proposal's quote marked and numbered;
beside it one box per proposal, ticked by default when the reading is at least
:data:`~lsgmap.intake.DEFAULT_CONFIDENCE` sure (the readings below it rest on an
inference: "insatsen" read as the project named before it, "samtliga LSG" as the
principals, an LSG's municipalities read from its name). The ticked proposals, the
document and its quotes are one change, previewed as every edit is and saved with the
page's save button. Everything is done by :mod:`lsgmap.intake`; this module lays out widgets.
"""

from __future__ import annotations

import streamlit as st

from lsgmap.app.edit_forms import F
from lsgmap.app.edit_save import BASE, PENDING, save_pending, show_preview
from lsgmap.app.text import plain
from lsgmap.dataset.load import load
from lsgmap.dates import day_to_iso, parse_span
from lsgmap.edit import Dataset, EditRefused
from lsgmap.errors import InputError
from lsgmap.i18n import t
from lsgmap.intake import DEFAULT_CONFIDENCE, read
from lsgmap.intake.accept import accepted_change
from lsgmap.intake.document import FORMATS, fold
from lsgmap.intake.text import period_words, proposal_text

KEY = F + "intake."


def _marked(text: str, quotes: list[tuple[str, str]]) -> str:
    """``text`` for Markdown with each quote in it on an orange background and its proposal ids after it; all data text escaped."""
    spans = []
    for quote, ids in quotes:
        at = text.find(quote)
        if at < 0 and len(text) >= 8 and text in quote:  # a quote over several blocks (a signature): each of its blocks
            at, quote = 0, text
        if at >= 0 and not any(a < at + len(quote) and at < b for a, b, _ in spans):
            spans.append((at, at + len(quote), ids))
    out, pos = [], 0
    for a, b, ids in sorted(spans):
        out += [plain(text[pos:a]), f":orange-background[{plain(text[a:b])}] **{plain(ids)}**"]
        pos = b
    out.append(plain(text[pos:]))
    return "".join(out)


def intake_tab(ds: Dataset, lang: str) -> None:
    """Upload, the marked document, the boxes, the preview and the save button."""
    st.caption(t("app.intake.help", lang))
    upload = st.file_uploader(t("app.intake.upload", lang), type=[f.lstrip(".") for f in FORMATS], key="edit.intake.upload")
    if upload is None:
        return
    structure = load(ds.folder)
    try:
        result = read(structure, upload.name, upload.getvalue())
    except InputError as exc:
        st.error(plain(exc.render(lang)), icon="⛔")
        return
    st.markdown(f"**{plain(result.title)}**")
    st.caption(plain(t("intake.kind_period", lang, kind=t(f"intake.kind.{result.kind}", lang), period=period_words(result.period, lang))))
    by_quote: dict[str, list[str]] = {}
    for p in result.proposals:
        by_quote.setdefault(fold(p.quote), []).append(p.id)
    quotes = [(q, ", ".join(ids)) for q, ids in by_quote.items()]
    text_col, box_col = st.columns([3, 2])
    with text_col, st.container(height=520):
        for b in result.document.blocks:
            st.markdown(("• " if b.bullet else "") + _marked(b.text, quotes))
    chosen = []
    with box_col, st.container(height=520):
        st.caption(t("app.intake.boxes", lang, count=len(result.proposals), confidence=f"{DEFAULT_CONFIDENCE:.2f}"))
        for p in result.proposals:
            if st.checkbox(plain(proposal_text(structure, result, p, lang)), value=p.confidence >= DEFAULT_CONFIDENCE, key=f"{KEY}{result.document.sha256[:8]}.{p.id}"):
                chosen.append(p)
    change, ok = None, False
    if chosen:
        try:
            accepted = accepted_change(ds, result, chosen, lang=lang)
        except EditRefused as refused:
            st.error(plain(refused.render(lang)), icon="⛔")
            accepted = None
        if accepted is not None:
            for pid, reason in accepted.skipped:
                st.warning(plain(t("intake.skipped", lang, id=pid, reason=reason)))
            change = accepted.change
            p = show_preview(ds, change, lang)
            ok = p is not None and p.ok
            if ok and result.period:
                _period_summary(structure, p.structure, result.period, lang)
    else:
        st.info(t("app.intake.none_chosen", lang))
    st.session_state[PENDING + ".intake"] = change  # its own: the Ändra tab's save button keeps its own pending change
    st.button(t("app.edit.save", lang), type="primary", disabled=not (change and ok), key="edit.intake.save",
              on_click=_save, args=(str(ds.folder), lang, t("intake.why_default", lang, file=upload.name)))


def _period_summary(before, after, period: str, lang: str) -> None:
    """How many facts a source speaks for in the middle of the document's period, before and after the change."""
    span = parse_span(period)
    middle = (span.first_day().toordinal() + span.last_day().toordinal()) // 2
    counts = [sum(len(ids) for ids in s.attested_on(middle)) for s in (before, after)]
    st.caption(plain(t("app.intake.attested", lang, date=day_to_iso(middle), before=counts[0], after=counts[1])))


def _save(folder: str, lang: str, why: str) -> None:
    st.session_state[PENDING] = st.session_state.get(PENDING + ".intake")
    st.session_state.setdefault(BASE, Dataset(folder).version)
    save_pending(folder, lang, "intake", False, why)
