"""The patterns blind sets 27 and 28 found (tests/blind/score_27.md, score_28.md), each as a question asked there and a variant."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_tasks_one_gets_help_with_does_for_and_has_a_role_towards(s):
    assert "sammanställa beslutsunderlag" in _line(s, "Vad kan LSG:s ordförande få hjälp med av processledaren?")
    lead = _line(s, "vad gör processledaren för TRIS-teamen och styrgruppen för TRIS?")
    assert "TRIS-dagar" in lead and "TRIS-teamen" in lead
    assert "TRIS-dagar" in _line(s, "Vad har processledaren för roll gentemot TRIS-teamen?")


def test_what_the_post_focused_on_first_and_who_decides_in_english(s):
    assert "Inledningsvis har fokus varit" in _line(s, "Vad fokuserade processledaren på i början av uppdraget?")
    assert "LSG decides" in _line(s, "Who decides which development areas the process leader should work on?") or "decides which" in _line(s, "Who decides which development areas the process leader should work on?")


def test_two_words_for_one_kind_are_no_either_or_and_a_region_by_another_word(s):
    assert _line(s, "Hur många insatser eller projekt räknas upp som aktuella i södra Sörmland i lägesrapporten?") == "4 st:"
    assert "Region Sörmland" in ask_kit.head(s, "Vilken regionorganisation är medlem i RAR idag?", lines=3, on="2019-03-01")
