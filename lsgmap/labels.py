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

__all__ = ["wrap_label"]

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
