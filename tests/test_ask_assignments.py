"""Assignments are first-class in questions: who gave the process leader which assignment, and what an LSG gave."""

from __future__ import annotations

import json

import pytest

from lsgmap.ask.answer import ask
from lsgmap.cli import main

FIVE = {"uppdrag_admin_struktur", "uppdrag_lsg_roll", "uppdrag_nollplacerade", "uppdrag_ungdomens_hus", "uppdrag_ungdomar_gnesta"}


@pytest.mark.parametrize("question", [
    "Vem ger uppdrag till processledaren i november 2016?",
    "What assignments did the LSGs give the process leader in November 2016?",
    "Vilka uppdrag har processledaren?",
])
def test_the_process_leaders_assignments_and_who_gave_them(sormland, question):
    a = ask(sormland, question)
    assert a.interpretation.intent == "assignments"
    assert {x.id for x in a.answers} == FIVE
    givers = {(p.steps[0].from_id, p.steps[0].to_id) for p in a.paths}
    assert ("lsg_nykoping_oxelosund", "uppdrag_ungdomens_hus") in givers
    assert ("lsg_gnesta", "uppdrag_ungdomar_gnesta") in givers
    assert {p.steps[-1].to_id for p in a.paths} == {"processledare"}
    assert "Inga svar" not in a.text("sv") and "No answers" not in a.text("en")


def test_what_an_lsg_gave(sormland):
    a = ask(sormland, "Vilka uppdrag gav LSG Nyköping?")
    assert {x.id for x in a.answers} == {"uppdrag_admin_struktur", "uppdrag_lsg_roll", "uppdrag_nollplacerade"}
    assert all(p.steps[0].from_id == "lsg_nykoping" for p in a.paths)
    lines = a.text("sv").splitlines()
    assert lines[lines.index("Uppdrag från LSG Nyköping:") - 1].startswith("  – ")  # the open points come first


def test_naming_an_assignment_asks_who_gave_it(sormland):
    a = ask(sormland, "Vem gav uppdraget om Ungdomens hus?")
    assert a.interpretation.intent != "assignments"
    assert [x.id for x in a.answers] == ["lsg_nykoping_oxelosund"]


def test_no_assignments_before_they_were_given(sormland):
    a = ask(sormland, "Vilka uppdrag har processledaren 2015?")
    assert a.interpretation.intent == "assignments" and a.answers == []


def test_json_names_the_question_kind(capsys):
    assert main(["ask", "Vem ger uppdrag till processledaren i november 2016?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interpretation"]["intent"] == "assignments"
    assert {x["id"] for x in data["answers"]} == FIVE


@pytest.mark.slow  # AppTest run of an app page
def test_the_fraga_page_lists_the_assignments_and_who_gave_them():
    from app_kit import run_app, shown

    at = run_app({"q": "Vem ger uppdrag till processledaren i november 2016?"}, page="fraga")
    text = shown("\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption))
    for name in ("Påbörja en ansökan om ett Ungdomens hus", "Presentation om viljeinriktningen om nollplacerade",
                 "Förslag på administrativa strukturer för LSG och utkast till inriktningsplan 2017"):
        assert name in text
    assert "vilka uppdrag Processledare LSG södra Sörmland har fått, och av vem" in text
    assert "Inga svar" not in text
