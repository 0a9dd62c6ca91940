"""The patterns blind sets 31 and 32 found (tests/blind/score_31.md, score_32.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_everything_but_one_item_leaves_out_only_the_first_named_after_but(s):
    assert _line(s, "Hur mycket kostar allt utom lönen – lokal, resor, telefon och dator – under hela perioden?") == "Totalt: 118 tkr (enligt ansökan)"
    assert _line(s, "Hur mycket är budgeterat för resor 2016–2018?") == "Totalt: 31 tkr (enligt ansökan)"
    assert _line(s, "What is the budget other than salary in 2017?", n=2).startswith("Total: 58 tkr")


def test_two_groups_joined_are_both_asked_about(s):
    for q in ("Vad är LSG i Gnesta och Trosa styrgrupp för?", "Vad styr LSG Gnesta och LSG Trosa?"):
        assert _line(s, q) == "Svar (1): TRIS – Tidig Rehabilitering I Samverkan", q
    assert "TUNA Nyköping/Oxelösund" in _line(s, "What do LSG Nyköping and LSG Oxelösund steer?")


def test_a_short_form_the_documents_use_is_found_where_they_use_it(s):
    assert _line(s, "Ingår PRIO i processledarens uppdrag?").startswith("Ja") and "PRIO-satsningen" in _line(s, "Ingår PRIO i processledarens uppdrag?")
    assert "PRIO" in _line(s, "Does the mission include PRIO?")


def test_whether_an_assignment_has_started_is_not_stated(s):
    assert _line(s, "Är Ungdomens hus igång?").startswith("Det framgår inte om det har kommit igång")
    assert _line(s, "Has the Youth House started?").startswith("Not stated")


def test_an_approval_not_recorded_says_what_the_posts_sources_say(s):
    lead = _line(s, "Blev ansökan om processledare beviljad?")
    assert lead.startswith("Det framgår inte") and "sedan oktober 2016" in lead and "fram till oktober 2018" in lead
    assert "2005" not in _line(s, "När godkändes RAR?")  # an organisation's founding is no approval


def test_task_lists_asked_by_what_is_to_be_made_or_joined(s):
    plans = _line(s, "Vilka planer ska processledaren ta fram åt LSG:erna?")
    assert "aktivitetsplaner halvårsvis" in plans
    assert "Delta i berörda styrgrupper" in _line(s, "Vilka styrgrupper ska processledaren sitta med i?")
    assert "(uppgifter: 1)" in _line(s, "Vad kan LSG:s ordförande få hjälp med av processledaren?")  # one group, its one task


def test_a_verb_no_relation_holds_is_answered_by_the_passage_that_says_it(s):
    assert "närmaste kontakten" in _line(s, "Vem ska processledaren i första hand vända sig till i respektive LSG?")
    assert _line(s, "Vilka lokala samverkansgrupper finns?").startswith("Svar (5)")  # no verb: the groups


def test_new_projects_asked_when_are_the_period_the_passage_gives(s):
    lead = _line(s, "Over which years does the application expect new projects for the LSGs to steer?")
    assert not lead.startswith("Not stated") and "2016-2019" in lead
    assert _line(s, "Vilka nya projekt kommer?").startswith("Det framgår inte: källorna namnger inga nya")


def test_a_numbered_goal_is_the_goals_passage_with_its_recorded_slip(s):
    head = ask_kit.head(s, "Vilka kommuner omfattas av mål 1 i ansökan?", lines=6)
    assert "Gnesta, Nyköping, Oxelösund och Gnesta" in head and "saknar Trosa" in head


def test_the_days_a_document_covers(s):
    assert "covers 80 days (2016-10-13 – 2016-12-31" in _line(s, "How many days does the Oct–Dec 2016 status report cover?")
    assert "gäller 80 dagar" in _line(s, "Hur många dagar täcker lägesrapporten?")


def test_an_end_date_asked_of_a_document_is_what_it_writes(s):
    lead = _line(s, "Vilket slutdatum står det i ansökan?")
    assert "2018-06-31" in lead and "2018-06-30" in lead


def test_whether_the_post_was_in_place_is_whether_a_source_speaks_for_it_then(s):
    head = ask_kit.head(s, "Var processledaren på plats i början av september 2016, så som ansökan planerade?", lines=3)
    assert "bara som plan" in head and "först belagt 2016-10-13" in head
    assert "only as a plan" in ask_kit.head(s, "Was the process leader in place in September 2016?", lines=3)


def test_a_period_only_a_public_page_gives_says_so(s):
    lead = _line(s, "Hur länge håller IBIS på?", on="2017-06-01")
    assert "34 månader (2016-03-01 – 2018-12-31)" in lead and "offentlig källa, inte dokumenten" in lead


def test_an_english_question_finds_the_documents_english_words(s):
    assert "Purpose: Through more efficient" in _line(s, "What's the stated purpose of the process leader post?")
    assert "Syfte: Genom effektivisering" in _line(s, "Vad är syftet med processledartjänsten?")
    assert "difficult to find the time" in _line(s, "What do the LSG chairs find hard, according to the application?")


def test_a_second_part_with_a_topic_before_the_first(s):
    two = ask(s, "RAR – vad betyder förkortningen och vad är det för organisation?")
    assert "Rehabilitera och Aktivera" in two.text() and len(two.also) == 1
