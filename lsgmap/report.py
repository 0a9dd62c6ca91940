"""The half-year status report (lägesrapport) section for a period, from the data.

:func:`period_report` writes, for the days ``start .. end`` (both included):

1. the current projects per LSG, with who steers, owns and funds each;
2. the principals (uppdragsgivare) and the assignments given in the period, and by whom;
3. the changes in the structure in the period, and the decisions taken in the
   period that take effect later (events whose ``decided`` span overlaps the
   period, e.g. the Trosa–Gnesta merger decided in the autumn of 2016);
4. the funding in the period, with the budget lines of the years it touches;
5. the documents behind it all.

Every item ends with its source ids in brackets. Markdown or HTML; HTML escapes
all data text and holds no scripts; Markdown escapes it (:func:`md_text`), so a
name or quote holding Markdown, HTML or a URL shows literally: no image, link or tag.

Examples
--------
>>> from lsgmap.model import load, BUNDLED_DATA
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

from .dates import day_to_iso, ordered_days, period_text
from .diff import diff, event_text
from .errors import InputError
from .i18n import msg, normalise_lang, t
from .vocab import ASSIGNMENT_RELATIONS, RELATION_KINDS, RESPONSIBLE_RELATIONS

if TYPE_CHECKING:  # pragma: no cover
    from .model import Structure
    from .records import Relation

__all__ = ["period_report", "FORMATS"]

FORMATS = ("md", "html")
_SHORT_KINDS = {"project", "association", "funder", "agency"}


@dataclass
class _Item:
    text: str
    sources: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)


def period_report(
    structure: Structure,
    *,
    start: date | str | int,
    end: date | str | int,
    lang: str = "sv",
    fmt: str = "md",
) -> str:
    """The status-report section for the period ``start .. end`` as Markdown (``md``) or HTML.

    Raises :class:`~lsgmap.errors.InputError` for an unknown format or a
    period that ends before it starts.

    >>> from lsgmap.model import load
    >>> html_text = period_report(load(), start="2016-10-13", end="2016-12-31", lang="en", fmt="html")
    >>> html_text.startswith('<section class="lsgmap-report">') and "<script" not in html_text
    True
    """
    if fmt not in FORMATS:
        raise InputError(msg("report.bad_format", value=fmt))
    a, b = ordered_days(start, end)
    blocks = _Writer(structure, a, b, normalise_lang(lang)).blocks()
    return _render_html(blocks) if fmt == "html" else _render_md(blocks)


class _Writer:
    def __init__(self, structure: Structure, a: int, b: int, lang: str):
        self.s, self.a, self.b, self.lang = structure, a, b, lang
        self.used_sources: list[str] = []

    # -- helpers -----------------------------------------------------------------
    def during(self, record: Any) -> bool:
        return record.start <= self.b and record.end >= self.a

    def label(self, ident: str) -> str:
        e = self.s.entities.get(ident)
        if e is None:
            return ident
        return e.short_name if e.kind in _SHORT_KINDS and e.short_name else e.name(self.lang)

    def item(self, text: str, sources: Iterable[str] = (), children: list[_Item] | None = None) -> _Item:
        srcs = list(dict.fromkeys(sources))
        self.used_sources.extend(srcs)
        return _Item(text, srcs, children or [])

    def relations_into(self, ident: str, kinds: set[str]) -> list[Relation]:
        return sorted(
            (r for r in self.s.relations_of(ident) if r.to_id == ident and r.relation in kinds and self.during(r)),
            key=lambda r: (self.label(r.from_id), r.id),
        )

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
        out += [("h2", t("report.sources", lang)), ("ul", self.documents())]
        return out

    def projects(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.projects", lang))]
        lsgs = sorted((e for e in s.entities.values() if e.kind == "lsg" and self.during(e)), key=lambda e: e.name(lang))
        any_project = False
        for lsg in lsgs:
            projects = sorted(
                {
                    r.to_id
                    for r in s.relations_of(lsg.id)
                    if r.from_id == lsg.id and r.relation in RESPONSIBLE_RELATIONS and self.during(r)
                    and s.entities[r.to_id].kind == "project"
                },
                key=self.label,
            )
            if not projects:
                continue
            any_project = True
            items = [self.project_item(p) for p in projects]
            out += [("h3", lsg.name(lang)), ("ul", items)]
        if not any_project:
            out.append(("p", t("report.no_projects", lang)))
        return out

    def project_item(self, project: str) -> _Item:
        lang = self.lang
        parts, sources = [], []
        for key, kinds in (("report.steered_by", {"steers"}), ("report.owned_by", {"owns"}), ("report.funded_by", {"funds"})):
            rels = self.relations_into(project, kinds)
            if rels:
                parts.append(f"{t(key, lang)} {self.names(rels)}")
                sources += [x for r in rels for x in r.sources]
        text = self.label(project) + (f" – {'; '.join(parts)}" if parts else "")
        return self.item(text, sources)

    def assignments(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = []
        commissioned = sorted(
            {r.to_id for r in s.relations.values() if r.relation == "commissions" and self.during(r)}, key=self.label
        )
        if commissioned:
            items = []
            for target in commissioned:
                rels = self.relations_into(target, {"commissions"})
                items.append(self.item(f"{s.name(target, lang)}: {self.names(rels)}", [x for r in rels for x in r.sources]))
            out += [("h2", t("report.principals", lang)), ("ul", items)]
        out.append(("h2", t("report.assignments", lang)))
        given = sorted(
            (e for e in s.entities.values() if e.kind == "assignment" and self.a <= e.start <= self.b),
            key=lambda e: (e.start, e.line),
        )
        items = []
        for e in given:
            by = self.relations_into(e.id, {"assigns"})
            to = [r for r in s.relations_of(e.id) if r.from_id == e.id and r.relation == "assigned_to" and self.during(r)]
            who = self.names(by)
            assignees = {r.to_id for r in to}
            principals = {c.from_id for a in assignees for c in self.relations_into(a, {"commissions"})}
            if len(by) > 1 and principals and {r.from_id for r in by} >= principals:
                who = t("report.all_lsgs", lang)
            text = e.name(lang) + (f" ({who})" if who else "")
            items.append(self.item(text, [*e.sources, *(x for r in by for x in r.sources)]))
        out.append(("ul", items) if items else ("p", t("report.no_assignments", lang)))
        return out

    def changes(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.changes", lang))]
        d = diff(s, start=self.a - 1, end=self.b)
        skip = {e.id for e in s.entities.values() if e.kind == "assignment"}
        skip |= {r.id for r in s.relations.values() if r.relation in ASSIGNMENT_RELATIONS or {r.from_id, r.to_id} & skip}
        items = [self.item(i["text"], i["sources"]) for i in d.change_items(lang) if not set(i["ids"]) <= skip]
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
                children = [  # the relations that move from the originals to the results
                    self.item(c["text"], c["sources"])
                    for c in consequences
                    if e.id not in c["ids"]
                    and any(i in s.relations and {s.relations[i].from_id, s.relations[i].to_id} & results for i in c["ids"])
                ]
                name = e.name(lang) or event_text(s, e, lang)
                text = t("report.decision", lang, name=name, decided=e.decided, date=day_to_iso(e.day))
                items.append(self.item(text, e.sources, children))
            out += [("h2", t("report.decisions", lang)), ("ul", items)]
        return out

    def funding(self) -> list[tuple[str, Any]]:
        lang, s = self.lang, self.s
        out: list[tuple[str, Any]] = [("h2", t("report.funding", lang))]
        years = range(date.fromordinal(self.a).year, date.fromordinal(self.b).year + 1)
        rels = sorted((r for r in s.relations.values() if r.relation == "funds" and self.during(r)), key=lambda r: (self.label(r.from_id), self.label(r.to_id), r.id))
        items = []
        for r in rels:
            span = period_text(day_to_iso(r.start), day_to_iso(r.end))
            text = f"{self.label(r.from_id)} {RELATION_KINDS[r.relation].verb(lang)} {self.label(r.to_id)} ({span})"
            if "share" in r.attributes:
                text += f", {t('report.share', lang, share=r.attributes['share'])}"
            children = []
            for year in years:
                lines = [x for x in s.budget if x.relation == r.id and x.year == year]
                if lines:
                    parts = ", ".join(f"{x.item(lang)} {_amount(x.amount_tkr)}" for x in lines)
                    total = _amount(sum(x.amount_tkr for x in lines))
                    children.append(self.item(t("report.budget_year", lang, year=year, items=parts, total=total), [y for x in lines for y in x.sources]))
            items.append(self.item(text, r.sources, children))
        out.append(("ul", items) if items else ("p", t("report.no_funding", lang)))
        return out

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
