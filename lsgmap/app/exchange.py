"""The Data page's downloads of the whole dataset for other tools: GEXF, GraphML, JSON-LD, XLSX.

Widgets only: the files are made by :func:`lsgmap.exchange.export_data`, each
only when its button is clicked (all dates, each fact with its validity).
"""

from __future__ import annotations

import streamlit as st

from lsgmap.exchange import FORMATS, default_filename, export_data
from lsgmap.i18n import t


def exchange_downloads(structure, lang: str) -> None:
    """One download button per exchange format, under a fold that says what opens each file."""
    with st.expander(t("app.data.exchange", lang)):
        st.caption(t("app.data.exchange_help", lang))
        for column, spec in zip(st.columns(len(FORMATS)), FORMATS.values(), strict=True):
            column.download_button(
                t(f"app.download.{spec.key}", lang),
                lambda fmt=spec.key: export_data(structure, fmt, lang=lang),
                default_filename(spec.key),
                spec.mime,
                key=f"exchange_{spec.key}",
                on_click="ignore",  # no rerun: the other deferred downloads keep their ids (see lsgmap.app.data)
            )
