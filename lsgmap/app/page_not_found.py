"""Streamlit's English "Page not found" dialog closed as it opens: the app says it itself, in the reader's language.

An ``st.components.v2`` component: ``page_not_found.js`` beside this module runs in
the app page itself (no iframe) and closes the dialog whose body has Streamlit's
own words for a missing page, for ten seconds after the page opened.
"""

from __future__ import annotations

from importlib import resources

import streamlit as st

__all__ = ["close_page_not_found"]

_not_found = st.components.v2.component(
    "lsgmap_page_not_found", html="<span hidden></span>", js=resources.files(__package__).joinpath("page_not_found.js").read_text(encoding="utf-8")
)


def close_page_not_found(key: str) -> None:
    """Close Streamlit's English "Page not found" dialog as it opens: the app says it itself, in the reader's language.

    Streamlit shows that dialog over the page it opens instead when an address names no page ("/nonsense");
    :func:`lsgmap.app.main.main` says so on the page in Swedish or English.
    """
    _not_found(key=key, data={})
