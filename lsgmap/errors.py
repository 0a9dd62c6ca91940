"""One exception base class and the Problem record used by loader and checks.

A problem always says where (file and line), what is wrong, the bad value and
how to fix it, in Swedish or English:

>>> p = Problem("date.invalid", "relations.csv", 14, "2018-06-31", {"field": "valid_to", "reason": "day 31 does not exist in 2018-06"})
>>> print(p.render("en"))
relations.csv:14: valid_to is not a valid date ("2018-06-31": day 31 does not exist in 2018-06) — write it as YYYY-MM-DD, YYYY-MM or YYYY
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lsgmap.i18n import problem_text

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.i18n import Message

__all__ = ["LsgmapError", "InputError", "Problem", "ERROR", "WARNING"]

ERROR = "error"
WARNING = "warning"

#: the words of problems already put into words, by code, language, value and parameters
_TEXTS: dict[tuple, tuple[str, str]] = {}


@dataclass(frozen=True)
class Problem:
    """Something wrong (or worth a look) in a dataset, at a file and line.

    ``code`` names the message in :data:`lsgmap.i18n.PROBLEMS`; ``params`` fill it.
    ``line`` counts as a spreadsheet does: the header is line 1.
    """

    code: str
    file: str
    line: int | None = None
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    severity: str = ERROR

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def _texts(self, lang: str) -> tuple[str, str]:
        """(what, fix) in ``lang``, put into words once for problems that differ only in where they are (100,000 duplicate ids)."""
        try:
            key = (self.code, lang, self.value, tuple(sorted(self.params.items())))
            found = _TEXTS.get(key)
        except TypeError:  # a parameter that cannot be a key
            return problem_text(self.code, lang, value=self.value, **self.params)
        if found is None:
            if len(_TEXTS) > 50_000:
                _TEXTS.clear()
            found = _TEXTS[key] = problem_text(self.code, lang, value=self.value, **self.params)
        return found

    def what(self, lang: str = "sv") -> str:
        return self._texts(lang)[0]

    def fix(self, lang: str = "sv") -> str:
        return self._texts(lang)[1]

    def render(self, lang: str = "sv") -> str:
        """``FILE:LINE: what is wrong ("value") — how to fix it``."""
        what, fix = self._texts(lang)
        return f"{self.where}: {what} — {fix}"

    def as_dict(self, lang: str = "sv") -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "value": self.value,
            "message": self.what(lang),
            "fix": self.fix(lang),
        }


class LsgmapError(Exception):
    """Base class of every error lsgmap raises on purpose."""

    def render(self, lang: str = "sv") -> str:
        return str(self)


class InputError(LsgmapError):
    """Bad input from a user of the CLI or the library (a date, a name, an option).

    Carries a :class:`~lsgmap.i18n.Message` (a key and its parameters, like
    :class:`Problem`), put into words in the language asked for, and the
    option it concerns, if any.

    >>> from lsgmap.i18n import msg
    >>> InputError(msg("cli.out_folder_missing", folder="out"), option="--out").render("en")
    '--out: the folder out does not exist. Create it or choose another file.'
    """

    def __init__(self, message: Message, *, option: str = ""):
        self.message = message
        self.option = option
        super().__init__(self.render("en"))

    def render(self, lang: str = "sv") -> str:
        text = self.message.render(lang)
        return f"{self.option}: {text}" if self.option else text
