"""The patterns blind sets 39 and 40 found (tests/blind/score_39.md, score_40.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_how_a_document_describes_a_thing(s):
    assert "hälsoverksamhet för invandrare" in _line(s, "Vad beskrivs IBIS som i ansökan?")


def test_whether_it_says_anywhere_what_something_is_called(s):
    assert _line(s, "Står det någonstans vad det sammanslagna LSG:t för Trosa och Gnesta ska heta?").startswith("Namnet står inte i källorna")


def test_a_decided_intervention_is_an_approval_not_recorded(s):
    assert _line(s, "Är Ungdomens hus en beslutad insats?").startswith("Det framgår inte")


def test_what_a_group_asked_the_process_leader_for(s):
    answer = ask(s, "what did LSG Nyköping ask the process leader for in Oct-Dec 2016?")
    assert {a.id for a in answer.answers} == {"uppdrag_nollplacerade", "uppdrag_lsg_roll", "uppdrag_admin_struktur"}


def test_who_decides_is_the_decision_not_the_tasks(s):
    assert "LSG beslutar om vilka utvecklingsområden" in _line(s, "Vem bestämmer vilka utvecklingsområden LSG ska jobba med – vi eller processledaren?")


def test_which_groups_get_support_and_the_steering_groups_a_group_sits_in(s):
    assert _line(s, "Which steering groups get admin support from the process leader?").count("Administrative support to the chair") == 1
    assert {a.id for a in ask(s, "Vilka styrgrupper sitter LSG Nyköping i?").answers} == {"tris", "tuna_nykoping_oxelosund", "ips_slussen", "ibis"}
    assert "TUNA Nyköping/Oxelösund" in _line(s, "Which steering groups does LSG Oxelösund sit on?")


def test_a_relation_no_one_holds_is_not_stated_not_no(s):
    assert _line(s, "Finansieras IPS-Slussen av ESF?").startswith("Det framgår inte: ingen som finansierar IPS")
    assert _line(s, "Styr LSG Gnesta TUNA?").startswith("Nej")  # TUNA has steering groups: no
    assert _line(s, "Är Ida Malmberg anställd av LSG Trosa?").startswith("Nej")  # a person answers through her post


def test_either_or_says_which_side_holds_the_relation_first(s):
    assert _line(s, "Vem äger IBIS egentligen – LSG eller RAR?").startswith("Enligt datan: RAR äger IBIS")
    assert _line(s, "Who commissions the process leader – RAR or the LSGs?").startswith("By the data: Local collaboration groups commissions")


def test_a_listed_item_named_by_its_short_form(s):
    assert _line(s, "Did the process leader go to any ESF meeting in autumn 2016?").startswith("Yes") and "ESF" in _line(s, "Did the process leader go to any ESF meeting in autumn 2016?")


def test_a_merger_only_a_decision_before_it_speaks_for_is_said_so(s):
    assert "no later source says it took place" in _line(s, "Are Trosa and Gnesta still two separate LSGs today?", on="2017-02-01")
