"""Fråga's answer as a meeting reads it: what a source speaks for on the day first, then what is valid but unattested,
then what the sources disagree on; each item one line (who, relation, dates, evidence kind, document short name).

No Streamlit here: :mod:`lsgmap.app.fraga` draws these lines, the quotes and notes folded under each.

>>> from lsgmap.dataset.load import load
>>> from lsgmap.ask.answer import ask
>>> s = load()
>>> groups = group_answers(ask(s, "Vem styr TUNA?", on="2016-11-15"))
>>> [a.id for a in groups.attested], [a.id for a in groups.unattested][:1], len(groups.conflicts) > 0
(['lsg_nykoping_oxelosund'], ['lsg_nykoping'], True)
>>> item_line(s, groups.attested[0], "sv")
'LSG Nyköping-Oxelösund — styr · inga datum i källan · dokument: Lägesrapport (2016-12)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lsgmap.ask.interpretation import validity
from lsgmap.ask.text import item_label
from lsgmap.i18n import t
from lsgmap.vocab import ASSIGNS

__all__ = ["AnswerGroups", "document_short", "evidence_words", "given_by", "group_answers", "item_line"]

#: where a document's title stops being its name ("Lägesrapport avseende …", "Lag (2003:1210) om …", "…, period …")
_TITLE_END = re.compile(r",| avseende | om | för | – | - ")
#: a short name's most characters (cut at a word)
SHORT_CHARS = 32


@dataclass(frozen=True)
class AnswerGroups:
    """The answer's items in the order a meeting reads them, and the recorded conflicts they rest on."""

    attested: list = field(default_factory=list)
    unattested: list = field(default_factory=list)
    conflicts: list[dict[str, str]] = field(default_factory=list)


def group_answers(answer) -> AnswerGroups:
    """Attested on the day first, then valid but unattested (each in the reader's order), then the conflicts."""
    items = list(answer.answers)
    return AnswerGroups(
        attested=[a for a in items if a.attested],
        unattested=[a for a in items if not a.attested],
        conflicts=list(answer.open_points()),
    )


def document_short(structure, document_id: str) -> str:
    """A document's short name: its title up to where it starts to describe itself, and its date.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> document_short(s, "lagesrapport_2016"), document_short(s, "ansokan_gnot"), document_short(s, "finsam")
    ('Lägesrapport (2016-12)', 'Ansökan (2016)', 'Lag (2003:1210) (2003)')
    >>> document_short(s, "no such document")
    'no such document'
    """
    doc = structure.documents.get(document_id) if structure is not None else None
    if doc is None:
        return document_id
    name = _TITLE_END.split(doc.title, maxsplit=1)[0].strip() or doc.title
    if len(name) > SHORT_CHARS:
        name = name[:SHORT_CHARS].rsplit(" ", 1)[0] + " …"
    return f"{name} ({doc.date})" if doc.date else name


def evidence_words(structure, a, lang: str) -> str:
    """What the item's sources are as evidence, in words ("dokument", "offentlig källa", "plan"), each once."""
    kinds = [a.evidence] if a.attested and a.evidence else []
    if structure is not None:
        kinds += [structure.sources[c["id"]].evidence for c in a.sources if c.get("id") in structure.sources]
    return ", ".join(t(f"app.ask.evidence.{k}", lang) for k in dict.fromkeys(kinds) if k)


def item_line(structure, a, lang: str) -> str:
    """One line: who — relation · dates · evidence kind: the documents' short names (plain text, not markup)."""
    parts = [item_label(structure, a, lang)] if a.relation else []
    parts.append(validity(a.valid_from, a.valid_to).render(lang))
    documents = "; ".join(dict.fromkeys(document_short(structure, c.get("document", "")) for c in a.sources if c.get("document")))
    evidence = evidence_words(structure, a, lang)
    if evidence or documents:
        parts.append(f"{evidence}: {documents}" if evidence and documents else evidence or documents)
    else:
        parts.append(t("ask.no_sources", lang).lower())
    return f"{a.name(lang)} — " + " · ".join(p for p in parts if p)


def given_by(structure, a, lang: str) -> str:
    """For an assignment, every group that gave it ("Ges av: LSG Nyköping, LSG Trosa"); "" otherwise.

    >>> from lsgmap.dataset.load import load
    >>> s = load()
    >>> from lsgmap.ask.answer import ask
    >>> lines = [given_by(s, a, "sv") for a in ask(s, "Vem ger uppdrag till processledaren i november 2016?").answers]
    >>> any(line.startswith("Ges av: LSG") for line in lines)
    True
    """
    if structure is None or a.kind != "assignment":
        return ""
    names = sorted(structure.entities[r.from_id].name(lang) for r in structure.incoming(a.id) if r.relation == ASSIGNS)
    return t("ask.given_by", lang, names=", ".join(names)) if names else ""
