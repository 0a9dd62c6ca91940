"""Presentera: play a story (data/…/stories/*.csv) step by step on the map's positions, for a projector."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lsgmap.app import common
from lsgmap.app.downloads import map_downloads
from lsgmap.app.live_map import frames_json, item_texts, live_map, transitions
from lsgmap.app.presenter_keys import presenter_keys
from lsgmap.app.text import plain
from lsgmap.app.viewport import space_below
from lsgmap.dataset.stories import STORY_FOLDER, load_stories, step_notes
from lsgmap.draw.elements import elements
from lsgmap.draw.labels import safe_text
from lsgmap.draw.layout.positions import layered_positions, layout_bounds
from lsgmap.draw.slides import MIME as PPTX_MIME
from lsgmap.draw.slides import default_filename as deck_filename
from lsgmap.draw.slides import story_slides
from lsgmap.draw.view import story_view
from lsgmap.i18n import t

P = "presentera."  # session-state key prefix of this page

#: label size of the story's maps, in the layout's units (the layout makes room for it)
FONT_SIZE = 24
#: the step's text beside its map (presentation mode gives the map more)
COLUMNS, FULL_COLUMNS = [1, 2.6], [1, 3.6]
#: the map's frame on a 1366×768 screen (CSS px) in presentation mode and in the page with its menu: the aspect a
#: step is laid out for (a layer may take up to three rows, so a tall frame gets large labels too)
FRAME, NORMAL_FRAME = (1034.0, 668.0), (644.0, 585.0)
#: the most rows a layer of a step's map takes
MOST_ROWS = 3
#: share of the step's box, and layout units, added on each side when the map is fitted to it: a label drawn a
#: pixel wider than measured, an ellipse with vis-network's margins (10 units wider and taller than the layout's
#: box) stay inside the frame
FIT_PAD, FIT_UNITS = 0.0, 12.0
#: the key that opens and closes "Källor och invändningar" (what the step's sources disagree on, working names)
NOTES_KEY = "k"

#: Constant CSS only (no data text): large type for a projector.
_PROJECTOR_CSS = """
<style>
[data-testid="stMain"] h1 { font-size: 2.4rem !important; line-height: 1.2; }
[data-testid="stMain"] p { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; max-width: 100%; }
</style>
"""


@st.cache_resource(show_spinner=False, max_entries=4)
def _stories(path: str, version: str, _structure):
    """The dataset's stories, read once per dataset version (``Structure.version`` hashes stories/ too)."""
    return load_stories(_structure)


def _step_positions(s, nodes, full: bool = True) -> dict[str, tuple[float, float]]:
    """A step's entities laid out alone for the mode's frame, so they fill it (larger labels than in the whole map's places)."""
    return _alone(s.version, tuple(sorted(nodes)), FRAME if full else NORMAL_FRAME, s)[0]


def _step_bounds(s, nodes, full: bool = True) -> tuple[float, float, float, float]:
    """The box around the step's drawings (labels included) with :data:`FIT_PAD` around: the map fits to it."""
    return _alone(s.version, tuple(sorted(nodes)), FRAME if full else NORMAL_FRAME, s)[1]


@st.cache_resource(show_spinner=False, max_entries=64)
def _alone(version: str, ids: tuple[str, ...], frame: tuple[float, float], _s) -> tuple[dict, tuple[float, float, float, float]]:
    only = frozenset(ids)
    positions = layered_positions(_s, only=only, font_size=FONT_SIZE, frame=frame, most_rows=MOST_ROWS)
    return positions, padded(layout_bounds(_s, positions, font_size=FONT_SIZE, only=only))


def padded(box, share: float = FIT_PAD, units: float = FIT_UNITS) -> tuple[float, float, float, float]:
    """``box`` (left, top, right, bottom) with ``share`` of its width and height and ``units`` added on each side.

    >>> padded((0, 0, 100, 50), 0.1, 1.0)
    (-11.0, -6.0, 111.0, 56.0)
    """
    left, top, right, bottom = box
    dx, dy = (right - left) * share + units, (bottom - top) * share + units
    return (left - dx, top - dy, right + dx, bottom + dy)


def _moves(s) -> list:
    return _moves_of(s.version, s)


@st.cache_resource(show_spinner=False, max_entries=4)
def _moves_of(version: str, _s) -> list:
    return transitions(_s)


def _step_number(count: int):
    def parse(raw: str) -> int:
        number = int(raw)
        if not 1 <= number <= count:
            raise ValueError(raw)
        return number

    return parse


def _go(delta: int, count: int) -> None:
    st.session_state[P + "step"] = min(max(st.session_state[P + "step"] + delta, 1), count)


def _key_action(action: str, count: int) -> None:
    """A clicker's key: next/prev step, first/last, or leave presentation mode (Escape)."""
    if action == "exit":
        st.session_state[P + "full"] = False
        return
    current = st.session_state.get(P + "step", 1)
    target = {"next": current + 1, "prev": current - 1, "first": 1, "last": count}.get(action, current)
    st.session_state[P + "step"] = min(max(target, 1), count)


#: Constant CSS only: presentation mode hides the menu, the header and the toolbar.
_FULL_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1rem 0.5rem 1rem !important; }
[data-testid="stMain"] h1 { font-size: 1.8rem !important; }
[data-testid="stMain"] p { font-size: 1.15rem; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
</style>
"""


#: the clicker's keys as moves between steps (what the live map draws at once; Python's own keys: lsgmap.app.presenter_keys)
STEP_KEYS = {"ArrowRight": 1, "PageDown": 1, " ": 1, "ArrowDown": 1, "ArrowLeft": -1, "PageUp": -1, "ArrowUp": -1,
             "Home": "first", "End": "last"}


@st.cache_resource(show_spinner=False, max_entries=16)
def _step_frames(version: str, story_id: str, lang: str, hide: bool, full: bool, _s, _story, _data) -> str:
    """Every step's map of a story as :func:`lsgmap.app.live_map.frames_json`, named by step number, with its day and bounds."""
    texts, on, bounds = [], {}, {}
    for number, step in enumerate(_story.steps, start=1):
        view = story_view(_s, step, lang=lang, hide_persons=hide, font_size=FONT_SIZE)
        els = elements(_s, view, _step_positions(_s, view.nodes, full) if view.nodes else _data.positions)
        texts.append((str(number), item_texts(els)))
        on[str(number)] = els.on
        bounds[str(number)] = _step_bounds(_s, view.nodes, full) if view.nodes else None
    return frames_json(texts, repr((version, story_id, lang, hide, full)), on=on, bounds=bounds)


def _story_changed() -> None:
    st.session_state[P + "step"] = 1


def render() -> None:
    """Draw the Presentera page."""
    lang = common.current_lang()
    data = common.loaded()
    if data is None:
        return
    s = data.structure
    stories, problems = _stories(str(s.path), s.version, s)
    if problems:
        with st.expander(plain(t("app.story.problems", lang, count=len(problems)))):
            for p in problems:
                st.text(p.render(lang))
    if not stories:
        st.info(plain(t("app.story.none", lang, folder=str(Path(s.path) / STORY_FOLDER))))
        return
    by_id = {story.id: story for story in stories}
    common.init_state(P + "story", "story", common.parse_one_of(by_id), stories[0].id)
    # the menu's widgets are each handed their value as their default too: in presentation mode the menu is folded, and
    # Streamlit's browser side starts a widget it draws later from its default (presentation mode was lost on a key press)
    with st.sidebar:
        story_id = st.selectbox(
            t("app.story.choose", lang), list(by_id), index=list(by_id).index(st.session_state[P + "story"]), key=P + "story",
            format_func=lambda i: by_id[i].title(lang), on_change=_story_changed,
        )
        hide = st.toggle(t("app.hide_persons", lang), value=bool(st.session_state.get(P + "hide", False)), key=P + "hide")
    story = by_id[story_id]
    count = len(story.steps)
    common.init_state(P + "step", "step", _step_number(count), 1)
    st.session_state[P + "step"] = min(max(int(st.session_state[P + "step"]), 1), count)
    notes_label = t("app.story.notes", lang, letter=NOTES_KEY.upper())
    presenter_keys(P + "keys", lambda action: _key_action(action, count),  # → ← PageDown PageUp Space, Esc
                   toggles={NOTES_KEY: notes_label, NOTES_KEY.upper(): notes_label})
    number = st.session_state[P + "step"]
    step = story.steps[number - 1]
    common.init_state(P + "full", "full", lambda raw: {"1": True, "0": False}[raw], False, shown=lambda v: "1" if v else "0")
    with st.sidebar:
        st.toggle(t("app.story.full", lang), value=bool(st.session_state[P + "full"]), key=P + "full", help=t("app.story.full_help", lang))
    full = bool(st.session_state[P + "full"])
    common.set_params("presentera", {"story": story.id, "step": str(number), "full": "1" if full else None})

    st.markdown(_PROJECTOR_CSS, unsafe_allow_html=True)  # constant CSS, no data text
    if full:
        st.markdown(_FULL_CSS, unsafe_allow_html=True)  # constant CSS, no data text
        nav_prev, counter, leave, nav_next = st.columns([1.4, 3.4, 1.6, 1.4], vertical_alignment="center")
        leave.button(t("app.story.full_exit", lang), key=P + "exit", on_click=_key_action, args=("exit", count), type="tertiary")
    else:
        nav_prev, counter, nav_next = st.columns([1.4, 5, 1.4], vertical_alignment="center")
    nav_prev.button(t("app.story.prev", lang), key=P + "prev", on_click=_go, args=(-1, count), disabled=number <= 1, width="stretch")
    nav_next.button(t("app.story.next", lang), key=P + "next", on_click=_go, args=(1, count), disabled=number >= count, width="stretch")
    counter.markdown(f"**{plain(story.title(lang))}** · {plain(t('app.story.counter', lang, step=number, count=count))}")
    if not full:  # in presentation mode the counter says it: the map gets the room
        st.progress(number / count)

    view = story_view(s, step, lang=lang, hide_persons=hide, font_size=FONT_SIZE)  # large labels for the projector
    text_column, map_column = st.columns(FULL_COLUMNS if full else COLUMNS)
    with text_column:
        st.title(plain(step.title(lang)), anchor=False)
        st.markdown(f"{plain(step.text(lang))}  \n\n*{plain(t('app.story.date', lang, date=view.on))}*")
        notes = step_notes(s, step, lang)  # a conflict behind a shown fact, a working name shown
        if notes:  # folded to one line, so the step's text fits the screen beside its map; the key K opens it
            with st.expander(f"{notes_label} ({len(notes)})"):
                st.text("\n".join(safe_text(line) for line in notes))
    els = elements(s, view, _step_positions(s, view.nodes, full) if view.nodes else data.positions)  # the step's own layout
    if els.unattested:
        with text_column:
            st.caption(plain(t("attested.count", lang, n=els.unattested, m=els.facts)))
    with map_column:
        height = space_below(P + "viewport", 720, least=420, margin=16)  # the step's map fills the window below the counter
        # one map for the whole story, updated in place: nodes glide to the next step's places, a merger plays
        live_map(els, key=P + "map", height=height, bounds=_step_bounds(s, view.nodes, full) if view.nodes else None, moves=_moves(s),
                 # every step's map in the browser once asked: the clicker's keys and the buttons draw the next one at once
                 frames=lambda: _step_frames(s.version, story.id, lang, bool(hide), full, s, story, data),
                 controls={"frame": str(number), "steps": count, "prev": P + "prev", "next": P + "next", "keys": STEP_KEYS})
    map_downloads(els, key=P, stem=f"lsgmap-{story.id}-{number}")

    def deck() -> bytes:  # the whole story, built only when the button is clicked (a few seconds)
        return story_slides(s, story, lang=lang, hide_persons=hide, positions=data.positions)

    st.download_button(t("app.download_pptx", lang), deck, deck_filename(story.id), PPTX_MIME, key=P + "dl_pptx", on_click="ignore")
