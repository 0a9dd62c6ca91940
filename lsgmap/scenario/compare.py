"""Real against proposal on the scenario's day: the diff (``lsgmap diff``'s shape) and the two map views.

The applied proposal holds every real fact too (the ones it ends, ended),
so one :class:`~lsgmap.time.diff.Diff` over it says what differs: added =
valid only under the proposal, removed = valid only today, changed = touched by
the proposal's events; its events are the proposal's. The map of the proposal
marks what it adds as ``proposed`` (its own colour and legend row) and has
"FÖRSLAG" in its title.

>>> from lsgmap.dataset.load import load
>>> from lsgmap.dataset.scenarios import Operation, Scenario
>>> from lsgmap.scenario.apply import apply
>>> real = load()
>>> p = apply(real, Scenario("ett", "Ett LSG", "2019-01-01", operations=(
...     Operation(1, "merge", ("lsg_nykoping_oxelosund", "lsg_trosa_gnesta"), "LSG Södra Sörmland", "lsg"),)))
>>> d = scenario_diff(real, p)
>>> d.nodes_added, sorted(d.nodes_removed)
(('lsg_sodra_sormland',), ['lsg_nykoping_oxelosund', 'lsg_trosa_gnesta'])
>>> today, proposed = scenario_views(real, p)
>>> today.title, proposed.title, proposed.mark_of()["lsg_sodra_sormland"]
('I dag (2019-01-01)', 'FÖRSLAG: Ett LSG (2019-01-01)', 'proposed')
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from lsgmap.draw.view import View
from lsgmap.i18n import t
from lsgmap.model.structure import Structure
from lsgmap.time.diff import ADDED, CHANGED, REMOVED, Diff

__all__ = ["scenario_diff", "scenario_diff_json", "scenario_views", "PROPOSED"]

#: the mark of what a proposal adds, on its map
PROPOSED = "proposed"


def scenario_diff(real: Structure, proposal: Structure) -> Diff:
    """What differs between ``real`` and ``proposal`` (an applied scenario) on the scenario's day."""
    day = proposal.scenario.day  # type: ignore[attr-defined]
    r, p = real.snapshot(on=day), proposal.snapshot(on=day)
    events = tuple(sorted(e for e in getattr(proposal, "proposed", ()) if e in proposal.events))
    touched = {i for e in events for i in (*proposal.events[e].originals, *proposal.events[e].results)}
    nodes_changed = tuple(sorted(i for i in touched if i in r.node_set and i in p.node_set))
    edges_changed = tuple(sorted({x.id for i in nodes_changed for x in proposal.relations_of(i) if x.id in r.edge_set and x.id in p.edge_set}))
    return Diff(
        proposal, day, day,
        nodes_added=tuple(i for i in p.node_ids if i not in r.node_set),
        nodes_removed=tuple(i for i in r.node_ids if i not in p.node_set),
        nodes_changed=nodes_changed,
        edges_added=tuple(k for k in p.edge_keys if k not in r.edge_set),
        edges_removed=tuple(k for k in r.edge_keys if k not in p.edge_set),
        edges_changed=edges_changed,
        events=events,
    )


def scenario_diff_json(real: Structure, proposal: Structure, lang: str = "sv") -> dict[str, Any]:
    """``lsgmap diff --json``'s shape for real vs proposal (``from`` = ``to`` = the day), plus ``scenario``: the proposal's id."""
    return {**scenario_diff(real, proposal).to_json(lang), "scenario": proposal.scenario.id}  # type: ignore[attr-defined]


def scenario_views(real: Structure, proposal: Structure, *, lang: str = "sv", hide_persons: bool = False, attested_only: bool = False,
                   font_size: int = 18) -> tuple[View, View]:
    """The two maps of "I dag / Förslag": today (what would end marked removed) and the proposal (what it adds marked proposed).

    Draw the first over ``real`` and the second over ``proposal``.
    """
    scenario = proposal.scenario  # type: ignore[attr-defined]
    marks = scenario_diff(real, proposal).marks()
    on = date.fromordinal(scenario.day).isoformat()
    today = {k: v for k, v in marks.items() if v in (REMOVED, CHANGED)}
    after = {k: (PROPOSED if v == ADDED else v) for k, v in marks.items() if v in (ADDED, CHANGED)}
    base = View(on=on, lang=lang, hide_persons=hide_persons, attested_only=attested_only, font_size=font_size)
    return (replace(base, marks=tuple(today.items()), title=t("scenario.today_title", lang, date=on)),
            replace(base, marks=tuple(after.items()), title=t("scenario.map_title", lang, title=scenario.title(lang), date=on)))
