"""A question too long to be a question is refused at once, in the language asked, with nothing lost."""

from __future__ import annotations

import time

import pytest

from lsgmap.ask.answer import MAX_QUESTION_CHARS, ask
from lsgmap.cli import main


@pytest.mark.parametrize("text", ["a" * 100_000, "1" * 100_000, "LSG " * 25_000, "Vem styr TUNA? " * 7_000])
def test_a_100_kb_question_is_refused_within_50_ms(sormland, text):
    ask(sormland, "Vem styr TRIS?")  # warm the name index
    started = time.perf_counter()
    answer = ask(sormland, text)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.05, f"{elapsed * 1000:.0f} ms"
    assert not answer.understood and answer.answers == []
    assert answer.question == text  # kept, not cut
    assert f"({len(text)} tecken; högst {MAX_QUESTION_CHARS})" in answer.message_text("sv")


def test_the_limit_is_inclusive_and_a_long_real_question_is_still_read(sormland):
    question = "Vem styr TUNA i december 2016?"
    padded = question + " " * (MAX_QUESTION_CHARS - len(question))
    assert len(padded) == MAX_QUESTION_CHARS
    assert ask(sormland, padded).understood
    assert not ask(sormland, padded + "x").understood


def test_english_question_gets_an_english_refusal(sormland):
    answer = ask(sormland, "Who steers TUNA in December 2016? " * 20)
    assert answer.lang == "en"
    assert answer.message_text().startswith("The question is too long (")


def test_cli_refuses_with_exit_code_1_and_no_traceback(capsys):
    assert main(["ask", "Vem styr TUNA? " * 50]) == 1
    out, err = capsys.readouterr()
    assert "Frågan är för lång (750 tecken; högst 500)" in out + err
    assert "Traceback" not in out + err


def test_the_fraga_page_says_a_pasted_text_is_too_long_and_keeps_it():
    from app_kit import run_app
    from streamlit.testing.v1 import AppTest  # noqa: F401 (the app kit needs streamlit)

    pasted = ("Vem styr TUNA? " * 400).strip()
    at = run_app({"q": pasted}, page="fraga")
    everything = " ".join(str(e.value) for kind in ("markdown", "warning", "error", "info", "caption") for e in getattr(at, kind))
    assert "Frågan är för lång (5999 tecken; högst 500)" in everything.replace("\\", "")
    assert "Menade du" not in everything  # no name suggestions made from a pasted text
    assert at.text_input(key="fraga.q").value == pasted
