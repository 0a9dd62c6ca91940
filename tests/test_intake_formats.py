"""A .docx and a .pdf of a status report give the same proposals as the same text in .txt (files generated here)."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.intake import read
from lsgmap.intake.document import read_document

DOCS = [Path(__file__).parent / "data" / "intake" / "lagesrapport_2017_h1.txt", BUNDLED_DATA / "documents" / "000_b65d06c439c32f26.txt"]


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """(style, text) per paragraph of a plain text: "list" for "- …", "heading" for the lines of one line standing alone."""
    out = []
    for chunk in text.split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        for line in lines:
            if line.startswith("- "):
                out.append(("list", line[2:]))
            else:
                out.append(("heading" if len(lines) == 1 and len(line) < 60 and not line.endswith((".", ":")) else "body", line))
    return out


def to_docx(text: str) -> bytes:
    """A Word document as a person writes one: headings as Word headings, list items in the List Bullet style."""
    import docx

    d = docx.Document()
    for n, (style, line) in enumerate(_paragraphs(text)):
        if n == 0:
            d.add_heading(line, level=0)
        elif style == "heading":
            d.add_heading(line, level=1)
        elif style == "list":
            d.add_paragraph(line, style="List Bullet")
        else:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(text: str, gap: int = 12) -> bytes:
    """A PDF of the text (reportlab), paragraphs ``gap`` points apart, long lines wrapped by the page width."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for style, line in _paragraphs(text):
        shown = f"- {line}" if style == "list" else line
        story += [Paragraph(escape(shown), styles["Heading2" if style == "heading" else "Normal"]), Spacer(1, gap)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def _proposals(result) -> list[tuple]:
    return [(p.id, p.kind, p.from_id, p.relation, p.to_id, p.entity_id, p.name, p.quote, p.existing_id, p.valid_from, p.valid_to, p.period)
            for p in result.proposals]


@pytest.fixture(scope="module")
def structure():
    return load(BUNDLED_DATA)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", [".docx", ".pdf"])
def test_docx_and_pdf_give_the_same_proposals_as_the_text(tmp_path, structure, path, fmt):
    text = path.read_text(encoding="utf-8")
    plain = read(structure, path)
    assert len(plain.proposals) >= 10
    data = to_docx(text) if fmt == ".docx" else to_pdf(text, gap=6)  # tight: pypdf gives no blank line between some paragraphs
    other = tmp_path / f"report{fmt}"
    other.write_bytes(data)
    result = read(structure, other)
    assert result.period == plain.period and result.kind == plain.kind
    assert _proposals(result) == _proposals(plain)
    assert all(result.document.contains(p.quote) for p in result.proposals)


def test_a_pdf_keeps_its_paragraphs_and_joins_wrapped_lines(tmp_path):
    text = DOCS[0].read_text(encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(to_pdf(text))
    blocks = read_document(pdf).blocks
    assert [b.text for b in blocks] == [b.text for b in read_document(DOCS[0]).blocks]


def test_the_docx_text_read_back_as_txt_gives_the_same_blocks(tmp_path):
    """What --accept ships for a .docx (Document.text) reads into the same blocks: check verifies the quotes against it."""
    docx_path = tmp_path / "r.docx"
    docx_path.write_bytes(to_docx(DOCS[0].read_text(encoding="utf-8")))
    shipped = tmp_path / "r.txt"
    shipped.write_text(read_document(docx_path).text, encoding="utf-8")
    assert read_document(shipped).blocks == read_document(docx_path).blocks
