"""Free-text responsibility questions in Swedish and English.

:func:`ask` reads a question such as "Vem styr TUNA i december 2016?" or
"Who commissions the process leader after the merger?", works out what is
asked (the *intent*: a relation and its direction, who is responsible, the
chain up to RAR, a path between two entities, what became of an entity, an
amount, or a list), which entities are named (:mod:`lsgmap.names`) and which
date (:mod:`lsgmap.question_dates`; a date in the question overrides ``on``;
without any date: today), and answers from :mod:`lsgmap.queries`.

A question it cannot understand, or a name it does not know, gives an
:class:`Answer` with no answers, ``understood=False`` and a message with
suggestions ("Menade du …?") and the kinds of question it can answer.

Examples
--------
>>> from lsgmap.model import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> a = ask(s, "Vem styr TUNA i december 2016?")
>>> a.interpretation["text"]
'vem styr TUNA under 2016-12-01 – 2016-12-31 (datum ur frågan: "i december 2016")'
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

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import queries
from .i18n import t
from .names import Mention, find_mentions, normalise, suggest
from .question_dates import QuestionDate, find_date, option_date
from .vocab import CUED_RELATIONS, ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS, RESPONSIBLE_RELATIONS

__all__ = ["Answer", "ask", "detect_lang", "QUESTION_KINDS"]

RESPONSIBLE_CUE = re.compile(r"\b(ansvar\w*|responsib\w*|accountable)\b")
LINEAGE_CUE = re.compile(
    r"\b(hande med|hant med|samman|slogs samman|slas samman|slagits samman|sammanslag\w*|gick upp i|blev|bildades|uppstod|"
    r"became|become|merged|merge|happened|came from|come from|kom fran|foregangare\w*|efterfoljare\w*|predecessors?|successors?)\b"
)
AMOUNT_CUE = re.compile(r"\b(hur mycket|how much|belopp\w*|budget\w*|kostnad\w*|kostar|costs?|amounts?|tkr|kronor|pengar|money)\b")
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
    "exist merger merged chain between today now during members member chairs assigned".split()
)
_AGENT = frozenset({"av", "by"})
_TRAILING_PREP = frozenset({"till", "for", "i", "to", "of", "in", "at"})

#: The kinds of question :func:`ask` answers, as i18n keys (shown when a question is not understood).
QUESTION_KINDS = ["ask.kind_relation", "ask.kind_responsible", "ask.kind_chain", "ask.kind_lineage", "ask.kind_amount", "ask.kind_list"]


def detect_lang(question: str) -> str:
    """'sv' or 'en' from the words of the question (å/ä/ö count for Swedish; a tie is Swedish).

    >>> detect_lang("Who funds IBIS?"), detect_lang("Vem finansierar IBIS?"), detect_lang("IBIS?")
    ('en', 'sv', 'sv')
    """
    tokens = normalise(question).split()
    sv = sum(tok in _SV_WORDS for tok in tokens) + (2 if re.search(r"[åäöÅÄÖ]", question) else 0)
    en = sum(tok in _EN_WORDS for tok in tokens)
    return "en" if en > sv else "sv"


@dataclass
class Answer:
    """The answer to one question: how it was understood, the answers, the chains, and a message."""

    question: str
    on: date
    lang: str
    interpretation: dict[str, Any]
    answers: list[queries.AnswerItem] = field(default_factory=list)
    paths: list[queries.Path] = field(default_factory=list)
    message: str = ""
    understood: bool = True
    amounts: dict[str, Any] | None = None
    structure: Any = field(default=None, repr=False, compare=False)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """``{"question", "on", "interpretation", "answers", "paths", "message"}``; amounts sit in the interpretation."""
        lang = lang or self.lang
        interpretation = dict(self.interpretation)
        if self.amounts is not None:
            interpretation["amounts"] = self.amounts
        return {
            "question": self.question,
            "on": self.on.isoformat(),
            "interpretation": interpretation,
            "answers": [a.to_json(lang) for a in self.answers],
            "paths": [p.to_json(self.structure, lang) for p in self.paths],
            "message": self.message,
        }

    def highlight(self) -> tuple[set[str], set[str]]:
        """(node ids, relation ids) to draw: the entities asked about, the answers and the chains."""
        nodes = set(self.interpretation.get("entities", []))
        rels: set[str] = set()
        relations = self.structure.relations if self.structure is not None else {}
        for a in self.answers:
            nodes.add(a.id)
            if a.relation_id in relations:
                rels.add(a.relation_id)
        for p in self.paths:
            nodes.update(p.node_ids())
            rels.update(p.relation_ids())
        return nodes, rels

    def text(self, lang: str | None = None, *, max_paths: int = 8) -> str:
        """The human answer: how it was understood, the answers with dates and sources, the chains."""
        lang = lang or self.lang
        s = self.structure
        lines = [t("ask.understood_as", lang, text=self.interpretation.get(f"text_{lang}", self.interpretation.get("text", "")))]
        if self.message:
            lines.append(self.message)
        if self.understood and self.interpretation.get("intent") not in (None, "unknown"):
            if self.answers:
                lines.append(self.interpretation.get(f"lead_{lang}", ""))
                for a in self.answers:
                    lines.append(_answer_line(s, a, lang))
            elif self.amounts is None and not self.paths and not self.message:
                lines.append(t("ask.no_answers", lang))
        if self.amounts is not None:
            lines.extend(_amount_lines(self.amounts, lang))
        if self.paths:
            lines.append(t("ask.paths_header", lang, count=len(self.paths)))
            for p in self.paths[:max_paths]:
                lines.append("  " + p.text(s, lang) + _path_relations(p))
            if len(self.paths) > max_paths:
                lines.append("  " + t("ask.more_paths", lang, count=len(self.paths) - max_paths))
        return "\n".join(line for line in lines if line)


def _validity(valid_from: str, valid_to: str, lang: str) -> str:
    if valid_from and valid_to:
        return f"{valid_from} – {valid_to}"
    if valid_from:
        return t("ask.valid_since", lang, date=valid_from)
    if valid_to:
        return t("ask.valid_until", lang, date=valid_to)
    return t("ask.valid_open", lang)


def _cite_text(sources) -> str:
    parts = []
    for c in sources:
        quote = c.get("quote", "")
        if len(quote) > 90:
            quote = quote[:87] + "…"
        parts.append(f"{c.get('title', c.get('document', ''))}: \"{quote}\" [{c['id']}]")
    return "; ".join(parts)


def _answer_line(structure, a: queries.AnswerItem, lang: str) -> str:
    if a.relation in RELATION_KINDS:
        label = RELATION_KINDS[a.relation].verb(lang)
    elif a.relation in EVENT_KINDS and structure is not None and a.relation_id in structure.events:
        label = f"{EVENT_KINDS[a.relation].label(lang).lower()}: {structure.events[a.relation_id].name(lang)}"
    else:
        label = a.relation
    head = f"  • {a.name(lang)} ({a.id})"
    if a.relation:
        head += f" — {label}, {_validity(a.valid_from, a.valid_to, lang)}"
        if a.relation_id:
            head += f" [{a.relation_id}]"
    else:
        head += f" — {_validity(a.valid_from, a.valid_to, lang)}"
    src = _cite_text(a.sources)
    return head + ("\n      " + t("ask.sources", lang) + ": " + src if src else "\n      " + t("ask.no_sources", lang))


def _path_relations(p: queries.Path) -> str:
    return "  [" + ", ".join(s.relation_id for s in p.steps) + "]"


def _amount_lines(amounts: dict[str, Any], lang: str) -> list[str]:
    out = []
    for line in amounts["lines"]:
        item = line["item_en"] if lang == "en" else line["item_sv"]
        out.append(f"  • {line['year']} {item}: {line['amount_tkr']:g} tkr  [{line['id']}; {', '.join(c['id'] for c in line['sources'])}]")
    if amounts["lines"]:
        for year, total in amounts["by_year"].items():
            out.append("  " + t("ask.amount_year", lang, year=year, total=f"{total:g}"))
        out.append(t("ask.amount_total", lang, total=f"{amounts['total']:g}"))
    else:
        out.append(t("ask.amount_none", lang))
    return out


# -- understanding the question -------------------------------------------------------------


def _display(structure, entity_id: str, lang: str) -> str:
    e = structure.entities[entity_id]
    if e.short_name and e.kind != "role":
        return e.short_name
    return e.name(lang).split(" (", 1)[0]


def _relation_cue(text: str):
    for kind in CUED_RELATIONS:
        m = kind.cue.search(text)
        if m:
            return kind.key, m
    return None, None


def _token_index(text: str, char_pos: int) -> int:
    return len(text[:char_pos].split())


def _has_relation(structure, entity_id: str, kinds: frozenset[str], direction: str) -> bool:
    edges = structure.incoming(entity_id) if direction == "holders" else structure.outgoing(entity_id)
    return any(r.relation in kinds for r in edges)


def _direction(tokens: list[str], verb_pos: int, mention: Mention, relation: str) -> tuple[str, str]:
    """("holders" | "targets", why) from word order around the verb and the name."""
    ms, me = mention.start, mention.end
    if me < len(tokens) and tokens[me] == "s":
        return "holders", "genitive"
    agent_tokens = list(tokens)
    for i in range(len(agent_tokens) - 1):
        if agent_tokens[i] in ("del", "delar", "part", "parts") and agent_tokens[i + 1] in ("av", "of"):
            agent_tokens[i + 1] = "-"
    agents = [i for i, tok in enumerate(agent_tokens) if tok in _AGENT]
    if agents:
        if any(i + 1 == ms for i in agents):
            return "targets", "agent"
        return "holders", "passive"
    if tokens and tokens[-1] in _TRAILING_PREP and me <= len(tokens) - 1 and ms > verb_pos:
        return "targets", "stranded"
    if ms < verb_pos:
        return "targets", "subject_first"
    if tokens and tokens[0] == "vad":
        return "targets", "vad"
    return "holders", "default"


def _kind_noun(text: str) -> str | None:
    for kind in ENTITY_KINDS.values():
        if kind.cue is not None and kind.cue.search(text):
            return kind.key
    return None


def _date_phrase(qd: QuestionDate, structure, lang: str) -> str:
    when = t("ask.on_day", lang, day=qd.label()) if not qd.is_span else t("ask.during", lang, span=qd.label())
    if qd.source == "question":
        note = t("ask.date_from_question", lang, text=qd.text)
    elif qd.source == "event":
        ev = structure.events[qd.event_id]
        note = t("ask.date_from_event", lang, text=qd.text, event=ev.name(lang), day=ev.date)
    elif qd.source == "option":
        note = t("ask.date_from_option", lang)
    else:
        note = t("ask.date_today", lang)
    return f"{when} ({note})"


def _not_understood(structure, question: str, lang: str, qd: QuestionDate, reason: str, names: list[str]) -> Answer:
    ids = [] if reason == "ask.bad_date" else suggest(structure, question)
    shown = ", ".join(f"{structure.name(i, lang)} ({i})" for i in ids)
    parts = [t(reason, lang, names=", ".join(names))]
    if ids:
        parts.append(t("ask.did_you_mean", lang, names=shown))
    parts.append(t("ask.can_answer", lang) + "\n" + "\n".join("  - " + t(k, lang) for k in QUESTION_KINDS))
    interpretation = {"intent": "unknown", "relation": None, "entities": [], "suggestions": ids, **_date_json(qd)}
    for code in ("sv", "en"):
        interpretation[f"text_{code}"] = t("ask.not_understood_short", code)
    interpretation["text"] = interpretation[f"text_{lang}"]
    return Answer(question, qd.first, lang, interpretation, message="\n".join(parts), understood=False, structure=structure)


def _date_json(qd: QuestionDate) -> dict[str, Any]:
    return {
        "date": qd.first.isoformat() if not qd.is_span else f"{qd.first.isoformat()}/{qd.last.isoformat()}",
        "date_from": qd.first.isoformat(),
        "date_to": qd.last.isoformat(),
        "date_precision": qd.precision,
        "date_source": qd.source,
        "date_text": qd.text,
        "event": qd.event_id or None,
    }


def ask(structure, question: str, *, on=None, lang: str | None = None) -> Answer:
    """Answer a free-text ``question`` about ``structure``; a date in the question overrides ``on``.

    Example
    -------
    >>> from lsgmap.model import load, BUNDLED_DATA
    >>> s = load(BUNDLED_DATA)
    >>> a = ask(s, "Vilka är uppdragsgivare till processledaren efter sammanslagningen?")
    >>> a.on.isoformat(), sorted(x.id for x in a.answers)
    ('2017-01-01', ['lsg_nykoping', 'lsg_nykoping_oxelosund', 'lsg_oxelosund', 'lsg_trosa_gnesta'])
    """
    question = question or ""
    lang = lang or detect_lang(question)
    qd = find_date(question, structure=structure, entity_ids=lambda: tuple(m.entity_id for m in find_mentions(structure, question)))
    qd = qd or option_date(on)
    if qd.source == "invalid":
        return _not_understood(structure, question, lang, qd, "ask.bad_date", [qd.text])
    text = normalise(question)
    if qd.text:
        # drop the date phrase so that "efter sammanslagningen" is no lineage cue and years are no names
        text = normalise(text.replace(normalise(qd.text), " ", 1))
    mentions = find_mentions(structure, text)
    ids = tuple(m.entity_id for m in mentions)
    tokens = text.split()
    span = qd.span
    root = structure.root

    def done(intent: str, relation, entities: list[str], answers, paths, sv: str, en: str, lead_sv: str = "", lead_en: str = "", amounts=None, message: str = "", extra=None) -> Answer:
        interpretation: dict[str, Any] = {"intent": intent, "relation": relation, "entities": entities, **_date_json(qd)}
        interpretation.update(extra or {})
        interpretation["names"] = [{"text": m.text, "id": m.entity_id, "score": round(m.score, 1), "exact": m.exact} for m in mentions]
        fuzzy = {c: "".join(" " + t("ask.fuzzy_name", c, text=m.text, name=name(m.entity_id, c)) for m in mentions if not m.exact) for c in ("sv", "en")}
        interpretation["text_sv"] = f"{sv} {_date_phrase(qd, structure, 'sv')}{fuzzy['sv']}"
        interpretation["text_en"] = f"{en} {_date_phrase(qd, structure, 'en')}{fuzzy['en']}"
        interpretation["text"] = interpretation[f"text_{lang}"]
        interpretation["lead_sv"], interpretation["lead_en"] = lead_sv, lead_en
        if not answers and amounts is None and not message:
            message = _absent_message(structure, entities, qd, lang)
        return Answer(question, qd.first, lang, interpretation, list(answers), list(paths), message, True, amounts, structure)

    def name(eid: str, code: str) -> str:
        return _display(structure, eid, code)

    if not mentions:
        kind = _kind_noun(text)
        if LIST_CUE.search(text) and MEMBERS_CUE.search(text) and root:
            return _members(structure, done, name, span, root)
        if kind and LIST_CUE.search(text):
            found = queries.existing(structure, kind, on=span)
            items = [queries.entity_item(structure, e) for e in found]
            k = ENTITY_KINDS[kind]
            return done(
                "existing", None, [], items, [],
                t("ask.i_existing", "sv", kinds=k.plural("sv").lower()), t("ask.i_existing", "en", kinds=k.plural("en").lower()),
                t("ask.lead_existing", "sv", count=len(items)), t("ask.lead_existing", "en", count=len(items)),
                extra={"kind": kind},
            )
        reason = "ask.unknown_name" if _relation_cue(text)[0] or RESPONSIBLE_CUE.search(text) else "ask.not_understood"
        words = [w.strip("?!.,:;\"'()") for w in question.split()]
        known = structure.names.variants
        unknown = [w for w in words if normalise(w) and normalise(w) not in known and normalise(w).split()[0] not in _SV_WORDS | _EN_WORDS]
        return _not_understood(structure, question, lang, qd, reason, unknown[-1:] or [question])

    first = mentions[0]
    x = first.entity_id

    if AMOUNT_CUE.search(text):
        funder, target = _funder_and_target(structure, ids)
        year = qd.first.year if qd.source == "question" and qd.first.year == qd.last.year else None
        result = queries.amounts(structure, funder, target, year=year)
        items = [_funder_item(structure, structure.relations[rid]) for rid in result["relations"]]
        fs = {c: (name(funder, c) if funder else t("ask.any_funder", c)) for c in ("sv", "en")}
        ys = {c: (t("ask.in_year", c, year=year) if year else "") for c in ("sv", "en")}
        return done(
            "amount", "funds", [i for i in (funder, target) if i], items, [],
            t("ask.i_amount", "sv", funder=fs["sv"], target=name(target, "sv"), year=ys["sv"]),
            t("ask.i_amount", "en", funder=fs["en"], target=name(target, "en"), year=ys["en"]),
            t("ask.lead_relations", "sv"), t("ask.lead_relations", "en"), amounts=result, extra={"year": year},
        )

    if LINEAGE_CUE.search(text) or re.search(r"\b(hande|happened)\b", text):
        lin = queries.lineage(structure, x)
        items = lin["came_from"] + lin["became"]
        msg = "" if items else t("ask.no_lineage", lang, name=name(x, lang))
        return done(
            "lineage", None, [x], items, [],
            t("ask.i_lineage", "sv", name=name(x, "sv")), t("ask.i_lineage", "en", name=name(x, "en")),
            t("ask.lead_lineage", "sv"), t("ask.lead_lineage", "en"), message=msg,
            extra={"events": [e.id for e in lin["events"]], "became": [a.id for a in lin["became"]], "came_from": [a.id for a in lin["came_from"]]},
        )

    relation, match = _relation_cue(text)
    responsible_match = RESPONSIBLE_CUE.search(text)
    responsible = bool(responsible_match)

    if CHAIN_CUE.search(text) or (not relation and not responsible and len(ids) >= 2):
        if len(ids) >= 2 and root not in ids[:2]:
            a, b = ids[0], ids[1]
            paths = queries.paths_between(structure, a, b, on=span)
            return done(
                "paths", None, [a, b], [], paths,
                t("ask.i_paths", "sv", a=name(a, "sv"), b=name(b, "sv")), t("ask.i_paths", "en", a=name(a, "en"), b=name(b, "en")),
                message="" if paths else t("ask.no_paths", lang),
            )
        start = next((i for i in ids if i != root), x)
        paths = queries.chain_to_root(structure, start, on=span)
        top = {c: (name(root, c) if root else t("ask.any_association", c)) for c in ("sv", "en")}
        return done(
            "chain", None, [start] + ([root] if root else []), [], paths,
            t("ask.i_chain", "sv", name=name(start, "sv"), root=top["sv"]), t("ask.i_chain", "en", name=name(start, "en"), root=top["en"]),
            message="" if paths else t("ask.no_chain", lang, name=name(start, lang), root=top[lang]),
        )

    if relation or responsible:
        if responsible:
            kinds = frozenset(RESPONSIBLE_RELATIONS)
            verb_pos = _token_index(text, responsible_match.start())
            rel_key = "responsible"
        else:
            kinds = frozenset([relation])
            verb_pos = _token_index(text, match.start())
            rel_key = relation
        if len(mentions) >= 2:
            a, b = mentions[0].entity_id, mentions[1].entity_id
            items = [i for i in queries.holders(structure, kinds, b, on=span) if i.id == a]
            items += [i for i in queries.holders(structure, kinds, a, on=span) if i.id == b]
            sv_verb, en_verb = _verbs(rel_key)
            return done(
                "relation_between", rel_key, [a, b], items, queries.chain_to_root(structure, b, on=span) if items else [],
                t("ask.i_between", "sv", a=name(a, "sv"), verb=sv_verb, b=name(b, "sv")), t("ask.i_between", "en", a=name(a, "en"), verb=en_verb, b=name(b, "en")),
                t("ask.lead_yes", "sv"), t("ask.lead_yes", "en"),
                message="" if items else t("ask.no_between", lang, a=name(a, lang), b=name(b, lang)),
            )
        direction, why = _direction(tokens, verb_pos, first, rel_key)
        kind = _kind_noun(" ".join(tok for i, tok in enumerate(tokens) if not any(m.start <= i < m.end for m in mentions)))
        if relation == "member_of" and why == "default" and structure.entities[x].kind != "association":
            direction = "targets"
        # a short form that names both a municipality and an LSG ("Trosa"): take the one with such relations
        if not _has_relation(structure, x, kinds, direction):
            x = _better_candidate(structure, first, kinds, direction) or x
        if why in ("default", "vad") and kind:
            here = queries.holders if direction == "holders" else queries.targets
            there = queries.targets if direction == "holders" else queries.holders
            if not any(i.kind == kind for i in here(structure, kinds, x, on=span)) and any(i.kind == kind for i in there(structure, kinds, x, on=span)):
                direction = "targets" if direction == "holders" else "holders"
        fn = queries.holders if direction == "holders" else queries.targets
        items = fn(structure, kinds, x, on=span)
        if kind and any(i.kind == kind for i in items) and why in ("default", "vad"):
            items = [i for i in items if i.kind == kind]
        sv_verb, en_verb = _verbs(rel_key)
        paths = queries.chain_to_root(structure, x, on=span) if direction == "holders" else []
        if direction == "holders":
            sv = t("ask.i_holders", "sv", verb=sv_verb, name=name(x, "sv"))
            en = t("ask.i_holders", "en", verb=en_verb, name=name(x, "en"))
            inv_sv, inv_en = _inverses(rel_key)
            lead_sv = t("ask.lead_holders", "sv", inverse=inv_sv, name=name(x, "sv"))
            lead_en = t("ask.lead_holders", "en", inverse=inv_en, name=name(x, "en"))
        else:
            sv = t("ask.i_targets", "sv", verb=sv_verb, name=name(x, "sv"))
            en = t("ask.i_targets", "en", verb=en_verb, name=name(x, "en"))
            lead_sv = t("ask.lead_targets", "sv", verb=sv_verb, name=name(x, "sv"))
            lead_en = t("ask.lead_targets", "en", verb=en_verb, name=name(x, "en"))
        return done(
            "responsible" if responsible else "relation", rel_key, [x], items, paths, sv, en, lead_sv, lead_en,
            extra={"direction": direction, "relations": sorted(kinds)},
        )

    if root == x and MEMBERS_CUE.search(text):
        return _members(structure, done, name, span, root)

    # only a name: everything about it on the date
    items = queries.targets(structure, set(RELATION_KINDS), x, on=span) + queries.holders(structure, set(RELATION_KINDS), x, on=span)
    return done(
        "about", None, [x], items, queries.chain_to_root(structure, x, on=span),
        t("ask.i_about", "sv", name=name(x, "sv")), t("ask.i_about", "en", name=name(x, "en")),
        t("ask.lead_about", "sv"), t("ask.lead_about", "en"),
    )


def _better_candidate(structure, mention: Mention, kinds: frozenset[str], direction: str) -> str | None:
    """Another entity the words may mean that has such a relation: "Trosa" → LSG Trosa, "Ungdomens hus" → the assignment."""
    for alt in mention.entity_ids[1:]:
        if _has_relation(structure, alt, kinds, direction):
            return alt
    if len(mention.text.split()) < 2:
        return None
    words = f" {mention.text} "
    found = [
        e.id for e in structure.entities.values()
        if e.id != mention.entity_id and words in f" {normalise(e.name_sv)} " and _has_relation(structure, e.id, kinds, direction)
    ]
    return found[0] if len(found) == 1 else None


def _verbs(rel_key: str) -> tuple[str, str]:
    if rel_key == "responsible":
        return t("ask.verb_responsible", "sv"), t("ask.verb_responsible", "en")
    kind = RELATION_KINDS[rel_key]
    return kind.verb("sv"), kind.verb("en")


def _inverses(rel_key: str) -> tuple[str, str]:
    if rel_key == "responsible":
        return t("ask.inverse_responsible", "sv"), t("ask.inverse_responsible", "en")
    kind = RELATION_KINDS[rel_key]
    return kind.inverse("sv"), kind.inverse("en")


def _members(structure, done, name, span, root: str) -> Answer:
    verb_sv, verb_en = _verbs("member_of")
    inv_sv, inv_en = _inverses("member_of")
    return done(
        "relation", "member_of", [root], queries.holders(structure, "member_of", root, on=span), [],
        t("ask.i_holders", "sv", verb=verb_sv, name=name(root, "sv")),
        t("ask.i_holders", "en", verb=verb_en, name=name(root, "en")),
        t("ask.lead_holders", "sv", inverse=inv_sv, name=name(root, "sv")),
        t("ask.lead_holders", "en", inverse=inv_en, name=name(root, "en")),
        extra={"direction": "holders", "relations": ["member_of"]},
    )


def _funder_item(structure, r) -> queries.AnswerItem:
    """The funder of relation ``r`` as an answer."""
    return queries.relation_item(structure, structure.entities[r.from_id], r)


def _funder_and_target(structure, ids: tuple[str, ...]) -> tuple[str | None, str]:
    """Which named entity funds which: the pair with budget lines, else the pair with a funds relation."""
    pairs = [(a, b) for a in ids for b in ids if a != b]
    for a, b in pairs:
        if any(r.relation == "funds" and r.from_id == a and structure.budget_of(r.id) for r in structure.incoming(b)):
            return a, b
    for a, b in pairs:
        if any(r.relation == "funds" and r.from_id == a for r in structure.incoming(b)):
            return a, b
    return None, ids[-1]


def _absent_message(structure, entities: list[str], qd: QuestionDate, lang: str) -> str:
    """Why there is no answer: an entity that did not exist on the date (and what it became)."""
    lo, hi = qd.span
    for eid in entities:
        e = structure.entities.get(eid)
        if e is None or (e.start <= hi and lo <= e.end):
            continue
        lin = queries.lineage(structure, eid)
        msg = t("ask.not_existing", lang, name=e.name(lang), span=qd.label(), valid=_validity(e.valid_from, e.valid_to, lang))
        if lin["became"] and hi >= e.end:
            names = ", ".join(a.name(lang) for a in lin["became"])
            msg += " " + t("ask.became", lang, names=names, day=lin["became"][0].valid_from)
        elif lin["came_from"] and lo <= e.start:
            names = ", ".join(a.name(lang) for a in lin["came_from"])
            msg += " " + t("ask.came_from", lang, names=names, day=lin["came_from"][0].valid_from)
        return msg
    return ""
