"""The patterns blind sets 29 and 30 found (tests/blind/score_29.md, score_30.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_what_a_kind_is_for_and_what_it_decides_is_the_documents_not_its_list(s):
    assert "förankra" in _line(s, "Vad är de lokala samverkansgrupperna till för?")
    assert "förankra" in _line(s, "Vad är LSG till för?")
    assert "development areas" in _line(s, "What do the local collaboration groups decide about?")
    assert "utvecklingsområden" in _line(s, "Vad beslutar LSG om?")
    assert "LSG Gnesta" not in ask_kit.head(s, "What are the LSGs for?")


def test_a_done_activity_asked_yes_or_no_is_the_reports_list_not_a_task(s):
    for q in ("Gick processledaren grundutbildningen i TRIS under hösten 2016?", "Har processledaren gått grundutbildningen i TRIS?",
              "Did the process leader take the TRIS basic training?"):
        lead = _line(s, q)
        assert lead.startswith(("Ja", "Yes")) and ("Grundutbildning i TRIS" in lead or "Basic training in TRIS" in lead), (q, lead)
    assert "TRIS-dagar" in _line(s, "Ska processledaren delta i TRIS-dagarna?")  # a task to do is still the task
    assert _line(s, "Har Trosa och Gnesta gått ihop?", on="2017-03-01").startswith("Ja, från 2017-01-01")  # a merger, no activity


def test_whether_something_was_granted_or_adopted_is_not_stated(s):
    assert _line(s, "Har ansökan om Ungdomens hus beviljats?").startswith("Det framgår inte")
    adopted = ask_kit.head(s, "Has the 2017 direction plan for the LSGs been adopted?", lines=4)
    assert "do not say" in adopted and "adopted" in adopted and "plan of direction" in adopted
    assert _line(s, "Antogs inriktningsplanen för 2017?").startswith("Det framgår inte")


def test_a_date_that_does_not_exist_is_found_as_the_documents_write_it(s):
    text = ask(s, "Slutar processledarperioden den 30 eller 31 juni 2018?").text()
    assert "31 juni 2018 finns inte" in text and "2018-06-31" in text and "oktober 2018" in text
    assert "2018-06-30" in ask(s, "Is 2018-06-31 really the end date?").text()
    assert "finns inte" in _line(s, "Vad hände den 31 februari 2017?")  # written nowhere: still refused


def test_what_kind_of_thing_a_name_is_comes_from_its_sources(s):
    assert "hälsoverksamhet för invandrare" in _line(s, "vad är ibis för slags verksamhet?")
    assert "(samordningsförbund)" in _line(s, "Vad är RAR för organisation?")
    assert "(coordination association)" in _line(s, "What kind of organisation is RAR?")
    two = ask(s, "RAR – vad betyder förkortningen och vad är det för organisation?")
    assert len(two.also) == 1 and "samordningsförbund" in two.also[0].text()


def test_a_share_of_the_budget_is_the_items_part_of_the_whole(s):
    assert _line(s, "Hur stor del av budgeten 2016–2018 går till lön sammanlagt?").startswith("1603 tkr av hela budgetens 1721 tkr, alltså 93 %")
    assert _line(s, "What share of the 2017 budget is salary?").startswith("801 tkr of the whole budget's 859 tkr")


def test_how_often_something_no_recorded_frequency_holds_is_the_documents(s):
    assert "every six months" in _line(s, "How often does the process leader propose activity plans?")
    both = ask(s, "How often does the process leader report and propose activity plans?")
    assert len(both.also) == 1 and "every half year" in both.text() and "activity plans to LSG every six months" in both.text()
    assert "halvårsvis" in _line(s, "Hur ofta rapporterar processledaren?")


def test_the_steering_groups_of_a_project_are_who_steers_it(s):
    for q in ("vilka är styrgrupperna för TRIS?", "Vilken är styrgruppen för TRIS?"):
        lead = _line(s, q)
        assert all(n in lead for n in ("LSG Gnesta", "LSG Nyköping", "LSG Oxelösund", "LSG Trosa", "TRIS länsstyrgrupp")), (q, lead)


def test_pronouns_of_a_second_part_stand_for_the_first_parts_thing(s):
    office = ask(s, "Hur stort kontor räknar budgeten med och vad kostar det?")
    assert "15 kvm" in office.text() and "Totalt: 36 tkr" in office.also[0].text() and "Totalt: 1721" not in office.also[0].text()
    reports = ask(s, "Vem ger processledaren uppdrag och vem rapporterar hen till?")
    said = reports.also[0].text()
    assert "Samordningsförbundet RAR" in said and "LSG Gnesta" in said and "LSG Trosa" in said


def test_when_a_planned_piece_was_finished_is_not_stated(s):
    assert _line(s, "När blev den administrativa strukturen för LSG färdig?").startswith("Det framgår inte om eller när det blev klart")
    assert _line(s, "När ska den administrativa strukturen vara klar?").startswith("Enligt Lägesrapport")  # when it is to be: the plan


def test_tasks_for_a_group_asked_as_the_support_it_gets(s):
    assert "beslutsunderlag" in _line(s, "Vilket stöd får LSG:s ordförande av processledaren?")
    assert "decision documentation" in _line(s, "What support do the LSG chairs get from the process leader?")


def test_what_someone_got_done_in_a_period_is_the_reports_work(s):
    lead = _line(s, "Vad hann processledaren göra mellan 13 oktober och 31 december 2016?")
    assert "träffa så många som möjligt" in lead and "fem LSG möten" in lead


def test_a_quoted_passage_brings_the_recorded_conflict_about_it(s):
    sv = ask_kit.head(s, "Vad säger målen om samverkansarbetet i kommunerna?", lines=6)
    assert "Gnesta två gånger och saknar Trosa" in sv
    assert "leaves out Trosa" in ask_kit.head(s, "What are the goals?", lines=6)
    assert "saknar Trosa" not in ask_kit.head(s, "Vad är LSG till för?", lines=6)
