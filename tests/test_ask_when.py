"""When questions: the events of the named entities, with the day they took effect and when they were decided."""

from __future__ import annotations

import pytest

from lsgmap.ask.answer import ask


@pytest.mark.parametrize("question", ["När slogs LSG Trosa och LSG Gnesta ihop?", "When did LSG Trosa merge?", "När gick LSG Gnesta upp i LSG Trosa-Gnesta?"])
def test_when_the_merger_took_effect_and_was_decided(sormland, question):
    a = ask(sormland, question)
    assert a.interpretation.intent == "when"
    assert a.interpretation.details["events"] == ["ev_sammanslagning_trosa_gnesta"]
    assert [(x.id, x.effective_from) for x in a.answers] == [("lsg_trosa_gnesta", "2017-01-01")]
    text = a.text("sv")
    assert "gäller från 2017-01-01, beslutat någon gång 2016-10-13 – 2016-12-31 (exakt dag anges inte)" in text
    assert "in effect from 2017-01-01, decided some time in 2016-10-13 – 2016-12-31 (the exact day is not stated)" in a.text("en")


def test_a_founding_year_is_said_at_its_precision(sormland):
    a = ask(sormland, "När bildades RAR?")
    assert a.interpretation.intent == "when"
    assert [x.relation_id for x in a.answers] == ["ev_rar_bildas"]
    assert "fr.o.m. 2005 " in a.text("sv") and "2005-01-01" not in a.text("sv")


def test_a_when_question_without_an_event_is_not_taken_for_one_but_gives_the_relations_dates(sormland):
    a = ask(sormland, "När styrde LSG Nyköping TUNA?")
    assert a.interpretation.intent == "when_dates"
    assert [x.relation_id for x in a.answers] == ["r033"]  # LSG Nyköping steers TUNA Nyköping/Oxelösund, as the application says


def test_when_a_post_began_says_both_sources_first(sormland):
    text = ask(sormland, "När började processledartjänsten?").text()
    head = "\n".join(text.splitlines()[:6])
    assert "2016-07-01" in head and "oktober 2016" in head  # the application's start and the status report's, in the first lines


def test_when_the_funding_ends_lists_each_sources_end(sormland):
    a = ask(sormland, "När tar finansieringen av processledaren slut?")
    assert {x.valid_to for x in a.answers} == {"2018-06-30", "2018-10"}


def test_when_a_document_speaks_for(sormland):
    text = ask(sormland, "Vilken period täcker lägesrapporten?").text()
    assert "2016-10-13 – 2016-12-31" in text
    assert "Ida Malmberg" in ask(sormland, "Who wrote the status report?").text()


def test_when_was_the_first_joint_meeting(sormland):
    for question, line in (("När var första gemensamma mötet?", "Datum för första gemensamma mötet: 2017-01-23 (LSG Trosa-Gnesta (arbetsnamn)) [ls_sammanslagning]"),
                           ("When was the first joint meeting?", "Date of the first joint meeting: 2017-01-23 (LSG Trosa-Gnesta (working name)) [ls_sammanslagning]")):
        a = ask(sormland, question)
        assert a.interpretation.details["date"] == "2017-01-23"
        assert line in a.text()
