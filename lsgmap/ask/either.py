"""Either–or questions: "Vem styr egentligen processledaren, RAR eller LSG?" — what each side is to the one asked about.

The answer does not pick a side the sources do not pick: it lists, for each side (a name or a kind), every relation
it has with the entity asked about on the date, so "RAR anställer och finansierar; LSG är uppdragsgivare" is said
as the sources say it.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> r = read_question(s, "Vem styr egentligen processledaren, RAR eller LSG?")
>>> sides(s, r)
('processledare', ['rar', 'kind:lsg'])
>>> sorted({a.relation for a in either_or(s, r).answers})
['commissions', 'employs', 'funds', 'reports_to']
"""

from __future__ import annotations

import re

from lsgmap.ask.compose import kind_nouns
from lsgmap.ask.interpretation import EntityName, Finding, Joined, Term
from lsgmap.ask.query import ANY, KIND, Constraint, Query, evaluate
from lsgmap.ask.reading import Reading
from lsgmap.i18n import msg
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

__all__ = ["EITHER_CUE", "sides", "either_or"]

#: "A eller B", "A or B" between two names or kinds.
EITHER_CUE = re.compile(r"\b(?:eller|or)\b")


def sides(structure, reading: Reading) -> tuple[str, list[str]] | None:
    """(the entity asked about, [the two sides: entity ids or "kind:…"]) when the question weighs one side against another."""
    if not EITHER_CUE.search(reading.text) or not reading.mentions:
        return None
    at = reading.tokens.index(next(t for t in reading.tokens if t in ("eller", "or")))
    near = [(m.start, m.entity_id) for m in reading.mentions] + [(i, KIND + k) for i, k in kind_nouns(reading)]
    around = sorted((abs(i - at), i, x) for i, x in near if abs(i - at) <= 3)
    if len(around) < 2:
        return None
    two = [x for _, _, x in sorted(around[:2], key=lambda a: a[1])]
    if two[0] == two[1]:
        return None  # "insatser eller projekt": two words for one kind, not two sides
    subject = next((m.entity_id for m in reading.mentions if m.entity_id not in two), None)
    return (subject, two) if subject else None


def either_or(structure, reading: Reading) -> Finding:
    """Every relation each side has with the entity asked about on the date, side by side."""
    subject, two = sides(structure, reading)
    span = reading.date.first, reading.date.last
    items, lines, holding = [], [], []
    for side in two:
        kind = side[len(KIND):] if side.startswith(KIND) else None
        found = [a for a in evaluate(structure, Query(kind=kind, constraints=(Constraint(ANY, frozenset(), subject),), span=span)).items
                 if kind or a.id == side]
        items += found
        holding += [side] if any(a.relation in reading.relation_kinds for a in found) else []
        name = Term(ENTITY_KINDS[kind], "plural") if kind else EntityName(structure.entities[side])
        verbs = Joined(tuple(dict.fromkeys(_verb(structure, a, subject) for a in found))) if found else msg("ask.either_nothing")
        lines.append(msg("ask.either_side", side=name, verbs=verbs))
    names = Joined(tuple(Term(ENTITY_KINDS[s[len(KIND):]], "plural") if s.startswith(KIND) else EntityName(structure.entities[s]) for s in two), " / ")
    lead = _holder_said(structure, reading, holding, subject)
    return Finding(
        "either", msg("ask.i_either", sides=names, name=EntityName(structure.entities[subject])), lead, entities=(subject,),
        details={"sides": two}, answers=tuple(items), notice=Joined(tuple(lines), "\n"), verdict=lead is not None,
    )


def _verb(structure, item, subject: str) -> Term:
    """The relation said from the side: "anställer" when the side holds it, "får rapporter från" when it points at the side."""
    r = structure.relations.get(item.relation_id)
    kind = RELATION_KINDS[item.relation]
    return Term(kind, "inverse" if r is not None and r.from_id == subject else "verb")


def _holder_said(structure, reading: Reading, holding: list[str], subject: str):
    """"Enligt datan: RAR äger IBIS.": the one side that holds the relation asked ("vem äger IBIS – LSG eller RAR?"), or None."""
    if not (reading.relation and reading.relation in RELATION_KINDS and len(holding) == 1):
        return None
    side = holding[0]
    held = Term(ENTITY_KINDS[side[len(KIND):]], "plural") if side.startswith(KIND) else EntityName(structure.entities[side])
    return msg("ask.either_holder", side=held, verb=Term(RELATION_KINDS[reading.relation], "verb", lower=True), name=EntityName(structure.entities[subject]))
