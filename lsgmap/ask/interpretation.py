"""How a question was understood, kept as message keys with parameters and put into words when shown.

An :class:`Interpretation` holds what :func:`lsgmap.ask.answer.ask` made of a question
(the intent, the entities, the date) and its texts as :class:`~lsgmap.i18n.Message`
values. Entity names, vocabulary words and lists inside those messages are
small values with a ``render(lang)`` method too, so one interpretation reads
in Swedish or English without asking again.

>>> from lsgmap.i18n import msg
>>> from lsgmap.vocab import RELATION_KINDS
>>> verb = Term(RELATION_KINDS["steers"], "verb")
>>> m = msg("ask.i_holders", verb=verb, name="TUNA")
>>> m.render("sv"), m.render("en")
('vem styr TUNA', 'who steers TUNA')
>>> Joined(("a", verb), " / ").render("en")
'a / steers'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lsgmap.ask.dates import MONTH_NUMBER, QuestionDate
from lsgmap.dates import interval_days, stated_text
from lsgmap.i18n import Message, msg
from lsgmap.model import queries
from lsgmap.model.names import Mention
from lsgmap.model.records import flag_working_name

__all__ = ["EntityName", "ItemName", "Term", "Joined", "Stated", "Finding", "Interpretation", "render", "date_phrase", "date_json", "validity", "disagreements", "conflicts_about", "with_disagreements", "disputed_on"]


def render(value: Any, lang: str) -> str:
    """``value`` in ``lang``: anything with ``render(lang)``, else its text."""
    shown = getattr(value, "render", None)
    return shown(lang) if callable(shown) else str(value)


@dataclass(frozen=True)
class EntityName:
    """An entity's name as a message parameter: its short form ("TUNA"), or the full name with ``full=True``."""

    entity: Any
    full: bool = False

    def render(self, lang: str = "sv") -> str:
        e = self.entity
        if self.full:
            name = e.name(lang)
        elif e.short_name and e.kind != "role":
            name = e.short_name
        else:
            name = e.name(lang).split(" (", 1)[0]
        return flag_working_name(name, e, lang, short=True)  # no source gives that name


@dataclass(frozen=True)
class Term:
    """A word from the vocabulary or the data in the language shown: ``Term(kind, "verb")`` → ``kind.verb(lang)``."""

    source: Any
    method: str
    lower: bool = False

    def render(self, lang: str = "sv") -> str:
        text = getattr(self.source, self.method)(lang)
        return text.lower() if self.lower else text


@dataclass(frozen=True)
class ItemName:
    """An answer item's name in the language shown."""

    item: Any

    def render(self, lang: str = "sv") -> str:
        return self.item.name(lang)


@dataclass(frozen=True)
class Joined:
    """Parts (texts or renderable values) joined by ``sep`` in the language shown."""

    parts: tuple[Any, ...]
    sep: str = ", "

    def render(self, lang: str = "sv") -> str:
        return self.sep.join(render(p, lang) for p in self.parts)


@dataclass(frozen=True)
class Stated:
    """A date as a message parameter, at the precision the source stated it ("oktober 2016", "2005", "2016-07-01").

    >>> Stated("2016-10").render("sv"), Stated("2016-10").render("en"), Stated("2005").render()
    ('oktober 2016', 'October 2016', '2005')
    """

    value: str

    def render(self, lang: str = "sv") -> str:
        return stated_text(self.value, lang)


def validity(valid_from: str, valid_to: str) -> Message:
    """When something holds, as written and at its stated precision: both ends, one end, or none.

    >>> validity("2016-10", "").render("sv"), validity("2005", "2016-12-31").render("en"), validity("", "").render("en")
    ('fr.o.m. oktober 2016', '2005 – 2016-12-31', 'no dates in the source')
    """
    if valid_from and valid_to:
        return msg("ask.valid_span", start=Stated(valid_from), end=Stated(valid_to))
    if valid_from:
        return msg("ask.valid_since", date=Stated(valid_from))
    if valid_to:
        return msg("ask.valid_until", date=Stated(valid_to))
    return msg("ask.valid_open")


_DATE_NOTES = {"question": "ask.date_from_question", "option": "ask.date_from_option", "today": "ask.date_today", "named": "ask.date_named"}


def date_phrase(structure, qd: QuestionDate) -> Message:
    """"den 2016-12-01 (datum ur frågan: …)": the days asked about and where they came from."""
    when = msg("ask.during", span=qd.label()) if qd.is_span else msg("ask.on_day", day=qd.label())
    if qd.source == "event":
        ev = structure.events[qd.event_id]
        note = msg("ask.date_from_event", text=qd.text, event=Term(ev, "name"), day=Stated(ev.date))
    elif qd.source == "default":
        note = structure.default.why
    else:
        note = msg(_DATE_NOTES.get(qd.source, "ask.date_today"), text=qd.text)
    return msg("ask.when", when=when, note=note)


def date_json(qd: QuestionDate) -> dict[str, Any]:
    """The date fields of an interpretation in JSON."""
    return {
        "date": qd.first.isoformat() if not qd.is_span else f"{qd.first.isoformat()}/{qd.last.isoformat()}",
        "date_from": qd.first.isoformat(),
        "date_to": qd.last.isoformat(),
        "date_precision": qd.precision,
        "date_source": qd.source,
        "date_text": qd.text,
        "event": qd.event_id or None,
    }


@dataclass(frozen=True)
class Finding:
    """What a handler found: the intent and its texts (messages), the answers, chains, amounts and a notice."""

    intent: str
    summary: Message
    lead: Message | None = None
    relation: str | None = None
    entities: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)
    answers: tuple[queries.AnswerItem, ...] = ()
    paths: tuple[queries.Path, ...] = ()
    amounts: dict[str, Any] | None = field(default=None, hash=False)
    notice: Message | Joined | None = None
    understood: bool = True
    notes: tuple[Message, ...] = ()
    verdict: bool = False  # the lead is the answer itself ("Ja, …", "Nej, …"): said before the open points
    alternatives: tuple[Any, ...] = ()  # readings to choose from (:class:`lsgmap.ask.unsure.Alternative`)
    passages: tuple[Any, ...] = ()  # what the documents say (:class:`lsgmap.ask.passages.Passage`)


@dataclass(frozen=True)
class Interpretation:
    """What a question was taken to ask, in words in any language.

    ``summary`` ("vem styr TUNA"), ``when`` (the date phrase; None when the
    question was not understood), ``notes`` (names read fuzzily) and ``lead``
    (the line before the answers) are messages. ``details`` are the intent's
    own JSON fields (``direction``, ``relations``, ``kind``, ``year``,
    ``suggestions`` …). ``lang`` is the language the question was asked in.
    ``interpretation["text"]`` reads the JSON view (:meth:`to_json`) in that language.
    """

    intent: str
    summary: Message
    date: QuestionDate
    when: Message | None = None
    lead: Message | None = None
    relation: str | None = None
    entities: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)
    mentions: tuple[Mention, ...] = ()
    notes: tuple[Message, ...] = ()
    lang: str = "sv"
    verdict: bool = False

    @property
    def understood(self) -> bool:
        return self.when is not None

    def text(self, lang: str | None = None) -> str:
        """"vem styr TUNA den 2016-12-01 (datum ur frågan: …)" in ``lang`` (default: as asked)."""
        lang = lang or self.lang
        if self.when is None:
            return self.summary.render(lang)
        return " ".join([self.summary.render(lang), self.when.render(lang), *(n.render(lang) for n in self.notes)])

    def lead_text(self, lang: str | None = None) -> str:
        """The line before the answers ("LSG Nyköping styr:"), or ""."""
        return self.lead.render(lang or self.lang) if self.lead is not None else ""

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """Intent, relation, entities, date fields, details, names found and the texts (``text`` in ``lang``)."""
        lang = lang or self.lang
        out: dict[str, Any] = {"intent": self.intent, "relation": self.relation, "entities": list(self.entities)}
        if not self.understood:
            return out | dict(self.details) | date_json(self.date) | self._texts(lang)
        out |= date_json(self.date) | dict(self.details)
        out["names"] = [{"text": m.text, "id": m.entity_id, "score": round(m.score, 1), "exact": m.exact} for m in self.mentions]
        return out | self._texts(lang) | {"lead_sv": self.lead_text("sv"), "lead_en": self.lead_text("en")}

    def _texts(self, lang: str) -> dict[str, str]:
        return {"text_sv": self.text("sv"), "text_en": self.text("en"), "text": self.text(lang)}

    def __getitem__(self, key: str) -> Any:
        return self.to_json()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.to_json().get(key, default)


def disagreements(items, end: str) -> list:
    """The recorded conflicts of ``items`` about the end asked for: "start", "end", "either" (none for "both")."""
    return conflicts_about((c for item in items for c in item.conflicts), end)


def conflicts_about(conflicts, end: str) -> list:
    """The conflicts, each once, that speak of the end asked for: "start", "end", "either" (none for "both")."""
    if end == "both":
        return []
    return [c for c in dict.fromkeys(conflicts) if _SAYS_WHEN[end].search(c.topic_sv)]


def with_disagreements(conflicts, lead) -> Joined:
    """"Källorna säger olika: … [id]", one line per recorded conflict, then ``lead``."""
    return Joined((*(msg("ask.when_disagree", topic=Term(c, "topic"), id=c.id) for c in conflicts), lead), "\n")


_A_DATE = r"(\d{4}-\d{2}-\d{2}|(?:" + "|".join(MONTH_NUMBER) + r") \d{4})"
_SAID_ENDS = re.compile(r"(?:fram till|till och med|t\.o\.m\.|–)\s*" + _A_DATE)
_SAID_STARTS = re.compile(r"(?:från|sedan)\s+(?:\w+ ){0,3}?" + _A_DATE)


def disputed_on(conflicts, day: int) -> bool:
    """Whether ``day`` falls between two ends (or two starts) that recorded conflicts give: funded on 2018-08-15 when one
    source says "fram till oktober 2018" and the other "– 2018-06-30" is not settled.

    >>> from lsgmap.model.records import Conflict
    >>> from lsgmap.dates import to_day
    >>> c = Conflict("k", "Lägesrapporten: finansierad fram till oktober 2018; ansökan: 2016-07-01 – 2018-06-30.", "")
    >>> disputed_on([c], to_day("2018-08-15")), disputed_on([c], to_day("2017-05-01")), disputed_on([c], to_day("2018-12-01"))
    (True, False, False)
    """
    return any(_between(c.topic_sv, said, ends, day) for c in conflicts for said, ends in ((_SAID_ENDS, True), (_SAID_STARTS, False)))


def _between(text: str, said: re.Pattern, ends: bool, day: int) -> bool:
    """Whether ``day`` lies after the earliest and up to the latest of the ends (or from the earliest to before the latest start) ``text`` gives."""
    days = {d for t in said.findall(text) if (d := _bounds(t))}
    if len(days) < 2:
        return False
    if ends:
        return min(b for _, b in days) < day <= max(b for _, b in days)
    return min(a for a, _ in days) <= day < max(a for a, _ in days)


def _bounds(text: str) -> tuple[int, int] | None:
    """The first and last day of a date as a conflict writes it ("2018-06-30", "oktober 2018"); None for one that does not exist."""
    month, _, year = text.partition(" ")
    stated = f"{year}-{MONTH_NUMBER[month]:02d}" if year else text
    try:
        return interval_days(stated, stated)
    except ValueError:  # "2018-06-31", as a source wrote it
        return None


#: A recorded conflict about a start ("tjänsten från 2016-07-01; … sedan oktober 2016") or an end ("fram till oktober 2018").
_SAYS_WHEN = {
    "start": re.compile(r"\b(?:från|sedan|började|startade|start)\b"),
    "end": re.compile(r"\b(?:fram till|till och med|slutdatum\w*|upphör\w*|slutar|t\.o\.m\.)"),
    "either": re.compile(r"\b(?:fram till|till och med|från|sedan|slutdatum\w*|upphör\w*)"),  # whether it holds then
}
