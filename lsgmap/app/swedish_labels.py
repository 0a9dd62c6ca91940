"""Streamlit's own English screen-reader labels and placeholders in Swedish ("Help for Datum" → "Hjälp om Datum").

An ``st.components.v2`` component: ``swedish_labels.js`` beside this module runs in the app
page itself (no iframe) and, while the app is in Swedish, rewrites the ``aria-label``,
``placeholder`` and ``title`` attributes that Streamlit's browser side writes in English
(a fixed table of Streamlit's words and the prefixes "Help for " and "Remove "). Data text
is never touched: only attributes whose whole text, or prefix, is one of Streamlit's words.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import streamlit as st

__all__ = ["KEY", "swedish_labels"]

#: the component's key (its element is hidden by :data:`CSS`)
KEY = "_lsgmap_swedish_labels"
CSS = f"<style>.st-key-{KEY} {{ display: none; }}</style>"


@lru_cache(maxsize=1)
def _component():
    script = resources.files(__package__).joinpath("swedish_labels.js").read_text(encoding="utf-8")
    return st.components.v2.component("lsgmap_swedish_labels", html="<span hidden></span>", js=script)


def swedish_labels(lang: str) -> None:
    """Keep Streamlit's own labels in the reader's language (Swedish; English needs nothing)."""
    st.html(CSS)  # constant CSS: the component takes no room
    _component()(key=KEY, data={"lang": lang})
