"""AppTest of the Presentera page: a story steps forward and back, shows its step, exports it."""

from __future__ import annotations

import pytest
from app_kit import live_map, run_app, shown
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


def _run(**params) -> AppTest:
    return run_app(params, page="presentera", strict=False)


def _drawn_ids(at: AppTest) -> set[str]:
    return {n["id"] for n in live_map(at)["nodes"]}


def _labels(at: AppTest) -> str:
    return "\n".join(n["label"] for n in live_map(at)["nodes"])


def test_story_steps_forward_and_back():
    at = _run()
    assert not at.exception
    assert shown(at.title[0].value) == "Samordningsförbundet RAR och dess medlemmar"
    assert "steg 1 av 5" in "\n".join(m.value for m in at.markdown)
    first = _drawn_ids(at)
    assert "rar" in first and "lsg_trosa" not in first
    assert at.button(key="presentera.prev").disabled
    at.button(key="presentera.next").click().run()
    assert shown(at.title[0].value) == "LSG:erna och kommunerna de omfattar"
    assert "lsg_trosa" in _drawn_ids(at)
    for _ in range(3):
        at.button(key="presentera.next").click().run()
    assert shown(at.title[0].value) == "Sammanslagningen av LSG Trosa och LSG Gnesta"
    last = _drawn_ids(at)
    assert "lsg_trosa_gnesta" in last and "lsg_trosa" not in last
    assert at.button(key="presentera.next").disabled
    at.button(key="presentera.prev").click().run()
    assert shown(at.title[0].value) == "Processledaren och uppdragsgivarna"
    assert at.query_params["step"] == ["4"] or at.query_params["step"] == "4"


def test_second_story_in_english_from_a_link():
    at = _run(story="vem-styr-2016-2017", step="3", lang="en")
    assert not at.exception
    assert shown(at.title[0].value) == "2017: after the merger"
    assert "step 3 of 4" in "\n".join(m.value for m in at.markdown)


def test_bad_step_in_link_falls_back_with_a_notice():
    at = _run(step="99")
    assert not at.exception
    assert at.warning and "99" in at.warning[0].value
    assert shown(at.title[0].value) == "Samordningsförbundet RAR och dess medlemmar"


def test_hide_persons_and_download():
    at = _run(story="lsg-roll", step="4")
    assert "Ida Malmberg" in _labels(at)
    at.toggle(key="presentera.hide").set_value(True).run()
    assert "Ida Malmberg" not in _labels(at)
    at.checkbox(key="presentera.img").set_value(True).run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Ladda ner PNG" in labels and "Ladda ner bilden som HTML (offline)" in labels
