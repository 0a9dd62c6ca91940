"""``report --format md`` shows data text literally: no image, link, HTML or autolink from a name or quote."""

from __future__ import annotations

import re
from pathlib import Path

from lsgmap.dataset.load import load
from lsgmap.time.report import md_text, period_report

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"


def test_md_text_escapes_markup_and_breaks_autolinks():
    out = md_text("![x](http://evil.example/a.png) [l](javascript:alert(1)) <img src=x> a@b.se www.evil.example\n# h")
    assert not re.search(r"(?<!\\)[\[\]<>!]", out) and "\n" not in out  # every bracket, < > and ! escaped
    assert "http://" not in out and "www.evil" not in out and "a@b" not in out
    assert md_text("- lista") == "\\- lista" and md_text("LSG Trosa-Gnesta 2016-12-31") == "LSG Trosa-Gnesta 2016-12-31"


def test_hostile_names_and_quotes_stay_text_in_the_md_report():
    text = period_report(load(HOSTILE), start="2016-01-01", end="2017-12-31")
    assert not re.search(r"(?<!\\)<", text)  # no tag: every < escaped
    assert "\\<script\\>" in text
