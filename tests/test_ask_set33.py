"""The patterns blind sets 33 and 34 found (tests/blind/score_33.md, score_34.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_should_question_about_a_short_form_is_the_task_that_names_it(s):
    assert _line(s, "Ska processledaren jobba med PRIO?").startswith("Ja") and "PRIO-satsningen" in _line(s, "Ska processledaren jobba med PRIO?")


def test_from_what_date_and_already_working_on_a_date(s):
    head = ask_kit.head(s, "Från vilket datum gäller processledartjänsten?", lines=3)
    assert "2016-07-01" in head and "oktober 2016" in head and "planerat, inte belagt; först belagt 2016-10-13" in head
    working = ask_kit.head(s, "Was the process leader already working on this date?", lines=3, on="2016-09-01")
    assert "only as a plan" in working and "first attested 2016-10-13" in working


def test_an_events_day_is_in_the_first_line(s):
    assert "RAR is founded (2005)" in _line(s, "When was RAR founded?")


def test_the_budget_up_to_a_date_sums_the_years_up_to_it(s):
    assert ask_kit.head(s, "Hur mycket är budgeterat för processledaren till och med detta datum?", lines=3, on="2017-12-31").endswith("Totalt: 1290 tkr (enligt ansökan)")
    assert _line(s, "How much has been budgeted up to 2017?") == "Total: 1290 tkr (as applied for)"
    assert _line(s, "Hur mycket är budgeterat för 2017?") == "Totalt: 859 tkr (enligt ansökan)"


def test_all_of_a_list_a_note_says_leaves_one_out_is_no(s):
    assert _line(s, "Does goal 1 of the application name all four GNOT municipalities?").startswith("No, according to what is recorded")
    assert _line(s, "Nämner mål 1 alla fyra kommunerna?").startswith("Nej")


def test_who_commissioned_an_assignment_is_who_gave_it(s):
    answer = ask(s, "Who commissioned the presentation on how the LSG role fits with the other collaboration structures?")
    assert {a.id for a in answer.answers} == {"lsg_nykoping", "lsg_trosa"}


def test_paid_by_is_a_passive(s):
    for q in ("Betalas processledaren av ESF?", "Is the process leader paid by ESF?"):
        head = ask_kit.head(s, q, lines=3)
        assert head.splitlines()[1].startswith(("Nej", "No")) and ("Samordningsförbundet RAR" in head or "RAR Sörmland" in head), q


def test_a_topic_before_the_question_stands_for_its_pronoun(s):
    assert "aktivitetsplaner halvårsvis" in _line(s, "aktivitetsplanerna – vem tar fram dem och hur ofta?")


def test_who_links_two_groups_is_the_passage_that_says_it(s):
    assert "contact between the TRIS teams" in _line(s, "Who links the TRIS teams to the LSG?")
    assert {a.id for a in ask(s, "Who gives the process leader assignments according to the application?").answers} == {
        "lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund"}  # a name the facts use is no reason for the documents


def test_a_definition_by_a_named_document_and_public_pages_marked(s):
    assert "hälsoverksamhet för invandrare" in _line(s, "Vad är IBIS för något enligt ansökan?") and "pub_ibis" not in _line(s, "Vad är IBIS för något enligt ansökan?")
    assert "offentlig källa, inte dokumenten" in _line(s, "Vad är IBIS?")
    assert "Enligt en offentlig källa" in _line(s, "Vad står IBIS för?")


def test_counts_of_a_lettered_section_and_of_a_listed_list(s):
    assert _line(s, "Hur många punkter står under C. Stöd för utveckling i processledarens uppdrag?").startswith("9, enligt Ansökan")
    assert _line(s, "Hur många utbildningar, träffar och sånt räknas upp under kunskapsinhämtning i lägesrapporten?").startswith("8, enligt Lägesrapport")
    assert _line(s, "Under vilken period pågår IBIS?").startswith("34 månader")  # "under" and a word are no lettered section


def test_not_part_of_a_name_leaves_out_what_is_linked_to_it(s):
    english = ask(s, "Which RAR member municipalities are not part of LSG GNOT?")
    assert {a.id for a in english.answers} == {"kommun_eskilstuna", "kommun_flen", "kommun_katrineholm", "kommun_strangnas", "kommun_vingaker"}
    swedish = ask(s, "Vilka kommuner i RAR ingår inte i LSG GNOT?")
    assert "kommun_trosa" not in {a.id for a in swedish.answers} and "kommun_flen" in {a.id for a in swedish.answers}


def test_owners_asked_of_a_kind_say_none_is_recorded_and_what_it_steers(s):
    head = ask_kit.head(s, "Vilka projekt är LSG:erna projektägare för?", lines=3)
    assert "Ingen ägarrelation finns i datan" in head and "TUNA – Träning" not in head  # Eskilstuna's TUNA is steered by no LSG


def test_what_the_documents_mention_is_their_own_words(s):
    assert "eller annan finansiär" in _line(s, "vilka finansiärer nämns för projekten som LSG styr?")
    assert "or another funder" in _line(s, "Which funders are mentioned for the projects the LSGs steer?")


def test_a_documents_period_first_when_its_period_is_asked(s):
    two = ask(s, "Vilken period täcker lägesrapporten, och hur lång är den?")
    assert "period 13 oktober – 31 december 2016" in two.headline("sv") and "80 dagar" in two.also[0].text()
