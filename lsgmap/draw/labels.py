"""Labels broken into lines at spaces and hyphens only, never inside a word.

The live map, the HTML export and the images all break a long name the same
way: "Samordningsförbundet RAR i Sörmland" over two lines, "Nyköping-Oxelösund"
after its hyphen; a word longer than the line stands on a line of its own
instead of being cut ("Samordningsförb undet").

>>> wrap_label("Samordningsförbundet RAR i Sörmland", 16)
'Samordningsförbundet\\nRAR i Sörmland'
>>> wrap_label("LSG Nyköping-Oxelösund", 12)
'LSG\\nNyköping-\\nOxelösund'
"""

from __future__ import annotations

import re

from lsgmap.text import safe_text

__all__ = ["wrap_label", "map_label", "short_label", "safe_text", "LABEL_LINES", "LABEL_WIDTH"]

_MAX_LABEL = 40
#: characters per line of a node's label on the map (longer words keep their own line)
LABEL_WIDTH = 16
#: a label on the map is at most this many lines (the rest is in the tooltip and the details)
LABEL_LINES = 3

#: a piece of a label: a word with the hyphen that ends it, and the spaces after it
_PIECE = re.compile(r"[^\s\-‐‑]+[\-‐‑]*\s*|[\-‐‑]+\s*|\s+")


def wrap_label(label: str, width: int = 16, max_lines: int = 0) -> str:
    """``label`` with line breaks (``\\n``) at spaces and after hyphens, lines about ``width`` characters.

    ``max_lines`` > 0 keeps that many lines, the last ending in "…" when text was left out.

    >>> wrap_label("TRIS – Tidig Rehabilitering I Samverkan", 18, max_lines=2)
    'TRIS – Tidig\\nRehabilitering I…'
    >>> wrap_label("Kort")
    'Kort'
    """
    lines: list[str] = []
    current = ""
    for piece in _PIECE.findall(" ".join(label.split())):
        if current.strip() and len((current + piece).rstrip()) > width:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece
    if current.strip():
        lines.append(current.rstrip())
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" –-") + "…"
    return "\n".join(lines) if lines else label


def short_label(label: str) -> str:
    """``label`` cut to at most 40 characters, ending in "…" when it was longer (the full name is in the tooltip).

    >>> short_label("LSG Trosa"), len(short_label("x" * 50)), short_label("x" * 50)[-1]
    ('LSG Trosa', 40, '…')
    """
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def map_label(label: str) -> str:
    """A (safe) label as the map writes it: at most 40 characters, broken at spaces and hyphens, at most 3 lines.

    >>> map_label("Påbörja en ansökan om insats till ungdomar i Gnesta")
    'Påbörja en\\nansökan om\\ninsats till…'
    >>> map_label("Samordningsförbundet RAR i Sörmland")
    'Samordningsförbundet\\nRAR i Sörmland'
    """
    return wrap_label(short_label(label), LABEL_WIDTH, max_lines=LABEL_LINES)
