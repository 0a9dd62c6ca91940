"""Amounts per budget item: "Hur mycket var lönen i budgeten 2017?" — the item, per year, with its basis."""

from __future__ import annotations

from lsgmap.ask.answer import ask


def test_salary_2017_is_801_tkr_as_applied_for(sormland):
    a = ask(sormland, "Hur mycket var lönen i budgeten 2017?")
    assert a.interpretation.intent == "amount" and a.interpretation.details["item"] == "Lön"
    assert [(line["item_sv"], line["year"], line["amount_tkr"], line["basis"]) for line in a.amounts["lines"]] == [("Lön", 2017, 801.0, "applied")]
    assert "Totalt: 801 tkr (enligt ansökan)" in a.text("sv")


def test_an_item_in_english_and_every_year(sormland):
    a = ask(sormland, "How much is the travel budget?")
    assert a.amounts["item"] == "Resor"
    assert a.amounts["by_year"] == {2016: 8.0, 2017: 15.0, 2018: 8.0} and a.amounts["total"] == 31.0
    assert "as applied for" in a.text("en")


def test_an_amount_question_naming_entities_is_the_funding_question(sormland):
    a = ask(sormland, "Hur mycket finansierar RAR processledaren 2017?")
    assert a.amounts["item"] is None and a.amounts["total"] == 859.0
