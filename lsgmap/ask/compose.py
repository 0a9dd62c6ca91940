"""From a read question to a :class:`~lsgmap.ask.query.Query`: each part of the question adds a constraint.

Recognisers, in order: what is wanted (a list, "hur många", a yes/no question
that opens with a verb), the kind asked for (a kind noun outside the names:
"uppdrag", "de lokala samverkansgrupperna", "kommuner"), the document the facts
must come from ("enligt ansökan", "in the status report"), a place ("i Nyköping",
"i södra Sörmland"), and one constraint per remaining name: through the
relation the question's verb names, or any relation that links the name to
the kind asked for. A name that has no such link is tried as the other
entities its words may mean (Gnesta kommun → LSG Gnesta); one that still has
none is left out and said ("inte använt").

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> q = compose(s, read_question(s, "Vilka uppdrag kom från LSG Trosa?"))
>>> q.kind, [c.to_json() for c in q.constraints]
('assignment', [{'subject': 'lsg_trosa', 'relations': ['assigns'], 'object': '?'}])
>>> compose(s, read_question(s, "Vilka projekt hade LSG Nyköping enligt lägesrapporten?")).documents
('lagesrapport_2016',)
"""

from __future__ import annotations

import re
from dataclasses import replace

from lsgmap.ask.query import ANY, KIND, Constraint, Query, evaluate, linked
from lsgmap.ask.reading import (
    WANTS_YESNO,
    Reading,
    document_filter,
    kind_of_word,
    name_alternatives,
    name_word_owners,
    named_documents,
    names_a_role,
    topic_word,
)
from lsgmap.ask.relations import direction
from lsgmap.model.names import Mention, normalise
from lsgmap.vocab import ASSIGNS, COMMISSION, COVERAGE, FUNDING, HOLDING, OWNERSHIP, PART_OF, STEERING

__all__ = ["counts_something_else", "place_mentions", "compose", "name_alternatives", "named_documents", "kind_nouns", "document_filter", "WANTS_YESNO", "WANTS_COUNT"]

ASSIGNMENT_KIND, FUNDER_KIND = "assignment", "funder"
#: "hur många" / "how many".
WANTS_COUNT = re.compile(r"(?:^|\b(?:ansokan|application|lagesrapporten|report|rapporten)\s+)(?:hur manga|how many)\b")  # also after "enligt ansökan,"
#: Words that ask for the giver of an assignment ("Vem ville ha …", "Who asked for …").
_GIVER_CUE = re.compile(
    r"\b(?:ville ha|bad|bestallde|efterfragade|kom fran|gav|ger|gett|givit|fick|wanted|asked for|ask for|asks for|ask(?:ed|s)? (?:\w+ ){1,3}for|requested|came from|"
    r"gave|give|gives|given|got)\b"
)
#: Prepositions that make a municipality or an area a place ("i Nyköping", "in Oxelösund").
_PLACE_PREP = frozenset({"i", "in", "inom", "within"})
def kind_nouns(reading: Reading) -> list[tuple[int, str]]:
    """(token index, kind) of each kind noun outside the names ("kommuner", "LSG:erna", "projekten").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> kind_nouns(read_question(s, "Vilka är de lokala samverkansgrupperna i södra Sörmland?"))
    [(4, 'lsg')]
    """
    named = {i for m in reading.mentions for i in range(m.start, m.end)}
    found = []
    for i, token in enumerate(reading.tokens):
        if i in named or names_a_role(reading.tokens, i):
            continue
        kind = kind_of_word(token)
        if kind:
            found.append((i, kind))
    return found


def _place(structure, reading: Reading, kind: str | None) -> tuple[Mention | None, tuple[str, ...]]:
    """The mention that names a place ("i Nyköping", "i södra Sörmland") and the municipalities it stands for: with a
    kind asked for ("Vilka insatser i Nyköping?"), or after another name ("Vem styr TRIS i Gnesta?")."""
    for m in place_mentions(structure, reading, kind):
        e = structure.entities[m.entity_id]
        if e.kind == "municipality":
            return m, (e.id, *_and_places(structure, reading, m))  # "i Gnesta och Trosa": both places
        return m, tuple(r.to_id for r in structure.outgoing(e.id) if r.relation == COVERAGE)
    return None, ()


def _and_places(structure, reading: Reading, first: Mention) -> tuple[str, ...]:
    """The municipalities named right after a place with "och"/"and" ("i Gnesta och Trosa" → Trosa)."""
    out, end = [], first.end
    for m in reading.mentions:
        gap = list(reading.tokens[end : m.start])  # "och", "och i", "and in"
        place = next((i for i in m.entity_ids if structure.entities[i].kind == "municipality"), None)
        if gap and gap[0] in ("och", "and", "samt") and gap[1:] in ([], ["i"], ["in"]) and place:
            out.append(place)
            end = m.end
    return tuple(out)


def _place_names(structure, reading: Reading, place_mention: Mention | None) -> tuple[Mention, ...]:
    """The mentions that are the place: the first and those joined to it by "och"/"and"."""
    if place_mention is None:
        return ()
    joined = set(_and_places(structure, reading, place_mention))
    return (place_mention, *(m for m in reading.mentions if joined & set(m.entity_ids) and m.start > place_mention.start))


#: "ingår i", "är en del av", "part of" just before a name: the name is a whole, not a place.
_PART_OF_BEFORE = re.compile(r"\b(?:ingar|ingick|ingatt|del|delar|part|parts|member|members|medlem|medlemmar)\s+(?:i|av|of|in)$")


def place_mentions(structure, reading: Reading, kind: str | None = None) -> list[Mention]:
    """Names of a municipality or an area after "i"/"in" that stand for a place, not for what is asked about."""
    found = []
    if reading.relation == HOLDING:  # "Vem är processledare för LSG i södra Sörmland?": the post's name, not a place
        return found
    for i, m in enumerate(reading.mentions):
        e = structure.entities[m.entity_id]
        if m.start == 0 or reading.tokens[m.start - 1] not in _PLACE_PREP or e.kind == kind or _parts_asked(structure, reading, m, kind):
            continue  # "vilka LSG ingår i LSG GNOT", "de lokala samverkansgrupperna i LSG GNOT": its parts, not what works there
        others = [x for x in reading.mentions if x is not m]
        if e.kind in ("municipality", "lsg_group") and (kind is not None or (others and i > 0)) or e.kind == "lsg" and kind is not None:
            found.append(m)
    return found


def _parts_asked(structure, reading: Reading, m: Mention, kind: str | None) -> bool:
    """True when the whole's parts are asked for: "ingår i", "part of" before its name, or the whole named as a group
    ("LSG GNOT", not "södra Sörmland") whose parts are of the kind asked for."""
    has_parts = kind is not None and any(r.relation == PART_OF and structure.entities[r.from_id].kind == kind for r in structure.incoming(m.entity_id))
    if _PART_OF_BEFORE.search(" ".join(reading.tokens[max(0, m.start - 3): m.start])):
        return has_parts or kind is None  # "vilka kommuner ingår i LSG GNOT": no municipality is a part; the ones it covers
    named = normalise(structure.entities[m.entity_id].short_name or "") == m.text or "lsg" in m.text.split()
    return named and has_parts


def _tries(reading: Reading, mention: Mention, eid: str, relations: frozenset[str]) -> list[Constraint]:
    """The constraints a name may add, in order: the verb's way, the other way, then (without a verb) any relation."""
    tried = []
    if relations:
        way, _ = direction(reading.tokens, reading.verb_pos, mention)
        forward, backward = Constraint(eid, relations, ANY), Constraint(ANY, relations, eid)
        tried += [backward, forward] if way == "holders" else [forward, backward]
    if not reading.relation_kinds:
        tried.append(Constraint(ANY, frozenset(), eid))
    return tried


def _relations_asked(structure, reading: Reading, mention: Mention) -> frozenset[str]:
    """The relations the question's verb names; "who commissioned the presentation …" of an assignment: who gave it."""
    relations = reading.relation_kinds or (frozenset({ASSIGNS}) if _GIVER_CUE.search(reading.text) else frozenset())
    if relations == {COMMISSION} and structure.entities[mention.entity_id].kind == ASSIGNMENT_KIND:
        return frozenset({ASSIGNS})
    return relations


def _constraint(structure, reading: Reading, mention: Mention, kind: str | None, span, documents) -> Constraint | None:
    """The constraint a name adds: through the question's verb, else through any relation that links it to the kind asked for.

    A verb of the question is kept even when it finds nothing ("no" is an answer); without one, the first of the
    name's possible meanings with a link to the kind asked for.
    """
    lo, hi = span[0].toordinal(), span[1].toordinal()
    relations = _relations_asked(structure, reading, mention)
    tried = [c for eid in name_alternatives(structure, mention) for c in _tries(reading, mention, eid, relations)]
    for c in tried:
        if any(kind is None or structure.entities[x].kind == kind for x in linked(structure, c, lo, hi, documents)):
            return c
    if relations == {OWNERSHIP}:
        tried = _steered_first(structure, tried, lo, hi, documents)
    return tried[0] if reading.relation_kinds and tried else None


def _steered_first(structure, tried: list[Constraint], lo: int, hi: int, documents) -> list[Constraint]:
    """No owner recorded: the meanings of the name that someone steers first ("TUNA" → TUNA Nyköping/Oxelösund)."""
    steered = [c for c in tried if linked(structure, replace(c, relations=frozenset({STEERING})), lo, hi, documents)]
    return steered + [c for c in tried if c not in steered]


#: Things counted that are no kind of entity: "Hur många LSG-möten …" asks the documents, not the LSGs.
_NOT_KINDS = frozenset("moten mote meetings meeting ganger times dagar days timmar hours deltagare participants mal malen goals omraden areas manader months".split())


def counts_something_else(reading: Reading) -> bool:
    """A "hur många" question whose counted noun names no kind ("LSG-möten", "budgetposter")."""
    if not WANTS_COUNT.search(reading.text):
        return False
    after = reading.tokens[2:5]
    return any(t in _NOT_KINDS for t in after)


def _groups_of_places(structure, reading: Reading, kind: str | None, place_mention) -> tuple[Mention, ...]:
    """The LSGs of the places when the question asks what "LSG i Trosa" holds ("vad är LSG i Trosa styrgrupp för?", "… i
    Gnesta och Trosa"): each place's mention naming the group covering it on the day asked; () when that is not asked."""
    places = _place_names(structure, reading, place_mention)
    if kind != "lsg" or not places or not reading.relation_kinds or len(reading.mentions) != len(places):
        return ()
    if not reading.text.startswith(("vad", "what", "vilka", "which")):
        return ()
    groups = [_group_of(structure, reading, m) for m in places]
    return tuple(replace(m, entity_ids=(g,)) for m, g in zip(places, groups, strict=True)) if all(groups) else ()


def _group_of(structure, reading: Reading, place: Mention) -> str | None:
    """The LSG a place's name stands for, one alive on the day asked first."""
    lo, hi = reading.date.first.toordinal(), reading.date.last.toordinal()
    groups = [g for g in name_alternatives(structure, place) if structure.entities[g].kind == "lsg"]
    alive = [g for g in groups if (structure.entities[g].start or lo) <= hi and (structure.entities[g].end or hi) >= lo]
    return (alive or groups or [None])[0]


def _genitive_kind(reading: Reading) -> str | None:
    """The kind in "LSG:s ordförande", "projektens ägare", "the LSGs' chairs": a kind noun right before the relation word."""
    if not reading.relation_kinds:
        return None
    at = reading.verb_pos
    tokens = reading.tokens
    genitive = [(i, k) for i, k in kind_nouns(reading) if (i + 2 == at and tokens[i + 1] == "s") or (i + 1 == at and tokens[i].endswith(_GENITIVE))]
    return genitive[0][1] if genitive else None


def _object_kind(reading: Reading) -> str | None:
    """The kind after the verb of a who-question: "Vem finansierar projekten?" asks for funders of projects, not projects."""
    if not reading.relation_kinds or not _WHO_FIRST.match(reading.text):
        return None
    return next((k for i, k in kind_nouns(reading) if i in (reading.verb_pos + 1, reading.verb_pos + 2)), None)


#: A question that asks who: the answer is an actor, whatever kind the question names after its verb.
_WHO_FIRST = re.compile(r"\s*(?:vem|vilka aktorer|who)\b")
#: Swedish genitive plural endings of kind nouns: "projektens", "kommunernas".
_GENITIVE = ("ens", "ernas", "arnas", "ornas", "nas")


def _of_a_kind(reading: Reading, kind: str | None, relation_noun: str | None) -> tuple[list[Constraint], str | None]:
    """With no name: whoever holds the relation of a kind ("LSG:s ordförande", "projektens ägare"), or funds anything of
    the next kind noun ("finansiärer för projekten"); the kind asked for is then what holds it."""
    if owner_of := _genitive_kind(reading) or _object_kind(reading):
        return [Constraint(ANY, reading.relation_kinds, KIND + owner_of)], None
    if kind == ASSIGNMENT_KIND and reading.mentions and _WHO_FIRST.match(reading.text):  # "who gives the process leader assignments"
        return [Constraint(ANY, frozenset({COMMISSION}), reading.mentions[0].entity_id)], None
    if not relation_noun:
        return [], kind
    rest = [k for _, k in kind_nouns(reading) if k != FUNDER_KIND]  # "LSG:ernas projekt", "projekten som LSG styr": projects
    funded = "project" if "project" in rest or not rest else rest[0]
    return [Constraint(ANY, frozenset({relation_noun}), KIND + funded)], kind


def _between_kinds(structure, reading: Reading, kind: str | None) -> Constraint | None:
    """"Vilka projekt är LSG:erna styrgrupp för?": the kind asked for, tied by the question's verb to another kind it names,
    either way round as the data's facts of that verb run (LSG → project); None without a verb or a second kind."""
    others = [k for _, k in kind_nouns(reading) if k != kind]
    if not reading.relation or kind is None or not others or reading.mentions:
        return None
    kinds = reading.relation_kinds | ({STEERING} if reading.relation_kinds == {OWNERSHIP} else set())  # no owner recorded: steered, said so
    ends = [(structure.entities[r.from_id].kind, structure.entities[r.to_id].kind) for r in structure.relations.values()
            if r.relation in kinds and r.from_id in structure.entities and r.to_id in structure.entities]
    forward, backward = ends.count((others[0], kind)), ends.count((kind, others[0]))
    if not forward and not backward:
        return None
    return Constraint(KIND + others[0], reading.relation_kinds, ANY) if forward >= backward else Constraint(ANY, reading.relation_kinds, KIND + others[0])


def _kind_constraints(structure, reading: Reading, kind: str | None, relation_noun) -> tuple[list[Constraint], str | None]:
    """The constraints of a question that names no entity: two kinds tied by its verb, those who hold the verb to a kind
    ("Vilka är ordförande i de olika LSG:erna?": who chairs them, not which LSGs), else the kind itself."""
    if between := _between_kinds(structure, reading, kind):
        return [between], kind
    if held := _holders_of_kind(reading, kind):
        return [held], None
    return _of_a_kind(reading, kind, relation_noun)


def _holders_of_kind(reading: Reading, kind: str | None) -> Constraint | None:
    """"Vilka är ordförande i LSG:erna?", "who are the chairs of the LSGs?": the kind named after the relation's word is
    what is held; whoever holds the relation to one of that kind is asked for. None when the kind comes first."""
    nouns = kind_nouns(reading)
    if not reading.relation or kind is None or reading.mentions or len(nouns) != 1 or nouns[0][0] < reading.verb_pos:
        return None
    if not re.match(r"\s*(?:vilka|vem|who|which)\s+(?:ar|var|is|are|was|were)\b", reading.text):
        return None
    return Constraint(ANY, reading.relation_kinds, KIND + kind)


def _kind_and_relation(reading: Reading) -> tuple[str | None, str | None]:
    """The kind asked for, and a relation a kind noun stands for ("finansiärer": whoever funds, whatever kind it is)."""
    nouns = kind_nouns(reading)
    kind = nouns[0][1] if nouns else None
    return (None, FUNDING) if kind == FUNDER_KIND else (kind, None)


def _name_constraints(structure, reading: Reading, kind, span, documents, skip) -> tuple[list[Constraint], list[str]]:
    """One constraint per name (not the place), and the words of the names that add none."""
    constraints, unused = [], []
    for m in reading.mentions:
        if m in skip:
            continue
        c = _constraint(structure, reading, m, kind, span, documents)
        if c is None:
            unused.append(m.text)
        else:
            constraints.append(c)
    return constraints, unused


#: "något eget uppdrag", "on its own": what one gave alone, not jointly.
_ALONE = re.compile(r"\b(?:eget|egna|ensam\w*|enbart|sjalv|(?:its|their|his|her) own|on (?:its|their) own|alone|by itself|by themselves)\b")


def _topic(structure, reading: Reading, kind: str | None) -> tuple[tuple[str, ...], str]:
    """The entities of the kind asked for that the question's other words name by content ("uppdrag som gick ut på att
    ta fram en presentation" → the two presentations), and those words; ((), "") when no word narrows the kind."""
    if kind is None:
        return (), ""
    named = {i for m in reading.mentions for i in range(m.start, m.end)}
    of_kind = {e.id for e in structure.entities.values() if e.kind == kind}
    narrowing = [
        (token, owners) for i, token in enumerate(reading.tokens)
        if i not in named and topic_word(token) and 0 < len(owners := name_word_owners(structure, token) & of_kind) < len(of_kind)
    ]
    chosen: set[str] = set()
    for _, owners in narrowing:  # each word narrows what the words before it left, unless it would leave nothing
        chosen = owners if not chosen else (chosen & owners or chosen)
    return (tuple(sorted(chosen)), " ".join(token for token, _ in narrowing)) if chosen else ((), "")


def _among(structure, reading: Reading, want: str, kind: str | None) -> Mention | None:
    """In a yes/no question, a name of the kind asked for is what is looked for among the answers ("Var TRIS bland projekten?")."""
    if want != "yesno" or kind is None:
        return None
    return next((m for m in reading.mentions if structure.entities[m.entity_id].kind == kind), None)


def _named_in_document(structure, reading: Reading, want: str, kind: str | None, documents) -> str | None:
    """The kind asked for; in "Var LSG Nyköping-Oxelösund med i ansökan?" the kind of the one name, to look for it among
    what the document names."""
    if want != "yesno" or kind is not None or not documents or len(reading.mentions) < 1:
        return kind
    return structure.entities[reading.mentions[0].entity_id].kind


def _most_specific(structure, query: Query) -> Query:
    """When the names together find nothing, the one that finds least on its own, and which were left out (said)."""
    lo, hi = query.span[0].toordinal(), query.span[1].toordinal()
    if len(query.constraints) < 2 or evaluate(structure, query).items:
        return query
    best = min(query.constraints, key=lambda c: len(linked(structure, c, lo, hi, query.documents)) or 10**6)
    left = tuple(structure.entities[c.entity].name_sv for c in query.constraints if c is not best)
    return replace(query, constraints=(best,), unused=query.unused + left)


#: A report named as a document ("the status report", "lägesrapporten"), and a verb of reporting to someone.
_DOCUMENT_NAMED = re.compile(r"\b(?:status report|progress report|lagesrapport\w*)\b")
_REPORTED = re.compile(r"\breports?\b|\brapport\w*")
_REPORTS_TO = re.compile(r"\b(?:reports? to|rapporterar till|rapportera till|rapporteras till|report(?:s|ed)? (?:\w+ ){0,2}to)\b")


def _with_verb(reading: Reading, kind: str | None, relation_noun: str | None) -> Reading:
    """The reading with the verb the question means: "vilka uppdrag …" names a kind, not the verb "ger uppdrag";
    "finansiärer" asks who funds."""
    if reading.relation == ASSIGNS and kind == ASSIGNMENT_KIND:
        reading = replace(reading, relation=None, relation_pos=0)
    if reading.relation and _DOCUMENT_NAMED.search(reading.text) and _REPORTED.search(reading.text) and not _REPORTS_TO.search(reading.text):
        reading = replace(reading, relation=None, relation_pos=0)  # "the status report lists …": a document, not who reports to whom
    if relation_noun and not reading.relation:
        reading = replace(reading, relation=relation_noun, relation_pos=0)
    return reading


#: "sitter i", "sits on": a group's place in steering groups, which for an LSG is what it steers.
_SITS_IN = re.compile(r"\b(?:sitter|satt|sitta|sits|sit|sat|ingar)\b")
def _steering_groups_sat_in(structure, reading: Reading, kind: str | None) -> tuple[str | None, Reading]:
    """"Vilka styrgrupper sitter LSG Nyköping i?": an LSG is the steering group of what it steers, so the projects it steers."""
    if kind == "steering_group" and _SITS_IN.search(reading.text) and any(structure.entities[m.entity_id].kind in ("lsg", "lsg_group") for m in reading.mentions):
        return "project", replace(reading, relation=STEERING, relation_pos=0)
    return kind, reading


#: "not part of", "inte med i", "utanför": the name after it is what the answers are not linked to.
_NOT_LINKED = re.compile(r"\b(?:not|inte|ej|icke)\s+(?:\w+\s+){0,2}?(?:part of|in|i|med i|members? of|included in|covered by|ingar i|omfattas av)\b|\b(?:utanfor|outside)\b")


def _left_out_name(reading: Reading) -> tuple[str, Reading]:
    """(the entity a negated link names, the reading without that name): "Which RAR member municipalities are not part
    of LSG GNOT?" asks for members with no link to LSG GNOT; ("", reading) when nothing is negated."""
    negated = _NOT_LINKED.search(reading.text)
    after = len(reading.text[: negated.end()].split()) if negated else -1
    named = next((m for m in reading.mentions if negated and after <= m.start <= after + 2), None)
    if named is None or len(reading.mentions) < 2:
        return "", reading
    return named.entity_id, replace(reading, mentions=tuple(m for m in reading.mentions if m is not named))


def compose(structure, reading: Reading) -> Query:
    """The :class:`Query` of a list, count or yes/no question: its kind, document, place and one constraint per name."""
    want = "count" if WANTS_COUNT.search(reading.text) else "yesno" if WANTS_YESNO.search(reading.text) else "list"
    kind, relation_noun = _kind_and_relation(reading)
    reading = _with_verb(reading, kind, relation_noun)
    kind, reading = _steering_groups_sat_in(structure, reading, kind)
    without, reading = _left_out_name(reading)  # "… not part of LSG GNOT": no constraint, no place, a name left out
    documents = document_filter(structure, reading)[0] or named_documents(structure, reading)
    kind = _named_in_document(structure, reading, want, kind, documents)
    place_mention, place = _place(structure, reading, kind)
    if groups := _groups_of_places(structure, reading, kind, place_mention):  # "vad är LSG i Trosa styrgrupp för": LSG Trosa's
        reading, kind, place_mention, place = replace(reading, mentions=groups), None, None, ()
    span = reading.date.first, reading.date.last
    among = _among(structure, reading, want, kind)
    constraints, unused = _name_constraints(structure, reading, kind, span, documents, (*_place_names(structure, reading, place_mention), among))
    if not constraints:  # no name but places: "Vilka projekt är LSG:erna i GNOT projektägare för?" ties two kinds, in that place
        placed = set(_place_names(structure, reading, place_mention))
        constraints, kind = _kind_constraints(structure, replace(reading, mentions=tuple(m for m in reading.mentions if m not in placed)), kind, relation_noun)
    topic, topic_words = _topic(structure, reading, kind)
    query = Query(
        want, kind, tuple(constraints), span, place,
        ", ".join(structure.entities[m.entity_id].name_sv for m in _place_names(structure, reading, place_mention)),
        documents, structure.documents[documents[0]].title.split(",")[0].split(" (")[0] if documents else "",
        tuple(unused), among.entity_id if among else "", topic, topic_words, bool(_ALONE.search(reading.text)), without,
    )
    return _most_specific(structure, query)
