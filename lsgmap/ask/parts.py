"""Two questions in one: "Vem betalar processledaren och vem ger henne uppdrag?", "Hur ofta skrivs lägesrapporten, och till vem?".

:func:`split_question` finds where a second question begins (a question word after "och"/"and") and makes each part
a question of its own: a second part that is only a question word and a preposition borrows the rest of the first
("och till vem?" → "till vem skrivs lägesrapporten?"), and a pronoun in it ("det", "henne", "it", "her") stands for the
first name of the first part. Each part is then answered as any question is.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> split_question(s, "who pays for the process leader and who gives her assignments?")
('who pays for the process leader', 'who gives process leader assignments?')
>>> split_question(s, "Hur ofta skrivs lägesrapporterna, och till vem?")
('Hur ofta skrivs lägesrapporterna', 'till vem skrivs lägesrapporterna?')
>>> split_question(s, "Vem styr TRIS och TUNA?") is None
True
"""

from __future__ import annotations

import re

from lsgmap.model.names import find_mentions

__all__ = ["split_question", "plainer"]

_QUESTION_WORD = r"(?:vem|vilka|vilken|vilket|vad|när|hur|var|varför|who|whom|what|which|when|how|where|why)"
_PREPOSITION = r"(?:till|för|från|av|med|hos|i|på|om|to|for|from|by|with|in|on|of)"
#: Where a second question begins: "och"/"and" (after a comma or not) and a question word, perhaps after a preposition.
_SECOND = re.compile(rf",?\s+(?:och|samt|and)\s+(?={_PREPOSITION}?\s*{_QUESTION_WORD}\b)", re.IGNORECASE)
#: The words after "hur"/"how" that are no verb ("hur ofta", "how long").
_HOW_WORDS = r"(?:ofta|många|mycket|länge|lång|often|many|much|long)"
#: What a question opens with before its verb ("Hur ofta", "Vem", "Till vem", "How many").
_OPENING = re.compile(rf"^\s*(?:{_PREPOSITION}\s+)?{_QUESTION_WORD}(?:\s+(?:ofta|många|mycket|länge|often|many|much|long))?\s+", re.IGNORECASE)
#: A topic named before the question: "RAR – vad betyder förkortningen …", "TRIS: vem styr …".
_TOPIC_FIRST = re.compile(r"^\s*[\w/-]+(?:\s+[\w/-]+)?\s*[–:-]\s+")
#: A pronoun in the second part that stands for what the first part names.
_PRONOUN = re.compile(r"\b(?:det|den|dem|henne|honom|hon|han|hen|dess|hennes|hens|it|her|him|them|its|she|he|they)\b", re.IGNORECASE)
#: "Hur stort kontor …", "how many meetings …": the thing measured, which a pronoun after it stands for.
_MEASURED = re.compile(r"^\s*(?:hur|how)\s+(?:stor|stort|stora|många|lång|långt|big|large|many|long)\s+(\w{4,})", re.IGNORECASE)  # not "hur mycket pengar"
#: "Hur ofta ska lägesrapporter och aktivitetsplaner tas fram?": how often, asked of two things.
_HOW_OFTEN = re.compile(r"^\s*(?:hur ofta|how often)\b", re.IGNORECASE)
_TWO_THINGS = re.compile(r"\b(\w{5,}) (?:och|and) (\w{5,})\b")


def _how_often_each(question: str) -> tuple[str, str] | None:
    """The same "how often" asked of each of two things joined by "och"/"and", or None."""
    two = _TWO_THINGS.search(question) if _HOW_OFTEN.match(question) else None
    if two is None:
        return None
    return question[: two.start()] + two.group(1) + question[two.end() :], question[: two.start()] + two.group(2) + question[two.end() :]


#: A second part this short ("och till vem?", "and when?") borrows the rest of the first.
_ELLIPTIC_WORDS = 2


def _borrowed(first: str, said: list[str]) -> str:
    """A short second part with the rest of the first: "till vem" + "skrivs lägesrapporterna"; "who pays" takes the
    first part's object, not its verb ("who pays the process leader")."""
    rest = _OPENING.sub("", first, count=1).split()
    if len(said) == 2 and re.fullmatch(_QUESTION_WORD, said[0], re.IGNORECASE) and not re.fullmatch(_HOW_WORDS, said[1], re.IGNORECASE):
        rest = rest[1:]  # "… och vem betalar?": its own verb, the first's object; "… och hur ofta?" keeps the first's verb
    return f"{' '.join(said)} {' '.join(rest)}?"


def split_question(structure, question: str) -> tuple[str, str] | None:
    """(first question, second question) when ``question`` asks two things, else None."""
    m = _SECOND.search(question)
    if m is None:
        return _how_often_each(question)
    first, second = question[: m.start()].strip(), question[m.end() :].strip()
    if len(first.split()) < 3 or not _OPENING.match(_TOPIC_FIRST.sub("", first, count=1)) or not second:
        return None
    first = _topic_put_back(first)  # "aktivitetsplanerna – vem tar fram dem": "vem tar fram aktivitetsplanerna"
    said = second.rstrip("?").split()
    if len(said) <= _ELLIPTIC_WORDS:
        return first, _borrowed(first, said)
    if len(said) <= _ELLIPTIC_WORDS + 1 and re.fullmatch(_PREPOSITION, said[0], re.IGNORECASE):
        return None  # "… and in what shares?": a qualifier of the first question, not a second one
    subject = _subject(structure, first)
    if subject and _PRONOUN.search(second):
        second = _PRONOUN.sub(subject, second, count=1)
    return first, second


def _topic_put_back(first: str) -> str:
    """A topic said before the question stands for the question's pronoun ("aktivitetsplanerna – vem tar fram dem" →
    "vem tar fram aktivitetsplanerna"); a question without one, or whose topic has no pronoun to stand for, as it is.

    >>> _topic_put_back("aktivitetsplanerna – vem tar fram dem"), _topic_put_back("RAR – vad betyder förkortningen")
    ('vem tar fram aktivitetsplanerna', 'RAR – vad betyder förkortningen')
    """
    m = _TOPIC_FIRST.match(first)
    if m is None:
        return first
    rest = first[m.end() :]
    topic = m.group(0).strip(" –:-")
    return _PRONOUN.sub(topic, rest, count=1) if _PRONOUN.search(rest) else first


def _subject(structure, first: str) -> str | None:
    """What a pronoun in the second part stands for: the thing the first part measures ("Hur stort kontor …": kontor);
    its first name; or its few words after the question word ("What is PRIO and …": PRIO)."""
    measured = _MEASURED.match(first)  # "Hur stor lokal … för processledaren och vad kostar den?": the office, not the post
    if measured:
        return measured.group(1)
    named = find_mentions(structure, first)
    if named:
        return named[0].text
    rest = [w for w in _OPENING.sub("", first, count=1).split() if w.lower() not in ("is", "are", "was", "ar", "är", "var", "the", "a")]
    return " ".join(rest) if 0 < len(rest) <= 3 else None


#: A preface saying who asks: "Jag är ordförande i LSG Trosa – …", "I chair LSG Nyköping: …"; the name is who "vi" is.
_SPEAKER = re.compile(r"^\s*(?:jag|i)(?:'m| am| är| sitter| jobbar| arbetar| chair| lead| represent)\b[^–:;?]*?\b(?:i|på|för|of|in|for|at|chair|lead|represent)\s+"
                      r"(?P<name>[^–:;?,]+?)\s*[–:;,-]\s+(?P<rest>.+)$", re.IGNORECASE)
_WE = re.compile(r"\b(?:vi|oss|vår|vårt|våra|we|us|our)\b", re.IGNORECASE)
#: "Står det någonstans …", "framgår det …", "does it say anywhere …" before a question word: the question is what follows.
_SAID_WHERE = re.compile(r"^\s*(?:står det|framgår det|sägs det|does it say|is it said)(?: någonstans| nånstans| anywhere| somewhere)?\s+(?=(?:vad|vem|när|vilk\w*|what|who|when|which)\b)",
                         re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.?!])(?<!\b[A-ZÅÄÖ]\.)\s+(?=[A-ZÅÄÖ])")  # "no. of goals", "under C. Stöd": no new sentence


def plainer(question: str) -> str:
    """The question without what only frames it: a sentence that asks nothing beside one that asks ("Vilket slutdatum
    gäller? Jag har sett olika uppgifter."), and a preface saying who asks, its name put for "vi"/"we".

    >>> plainer("Jag är ordförande i LSG Trosa – vilka uppdrag hade vi gett processledaren?")
    'vilka uppdrag hade LSG Trosa gett processledaren?'
    >>> plainer("Vilket slutdatum gäller för processledartjänsten? Jag har sett olika uppgifter.")
    'Vilket slutdatum gäller för processledartjänsten?'
    >>> plainer("Vem styr TRIS?")
    'Vem styr TRIS?'
    """
    sentences = [x for x in _SENTENCES.split(question.strip()) if x]
    asked = [x for x in sentences if x.rstrip().endswith("?")]
    framing = [x for x in sentences if x not in asked]
    text = " ".join(asked) if asked and framing and all(len(x.split()) >= 3 for x in sentences) else question.strip()
    text = _SAID_WHERE.sub("", text, count=1)  # "Står det någonstans vad … ska heta?": what it is to be called
    speaker = _SPEAKER.match(text)
    if speaker and _WE.search(speaker.group("rest")):
        return _WE.sub(speaker.group("name").strip(), speaker.group("rest"))
    return text
