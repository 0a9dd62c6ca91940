"""Candidate facts in a document: who steers, funds, commissions … whom, with the shortest quote that says it.

The readings, each general, none naming an entity of the bundled data:

- **a cue sentence**: a clause holding a relation's cue word from the vocabulary
  ("uppdragsgivare", "styrgrupp för", "finansieras av", "rapporterar till") and names on
  both sides; the side a name stands on gives the direction ("A är styrgrupp för B",
  "B finansieras av A"), and only kinds of ends the dataset already joins by that relation
  are taken (an LSG steers a project, not a municipality). "insatsen"/"tjänsten" with no
  name stands for the nearest name of a fitting kind before it;
- **a project under its LSG**: a list item "TUNA (LSG Nyköping-Oxelösund)";
- **an assignment list**: under a heading about assignments ("Uppdrag från LSG"), each item
  "Att … (LSG A och LSG B)" is an assignment given by those LSGs ("samtliga LSG": all the
  principals) to the one the list's first sentence names;
- **a signature**: a person's name above a line naming a role;
- **a new LSG's name**: "LSG Nyköping-Oxelösund" covers the municipalities it names;
- **a merger**: "gå samman", "slås samman", "merge", with the LSGs before the cue.

Dates a clause states ("sedan oktober 2016", "fram till oktober 2018") are kept at their precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from lsgmap.intake.document import Document, fold
from lsgmap.intake.mentions import Mention, NewName, find, tokens
from lsgmap.intake.when import dates_in, new_year_after
from lsgmap.model.names import normalise
from lsgmap.vocab import ASSIGNED_TO, ASSIGNS, COMMISSION, CUED_RELATIONS, ENTITY_KINDS, HOLDING, RELATION_KINDS, STEERING

__all__ = ["Fact", "Reading", "read_facts"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
_CLAUSE = re.compile(r";\s*|,\s+(?=(?:som|vilket|vilken|men|där|which|but|who)\b)")
_MERGER = re.compile(r"\b(?:(?:ga|gatt|gick|gar|slas|slogs|slagits|slogs ihop|ga ihop) samman|sammanslagning\w*|merge[ds]?|merging)\b")
_NEW_YEAR = re.compile(r"\befter arsskiftet\b|\bafter the new year\b")
_ALL = re.compile(r"\b(?:samtliga|alla|all|every|respektive)\b")
_DEFINITE = re.compile(r"\b(insatsen|projektet|tjansten|processledaren|gruppen|the project|the post)\b")
_LEADING = re.compile(r"^(?:och|samt|men|and|but)\s+", re.IGNORECASE)
_ITEM = re.compile(r"(?P<body>.+?)\s*\((?P<who>[^()]+)\)\s*\.?$")


@dataclass
class Fact:
    """A candidate fact: a relation, an entity or an event, with its quote and how sure the reading is."""

    kind: str  # "relation" | "entity" | "event"
    quote: str
    confidence: float
    block: int
    from_id: str = ""
    relation: str = ""
    to_id: str = ""
    entity_id: str = ""
    name: str = ""
    entity_kind: str = ""
    valid_from: str = ""
    valid_to: str = ""
    reading: str = ""
    event: dict = field(default_factory=dict)


@dataclass
class Reading:
    """What :func:`read_facts` found: the facts, every mention with its sentence, and the new names."""

    facts: list[Fact]
    mentions: list[tuple[Mention, str, int]]
    new: dict[str, NewName]
    topic: str | None


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _clauses(sentence: str) -> list[str]:
    """A sentence cut where a new clause starts (";", ", som …"), and at "och" between two cue words."""
    parts = [p.strip(" ,;") for p in _CLAUSE.split(sentence) if p.strip(" ,;")]
    out = []
    for part in parts:
        cues = _cue_spans(part)
        if len(cues) < 2:
            out.append(part)
            continue
        cut = None
        for m in re.finditer(r"\s+och\s+|\s+and\s+|,\s+", part):
            if cues[0][1] <= m.start() and m.end() <= cues[1][0] and any(c[0] > m.end() for c in cues):
                cut = m
        if cut is None:
            out.append(part)
        else:
            out += [part[: cut.start()].strip(" ,"), part[cut.end() :].strip(" ,")]
    return [_LEADING.sub("", c) for c in out]


def _cue_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, relation) of each relation cue in ``text`` (character places in ``text``)."""
    toks = tokens(text)
    joined, starts = "", []
    for _, _, w in toks:
        starts.append(len(joined))
        joined += w + " "
    found = []
    for kind in CUED_RELATIONS:
        for m in kind.cue.finditer(joined):
            first = max(i for i, s in enumerate(starts) if s <= m.start())
            last = max(i for i, s in enumerate(starts) if s < m.end())
            found.append((toks[first][0], toks[last][1], kind.key))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for span in found:  # the most specific cue (tried first) wins where two overlap
        if not any(span[0] < o[1] and o[0] < span[1] for o in out):
            out.append(span)
    return sorted(out)


class _Reader:
    def __init__(self, structure, doc: Document, period: str | None, new: dict[str, NewName]):
        self.s, self.doc, self.period, self.new = structure, doc, period, new
        self.new_by_id = {n.id: n for n in new.values()}
        self.pairs = {(structure.entities[r.from_id].kind, r.relation, structure.entities[r.to_id].kind) for r in structure.relations.values()
                      if r.from_id in structure.entities and r.to_id in structure.entities}
        self.used = {p[1] for p in self.pairs}
        self.facts: list[Fact] = []
        self.mentions: list[tuple[Mention, str, int]] = []
        self.topic = self._topic()

    # -- helpers ------------------------------------------------------------------------
    def kind(self, ident: str) -> str:
        e = self.s.entities.get(ident)
        return e.kind if e is not None else self.new_by_id[ident].kind if ident in self.new_by_id else ""

    def fits(self, a: str, relation: str, b: str) -> bool:
        """Whether the dataset joins ends of these kinds by ``relation`` (never, for a relation it does not use)."""
        return (self.kind(a), relation, self.kind(b)) in self.pairs

    def find(self, text: str) -> list[Mention]:
        return find(self.s, text, self.new)

    def _topic(self) -> str | None:
        """The entity the heading is about ("Lägesrapport avseende Processledare …" → the process leader's post)."""
        for m in self.find(self.doc.title):
            if self.kind(m.id) in ("role", "project"):
                return m.id
        return None

    def period_first(self) -> str:
        return self.period.split("/")[0] if self.period else ""

    def relation(self, a: str, relation: str, b: str, quote: str, confidence: float, block: int, reading: str, dates=()) -> None:
        f = Fact("relation", quote, confidence, block, a, relation, b, reading=reading)
        for d in dates:
            if d.role == "from" and not f.valid_from:
                f.valid_from = d.value
            elif d.role == "to" and not f.valid_to:
                f.valid_to = d.value
        self.facts.append(f)

    # -- the readings -----------------------------------------------------------------------
    def read(self) -> list[Fact]:
        section, section_blocks = "", []
        sections: list[tuple[str, list[int]]] = []
        for i, b in enumerate(self.doc.blocks):
            if b.heading and not b.bullet:
                sections.append((section, section_blocks))
                section, section_blocks = normalise(b.text), []
            else:
                section_blocks.append(i)
        sections.append((section, section_blocks))
        for i, b in enumerate(self.doc.blocks):
            for sentence in _sentences(b.text):
                self.mentions += [(m, sentence, i) for m in self.find(sentence)]
                self.sentence(sentence, i)
        for heading, blocks in sections:
            kind = ENTITY_KINDS["assignment"]
            if kind.cue and kind.cue.search(heading):
                self.assignment_list(blocks)
            else:
                for i in blocks:
                    if self.doc.blocks[i].bullet:
                        self.project_item(i)
        self.signature()
        self.new_lsgs()
        return self.facts

    def sentence(self, sentence: str, block: int) -> None:
        if _MERGER.search(" ".join(w for _, _, w in tokens(sentence))):
            self.merger(sentence, block)
        for clause in _clauses(sentence):
            for start, end, relation in _cue_spans(clause):
                self.cue(clause, start, end, relation, block)

    def cue(self, clause: str, start: int, end: int, relation: str, block: int) -> None:
        if relation in (ASSIGNS, ASSIGNED_TO):
            return  # assignments are read from their lists
        mentions = [m for m in self.find(clause) if not (m.start < end and start < m.end)]
        after = clause[end:]
        passive = re.match(r"\s+(?:av|by)\b", after) is not None
        before_ms = [m for m in mentions if m.end <= start]
        after_ms = [m for m in mentions if m.start >= end]
        subjects, objects = (after_ms, before_ms) if passive else (before_ms, after_ms)
        confidence = 0.85
        subjects_ids = [i for m in subjects for i in m.ids[:1]]
        local = self.local_lsgs(clause[:start])
        if local and not passive:  # "I Oxelösund är LSG styrgrupp för …": the LSG of the places named
            subjects_ids, confidence = local, 0.75
        objects_ids = [i for m in objects for i in m.ids[:1]]
        if not objects_ids and subjects_ids:
            slot = clause[:start] if passive else clause[end:]
            if _DEFINITE.search(normalise(slot)):
                ref = self.antecedent(clause, block, lambda o: any(self.fits(a, relation, o) for a in subjects_ids))
                if ref:
                    objects_ids, confidence = [ref], 0.6
        dates = dates_in(clause)
        for a in dict.fromkeys(subjects_ids):
            for b in dict.fromkeys(objects_ids):
                if a != b and self.fits(a, relation, b):
                    self.relation(a, relation, b, clause, confidence, block, "cue", dates)

    def local_lsgs(self, before: str) -> list[str]:
        """"I Gnesta och Trosa är LSG …" / "In Oxelösund the LSG …": the LSGs named by those places ([] when the clause says otherwise)."""
        m = re.search(r"\b(?:I|In)\s+(.+?)\s+(?:är|var|is|was)\s+(?:the\s+)?LSG\b", before)
        if not m:
            return []
        out = []
        for place in re.split(r",\s*|\s+(?:och|and)\s+", m[1]):
            ids = [i for i in self.s.names.ids_for(normalise(f"LSG {place}")) if self.kind(i) == "lsg"]
            if not ids:
                return []
            out.append(ids[0])
        return out

    def antecedent(self, clause: str, block: int, ok) -> str | None:
        """The nearest name before ``clause`` in its block (then in the blocks before) that ``ok`` accepts."""
        for i in range(block, max(block - 3, -1), -1):
            text = self.doc.blocks[i].text
            if i == block:
                text = text[: text.find(clause)] if clause in text else ""
            for m in reversed(self.find(text)):
                if ok(m.id):
                    return m.id
        return self.topic if self.topic and ok(self.topic) else None

    def merger(self, sentence: str, block: int) -> None:
        words = tokens(sentence)
        joined, starts = "", []
        for _, _, w in words:
            starts.append(len(joined))
            joined += w + " "
        cue = _MERGER.search(joined)
        if cue is None:
            return
        norm = joined
        cut = words[max(k for k, st in enumerate(starts) if st <= cue.start())][0]
        ms = self.find(sentence)
        originals = [m.id for m in ms if m.start < cut and self.kind(m.id) in ("lsg", "lsg_group")]
        results = [m.id for m in ms if m.start >= cut and self.kind(m.id) in ("lsg", "lsg_group") and m.id not in originals]
        if len(originals) < 2:
            return
        day = new_year_after(self.period_first()) if _NEW_YEAR.search(norm) and self.period_first() else ""
        if not day:
            froms = [d.value for d in dates_in(sentence) if d.role == "from"]
            day = froms[0] if froms else ""
        decided = self.period if re.search(r"\bbeslut\w*|\bdecided\b|\bdecision\b", norm) else ""
        self.facts.append(Fact("event", sentence, 0.7, block, reading="merger",
                               event={"kind": "merger", "date": day, "decided": decided or "", "originals": originals, "results": results}))

    def project_item(self, i: int) -> None:
        b = self.doc.blocks[i]
        m = _ITEM.fullmatch(b.text)
        if not m:
            return
        givers = [x.id for x in self.find(m["who"]) if self.kind(x.id) in ("lsg", "lsg_group", "steering_group")]
        body = m["body"]
        project = self.project_named(body, givers)
        if not project or not givers:
            return
        for g in givers:
            if self.fits(g, STEERING, project):
                self.relation(g, STEERING, project, b.text, 0.9, i, "project_item")

    def project_named(self, body: str, givers: list[str]) -> str | None:
        """The project a list item names; a short name read beside its LSG ("TUNA" under LSG Nyköping-Oxelösund)."""
        key = normalise(body)
        if key in self.new:
            return self.new[key].id
        ms = [x for x in self.find(body) if self.kind(x.id) == "project"]
        if not ms:
            return None
        best = ms[-1].id
        short = normalise(ms[-1].text)
        place = {w for g in givers for w in normalise(self.s.name(g) if g in self.s.entities else self.new_by_id[g].name).split()} - {"lsg"}
        for variant, ids in self.s.names.variants.items():
            if variant != short and variant.startswith(short + " ") and set(variant.split()[len(short.split()):]) & place:
                projects = [x for x in ids if self.kind(x) == "project"]
                if projects:
                    return projects[0]
        return best

    def assignment_list(self, blocks: list[int]) -> None:
        intro = next((i for i in blocks if not self.doc.blocks[i].bullet), None)
        receiver = None
        if intro is not None:
            receiver = next((m.id for m in self.find(self.doc.blocks[intro].text) if self.kind(m.id) in ("role", "person")), None)
        receiver = receiver or self.topic
        for i in blocks:
            b = self.doc.blocks[i]
            m = _ITEM.fullmatch(b.text)
            if not b.bullet or not m:
                continue
            givers = [x.id for x in self.find(m["who"]) if self.kind(x.id) in ("lsg", "lsg_group")]
            confidence = 0.85
            if not givers and _ALL.search(normalise(m["who"])):
                givers, confidence = self.all_principals(receiver), 0.65
            if not givers:
                continue
            ident, name = self.assignment(m["body"], b.text)
            if ident is None:
                name = re.sub(r"^(?:Att|To)\s+", "", m["body"]).strip()
                name = name[:1].upper() + name[1:]
                key = normalise(name)
                if key not in self.new:
                    self.new[key] = NewName(name, "assignment", self._free_id(name))
                    self.new_by_id[self.new[key].id] = self.new[key]
                ident = self.new[key].id
            self.facts.append(Fact("entity", b.text, confidence, i, entity_id=ident, name=name, entity_kind="assignment", reading="assignment",
                                   valid_from=self.period_first()[:7]))
            for g in givers:
                self.relation(g, ASSIGNS, ident, b.text, confidence, i, "assignment")
            if receiver:
                self.relation(ident, ASSIGNED_TO, receiver, b.text, confidence, i, "assignment")

    def _free_id(self, name: str) -> str:
        from lsgmap.edit.operations import slug

        base = "uppdrag_" + "_".join(slug(name).split("_")[:5])
        ident, n = base, 2
        while ident in self.s.entities or ident in self.new_by_id:
            ident, n = f"{base}_{n}", n + 1
        return ident

    def assignment(self, body: str, text: str) -> tuple[str | None, str]:
        """An assignment the dataset has, quoted with the same words; else (None, "")."""
        folded = fold(text)
        for e in self.s.entities.values():
            if e.kind != "assignment":
                continue
            quotes = [fold(self.s.sources[x].quote) for x in e.sources if x in self.s.sources]
            if folded in quotes or any(fuzz.ratio(folded, q) >= 95 for q in quotes):
                return e.id, e.name_sv
        return None, ""

    def all_principals(self, receiver: str | None) -> list[str]:
        """"samtliga LSG": the principals this document names for the receiver, else the dataset's in the period."""
        found = [f.from_id for f in self.facts if f.kind == "relation" and f.relation == COMMISSION and f.to_id == receiver]
        if found:
            return list(dict.fromkeys(found))
        if not receiver or not self.period:
            return []
        from lsgmap.dates import parse_span

        span = parse_span(self.period)
        a, b = span.first_day().toordinal(), span.last_day().toordinal()
        return sorted({r.from_id for r in self.s.incoming(receiver) if r.relation == COMMISSION and r.start <= b and r.end >= a})

    def signature(self) -> None:
        blocks = self.doc.blocks
        for k in range(max(len(blocks) - 3, 0), len(blocks) - 1):
            a, b = blocks[k], blocks[k + 1]
            person = [m for m in self.find(a.text) if self.kind(m.id) == "person" and m.text == a.text]
            role = [m for m in self.find(b.text.split(",")[0]) if self.kind(m.id) == "role"]
            # the reading itself says what the relation is: a person signing with a post holds it (also in data with no post held yet)
            if person and role and (self.fits(person[0].id, HOLDING, role[0].id) or HOLDING not in self.used):
                self.relation(person[0].id, HOLDING, role[0].id, f"{a.text} {b.text}", 0.75, k, "signature")

    def new_lsgs(self) -> None:
        covers = "covers"
        for n in list(self.new.values()):
            if n.kind != "lsg" or covers not in RELATION_KINDS:
                continue
            block = next((i for i, b in enumerate(self.doc.blocks) if n.name in b.text), None)
            if block is None:
                continue
            for m in self.find(n.name.removeprefix("LSG ").replace("-", " - ")):
                places = [i for i in self.s.names.ids_for(normalise(m.text)) if self.kind(i) == "municipality"]
                if places and self.fits(n.id, covers, places[0]):
                    self.relation(n.id, covers, places[0], n.name, 0.6, block, "lsg_name")


def read_facts(structure, doc: Document, period: str | None, new: dict[str, NewName]) -> Reading:
    """The candidate facts of ``doc`` (whose period is ``period``), reading names with ``new`` (new names found first)."""
    r = _Reader(structure, doc, period, new)
    facts = r.read()
    return Reading(facts, r.mentions, r.new, r.topic)

