"""The status report for a period as a Word document (``lsgmap report --format docx``).

The same content as :func:`lsgmap.time.report.report_data`, in the order a lägesrapport has:
the period; the principals; the assignments per LSG; the projects per LSG with who steers,
owns and funds them; the changes in the structure and the decisions taken; the funding;
then the facts valid in the period that no source speaks for (and those only a public page
speaks for); then the open points (the recorded conflicts that touch what the report says);
and last the sources. Headings are Word headings (Title, Heading 1, Heading 2), lists are
Word tables, and each fact's sources are bracketed short names (``[Lägesrapport 2016-12]``)
listed with their quotes under "Källor". Data text is set as text, never as a field or markup.

>>> import io, docx
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> d = docx.Document(io.BytesIO(report_docx(load(BUNDLED_DATA), start="2016-10-13", end="2016-12-31")))
>>> d.paragraphs[0].style.name, d.paragraphs[0].text
('Title', 'Lägesrapport: underlag för perioden 2016-10-13 – 2016-12-31')
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lsgmap.dates import Day, ordered_days
from lsgmap.i18n import normalise_lang, t
from lsgmap.time.diff import short_title
from lsgmap.time.report import _Writer
from lsgmap.vocab import FUNDING, OWNERSHIP, STEERING

if TYPE_CHECKING:  # pragma: no cover
    from lsgmap.model.structure import Structure

__all__ = ["report_docx", "short_names"]

#: characters Word's XML cannot hold (control characters other than tab and line breaks)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: Any) -> str:
    return _NOT_XML.sub("", str(text))


def short_names(structure: Structure, document_ids: Iterable[str]) -> dict[str, str]:
    """A short name per document, told apart by its date when two would read the same.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> short_names(load(BUNDLED_DATA), ["lagesrapport_2016", "ansokan_gnot"])
    {'lagesrapport_2016': 'Lägesrapport 2016-12', 'ansokan_gnot': 'Ansökan 2016'}
    """
    out: dict[str, str] = {}
    for doc_id in dict.fromkeys(document_ids):
        doc = structure.documents.get(doc_id)
        if doc is None:
            out[doc_id] = doc_id
            continue
        base = short_title(doc.title) if doc.title else doc_id
        out[doc_id] = f"{base.split()[0]} {doc.date}" if doc.date else base
    for doc_id, name in list(out.items()):
        if list(out.values()).count(name) > 1:
            out[doc_id] = f"{name} – {doc_id}"
    return out


class _Docx:
    def __init__(self, structure: Structure, writer: _Writer, lang: str):
        import docx  # python-docx, loaded only here

        self.s, self.w, self.lang = structure, writer, lang
        self.doc = docx.Document()
        self.cited: list[str] = []
        used = [self.s.sources[x].document for x in self._all_sources() if x in self.s.sources]
        self.names = short_names(structure, used)

    def _all_sources(self) -> list[str]:
        d = self.w.data
        found: list[str] = []
        for lsg in d["lsgs"]:
            for p in lsg["projects"]:
                found += p["sources"]
        for section in ("principals", "assignments", "events", "funding", "public", "unattested"):
            for item in d[section]:
                found += item.get("sources", [])
        return found

    # -- pieces ---------------------------------------------------------------------
    def cite(self, source_ids: Iterable[str]) -> str:
        """``[Lägesrapport 2016-12; Ansökan 2016]`` for the documents behind ``source_ids`` (remembered for the list at the end)."""
        names = []
        for sid in source_ids:
            src = self.s.sources.get(sid)
            self.cited.append(sid)
            names.append(self.names.get(src.document, src.document) if src else sid)
        names = list(dict.fromkeys(names))
        return f"[{'; '.join(names)}]" if names else ""

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(_clean(text), level=level)

    def para(self, text: str, style: str | None = None) -> None:
        self.doc.add_paragraph(_clean(text), style=style)

    def bullet(self, text: str, sources: Iterable[str] = ()) -> None:
        ref = self.cite(sources)
        self.para(f"{text} {ref}".strip(), "List Bullet")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = _clean(text)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = _clean(text)

    def name(self, ident: str) -> str:
        return self.w.label(ident)

    # -- the report --------------------------------------------------------------------
    def build(self) -> bytes:
        lang, d = self.lang, self.w.data
        self.doc.add_heading(_clean(t("report.title", lang, start=d["from"], end=d["to"])), level=0)
        self.para(t("report.docx.period", lang, start=d["from"], end=d["to"]))
        self.para(t("report.generated", lang))
        self.principals()
        self.assignments()
        self.projects()
        self.changes()
        self.funding()
        self.set_aside("public")
        self.set_aside("unattested")
        self.open_points()
        self.sources()
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

    def principals(self) -> None:
        lang = self.lang
        self.heading(t("report.principals", lang), 1)
        rows = [[p["name"], ", ".join(self.name(x) for x in p["principals"]), self.cite(p["sources"])] for p in self.w.data["principals"]]
        if rows:
            self.table([t("report.docx.commissioned", lang), t("report.docx.principals", lang), t("report.sources", lang)], rows)
        else:
            self.para(t("report.docx.none", lang))

    def assignments(self) -> None:
        lang = self.lang
        self.heading(t("report.assignments", lang), 1)
        given = self.w.data["assignments"]
        if not given:
            self.para(t("report.no_assignments", lang))
            return
        by_lsg: dict[str, list[dict]] = {}
        for a in given:
            for lsg in a["given_by"] or [""]:
                by_lsg.setdefault(lsg, []).append(a)
        for lsg in sorted(by_lsg, key=lambda x: self.name(x) if x else "~"):
            self.heading(self.name(lsg) if lsg else t("report.docx.unknown_giver", lang), 2)
            rows = [[a["name"], ", ".join(self.name(x) for x in a["assigned_to"]), self.cite(a["sources"])] for a in by_lsg[lsg]]
            self.table([t("report.docx.assignment", lang), t("report.docx.assigned_to", lang), t("report.sources", lang)], rows)

    def projects(self) -> None:
        lang = self.lang
        self.heading(t("report.projects", lang), 1)
        if not self.w.data["lsgs"]:
            self.para(t("report.no_projects", lang))
        for lsg in self.w.data["lsgs"]:
            self.heading(lsg["name"], 2)
            rows, seen = [], set()
            for p in lsg["projects"]:
                if p["id"] in seen:
                    continue
                seen.add(p["id"])
                named = {(k, x) for k in ("steered_by", "owned_by", "funded_by") for x in p.get(k, [])}
                kinds = {"steered_by": STEERING, "owned_by": OWNERSHIP, "funded_by": FUNDING}
                rels = [r for r in self.s.incoming(p["id"]) if any(r.relation == kinds[k] and r.from_id == x for k, x in named)]
                sources = self.w.said([r for r in rels if self.w.during(r)])  # the passages that speak for the period, as the Markdown report cites them
                rows.append([self.name(p["id"]), *(", ".join(self.name(x) for x in p.get(k, [])) for k in ("steered_by", "owned_by", "funded_by")),
                             self.cite(sources)])
            self.table([t("report.docx.project", lang), t("report.steered_by", lang).capitalize(), t("report.owned_by", lang).capitalize(),
                        t("report.funded_by", lang).capitalize(), t("report.sources", lang)], rows)

    def changes(self) -> None:
        lang = self.lang
        self.heading(t("report.changes", lang), 1)
        changes = [e for e in self.w.data["events"] if e["kind"] == "change"]
        for e in changes:
            self.bullet(e["text"], e["sources"])
        if not changes:
            self.para(t("report.no_changes", lang))
        decisions = [e for e in self.w.data["events"] if e["kind"] == "decision"]
        if decisions:
            self.heading(t("report.decisions", lang), 2)
            for e in decisions:
                self.bullet(e["text"], e["sources"])
                for c in e.get("consequences", []):
                    self.para(f"{c['text']} {self.cite(c['sources'])}".strip(), "List Bullet 2")

    def funding(self) -> None:
        lang = self.lang
        self.heading(t("report.funding", lang), 1)
        rows = []
        for f in self.w.data["funding"]:
            budget = "; ".join(f"{b['year']}: {b['total_tkr']:g} tkr" + (f" ({b['basis_text']})" if b.get("basis_text") else "") for b in f["budget"])
            said = f"”{f['as_stated']}”" if f.get("as_stated") else ""
            plan = t("evidence.plan", lang) if f["evidence"] == "plan" else ""
            rows.append([self.name(f["funder"]), self.name(f["target"]), f["validity"], budget, "; ".join(x for x in (said, plan) if x),
                         self.cite(f["sources"])])
        if rows:
            self.table([t("report.docx.funder", lang), t("report.docx.funded", lang), t("report.docx.validity", lang), t("report.docx.budget", lang),
                        t("report.docx.remark", lang), t("report.sources", lang)], rows)
        else:
            self.para(t("report.no_funding", lang))

    def set_aside(self, section: str) -> None:
        items = self.w.data[section]
        if not items:
            return
        lang = self.lang
        self.heading(t(f"report.{section}", lang), 1)
        self.para(t(f"report.{section}_intro", lang))
        rows = [[i["text"], i["note"], "; ".join(f"{x['title']} ({x['period_text']})" for x in i["documents"]), self.cite(i["sources"])] for i in items]
        self.table([t("report.docx.fact", lang), t("report.docx.remark", lang), t("report.docx.documents", lang), t("report.sources", lang)], rows)

    def fact_ids(self) -> list[str]:
        d, ids = self.w.data, []
        for lsg in d["lsgs"]:
            ids += [p["id"] for p in lsg["projects"]] + [p["relation_id"] for p in lsg["projects"]]
        ids += [a["id"] for a in d["assignments"]] + [f["id"] for f in d["funding"]] + [u["id"] for u in d["unattested"]] + [p["id"] for p in d["public"]]
        ids += [p["id"] for p in d["principals"]] + [e["id"] for e in d["events"] if e.get("id")]
        return list(dict.fromkeys(ids))

    def open_points(self) -> None:
        lang = self.lang
        self.heading(t("report.docx.open_points", lang), 1)
        conflicts = self.s.conflicts_of_all(self.fact_ids())
        for c in conflicts:
            self.bullet(c.topic(lang), c.sources)
        if not conflicts:
            self.para(t("report.docx.no_open_points", lang))

    def sources(self) -> None:
        lang = self.lang
        self.heading(t("report.sources", lang), 1)
        by_doc: dict[str, list[str]] = {}
        for sid in dict.fromkeys(self.cited):
            src = self.s.sources.get(sid)
            if src is not None:
                by_doc.setdefault(src.document, []).append(sid)
        names = short_names(self.s, by_doc)
        self.names.update(names)
        for doc_id, sids in by_doc.items():
            doc = self.s.documents.get(doc_id)
            period = f" ({doc.period})" if doc and doc.period else ""
            self.para(f"[{names[doc_id]}] {doc.title if doc else doc_id}{period}")
            for sid in sids:
                src = self.s.sources[sid]
                where = f" ({src.locator})" if src.locator else ""
                self.para(f"{sid}{where}: ”{src.quote}”", "List Bullet")


def report_docx(structure: Structure, *, start: Day, end: Day, lang: str = "sv") -> bytes:
    """The status report for ``start .. end`` as the bytes of a ``.docx`` file."""
    a, b = ordered_days(start, end)
    writer = _Writer(structure, a, b, normalise_lang(lang))
    writer.blocks()
    return _Docx(structure, writer, normalise_lang(lang)).build()
