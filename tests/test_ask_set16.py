"""The patterns blind set 16 found (tests/blind/score_16.md), each as the questions a user asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import head as _head
from ask_kit import line as _line

from lsgmap.ask import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_an_item_of_a_listed_passage_that_holds_the_questions_word_is_the_answer(s):
    assert _line(s, "Vad står det om Hälsoskolan i lägesrapporten?").endswith("«Workshop avseende Hälsoskolan»")
    assert "«Utvärderingen av funktionen processledare»" in _line(s, "vad står det om utvärderingen i rapporten?")


def test_a_budget_word_one_letter_off_is_that_word(s):
    answer = ask(s, "Vad kostar loklen totalt 2016-2018?")
    assert answer.amounts["total"] == 36.0 and _line(s, "Vad kostar loklen totalt 2016-2018?") == "Totalt: 36 tkr (enligt ansökan)"
    assert ask(s, "hur mycket är telfonen 2017?").amounts["total"] == 10.0


def test_how_many_of_a_kind_apply_counts_the_applying_groups_parts(s):
    assert _line(s, "Hur många LSG står bakom ansökan om processledare?") == "4 lokala samverkansgrupper: LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa"
    assert _line(s, "Vem står bakom ansökan?").startswith("LSG GNOT (LSG Gnesta")  # no count asked: who


def test_what_a_thing_is_briefly_is_what_its_sources_say_then_its_relations_by_kind(s):
    text = _head(s, "vad är processledartjänsten, kort?", 9)
    assert text.splitlines()[1].startswith("Processledare LSG södra Sörmland (roll / tjänst), enligt sina källor: «Processledare är en heltidstjänst")
    assert "är anställd av: Samordningsförbundet RAR i Sörmland" in text and "finansieras av: Samordningsförbundet RAR i Sörmland" in text
    assert "har som uppdragsgivare: LSG Gnesta" in text
    assert "Svar (" not in text  # no list of twelve names of every kind


def test_words_the_reading_leaves_unused_that_a_listed_task_holds_answer_by_that_task_and_whose_it_is(s):
    lead = _line(s, "Vem ska vara länken mellan TRIS-teamen och LSG?")
    assert "under «Processledare › C. Stöd för utveckling»" in lead and "Vara kontakten mellan TRIS-teamen" in lead
    lead = _line(s, "Vem tar fram aktivitetsplanerna och hur ofta?")
    assert "under «Processledare › C. Stöd för utveckling»" in lead and "Utarbeta och föreslå LSG aktivitetsplaner halvårsvis." in lead
    assert lead.startswith("Enligt Ansökan om tjänst")  # the text copy, not "Samma ansökan"


def test_a_start_the_sources_disagree_on_is_not_said_as_the_answer(s):
    lines = ask(s, "När började processledaren?").text().splitlines()
    assert lines[1].startswith("Källorna säger olika:") and "oktober 2016" in lines[1]
    assert lines[2].startswith("Datan räknar med ett av källornas datum (inte avgjort)")


def test_held_on_a_day_between_the_two_ends_the_sources_give_is_not_settled(s):
    assert any(x.startswith("Det framgår inte säkert") for x in _head(s, "Är processledartjänsten finansierad just nu?", 6, on="2018-08-15").splitlines())
    assert any(x.startswith("Ja.") for x in _head(s, "Är processledartjänsten finansierad just nu?", 6, on="2017-05-01").splitlines())
    assert not any(x.startswith(("Ja.", "Det framgår inte säkert")) for x in _head(s, "Är processledartjänsten finansierad just nu?", 6, on="2018-12-01").splitlines())


def test_what_a_thing_is_and_what_it_costs_says_both(s):
    text = _head(s, "Vad är Innovation 100 dagar och vad kostar det?", 3)
    assert "Vad Innovation 100 dagar är framgår inte: källorna nämner bara namnet" in text
    assert "källorna anger inget belopp" in text
    assert "enligt sina källor" not in _head(s, "Vad är budgeten för processledaren 2017?", 4)  # a budget's receiver is not defined


def test_the_unit_of_the_amounts_is_the_recorded_note_on_it(s):
    assert _line(s, "Är beloppen i budgeten i kronor eller tusentals kronor?").startswith("Det framgår inte säkert av källorna: Ansökans budget anger ingen enhet")
    assert _line(s, "which currency are the budget figures in?").startswith("The sources do not settle it: The application's budget states no unit")
    assert _line(s, "Hur mycket är budgeten totalt?").startswith("Totalt: 1721 tkr")


def test_how_long_is_the_length_of_each_stated_period(s):
    assert _line(s, "For how long is the process leader post funded?").startswith("24 months (2016-07-01 – 2018-06-30)")
    assert _line(s, "hur länge pågick IBIS?").startswith("34 månader (2016-03-01 – 2018-12-31)")


def test_what_a_kind_of_actor_is_supposed_to_do_is_the_passage_that_opens_with_it(s):
    for question in ("What are the local collaboration groups supposed to do, according to the application?",
                     "Vad ska de lokala samverkansgrupperna göra enligt ansökan?"):
        assert "De lokala samverkansgrupperna (LSG) i Sörmland ska driva, förankra och utveckla" in _line(s, question)


def test_what_happened_after_a_year_is_the_events_after_it_or_that_none_is_recorded(s):
    lead = _line(s, "What happened to the LSG structure after 2017?")
    assert lead.startswith("Not stated: the sources record no such event after 2017.") and "LSG Trosa and LSG Gnesta merge (2017-01-01)" in lead
    assert _line(s, "Vad hände 2017?") == "2017-01-01: LSG Trosa och LSG Gnesta slås samman [ls_sammanslagning]"
    assert _line(s, "vad hände efter sammanslagningen?").startswith("2019-01-01: Landstinget Sörmland och Regionförbundet Sörmland blir Region Sörmland")


def test_an_undated_question_puts_no_date_doubt_before_its_answer(s):
    lines = ask(s, "Vilka projekt styr LSG Oxelösund enligt ansökan?").text().splitlines()
    assert not lines[1].startswith(("Ingen källa talar", "(Frågan anger inget datum"))
