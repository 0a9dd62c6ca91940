"""The patterns blind set 13 found (tests/blind/score_13.md), each as the questions a user asked there."""

from __future__ import annotations

import ask_kit
from ask_kit import answer_lines as _lines

from lsgmap.ask import ask

s = ask_kit.s  # the bundled data, a fixture by this name


def test_a_length_is_counted_from_one_documents_period_never_from_two_joined(s):
    lines = _lines(s, "Hur många månader gäller ansökan om processledare?")
    assert lines[1].startswith("24 månader (2016-07-01 – 2018-06-30)") and "(Ansökan)" in lines[1]
    assert "28 månader" not in "\n".join(lines)  # the application's start and the report's end: a period no document states
    assert lines[2].startswith("25 månader (2016-10 – 2018-10)") and "(Lägesrapport)" in lines[2]


def test_who_is_behind_the_application_is_the_applicant_with_its_parts_and_whom_it_applies_to(s):
    line = _lines(s, "Vem står bakom ansökan om processledartjänsten och vem söker man pengar hos?")[1]
    assert line.startswith("LSG GNOT (LSG Gnesta, LSG Nyköping, LSG Oxelösund, LSG Trosa) ansöker hos Samordningsförbundet RAR")
    assert "Totalt" not in line  # "pengar" is no budget question here
    assert _lines(s, "Vem ansöker hos RAR?")[0].startswith("Tolkat som: vem ansöker hos")  # the relation question as before


def test_what_the_post_includes_is_its_three_areas(s):
    head = "\n".join(_lines(s, "vad ingår i processledartjänsten?")[:4])
    assert "tre områden" in head and "Administrativt stöd" in head


def test_a_quote_never_joins_the_lists_of_two_sections_and_a_genitive_is_no_typo(s):
    line = _lines(s, "which TRIS events did the process leader go to in autumn 2016?")[1]
    assert "(in Swedish: «Grundutbildning i TRIS»); “Arbetsförmedlingen's method day on TRIS” (in Swedish: «Arbetsförmedlingens metoddag i TRIS»)" in line
    assert "Det finns ett behov" not in line and "There is a need" not in line
    answer = ask(s, "Vilka är processledarens uppdragsgivare?", on="2016-10-20")
    assert {"lsg_trosa", "lsg_nykoping_oxelosund"} <= {a.id for a in answer.answers}  # "processledarens": whose, not a misspelling
