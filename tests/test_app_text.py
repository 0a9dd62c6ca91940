"""The one rule for data and URL text in the app: :func:`lsgmap.app.text.plain` makes it literal."""

from __future__ import annotations

import re

import pytest
from app_kit import shown

from lsgmap.app.text import plain

PAYLOADS = [
    "![x](http://evil.example/a.png)",
    "[klicka](http://evil.example/)",
    "[js](javascript:alert(1))",
    "<img src=http://evil.example/b.png onerror=alert(1)>",
    "<script>window.__pwned=1</script>",
    "<http://evil.example/auto>",
    "http://evil.example/bare https://evil.example/s www.evil.example",
    "mejl: someone@evil.example",
    "[[nested](http://a.example)](http://b.example)",
    "![a ![b](http://c.example/c.png)](http://d.example/d.png)",
    "back\\slash \\![x](http://e.example/e.png) \\\\[y](http://f.example)",
    "`code` **bold** _it_ ~~del~~ $x^2$ # rubrik | a | b |",
    ":red[färg] :material/home: :smile:",
    "[ref]: http://g.example/ref\n[ref]",
    "rad ett\n# rubrik\n> citat\n- lista\n1. nummer\n===",
    "&lt;img src=x&gt; &#60;b&#62;",
]

# What a CommonMark/GFM parser would read as markup: an unescaped character of a construct.
_UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*[\[\]()<>!`*_~$#|:&]")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_shows_literally(payload):
    out = plain(payload)
    # every metacharacter is escaped: none remains bare
    assert not _UNESCAPED.search(out.replace("\\\\", "")), out
    assert "](" not in out and "<" not in out.replace("\\<", "")
    # no autolink: no scheme, www. or e-mail left whole
    visible = out.replace("\\", "")
    assert "http://" not in visible and "https://" not in visible and "www." not in visible
    assert not re.search(r"\w@\w", visible)
    assert "javascript:" not in visible.replace("\u2060", "") or "javascript:\u2060" in visible
    # a line cannot start a block of its own: every line ends as a hard break
    assert all(line.endswith("  ") for line in out.split("\n")[:-1])
    # and the reader sees exactly the text
    assert shown(out) == payload.replace("\r\n", "\n")


def test_plain_keeps_ordinary_text():
    assert plain("LSG Nyköping och Oxelösund 2016") == "LSG Nyköping och Oxelösund 2016"
    assert shown(plain("Samordningsförbundet RAR: 2017-01-01.")) == "Samordningsförbundet RAR: 2017-01-01."


def test_plain_takes_any_value():
    assert plain(None) == "None" and plain(12) == "12"


def test_plain_is_the_only_helper():
    import lsgmap.app.common as common

    assert not hasattr(common, "md_escape")
