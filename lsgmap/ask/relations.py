"""The relation questions: who steers X, what does X steer, does A steer B, who is responsible, who are the members.

Which way a question asks ("who steers TUNA" = the holders of TUNA's steers
relations; "what does LSG Nyköping steer" = its targets) comes from the word
order around the verb and the name (:func:`direction`).

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> r = read_question(s, "Vad styr LSG Nyköping?", on="2016-12-01")
>>> f = relation_holders_or_targets(s, r)
>>> f.details["direction"], f.summary.render("en")
('targets', 'what LSG Nyköping steers')
"""

from __future__ import annotations

import re
from typing import Any

from lsgmap.ask.interpretation import EntityName, Finding, Joined, Term, disagreements, disputed_on, validity, with_disagreements
from lsgmap.ask.passages import passages
from lsgmap.ask.reading import WANTS_YESNO, Reading, kind_noun, name_alternatives, names_a_role
from lsgmap.ask.unsure import alternatives, documents_say, said_first
from lsgmap.i18n import Message, msg
from lsgmap.model import queries
from lsgmap.model.names import Mention, normalise
from lsgmap.vocab import CUED_RELATIONS, HOLDING, MEMBERSHIP, OWNERSHIP, RELATION_KINDS, STEERING

__all__ = ["direction", "members_of_root", "relation_between", "relation_holders_or_targets"]

_AGENT = frozenset({"av", "by"})
_TRAILING_PREP = frozenset({"till", "for", "i", "to", "of", "in", "at"})
_QUERY = {"holders": queries.holders, "targets": queries.targets}
_OTHER = {"holders": "targets", "targets": "holders"}


def verb(rel_key: str) -> Message | Term:
    """The verb of a relation kind ("styr"), or "ansvarar för" for owners and steering groups together."""
    return msg("ask.verb_responsible") if rel_key == "responsible" else Term(RELATION_KINDS[rel_key], "verb")


def inverse(rel_key: str) -> Message | Term:
    """The passive of a relation kind ("styrs av"), or "ägs eller styrs av"."""
    return msg("ask.inverse_responsible") if rel_key == "responsible" else Term(RELATION_KINDS[rel_key], "inverse")


#: A preposition before the question word asks for the object of an active verb: "till vem", "åt vem", "to whom".
_FRONTED_PREP = frozenset({"till", "at", "for", "hos", "med", "to", "with"})
_QUESTION_PRONOUNS = frozenset({"vem", "vilka", "vilken", "vilket", "whom", "who", "what", "which"})


def direction(tokens: tuple[str, ...], verb_pos: int, mention: Mention) -> tuple[str, str]:
    """("holders" | "targets", why) from word order around the verb and the name."""
    ms = mention.start
    if tokens and tokens[0] in ("vart", "where", "whereto"):
        return "targets", "where"  # "vart ska processledarens lägesrapporter skickas?": where its reports go
    if _genitive(tokens, mention):
        return "holders", "genitive"
    agents = _agent_positions(tokens)
    if agents:
        return ("targets", "agent") if any(i + 1 == ms for i in agents) else ("holders", "passive")
    if _passive(tokens, verb_pos):
        return "holders", "passive"
    by_preposition = _preposition_direction(tokens, verb_pos, mention)
    if by_preposition:
        return by_preposition
    if ms < verb_pos:
        return "targets", "subject_first"
    if tokens and tokens[0] == "vad":
        return "targets", "vad"
    return "holders", "default"


def _genitive(tokens: tuple[str, ...], mention: Mention) -> bool:
    """"LSG:s uppdragsgivare", "processledarens uppdragsgivare": the name owns what is asked for."""
    me = mention.end
    return (me < len(tokens) and tokens[me] == "s") or (not mention.exact and mention.text.endswith("ens") and me == mention.start + 1)


#: Auxiliaries before an English participle: "is the post funded", "was TUNA steered".
_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})
#: Swedish forms of "vara" and "bli" before a participle: "är tjänsten finansierad".
_VARA = frozenset({"ar", "var", "varit", "blev", "blir", "bli"})


#: English participles not in -ed: "is the post paid by …", "was TUNA run by …".
_PARTICIPLES = frozenset({"paid", "run", "led", "held", "given", "kept"})


def _passive(tokens: tuple[str, ...], verb_pos: int) -> bool:
    """A passive verb: Swedish -s ("finansieras", "styrs") or an English participle after a form of "be"."""
    if verb_pos >= len(tokens):
        return False
    word = tokens[verb_pos]
    if (word.endswith("ed") or word in _PARTICIPLES) and any(t in _BE for t in tokens[:verb_pos]):
        return True
    if word.endswith(("ad", "at", "d", "da")) and any(t in _VARA for t in tokens[:verb_pos]):
        return True  # "är tjänsten finansierad", "var TUNA styrd"
    return word.endswith(("eras", "ades", "des", "ts", "las")) or word in ("styrs", "ags", "agdes", "styrdes")  # "betalas"


def _preposition_direction(tokens: tuple[str, ...], verb_pos: int, mention: Mention) -> tuple[str, str] | None:
    """A preposition left at the end ("Vem rapporterar processledaren till?") or put first ("Till vem …", "To whom …") asks for targets."""
    if tokens and tokens[-1] in _TRAILING_PREP and mention.end <= len(tokens) - 1 and mention.start > verb_pos:
        return "targets", "stranded"
    if len(tokens) >= 2 and tokens[0] in _FRONTED_PREP and tokens[1] in _QUESTION_PRONOUNS:
        return "targets", "fronted"
    return None


def _agent_positions(tokens: tuple[str, ...]) -> list[int]:
    """Where "av"/"by" introduces an agent ("anställd av RAR"), not "del av"/"part of"."""
    part_of = {i + 1 for i in range(len(tokens) - 1) if tokens[i] in ("del", "delar", "part", "parts") and tokens[i + 1] in ("av", "of")}
    return [i for i, tok in enumerate(tokens) if tok in _AGENT and i not in part_of]


def _has_relation(structure, entity_id: str, kinds: frozenset[str], way: str) -> bool:
    edges = structure.incoming(entity_id) if way == "holders" else structure.outgoing(entity_id)
    return any(r.relation in kinds for r in edges)


def _better_candidate(structure, mention: Mention, kinds: frozenset[str], way: str) -> str | None:
    """Another entity the words may mean that has such a relation.

    "Trosa" → LSG Trosa (another entity of the name), "Ungdomens hus" → the assignment (words of a longer
    name), "TUNA" → TUNA Nyköping/Oxelösund (the first word of another entity's name or short name, when
    TUNA Eskilstuna has no such relation). Only one such entity: else None.
    """
    for alt in mention.entity_ids[1:]:
        if _has_relation(structure, alt, kinds, way):
            return alt
    several = len(mention.text.split()) >= 2
    named = structure.entities[mention.entity_id]
    words = f" {mention.text if several else normalise(named.short_name or mention.text)} "
    found = [
        e.id for e in structure.entities.values()
        if e.id != mention.entity_id and _names_it(e, words, several) and _has_relation(structure, e.id, kinds, way)
    ]
    return found[0] if len(found) == 1 else None


def _names_it(entity, words: str, anywhere: bool) -> bool:
    """The words stand in the entity's name (``anywhere``) or begin its name or short name."""
    names = [f" {normalise(n)} " for n in (entity.name_sv, entity.short_name) if n]
    return any(words in n if anywhere else n.startswith(words) for n in names)


def _pair_with_relation(structure, reading: Reading) -> tuple[str, str]:
    """The two entities of "Styr LSG Nyköping TUNA?"; the second replaced by one of its name that has such a relation
    (TUNA → TUNA Nyköping/Oxelösund) when the one named has none."""
    a, b = reading.ids[:2]
    kinds = reading.relation_kinds | ({STEERING} if reading.relation_kinds == {OWNERSHIP} else set())  # no owner recorded: its steering
    if not _has_relation(structure, b, kinds, "holders") and not _has_relation(structure, b, kinds, "targets"):
        b = _better_candidate(structure, reading.mentions[1], kinds, "holders") or b
    return a, b


def _kind_outside_names(reading: Reading) -> str | None:
    """An entity kind named by a noun outside the names ("Vilka kommuner omfattar LSG Trosa-Gnesta?" → municipality)."""
    named = {i for m in reading.mentions for i in range(m.start, m.end)}  # "styrgrupperna för TRIS" is who steers it, no kind
    return kind_noun(" ".join(tok for i, tok in enumerate(reading.tokens)
                              if i not in named and not names_a_role(reading.tokens, i) and not any(k.cue.fullmatch(tok) for k in CUED_RELATIONS)))


def _subject_and_direction(structure, reading: Reading) -> tuple[str, str, str | None]:
    """The entity asked about, which way ("holders"/"targets"), and the kind of answer a noun asks for (or None)."""
    first, kinds, span = reading.mentions[0], reading.relation_kinds, reading.date.span
    x = first.entity_id
    way, why = direction(reading.tokens, reading.verb_pos, first)
    if reading.relation == MEMBERSHIP:
        way = _membership_way(structure.entities[x], way, why)
    # a short form that names both a municipality and an LSG ("Trosa"): take the one with such relations
    if not _has_relation(structure, x, kinds, way):
        x = _better_candidate(structure, first, kinds, way) or x
    kind = _kind_outside_names(reading) if why in ("default", "vad") else None
    if kind:
        here = _QUERY[way](structure, kinds, x, on=span)
        there = _QUERY[_OTHER[way]](structure, kinds, x, on=span)
        if not any(i.kind == kind for i in here) and any(i.kind == kind for i in there):
            way = _OTHER[way]
    return x, way, kind


def _membership_way(entity, way: str, why: str) -> str:
    """An association has members and is a member of nothing ("who are RAR members"); anything else asked about by
    default is what it is a member of."""
    if entity.kind == "association":
        return "holders"
    return "targets" if why == "default" else way


def relation_holders_or_targets(structure, reading: Reading) -> Finding:
    """Who holds a relation to a named entity ("Vem styr TUNA?"), or what it holds one to ("Vad styr LSG Nyköping?")."""
    x, way, kind = _subject_and_direction(structure, reading)
    kinds, span, rel_key = reading.relation_kinds, reading.date.span, reading.relation_key
    items = _of_kind(_QUERY[way](structure, kinds, x, on=span), kind)
    name = EntityName(structure.entities[x])
    notice, lead = None, msg(f"ask.lead_{way}", verb=verb(rel_key), inverse=inverse(rel_key), name=name)
    if not items and way == "holders":
        items, notice = _instead(structure, kinds, x, span, tuple(name_alternatives(structure, reading.mentions[0])))
        lead = None
    if not items and notice is None and passages(structure, reading.text, limit=1):
        return _none_recorded(documents_say(structure, reading), reading, name, rel_key)  # "vad ingår i processledartjänsten?": the passage that answers
    yes_no = _asks_whether_held(reading, way) and lead is not None
    if yes_no:
        lead = _held_or_not(items, lead, name, rel_key)  # "Är processledaren fortfarande finansierad?"
    others = () if items else alternatives(structure, reading)  # nothing at all: what the reader can answer about the name
    return Finding(
        "responsible" if reading.responsible else "relation",
        msg(f"ask.i_{way}", verb=verb(rel_key), name=name), lead,
        rel_key, (x,), {"direction": way, "relations": sorted(kinds)}, tuple(items),
        tuple(queries.chain_to_root(structure, x, on=span)) if way == "holders" else (),
        notice=notice, notes=_read_as(structure, reading.mentions[0], x), alternatives=others,
        passages=tuple(passages(structure, reading.text)) if others else (), verdict=yes_no,
    )


def documents_on_a_relation(structure, reading: Reading) -> Finding:
    """What the documents say on a question for who holds a relation ("Who chairs the new joint LSG?"), after saying
    that no one is recorded to hold it when the data holds no such relation of the name."""
    found = documents_say(structure, reading)
    if not reading.relation or not reading.mentions or reading.relation_key not in RELATION_KINDS:
        return found
    x = reading.mentions[0].entity_id
    if any(r.relation in reading.relation_kinds for r in structure.relations_of(x)):
        return found
    return _none_recorded(found, reading, EntityName(structure.entities[x]), reading.relation_key)


def _none_recorded(found: Finding, reading: Reading, name, rel_key: str) -> Finding:
    """A question for who holds a relation that no one holds in the data, answered from the documents: that no one
    is recorded is said first ("Ingen som finansierar Innovation 100 dagar finns i källorna."), then what they say."""
    if not _ASKS_ACTOR.match(reading.text):
        return found  # "Vilka områden omfattar processledartjänsten?": areas, not someone who holds a relation
    named = any(normalise(name.render(lang)) in normalise(p.text) for p in found.passages[:1] for lang in ("sv", "en"))
    return said_first(found, msg("ask.none_recorded", verb=verb(rel_key), name=name), keep_quote=named)  # a quote that names it, else none


#: A question for an actor: "vem …", "vilka …", "who …", "which …"; not "vilka områden", "which parts".
_ASKS_ACTOR = re.compile(r"^\s*(?:vem|who)\b")


def _of_kind(items: list, kind: str | None) -> list:
    """The items of the kind the question names, when there are any ("vilka LSG styr …"); else all of them."""
    return [i for i in items if i.kind == kind] if kind and any(i.kind == kind for i in items) else items


def _asks_whether_held(reading: Reading, way: str) -> bool:
    """"Är processledaren finansierad?": one name, a verb, and whether anyone holds it."""
    return way == "holders" and len(reading.mentions) == 1 and bool(WANTS_YESNO.search(reading.text))


def _held_or_not(items, lead, name, rel_key: str):
    """A yes/no whether anyone holds the relation: "Ja: … finansieras av:", or "Nej"; a recorded disagreement about when
    it ends (or starts) is said first ("finansierad fram till oktober 2018; ansökan: … – 2018-06-30")."""
    if not items:
        return msg("ask.lead_no_held", name=name, inverse=inverse(rel_key))
    yes = Joined((msg("ask.attribute_yes"), " ", lead), "")
    disagree = disagreements(items, "either")  # when it starts or ends ("fram till oktober 2018", "från 2016-07-01")
    if disagree and disputed_on(disagree, items[0].asked[0]):  # the day lies between the two ends the sources give
        return with_disagreements(disagree, Joined((msg("ask.held_disputed"), " ", lead), ""))
    return with_disagreements(disagree, yes) if disagree else yes


def _instead(structure, kinds: frozenset[str], x: str, span: tuple[int, int], meanings: tuple[str, ...] = ()) -> tuple[list, Message | None]:
    """No answer on the date: who owns nothing is said with who steers it ("ingen ägare i datan; styrs av …"); else the
    last holders the data knows before the date whose end no source states ("senast kända"), said as such: unknown is
    not "none", and an end a source states is an end."""
    if kinds == {OWNERSHIP}:
        for candidate in (x, *meanings):  # "TUNA": the one of that name that someone steers
            steering = queries.holders(structure, STEERING, candidate, on=span)
            if steering:
                return steering, msg("ask.no_owner_steered", name=EntityName(structure.entities[candidate]))
    return _before_or_after(structure, kinds, x, span)


def _before_or_after(structure, kinds: frozenset[str], x: str, span: tuple[int, int]) -> tuple[list, Message | None]:
    """The last holders before the date whose end no source states ("senast kända"); else the first ones after it, with
    "not stated for that time" ("vem hade tjänsten i aug 2016?")."""
    name, (lo, hi) = EntityName(structure.entities[x]), span
    before = [i for i in queries.holders(structure, kinds, x, on=(0, lo - 1)) if not i.valid_to] if lo > 0 else []
    if before:  # only relations with no stated end: one whose source says it ended did end
        return _ends(before, max, lambda i: i.effective_to or "9999"), msg("ask.latest_known", name=name, verb=inverse(_one(kinds)))
    if after := queries.holders(structure, kinds, x, on=(hi + 1, hi + 1 + 3 * 365)):
        return _ends(after, min, lambda i: i.effective_from or ""), msg("ask.not_then_later", name=name, verb=inverse(_one(kinds)))
    return [], None


def _ends(items: list, pick, day) -> list:
    """The items whose ``day`` is the one ``pick`` (min or max) chooses."""
    chosen = pick(day(i) for i in items)
    return [i for i in items if day(i) == chosen]


def _one(kinds: frozenset[str]) -> str:
    return "responsible" if len(kinds) > 1 else next(iter(kinds))


def _read_as(structure, mention: Mention, entity_id: str) -> tuple[Message, ...]:
    """A note when the words were read as another entity than the one they name ("TUNA" → TUNA Nyköping/Oxelösund)."""
    if entity_id == mention.entity_id:
        return ()
    named, read = structure.entities[mention.entity_id], structure.entities[entity_id]
    return (msg("ask.read_as", text=mention.text, name=EntityName(read, full=True), other=EntityName(named, full=True)),)


#: A relation said in the passive: "X is steered by Y", "X run by Y", "styrs X av Y", "X finansieras av Y".
_PASSIVE = re.compile(r"\b(?:steered|owned|funded|financed|paid|run|employed|commissioned|managed|led|governed) by\b|\b(?:styrs|ags|finansieras|betalas|betald|betalda|betalades|drivs|anstalls|leds|anstalld|anstallda|anstalldes|finansierad|finansierade|finansierades|styrd|styrda|styrdes|agd|agda|agdes|driven|drivet|drivna|ledd|ledda|ledde)\b(?:\s+\S+){0,4}\s+av\b")


def relation_between(structure, reading: Reading) -> Finding:
    """Whether the first named entity holds the relation to the second, or the other way ("Styr LSG Nyköping TUNA?")."""
    a, b = _pair_with_relation(structure, reading)
    read_as = _read_as(structure, reading.mentions[1], b)  # how the second name was read, whichever way round it holds
    if _PASSIVE.search(reading.text):  # "Is IPS steered by LSG Oxelösund?", "styrs IPS av …": the second name holds it
        a, b = b, a
    kinds, span = reading.relation_kinds, reading.date.span
    a = _meaning_holding(structure, reading, a, b, kinds, span)  # "Is Trosa part of LSG GNOT?": LSG Trosa, not the municipality
    items = [i for i in queries.holders(structure, kinds, b, on=span) if i.id == a]
    backward = [i for i in queries.holders(structure, kinds, a, on=span) if i.id == b]
    if backward and not items:  # "Is IBIS funded by ESF?": ESF funds IBIS, said that way round
        a, b = b, a
    items += backward
    name_a, name_b = EntityName(structure.entities[a]), EntityName(structure.entities[b])
    if not items and (through := _through_post(structure, kinds, a, b, span)):
        items, lead = through
    else:
        items, lead = (items, None if _ASKS_WHO.match(reading.text) else _yes(items)) if items else _no_between(structure, kinds, a, b, span)
    return Finding(
        "relation_between", msg("ask.i_between", a=name_a, verb=verb(reading.relation_key), b=name_b), lead,
        reading.relation_key, (a, b), answers=tuple(items), paths=tuple(queries.chain_to_root(structure, b, on=span)) if items else (),
        notes=read_as, verdict=True,
    )


def _meaning_holding(structure, reading: Reading, a: str, b: str, kinds, span) -> str:
    """The meaning of the first name that holds the relation to the second, when the one read does not ("Trosa": the
    municipality, or LSG Trosa, which is part of LSG GNOT); ``a`` when none does."""
    if any(i.id == a for i in queries.holders(structure, kinds, b, on=span)) or _PASSIVE.search(reading.text):
        return a
    others = [x for x in name_alternatives(structure, reading.mentions[0]) if x != a and x in structure.entities]
    return next((x for x in others if any(i.id == x for i in queries.holders(structure, kinds, b, on=span))), a)


def _through_post(structure, kinds, a: str, b: str, span) -> tuple[list, Any] | None:
    """"Är Ida Malmberg anställd av RAR?" — yes through the post she holds (RAR employs the post), said as such: the
    sources say it of the post, not of her by name."""
    entities = structure.entities
    for person, other in ((a, b), (b, a)):
        if entities[person].kind != "person":
            continue
        for post in queries.targets(structure, {HOLDING}, person, on=span):
            facts = [i for i in queries.holders(structure, kinds, post.id, on=span) if i.id == other]
            facts += [i for i in queries.targets(structure, kinds, post.id, on=span) if i.id == other]
            if facts:
                kind = RELATION_KINDS[facts[0].relation]
                return [post, *facts], msg("ask.yes_through_post", person=EntityName(entities[person], full=True), post=EntityName(entities[post.id]),
                                           other=EntityName(entities[other]), verb=Term(kind, "verb"))
    return None


def _yes(items):
    """"Ja:", or "Ja enligt datan, men ingen källa talar för den tiden:" when no source speaks for it on the date asked
    ("är Ida Malmberg fortfarande processledare?" in 2018: the status report names her for October–December 2016)."""
    return msg("ask.lead_yes") if any(i.attested for i in items) else msg("ask.lead_exists_unattested")


#: "Vem rapporterar om X till RAR?": a question for who, not whether (no "Ja:" before the answer).
_ASKS_WHO = re.compile(r"^\s*(?:vem|vilka|vilken|vilket|who|which)\b")


def _no_between(structure, kinds, a: str, b: str, span) -> tuple[list, Any]:
    """No: and what holds instead — the steering where no owner is recorded ("Är LSG Trosa projektägare för TRIS?"), else
    what the first name holds of that relation ("Nej … I stället, för LSG Trosa: TRIS")."""
    name_a, name_b = EntityName(structure.entities[a]), EntityName(structure.entities[b])
    if kinds == {OWNERSHIP} and (steered := [i for i in queries.holders(structure, {STEERING}, b, on=span) if i.id == a]):
        if _says_owner(structure, steered):  # "projektägare/styrgrupp": owner or steering group, the source does not say which
            return steered, msg("ask.owner_or_steering", a=name_a, b=name_b)
        return steered, msg("ask.no_owner_but_steers", a=name_a, b=name_b)
    other_times = [r for r in structure.outgoing(a) if r.relation in kinds and r.to_id == b]
    if other_times:  # "Is Landstinget Sörmland still a member of RAR?" (2019): no, it was until 2018-12-31
        when = Joined(tuple(validity(r.valid_from, r.valid_to) for r in other_times), "; ")
        return queries.holders(structure, kinds, b, on=span), msg("ask.no_between_then", a=name_a, b=name_b, when=when)
    if _no_one_holds(structure, kinds, b):  # "Finansieras IPS-Slussen av ESF?": no one is recorded to fund it
        return queries.targets(structure, kinds, a, on=span), msg("ask.between_unknown", a=name_a, b=name_b, verb=Term(RELATION_KINDS[next(iter(kinds))], "verb", lower=True))
    if instead := queries.holders(structure, kinds, b, on=span) + queries.targets(structure, kinds, a, on=span):  # who does, what a does
        return instead, msg("ask.no_between_instead", a=name_a, b=name_b)
    return [], msg("ask.no_between", a=name_a, b=name_b)


def _no_one_holds(structure, kinds, b: str) -> bool:
    """No one holds the one relation asked to a project, assignment or team, at any time."""
    return len(kinds) == 1 and structure.entities[b].kind in ("project", "assignment", "team") and not any(r.relation in kinds for r in structure.incoming(b))


def _says_owner(structure, items) -> bool:
    """A source of these steering facts calls the steering group an owner too ("projektägare/styrgrupp")."""
    quotes = (structure.sources[i].quote for item in items for rid in item.relation_ids if rid in structure.relations
              for i in structure.relations[rid].sources if i in structure.sources)
    return any(re.search(r"(?i)\b(?:projekt)?ägare\b|\bowner\b", q or "") for q in quotes)


def members_of_root(structure, reading: Reading) -> Finding:
    """The members of the dataset's root (RAR's member organisations)."""
    root = structure.root
    name = EntityName(structure.entities[root])
    return Finding(
        "relation", msg("ask.i_holders", verb=verb(MEMBERSHIP), name=name), msg("ask.lead_holders", inverse=inverse(MEMBERSHIP), name=name),
        MEMBERSHIP, (root,), {"direction": "holders", "relations": [MEMBERSHIP]},
        tuple(queries.holders(structure, MEMBERSHIP, root, on=reading.date.span)),
    )
