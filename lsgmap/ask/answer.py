"""Free-text responsibility questions in Swedish and English.

:func:`ask` reads a question such as "Vem styr TUNA i december 2016?" or
"Who commissions the process leader after the merger?" in three steps:

1. :func:`lsgmap.ask.reading.read_question` reads it into a
   :class:`~lsgmap.ask.reading.Reading`: the language, the date
   (:mod:`lsgmap.ask.dates`; a date in the question overrides ``on``;
   without any date: the dataset's default date), the names (:mod:`lsgmap.model.names`) and the cue words;
2. the first handler in :data:`lsgmap.ask.handlers.HANDLERS` that applies
   answers it from :mod:`lsgmap.model.queries` (a relation and its direction, who is
   responsible, the chain up to RAR, a path between two entities, what became
   of an entity, an amount, a list);
3. the :class:`Answer` keeps how it was understood as an
   :class:`~lsgmap.ask.interpretation.Interpretation` of message keys with
   parameters, put into words in the language asked for when shown.

Every answer says whether a source speaks for it on the date asked about
(``attested``, :mod:`lsgmap.model.attestation`), with the nearest date one does, and
the recorded conflicts it rests on; when no source speaks for any answer on
that date, the answer opens by saying so. Dates are shown at the precision
the source gave ("oktober 2016"); amounts say what they are ("enligt ansökan").

A question it cannot understand, or a name it does not know, gives an
:class:`Answer` with no answers, ``understood=False`` and a message with
suggestions ("Menade du …?") and the kinds of question it can answer.

Examples
--------
>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> a = ask(s, "Vem styr TUNA i december 2016?")
>>> a.interpretation.text()
'vem styr TUNA Nyköping/Oxelösund under 2016-12-01 – 2016-12-31 (datum ur frågan: "i december 2016") ("tuna" tolkat som TUNA Nyköping/Oxelösund: TUNA – Träning Utveckling Nära Arbetslivet (Eskilstuna) har ingen sådan relation)'
>>> a.interpretation.text("en").split(" (", 1)[0]
'who steers TUNA Nyköping/Oxelösund during 2016-12-01 – 2016-12-31'
>>> sorted(x.id for x in a.answers)
['lsg_nykoping', 'lsg_nykoping_oxelosund', 'lsg_oxelosund']
>>> [x.id for x in ask(s, "Who employs the process leader?", on="2017-03-01").answers]
['rar']
>>> ask(s, "Vem styr Tunna?").understood
True
>>> ask(s, "hur är vädret?").understood
False
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from lsgmap.ask.dates import QuestionDate
from lsgmap.ask.handlers import QUESTION_KINDS, handler_for
from lsgmap.ask.interpretation import EntityName, Finding, Interpretation, Joined, Stated, date_phrase, render, validity
from lsgmap.ask.parts import plainer, split_question
from lsgmap.ask.passages import overlap
from lsgmap.ask.reading import WANTS_YESNO, Reading, detect_lang, read_question
from lsgmap.ask.text import alternative_lines, amount_lines, answer_line, basis_text, passage_lines, path_lines, shown_name
from lsgmap.i18n import Message, msg, t
from lsgmap.model import queries
from lsgmap.vocab import HOLDING

__all__ = ["Answer", "Interpretation", "ask", "detect_lang", "QUESTION_KINDS", "MAX_QUESTION_CHARS"]

#: Question kinds that name their own dates in the interpretation (a "when" answer, changes between two dates).
OWN_DATES = frozenset({"when", "changes", "happened"})

#: The longest question read; a longer one is refused at once (reading time must not grow with pasted text).
MAX_QUESTION_CHARS = 500


@dataclass
class Answer:
    """The answer to one question: how it was understood, the answers, the chains, and a notice.

    Every text is rendered when asked for (:meth:`text`, :meth:`to_json`,
    :meth:`message_text`) in any language; ``lang`` is the language of the question.
    """

    question: str
    on: date
    lang: str
    interpretation: Interpretation
    answers: list[queries.AnswerItem] = field(default_factory=list)
    paths: list[queries.Path] = field(default_factory=list)
    notice: Message | Joined | None = None
    understood: bool = True
    amounts: dict[str, Any] | None = None
    structure: Any = field(default=None, repr=False, compare=False)
    alternatives: tuple[Any, ...] = ()
    passages: tuple[Any, ...] = ()
    #: The answer to a second question asked in the same breath ("… och vem ger henne uppdrag?"), said after this one.
    also: tuple[Answer, ...] = ()

    @property
    def message(self) -> str:
        """The notice (why there is no answer, what it can answer …) in the language of the question, or ""."""
        return self.message_text()

    def message_text(self, lang: str | None = None) -> str:
        """The notice in ``lang``, or ""."""
        return render(self.notice, lang or self.lang) if self.notice is not None else ""

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """``{"question", "on", "interpretation", "answers", "paths", "message", "attestation"}``; amounts sit in the interpretation.

        Each budget line of the amounts has its ``basis`` ("applied" …) and ``basis_text`` ("enligt ansökan").
        """
        lang = lang or self.lang
        interpretation = self.interpretation.to_json(lang)
        if self.amounts is not None:
            lines = [line | {"basis_text": basis_text(line["basis"], lang)} for line in self.amounts["lines"]]
            interpretation["amounts"] = self.amounts | {"lines": lines}
        return {
            "question": self.question,
            "on": self.on.isoformat(),
            "interpretation": interpretation,
            "answers": [a.to_json(lang) for a in self.answers],
            "paths": [p.to_json(self.structure, lang) for p in self.paths],
            "message": self.message_text(lang),
            "attestation": self.attestation_json(lang),
            "open_points": self.open_points(lang),
            "alternatives": [a.to_json(lang) for a in self.alternatives],
            "passages": [p.to_json() for p in self.passages],
            "also": [a.to_json(lang) for a in self.also],
        }

    def nearest_attested(self) -> tuple[str, date | None]:
        """("last", day) the last day before the date asked about that a source speaks for an answer, else ("first", day) after it.

        ("never", None) when no source speaks for any answer on any day; ("", None) when one speaks for the date asked about.
        """
        if not self.answers or any(a.attested for a in self.answers):
            return "", None
        lo, hi = self.interpretation.date.span
        before = [d for a in self.answers if (d := a.attestation.last_before(lo)) is not None]
        after = [d for a in self.answers if (d := a.attestation.first_after(hi)) is not None]
        if before:
            return "last", date.fromordinal(max(before))
        if after:
            return "first", date.fromordinal(min(after))
        return "never", None

    @property
    def date_asked(self) -> bool:
        """True when the question or the caller named the date; False on the dataset's default day or today's."""
        return self.interpretation.date.source not in _UNASKED

    def planned_only(self) -> bool:
        """True when no source attests an answer on the date asked about but a plan speaks of each then (the application's budget for 2017)."""
        return self._evidence() == {"plan"}

    def _evidence(self) -> set:
        """What speaks for each answer on the date asked about ("document", "public", "plan" or None), each kind once."""
        lo, hi = self.interpretation.date.span
        return {a.attestation.evidence_in(lo, hi) for a in self.answers}

    def attestation_text(self, lang: str | None = None) -> str:
        """"" when a source speaks for an answer on the date asked about; else what the sources do say of that date.

        A date the question did not name is said after the answers, as the day they were last (first) attested;
        a date only a plan speaks of is said to be planned.
        """
        which, day = self.nearest_attested()
        if not which:
            return ""
        when = day.isoformat() if day else ""
        if not self.date_asked:
            return t(f"ask.undated_attested_{which}", lang or self.lang, date=when)
        span = self.interpretation.date.label()
        evidence = self._evidence()
        kind = "planned" if evidence == {"plan"} else "partly_planned" if "plan" in evidence else "none_attested"
        if kind == "none_attested" and all(a.derived for a in self.answers):  # "LSG Trosa-Gnesta omfattar Trosa": from the merger the sources tell of
            kind = "derived"
        return t(f"ask.{kind}_{which}", lang or self.lang, span=span, date=when)

    def attestation_json(self, lang: str | None = None) -> dict[str, Any]:
        """``{"attested", "answers", "nearest", "text"}``: how many answers a source speaks for on the date asked about, and if none, the nearest date."""
        _, day = self.nearest_attested()
        return {
            "attested": sum(a.attested for a in self.answers),
            "answers": len(self.answers),
            "nearest": day.isoformat() if day else None,
            "text": self.attestation_text(lang),
        }

    def open_points(self, lang: str | None = None) -> list[dict[str, str]]:
        """``[{"id", "text"}]``: the recorded conflicts the answers rest on, each once, in the order met."""
        seen: dict[str, dict[str, str]] = {}
        for a in self.answers:
            for c in a.conflict_texts(lang or self.lang):
                seen.setdefault(c["id"], c)
        focus = [Stated(d).render(lang or self.lang) for d in self.interpretation.details.get("focus", ())]  # the dates answered
        return sorted(seen.values(), key=lambda c: (not any(f in c["text"] for f in focus), -overlap(self.question, c["text"])))

    def open_points_lines(self, lang: str | None = None) -> list[str]:
        """The open points, said before the answers: "Källorna säger olika: …" (nothing when there are none)."""
        points = self.open_points(lang)
        if not points:
            return []
        lang = lang or self.lang
        return [t("ask.open_points", lang), *(f"  – {c['text']} [{c['id']}]" for c in points)]

    def _answer_lines(self, lang: str, verdict: bool) -> list[str]:
        """The open points, then the answers; the answers' names first in one line when open points come between."""
        points = self.open_points_lines(lang)
        listed = self.interpretation.intent in _LISTS and self.amounts is None
        names = {a.id for a in self.answers}
        summary = [self.summary_line(lang)] if listed and (points or len(names) >= _LONG_LIST) else []
        lead = [] if verdict else [self.interpretation.lead_text(lang)]
        if self.interpretation.intent != "name" and all(self._unheld_role(a.id) for a in self.answers):  # "vem är ordförande i LSG Nyköping?": no one is named, said first
            summary = [t("ask.roles_unnamed", lang)]
        return [*summary, *points, *lead, *(answer_line(self.structure, a, lang, conflicts=False) for a in self.answers)]

    def _unheld_role(self, entity_id: str) -> bool:
        """A role no person is recorded to hold ("Ordförande LSG Trosa": the sources name no chair)."""
        s = self.structure
        if s is None or entity_id not in s.entities or s.entities[entity_id].kind != "role":
            return False
        return not any(r.relation == HOLDING for r in (*s.incoming(entity_id), *s.outgoing(entity_id)))

    def summary_line(self, lang: str | None = None, *, most: int = 12) -> str:
        """"Svar: TRIS, TUNA Nyköping/Oxelösund, IBIS (3)": the answers' names in one line, each once."""
        lang = lang or self.lang
        shares = {}
        for a in self.answers:  # a share with the name only when every answer of that name states the same one
            shares.setdefault(a.id, set()).add(shown_name(self.structure, a, lang))
        name = {i: next(iter(v)) if len(v) == 1 else shown_name(self.structure, a, lang, share=False) for a in self.answers for i, v in [(a.id, shares[a.id])]}
        names = list(dict.fromkeys(name[a.id] for a in self.answers))
        shown = ", ".join(names[:most]) + (", …" if len(names) > most else "")
        said = list(dict.fromkeys(name[a.id] for a in self.answers if a.attested))
        if self.interpretation.date.source == "question" and said and len(said) < len(names):  # a time asked: what a source speaks for then, apart
            rest = [n for n in names if n not in said]
            return t("ask.summary_attested", lang, names=", ".join(said), count=len(said), rest=", ".join(rest))
        return t("ask.summary", lang, names=shown, count=len(names))

    def highlight(self) -> tuple[set[str], set[str]]:
        """(node ids, relation ids) to draw: the entities asked about, the answers and the chains."""
        nodes = set(self.interpretation.entities)
        rels: set[str] = set()
        for part in self.also:
            more_nodes, more_rels = part.highlight()
            nodes |= more_nodes
            rels |= more_rels
        relations = self.structure.relations if self.structure is not None else {}
        for a in self.answers:
            nodes.add(a.id)
            rels.update(r for r in a.relation_ids if r in relations)
        for p in self.paths:
            nodes.update(p.node_ids())
            rels.update(p.relation_ids())
        return nodes, rels

    def text(self, lang: str | None = None, *, max_paths: int = 8, quotes: bool = True) -> str:
        """The human answer: how it was understood, the answers with dates and sources, the chains (and the quotes)."""
        lang = lang or self.lang
        text = self._body(lang, max_paths, quotes)
        return self._with_parts(text, lang) if self.also else text

    def _body(self, lang: str, max_paths: int, quotes: bool) -> str:
        """The answer to this question alone."""
        message = self.message_text(lang)
        verdict = self.interpretation.verdict
        lines = [t("ask.understood_as", lang, text=self.interpretation.text(lang))]
        if verdict:  # "Ja, från 2017-01-01 …", "Nej, …", "4 st:": the answer itself, before what it rests on
            lines.append(self.interpretation.lead_text(lang))
        lines += [message, self.attestation_text(lang) if self.date_asked else ""]
        if self.amounts is not None:  # the sum first: it is what was asked
            lines.extend(amount_lines(self.amounts, lang))
        if self.understood and self.answers:
            lines.extend(self._answer_lines(lang, verdict))
        elif self.understood and self.amounts is None and not self.paths and not message and not self.passages and not verdict:
            lines.append(t("ask.no_answers", lang))  # not over quotes that answer: "no answers" would gainsay them
        if not self.date_asked:  # no date asked: when a source speaks for the answers, said after them
            lines.append(self.attestation_text(lang))
        lines.extend(path_lines(self.structure, self.paths, lang, max_paths))
        lines.extend(self._quote_lines(lang) if quotes else ())
        return "\n".join(line for line in lines if line)

    def _quote_lines(self, lang: str) -> list[str]:
        """What the documents say, then the readings the reader offers."""
        return [*passage_lines(self.passages, lang, self.structure), *alternative_lines(self.alternatives, lang)]

    def headline(self, lang: str | None = None) -> str:
        """The answer in one line: the first line after how the question was understood."""
        return next(iter(self.text(lang, max_paths=0, quotes=False).splitlines()[1:2]), "")

    def _with_parts(self, text: str, lang: str) -> str:
        """Two questions in one: each part's answer in a line first, then each part whole."""
        first = replace(self, also=())
        parts = (first, *self.also)
        heads = [t("ask.parts", lang, count=len(parts))] + [f"  {k}. {p.question}: {p.headline(lang)}" for k, p in enumerate(parts, 1)]
        rest = [p.text(lang, quotes=False) for p in self.also]
        return "\n\n".join(["\n".join(heads), text, *(f"{t('ask.also', lang, question=p.question)}\n{r}" for p, r in zip(self.also, rest, strict=True))])


#: Where a date comes from when the question names none.
_UNASKED = frozenset({"default", "today", "named"})

#: Answers that are lists of names: said in one line first when open points or a long list would push them down.
_LISTS = frozenset({"relation", "responsible", "assignments", "existing", "members", "relation_between"})
_LONG_LIST = 4


def ask(structure, question: str, *, on=None, lang: str | None = None) -> Answer:
    """Answer a free-text ``question`` about ``structure``; a date in the question overrides ``on``.

    ``lang`` (default: the language of the question) is the language the
    answer is shown in unless another is asked for when it is shown. A bad
    ``on`` raises :class:`~lsgmap.errors.InputError`.

    Example
    -------
    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> a = ask(s, "Vilka är uppdragsgivare till processledaren efter sammanslagningen?")
    >>> a.on.isoformat(), sorted(x.id for x in a.answers)
    ('2017-01-01', ['lsg_nykoping', 'lsg_nykoping_oxelosund', 'lsg_oxelosund', 'lsg_trosa_gnesta'])
    >>> a.text("en").splitlines()[1:4]
    ['No source attests 2017-01-01; a plan in the sources speaks of it for that time. Last attested 2016-12-31.', 'Answer (4): LSG Nyköping, LSG Nyköping-Oxelösund, LSG Oxelösund, LSG Trosa-Gnesta (working name)', 'The sources disagree (open questions):']
    >>> [x.attested for x in a.answers], a.answers[0].note("en")
    ([False, False, False, False], 'no source for this date, last attested 2016-12-31; planned, not attested')
    """
    if len(question or "") > MAX_QUESTION_CHARS:
        return _too_long(structure, question, on=on, lang=lang)
    plain = plainer(question)
    if plain != question.strip():  # "Jag är ordförande i LSG Trosa – vad har vi …": asked as LSG Trosa, the question kept as written
        return replace(ask(structure, plain, on=on, lang=lang or detect_lang(question, structure.names.words)), question=question)
    parts = split_question(structure, question)
    if parts is not None:  # "vem betalar … och vem ger henne uppdrag?": each question answered, in the language of the whole
        lang = lang or detect_lang(question, structure.names.words)
        first, second = (ask(structure, part, on=on, lang=lang) for part in parts)
        if second.understood and first.understood and _key_line(first) != _key_line(second):  # one answer to both: the whole asked once
            return replace(first, also=(second,))
    reading = read_question(structure, question, on=on, lang=lang)
    finding = handler_for(structure, reading).answer(structure, reading)
    return _answer(structure, reading, finding)


def _key_line(answer: Answer) -> str:
    """What an answer says, without how its question was read: two parts that say the same are one question."""
    return "\n".join(answer.text(max_paths=0, quotes=False).splitlines()[1:3])


def _too_long(structure, question: str, *, on, lang: str | None) -> Answer:
    """A question over :data:`MAX_QUESTION_CHARS`, refused without reading it (the text is kept in the answer).

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> a = ask(load(BUNDLED_DATA), "Vem styr TUNA? " * 100)
    >>> a.understood, a.message_text("en").split(";")[0]
    (False, 'The question is too long (1500 characters')
    """
    reading = replace(read_question(structure, "", on=on, lang=lang or detect_lang(question[:MAX_QUESTION_CHARS])), question=question)
    finding = Finding("unknown", msg("ask.too_long_short"), notice=msg("ask.too_long", length=len(question), max=MAX_QUESTION_CHARS), understood=False)
    return _answer(structure, reading, finding)


def _answer(structure, reading: Reading, finding: Finding) -> Answer:
    """The :class:`Answer` from what the handler found, with the date phrase, fuzzy-name notes and why nothing was found."""
    understood = finding.understood
    interpretation = Interpretation(
        finding.intent, finding.summary, reading.date,
        when=date_phrase(structure, reading.date) if understood and finding.intent not in OWN_DATES else None,
        lead=finding.lead, relation=finding.relation, entities=finding.entities, details=finding.details,
        mentions=reading.mentions if understood else (),
        notes=(*(
            msg("ask.fuzzy_name", text=m.text, name=EntityName(structure.entities[m.entity_id])) for m in reading.mentions if not m.exact
        ), *finding.notes) if understood else (),
        lang=reading.lang, verdict=finding.verdict,
    )
    notice = finding.notice
    if understood and notice is None and not finding.answers and finding.amounts is None:
        notice = _absent_notice(structure, finding.entities, reading.date)
        if notice is not None and WANTS_YESNO.search(reading.text) and not finding.verdict:  # "finns LSG Trosa kvar?": no, and why
            notice = Joined((msg("ask.absent_no"), notice), " ")
    answers = sorted(queries.group_items(finding.answers), key=lambda a: not a.attested)  # what a source speaks for on the date first
    return Answer(
        reading.question, reading.date.first, reading.lang, interpretation, answers, list(finding.paths),
        notice, understood, finding.amounts, structure, finding.alternatives, finding.passages,
    )


def _absent_notice(structure, entities: tuple[str, ...], qd: QuestionDate) -> Joined | None:
    """Why there is no answer: an entity that did not exist on the date (and what it became or came from)."""
    lo, hi = qd.span
    for eid in entities:
        e = structure.entities.get(eid)
        if e is None or (e.start <= hi and lo <= e.end):
            continue
        lin = queries.lineage(structure, eid)
        parts: list[Any] = [msg("ask.not_existing", name=EntityName(e, full=True), span=qd.label(), valid=validity(e.valid_from, e.valid_to))]
        if lin["became"] and hi >= e.end:
            parts.append(msg("ask.became", names=_names(structure, lin["became"]), day=Stated(lin["became"][0].valid_from)))
        elif lin["came_from"] and lo <= e.start:
            parts.append(msg("ask.came_from", names=_names(structure, lin["came_from"]), day=Stated(lin["came_from"][0].valid_from)))
        return Joined(tuple(parts), " ")
    return None


def _names(structure, items: list[queries.AnswerItem]) -> Joined:
    """The items' full names, a working name flagged as one ("LSG Trosa-Gnesta (arbetsnamn)")."""
    return Joined(tuple(EntityName(structure.entities.get(i.id, i), full=True) for i in items))
