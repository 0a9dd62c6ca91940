"""Entity names in a document's text, with their place: known names and names that look like new entities.

Known names come from the dataset's names index (:attr:`Structure.names`): full names,
short forms, aliases, an LSG's name without "LSG"; a Swedish definite or genitive
ending on the last word is tried too ("processledarens", "Samordningsförbundets"). No
fuzzy matching: a document is long and its words are spelt as written.

Names that look like new entities are found first, for the whole document
(:func:`new_names`): "LSG Nyköping-Oxelösund" when no entity has that name, a project
listed under its LSG ("Ungdomens hus (LSG …)"), "insatsen Ungdomens hus". Once found, a
later mention of the same name means the same new entity.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> s = load(BUNDLED_DATA)
>>> [(m.text, m.ids[0]) for m in find(s, "Processledarens uppdragsgivare är LSG Trosa och Gnesta.", {})]
[('Processledarens', 'processledare'), ('LSG Trosa', 'lsg_trosa'), ('Gnesta', 'lsg_gnesta')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsgmap.model.names import STOPWORDS, normalise

__all__ = ["Mention", "NewName", "find", "new_names", "tokens", "LSG_NAME"]

_TOKEN = re.compile(r"[^\W_]+")
#: "LSG Nyköping-Oxelösund", "LSG Trosa-Gnesta", "LSG Trosa och Gnesta" (the second an LSG too)
LSG_NAME = re.compile(r"\bLSG\s+([A-ZÅÄÖ][\wåäöÅÄÖ]+(?:\s*[-/–]\s*[A-ZÅÄÖ][\wåäöÅÄÖ]+)*)(?:\s+och\s+(?!LSG\b)([A-ZÅÄÖ][\wåäöÅÄÖ]+)\b)?")
#: endings tried on the last word of a name: genitive, definite, both
_ENDINGS = ("s", "en", "n", "et", "ens", "ns", "ets")


@dataclass(frozen=True)
class NewName:
    """A name the dataset does not know: the kind it looks like and a proposed id."""

    name: str
    kind: str
    id: str


@dataclass(frozen=True)
class Mention:
    """A name at ``start:end`` of a text, the entities it may mean (most likely first), and whether it is new."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    new: bool = False

    @property
    def id(self) -> str:
        return self.ids[0]


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised word) of each word of ``text``.

    >>> tokens("LSG:s Nyköping-Oxelösund")
    [(0, 3, 'lsg'), (4, 5, 's'), (6, 14, 'nykoping'), (15, 24, 'oxelosund')]
    """
    return [(m.start(), m.end(), normalise(m.group()).replace(" ", "")) for m in _TOKEN.finditer(text)]


def _lookup(variants: dict, gram: list[str]) -> str | None:
    """The variant ``gram`` is, as written or with a definite/genitive ending off its last word."""
    text = " ".join(gram)
    if text in variants:
        return text
    last = gram[-1]
    for ending in _ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            shorter = " ".join([*gram[:-1], last[: -len(ending)]])
            if shorter in variants:
                return shorter
    return None


def find(structure, text: str, new: dict[str, NewName]) -> list[Mention]:
    """The names in ``text``, not overlapping, in order: the document's new names and LSG names first, then the longest known names.

    ``new`` maps a normalised new name to its :class:`NewName`.
    """
    idx = structure.names
    toks = tokens(text)
    taken: set[int] = set()
    out: list[Mention] = []

    def claim(i: int, n: int, ids: tuple[str, ...], is_new: bool = False) -> None:
        out.append(Mention(toks[i][0], toks[i + n - 1][1], text[toks[i][0] : toks[i + n - 1][1]], ids, is_new))
        taken.update(range(i, i + n))

    words = [w for _, _, w in toks]
    longest = max([idx.max_tokens, *(len(k.split()) for k in new)], default=1)
    # the document's new names and whole LSG names first
    for n in range(min(longest, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            if taken.intersection(range(i, i + n)):
                continue
            gram = " ".join(words[i : i + n])
            if gram in new:
                claim(i, n, (new[gram].id,), True)
    for first, last, ids in _lsg_spans(structure, text, toks):
        if not taken.intersection(range(first, last + 1)):
            claim(first, last - first + 1, ids)
    # then known names, longest first
    for n in range(min(idx.max_tokens, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            if taken.intersection(range(i, i + n)):
                continue
            gram = words[i : i + n]
            if gram[0] in STOPWORDS or gram[-1] in STOPWORDS:
                continue
            variant = _lookup(idx.variants, gram)
            if variant is None:
                continue
            claim(i, n, idx.ids_for(variant))
    return sorted(out, key=lambda m: m.start)


def _lsg_spans(structure, text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first token, last token, LSG ids) of each whole LSG name ("LSG Trosa och Gnesta": two)."""
    idx = structure.names
    out = []
    for m in LSG_NAME.finditer(text):
        for group in (1, 2):
            if not m[group]:
                continue
            span = m.span(group) if group == 2 else (m.start(), m.end(1))
            first = next((k for k, tk in enumerate(toks) if tk[0] >= span[0]), None)
            last = max((k for k, tk in enumerate(toks) if tk[1] <= span[1]), default=None)
            if first is None or last is None or last < first:
                continue
            key = normalise(m[group]) if group == 2 else normalise(text[span[0] : span[1]])
            ids = tuple(i for i in idx.ids_for(key) if structure.entities[i].kind == "lsg")
            if ids:
                out.append((first, last, ids))
    return out


_GROUP = re.compile(r"\b(?:en|ett|den|a|the)?\s*((?:arbetsgrupp|referensgrupp|working group|reference group)\w*\s+(?:för|om|for|on)\s+"
                    r"[\wåäöÅÄÖ -]+?)(?=[,.;:()]|\s+(?:som|och|med|which|and|with)\b|$)")
_NAMED_PROJECT = re.compile(r"\b(?:insatsen|projektet|the project)\s+((?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*)(?:\s+[a-zåäö]+)?)")


def _candidates(b) -> list[tuple[str, str, list[tuple[str, set[str] | None]]]]:
    """(name, kind, checks) of the names in block ``b`` that may be new: new when no check (a name, the kinds it would have) is known."""
    out: list[tuple[str, str, list[tuple[str, set[str] | None]]]] = []
    for m in LSG_NAME.finditer(b.text):
        name = f"LSG {' '.join(m[1].split())}"
        out.append((name, "lsg", [(name, {"lsg", "lsg_group"})]))
    item = re.fullmatch(r"(.+?)\s*\((LSG [^()]+)\)", b.text)
    if b.bullet and item and not item[1].lower().startswith(("att ", "to ")):
        # known by any kind, or by its short name after " - " as a project ("Individual Placement and Support - IPS")
        out.append((item[1], "project", [(item[1], None), (item[1].split(" - ")[-1], {"project"})]))
    for m in _GROUP.finditer(b.text):
        name = m[1].strip()
        out.append((name[:1].upper() + name[1:], "team", [(name, None)]))
    out += [(m[1], "project", [(m[1], {"project"})]) for m in _NAMED_PROJECT.finditer(b.text)]
    return out


def new_names(structure, blocks, slugger) -> dict[str, NewName]:
    """Names in ``blocks`` that look like new entities, by normalised name.

    - "LSG X-Y" that no entity is called;
    - a list item "NAME (LSG …)" whose NAME is no project, or "insatsen/projektet NAME" (a project);
    - "en arbetsgrupp för unga vuxna" (a working group: a team);
    - a person's name standing alone above a known role at the end (the signature).
    """
    idx = structure.names
    found: dict[str, NewName] = {}
    taken_ids = set(structure.entities)

    def add(name: str, kind: str) -> None:
        key = normalise(name)
        if not key or key in found or key in STOPWORDS:
            return
        base = slugger(name)
        ident, n = base, 2
        while ident in taken_ids:
            ident, n = f"{base}_{n}", n + 1
        taken_ids.add(ident)
        found[key] = NewName(name, kind, ident)

    def known(name: str, kinds: set[str] | None = None) -> bool:
        ids = idx.ids_for(normalise(name))
        return bool(ids) and (kinds is None or any(structure.entities[i].kind in kinds for i in ids))

    for b in blocks:
        for name, kind, checks in _candidates(b):
            if not any(known(n, kinds) for n, kinds in checks):
                add(name, kind)
    # the signature: "Förnamn Efternamn" alone, then a line naming a role
    for a, b in zip(blocks[-4:], blocks[-3:], strict=False):
        if re.fullmatch(r"[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+){1,2}", a.text) and not known(a.text):
            role = normalise(b.text.split(",")[0])
            if any(structure.entities[i].kind == "role" for i in idx.ids_for(role)):
                add(a.text, "person")
    return found
