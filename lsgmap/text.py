"""Text from the data made plain or safe: what every output does before it shows or writes a name, a note or a quote.

>>> safe_text("LSG\x07 <b>Trosa</b>")
'LSG ‹b›Trosa‹/b›'
>>> clean_text("a\\x00b\\x1b[2Jc\\x85 \\t\\n")
'a\ufffdb\ufffd[2Jc\ufffd \\t\\n'
"""

from __future__ import annotations

import re
from typing import Any

from unidecode import unidecode

__all__ = ["safe_text", "clean_text", "slug", "CONTROL_CHARS", "MARK"]

#: Shown in place of a character :func:`clean_text` took out.
MARK = "\ufffd"

#: The characters no file should hold: C0 controls except tab, line feed and carriage return (XML 1.0 cannot hold
#: them, not even as references), DEL and C1 (terminals and spreadsheets act on some), U+FFFE, U+FFFF and lone
#: surrogates (UTF-8 cannot encode them).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: Any, mark: str = MARK) -> str:
    """``value`` as text with every character of :data:`CONTROL_CHARS` replaced by ``mark``: safe in XML, XLSX and PPTX.

    >>> clean_text("LSG\\x07 Trosa\\ud800", mark="")
    'LSG Trosa'
    """
    return CONTROL_CHARS.sub(mark, str(value))


def safe_text(value: Any) -> str:
    """Plain text for a label or tooltip: no tags, control characters or runs of space.

    Text from the data is shown as text; ``<`` and ``>`` become ``‹`` and ``›``
    so that no consumer (HTML, SVG, a tooltip) can ever read it as markup.

    >>> safe_text('<img src=x onerror="alert(1)">LSG  Trosa')
    '‹img src=x onerror="alert(1)"›LSG Trosa'
    """
    text = str(value if value is not None else "")
    text = text.replace("<", "‹").replace(">", "›")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def slug(name: str) -> str:
    """An id from a name: ascii, lower case, words joined by ``_``.

    >>> slug("LSG Nyköping-Oxelösund & Trosa")
    'lsg_nykoping_oxelosund_trosa'
    """
    return re.sub(r"[^a-z0-9]+", "_", unidecode(name).lower()).strip("_") or "x"
