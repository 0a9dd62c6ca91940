"""One rule for data and URL text shown by Streamlit: it is never markup.

Streamlit renders Markdown (GitHub-flavoured, with autolinks, images, ``:colour[…]``
directives, emoji short codes and LaTeX) in titles, captions, notices, button and
expander labels. Text from the data or from the URL goes through :func:`plain` first,
so that ``![x](http://host/a.png)``, ``<img src=…>``, ``[a](javascript:…)`` or a bare
``http://host`` is shown literally: no image fetched, no link, no HTML.

Rules of :func:`plain`:

1. every ASCII punctuation character that Markdown, Streamlit's directives or LaTeX
   could read (``\\ ` * _ { } [ ] ( ) # + - . ! | < > ~ $ : = & " ' ^ %  @ /``) is
   escaped with a backslash, so it shows as itself;
2. autolinks are broken: a word joiner (U+2060, invisible) follows every ``:`` and
   ``@`` and precedes every ``.``, so ``http://``, ``www.x`` and ``a@b.se`` are no
   longer links for GitHub-flavoured Markdown's autolink rules;
3. line breaks become Markdown hard breaks (``"  \\n"``), so a line cannot start a
   heading, list, quote, table or code block of its own.
"""

from __future__ import annotations

import re

__all__ = ["plain"]

WORD_JOINER = "\u2060"
_ESCAPED = re.compile(r"""([\\`*_{}\[\]()#+\-.!|<>~$:=&"'^%@/])""")
_BREAK_AFTER = re.compile(r"(\\[:@])")
_BREAK_BEFORE = re.compile(r"(\\\.)")
_LINES = re.compile(r"\r\n|\r|\n")


def plain(text: object) -> str:
    """``text`` as a string that Streamlit's Markdown shows literally (no markup, HTML, image or link).

    Use it for every string that holds data or URL text, also when it is built from an
    i18n template with data parameters: ``plain(t("app.key", lang, name=name))``.

    Examples
    --------
    >>> plain("a <b> *c*")
    'a \\\\<b\\\\> \\\\*c\\\\*'
    >>> "](" in plain("![x](http://host/a.png)") or "http:/" in plain("http://host")
    False
    """
    escaped = _ESCAPED.sub(r"\\\1", str(text))
    escaped = _BREAK_AFTER.sub(r"\1" + WORD_JOINER, escaped)
    escaped = _BREAK_BEFORE.sub(WORD_JOINER + r"\1", escaped)
    return _LINES.sub("  \n", escaped)
