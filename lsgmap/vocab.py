"""The one vocabulary of entity kinds, relation kinds and event kinds.

Every label, colour, shape, layer, verb, cue word and rule that the loader,
the checks, the questions, the layout, the renderer and the app need about a
kind is defined here, once. Adding a relation kind means adding one
:class:`RelationKind` line below (and using it in the data).

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
>>> RELATION_KINDS["steers"].upward, RELATION_KINDS["covers"].upward
('subject', 'object')
>>> sorted(k for k, e in EVENT_KINDS.items() if e.ends_originals)
['dissolution', 'merger', 'rename', 'split']
>>> RELATION_KINDS["member_of"].term, RELATION_KINDS["steers"].term, ENTITY_KINDS["lsg"].classes[0]
('org:memberOf', 'lsgmap:steers', 'org:OrganizationalUnit')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = [
    "EntityKind",
    "RelationKind",
    "EventKind",
    "ENTITY_KINDS",
    "RELATION_KINDS",
    "EVENT_KINDS",
    "RESPONSIBLE_RELATIONS",
    "ASSIGNMENT_RELATIONS",
    "CUED_RELATIONS",
    "ASKABLE_RELATIONS",
    "DATE_ATTRIBUTES",
    "FactAttribute",
    "FACT_ATTRIBUTES",
    "VALUE_WORDS",
    "BUDGET_WORDS",
    "LANGS",
    "ROLES",
    "kind_playing",
    "MEMBERSHIP",
    "OWNERSHIP",
    "STEERING",
    "FUNDING",
    "COMMISSION",
    "HOLDING",
    "ASSIGNS",
    "ASSIGNED_TO",
    "PART_OF",
    "APPLYING",
    "PROJECT_LINES",
]

LANGS = ("sv", "en")


def _cue_pattern(cues: str) -> re.Pattern | None:
    """A word-bounded pattern from ``|``-separated cue words (on normalised text: å/ä/ö → a/a/o)."""
    return re.compile(rf"\b({cues})\b") if cues else None


@dataclass(frozen=True)
class EntityKind:
    """A kind of node. ``layer`` orders the layered layout from top (0) to bottom.

    ``cues`` are the words (regular-expression alternatives on normalised text)
    that name the kind in a question: "vilka projekt …", "which municipalities …".
    ``classes``: its RDF classes in the JSON-LD export (W3C ORG where it has one,
    the project's own ``lsgmap:`` vocabulary else).
    """

    key: str
    sv: str
    en: str
    plural_sv: str
    plural_en: str
    colour: str
    shape: str
    layer: int
    cues: str = ""
    classes: tuple[str, ...] = ("lsgmap:Entity",)

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en

    def plural(self, lang: str = "sv") -> str:
        return self.plural_sv if lang == "sv" else self.plural_en

    @cached_property
    def cue(self) -> re.Pattern | None:
        """The compiled :attr:`cues` (None when the kind has none)."""
        return _cue_pattern(self.cues)


@dataclass(frozen=True)
class RelationKind:
    """A kind of edge: its verb both ways, how it is drawn, and what it means.

    ``upward`` says how the relation leads *up* towards the accountable body
    (the dataset's root): ``"subject"`` steps from the object to the subject
    (TUNA → the LSG that steers it), ``"object"`` from the subject to the
    object (an LSG → the association it reports to); ``None``: not a line of
    accountability. ``responsible``: counts as responsibility ("who is
    responsible for …" = owners and steering groups). ``assignment``: part of
    an assignment (who gives it, to whom). ``cues``: the words that ask for
    this relation in a question, Swedish and English, as regular-expression
    alternatives on normalised text; ``cue_rank`` orders them when a question
    holds the cues of several kinds (1 = tried first: the most specific).
    ``askable``: the place in the app's question picker (0 = not offered).
    ``role``: the part the kind plays where the code needs one kind by meaning
    (:data:`ROLES`: "funding" carries the budget lines, "holding" a person's post,
    "commission" a principal, "assignment_giver"/"assignment_receiver" the two
    halves of an assignment …); the code names kinds only through these.
    ``report_by``: the message key of its line under a project in the report
    ("styrs av", "ägs av", "finansieras av"); empty: not listed there.
    ``colour`` and ``dashes`` together tell each kind from every other, on the
    live map, in the legend and in every export. ``term``: its property in the
    JSON-LD export, W3C ORG's where it has one (``org:memberOf``), else the
    project's own (``lsgmap:steers``), whose ``meaning_sv``/``meaning_en`` the
    shipped context document states.
    """

    key: str
    sv: str  # noun label: "Styr"
    en: str
    verb_sv: str  # "styr"
    verb_en: str  # "steers"
    inverse_sv: str  # "styrs av"
    inverse_en: str  # "is steered by"
    colour: str
    dashes: tuple[int, ...]  #: dash pattern of the line (on, off, … px at width 1); () solid
    width: int = 2
    upward: str | None = None
    responsible: bool = False
    assignment: bool = False
    askable: int = 0
    cue_rank: int = 0
    cues: str = ""
    role: str = ""
    report_by: str = ""
    term: str = ""
    meaning_sv: str = ""
    meaning_en: str = ""

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en

    def meaning(self, lang: str = "sv") -> str:
        return self.meaning_sv if lang == "sv" else self.meaning_en

    def verb(self, lang: str = "sv") -> str:
        return self.verb_sv if lang == "sv" else self.verb_en

    def inverse(self, lang: str = "sv") -> str:
        return self.inverse_sv if lang == "sv" else self.inverse_en

    @cached_property
    def cue(self) -> re.Pattern | None:
        """The compiled :attr:`cues` (None when the kind has none)."""
        return _cue_pattern(self.cues)


@dataclass(frozen=True)
class EventKind:
    """A restructuring event (W3C ORG ChangeEvent): originals → results.

    ``ends_originals``: the originals stop existing on the event day;
    ``starts_results``: the results start existing on it. ``results_follow``:
    the results are drawn where the originals stood (a merger, a rename);
    ``originals_follow``: the other way round (a split).
    """

    key: str
    sv: str
    en: str
    min_originals: int
    min_results: int
    ends_originals: bool = False
    starts_results: bool = False
    results_follow: bool = False
    originals_follow: bool = False

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en


def _index(items):
    return {item.key: item for item in items}


_FORMAL = ("org:FormalOrganization", "org:Organization")
_UNIT = ("org:OrganizationalUnit", "org:Organization")

ENTITY_KINDS: dict[str, EntityKind] = _index(
    [
        EntityKind("association", "Samordningsförbund", "Coordination association", "Samordningsförbund", "Coordination associations", "#1f4e79", "box", 0, classes=_FORMAL),
        EntityKind("agency", "Myndighet", "Agency", "Myndigheter", "Agencies", "#2e75b6", "box", 1, cues=r"myndighet\w*|agenc\w*", classes=_FORMAL),
        EntityKind("region", "Region", "Region", "Regioner", "Regions", "#5b9bd5", "box", 1, cues=r"region|regioner|regions|regionorganisation\w*|regionmedlem\w*|regional huvudman|regional body|regional", classes=_FORMAL),
        EntityKind("funder", "Finansiär", "Funder", "Finansiärer", "Funders", "#7030a0", "diamond", 1, cues=r"finansiar\w*|funders?", classes=("org:Organization",)),
        EntityKind("lsg", "Lokal samverkansgrupp", "Local collaboration group", "Lokala samverkansgrupper", "Local collaboration groups", "#b4510f", "ellipse", 2,
                   cues=r"lsg|lsgs|lsger|lsgerna|lsg s|samverkansgrupp\w*|collaboration groups?", classes=_UNIT),
        EntityKind("lsg_group", "LSG tillsammans", "LSGs together", "LSG tillsammans", "LSGs together", "#f4b183", "ellipse", 2, classes=_UNIT),
        EntityKind("municipality", "Kommun", "Municipality", "Kommuner", "Municipalities", "#548235", "box", 3, cues=r"kommun\w*|municipalit\w*", classes=_FORMAL),
        EntityKind("project", "Projekt / insats", "Project", "Projekt / insatser", "Projects", "#bf9000", "dot", 4,
                   cues=r"projekt(?!agar)\w*|insats\w*|verksamhet\w*|projects?|interventions?", classes=("lsgmap:Project",)),
        EntityKind("steering_group", "Styrgrupp", "Steering group", "Styrgrupper", "Steering groups", "#a5a5a5", "ellipse", 4,
                   cues=r"styrgrupper\w*|steering groups", classes=_UNIT),
        EntityKind("team", "Team", "Team", "Team", "Teams", "#d9d9d9", "dot", 5, cues=r"team|teamen|teams", classes=_UNIT),
        EntityKind("role", "Roll / tjänst", "Role", "Roller / tjänster", "Roles", "#c00000", "star", 5, cues=r"roller|rollerna|tjanster|roles", classes=("org:Post",)),
        EntityKind("assignment", "Uppdrag", "Assignment", "Uppdrag", "Assignments", "#ff7c80", "triangle", 6, cues=r"uppdrag|uppdragen|assignments?", classes=("lsgmap:Assignment",)),
        EntityKind("person", "Person", "Person", "Personer", "Persons", "#808080", "dot", 6, cues=r"personer|people|persons", classes=("foaf:Person",)),
    ]
)

_SOLID: tuple[int, ...] = ()
_DASHED = (8, 4)
_SHORT_DASHES = (4, 3)
_DASH_DOT = (10, 3, 2, 3)
_DASH_DOT_DOT = (10, 3, 2, 3, 2, 3)

RELATION_KINDS: dict[str, RelationKind] = _index(
    [
        RelationKind("member_of", "Medlem i", "Member of", "är medlem i", "is a member of", "har som medlem", "has as member", "#1f4e79", _SOLID, 1,
                     upward="object", askable=6, cue_rank=9, cues=r"medlem\w*|members?|membership", role="membership", term="org:memberOf"),
        RelationKind("covers", "Omfattar", "Covers", "omfattar", "covers", "omfattas av", "is covered by", "#548235", _DASHED, 1,
                     upward="object", askable=7, cue_rank=8, cues=r"omfatta\w*|cover\w*|tacker|tacks", role="coverage",
                     term="lsgmap:covers", meaning_sv="A omfattar B: gruppen A arbetar för kommunen eller området B.",
                     meaning_en="A covers B: the group A works for the municipality or area B."),
        RelationKind("owns", "Äger", "Owns", "äger", "owns", "ägs av", "is owned by", "#000000", _SOLID, 3,
                     upward="subject", responsible=True, askable=2, cue_rank=5, cues=r"ager|aga|ags|agde|agdes|agar\w*|projektagar\w*|owns?|owned|owners?", role="ownership", report_by="report.owned_by",
                     term="lsgmap:owns", meaning_sv="A äger B: A är projektägare och bär ansvaret för B.",
                     meaning_en="A owns B: A is the project owner, accountable for B."),
        RelationKind("steers", "Styr", "Steers", "styr", "steers", "styrs av", "is steered by", "#b4510f", _SOLID, 3,
                     upward="subject", responsible=True, askable=1, cue_rank=6, cues=r"styr|styra|styrs|styrde|styrdes|styrgrupp?\w*|steer\w*|steering groups?|run by|runs|drivs av|drivs", role="steering", report_by="report.steered_by",
                     term="lsgmap:steers", meaning_sv="A styr B: A är styrgrupp för B och beslutar om dess inriktning.",
                     meaning_en="A steers B: A is the steering group of B and decides its course."),
        RelationKind("funds", "Finansierar", "Funds", "finansierar", "funds", "finansieras av", "is funded by", "#7030a0", _DASHED, 2,
                     upward="subject", askable=3, cue_rank=4, cues=r"finansier\w*|fund\w*|financ\w*|betala\w*|pays?|paying|paid|bekosta\w*|star for (?:lonen|kostnad\w*)|pays? (?:for|the salary)", role="funding", report_by="report.funded_by",
                     term="lsgmap:funds", meaning_sv="A finansierar B: A betalar för B (beloppen i lsgmap:BudgetLine).",
                     meaning_en="A funds B: A pays for B (the amounts in lsgmap:BudgetLine)."),
        RelationKind("employs", "Anställer", "Employs", "anställer", "employs", "är anställd av", "is employed by", "#2e75b6", _DASHED, 2,
                     upward="subject", askable=4, cue_rank=3, cues=r"anstall\w*|employ\w*|arbetsgivare\w*",
                     term="lsgmap:employs", meaning_sv="A anställer B: A är arbetsgivare för personen eller tjänsten B.",
                     meaning_en="A employs B: A is the employer of the person or post B."),
        RelationKind("commissions", "Uppdragsgivare till", "Commissions", "är uppdragsgivare till", "commissions", "har som uppdragsgivare", "is commissioned by",
                     "#c00000", _SOLID, 2, upward="subject", askable=5, cue_rank=1, cues=r"uppdragsgivar\w*|commission\w*|principals?", role="commission",
                     term="lsgmap:commissions", meaning_sv="A är uppdragsgivare till B: A ger B uppdrag och tar emot det B gör.",
                     meaning_en="A commissions B: A gives B assignments and receives the work."),
        RelationKind("reports_to", "Rapporterar till", "Reports to", "rapporterar till", "reports to", "får rapporter från", "receives reports from",
                     "#00838f", _DASH_DOT, 1, upward="object", askable=8, cue_rank=7, cues=r"rapporter\w*|reports?|reporting", term="org:reportsTo"),
        RelationKind("chairs", "Ordförande i", "Chairs", "är ordförande i", "chairs", "har som ordförande", "is chaired by", "#8c564b", _SOLID, 1,
                     upward="object", cue_rank=10, cues=r"ordforande\w*|chair\w*",
                     term="lsgmap:chairs", meaning_sv="A är ordförande i B.", meaning_en="A chairs B."),
        RelationKind("part_of", "Del av", "Part of", "är en del av", "is part of", "består av", "consists of", "#6b6b6b", _DASH_DOT_DOT, 1,
                     upward="object", cue_rank=11, cues=r"del av|delar av|ingar i|part of|parts of", role="part", term="org:subOrganizationOf"),
        RelationKind("applies_to", "Ansöker hos", "Applies to", "ansöker hos", "applies to", "tar emot ansökan från", "receives an application from",
                     "#bf9000", _DASHED, 1, upward="subject", cue_rank=13, cues=r"ansoker|ansokte|ansokt|applies|applied|apply", role="application",
                     term="lsgmap:appliesTo", meaning_sv="A ansöker hos B om medel eller uppdrag.",
                     meaning_en="A applies to B for funds or an assignment."),
        RelationKind("holds", "Innehar", "Holds", "innehar", "holds", "innehas av", "is held by", "#827717", _SHORT_DASHES, 1,
                     upward="object", cue_rank=12, cues=r"innehar|innehas|holds|held|tjanst|tjansten", role="holding", term="org:holds"),
        RelationKind("assigns", "Ger uppdrag", "Assigns", "ger uppdraget", "assigns", "ges av", "is assigned by", "#ff7c80", _SOLID, 1,
                     upward="subject", assignment=True,
                     cue_rank=2, cues=r"(gav|ger|givit|gett|gavs)\s+(\w+\s+){0,3}uppdrag\w*|uppdraget|uppdragen|assign\w*|"
                     r"(bett|bad|be)\s+(\w+\s+){0,3}(om|gora)|ask(ed)?\s+(\w+\s+){0,3}(to do|for)|bestallt\s+(\w+\s+){0,2}av|hand(ed)?\s+(\w+\s+){0,4}(tasks?|assignments?)|tasks? (did|from|given)",
                     role="assignment_giver",
                     term="lsgmap:assigns", meaning_sv="A ger uppdraget B.", meaning_en="A gives the assignment B."),
        RelationKind("assigned_to", "Uppdrag till", "Assigned to", "är ett uppdrag till", "is assigned to", "har uppdraget", "has the assignment",
                     "#e0457b", _DASHED, 1, upward="object", assignment=True, role="assignment_receiver",
                     term="lsgmap:assignedTo", meaning_sv="Uppdraget A är givet till B.", meaning_en="The assignment A is given to B."),
    ]
)

EVENT_KINDS: dict[str, EventKind] = _index(
    [
        EventKind("merger", "Sammanslagning", "Merger", 2, 1, ends_originals=True, starts_results=True, results_follow=True),
        EventKind("split", "Delning", "Split", 1, 2, ends_originals=True, starts_results=True, originals_follow=True),
        EventKind("rename", "Namnbyte", "Rename", 1, 1, ends_originals=True, starts_results=True, results_follow=True),
        EventKind("founding", "Bildande", "Founding", 0, 1, starts_results=True),
        EventKind("dissolution", "Upplösning", "Dissolution", 1, 0, ends_originals=True),
    ]
)

#: "Responsible for X" = its owners and its steering groups together.
RESPONSIBLE_RELATIONS = frozenset(k for k, r in RELATION_KINDS.items() if r.responsible)
#: Relation kinds with cue words, in the order a question is matched against them.
CUED_RELATIONS: tuple[RelationKind, ...] = tuple(sorted((r for r in RELATION_KINDS.values() if r.cues), key=lambda r: r.cue_rank))
#: Relation kinds offered in the app's question picker, in order.
ASKABLE_RELATIONS: tuple[str, ...] = tuple(sorted((k for k, r in RELATION_KINDS.items() if r.askable), key=lambda k: RELATION_KINDS[k].askable))
#: The relations an assignment is made of: who gives it, and to whom.
ASSIGNMENT_RELATIONS = frozenset(k for k, r in RELATION_KINDS.items() if r.assignment)

#: The parts a relation kind can play (:attr:`RelationKind.role`); each is played by exactly one kind.
ROLES = ("membership", "ownership", "steering", "funding", "commission", "holding", "assignment_giver", "assignment_receiver", "coverage", "part", "application")


def kind_playing(role: str) -> str:
    """The key of the relation kind that plays ``role``.

    >>> kind_playing("funding"), kind_playing("assignment_receiver")
    ('funds', 'assigned_to')
    """
    (key,) = (k for k, r in RELATION_KINDS.items() if r.role == role)
    return key


MEMBERSHIP, OWNERSHIP, STEERING, FUNDING, COMMISSION, HOLDING, ASSIGNS, ASSIGNED_TO, COVERAGE, PART_OF, APPLYING = (kind_playing(role) for role in ROLES)
#: The relation kinds listed under a project in the report, in order ("styrs av", "ägs av", "finansieras av").
PROJECT_LINES: tuple[RelationKind, ...] = tuple(RELATION_KINDS[kind_playing(role)] for role in ("steering", "ownership", "funding"))

#: Entity attributes that hold a date, with what people call them (Swedish, English): "När var första gemensamma mötet?".
DATE_ATTRIBUTES: dict[str, tuple[str, str]] = {
    "first_joint_meeting": ("första gemensamma mötet", "first joint meeting"),
}


@dataclass(frozen=True)
class FactAttribute:
    """An attribute of an entity or a relation that a question can ask for, with the words that ask for it.

    ``cues`` ask for it ("heltid", "hur ofta"); ``opposite`` asks whether the opposite holds ("deltid"), so the
    answer to "Är tjänsten en deltidstjänst?" is no when the post is recorded as full-time.
    """

    key: str
    sv: str
    en: str
    cues: tuple[str, ...]
    opposite: tuple[str, ...] = ()
    needs_name: bool = False  # asked only of a named holder ("hur många TRIS-team", not every "hur många")

    def label(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


_SHARE_CUES = ("andel", "share", "procent", "percent", "hur stor del", "how large a part", "what part", "how much of")
#: Attributes questions ask for (a dated one is in :data:`DATE_ATTRIBUTES`): "Är tjänsten en heltidstjänst?".
FACT_ATTRIBUTES: tuple[FactAttribute, ...] = (
    FactAttribute("full_time", "heltidstjänst", "full-time post",
                  ("heltid", "heltidstjanst", "full time", "fulltime", "tjanstgoringsgrad", "omfattning", "hur stor ar",
                   "how big is", "how large is"),
                  ("deltid", "deltidstjanst", "part time", "parttime", "halvtid", "half time")),
    FactAttribute("frequency", "hur ofta", "how often",
                  ("hur ofta", "how often", "frequency", "hur manga ganger", "how many times", "how frequently")),
    FactAttribute("share", "andel", "share", _SHARE_CUES),
    FactAttribute("esf_share", "ESF:s andel", "ESF's share", _SHARE_CUES),
    FactAttribute("count", "antal", "number", ("hur manga", "how many", "antal", "number of"), needs_name=True),
    FactAttribute("kommunkod", "kommunkod", "municipality code",
                  ("kommunkod", "kommunkoden", "kommunkoder", "kommunnummer", "municipality code", "municipal code", "scb kod", "scb code"), needs_name=True),
)
#: Other words for budget items, normalised, → a word the items' names begin with ("hyra" → Lokal, "rent" → Premises).
BUDGET_WORDS: dict[str, str] = {
    "hyra": "lokal", "hyran": "lokal", "hyror": "lokal", "kontor": "lokal", "kontoret": "lokal", "lokaler": "lokal", "rent": "premises",
    "office": "premises", "offices": "premises", "space": "premises", "telefoni": "telefon", "mobil": "telefon", "mobiltelefon": "telefon",
    "phone": "telephone", "phones": "telephone", "laptop": "computer", "datorer": "dator", "computers": "computer", "travelling": "travel",
    "trips": "travel", "resekostnader": "resor", "wages": "salary", "wage": "salary", "pay": "salary", "salaries": "salary", "lonekostnader": "lon", "manadslon": "lon", "manadslonen": "lon", "arslon": "lon", "arslonen": "lon",
}
#: Recorded attribute values in English (the data writes them in Swedish).
VALUE_WORDS: dict[str, str] = {"ja": "yes", "nej": "no", "halvårsvis": "every half year", "årsvis": "every year"}
