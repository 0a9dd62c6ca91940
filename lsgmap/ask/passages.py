"""Passages of the shipped documents that speak to a question the data's facts do not answer.

The facts are what lsgmap reads from the documents; much of a document is not a
fact about who steers what ("Processledarens uppdrag kan delas in i tre
huvudsakliga områden: …", "Detta kommer att slutföras under början av 2017").
:func:`passages` finds the sentences (a sentence ending in ":" with the list
under it) that share the most of the question's rarer words, each with its
document and line, so an answer can quote them instead of guessing.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> top = passages(s, "Hur många LSG-möten deltog processledaren på?")[0]
>>> top.text
'Under den aktuella perioden har processledaren deltagit på fem LSG möten.'
>>> top.document, top.line
('lagesrapport_2016', 28)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from weakref import WeakKeyDictionary

from lsgmap.ask.reading import detect_lang
from lsgmap.i18n import t
from lsgmap.model.names import normalise

__all__ = ["Passage", "passages", "document_path", "document_sentences", "stems_of", "says_what_is_asked", "overlap", "listed_item", "list_items", "list_counted", "counted", "headings_above"]

#: Function words of questions (relation words such as "ordförande" or "finansierar" stay: they are what a passage is about).
_FUNCTION = frozenset(
    "vem vilka vilken vilket vad hur nar var som ar av till for med och i pa den det de en ett om har hade finns fanns ska "
    "skulle kan mellan efter fore innan nu idag who what which how when does do did is are was were the a an of to for by "
    "with and in on at from be been this that those these it its into than then manga mycket many much ror rorande angaende "
    "regarding concerning galler gallande get gets got hosten varen sommaren vintern autumn spring summer winter jan feb mar apr jun jul aug sep sept okt oct nov dec "
    "infor erna arna star sta sager saga say says said enligt enl according vid dokumenten dokumentet dokument documents document kallorna kallor sources source".split()
)
#: Words that say nothing about what a passage is about.
_COMMON = frozenset(
    "processledaren processledare lsg lsgs under den det som har hade att for med och till fran eller inte kan ska skall "
    "vara varit blev blir finns fanns detta dessa sina sitt samt also about with that this have from which what does their "
    "there the and for process leader stated says said namns namner namnda omnamns mentioned".split()
)
_STEM = 5
#: The stems of the documents' own names ("ansökan", "lägesrapporten", "the application", "the report")
_DOCUMENT_STEMS = frozenset({"ansok", "lages", "rappo", "appli"})
_HEADING = "#"  # a stem marked as the heading of a whole list
_UNDER = "~"  # a stem marked as the heading a passage stands under
_SECTION = "§"  # the mark of a passage that is a heading's whole section
_WHOLE = "="  # a long word's own stem, beside its first five letters
#: Stems that say what is asked of a thing ("vad har ordförandena för roll", "vad är syftet"), not what it is about:
#: they weigh less than the words that name the thing (a whole section under the heading "Syfte" still answers).
_FRAME = frozenset({"roll", "syft"})
_FRAME_WEIGHT = 0.4
_WHOLE_STEM = 12
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


@dataclass(frozen=True)
class Passage:
    """A sentence of a shipped document (with the list under it when it ends in ":"), its document and its line."""

    document: str
    title: str
    line: int
    text: str
    score: float

    def to_json(self) -> dict[str, object]:
        return {"document": self.document, "title": self.title, "line": self.line, "text": self.text}


#: English words of questions → the Swedish words of the documents (the documents are Swedish).
_SWEDISH = {
    "malen": "mal", "malet": "mal", "three": "tre", "areas": "omraden", "area": "omraden", "mission": "uppdrag", "assignments": "uppdrag", "assignment": "uppdrag",
    "meetings": "moten", "meeting": "moten", "report": "rapport", "support": "stod", "administrative": "administrativt",
    "knowledge": "kunskap", "development": "utveckling", "goal": "mal", "goals": "mal", "purpose": "syfte", "role": "roll",
    "chair": "ordforande", "chairs": "ordforande", "signed": "underskrift", "wrote": "underskrift", "written": "underskrift",
    "activities": "aktiviteter", "training": "utbildning", "structure": "struktur", "structures": "strukturer",
    "decided": "beslut", "decision": "beslut", "applied": "ansoker", "application": "ansokan", "budget": "budget",
    "salary": "lon", "travel": "resor", "planning": "planering", "funded": "finansierad", "employer": "arbetsgivare",
    "tasks": "uppgifter", "task": "uppgift", "contact": "kontakt", "closest": "narmaste", "young": "ungdomar", "youth": "ungdomens",
    "local": "lokala", "collaboration": "samverkan", "groups": "grupper", "group": "grupp", "do": "arbeta", "drive": "driva",
    "attended": "deltagit", "attend": "deltagit", "deltog": "deltagit", "deltar": "deltagit", "delta": "deltagit", "call": "utlysning",
    "trainings": "utbildning", "courses": "utbildning", "course": "utbildning", "workshop": "workshop", "met": "traffat", "meet": "traffat",
    "vanda": "kontakt", "turn": "kontakt", "links": "kontakt", "link": "kontakt", "connects": "kontakt", "connect": "kontakt", "liaison": "kontakt", "traffade": "traffat", "traffa": "traffat", "gjort": "deltagit", "gjorde": "deltagit", "gatt": "deltagit", "gora": "stod", "stotta": "stod", "stottar": "stod", "bista": "stod", "fardig": "slutforas", "fardigt": "slutforas", "fardiga": "slutforas", "annual": "arliga", "yearly": "arliga", "days": "dagar", "day": "dagar",
    "take": "delta", "part": "delta", "presentation": "presentationen", "evaluation": "utvarderingen", "coordinator": "samordnare", "went": "deltagit", "go": "deltagit", "participated": "deltagit",
    "steering": "styrgrupp", "owner": "agare", "owners": "agare", "help": "stod", "hjalpa": "stod", "hjalper": "stod", "supports": "stod",
    "folja": "uppfoljning", "post": "tjanst", "responsibility": "uppdrag", "responsibilities": "uppdrag", "funders": "finansiar", "funder": "finansiar", "basic": "grund", "direction": "inriktning", "draft": "utkast", "activity": "aktivitet", "propose": "foresla", "proposes": "foresla", "period": "period", "first": "forsta", "joint": "gemensamma", "complete": "slutforas", "finished": "slutforas", "done": "slutforas",
    "seminars": "seminarier", "seminar": "seminarier", "seminarium": "seminarier", "follow": "uppfoljning", "followup": "uppfoljning",
    "ingar": "omraden", "bestar": "omraden", "omfattar": "omraden", "hard": "svart", "difficult": "svart", "difficulties": "svart",
    "decides": "beslut", "decide": "beslut", "minutes": "minnesanteckningar", "notes": "anteckningar", "agenda": "dagordning", "agendas": "dagordning", "delar": "omraden", "consist": "omraden", "consists": "omraden", "parts": "omraden",
    "components": "omraden", "innehaller": "omraden", "includes": "omraden", "include": "omraden",
    "bestamt": "beslut", "bestamde": "beslut", "bestammer": "beslut", "beslutat": "beslut", "beslutade": "beslut", "decisions": "beslut",
}


#: Second parts of Swedish compounds that carry the meaning on their own ("processledartjänsten" is about the post).
_TAILS = ("tjansten", "tjanst", "gruppen", "grupper", "projektet", "moten", "motet", "uppdraget")


_ENDINGS = ("arna", "erna", "orna", "ar", "er", "or", "en", "et", "n", "e")


def _swedish(word: str) -> str:
    """The documents' word for a question's word, without a plural or definite ending: "trainings" → "utbildning",
    "deltog" → "deltagit", "meetings" and "möten" → "möte"."""
    word = _SWEDISH.get(word) or (_SWEDISH.get(word[:-1]) if word.endswith("s") else None) or word
    return next((word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4), word)


def _own_part(word: str) -> str:
    """A compound on the post's name without it: "processledartjänstn" is about the post ("tjänstn"), not the processes."""
    return word[len("processledar"):] if word.startswith("processledar") and len(word) >= len("processledar") + 4 else word


def _stems(text: str, *, compounds: bool = False) -> set[str]:
    """The 5-letter stems of the rarer words; with ``compounds`` (a document's words) also the stems inside a long
    word, so "utbildningar" finds "Grundutbildning i TRIS" and "möte" finds "Utlysningsmöte"."""
    words = [_swedish(_own_part(w)) for w in normalise(text).split() if w not in _FUNCTION and w not in _COMMON]
    tails = {tail for w in words if len(w) > 10 for tail in _TAILS if w.endswith(tail)}
    inner = {_UNDER + w[k : k + _STEM] for w in words if compounds and len(w) > 9 for k in range(3, len(w) - _STEM + 1)}  # count half
    whole = {_WHOLE + w[:_WHOLE_STEM] for w in words if len(w) >= _WHOLE_STEM and not w.startswith("processledar")}  # "utvecklingsområden" is more than "utveckling"
    return {w[:_STEM] for w in [*words, *tails] if len(w) >= 3 and w not in _COMMON and not w.isdigit()} | inner | whole


@lru_cache(maxsize=8)
def _lines(path: Path) -> tuple[str, ...]:
    """A shipped document's lines, read once (the passages and the headings above a passage both read them)."""
    return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())


@lru_cache(maxsize=8)
def _sentences(folder: Path, documents: tuple[tuple[str, str, str], ...], english: bool = False) -> tuple[tuple[str, str, int, str, frozenset[str]], ...]:
    """(document, title, line, sentence, stems) of every shipped document; a sentence ending in ":" carries its list;
    with ``english``, the stems of its English copy too (an English question is matched by both)."""
    out = []
    for doc_id, title, reference in documents:
        path = folder / reference
        if reference and Path(reference).name == reference and path.is_file() and not path.is_symlink():
            units = _document_units(_lines(path))
            copy = _english_stems(path, units) if english else {}
            out += [(doc_id, title, line, text, stems | copy.get(k, frozenset())) for k, (line, text, stems) in enumerate(units)]
    return tuple(out)


def _english_stems(path: Path, units: list) -> dict[int, frozenset[str]]:
    """The stems of each passage's English copy (``documents/en/``, line for line), by the passage's place: an English
    question finds the English words ("the stated purpose of the post") as a Swedish one finds the Swedish; {} without
    a copy whose lines match the document's."""
    copy = path.parent / "en" / path.name
    if not copy.is_file() or copy.is_symlink():
        return {}
    swedish, english = _lines(path), _lines(copy)
    if len(swedish) != len(english):
        return {}
    out = {}
    for k, (line, text, _) in enumerate(units):
        said = " ".join(text.split())
        words = [_said_in_english(swedish[i], english[i], said) for i in range(line - 1, min(line + 15, len(swedish)))]
        out[k] = frozenset(_stems(" ".join(words), compounds=True))
    return out


def _said_in_english(swedish: str, english: str, said: str) -> str:
    """The English of the sentences of one Swedish line that a passage holds ("" when it holds none of them)."""
    plain = [" ".join(x.split()) for x in _SENTENCE.split(swedish.strip().lstrip(_BULLETS + " ").replace("**", ""))]
    theirs = _SENTENCE.split(english.strip().lstrip(_BULLETS + " ").replace("**", ""))
    if len(plain) != len(theirs):
        theirs = [english] * len(plain)
    return " ".join(en for sv, en in zip(plain, theirs, strict=True) if sv and sv in said)


#: The marks a list item starts with ("\uf0b7": a PDF's bullet).
_BULLETS = "-•*\uf0b7"


def _is_heading(line: str) -> bool:
    """A line of five words or fewer that ends no sentence ("Processledare", "C. Stöd för utveckling")."""
    return len(line.split()) <= (8 if _LETTERED.match(line) else 5) and not line.endswith((".", ":", ";", ","))


def _document_units(lines: list[str] | tuple[str, ...]) -> list[tuple[int, str, frozenset[str]]]:
    """(line, passage, stems) of one document: a heading's stems go with the lines under it; a heading over a numbered
    list makes the whole list one passage ("Mål: 1. … 4. …")."""
    out = []
    heading: set[str] = set()
    listed: set[int] = set()  # numbered lines already in their heading's passage
    for i, raw in enumerate(lines):
        line = raw.strip().lstrip(_BULLETS + " ").replace("**", "")
        if not line or i in listed:
            continue
        if _is_heading(line):
            heading = _stems(line)
            out += _under_heading(lines, i, line, heading, listed)
            continue
        under = {_UNDER + w for w in heading}  # the heading's words count, less than the passage's own
        out += [(i + 1, text, frozenset(own | under)) for text in _units(line, lines[i + 1 : i + 16]) if len(own := _stems(text, compounds=True)) >= 3]
    return out


_CONFLICTS: WeakKeyDictionary = WeakKeyDictionary()
#: A recorded conflict is lsgmap's note about the documents, not the documents: it answers only when it shares clearly more
NOTE_WEIGHT = _NOTE_WEIGHT = 0.75
#: A question whether the documents are right or agree: what the recorded conflicts are about
_ASKS_RIGHT = re.compile(r"\b(?:stammer|ratt|fel\w*|korrekt\w*|motstrid\w*|skiljer|olika|overens|correct|right|wrong|mistakes?|errors?|disagree\w*|differ\w*|conflict\w*|agree)\b")
#: The "document" of a passage that is a recorded conflict (conflicts.csv), not a quote.
CONFLICTS = "conflicts.csv"


def _conflicts(structure) -> tuple:
    """The recorded conflicts as passages ("Mål 1 i ansökan räknar upp Gnesta två gånger och saknar Trosa …"), made once."""
    found = _CONFLICTS.get(structure)
    if found is None:
        found = _CONFLICTS[structure] = tuple(
            (CONFLICTS, t("ask.recorded_conflict", "sv"), c.line, c.topic_sv, frozenset(_stems(c.topic_sv) | _stems(c.topic_en)))
            for c in structure.conflicts
        )
    return found


def conflicts_on(structure, passage: Passage) -> list[Passage]:
    """The recorded conflicts about what ``passage`` says: those whose source quotes words of it ("Mål: 1. … Gnesta,
    Nyköping, Oxelösund och Gnesta är mycket bra" → "Mål 1 i ansökan räknar upp Gnesta två gånger och saknar Trosa …").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> goals = next(p for p in passages(s, "Vad säger målen om samverkansarbetet?") if p.text.startswith("Mål"))
    >>> [p.text[:30] for p in conflicts_on(s, goals)]
    ['Mål 1 i ansökan räknar upp Gne']
    """
    if passage.document == CONFLICTS:
        return []
    text = normalise(passage.text)
    title = t("ask.recorded_conflict", "sv")
    return [Passage(CONFLICTS, title, c.line, c.topic_sv, 0.0) for c in structure.conflicts
            if any(len(q := normalise(structure.sources[i].quote)) >= _QUOTED and q in text
                   for i in c.sources[:1] if i in structure.sources and structure.sources[i].document == passage.document)]


#: The shortest source quote that ties a recorded conflict to a passage.
_QUOTED = 30


def _numbered(following: list[str]) -> list[tuple[int, str]]:
    """The numbered lines right under a heading ("1. …", "2. …"), blank lines skipped, up to the first other line."""
    items = []
    for k, raw in enumerate(following):
        line = raw.strip()
        if not line:
            continue
        if not re.match(r"\d+[.)]\s", line):
            break
        items.append((k, line))
    return items


def _under_heading(lines, i: int, line: str, heading: set[str], listed: set[int]) -> list[tuple[int, str, frozenset[str]]]:
    """The passage a heading makes of what stands under it: a numbered list ("Mål: 1. … 4. …"; its lines go into
    ``listed``), or the whole section ("Syfte: Genom effektivisering …"); none for a bullet or a table's row."""
    marks = {_HEADING + w for w in heading} | heading
    numbered = _numbered(lines[i + 1 : i + 12])
    if len(numbered) >= 2:
        joined = " ".join(text for _, text in numbered)
        listed.update(k + i + 1 for k, _ in numbered)
        return [(i + 1, f"{line}: {joined}", frozenset(_stems(joined, compounds=True) | marks))]
    if not heading or lines[i].strip().startswith(tuple(_BULLETS)) or any(c.isdigit() for c in line):
        return []
    section = _section(lines[i + 1 : i + 16])
    return [(i + 1, f"{line}: {section}", frozenset(_stems(section, compounds=True) | marks | {_SECTION}))] if section else []


def _section(following: list[str]) -> str:
    """What stands under a heading up to the next heading, as one text ("Syfte: Genom effektivisering …"; the bullets
    of "C. Stöd för utveckling" joined by "; "): a question that names the heading is answered by all of it. "" when
    the heading is followed at once by another, or the section is longer than the lines given."""
    parts: list[str] = []
    for raw in following:
        line = raw.strip().replace("**", "")
        if not line:
            continue
        if _is_heading(line.lstrip(_BULLETS + " ")) and not line.startswith(tuple(_BULLETS)):
            return " ".join(parts).replace(" ; ", "; ").strip("; ")
        if line.endswith(":"):
            return ""  # a sentence with the list under it is a passage of its own already
        bullet = line.startswith(tuple(_BULLETS)) and parts and not parts[-1].endswith(":")
        parts.append(("; " if bullet else "") + line.lstrip(_BULLETS + " "))
    return ""


def _bullets(following: list[str]) -> list[str]:
    """The bullet lines right under a line, blank lines skipped, up to the first other line (a heading, the next text):
    a quote never joins the lists of two sections."""
    items = []
    for raw in following:
        line = raw.strip()
        if not line:
            continue
        if not line.startswith(tuple(_BULLETS)):
            break
        items.append(line.lstrip(_BULLETS + " "))
    return items


def _units(line: str, following: list[str]) -> list[str]:
    """The passages of one line: each sentence with the next ("… en administrativ struktur. Detta kommer att slutföras …");
    a sentence ending in ":" with the list under it ("tre huvudsakliga områden: …")."""
    sentences = _SENTENCE.split(line)
    out = []
    for k, sentence in enumerate(sentences):
        text = " ".join(sentences[k : k + 2])
        if sentence.endswith(":"):
            items = _bullets(following)  # the bullets under it, up to the next line that is none
            text = " ".join([sentence, "; ".join(items)]) if items else sentence
        out.append(text)
    return out


#: "hur många" wants a number, "när" a date: a passage that holds one answers better.
_WANTS_NUMBER = re.compile(r"\b(?:hur manga|how many|antal|number of)\b")
_WANTS_FREQUENCY = re.compile(r"\b(?:hur ofta|how often|how frequently|frequency)\b")
_FREQUENCY = re.compile(r"\b(?:\w*vis|arligen|arlig\w*|varje|per|manatlig\w*|veckolig\w*|gang(?:er)?|annual\w*|yearly|monthly|weekly)\b")
_WANTS_DATE = re.compile(r"\b(?:nar|when|vilket datum|what date|hur lange|how long|until)\b")
_NUMBER = re.compile(r"\b(?:\d+|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|one|two|three|four|five|six)\b")
_DATE = re.compile(r"\b(?:(?:19|20)\d\d|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|arsskiftet|borjan|slutet)\b")


def _score(wanted: set[str], idf: dict[str, float], stems: frozenset[str], text: str, average: float, boost: re.Pattern | None) -> float:
    """The idf of the question's words in the passage, with a mild length norm (a long list does not win by length
    alone); a line broken off mid-sentence (text taken from a PDF) is a worse quote than the whole sentence; a passage
    with a number (for "hur många") or a date (for "när") in it answers better."""
    own = sum(idf.get(w, 0.0) * (_FRAME_WEIGHT if w in _FRAME and _HEADING + w not in stems else 1.0) for w in wanted & stems)  # "Syfte:" is the purpose
    under = sum(idf.get(w, 0.0) for w in wanted - stems if _UNDER + w in stems)
    score = (own + 0.5 * under) / (0.75 + 0.25 * len(stems) / average) * _heading_factor(wanted, stems)
    if boost is not None and boost.search(text if boost is _LIST else normalise(text)):
        score *= 1.5 if boost is not _LIST else 2.0  # "vad deltog …": the list under "deltagit på:" over one sentence
    if text.rstrip().endswith(":"):
        score *= 0.6  # "delas in i tre områden:" without the list under it (a PDF's) says nothing yet
    return score if text.rstrip(")").endswith((".", "!", "?", ":")) or boost is _LIST else score * 0.8


def _heading_factor(wanted: set[str], stems: frozenset[str]) -> float:
    """×2 for the whole list or section under a heading the question names ("Mål" answers "hur många mål", "Syfte" "vad
    är syftet"); a whole section whose heading the question does not name ×0.2 (a line of it answers better)."""
    if _SECTION in stems:
        return 2.0 if {w[1:] for w in stems if w[0] == _HEADING} <= wanted else 0.2
    return 2.0 if any(_HEADING + w in stems for w in wanted) else 1.0


def passages(structure, question: str, *, limit: int = 3, minimum: float = 1.5, only: tuple[str, ...] = (), named: bool = False) -> list[Passage]:
    """The sentences of the shipped documents that share most of the question's rarer words (idf-weighted), best first;
    the same sentence in another copy of a document, or a part of one already chosen, only once."""
    # "enligt ansökan": that document only, and the notes on the documents (what lsgmap records about them, weighed less)
    sentences = tuple(x for x in _corpus(structure, detect_lang(question) == "en") if not only or x[0] in only or x[0] == CONFLICTS)
    wanted = _stems(question) - (_DOCUMENT_STEMS if only or named else set())  # the document named is where to look, not what for
    if not wanted or not sentences:
        return []
    idf, average = _idf(sentences, wanted)
    boost = _boost(question)
    weigh = _weights(question)
    scored = [
        (Passage(doc_id, title, line, text, round(score * weigh(doc_id, text), 2)), stems)
        for doc_id, title, line, text, stems in sentences
        if len(stems) >= 4 and (score := _score(wanted, idf, stems, text, average, boost)) >= minimum  # not a heading or a broken line
    ]
    scored += _lettered_part(sentences, question, max((p.score for p, _ in scored), default=minimum))
    return _distinct(sorted(scored, key=lambda x: (-x[0].score, -len(x[0].text.strip()))), limit)  # a tie: the first copy


def _lettered_part(sentences, question: str, top: float) -> list[tuple[Passage, frozenset[str]]]:
    """The section a question names by its letter ("Vad ingår i del B?": «B. Inhämtning samt spridning av kunskap: …»),
    above every other passage, whatever words it shares with the question."""
    asked = _LETTER_ASKED.search(question)
    if not asked:
        return []
    letter, heading = next(g for g in asked.groups()[:3] if g).upper(), asked.group(4)
    part = f"{letter}. "
    return [(Passage(doc_id, title, line, text, round(top + 1, 2)), stems)
            for doc_id, title, line, text, stems in sentences if _SECTION in stems and text.startswith(part)
            and (heading is None or normalise(text[len(part):]).startswith(normalise(heading)))]  # "under C stöd …": C. Stöd …


def _idf(sentences, wanted: set[str]) -> tuple[dict[str, float], float]:
    """How rare each of the question's stems is among the passages (a heading's word counts for the passages under it),
    and how many stems a passage has on average; a section repeats its lines, so its words are no rarer for it."""
    units = [s for s in sentences if _SECTION not in s[4]] or list(sentences)
    df = {w: sum(w in s[4] or _UNDER + w in s[4] for s in units) for w in wanted}
    return {w: math.log(1 + len(units) / k) for w, k in df.items() if k}, sum(len(s[4]) for s in units) / len(units)


def _weights(question: str):
    """What a passage's score is multiplied by: the question's words side by side in it (:func:`_phrase_bonus`), and a
    recorded conflict weighs less than the documents unless the question asks whether they are right ("stämmer …?")."""
    phrases = _phrases(question)
    note = 1.25 if _ASKS_RIGHT.search(normalise(question)) else _NOTE_WEIGHT
    return lambda doc_id, text: _phrase_bonus(phrases, text) * (note if doc_id == CONFLICTS else 1.0)


#: A lettered part of a document asked about: "del A", "område B", "part (A)", "(C)".
_LETTER_ASKED = re.compile(r"\b(?:del|delen|omr[aå]de|omr[aå]det|punkt|part|area|section)\s+\(?([A-H])\)?(?![\w.])|\(([A-H])\)|"
                           r"\b(?:under|in|i)\s+([A-H])\.?\s+(\w+)", re.IGNORECASE)  # "under C. Stöd för utveckling": the letter and the heading's word


def _phrases(question: str) -> set[tuple[str, str]]:
    """Two words of the question side by side, neither a function word, as the documents' stems ("administrativt stöd",
    "the TRIS days" → ("tris", "dagar"))."""
    words = [_pair_stem(w) for w in normalise(question).split()]
    return {(a, b) for a, b in zip(words, words[1:], strict=False) if a and b}


def _pair_stem(word: str) -> str:
    """A word's stem for a pair of words side by side; "" for a function word, a number or a short word."""
    if word in _FUNCTION or word in _COMMON or len(word) < 3 or word.isdigit():
        return ""
    return _swedish(word)[:_STEM]


def _phrase_bonus(phrases: set[tuple[str, str]], text: str) -> float:
    """A passage that has two of the question's words side by side as the question does answers better (×1.5 each, at most ×2).

    >>> _phrase_bonus(_phrases("vilka ska PL ge administrativt stöd till?"), "Administrativt stöd till ordföranden i LSG")
    1.5
    >>> _phrase_bonus(_phrases("what about the TRIS days?"), "Delta vid planering och genomförande av årliga TRIS-dagar.")
    1.5
    """
    if not phrases:
        return 1.0
    words = [_pair_stem(w) for w in normalise(text).split()]
    found = len(phrases & set(zip(words, words[1:], strict=False)))
    return min(2.0, 1.5 ** found)


_LETTERED = re.compile(r"^[A-ZÅÄÖ0-9]\.\s")


def headings_above(structure, passage: Passage) -> tuple[str, ...]:
    """The headings a listed line stands under, outermost first: ("Processledare", "C. Stöd för utveckling") for
    "Utarbeta och föreslå LSG aktivitetsplaner halvårsvis." — a line without its subject says whose it is through them.
    Empty for a passage that is no list item, or whose document is not shipped.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> headings_above(s, passages(s, "vem tar fram aktivitetsplanerna", limit=1)[0])
    ('Processledare', 'C. Stöd för utveckling')
    """
    path = document_path(structure, passage.document)
    if path is None:
        return ()
    lines = _lines(path)
    if not 0 < passage.line <= len(lines) or not lines[passage.line - 1].strip().startswith(tuple(_BULLETS)):
        return ()
    found: list[str] = []
    for raw in reversed(lines[: max(passage.line - 1, 0)]):
        line = raw.strip().replace("**", "")
        if not line or line.startswith(tuple(_BULLETS)) or not _is_heading(line):
            continue
        if _LETTERED.match(line) and found:  # an earlier section of the same lettered list
            continue
        found.append(line)
        if not _LETTERED.match(line):  # "C. Stöd för utveckling" stands under a heading of its own ("Processledare")
            break
    return tuple(reversed(found))


def sections_on(structure, text: str) -> list[Passage]:
    """The whole sections whose heading names a word of ``text`` ("Utvärderingen …" → «Uppföljning och utvärdering:
    Planeras i samråd med RAR. …»), in the documents' order."""
    wanted = _stems(text)
    return [Passage(doc_id, title, line, sentence, 0.0) for doc_id, title, line, sentence, stems in _corpus(structure)
            if _SECTION in stems and wanted & {w[1:] for w in stems if w[0] == _HEADING}]


def stems_within(text: str) -> set[str]:
    """The stems of a text's words and of the words inside its long compounds ("aktivitetsplaner" holds "plane").

    >>> sorted(s for s in stems_within("LSG aktivitetsplaner") if "plan" in s)
    ['splan']
    """
    return {stem.lstrip(_UNDER) for stem in _stems(text, compounds=True)}


def stems_of(text: str) -> set[str]:
    """The stems a text is matched by (its rarer words, English read as Swedish, endings cut).

    >>> sorted(stems_of("the LSG chairs")), sorted(stems_of("till ordföranden i LSG"))
    (['ordfo'], ['ordfo'])
    """
    return _stems(text)


def document_sentences(structure) -> list[Passage]:
    """Every sentence of the shipped documents alone (one ending in ":" with the list under it), in each one's order.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> [p.text for p in document_sentences(load(BUNDLED_DATA)) if p.line == 28][0]
    'Under den aktuella perioden har processledaren deltagit på fem LSG möten.'
    """
    found = _SENTENCES.get(structure)
    if found is None:
        out = []
        for doc in structure.documents.values():
            path = document_path(structure, doc.id)
            lines = _lines(path) if path is not None else ()
            for i, raw in enumerate(lines):
                line = raw.strip().lstrip(_BULLETS + " ").replace("**", "")
                if line and not _is_heading(line):
                    out += [Passage(doc.id, doc.title, i + 1, _with_list(sentence, lines[i + 1 : i + 16]), 0.0) for sentence in _SENTENCE.split(line)]
        found = _SENTENCES[structure] = tuple(out)
    return list(found)


_SENTENCES: WeakKeyDictionary = WeakKeyDictionary()


def document_path(structure, document: str) -> Path | None:
    """The shipped file of a document (``documents/REFERENCE`` beside the data, a plain file named by itself), or None.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> document_path(load(BUNDLED_DATA), "lagesrapport_2016").name, document_path(load(BUNDLED_DATA), "finsam")
    ('000_b65d06c439c32f26.txt', None)
    """
    doc = structure.documents.get(document)
    if doc is None or not doc.reference or not structure.path or Path(doc.reference).name != doc.reference:
        return None
    path = Path(structure.path) / "documents" / doc.reference
    return path if path.is_file() and not path.is_symlink() else None


def _with_list(sentence: str, following) -> str:
    """A sentence ending in ":" with the bullets under it ("… deltagit på: Grundutbildning i TRIS; …"); else itself."""
    items = _bullets(following) if sentence.endswith(":") else []
    return f"{sentence} {'; '.join(items)}" if items else sentence


def _corpus(structure, english: bool = False) -> tuple:
    """Every passage of the shipped documents (with the words of their English copies for an English question), and
    the recorded conflicts."""
    docs = tuple((d.id, d.title, d.reference) for d in structure.documents.values() if d.reference)
    return (_sentences(Path(structure.path) / "documents", docs, english) if structure.path else ()) + _conflicts(structure)


#: "vad/vilka … deltog …", "what did …": a list answers better than one sentence.
_WANTS_LIST = re.compile(r"^\s*(?:vad|vilka|vilken|what|which)\b")
#: "räknas upp", "listas", "are listed": a count of what a list holds.
_LISTED = re.compile(r"\b(?:raknas upp|raknar upp|listas|listad\w*|uppraknad\w*|are listed|listed|enumerated)\b")
_LIST = re.compile(r":\s.*;\s")


def _boost(question: str) -> re.Pattern | None:
    """What makes a passage answer better: a number for "hur många", a date for "när"."""
    asked = normalise(question)
    if _WANTS_FREQUENCY.search(asked):
        return _FREQUENCY  # "hur ofta skrivs lägesrapporten": the passage that says how often ("halvårsvis")
    if _WANTS_NUMBER.search(asked):
        return _LIST if _LISTED.search(asked) else _NUMBER  # "hur många … räknas upp": the items of a list are counted
    return _DATE if _WANTS_DATE.search(asked) else _LIST if _WANTS_LIST.search(asked) else None


def says_what_is_asked(question: str, text: str) -> bool:
    """True when ``text`` holds the kind of thing the question asks (how often: "halvårsvis"; how many: a number; when: a
    date); True for a question that asks none of these.

    >>> says_what_is_asked("hur ofta skrivs lägesrapporten", "Lägesrapport skrivs halvårsvis."), says_what_is_asked("hur ofta", "Det finns ett behov.")
    (True, False)
    """
    boost = _boost(question)
    return boost is None or boost is _LIST or bool(boost.search(normalise(text)))


def _distinct(scored: list[tuple[Passage, frozenset[str]]], limit: int) -> list[Passage]:
    """The best passages, skipping one whose words are mostly those of a passage already chosen, and a line broken off
    (a PDF's) whose whole sentence is also found: the whole sentence is quoted in its place."""
    whole = _wholes([" ".join(p.text.split()) for p, _ in scored])
    chosen: list[tuple[Passage, frozenset[str]]] = []
    for i, (p, stems) in enumerate(scored):
        if whole.get(i) is not None:
            p, stems = scored[whole[i]]
        if not any(q == p or len(stems & other) >= 0.8 * len(stems) for q, other in chosen):
            chosen.append((p, stems))
    return [p for p, _ in chosen[:limit]]


def _wholes(flat: list[str]) -> dict[int, int | None]:
    """{a broken line's index: the index of a text that holds it}, a whole sentence before another broken piece."""
    broken = [i for i, text in enumerate(flat) if not text.rstrip(")").endswith((".", "!", "?", ":"))]  # only these are looked up
    holding = {i: [j for j, other in enumerate(flat) if len(other) > len(flat[i]) and flat[i] in other] for i in broken}
    return {i: next((j for j in js if j not in holding), js[0] if js else None) for i, js in holding.items()}


def passages_with(structure, text: str, *, limit: int = 3) -> list[Passage]:
    """The passages that hold ``text`` as written (a date the documents write: "2018-06-31"), the recorded conflicts first.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> passages_with(load(BUNDLED_DATA), "2018-06-31")[0].document
    'conflicts.csv'
    """
    found = [Passage(doc_id, title, line, sentence, 0.0) for doc_id, title, line, sentence, _ in _corpus(structure) if text and text in sentence]
    return sorted(found, key=lambda p: p.document != CONFLICTS)[:limit]


def document_words(structure, words: str) -> set[str]:
    """The stems of ``words`` that the shipped documents use (not the recorded conflicts: lsgmap's own words).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> sorted(document_words(load(BUNDLED_DATA), "seminars tnua"))
    ['semin']
    """
    wanted = _stems(words)
    found: set[str] = set()
    for doc_id, *_, stems in _corpus(structure):
        if doc_id != CONFLICTS:
            found |= wanted & stems
    return found


def overlap(question: str, text: str) -> int:
    """How many of the question's words (their stems, English read as Swedish) the text holds.

    >>> overlap("När började processledartjänsten?", "Ansökan: tjänsten från 2016-07-01; lägesrapporten: heltidstjänst sedan oktober 2016.")
    1
    """
    return len(_stems(question) & _stems(text))


def list_items(passage: Passage) -> list[str]:
    """The items of a passage that is a sentence and the list under it ("deltagit på: Grundutbildning i TRIS; …"), or []."""
    if ": " not in passage.text or passage.document == CONFLICTS:
        return []
    items = [item.strip() for item in passage.text.split(": ", 1)[1].split("; ") if item.strip()]
    return items if len(items) >= 2 else []


def list_counted(passage: Passage, question: str) -> int | None:
    """The length of a passage's list whose lead-in shares a word with the question ("hur många aktiviteter deltog
    processledaren i?" → the eight items after "deltagit på:"), or None.

    >>> list_counted(Passage("d", "t", 1, "Processledaren har deltagit på: Grundutbildning i TRIS; Utlysningssmöte för ESF", 1.0), "hur många deltog hon i?")
    2
    """
    items = list_items(passage)
    lead_in = passage.text.split(": ", 1)[0]
    counted_words = _counted_words(question)  # "hur många utbildningar, träffar …": items that are such things
    names_them = sum(bool(counted_words & {x.lstrip(_UNDER) for x in _stems(item, compounds=True)}) for item in items) >= 2
    return len(items) if items and (_stems(lead_in) & _stems(question) or names_them) else None


def _counted_words(question: str) -> set[str]:
    """The stems of what a "hur många" question counts: the two words after it ("hur många utbildningar, träffar"), or
    the question's first two without it."""
    asked = normalise(question).split()
    at = next((i + 2 for i, w in enumerate(asked[:-1]) if (w, asked[i + 1]) in (("hur", "manga"), ("how", "many"))), 0)
    return _stems(" ".join(asked[at : at + 2]))


def listed_item(passage: Passage, question: str) -> str | None:
    """The item of a passage's list that the question names by two or more of its words ("deltog processledaren i ett
    utlysningsmöte för ESF?" → "Utlysningssmöte för ESF"), or None; a yes/no question it names is answered yes.

    >>> p = Passage("d", "t", 1, "Processledaren har deltagit på: Grundutbildning i TRIS; Utlysningssmöte för ESF", 1.0)
    >>> listed_item(p, "Deltog processledaren i ett utlysningsmöte för ESF?"), listed_item(p, "Var hon på en workshop?")
    ('Utlysningssmöte för ESF', None)
    """
    wanted = _stems(question)
    items = list_items(passage)
    if not items:  # one short sentence that says it ("Delta vid planering och genomförande av årliga TRIS-dagar.")
        short = len(passage.text.split()) <= 14 and len(wanted & _stems(passage.text, compounds=True)) >= 3
        return passage.text.strip() if short else None
    names = _stems(" ".join(re.findall(r"\b[A-ZÅÄÖ]{3,}\b", question)))  # "ESF": a name the item holds is enough with it
    scored = sorted(((len(wanted & _stems(item, compounds=True)) + len(names & _stems(item)), item) for item in items), key=lambda x: -x[0])
    return scored[0][1] if scored and scored[0][0] >= 2 else None


#: After "en"/"ett", words that make it "some", not one: "ett antal", "en del", "en rad".
_SOME = frozenset({"antal", "del", "rad", "flertal", "mangd", "par", "number", "few", "couple"})
_NUMBER_WORDS = {"en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "atta": 8, "nio": 9, "tio": 10,
                 "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _number_of(word: str, after: list[str]) -> int | None:
    """The number a word says ("fem", "12"); none for "ett" in "ett antal processledarträffar" (some, not one)."""
    number = _NUMBER_WORDS.get(word, int(word) if word.isdigit() and len(word) < 3 else None)
    return None if number == 1 and after and after[0] in _SOME else number


def counted(passage: Passage, question: str) -> int | None:
    """The number a passage gives for what a "hur många" question counts: a number word before a word of the question
    ("delas in i tre områden", "fem LSG möten"), or the length of a numbered list under a heading the question names
    ("Mål: 1. … 4. …"); None when it gives none.

    >>> counted(Passage("d", "t", 1, "Processledarens uppdrag delas in i tre områden:", 1.0), "How many areas is it divided into?")
    3
    >>> counted(Passage("d", "t", 1, "Mål: 1. Bra struktur. 2. God kännedom. 3. Fler insatser. 4. Samverkan.", 1.0), "hur många mål finns?")
    4
    """
    wanted = _counted_words(question) or _stems(question)  # the thing counted: "hur många LSG-möten"
    words = normalise(passage.text).split()
    for i, word in enumerate(words):
        number = _number_of(word, words[i + 1 : i + 2])
        if number and any(_stems(w) & wanted for w in words[i + 1 : i + 4]):
            return number
    head = passage.text.split(":", 1)[0]
    numbered = re.findall(r"(?:^|\s)(\d{1,2})[.)]\s", passage.text)
    return max(int(n) for n in numbered) if ":" in passage.text and len(numbered) >= 2 and _stems(head) & wanted else None
