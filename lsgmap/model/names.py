"""Entity names the way people type them: case, å/ä/ö or not, short forms, typos.

Every entity is known by its Swedish and English names, its short name, its
aliases, the part of the name before " – " ("TRIS"), and for LSGs the name
without "LSG". Texts are normalised with :func:`normalise` (unidecode, lower
case, punctuation to spaces). Exact variants are looked up first; then
rapidfuzz finds small misspellings. The index is the structure's own
(:attr:`Structure.names`), built once.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> [m.entity_ids for m in find_mentions(s, "vem styr lsg nykoping-oxelosund")]
[('lsg_nykoping_oxelosund',)]
>>> [m.entity_ids for m in find_mentions(s, "Who funds Ibis?")]
[('ibis',)]
>>> [m.entity_ids[0] for m in find_mentions(s, "vem anställer processledarn")]
['processledare']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from unidecode import unidecode

__all__ = ["normalise", "Mention", "NameIndex", "find_mentions", "suggest"]

_NON_WORD = re.compile(r"[^a-z0-9]+")

#: Words that never start or end a name mention (question words, verbs, fillers).
STOPWORDS = frozenset(
    """
    vem vilka vilken vilket vad hur nar var som ar av till for med och i pa den det de en ett om har hade
    styr styrs styrde agde ager ags finansierar finansieras anstaller anstalld uppdragsgivare uppdrag
    rapporterar omfattar omfattas medlem medlemmar ansvarar ansvarig ansvariga gav ger hande mycket manga
    finns fanns idag nu efter fore innan sammanslagningen samman slogs blev kom fran mellan kedja kedjan
    who what which how when does do did is are was were the a an of to for by with and in on at from
    steers steer steered owns own owned funds fund funded finances financed employs employ employed
    commissions commission commissioned reports report covers cover covered member members chairs
    responsible happened merged became came much many exist existed today now after before merger chain
    between connected related s t ordforande chair chairs chaired
    """.split()
)


def normalise(text: str) -> str:
    """Lower case, å/ä/ö → a/a/o, punctuation → space.

    >>> normalise("LSG Nyköping-Oxelösund:s")
    'lsg nykoping oxelosund s'
    """
    folded = text.translate(_SWEDISH_LETTERS)
    return " ".join(_NON_WORD.split((folded if folded.isascii() else unidecode(folded)).lower())).strip()


#: The letters Swedish text holds beyond ASCII, folded as unidecode folds them (unidecode only for anything else: it is slow).
_SWEDISH_LETTERS = str.maketrans("åäöÅÄÖéÉüÜ–—’", "aaoAAOeEuU--'")


@dataclass(frozen=True)
class Mention:
    """A name found in a text: the token span, the text, the entities it may mean, and the score."""

    start: int
    end: int
    text: str
    entity_ids: tuple[str, ...]
    score: float
    exact: bool

    @property
    def entity_id(self) -> str:
        """The most likely entity."""
        return self.entity_ids[0]


class NameIndex:
    """Name variants → entity ids, for one structure (use :attr:`Structure.names`, which builds it once)."""

    def __init__(self, structure):
        self.variants: dict[str, list[str]] = {}
        self.strength: dict[tuple[str, str], int] = {}
        for e in structure.entities.values():
            strong = [e.name_sv, e.name_en, e.short_name, *e.aliases, e.id.replace("_", " ")]
            for full in (e.name_sv, e.name_en):
                if " – " in full:
                    strong.append(full.split(" – ", 1)[0])
                if " (" in full:
                    strong.append(full.split(" (", 1)[0])
            weak = []
            for v in strong:
                n = normalise(v)
                if n.startswith("lsg ") and e.kind == "lsg":
                    weak.append(n[4:])
            for v, level in [(normalise(v), 2) for v in strong] + [(v, 1) for v in weak]:
                if not v or v in STOPWORDS:
                    continue
                ids = self.variants.setdefault(v, [])
                if e.id not in ids:
                    ids.append(e.id)
                self.strength[(v, e.id)] = max(level, self.strength.get((v, e.id), 0))
        self.choices = list(self.variants)
        self.max_tokens = max((len(v.split()) for v in self.choices), default=1)
        #: every word of every name, normalised ("sormland", "nykoping"): a name's å/ä/ö says nothing of a question's language
        self.words = frozenset(w for v in self.choices for w in v.split())

    def ids_for(self, variant: str) -> tuple[str, ...]:
        """The ids ``variant`` names, strongest first (a full name before "Trosa" for "LSG Trosa")."""
        ids = self.variants.get(variant, [])
        return tuple(sorted(ids, key=lambda i: -self.strength[(variant, i)]))


def _fuzzy_cutoff(text: str) -> float:
    return 90.0 if len(text) <= 4 else 85.0


def find_mentions(structure, text: str) -> list[Mention]:
    """The entity names in ``text``, not overlapping, in text order.

    Exact variants first (longest first); then rapidfuzz, only on the words
    no exact name covers, so a question without typos costs a few dict lookups.
    """
    idx = structure.names
    tokens = normalise(text).split()
    chosen: list[Mention] = []
    taken: set[int] = set()

    def grams(max_n: int, *, overlap: bool = False, exact: bool = False):
        for n in range(min(max_n, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                # a name may not begin or end with a question's small word; an English name may begin with "the" ("the post")
                the = exact and n > 1 and tokens[i] in ("the", "a", "an") and " ".join(tokens[i : i + n]) in idx.variants
                if (tokens[i] in STOPWORDS and not the) or tokens[i + n - 1] in STOPWORDS:
                    continue
                covered = taken.intersection(range(i, i + n))
                if covered and (not overlap or len(covered) == n):
                    continue
                yield i, n, " ".join(tokens[i : i + n])

    for i, n, gram in grams(idx.max_tokens, exact=True):
        if gram in idx.variants and not taken.intersection(range(i, i + n)):
            chosen.append(Mention(i, i + n, gram, idx.ids_for(gram), 100.0, True))
            taken.update(range(i, i + n))
    # fuzzy, on grams with at least one word no exact name covers ("Kraftsamlig Brosjö"
    # may swallow the exact "Brosjö" when the longer name fits well)
    fuzzy: list[Mention] = []
    for i, n, gram in grams(3, overlap=True):
        if len(gram) < 4 or any(t in STOPWORDS or t.isdigit() for t in tokens[i : i + n]):
            continue
        hit = process.extractOne(gram, idx.choices, scorer=fuzz.ratio, score_cutoff=_fuzzy_cutoff(gram))
        if hit:
            fuzzy.append(Mention(i, i + n, gram, idx.ids_for(hit[0]), float(hit[1]), False))
    fuzzy.sort(key=lambda m: (-m.score, -(m.end - m.start), m.start))
    for m in fuzzy:
        span = set(range(m.start, m.end))
        inside = [c for c in chosen if c.exact and set(range(c.start, c.end)) <= span]
        if inside and m.score < 92:  # "lsg trosa gett" stays LSG Trosa; "Kraftsamlig Brosjö" may take the exact "Brosjö"
            continue
        if taken.intersection(span) - {i for c in inside for i in range(c.start, c.end)}:
            continue
        for c in inside:
            chosen.remove(c)
        taken.update(span)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def suggest(structure, text: str, *, limit: int = 3) -> list[str]:
    """Entity ids whose names look most like the non-question words of ``text`` ("Menade du …?").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> suggest(load(BUNDLED_DATA), "vem styr Tunna")[0]
    'tuna'
    """
    idx = structure.names
    words = [w for w in normalise(text).split() if w not in STOPWORDS and len(w) > 1]
    if not words:
        return []
    scores: dict[str, float] = {}
    for query in words + [" ".join(words)]:
        for choice, score, _ in process.extract(query, idx.choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=65):
            for eid in idx.ids_for(choice):
                scores[eid] = max(scores.get(eid, 0.0), score)
    return [eid for eid, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
