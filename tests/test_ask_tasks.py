"""The tasks that concern one group (blind sets 19–20: "Vad ska processledaren göra för styrgrupperna?", "Vilka
TRIS-uppgifter ingår …", "What does the process leader do for the LSG chairs?"): every task bullet that names it."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_tasks_for_the_steering_groups_are_every_task_that_names_them(s):
    lead = _line(s, "Vad ska processledaren göra för styrgrupperna?")
    assert "(uppgifter: 5)" in lead
    for task in ("Delta i berörda styrgrupper", "Bidra till positiv utveckling av styrgruppernas arbete", "Bistå processledarna"):
        assert task in lead, task
    assert "(C. Stöd för utveckling)" in lead and "Nätverka" not in lead


def test_tris_tasks_named_as_a_compound_or_after_a_preposition(s):
    for question in ("Vilka TRIS-uppgifter ingår i processledarens uppdrag?", "Vilka uppgifter har processledaren kring TRIS?"):
        lead = _line(s, question)
        assert "(uppgifter: 3)" in lead and "TRIS-dagar" in lead and "TRIS-teamen" in lead and "TRIS styrgrupp" in lead
        assert "Grundutbildning" not in lead  # a training attended is no task


def test_tasks_for_the_chairs_in_english_and_every_task_of_the_post(s):
    lead = _line(s, "What does the process leader do for the LSG chairs?")
    assert lead.startswith("According to") and "(tasks: 1)" in lead and "compiling decision documentation and agendas" in lead
    assert "(uppgifter: 12)" in _line(s, "Vilka arbetsuppgifter har processledaren?")
    assert "(tasks" not in _line(s, "which tasks did LSG Trosa hand the process leader (status report)?")  # the assignments
