"""A document's sections: a question that names a heading ("Syfte", "del B", "part (A)") is answered by what stands under
it, and a word that says what is asked of a thing ("syftet", "compare") names no assignment by itself (blind sets 19–20)."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

from lsgmap.ask.reading import read_question

s = ask_kit.s  # the bundled data, a fixture by this name


def test_the_purpose_asked_is_the_section_under_the_heading_syfte(s):
    lead = _line(s, "Vad är syftet med ansökan om processledare?")
    assert "Genom effektivisering av samverkansstrukturer" in lead
    assert "Presentation om LSG" not in lead and "följande uppdrag" not in lead
    assert "Genom effektivisering" in _line(s, "Vilket syfte har processledartjänsten enligt ansökan?")


def test_a_lettered_part_is_the_section_under_that_letter(s):
    lead = _line(s, "Vad ingår i del B av uppdraget?")
    assert "Bevaka och identifiera aktuella lokala frågor" in lead and "Omvärldsbevakning" in lead
    lead = _line(s, "What does the administrative support part (A) of the process leader's mission include?")
    assert "compiling decision documentation and agendas" in lead and "Monitor" not in lead


def test_a_frame_word_alone_names_no_assignment(s):
    for question in ("Vad är syftet med ansökan om processledare?", "How does the 2017 budget compare with 2016 and 2018?"):
        assert "uppdrag_lsg_roll" not in {m.entity_id for m in read_question(s, question).mentions}
    assert "Total 2017: 859 tkr" in ask_kit.head(s, "How does the 2017 budget compare with 2016 and 2018?", lines=8)
