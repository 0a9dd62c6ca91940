"""The patterns blind set 18 found (tests/blind/score_18.md), each as the questions a user asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_the_steering_group_for_a_project_is_who_steers_it_not_a_kind(s):
    assert _line(s, "Who is the steering group for TRIS in Trosa?") == "Answer (1): LSG Trosa"
    assert _line(s, "vem är styrgrupp för TRIS i Gnesta?").startswith("Svar (1): LSG Gnesta")


def test_a_kind_asked_of_another_kind_by_a_verb_is_what_the_facts_of_that_verb_tie(s):
    answer = ask(s, "Vilka projekt är LSG:erna styrgrupp för?")
    assert {a.id for a in answer.answers} == {"tris", "tuna_nykoping_oxelosund", "ibis", "ips_slussen", "innovation_100"}
    assert {a.id for a in ask(s, "Vilka LSG styr projekt?").answers} >= {"lsg_gnesta", "lsg_trosa", "lsg_nykoping", "lsg_oxelosund"}


def test_which_of_a_kind_have_merged_are_the_events_of_that_kind(s):
    assert _line(s, "Which LSGs have merged as of today?", on="2017-02-01") == "2017-01-01: LSG Trosa and LSG Gnesta merge [ls_sammanslagning]"
    assert _line(s, "Vilka LSG har slagits samman?") == "2017-01-01: LSG Trosa och LSG Gnesta slås samman [ls_sammanslagning]"


def test_what_a_thing_is_about_is_what_its_sources_say_it_is(s):
    assert _line(s, "Vad går Innovation 100 dagar ut på?").startswith("Vad Innovation 100 dagar är framgår inte: källorna nämner bara namnet")
    assert _line(s, "vad handlar TRIS om?").startswith("TRIS – Tidig Rehabilitering I Samverkan (projekt / insats), enligt sina källor")


def test_why_the_sums_differ_says_the_sources_do_not_say_and_gives_the_budgets_period(s):
    assert _line(s, "Varför är budgeten för 2016 och 2018 bara ungefär hälften av 2017?") == (
        "Källorna säger inte varför. Budgetens period är 2016-07-01 – 2018-06-30 [r_rar_funds_pl]; år som bara delvis ingår: "
        "2016: 07-01 – 12-31, 2018: 01-01 – 06-30.")


def test_how_many_a_listed_passage_names_counts_its_items(s):
    assert _line(s, "Hur många kunskapsaktiviteter deltog processledaren i enligt lägesrapporten?").startswith("8, enligt Lägesrapport")
    assert _line(s, "hur många LSG-möten deltog processledaren i?").startswith("5, enligt Lägesrapport")
