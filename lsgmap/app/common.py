"""What every page of the app shares: the cached dataset, the language, URL state, problem notices.

Nothing here holds model logic; it wraps :mod:`lsgmap` for Streamlit.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from lsgmap.app.text import plain
from lsgmap.dataset.checks import check
from lsgmap.dataset.load import dataset_version, default_data_path, load
from lsgmap.dates import plausible_window, today
from lsgmap.draw.layout.legible import legible_layout
from lsgmap.draw.layout.positions import FRAME, layered_positions, layout_bounds
from lsgmap.i18n import normalise_lang, t
from lsgmap.model.scope import associations, overview, part_of
from lsgmap.model.structure import Structure

LANG_KEY = "lang"


@dataclass
class Loaded:
    """A dataset loaded once per version: the structure, its problems, and (drawn on first use) its stable positions."""

    structure: Structure
    problems: list[Any] = field(default_factory=list)
    _positions: dict[str, tuple[float, float]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[str, tuple[float, float]]:
        """The whole dataset's layout, made when a page first needs it (a national page drawing one association never does)."""
        if self._positions is None:
            self._positions = layered_positions(self.structure)
        return self._positions

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def _file_stamp(folder: Path) -> str:
    """Cache key of a dataset folder: :func:`lsgmap.dataset.load.dataset_version`, the hash of the content of its files.

    Content, not sizes and times, so that an edit keeping a file's size and
    modification time is picked up too; never raises (an unreadable file counts
    by its name, and the loader reports it). When it changes the dataset is
    loaded again, and with it ``Structure.version``, the key of everything
    derived from the dataset (stories included).
    """
    return dataset_version(folder)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(path: str, stamp: str) -> Loaded:
    structure = load(Path(path))
    found = Loaded(structure, check(structure))
    _keep_out_of_collections()
    return found


def _keep_out_of_collections() -> None:
    """Leave what is alive now (the datasets loaded, the app's modules) out of the garbage collector's passes.

    Streamlit runs a full collection after every run of a page; with a national dataset's 300 000 objects each took
    0.1–0.3 s, during which the server sent nothing and served no script to the browser (the first map waited). The
    loaded datasets are kept for the server's life, so they are frozen (:func:`gc.freeze`); before that, what was
    frozen is thawed and collected once, so a dataset dropped from the cache (an older version) is still freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def loaded() -> Loaded | None:
    """The dataset of ``$LSGMAP_DATA`` (else the bundled one), cached per version; None with an error shown if missing.

    Never mutate what this returns: it is shared by all sessions.
    """
    folder = default_data_path()
    if not folder.is_dir():
        st.error(plain(t("app.data_missing", current_lang(), path=str(folder))))
        return None
    return _load(str(folder.resolve()), _file_stamp(folder))


def current_lang() -> str:
    """The chosen language, ``sv`` or ``en``."""
    return normalise_lang(st.session_state.get(LANG_KEY) or "sv")


def language_switch() -> str:
    """The sv/en switch in the sidebar, bound to ``?lang=``."""
    if LANG_KEY not in st.session_state:
        raw = st.query_params.get("lang", "sv")
        if raw not in ("sv", "en"):
            notice("lang", raw, "sv")
            raw = "sv"
        st.session_state[LANG_KEY] = raw
    st.sidebar.radio(  # handed its value as its default too (the menu starts folded on the map pages)
        "Språk / Language", ["sv", "en"], index=["sv", "en"].index(st.session_state[LANG_KEY]), key=LANG_KEY, horizontal=True,
        format_func=lambda v: {"sv": "Svenska", "en": "English"}[v],
    )
    return current_lang()


#: notices about the URL, kept while the router is still choosing the page (it may open another one)
HELD_NOTICES = "_held_notices"


def notice(param: str, value: str, fallback: str) -> None:
    """Say (non-blocking) that a URL value was bad and what is used instead (held until the page is chosen, see
    :func:`hold_notices`); it stays on the page, across reruns, until the reader dismisses it (:func:`keep_notice`)."""
    text = plain(t("app.bad_param", current_lang(), param=param, value=str(value)[:80], fallback=fallback))
    held = st.session_state.get(HELD_NOTICES)
    if held is not None:
        held.append(text)
    else:
        keep_notice(text)


def hold_notices() -> None:
    """From now on, URL notices wait for :func:`show_held_notices` (the router calls both)."""
    st.session_state.setdefault(HELD_NOTICES, [])


def show_held_notices() -> None:
    """Show the notices kept from earlier runs and the URL notices held while the page was chosen; stop holding them."""
    held = st.session_state.pop(HELD_NOTICES, None) or []
    for kind, text, icon in list(st.session_state.get(KEPT_NOTICES, [])):
        if text not in held:
            _kept(kind, text, icon)
    for text in held:
        keep_notice(text)


#: notices that stay until dismissed: ``[(kind, text, icon)]`` (text already made plain)
KEPT_NOTICES = "_kept_notices"


def keep_notice(text: str, kind: str = "warning", icon: str = "⚠️") -> None:
    """Show ``text`` (already :func:`plain`) as a notice that stays across reruns until its "Stäng" is clicked.

    A rerun (the map asking for its frames, a filter) used to take a notice away about 2 s after it came.
    """
    kept = st.session_state.setdefault(KEPT_NOTICES, [])
    if not any(k[1] == text for k in kept):
        kept.append((kind, text, icon))
    _kept(kind, text, icon)


def _dismiss(text: str) -> None:
    st.session_state[KEPT_NOTICES] = [k for k in st.session_state.get(KEPT_NOTICES, []) if k[1] != text]


def _kept(kind: str, text: str, icon: str) -> None:
    """One kept notice and its "Stäng" button (key from the text: the same button across reruns)."""
    import hashlib

    box, close = st.columns([12, 1], vertical_alignment="center")
    getattr(box, kind)(text, icon=icon)
    lang = current_lang()
    close.button(t("app.notice_close", lang), key="_notice_ok_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12], on_click=_dismiss, args=(text,),
                 help=t("app.notice_dismiss", lang), type="tertiary")


def init_state(key: str, param: str, parse: Callable[[str], Any], default: Any, shown: Callable[[Any], str] = str) -> None:
    """Set ``st.session_state[key]`` from ``?param=`` once (or ``default``, with a notice if the value is bad).

    ``parse`` returns the value or raises ``ValueError``.
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(param)
    value = default
    if raw is not None:
        try:
            value = parse(raw)
        except (ValueError, TypeError, KeyError):
            notice(param, raw, shown(default))
    st.session_state[key] = value


def set_params(page: str, values: dict[str, str | None]) -> None:
    """Write the page's state to the URL (``?page=…&…``, and the chosen association) so that a link opens the same view."""
    wanted = {"page": page, "lang": current_lang()}
    kept = st.session_state.get(SCOPE_KEY) or st.session_state.get(KEPT_SCOPE_KEY)  # also on a page that draws no part
    if kept:
        wanted["assoc"] = kept
    wanted.update({k: v for k, v in values.items() if v not in (None, "")})
    current = st.query_params.to_dict()
    if current != wanted:
        st.query_params.from_dict(wanted)


def parse_date_in(lo: date, hi: date) -> Callable[[str], date]:
    """A parser of ``YYYY-MM-DD`` that rejects dates outside ``lo .. hi``."""

    def parse(raw: str) -> date:
        d = date.fromisoformat(raw.strip())
        if not lo <= d <= hi:
            raise ValueError(raw)
        return d

    return parse


def parse_one_of(options) -> Callable[[str], str]:
    """A parser that accepts exactly one of ``options`` (any container of strings)."""

    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw

    return parse


def parse_choice(options: list[str]) -> Callable[[str], list[str]]:
    """A parser of a comma-separated subset of ``options`` (any unknown item makes it bad)."""

    def parse(raw: str) -> list[str]:
        items = [x for x in raw.split(",") if x]
        if any(x not in options for x in items):
            raise ValueError(raw)
        return items

    return parse


def date_box(
    label: str, key: str, first: date, last: date, lang: str, *, then: Callable[[], None] | None = None, where: Any = None, help: str = ""
) -> None:
    """A YYYY-MM-DD box for the date in ``st.session_state[key]``: Enter applies it (kept within ``first .. last``),
    then ``then()`` runs; a mistyped date stays in the box and :func:`date_box_notice` says so. One date format
    everywhere, and no calendar in English with Sunday first.
    """
    box, bad = key + "_box", key + "_bad"

    def typed() -> None:
        text = str(st.session_state.get(box) or "").strip()
        st.session_state.pop(bad, None)
        try:
            st.session_state[key] = min(max(date.fromisoformat(text), first), last)
        except ValueError:
            st.session_state[bad] = text
            return
        if then is not None:
            then()

    if bad not in st.session_state:  # show the date in force, unless a mistyped one waits to be corrected
        st.session_state[box] = st.session_state[key].isoformat()
    typing = t("app.date_input_help", lang, first=first.isoformat(), last=last.isoformat())
    (where or st).text_input(label, key=box, on_change=typed, placeholder=t("app.date_placeholder", lang),
                             help=f"{help} {typing}" if help else typing)


def date_box_notice(key: str, lang: str) -> None:
    """Under the date boxes: the mistyped date of :func:`date_box` ``key``, and how to write one."""
    bad = st.session_state.get(key + "_bad")
    if bad is not None:
        st.warning(plain(t("app.date_bad", lang, value=bad[:40])), icon="⚠️")


def forget_typed_date(key: str) -> None:
    """Drop a mistyped date of :func:`date_box` ``key`` (the date was set another way)."""
    st.session_state.pop(key + "_bad", None)


#: The dates a Streamlit date control can hold (it counts in JavaScript numbers from 1970), with a margin.
CONTROL_FIRST, CONTROL_LAST = date(1700, 1, 1), date(2250, 12, 31)


def date_span(structure: Structure) -> tuple[date, date]:
    """The data's span for a date control: its change dates, widened to today, the ones far from the rest left out.

    A date far from the rest is reported by ``check`` (``date.far``); the span
    also stays within what a date control can hold.
    """
    window_first, window_last = plausible_window(structure.change_days)
    days = [d for d in structure.change_days if window_first <= d <= window_last]
    first = date.fromordinal(days[0]) if days else today()
    last = max(date.fromordinal(days[-1]) if days else today(), today())
    first, last = min(max(first, CONTROL_FIRST), CONTROL_LAST), min(max(last, CONTROL_FIRST), CONTROL_LAST)
    return first, last


def default_day(structure: Structure) -> tuple[date, date, date]:
    """(first, last, default) for a date control: the data's span widened to today (see :func:`date_span`); the dataset's default day is the default."""
    first, last = date_span(structure)
    return first, last, min(max(structure.default.date, first), last)


def default_note(
    structure: Structure, chosen: date, key: str, lang: str, *, before: Sequence[str] = (), after: Sequence[str] = (), compact: bool = False
) -> None:
    """Under a date control on the dataset's default day: which day it is and why, and a button to today.

    ``before`` and ``after`` are said on the same line, on any day (Karta: what changed, what no source speaks for);
    ``compact`` makes the button a one-line link.
    """
    opening = structure.default
    is_default = chosen == opening.date
    parts = [*before, *([t("app.default_date", lang, date=opening.date.isoformat(), why=opening.why)] if is_default else []), *after]
    if not is_default:
        if parts:
            st.caption(plain(" · ".join(parts)))
        return
    note, button = st.columns([5, 1] if compact else [4, 1], vertical_alignment="center")
    note.caption(plain(" · ".join(parts)))
    button.button(
        t("app.to_today", lang), help=t("app.to_today_help", lang, date=today().isoformat()),
        key=key + ".today", on_click=go_to_day, args=(key, today()), **({"type": "tertiary"} if compact else {"width": "stretch"}),
    )


def go_to_day(key: str, day: date) -> None:
    """A button's callback: show ``day`` (and drop a date typed into the box but not applied)."""
    st.session_state[key] = day
    forget_typed_date(key)


def page_structure(title: str) -> tuple[str, Loaded, Structure] | None:
    """Start a map page: title, data problems on top when there are errors; None when there is nothing to draw."""
    lang = current_lang()
    data = loaded()
    st.title(plain(title if title else t("app.title", lang)))
    if data is None:
        return None
    s = data.structure
    if data.has_errors or not s.entities:  # errors on top; mere notes further down
        problems_notice(data)
    if not s.entities:
        st.error(t("app.data_empty", lang))
        return None
    return lang, data, s


def problems_notice(data: Loaded) -> None:
    """A non-blocking notice of the dataset's problems, with file:line details in an expander (paged: a national
    dataset's thousands of notes are not all sent to the browser on every rerun)."""
    lang = current_lang()
    problems = data.problems
    errors = [p for p in problems if p.severity == "error"]
    if not problems:
        return
    text = t("app.problems", lang, errors=len(errors), warnings=len(problems) - len(errors))
    (st.warning if errors else st.info)(text, icon="⚠️" if errors else "ℹ️")
    # with notes only, the table is made and sent only while the fold is open: a closed fold costs the first map nothing
    with st.expander(t("app.problems_details", lang), expanded=bool(errors) and not data.structure.entities, key="problems_open",
                     on_change="rerun") as fold:
        if fold.open or errors:
            paged_table(_problem_rows(data.structure.version, lang, data), "problems", lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _problem_rows(version: str, lang: str, _data: Loaded) -> pd.DataFrame:
    """The problems as a table, once per dataset version and language (never mutate it)."""
    columns = [t(f"app.col.{c}", lang) for c in ("where", "severity", "what", "fix")]
    rows = [(p.where, t(f"app.severity.{p.severity}", lang), p.what(lang), p.fix(lang)) for p in _data.problems]
    return pd.DataFrame(rows, columns=columns)


#: the most rows a table sends to the browser at once (a page of it); the downloads hold them all
PAGE_ROWS = 200


def page_of(total: int, page: int, rows: int = PAGE_ROWS) -> tuple[int, int, int]:
    """(first row, end row, number of pages) of page ``page`` (1-based, kept within the pages) of ``total`` rows.

    >>> page_of(450, 3), page_of(450, 9), page_of(0, 1)
    ((400, 450, 3), (400, 450, 3), (0, 0, 1))
    """
    pages = max(1, -(-total // rows))
    page = min(max(page, 1), pages)
    return (page - 1) * rows, min(page * rows, total), pages


def paged_table(frame: pd.DataFrame, key: str, lang: str, *, rows: int = PAGE_ROWS, **dataframe: Any) -> None:
    """``frame`` as a table of at most ``rows`` rows, with a page number under it when it holds more."""
    if len(frame) <= rows:
        st.dataframe(frame, hide_index=dataframe.pop("hide_index", True), width="stretch", **dataframe)
        return
    state = key + ".page"
    first, end, pages = page_of(len(frame), int(st.session_state.get(state) or 1), rows)
    if st.session_state.get(state, 1) > pages:
        st.session_state[state] = pages
    st.dataframe(frame.iloc[first:end], hide_index=dataframe.pop("hide_index", True), width="stretch", **dataframe)
    number, note = st.columns([1, 4], vertical_alignment="center")
    page = number.number_input(t("app.page", lang), min_value=1, max_value=pages, value=1, step=1, key=state)
    first, end, pages = page_of(len(frame), int(page), rows)
    note.caption(t("app.page_rows", lang, first=first + 1, last=end, total=len(frame), page=int(page), pages=pages))



# -- one association at a time (national datasets) ------------------------------------------------------------------
SCOPE_KEY = "scope"
#: the association chosen, kept across pages (a widget's own key is not)
KEPT_SCOPE_KEY = "scope.kept"


@dataclass(frozen=True)
class Part:
    """What a page draws: the chosen association's entity ids (None: the whole dataset), their positions, and the
    structure the page works on (:func:`lsgmap.model.scope.part_of`: the association's part; else the whole)."""

    ids: frozenset[str] | None
    positions: dict[str, tuple[float, float]]
    key: str = ""  #: the association's id ("" for the whole dataset): names the part in caches
    structure: Structure | None = field(default=None, compare=False, hash=False)
    #: entities not drawn on the part's map, so that its labels can be read (:mod:`lsgmap.draw.layout.legible`)
    folded: frozenset[str] = frozenset()
    #: the language the positions make room for (None: both)
    lang: str | None = None

    def holds(self, entity_id: str) -> bool:
        return self.ids is None or entity_id in self.ids

    @property
    def drawn(self) -> frozenset[str] | None:
        """The entities the part's map draws (None: all of the dataset)."""
        return self.ids if self.ids is None or not self.folded else self.ids - self.folded


#: a map's bounds: (left, top, right, bottom) in layout units
Bounds = tuple[float, float, float, float]


def part_bounds(s: Structure, part: Part) -> Bounds:
    """The box around every entity's drawing (labels included) in the part's layout: a map of it fits to this, on every date."""
    return _part_bounds(s.version, part.key, part.lang, s, part)


@st.cache_resource(show_spinner=False, max_entries=16)
def _part_bounds(version: str, key: str, lang: str | None, _s: Structure, _part: Part) -> Bounds:
    return tuple(layout_bounds(_s, _part.positions, only=_part.drawn, lang=lang))


def laid_out_alone(s: Structure, ids, *, font_size: float = 18, frame: tuple[float, float] = FRAME, lang: str | None = None) -> tuple[dict, Bounds]:
    """``ids`` laid out alone for a map of ``frame`` (so its labels are large), and the box around their drawings; with
    ``lang``, room for the names of that language only.

    Presentera's steps, Jämför's changed part and Fråga's answer; cached by dataset version, ids, font size, frame and language.
    """
    return _alone(s.version, tuple(sorted(ids)), float(font_size), tuple(frame), lang, s)


@st.cache_resource(show_spinner=False, max_entries=128)
def _alone(version: str, ids: tuple[str, ...], font_size: float, frame: tuple[float, float], lang: str | None, _s: Structure) -> tuple[dict, Bounds]:
    only = frozenset(ids)
    positions = layered_positions(_s, only=only, font_size=font_size, frame=frame, lang=lang)
    return positions, tuple(layout_bounds(_s, positions, font_size=font_size, only=only, lang=lang))


@st.cache_resource(show_spinner=False, max_entries=4)
def _overview(version: str, lang: str, _s: Structure) -> list:

    return overview(_s, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _part(version: str, association: str, lang: str, _s: Structure) -> Part:
    """One association's part, laid out alone in the page's language so that its labels can be read
    (:func:`lsgmap.draw.layout.legible.legible_layout`: places shared over time, persons folded, as far as needed);
    shared by every session, made once."""
    sub = part_of(_s, association)
    fit = legible_layout(sub, lang=lang)
    return Part(frozenset(sub.entities), fit.positions, association, sub, fit.folded, lang)


def choose_part(data: Loaded, lang: str) -> Part | None:
    """The part of the dataset a map page draws: all of it when it has at most one association; else the one chosen
    in the sidebar (``?assoc=``), and until one is, an overview of the associations to choose from (then None).
    """

    s = data.structure
    ids = associations(s)
    if len(ids) <= 1:
        return Part(None, data.positions, "", s)
    if SCOPE_KEY not in st.session_state and st.session_state.get(KEPT_SCOPE_KEY) in ids:
        # a move through the menu: Streamlit forgets a widget's value on a page that did not draw it, and the menu's
        # links carry no ?assoc=; the association is kept under a key of its own
        st.session_state[SCOPE_KEY] = st.session_state[KEPT_SCOPE_KEY]
    init_state(SCOPE_KEY, "assoc", parse_one_of(ids), "")
    rows = {a.id: a for a in _overview(s.version, lang, s)}
    picked = _table_pick(st.session_state.get("scope_table"))
    if picked is not None and picked < len(rows):  # a row clicked in the overview (read before the menu is drawn)
        st.session_state[SCOPE_KEY] = list(rows)[picked]
    options = ["", *ids]
    st.sidebar.selectbox(  # handed its value as its default too: the menu starts folded, and a widget drawn later starts from it
        t("app.scope.choose", lang), options, index=options.index(st.session_state.get(SCOPE_KEY) or ""), key=SCOPE_KEY, persist_state="session",
        format_func=lambda i: t("app.choose_one", lang) if not i else t("app.scope.option", lang, name=rows[i].name, count=rows[i].entities),
    )
    chosen = st.session_state.get(SCOPE_KEY)
    st.session_state[KEPT_SCOPE_KEY] = chosen
    if chosen:
        return _part(s.version, chosen, lang, s)
    st.info(t("app.scope.pick", lang, count=len(ids), entities=len(s.entities)))
    columns = [t(f"app.scope.col.{c}", lang) for c in ("name", "entities", "lsgs", "events", "first", "last")]
    frame = pd.DataFrame([(a.name, a.entities, a.lsgs, a.events, a.first, a.last) for a in rows.values()], columns=columns)
    st.dataframe(frame, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="scope_table")
    return None


def _table_pick(state: Any) -> int | None:
    """The row chosen in a dataframe's selection state, or None."""
    selection = (state or {}).get("selection", {}) if isinstance(state, dict) else getattr(state, "selection", None)
    rows = selection.get("rows", []) if isinstance(selection, dict) else getattr(selection, "rows", []) or []
    return int(rows[0]) if rows else None


#: Constant CSS only (no data text): less room around and between the controls, so controls and a map share a
#: 1366×768 screen; on a short screen the page's heading gives its room to the map (the menu along the top names the page).
_COMPACT_CSS = """
[data-testid="stMainBlockContainer"] { padding: 4rem 1.5rem 1rem 1.5rem !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMain"] h1 { font-size: 1.9rem !important; padding-bottom: 0.2rem !important; }
@media (max-height: 900px) { [data-testid="stMain"] h1 { display: none; } }
"""


def compact_page(page: str, extra: str = "") -> None:
    """The compact layout of a map page; its ``space_below`` element (key ``{page}.viewport``) takes no room, so the map
    starts where it measured. ``extra``: the page's own constant CSS."""
    viewport = f".st-key-{page}-viewport {{ margin-bottom: -0.5rem; }}"
    st.html(f"<style>{_COMPACT_CSS}{viewport}\n{extra}</style>")  # constant CSS, no data text (style only: no room taken, no Markdown)
