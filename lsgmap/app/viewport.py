"""How much of the browser window is left below a point of the page, so a map placed there fills the screen.

An ``st.components.v2`` component: ``viewport.js`` beside this module runs in the
app page itself (no iframe) and sends the height from its element to the bottom
of the window to Python as the state value ``below``, again when the window is resized.
"""

from __future__ import annotations

from importlib import resources

import streamlit as st

__all__ = ["space_below"]

_viewport = st.components.v2.component(
    "lsgmap_viewport", html="<span hidden></span>", js=resources.files(__package__).joinpath("viewport.js").read_text(encoding="utf-8")
)


def space_below(key: str, default: int, *, least: int = 360, margin: int = 24) -> int:
    """The height (px) from here to the bottom of the browser window, so a map placed next fills the screen.

    ``default`` until the browser has said (the first run, and AppTest); never less than ``least``.
    """
    result = _viewport(key=key, data={}, on_below_change=lambda: None)
    below = getattr(result, "below", None)
    if not isinstance(below, int | float) or below <= 0:
        return default
    return max(least, int(below) - margin)
