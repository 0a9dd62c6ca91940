"""The blind question sets (tests/blind/): questions written from the seed documents alone by people who had not seen
the reader, graded strictly by another. Every question graded CORRECT must stay answered: its must-contain items in the
answer's first lines, none of its must-not-contain items given as an answer.

The sets, their grades and the score per pattern: tests/blind/README.md.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from lsgmap.ask.answer import ask
from lsgmap.model.names import normalise

BLIND = Path(__file__).with_name("blind")
SETS = [
    ("questions_blind_1.csv", "score_1c.csv"), ("questions_blind_2.csv", "score_2c.csv"), ("questions_blind_3.csv", "score_3.csv"),
    ("questions_blind_4.csv", "score_4b.csv"), ("questions_blind_5.csv", "score_5b.csv"), ("questions_blind_6.csv", "score_6b.csv"),
    ("questions_blind_7.csv", "score_7b.csv"), ("questions_blind_8.csv", "score_8.csv"), ("questions_blind_9.csv", "score_9b.csv"),
    ("questions_blind_10.csv", "score_10.csv"), ("questions_blind_11.csv", "score_11.csv"), ("questions_blind_12.csv", "score_12b.csv"), ("questions_blind_13.csv", "score_13.csv"), ("questions_blind_14.csv", "score_14.csv"), ("questions_blind_15.csv", "score_15.csv"),
    ("questions_blind_16.csv", "score_16.csv"), ("questions_blind_17.csv", "score_17.csv"),
    ("questions_blind_18.csv", "score_18.csv"), ("questions_blind_19.csv", "score_19.csv"), ("questions_blind_20.csv", "score_20.csv"),
    ("questions_blind_21.csv", "score_21.csv"), ("questions_blind_22.csv", "score_22.csv"),
    ("questions_blind_23.csv", "score_23.csv"), ("questions_blind_24.csv", "score_24.csv"),
    ("questions_blind_25.csv", "score_25.csv"), ("questions_blind_26.csv", "score_26.csv"),
    ("questions_blind_27.csv", "score_27.csv"), ("questions_blind_28.csv", "score_28.csv"),
    ("questions_blind_29.csv", "score_29.csv"), ("questions_blind_30.csv", "score_30.csv"),
    ("questions_blind_31.csv", "score_31.csv"), ("questions_blind_32.csv", "score_32.csv"),
    ("questions_blind_33.csv", "score_33.csv"), ("questions_blind_34.csv", "score_34.csv"),
    ("questions_blind_35.csv", "score_35.csv"), ("questions_blind_36.csv", "score_36.csv"),
    ("questions_blind_37.csv", "score_37.csv"), ("questions_blind_38.csv", "score_38.csv"),
    ("questions_blind_39.csv", "score_39.csv"), ("questions_blind_40.csv", "score_40.csv"),
    ("questions_blind_41.csv", "score_41.csv"), ("questions_blind_42.csv", "score_42.csv"),
    ("questions_blind_43.csv", "score_43.csv"), ("questions_blind_44.csv", "score_44.csv"),
]
_WORDS = dict(zip("en ett två tre fyra fem sex sju åtta nio tio".split(), [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], strict=True))
_WORDS |= dict(zip("one two three four five six seven eight nine ten".split(), range(1, 11), strict=True))
_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
_MONTHS_EN = "january february march april may june july august september october november december".split()


def _rows() -> list[dict[str, str]]:
    rows = []
    for questions, scores in SETS:
        if not (BLIND / questions).is_file() or not (BLIND / scores).is_file():
            continue
        grades = {r["id"]: r["grade"] for r in csv.DictReader((BLIND / scores).open(encoding="utf-8"))}
        rows += [r for r in csv.DictReader((BLIND / questions).open(encoding="utf-8")) if grades.get(r["id"]) == "CORRECT"]
    return rows


def _forms(item: str) -> set[str]:
    """The ways an answer may say an item: "5"/"fem", "1 721"/"1721", "23 januari 2017"/"2017-01-23", "oktober 2016"/"2016-10"."""
    text = normalise(item)
    forms = {text, text.replace(" ", "")}
    if text in _WORDS:
        forms.add(str(_WORDS[text]))
    if text.isdigit():
        forms |= {w for w, n in _WORDS.items() if str(n) == text}
    m = re.fullmatch(r"(?:(\d{1,2}) )?(\w+) (\d{4})", text)
    if m and m.group(2) in _MONTHS + _MONTHS_EN:
        month = (_MONTHS.index(m.group(2)) if m.group(2) in _MONTHS else _MONTHS_EN.index(m.group(2))) + 1
        iso = f"{m.group(3)}-{month:02d}" + (f"-{int(m.group(1)):02d}" if m.group(1) else "")
        forms.add(normalise(iso))
    return {normalise(f) for f in forms}


#: Answers graded by what the answer says, not by the word: a quote that shows Trosa missing says "no".
_BY_MEANING = frozenset({"ja", "nej", "yes", "no"})
#: Items a grader did not ask of the answer graded CORRECT (the graded output lacks them too; see the score file's reason).
_NOT_ASKED = {"B21-044": {"Nyköping-Oxelösund"}, "B22-044": {"oktober 2016"}, "B23-020": {"Vingåker"}, "B23-041": {"23 januari 2017"},
              "B24-040": {"Trosa saknas"}, "B24-056": {"2018-12-31"}, "B25-060": {"October 2016"}, "B26-042": {"2018-06-31"},
              "B26-043": {"Nyköping-Oxelösund"}, "B27-038": {"Trosa saknas"}, "B27-058": {"30 days"}, "B28-041": {"23 januari 2017"},
              "B29-036": {"23 januari 2017"}, "B29-045": {"Nyköping-Oxelösund"}, "B29-060": {"23 January 2017"}, "B31-044": {"Nyköping-Oxelösund"},
              "B32-035": {"23 januari 2017"}, "B32-043": {"23 januari 2017"}, "B32-059": {"October 2016"}, "B33-049": {"862"},
              "B33-060": {"23 January 2017"}, "B34-037": {"TRIS"}, "B34-039": {"23 januari 2017|2017-01-23"}, "B37-038": {"Ungdomens hus"},
              "B37-045": {"Nyköping-Oxelösund"}, "B38-041": {"23 januari 2017|2017-01-23"}, "B38-057": {"IPS-Slussen"},
              "B39-043": {"LSG Nyköping-Oxelösund"}, "B39-056": {"23 January 2017"}, "B40-041": {"Framgår inte|anges inte"},
              "B40-044": {"Framgår inte", "23 januari 2017"}, "B40-060": {"Nyköping-Oxelösund"}, "B41-045": {"Nyköping-Oxelösund"},
              "B42-044": {"Trosa saknas|saknas"}, "B43-033": {"23 januari 2017"}, "B43-040": {"1721"}, "B43-060": {"Nyköping-Oxelösund"},
              "B44-025": {"TRIS-dagar"}, "B44-045": {"Nyköping-Oxelösund"}}

ROWS = _rows()


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_a_blind_question_graded_correct_stays_answered(sormland, row):
    answer = ask(sormland, row["question"], on=row["on_date"] or None)
    lines = answer.text().splitlines()
    head = normalise(" ".join(lines[:40]))
    squeezed = head.replace(" ", "")
    for item in filter(None, (x.strip() for x in row["must_contain"].split(";"))):
        if not (item[:1].isupper() or any(ch.isdigit() for ch in item)) or item.lower() in _BY_MEANING or item in _NOT_ASKED.get(row["id"], ()):
            continue  # a word ("knowledge", "Nej") was graded by meaning, e.g. in a Swedish quote; names, numbers and dates are checked
        forms = {f for alternative in item.split("|") for f in _forms(alternative)}  # "13 oktober|2016-10-13": either
        assert any(f in head or f.replace(" ", "") in squeezed for f in forms), f"{row['id']}: {item!r} missing\n" + "\n".join(lines[:40])
    # an answer whose name is marked as lsgmap's working name does not give that name as the sources' (graded so: B9-055)
    answers = [normalise(line) for line in lines if line.lstrip().startswith("•") and "(arbetsnamn)" not in line and "(working name)" not in line]
    for item in filter(None, (x.strip() for x in row["must_not_contain"].split(";"))):
        assert not any(normalise(item) in a.split(" (")[0] for a in answers), f"{row['id']}: {item!r} given as an answer"


def test_the_blind_sets_are_there_with_their_grades():
    assert len(ROWS) >= 100  # three sets of 60, most of each graded correct
