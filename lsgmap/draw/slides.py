"""A story as a PowerPoint deck: a 16:9 slide per step, with its map, title and text, and its sources in the speaker notes.

Each slide has the step's title (32 pt), its text (16–20 pt, the largest that
fits), what the app says beside the step (a working name shown, a recorded
conflict), and the step's map as a PNG with its legend, drawn for the slide:
the step's part laid out alone as Presentera lays it out (:func:`lsgmap.draw.view.story_view`),
for the shape of the space the slide gives it, its labels drawn to the layout's
scale (:func:`lsgmap.draw.images.to_image`) so that on the slide they are at
least :data:`LABEL_PT` points high, legible when projected. A step whose map
cannot reach that beside its text gets two slides: its text, then its map
across the whole slide. The speaker notes hold the sources of what the step
points at (:func:`step_sources`): document title, place in the document and
quote. Text from the data goes in as plain text.

``lsgmap export --story lsg-roll --format pptx`` writes the same file;
the Presentera page of the app offers it as a download.

Examples
--------
>>> import io
>>> from pptx import Presentation
>>> from lsgmap.dataset.load import load
>>> s = load()
>>> deck = Presentation(io.BytesIO(story_slides(s, "lsg-roll", lang="en", size=(480, 340))))
>>> len(deck.slides) >= 5, deck.slides[0].shapes.title.text
(True, 'The RAR coordination association and its members')
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
from lsgmap.draw.elements import elements
from lsgmap.draw.images import image_size, png_labels, to_image
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import display_names, story_view
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t
from lsgmap.text import clean_text

__all__ = ["story_slides", "find_story", "step_sources", "default_filename", "slide_map", "label_points", "MIME", "IMAGE_SIZE", "LABEL_PT"]

#: The media type of a .pptx file.
MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#: Pixel size of the map beside a step's text (its width; the height follows the space on the slide).
IMAGE_SIZE = (1400, 917)
#: the least height of a map label on a slide, in points (as text on the slide would be): legible when projected
LABEL_PT = 18.0
#: the legend's text on a slide, in points
LEGEND_PT = 12.0
#: the labels' size in the slide's layout (layout units; large, so the fixed margins between nodes weigh little)
FONT_SIZE = 80

_EMU_PER_INCH = 914400
_SLIDE = (13.333, 7.5)  # inches, 16:9
_MARGIN = 0.45
_TITLE = (_MARGIN, 0.25, _SLIDE[0] - 2 * _MARGIN, 0.95)  # left, top, width, height (inches)
_TEXT = (_MARGIN, 1.3, 3.4, 5.35)  # beside the map
_MAP = (4.0, 1.25, _SLIDE[0] - 4.0 - 0.3, 5.95)  # beside the text
_FOOTER = (_MARGIN, 6.7, 3.4, 0.75)  # under the text, beside the map
_WHOLE_TEXT = (_MARGIN, 1.3, _SLIDE[0] - 2 * _MARGIN, 5.3)  # a step's text on a slide of its own
_WHOLE_TITLE = (_MARGIN, 0.08, _SLIDE[0] - 2 * _MARGIN, 0.7)  # over a map across the slide
_WHOLE_MAP = (0.08, 0.8, _SLIDE[0] - 0.16, 6.25)  # a step's map across the slide (the slide before has the footer)
_WHOLE_KEY = (_MARGIN, 7.07, _SLIDE[0] - 2 * _MARGIN, 0.4)  # under it: what faded and dashed means
_WHOLE_FOOTER = (_MARGIN, 6.98, _SLIDE[0] - 2 * _MARGIN, 0.45)
TITLE_PT, WHOLE_TITLE_PT, FOOTER_PT = 32, 28, 16
BODY_PT = (20, 18, 16)  # tried in this order: the largest that fits
WHOLE_BODY_PT = (28, 24, 20, 18, 16)  # a step's text on a slide of its own
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
    step's day; ``size`` is the pixel width of the map beside a step's text (its
    height follows the slide; a map across a slide is as much wider as it is);
    ``positions`` place a step that shows no entity. An unknown story id is an
    :class:`~lsgmap.errors.InputError`.
    """
    from pptx import Presentation

    if isinstance(story, str):
        story = find_story(structure, story)
    if positions is None:  # where a step shows nothing: the whole map's places
        positions = layered_positions(structure)
    deck = Presentation()
    deck.slide_width, deck.slide_height = (_emu(v) for v in _SLIDE)
    deck.core_properties.title = _plain(story.title(lang))
    deck.core_properties.author = "lsgmap"
    layout = deck.slide_layouts[5]  # "Title Only": the title is the slide's title for outlines and screen readers
    for number, step in enumerate(story.steps, start=1):
        _add_step(deck, layout, structure, story, step, number,
                  lang=lang, hide_persons=hide_persons, attested_only=attested_only, positions=positions, size=size)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _add_step(deck: Any, layout: Any, structure: Any, story: Story, step: Step, number: int, *, lang: str, hide_persons: bool,
              attested_only: bool, positions: Mapping[str, tuple[float, float]], size: tuple[int, int]) -> None:
    """The step's slide: text beside its map when the map's labels reach :data:`LABEL_PT` there; else a slide of
    text and one of the map across the slide."""
    view = story_view(structure, step, lang=lang, hide_persons=hide_persons, font_size=FONT_SIZE)
    view = replace(view, attested_only=attested_only, title=t("app.story.date", lang, date=view.on))
    beside = _pixels(size[0], _MAP)
    png = slide_map(structure, view, beside, _MAP[2], positions=positions)
    if label_points(png, _MAP[2]) >= LABEL_PT or not view.nodes:
        slide = deck.slides.add_slide(layout)
        _title(slide, step, lang)
        said = _text(slide, structure, step, lang, _TEXT)
        _picture(slide, png, _MAP, f"{step.title(lang)} – {view.title}")
        _footer(slide, story, number, lang, view.on, _FOOTER)
        _notes(slide, structure, step, view, lang, hide_persons, said=said)
        return
    slide = deck.slides.add_slide(layout)  # the text on a slide of its own …
    _title(slide, step, lang)
    said = _text(slide, structure, step, lang, _WHOLE_TEXT, WHOLE_BODY_PT)
    _footer(slide, story, number, lang, view.on, _WHOLE_FOOTER)
    _notes(slide, structure, step, view, lang, hide_persons, said=said)
    slide = deck.slides.add_slide(layout)  # … and its map across the next
    _title(slide, step, lang, _WHOLE_TITLE, WHOLE_TITLE_PT)
    whole = _pixels(round(size[0] * _WHOLE_MAP[2] / _MAP[2]), _WHOLE_MAP)
    png = slide_map(structure, view, whole, _WHOLE_MAP[2], positions=positions)
    if label_points(png, _WHOLE_MAP[2]) < LABEL_PT:  # the legend's room goes to the map; the slide says what faded means
        png = slide_map(structure, view, whole, _WHOLE_MAP[2], positions=positions, legend=False)
        if elements(structure, view, {}).drawn_unattested:
            key = slide.shapes.add_textbox(*(_emu(v) for v in _WHOLE_KEY))
            _fill(key.text_frame, [t("map.unattested_key", lang)], FOOTER_PT, colour=_GREY)
    _picture(slide, png, _WHOLE_MAP, f"{step.title(lang)} – {view.title}")
    _notes(slide, structure, step, view, lang, hide_persons, said=[])


def slide_map(structure: Any, view: Any, size: tuple[int, int], width_in: float, *, positions: Mapping[str, tuple[float, float]] | None = None,
              legend: bool = True) -> bytes:
    """The map of ``view`` as a PNG of ``size`` pixels for a space ``width_in`` inches wide on a slide: its nodes laid
    out alone for the room the picture leaves the map (:func:`lsgmap.draw.layout.positions.layered_positions` with the
    labels drawn, up to three rows a layer), labels to the layout's scale, the legend's text :data:`LEGEND_PT` points.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.dataset.stories import load_stories
    >>> s = load()
    >>> view = story_view(s, load_stories(s)[0][0].steps[1], font_size=FONT_SIZE)
    >>> label_points(slide_map(s, view, (800, 533), 9.0), 9.0) >= LABEL_PT
    True
    """
    from lsgmap.draw.images import legend_room

    legend_px = LEGEND_PT * size[0] / (width_in * 72)
    if not view.nodes:
        return to_image(elements(structure, view, positions or {}), size=size, legend=legend, titled=False, legend_px=legend_px, footnote=legend)
    labels = {n.id: n.label for n in elements(structure, view, {}).nodes}
    room = legend_room(elements(structure, view, {}), size=size, legend=legend, legend_px=legend_px, footnote=legend)
    frame = (size[0] * 0.994, size[1] * max(0.3, 0.99 - room))
    placed = layered_positions(structure, only=frozenset(view.nodes), font_size=view.font_size, frame=frame, most_rows=3, labels=labels)
    return to_image(elements(structure, view, placed), size=size, legend=legend, titled=False, legend_px=legend_px, footnote=legend)


def label_points(png: bytes, width_in: float) -> float:
    """The smallest map label of ``png`` (:func:`lsgmap.draw.images.png_labels`) in points, when the picture is
    ``width_in`` inches wide on a slide: its pixels times the picture's scale (0.0 for a picture without labels).

    >>> label_points(b"", 5.0)
    0.0
    """
    report = png_labels(png) if png else {}
    if not report.get("count"):
        return 0.0
    return round(report["smallest_px"] * width_in * 72 / image_size(png)[0], 2)


def _pixels(width: int, box: tuple[float, float, float, float]) -> tuple[int, int]:
    """A picture ``width`` pixels wide with the shape of ``box`` (inches).

    >>> _pixels(1000, (0, 0, 10, 5))
    (1000, 500)
    """
    return int(width), max(100, round(width * box[3] / box[2]))


def _title(slide: Any, step: Step, lang: str, where: tuple[float, float, float, float] = _TITLE, pt: int = 0) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (_emu(v) for v in where)
    _fill(title.text_frame, [_plain(step.title(lang))], pt or TITLE_PT, bold=True)


def _text(slide: Any, structure: Any, step: Step, lang: str, where: tuple[float, float, float, float], sizes: tuple[int, ...] = BODY_PT) -> list[str]:
    """The step's text and what the app says beside it in the box ``where``, in the largest of ``sizes`` that fits;
    returns what did not fit (for the notes)."""
    said = [_plain(line) for line in step_notes(structure, step, lang)]
    paragraphs = [_plain(p) for p in step.text(lang).split("\n") if p.strip()]
    body_pt = _fitting_size([*paragraphs, *said], where[2], where[3], sizes)
    if body_pt is None:  # too long with what the app says beside the step: that goes to the notes
        body_pt, notes_said = _fitting_size(paragraphs, where[2], where[3], sizes) or sizes[-1], said
        said = []
    else:
        notes_said = []
    box = slide.shapes.add_textbox(*(_emu(v) for v in where))
    _fill(box.text_frame, paragraphs, body_pt)
    for i, line in enumerate(said):
        _paragraph(box.text_frame, line, max(BODY_PT[-1], body_pt - 4), first=not paragraphs and i == 0, italic=True)
    return notes_said


def _picture(slide: Any, png: bytes, where: tuple[float, float, float, float], alt: str) -> None:
    left, top, width, height = _fit(image_size(png), where)
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, width, height)
    picture._element.nvPicPr.cNvPr.set("descr", _plain(alt))  # alt text


def _footer(slide: Any, story: Story, number: int, lang: str, on: str, where: tuple[float, float, float, float]) -> None:
    footer = slide.shapes.add_textbox(*(_emu(v) for v in where))
    counter = t("app.story.counter", lang, step=number, count=len(story.steps))
    _fill(footer.text_frame, [_plain(f"{story.title(lang)} · {counter} · {on}")], FOOTER_PT, colour=_GREY)


def _notes(slide: Any, structure: Any, step: Step, view: Any, lang: str, hide_persons: bool, *, said: list[str]) -> None:
    """The speaker notes: the step and its day, what did not fit on the slide, the sources with their quotes."""
    names = display_names(structure, structure.snapshot(on=view.day), lang=lang, hide_persons=hide_persons)
    notes = [_plain(f"{step.title(lang)} ({view.on})"), *said, "", t("export.sources", lang) + ":"]
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


def _fitting_size(paragraphs: list[str], width: float, height: float, sizes: tuple[int, ...] = BODY_PT) -> int | None:
    """The largest of ``sizes`` at which ``paragraphs`` fit a box of ``width`` × ``height`` inches (a cautious estimate), or None.

    >>> _fitting_size(["kort"], 4, 5), _fitting_size(["ord " * 400], 4, 5)
    (20, None)
    """
    for pt in sizes:
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
