"""What changed for an entity between two dates: the changes naming it, then what is no longer attested, apart."""

from __future__ import annotations

from lsgmap.ask.answer import ask


def test_tris_between_2016_and_2017(sormland):
    a = ask(sormland, "Vad ändrades för TRIS mellan 2016 och 2017?")
    assert a.interpretation.intent == "changes"
    assert (a.interpretation.details["start"], a.interpretation.details["end"]) == ("2016-01-01", "2017-12-31")
    texts = [c["text"] for c in a.interpretation.details["changes"]]
    assert any("styrs av LSG Trosa-Gnesta (arbetsnamn, inte i källorna) i stället för LSG Trosa och LSG Gnesta" in t for t in texts)
    quiet = {i for c in a.interpretation.details["unattested"] for i in c["ids"]}
    assert "r031" in quiet and not quiet & {i for c in a.interpretation.details["changes"] for i in c["ids"]}
    assert a.interpretation.text().startswith("vad som ändrades för TRIS från 2016-01-01 till 2017-12-31")
    assert "datum ur frågan" not in a.interpretation.text()


def test_english_and_the_merger_of_lsg_gnesta(sormland):
    a = ask(sormland, "What changed for LSG Gnesta between 2016 and 2017?")
    text = a.text("en")
    assert "LSG Trosa and LSG Gnesta decided (2016-10-13 – 2016-12-31) to merge from 2017-01-01 into LSG Trosa-Gnesta (working name, not in the sources); first joint meeting 2017-01-23" in text


def test_nothing_changed_says_so(sormland):
    a = ask(sormland, "Vad ändrades för Region Sörmland mellan 2016 och 2017?")
    assert a.interpretation.details["changes"] == []
    assert "Inget ändrades för Region Sörmland från 2016-01-01 till 2017-12-31." in a.text("sv")
