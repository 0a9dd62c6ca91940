"""The patterns blind sets 21 and 22 found (tests/blind/score_21.md, score_22.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_place_followed_by_lsg_is_that_places_group(s):
    assert "ungdomar i behov av stöd" in _line(s, "Vad har Gnesta-LSG:n bett processledaren om?")
    assert "young people in need" in _line(s, "What did the Gnesta LSG ask the process leader to do?")


def test_a_budget_without_an_item_is_every_other_item(s):
    head = ask_kit.head(s, "Hur stor del av budgeten för 2017 går till annat än lön?", lines=5)
    assert "Totalt: 58 tkr" in head and "kvm (budgetposten" not in head
    assert "Total: 58 tkr" in ask_kit.head(s, "What is budgeted for other than salary in 2017?", lines=4)


def test_what_parts_a_mission_consists_of_is_the_passage_that_lists_them(s):
    lead = _line(s, "Vilka delar består processledaruppdraget av?")
    assert lead.startswith("Enligt Ansökan") and "tre områden" in lead


def test_a_long_word_of_the_question_finds_the_passage_that_has_it(s):
    for question in ("Vem bestämmer vilka utvecklingsområden som processledaren ska arbeta med?", "Vem bestämmer vilka utvecklingsområden processledaren ska arbeta med?"):
        lead = _line(s, question)
        assert "LSG beslutar om vilka utvecklingsområden" in lead and "namnger ingen" not in lead
        assert lead.startswith("Enligt Ansökan om tjänst")  # the whole sentence of the text copy, not the PDF's broken line


def test_two_values_the_sources_disagree_on_are_the_disagreement_first(s):
    assert _line(s, "Är processledaren knuten till fyra eller fem LSG?").startswith("Källorna säger olika: Ansökan: tjänsten är knuten till \"de fyra")
    assert _line(s, "Is the process leader attached to four or five LSGs?").startswith("The sources disagree:")
    assert "TUNA" in ask_kit.head(s, "which projects is LSG Oxelösund owner or steering group for according to the application?", lines=4)


def test_the_assignment_every_group_gave(s):
    head = ask_kit.head(s, "Which assignment came from all of the LSGs together?", lines=3)
    assert "Assignments all the LSGs gave (1):" in head and "Proposal for administrative structures" in head
    assert "Förslag på administrativa strukturer" in ask_kit.head(s, "Vilket uppdrag fick processledaren av samtliga LSG?", lines=3)


def test_whether_an_activity_took_place_is_the_item_or_not_stated(s):
    assert _line(s, "Did the process leader meet the PRIO coordinator for southern Sörmland?").startswith("Yes, according to")
    assert _line(s, "Deltog processledaren i en workshop om TUNA?").startswith("Det framgår inte: det står inte bland")


def test_what_a_thing_only_named_found_or_holds_is_not_stated(s):
    assert _line(s, "What did the evaluation of the process leader function conclude?").startswith("Not stated:")
    assert _line(s, "Vad kom utvärderingen av funktionen processledare fram till?").startswith("Det framgår inte:")
    assert _line(s, "Vad står det i inriktningsplanen för 2017?").startswith("Det framgår inte:")


def test_a_time_asked_counts_what_a_source_speaks_for_then_apart(s):
    lead = _line(s, "how many projects were running in southern Sörmland in the last quarter of 2016?")
    assert lead.startswith("4 by the sources for that time (and 1 no source speaks for then: TRIS")
    lead = _line(s, "Vilka insatser och projekt var aktuella i södra Sörmland oktober–december 2016?")
    assert lead.startswith("Svar enligt källorna för den tiden (4):") and "ingen källa talar för dem då: TRIS" in lead


def test_places_joined_by_and_are_all_the_place(s):
    assert _line(s, "vem styr TRIS i Gnesta och Trosa") == "Svar (2): LSG Gnesta, LSG Trosa"
    assert "TRIS" in _line(s, "Vad är LSG styrgrupp för i Gnesta och Trosa enligt ansökan?")
    assert _line(s, "Vilka kommuner ingår i LSG GNOT?") == "Svar (4): Nyköpings kommun, Oxelösunds kommun, Gnesta kommun, Trosa kommun"


def test_what_a_short_name_means_and_from_when_to_when(s):
    assert _line(s, "Vad betyder RAR i Samordningsförbundet RAR?").startswith("RAR står för Rehabilitera och Aktivera med gemensamma Resurser")
    assert "2016-03-01 – 2018-12-31" in _line(s, "From when to when does IBIS run?")
    assert "Gick upp i LSG Trosa-Gnesta (arbetsnamn)" in _line(s, "Finns LSG Trosa kvar som egen grupp?", on="2017-03-01")


def test_who_funds_a_coordination_association_is_the_law_s_shares_from_a_public_source(s):
    lead = _line(s, "Who funds RAR, and in what shares?")
    assert lead.startswith("Answer (11):") and "Swedish Social Insurance Agency (50 %)" in lead and "Sörmland County Council (25 %)" in lead
    assert "Försäkringskassan (50 %)" in _line(s, "Vem finansierar RAR?")
    assert _line(s, "vilka kommuner är med i RAR").startswith("Svar (9):")  # a share only where every answer of the name states it


def test_which_kind_that_holds_a_relation_is_not_the_name_of_the_named(s):
    head = ask_kit.head(s, "What is the name of the region that is a member of RAR?", lines=4, on="2019-03-01")
    assert "which regions" in head and "Region Sörmland" in head and "The name in the sources" not in head


def test_new_projects_to_come_are_not_named_and_the_size_of_the_post_is_full_time(s):
    assert _line(s, "Vilka nya projekt kommer LSG att styra?").startswith("Det framgår inte: källorna namnger inga nya.")
    assert "heltidstjänst: ja" in _line(s, "Hur stor är processledartjänsten?")


def test_the_groups_a_task_list_names_before_its_verb_and_what_one_has_to_do_with_a_word(s):
    lead = _line(s, "I vilka styrgrupper och andra grupper ska processledaren delta?")
    assert "Delta i berörda styrgrupper" in lead and "(uppgifter: 6)" in lead
    assert "(tasks: 1)" in _line(s, "What does the process leader have to do with PRIO?")


def test_a_word_the_documents_only_name_is_not_explained_and_a_pronoun_for_it(s):
    assert _line(s, "Vad är PRIO?").startswith("Vad PRIO är framgår inte av källorna;") and "PRIO-samordnare" in _line(s, "Vad är PRIO?")
    lines = ask_kit.answer_lines(s, "What is PRIO and what does the process leader have to do with it?")
    assert lines[2].startswith("  2. what does the process leader have to do with PRIO?: ") and "PRIO initiative" in lines[2]


def test_who_chairs_every_group_is_the_roles_and_that_no_person_is_named(s):
    assert _line(s, "Vilka är ordförande i de olika LSG:erna?") == "Källorna namnger ingen person: svaren är rollerna."
    assert _line(s, "Who are the chairs of the LSGs?") == "The sources name no person: the answers are the roles."


def test_how_often_of_two_things_is_asked_of_each(s):
    lines = ask_kit.answer_lines(s, "Hur ofta ska lägesrapporter och aktivitetsplaner tas fram?")
    assert lines[0] == "Frågan har 2 delar:" and "Lägesrapport skrivs halvårsvis" in lines[1] and "aktivitetsplaner halvårsvis" in lines[2]


def test_a_role_asked_of_a_group_weighs_the_group_over_the_word_role(s):
    assert "Ordförande i respektive LSG är den närmaste kontakten" in _line(s, "vad har LSG-ordförandena för roll gentemot processledaren?")
    assert "Genom effektivisering" in _line(s, "Vad är syftet med ansökan om processledare?")


def test_dates_asked_of_what_the_sources_give_no_day_for_are_not_stated(s):
    lead = _line(s, "Vilka datum har LSG-mötena under 2017?")
    assert lead.startswith("Det framgår inte: källorna anger inga sådana datum.") and "fattat beslut om datum för möten under 2017" in lead
    assert "2017-01-23" in _line(s, "Vilket datum är det första gemensamma mötet för Trosa och Gnesta?")


def test_what_happened_as_of_a_day_is_everything_up_to_it(s):
    head = ask_kit.head(s, "Which LSGs have merged as of today?", lines=2)
    assert "«as of today»" in head and "2017-01-01: LSG Trosa and LSG Gnesta merge" in head


def test_answers_that_follow_from_a_described_event_say_so_not_that_nothing_speaks_for_them(s):
    line = _line(s, "Vilket LSG hör Trosa till idag?", on="2017-02-15")
    assert line == "Svaren följer av en händelse som källorna beskriver (se källorna nedan); ingen källa talar själv för 2017-02-15."
