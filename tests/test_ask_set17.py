"""The patterns blind set 17 found (tests/blind/score_17.md), each as the questions a user asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import head as _head
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_kind_a_document_lists_with_a_word_that_reads_as_a_chain_is_a_list(s):
    assert _line(s, "Vilka projekt var kopplade till LSG Nyköping-Oxelösund enligt lägesrapporten?") == "Svar (2): TUNA Nyköping/Oxelösund, Innovation 100 dagar"


def test_what_a_named_thing_involves_is_what_its_sources_say_it_is(s):
    for question in ("vad innebär processledartjänsten?", "vad betyder processledartjänsten"):
        assert _line(s, question).startswith("Processledare LSG södra Sörmland (roll / tjänst), enligt sina källor: «Processledare är en heltidstjänst")


def test_the_goals_in_definite_form_are_the_documents_goals(s):
    assert _line(s, "Vilka är målen i ansökan?").startswith("Enligt Ansökan om tjänst som processledare inom LSG GNOT")
    assert "Mål: 1. Samtliga organisatoriska nivåer" in _line(s, "vad är målet enligt ansökan?")


def test_whether_an_assignment_was_done_is_not_stated_with_what_the_source_says(s):
    lead = _line(s, "Hann processledaren skicka in ansökan om Ungdomens hus under 2016?")
    assert lead == ("Det framgår inte om det är gjort. Enligt Lägesrapport avseende Processledare LSG södra Sörmland: "
                    "«Att påbörja en ansökan angående insats för ett Ungdomens hus (LSG Nyköping-Oxelösund)»")
    assert _line(s, "Är arbetet med administrativa strukturer klart 2016?").startswith("Nej, inte då enligt Lägesrapport")


def test_an_application_for_something_is_not_the_application_document(s):
    assert "Ungdomens hus" in _line(s, "har ansökan om ungdomens hus skickats in?")


def test_still_two_groups_is_the_merger_the_other_way(s):
    lead = _line(s, "hur ser det ut med LSG Trosa och LSG Gnesta idag, är de fortfarande två grupper?", on="2017-03-01")
    assert lead.startswith("Nej, de slogs samman från 2017-01-01")


def test_from_when_to_when_gives_both_ends_and_the_disagreements_on_either(s):
    text = _head(s, "Vilken period gäller processledartjänsten, från när till när?", 6)
    assert "oktober 2018" in text and "2018-06-30" in text and "oktober 2016" in text


def test_a_time_word_before_when_is_still_a_when_question(s):
    text = _head(s, "Right now, until when is the process leader post funded?", 6, on="2018-09-01")
    assert "October 2018" in text and "2018-06-30" in text and "Answer (1)" not in text


def test_a_monthly_amount_is_not_stated_the_yearly_ones_are(s):
    assert _line(s, "What is the process leader's monthly salary?") == "Not stated per month: the budget gives amounts per year (2016: 401 tkr, 2017: 801 tkr, 2018: 401 tkr)."
    assert _line(s, "Vad är processledarens månadslön?").startswith("Det framgår inte per månad")


def test_a_value_only_a_public_page_gives_says_so(s):
    line = _line(s, "Hur stor andel av IBIS finansieras av ESF?")
    assert line.startswith("ESF finansierar IBIS: andel: 67 %") and "offentlig källa" in line
    assert "offentlig källa" not in _line(s, "Hur ofta rapporterar processledaren till RAR?")
