"""The patterns blind sets 41 and 42 found (tests/blind/score_41.md, score_42.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_who_decides_among_named_choices_is_the_decision(s):
    assert "LSG beslutar om vilka utvecklingsområden" in _line(s, "Vem bestämmer vilka utvecklingsområden som är aktuella – processledaren, LSG eller RAR?")


def test_each_their_own_group_is_the_merger_asked_the_other_way(s):
    assert _line(s, "Har Trosa och Gnesta fortfarande var sitt LSG?", on="2017-02-15").startswith("Nej, de slogs samman")


def test_what_something_can_be_is_what_the_documents_say_it_is(s):
    assert "finansieras av Samordningsförbundet RAR, Europeiska socialfonden" in _line(s, "Kan LSG vara styrgrupp för projekt som ESF finansierar?")


def test_what_a_group_ordered_from_the_process_leader(s):
    answer = ask(s, "Jag är ordförande i LSG Trosa – vad har vi beställt av processledaren hittills?")
    assert {a.id for a in answer.answers} == {"uppdrag_lsg_roll", "uppdrag_admin_struktur"}


def test_the_owners_a_named_document_gives(s):
    head = ask_kit.head(s, "Vilka är projektägarna enligt ansökan?", lines=3)
    assert "LSG Nyköping styr TRIS" in head and "RAR i Sörmland äger IBIS" not in head


def test_who_follows_up_is_the_section_on_follow_up(s):
    assert "Planeras i samråd med RAR" in _line(s, "Vem ansvarar för att följa upp och utvärdera processledarinsatsen?")


def test_what_was_granted_is_not_stated_what_was_applied_for_is(s):
    text = ask(s, "Hur mycket beviljade RAR faktiskt till processledartjänsten?").text()
    assert text.splitlines()[1].startswith("Det framgår inte vad som beviljades") and "1721 tkr" in text


def test_whether_a_goal_holds_a_place_its_note_leaves_out(s):
    assert _line(s, "Gäller mål 1 i ansökan även Trosa?").startswith("Nej")


def test_a_count_no_source_speaks_for_then_says_so(s):
    assert _line(s, "Hur många LSG var uppdragsgivare till processledaren i februari 2017?").startswith("4 enligt datan, men ingen källa talar för den tiden")


def test_several_things_counted_together_are_a_lists_items(s):
    assert _line(s, "How many trainings, meetings and events did the process leader attend to gather knowledge in Oct–Dec 2016?").startswith("8")


def test_trainings_gone_to_are_the_reports_list_not_the_budget(s):
    """Sets 43–44 (on the code after the goal was met): "gick … på" is going to, not costing."""
    assert "Grundutbildning i TRIS" in _line(s, "Vilka utbildningar och träffar gick processledaren på under perioden?")
    assert _line(s, "Vad går processledartjänsten på totalt för hela perioden?") == "Totalt: 1721 tkr (enligt ansökan)"


def test_a_place_asked_as_part_of_a_group_is_its_group(s):
    assert {a.id for a in ask(s, "Is Trosa part of LSG GNOT?").answers} == {"lsg_trosa"}


def test_a_time_only_a_plan_speaks_for_is_not_stated(s):
    assert _line(s, "Was the process leader already working in August 2016?", on="2016-08-15").startswith("Not stated: only a plan speaks")
