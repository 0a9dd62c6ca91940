"""What someone has done, as a report tells it: "Vad gjorde processledaren under oktober–december 2016?".

A report's account of a period is its sentences in the perfect tense whose subject is the one asked about
("Processledaren har även träffat andra …", "… har processledaren deltagit på fem LSG möten", "Processledaren har under
perioden fått följande uppdrag: …"). :func:`work_done` quotes each of them, in the report's order, from the documents
whose period meets the date asked about; a period no report covers is said to be so.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> f = work_done(s, read_question(s, "Vad gjorde processledaren under oktober–december 2016?"))
>>> f.lead.render("sv").count("«"), f.passages[0].text[:40]
(7, 'Därför har processledaren avsatt tid för')
"""

from __future__ import annotations

import re

from lsgmap.ask.english import quoted
from lsgmap.ask.interpretation import EntityName, Finding, Joined
from lsgmap.ask.passages import Passage, document_sentences
from lsgmap.ask.reading import WANTS_YESNO, Reading
from lsgmap.i18n import msg
from lsgmap.model.names import normalise
from lsgmap.vocab import HOLDING

__all__ = ["WORK_CUE", "asks_work_done", "work_done"]

#: "Vad har processledaren gjort", "what did the process leader do", "vad har hon arbetat med".
WORK_CUE = re.compile(
    r"\b(?:gjort|gjorde|uttrattat|utrattat|arbetat med|jobbat med|sysslat med|hallit pa med|genomfort|"
    r"hann (?:\w+ ){1,4}(?:gora|med)|hunnit (?:\w+ ){0,3}(?:gora|med)|get done|got done|"
    r"did (?:\w+ ){1,4}do|done|worked on|been doing|accomplished|achieved)\b"
)
#: A sentence in the perfect tense: what has been done.
_PERFECT = re.compile(r"\b(?:har|hade|has|have|had)\b")


def asks_work_done(structure, reading: Reading) -> bool:
    """A question what a named actor (a role or a person) has done."""
    if not WORK_CUE.search(reading.text) or WANTS_YESNO.search(reading.text) or reading.relation or len(reading.mentions) != 1:
        return False  # "vad har processledaren gjort som rör TRIS": the items that name TRIS, not all of the work
    return _actor(structure, reading) is not None


def _actor(structure, reading: Reading):
    """The first role or person the question names."""
    return next((structure.entities[m.entity_id] for m in reading.mentions if structure.entities[m.entity_id].kind in ("role", "person")), None)


def work_done(structure, reading: Reading) -> Finding:
    """The report's sentences that say what the actor has done, quoted in its order; or that no report covers the time."""
    actor = _actor(structure, reading)
    words = _subject_words(structure, actor)
    lo, hi = reading.date.span if reading.date.source != "default" else (None, None)
    said = [p for p in document_sentences(structure) if _covers(structure, p.document, None, None) and _says_done(p, words)]
    found = [p for p in said if _covers(structure, p.document, lo, hi)]
    name = EntityName(actor)
    if not found:
        reports = ", ".join(dict.fromkeys(p.title for p in said)) or "–"
        return Finding("documents", msg("ask.i_work_done", name=name), msg("ask.work_done_none", name=name, reports=reports), entities=(actor.id,), verdict=True)
    title = found[0].title.split(",")[0]
    items = Joined(tuple(quoted(structure, p.document, p.text, 600) for p in found), "; ")
    return Finding("documents", msg("ask.i_work_done", name=name), msg("ask.work_done", title=title, items=items), entities=(actor.id,),
                   verdict=True, passages=tuple(found[:3]))


def _subject_words(structure, actor) -> set[str]:
    """How a report names the actor as a subject: a role by its definite form ("processledaren" for "Processledare …"),
    a person by name and by the definite form of each role the person holds."""
    if actor.kind == "role":
        first = normalise(actor.name_sv).split()[0] if actor.name_sv else ""
        return {first + "n", first + "en"} if first else set()
    held = [structure.entities[r.to_id] for r in structure.outgoing(actor.id) if r.relation == HOLDING and r.to_id in structure.entities]
    return {normalise(actor.name_sv)} | {w for role in held for w in _subject_words(structure, role)}


def _says_done(p: Passage, words: set[str]) -> bool:
    """A sentence in the perfect tense that names the actor as itself (not "processledarens uppdrag")."""
    text = f" {normalise(p.text.split(':', 1)[0])} "
    return bool(_PERFECT.search(text)) and any(f" {w} " in text for w in words)


def _covers(structure, document: str, lo, hi) -> bool:
    """True when the document reports on a period (its own ``period``) that meets the days asked about (any, when none)."""
    doc = structure.documents.get(document)
    if doc is None or doc.speaks is None:
        return False
    return lo is None or (doc.speaks[0] <= hi and lo <= doc.speaks[1])
