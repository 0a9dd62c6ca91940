"""Slides: a story as a PowerPoint deck (lsgmap.draw.slides), from the CLI and from the Presentera page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from app_kit import run_app
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

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


def test_one_16_9_slide_per_step_with_its_map_title_and_text(deck, story):
    prs = Presentation(str(deck[1]))
    assert len(prs.slides) == len(story.steps)
    assert prs.slide_width * 9 == pytest.approx(prs.slide_height * 16, rel=1e-3)
    for slide, step in zip(prs.slides, story.steps, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        picture = pictures[0]
        assert picture.image.content_type == "image/png"
        assert picture.left >= 0 and picture.left + picture.width <= prs.slide_width  # inside the slide
        assert picture.top >= 0 and picture.top + picture.height <= prs.slide_height
        width, height = picture.image.size
        assert picture.width / picture.height == pytest.approx(width / height, rel=0.01)  # not distorted
        assert slide.shapes.title.text == step.title("sv")
        assert any(step.text("sv")[:60] in text for text in _texts(slide))


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
    for slide, step in zip(prs.slides, story.steps, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
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
