"""A story as a PowerPoint deck: one 16:9 slide per step, with its map, title and text, and its sources in the speaker notes.

Each slide has the step's title (32 pt), its text (16–20 pt, the largest that
fits), what the app says beside the step (a working name shown, a recorded
conflict), and the step's map as a PNG with its legend, drawn as the app draws
it (:func:`lsgmap.draw.view.story_view`, :func:`lsgmap.draw.images.export_image`) and
fitted into the slide without distortion. The speaker notes hold the sources of
what the step points at (:func:`step_sources`): document title, place in the
document and quote. Text from the data goes in as plain text.

``lsgmap export --story lsg-roll --format pptx`` writes the same file;
the Presentera page of the app offers it as a download.

Examples
--------
>>> import io
>>> from pptx import Presentation
>>> from lsgmap.dataset.load import load
>>> s = load()
>>> deck = Presentation(io.BytesIO(story_slides(s, "lsg-roll", lang="en", size=(480, 340))))
>>> len(deck.slides), deck.slides[0].shapes.title.text
(5, 'The RAR coordination association and its members')
>>> find_story(s, "no-such-story")
Traceback (most recent call last):
...
lsgmap.errors.InputError: Unknown story 'no-such-story'. The stories: lsg-roll, vem-styr-2016-2017.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from lsgmap.dataset.stories import Step, Story, load_stories, step_notes
from lsgmap.draw.images import export_image, image_size
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import display_names, story_view
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t
from lsgmap.text import clean_text

__all__ = ["story_slides", "find_story", "step_sources", "default_filename", "MIME", "IMAGE_SIZE"]

#: The media type of a .pptx file.
MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#: Pixel size of each slide's map (the shape of the space for it on a 16:9 slide).
IMAGE_SIZE = (1600, 1130)

_EMU_PER_INCH = 914400
_SLIDE = (13.333, 7.5)  # inches, 16:9
_MARGIN = 0.45
_TITLE = (_MARGIN, 0.3, _SLIDE[0] - 2 * _MARGIN, 1.0)  # left, top, width, height (inches)
_TEXT = (_MARGIN, 1.4, 4.4, 5.4)
_MAP = (5.05, 1.35, _SLIDE[0] - 5.05 - _MARGIN, 5.55)
_FOOTER = (_MARGIN, 6.95, _SLIDE[0] - 2 * _MARGIN, 0.45)
TITLE_PT, FOOTER_PT = 32, 16
BODY_PT = (20, 18, 16)  # tried in this order: the largest that fits
_GREY = "595959"


def default_filename(story_id: str) -> str:
    """The file name of a story's deck unless told otherwise.

    >>> default_filename("lsg-roll")
    'lsgmap-lsg-roll.pptx'
    """
    return f"lsgmap-{story_id}.pptx"


def find_story(structure: Any, story_id: str, stories: list[Story] | None = None) -> Story:
    """The story ``story_id`` of the dataset, or an :class:`~lsgmap.errors.InputError` naming it and the known ids."""
    if stories is None:
        stories = load_stories(structure)[0]
    for story in stories:
        if story.id == story_id:
            return story
    known = ", ".join(s.id for s in stories) or msg("slides.no_stories")
    raise InputError(msg("slides.unknown_story", story=story_id, known=known))


def step_sources(structure: Any, step: Step) -> tuple[dict[str, str], ...]:
    """The citations behind what ``step`` points at (:meth:`lsgmap.model.structure.Structure.citations`), each source once.

    A step points at what it highlights (the entities its ``highlight`` names
    and the relations highlighted), or, when it highlights nothing, at
    everything it shows; the same rule as :func:`lsgmap.dataset.stories.step_notes`.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> [c["id"] for c in step_sources(s, Step(1, "", "", "", "", "2016-11-15", ("association",), ("rar",)))]
    ['pub_rar_grundat', 'an_ansoker']
    """
    shown = step.view(structure)
    pointed = [*(i for i in step.highlight if i in shown.node_ids), *(k for k in shown.edge_keys if k in shown.highlight_edges)]
    source_ids: dict[str, None] = {}
    for fact_id in pointed or (*shown.node_ids, *shown.edge_keys):
        fact = structure.entities.get(fact_id) or structure.relations.get(fact_id)
        source_ids.update(dict.fromkeys(getattr(fact, "sources", ()) or ()))
    return structure.citations(list(source_ids))


def story_slides(
    structure: Any,
    story: Story | str,
    *,
    lang: str = "sv",
    hide_persons: bool = False,
    attested_only: bool = False,
    positions: Mapping[str, tuple[float, float]] | None = None,
    size: tuple[int, int] = IMAGE_SIZE,
) -> bytes:
    """The deck of ``story`` (a :class:`~lsgmap.dataset.stories.Story` or its id) as the bytes of a .pptx file.

    ``hide_persons`` names persons by their role, on the map and in the quotes
    of the notes; ``attested_only`` leaves out what no source speaks for on a
    step's day; ``size`` is the pixel size of each map. An unknown story id is
    an :class:`~lsgmap.errors.InputError`.
    """
    from pptx import Presentation

    if isinstance(story, str):
        story = find_story(structure, story)
    if positions is None:

        positions = layered_positions(structure)
    deck = Presentation()
    deck.slide_width, deck.slide_height = (_emu(v) for v in _SLIDE)
    deck.core_properties.title = _plain(story.title(lang))
    deck.core_properties.author = "lsgmap"
    layout = deck.slide_layouts[5]  # "Title Only": the title is the slide's title for outlines and screen readers
    for number, step in enumerate(story.steps, start=1):
        _add_step(deck.slides.add_slide(layout), structure, story, step, number,
                  lang=lang, hide_persons=hide_persons, attested_only=attested_only, positions=positions, size=size)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _add_step(slide: Any, structure: Any, story: Story, step: Step, number: int, *, lang: str, hide_persons: bool, attested_only: bool,
              positions: Mapping[str, tuple[float, float]], size: tuple[int, int]) -> None:

    view = story_view(structure, step, lang=lang, hide_persons=hide_persons)
    view = replace(view, attested_only=attested_only, title=t("app.story.date", lang, date=view.on))  # the slide has the step's title
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (_emu(v) for v in _TITLE)
    _fill(title.text_frame, [_plain(step.title(lang))], TITLE_PT, bold=True)

    said = [_plain(line) for line in step_notes(structure, step, lang)]
    paragraphs = [_plain(p) for p in step.text(lang).split("\n") if p.strip()]
    body_pt = _fitting_size([*paragraphs, *said], _TEXT[2], _TEXT[3])
    if body_pt is None:  # too long with what the app says beside the step: that goes to the notes
        body_pt, notes_said = _fitting_size(paragraphs, _TEXT[2], _TEXT[3]) or BODY_PT[-1], said
        said = []
    else:
        notes_said = []
    box = slide.shapes.add_textbox(*(_emu(v) for v in _TEXT))
    _fill(box.text_frame, paragraphs, body_pt)
    for i, line in enumerate(said):
        _paragraph(box.text_frame, line, BODY_PT[-1], first=not paragraphs and i == 0, italic=True)

    png = export_image(structure, view, positions=positions, fmt="png", size=size, legend=True)
    left, top, width, height = _fit(image_size(png), _MAP)
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, width, height)
    picture._element.nvPicPr.cNvPr.set("descr", _plain(f"{step.title(lang)} – {view.title}"))  # alt text

    footer = slide.shapes.add_textbox(*(_emu(v) for v in _FOOTER))
    counter = t("app.story.counter", lang, step=number, count=len(story.steps))
    _fill(footer.text_frame, [_plain(f"{story.title(lang)} · {counter}")], FOOTER_PT, colour=_GREY)

    names = display_names(structure, structure.snapshot(on=view.day), lang=lang, hide_persons=hide_persons)
    notes = [_plain(f"{step.title(lang)} ({view.on})"), *notes_said, "", t("export.sources", lang) + ":"]
    cited = step_sources(structure, step)
    for c in cited:
        where = f", {c['locator']}" if c["locator"] else ""
        notes.append(_plain(f"• {c['title']}{where}: \"{names.text(c['quote'])}\" [{c['id']}]"))
    if not cited:
        notes.append(t("slides.no_sources", lang))
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)


def _emu(inches: float) -> int:
    return round(inches * _EMU_PER_INCH)


def _plain(text: str) -> str:
    """Data text as one plain paragraph: no control characters (python-pptx would write them as _xHHHH_), runs of space as one.

    >>> _plain("LSG\\x1b  Trosa\\n")
    'LSG Trosa'
    """
    return re.sub(r"\s+", " ", clean_text(text or "", mark="")).strip()


def _fit(image: tuple[int, int], box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Left, top, width, height (EMU) of an image of ``image`` pixels scaled into ``box`` (inches), centred, its shape kept.

    >>> _fit((1600, 800), (0, 0, 4, 4)) == (0, _emu(1), _emu(4), _emu(2))
    True
    """
    left, top, width, height = box
    scale = min(width / image[0], height / image[1])
    w, h = image[0] * scale, image[1] * scale
    return _emu(left + (width - w) / 2), _emu(top + (height - h) / 2), _emu(w), _emu(h)


def _fitting_size(paragraphs: list[str], width: float, height: float) -> int | None:
    """The largest of :data:`BODY_PT` at which ``paragraphs`` fit a box of ``width`` × ``height`` inches (a cautious estimate), or None.

    >>> _fitting_size(["kort"], 4, 5), _fitting_size(["ord " * 400], 4, 5)
    (20, None)
    """
    for pt in BODY_PT:
        per_line = max(1, int(width * 72 / (pt * 0.55)))  # an average character is about half its size wide; 0.55 to be safe
        lines = sum(max(1, math.ceil(len(p) / per_line)) for p in paragraphs)
        if (lines * 1.2 + 0.6 * len(paragraphs)) * pt / 72 <= height - 0.2:
            return pt
    return None


def _fill(frame: Any, paragraphs: list[str], pt: int, **style: Any) -> None:
    """Replace the text of ``frame`` with ``paragraphs``, each in ``pt`` points, wrapping, never shrunk below it."""
    from pptx.enum.text import MSO_AUTO_SIZE

    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, text in enumerate(paragraphs):
        _paragraph(frame, text, pt, first=i == 0, **style)


def _paragraph(frame: Any, text: str, pt: int, *, first: bool = False, bold: bool = False, italic: bool = False, colour: str = "") -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    paragraph.alignment = PP_ALIGN.LEFT
    if not first:
        paragraph.space_before = Pt(pt * 0.6)
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.italic = Pt(pt), bold, italic
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
