"""A proposal presented: "I dag / Förslag" as one image or page, a one-page summary, and a slide deck with "Förslag" on every slide.

Both maps are drawn on the proposal's layout (it holds every real entity
too), so a node stays in place from one side to the other; today's side is
drawn over the real structure, the proposal's over the applied one, with its
additions marked ``proposed`` and "FÖRSLAG" in its title.

>>> from lsgmap.dataset.load import load
>>> from lsgmap.dataset.scenarios import Operation, Scenario
>>> from lsgmap.scenario.apply import apply
>>> real = load()
>>> p = apply(real, Scenario("ett", "Ett LSG", "2019-01-01", operations=(Operation(1, "end", ("lsg_nykoping_oxelosund",)),)))
>>> print(summary_markdown(real, p).splitlines()[0])
# FÖRSLAG: Ett LSG (2019-01-01)
"""

from __future__ import annotations

import io
from html import escape
from typing import Any

from lsgmap.draw.elements import Elements, elements
from lsgmap.draw.html import to_compare_html
from lsgmap.draw.images import COMPARE_SIZE, image_size, to_compare_image, to_image
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.slides import _emu, _fill, _fit, _paragraph, _plain
from lsgmap.i18n import t
from lsgmap.model.structure import Structure
from lsgmap.scenario.compare import scenario_views
from lsgmap.scenario.consequences import Consequence, consequences

__all__ = ["scenario_elements", "scenario_image", "scenario_html", "summary_markdown", "scenario_slides", "operation_lines"]


def scenario_elements(real: Structure, proposal: Structure, *, lang: str = "sv", hide_persons: bool = False,
                      attested_only: bool = False, positions: Any = None) -> tuple[Elements, Elements]:
    """The drawn "I dag" and "Förslag" maps (on one layout)."""
    positions = positions if positions is not None else layered_positions(proposal)
    today, after = scenario_views(real, proposal, lang=lang, hide_persons=hide_persons, attested_only=attested_only)
    return elements(real, today, positions), elements(proposal, after, positions)


def operation_lines(proposal: Structure, lang: str = "sv") -> list[str]:
    """One plain line per operation: ``1. merge: LSG A, LSG B → "LSG C"``."""
    out = []
    for op in proposal.scenario.operations:  # type: ignore[attr-defined]
        names = [proposal.name(x, lang) if x in proposal.entities else x for x in op.targets]
        extra = f" → \u201d{op.name_sv}\u201d" if op.name_sv else ""
        if op.to:
            extra += f" → {proposal.name(op.to, lang) if op.to in proposal.entities else op.to}"
        if op.kind and op.operation == "add":
            extra = f" ({op.kind})" + extra
        out.append(f"{op.step}. {t(f'scenario.op.{op.operation}', lang)}: {', '.join(names)}{extra}")
    return out


def _heading(proposal: Structure, lang: str) -> str:
    s = proposal.scenario  # type: ignore[attr-defined]
    return t("scenario.map_title", lang, title=s.title(lang), date=s.on_iso)


def _about(proposal: Structure, lang: str) -> str:
    s = proposal.scenario  # type: ignore[attr-defined]
    return t("scenario.about", lang, by=s.by or "–", why=s.why or "–")


def scenario_image(real: Structure, proposal: Structure, *, fmt: str = "png", size: tuple[int, int] = COMPARE_SIZE, lang: str = "sv",
                   hide_persons: bool = False, attested_only: bool = False) -> bytes:
    """Both maps side by side in one PNG or SVG, with one legend (the ``proposed`` row among the marks)."""
    both = scenario_elements(real, proposal, lang=lang, hide_persons=hide_persons, attested_only=attested_only)
    return to_compare_image(*both, fmt=fmt, size=size, title=_heading(proposal, lang))


def _consequence_items(found: list[Consequence], lang: str) -> list[tuple[str, list[str]]]:
    """(entity name, its findings' sentences), in the order of :func:`consequences`."""
    grouped: dict[str, list[str]] = {}
    for c in found:
        grouped.setdefault(c.params["entity"][lang], []).append(c.text(lang))
    return list(grouped.items())


def scenario_html(real: Structure, proposal: Structure, *, lang: str = "sv", hide_persons: bool = False, attested_only: bool = False) -> str:
    """One offline page: both maps, the legend, who proposed what and why, and the consequences grouped by entity (data as text)."""
    before, after = scenario_elements(real, proposal, lang=lang, hide_persons=hide_persons, attested_only=attested_only)
    page = to_compare_html(before, after, title=_heading(proposal, lang))
    ops = "".join(f"<li>{escape(line)}</li>" for line in operation_lines(proposal, lang))
    groups = "".join(f"<li><b>{escape(name)}</b><ul>{''.join(f'<li>{escape(x)}</li>' for x in lines)}</ul></li>"
                     for name, lines in _consequence_items(consequences(real, proposal), lang))
    block = (f'<section data-lsgmap="proposal" style="font-family:DejaVu Sans,sans-serif;margin:8px 12px">'
             f'<p>{escape(_about(proposal, lang))}</p><h2>{escape(t("scenario.operations", lang))}</h2><ol style="list-style:none;padding-left:0">{ops}</ol>'
             f'<h2>{escape(t("scenario.consequences", lang))}</h2><ul data-lsgmap="consequences">{groups}</ul></section>')
    return page.replace("</body></html>", block + "</body></html>")


def summary_markdown(real: Structure, proposal: Structure, lang: str = "sv") -> str:
    """The one-page summary as Markdown: heading, who and why, the operations, the consequences grouped by entity."""
    lines = [f"# {_heading(proposal, lang)}", "", _about(proposal, lang), "", f"## {t('scenario.operations', lang)}", ""]
    lines += [f"- {line}" for line in operation_lines(proposal, lang)]
    lines += ["", f"## {t('scenario.consequences', lang)}", ""]
    for name, items in _consequence_items(consequences(real, proposal), lang):
        lines.append(f"- **{name}**")
        lines += [f"  - {x}" for x in items]
    return "\n".join(lines) + "\n"


_SLIDE = (13.333, 7.5)
_TITLE = (0.45, 0.3, 12.4, 1.0)
_BODY = (0.45, 1.4, 12.4, 5.4)
_MAP = (0.45, 1.35, 12.4, 5.55)
_FOOTER = (0.45, 6.95, 12.4, 0.45)
_PER_SLIDE = 12  # consequence lines on one slide


def scenario_slides(real: Structure, proposal: Structure, *, lang: str = "sv", hide_persons: bool = False, size: tuple[int, int] = (1600, 720)) -> bytes:
    """The deck: the proposal (who, why, operations), today's map, the proposal's map, the consequences; "Förslag" on every slide.

    >>> import io
    >>> from pptx import Presentation
    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.dataset.scenarios import Operation, Scenario
    >>> from lsgmap.scenario.apply import apply
    >>> real = load()
    >>> p = apply(real, Scenario("x", "Ett LSG", "2019-01-01", operations=(Operation(1, "end", ("lsg_nykoping_oxelosund",)),)))
    >>> deck = Presentation(io.BytesIO(scenario_slides(real, p, size=(480, 220))))
    >>> [s.shapes.title.text.split(":")[0] for s in deck.slides][:3]
    ['Förslag', 'I dag (2019-01-01)', 'FÖRSLAG']
    """
    from pptx import Presentation

    deck = Presentation()
    deck.slide_width, deck.slide_height = (_emu(v) for v in _SLIDE)
    scenario = proposal.scenario  # type: ignore[attr-defined]
    deck.core_properties.title = _plain(t("scenario.document_title", lang, title=scenario.title(lang)))
    deck.core_properties.author = "lsgmap"
    layout = deck.slide_layouts[5]
    footer = _plain(t("scenario.slide_footer", lang, title=scenario.title(lang), date=scenario.on_iso))

    def slide(title: str) -> Any:
        s = deck.slides.add_slide(layout)
        s.shapes.title.left, s.shapes.title.top, s.shapes.title.width, s.shapes.title.height = (_emu(v) for v in _TITLE)
        _fill(s.shapes.title.text_frame, [_plain(title)], 30, bold=True)
        box = s.shapes.add_textbox(*(_emu(v) for v in _FOOTER))
        _fill(box.text_frame, [footer], 16, colour="595959")
        return s

    first = slide(t("scenario.document_title", lang, title=scenario.title(lang)))
    box = first.shapes.add_textbox(*(_emu(v) for v in _BODY))
    _fill(box.text_frame, [_plain(_about(proposal, lang)), _plain(t("scenario.operations", lang) + ":")], 20)
    for line in operation_lines(proposal, lang):
        _paragraph(box.text_frame, _plain(line), 18)
    before, after = scenario_elements(real, proposal, lang=lang, hide_persons=hide_persons)
    for els in (before, after):
        s = slide(els.title)
        png = to_image(els, fmt="png", size=size, legend=True)
        left, top, width, height = _fit(image_size(png), _MAP)
        picture = s.shapes.add_picture(io.BytesIO(png), left, top, width, height)
        picture._element.nvPicPr.cNvPr.set("descr", _plain(els.title))
    lines = [f"{name}: {x}" for name, items in _consequence_items(consequences(real, proposal), lang) for x in items]
    pages = [lines[i:i + _PER_SLIDE] for i in range(0, len(lines), _PER_SLIDE)] or [[t("scenario.no_consequences", lang)]]
    for n, page in enumerate(pages, 1):
        s = slide(t("scenario.consequences_slide", lang, n=n, count=len(pages)))
        box = s.shapes.add_textbox(*(_emu(v) for v in _BODY))
        _fill(box.text_frame, [_plain(x) for x in page], 14)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
