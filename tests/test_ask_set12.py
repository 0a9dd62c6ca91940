"""The patterns blind set 12 found (tests/blind/score_12.md), each as the questions a user asked there.

Each answer is read as a user reads it: its first lines.
"""

from __future__ import annotations

import ask_kit
from ask_kit import head as _head

from lsgmap.ask import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_the_passage_a_question_names_is_found_not_a_note_that_shares_its_document_name(s):
    assert "Genom effektivisering av samverkansstrukturer" in _head(s, "vad är syftet med processledaren enligt ansökan", 2)
    assert "seminarier genomförs årligen i samband med samordningsförbundets medlemsmöte" in _head(s, "när ska seminarierna hållas enligt ansökan?", 2)
    assert "Administrativt stöd till ordföranden i LSG och TRIS styrgrupp" in _head(s, "vilka ska PL ge administrativt stöd till?", 6)
    # a question whether the documents are right still finds lsgmap's note on them
    assert "2018-06-31, som inte finns" in _head(s, "stämmer slutdatumet i ansökans rubrik?", 2)


def test_a_passive_participle_reads_the_relation_the_right_way_and_a_post_answers_for_its_holder(s):
    head = _head(s, "är Ida Malmberg anställd av RAR", 2).splitlines()
    assert "om RAR anställer Ida Malmberg" in head[0]
    assert head[1].startswith("Ja, genom tjänsten: Ida Malmberg innehar Processledare") and "inte om Ida Malmberg med namn" in head[1]
    assert _head(s, "är Ida Malmberg anställd av LSG Trosa", 2).splitlines()[1].startswith("Nej")


def test_still_running_is_a_question_whether_it_existed_then_yes_or_no_first(s):
    assert _head(s, "is IBIS still running?", 2, on="2019-03-01").splitlines()[1].startswith("No: IBIS")
    assert _head(s, "pågår IBIS fortfarande?", 2, on="2017-03-01").splitlines()[1].startswith("Ja")


def test_a_holder_no_source_names_for_the_time_asked_is_not_stated_then_the_first_known(s):
    head = _head(s, "vem hade processledartjänsten i aug 2016?", 3).splitlines()
    assert head[1].startswith("Det framgår inte för den tiden") and "Ida Malmberg" in head[2]
    assert "Kedjor" not in "\n".join(head)


def test_short_forms_and_a_kind_noun_used_as_a_relation(s):
    assert "Källorna namnger ingen person" in _head(s, "vem är ordf i lsg nyköping", 2)
    head = _head(s, "I ansökan, vad är LSG Trosa styrgrupp för?", 3)
    assert "Inga styrgrupper" not in head and "TRIS" in head


def test_a_budget_item_asked_as_money_for_something_is_yes_or_no(s):
    assert _head(s, "finns det pengar för utbildning i budgeten", 2).splitlines()[1].startswith("Nej: budgeten har ingen sådan post (posterna: Lön")
    assert _head(s, "finns det pengar för resor i budgeten?", 2).splitlines()[1] == "Ja: Resor."


def test_what_something_is_that_the_sources_only_name_is_not_stated(s):
    line = _head(s, "What is Innovation 100 dagar?", 2).splitlines()[1]
    assert line.startswith("What Innovation 100 days is, the sources do not say: they only name it")
    assert "is trosa missing from goal 1" and _head(s, "is trosa missing from goal 1 in the ansökan?", 2).splitlines()[1].startswith("Yes")


def test_whether_something_is_still_held_says_the_disagreement_on_its_end_then_yes(s):
    head = _head(s, "är processledartjänsten fortfarande finansierad?", 4, on="2018-09-01").splitlines()
    assert head[1].startswith("Källorna säger olika:") and "oktober 2018" in head[1] and "2018-06-30" in head[1]
    assert any(line.startswith("Det framgår inte säkert") for line in head[1:4])  # between the two ends: not settled (set 16)
    head = _head(s, "är processledartjänsten fortfarande finansierad?", 7, on="2017-09-01").splitlines()
    assert any(line.startswith("Ja.") for line in head[1:7])
    assert _head(s, "is TRIS steered by anyone?", 2).splitlines()[1] == "Yes. TRIS is steered by:"


def test_an_english_name_that_begins_with_the_is_found(s):
    answer = ask(s, "how many months is the post applied for")
    assert answer.interpretation.intent == "duration"
    assert answer.text().splitlines()[1].startswith("24 months (2016-07-01 – 2018-06-30)")


def test_what_a_short_name_stands_for_is_the_name_its_capitals_spell(s):
    assert "RAR stands for Rehabilitera och Aktivera med gemensamma Resurser" in _head(s, "what does RAR stand for", 2)
    assert "TRIS står för Tidig Rehabilitering I Samverkan" in _head(s, "vad står TRIS för?", 2)
    assert "står för" not in _head(s, "vad står det om TRIS i ansökan?", 2)  # what a document says is no abbreviation question


def test_set13_first_look_a_merger_decided_an_application_period_and_two_dates_offered(s):
    assert _head(s, "har LSG Trosa och LSG Gnesta beslutat att slå ihop sig?", 2).splitlines()[1].startswith("Ja, från 2017-01-01")
    assert "Ansökan om tjänst som processledare" in _head(s, "vilken period gäller ansökan?", 2)
    assert "Det framgår inte" in _head(s, "blev ansökan om ungdomens hus beviljad?", 2)  # an application for something is no document
    head = _head(s, "började processledaren i juli eller oktober 2016?", 3)
    assert "2016-07-01" in head and "oktober 2016" in head and "inte säker" not in head
