"""An answer in words for people: the answers with dates and sources, the amounts, the chains.

Used by :meth:`lsgmap.ask.answer.Answer.text`; everything is rendered in the language asked for when shown.
"""

from __future__ import annotations

from typing import Any

from lsgmap.ask.english import Quote, translate
from lsgmap.ask.interpretation import validity
from lsgmap.i18n import UI, t
from lsgmap.model import queries
from lsgmap.model.records import flag_working_name
from lsgmap.vocab import ASSIGNS, EVENT_KINDS, RELATION_KINDS

__all__ = ["alternative_lines", "answer_line", "answer_notes", "amount_lines", "basis_text", "item_label", "passage_lines", "path_lines"]


def _cite_text(sources) -> str:
    parts = []
    for c in sources:
        quote = c.get("quote", "")
        if len(quote) > 90:
            quote = quote[:87] + "…"
        parts.append(f"{c.get('title', c.get('document', ''))}: \"{quote}\" [{c['id']}]")
    return "; ".join(parts)


def item_label(structure, a: queries.AnswerItem, lang: str) -> str:
    """The relation's verb ("styr"), or the event kind and the event's name for an answer through an event."""
    if a.relation in RELATION_KINDS:
        return RELATION_KINDS[a.relation].verb(lang)
    if a.relation in EVENT_KINDS and structure is not None and a.relation_id in structure.events:
        return f"{EVENT_KINDS[a.relation].label(lang).lower()}: {structure.events[a.relation_id].name(lang)}"
    return a.relation


def shown_name(structure, a: queries.AnswerItem, lang: str, *, share: bool = True) -> str:
    """An answer's name, marked when it is lsgmap's working name and no source's ("LSG Trosa-Gnesta (arbetsnamn)"), with
    the share its relation states ("Försäkringskassan (50 %)")."""
    name = flag_working_name(a.name(lang), structure.entities.get(a.id) if structure is not None else None, lang, short=True)
    relation = structure.relations.get(a.relation_id) if structure is not None and share else None
    stated = relation.attributes.get("share") if relation is not None else None
    return f"{name} ({stated})" if stated else name


def answer_line(structure, a: queries.AnswerItem, lang: str, *, conflicts: bool = True) -> str:
    """"  • LSG Nyköping (lsg_nykoping) — styr, oktober 2016 – 2018-12-31 [r033]", its sources and its notes on the next lines."""
    when = validity(a.valid_from, a.valid_to).render(lang)
    head = f"  • {shown_name(structure, a, lang)} ({a.id})"
    if a.relation:
        head += f" — {item_label(structure, a, lang)}, {when}"
        if a.relation_ids:
            head += f" [{', '.join(a.relation_ids)}]"
    else:
        head += f" — {when}"
    src = _cite_text(a.sources)
    lines = [head, *_givers(structure, a, lang), "      " + (t("ask.sources", lang) + ": " + src if src else t("ask.no_sources", lang))]
    lines.extend("      " + note for note in answer_notes(a, lang, conflicts=conflicts))
    return "\n".join(lines)


def _givers(structure, a: queries.AnswerItem, lang: str) -> list[str]:
    """For an assignment: every group that gave it ("Ges av: LSG Nyköping, LSG Trosa"), so a shared one says so."""
    if structure is None or a.kind != "assignment":
        return []
    names = sorted(structure.entities[r.from_id].name(lang) for r in structure.incoming(a.id) if r.relation == ASSIGNS)
    return ["      " + t("ask.given_by", lang, names=", ".join(names))] if names else []


def answer_notes(a: queries.AnswerItem, lang: str, *, conflicts: bool = True) -> list[str]:
    """The short lines under an answer: no source for the date asked about (and the nearest attested date), each recorded
    conflict (or, with ``conflicts=False``, only its id: the text stands once above the answers)."""
    notes = [f"({note})"] if (note := a.note(lang)) else []
    if conflicts:
        notes.extend(t("ask.conflict", lang, text=c["text"]) for c in a.conflict_texts(lang))
    elif a.conflicts:
        notes.append(t("ask.conflict_ids", lang, ids=", ".join(c.id for c in a.conflicts)))
    return notes


def basis_text(basis: str, lang: str) -> str:
    """What an amount is: "enligt ansökan" / "as applied for", "beviljat", "utfall"; or that it is not stated.

    >>> basis_text("applied", "sv"), basis_text("applied", "en"), basis_text("", "sv")
    ('enligt ansökan', 'as applied for', 'ej angivet om beloppet är ansökt, beviljat eller utfall')
    """
    key = f"budget.basis.{basis}"
    return t(key, lang) if basis and key in UI else t("ask.basis_none", lang)


def amount_lines(amounts: dict[str, Any], lang: str) -> list[str]:
    """The total first (with the basis when all lines share it), the sum per year, then one line per budget line with its basis."""
    if not amounts["lines"]:
        return [t("ask.amount_none", lang)]
    bases = {line["basis"] for line in amounts["lines"]}
    common = f" ({basis_text(bases.pop(), lang)})" if len(bases) == 1 else ""
    out = [t("ask.amount_total", lang, total=f"{amounts['total']:g}") + common]  # the answer first, then how it adds up
    per_item: dict[str, float] = {}
    for line in amounts["lines"]:
        name = line["item_en"] if lang == "en" else line["item_sv"]
        per_item[name] = per_item.get(name, 0.0) + line["amount_tkr"]
    shown = [f"{name} {total:g} tkr" for name, total in per_item.items()] if 1 < len(per_item) <= 6 else list(per_item)
    out.append("  " + t("ask.amount_items", lang, count=len(per_item), items="; ".join(shown)))  # each item's sum over the years
    out += ["  " + t("ask.amount_year", lang, year=year, total=f"{total:g}") + common for year, total in amounts["by_year"].items()]
    for line in amounts["lines"]:
        item = line["item_en"] if lang == "en" else line["item_sv"]
        ids = "; ".join([line["id"], ", ".join(c["id"] for c in line["sources"])])
        out.append(f"  • {line['year']} {item}: {line['amount_tkr']:g} tkr, {basis_text(line['basis'], lang)}  [{ids}]")
    return out


def path_lines(structure, paths: list[queries.Path], lang: str, max_paths: int) -> list[str]:
    """The chains, at most ``max_paths`` of them, each with its relation ids."""
    if not paths:
        return []
    out = [t("ask.paths_header", lang, count=len(paths))]
    for p in paths[:max_paths]:
        out.append("  " + p.text(structure, lang) + "  [" + ", ".join(s.relation_id for s in p.steps) + "]")
    if len(paths) > max_paths:
        out.append("  " + t("ask.more_paths", lang, count=len(paths) - max_paths))
    return out


def passage_lines(passages, lang: str, structure=None) -> list[str]:
    """What the documents say, each passage quoted with its document and line; in English, its English first when the
    documents' English copies have it."""
    if not passages:
        return []
    def where(p) -> str:
        title = t("ask.recorded_conflict", lang) if p.document == "conflicts.csv" else p.title.split(",")[0].split(" (")[0]
        return f"{title}, {t('ask.line', lang)} {p.line}"

    def shown(p) -> str:
        english = translate(structure, p.document, p.text) if lang == "en" and structure is not None else ""
        return Quote(p.text, english).render(lang)

    return [t("ask.passages_header", lang), *(f"  {shown(p)} [{where(p)}]" for p in passages)]


def alternative_lines(alternatives, lang: str) -> list[str]:
    """"Menade du:" and the readings, lettered (a), (b), (c)."""
    if not alternatives:
        return []
    return [t("ask.did_you_mean_header", lang), *(f"  ({chr(97 + i)}) {a.query}" for i, a in enumerate(alternatives))]
