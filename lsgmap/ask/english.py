"""The English of the documents' words, for an answer in English: the dataset's English copies of its documents.

A shipped document may have an English copy beside it (``documents/en/<same file name>``), translated line for line
and sentence for sentence. :func:`translate` puts a quote (a sentence, a list item, a section with its heading) into
English by replacing each of the document's sentences the quote holds with its English, and gives "" when the copy is
missing or covers too little of the quote: an answer then says the quote is Swedish rather than half translate it.
A recorded conflict's English is its own ``topic_en``. :class:`Quote` carries both into a message.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> translate(s, "ansokan_gnot", "Delta vid planering och genomförande av årliga TRIS-dagar.")
'Take part in the planning and implementation of the annual TRIS days.'
>>> Quote("Syfte", "Purpose").render("en"), Quote("Syfte").render("en"), Quote("Syfte", "Purpose").render("sv")
('“Purpose” (in Swedish: «Syfte»)', '«Syfte» (in Swedish)', '«Syfte»')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lsgmap.ask.passages import document_path

__all__ = ["Quote", "quoted", "shortened", "translate", "ENGLISH_FOLDER"]

#: Where a document's English copy lies, beside the document.
ENGLISH_FOLDER = "en"
#: The share of a quote its translated sentences must cover for the English to be said.
_COVERED = 0.8
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_MARKS = "-•*\uf0b7 \t"


@dataclass(frozen=True)
class Quote:
    """A document's words as a message parameter: «…» in Swedish; in English its translation first, the Swedish after."""

    sv: str
    en: str = ""
    bare: bool = False  # a heading named in a sentence: the words of the language shown, no marks

    def render(self, lang: str = "sv") -> str:
        if self.bare:
            return self.en if lang == "en" and self.en else self.sv
        if lang != "en":
            return f"«{self.sv}»"
        return f"“{self.en}” (in Swedish: «{shortened(self.sv, _SWEDISH_SHOWN)}»)" if self.en else f"«{self.sv}» (in Swedish)"


#: How much of the Swedish an English answer shows after its translation (the whole is in the document, at its line).
_SWEDISH_SHOWN = 160


def quoted(structure, document: str, text: str, limit: int = 400) -> Quote:
    """A quote of ``document`` for a message, with its English, each cut at a list item or sentence near ``limit``.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> quoted(load(BUNDLED_DATA), "ansokan_gnot", "Syfte").render("en")
    '“Purpose” (in Swedish: «Syfte»)'
    """
    return Quote(shortened(text, limit), shortened(translate(structure, document, text), limit))


def shortened(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, cut after a list item or a sentence (else a word) and marked "…".

    >>> shortened("Grundutbildning i TRIS; Utlysningsmöte för ESF; Workshop", 40)
    'Grundutbildning i TRIS; …'
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind("; "), head.rfind(". "))
    cut = cut if cut > limit // 3 else head.rfind(" ")
    return head[: cut + 1].rstrip() + " …"


def translate(structure, document: str, text: str) -> str:
    """``text`` (a quote of ``document``, or a recorded conflict's Swedish) in English, or "" when it cannot be."""
    if document == "conflicts.csv":
        return next((c.topic_en for c in structure.conflicts if c.topic_sv == text and c.topic_en), "")
    path = document_path(structure, document)
    if path is None:
        return ""
    pairs = _pairs(path)
    shown, covered = " ".join(text.split()), 0
    for sv, en in pairs:
        if sv in shown:
            covered += len(sv) * shown.count(sv)
            shown = shown.replace(sv, en)
    return shown if pairs and covered >= _COVERED * len(" ".join(text.split())) else ""


@lru_cache(maxsize=16)
def _pairs(original: Path) -> tuple[tuple[str, str], ...]:
    """(Swedish, English) of each sentence of a document and its English copy, the longest first; () without a copy
    or when the copy's lines do not match the document's."""
    english = original.parent / ENGLISH_FOLDER / original.name
    if not english.is_file() or english.is_symlink():
        return ()
    sv_lines = original.read_text(encoding="utf-8", errors="replace").splitlines()
    en_lines = english.read_text(encoding="utf-8", errors="replace").splitlines()
    if len(sv_lines) != len(en_lines):
        return ()
    pairs: dict[str, str] = {}
    for sv_line, en_line in zip(sv_lines, en_lines, strict=True):
        sv_line, en_line = _plain(sv_line), _plain(en_line)
        if not sv_line or not en_line:
            continue
        sv_parts, en_parts = _SENTENCE.split(sv_line), _SENTENCE.split(en_line)
        if len(sv_parts) == len(en_parts):
            pairs.update(zip(sv_parts, en_parts, strict=True))
        pairs.setdefault(sv_line, en_line)
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))


def _plain(line: str) -> str:
    """A line without its bullet, bold marks and extra spaces, as a quote holds it."""
    return " ".join(line.strip().lstrip(_MARKS).replace("**", "").split())
