"""Questions about a recorded attribute: "Är tjänsten en heltidstjänst?", "Hur ofta rapporterar processledaren till RAR?".

An attribute (``full_time=ja`` on the post, ``frequency=halvårsvis`` on its reporting line, ``esf_share=67 %`` on IBIS)
is a fact with the sources of what holds it. The answer says the value as recorded, where it is recorded and its
sources; a yes/no question gets yes or no first ("Nej" to "deltid?" when the post is recorded as full-time).

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> fact_attribute(s, read_question(s, "Hur ofta ska processledaren rapportera till RAR?"))
('r074', 'frequency', False)
>>> attribute_answer(s, read_question(s, "Är processledartjänsten en deltidstjänst?")).lead.render("sv")
'Nej.'
"""

from __future__ import annotations

import re
from functools import lru_cache

from lsgmap.ask.compose import WANTS_YESNO
from lsgmap.ask.interpretation import EntityName, Finding, Joined, Term
from lsgmap.ask.reading import Reading, name_alternatives
from lsgmap.i18n import msg
from lsgmap.model.names import normalise
from lsgmap.vocab import ENTITY_KINDS, FACT_ATTRIBUTES, RELATION_KINDS, VALUE_WORDS

__all__ = ["fact_attribute", "attribute_answer", "recorded_attributes", "definition"]


def _asked(text: str) -> list[tuple[str, bool]]:
    """(attribute key, asks the opposite) for every attribute a cue in ``text`` asks for."""
    padded = f" {text}"

    def says(words: tuple[str, ...]) -> bool:
        return any(w in padded for w in words)

    return [(key, says(opposite)) for key, cues, opposite in _cue_words() if says(opposite) or says(cues)]


@lru_cache(maxsize=1)
def _cue_words() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(key, " cue", " opposite") of every recorded attribute, normalised once."""
    return tuple((a.key, tuple(f" {normalise(w)}" for w in a.cues), tuple(f" {normalise(w)}" for w in a.opposite)) for a in FACT_ATTRIBUTES)


def _holders(structure, reading: Reading) -> list[str]:
    """Ids that may hold the attribute, likeliest first: relations between two named entities, the named entities,
    the relations of a named entity; when nothing is named, the relations whose kind the question names ("hur ofta
    rapporteras det?"), never whatever holds the attribute ("how often are the seminars held" is not the reporting)."""
    named = [set(name_alternatives(structure, m)) for m in reading.mentions]
    every = set().union(*named)
    between = [r.id for i in every for r in structure.outgoing(i) if len(named) >= 2 and any(r.to_id in n for n in named)]
    around = [r.id for i in every for r in (*structure.outgoing(i), *structure.incoming(i)) if _said(r, reading.text)]
    if named:
        return [*between, *_meanings(reading), *around]
    return [r.id for r in structure.relations.values() if (cue := RELATION_KINDS[r.relation].cue) is not None and cue.search(reading.text)]


def _said(relation, text: str) -> bool:
    """A relation of a named entity holds what is asked only when the question says its verb: "how often does the
    process leader report" is the reporting line, "how often does she propose activity plans" is not."""
    kind = RELATION_KINDS[relation.relation]
    stems = {w[:6] for verb in (kind.verb_sv, kind.verb_en) for w in normalise(verb).split()[:1] if len(w) >= 5}  # "lämna lägesrapport": "rappor"
    return kind.cue is None or bool(kind.cue.search(text)) or any(stem in text for stem in stems)


def _meanings(reading: Reading) -> list[str]:
    """Each name's likeliest meaning first, then its others ("Trosa": the municipality after LSG Trosa)."""
    return [m.entity_ids[0] for m in reading.mentions] + [i for m in reading.mentions for i in m.entity_ids[1:]]


def fact_attribute(structure, reading: Reading) -> tuple[str, str, bool] | None:
    """(the entity or relation holding it, the attribute, asks the opposite) for a question about a recorded attribute."""
    named = {a.key for a in FACT_ATTRIBUTES if a.needs_name}
    asked = [(key, opposite) for key, opposite in _asked(reading.text) if reading.mentions or key not in named]
    if not asked:
        return None
    found = []
    for holder in _holders(structure, reading):
        record = structure.entities.get(holder) or structure.relations.get(holder)
        found += [(holder, key, opposite) for key, opposite in asked if record is not None and key in recorded(record)]
    if len(found) > 1 and reading.relation and re.match(r"\s*(?:vem|vilka|who|which)\b", reading.text):
        return None  # "Who funds RAR, and in what shares?": every funder, each with its share, not the first one's
    return found[0] if found else None


def _either(text: str, key: str) -> bool:
    """The question names the attribute and its opposite ("heltid eller deltid?", "full-time or part-time?").

    >>> _either("ar processledaren pa heltid eller deltid", "full_time"), _either("ar det en deltidstjanst", "full_time")
    (True, False)
    """
    padded = f" {text}"
    a = next(a for a in FACT_ATTRIBUTES if a.key == key)
    return bool(a.opposite) and any(f" {normalise(w)}" in padded for w in a.cues) and any(f" {normalise(w)}" in padded for w in a.opposite)


def _holder_name(structure, holder: str):
    if holder in structure.entities:
        return EntityName(structure.entities[holder])
    r = structure.relations[holder]
    parts = (EntityName(structure.entities[r.from_id]), Term(RELATION_KINDS[r.relation], "verb", lower=True), EntityName(structure.entities[r.to_id]))
    return Joined(parts, " ")


def attribute_answer(structure, reading: Reading) -> Finding:
    """The attribute's recorded value, its holder and sources; yes or no first for a yes/no question about a yes/no value."""
    holder, key, opposite = fact_attribute(structure, reading)
    record = structure.entities.get(holder) or structure.relations[holder]
    raw = recorded(record)[key]
    what = Term(next(a for a in FACT_ATTRIBUTES if a.key == key), "label")
    name = _holder_name(structure, holder)
    yes = raw.strip().lower() in ("ja", "yes", "true", "1")
    lead = None
    if _either(reading.text, key):  # "heltid eller deltid?": the value is the answer, not a yes or a no
        lead = msg("ask.attribute_either_yes" if yes else "ask.attribute_either_no", what=what)
    elif WANTS_YESNO.search(reading.text) and raw.strip().lower() in ("ja", "nej", "yes", "no", "true", "false", "1", "0"):
        lead = msg("ask.attribute_yes" if yes != opposite else "ask.attribute_no")
    said = saying(structure, record.sources, raw)
    notice = msg("ask.attribute", what=what, name=name, value=_Value(raw), sources=", ".join(said))
    if _only_public(structure, said):  # "67 %": a web page, not the documents
        notice = Joined((notice, msg("ask.attribute_public")), " ")
    return Finding(
        "attribute", msg("ask.i_attribute", what=what, name=name), lead, entities=tuple(i for i in (holder,) if i in structure.entities),
        details={"attribute": key, "holder": holder, "value": raw, "sources": list(record.sources)}, verdict=lead is not None, notice=notice,
    )


def recorded(record) -> dict[str, str]:
    """A record's attributes and identifiers ("kommunkod=0488"), as the values a question may ask for."""
    return {**record.attributes, **(getattr(record, "identifiers", None) or {})}


def _only_public(structure, sources) -> bool:
    """Whether every source of a value is a public page (not a shipped document)."""
    return bool(sources) and all(i in structure.sources and structure.sources[i].evidence == "public" for i in sources)


class _Value:
    """A recorded value in the language shown ("halvårsvis" / "every half year")."""

    def __init__(self, raw: str):
        self.raw = raw

    def render(self, lang: str = "sv") -> str:
        return VALUE_WORDS.get(self.raw.strip().lower(), self.raw) if lang == "en" else self.raw


def recorded_attributes(structure, entity_id: str):
    """Every askable attribute recorded on an entity, one line each ("heltidstjänst: ja"), or None."""
    record = structure.entities[entity_id]
    lines = tuple(
        msg("ask.attribute", what=Term(a, "label"), name=EntityName(record), value=_Value(record.attributes[a.key]),
            sources=", ".join(saying(structure, record.sources, record.attributes[a.key])))
        for a in FACT_ATTRIBUTES if a.key in record.attributes
    )
    return Joined(lines, "\n") if lines else None


def definition(structure, entity_id: str, only: tuple[str, ...] = ()):
    """What an entity is, as its own sources say: its name and kind, then each source's passage ("Vad är IBIS?").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> print(definition(load(BUNDLED_DATA), "ibis").render("en"))  # doctest: +ELLIPSIS
    IBIS – Integration Building in Sörmland (project), as its sources say (in Swedish): «IBIS är ett ESF-projekt ...» (summary, not a quote; public source, not the documents) [pub_ibis]; «I Nyköping är ... länsprojekt IBIS, en hälsoverksamhet för invandrare.» [an_nykoping]
    """
    record = structure.entities[entity_id]
    sources = [i for i in record.sources if i in structure.sources and structure.sources[i].document in only] or list(record.sources)  # "enligt ansökan"
    ordered = sorted((i for i in sources if i in structure.sources and (structure.sources[i].quote or "").strip()),
                     key=lambda i: _says_what(record, structure.sources[i].quote))
    quotes = [_quote_of(structure, i) for i in ordered]
    if not quotes:
        return None
    kind = ENTITY_KINDS.get(record.kind)
    key = "ask.definition" if any(_describes(record, structure.sources[i].quote) for i in record.sources if i in structure.sources) else "ask.definition_none"
    return msg(key, name=EntityName(record, full=True), kind=Term(kind, "label", lower=True) if kind else record.kind, quotes=Joined(tuple(quotes), "; "))


def _quote_of(structure, source_id: str) -> Joined:
    """"«…» (sammanfattning, inte citat; offentlig källa, inte dokumenten) [pub_ibis]": a source's passage and what it is."""
    source = structure.sources[source_id]
    public = source.document in structure.documents and structure.documents[source.document].kind == "public"
    marks = tuple(m for m in (msg("source.paraphrase") if source.form == "paraphrase" else None, msg("ask.public_source") if public else None) if m)
    return Joined((f"«{source.quote.strip()}»", *((" (", Joined(marks, "; "), ")") if marks else ()), f" [{source_id}]"), "")


def _says_what(record, quote: str) -> int:
    """0 for a passage that says what the entity is ("Processledare är en heltidstjänst …"), 1 for one that says more than
    its name, 2 for one that only names it (a title, a budget heading): the order a definition quotes them in."""
    if not _describes(record, quote):
        return 2
    return 0 if re.search(r"\b(?:är|is|are)\b", quote or "") else 1


def _describes(record, quote: str) -> bool:
    """Whether a passage says more than the name ("Innovation 100 dagar (LSG Nyköping-Oxelösund)" only names it): four
    words or more besides the entity's names and what stands in brackets.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> _describes(s.entities["innovation_100"], "Presentationen av Innovation 100 dagar"), _describes(s.entities["ibis"], s.sources["an_nykoping"].quote)
    (False, True)
    """
    text = normalise(re.sub(r"\([^)]*\)", " ", quote or ""))
    for name in sorted({record.name_sv, record.name_en, record.short_name, *record.aliases} - {""}, key=len, reverse=True):
        text = text.replace(normalise(name), " ")
    return len([w for w in text.split() if len(w) > 2]) >= 4


def saying(structure, sources, value: str) -> tuple[str, ...]:
    """The sources whose passage says a number the value has ("67 %": the page that says 67, not the application that
    names the project); all of them when the value has no number or none says it.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> saying(load(BUNDLED_DATA), ("pub_ibis", "an_nykoping"), "67 %")
    ('pub_ibis',)
    """
    numbers = re.findall(r"\d+", value or "")
    said = tuple(i for i in sources if i in structure.sources and numbers and all(n in (structure.sources[i].quote or "") for n in numbers))
    return said or tuple(sources)
