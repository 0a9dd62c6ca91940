"""The patterns blind sets 25 and 26 found (tests/blind/score_25.md, score_26.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_yes_no_question_about_a_task_of_the_post_is_that_task(s):
    assert _line(s, "Ska processledaren vara med och planera TRIS-dagarna?").startswith("Ja, enligt Ansökan") and "TRIS-dagar" in _line(s, "Ska processledaren vara med och planera TRIS-dagarna?")
    assert "activity plans" in _line(s, "Is the process leader supposed to propose activity plans to the LSGs?")
    assert "keeping notes" in _line(s, "Does the process leader take the minutes at LSG meetings?")
    assert _line(s, "did lsg trosa ask for the presentation about LSG's role compared to the other collaboration structures?").startswith("Yes")


def test_second_questions_and_their_borrowed_words(s):
    lines = ask_kit.answer_lines(s, "Hur ofta ska processledaren lämna lägesrapport, och när hålls seminarierna?")
    assert "halvårsvis" in lines[1] and "seminarier genomförs årligen" in lines[2]
    lines = ask_kit.answer_lines(s, "Who commissions the process leader, and who pays?")
    assert lines[2] == "  2. who pays the process leader?: Answer (1): RAR Sörmland coordination association"
    assert "närmaste kontakten" in _line(s, "Vilken roll har LSG:s ordförande gentemot processledaren?")


def test_lsg_i_a_place_is_its_group_and_the_report_period_is_its_period(s):
    assert _line(s, "Hur många verksamheter är LSG i Nyköping projektägare eller styrgrupp för?") == "4 st:"
    lead = _line(s, "hur många aktuella insatser fanns i södra Sörmland under rapportperioden?")
    assert lead.startswith("4 enligt källorna för den tiden")


def test_time_left_since_and_how_long_a_period(s):
    head = ask_kit.head(s, "Hur länge till är processledaren finansierad räknat från idag?", lines=3, on="2017-03-15")
    assert "Kvar: 472 dagar (cirka 16 månader) till 2018-06-30" in head and "till oktober 2018" in head
    head = ask_kit.head(s, "How long has the process leader post existed as of today?", lines=3, on="2017-09-01")
    assert "Since October 2016: 335 days (about 11 months)" in head
    assert "24 månader (2016-07-01 – 2018-06-30)" in _line(s, "Hur lång period söker LSG GNOT processledaren för?")


def test_when_something_is_to_be_finished_is_the_sentence_that_says_so(s):
    assert "slutföras under början av 2017" in _line(s, "När ska arbetet med den administrativa strukturen för LSG vara klart?")
    assert "Det framgår inte" in ask_kit.head(s, "när beviljade rar ansökan om processledare?", lines=2)


def test_who_funds_what_a_group_steers_is_what_the_application_says_of_them(s):
    lead = _line(s, "Vem finansierar de projekt som LSG är styrgrupp för?")
    assert "finansieras av Samordningsförbundet RAR, Europeiska socialfonden (ESF) eller annan finansiär" in lead


def test_a_total_the_question_gives_is_checked_and_what_the_groups_are_to_do(s):
    assert _line(s, "Stämmer totalsumman 1721 tkr i budgeten för processledaren?") == "Ja: 431 + 859 + 431 = 1721 (årens summor i budgeten)."
    assert "ska driva, förankra och utveckla" in _line(s, "Vad ska de lokala samverkansgrupperna egentligen göra?")
