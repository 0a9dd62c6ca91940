"""The keys a presentation clicker sends (→ ← PageDown PageUp Space Home End Escape), as actions in Python.

An ``st.components.v2`` component: ``presenter_keys.js`` beside this module runs
in the app page itself (no iframe, nothing loaded from outside), listens to the
page's keys and sends one action per key press to Python as a trigger value.
Keys typed into a text field, a select box or a text area are left alone. "f"
asks the browser for full screen (a key press is the user gesture it needs).
A key of ``toggles`` opens or closes the expander whose label holds the
text it names, in the browser (no round trip).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import streamlit as st

__all__ = ["ACTIONS", "presenter_keys"]

#: key (as KeyboardEvent.key) -> action sent to Python
ACTIONS = {
    "ArrowRight": "next", "PageDown": "next", " ": "next", "ArrowDown": "next",
    "ArrowLeft": "prev", "PageUp": "prev", "ArrowUp": "prev",
    "Home": "first", "End": "last", "Escape": "exit",
}

_component = st.components.v2.component(
    "lsgmap_presenter_keys", html="<span hidden></span>", js=resources.files(__package__).joinpath("presenter_keys.js").read_text(encoding="utf-8")
)


def presenter_keys(key: str, on_action: Callable[[str], None], toggles: dict[str, str] | None = None) -> None:
    """Listen to the clicker's keys; ``on_action(action)`` runs (as a callback, before the page is drawn) on each press;
    ``toggles`` maps a key to (part of) the label of an expander that the key opens and closes."""

    def changed() -> None:
        value = st.session_state.get(key)
        action = getattr(value, "action", None) if value is not None else None
        if action is None and isinstance(value, dict):
            action = value.get("action")
        if action:
            on_action(str(action))

    _component(key=key, data={"actions": ACTIONS, "toggles": toggles or {}}, on_action_change=changed)
