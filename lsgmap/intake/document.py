"""A document read into text: ``.txt``, ``.md``, ``.docx`` (python-docx) and ``.pdf`` (pypdf), as blocks.

Every format becomes the same plain text (:attr:`Document.text`): blocks separated by
a blank line, list items starting with ``- ``. That text is what ``lsgmap intake
--accept`` ships in the dataset's ``documents/`` folder, so ``lsgmap check`` can verify
every quote word for word; a ``.docx`` or ``.pdf`` and the same text as ``.txt`` read
into the same blocks. Quotes are compared with white space folded (as ``check`` does).

>>> d = from_text("Lägesrapport\\n\\nPeriod: 2017\\n\\n- TUNA (LSG Nyköping-Oxelösund)\\n- IBIS\\n", name="r.txt")
>>> [(b.text, b.bullet) for b in d.blocks]
[('Lägesrapport', False), ('Period: 2017', False), ('TUNA (LSG Nyköping-Oxelösund)', True), ('IBIS', True)]
>>> d.title
'Lägesrapport'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lsgmap.errors import InputError
from lsgmap.i18n import msg

__all__ = ["Block", "Document", "read_document", "from_text", "fold", "FORMATS"]

#: The file endings read, and what reads them.
FORMATS = (".txt", ".md", ".docx", ".pdf")
_BULLET = re.compile(r"^\s*(?:[-•*–·▪]|\d+[.)])\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
#: characters a table cell may not hold, and a PDF's missing glyphs (DEL): read as a space
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def fold(text: str) -> str:
    """White space folded to one space and Markdown emphasis (``*``) left out: how ``check`` compares quotes.

    >>> fold("  Vid *starten*\\n i oktober ")
    'Vid starten i oktober'
    """
    return " ".join(text.replace("*", "").split())


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item, its text folded to one line."""

    text: str
    bullet: bool = False
    heading: bool = False


@dataclass
class Document:
    """The text of a document as blocks, its name and the checksum of the file it was read from."""

    name: str
    blocks: list[Block]
    sha256: str
    source_format: str = ".txt"
    headings: list[int] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading: the first of the first four blocks that names a kind of document ("Lägesrapport …",
        "Ansökan om …", after an addressee line "Till samordningsförbundet RAR"), else the first block."""
        from lsgmap.intake.when import kind_of

        head = [b.text for b in self.blocks[:4] if len(b.text) <= 200]
        named = [text for text in head if kind_of(text) != "document"]
        return named[0] if named else self.blocks[0].text if self.blocks else ""

    @property
    def text(self) -> str:
        """The plain text shipped in ``documents/``: blocks separated by a blank line, list items as ``- …``."""
        return "\n\n".join(("- " if b.bullet else "") + b.text for b in self.blocks) + "\n"

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` stands word for word in the document (white space folded)."""
        if getattr(self, "_folded", None) is None:
            self._folded = fold(self.text)
        return bool(quote.strip()) and fold(quote) in self._folded


def _looks_like_heading(line: str) -> bool:
    return 0 < len(line) <= 70 and not line.endswith((".", ":", ",", ";")) and line[:1].isupper()


def _blocks_from_lines(lines: list[str]) -> list[Block]:
    """Blank lines end a block; a list item is a block of its own; headings are short lines standing alone."""
    blocks: list[Block] = []
    current: list[str] = []
    bullet = False

    def close() -> None:
        nonlocal current, bullet
        text = fold(" ".join(current))
        if text:
            alone = not bullet and len(current) == 1
            blocks.append(Block(text, bullet, alone and _looks_like_heading(text)))
        current, bullet = [], False

    for raw in lines:
        line = _CONTROL.sub(" ", raw).strip()
        if not line:
            close()
            continue
        if _MD_HEADING.match(line):
            close()
            current = [_MD_HEADING.sub("", line)]
            close()
            continue
        if _BULLET.match(line):
            close()
            current, bullet = [_BULLET.sub("", line, count=1)], True
            continue
        current.append(line)
    close()
    return blocks


def from_text(text: str, *, name: str = "document.txt", sha256: str = "", source_format: str = ".txt") -> Document:
    """A document from its plain text (``.txt`` or ``.md``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").lstrip("\ufeff")
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(name, _blocks_from_lines(text.split("\n")), digest, source_format)


def _docx_lines(data: bytes) -> list[str]:
    """The paragraphs and table rows of a Word document, in order, as the lines of a plain text."""
    import io

    import docx  # python-docx, loaded only here
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            text = item.text.strip()
            if not text:
                continue
            is_list = style.lower().startswith("list") or item._p.pPr is not None and item._p.pPr.numPr is not None
            lines += [("- " if is_list else "") + text, ""]
        elif isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))
                lines += [" ".join(c for c in cells if c), ""]
    return lines


def _pdf_lines(data: bytes) -> list[str]:
    """The text of every page (pypdf's layout mode keeps the blank lines between paragraphs)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    lines: list[str] = []
    for page in reader.pages:
        lines += page.extract_text(extraction_mode="layout").split("\n") + [""]
    return lines


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read ``path`` (or its ``data``, as an upload gives it) by its ending: ``.txt``, ``.md``, ``.docx`` or ``.pdf``.

    A file that cannot be read is an :class:`~lsgmap.errors.InputError` naming it and why.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(msg("intake.bad_format", file=path.name, formats=", ".join(FORMATS)), option="FILE")
    try:
        raw = data if data is not None else path.read_bytes()
    except OSError as exc:
        raise InputError(msg("intake.unreadable", file=path.name, reason=exc.strerror or str(exc)), option="FILE") from None
    digest = hashlib.sha256(raw).hexdigest()
    try:
        if suffix in (".txt", ".md"):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            return from_text(text, name=path.name, sha256=digest, source_format=suffix)
        lines = _docx_lines(raw) if suffix == ".docx" else _pdf_lines(raw)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken or foreign file: said in one line, never a traceback
        raise InputError(msg("intake.unreadable", file=path.name, reason=f"{type(exc).__name__}: {exc}"[:200]), option="FILE") from None
    return Document(path.name, _blocks_from_lines(lines), digest, suffix)
