"""Running the app through Streamlit's AppTest: one helper for every page's tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(params: dict[str, str] | None = None, *, page: str | None = None, strict: bool = True) -> AppTest:
    """The app run once with ``params`` in the URL (``page`` first if given); ``strict``: fail on any exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    if page is not None:
        at.query_params["page"] = page
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if strict:
        assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """What a reader sees of text made by :func:`lsgmap.app.text.plain`: escapes and word joiners removed."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown.replace("\u2060", "")).replace("  \n", "\n")


def live_map(at: AppTest, index: int = 0) -> dict:
    """What the ``index``-th live map (``lsgmap.app.live_map``) was handed: its nodes, edges, bounds, height, day."""
    import json

    maps = [e for e in at.get("bidi_component") if e.proto.component_name == "lsgmap_live_map"]
    assert len(maps) > index, f"{len(maps)} live maps on the page"
    return json.loads(maps[index].proto.json)
