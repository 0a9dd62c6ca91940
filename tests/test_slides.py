"""Slides: a story as a PowerPoint deck (lsgmap.draw.slides), from the CLI and from the Presentera page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from app_kit import run_app
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from lsgmap.cli import main
from lsgmap.dataset.stories import load_stories
from lsgmap.draw.slides import step_sources

STORY = "lsg-roll"


@pytest.fixture(scope="module")
def story(sormland):
    return next(s for s in load_stories(sormland)[0] if s.id == STORY)


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """The deck of lsg-roll as the CLI writes it (built once; small maps keep the tests fast)."""
    out = tmp_path_factory.mktemp("slides") / "deck.pptx"
    code = main(["export", "--story", STORY, "--format", "pptx", "--size", "640x452", "--out", str(out)])
    return code, out


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_the_cli_writes_the_deck_and_exits_0(deck):
    code, out = deck
    assert code == 0 and out.stat().st_size > 0
    assert out.read_bytes()[:2] == b"PK"


def _steps(prs, story) -> list[list]:
    """The slides of each step, in order: a step's slides carry its title (one slide, or its text and then its map)."""
    slides, out = list(prs.slides), []
    for step in story.steps:
        mine = []
        while slides and slides[0].shapes.title.text == step.title("sv"):
            mine.append(slides.pop(0))
        out.append(mine)
    assert not slides, "slides left over that belong to no step"
    return out


def _pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_each_step_on_16_9_slides_with_its_map_title_and_text(deck, story):
    prs = Presentation(str(deck[1]))
    assert prs.slide_width * 9 == pytest.approx(prs.slide_height * 16, rel=1e-3)
    for step, slides in zip(story.steps, _steps(prs, story), strict=True):
        assert 1 <= len(slides) <= 2
        pictures = [p for slide in slides for p in _pictures(slide)]
        assert len(pictures) == 1  # one map a step
        picture = pictures[0]
        assert picture.image.content_type == "image/png"
        assert picture.left >= 0 and picture.left + picture.width <= prs.slide_width  # inside the slide
        assert picture.top >= 0 and picture.top + picture.height <= prs.slide_height
        width, height = picture.image.size
        assert picture.width / picture.height == pytest.approx(width / height, rel=0.01)  # not distorted
        assert any(step.text("sv")[:60] in text for text in _texts(slides[0]))
        if len(slides) == 2:  # the text first, the map across the next slide
            assert not _pictures(slides[0]) and picture.width > prs.slide_width * 0.9


@pytest.mark.parametrize("story_id, lang", [("lsg-roll", "sv"), ("lsg-roll", "en"), ("vem-styr-2016-2017", "sv"), ("vem-styr-2016-2017", "en")])
def test_map_labels_on_a_slide_are_at_least_18_pt(sormland, story_id, lang):
    """The picture's smallest label as drawn (the font size in pixels matplotlib drew it at, carried in the PNG)
    times the picture's scale on the slide (points per pixel) is at least 18 pt, and no two labels meet."""
    from lsgmap.draw.images import png_labels
    from lsgmap.draw.slides import story_slides

    prs = Presentation(io.BytesIO(story_slides(sormland, story_id, lang=lang, size=(560, 367))))
    pictures = [p for slide in prs.slides for p in _pictures(slide)]
    assert len(pictures) == len(next(s for s in load_stories(sormland)[0] if s.id == story_id).steps)
    for picture in pictures:
        report = png_labels(picture.image.blob)
        assert report["count"] > 0 and report["overlaps"] == 0, report
        points_per_pixel = picture.width / Emu(Pt(1)) / picture.image.size[0]
        assert report["smallest_px"] * points_per_pixel >= 18, (story_id, lang, report, points_per_pixel)


def test_the_karta_png_export_draws_labels_of_14_px_as_its_svg_says(sormland):
    """Karta's PNG at its default size (what the app's button gives): labels of at least 14 px, none meeting; the
    report the PNG carries agrees with the font sizes the SVG of the same map writes."""
    import re
    from xml.etree import ElementTree

    from lsgmap.draw.images import DEFAULT_SIZE, export_image, image_size, png_labels
    from lsgmap.draw.view import View

    for on in ("2016-11-15", "2017-01-01", "2018-06-01"):
        png = export_image(sormland, View(on=on))
        assert image_size(png) == DEFAULT_SIZE
        report = png_labels(png)
        assert report["count"] > 20 and report["smallest_px"] >= 14 and report["overlaps"] == 0, (on, report)
    root = ElementTree.fromstring(export_image(sormland, View(on="2016-11-15"), fmt="svg"))
    svg = "{http://www.w3.org/2000/svg}"
    sizes = [min(float(re.search(r"font-size: ([0-9.]+)px", text.get("style")).group(1)) * 100 / 72  # SVG: points, at 72 per inch
                 for text in g.iter(f"{svg}text"))  # a label's lines
             for g in root.iter(f"{svg}g") if (g.get("id") or "").startswith("node-")]
    report = png_labels(export_image(sormland, View(on="2016-11-15")))
    assert len(sizes) == report["count"]
    assert min(sizes) == pytest.approx(report["smallest_px"], abs=0.05)


def test_text_is_large_enough_to_read(deck):
    prs = Presentation(str(deck[1]))
    for slide in prs.slides:
        title_sizes = {r.font.size for p in slide.shapes.title.text_frame.paragraphs for r in p.runs}
        assert title_sizes and min(title_sizes) >= Pt(28)
        for shape in slide.shapes:
            if shape.has_text_frame:
                assert all(r.font.size is not None and r.font.size >= Pt(16) for p in shape.text_frame.paragraphs for r in p.runs)


def test_the_notes_hold_the_sources_quotes(deck, story, sormland):
    prs = Presentation(str(deck[1]))
    quoted = 0
    for slides, step in zip(_steps(prs, story), story.steps, strict=True):
        notes = slides[0].notes_slide.notes_text_frame.text
        assert "Källor:" in notes
        for citation in step_sources(sormland, step):
            assert citation["quote"] in notes and citation["title"] in notes
            quoted += 1
    assert quoted > 0


def test_english_with_lang_en(sormland, story):
    from dataclasses import replace

    from lsgmap.draw.slides import story_slides

    prs = Presentation(io.BytesIO(story_slides(sormland, replace(story, steps=story.steps[:1]), lang="en", size=(320, 226))))
    assert prs.slides[0].shapes.title.text == story.steps[0].title("en")
    assert "Sources:" in prs.slides[0].notes_slide.notes_text_frame.text


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "--story", "no-such-story", "--format", "pptx"], "Fel: Okänd berättelse 'no-such-story'. Berättelserna: lsg-roll, vem-styr-2016-2017."),
        (["export", "--format", "pptx"], "Fel: --format pptx gör en bildserie av en berättelse: ange --story ID. Berättelserna: lsg-roll"),
        (["export", "--story", STORY, "--format", "png"], "Fel: --story: gäller bara --format pptx"),
        (["export", "--story", STORY, "--format", "pptx", "--on", "2017"], "Fel: --on gäller en karta på ett datum"),
    ],
)
def test_bad_use_is_exit_2_and_a_message(argv, message, capsys, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and "Traceback" not in err
    assert not list(tmp_path.iterdir())


@pytest.mark.slow  # AppTest run of an app page
def test_presentera_offers_the_deck():
    at = run_app({"story": STORY, "step": "2"}, page="presentera", strict=False)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Ladda ner som PowerPoint" in labels
    at = run_app({"story": STORY, "lang": "en"}, page="presentera", strict=False)
    assert "Download as PowerPoint" in [b.proto.label for b in at.get("download_button")]
