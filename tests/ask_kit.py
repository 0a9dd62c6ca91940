"""What the tests of the blind sets' patterns share: the bundled data, and an answer read as a user reads it, its first lines."""

from __future__ import annotations

import pytest

from lsgmap.ask import ask
from lsgmap.dataset.load import BUNDLED_DATA, load


@pytest.fixture(scope="module")
def s():
    """The bundled Sörmland structure (do not mutate)."""
    return load(BUNDLED_DATA)


def answer_lines(s, question: str, **kw) -> list[str]:
    """The answer's lines: the first says how the question was read, the answer follows."""
    return ask(s, question, **kw).text().splitlines()


def head(s, question: str, lines: int = 3, **kw) -> str:
    """The answer's first ``lines`` lines, as one text."""
    return "\n".join(answer_lines(s, question, **kw)[:lines])


def line(s, question: str, n: int = 1, **kw) -> str:
    """Line ``n`` of the answer (1: the first line after how the question was read)."""
    return answer_lines(s, question, **kw)[n]
