"""Checks across the facts of a loaded dataset.

:func:`check` returns the loader's problems (every rule of ``datapackage.json``:
bad dates, unknown kinds and ids, missing sources …), the problems of the
stories and of the proposals in ``scenarios/`` (their tables follow the same schema) plus the rules that need several
facts at once:

- a relation explicitly dated outside the lifetime of one of its ends;
- an original of a merger, split, rename or dissolution still valid on the
  event date (it must end the day before), a result not starting on it;
- too few originals or results for the kind of event;
- a project with two ``owns`` relations at the same time;
- a derived fact whose event's originals did not hold the same relation;
- budget lines whose sums disagree with the totals on the funding relation;
- a quote that contains an impossible date such as 2018-06-31;
- every documented disagreement in ``conflicts.csv`` (a note).

A rule broken only by facts that one row of ``conflicts.csv`` lists together
is a documented disagreement: it is reported as a warning naming that row.
Errors make ``lsgmap check`` fail; warnings are notes.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> problems = check(load(BUNDLED_DATA))
>>> [p.render("en") for p in problems if p.severity == "error"]
[]
>>> any(p.code == "conflict.documented" for p in problems)
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from lsgmap.dataset.scenarios import scenario_problems
from lsgmap.dataset.stories import load_stories
from lsgmap.dates import (
    OPEN_END,
    OPEN_START,
    DateParseError,
    PartialDate,
    day_text,
    day_to_iso,
    interval_days,
    period_text,
    plausible_window,
)
from lsgmap.errors import ERROR, WARNING, Problem
from lsgmap.model.records import Conflict, Relation
from lsgmap.vocab import EVENT_KINDS, OWNERSHIP

__all__ = ["check", "errors_of", "warnings_of"]


_DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{4}-\d{1,2}-\d{1,2})(?!\d)")


def check(structure) -> list[Problem]:
    """Every problem of ``structure``: the loader's, its stories' and the cross-fact rules', sorted by file and line.

    Examples
    --------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> notes = [p for p in check(load(BUNDLED_DATA)) if p.code == "check.quote_bad_date"]
    >>> notes[0].value, notes[0].severity
    ('2018-06-31', 'warning')
    """
    found: list[Problem] = []
    found += _far_dates(structure)
    found += _relations_outside_lifetime(structure)
    found += _self_relations(structure)
    found += _events(structure)
    found += _two_owners(structure)
    found += _derived_facts(structure)
    found += _budget_totals(structure)
    found += _quotes_with_bad_dates(structure)
    found += _quotes_not_in_documents(structure)
    found += _never_attested(structure)
    found += _plans_past_their_date(structure)
    found += _public_quotes(structure)
    found = [_documented(p, structure.conflicts) for p in found]
    found += _conflict_notes(structure)
    every = list(structure.problems) + load_stories(structure)[1] + scenario_problems(structure) + found
    return sorted(every, key=lambda p: (p.file, p.line or 0, p.severity != ERROR, p.code, p.value))


def errors_of(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors.

    >>> errors_of([Problem("source.missing", "x.csv", 2)])[0].where
    'x.csv:2'
    """
    return [p for p in problems if p.severity == ERROR]


def warnings_of(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are only notes.

    >>> warnings_of([Problem("source.missing", "x.csv", 2)])
    []
    """
    return [p for p in problems if p.severity != ERROR]


# -- helpers --------------------------------------------------------------------


def _lifetime(entity) -> str:
    return period_text(entity.valid_from, entity.valid_to)


def _documented(problem: Problem, conflicts: list[Conflict]) -> Problem:
    """Turn a rule problem into a note when one conflicts.csv row lists all its facts."""
    facts = problem.params.get("facts")
    documented_code = _DOCUMENTED.get(problem.code)
    if not facts or documented_code is None:
        return problem
    for conflict in conflicts:
        if set(facts) <= set(conflict.facts):
            params = dict(problem.params, conflict=conflict.id, topic_sv=conflict.topic("sv"), topic_en=conflict.topic("en"))
            return Problem(documented_code, problem.file, problem.line, problem.value, params, WARNING)
    return problem


_DOCUMENTED = {
    "check.relation_outside_lifetime": "check.relation_outside_lifetime_documented",
    "check.two_owners": "check.two_owners_documented",
}


# -- rules ----------------------------------------------------------------------


def _far_dates(structure) -> list[Problem]:
    """A date far from all the others (``1600`` or ``2300`` in data about 2016): most likely a typing mistake."""
    first, last = plausible_window(structure.change_days)
    window = f"{date.fromordinal(first).year}–{date.fromordinal(last).year}"
    out = []
    for file, records in (("entities.csv", structure.entities.values()), ("relations.csv", structure.relations.values())):
        for r in records:
            for field, text, day in (("valid_from", r.valid_from, r.start), ("valid_to", r.valid_to, r.end)):
                if text and OPEN_START < day < OPEN_END and not first <= day <= last:
                    out.append(Problem("date.far", file, r.line, text, {"field": field, "window": window}))
    for e in structure.events.values():
        if not first <= e.day <= last:
            out.append(Problem("date.far", "events.csv", e.line, e.date, {"field": "date", "window": window}))
    return out


def _self_relations(structure) -> list[Problem]:
    """A relation from an entity to itself (a typing slip: "TRIS styr TRIS")."""
    return [
        Problem("check.self_relation", "relations.csv", r.line, r.from_id, {"relation": r.id, "facts": (r.id,)})
        for r in structure.relations.values()
        if r.from_id == r.to_id
    ]


def _relations_outside_lifetime(structure) -> list[Problem]:
    out = []
    for r in structure.relations.values():
        if not (r.valid_from or r.valid_to):
            continue
        try:
            start, end = interval_days(r.valid_from or None, r.valid_to or None)
        except DateParseError:
            continue
        for end_id in (r.from_id, r.to_id):
            e = structure.entities[end_id]
            before = r.valid_from and start < e.start
            after = r.valid_to and end > e.end
            if before or after:
                out.append(
                    Problem(
                        "check.relation_outside_lifetime",
                        "relations.csv",
                        r.line,
                        period_text(r.valid_from, r.valid_to),
                        {"relation": r.id, "entity": e.id, "lifetime": _lifetime(e), "facts": (r.id, e.id)},
                    )
                )
    return out


def _events(structure) -> list[Problem]:
    out = []
    for ev in structure.events.values():
        kind = EVENT_KINDS.get(ev.kind)
        if kind is None:
            continue
        if len(ev.originals) < kind.min_originals:
            out.append(Problem("check.event_originals", "events.csv", ev.line, str(len(ev.originals)), {"kind": ev.kind, "count": kind.min_originals}))
        if len(ev.results) < kind.min_results:
            out.append(Problem("check.event_results", "events.csv", ev.line, str(len(ev.results)), {"kind": ev.kind, "count": kind.min_results}))
        if kind.ends_originals:
            for oid in ev.originals:
                e = structure.entities.get(oid)
                if e is not None and e.end != ev.day - 1:
                    code = "check.active_after_event" if e.end >= ev.day else "check.ended_before_event"
                    out.append(
                        Problem(code, "entities.csv", e.line, e.valid_to or "…", {"entity": e.id, "event": ev.id, "date": ev.date, "last_day": day_text(ev.day - 1)})
                    )
        if kind.starts_results:
            for rid in ev.results:
                e = structure.entities.get(rid)
                if e is not None and e.start != ev.day:
                    out.append(
                        Problem("check.result_start", "entities.csv", e.line, e.valid_from or "…", {"entity": e.id, "event": ev.id, "date": day_text(ev.day)})
                    )
    return out


def _two_owners(structure) -> list[Problem]:
    """One problem per project and group of owns relations that overlap in time."""
    by_project: dict[str, list[Relation]] = defaultdict(list)
    for r in structure.relations.values():
        if r.relation == OWNERSHIP and r.start <= r.end:
            by_project[r.to_id].append(r)
    out = []
    for project, owns in by_project.items():
        owns.sort(key=lambda r: (r.start, r.line))
        group: list[Relation] = []
        group_end = OPEN_START
        for r in owns + [None]:  # type: ignore[list-item]
            if r is not None and group and r.start <= group_end:
                group.append(r)
                group_end = max(group_end, r.end)
                continue
            if len(group) > 1:
                out.append(_two_owners_problem(project, group))
            if r is not None:
                group, group_end = [r], r.end
    return out


def _two_owners_problem(project: str, group: list[Relation]) -> Problem:
    first = min(group, key=lambda r: r.line)
    owners = ", ".join(sorted({r.from_id for r in group}))
    ordered = sorted(group, key=lambda r: r.start)
    overlap = period_text(day_to_iso(ordered[1].start), day_to_iso(min(r.end for r in ordered[:2])))
    lines = ", ".join(str(r.line) for r in sorted(group, key=lambda r: r.line))
    return Problem(
        "check.two_owners",
        "relations.csv",
        first.line,
        owners,
        {"project": project, "lines": lines, "overlap": overlap, "facts": tuple(r.id for r in group)},
    )


def _derived_facts(structure) -> list[Problem]:
    """A derived relation must replace one of its ends by an original of its event that held it the day before."""
    out = []
    for r in structure.relations.values():
        ev = structure.events.get(r.derived_from) if r.derived_from else None
        if ev is None or not ev.originals:  # a founding has no predecessors to compare with
            continue
        held = [
            o
            for o in ev.originals
            if _holds(structure, o, r.relation, r.to_id, ev.day - 1, outgoing=True)
            or _holds(structure, o, r.relation, r.from_id, ev.day - 1, outgoing=False)
        ]
        if not held:
            out.append(
                Problem(
                    "check.derived_unsupported",
                    "relations.csv",
                    r.line,
                    r.id,
                    {"event": ev.id, "originals": ", ".join(ev.originals) or "–", "kind": r.relation},
                    WARNING,
                )
            )
    return out


def _holds(structure, entity_id: str, kind: str, other: str, day: int, *, outgoing: bool) -> bool:
    """Whether ``entity_id --kind--> other`` (or ``other --kind--> entity_id``) holds on ``day``."""
    for r in structure.relations_of(entity_id):
        if r.relation != kind or not r.valid_on(day):
            continue
        if outgoing and r.from_id == entity_id and r.to_id == other:
            return True
        if not outgoing and r.to_id == entity_id and r.from_id == other:
            return True
    return False


def _budget_totals(structure) -> list[Problem]:
    sums: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for line in structure.budget:
        sums[line.relation][line.year] += line.amount_tkr
    out = []
    for r in structure.relations.values():
        totals = {k: v for k, v in r.attributes.items() if k == "total" or re.fullmatch(r"total_\d{4}", k)}
        for key, stated in sorted(totals.items()):
            try:
                expected = float(stated.replace(" ", "").replace(",", "."))
            except ValueError:
                out.append(Problem("number.invalid", "relations.csv", r.line, stated, {"field": f"attributes {key}"}))
                continue
            years = sums.get(r.id, {})
            actual = sum(years.values()) if key == "total" else years.get(int(key[6:]), 0.0)
            if abs(actual - expected) > 0.5:
                out.append(
                    Problem("check.budget_total", "relations.csv", r.line, f"{key}={stated}", {"sum": _number(actual), "relation": r.id})
                )
    return out


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _quotes_not_in_documents(structure) -> list[Problem]:
    """A quote from a document shipped with the dataset (``documents/REFERENCE``) must stand in it.

    Compared with white space folded and Markdown emphasis (``*``) left out, as
    the documents are kept as text.
    """
    texts: dict[str, str | None] = {}
    out = []
    for src in structure.sources.values():
        doc = structure.documents.get(src.document)
        if doc is None:
            continue
        if doc.id not in texts:
            texts[doc.id] = _shipped_text(structure.path / "documents", doc.reference)
        text = texts[doc.id]
        if text is not None and _folded(src.quote) not in text:
            shown = src.quote if len(src.quote) <= 80 else src.quote[:77] + "…"
            out.append(Problem("check.quote_not_in_document", "sources.csv", src.line, shown, {"source": src.id, "file": f"documents/{doc.reference}"}))
    return out


def _never_attested(structure) -> list[Problem]:
    """A note for each entity and relation no source speaks for on any day.

    Derived relations are left out (the event implies them), and so are facts
    without a known source (the loader already reports those).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> ids = {p.params["fact"] for p in _never_attested(load(BUNDLED_DATA))}
    >>> "lsg_trosa_gnesta" in ids, "lsg_trosa" in ids, "r047" in ids
    (True, False, False)
    """
    out = []
    for table, facts in (("entities.csv", structure.entities.values()), ("relations.csv", structure.relations.values())):
        for fact in facts:
            if getattr(fact, "derived_from", "") or structure.attestation(fact.id).ever:
                continue
            if not any(sid in structure.sources for sid in fact.sources):
                continue
            planned = structure.attestation(fact.id).planned
            code = "check.only_planned" if planned else "check.never_attested"
            out.append(Problem(code, table, fact.line, ";".join(fact.sources), {"fact": fact.id}, WARNING))
    return out


def _plans_past_their_date(structure) -> list[Problem]:
    """An error for each plan (``kind`` "plan") whose own period runs past its document's date: a plan attests nothing after it.

    >>> _plans_past_their_date(load(BUNDLED_DATA))
    []
    """
    out = []
    for src in structure.sources.values():
        doc = structure.documents.get(src.document)
        if src.evidence != "plan" or not src.period or doc is None or doc.speaks is None or src.speaks is None:
            continue
        if src.speaks[1] > doc.speaks[1]:
            out.append(Problem("check.plan_past_date", "sources.csv", src.line, src.period,
                               {"source": src.id, "date": day_text(doc.speaks[1]), "document": doc.id}))
    return out


def _public_quotes(structure) -> list[Problem]:
    """A note for each passage of a public source that claims to quote it word for word although its text is not shipped.

    >>> _public_quotes(load(BUNDLED_DATA))
    []
    """
    return [
        Problem("check.public_quote", "sources.csv", src.line, src.id, {"source": src.id, "document": src.document}, WARNING)
        for src in structure.sources.values()
        if src.evidence == "public" and src.form != "paraphrase"
    ]


def _shipped_text(folder: Path, reference: str) -> str | None:
    """The folded text of ``folder/reference`` when the dataset ships that file, else None."""
    if not reference or Path(reference).name != reference:
        return None
    try:
        path = folder / reference
        return _folded(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else None
    except (OSError, ValueError):  # unreadable, or a name no file system takes (a NUL byte)
        return None


def _folded(text: str) -> str:
    """White space folded to one space, Markdown emphasis dropped.

    >>> _folded("  Vid *starten*   i oktober ")
    'Vid starten i oktober'
    """
    return " ".join(text.replace("*", "").split())


def _quotes_with_bad_dates(structure) -> list[Problem]:
    out = []
    for src in structure.sources.values():
        for text in _DATE_IN_TEXT.findall(src.quote):
            try:
                PartialDate.parse(text)
            except DateParseError as exc:
                out.append(
                    Problem("check.quote_bad_date", "sources.csv", src.line, text, {"source": src.id, "reason_key": exc.reason_key, "reason_params": exc.params}, WARNING)
                )
    return out


def _conflict_notes(structure) -> list[Problem]:
    out = []
    for c in structure.conflicts:
        out.append(
            Problem(
                "conflict.documented",
                "conflicts.csv",
                c.line,
                c.id,
                {"topic_sv": c.topic("sv"), "topic_en": c.topic("en"), "facts": ", ".join(c.facts), "sources": ", ".join(c.sources)},
                WARNING,
            )
        )
    return out
