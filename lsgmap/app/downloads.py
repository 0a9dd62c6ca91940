"""Export buttons for any map view: offline HTML now, a PNG/SVG drawn on request (drawing takes about a second).

Each page passes the :class:`~lsgmap.draw.elements.Elements` it shows on screen, so the
files show exactly what the screen shows; they are drawn by :mod:`lsgmap.draw.html`
and :mod:`lsgmap.draw.images`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lsgmap.app import common
from lsgmap.draw.elements import Elements
from lsgmap.draw.html import to_html
from lsgmap.draw.images import to_image
from lsgmap.i18n import t

MIME = {"png": "image/png", "svg": "image/svg+xml"}


def map_downloads(els: Elements, *, key: str, stem: str) -> None:
    """The HTML page of ``els`` and, on request, its PNG/SVG image."""

    # on_click="ignore": a click does not rerun the page, so the other deferred downloads keep their ids
    # (a rerun replaces them, and a click that still held an old id failed with "Deferred file … not found").
    def page() -> bytes:  # built only when the button is clicked, not on every rerun
        return to_html(els, height=820, standalone=True).encode("utf-8")

    lang = common.current_lang()
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("app.download_html", lang), page, f"{stem}.html", "text/html", key=f"{key}dl_html", on_click="ignore")
    image_button(lambda fmt: to_image(els, fmt=fmt), key=key, stem=stem, columns=(c2, c3))


def image_button(draw: Callable[[str], bytes], *, key: str, stem: str, columns=None) -> None:
    """A PNG/SVG choice and, once "make an image" is ticked, the download of ``draw(fmt)``."""
    lang = common.current_lang()
    left, right = columns or st.columns(2)
    fmt = left.radio(t("app.image_format", lang), ["png", "svg"], horizontal=True, key=f"{key}img_fmt", label_visibility="collapsed")
    if right.checkbox(t("app.make_image", lang), key=f"{key}img"):
        right.download_button(t("app.download_image", lang, fmt=fmt.upper()), draw(fmt), f"{stem}.{fmt}", MIME[fmt], key=f"{key}dl_img", on_click="ignore")
