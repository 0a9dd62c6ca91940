"""The pages of the app, in menu order: each a module of this package with a ``render()`` function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from lsgmap.app import data, fraga, jamfor, karta, presentera, redigera, scenarier
from lsgmap.app.settings import editing_enabled

__all__ = ["PAGES", "Page", "available"]


@dataclass(frozen=True)
class Page:
    key: str  # url path and ?page= value
    module: ModuleType  # the page's module, with render()
    title_key: str  # i18n UI key of the menu title
    icon: str = ""  # keep empty: a page icon becomes the favicon, and material/emoji favicons are fetched from the internet
    when: Callable[[], bool] | None = None  # the page is in the menu only when this says so (None: always)


PAGES: list[Page] = [
    Page("karta", karta, "app.nav.karta"),
    Page("jamfor", jamfor, "app.nav.jamfor"),
    Page("fraga", fraga, "app.nav.fraga"),
    Page("presentera", presentera, "app.nav.presentera"),
    Page("data", data, "app.nav.data"),
    Page("redigera", redigera, "app.nav.redigera", when=editing_enabled),
    Page("scenarier", scenarier, "app.nav.scenarier", when=editing_enabled),
]


def available() -> list[tuple[Page, ModuleType]]:
    """The pages in the menu now, with their modules."""
    return [(page, page.module) for page in PAGES if page.when is None or page.when()]
