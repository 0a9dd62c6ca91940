"""What someone has done, as the report tells it (blind sets 19–20: "Vad gjorde processledaren under oktober–december
2016?" got one list of it): every sentence of the report that says what the actor has done, in its order."""

from __future__ import annotations

import ask_kit
from ask_kit import line as _line

s = ask_kit.s  # the bundled data, a fixture by this name


def test_what_the_process_leader_did_in_the_period_is_every_such_sentence_of_the_report(s):
    lead = _line(s, "Vad gjorde processledaren under oktober–december 2016?")
    for said in ("avsatt tid för att träffa", "träffat andra för LSG viktiga nyckelpersoner", "administrativ struktur för LSG",
                 "fem LSG möten", "Grundutbildning i TRIS", "fått följande uppdrag", "etablera kontakter med projektledare"):
        assert said in lead, said
    assert "Målet har varit" not in lead  # "funktionen processledare" is no subject
    assert lead.index("avsatt tid") < lead.index("etablera kontakter")  # the report's order


def test_in_english_and_by_the_persons_name(s):
    lead = _line(s, "What has the process leader done so far?")
    assert "“The process leader has also met other key persons and actors who are important for LSG.”" in lead
    assert "fem LSG möten" in _line(s, "Vad har Ida Malmberg gjort?")  # she holds the post the report names


def test_a_time_no_report_covers_is_said_so(s):
    lead = _line(s, "Vad gjorde processledaren under 2017?")
    assert lead.startswith("Ingen rapport i källorna säger vad") and "Lägesrapport avseende Processledare" in lead
