"""When the reader is not sure: concrete readings to choose from, and what the documents say.

A question whose words fit no kind of question the reader knows gets no dump
of everything about a name. It gets "Jag är inte säker på frågan. Menade du:"
with up to three questions the reader does answer, built from the names in it
and the relations they have in the data ("Vem styr TUNA Nyköping/Oxelösund?"),
and the passages of the shipped documents that share most of its words
(:mod:`lsgmap.ask.passages`). A question about what the documents say rather
than who steers what ("Vad gör processledaren för styrgruppen?", "What are the
three areas of the mission?") is answered by those passages, said to be quotes.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> [a.query for a in alternatives(s, read_question(s, "Vad är grejen med TUNA i Nyköping?"))][:2]
['Vem finansierar TUNA?', 'Vem styr TUNA Nyköping/Oxelösund?']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import zip_longest
from typing import Any

from lsgmap.ask.english import Quote, quoted, translate
from lsgmap.ask.interpretation import EntityName, Finding, Joined, Term
from lsgmap.ask.passages import (
    CONFLICTS,
    Passage,
    conflicts_on,
    counted,
    headings_above,
    list_counted,
    list_items,
    listed_item,
    passages,
    says_what_is_asked,
    sections_on,
    stems_of,
)
from lsgmap.ask.reading import (
    QUESTION_WORDS,
    WANTS_YESNO,
    Reading,
    document_filter,
    is_document_word,
    kind_of_word,
    name_alternatives,
    named_documents,
)
from lsgmap.i18n import msg
from lsgmap.model.names import STOPWORDS, find_mentions, normalise
from lsgmap.vocab import ASKABLE_RELATIONS, RELATION_KINDS

__all__ = ["Alternative", "alternatives", "unsure", "documents_say", "said_first", "asks_when_done", "disputed_values", "either_value", "ABOUT_CUE", "DOCUMENT_CUE", "DONE_CUE"]

#: "Berätta om X", "allt om X", "tell me about X": everything about a name is what is asked.
ABOUT_CUE = re.compile(
    r"^\s*(?:beratta om|beratta allt om|allt om|visa allt om|tell me about|everything about|about|om)\b|\bfor nagot\b|^\s*(?:what is|whats) (?:the |a )?\S+\s*$|"
    r"\bvad ar (?:det|den|detta)\b|\bwhat is (?:it|that|this)\b"
)
#: Questions about what the documents say rather than who steers what: tasks, roles, goals, activities, reasons.
DOCUMENT_CUE = re.compile(
    r"\b(?:vad gor|gor processledaren|what does (?:\S+ ){0,4}do|roll\w*|roles?|uppgift\w*|tasks?|omraden|areas?|syfte\w*|purpose|"
    r"mal|malen|malet|goals?|aims?|aktivitet\w*|activities|deltog|deltagit|deltar|attend\w*|participat\w*|varfor|why|utbildning\w*|trainings?|"
    r"vad innebar|what is meant|hur arbetar|how does|klar|done|finished|slutfor\w*|complete\w*|"
    r"kontakt\w*|contacts?|chef\w*|boss|manager|hjalp\w*|help\w*|stod|stodja|support\w*|supposed to|meant to|ska gora|ska gor|"
    r"var pa|var (?:\w+ ){1,2}pa|was at|went to|utlysning\w*|workshop\w*|gjort|gjorde|med pa|var med|varit med|take part|took part|taking part|gora|fardig\w*|go to|goes to|gick pa|gick till|gatt pa|gar pa|stotta\w*|"
    r"seminari\w*|seminars?|vad star det|vad sager|what do(?:es)? the (?:\w+ )?(?:documents?|application|report|sources?) say|"
    r"vad (?:\w+ ){0,4}(?:bestamt|beslutat|bestamde|beslutade)|what (?:\w+ ){0,4}decided|"
    r"vilka delar|delarna|bestar (?:\w+ ){0,3}av|what parts|which parts|consists? of|made up of|components|"
    r"svart|svarigheter?|utmaning\w*|problem\w*|find hard|finds hard|hard|difficult\w*|challeng\w*|fokus\w*|focus\w*)\b"
)
#: Subjects only the documents' text speaks of (no fact holds them): asked about with any verb, "who is responsible for" too.
TOPIC_CUE = re.compile(r"\b(?:seminari\w*|seminars?|uppfoljning\w*|utvardering\w*|folja upp|foljs upp|utvardera\w*|follow ?up|evaluation|evaluating|evaluated|evaluate)\b")
_SHORT = 3
#: "hur många" / "how many", anywhere in the question.
WANTS_COUNT = re.compile(r"\b(?:hur manga|how many|antal|number of|no of)\b")


@dataclass(frozen=True)
class Alternative:
    """A reading of the question the reader does answer: ``query`` is the question to ask, in the language asked in."""

    query: str

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        return {"text": self.query, "query": self.query}


def _questions_about(structure, entity_id: str, lang: str) -> list[str]:
    """Questions the reader answers about one entity, from the relations it has in the data (most asked first)."""
    e = structure.entities[entity_id]
    name = e.short_name if e.short_name and e.kind != "role" else e.name(lang).split(" (")[0]
    incoming = {r.relation for r in structure.incoming(entity_id)}
    outgoing = {r.relation for r in structure.outgoing(entity_id)}
    out = []
    for kind in ASKABLE_RELATIONS:
        rk = RELATION_KINDS[kind]
        if kind in incoming:
            out.append(f"{'Vem' if lang == 'sv' else 'Who'} {rk.verb(lang)} {name}?")
        elif kind in outgoing and rk.inverse(lang).endswith((" av", " by")):
            out.append(f"{'Vad' if lang == 'sv' else 'What'} {rk.inverse(lang)} {name}?")
    out.append(f"Berätta om {name}" if lang == "sv" else f"Tell me about {name}")
    return out


def alternatives(structure, reading: Reading) -> tuple[Alternative, ...]:
    """Up to three questions the reader answers, about the names in the question (the first name first)."""
    per_entity = [_questions_about(structure, eid, reading.lang) for m in reading.mentions for eid in name_alternatives(structure, m)[:2]]
    found: list[str] = []
    for round_ in zip_longest(*per_entity):  # the likeliest question about each meaning first
        found += [q for q in round_ if q and q not in found]
    return tuple(Alternative(q) for q in found[:_SHORT])


def _quoted(found: list[Passage]) -> dict[str, Any]:
    return {"passages": [p.to_json() for p in found]}


def unsure(structure, reading: Reading) -> Finding:
    """Not sure what is asked: say so, offer readings, and quote what the documents say on the question's words."""
    found = passages(structure, reading.text, only=named_documents(structure, reading))
    if _WHO.search(reading.text) and found and not _names_an_actor(structure, found[0].text):  # "vad heter PRIO-samordnaren?": no one named
        return Finding("documents", msg("ask.i_documents"), msg("ask.no_one_named"), entities=tuple(reading.ids), details=_quoted(found),
                       verdict=True, passages=tuple(found), alternatives=alternatives(structure, reading))
    if found and (found[0].score >= CLOSE_ENOUGH or _WHO.search(reading.text)):  # a passage that shares much (or names who): the answer, quoted
        lead, source = _best(found, structure)
        shown = list(dict.fromkeys([source, *found]))[:_SHORT]
        return Finding("documents", msg("ask.i_documents_closest"), lead, entities=tuple(reading.ids), details=_quoted(shown), verdict=True,
                       passages=tuple(shown), alternatives=alternatives(structure, reading))
    notice = msg("ask.unsure")
    return Finding(
        "unsure", msg("ask.unsure_short"), entities=tuple(reading.ids), details=_quoted(found) | {"alternatives": [a.query for a in alternatives(structure, reading)]},
        notice=notice, understood=False, alternatives=alternatives(structure, reading), passages=tuple(found),
    )


def _names_an_actor(structure, text: str) -> bool:
    """True when a passage names someone ("LSG beslutar om …"): a name of the data, or a kind of actor ("LSG")."""
    actors = ("lsg", "association", "agency", "region", "funder", "person")  # not a place ("södra Sörmlands PRIO-samordnare")
    text = text.split(": ", 1)[0]  # a list's lead-in says who; its items are what
    named = any(m.exact and structure.entities[m.entity_id].kind in actors for m in find_mentions(structure, text))
    return named or any(kind_of_word(w) in actors for w in normalise(text).split())


#: How well the best passage must match a question no handler reads for it to be said as the answer (the passage
#: search's score: the question's rarer words in it, weighed; a passage naming two of them scores about 7 and more).
CLOSE_ENOUGH = 7.0

#: "Vem är …", "who is …": a person or an actor is asked for.
_WHO = re.compile(r"^\s*(?:vem|vilka personer|vilken person|who)\b|\b(?:vad heter|whats the name|what is the name|name of)\b")


def _yes_from_a_list(structure, found: list[Passage], reading: Reading):
    """"Ja, enligt Lägesrapport …: «Utlysningssmöte för ESF»" when a listed item is what the yes/no question names;
    "Nej" when a recorded conflict says the document leaves out what the question names ("… saknar Trosa")."""
    names = [normalise(m.text) for m in reading.mentions if m.exact and structure.entities[m.entity_id].kind != "role"]
    def fit(pair) -> int:  # a name of the question in the item first ("ESF"), then the words it shares
        return 10 * sum(f" {n} " in f" {normalise(pair[1])} " for n in names) + len(stems_of(reading.text) & stems_of(pair[1]))
    named = sorted(((p, item) for p in found if (item := listed_item(p, reading.question))), key=lambda x: -fit(x))
    if named:  # the item that shares most with the question ("the ESF call meeting": «Utlysningssmöte för ESF»)
        return msg("ask.documents_yes", title=named[0][0].title.split(",")[0], item=quoted(structure, named[0][0].document, named[0][1])), named[0][0]
    missing = _notes_leaving_out(structure, found, reading)
    if not missing:
        return _not_listed(structure, found, reading)
    # "ingår Trosa i mål 1?" — no; "is Trosa missing from goal 1?" — yes: the same note, asked the other way round
    return msg("ask.documents_missing" if _ASKS_MISSING.search(reading.text) else "ask.documents_no", quote=quoted(structure, CONFLICTS, missing[0].text)), missing[0]


def _notes_leaving_out(structure, found: list[Passage], reading: Reading) -> list[Passage]:
    """The recorded notes that say a passage leaves out what the question names ("… saknar Trosa"), or anything when
    the question asks for all ("does goal 1 name all four?")."""
    every = bool(_EVERY.search(reading.text))
    notes = [p for p in found[:_SHORT] if p.document == CONFLICTS] + (conflicts_on(structure, found[0]) if found else [])
    return [p for p in notes if set(reading.tokens) & _left_out(p.text) or every and _left_out(p.text)]


def _not_listed(structure, found: list[Passage], reading: Reading):
    """"Det framgår inte …" when the best passage is a list of what was done and no item is what the question names:
    the list is said, so that the reader sees what is there instead ("deltog hon i en workshop om TUNA?")."""
    top = next((p for p in found[:1] if p.document != CONFLICTS and list_items(p) and ACTIVITY_WORDS.search(normalise(p.text.split(":")[0]))), None)
    if top is None:
        return None, None
    return msg("ask.documents_not_listed", title=top.title.split(",")[0], quote=quoted(structure, top.document, top.text)), top


#: The lead-in of a list of what was done ("… har under perioden bland annat deltagit på:").
ACTIVITY_WORDS = re.compile(r"\b(?:deltagit|deltog|traffat|besokt|genomfort|taken part|attended|met)\b")


#: A yes/no question whether every one of something is there ("alla fyra", "all four", "samtliga", "both").
_EVERY = re.compile(r"\b(?:alla|samtliga|varje|bada|all|every|each|both)\b")
#: A yes/no question whether something is left out ("saknas Trosa …?", "is Trosa missing …?").
_ASKS_MISSING = re.compile(r"\b(?:saknas|saknar|fattas|utelamnad\w*|missing|left out|omitted|lacks?|not (?:in|included|mentioned))\b")


#: What a recorded conflict says a document leaves out: "saknar Trosa", "leaves out Trosa", "nämner inte TRIS".
_LEFT_OUT = re.compile(r"\b(?:saknar|saknas|namner inte|leaves out|omits|does not mention|not mentioned)\s+(\w+)")


def _left_out(text: str) -> set[str]:
    """The words a conflict says are left out ("saknar Trosa" → {"trosa"})."""
    return {m.group(1) for m in _LEFT_OUT.finditer(normalise(text))}


#: "Var strukturen klar vid årsskiftet?": whether something was finished by a date.
DONE_CUE = re.compile(r"\b(?:klar\w*|fardig\w*|slutford\w*|avslutad\w*|done|finished|completed?|ready|hann|hunnit|skickat?s? in|lamnat?s? in|submitted|sent in|"
                      r"fick (?:\w+ ){0,3}(?:pengar|medel|bidrag)|got (?:\w+ ){0,2}(?:money|funding|funds))\b")
#: "Är Ungdomens hus igång?": whether a piece of work has started (asked of an assignment: no source says so).
RUNNING_CUE = re.compile(r"\b(?:igang|kommit igang|startat?s?|startad\w*|started|running|underway|up and running|pagar|begun|blev det(?: nagot| nagon| nagra| ett| en)?|did (?:\w+ ){0,3}(?:happen|come about))\b")
#: A passage that says something is still to be finished ("kommer att slutföras under början av 2017").
_TO_BE_DONE = re.compile(r"\b(?:kommer att|ska|skall|will be|is to be)\s+(?:\w+\s+)?(?:slutforas|avslutas|bli klar\w*|vara klar\w*|completed|finished)\b[^.]*")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _done_by(structure, found: list[Passage], reading: Reading):
    """"Nej, enligt Lägesrapport …: «… slutföras under början av 2017»" when the passage the question points at says the
    work is still to be finished after the date asked about; no verdict when no passage says so."""
    for p in found[:_SHORT]:
        for piece in _pieces(p.text):  # the sentence that says so, not the start of a long list around it
            later = _TO_BE_DONE.search(normalise(piece))
            if later is None:
                continue
            years = [int(y) for y in _YEAR.findall(later.group(0))]
            if reading.date.source == "default":  # "Blev strukturen färdig?", no time asked: a plan says when, not that it was
                return Joined((msg("ask.when_done_unknown"), msg("ask.documents_best", title=p.title.split(",")[0],
                                                                  quote=quoted(structure, p.document, piece, 160))), " "), p
            if not years or min(years) > reading.date.last.year:
                return msg("ask.documents_not_done", title=p.title.split(",")[0], quote=quoted(structure, p.document, piece, 160)), p
    if found and found[0].document != CONFLICTS:  # no passage says it was done, nor when it will be: not stated, and what is said
        items, source = _items_naming(structure, found, reading)
        unknown = msg("ask.started_unknown" if RUNNING_CUE.search(reading.text) else "ask.done_unknown")
        if items is not None:
            return Joined((unknown, items), " "), source
        best = found[0]
        return msg("ask.documents_done_unknown", title=best.title.split(",")[0], quote=quoted(structure, best.document, best.text)), best
    return None, None


#: "När ska … vara klart?", "when will … be finished?"
_WHEN = re.compile(r"^\s*(?:nar|when|till nar|by when)\b")


def _when_done(structure, found: list[Passage], reading: Reading):
    """"Enligt Lägesrapport …: «Detta kommer att slutföras under början av 2017.»": the passage that says when it is to be done."""
    for p in found[:_SHORT]:
        piece = next((x for x in _pieces(p.text) if _TO_BE_DONE.search(normalise(x))), None)
        if piece is not None:
            said = msg("ask.documents_best", title=p.title.split(",")[0], quote=quoted(structure, p.document, piece, 200))
            if _WAS_DONE.search(reading.text):  # "När blev strukturen färdig?": a plan says when it is to be, not that it was
                said = Joined((msg("ask.when_done_unknown"), said), " ")
            return said, p
    return None, None


#: "När blev … klar", "when was … finished": when it was done, which a plan does not say.
_WAS_DONE = re.compile(r"^\s*(?:nar|when)\s+(?:blev|var|vart|hade|har|was|were|did|has|had|got)\b")


def _pieces(text: str) -> list[str]:
    """A passage's sentences and list items ("…; Detta kommer att slutföras under början av 2017.")."""
    return [x.strip() for x in re.split(r"(?<=[.!?;])\s+", text) if x.strip()]


def _best(found: list[Passage], structure=None):
    """"Enligt Ansökan …: «…»": the best passage, a document's own sentence before lsgmap's note on a conflict unless
    the note answers much better."""
    top = found[0]
    said = [p for p in found[:_LOOK] if not _only_a_heading(p.text)] or found  # «B. Inhämtning …» alone says nothing yet
    top = top if not _only_a_heading(top.text) else next((p for p in said if p.score >= 0.5 * top.score), top)
    own = next((p for p in [top, *found[:_SHORT]] if p.document != CONFLICTS and p.score >= 0.7 * top.score and not _only_a_heading(p.text)), top)
    quote = quoted(structure, own.document, own.text) if structure is not None else Quote(own.text)
    if own.document == CONFLICTS:
        return msg("ask.documents_note", quote=quote), own
    under = headings_above(structure, own) if structure is not None else ()
    if under:  # "Utarbeta och föreslå …": whose task, said by the headings it stands under
        headings = Joined(tuple(Quote(h, translate(structure, own.document, h), bare=True) for h in under), " › ")
        return msg("ask.documents_best_under", title=own.title.split(",")[0], under=headings, quote=quote), own
    return msg("ask.documents_best", title=own.title.split(",")[0], quote=quote), own


def _only_a_heading(text: str) -> bool:
    """A line of a few words that ends no sentence ("B. Inhämtning samt spridning av kunskap", "Administrativt stöd och struktur")."""
    return len(text.split()) <= 8 and not text.rstrip().endswith((".", ":", "?", "!", ")")) and ":" not in text


#: "hur många utbildningar, träffar och möten", "how many trainings, meetings and events": several things counted together.
_SEVERAL_COUNTED = re.compile(r"\b(?:hur många|how many)\s+[\w-]+,\s+\w+")


def _count_from(structure, found: list[Passage], reading: Reading):
    """"3, enligt Ansökan …: «Processledarens uppdrag delas in i tre områden:»" for a "hur många" the data's facts do not count."""
    listed = [(p, n) for p in found[:_COUNT_LOOK] if (n := list_counted(p, reading.text))]  # the items of a list it names
    numbers = [(p, n) for p in found[:_COUNT_LOOK] if (n := counted(p, reading.text))]
    if _SEVERAL_COUNTED.search(reading.question.lower()) and listed:  # "hur många utbildningar, träffar och möten": a list, not one number
        numbers = listed
    numbers = numbers or listed
    if not numbers:
        return None, None
    p, n = numbers[0]
    return msg("ask.documents_count", count=n, title=p.title.split(",")[0], quote=quoted(structure, p.document, p.text, 160)), p


def _items_naming(structure, found: list[Passage], reading: Reading):
    """"Enligt Lägesrapport …: «Grundutbildning i TRIS»; «Arbetsförmedlingens metoddag i TRIS»": the items of a listed
    passage that name an entity of the question other than the list's own subject ("vad har processledaren gjort som rör TRIS")."""
    words = {normalise(w) for m in reading.mentions if m.exact for e in [structure.entities[m.entity_id]] for w in (e.short_name, m.text) if w}
    rare = _rare_words(reading)
    top = _best_quote(found)
    better: list[str] = []  # the passages above, as words
    for p in [p for p in found if p.score >= 0.5 * top]:  # a passage far below the best is not where the answer is
        if items := _named_items(p, words, rare):
            if _said_better(items, words, better):
                break  # a better passage names what the items name ("the TRIS days" over "Grundutbildning i TRIS")
            return msg("ask.documents_items", title=p.title.split(",")[0], items=Joined(tuple(quoted(structure, p.document, i) for i in items), "; ")), p
        if p.document != CONFLICTS:
            better.append(f" {normalise(p.text)} ")
    return None, None


def _said_better(items: list[str], words: set[str], better: list[str]) -> bool:
    """True when a passage ranked above the items' list names every name the items name."""
    used = {w for w in words if any(f" {w} " in f" {normalise(i)} " for i in items)}
    return bool(used) and any(all(f" {w} " in text for w in used) for text in better)


def _named_items(p: Passage, words: set[str], rare: set[str]) -> list[str]:
    """The items of a listed passage that name one of ``words`` (else a rare word of the question), not counting the
    list's own subject ("Processledaren har … deltagit på": the list's subject names no item)."""
    lead_in = f" {normalise(p.text.split(':', 1)[0])} "
    named = {w for w in words if f" {w} " not in lead_in}
    every = list_items(p)
    return [item for item in every if any(f" {w} " in f" {normalise(item)} " for w in named)] or _rare_items(every, rare, lead_in)


def _rare_items(every: list[str], rare: set[str], lead_in: str) -> list[str]:
    """"Vad står det om Hälsoskolan": the items of a list of three or more that hold a word of the question few items have."""
    words = [w for w in rare if f" {w}" not in lead_in]
    items = [item for item in every if any(f" {w}" in f" {normalise(item)}" for w in words)]
    if all(re.match(r"[A-ZÅÄÖ]\. ", item) for item in every):
        return []  # "A. Administrativt stöd; B. …": the names of sections, not what was done; the section itself answers
    return items if len(every) >= 3 and len(items) <= len(every) // 3 else []


def _rare_words(reading: Reading) -> set[str]:
    """The question's long words outside names, question words and the documents' own names ("halsoskolan")."""
    named = {i for m in reading.mentions for i in range(m.start, m.end)}
    return {t for i, t in enumerate(reading.tokens)
            if i not in named and len(t) >= 6 and t not in STOPWORDS and t not in QUESTION_WORDS and not is_document_word(t)}


#: How many passages a listed answer is looked for in (three are shown).
_LOOK = 30
#: How many of the best passages a number is looked for in.
_COUNT_LOOK = 8


def _searched(structure, reading: Reading) -> list[Passage]:
    """The passages a documents answer looks in: the document the question names; "hur ofta skrivs lägesrapporten?" names
    the report, but the application says it: the others too when they answer far better. "Enligt ansökan" asks what that
    document says, and no other."""
    only = named_documents(structure, reading)
    wider = passages(structure, reading.text, only=only, limit=_LOOK)
    if only and not document_filter(structure, reading)[0]:
        every = passages(structure, reading.text, limit=_LOOK)
        if every and _best_quote(wider) < 0.6 * _best_quote(every):  # the documents' own words, not lsgmap's notes, weighed
            return every
        if every and wider and not says_what_is_asked(reading.text, wider[0].text) and says_what_is_asked(reading.text, every[0].text):
            return every  # "hur ofta skrivs lägesrapporterna": the application says how often, the report does not
    return wider


def _best_quote(found: list[Passage]) -> float:
    """The score of the best passage that is a document's own words (not a recorded conflict), or 0."""
    return next((p.score for p in found if p.document != CONFLICTS), 0.0)


def documents_say(structure, reading: Reading, found: list[Passage] | None = None) -> Finding:
    """What the documents say on a question no fact answers (tasks, roles, goals, activities): the best passages (or
    ``found``), as quotes; first the listed item a yes/no question names, or the items that name what a list question names."""
    wider = _searched(structure, reading) if found is None else found
    if not wider:
        return unsure(structure, reading)
    lead, source = _answering(structure, reading)(structure, wider, reading)
    if lead is None:  # no count, item or verdict: the passage that answers best is said as the answer
        lead, source = _best(wider, structure)
    found = list(dict.fromkeys([source, *wider] if source else wider))[:_SHORT]
    found[1:1] = [c for c in conflicts_on(structure, found[0]) if all(c.text != p.text for p in found)]  # "… och Gnesta": Trosa is left out
    return Finding(
        "documents", msg("ask.i_documents"), lead, entities=tuple(reading.ids), details=_quoted(found), verdict=lead is not None,
        passages=tuple(found), alternatives=alternatives(structure, reading),
    )


def _answering(structure, reading: Reading):
    """How the passages answer the question: a count, a yes or no, whether it was done, that a result or what a word
    means is not stated, or the listed items that name what it names."""
    if WANTS_YESNO.search(reading.text) and (DONE_CUE.search(reading.text) or RUNNING_CUE.search(reading.text)):
        return _done_by
    if asks_when_done(reading):
        return _when_done
    if RESULT_CUE.search(reading.text) and not named_documents(structure, reading):
        return _content_not_said
    if _WHAT_IS.match(reading.text) and not reading.mentions:
        return _only_named
    return _count_from if WANTS_COUNT.search(reading.text) else _yes_from_a_list if WANTS_YESNO.search(reading.text) else _items_naming


#: What a thing found or holds: "vad kom utvärderingen fram till", "what did the evaluation conclude", "vad står det i planen".
RESULT_CUE = re.compile(
    r"\b(?:kom\w* (?:\w+ ){0,6}fram till|slutsats\w*|resultat\w*|visade|innehall\w*|innehaller|vad star det i|"
    r"conclu\w*|findings?|results?|outcomes?|found out|contents?|contains?|what does (?:\w+ ){1,4}say)\b"
)


def _content_not_said(structure, found: list[Passage], reading: Reading):
    """"Det framgår inte vad … : källorna nämner bara «Utvärderingen av funktionen processledare»": a thing the documents
    only name (a listed item, an assignment), asked what it found or holds."""
    items = [(p, item) for p in found[:_SHORT] if p.document != CONFLICTS and (item := _item_named(structure, p, reading.text))]
    named = [EntityName(structure.entities[m.entity_id]) for m in reading.mentions if structure.entities[m.entity_id].kind == "assignment"]
    if items:
        p, item = items[0]
        said = msg("ask.content_not_said", quote=quoted(structure, p.document, item), title=p.title.split(",")[0])
        section = next(iter(sections_on(structure, item)), None)
        if section is not None:  # "Uppföljning och utvärdering: Planeras i samråd med RAR …": what is said of it instead
            said = Joined((said, msg("ask.documents_best", title=section.title.split(",")[0], quote=quoted(structure, section.document, section.text))), " ")
        return said, p
    if named and found:
        return msg("ask.content_not_said_name", name=named[0]), found[0]
    return None, None


def _item_named(structure, p: Passage, question: str) -> str | None:
    """The item of a listed passage the question names by two of its words, in Swedish or in the item's English."""
    wanted = stems_of(question)
    scored = [(len(wanted & (stems_of(item) | stems_of(translate(structure, p.document, item)))), item) for item in list_items(p)]
    best = max(scored, default=(0, None), key=lambda x: x[0])
    return best[1] if best[0] >= 2 else listed_item(p, question)


#: "Vad är PRIO?", "what is PRIO": what a word the data has no entity for is.
_WHAT_IS = re.compile(r"^\s*(?:vad ar|vad innebar|what is|what are|whats)\s+(?:en |ett |a |an |the )?(\w[\w -]{1,40}?)(?<! for)\s*$")


def _only_named(structure, found: list[Passage], reading: Reading):
    """"Vad PRIO är framgår inte av källorna; de nämner det bara: «…»": a word the documents use but never explain."""
    words = [w for w in _WHAT_IS.match(reading.text).group(1).split() if len(w) >= 3]
    holding = [p for p in found[:_SHORT] if p.document != CONFLICTS and _holds(p.text, words)]
    if not holding or any(_explains(p.text, words) for p in holding):
        return None, None  # no passage names it, or one says what it is: that passage answers
    top = holding[0]
    items = [i for i in (list_items(top) or [top.text]) if _holds(i, words)] or [top.text]
    shown = Joined(tuple(quoted(structure, top.document, i) for i in items), "; ")
    term = next((w for w in reading.question.replace("?", " ").split() if normalise(w) == words[0]), words[0])
    return msg("ask.term_not_explained", term=term, quote=shown, title=top.title.split(",")[0]), top


def _holds(text: str, words: list[str]) -> bool:
    """True when every word is in the text (and there is a word)."""
    return bool(words) and all(w in normalise(text) for w in words)


def _explains(text: str, words: list[str]) -> bool:
    """True when a passage says what a word is ("PRIO är …", "IBIS betyder …")."""
    return any(re.search(rf"\b{re.escape(w)}\w*\s+(?:ar|betyder|innebar|star for|is|means)\b", normalise(text)) for w in words)


#: "fyra eller fem", "four or five", "juli eller oktober": two values the question weighs.
_EITHER = re.compile(r"\b(\w+) (?:eller|or) (\w+)\b")
#: A value two sources may disagree on: a number (as a word too), a year, a month.
_VALUE = re.compile(
    r"\d+|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october"
)


def disputed_values(structure, reading: Reading) -> list:
    """The recorded conflicts that name both values a question weighs ("Är processledaren knuten till fyra eller fem
    LSG?": the four of the application, the five of the status report)."""
    found = []
    for m in _EITHER.finditer(reading.text):
        a, b = m.group(1), m.group(2)
        if a == b or not (_VALUE.fullmatch(a) and _VALUE.fullmatch(b)):
            continue  # "owner or steering group": two words, not two values
        found += [c for c in structure.conflicts for text in [f" {normalise(c.topic_sv)} {normalise(c.topic_en)} "]
                  if f" {a} " in text and f" {b} " in text and c not in found]
    return found


def either_value(structure, reading: Reading) -> Finding:
    """"Källorna säger olika: …" first, when the question weighs two values the sources disagree on, then the quotes."""
    conflicts = disputed_values(structure, reading)
    lead = Joined(tuple(msg("ask.when_disagree", topic=Term(c, "topic"), id=c.id) for c in conflicts), "\n")
    found = _searched(structure, reading)
    return Finding("documents", msg("ask.i_documents"), lead, entities=tuple(reading.ids), details=_quoted(found[:_SHORT]), verdict=True,
                   passages=tuple(found[:_SHORT]))


def said_first(found: Finding, message, *, keep_quote: bool = True) -> Finding:
    """A documents finding with ``message`` said before its lead ("Det framgår inte: källorna namnger inga nya. Enligt
    Ansökan …: «…»"), as the verdict; without the quote when ``keep_quote`` is false or there is none."""
    lead = Joined((message, found.lead), " ") if keep_quote and found.lead is not None else message
    return replace(found, lead=lead, verdict=True)


def asks_when_done(reading: Reading) -> bool:
    """"När ska … vara klart?", "when will … be finished?": when a piece of work is to be done."""
    return bool(_WHEN.match(reading.text)) and bool(DONE_CUE.search(reading.text))
