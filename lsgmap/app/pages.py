"""The pages of the app, in menu order.

Each entry names a module of this package with a ``render()`` function. A module that
does not exist (yet) is skipped, so pages can be added one at a time.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

__all__ = ["PAGES", "Page", "available", "editing_enabled", "EDIT_SETTING"]

#: the setting that turns the Redigera page on (``lsgmap app --edit`` sets it)
EDIT_SETTING = "LSGMAP_EDIT"


def editing_enabled() -> bool:
    """True when the environment turns editing on (``LSGMAP_EDIT`` = 1, true, yes, ja or on).

    >>> os.environ.pop(EDIT_SETTING, None) and None; editing_enabled()
    False
    """
    return os.environ.get(EDIT_SETTING, "").strip().lower() in {"1", "true", "yes", "ja", "on"}


@dataclass(frozen=True)
class Page:
    key: str  # url path and ?page= value
    module: str  # module of lsgmap.app with render()
    title_key: str  # i18n UI key of the menu title
    icon: str = ""  # keep empty: a page icon becomes the favicon, and material/emoji favicons are fetched from the internet
    when: Callable[[], bool] | None = None  # the page is in the menu only when this says so (None: always)


PAGES: list[Page] = [
    Page("karta", "lsgmap.app.karta", "app.nav.karta"),
    Page("jamfor", "lsgmap.app.jamfor", "app.nav.jamfor"),
    Page("fraga", "lsgmap.app.fraga", "app.nav.fraga"),
    Page("presentera", "lsgmap.app.presentera", "app.nav.presentera"),
    Page("data", "lsgmap.app.data", "app.nav.data"),
    Page("redigera", "lsgmap.app.redigera", "app.nav.redigera", when=editing_enabled),
]


def available() -> list[tuple[Page, ModuleType]]:
    """The pages whose module exists, with the imported module."""
    out = []
    for page in PAGES:
        if page.when is not None and not page.when():
            continue
        try:
            module = importlib.import_module(page.module)
        except ModuleNotFoundError as exc:
            if exc.name != page.module:
                raise
            continue
        out.append((page, module))
    return out
