"""A very long question on the Fråga page: the app's own message, and a URL the server still accepts (issue 26, item 7)."""

from __future__ import annotations

import pytest
from app_kit import run_app

from lsgmap.ask.answer import MAX_QUESTION_CHARS

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


def _said(at) -> str:
    return "\n".join(x.value for x in (*at.markdown, *at.caption, *at.info, *at.warning, *at.error))


def test_a_long_question_goes_into_the_url_cut_and_a_link_to_it_says_too_long():
    at = run_app(page="fraga")
    question = "Vem styr TRIS " + "och så vidare " * 7_000  # about 100 000 characters, 157 000 percent-encoded
    at.text_input(key="fraga.q").input(question).run()
    assert not at.exception
    sent = at.query_params["q"]
    sent = sent[0] if isinstance(sent, list) else sent
    assert len(sent) == MAX_QUESTION_CHARS + 1 and question.startswith(sent)  # cut just past the limit, well under the server's
    assert "för lång" in _said(at)  # the app's own message
    again = run_app({"q": sent}, page="fraga")  # the link the page wrote
    assert "för lång" in _said(again) and not again.exception
