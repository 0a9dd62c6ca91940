"""What the exports share: their formats and file names; and a question's answer as text for the minutes.

The map itself is drawn by :mod:`lsgmap.draw.html` (an offline page) and
:mod:`lsgmap.draw.images` (PNG and SVG); a story's slides by :mod:`lsgmap.draw.slides`.

>>> default_filename(on="2017-03-01", fmt="html")
'lsgmap-2017-03-01.html'
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lsgmap.dates import to_day
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t

__all__ = ["FORMATS", "check_format", "default_filename", "file_stem", "answer_text"]

#: the formats of the map's exports (an HTML page, or an image: :data:`lsgmap.draw.images.IMAGE_FORMATS`)
FORMATS = ("html", "png", "svg")


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """``fmt`` as a format of ``allowed`` (lower case, without a leading dot), or an :class:`~lsgmap.errors.InputError` naming the choices.

    >>> check_format(".PNG")
    'png'
    >>> check_format("pdf", ("png", "svg"))
    Traceback (most recent call last):
    ...
    lsgmap.errors.InputError: Unknown format 'pdf'. Choose one of: png, svg.
    """
    value = (fmt or "").lower().lstrip(".")
    if value not in allowed:
        raise InputError(msg("export.bad_format", value=fmt, choices=", ".join(allowed)))
    return value


def default_filename(*, on: Any, fmt: str, stem: str = "lsgmap", focus: str | None = None) -> str:
    """The file name an export gets unless told otherwise: the view's day and, for a focused map, the entity's id.

    >>> default_filename(on="2017-03-01", fmt="png"), default_filename(on="2017-01", fmt="svg", focus="lsg_trosa")
    ('lsgmap-2017-03-01.png', 'lsgmap-2017-01-01-lsg_trosa.svg')
    """
    return f"{file_stem(on=on, stem=stem, focus=focus)}.{check_format(fmt)}"


def file_stem(*, on: Any, stem: str = "lsgmap", focus: str | None = None) -> str:
    """:func:`default_filename` without the extension (the app adds ``.html``, ``.png`` …); the id is kept to safe characters.

    >>> file_stem(on="2016-11-01", focus="../lsg trosa")
    'lsgmap-2016-11-01-lsg-trosa'
    """
    parts = [stem, date.fromordinal(to_day(on)).isoformat()]
    safe = re.sub(r"[^0-9A-Za-z_-]+", "-", focus or "").strip("-")[:60]
    return "-".join(parts + ([safe] if safe else []))


def answer_text(answer: Any, structure: Any = None, *, lang: str = "sv") -> str:
    """The answer to a question as plain text for the minutes: question, answer, full sources.

    ``answer`` is an :class:`lsgmap.ask.answer.Answer`; its text already cites each
    source briefly, and the cited passages follow in full under "Källor"/"Sources".

    >>> from lsgmap.dataset.load import BUNDLED_DATA, load
    >>> from lsgmap.ask.answer import ask
    >>> s = load(BUNDLED_DATA)
    >>> text = answer_text(ask(s, "Vem anställer processledaren?", on="2017-03-01"), s, lang="sv")
    >>> text.splitlines()[0]
    'Fråga: Vem anställer processledaren?'
    >>> "[an_organisering]" in text or "Källor:" in text
    True
    """
    lines = [f"{t('export.question', lang)}: {answer.question}", answer.text(lang).rstrip()]
    structure = structure if structure is not None else getattr(answer, "structure", None)
    source_ids: list[str] = []
    for item in answer.to_json(lang).get("answers", []):
        for src in item.get("sources", []) or []:
            sid = src.get("id") if isinstance(src, dict) else src
            if sid and sid not in source_ids:
                source_ids.append(sid)
    citations = structure.citations(source_ids) if structure is not None else []
    if citations:
        lines += ["", t("export.sources", lang) + ":"]
        for c in citations:
            where = f", {c['locator']}" if c["locator"] else ""
            lines.append(f"[{c['id']}] {c['title']}{where}: \"{c['quote']}\"")
    return "\n".join(lines) + "\n"
