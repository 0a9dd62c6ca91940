"""Reading a question: its language, its date, the names in it and the words that say what is asked.

:func:`read_question` turns a free-text question into a :class:`Reading`, a
frozen value the question handlers (:mod:`lsgmap.ask.handlers`) choose from.
Nothing here answers anything.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> r = read_question(load(BUNDLED_DATA), "Vem styr TUNA i december 2016?")
>>> r.lang, r.text, r.ids, r.relation, r.date.precision
('sv', 'vem styr tuna', ('tuna',), 'steers', 'month')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from lsgmap.ask.dates import QuestionDate, default_date, find_date, is_now, option_date, relative_year
from lsgmap.dates import DateParseError
from lsgmap.errors import InputError
from lsgmap.i18n import msg, normalise_lang
from lsgmap.model import queries
from lsgmap.model.names import STOPWORDS, Mention, find_mentions, normalise
from lsgmap.vocab import ASSIGNS, COVERAGE, CUED_RELATIONS, ENTITY_KINDS, HOLDING, RESPONSIBLE_RELATIONS

__all__ = ["Reading", "read_question", "document_filter", "named_documents", "name_alternatives", "name_word_owners", "topic_word", "detect_lang", "kind_noun", "kind_of_word", "QUESTION_WORDS"]

#: A question that opens with a verb asks yes or no ("Är processledaren anställd av LSG?", "Did LSG Trosa …").
WANTS_YESNO = re.compile(
    r"^\s*(?:ar|var|har|hade|finns|fanns|styr|styrde|ager|agde|gav|ger|ingar|ingick|star|stod|blev|fick|kommer|skulle|gick|slogs|"
    r"finansierar|finansierade|anstaller|anstallde|rapporterar|deltog|deltar|traffade|namner|namns|gjorde|gor|"
    r"hann|hinner|hunnit|beviljades|godkandes|antogs|avslogs|startade|borjade|slutade|upphorde|finansierades|styrdes|agdes|anstalldes|bildades|galler|gallde|"
    r"is|was|are|were|does|did|do|has|had|can)\b"
)
#: Something done, asked of a person: "träffade hon …", "har processledaren gått grundutbildningen", "did she attend".
ACTIVITY_CUE = re.compile(r"\b(?:met|meet|traffa|traffade|traffat|attend\w*|deltog|deltagit|went to|go to|was at|var pa|besokte|besokt|visited|visit|"
                          r"(?:gick|gatt)(?! (?:ihop|samman|over|upp i|in i))|genomgatt|genomgick|varit pa|varit med|participated|took part|taken part|taken|took|did (?:\w+ ){1,5}(?:take|go|complete|participate))\b")
#: "ansvarar", and owner and steering group asked together ("ägare eller styrgrupp", "owner or steering group", "äger eller styr").
RESPONSIBLE_CUE = re.compile(
    r"\b(ansvar\w*(?! for att)|responsib\w*(?! for \w+ing)|accountable|(?:projekt)?ag(?:are|arna|aren|er|de) (?:eller|och|or|and) styr\w*|styr\w* (?:eller|och|or|and) (?:projekt)?ag\w*|"
    r"(?:project )?owners? (?:or|and) steer\w*|own(?:s|ed)? (?:or|and) steer\w*|steer\w* (?:or|and) own\w*|projektagare styrgrupp|"
    r"(?:star|stod|ligger|is|are) bakom(?! (?:ansokan|application|lagesrapporten|rapporten))|(?:is|are|stands?) behind(?! the (?:application|report))|"
    r"who is behind(?! the (?:application|report)))\b"
)
#: "Är Trosa och Gnesta fortfarande separata?": a merger asked the other way round (yes means not merged).
SEPARATE_CUE = re.compile(r"\b(?:separata|separat|separate|var for sig|var sitt|var sina|each on its own|each their own|still two|fortfarande tva|still its own|"
                          r"still an? own|still on its own|fortfarande (?:en )?egen|fortfarande sin egen)\b")
LINEAGE_CUE = re.compile(
    r"\b((?:gatt|gick|gar|ga|slagits|slogs|slas|slagit|sla|slar|slog)\b.*\b(?:ihop|samman)|hande med|hant med|samman|slogs samman|slas samman|slagits samman|sammanslag\w*|gick upp i|blev|bildades|uppstod|"
    r"became|become|merged|merge|happened|came from|come from|kom fran|foregangare\w*|efterfoljare\w*|predecessors?|successors?|hande|"
    r"samma (?:lsg|grupp)|same (?:lsg|group)|one (?:lsg|group)|ett lsg|en grupp|ett gemensamt lsg|"
    r"separata|separat|separate|var for sig|each on its own|still two|fortfarande tva)\b"
)
AMOUNT_CUE = re.compile(r"\b(hur mycket|how much|belopp\w*|\w*budget\w*|kostnad\w*|kostar|costs?|amounts?|tkr|kronor|pengar|money|(?:gar|gick) (?:\w+ ){0,3}pa (?:totalt|sammanlagt|allt|i allt)|uppgar|uppgick|"
                        r"yearly totals?|annual totals?|totals? per year|arssumm\w*|totalen|totalsumm\w*|summorna|summan)\b")
CHAIN_CUE = re.compile(
    r"(\w*kedja\w*|\b(?:chains?|hanger\b.*\bihop|kopplad\w*|koppling\w*|connected|connection|connects|related|linked|paths?|vagen|vag)\b)"
)
LIST_CUE = re.compile(r"\b(vilka|vilken|vilket|which|what|lista|list|hur manga|how many|finns|fanns|exist\w*|are there|were there)\b")
MEMBERS_CUE = re.compile(r"\b(medlemmar\w*|medlem\w*|members?)\b")

_SV_WORDS = frozenset(
    "vem vilka vilken vilket vad hur nar som ar av till for med och i pa den det har hade finns fanns styr styrs ager "
    "finansierar anstaller uppdragsgivare rapporterar omfattar ansvarar hande mycket efter fore innan sammanslagningen "
    "slogs samman blev kedjan kedja mellan idag nu under medlemmar ordforande gav".split()
)
_EN_WORDS = frozenset(
    "who which what how when does do did is are was were the of to by with and in on at after before steers steer owns "
    "own funds fund finances employs employ commissions commission reports covers cover responsible happened much many "
    "exist merger merged chain between today now during members member chairs assigned over whole premises salary travel "
    "phone telephone computer budgeted spent cost costs until since about according application status goals goal name named "
    "there their they it its this that these those have has had be been any all each every given gives give get got go went "
    "attend attended supposed should would could total become became still really old new held often signed wrote called "
    "year years month months project projects group groups municipalities leader approve approved granted start started "
    "began begin end ended date whats named post a an like pays pay paid from into".split()
)
#: The question words of both languages (not names).
QUESTION_WORDS = _SV_WORDS | _EN_WORDS


def detect_lang(question: str, names: frozenset[str] = frozenset()) -> str:
    """'sv' or 'en' from the words of the question (å/ä/ö count for Swedish, except in the words of ``names``; a
    tie is Swedish; "for" is a word of both).

    >>> detect_lang("Who funds IBIS?"), detect_lang("Vem finansierar IBIS?"), detect_lang("IBIS?")
    ('en', 'sv', 'sv')
    >>> detect_lang("Does LSG Nyköping steer TUNA?"), detect_lang("styr nyköping tuna"), detect_lang("phone budget for 2017?")
    ('en', 'sv', 'en')
    >>> detect_lang("when did landstinget sörmland become region sörmland?", frozenset({"sormland"}))
    'en'
    """
    tokens = [tok for tok in normalise(question).split() if tok != "for"]
    # å/ä/ö count in lower-case words only: "Does LSG Nyköping steer TUNA?" is English, whatever the names
    swedish_letters = sum(
        1 for word in re.findall(r"\w+", question) if word.islower() and re.search(r"[åäö]", word) and normalise(word) not in names
    )
    sv = sum(tok in _SV_WORDS for tok in tokens) + min(2, 2 * swedish_letters)
    en = sum(tok in _EN_WORDS for tok in tokens)
    return "en" if en > sv else "sv"


def _label_words() -> dict[str, str]:
    """Normalised words of the kinds' names, singular and plural, both languages → kind ("insatser" → project)."""
    words: dict[str, str] = {}
    for kind in ENTITY_KINDS.values():
        if kind.cue is None:  # a kind no question names by a noun ("LSG tillsammans")
            continue
        for label in (kind.sv, kind.en, kind.plural_sv, kind.plural_en):
            for w in normalise(label).split():
                if len(w) >= 4 and w not in ("lokal", "lokala", "local"):
                    words.setdefault(w, kind.key)
    return words


_LABEL_WORDS = _label_words()


#: Words after a kind noun that make the pair a role: "project owner" asks who owns, not for projects.
_ROLE_AFTER = frozenset({"owner", "owners", "ownership", "agare", "manager", "managers", "leader", "leaders", "ledare"})


def names_a_role(tokens: list[str], i: int) -> bool:
    """Whether the kind noun at ``i`` begins a role ("project owner", "projekt ägare")."""
    if i + 1 < len(tokens) and tokens[i + 1] in _ROLE_AFTER:
        return True
    if tokens[i] in ("group", "groups") and i > 0 and tokens[i - 1] == "steering":  # "the steering group for TRIS": one role, two words
        return True
    nxt = i + 2 if tokens[i] == "steering" and i + 1 < len(tokens) and tokens[i + 1] in ("group", "groups") else i + 1
    return i > 0 and nxt < len(tokens) and kind_of_word(tokens[i]) == "steering_group" and tokens[nxt] in ("for", "of", "over")  # "är LSG Trosa styrgrupp för TUNA"


@lru_cache(maxsize=4096)
def kind_of_word(token: str) -> str | None:
    """The kind one (normalised) word names: a kind's cue word or, misspelt, a word of its name; never a word
    that names a relation ("projektägare" asks who owns, "uppdragsgivare" who commissions).

    >>> kind_of_word("kommunerna"), kind_of_word("insaster"), kind_of_word("projektagare"), kind_of_word("styrgrupper")
    ('municipality', 'project', None, 'steering_group')
    """
    if token in _LABEL_WORDS:
        return _LABEL_WORDS[token]
    if any(k.cue.fullmatch(token) for k in CUED_RELATIONS):
        return None
    for kind in ENTITY_KINDS.values():
        if kind.cue is not None and kind.cue.fullmatch(token):
            return kind.key
    if len(token) >= 6:
        hit = process.extractOne(token, list(_LABEL_WORDS), scorer=fuzz.ratio, score_cutoff=85)
        if hit:
            return _LABEL_WORDS[hit[0]]
    return None


def kind_noun(text: str) -> str | None:
    """The kind of entity a (normalised) text names by a noun ("kommuner" → municipality), or None."""
    for kind in ENTITY_KINDS.values():
        if kind.cue is not None and kind.cue.search(text):
            return kind.key
    return None


@dataclass(frozen=True)
class Reading:
    """A question as read: words, names, date and cues; what it asks is left to the handlers.

    ``text`` is the normalised question without its date phrase, ``tokens`` its
    words. ``relation``/``relation_pos``: the first cued relation kind and the
    word where its cue starts; ``responsible``/``responsible_pos`` the same for
    "ansvarar"/"responsible". ``kind_noun``: an entity kind named by a noun.
    The remaining flags say which cue words occur.
    """

    question: str
    lang: str
    date: QuestionDate
    text: str
    tokens: tuple[str, ...]
    mentions: tuple[Mention, ...]
    relation: str | None = None
    relation_pos: int = 0
    responsible: bool = False
    responsible_pos: int = 0
    kind_noun: str | None = None
    amount: bool = False
    lineage: bool = False
    chain: bool = False
    members: bool = False
    listing: bool = False

    @property
    def ids(self) -> tuple[str, ...]:
        """The entity each name most likely means, in the order of the question."""
        return tuple(m.entity_id for m in self.mentions)

    @property
    def asks_relation(self) -> bool:
        """A relation verb or "responsible" occurs."""
        return self.relation is not None or self.responsible

    @property
    def relation_key(self) -> str:
        """"responsible" (owners and steering groups together) or the cued relation kind."""
        return "responsible" if self.responsible else (self.relation or "")

    @property
    def relation_kinds(self) -> frozenset[str]:
        return RESPONSIBLE_RELATIONS if self.responsible else frozenset([self.relation] if self.relation else [])

    @property
    def verb_pos(self) -> int:
        """The word where the verb asked about stands."""
        return self.responsible_pos if self.responsible else self.relation_pos


def read_question(structure, question: str, *, on=None, lang: str | None = None) -> Reading:
    """Read ``question`` about ``structure``: a date in the question overrides ``on`` (None: today)."""
    question = question or ""
    qd = _question_date(structure, question, on)
    question_text = re.sub(r"(?i)\b(who|what|where|when|how|that|it)['’]s\b", r"\1 is", question)  # "who's our process leader"
    question_text = re.sub(r"(\w)['’]s own\b", r"\1", question_text)  # "TRIS's own process leader": the TRIS process leader
    text = normalise(question_text)
    if qd.text:
        # drop the date phrase so that "efter sammanslagningen" is no lineage cue and years are no names
        text = normalise(text.replace(normalise(qd.text), " ", 1))
    text = correct_spelling(structure, split_compounds(structure, text))
    relation, relation_pos = _relation_cue(text)
    start = _START.search(text)
    if start and qd.source in ("default", "option"):
        text = normalise(text.replace(start.group(0), " ", 1))
        qd = _at_the_start(structure, find_mentions(structure, text), relation, start.group(0)) or qd
        relation, relation_pos = _relation_cue(text)
    text = _assignments_asked(text, relation)
    responsible = RESPONSIBLE_CUE.search(text)
    mentions = _mentions(structure, text) if qd.source != "invalid" else ()
    if relation is None:
        relation, relation_pos, mentions = _holding_asked(structure, text, mentions, relation_pos)
    qd = _when_it_existed(structure, qd, mentions)
    return Reading(
        question=question,
        lang=normalise_lang(lang) if lang else detect_lang(question, structure.names.words),
        date=qd,
        text=text,
        tokens=tuple(text.split()),
        mentions=mentions,
        relation=relation,
        relation_pos=relation_pos,
        responsible=responsible is not None,
        responsible_pos=_token_index(text, responsible.start()) if responsible else 0,
        kind_noun=kind_noun(text),
        amount=bool(AMOUNT_CUE.search(text)),
        lineage=bool(LINEAGE_CUE.search(text)),
        chain=bool(CHAIN_CUE.search(text)),
        members=bool(MEMBERS_CUE.search(text)),
        listing=bool(LIST_CUE.search(text)),
    )


def _holding_asked(structure, text: str, mentions: tuple, pos: int) -> tuple[str | None, int, tuple]:
    """"Vem är processledare …?": who holds the post; "är Ida Malmberg (fortfarande) processledare?": whether she holds it."""
    kinds = [structure.entities[m.entity_id].kind for m in mentions]
    if _WHO_IS.match(text) and mentions and kinds[0] == "role" and mentions[0].start <= 4:
        return HOLDING, 1, mentions[:1]
    if WANTS_YESNO.search(text) and sorted(kinds) == ["person", "role"]:
        return HOLDING, mentions[1].start, mentions
    return None, pos, mentions


def _assignments_asked(text: str, relation: str | None) -> str:
    """"vad har LSG Nyköping bett processledaren göra?", "which tasks did … hand": a question for its assignments, said so."""
    if relation == ASSIGNS and not re.search(r"\b(?:uppdrag\w*|assign\w*)\b", text) and not re.match(r"\s*(?:vem|who)\b", text):
        return f"{text} uppdrag"
    return text


#: The reader's own words, each as a question writes it when spelt right: a word one letter off one of them (and no
#: name's word) is read as it ("anstäld" → "anstalld"). The forms the relation cues (:data:`lsgmap.vocab.RELATION_KINDS`)
#: and the kinds' nouns match.
_OWN_WORDS = tuple(sorted(set(
    "anstalld anstallda anstaller anstallde arbetsgivare finansierad finansierar finansierade finansiar finansiarer "
    "uppdragsgivare uppdragsgivaren uppdraget uppdragen rapporterar rapporterade rapporten rapport ordforande ordforanden "
    "omfattar omfattade medlemmar medlem projektagare projektagaren styrgrupp styrgruppen styrgrupper sammanslagningen "
    "sammanslagning lagesrapporten lagesrapport lagesrapporter ansokan ansokningen processledaren processledare budgeten budget "
    "kommuner kommunerna projekt projekten insatser insatserna myndigheter samverkansgrupper samverkansgrupperna "
    "beviljad beviljades godkand godkandes ansvarar ansvarig deltog deltagit traffade gemensamma gemensamt employed employs employer funded "
    "funds funder commissioned commissions reports reported members chair chairman merger merged steering steers owner "
    "owns application budget municipalities projects interventions assignments assignment report travel salary computer "
    "telephone premises lokalen lokaler lokalerna resorna telefonen datorn datorer lonen lonerna hyran kostnaden kostnader".split()
)))
_OWN_SET = frozenset(_OWN_WORDS)
#: Short forms people type ("PL", "ordf", "enl.") and the words they stand for.
_SHORT_FOR = {"pl": "processledaren", "ordf": "ordforande", "enl": "enligt", "tkr": "tkr", "proc": "processledaren", "o": "och", "nr": "antal"}


def correct_spelling(structure, text: str) -> str:
    """``text`` (normalised) with each word of five letters or more that is one letter off (or two letters swapped from) one of the reader's own
    words (:data:`_OWN_WORDS`) read as that word; a word of a name, a question word or a word the reader knows stays.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> correct_spelling(load(BUNDLED_DATA), "ar processledaren anstald av lsg")
    'ar processledaren anstalld av lsg'
    >>> correct_spelling(load(BUNDLED_DATA), "vem finansierar tris")
    'vem finansierar tris'
    >>> correct_spelling(load(BUNDLED_DATA), "vem ar ordf i lsg nykoping enl pl")
    'vem ar ordforande i lsg nykoping enligt processledaren'
    """
    from rapidfuzz.distance import OSA  # a swap of two letters is one slip ("travle", "reprot")

    names = structure.names.words
    words = [_SHORT_FOR.get(w, w) for w in text.split()]
    for i, word in enumerate(words):
        if len(word) < 5 or word in _OWN_SET or word in QUESTION_WORDS or word in names or word.isdigit() or _cued(word):
            continue
        near = [w for w in _OWN_WORDS if w[:2] == word[:2] and abs(len(w) - len(word)) <= 1 and OSA.distance(w, word, score_cutoff=1) <= 1
                and not (w.startswith(word) or word.startswith(w))]  # an ending added or dropped is a form of the word ("processledarens")
        if len(near) == 1:
            words[i] = near[0]
    return " ".join(words)


@lru_cache(maxsize=4096)
def _cued(word: str) -> bool:
    """A word some relation's or kind's cue already reads ("report", "kommunen"): spelt as the reader knows it."""
    return any(k.cue.fullmatch(word) for k in CUED_RELATIONS) or any(k.cue is not None and k.cue.fullmatch(word) for k in ENTITY_KINDS.values())


#: Second parts of compounds that name what the first part is: "processledartjänsten" is the process leader's post.
_COMPOUND_TAILS = ("tjanstens", "tjansten", "tjanst", "gruppens", "gruppen", "projektets", "projektet", "uppdraget", "rollen")


def split_compounds(structure, text: str) -> str:
    """A compound whose first part begins a one-word name is read as that name: "processledartjansten" → "processledare".

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> split_compounds(load(BUNDLED_DATA), "vem finansierar processledartjansten")
    'vem finansierar processledare'
    """
    words = text.split()
    for i, word in enumerate(words):
        for tail in _COMPOUND_TAILS:
            head = word[: -len(tail)]
            if word.endswith(tail) and len(head) >= 5:
                names = _words(structure).one_word_names.get(head[:5], ())
                match = min((v for v in names if v.startswith(head) and len(v) - len(head) <= 2), key=len, default=None)
                if match:
                    words[i] = match
                    break
    return " ".join(words)


def _kind_noun_tokens(structure, tokens: list[str], exact: set[int]) -> set[int]:
    """Token indexes of kind nouns outside exact names ("lokala samverkansgrupperna", "kommuner"): they name a kind, never an entity."""
    out = set()
    for i, token in enumerate(tokens):
        if i not in exact and kind_of_word(token) and not names_a_role(tokens, i):
            out.add(i)
            if i > 0 and tokens[i - 1] in ("lokala", "local", "de", "the"):
                out.add(i - 1)
    return out


#: Words too common in names to point at one ("presentation", "ansökan"): a topic word must be rarer.
_TOPIC_MIN = 5


def _topic_mentions(structure, tokens: list[str], taken: set[int]) -> list[Mention]:
    """Names by content: the words of the question (5+ letters, no question or cue word) that begin words of entities'
    names, each word counting 1/n for the n entities it may mean; an entity that gets a whole word's worth is named
    ("nollplacerade" → the assignment about them; "young people" → the one about young people in need).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> [m.entity_id for m in _topic_mentions(s, "did lsg trosa give an assignment about young people".split(), {1, 2})]
    ['uppdrag_ungdomar_gnesta']
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if i in taken or not topic_word(token):
            continue
        ids = {eid for eid in name_word_owners(structure, token) if structure.entities[eid].kind == "assignment"}  # named by content
        weight = 0.5 if token in _FRAME_WORDS else 1.0  # "syftet", "compare": what is asked of a thing, not which thing
        for eid in ids:
            score[eid] = score.get(eid, 0.0) + weight / len(ids)
            first.setdefault(eid, i)
    best = max(score.values(), default=0.0)
    named = [eid for eid, v in score.items() if v >= 1.0 and v == best]
    return [Mention(first[eid], first[eid] + 1, tokens[first[eid]], (eid,), 80.0, False) for eid in named]


#: Words that say what is asked of a thing (its purpose, its role, a comparison, support, administration): alone they
#: name no assignment ("Vad är syftet med ansökan?" is not the presentation of LSG's role and purpose), two of them do.
_FRAME_WORDS = frozenset(
    "syfte syftet syftar purpose purposes compare compared comparison jamfor jamfort jamforelse support supports stod stodet "
    "administrative administration administrativ administrativa administrativt roll rollen role roles "
    "propose proposes proposal proposals forslag forslaget foresla".split()
)

#: Words of five letters or more that say nothing about a topic.
_NOT_TOPICS = frozenset("about omkring other ovriga those these their there where given gives under after before while still sedan sormland sodra southern current aktuella supposed".split())


def topic_word(token: str) -> bool:
    return len(token) >= _TOPIC_MIN and token not in QUESTION_WORDS and token not in STOPWORDS and token not in _NOT_TOPICS and not _cue_word(token)


@dataclass(frozen=True)
class _Words:
    """Per structure, built once: the words of 5+ letters in the names (by their first five letters → word → entities),
    and the names by their first word ("tuna" → TUNA Nyköping/Oxelösund …)."""

    by_stem: dict[str, dict[str, set[str]]]
    by_first_word: dict[str, list[tuple[str, str]]]
    one_word_names: dict[str, list[str]]  # names of one word (5+ letters) by their first five letters


_WORDS: WeakKeyDictionary = WeakKeyDictionary()


def _words(structure) -> _Words:
    found = _WORDS.get(structure)
    if found is None:
        by_stem: dict[str, dict[str, set[str]]] = {}
        by_first: dict[str, list[tuple[str, str]]] = {}
        for e in structure.entities.values():
            name = normalise(e.name_sv)
            by_first.setdefault(name.split(" ", 1)[0], []).append((name, e.id))
            for w in normalise(f"{e.name_sv} {e.name_en}").split():
                if len(w) >= _TOPIC_MIN:
                    by_stem.setdefault(w[:_TOPIC_MIN], {}).setdefault(w, set()).add(e.id)
        one_word: dict[str, list[str]] = {}
        for v in structure.names.variants:
            if " " not in v and len(v) >= 5:
                one_word.setdefault(v[:5], []).append(v)
        found = _WORDS[structure] = _Words(by_stem, by_first, one_word)
    return found


def name_word_owners(structure, token: str) -> set[str]:
    """The entities whose names hold a word that begins with the token's stem, or begins the token."""
    stem = token[: max(_TOPIC_MIN, len(token) - 3)]
    bucket = _words(structure).by_stem.get(token[:_TOPIC_MIN], {})
    return {eid for w, owners in bucket.items() if w.startswith(stem) or token.startswith(w) for eid in owners}


@lru_cache(maxsize=4096)
def _cue_word(token: str) -> bool:
    """A word that names a relation or a kind ("styrgrupp", "finansierar", "kommunerna"): never a topic."""
    return any(k.cue.search(token) for k in CUED_RELATIONS) or any(k.cue is not None and k.cue.search(token) for k in ENTITY_KINDS.values())


def _still_a_name(m: Mention, tokens: list[str], kinds: set[int]) -> bool:
    """An exact name, a fuzzy one on no kind word, or "LSG" and a misspelt name ("LSG Nyköpng"); never "de lokala samverkansgrupperna"."""
    if m.exact or not kinds.intersection(range(m.start, m.end)):
        return True
    return tokens[m.start] == "lsg" and m.end - m.start >= 2


def _mentions(structure, text: str) -> tuple[Mention, ...]:
    """The names in the question: exact and fuzzy names, never a kind noun read as a name, then names by topic words."""
    tokens = text.split()
    found = find_mentions(structure, text)
    exact = {i for m in found if m.exact for i in range(m.start, m.end)}
    kinds = _kind_noun_tokens(structure, tokens, exact)
    found = [m for m in found if _still_a_name(m, tokens, kinds)]
    kinds -= {i for m in found for i in range(m.start, m.end)}
    taken = {i for m in found for i in range(m.start, m.end)} | kinds
    if not any(structure.entities[m.entity_id].kind == "assignment" for m in found):
        found += [m for m in _topic_mentions(structure, tokens, taken) if m.entity_id not in {f.entity_id for f in found}]
    return _once_each(_merged_named(structure, text, _group_of_place(structure, tokens, _joined_over_i(structure, tokens, found))))


def _group_of_place(structure, tokens: list[str], found: list[Mention]) -> list[Mention]:
    """A place followed by "LSG" is that place's group ("Gnesta-LSG:n", "the Gnesta LSG", "Trosas LSG" → LSG Gnesta …)."""
    out: list[Mention] = []
    for m in found:
        place = next((i for i in m.entity_ids if structure.entities[i].kind == "municipality"), None)
        named = normalise(f"lsg {structure.entities[place].short_name or ''}") if place else ""
        if named and m.end < len(tokens) and tokens[m.end] in ("lsg", "lsgn", "lsg:n", "lsget") and named in structure.names.variants:
            out.append(Mention(m.start, m.end + 1, f"{m.text} {tokens[m.end]}", structure.names.ids_for(named), 100.0, True))
        elif named and m.start >= 2 and tokens[m.start - 2 : m.start] in (["lsg", "i"], ["lsg", "in"]) and named in structure.names.variants:
            out.append(Mention(m.start - 2, m.end, " ".join(tokens[m.start - 2 : m.end]), structure.names.ids_for(named), 100.0, True))  # "LSG i Nyköping"
        elif named and named in structure.names.variants and out and tokens[out[-1].start : out[-1].start + 2] in (["lsg", "i"], ["lsg", "in"]) \
                and tokens[out[-1].end : m.start] in (["och"], ["and"], ["samt"]):
            out.append(Mention(m.start, m.end, m.text, structure.names.ids_for(named), 100.0, True))  # "LSG i Gnesta och Trosa": LSG Trosa too
        else:
            out.append(m)
    return out


def _joined_over_i(structure, tokens: list[str], found: list[Mention]) -> list[Mention]:
    """Two names with "i"/"in" between that are one name without it ("TUNA i Nyköping/Oxelösund" is TUNA
    Nyköping/Oxelösund, not TUNA and a group in its place)."""
    for a, b in zip(found, found[1:], strict=False):
        if b.start == a.end + 1 and tokens[a.end] in ("i", "in"):
            joined = " ".join(tokens[a.start : a.end] + tokens[b.start : b.end])
            if joined in structure.names.variants:
                one = Mention(a.start, b.end, " ".join(tokens[a.start : b.end]), structure.names.ids_for(joined), 100.0, True)
                return [m for m in found if m not in (a, b)] + [one]
    return found


#: "det gemensamma LSG:t för Trosa och Gnesta", "the new joint LSG", "sammanslagna LSG": what two became.
_MERGED_CUE = re.compile(r"\b(?:gemensamma|sammanslagna|sammanslagen|nya|joint|merged|combined|new)\s+(?:lsg|grupp\w*|group|samverkansgrupp\w*)")


def _when_it_existed(structure, qd: QuestionDate, mentions) -> QuestionDate:
    """A question with no date about something that did not exist yet on the default day ("Vem är ordförande i det
    gemensamma LSG:t?") is asked about its first day, said so; else the date as read."""
    if qd.source != "default" or not mentions:
        return qd
    entities = [structure.entities[m.entity_id] for m in mentions]
    if not all(e.valid_from and e.start > qd.span[1] for e in entities):
        return qd
    first = max(entities, key=lambda e: e.start)
    return replace(option_date(first.start, source="named"), text=first.name_sv.split(" (")[0])


def _merged_named(structure, text: str, found: list[Mention]) -> list[Mention]:
    """The merged group when the question names it by what it came from ("the new joint LSG for Trosa and Gnesta" is
    LSG Trosa-Gnesta, not the municipalities): the names of its forerunners (or of their places) become one mention."""
    if not _MERGED_CUE.search(text) or len(found) < 2:
        return found
    became: dict[str, list[Mention]] = {}
    for m in found:
        for group in _groups_of(structure, m.entity_id):
            for b in queries.lineage(structure, group)["became"]:
                became.setdefault(b.id, []).append(m)
    merged = next(((eid, ms) for eid, ms in became.items() if len({m.entity_id for m in ms}) >= 2), None)
    if merged is None:
        return found
    eid, parts = merged
    start, end = min(m.start for m in parts), max(m.end for m in parts)
    one = Mention(start, end, " ".join(text.split()[start:end]), (eid,), 100.0, True)
    return [m for m in found if m not in parts] + [one]


def _groups_of(structure, entity_id: str) -> list[str]:
    """The entity itself, and for a municipality the groups that cover it."""
    if structure.entities[entity_id].kind != "municipality":
        return [entity_id]
    return [r.from_id for r in structure.incoming(entity_id) if r.relation == COVERAGE]


def _once_each(mentions: list[Mention]) -> tuple[Mention, ...]:
    """The mentions in text order, each entity once: "tjänsten som processledaren" names one entity twice."""
    first: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        first.setdefault(m.entity_id, m)
    return tuple(first.values())


#: "Vem är …", "Who was …": with a post named, who holds it.
_WHO_IS = re.compile(r"^\s*(?:vem|who)\s+(?:ar|var|blev|har|hade|innehar|is|was|became|has|had|holds|held)\b(?:\s+(?:our|var|vart|den|the)\b)?")

#: "vid starten" / "at the start": the first day the named entity held the relation asked about (or existed).
_START = re.compile(r"\b(?:vid|i|fran)\s+starten\b|\bat\s+the\s+(?:start|beginning)\b")


def _at_the_start(structure, mentions, relation: str | None, phrase: str) -> QuestionDate | None:
    """The first stated day of the first named entity's relations of the kind asked about (else of the entity itself).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> read_question(s, "Vilka var uppdragsgivare till processledaren vid starten?").date.label()
    '2016-10-01'
    """
    if not mentions:
        return None
    x = mentions[0].entity_id
    days = [r.start for r in structure.relations_of(x) if r.relation == relation and r.valid_from] if relation else []
    entity = structure.entities[x]
    if not days and entity.valid_from:
        days = [entity.start]
    if not days:
        return None
    return replace(option_date(min(days), source="question"), text=phrase)


def _question_date(structure, question: str, on) -> QuestionDate:
    qd = find_date(question, structure=structure, entity_ids=lambda: tuple(m.entity_id for m in find_mentions(structure, question)))
    if qd is not None and not (on is not None and is_now(qd)):
        return qd  # "nu"/"idag" with a date given (--on) means that date: the user set the clock
    if on is None:
        base = default_date(structure)
    else:
        try:
            base = option_date(on)
        except DateParseError as exc:
            raise InputError(msg("cli.bad_date", value=on, reason=msg(exc.reason_key, **exc.params)), option="on") from None
    return relative_year(question, base.first) or base  # "i år" counts from the date in use


def _relation_cue(text: str) -> tuple[str | None, int]:
    """The first cued relation kind and the word where its cue starts; "status report" names a document, not "reports"."""
    text = re.sub(r"\b(?:status reports?|reports? period|reporting period)\b", "statusreport", text)
    for kind in CUED_RELATIONS:
        m = kind.cue.search(text)
        if m:
            return kind.key, _token_index(text, m.start())
    for i, word in enumerate(text.split()):  # a compound ending in a cue word: "lägesrapporter" reports, "styrgruppsordförande" chairs
        for kind in CUED_RELATIONS:
            if len(word) >= 9 and any(kind.cue.fullmatch(word[k:]) for k in range(3, len(word) - 5)):
                return kind.key, i
    return None, 0


def _token_index(text: str, char_pos: int) -> int:
    return len(text[:char_pos].split())


def name_alternatives(structure, mention: Mention) -> list[str]:
    """The entities the words may mean, the likeliest first: the names' own candidates, then the groups
    that cover a municipality of that name ("Gnesta" → LSG Gnesta)."""
    ids = list(mention.entity_ids)
    prefix = f"{mention.text} "
    named = _words(structure).by_first_word.get(mention.text.split(" ", 1)[0], [])
    ids += [eid for name, eid in named if eid not in ids and name.startswith(prefix)]  # "TUNA" → TUNA Nyköping/Oxelösund
    for eid in mention.entity_ids:
        if structure.entities[eid].kind == "municipality":
            groups = [r.from_id for r in structure.incoming(eid) if r.relation == COVERAGE]
            groups.sort(key=lambda g: (len([r for r in structure.outgoing(g) if r.relation == COVERAGE]), g))
            ids.extend(g for g in groups if g not in ids)
    return ids


#: Documents named in a question: a word of the document's title, and its English name.
_DOCUMENT_WORDS = {"lagesrapport": ("lagesrapport\\w*", "status reports?", "report"), "ansokan": ("ansokan\\w*", "application\\w*")}
_DOCUMENT_CUE = re.compile(
    r"\b(?:enligt|i|in|according to|from|fran|bakom|behind|med i|mentioned in|named in|listed in)\s+(?:the\s+|den\s+)?("
    + "|".join(w for words in _DOCUMENT_WORDS.values() for w in words)
    + r")\b"
)


def is_document_word(token: str) -> bool:
    """A word that names one of the documents ("lägesrapporten", "ansökan", "report"), normalised.

    >>> is_document_word("lagesrapporten"), is_document_word("halsoskolan")
    (True, False)
    """
    return any(re.fullmatch(p, token) for words in _DOCUMENT_WORDS.values() for p in words)


def document_filter(structure, reading: Reading) -> tuple[tuple[str, ...], str]:
    """(document ids, the words) of "enligt ansökan" / "in the status report", or ((), "")."""
    m = _DOCUMENT_CUE.search(reading.text)
    if not m:
        return (), ""
    word = m.group(1)
    for key, patterns in _DOCUMENT_WORDS.items():
        if any(re.fullmatch(p, word) for p in patterns):
            docs = tuple(d.id for d in structure.documents.values() if normalise(d.title).startswith(key))
            return docs, m.group(0)
    return (), ""


def named_documents(structure, reading: Reading, *, loosely: bool = False) -> tuple[str, ...]:
    """The documents a question names anywhere ("lägesrapporten", "the status report"), with or without "enligt";
    "ansökan" only in its definite form or after "enligt"/"i" (a question may ask about "en ansökan om …") unless
    ``loosely`` (a question about who wrote or signed "ansökan" means the document)."""
    for key, patterns in _DOCUMENT_WORDS.items():
        if key == "ansokan" and not loosely:
            patterns = ("ansokan\\w+", "the application", "(?:enligt|enl|i|in|according to) ansokan(?! (?:om|angaende|for|till)\\b)",
                        "(?<!\\ben )ansokan(?! (?:om|angaende|for|till)\\b)", "ansokan om (?:en )?(?:tjanst|processledar)\\w*")
        if any(re.search(rf"\b{p}\b", reading.text) for p in patterns):
            return tuple(d.id for d in structure.documents.values() if normalise(d.title).startswith(key))
    return ()
