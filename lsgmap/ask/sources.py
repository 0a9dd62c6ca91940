"""Which sources speak of a thing: "Finns det någon offentlig källa om IPS-Slussen?", "What sources are there on TRIS?".

The answer is the thing's own sources, by kind: the documents the dataset ships (the application, the status report)
and public pages. Asked whether a public source exists, it says yes or no first.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> sources_answer(s, read_question(s, "Finns det någon offentlig källa om IPS-Slussen?")).lead.render("sv")[:38]
'Nej: ingen offentlig källa i datan tal'
"""

from __future__ import annotations

import re

from lsgmap.ask.interpretation import EntityName, Finding, Joined
from lsgmap.ask.reading import WANTS_YESNO, Reading
from lsgmap.i18n import msg

__all__ = ["SOURCES_CUE", "asks_for_sources", "sources_answer"]

#: A question for the sources themselves: "offentlig källa om …", "what sources …", "which public pages …".
SOURCES_CUE = re.compile(r"\b(?:offentlig\w* (?:kall\w*|sid\w*)|public (?:sources?|pages?)|vilka kallor|what sources|which sources|"
                         r"kall(?:a|or|orna) (?:om|for|till)|sources? (?:on|for|about))\b")
#: Asked of public sources only ("offentlig källa", "public page").
_PUBLIC = re.compile(r"\b(?:offentlig\w*|public)\b")


def asks_for_sources(structure, reading: Reading) -> bool:
    """A question for the sources on one named thing."""
    return bool(SOURCES_CUE.search(reading.text)) and len(reading.mentions) >= 1


def sources_answer(structure, reading: Reading) -> Finding:
    """The named thing's sources by document, public pages said as such; "Nej: ingen offentlig källa …" first when a
    yes/no asks for a public one and there is none."""
    entity = structure.entities[reading.mentions[0].entity_id]
    documents = [structure.documents[structure.sources[i].document] for i in entity.sources
                 if i in structure.sources and structure.sources[i].document in structure.documents]
    public = list(dict.fromkeys(d.title for d in documents if d.kind == "public"))
    own = list(dict.fromkeys(d.title.split(",")[0] for d in documents if d.kind != "public"))
    name = EntityName(entity)
    lines = [msg("ask.sources_public", name=name, titles="; ".join(public) or "–"), msg("ask.sources_documents", name=name, titles="; ".join(own) or "–")]
    if _PUBLIC.search(reading.text) and WANTS_YESNO.search(reading.text):  # "Finns det någon offentlig källa om …?"
        lines.insert(0, msg("ask.sources_public_yes" if public else "ask.sources_public_no", name=name))
    return Finding("sources", msg("ask.i_sources", name=name), Joined(tuple(lines), "\n"), entities=(entity.id,), verdict=True)
