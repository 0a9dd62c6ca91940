"""Attested: the days a source speaks for a fact (kept apart from the days it is valid).

**The attestation rule** (stated once; :mod:`lsgmap.dates` has the interval
rule it builds on). A fact is *attested* on a day when it is valid that day and

1. a source it cites speaks for the day: the passage's own ``period`` when it
   states one (a passage that gives dates, "2016-03-01 – 2018-12-31", states
   them as its period), else its document's ``period``; or
2. (an entity) a relation at either of its ends is attested that day: the
   source that speaks for the relation speaks for both its ends.

A fact's own stated dates attest nothing by themselves: only a passage does.

**Evidence** says what kind of passage speaks for the day:

- ``"document"``: a passage of a shipped document, whose quote ``lsgmap check``
  verifies word for word (*belagd i dokument*);
- ``"public"``: a passage of a public source whose text is not shipped
  (*offentlig källa, ej kontrollerad här*);
- ``"plan"``: a passage about the future (an application, a decision; the
  source's ``kind`` is "plan"). A plan attests nothing after its own date: on
  the planned days the fact is valid and *planned*, not attested.

A relation derived from an event (``derived_from``) is what the event implies,
not what a source says: rule 1 does not apply to it. A fact whose
validity reaches a day only because an end is unknown is valid but not
attested there. Unknown is neither "always" nor "still": LSG Trosa
(no stated start, ended by the merger) is valid in 2010 and attested only
from 2016-10-13 to 2016-12-31, the days the status report speaks for.

A fact's attested days are a few disjoint windows; :class:`Attestation` holds
them and answers "on this day?" and "when last, when next?".

Examples
--------
>>> from lsgmap.dates import to_day
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> a = s.attestation("lsg_trosa")
>>> a.on(to_day("2016-11-15")), a.on(to_day("2010-06-01"))
(True, False)
>>> day_to_iso(a.last_before(to_day("2017-03-01")))
'2016-12-31'
>>> a.evidence(to_day("2016-11-15")), s.attestation("processledare").evidence(to_day("2016-08-15"))
('document', 'plan')
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lsgmap.dates import day_to_iso
from lsgmap.i18n import t
from lsgmap.model.records import Entity, Relation, Source

__all__ = ["Attestation", "NEVER", "EVIDENCE", "attestation_of", "merge_windows", "attestation_note"]

#: The kinds of evidence, strongest first.
EVIDENCE = ("document", "public", "plan")


def merge_windows(windows: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint windows covering the same days (touching windows joined).

    >>> merge_windows([(5, 9), (1, 3), (4, 4), (12, 12)])
    ((1, 9), (12, 12))
    """
    out: list[list[int]] = []
    for start, end in sorted(windows):
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def _within(windows: tuple[tuple[int, int], ...], day: int) -> bool:
    i = bisect.bisect_right(windows, (day, float("inf"))) - 1
    return i >= 0 and windows[i][1] >= day


@dataclass(frozen=True, slots=True)
class Attestation:
    """The inclusive day windows on which a source speaks for one fact, sorted and disjoint.

    ``public`` are the attested days only a public source speaks for; ``planned``
    the valid days only a plan speaks for (not attested).

    >>> a = Attestation(((10, 20), (30, 40)), public=((30, 40),), planned=((50, 60),))
    >>> a.on(15), a.on(25), a.first, a.last
    (True, False, 10, 40)
    >>> a.last_before(25), a.first_after(25), a.last_before(5)
    (20, 30, None)
    >>> a.evidence(15), a.evidence(35), a.evidence(55), a.evidence(45)
    ('document', 'public', 'plan', None)
    """

    windows: tuple[tuple[int, int], ...] = ()
    public: tuple[tuple[int, int], ...] = ()
    planned: tuple[tuple[int, int], ...] = ()

    def on(self, day: int) -> bool:
        """True when ``day`` lies in a window."""
        return _within(self.windows, day)

    def evidence(self, day: int) -> str | None:
        """What speaks for the fact on ``day``: "document", "public", "plan" (planned, not attested) or None."""
        return self.evidence_in(day, day)

    def evidence_in(self, first: int, last: int) -> str | None:
        """The strongest evidence on any day from ``first`` to ``last``.

        >>> Attestation(((10, 20), (30, 40)), public=((30, 40),)).evidence_in(25, 35), NEVER.evidence_in(1, 9)
        ('public', None)
        """
        touching = [w for w in self.windows if w[0] <= last and w[1] >= first]
        if any(piece for w in touching for piece in _minus((max(w[0], first), min(w[1], last)), self.public)):
            return "document"
        if touching:
            return "public"
        return "plan" if any(a <= last and b >= first for a, b in self.planned) else None

    @property
    def ever(self) -> bool:
        """True when some source speaks for the fact on some day."""
        return bool(self.windows)

    @property
    def first(self) -> int | None:
        return self.windows[0][0] if self.windows else None

    @property
    def last(self) -> int | None:
        return self.windows[-1][1] if self.windows else None

    def last_before(self, day: int) -> int | None:
        """The last attested day before ``day`` (None if there is none)."""
        best = None
        for start, end in self.windows:
            if start >= day:
                break
            best = min(end, day - 1)
        return best

    def first_after(self, day: int) -> int | None:
        """The first attested day after ``day`` (None if there is none)."""
        for start, end in self.windows:
            if end > day:
                return max(start, day + 1)
        return None

    def to_json(self) -> dict[str, str | None]:
        """``attested_from`` and ``attested_to``: the first and last attested days (ISO), null when never attested."""
        first, last = self.first, self.last
        return {"attested_from": day_to_iso(first) if first is not None else None, "attested_to": day_to_iso(last) if last is not None else None}


#: The attestation of a fact no source speaks for on any day.
NEVER = Attestation()


def attestation_of(fact: Entity | Relation, sources: Mapping[str, Source], related: Iterable[Attestation] = ()) -> Attestation:
    """The days the sources speak for ``fact``, within its validity, with their evidence.

    ``related`` are the attestations of the relations at an entity's ends (rule 2).

    >>> from lsgmap.dates import to_day
    >>> e = Entity("x", "lsg", "X", "X", to_day("2016"), to_day("2018-12-31"), "2016", "2018-12-31", sources=("s",))
    >>> doc = Source("s", "d", "…", speaks=(to_day("2016-10-13"), to_day("2016-12-31")), evidence="document")
    >>> [(day_to_iso(a), day_to_iso(b)) for a, b in attestation_of(e, {"s": doc}).windows]
    [('2016-10-13', '2016-12-31')]
    >>> attestation_of(e, {}).ever  # the stated dates alone attest nothing
    False
    >>> plan = Source("p", "d", "…", speaks=(to_day("2016"), to_day("2016-06-30")), evidence="plan")
    >>> later = Entity("y", "role", "Y", "Y", to_day("2016-07-01"), to_day("2018-06-30"), "2016-07-01", "2018-06-30", sources=("p",))
    >>> a = attestation_of(later, {"p": plan})
    >>> a.ever, a.evidence(to_day("2016-08-15"))
    (False, 'plan')
    """
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in EVIDENCE}
    for other in related:
        public = merge_windows(other.public)
        found["public"] += public
        found["document"] += [w for w in other.windows if w not in public]
    if not getattr(fact, "derived_from", ""):
        for source_id in fact.sources:
            source = sources.get(source_id)
            if source is None or source.speaks is None:
                continue
            if source.evidence == "plan":  # planned from the day after the plan's own date: never attested
                start, end = max(source.speaks[1] + 1, fact.start), fact.end
                kind = "plan"
            else:
                start, end = max(source.speaks[0], fact.start), min(source.speaks[1], fact.end)
                kind = source.evidence
            if start <= end:
                found[kind].append((start, end))
    attested = merge_windows(found["document"] + found["public"])
    if not attested and not found["plan"]:
        return NEVER
    document = merge_windows(found["document"])
    public = tuple(w for piece in merge_windows(found["public"]) for w in _minus(piece, document))
    planned = tuple(w for piece in merge_windows(found["plan"]) for w in _minus(piece, attested))
    return Attestation(attested, public, planned)


def _minus(window: tuple[int, int], others: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The parts of ``window`` outside ``others`` (sorted, disjoint).

    >>> _minus((1, 10), ((3, 4), (8, 12)))
    [(1, 2), (5, 7)]
    """
    out, start = [], window[0]
    for a, b in others:
        if b < start or a > window[1]:
            continue
        if a > start:
            out.append((start, a - 1))
        start = max(start, b + 1)
    if start <= window[1]:
        out.append((start, window[1]))
    return out



def attestation_note(attestation: Attestation, day: int, lang: str = "sv", *, derived: bool = False) -> str:
    """What a reader is told about a fact on ``day``: "" when a source speaks for it, else the nearest attested date (or "planned").

    >>> from lsgmap.dates import to_day
    >>> a = Attestation(((to_day("2016-10-13"), to_day("2016-12-31")),))
    >>> attestation_note(a, to_day("2016-11-15")), attestation_note(a, to_day("2017-03-01"))
    ('', 'saknar källa för detta datum, senast belagd 2016-12-31')
    >>> attestation_note(a, to_day("2010-06-01"), "en")
    'no source for this date, first attested 2016-10-13'
    >>> attestation_note(Attestation(((20, 10),)), 15, "en")  # a reversed window (a fact dated outside its ends' lifetimes)
    'no source for this date, last attested 0001-01-10'
    >>> attestation_note(NEVER, to_day("2010-06-01"), derived=True)
    'saknar källa för detta datum, härledd ur en händelse, inte belagd i någon källa'
    """

    if attestation.on(day):
        return ""
    planned = attestation.evidence(day) == "plan"
    before = attestation.last_before(day)
    after = attestation.first_after(day) if before is None else None
    if before is not None:
        nearest = t("attested.last", lang, date=day_to_iso(before))
    elif after is not None:
        nearest = t("attested.first", lang, date=day_to_iso(after))
    elif attestation.ever:  # windows that do not lie before or after the day (a reversed window): the last attested day
        nearest = t("attested.last", lang, date=day_to_iso(attestation.last))
    elif planned:
        return f"{t('attested.no', lang)}, {t('evidence.plan', lang)}"
    else:
        nearest = t("attested.derived" if derived else "attested.never", lang)
    return f"{t('attested.no', lang)}, {nearest}" + (f"; {t('evidence.plan', lang)}" if planned else "")
