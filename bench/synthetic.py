"""A synthetic national dataset in the lsgmap format, for benchmarks and tests.

:func:`generate` writes the same CSV tables (and a copy of the bundled
``datapackage.json``) as ``data/sormland``: coordination associations with
their member agencies, regions and municipalities, local collaboration groups
(LSG) that merge, split, are renamed, dissolved and founded over the years,
projects with exactly one owner at a time, yearly funding with budget lines,
process leader roles commissioned by the LSGs, and persons holding roles.
Every fact cites a source; every relation lies inside both its ends'
lifetimes; the originals of an event end the day before it and its results
start on its date. The same ``seed`` always gives the same files.

At the default size (80 associations, 290 municipalities, 15 years) it makes
about 10 000 entities and 50 000 relations; ``--small`` makes about 1 000.

Run it as ``python3 bench/synthetic.py OUT_DIR [--seed N] [--small | --associations N]``
(``--associations 160``: twice the country, the municipalities in proportion); the
benchmarks and tests import it from ``bench/`` (``tests/test_synthetic.py``
checks what it promises). :func:`generate` builds the dataset layer by layer,
one function each: the national frame (agencies, county councils,
municipalities, associations), regions renamed, LSG histories, LSG members
and chairs, process leaders, projects, conflicts. Every layer draws from the
one random generator in turn, so a change to one layer changes the files.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH, default_schema
from lsgmap.dates import interval_days

__all__ = ["generate", "main", "scaled", "SMALL", "NATIONAL"]

#: Parameters of the national-scale dataset (about 10k entities, 50k relations).
NATIONAL = {"associations": 80, "municipalities": 290, "years": 15}
#: Parameters of the small variant (about 1k entities), e.g. for render benchmarks.
SMALL = {"associations": 8, "municipalities": 29, "years": 15}

#: The last year of every synthetic dataset, so that a seed always gives the same files.
LAST_YEAR = 2024

_REGIONS = [
    ("01", "Stockholm", "Stockholms läns landsting", "Region Stockholm"),
    ("03", "Uppsala", "Landstinget i Uppsala län", "Region Uppsala"),
    ("04", "Sörmland", "Landstinget Sörmland", "Region Sörmland"),
    ("05", "Östergötland", "Landstinget i Östergötland", "Region Östergötland"),
    ("06", "Jönköping", "Landstinget i Jönköpings län", "Region Jönköpings län"),
    ("07", "Kronoberg", "Landstinget Kronoberg", "Region Kronoberg"),
    ("08", "Kalmar", "Landstinget i Kalmar län", "Region Kalmar län"),
    ("09", "Gotland", "Gotlands landsting", "Region Gotland"),
    ("10", "Blekinge", "Landstinget Blekinge", "Region Blekinge"),
    ("12", "Skåne", "Skåne läns landsting", "Region Skåne"),
    ("13", "Halland", "Landstinget Halland", "Region Halland"),
    ("14", "Västra Götaland", "Västra Götalands läns landsting", "Västra Götalandsregionen"),
    ("17", "Värmland", "Landstinget i Värmland", "Region Värmland"),
    ("18", "Örebro", "Örebro läns landsting", "Region Örebro län"),
    ("19", "Västmanland", "Landstinget Västmanland", "Region Västmanland"),
    ("20", "Dalarna", "Landstinget Dalarna", "Region Dalarna"),
    ("21", "Gävleborg", "Landstinget Gävleborg", "Region Gävleborg"),
    ("22", "Västernorrland", "Landstinget Västernorrland", "Region Västernorrland"),
    ("23", "Jämtland Härjedalen", "Jämtlands läns landsting", "Region Jämtland Härjedalen"),
    ("24", "Västerbotten", "Västerbottens läns landsting", "Region Västerbotten"),
    ("25", "Norrbotten", "Norrbottens läns landsting", "Region Norrbotten"),
]
_NAME_HEADS = [
    "Ny", "Öster", "Väster", "Norr", "Söder", "Berg", "Sjö", "Lind", "Ek", "Björk", "Hög", "Sand",
    "Al", "Gran", "Fur", "Ask", "Lill", "Stor", "Mal", "Kung", "Borg", "Hall", "Strand", "Sol",
    "Å", "Vik", "Hammar", "Mör", "Ljung", "Säter", "Tran", "Väx", "Rönn", "Hed", "Ås", "Bro",
]
_NAME_TAILS = [
    "köping", "sund", "by", "torp", "holm", "hult", "ås", "vik", "berga", "stad", "tuna", "näs",
    "fors", "dal", "lund", "hamn", "å", "bo", "sjö", "mark", "ryd", "fjärd", "sta", "inge",
]
_FIRST_NAMES = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Sofia", "Ida", "Malin",
    "Johanna", "Linnea", "Elin", "Helena", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils",
    "Mikael", "Jan", "Hans", "Peter", "Fredrik", "Daniel", "Magnus", "Oskar", "Henrik", "Amir", "Fatima",
]
_SURNAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg",
    "Lindqvist", "Malmberg", "Sandberg", "Forsberg", "Lundgren", "Berglund", "Holm", "Ekström",
    "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson", "Lund", "Nyström", "Hedlund",
]
_PROJECTS = [
    ("Steg till arbete", "Steps to work"), ("IPS", "IPS supported employment"), ("Unga vuxna", "Young adults"),
    ("Hälsoskolan", "The health school"), ("Arbetsträning", "Work training"), ("Förrehabilitering", "Pre-rehabilitation"),
    ("Språk och arbete", "Language and work"), ("Finsamteam", "Finsam team"), ("Jobbcenter", "Job centre"),
    ("Tidig samverkan", "Early collaboration"), ("Vägen vidare", "The way forward"), ("Kraftsamling", "Joint effort"),
    ("Nära arbetslivet", "Close to working life"), ("Ungdomens hus", "Youth house"), ("Aktivt stöd", "Active support"),
]
_ASSIGNMENTS = [
    ("Kartlägg behovet av", "Map the need for"), ("Påbörja en ansökan om", "Start an application for"),
    ("Presentera en plan för", "Present a plan for"), ("Följ upp", "Follow up"),
]
_TOPICS = [
    ("unga utan sysselsättning", "young people without occupation"), ("nollplacerade", "people without placement"),
    ("samverkan med vården", "collaboration with health care"), ("nyanlända", "newly arrived"),
    ("LSG:s roll", "the role of the LSG"), ("aktivitetsplanen", "the activity plan"),
]
_BUDGET_ITEMS = [("Lön", "Salary"), ("Lokal", "Premises"), ("Resor", "Travel"), ("Utbildning", "Training")]
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o", " ": "_", "-": "_"})


def _slug(text: str) -> str:
    """An ASCII id part for a Swedish name.

    >>> _slug("Västra Götaland")
    'vastra_gotaland'
    """
    return "".join(c for c in text.translate(_FOLD).lower() if c.isalnum() or c == "_")


def _iso(day: int | None) -> str:
    return date.fromordinal(day).isoformat() if day is not None else ""


@dataclass
class _Entity:
    id: str
    kind: str
    name_sv: str
    name_en: str
    valid_from: str = ""
    valid_to: str = ""
    sources: str = ""
    short_name: str = ""
    aliases: str = ""
    identifiers: str = ""
    attributes: str = ""
    start: int = 0  # first day (ordinal); 0 = open
    end: int = 0  # last day (ordinal); 0 = open
    # bookkeeping, not written
    association: int = -1
    municipalities: list[int] = field(default_factory=list)
    successor: str = ""
    ended_by: str = ""

    def __post_init__(self) -> None:
        self.set_span(self.valid_from, self.valid_to)

    def set_span(self, valid_from: str, valid_to: str) -> None:
        self.valid_from, self.valid_to = valid_from, valid_to
        start, end = interval_days(valid_from or None, valid_to or None)
        self.start = start if valid_from else 0
        self.end = end if valid_to else 0

    def active_on(self, day: int) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


class _Writer:
    """Collects the rows of every table; relations are clipped to both ends' lifetimes."""

    def __init__(self, rng: random.Random, first_year: int):
        self.rng = rng
        self.first_year = first_year
        self.last_day = _day(LAST_YEAR, 12, 31)
        self.entities: dict[str, _Entity] = {}
        self.relations: list[dict[str, str]] = []
        self.events: list[dict[str, str]] = []
        self.budget: list[dict[str, str]] = []
        self.documents: list[dict[str, str]] = []
        self.sources: list[dict[str, str]] = []
        self.conflicts: list[dict[str, str]] = []
        self._doc_sources: dict[tuple[int, int], tuple[str, str]] = {}
        self._person_count = 0

    # -- ids, entities, sources -------------------------------------------------
    def unique_id(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.entities:
            ident, n = f"{base}_{n}", n + 1
        return ident

    def entity(self, base_id: str, kind: str, name_sv: str, name_en: str, **kw) -> _Entity:
        e = _Entity(self.unique_id(base_id), kind, name_sv, name_en, **kw)
        self.entities[e.id] = e
        return e

    def person(self, source: str) -> _Entity:
        self._person_count += 1
        name = f"{self.rng.choice(_FIRST_NAMES)} {self.rng.choice(_SURNAMES)}"
        return self.entity(f"person_{self._person_count:05d}", "person", name, name, sources=source)

    def add_annual_reports(self, association: int, founded: int, label: str) -> None:
        """The association's annual report for every year from ``founded`` on, each with a decision and a budget passage."""
        for year in range(founded, LAST_YEAR + 1):
            ident = f"sf{association + 1:03d}_vb_{year}"
            self.documents.append(dict(id=ident, title=f"Verksamhetsberättelse {year}, Samordningsförbundet {label}", kind="public",
                                       reference=f"syntetiskt dokument (lsgmap.synthetic), {ident}", date=str(year), period=str(year),
                                       period_note="Årsdokument: talar för sitt år.", note="Påhittat dokument för prestandatester."))
            decision, budget = f"{ident}_beslut", f"{ident}_budget"
            self.sources.append(dict(id=decision, document=ident, quote=f"Styrelsen beslutade om insatser och samverkan {year}.", locator="Beslut"))
            self.sources.append(dict(id=budget, document=ident, quote=f"Budget för {year} enligt bilaga.", locator="Budget"))
            self._doc_sources[association, year] = (decision, budget)

    def source(self, association: int, day: int | None, budget: bool = False) -> str:
        """The source id of the association's document for the year of ``day`` (a day before its founding: the year before the period)."""
        year = date.fromordinal(day).year if day else self.first_year
        pair = self._doc_sources.get((association, min(year, LAST_YEAR))) or self._doc_sources[association, self.first_year - 1]
        return pair[1] if budget else pair[0]

    # -- relations --------------------------------------------------------------
    def relation(self, a: _Entity, kind: str, b: _Entity, start: int = 0, end: int = 0, *, source: str,
                 derived_from: str = "", attributes: str = "", year_precision: bool = False) -> str | None:
        """Write ``a --kind--> b`` for the days both ends exist; None if there are none."""
        starts = [d for d in (start, a.start, b.start) if d]
        ends = [d for d in (end, a.end, b.end) if d]
        first = max(starts) if starts else 0
        last = min(ends) if ends else 0
        if first and last and first > last:
            return None
        valid_from, valid_to = _iso(first or None), _iso(last or None)
        if year_precision and first and last:
            d0, d1 = date.fromordinal(first), date.fromordinal(last)
            if (d0.month, d0.day, d1.month, d1.day) == (1, 1, 12, 31) and d0.year == d1.year:
                valid_from = valid_to = str(d0.year)
        ident = f"r{len(self.relations) + 1:06d}"
        self.relations.append(dict(id=ident, from_id=a.id, relation=kind, to_id=b.id, valid_from=valid_from, valid_to=valid_to,
                                   attributes=attributes, derived_from=derived_from, sources=source))
        return ident

    def event(self, kind: str, day: int, originals: list[_Entity], results: list[_Entity], name_sv: str, name_en: str, source: str) -> str:
        ident = f"ev_{len(self.events) + 1:05d}_{kind}"
        decided_end = day - 1 - self.rng.randrange(0, 40)
        decided = f"{_iso(decided_end - self.rng.randrange(30, 120))}/{_iso(decided_end)}"
        self.events.append(dict(id=ident, kind=kind, date=_iso(day), decided=decided, name_sv=name_sv, name_en=name_en,
                                originals=";".join(e.id for e in originals), results=";".join(e.id for e in results), sources=source))
        for e in originals:
            e.set_span(e.valid_from, _iso(day - 1))
            e.ended_by = ident
        return ident

    def budget_line(self, relation: str, year: int, item_sv: str, item_en: str, amount: str, source: str) -> None:
        self.budget.append(dict(id=f"b{len(self.budget) + 1:06d}", relation=relation, year=str(year), item_sv=item_sv, item_en=item_en,
                                amount_tkr=amount, sources=source))

    # -- output -----------------------------------------------------------------
    def write(self, out: Path) -> None:
        """Every table as a CSV file with the columns of the bundled schema, and a copy of the schema."""
        tables = {
            "documents": self.documents, "sources": self.sources, "entities": [vars(e) for e in self.entities.values()],
            "relations": self.relations, "events": self.events, "budget": self.budget, "conflicts": self.conflicts,
        }
        resources = default_schema().resources
        for name, rows in tables.items():
            with open(out / resources[name].path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, resources[name].columns, restval="", extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        shutil.copyfile(DEFAULT_SCHEMA_PATH, out / "datapackage.json")


def _municipality_names(rng: random.Random, count: int) -> list[str]:
    names = sorted({h + t for h in _NAME_HEADS for t in _NAME_TAILS if h[-1] != t[0]})
    rng.shuffle(names)
    base = list(names)
    while len(names) < count:  # more than the combinations: number them
        names += [f"{n} {len(names) // len(base) + 1}" for n in base[: count - len(names)]]
    return names[:count]


def _day(year: int, month: int = 1, day: int = 1) -> int:
    return date(year, month, day).toordinal()


def municipality_name(place: str) -> str:
    """The official form: a place ending in a vowel or s takes no genitive s.

    >>> municipality_name("Gnesta"), municipality_name("Strängnäs"), municipality_name("Nyköping")
    ('Gnesta kommun', 'Strängnäs kommun', 'Nyköpings kommun')
    """
    bare = place[-1:].lower() in "aeiouyåäös"
    return f"{place} kommun" if bare else f"{place}s kommun"


def generate(out_dir: str | Path, *, seed: int = 0, associations: int = 80, municipalities: int = 290, years: int = 15) -> Path:
    """Write a synthetic dataset to ``out_dir`` (created if missing) and return its path.

    Deterministic for a given ``seed`` and sizes. ``years`` is the length of the
    period (ending in :data:`LAST_YEAR`) in which LSGs merge, split and change.
    """
    if associations < 1 or municipalities < associations or years < 2:
        raise ValueError("need associations >= 1, municipalities >= associations and years >= 2")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w = _Writer(random.Random(seed), LAST_YEAR - years + 1)
    regions = _REGIONS[: max(1, min(len(_REGIONS), associations, municipalities // 12 or 1))]
    country = _country(w, regions, municipalities, associations)
    _regions_renamed(w, country, regions)
    histories = [_lsg_history(w, country, a) for a in range(associations)]
    for a, history in enumerate(histories):
        _lsg_members(w, country, a, history)
    for a, history in enumerate(histories):
        _process_leaders(w, country, a, history)
    people = [e for e in w.entities.values() if e.kind == "person"]  # steering groups are drawn from the members and leaders so far
    for a, history in enumerate(histories):
        for _ in range(max(3, round(19 * municipalities / associations / 3.6))):
            _project(w, country, a, history, people)
    _conflicts(w)
    w.write(out)
    return out


@dataclass
class _Country:
    """The frame the associations' histories are drawn in."""

    fk: _Entity
    af: _Entity
    esf: _Entity
    arvsfonden: _Entity
    #: per region: its county council, and from the rename on the region it became
    councils: list[list[_Entity]]
    munis: list[_Entity]
    assocs: list[_Entity] = field(default_factory=list)

    def members(self, a: int) -> list[_Entity]:
        """The municipalities of association ``a``."""
        return [m for m in self.munis if m.association == a]


def _country(w: _Writer, regions: list[tuple[str, str, str, str]], municipalities: int, associations: int) -> _Country:
    """The national register and law, the two member agencies and two funders, county councils, municipalities, associations."""
    w.documents.append(dict(id="nationellt_register", title="Kommun- och regionregister (syntetiskt)", kind="public",
                            reference="syntetiskt dokument (lsgmap.synthetic)", date=str(w.first_year)))
    w.sources.append(dict(id="reg_kommuner", document="nationellt_register", quote="Förteckning över kommuner, regioner och myndigheter.", locator="Tabell 1"))
    w.documents.append(dict(id="finsam_lag", title="Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser", kind="public",
                            reference="lagen.nu 2003:1210", date="2003"))
    w.sources.append(dict(id="finsam_medlemmar", document="finsam_lag", quote="Försäkringskassan, Arbetsförmedlingen, region och kommun ska vara medlemmar.",
                          locator="5 §"))
    country = _Country(
        w.entity("forsakringskassan", "agency", "Försäkringskassan", "Swedish Social Insurance Agency", short_name="FK", sources="finsam_medlemmar"),
        w.entity("arbetsformedlingen", "agency", "Arbetsförmedlingen", "Swedish Public Employment Service", short_name="AF", sources="finsam_medlemmar"),
        w.entity("esf", "funder", "Europeiska socialfonden (ESF)", "European Social Fund (ESF)", short_name="ESF", sources="reg_kommuner"),
        w.entity("arvsfonden", "funder", "Allmänna arvsfonden", "The Swedish Inheritance Fund", sources="reg_kommuner"),
        [[w.entity(f"landsting_{_slug(county)}", "region", old_name, f"{old_name} (county council)", identifiers=f"lanskod={code}", sources="reg_kommuner")]
         for code, county, old_name, _new_name in regions],
        _municipalities(w, regions, municipalities, associations),
    )
    country.assocs = [_association(w, country, a) for a in range(associations)]
    return country


def _municipalities(w: _Writer, regions: list[tuple[str, str, str, str]], count: int, associations: int) -> list[_Entity]:
    """``count`` municipalities, dealt out to the associations in turn (and so to the regions), each with its code."""
    munis: list[_Entity] = []
    per_region: dict[int, int] = {}  # municipalities so far in each region, for the next code
    for i, name in enumerate(_municipality_names(w.rng, count)):
        a = i % associations
        r = a % len(regions)
        per_region[r] = per_region.get(r, 0) + 1
        munis.append(w.entity(f"kommun_{_slug(name)}", "municipality", municipality_name(name), f"{name} Municipality", short_name=name,
                              identifiers=f"kommunkod={regions[r][0]}{per_region[r] + 10:02d}", sources="reg_kommuner", association=a))
    return munis


def _association(w: _Writer, country: _Country, a: int) -> _Entity:
    """Coordination association ``a``, founded some years before the period, with its annual reports and its members."""
    members = country.members(a)
    founded = w.rng.randrange(w.first_year - 8, w.first_year - 1)
    label = "-".join(m.short_name for m in members[:2])
    w.add_annual_reports(a, founded, label)
    assoc = w.entity(f"sf_{_slug(label)}", "association", f"Samordningsförbundet {label}", f"{label} coordination association",
                     short_name=f"SF {members[0].short_name}", valid_from=str(founded), sources=w.source(a, _day(founded)), association=a)
    src = w.source(a, assoc.start)
    w.relation(country.fk, "member_of", assoc, source=f"{src};finsam_medlemmar")
    w.relation(country.af, "member_of", assoc, source=f"{src};finsam_medlemmar")
    for m in members:
        w.relation(m, "member_of", assoc, source=src)
    return assoc


def _regions_renamed(w: _Writer, country: _Country, regions: list[tuple[str, str, str, str]]) -> None:
    """Each county council becomes a region (a rename event), most in 2019; both are members of the region's associations."""
    for r, (code, county, old_name, new_name) in enumerate(regions):
        old = country.councils[r][0]
        year = 2019 if w.first_year < 2019 <= LAST_YEAR and w.rng.random() < 0.7 else w.rng.randrange(w.first_year + 1, LAST_YEAR + 1)
        day = _day(year)
        new = w.entity(f"region_{_slug(county)}", "region", new_name, new_name, identifiers=f"lanskod={code}", valid_from=_iso(day), sources="reg_kommuner")
        ev = w.event("rename", day, [old], [new], f"{old_name} blir {new_name}", f"{old_name} becomes {new_name}", "reg_kommuner")
        old.successor = new.id
        country.councils[r].append(new)
        for a, assoc in enumerate(country.assocs):
            if a % len(regions) == r:
                w.relation(old, "member_of", assoc, source=f"{w.source(a, assoc.start)};finsam_medlemmar")
                w.relation(new, "member_of", assoc, day, source=w.source(a, day), derived_from=ev)


# -- LSG histories -------------------------------------------------------------------------------
def _lsg(w: _Writer, country: _Country, a: int, members: list[_Entity], start_text: str, *, prefix: str = "LSG") -> _Entity:
    """A new LSG of the municipalities ``members``, from ``start_text``."""
    label = "-".join(m.short_name for m in members)
    return w.entity(f"lsg_{_slug(label)}", "lsg", f"{prefix} {label}", f"{prefix} {label} (local collaboration group)",
                    valid_from=start_text, sources=w.source(a, interval_days(start_text, None)[0]),
                    aliases=f"Lokala samverkansgruppen i {label}", association=a, municipalities=[country.munis.index(m) for m in members])


def _lsg_history(w: _Writer, country: _Country, a: int) -> list[_Entity]:
    """Every LSG association ``a`` ever has: one or two municipalities each at first, then changes in some years.

    Every association sees at least one merger and one split when it can.
    """
    members = country.members(a)
    w.rng.shuffle(members)
    history: list[_Entity] = []
    i = 0
    while i < len(members):
        take = 2 if i + 1 < len(members) and w.rng.random() < 0.2 else 1
        history.append(_lsg(w, country, a, members[i : i + take], country.assocs[a].valid_from))
        i += take
    forced = ["merger", "split"]
    for year in range(w.first_year + 1, LAST_YEAR + 1):
        if not forced and w.rng.random() > 0.3:
            continue
        day = _day(year, w.rng.choice([1, 1, 1, 4, 7, 9]))
        active = [g for g in history if g.active_on(day) and g.start < day]
        joint = [g for g in active if len(g.municipalities) >= 2]
        kind = forced.pop(0) if forced else w.rng.choice(["merger", "merger", "split", "rename", "dissolution"])
        if kind == "split" and not joint:
            kind = "merger"
        if kind == "merger" and len(active) < 2:
            kind = "rename" if active else ""
        if kind:
            history += _LSG_EVENTS[kind](w, country, a, day, joint if kind == "split" else active)
    return history


def _name_en(e: _Entity) -> str:
    """The English name without the explanation in brackets."""
    return e.name_en.split(" (")[0]


def _succeed(originals: list[_Entity], results: list[_Entity], event: str) -> None:
    """The first result succeeds the originals (their projects pass to it); the results say which event made them."""
    for o in originals:
        o.successor = results[0].id
    for r in results:
        r.attributes = f"bildad_genom={event}"


def _merger(w: _Writer, country: _Country, a: int, day: int, active: list[_Entity]) -> list[_Entity]:
    """Two active LSGs merge into one covering the municipalities of both."""
    originals = w.rng.sample(active, 2)
    result = _lsg(w, country, a, [country.munis[i] for o in originals for i in o.municipalities], _iso(day))
    ev = w.event("merger", day, originals, [result], f"{' och '.join(o.name_sv for o in originals)} slås samman",
                 f"{' and '.join(_name_en(o) for o in originals)} merge", w.source(a, day))
    _succeed(originals, [result], ev)
    return [result]


def _split(w: _Writer, country: _Country, a: int, day: int, joint: list[_Entity]) -> list[_Entity]:
    """An LSG of several municipalities splits in two."""
    original = w.rng.choice(joint)
    cut = w.rng.randrange(1, len(original.municipalities))
    parts = [original.municipalities[:cut], original.municipalities[cut:]]
    results = [_lsg(w, country, a, [country.munis[i] for i in part], _iso(day)) for part in parts]
    ev = w.event("split", day, [original], results, f"{original.name_sv} delas", f"{_name_en(original)} splits", w.source(a, day))
    _succeed([original], results, ev)
    return results


def _rename(w: _Writer, country: _Country, a: int, day: int, active: list[_Entity]) -> list[_Entity]:
    """An LSG takes a new name ("Samverkansgruppen …"): a new entity for the same municipalities."""
    original = w.rng.choice(active)
    label = "-".join(country.munis[i].short_name for i in original.municipalities)
    result = _lsg(w, country, a, [country.munis[i] for i in original.municipalities], _iso(day), prefix="Samverkansgruppen")
    ev = w.event("rename", day, [original], [result], f"{original.name_sv} byter namn till {result.name_sv}",
                 f"{_name_en(original)} is renamed {label}", w.source(a, day))
    _succeed([original], [result], ev)
    return [result]


def _dissolution(w: _Writer, country: _Country, a: int, day: int, active: list[_Entity]) -> list[_Entity]:
    """An LSG is dissolved (its projects pass to the association); its municipalities found a new one months later, if within the period."""
    original = w.rng.choice(active)
    w.event("dissolution", day, [original], [], f"{original.name_sv} upplöses", f"{_name_en(original)} is dissolved", w.source(a, day))
    refound = day + w.rng.randrange(90, 400)
    if refound > w.last_day:
        return []
    result = _lsg(w, country, a, [country.munis[i] for i in original.municipalities], _iso(refound))
    w.event("founding", refound, [], [result], f"{result.name_sv} bildas", f"{_name_en(result)} is founded", w.source(a, refound))
    return [result]


_LSG_EVENTS = {"merger": _merger, "split": _split, "rename": _rename, "dissolution": _dissolution}


# -- LSG members and chairs ----------------------------------------------------------------------
def _lsg_members(w: _Writer, country: _Country, a: int, history: list[_Entity]) -> None:
    """Each LSG of association ``a``, in order of founding: what it covers, its chair's role, its members and chairs."""
    seat_terms: dict[str, list[tuple[_Entity, int, int]]] = {}  # per partner organisation: (manager, first day, last day)
    for lsg in sorted(history, key=lambda g: (g.start, g.id)):
        chair = _lsg_frame(w, country, a, lsg)
        _lsg_chairs(w, a, lsg, chair, _lsg_seats(w, country, a, lsg, seat_terms))


def _lsg_frame(w: _Writer, country: _Country, a: int, lsg: _Entity) -> _Entity:
    """The municipalities an LSG covers (derived from the event that made it), its reporting to the association, and its chair's role."""
    src = w.source(a, lsg.start)
    derived = next((row["id"] for row in w.events if lsg.id in row["results"].split(";")), "")
    for i in lsg.municipalities:
        w.relation(lsg, "covers", country.munis[i], source=src, derived_from=derived)
    w.relation(lsg, "reports_to", country.assocs[a], source=src)
    chair = w.entity(f"ordf_{lsg.id}", "role", f"Ordförande {lsg.name_sv}", f"Chair, {_name_en(lsg)}",
                     valid_from=lsg.valid_from, valid_to=lsg.valid_to, sources=src, association=a)
    w.relation(chair, "chairs", lsg, source=src)
    return chair


def _lsg_seats(w: _Writer, country: _Country, a: int, lsg: _Entity, seat_terms: dict[str, list[tuple[_Entity, int, int]]]) -> list[tuple[_Entity, int, int]]:
    """One member per partner organisation (each municipality, FK, AF, the region) through the LSG's life: (person, first day, last day)."""
    stop = lsg.end or w.last_day
    terms: list[tuple[_Entity, int, int]] = []
    seats = [(country.munis[i].id, country.munis[i]) for i in lsg.municipalities] + [(country.fk.id, country.fk), (country.af.id, country.af), ("region", None)]
    for seat, org in seats:
        day = lsg.start
        while day <= stop:
            person, term_end = _seat_holder(w, country, a, seat, org, day, seat_terms)
            last = min(term_end, stop)
            open_end = last >= stop and not lsg.end
            w.relation(person, "member_of", lsg, day, 0 if open_end else last, source=w.source(a, day))
            terms.append((person, day, last))
            day = last + 1
    return terms


def _seat_holder(w: _Writer, country: _Country, a: int, seat: str, org: _Entity | None, day: int,
                 seat_terms: dict[str, list[tuple[_Entity, int, int]]]) -> tuple[_Entity, int]:
    """The manager on ``seat`` on ``day`` and the last day of their term.

    The manager of a partner organisation sits in every LSG of it for a term of
    four to ten years; a new one is employed by ``org`` (None: the region's
    county council and region).
    """
    sitting = [t for t in seat_terms.get(seat, []) if t[1] <= day <= t[2]]
    if sitting:
        person, _, term_end = sitting[0]
        return person, term_end
    term_end = day + 365 * w.rng.randrange(4, 11) - 1
    person = w.person(w.source(a, day))
    seat_terms.setdefault(seat, []).append((person, day, term_end))
    open_end = term_end >= w.last_day
    for employer in country.councils[a % len(country.councils)] if org is None else [org]:
        w.relation(employer, "employs", person, day - 365 * w.rng.randrange(0, 4),
                   0 if open_end else term_end + 365 * w.rng.randrange(0, 3), source=w.source(a, day))
    return person, term_end


def _lsg_chairs(w: _Writer, a: int, lsg: _Entity, chair: _Entity, terms: list[tuple[_Entity, int, int]]) -> None:
    """The chair is one of the members, for two to four years at a time."""
    stop = lsg.end or w.last_day
    day = lsg.start
    while day <= stop:
        term_end = min(day + 365 * w.rng.randrange(2, 5) - 1, stop)
        person, _, member_until = w.rng.choice([t for t in terms if t[1] <= day <= t[2]])
        term_end = min(term_end, member_until)
        w.relation(person, "holds", chair, day, term_end if term_end < stop or lsg.end else 0, source=w.source(a, day))
        day = term_end + 1


# -- process leaders -----------------------------------------------------------------------------
def _process_leaders(w: _Writer, country: _Country, a: int, history: list[_Entity]) -> None:
    """A process leader for each area of association ``a`` (two areas from four municipalities on), the role renewed every two to four years."""
    members = [i for i, m in enumerate(country.munis) if m.association == a]
    areas = [members] if len(members) < 4 else [members[: len(members) // 2], members[len(members) // 2 :]]
    for area in areas:
        start = _day(w.rng.randrange(w.first_year, w.first_year + 3), w.rng.choice([1, 7]))
        while start <= w.last_day:
            start = _process_leader(w, country, a, history, area, start) + 1


def _process_leader(w: _Writer, country: _Country, a: int, history: list[_Entity], area: list[int], start: int) -> int:
    """A process leader's role from ``start``: employed and funded by the association, held by persons in turn,
    commissioned by the area's LSGs and given tasks by them. Returns its last day."""
    assoc = country.assocs[a]
    length = w.rng.choice([2, 3, 4])
    end = date.fromordinal(start).replace(year=date.fromordinal(start).year + length).toordinal() - 1
    src = w.source(a, start)
    area_name = "-".join(country.munis[i].short_name for i in area[:3])
    d0, d1 = date.fromordinal(start), date.fromordinal(end)
    role = w.entity(f"processledare_{_slug(area_name)}_{d0.year}", "role", f"Processledare {area_name} {d0.year}–{d1.year}",
                    f"Process leader {area_name} {d0.year}–{d1.year}", valid_from=_iso(start), valid_to=_iso(end),
                    sources=src, attributes="heltid=ja", association=a)
    w.relation(assoc, "employs", role, source=src)
    w.relation(role, "reports_to", assoc, source=src)
    _leader_funding(w, a, assoc, role, d0.year, d1.year)
    holder_start = start
    while holder_start <= end:
        holder_end = min(holder_start + w.rng.randrange(300, 1200), end)
        w.relation(w.person(src), "holds", role, holder_start, holder_end, source=w.source(a, holder_start))
        holder_start = holder_end + 1
    area_lsgs = [g for g in history if set(g.municipalities) & set(area)]
    for lsg in area_lsgs:
        w.relation(lsg, "applies_to", assoc, start - 180, start - 1, source=w.source(a, start - 180))
        w.relation(lsg, "commissions", role, source=src)
        w.relation(role, "reports_to", lsg, source=src)
    _assignments(w, a, role, area_lsgs, start, end)
    return end


def _leader_funding(w: _Writer, a: int, assoc: _Entity, role: _Entity, first_year: int, last_year: int) -> None:
    """The association funds the role year by year: salary, premises and travel."""
    for year in range(first_year, last_year + 1):
        rel = w.relation(assoc, "funds", role, _day(year), _day(year, 12, 31), source=w.source(a, _day(year), budget=True), year_precision=True)
        if rel:
            for item_sv, item_en in _BUDGET_ITEMS[:3]:
                amount = {"Lön": 800, "Lokal": 18, "Resor": 16}[item_sv] * (1 + w.rng.random() / 5)
                w.budget_line(rel, year, item_sv, item_en, f"{amount:.0f}", w.source(a, _day(year), budget=True))


def _assignments(w: _Writer, a: int, role: _Entity, lsgs: list[_Entity], start: int, end: int) -> None:
    """Every half year from ``start`` to ``end``, none or one task for the role, given by one or two of ``lsgs`` then active."""
    half = start
    while half <= end:
        half_end = min(half + 182, end)
        givers = [g for g in lsgs if g.active_on(half)]
        for _ in range(w.rng.randrange(0, 2) if givers else 0):
            verb = w.rng.choice(_ASSIGNMENTS)
            topic = w.rng.choice(_TOPICS)
            task = w.entity(f"uppdrag_{role.id}_{len(w.relations)}", "assignment", f"{verb[0]} {topic[0]}", f"{verb[1]} {topic[1]}",
                            valid_from=_iso(half), valid_to=_iso(half_end), sources=w.source(a, half), association=a,
                            attributes=f"period={_iso(half)}/{_iso(half_end)}")
            for giver in w.rng.sample(givers, min(len(givers), w.rng.randrange(1, 3))):
                w.relation(giver, "assigns", task, source=w.source(a, half))
            w.relation(task, "assigned_to", role, source=w.source(a, half))
        half = half_end + 1


# -- projects ------------------------------------------------------------------------------------
def _project(w: _Writer, country: _Country, a: int, history: list[_Entity], people: list[_Entity]) -> None:
    """A project in a municipality of association ``a``: its owners and funders, and some with a steering group or a team."""
    place = w.rng.choice(country.members(a))
    title_sv, title_en = w.rng.choice(_PROJECTS)
    start = _day(w.rng.randrange(w.first_year - 2, LAST_YEAR), w.rng.randrange(1, 13))
    end = 0 if w.rng.random() < 0.2 else min(start + w.rng.randrange(365, 6 * 365), w.last_day + 365)
    project = w.entity(f"projekt_{_slug(title_sv)}_{_slug(place.short_name)}", "project", f"{title_sv} {place.short_name}",
                       f"{title_en} {place.short_name}", valid_from=_iso(start), valid_to=_iso(end or None), sources=w.source(a, start), association=a)
    owner = _project_owners(w, country, a, history, project, place)
    _project_funding(w, country, a, project, owner if owner.kind == "lsg" else None)
    if w.rng.random() < 0.3:
        _steering_group(w, a, project, people)
    if w.rng.random() < 0.3:
        _team(w, a, project, place)


def _owner_chain(w: _Writer, country: _Country, owner: _Entity, start: int, end: int) -> list[tuple[_Entity, int, int, str]]:
    """(owner, first day, last day, event) segments from ``start`` to ``end`` (0 = open), following successors.

    One owner at a time: when an owner ends, the result of its event takes over
    the next day (the association, if it was dissolved).
    """
    segments = []
    day, derived = start, ""
    while owner.end and (not end or owner.end < end):
        segments.append((owner, day, owner.end, derived))
        day, derived = owner.end + 1, owner.ended_by
        owner = w.entities[owner.successor] if owner.successor else country.assocs[owner.association]
    return [*segments, (owner, day, end, derived)]


def _project_owners(w: _Writer, country: _Country, a: int, history: list[_Entity], project: _Entity, place: _Entity) -> _Entity:
    """Who owns and steers the project, one at a time; returns its first owner.

    An LSG active at the start (one covering the project's place if any) owns
    and steers it, or one time in five the association owns it and an active
    LSG steers it; the successors of each take over.
    """
    assoc = country.assocs[a]
    local = [g for g in history if g.active_on(project.start) and g.start <= project.start]
    covering = [g for g in local if country.munis.index(place) in g.municipalities]
    first_owner = assoc if w.rng.random() < 0.2 or not local else (covering or local)[0]
    for owner, s, e, derived in _owner_chain(w, country, first_owner, project.start, project.end):
        w.relation(owner, "owns", project, s, e, source=w.source(a, s), derived_from=derived)
        if owner.kind == "lsg":
            w.relation(owner, "steers", project, s, e, source=w.source(a, s), derived_from=derived)
    if first_owner is assoc and local:
        for lsg, s, e, derived in _owner_chain(w, country, w.rng.choice(local), project.start, project.end):
            if lsg.kind == "lsg":
                w.relation(lsg, "steers", project, s, e, source=w.source(a, s), derived_from=derived)
    return first_owner


def _project_funding(w: _Writer, country: _Country, a: int, project: _Entity, applicant: _Entity | None) -> None:
    """The association funds the project every year, ESF one time in four (the LSG owner applies), the Inheritance Fund rarely."""
    assoc = country.assocs[a]
    esf_funded = w.rng.random() < 0.25
    if applicant is not None:
        w.relation(applicant, "applies_to", country.esf if esf_funded else assoc, project.start - 120, project.start - 1,
                   source=w.source(a, project.start - 120))
    funders = [(assoc, 1.0)] + ([(country.esf, 0.67)] if esf_funded else []) + ([(country.arvsfonden, 0.5)] if w.rng.random() < 0.05 else [])
    stop_year = date.fromordinal(project.end).year if project.end else LAST_YEAR
    for year in range(date.fromordinal(project.start).year, stop_year + 1):
        for funder, share in funders:
            rel = w.relation(funder, "funds", project, _day(year), _day(year, 12, 31), source=w.source(a, _day(year), budget=True), year_precision=True)
            if rel:
                item_sv, item_en = w.rng.choice(_BUDGET_ITEMS)
                w.budget_line(rel, year, item_sv, item_en, f"{share * w.rng.randrange(200, 3000):.0f}", w.source(a, _day(year), budget=True))


def _steering_group(w: _Writer, a: int, project: _Entity, people: list[_Entity]) -> None:
    """A steering group of four persons, part of the project and steering it."""
    src = project.sources
    group = w.entity(f"styrgrupp_{project.id}", "steering_group", f"Styrgrupp {project.name_sv}", f"Steering group {project.name_en}",
                     valid_from=project.valid_from, valid_to=project.valid_to, sources=src, association=a)
    w.relation(group, "steers", project, source=src)
    w.relation(group, "part_of", project, source=src)
    for person in w.rng.sample(people, 4):
        w.relation(person, "member_of", group, project.start + w.rng.randrange(0, 200), source=src)


def _team(w: _Writer, a: int, project: _Entity, place: _Entity) -> None:
    """A team of one to three workers employed by the project's municipality."""
    src = project.sources
    team = w.entity(f"team_{project.id}", "team", f"Team {project.name_sv}", f"Team {project.name_en}",
                    valid_from=project.valid_from, valid_to=project.valid_to, sources=src, association=a)
    w.relation(team, "part_of", project, source=src)
    for _ in range(w.rng.randrange(1, 4)):
        worker = w.person(src)
        w.relation(worker, "part_of", team, source=src)
        w.relation(place, "employs", worker, project.start - 365, project.end, source=src)


def _conflicts(w: _Writer) -> None:
    """A few known disagreements, as in the real data: two documents give different start dates for a project."""
    projects = [e for e in w.entities.values() if e.kind == "project"]
    for k, project in enumerate(w.rng.sample(projects, min(5, len(projects)))):
        w.conflicts.append(dict(id=f"k_{k + 1:03d}", topic_sv=f"Två dokument anger olika startdatum för {project.name_sv}.",
                                topic_en=f"Two documents give different start dates for {project.name_en}.", facts=project.id,
                                sources=w.source(project.association, project.start)))


def scaled(associations: int) -> dict[str, int]:
    """The national parameters for ``associations`` associations, municipalities in proportion (290 for 80).

    >>> scaled(80) == NATIONAL, scaled(20)["municipalities"], scaled(160)["municipalities"]
    (True, 72, 580)
    """
    if associations < 1:
        raise ValueError("need associations >= 1")
    per = NATIONAL["municipalities"] / NATIONAL["associations"]
    return {**NATIONAL, "associations": associations, "municipalities": max(associations, round(per * associations))}


def main(argv: list[str] | None = None) -> int:
    """``python3 bench/synthetic.py OUT_DIR [--seed N] [--small | --associations N]``."""
    parser = argparse.ArgumentParser(prog="bench/synthetic.py",
                                     description="Skriv ett syntetiskt nationellt dataset. / Write a synthetic national dataset.")
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=0)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--small", action="store_true", help="cirka 1 000 entiteter / about 1 000 entities instead of 10 000")
    size.add_argument("--associations", type=int, default=NATIONAL["associations"], metavar="N",
                      help="antal samordningsförbund (kommunerna i proportion) / number of associations (municipalities in proportion); 80")
    args = parser.parse_args(argv)
    if args.associations < 1:
        parser.error("--associations: minst 1 / at least 1")
    sizes = SMALL if args.small else scaled(args.associations)
    try:
        out = generate(args.out_dir, seed=args.seed, **sizes)
    except OSError as exc:
        print(f"Kan inte skriva till / cannot write to {args.out_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    n = {name: len((out / f"{name}.csv").read_text(encoding="utf-8").splitlines()) - 1 for name in ("entities", "relations", "events")}
    print(f"{out}: {n['entities']} entiteter / entities, {n['relations']} relationer / relations, {n['events']} händelser / events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
