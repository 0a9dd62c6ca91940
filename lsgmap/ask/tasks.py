"""The tasks that concern one group or thing: "Vad ska processledaren göra för styrgrupperna?", "Vilka TRIS-uppgifter
ingår i uppdraget?", "What does the process leader do for the LSG chairs?".

A task list in the documents is the bullets of a lettered section ("Processledare › C. Stöd för utveckling"). The
question names what the tasks are for (after "för"/"for"/"rör", or before "-uppgifter"); every bullet of every
lettered section that names it is the answer, under its headings, instead of the one bullet that matched best.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> [p.line for p in tasks_for(s, read_question(s, "Vilka TRIS-uppgifter ingår i processledarens uppdrag?"))]
[60, 73, 74]
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from lsgmap.ask.english import Quote, quoted, translate
from lsgmap.ask.interpretation import Finding, Joined
from lsgmap.ask.passages import Passage, document_sentences, headings_above, stems_of, stems_within
from lsgmap.ask.reading import ACTIVITY_CUE, WANTS_YESNO, Reading
from lsgmap.i18n import msg
from lsgmap.model.names import normalise

__all__ = ["SHALL_CUE", "WHO_DECIDES", "TASK_CUE", "asks_tasks_for", "task_answer", "tasks_for", "asked_task", "task_yes", "task_named"]

#: A question for the tasks that concern something.
TASK_CUE = re.compile(
    r"\b(?:gora for|gor for|gora at|gor at|ska \w+ gora|uppgift\w*|arbetsuppgift\w*|do for|does for|doing for|"
    r"tasks?|duties|duty|supposed to do|have to do with|has to do with|ska \w+ delta|should \w+ (?:\w+ )?take part|"
    r"hjalpa|hjalper|hjalp|help|helps|gora gentemot|gor gentemot|do towards|do in|vad gor (?:\w+ ){1,3}for|"
    r"roll gentemot|role towards|role with|role for|(?:vilket|vilken|what|which) (?:stod|hjalp|support|help)|"
    r"sitta med i|sitta i|vara med i|ta fram|utarbeta|prepare|draw up|sit on|sit in|(?:jobba|arbeta|samarbeta) med (?=\w)|work with (?=\w)|"
    r"vem far (?:\w+ )?stod|who gets (?:\w+ )?support|who receives (?:\w+ )?support|(?:which|vilka) (?:\w+ ){1,2}(?:get|gets|receive|far) (?:\w+ )?(?:support|stod))\b"
)
#: What the tasks are for: the words after "för/for/rör/regarding", or the first part of "TRIS-uppgifter".
_FOR = re.compile(r"\b(?:for|till|ror|rorande|gallande|kring|gentemot|regarding|concerning|related to|relating to|about|with|towards|in)\s+"
                  r"(?:the\s+|de\s+|den\s+|det\s+)?(.+)$")
#: "Vad kan processtödet hjälpa LSG:s ordförande med?": who is helped.
_HELPED = re.compile(r"\b(?:hjalpa|hjalper|help|helps)\s+(.+?)(?:\s+(?:med|with))?\s*$|^\s*vad kan (.+?) (?:fa|få) hjalp|"
                     r"^\s*(?:vilket|vilken|what|which) (?:stod|hjalp|support|help) (?:far|fick|kan|gets?|do|does|did|will|can) (?:\w+ )?(.+?)(?: (?:av|fran|from|get|receive|fa)\b.*)?$")
#: "I vilka styrgrupper … ska processledaren delta?": what the tasks are for, before the verb.
_AUX = r"(?:ska|skall|should|must|maste|does|do|is|are|ar|was|will)"
_IN_WHICH = re.compile(r"^\s*(?:i|in)\s+(?:vilka|vilken|which|what)\s+(.+?)\s+(?:ska|skall|should|does|do|will|is|are)\b|"
                       r"^\s*(?:vilka|vilken|vilket|which|what)\s+((?:(?!" + _AUX + r"\b)\w+\s+){0,3}?(?!" + _AUX + r"\b)\w+)\s+" + _AUX + r"\b")  # "Vilka planer ska …"
#: "Hur ska processledaren jobba med de andra processledarna?": whom the work is with.
_WITH = re.compile(r"\b(?:jobba|arbeta|samarbeta|work)\s+(?:med|with)\s+(?:de |the )?(?:andra |other )?(.+)$")
#: "Vem får administrativt stöd av processledaren?": what kind of support, whoever gets it.
_GETS = re.compile(r"^\s*(?:vem|who)\s+(?:far|gets|receives)\s+(.+?)\s+(?:av|from)\b|^\s*(?:vilka|which)\s+(.+?)\s+(?:far|get|gets|receive)\b")
_COMPOUND = re.compile(r"\b(\w+?)-?uppgift", re.IGNORECASE)
#: "Ska processledaren …?", "should the process leader …?": a yes/no question about what is to be done.
SHALL_CUE = re.compile(r"^\s*(?:ska|skall|bor|maste|far|should|shall|must|will)\b")
#: A key that names more task bullets than this says nothing particular.
_MOST = 7


def asks_tasks_for(structure, reading: Reading) -> bool:
    """A question for the tasks that concern something the documents' task lists name."""
    if WHO_DECIDES.match(reading.text):
        return False  # "Vem bestämmer vilka områden … – vi eller processledaren?": who decides, not what the tasks are
    kinds = {structure.entities[m.entity_id].kind for m in reading.mentions}
    if kinds & {"lsg", "lsg_group"} and "role" not in kinds:
        return False  # "Which steering groups does LSG Oxelösund sit on?": the group's, not the post's tasks
    return bool(TASK_CUE.search(reading.text)) and not WANTS_YESNO.search(reading.text) and not SHALL_CUE.match(reading.text) and bool(tasks_for(structure, reading))


#: "Vem bestämmer …", "who decides …": the decision's passage.
WHO_DECIDES = re.compile(r"^\s*(?:vem|vilka|who)\s+(?:bestammer|beslutar|bestamde|beslutade|decides?|decided)\b")


def tasks_for(structure, reading: Reading) -> list[Passage]:
    """The task bullets that name what the question asks the tasks for, in the documents' order (one copy each)."""
    key = _key(reading.question)
    if not key:  # "Vilka arbetsuppgifter har processledaren?": every task under the named actor's heading
        if len(reading.mentions) != 1:
            return []  # "which tasks did LSG Trosa hand the process leader": the assignments it gave
        names = set(normalise(structure.entities[reading.mentions[0].entity_id].name_sv).split())
        return [p for p in _task_bullets(structure) if normalise(headings_above(structure, p)[0]) in names]
    bullets = [p for p in _task_bullets(structure) if stems_of(p.text) & key] or [
        p for p in _task_bullets(structure) if any(k in stem for stem in stems_within(p.text) for k in key)]  # "planer": «… aktivitetsplaner»  # "planer": «… aktivitetsplaner»
    return bullets if 0 < len(bullets) <= _MOST else []


def _key(question: str) -> set[str]:
    """The stems of what the tasks are for ("styrgrupperna" → {"styrg"}; "the LSG chairs" → {"ordfo"})."""
    text = normalise(question)
    compound = _COMPOUND.search(question)
    found = _IN_WHICH.search(text) or _HELPED.search(text) or _WITH.search(text) or _GETS.search(text) or _FOR.search(text)
    words = compound.group(1) if compound and normalise(compound.group(1)) not in ("arbets", "arbet") else next((g for g in found.groups() if g), "") if found else ""
    others = bool(re.search(r"\b(?:andra|ovriga|other)\s+process", text))  # "de andra processledarna": other posts, the key itself
    return stems_of(words) - stems_of("uppdrag mission assignment" if others else "processledaren processledarens process leader uppdrag mission assignment")


def _task_bullets(structure) -> list[Passage]:
    """The bullets of lettered sections ("Processledare › A. Administrativt stöd"), each text once; found once per structure."""
    if structure not in _BULLETS:
        _BULLETS[structure] = _find_task_bullets(structure)
    return _BULLETS[structure]


_BULLETS: WeakKeyDictionary = WeakKeyDictionary()


def _find_task_bullets(structure) -> list[Passage]:
    seen: dict[str, Passage] = {}
    for p in document_sentences(structure):
        if len(headings_above(structure, p)) == 2:
            seen.setdefault(" ".join(p.text.split()), p)
    texts = list(seen)  # a line a PDF broke off is part of the whole line of the other copy: the whole line only
    return [p for text, p in seen.items() if not any(text != other and text in other for other in texts)]


def task_answer(structure, reading: Reading) -> Finding:
    """"Enligt Ansökan …: «Delta i berörda styrgrupper …» (C. Stöd för utveckling); …": every task that names it."""
    found = tasks_for(structure, reading)
    items = Joined(tuple(Joined((quoted(structure, p.document, p.text), _section(structure, p)), " ") for p in found), "; ")
    title = found[0].title.split(",")[0]
    return Finding("documents", msg("ask.i_tasks"), msg("ask.tasks", title=title, count=len(found), items=items),
                   verdict=True, passages=tuple(found[:3]))


def _section(structure, p: Passage) -> Quote:
    """"(C. Stöd för utveckling)": the lettered section a task stands in, in the language shown."""
    heading = headings_above(structure, p)[-1]
    return Quote(f"({heading})", f"({translate(structure, p.document, heading) or heading})", bare=True)


def asked_task(structure, reading: Reading) -> Passage | None:
    """The task a yes/no question asks about ("Ska processledaren vara med och planera TRIS-dagarna?", "Does the process
    leader take the minutes?"): the task bullet sharing two or more of its words (in Swedish or the bullet's English)."""
    if not (WANTS_YESNO.search(reading.text) or SHALL_CUE.match(reading.text)) or reading.relation or _names_a_giver(structure, reading):
        return None
    if ACTIVITY_CUE.search(reading.text) and not SHALL_CUE.match(reading.text):
        return None  # "Har processledaren gått grundutbildningen?": what was done, the report's list, not a task to do
    wanted = stems_of(reading.question) - stems_of("processledaren process leader lsg")
    scored = [(len(wanted & (stems_of(p.text) | stems_of(translate(structure, p.document, p.text)))), p) for p in _task_bullets(structure)]
    best = max(scored, default=(0, None), key=lambda x: x[0])
    return best[1] if best[0] >= 2 and sum(n == best[0] for n, _ in scored) == 1 else None


def _names_a_giver(structure, reading: Reading) -> bool:
    """The question names a group or an assignment ("did LSG Trosa ask for the presentation …"): not a task of the post."""
    return any(structure.entities[m.entity_id].kind in ("lsg", "lsg_group", "assignment") for m in reading.mentions)


def task_named(structure, stems: set[str]) -> Passage | None:
    """The one task bullet that holds one of ``stems`` ("prio": «Samarbeta i frågor som rör PRIO-satsningen.»), or None."""
    found = [p for p in _task_bullets(structure) if stems & stems_of(p.text)]
    return found[0] if len(found) == 1 else None


def task_yes(structure, reading: Reading, p: Passage | None = None) -> Finding:
    """"Ja, enligt Ansökan …: «Delta vid planering och genomförande av årliga TRIS-dagar.» (C. Stöd för utveckling)"."""
    p = p or asked_task(structure, reading)
    item = Joined((quoted(structure, p.document, p.text), _section(structure, p)), " ")
    return Finding("documents", msg("ask.i_tasks"), msg("ask.documents_yes", title=p.title.split(",")[0], item=item), verdict=True, passages=(p,))
