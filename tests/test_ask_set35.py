"""The patterns blind sets 35 and 36 found (tests/blind/score_35.md, score_36.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.answer import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_what_a_post_costs_in_all(s):
    assert _line(s, "Vad går processledartjänsten på totalt för hela perioden?") == "Totalt: 1721 tkr (enligt ansökan)"


def test_the_funders_the_documents_mention_are_their_words(s):
    for q in ("vilka finansiärer nämns i dokumenten?", "Vilka finansiärer nämns i ansökan?"):
        assert "eller annan finansiär" in _line(s, q), q
    assert "TRIS" in _line(s, "projekt som nämns i ansökan?")  # a kind the documents' facts name: their list


def test_the_project_owners_are_the_owner_and_those_called_projektagare(s):
    head = ask_kit.head(s, "vilka är projektägarna?", lines=6)
    assert "RAR i Sörmland äger IBIS" in head and 'LSG Nyköping styr TRIS – Tidig Rehabilitering I Samverkan ("projektägare/styrgrupp")' in head


def test_since_when_full_time_is_when_the_post_began(s):
    head = ask_kit.head(s, "Sen när har processledaren jobbat heltid?", lines=3)
    assert "sedan oktober 2016" in head and "2016-07-01" in head


def test_a_status_report_named_is_a_document_not_reporting(s):
    assert _line(s, "How many current projects does the Oct–Dec 2016 status report list for southern Sörmland?") == "4:"
    assert "RAR" in _line(s, "Who does the process leader report to?")


def test_dates_only_a_public_page_gives_say_so(s):
    assert _line(s, "When does the IBIS project run?").endswith("2016-03-01 – 2018-12-31 (public source, not the documents)")
    assert "(offentlig källa, inte dokumenten)" in _line(s, "Från när till när pågår IBIS?")


def test_whether_two_names_are_one_thing(s):
    assert _line(s, "Is the LSG process leader also the TRIS process leader?").startswith("No: Process leader, LSGs of southern Sörmland and TRIS process leader are two")
    assert _line(s, "Är processledaren för LSG samma som processledaren i TRIS?").startswith("Nej")
    same = _line(s, "Är IPS samma sak som IPS-Slussen?")
    assert same.startswith("Det framgår inte säkert") and "lsgmap räknar dem som en" in same


def test_a_second_how_often_keeps_the_first_parts_verb(s):
    both = ask(s, "Vem rapporterar processledaren till, och hur ofta?")
    assert "LSG Gnesta" in both.text() and "halvårsvis" in both.also[0].text()


def test_the_budgets_dates_and_whether_its_sums_add_up(s):
    assert "Budgeten gäller 2016-07-01 – 2018-06-30" in ask(s, "Vilka datum täcker budgeten för processledaren, och hur många månader blir det?").text()
    assert _line(s, "Går budgeten ihop – blir det verkligen 1721 totalt?").startswith("Ja: 431 + 859 + 431 = 1721")
    assert _line(s, "Give me the yearly totals for 2016, 2017 and 2018 – do they add up to the overall total?").startswith("Yes: 431 + 859 + 431 = 1721")
    assert _line(s, "Stämmer årssummorna med totalen?").startswith("Ja")


def test_whether_a_public_source_speaks_of_a_thing(s):
    assert _line(s, "Finns det någon offentlig källa om IPS-Slussen?").startswith("Nej: ingen offentlig källa i datan talar om IPS")
    assert _line(s, "Is there a public source on IBIS?").startswith("Yes")


def test_an_associations_members_and_the_commissioners_by_their_plural(s):
    assert len(ask(s, "who are rar members?").answers) == 12
    assert {a.id for a in ask(s, "Vilka är uppdragsgivarna till processledaren?").answers} >= {"lsg_gnesta", "lsg_trosa"}


def test_whether_a_group_is_among_the_applicants(s):
    assert _line(s, "Is LSG Nyköping-Oxelösund one of the applicants for the process leader?").startswith("No, LSG Nyköping-Oxelösund is not among")
    assert _line(s, "Är LSG Trosa en av de sökande?").startswith("Ja, LSG Trosa är bland de sökande")


def test_still_paying_on_a_date_after_the_end(s):
    assert _line(s, "Is RAR still paying for the TRIS process leader?", on="2018-03-01").startswith("No, not on that date")
