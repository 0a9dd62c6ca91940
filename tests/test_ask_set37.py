"""The patterns blind sets 37 and 38 found (tests/blind/score_37.md, score_38.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_preface_saying_who_asks_is_who_we_are(s):
    trosa = ask(s, "Jag är ordförande i LSG Trosa – vilka uppdrag hade vi gett processledaren vid årsskiftet?", on="2016-12-31")
    assert {a.id for a in trosa.answers} == {"uppdrag_lsg_roll", "uppdrag_admin_struktur"}
    assert trosa.question.startswith("Jag är ordförande")  # the question as written is kept
    assert "young people" in _line(s, "I chair LSG Gnesta: what did we ask the process leader to do?", on="2016-12-31")


def test_a_sentence_that_asks_nothing_beside_one_that_asks(s):
    head = ask_kit.head(s, "Vilket slutdatum gäller för processledartjänsten? Jag har sett olika uppgifter.", lines=4)
    assert "2018-06-31" in head and "oktober 2018" in head
    assert _line(s, "no. of goals in the application?").startswith("4")  # an abbreviation's dot ends no sentence
    assert _line(s, "Hur många punkter står under C. Stöd för utveckling i processledarens uppdrag?").startswith("9")


def test_whether_planned_work_was_done_with_no_time_asked_is_not_stated(s):
    assert _line(s, "Blev den administrativa strukturen för LSG färdig?").startswith("Det framgår inte om eller när det blev klart")
    assert _line(s, "Blev det något Ungdomens hus?").startswith("Det framgår inte om det har kommit igång")


def test_whether_sums_match_the_stated_total(s):
    assert _line(s, "Summing the yearly totals in the application budget, do they match the stated grand total?").startswith("Yes: 431 + 859 + 431 = 1721")


def test_tasks_with_other_posts_and_who_gets_support(s):
    assert "Bistå processledarna" in _line(s, "Hur ska processledaren jobba med de andra processledarna?")
    assert "ordföranden i LSG och TRIS styrgrupp" in _line(s, "Vem får administrativt stöd av processledaren – bara LSG-ordförandena?")
    assert "LSG beslutar om vilka utvecklingsområden" in _line(s, "Vem bestämmer vilka utvecklingsområden processledaren ska jobba med?")


def test_a_funder_the_budget_has_no_money_from(s):
    assert _line(s, "Does the process leader budget include ESF money?").startswith("No: by the sources the budget's money comes from RAR")
    assert _line(s, "Finns det pengar till resor i budgeten?").startswith("Ja")


def test_what_a_pronoun_stands_for_is_the_thing_measured_not_money(s):
    office = ask(s, "Hur stor lokal har man räknat med för processledaren och vad kostar den?")
    assert "Totalt: 36 tkr" in office.also[0].text()
    money = ask(s, "Hur mycket pengar har Innovation 100 dagar fått och vem finansierar det?")
    assert "innovation 100 dagar" in money.also[0].question.lower()
