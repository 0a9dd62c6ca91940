"""How well the reader reads: recall and precision of its relation proposals against an answer key.

Two keys:

- :func:`against_dataset`: the bundled data *is* the key for a document it was built from.
  The dataset without the document (:func:`lsgmap.intake.fixture.without_document`) is read
  against; the relations that went (not those derived from an event: no source states those)
  are what the reader must propose again (recall); every relation proposal should be one the
  dataset has from that document (precision). A proposed new entity stands for a removed one
  with the same name, or whose passage the proposal quotes.
- :func:`against_key`: a hand-written key (``from,relation,to,quote``; an end is an id, or
  ``new:NAME`` for an entity the dataset lacks, matched by name).

A relation counts when its two ends and its kind are right. Every quote must stand word
for word in the document.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from lsgmap.dataset.load import load
from lsgmap.intake.document import fold
from lsgmap.intake.fixture import without_document
from lsgmap.intake.proposals import Intake, read
from lsgmap.model.names import normalise

__all__ = ["Score", "against_dataset", "against_key"]

Triple = tuple[str, str, str]


@dataclass
class Score:
    """What was expected, what was proposed, and what matched."""

    expected: list[Triple]
    proposed: list[Triple]
    key: set[Triple]
    bad_quotes: list[str] = field(default_factory=list)
    result: Intake | None = None
    by_proposal: dict[str, Triple] = field(default_factory=dict)

    def right(self, proposal_id: str) -> bool:
        """Whether the relation proposal ``proposal_id`` is in the key."""
        return self.by_proposal.get(proposal_id) in self.key

    @property
    def hits(self) -> list[Triple]:
        return [t for t in self.expected if t in set(self.proposed)]

    @property
    def misses(self) -> list[Triple]:
        return [t for t in self.expected if t not in set(self.proposed)]

    @property
    def wrong(self) -> list[Triple]:
        return [t for t in self.proposed if t not in self.key]

    @property
    def recall(self) -> float:
        return len(self.hits) / len(self.expected) if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (len(self.proposed) - len(self.wrong)) / len(self.proposed) if self.proposed else 1.0


def _same_name(a: str, b: str) -> bool:
    x, y = normalise(a), normalise(b)
    return x == y or (len(x) > 8 and (x in y or y in x)) or fuzz.token_set_ratio(x, y) >= 90


def _triples(result: Intake, new_to: dict[str, str]) -> dict[str, Triple]:
    """The relation proposals by id, their new ends named as the key names them."""
    return {p.id: (new_to.get(p.from_id, p.from_id), p.relation, new_to.get(p.to_id, p.to_id))
            for p in result.proposals if p.relation and p.kind in ("attests", "new_relation", "conflict")}


def _score(expected: list[Triple], key: set[Triple], result: Intake, new_to: dict[str, str]) -> Score:
    by = _triples(result, new_to)
    return Score(expected, list(dict.fromkeys(by.values())), key, _bad_quotes(result), result, by)


def _bad_quotes(result: Intake) -> list[str]:
    return [p.quote for p in result.proposals if not result.document.contains(p.quote)]


def against_dataset(folder: str | Path, document_id: str) -> Score:
    """Read the shipped text of ``document_id`` against ``folder`` without it; the removed relations are the key."""
    full = load(folder)
    doc = full.documents[document_id]
    path = Path(folder) / "documents" / doc.reference
    with tempfile.TemporaryDirectory(prefix="lsgmap-intake-") as tmp:
        removed = without_document(folder, document_id, Path(tmp) / "data")
        result = read(load(Path(tmp) / "data"), path)
    ours = {sid for sid, s in full.sources.items() if s.document == document_id}
    gone = [full.relations[r] for r in sorted(removed["relations"]) if r in full.relations]
    expected = list(dict.fromkeys((r.from_id, r.relation, r.to_id) for r in gone if not r.derived_from))
    key = {(r.from_id, r.relation, r.to_id) for r in full.relations.values() if not r.derived_from and set(r.sources) & ours}
    new_to: dict[str, str] = {}
    for ident, info in result.new_entities.items():
        quotes = [fold(p.quote) for p in result.proposals if p.entity_id == ident]
        for e in sorted(removed["entities"]):
            entity = full.entities[e]
            theirs = [fold(full.sources[s].quote) for s in entity.sources if s in full.sources]
            if any(_same_name(info["name"], n) for n in (entity.name_sv, entity.name_en, *entity.aliases)) or set(quotes) & set(theirs):
                new_to[ident] = e
                break
    return _score(expected, key, result, new_to)


def read_key(path: str | Path) -> list[tuple[str, str, str, str]]:
    """The rows of a hand-written key (lines starting with ``#`` are comments)."""
    text = Path(path).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))))
    return [(r["from"], r["relation"], r["to"], r.get("quote", "")) for r in rows]


def against_key(folder: str | Path, document: str | Path, key: str | Path) -> Score:
    """Read ``document`` against ``folder``; the hand-written ``key`` lists what it states."""
    result = read(load(folder), document)
    rows = read_key(key)
    expected = list(dict.fromkeys((a, r, b) for a, r, b, _ in rows))
    names = {end for a, _, b, _ in rows for end in (a, b) if end.startswith("new:")}
    new_to = {}
    for ident, info in result.new_entities.items():
        match = next((n for n in sorted(names) if _same_name(info["name"], n[4:])), None)
        if match:
            new_to[ident] = match
    return _score(expected, set(expected), result, new_to)
