"""Text from the data made plain: what every output does before it shows a name, a note or a quote.

>>> safe_text("LSG\x07 <b>Trosa</b>")
'LSG ‹b›Trosa‹/b›'
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["safe_text"]


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
