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

from .dates import day_to_iso

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


@dataclass(slots=True, unsafe_hash=True)
class Source:
    """A citation: a document and a short quote of the passage.

    ``speaks`` is the span of days the passage speaks for: its own ``period``
    when given, else its document's; None when neither is known.
    """

    id: str
    document: str
    quote: str
    locator: str = ""
    line: int = 0
    period: str = ""
    form: str = "quote"  # "quote" | "paraphrase"
    speaks: tuple[int, int] | None = None


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
