"""The pages of the app, in menu order.

Each entry names a module of this package with a ``render()`` function. A module that
does not exist (yet) is skipped, so pages can be added one at a time.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

__all__ = ["PAGES", "Page", "available"]


@dataclass(frozen=True)
class Page:
    key: str  # url path and ?page= value
    module: str  # module of lsgmap.app with render()
    title_key: str  # i18n UI key of the menu title
    icon: str = ""  # keep empty: a page icon becomes the favicon, and material/emoji favicons are fetched from the internet


PAGES: list[Page] = [
    Page("karta", "lsgmap.app.karta", "app.nav.karta"),
    Page("jamfor", "lsgmap.app.jamfor", "app.nav.jamfor"),
    Page("fraga", "lsgmap.app.fraga", "app.nav.fraga"),
    Page("presentera", "lsgmap.app.presentera", "app.nav.presentera"),
    Page("data", "lsgmap.app.data", "app.nav.data"),
]


def available() -> list[tuple[Page, ModuleType]]:
    """The pages whose module exists, with the imported module."""
    out = []
    for page in PAGES:
        try:
            module = importlib.import_module(page.module)
        except ModuleNotFoundError as exc:
            if exc.name != page.module:
                raise
            continue
        out.append((page, module))
    return out
