"""The patterns blind set 14 found (tests/blind/score_14.md), each as the questions a user asked there."""

from __future__ import annotations

import pytest

from lsgmap.ask import ask
from lsgmap.dataset.load import BUNDLED_DATA, load


@pytest.fixture(scope="module")
def s():
    return load(BUNDLED_DATA)


def _line(s, question: str, n: int = 1, **kw) -> str:
    return ask(s, question, **kw).text().splitlines()[n]


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
