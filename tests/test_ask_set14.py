"""The patterns blind set 14 found (tests/blind/score_14.md), each as the questions a user asked there."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_verksamheter_are_projects_and_a_compound_ending_in_a_cue_word_asks_that_relation(s):
    assert "TRIS" in _line(s, "ansökan: vilka verksamheter ligger under lsg oxelösund", 2) or "TRIS" in _line(s, "ansökan: vilka verksamheter ligger under lsg oxelösund", 1)
    answer = ask(s, "vart ska processledarens lägesrapporter skickas?")
    assert answer.interpretation.relation == "reports_to"


def test_a_question_opening_with_a_past_passive_is_yes_or_no(s):
    assert _line(s, "beviljades ansökan om ungdomsinsatsen i gnesta?").startswith("Det framgår inte")


def test_whos_is_who_is(s):
    line = _line(s, "who's our process leader at the moment?", on="2016-09-01")
    assert line.startswith("Not stated for that time")


def test_what_a_kind_of_actor_is_is_the_passage_that_opens_with_it(s):
    line = _line(s, "vad är ett lsg egentligen")
    assert "De lokala samverkansgrupperna (LSG) i Sörmland ska driva, förankra och utveckla" in line


def test_set14_patterns_assignments_asked_for_lengths_and_ends_dates_and_the_who_is_of_another_role(s):
    line = _line(s, "lsg nyköping – vad har de bett processledaren göra? (lägesrapporten)", 1)
    assert "nollplacerade" in line and "Ungdomens hus" not in line
    assert "role and purpose" in _line(s, "which tasks did LSG Trosa hand the process leader (status report)?")
    assert _line(s, "hur många månader är tjänsten budgeterad för").startswith("24 månader (2016-07-01 – 2018-06-30)")
    head = "\n".join(ask(s, "till när finns det pengar för processledaren?").text().splitlines()[1:4])
    assert "oktober 2018" in head and "2018-06-30" in head and "Totalt" not in head
    head = "\n".join(ask(s, "datum för trosa o gnestas första gemensama möte?").text().splitlines()[1:3])
    assert "2017-01-23" in head and "planeringsdagen" in head
    assert "Ida Malmberg" not in _line(s, "vem var prio-samordnaren som processledaren träffade?")
    assert _line(s, "no. of goals in the application?").startswith("4, according to")
    assert "LSG GNOT (LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa) applies to" in _line(s, "who applied for the process leader post, and to whom?")
    assert "Samordningsförbundet RAR" in _line(s, "vem står för lönen till procesledaren")


def test_set15_stands_for_only_when_asked_what_a_name_stands_for_and_the_items_a_list_question_names(s):
    assert "står för Rehabilitera" not in _line(s, "hur finansieras ett samordningsförbund som RAR, vem står för vad")
    assert "RAR står för Rehabilitera och Aktivera med gemensamma Resurser" in _line(s, "vad står RAR för?")
    assert "role and purpose" in _line(s, "what did lsg trosa ask the process leader to do in 2016")
    assert "«Grundutbildning i TRIS»; «Arbetsförmedlingens metoddag i TRIS»" in _line(s, "vilka TRIS-grejer var processledaren på under rapportperioden?")


def test_set15_more_years_a_person_in_a_post_relation_facts_and_swapped_letters(s):
    assert _line(s, "finns det budget för 2019?") == "Nej: budgeten har belopp bara för 2016, 2017, 2018."
    assert _line(s, "finns det budget för 2017?") == "Ja."
    assert _line(s, "är ida malmberg fortfarande processledare?", on="2018-03-01") == "Ja enligt datan, men ingen källa talar för den tiden:"
    assert _line(s, "är ida malmberg processledare?", on="2016-11-15") == "Ja:"
    facts = ask(s, "vem får lägesrapporterna?").text()
    assert "Processledare LSG södra Sörmland rapporterar till Samordningsförbundet RAR i Sörmland [r074]." in facts
    assert "Menade du" in ask(s, "Vem finansierar Ibsi?").text()  # a name not found is no question about every funder
    assert _line(s, "travle budget for the whole period 2016-2018?").startswith("Total: 31 tkr")
    assert "Vad Innovation 100 dagar är framgår inte" in _line(s, "innovation 100 dagar – vad är det och vems är det?")


def test_a_budget_item_of_a_named_receiver_and_a_post_of_another_project(s):
    assert "Total: 801 tkr" in ask(s, "what is the process leader's salary in 2017?").text()
    assert "Samordningsförbundet RAR" in _line(s, "vem står för lönen till procesledaren")  # who pays: the funder, not the sum
    assert "TRIS process leader" in _line(s, "who pays TRIS's own process leader?", 0)
