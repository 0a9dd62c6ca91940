"""The app's router: language switch, the page menu, and the page asked for in the URL."""

from __future__ import annotations

import streamlit as st

from lsgmap.app import common, pages
from lsgmap.app.page_not_found import close_page_not_found
from lsgmap.app.swedish_labels import swedish_labels
from lsgmap.app.text import plain
from lsgmap.i18n import UI, t

#: a bad ``?page=`` value, kept in the session until the page that opens instead can say so
NOTICE = "_page_notice"
#: an unknown path ("/nonsense") and the page opened instead, said on that page
MISSING = "_page_missing"


def main() -> None:
    """Run one pass of the app (Streamlit calls the script, the script calls this)."""
    st.set_page_config(page_title="lsgmap", layout="wide")  # no page_icon: a material favicon is fetched from Google
    common.hold_notices()  # notices about the URL are said on the page that opens, after any switch below
    lang = common.language_switch()
    swedish_labels(lang)  # Streamlit's own screen-reader labels ("Help for …") in Swedish too
    entries = pages.available()
    keys = [p.key for p, _ in entries]
    wanted = st.query_params.get("page")
    if wanted is not None and wanted not in keys:
        st.session_state[NOTICE] = wanted  # said on the page that opens instead
        wanted = None
    # The default page is a hidden one that only opens a real page: a default page is served at "/" and
    # loses its own path, so a link to that path (/karta) opened with Streamlit's "Page not found" dialog.
    home = st.Page(_home, title="lsgmap", url_path="start", default=True, visibility="hidden")
    shown = [
        st.Page(module.render, title=t(p.title_key, lang) if p.title_key in UI else p.key, icon=p.icon or None, url_path=p.key)
        for p, module in entries
    ]
    navigation = st.navigation([home, *shown], position="top")  # the pages along the top: the menu can stay folded
    if navigation is home and st.runtime.exists():  # "/" or "/?page=jamfor&…" (links made before pages had paths): open the page asked for
        target = shown[keys.index(wanted)] if wanted else shown[0]
        missing = _unknown_path({"start", *keys})
        if missing == "redigera":  # known, but off on this computer: say how to turn it on
            st.session_state[NOTICE] = missing
        elif missing:  # "/nonsense": said in Swedish (or English) on the page that opens; Streamlit's English dialog is closed
            st.session_state[MISSING] = (missing, target.title, target.url_path)
        st.switch_page(target, query_params=st.query_params.to_dict())
    if MISSING in st.session_state or st.session_state.get(NOTICE) == "redigera":
        close_page_not_found("_page_not_found")
    bad = st.session_state.pop(NOTICE, None)
    if bad == "redigera":  # known, but off on this computer: say how to turn it on (until dismissed)
        kept = st.session_state.setdefault(common.KEPT_NOTICES, [])
        if not any(k[1] == t("app.edit.off", lang) for k in kept):
            kept.append(("info", t("app.edit.off", lang), "🔒"))
    elif bad is not None:
        common.notice("page", bad, keys[0])
    common.show_held_notices()  # and the notices kept until dismissed
    gone = st.session_state.get(MISSING)
    if gone and gone[2] == navigation.url_path:  # said while the reader stays on the page opened instead
        st.warning(plain(t("app.page_missing", lang, path=gone[0][:80], page=gone[1])), icon="⚠️")
    elif gone:
        del st.session_state[MISSING]
    navigation.run()


def _unknown_path(known: set[str]) -> str | None:
    """The path the browser asked for when it names no page ("nonsense" for ``/nonsense``), else None.

    The app's own base path (``server.baseUrlPath``, e.g. ``/lsgmap``) is not part of it.
    """
    from urllib.parse import unquote, urlparse

    try:
        path = unquote(urlparse(st.context.url or "").path).strip("/")
    except (TypeError, ValueError):
        return None
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].strip("/")
    return path if path and path not in known else None


def _home() -> None:  # pragma: no cover - never drawn: main() switches to a real page first
    """The hidden default page ("/")."""
