"""How-many questions: the answers of the question behind them, counted by entity, and listed."""

from __future__ import annotations

import pytest

from lsgmap.ask.answer import ask


@pytest.mark.parametrize(("question", "expected"), [
    ("Hur många LSG var uppdragsgivare i oktober 2016?", {"lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}),
    ("How many LSGs commissioned the process leader in October 2016?", {"lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}),
    ("Hur många LSG var uppdragsgivare i mars 2017?", {"lsg_trosa_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}),
    ("Hur många projekt styr LSG Nyköping?", {"ibis", "ips_slussen", "tris", "tuna_nykoping_oxelosund"}),
])
def test_the_count_is_the_number_of_entities_answering(sormland, question, expected):
    a = ask(sormland, question)
    assert a.interpretation.intent == "count"
    assert {x.id for x in a.answers} == expected
    assert a.interpretation.details["count"] == len(expected)
    lead = f"{len(expected)} st:" if a.lang == "sv" else f"{len(expected)}:"
    unattested = f"{len(expected)} enligt datan, men ingen källa talar för den tiden:"  # a time no source speaks for (mars 2017)
    assert lead in a.text().splitlines() or a.text().splitlines()[1] == unattested


def test_counting_what_exists(sormland):
    a = ask(sormland, "Hur många LSG finns i december 2016?")
    assert a.interpretation.intent == "count"
    assert len({x.id for x in a.answers}) == a.interpretation.details["count"] == 5  # LSG GNOT is the four together, not a sixth
    assert "lsg_gnot" not in {x.id for x in a.answers}
