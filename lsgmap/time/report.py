"""The half-year status report (lägesrapport) section for a period, from the data.

:func:`period_report` writes, for the days ``start .. end`` (both included):

1. the current projects per LSG, with who steers, owns and funds each;
2. the principals (uppdragsgivare) and the assignments given in the period, and by whom;
3. the changes in the structure in the period, and the decisions taken in the
   period that take effect later (events whose ``decided`` span overlaps the
   period, e.g. the Trosa–Gnesta merger decided in the autumn of 2016);
4. the funding in the period, with the budget lines of the years it touches
   and what the amounts are (as applied for, granted, outcome);
5. the facts valid in the period that no source speaks for in it, each with
   its documents and the period they speak for;
6. the documents behind it all.

**The report follows its period's sources.** Sections 1, 2 and 4 list only
facts *attested* in the period (:mod:`lsgmap.model.attestation`): a cited source
speaks for some day of the period, or the fact's stated dates cover one. A
fact valid in the period but attested on none of its days (an application's
claim before the period, a derived fact) goes to section 5, never under an LSG.

:func:`report_data` is the same content as data (``lsgmap report --format json``).

Every item ends with its source ids in brackets. Markdown or HTML; HTML escapes
all data text and holds no scripts; Markdown escapes it (:func:`md_text`), so a
name or quote holding Markdown, HTML or a URL shows literally: no image, link or tag.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> text = period_report(load(BUNDLED_DATA), start="2016-10-13", end="2016-12-31")
>>> text.splitlines()[0]
'# Lägesrapport: underlag för perioden 2016-10-13 – 2016-12-31'
>>> "- Innovation 100 dagar" in text.split("### LSG Nyköping-Oxelösund")[1].split("###")[0]
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from lsgmap.dates import Day, day_to_iso, interval_days, ordered_days, stated_text, validity_text
from lsgmap.errors import InputError
from lsgmap.i18n import msg, normalise_lang, t
from lsgmap.time.diff import diff, event_text, fact_text, span_text
from lsgmap.vocab import (
    ASSIGNED_TO,
    ASSIGNMENT_RELATIONS,
    ASSIGNS,
    COMMISSION,
    FUNDING,
    PROJECT_LINES,
    RELATION_KINDS,
    RESPONSIBLE_RELATIONS,
)

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.records import Entity, Relation
    from lsgmap.model.structure import Structure

__all__ = ["period_report", "report_data", "FORMATS"]

FORMATS = ("md", "html", "json")
_SHORT_KINDS = {"project", "association", "funder", "agency"}


@dataclass
class _Item:
    text: str
    sources: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)


def period_report(
    structure: Structure,
    *,
    start: Day,
    end: Day,
    lang: str = "sv",
    fmt: str = "md",
) -> str:
    """The status-report section for the period ``start .. end`` as Markdown (``md``), HTML or JSON text.

    Raises :class:`~lsgmap.errors.InputError` for an unknown format or a
    period that ends before it starts.

    >>> from lsgmap.dataset.load import load
    >>> html_text = period_report(load(), start="2016-10-13", end="2016-12-31", lang="en", fmt="html")
    >>> html_text.startswith('<section class="lsgmap-report">') and "<script" not in html_text
    True
    """
    if fmt not in FORMATS:
        raise InputError(msg("report.bad_format", value=fmt))
    if fmt == "json":
        import json

        return json.dumps(report_data(structure, start=start, end=end, lang=lang), ensure_ascii=False, indent=2) + "\n"
    a, b = ordered_days(start, end)
    writer = _Writer(structure, a, b, normalise_lang(lang))
    blocks = writer.blocks()
    return _render_html(blocks) if fmt == "html" else _render_md(blocks)


def report_data(structure: Structure, *, start: Day, end: Day, lang: str = "sv") -> dict[str, Any]:
    """The report for ``start .. end`` as data: ``{"from", "to", "lsgs", "principals", "assignments", "events", "funding", "unattested"}``.

    ``lsgs``: ``[{"id", "name", "projects": [{"id", "name", "relation", "attested", "sources", …}]}]``, from
    facts attested in the period only; ``unattested``: the facts valid in the
    period that no source speaks for in it, with their documents.

    >>> from lsgmap.dataset.load import load
    >>> d = report_data(load(), start="2016-10-13", end="2016-12-31", lang="en")
    >>> [p["id"] for lsg in d["lsgs"] if lsg["id"] == "lsg_oxelosund" for p in lsg["projects"]]
    ['ibis']
    >>> any(p["id"] == "tris" for lsg in d["lsgs"] for p in lsg["projects"])
    False
    """
    a, b = ordered_days(start, end)
    writer = _Writer(structure, a, b, normalise_lang(lang))
    writer.blocks()
    return writer.data


class _Writer:
    def __init__(self, structure: Structure, a: int, b: int, lang: str):
        self.s, self.a, self.b, self.lang = structure, a, b, lang
        self.used_sources: list[str] = []
        self.data: dict[str, Any] = {"from": day_to_iso(a), "to": day_to_iso(b), "lsgs": [], "principals": [], "assignments": [],
                                     "events": [], "funding": [], "public": [], "unattested": []}
        self._unattested: dict[str, Any] = {}
        self._public: dict[str, Any] = {}

    # -- helpers -----------------------------------------------------------------
    def during(self, record: Any) -> bool:
        return record.start <= self.b and record.end >= self.a

    def evidence(self, ident: str) -> str | None:
        """The strongest evidence for the fact on any day of the period ("document", "public", "plan" or None)."""
        return self.s.attestation(ident).evidence_in(self.a, self.b)

    def sort_out(self, records: Iterable[Any]) -> list[Any]:
        """The records a shipped document speaks for in the period; a public source's and the others are set aside for their sections."""
        out = []
        for r in records:
            found = self.evidence(r.id)
            if found == "document":
                out.append(r)
            elif found == "public":
                self._public.setdefault(r.id, r)
            else:
                self._unattested.setdefault(r.id, r)
        return out

    def label(self, ident: str) -> str:
        e = self.s.entities.get(ident)
        if e is None:
            return ident
        return e.short_name if e.kind in _SHORT_KINDS and e.short_name else e.name(self.lang)

    def said(self, facts: Iterable[Any]) -> list[str]:
        """The sources of ``facts`` that speak for the period from a shipped document (not a plan, not a public page)."""
        out = []
        for fact in facts:
            for sid in fact.sources:
                src = self.s.sources.get(sid)
                if src is not None and src.evidence == "document" and src.speaks and src.speaks[0] <= self.b and src.speaks[1] >= self.a:
                    out.append(sid)
        return out

    def item(self, text: str, sources: Iterable[str] = (), children: list[_Item] | None = None, facts: Iterable[str] = ()) -> _Item:
        """A line with its sources; under it, "Motstridiga källor: …" for each recorded conflict naming one of ``facts``."""
        srcs = list(dict.fromkeys(sources))
        self.used_sources.extend(srcs)
        notes = [_Item(t("map.conflict", self.lang, topic=c.topic(self.lang)), []) for c in self.s.conflicts_of_all(facts)]
        return _Item(text, srcs, [*(children or []), *notes])

    def relations_into(self, ident: str, kinds: set[str]) -> list[Relation]:
        """The relations of ``kinds`` into ``ident`` attested in the period (the valid, unattested ones set aside)."""
        return self.sort_out(sorted(
            (r for r in self.s.relations_of(ident) if r.to_id == ident and r.relation in kinds and self.during(r)),
            key=lambda r: (self.label(r.from_id), r.id),
        ))

    def names(self, rels: list[Relation], end: str = "from_id") -> str:
        return ", ".join(dict.fromkeys(self.label(getattr(r, end)) for r in rels))

    # -- the report --------------------------------------------------------------------
    def blocks(self) -> list[tuple[str, Any]]:
        lang = self.lang
        period = {"start": date.fromordinal(self.a).isoformat(), "end": date.fromordinal(self.b).isoformat()}
        out: list[tuple[str, Any]] = [("h1", t("report.title", lang, **period)), ("p", t("report.generated", lang))]
        out += self.projects()
        out += self.assignments()
        out += self.changes()
        out += self.funding()
        out += self.public()
        out += self.unattested()
        out += [("h2", t("report.sources", lang)), ("ul", self.documents())]
        return out

    def projects(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.projects", lang))]
        lsgs = sorted((e for e in s.entities.values() if e.kind == "lsg" and self.during(e)), key=lambda e: e.name(lang))
        for lsg in lsgs:
            rels = self.sort_out(sorted(
                (r for r in s.outgoing(lsg.id) if r.relation in RESPONSIBLE_RELATIONS and self.during(r)
                 and s.entities[r.to_id].kind == "project"),
                key=lambda r: (self.label(r.to_id), r.relation, r.id),
            ))
            if not rels:
                continue
            items, entries = [], []
            for project in dict.fromkeys(r.to_id for r in rels):
                item, parts = self.project_item(project)
                items.append(item)
                for r in (r for r in rels if r.to_id == project):
                    entries.append({"id": project, "name": s.name(project, lang), "relation": r.relation, "relation_id": r.id,
                                    "attested": True, **s.attestation(r.id).to_json(), "sources": list(r.sources), **parts})
            out += [("h3", lsg.name(lang)), ("ul", items)]
            self.data["lsgs"].append({"id": lsg.id, "name": lsg.name(lang), "projects": entries})
        if not self.data["lsgs"]:
            out.append(("p", t("report.no_projects", lang)))
        return out

    def project_item(self, project: str) -> tuple[_Item, dict[str, list[str]]]:
        lang = self.lang
        parts, sources, ids, facts = [], [], {}, [project]
        for kind in PROJECT_LINES:
            name = kind.report_by.removeprefix("report.")
            rels = self.relations_into(project, {kind.key})
            ids[name] = list(dict.fromkeys(r.from_id for r in rels))
            facts += [r.id for r in rels]
            if rels:
                parts.append(f"{t(kind.report_by, lang)} {self.names(rels)}")
                sources += self.said(rels)
        text = self.label(project) + (f" – {'; '.join(parts)}" if parts else "")
        return self.item(text, sources, facts=facts), ids

    def assignments(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = []
        commissioned = sorted(
            {r.to_id for r in s.relations.values() if r.relation == COMMISSION and self.during(r)}, key=self.label
        )
        items = []
        for target in commissioned:
            rels = self.relations_into(target, {COMMISSION})
            if rels:
                items.append(self.item(f"{s.name(target, lang)}: {self.names(rels)}", self.said(rels), facts=[r.id for r in rels]))
                self.data["principals"].append({"id": target, "name": s.name(target, lang), "principals": [r.from_id for r in rels],
                                                "sources": items[-1].sources})
        if items:
            out += [("h2", t("report.principals", lang)), ("ul", items)]
        out.append(("h2", t("report.assignments", lang)))
        given = self.sort_out(sorted(
            (e for e in s.entities.values() if e.kind == "assignment" and self.during(e) and self.given_in_period(e)),
            key=lambda e: (e.start, e.line),
        ))
        items = []
        for e in given:
            by = self.relations_into(e.id, {ASSIGNS})
            to = [r for r in s.outgoing(e.id) if r.relation == ASSIGNED_TO and self.during(r)]
            who = self.names(by)
            assignees = {r.to_id for r in to}
            principals = {c.from_id for a in assignees for c in self.relations_into(a, {COMMISSION})}
            if len(by) > 1 and principals and {r.from_id for r in by} >= principals:
                who = t("report.all_lsgs", lang)
            text = e.name(lang) + (f" ({who})" if who else "")
            items.append(self.item(text, self.said([e, *by]), facts=[e.id, *(r.id for r in by)]))
            self.data["assignments"].append({"id": e.id, "name": e.name(lang), "given_by": [r.from_id for r in by],
                                             "assigned_to": sorted(assignees), "text": text, "sources": items[-1].sources})
        out.append(("ul", items) if items else ("p", t("report.no_assignments", lang)))
        return out

    def given_in_period(self, e: Entity) -> bool:
        """True when the assignment's stated start (at its precision: "2016" is the whole year) can fall in the period."""
        if not e.valid_from:
            return False
        first, last = interval_days(e.valid_from, e.valid_from)
        return first <= self.b and last >= self.a

    def changes(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.changes", lang))]
        d = diff(s, start=self.a - 1, end=self.b)
        skip = {e.id for e in s.entities.values() if e.kind == "assignment"}
        skip |= {r.id for r in s.relations.values() if r.relation in ASSIGNMENT_RELATIONS or {r.from_id, r.to_id} & skip}
        changes = [i for i in d.change_items(lang) if not set(i["ids"]) <= skip]
        items = [self.item(i["text"], i["sources"]) for i in changes]
        self.data["events"] += [{"kind": "change", **i} for i in changes]
        out.append(("ul", items) if items else ("p", t("report.no_changes", lang)))
        later = [
            e for e in s.events_in_order
            if e.decided_start is not None and e.decided_start <= self.b and (e.decided_end or e.decided_start) >= self.a
            and e.day > self.b
        ]
        if later:
            items = []
            for e in later:
                consequences = diff(s, start=e.day - 1, end=e.day).change_items(lang)
                results = set(e.results)
                chosen = [
                    c for c in consequences
                    if e.id not in c["ids"]
                    and any(i in s.relations and {s.relations[i].from_id, s.relations[i].to_id} & results for i in c["ids"])
                ]
                children = [self.item(c["text"], c["sources"]) for c in chosen]  # the relations that move to the results
                name = e.name(lang) or event_text(s, e, lang)
                text = t("report.decision", lang, name=name, decided=_period_text(e.decided, lang), date=stated_text(e.date, lang))
                items.append(self.item(text, e.sources, children))
                self.data["events"].append({"kind": "decision", "id": e.id, "text": text, "date": day_to_iso(e.day),
                                            "decided": e.decided, "sources": list(e.sources), "consequences": chosen})
            out += [("h2", t("report.decisions", lang)), ("ul", items)]
        return out

    def funding(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.funding", lang))]
        years = range(date.fromordinal(self.a).year, date.fromordinal(self.b).year + 1)
        funding = sorted((r for r in s.relations.values() if r.relation == FUNDING and self.during(r)),
                         key=lambda r: (self.label(r.from_id), self.label(r.to_id), r.id))
        planned = [r for r in funding if self.evidence(r.id) == "plan"]  # a budget applied for: said as planned
        rels = sorted([*self.sort_out(r for r in funding if r not in planned), *planned],
                      key=lambda r: (self.label(r.from_id), self.label(r.to_id), r.id))
        items = []
        for r in rels:
            plan = r in planned
            span = span_text(s, r, lang)
            stated = r.attributes.get("as_stated")  # the source's own words, when it does not say all that the relation does
            if stated:
                text = t("report.as_stated", lang, target=self.label(r.to_id), stated=stated, span=span)
            else:
                text = f"{self.label(r.from_id)} {RELATION_KINDS[r.relation].verb(lang)} {self.label(r.to_id)} ({span})"
            if "share" in r.attributes:
                text += f", {t('report.share', lang, share=r.attributes['share'])}"
            if plan:
                text += f" ({t('evidence.plan', lang)})"
            children, budget = [], []
            for year in years:
                lines = [x for x in s.budget if x.relation == r.id and x.year == year]
                if lines:
                    item, entry = self.budget_year(year, lines)
                    children.append(item)
                    budget.append(entry)
            items.append(self.item(text, list(r.sources) if plan else self.said([r]), children, facts=[r.id]))
            self.data["funding"].append({
                "id": r.id, "funder": r.from_id, "funder_name": s.name(r.from_id, lang), "target": r.to_id,
                "target_name": s.name(r.to_id, lang), "validity": span, "valid_from": day_to_iso(r.start), "valid_to": day_to_iso(r.end),
                "share": r.attributes.get("share"), "as_stated": stated, "attested": not plan, "evidence": "plan" if plan else "document",
                "sources": list(r.sources), "budget": budget,
            })
        out.append(("ul", items) if items else ("p", t("report.no_funding", lang)))
        return out

    def budget_year(self, year: int, lines: list[Any]) -> tuple[_Item, dict[str, Any]]:
        """One year's budget lines: the text (with what the amounts are) and the data."""
        lang = self.lang
        bases = {x.basis for x in lines}
        uniform = bases.pop() if len(bases) == 1 else None

        def basis(x: Any) -> str:
            return f" ({_basis_text(x.basis, lang)})" if x.basis and uniform is None else ""

        parts = ", ".join(f"{x.item(lang)} {_amount(x.amount_tkr)}{basis(x)}" for x in lines)
        total = sum(x.amount_tkr for x in lines)
        text = t("report.budget_year", lang, year=year, items=parts, total=_amount(total))
        if uniform:
            text += f" ({_basis_text(uniform, lang)})"
        sources = [y for x in lines for y in x.sources]
        entry = {
            "year": year, "total_tkr": total, "basis": uniform or None,
            "basis_text": _basis_text(uniform, lang),
            "lines": [{"id": x.id, "item": x.item(lang), "amount_tkr": x.amount_tkr, "basis": x.basis or None,
                       "basis_text": _basis_text(x.basis, lang), "sources": list(x.sources)} for x in lines],
        }
        return self.item(text, sources), entry

    def public(self) -> list[tuple[str, Any]]:
        """What only a public source (its text not shipped) speaks for in the period: after the report's own sections."""
        return self.set_aside("public", self._public, lambda ident, fact: t("evidence.public", self.lang))

    def unattested(self) -> list[tuple[str, Any]]:
        """The facts set aside: valid in the period, no source for any of its days; each with its documents."""
        return self.set_aside("unattested", self._unattested, self.unattested_note)

    def unattested_note(self, ident: str, fact: Any) -> str:
        """"planerat, inte belagt", "senast belagd …", "först belagd …", or why no source ever speaks for it."""
        a = self.s.attestation(ident)
        before, after = a.last_before(self.a), a.first_after(self.b)
        if a.evidence_in(self.a, self.b) == "plan":
            return t("evidence.plan", self.lang)
        if before is not None:
            return t("attested.last", self.lang, date=day_to_iso(before))
        if after is not None:
            return t("attested.first", self.lang, date=day_to_iso(after))
        return t("attested.derived" if getattr(fact, "derived_from", "") else "attested.never", self.lang)

    def set_aside(self, section: str, facts: dict[str, Any], note: Any) -> list[tuple[str, Any]]:
        """A section of facts set aside from the report's own ("public", "unattested"): each with its note and documents."""
        lang, s = self.lang, self.s
        if not facts:
            return []
        items = []
        for ident, fact in facts.items():
            a, when = s.attestation(ident), note(ident, fact)
            documents = self.documents_of(fact.sources)
            said = "; ".join(f"{d['title']} ({d['period_text']})" for d in documents)
            text = f"{fact_text(s, fact, lang)} ({when})" + (f" – {said}" if said else "")
            items.append(self.item(text, fact.sources, facts=[ident]))
            self.data[section].append({"id": ident, "text": fact_text(s, fact, lang), "note": when, "evidence": a.evidence_in(self.a, self.b),
                                       **a.to_json(), "documents": documents, "sources": list(fact.sources)})
        return [("h2", t(f"report.{section}", lang)), ("p", t(f"report.{section}_intro", lang)), ("ul", items)]

    def documents_of(self, source_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The documents behind ``source_ids``, each with the period it (or the passage) speaks for, at its stated precision."""
        out: dict[str, dict[str, Any]] = {}
        for sid in source_ids:
            src = self.s.sources.get(sid)
            if src is None:
                continue
            doc = self.s.documents.get(src.document)
            period = src.period or (doc.period if doc else "")
            key = f"{src.document}|{period}"
            if key not in out:
                out[key] = {"id": src.document, "title": doc.title if doc else src.document, "period": period or None,
                            "period_text": _period_text(period, self.lang)}
        return list(out.values())

    def documents(self) -> list[_Item]:
        by_doc: dict[str, list[str]] = {}
        for sid in dict.fromkeys(self.used_sources):
            src = self.s.sources.get(sid)
            by_doc.setdefault(src.document if src else "?", []).append(sid)
        items = []
        for doc_id, sids in by_doc.items():
            doc = self.s.documents.get(doc_id)
            items.append(_Item(f"{doc.title if doc else doc_id}: {', '.join(sids)}"))
        return items


def _basis_text(basis: str | None, lang: str) -> str | None:
    """What a budget amount is: "enligt ansökan" / "as applied for" …; None when not stated.

    >>> _basis_text("applied", "sv"), _basis_text("applied", "en"), _basis_text("", "sv")
    ('enligt ansökan', 'as applied for', None)
    """
    return t(f"budget.basis.{basis}", lang) if basis else None


def _period_text(period: str, lang: str) -> str:
    """A document's period for people: ``2016 – 2016-06-30``, ``oktober 2016``; "ingen period angiven" when none.

    >>> _period_text("2016/2016-06-30", "sv"), _period_text("2016-10", "sv"), _period_text("", "en")
    ('2016 – 2016-06-30', 'oktober 2016', 'no period stated')
    """
    if not period:
        return t("report.no_period", lang)
    if "/" in period:
        first, last = period.split("/", 1)
        return validity_text(first, last, lang)
    return stated_text(period, lang)


def _amount(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# -- rendering ---------------------------------------------------------------------------
_MD_INLINE = re.compile(r"([\\`*{}\[\]<>!|~$&^]|(?<!\w)_|_(?!\w))")
_MD_LINE_START = re.compile(r"^(\s*)([#>=+\-]|\d+[.)])")
_MD_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def md_text(text: object) -> str:
    """``text`` for a Markdown document, shown literally: no markup, HTML, image or link.

    Escapes with a backslash what Markdown reads anywhere in a line (``\\ ` * { } [ ] < > ! | ~ $ & ^``,
    ``_`` unless inside a word)
    and what starts a block (``#``, ``>``, ``=``, ``+``, ``-``, ``1.``) at the start; puts an invisible
    word joiner (U+2060) in ``://``, after ``www`` and after ``@``, so ``http://…``, ``www.…`` and
    e-mail addresses are no autolinks; joins lines with a space (one item, one line).
    Dates, colons and hyphens inside a line stay readable.

    Examples
    --------
    >>> md_text("![x](http://host/a.png) <b>")
    '\\\\!\\\\[x\\\\](http:\u2060//host/a.png) \\\\<b\\\\>'
    >>> md_text("LSG Trosa-Gnesta 2016-12-31")
    'LSG Trosa-Gnesta 2016-12-31'
    """
    one_line = " ".join(str(text).splitlines())
    escaped = _MD_LINE_START.sub(r"\1\\\2", _MD_INLINE.sub(r"\\\1", one_line))
    return _MD_AUTOLINK.sub(_WORD_JOINER, escaped)


def _render_md(blocks: list[tuple[str, Any]]) -> str:
    lines: list[str] = []
    heads = {"h1": "#", "h2": "##", "h3": "###"}

    def items(entries: list[_Item], depth: int) -> None:
        for e in entries:
            src = f" [{md_text(', '.join(e.sources))}]" if e.sources else ""  # no link: text cannot define one
            lines.append(f"{'  ' * depth}- {md_text(e.text)}{src}")
            items(e.children, depth + 1)

    for kind, value in blocks:
        if kind in heads:
            if lines and lines[-1]:
                lines.append("")
            lines.append(f"{heads[kind]} {md_text(value)}")
            lines.append("")
        elif kind == "p":
            lines += [md_text(value), ""]
        else:
            items(value, 0)
    return "\n".join(lines).rstrip() + "\n"


def _render_html(blocks: list[tuple[str, Any]]) -> str:
    esc = html.escape
    parts = ['<section class="lsgmap-report">']

    def items(entries: list[_Item]) -> str:
        out = ["<ul>"]
        for e in entries:
            src = f' <span class="sources">[{esc(", ".join(e.sources))}]</span>' if e.sources else ""
            kids = items(e.children) if e.children else ""
            out.append(f"<li>{esc(e.text)}{src}{kids}</li>")
        out.append("</ul>")
        return "".join(out)

    for kind, value in blocks:
        if kind in {"h1", "h2", "h3"}:
            parts.append(f"<{kind}>{esc(value)}</{kind}>")
        elif kind == "p":
            parts.append(f"<p>{esc(value)}</p>")
        else:
            parts.append(items(value))
    parts.append("</section>")
    return "\n".join(parts) + "\n"
