"""The patterns blind set 11 found (tests/blind/score_11.md), each as the questions a user asked there.

Each answer is read as a user reads it: its first lines.
"""

from __future__ import annotations

import ask_kit
from ask_kit import head as _head

from lsgmap.ask import ask
from lsgmap.ask.reading import correct_spelling

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_verb_misspelt_by_one_letter_is_still_the_verb_asked(s):
    head = _head(s, "är processledaren anstäld av lsg?")
    assert "Nej" in head and "anställer" in head  # employed by RAR, not by an LSG: the verb is kept
    assert "Ja" not in head.split("\n")[1]
    # a word spelt as a cue reads it stays as it is; a name's word is never "corrected"
    assert correct_spelling(s, "to whom does the process leader report") == "to whom does the process leader report"
    assert correct_spelling(s, "vem styr tunna") == "vem styr tunna"


def test_responsible_for_doing_something_asks_who_does_it_not_whether(s):
    answer = ask(s, "vem ansvarar för att rapportera om processledarinsatsen till RAR")
    assert answer.interpretation.relation == "reports_to"
    head = answer.text().splitlines()
    assert not head[1].startswith("Ja") and "Processledare LSG södra Sörmland" in head[1]


def test_what_something_is_is_said_first_from_its_own_sources(s):
    head = _head(s, "what is IBIS?", 2)
    assert "IBIS – Integration Building in Sörmland (project)" in head and "hälsoverksamhet för invandrare" in head
    assert "(summary, not a quote; public source, not the documents) [pub_ibis]" in head  # a public page's summary is not passed off as a quote, nor as the documents
    assert "TRIS – Tidig Rehabilitering I Samverkan (projekt / insats), enligt sina källor" in _head(s, "vad är TRIS", 2)


def test_a_passage_that_shares_much_with_an_unread_question_is_its_answer(s):
    meeting = ask(s, "datum för första gemensamma mötet trosa+gnesta?")
    assert meeting.understood and "23 januari 2017" in "\n".join(meeting.text().splitlines()[:3])
    heading = _head(s, "stämmer slutdatumet i ansökans rubrik?", 2)
    assert "2018-06-31, som inte finns" in heading and "Inget i datan passar" not in heading
    nonsense = ask(s, "vad är meningen med livet")  # a passage sharing one word is no answer
    assert "Enligt" not in nonsense.text().splitlines()[1]


def test_an_amount_no_source_gives_is_not_stated(s):
    assert "Det framgår inte: källorna anger inget belopp" in _head(s, "hur mycket pengar får innovation 100 dagar och från vem", 2)
    assert "Not stated: the sources give no amount" in _head(s, "how much money does innovation 100 dagar get?", 2)


def test_a_start_or_end_the_sources_disagree_on_says_both_first(s):
    head = _head(s, "när började processledaren jobba", 3).splitlines()
    assert head[1].startswith("Källorna säger olika:") and "oktober 2016" in head[1] and "2016-07-01" in head[1]
    assert "oktober 2018" in _head(s, "till när är processledaren finansierad", 4)
    tuna = _head(s, "när började TUNA", 2)  # no conflict recorded: the date the data states, no "disagree"
    assert "disagree" not in tuna and "olika" not in tuna and "från 2008" in tuna
