"""AppTest of the Fråga page: typed and picked questions, answers with sources, the chain, downloads."""

from __future__ import annotations

import pytest
from app_kit import live_map, run_app, shown
from streamlit.testing.v1 import AppTest

from lsgmap.app.fraga import picker_question, replace_closest_word

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


def _run(**params) -> AppTest:
    return run_app(params, page="fraga", strict=False)


def _text(at: AppTest) -> str:
    """What the reader sees in the page's Markdown, captions, fold labels and folded plain text (escapes removed)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    return shown("\n".join(parts)) + "\n" + "\n".join(x.value for x in at.text)


def _map(at: AppTest) -> dict:
    """What the answer's live map was handed: its nodes, edges and bounds."""
    return live_map(at, 0)


def test_typed_question_shows_answers_sources_and_chain():
    at = _run()
    at.text_input(key="fraga.q").input("Vem styr TUNA i december 2016?").run()
    assert not at.exception
    text = _text(at)
    assert "vem styr TUNA Nyköping/Oxelösund under 2016-12-01" in text
    for name in ("LSG Nyköping", "LSG Oxelösund", "LSG Nyköping-Oxelösund"):
        assert name in text
    assert "I Nyköping är projektägare/styrgrupp" in text  # the source quote
    drawn = _map(at)
    nodes = {n["id"]: n for n in drawn["nodes"]}
    # the chain is drawn strong, the neighbours dimmed
    assert any(n.get("opacity") == 0.18 for n in nodes.values()) and nodes["lsg_nykoping"]["dimmed"] is False
    # the answer's part alone, fitted to its bounds: not the whole structure
    assert {"tuna_nykoping_oxelosund", "lsg_nykoping", "lsg_oxelosund", "rar"} <= set(nodes) and "kommun_eskilstuna" not in nodes
    assert drawn["bounds"] is not None


def test_example_button_asks_it():
    at = _run()
    at.button(key="fraga.example1").click().run()
    assert at.text_input(key="fraga.q").value.startswith("Vilka är uppdragsgivare till processledaren")
    text = _text(at)
    assert "LSG Trosa-Gnesta" in text and "LSG Trosa** " not in text


def test_picker_builds_a_question(sormland):
    assert picker_question(sormland, "funds", "ibis", "sv") == "Vem finansierar IBIS?"
    assert picker_question(sormland, "responsible", "tris", "en") == "Who is responsible for TRIS?"
    at = _run(on="2017-03-01")
    at.selectbox(key="fraga.pick_rel").select("employs")
    at.selectbox(key="fraga.pick_entity").select("processledare")
    at.button(key="fraga.pick_go").click().run()
    assert at.text_input(key="fraga.q").value == "Vem anställer processledaren?"
    assert "Samordningsförbundet RAR i Sörmland" in _text(at)


def test_unknown_name_gives_suggestions():
    at = _run(q="Vem styr Tunnna?")
    assert not at.exception
    assert at.warning and "Tunnna" in at.warning[0].value
    assert any(b.key == "fraga.suggest_tuna" for b in at.button)
    at.button(key="fraga.suggest_tuna").click().run()
    assert at.text_input(key="fraga.q").value == "Vem styr TUNA?"


def test_replace_closest_word():
    assert replace_closest_word("vem äger Ibbis nu", "IBIS") == "vem äger IBIS nu"


def test_answer_downloads_have_content():
    at = _run(q="Who employs the process leader?", on="2017-03-01", lang="en")
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the answer as text" in labels and "Download the picture as HTML (offline)" in labels
    code = "\n".join(c.value for c in at.code)
    assert code.startswith("Question: Who employs the process leader?") and "Sources:" in code


def test_a_question_with_no_date_on_the_default_day_says_when_its_answers_were_attested_after_them():
    """The date box on the dataset's default day is no date asked: no warning before the answers, a caption after them."""
    at = _run(q="Vem styr TRIS?")
    assert not at.exception
    assert not [w.value for w in at.warning]
    assert "(Frågan anger inget datum: svaren är senast belagda 2016-06-30.)" in shown("\n".join(c.value for c in at.caption))
    dated = _run(q="Vem styr TRIS?", on="2016-12-01")  # a day chosen: said first, as a warning
    assert "Ingen källa talar för 2016-12-01" in shown("\n".join(w.value for w in dated.warning))


def test_an_answer_no_source_speaks_for_says_so_with_its_notes():
    at = _run(q="Vem styr TRIS 2026?")
    assert not at.exception
    warnings = shown("\n".join(w.value for w in at.warning))
    assert "Ingen källa talar för 2026-01-01 – 2026-12-31" in warnings and "senast belagt 2016-06-30" in warnings
    text = _text(at)
    assert text.count("(saknar källa för detta datum, ") == 4  # each item, as plain text
    assert "(saknar källa för detta datum, senast belagd 2016-06-30)" in text
    assert "Motstridiga källor: TRIS sida: länsstyrgruppen är processägare" in text
    folded = "\n".join(x.value for x in at.text)  # st.text: shown as text, never markup
    assert "(saknar källa för detta datum, senast belagd 2016-06-30)" in folded


def test_an_attested_answer_has_no_such_notice_and_amounts_say_their_basis():
    at = _run(q="Vad styr LSG Oxelösund?")
    assert not at.exception and not at.warning
    assert "(saknar källa för detta datum" in _text(at)  # the application's lines, not those of the status report
    amounts = _run(q="Hur mycket finansierar RAR processledaren 2017?")
    code = "\n".join(c.value for c in amounts.code)
    assert "Summa 2017: 859 tkr (enligt ansökan)" in code


def test_the_date_is_a_box_that_enter_applies():
    from app_kit import run_app as _run

    at = _run({"page": "fraga", "q": "Vem styr TRIS?", "on": "2016-12-01"})
    assert at.text_input(key="fraga.on_box").value == "2016-12-01"
    at.text_input(key="fraga.on_box").input("2017-03-01").run()
    assert not at.exception and (at.query_params["on"] in ("2017-03-01", ["2017-03-01"]))
    at.text_input(key="fraga.on_box").input("mars 2017").run()
    assert any("mars 2017" in w.value for w in at.warning) and (at.query_params["on"] in ("2017-03-01", ["2017-03-01"]))


def test_an_unsure_question_offers_readings_as_buttons_that_ask_them():
    at = _run()
    at.text_input(key="fraga.q").input("Vad är grejen med TUNA?").run()
    assert not at.exception
    assert "Jag är inte säker på frågan" in "\n".join(w.value for w in at.warning)
    reading = at.button(key="fraga.reading1")
    assert reading.label.startswith("Vem styr TUNA Nyköping")
    reading.click().run()
    assert at.text_input(key="fraga.q").value == "Vem styr TUNA Nyköping/Oxelösund?"
    assert "LSG Nyköping-Oxelösund" in _text(at)


def test_a_yes_no_answer_leads_and_the_open_points_come_after_the_items_folded():
    at = _run()
    at.text_input(key="fraga.q").input("Är processledaren anställd av LSG?").run()
    assert not at.exception
    assert "Nej, inga lokala samverkansgrupper. I stället:" in _text(at)
    labels = [shown(e.label) for e in at.expander]
    conflicts = [i for i, label in enumerate(labels) if label.startswith("Källorna säger olika (")]
    items = [i for i, label in enumerate(labels) if " — " in label]
    assert conflicts and items and max(items) < conflicts[0], labels  # the answers first, what the sources disagree on after


def test_tuna_lists_the_attested_steering_group_first_and_the_unattested_under_their_own_heading():
    at = _run(q="Vem styr TUNA?")
    assert not at.exception
    markdown = [shown(m.value) for m in at.markdown]
    attested = markdown.index("**Belagt för 2016-11-15**")
    unattested = markdown.index("**Gäller men saknar källa för 2016-11-15**")
    assert attested < unattested
    labels = [shown(e.label) for e in at.expander if " — " in e.label]
    assert labels[0] == "LSG Nyköping-Oxelösund — styr · inga datum i källan · dokument: Lägesrapport (2016-12)", labels
    assert [label.split(" — ")[0] for label in labels[1:3]] == ["LSG Nyköping", "LSG Oxelösund"]
    assert "TUNA (LSG Nyköping-Oxelösund)" in at.text[0].value  # the first item's quote, one click away


def test_two_questions_in_one_are_both_answered_on_the_page():
    """"Vem finansierar processledaren och vem ger henne uppdrag?": each part's answer in a line first, the second whole after."""
    at = _run(q="Vem finansierar processledaren och vem ger henne uppdrag?")
    assert not at.exception
    text = _text(at)
    assert "Frågan har 2 delar:" in text and "1. Vem finansierar processledaren:" in text
    assert "Och: vem ger processledaren uppdrag?" in text and "LSG Nyköping-Oxelösund" in text
    drawn = {n["id"] for n in _map(at)["nodes"]}
    assert {"rar", "lsg_gnesta"} <= drawn  # both parts' answers on the map


def test_an_english_question_quotes_the_documents_in_english_first():
    at = _run(q="What is the process leader supposed to do for the TRIS days?", lang="en")
    assert not at.exception
    assert "“Take part in the planning and implementation of the annual TRIS days.”" in _text(at)
