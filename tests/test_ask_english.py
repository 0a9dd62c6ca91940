"""English answers from Swedish documents: the documents' English copies (data/sormland/documents/en/), line for line."""

from __future__ import annotations

import re

import ask_kit
from ask_kit import line as _line

from lsgmap.dataset.load import BUNDLED_DATA

s = ask_kit.s  # the bundled data, a fixture by this name

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def test_every_english_copy_has_the_documents_lines_and_sentences():
    folder = BUNDLED_DATA / "documents"
    copies = sorted((folder / "en").glob("*.txt"))
    assert len(copies) == 3
    for english in copies:
        sv, en = (folder / english.name).read_text(encoding="utf-8").splitlines(), english.read_text(encoding="utf-8").splitlines()
        assert len(sv) == len(en), english.name
        for k, (a, b) in enumerate(zip(sv, en, strict=True), start=1):
            assert bool(a.strip()) == bool(b.strip()), (english.name, k)
            assert len(_SENTENCE.split(a.strip())) == len(_SENTENCE.split(b.strip())), (english.name, k)


def test_an_english_question_answered_from_the_documents_is_answered_in_english_with_the_swedish_after(s):
    lead = _line(s, "What is the process leader supposed to do for the TRIS days?")
    assert "“Take part in the planning and implementation of the annual TRIS days.”" in lead
    assert "(in Swedish: «Delta vid planering och genomförande av årliga TRIS-dagar.»)" in lead
    assert "Basic training in TRIS" not in lead  # a training attended is no task
    quotes = ask_kit.answer_lines(s, "What events did the process leader attend during the period?")
    assert any("Call-for-proposals meeting for ESF" in q for q in quotes)


def test_the_same_question_in_swedish_quotes_the_swedish_only(s):
    lead = _line(s, "Vad ska processledaren göra inför TRIS-dagarna?")
    assert "«Delta vid planering och genomförande av årliga TRIS-dagar.»" in lead and "Take part" not in lead


def test_a_recorded_conflict_quoted_in_english_is_its_english_text(s):
    text = "\n".join(ask_kit.answer_lines(s, "Does the application's end date 2018-06-31 exist?"))
    assert "does not exist" in text or "not a real" in text
