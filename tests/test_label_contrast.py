"""Map labels drawn inside their shape reach WCAG's 4.5:1 on the kind's colour (white on the LSGs' orange was 4.33:1)."""

from __future__ import annotations

from lsgmap.draw.elements import _text_colour, contrast_ratio, elements
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View
from lsgmap.vocab import ENTITY_KINDS


def test_every_kind_with_its_label_inside_reaches_4_5_to_1():
    for kind in ENTITY_KINDS.values():
        text = _text_colour(kind.colour, kind.shape)
        if kind.shape in {"box", "ellipse", "circle", "database", "text"}:  # the label inside, on the colour
            assert contrast_ratio(text, kind.colour) >= 4.5, (kind.key, kind.colour, text, round(contrast_ratio(text, kind.colour), 2))


def test_the_drawn_lsgs_are_readable(sormland):
    els = elements(sormland, View(on="2016-11-15"), layered_positions(sormland))
    lsgs = [n for n in els.nodes if n.kind == "lsg" and n.attested]
    assert lsgs
    for n in lsgs:
        assert contrast_ratio(n.text_colour, n.colour) >= 4.5, (n.id, n.colour, n.text_colour)
