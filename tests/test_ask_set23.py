"""The patterns blind sets 23 and 24 found (tests/blind/score_23.md, score_24.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_areas_asked_are_not_someone_no_source_names(s):
    lead = _line(s, "Vilka områden omfattar processledartjänsten?")
    assert "tre områden" in lead and not lead.startswith("Ingen som")


def test_all_the_groups_and_places_joined_by_och_i(s):
    assert "Assignments all the LSGs gave (1):" in ask_kit.head(s, "Which assignment did all the LSGs give the process leader jointly in autumn 2016?", lines=3)
    assert _line(s, "vem är styrgrupp för TRIS i Gnesta och i Trosa?") == "Svar (2): LSG Gnesta, LSG Trosa"


def test_a_second_part_not_understood_leaves_the_question_whole_and_changes_after_a_year(s):
    assert not ask_kit.ask(s, "How does the 2017 budget compare with 2016 and 2018, and what is the total?").also
    assert _line(s, "What changes were made to the LSGs after 2017?").startswith("Not stated: the sources record no such event after 2017.")


def test_the_listed_item_that_names_the_questions_name(s):
    assert "Call-for-proposals meeting for ESF" in _line(s, "Did the process leader go to the ESF call meeting in her first period?")


def test_tasks_towards_in_and_for_whom_one_helps(s):
    assert "(uppgifter: 1)" in _line(s, "Vad kan processtödet hjälpa LSG:s ordförande med?")
    lead = _line(s, "Vad ska processledaren göra gentemot TRIS-teamen och lokala styrgruppen?")
    assert "TRIS-dagar" in lead and "Vara kontakten mellan TRIS-teamen" in lead
    assert "(tasks: 5)" in _line(s, "What is the process leader supposed to do in the steering groups?")
    assert "difficult to find the time" in _line(s, "What do the LSG chairs find hard, according to the application?")


def test_a_municipality_code_is_the_identifier_from_a_public_source(s):
    assert _line(s, "What's Trosa's municipality code?").startswith("Trosa: municipality code: 0488 [pub_scb]")
    assert "0461" in _line(s, "Vilken kommunkod har Gnesta?")


def test_days_until_a_dated_day_and_time_left_of_a_period(s):
    assert _line(s, "How long is it until the first joint meeting of LSG Trosa and LSG Gnesta?", on="2016-11-20") == "64 days (from 2016-11-20 to 2017-01-23)."
    assert _line(s, "Hur många dagar är det kvar till Trosas och Gnestas första gemensamma LSG-möte?", on="2017-01-10").startswith("13 dagar")
    head = ask_kit.head(s, "How much time is left of the process leader's funding?", lines=3, on="2018-05-01")
    assert "Left: 60 days (about 2 months) until 2018-06-30" in head and "Left: 183 days (about 6 months) until October 2018" in head


def test_no_on_a_date_says_when_it_was_so_and_the_missions_parts_are_not_assignments(s):
    lead = _line(s, "Is Landstinget Sörmland still a member of RAR?", on="2019-06-01")
    assert lead.startswith("No, not on that date:") and "2005 – 2018-12-31" in lead
    assert "tre områden" in _line(s, "Vilka är de tre områdena i processledarens uppdrag?")


def test_whether_a_named_assignment_got_money_is_not_stated(s):
    assert _line(s, "Fick Ungdomens hus pengar från RAR till slut?").startswith("Det framgår inte om det är gjort.")
    assert "(25 % tillsammans / together)" in _line(s, "Who pays for a coordination association like RAR?")
