"""The records of a dataset: entities, relations, events, sources, budget lines.

Plain dataclasses holding parsed values; ``start``/``end`` are inclusive day
ordinals (see :mod:`lsgmap.dates`) and ``line`` is the row's line in its file.
They compare and hash by value and are meant to be read only; they are not
``frozen`` because a frozen dataclass sets each field through
``object.__setattr__``, which makes building the 80 000 records of a national
dataset four times slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lsgmap.dates import day_to_iso
from lsgmap.errors import Problem
from lsgmap.i18n import t

__all__ = ["Document", "Source", "Entity", "Relation", "Event", "BudgetLine", "Conflict"]


@dataclass(slots=True, unsafe_hash=True)
class Document:
    id: str
    title: str
    kind: str  # "seed" | "public"
    reference: str = ""
    date: str = ""
    line: int = 0
    period: str = ""
    period_note: str = ""
    #: The inclusive day ordinals of ``period``; None when the document speaks for no known period.
    speaks: tuple[int, int] | None = None
    #: What the data keeps about the document ("Skriven av processledaren Ida Malmberg.").
    note: str = ""


@dataclass(slots=True, unsafe_hash=True)
class Source:
    """A citation: a document and a short quote of the passage.

    ``speaks`` is the span of days the passage speaks for: its own ``period``
    when given, else its document's; None when neither is known. ``kind`` is
    "plan" for a passage about the future (an application, a decision), else "".
    ``evidence`` is what the passage is as evidence (:mod:`lsgmap.model.attestation`):
    "document" (a shipped document's passage), "public" (a public source's,
    text not shipped) or "plan".
    """

    id: str
    document: str
    quote: str
    locator: str = ""
    line: int = 0
    period: str = ""
    form: str = "quote"  # "quote" | "paraphrase"
    speaks: tuple[int, int] | None = None
    kind: str = ""
    evidence: str = "document"


@dataclass(slots=True, unsafe_hash=True)
class Entity:
    id: str
    kind: str
    name_sv: str
    name_en: str
    start: int
    end: int
    valid_from: str = ""
    valid_to: str = ""
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    identifiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    attributes: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    sources: tuple[str, ...] = ()
    line: int = 0

    def name(self, lang: str = "sv") -> str:
        """The name in ``lang``, falling back to the Swedish name."""
        return self.name_en if lang == "en" and self.name_en else self.name_sv

    def valid_on(self, day: int) -> bool:
        return self.start <= day <= self.end


@dataclass(slots=True, unsafe_hash=True)
class Relation:
    """``from_id --relation--> to_id``; ``start``/``end`` are clipped to both ends' lifetimes."""

    id: str
    from_id: str
    relation: str
    to_id: str
    start: int
    end: int
    valid_from: str = ""
    valid_to: str = ""
    attributes: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    derived_from: str = ""
    sources: tuple[str, ...] = ()
    line: int = 0

    def valid_on(self, day: int) -> bool:
        return self.start <= day <= self.end

    @property
    def effective_from(self) -> str | None:
        """First day it holds (after clipping), ``YYYY-MM-DD``; None if open."""
        return day_to_iso(self.start)

    @property
    def effective_to(self) -> str | None:
        return day_to_iso(self.end)


@dataclass(slots=True, unsafe_hash=True)
class Event:
    """A restructuring event: ``originals`` become ``results`` on ``date``."""

    id: str
    kind: str
    date: str
    day: int
    decided: str = ""
    decided_start: int | None = None
    decided_end: int | None = None
    name_sv: str = ""
    name_en: str = ""
    originals: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    line: int = 0

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_sv

    @property
    def on(self) -> date:
        return date.fromordinal(self.day)


@dataclass(slots=True, unsafe_hash=True)
class BudgetLine:
    id: str
    relation: str
    year: int
    item_sv: str
    item_en: str
    amount_tkr: float
    sources: tuple[str, ...] = ()
    line: int = 0
    basis: str = ""  # "applied" | "granted" | "outcome" | "" (not stated)

    def item(self, lang: str = "sv") -> str:
        return self.item_en if lang == "en" and self.item_en else self.item_sv


@dataclass(slots=True, unsafe_hash=True)
class Conflict:
    """A known disagreement between sources, kept as each source says it."""

    id: str
    topic_sv: str
    topic_en: str
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    line: int = 0

    def topic(self, lang: str = "sv") -> str:
        return self.topic_en if lang == "en" and self.topic_en else self.topic_sv


@dataclass(frozen=True)
class DefaultDate:
    """The date a dataset opens on (``"lsgmap:defaultDate"``), and why, in Swedish and English."""

    date: str
    why_sv: str = ""
    why_en: str = ""

    def render(self, lang: str = "sv") -> str:
        """Why this date, in ``lang`` (so that it can stand as a message parameter)."""
        return self.why_en if lang == "en" and self.why_en else self.why_sv


@dataclass
class Parsed:
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    budget: list[BudgetLine] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_YES = {"ja", "yes", "true", "1", "j", "y"}


def is_working_name(entity: Any) -> bool:
    """True when the entity's name is a working name, not a name the sources give (attribute ``name_is_working_name=ja``).

    >>> s = load(BUNDLED_DATA)
    >>> is_working_name(s.entities["lsg_trosa_gnesta"]), is_working_name(s.entities["lsg_trosa"]), is_working_name(None)
    (True, False, False)
    """
    attributes = getattr(entity, "attributes", None) or {}
    return str(attributes.get("name_is_working_name", "")).strip().lower() in _YES


def flag_working_name(name: str, entity: Any, lang: str = "sv", *, short: bool = False) -> str:
    """``name`` with "(arbetsnamn, inte i källorna)" after it when the entity's name is a working name (``short``:
    "(arbetsnamn)"); the one place every text output flags one.

    >>> s = load(BUNDLED_DATA)
    >>> flag_working_name("LSG Trosa-Gnesta", s.entities["lsg_trosa_gnesta"], "en", short=True), flag_working_name("LSG Trosa", s.entities["lsg_trosa"])
    ('LSG Trosa-Gnesta (working name)', 'LSG Trosa')
    """
    if not is_working_name(entity):
        return name
    return f"{name} ({t('map.working_name_short' if short else 'map.working_name', lang)})"
