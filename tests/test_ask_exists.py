"""Yes/no: did an entity exist on a date — yes, yes but unattested, or no with what became of it."""

from __future__ import annotations

from lsgmap.ask.answer import ask


def test_yes_when_a_source_speaks_for_it(sormland):
    a = ask(sormland, "Fanns LSG Trosa i november 2016?")
    assert a.interpretation.intent == "exists" and a.interpretation.details["exists"] is True
    assert [x.id for x in a.answers] == ["lsg_trosa"] and a.answers[0].attested
    assert a.text("sv").splitlines()[1] == "Ja:"


def test_yes_but_unattested_says_so(sormland):
    a = ask(sormland, "Finns LSG Nyköping 2026?")
    assert a.interpretation.details["exists"] is True and not a.answers[0].attested
    assert "Ja enligt datan, men ingen källa talar för den tiden:" in a.text("sv")
    assert "Yes as far as the data goes, but no source speaks for that time:" in a.text("en")


def test_no_after_the_merger_and_what_it_became(sormland):
    for question in ("Fanns LSG Trosa 2018?", "Did LSG Trosa exist in 2018?"):
        a = ask(sormland, question)
        assert a.interpretation.intent == "exists" and a.interpretation.details["exists"] is False
        assert a.answers == []
        assert "LSG Trosa-Gnesta" in a.text()
