"""The patterns blind sets 19 and 20 found (tests/blind/score_19.md, score_20.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_what_sort_of_thing_a_name_is_is_what_its_sources_say_it_is(s):
    assert _line(s, "vad är IBIS för nåt?").startswith("IBIS – IntegrationsBygget I Sörmland (projekt / insats), enligt sina källor")
    assert _line(s, "Vad är Innovation 100 dagar för nåt?").startswith("Vad Innovation 100 dagar är framgår inte")


def test_how_many_applied_together_for_the_post_counts_the_applying_groups_parts(s):
    assert _line(s, "how many LSGs applied together for the proces leader post?") == "4 local collaboration groups: LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa"
    assert _line(s, "hur många LSG ansökte gemensamt om processledartjänsten?").startswith("4 lokala samverkansgrupper")


def test_still_its_own_group_is_the_merger_the_other_way(s):
    assert _line(s, "Is LSG Trosa still its own group today?", on="2016-12-20").startswith("Yes, still separate on that date")
    assert _line(s, "är LSG Gnesta fortfarande en egen grupp?", on="2017-03-01").startswith("Nej")


def test_a_kind_in_a_group_named_as_a_group_is_its_parts_in_a_region_its_place(s):
    assert _line(s, "Vilka är de lokala samverkansgrupperna i LSG GNOT?") == "Svar (4): LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa"
    assert "LSG Nyköping-Oxelösund" in _line(s, "Vilka LSG i södra Sörmland är uppdragsgivare till processledaren?")


def test_the_period_an_application_is_for_is_the_period_applied_for_with_the_disagreements(s):
    for question in ("Vilken period gäller ansökan?", "Hur länge gäller ansökan?"):
        head = ask_kit.head(s, question, lines=4)
        assert "söker för (en plan, inte belagd):" in head and "24 månader (2016-07-01 – 2018-06-30)" in head
        assert "2018-06-31, som inte finns" in head and "talar för 2016 – 2016-06-30" not in head
    assert "25 månader (2016-10 – 2018-10)" in ask_kit.head(s, "För vilken period söks tjänsten?", lines=3)
    assert "talar för 2016-10-13 – 2016-12-31" in ask_kit.head(s, "Vilken period täcker lägesrapporten?", lines=3)  # a report: its own


def test_the_joint_group_named_by_what_it_came_from_is_the_merged_group_on_its_first_day(s):
    answer = ask(s, "Who chairs the new joint LSG for Trosa and Gnesta?")
    assert answer.interpretation.entities == ("lsg_trosa_gnesta",) and answer.on.isoformat() == "2017-01-01"
    assert answer.text().splitlines()[1] == "No one who chairs LSG Trosa-Gnesta (working name) is recorded in the sources."
    assert "första dagen LSG Trosa-Gnesta fanns" in ask(s, "Vem är ordförande i det gemensamma LSG:t för Trosa och Gnesta?").text()


def test_two_names_with_i_between_that_are_one_name_are_that_name(s):
    head = ask_kit.head(s, "vem styr TUNA i nyköping/oxelösund?", lines=2)
    assert "vem styr TUNA Nyköping/Oxelösund" in head and "LSG Nyköping-Oxelösund" in head.splitlines()[1]
    assert "LSG Gnesta" in _line(s, "Vem styr TRIS i Gnesta?")  # a place stays a place


def test_who_decides_is_the_passage_that_names_who_not_that_no_one_is_named(s):
    lead = _line(s, "Vem bestämmer vilka utvecklingsområden processledaren ska jobba med?")
    assert "LSG beslutar om vilka utvecklingsområden" in lead and "namnger ingen" not in lead
