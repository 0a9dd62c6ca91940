"""Attested: the days a source speaks for a fact (kept apart from the days it is valid).

**The attestation rule** (stated once; :mod:`lsgmap.dates` has the interval
rule it builds on). A fact is *attested* on a day when it is valid that day and

1. its own stated validity has **both** ends (``valid_from`` and ``valid_to``)
   and covers the day; or
2. a source it cites speaks for the day: the source's own ``period`` when it
   states one, else its document's ``period``; or
3. (an entity) a relation at either of its ends is attested that day: the
   source that speaks for the relation speaks for both its ends.

A relation derived from an event (``derived_from``) is what the event implies,
not what a source says: rules 1 and 2 do not apply to it. A fact whose
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
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lsgmap.dates import day_to_iso
from lsgmap.i18n import t
from lsgmap.model.records import Entity, Relation, Source

__all__ = ["Attestation", "NEVER", "attestation_of", "merge_windows", "attestation_note"]


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


@dataclass(frozen=True, slots=True)
class Attestation:
    """The inclusive day windows on which a source speaks for one fact, sorted and disjoint.

    >>> a = Attestation(((10, 20), (30, 40)))
    >>> a.on(15), a.on(25), a.first, a.last
    (True, False, 10, 40)
    >>> a.last_before(25), a.first_after(25), a.last_before(5)
    (20, 30, None)
    """

    windows: tuple[tuple[int, int], ...] = ()

    def on(self, day: int) -> bool:
        """True when ``day`` lies in a window."""
        i = bisect.bisect_right(self.windows, (day, float("inf"))) - 1
        return i >= 0 and self.windows[i][1] >= day

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


def attestation_of(fact: Entity | Relation, sources: Mapping[str, Source], related: Iterable[tuple[int, int]] = ()) -> Attestation:
    """The days the sources (and a stated validity with both ends) speak for ``fact``, within its validity.

    ``related`` are the attested windows of the relations at an entity's ends (rule 3).

    >>> from lsgmap.dates import to_day
    >>> e = Entity("x", "lsg", "X", "X", to_day("2016"), to_day("2018-12-31"), "2016", "2018-12-31")
    >>> [(day_to_iso(a), day_to_iso(b)) for a, b in attestation_of(e, {}).windows]
    [('2016-01-01', '2018-12-31')]
    >>> attestation_of(Entity("y", "lsg", "Y", "Y", to_day("2016"), 2**40, "2016", ""), {}).ever
    False
    """
    windows = list(related)
    if getattr(fact, "derived_from", ""):
        return Attestation(merge_windows(windows)) if windows else NEVER
    if fact.valid_from and fact.valid_to:
        windows.append((fact.start, fact.end))
    for source_id in fact.sources:
        source = sources.get(source_id)
        if source is None or source.speaks is None:
            continue
        start, end = max(source.speaks[0], fact.start), min(source.speaks[1], fact.end)
        if start <= end:
            windows.append((start, end))
    return Attestation(merge_windows(windows)) if windows else NEVER


def attestation_note(attestation: Attestation, day: int, lang: str = "sv", *, derived: bool = False) -> str:
    """What a reader is told about a fact on ``day``: "" when a source speaks for it, else the nearest attested date.

    >>> from lsgmap.dates import to_day
    >>> a = Attestation(((to_day("2016-10-13"), to_day("2016-12-31")),))
    >>> attestation_note(a, to_day("2016-11-15")), attestation_note(a, to_day("2017-03-01"))
    ('', 'saknar källa för detta datum, senast belagd 2016-12-31')
    >>> attestation_note(a, to_day("2010-06-01"), "en")
    'no source for this date, first attested 2016-10-13'
    >>> attestation_note(NEVER, to_day("2010-06-01"), derived=True)
    'saknar källa för detta datum, härledd ur en händelse, inte belagd i någon källa'
    """

    if attestation.on(day):
        return ""
    before = attestation.last_before(day)
    if before is not None:
        nearest = t("attested.last", lang, date=day_to_iso(before))
    elif attestation.ever:
        nearest = t("attested.first", lang, date=day_to_iso(attestation.first_after(day)))
    else:
        nearest = t("attested.derived" if derived else "attested.never", lang)
    return f"{t('attested.no', lang)}, {nearest}"
