"""The app's switches that the command line sets before Streamlit starts (no Streamlit here).

>>> import os; os.environ.pop(EDIT_SETTING, None) and None; editing_enabled()
False
"""

from __future__ import annotations

import os

__all__ = ["EDIT_SETTING", "editing_enabled"]

#: the setting that turns the Redigera page on (``lsgmap app --edit`` sets it)
EDIT_SETTING = "LSGMAP_EDIT"


def editing_enabled() -> bool:
    """True when the environment turns editing on (``LSGMAP_EDIT`` = 1, true, yes, ja or on)."""
    return os.environ.get(EDIT_SETTING, "").strip().lower() in {"1", "true", "yes", "ja", "on"}
