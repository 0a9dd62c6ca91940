"""A question too long to be a question is refused at once, in the language asked, with nothing lost."""

from __future__ import annotations

import sys

import pytest

from lsgmap.ask.answer import MAX_QUESTION_CHARS, ask
from lsgmap.cli import main


def _calls(function, *args) -> int:
    """How many functions (Python and built-in) ``function(*args)`` calls: the work done, independent of the machine's speed."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("text", ["a" * 100_000, "1" * 100_000, "LSG " * 25_000, "Vem styr TUNA? " * 7_000])
def test_a_100_kb_question_is_refused_without_being_read(sormland, text):
    """The work does not grow with the text: 100 kB costs no more calls than one character over the limit (time: bench/bench_ask.py)."""
    just_over = text[: MAX_QUESTION_CHARS + 1]
    ask(sormland, just_over)  # warm the name index and the refusal's own lazy parts
    assert _calls(ask, sormland, text) <= _calls(ask, sormland, just_over)
    answer = ask(sormland, text)
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


@pytest.mark.slow  # AppTest run of an app page
def test_the_fraga_page_says_a_pasted_text_is_too_long_and_keeps_it():
    from app_kit import run_app
    from streamlit.testing.v1 import AppTest  # noqa: F401 (the app kit needs streamlit)

    pasted = ("Vem styr TUNA? " * 400).strip()
    at = run_app({"q": pasted}, page="fraga")
    everything = " ".join(str(e.value) for kind in ("markdown", "warning", "error", "info", "caption") for e in getattr(at, kind))
    assert "Frågan är för lång (5999 tecken; högst 500)" in everything.replace("\\", "")
    assert "Menade du" not in everything  # no name suggestions made from a pasted text
    assert at.text_input(key="fraga.q").value == pasted
