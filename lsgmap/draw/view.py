"""What one map shows: a :class:`View` (plain, frozen, hashable), and the name rule for persons.

A View is all a page of the app, a story step, the compare view or ``lsgmap
export`` decides about a picture: the day, the language, the filters, the
focus, whether person names are hidden, what is highlighted or marked, the
title. :func:`lsgmap.draw.elements.elements` turns a View into the drawn nodes and
edges; every renderer (the live map, HTML, PNG, SVG) draws those, so the
screen and the downloads cannot drift apart.

Examples
--------
>>> v = View(on="2017-03", kinds=["municipality", "lsg"], marks={"r047": "added"})
>>> v.on, v.kinds, v.marks
('2017-03-01', ('lsg', 'municipality'), (('r047', 'added'),))
>>> v == View(on="2017-03-01", kinds=("lsg", "municipality"), marks=(("r047", "added"),)) and hash(v) == hash(v)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from lsgmap.dates import to_day
from lsgmap.i18n import t
from lsgmap.time.diff import diff
from lsgmap.vocab import ENTITY_KINDS, HOLDING

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Snapshot, Structure

__all__ = ["View", "DisplayNames", "display_names", "compare_views", "story_view"]

_TUPLES = ("kinds", "relations", "nodes", "edges", "highlight", "strong_nodes", "strong_edges")


@dataclass(frozen=True)
class View:
    """One map as drawn: every option of the picture, as plain hashable values.

    Lists and sets given to any field become sorted tuples, ``marks`` a sorted
    tuple of ``(id, status)`` pairs and ``on`` an ISO date, so equal views are
    equal values (a cache key, a URL).

    Attributes
    ----------
    on : the day drawn (``YYYY-MM-DD``; a date, ``YYYY-MM``, ``YYYY`` or a day ordinal is accepted).
    lang : ``"sv"`` or ``"en"``.
    kinds, relations : entity kinds and relation kinds shown (None = all).
    focus : an entity id: only it and its neighbours on the day are shown, it has a gold border.
    hide_persons : persons are named by the role they hold (:func:`display_names`).
    nodes, edges : entity ids and relation ids shown (None = all; a story step shows a part).
    highlight : entity ids drawn with a gold border.
    strong_nodes, strong_edges : drawn strong (a question's chain, a story's highlight);
        when any is given and ``dim_rest`` is true, everything else is dimmed.
    dim_rest : dim what is not strong.
    marks : ``(id, status)`` pairs, status ``added``/``removed``/``changed`` (the compare view).
    attested_only : draw only the facts a source speaks for on the day (:mod:`lsgmap.model.attestation`);
        otherwise the others are drawn faded and dashed.
    title : the heading of an exported picture ("" = "Samverkansstrukturen <date>").
    font_size : label size on the live map and in HTML (24 on the projector).
    """

    on: str
    lang: str = "sv"
    kinds: tuple[str, ...] | None = None
    relations: tuple[str, ...] | None = None
    focus: str | None = None
    hide_persons: bool = False
    nodes: tuple[str, ...] | None = None
    edges: tuple[str, ...] | None = None
    highlight: tuple[str, ...] = ()
    strong_nodes: tuple[str, ...] = ()
    strong_edges: tuple[str, ...] = ()
    dim_rest: bool = True
    marks: tuple[tuple[str, str], ...] = ()
    attested_only: bool = False
    title: str = ""
    font_size: int = 18

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # normalising a frozen dataclass once, at construction
        set_(self, "on", date.fromordinal(to_day(self.on)).isoformat())
        for name in _TUPLES:
            value = getattr(self, name)
            if value is not None:
                set_(self, name, tuple(sorted(set(value))))
        marks = self.marks.items() if isinstance(self.marks, Mapping) else self.marks
        set_(self, "marks", tuple(sorted((str(k), str(v)) for k, v in marks)))
        set_(self, "focus", self.focus or None)

    @property
    def day(self) -> int:
        """The day as an ordinal (what :meth:`lsgmap.model.structure.Structure.snapshot` takes)."""
        return to_day(self.on)

    def mark_of(self) -> dict[str, str]:
        """The marks as a dict ``{id: status}``.

        >>> View(on="2017", marks={"a": "added"}).mark_of()
        {'a': 'added'}
        """
        return dict(self.marks)

    def heading(self) -> str:
        """The title, or "Samverkansstrukturen <date>" / "The collaboration structure on <date>".

        >>> View(on="2017-03-01", lang="en").heading()
        'The collaboration structure on 2017-03-01'
        """

        return self.title or t("export.title", self.lang, date=self.on)


class DisplayNames:
    """The name rule of the map and of every table beside it (see :func:`display_names`)."""

    def __init__(self, structure: Structure, snapshot: Snapshot, lang: str, hide_persons: bool):
        self.entities, self.lang, self.hide_persons = structure.entities, lang, hide_persons
        self.roles: dict[str, str] = {}
        if hide_persons:
            for r in snapshot.relations():
                person = self.entities.get(r.from_id)
                if r.relation == HOLDING and person is not None and person.kind == "person" and r.to_id in self.entities:
                    self.roles.setdefault(r.from_id, _short(self.entities[r.to_id], lang))
        self._hidden: dict[str, str] = {}  # a hidden person's name: the holder of the role, never the role's own name

    def __call__(self, entity_id: str) -> str:
        """The name shown for ``entity_id``."""
        e = self.entities[entity_id]
        if self.hide_persons and e.kind == "person":
            if not self._hidden:
                self._hidden = self._holders()
            return self._hidden.get(entity_id) or ENTITY_KINDS["person"].label(self.lang)
        return e.name(self.lang)

    def _holders(self) -> dict[str, str]:
        """Every person's name with persons hidden: "<role's short name> (person)", numbered where two would read alike."""
        persons = sorted(i for i, e in self.entities.items() if e.kind == "person")
        names = {i: t("view.role_holder", self.lang, role=self.roles[i]) if i in self.roles else ENTITY_KINDS["person"].label(self.lang)
                 for i in persons}
        seen: dict[str, int] = {}
        for i in persons:
            seen[names[i]] = seen.get(names[i], 0) + 1
        counted: dict[str, int] = {}
        for i in persons:
            if seen[names[i]] > 1:
                counted[names[i]] = counted.get(names[i], 0) + 1
                names[i] = f"{names[i]} {counted[names[i]]}"
        return names

    def text(self, text: str) -> str:
        """Free text (a source quote) with every person's name replaced by the name shown for them."""
        if not self.hide_persons:
            return text
        for e in self.entities.values():
            if e.kind == "person":
                for name in {e.name_sv, e.name_en} - {""}:
                    text = text.replace(name, self(e.id))
        return text


def _short(entity, lang: str) -> str:
    """An entity's short name, capitalised ("Processledaren"), or its name."""
    short = (entity.short_name or "").strip()
    return short[:1].upper() + short[1:] if short else entity.name(lang)


def display_names(structure: Structure, snapshot: Snapshot, *, lang: str = "sv", hide_persons: bool = False) -> DisplayNames:
    """The name rule of the map and of every table beside it: ``entity id -> name shown``.

    With ``hide_persons`` a person is named by the role they hold on the snapshot's day, by its
    short name and "(person)" (for projected meetings; not by the role's own name, which its node has),
    or "Person" if they hold none, numbered where two would read alike;
    ``.text(quote)`` does the same inside free text.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> snap = s.snapshot(on="2016-11-01")
    >>> hidden = display_names(s, snap, hide_persons=True)
    >>> hidden("ida_malmberg"), display_names(s, snap)("ida_malmberg")
    ('Processledaren (person)', 'Ida Malmberg')
    >>> hidden.text("Ida Malmberg Processledare")
    'Processledaren (person) Processledare'
    """
    return DisplayNames(structure, snapshot, lang, hide_persons)


def compare_views(
    structure: Structure, *, start: Any, end: Any, lang: str = "sv", hide_persons: bool = False, attested_only: bool = False
) -> tuple[View, View]:
    """The two sides of the compare view: ``start`` and ``end``, each titled by its date, both with the diff's marks.

    >>> from lsgmap.dataset.load import load
    >>> before, after = compare_views(load(), start="2016-12-31", end="2017-01-01")
    >>> before.title, after.mark_of()["lsg_trosa_gnesta"], before.mark_of()["lsg_trosa"]
    ('2016-12-31', 'added', 'removed')
    """

    marks = diff(structure, start=start, end=end).marks()
    before, after = (View(on=day, lang=lang, hide_persons=hide_persons, marks=marks, attested_only=attested_only) for day in (start, end))
    return replace(before, title=before.on), replace(after, title=after.on)



def story_view(structure: Structure, step: Any, *, lang: str = "sv", hide_persons: bool = False, font_size: int = 18) -> View:
    """What a story step (:class:`lsgmap.dataset.stories.Step`) draws: its part of the map, its highlight strong, nothing dimmed.

    >>> from lsgmap.dataset.load import load
    >>> from lsgmap.dataset.stories import load_stories
    >>> s = load()
    >>> step = load_stories(s)[0][0].steps[0]
    >>> v = story_view(s, step)
    >>> v.title, "rar" in v.nodes, v.dim_rest
    ('1. Samordningsförbundet RAR och dess medlemmar (2016-11-15)', True, False)
    """
    shown = step.view(structure)
    return View(
        on=shown.day,
        lang=lang,
        hide_persons=hide_persons,
        nodes=shown.node_ids,
        edges=shown.edge_keys,
        highlight=shown.highlight_nodes,
        strong_nodes=shown.highlight_nodes,
        strong_edges=shown.highlight_edges,
        dim_rest=False,
        title=f"{step.number}. {step.title(lang)} ({date.fromordinal(shown.day).isoformat()})",
        font_size=font_size,
    )
