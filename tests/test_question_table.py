"""The question table (tests/questions.csv): questions as people ask them, with the answers and the reading they must get.

A domain person extends it in a spreadsheet: one row per question; ``on`` is the date
in use (empty: the dataset's default day, or the date the question names); ``intent``,
``relation`` and ``direction`` are how the question must be read (empty: not checked);
``answers`` the ids of the answers, ``;``-separated (empty: no answers).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lsgmap.ask.answer import ask

TABLE = Path(__file__).with_name("questions.csv")
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8")))


def test_the_table_covers_every_askable_relation_both_ways_in_both_languages():
    from lsgmap.vocab import RELATION_KINDS

    assert len(ROWS) >= 150
    covered = {(r["relation"], r["direction"]) for r in ROWS if r["intent"] == "relation"}
    for kind in ("steers", "owns", "funds", "employs", "commissions", "reports_to", "covers", "member_of", "part_of"):
        assert {(kind, "holders"), (kind, "targets")} <= covered, kind
    assert {"assignments", "when", "count", "exists", "changes", "amount", "unknown", "relation_between"} <= {r["intent"] for r in ROWS}
    english = [r for r in ROWS if r["question"].split()[0].lower() in {"who", "what", "which", "whom", "to", "by", "how", "when", "did", "does"}]
    assert len(english) >= 50
    assert set(RELATION_KINDS) >= {r["relation"] for r in ROWS if r["relation"]}


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['question'][:50]}" for i, r in enumerate(ROWS)])
def test_question(sormland, row):
    answer = ask(sormland, row["question"], on=row["on"] or None)
    interpretation = answer.interpretation
    assert interpretation.intent == row["intent"], interpretation.text()
    if row["relation"]:
        assert interpretation.relation == row["relation"], interpretation.text()
    if row["direction"]:
        assert interpretation.details.get("direction") == row["direction"], interpretation.text()
    expected = set(filter(None, row["answers"].split(";")))
    assert {a.id for a in answer.answers} == expected, interpretation.text()
