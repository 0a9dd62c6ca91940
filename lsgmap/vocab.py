"""The one vocabulary of entity kinds, relation kinds and event kinds.

Every label, colour, shape, layer and verb used by the loader, the checks, the
questions, the renderer and the app comes from here.

Relations read subject → object: ``LSG Nyköping --steers--> TUNA`` reads
"LSG Nyköping styr TUNA" / "LSG Nyköping steers TUNA".

Examples
--------
>>> ENTITY_KINDS["lsg"].label("sv")
'Lokal samverkansgrupp'
>>> RELATION_KINDS["steers"].verb("en"), RELATION_KINDS["steers"].inverse("sv")
('steers', 'styrs av')
>>> sorted(RESPONSIBLE_RELATIONS)
['owns', 'steers']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EntityKind",
    "RelationKind",
    "EventKind",
    "ENTITY_KINDS",
    "RELATION_KINDS",
    "EVENT_KINDS",
    "RESPONSIBLE_RELATIONS",
    "LANGS",
]

LANGS = ("sv", "en")


@dataclass(frozen=True)
class EntityKind:
    """A kind of node. ``layer`` orders the layered layout from top (0) to bottom."""

    key: str
    sv: str
    en: str
    plural_sv: str
    plural_en: str
    colour: str
    shape: str
    layer: int

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en

    def plural(self, lang: str = "sv") -> str:
        return self.plural_sv if lang == "sv" else self.plural_en


@dataclass(frozen=True)
class RelationKind:
    """A kind of edge, with its verb both ways and how it is drawn."""

    key: str
    sv: str  # noun label: "Styr"
    en: str
    verb_sv: str  # "styr"
    verb_en: str  # "steers"
    inverse_sv: str  # "styrs av"
    inverse_en: str  # "is steered by"
    colour: str
    dashes: bool
    width: int = 2

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en

    def verb(self, lang: str = "sv") -> str:
        return self.verb_sv if lang == "sv" else self.verb_en

    def inverse(self, lang: str = "sv") -> str:
        return self.inverse_sv if lang == "sv" else self.inverse_en


@dataclass(frozen=True)
class EventKind:
    """A restructuring event (W3C ORG ChangeEvent): originals → results."""

    key: str
    sv: str
    en: str
    min_originals: int
    min_results: int

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en


def _index(items):
    return {item.key: item for item in items}


ENTITY_KINDS: dict[str, EntityKind] = _index(
    [
        EntityKind("association", "Samordningsförbund", "Coordination association", "Samordningsförbund", "Coordination associations", "#1f4e79", "box", 0),
        EntityKind("agency", "Myndighet", "Agency", "Myndigheter", "Agencies", "#2e75b6", "box", 1),
        EntityKind("region", "Region", "Region", "Regioner", "Regions", "#5b9bd5", "box", 1),
        EntityKind("funder", "Finansiär", "Funder", "Finansiärer", "Funders", "#7030a0", "diamond", 1),
        EntityKind("lsg", "Lokal samverkansgrupp", "Local collaboration group", "Lokala samverkansgrupper", "Local collaboration groups", "#c55a11", "ellipse", 2),
        EntityKind("municipality", "Kommun", "Municipality", "Kommuner", "Municipalities", "#548235", "box", 3),
        EntityKind("project", "Projekt / insats", "Project", "Projekt / insatser", "Projects", "#bf9000", "dot", 4),
        EntityKind("steering_group", "Styrgrupp", "Steering group", "Styrgrupper", "Steering groups", "#a5a5a5", "ellipse", 4),
        EntityKind("team", "Team", "Team", "Team", "Teams", "#d9d9d9", "dot", 5),
        EntityKind("role", "Roll / tjänst", "Role", "Roller / tjänster", "Roles", "#c00000", "star", 5),
        EntityKind("assignment", "Uppdrag", "Assignment", "Uppdrag", "Assignments", "#ff7c80", "triangle", 6),
        EntityKind("person", "Person", "Person", "Personer", "Persons", "#808080", "dot", 6),
    ]
)

RELATION_KINDS: dict[str, RelationKind] = _index(
    [
        RelationKind("member_of", "Medlem i", "Member of", "är medlem i", "is a member of", "har som medlem", "has as member", "#1f4e79", False, 1),
        RelationKind("covers", "Omfattar", "Covers", "omfattar", "covers", "omfattas av", "is covered by", "#548235", True, 1),
        RelationKind("owns", "Äger", "Owns", "äger", "owns", "ägs av", "is owned by", "#000000", False, 3),
        RelationKind("steers", "Styr", "Steers", "styr", "steers", "styrs av", "is steered by", "#c55a11", False, 3),
        RelationKind("funds", "Finansierar", "Funds", "finansierar", "funds", "finansieras av", "is funded by", "#7030a0", True, 2),
        RelationKind("employs", "Anställer", "Employs", "anställer", "employs", "är anställd av", "is employed by", "#2e75b6", True, 2),
        RelationKind("commissions", "Uppdragsgivare till", "Commissions", "är uppdragsgivare till", "commissions", "har som uppdragsgivare", "is commissioned by", "#c00000", False, 2),
        RelationKind("reports_to", "Rapporterar till", "Reports to", "rapporterar till", "reports to", "får rapporter från", "receives reports from", "#808080", True, 1),
        RelationKind("chairs", "Ordförande i", "Chairs", "är ordförande i", "chairs", "har som ordförande", "is chaired by", "#808080", False, 1),
        RelationKind("part_of", "Del av", "Part of", "är en del av", "is part of", "består av", "consists of", "#a5a5a5", True, 1),
        RelationKind("applies_to", "Ansöker hos", "Applies to", "ansöker hos", "applies to", "tar emot ansökan från", "receives an application from", "#bf9000", True, 1),
        RelationKind("holds", "Innehar", "Holds", "innehar", "holds", "innehas av", "is held by", "#808080", True, 1),
        RelationKind("assigns", "Ger uppdrag", "Assigns", "ger uppdraget", "assigns", "ges av", "is assigned by", "#ff7c80", False, 1),
        RelationKind("assigned_to", "Uppdrag till", "Assigned to", "är ett uppdrag till", "is assigned to", "har uppdraget", "has the assignment", "#ff7c80", True, 1),
    ]
)

EVENT_KINDS: dict[str, EventKind] = _index(
    [
        EventKind("merger", "Sammanslagning", "Merger", 2, 1),
        EventKind("split", "Delning", "Split", 1, 2),
        EventKind("rename", "Namnbyte", "Rename", 1, 1),
        EventKind("founding", "Bildande", "Founding", 0, 1),
        EventKind("dissolution", "Upplösning", "Dissolution", 1, 0),
    ]
)

#: "Responsible for X" = its owners and its steering groups together.
RESPONSIBLE_RELATIONS = frozenset({"owns", "steers"})
