"""The keys a presentation clicker sends (→ ← PageDown PageUp Space Home End Escape), as actions in Python.

An ``st.components.v2`` component: a few lines of inline JavaScript in the app
page itself (no iframe, nothing loaded from outside) listen to the page's
keys and send one action per key press to Python as a trigger value. Keys
typed into a text field, a select box or a text area are left alone. "f"
asks the browser for full screen (a key press is the user gesture it needs).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

__all__ = ["ACTIONS", "close_page_not_found", "presenter_keys", "space_below"]

#: key (as KeyboardEvent.key) -> action sent to Python
ACTIONS = {
    "ArrowRight": "next", "PageDown": "next", " ": "next", "ArrowDown": "next",
    "ArrowLeft": "prev", "PageUp": "prev", "ArrowUp": "prev",
    "Home": "first", "End": "last", "Escape": "exit",
}

_JS = """
export default function (component) {
  const { setTriggerValue, data } = component;
  const actions = data.actions;
  const doc = document;
  if (window.__lsgmapKeys) doc.removeEventListener("keydown", window.__lsgmapKeys, true);
  const handler = (event) => {
    const target = event.target;
    const tag = target && target.tagName ? target.tagName : "";
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target && (target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT")) return;
    if (event.key === "f" && doc.documentElement.requestFullscreen) {
      doc.documentElement.requestFullscreen().catch(() => {});
      return;
    }
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    setTriggerValue("action", action);
  };
  window.__lsgmapKeys = handler;
  doc.addEventListener("keydown", handler, true);
  return () => { doc.removeEventListener("keydown", handler, true); if (window.__lsgmapKeys === handler) window.__lsgmapKeys = null; };
}
"""

_component = st.components.v2.component("lsgmap_presenter_keys", html="<span hidden></span>", js=_JS)


def presenter_keys(key: str, on_action: Callable[[str], None]) -> None:
    """Listen to the clicker's keys; ``on_action(action)`` runs (as a callback, before the page is drawn) on each press."""

    def changed() -> None:
        value = st.session_state.get(key)
        action = getattr(value, "action", None) if value is not None else None
        if action is None and isinstance(value, dict):
            action = value.get("action")
        if action:
            on_action(str(action))

    _component(key=key, data={"actions": ACTIONS}, on_action_change=changed)


_VIEWPORT_JS = """
export default function (component) {
  const { setStateValue, parentElement } = component;
  const host = parentElement.host || parentElement;
  let last = null;
  const scroller = document.querySelector('[data-testid="stMain"]');
  const report = () => {  // measured from the page's top, so a page scrolled meanwhile does not make the map taller
    const top = (host.getBoundingClientRect ? host.getBoundingClientRect().top : 0) + (scroller ? scroller.scrollTop : window.scrollY);
    const below = Math.round(window.innerHeight - Math.max(0, top));
    if (last === null || Math.abs(below - last) > 3) {
      last = below;
      setStateValue("below", below);
    }
  };
  let timer = null;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  requestAnimationFrame(report);
  setTimeout(report, 800);  // again once the charts above have their height
  setTimeout(report, 2500);
  window.addEventListener("resize", onResize);
  return () => window.removeEventListener("resize", onResize);
}
"""

_viewport = st.components.v2.component("lsgmap_viewport", html="<span hidden></span>", js=_VIEWPORT_JS)


def space_below(key: str, default: int, *, least: int = 360, margin: int = 24) -> int:
    """The height (px) from here to the bottom of the browser window, so a map placed next fills the screen.

    ``default`` until the browser has said (the first run, and AppTest); never less than ``least``.
    """
    result = _viewport(key=key, data={}, on_below_change=lambda: None)
    below = getattr(result, "below", None)
    if not isinstance(below, int | float) or below <= 0:
        return default
    return max(least, int(below) - margin)


_NOT_FOUND_JS = """
export default function () {
  if (window.__lsgmapNotFound) return;
  // Streamlit's own words for a missing page (its dialog's body), not a title a dataset could also give a dialog
  const streamlits = /does not seem to exist|but no corresponding file was found/;
  let watcher = null;
  const stop = () => { if (watcher) watcher.disconnect(); window.__lsgmapNotFound = null; };
  const close = () => {
    for (const dialog of document.querySelectorAll('[data-testid="stDialog"]')) {
      if (!streamlits.test(dialog.textContent)) continue;
      const button = dialog.querySelector('button[aria-label="Close"]');
      if (button) { button.click(); document.documentElement.dataset.lsgmapClosedNotFound = "1"; stop(); }
    }
  };
  watcher = new MutationObserver(close);
  watcher.observe(document.body, {childList: true, subtree: true});
  window.__lsgmapNotFound = watcher;
  setTimeout(stop, 10000);  // the dialog comes with the page that opened instead, or not at all
  close();
}
"""

_not_found = st.components.v2.component("lsgmap_page_not_found", html="<span hidden></span>", js=_NOT_FOUND_JS)


def close_page_not_found(key: str) -> None:
    """Close Streamlit's English "Page not found" dialog as it opens: the app says it itself, in the reader's language.

    Streamlit shows that dialog over the page it opens instead when an address names no page ("/nonsense");
    :func:`lsgmap.app.main.main` says so on the page in Swedish or English.
    """
    _not_found(key=key, data={})
