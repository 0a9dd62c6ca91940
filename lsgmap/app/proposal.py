"""Jämför's proposal side: "I dag" beside "FÖRSLAG: …" on one layout, with the consequences beside them.

The proposal is applied once per dataset version and proposal files
(:func:`applied`, cached) and never written. Text from the data and the
proposal is shown as text (:func:`lsgmap.app.text.plain`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import streamlit as st

from lsgmap.app import common
from lsgmap.app.downloads import image_button
from lsgmap.app.live_map import live_map
from lsgmap.app.text import plain
from lsgmap.app.viewport import space_below
from lsgmap.dataset.scenarios import SCENARIO_FOLDER
from lsgmap.draw.elements import elements, legend_of
from lsgmap.draw.html import legend_html
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.slides import MIME as PPTX
from lsgmap.errors import LsgmapError
from lsgmap.i18n import t
from lsgmap.model.structure import Structure
from lsgmap.scenario import apply, consequences, list_scenarios
from lsgmap.scenario.compare import scenario_diff, scenario_views
from lsgmap.scenario.present import operation_lines, scenario_html, scenario_image, scenario_slides, summary_markdown

__all__ = ["applied", "scenario_ids", "render", "render_two", "stamp"]

P = "jamfor.scenario."
FONT_SIZE = 18
#: one of the three columns on a 1366×768 screen (CSS px): the aspect the changed part is laid out for
FRAME = (430.0, 420.0)


def stamp(folder: Path) -> str:
    """Names, sizes and change times of the proposal files: a cache key that changes when one does."""
    base = Path(folder) / SCENARIO_FOLDER
    if not base.is_dir():
        return ""
    parts = []
    for p in sorted(base.rglob("*.csv")):
        try:
            st_ = p.stat()
        except OSError:
            continue
        parts.append(f"{p.relative_to(base)}:{st_.st_size}:{st_.st_mtime_ns}")
    return "|".join(parts)


@st.cache_resource(show_spinner=False, max_entries=16)
def _applied(version: str, scenario_id: str, stamp_: str, _real: Structure) -> tuple[Structure | None, str, str]:
    """(the applied proposal or None, the Swedish and English reasons it could not be applied)."""
    try:
        return apply(_real, scenario_id), "", ""
    except LsgmapError as exc:
        return None, exc.render("sv"), exc.render("en")


def applied(real: Structure, scenario_id: str) -> tuple[Structure | None, str]:
    """The proposal applied to ``real`` (cached), or None and why not, in the current language."""
    proposal, sv, en = _applied(real.version, scenario_id, stamp(Path(real.path)), real)
    return proposal, (en if common.current_lang() == "en" else sv)


@st.cache_resource(show_spinner=False, max_entries=8)
def _positions(version: str, _proposal: Structure) -> dict:
    """The whole proposal's layout (it holds every real entity too), cached by its version."""
    return layered_positions(_proposal)


def scenario_ids(real: Structure) -> list[str]:
    """The ids of the dataset's proposals."""
    return [s.id for s in list_scenarios(real.path)]


def render(real: Structure, part, scenario_id: str, lang: str, changed_ids: Callable) -> None:
    """The proposal's three columns (today, proposal, consequences), its legend and downloads; ``changed_ids`` is Jämför's rule for the changed part."""
    proposal, why_not = applied(real, scenario_id)
    if proposal is None:
        st.error(plain(why_not))
        return
    s = proposal.scenario
    d = scenario_diff(real, proposal)
    st.caption(plain(" · ".join([t("scenario.app.caption", lang, date=s.on_iso), t("scenario.about", lang, by=s.by or "–", why=s.why or "–")])))
    common.init_state(P + "all", "all", lambda raw: {"1": True, "0": False}[raw], False, shown=lambda v: "1" if v else "0")
    st.toggle(t("app.compare.show_all", lang), key=P + "all", help=t("app.compare.show_all_help", lang))
    today, after = scenario_views(real, proposal, lang=lang, font_size=FONT_SIZE)
    if st.session_state[P + "all"]:
        positions, box = _positions(proposal.version, proposal), None
        nodes = None if part.ids is None else part.ids | {i for i in proposal.proposed if i in proposal.entities}
    else:
        nodes = changed_ids(proposal, d, part) | {i for i in d.nodes_removed if part.holds(i)}
        positions, box = common.laid_out_alone(proposal, nodes, font_size=FONT_SIZE, frame=FRAME)
    if nodes is not None:
        today, after = replace(today, nodes=tuple(nodes)), replace(after, nodes=tuple(nodes))
    drawn = [elements(real, today, positions), elements(proposal, after, positions)]
    heads = st.columns([5, 5, 4])  # the headings in one row, the maps in the next: both maps start at the same height
    heads[0].subheader(plain(drawn[0].title))
    heads[1].subheader(plain(t("scenario.app.heading", lang, title=s.title(lang))))  # the date is today's heading's
    heads[2].subheader(t("scenario.consequences", lang))
    height = space_below(P + "viewport", 520, least=360, margin=12)
    left, middle, right = st.columns([5, 5, 4])
    for column, els, side in zip((left, middle), drawn, ("today", "proposal"), strict=True):
        with column:
            live_map(els, key=f"{P}map_{side}", height=height, bounds=box)
    with right:
        found = consequences(real, proposal)
        said = st.container(height=height, border=False)
        if not found:
            said.caption(t("scenario.no_consequences", lang))
        groups: dict[str, list[str]] = {}
        for c in found:
            groups.setdefault(c.params["entity"][lang], []).append(c.text(lang))
        if groups:  # one paragraph per entity, its findings as a list under it (data text as text)
            said.markdown("\n\n".join(f"**{plain(name)}**\n\n" + "\n".join(f"- {plain(x)}" for x in items) for name, items in groups.items()))
    st.html(legend_html(legend_of(*drawn, unattested=True), images=True))  # st.html strips inline SVG
    with st.expander(t("scenario.operations", lang)):
        st.text("\n".join(operation_lines(proposal, lang)))
    stem = f"lsgmap-scenario-{s.id}"
    columns = st.columns([1, 1, 1, 2])
    columns[0].download_button(t("scenario.app.download_pptx", lang), lambda: scenario_slides(real, proposal, lang=lang), f"{stem}.pptx", PPTX,
                               key=P + "dl_pptx", on_click="ignore")
    columns[1].download_button(t("app.download_html", lang), lambda: scenario_html(real, proposal, lang=lang).encode("utf-8"), f"{stem}.html",
                               "text/html", key=P + "dl_html", on_click="ignore")
    columns[2].download_button(t("scenario.app.download_md", lang), lambda: summary_markdown(real, proposal, lang).encode("utf-8"), f"{stem}.md",
                               "text/markdown", key=P + "dl_md", on_click="ignore")
    with columns[3]:
        image_button(lambda fmt: scenario_image(real, proposal, fmt=fmt, lang=lang), key=P, stem=stem)


def render_two(real: Structure, part, first: str, second: str, lang: str, changed_ids: Callable) -> None:
    """Two proposals side by side ("Förslag A" / "Förslag B"), each on its own date and layout, their consequences in two columns."""
    applied_ = [applied(real, i) for i in (first, second)]
    for proposal, why_not in applied_:
        if proposal is None:
            st.error(plain(why_not))
            return
    proposals = [p for p, _ in applied_]
    drawn = []
    for p in proposals:
        d = scenario_diff(real, p)
        nodes = changed_ids(p, d, part) | {i for i in d.nodes_removed if part.holds(i)}
        positions, box = common.laid_out_alone(p, nodes, font_size=FONT_SIZE, frame=(640.0, 420.0))
        view = replace(scenario_views(real, p, lang=lang, font_size=FONT_SIZE)[1], nodes=tuple(nodes))
        drawn.append((elements(p, view, positions), box))
    heads = st.columns(2)
    for column, letter, p in zip(heads, "AB", proposals, strict=True):
        column.subheader(plain(t("scenario.app.letter", lang, letter=letter, title=p.scenario.title(lang), date=p.scenario.on_iso)))
    height = space_below(P + "viewport2", 460, least=320, margin=200)
    columns = st.columns(2)
    for column, (els, box), side in zip(columns, drawn, ("a", "b"), strict=True):
        with column:
            live_map(els, key=f"{P}map_{side}", height=height, bounds=box)
    st.html(legend_html(legend_of(*(els for els, _ in drawn), unattested=True)))
    for column, p in zip(st.columns(2), proposals, strict=True):
        with column:
            st.subheader(t("scenario.consequences", lang))
            found = consequences(real, p)
            groups: dict[str, list[str]] = {}
            for c in found:
                groups.setdefault(c.params["entity"][lang], []).append(c.text(lang))
            if groups:
                st.markdown("\n\n".join(f"**{plain(name)}**\n\n" + "\n".join(f"- {plain(x)}" for x in items) for name, items in groups.items()))
            else:
                st.caption(t("scenario.no_consequences", lang))
