"""Export buttons for any map view: offline HTML now, a PNG/SVG drawn on request (drawing takes about a second).

Each page passes what it shows; the files come from :mod:`lsgmap.export`.
"""

from __future__ import annotations

import streamlit as st

from lsgmap.i18n import t
from ui import common


def map_downloads(nodes: list[dict], edges: list[dict], *, key: str, title: str, stem: str, image) -> None:
    """HTML of the drawn ``nodes``/``edges`` and, on request, the image ``image(fmt)`` (bytes).

    ``image`` is a function of ``"png"``/``"svg"`` so that the image is drawn only when asked for.
    """
    from html import escape

    from lsgmap.render import to_html

    def page() -> bytes:  # built only when the button is clicked, not on every rerun
        html = to_html(nodes, edges, height=820).replace(
            '<body data-lsgmap="map">', f'<body data-lsgmap="map">\n<h1 style="font-family:sans-serif;font-size:20px">{escape(title)}</h1>', 1
        )
        return html.encode("utf-8")

    lg = common.lang()
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("app2.download_html", lg), page, f"{stem}.html", "text/html", key=f"{key}dl_html")
    fmt = c2.radio(t("app2.image_format", lg), ["png", "svg"], horizontal=True, key=f"{key}img_fmt", label_visibility="collapsed")
    if c3.checkbox(t("app2.make_image", lg), key=f"{key}img"):
        mime = "image/png" if fmt == "png" else "image/svg+xml"
        c3.download_button(t("app2.download_image", lg, fmt=fmt.upper()), image(fmt), f"{stem}.{fmt}", mime, key=f"{key}dl_img")
