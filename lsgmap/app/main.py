"""The app's router: language switch, the page menu, and the page asked for in the URL."""

from __future__ import annotations

import streamlit as st

from ..i18n import UI, t
from . import common, pages


def main() -> None:
    """Run one pass of the app (Streamlit calls the script, the script calls this)."""
    st.set_page_config(page_title="lsgmap", layout="wide")  # no page_icon: a material favicon is fetched from Google
    lang = common.language_switch()
    entries = pages.available()
    wanted = st.query_params.get("page", entries[0][0].key)
    if wanted not in {p.key for p, _ in entries}:
        if wanted == "redigera":  # known, but off on this computer: say how to turn it on
            st.info(t("app.edit.off", lang), icon="🔒")
        else:
            common.notice("page", wanted, entries[0][0].key)
        wanted = entries[0][0].key
    navigation = st.navigation(
        [
            st.Page(module.render, title=t(p.title_key, lang) if p.title_key in UI else p.key, icon=p.icon or None, url_path=p.key, default=p.key == wanted)
            for p, module in entries
        ]
    )
    navigation.run()
