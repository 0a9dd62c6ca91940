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

Run it as ``python3 bench/synthetic.py OUT_DIR [--seed N] [--small]``.

Examples
--------
>>> import tempfile
>>> from lsgmap.dataset.load import load
>>> with tempfile.TemporaryDirectory() as tmp:
...     s = load(generate(tmp, seed=1, associations=2, municipalities=6, years=6))
...     len(s.errors), len(s.entities) > 50, {e.kind for e in s.events.values()} >= {"merger", "split"}
(0, True, True)
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

__all__ = ["generate", "main", "SMALL", "NATIONAL"]

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

    def add_document(self, ident: str, title: str, year: str, association: int, doc_year: int) -> None:
        self.documents.append(dict(id=ident, title=title, kind="public", reference=f"syntetiskt dokument (lsgmap.synthetic), {ident}", date=year,
                                   period=str(doc_year), period_note="Årsdokument: talar för sitt år.", note="Påhittat dokument för prestandatester."))
        decision, budget = f"{ident}_beslut", f"{ident}_budget"
        self.sources.append(dict(id=decision, document=ident, quote=f"Styrelsen beslutade om insatser och samverkan {doc_year}.", locator="Beslut"))
        self.sources.append(dict(id=budget, document=ident, quote=f"Budget för {doc_year} enligt bilaga.", locator="Budget"))
        self._doc_sources[association, doc_year] = (decision, budget)

    def source(self, association: int, day: int | None, budget: bool = False) -> str:
        """The source id of the association's document for the year of ``day``."""
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


def generate(out_dir: str | Path, *, seed: int = 0, associations: int = 80, municipalities: int = 290, years: int = 15) -> Path:  # noqa: C901 (one long recipe, read top to bottom)
    """Write a synthetic dataset to ``out_dir`` (created if missing) and return its path.

    Deterministic for a given ``seed`` and sizes. ``years`` is the length of the
    period (ending in :data:`LAST_YEAR`) in which LSGs merge, split and change.

    >>> import tempfile, filecmp
    >>> with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
    ...     _ = generate(a, seed=3, associations=1, municipalities=3, years=4)
    ...     _ = generate(b, seed=3, associations=1, municipalities=3, years=4)
    ...     filecmp.cmp(f"{a}/relations.csv", f"{b}/relations.csv", shallow=False)
    True
    """
    if associations < 1 or municipalities < associations or years < 2:
        raise ValueError("need associations >= 1, municipalities >= associations and years >= 2")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    first_year = LAST_YEAR - years + 1
    _first_day, last_day = _day(first_year), _day(LAST_YEAR, 12, 31)
    w = _Writer(rng, first_year)

    # -- national documents and actors ------------------------------------------
    w.documents.append(dict(id="nationellt_register", title="Kommun- och regionregister (syntetiskt)", kind="public",
                            reference="syntetiskt dokument (lsgmap.synthetic)", date=str(first_year)))
    w.sources.append(dict(id="reg_kommuner", document="nationellt_register", quote="Förteckning över kommuner, regioner och myndigheter.", locator="Tabell 1"))
    w.documents.append(dict(id="finsam_lag", title="Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser", kind="public",
                            reference="lagen.nu 2003:1210", date="2003"))
    w.sources.append(dict(id="finsam_medlemmar", document="finsam_lag", quote="Försäkringskassan, Arbetsförmedlingen, region och kommun ska vara medlemmar.",
                          locator="5 §"))
    fk = w.entity("forsakringskassan", "agency", "Försäkringskassan", "Swedish Social Insurance Agency", short_name="FK", sources="finsam_medlemmar")
    af = w.entity("arbetsformedlingen", "agency", "Arbetsförmedlingen", "Swedish Public Employment Service", short_name="AF", sources="finsam_medlemmar")
    esf = w.entity("esf", "funder", "Europeiska socialfonden (ESF)", "European Social Fund (ESF)", short_name="ESF", sources="reg_kommuner")
    arvsfonden = w.entity("arvsfonden", "funder", "Allmänna arvsfonden", "The Swedish Inheritance Fund", sources="reg_kommuner")

    region_count = max(1, min(len(_REGIONS), associations, municipalities // 12 or 1))
    regions = _REGIONS[:region_count]
    # (landsting before rename, region after rename or None)
    county_councils: list[tuple[_Entity, _Entity | None]] = []
    for code, county, old_name, _new_name in regions:
        old = w.entity(f"landsting_{_slug(county)}", "region", old_name, f"{old_name} (county council)", identifiers=f"lanskod={code}", sources="reg_kommuner")
        county_councils.append((old, None))

    names = _municipality_names(rng, municipalities)
    munis: list[_Entity] = []
    per_region_count: dict[int, int] = {}
    for i, name in enumerate(names):
        assoc_index = i % associations
        region_index = assoc_index % region_count
        per_region_count[region_index] = per_region_count.get(region_index, 0) + 1
        code = f"{regions[region_index][0]}{per_region_count[region_index] + 10:02d}"
        m = w.entity(f"kommun_{_slug(name)}", "municipality", municipality_name(name), f"{name} Municipality", short_name=name,
                     identifiers=f"kommunkod={code}", sources="reg_kommuner", association=assoc_index)
        munis.append(m)

    # -- associations, their documents and members --------------------------------
    assocs: list[_Entity] = []
    for a in range(associations):
        members = [m for m in munis if m.association == a]
        founded = rng.randrange(first_year - 8, first_year - 1)
        label = "-".join(m.short_name for m in members[:2])
        for year in range(founded, LAST_YEAR + 1):
            w.add_document(f"sf{a + 1:03d}_vb_{year}", f"Verksamhetsberättelse {year}, Samordningsförbundet {label}", str(year), a, year)
        w._doc_sources.setdefault((a, first_year - 1), w._doc_sources[a, founded])
        assoc = w.entity(f"sf_{_slug(label)}", "association", f"Samordningsförbundet {label}", f"{label} coordination association",
                         short_name=f"SF {members[0].short_name}", valid_from=str(founded), sources=w.source(a, _day(founded)), association=a)
        assocs.append(assoc)
        src = w.source(a, assoc.start)
        w.relation(fk, "member_of", assoc, source=f"{src};finsam_medlemmar")
        w.relation(af, "member_of", assoc, source=f"{src};finsam_medlemmar")
        for m in members:
            w.relation(m, "member_of", assoc, source=src)

    # county councils become regions (rename events), each on its own date
    for r_index, (code, county, old_name, new_name) in enumerate(regions):
        old = county_councils[r_index][0]
        year = 2019 if first_year < 2019 <= LAST_YEAR and rng.random() < 0.7 else rng.randrange(first_year + 1, LAST_YEAR + 1)
        day = _day(year)
        new = w.entity(f"region_{_slug(county)}", "region", new_name, new_name, identifiers=f"lanskod={code}", valid_from=_iso(day), sources="reg_kommuner")
        ev = w.event("rename", day, [old], [new], f"{old_name} blir {new_name}", f"{old_name} becomes {new_name}", "reg_kommuner")
        old.successor = new.id
        county_councils[r_index] = (old, new)
        for a, assoc in enumerate(assocs):
            if a % region_count == r_index:
                w.relation(old, "member_of", assoc, source=f"{w.source(a, assoc.start)};finsam_medlemmar")
                w.relation(new, "member_of", assoc, day, source=w.source(a, day), derived_from=ev)

    # -- LSG histories ------------------------------------------------------------
    def make_lsg(a: int, members: list[_Entity], start_text: str, *, prefix: str = "LSG") -> _Entity:
        label = "-".join(m.short_name for m in members)
        lsg = w.entity(f"lsg_{_slug(label)}", "lsg", f"{prefix} {label}", f"{prefix} {label} (local collaboration group)",
                       valid_from=start_text, sources=w.source(a, interval_days(start_text, None)[0]),
                       aliases=f"Lokala samverkansgruppen i {label}", association=a, municipalities=[munis.index(m) for m in members])
        return lsg

    lsgs_by_assoc: list[list[_Entity]] = []
    for a, assoc in enumerate(assocs):
        members = [m for m in munis if m.association == a]
        rng.shuffle(members)
        history: list[_Entity] = []
        i = 0
        while i < len(members):
            take = 2 if i + 1 < len(members) and rng.random() < 0.2 else 1
            history.append(make_lsg(a, members[i : i + take], assoc.valid_from))
            i += take
        forced = ["merger", "split"]  # every association sees at least one merger and one split when it can
        for year in range(first_year + 1, LAST_YEAR + 1):
            if not forced and rng.random() > 0.3:
                continue
            day = _day(year, rng.choice([1, 1, 1, 4, 7, 9]))
            active = [g for g in history if g.active_on(day) and g.start < day]
            joint = [g for g in active if len(g.municipalities) >= 2]
            kind = forced.pop(0) if forced else rng.choice(["merger", "merger", "split", "rename", "dissolution"])
            if kind == "split" and not joint:
                kind = "merger"
            if kind == "merger" and len(active) < 2:
                kind = "rename" if active else ""
            if not kind:
                continue
            src = w.source(a, day)
            if kind == "merger":
                originals = rng.sample(active, 2)
                members_of = [munis[i] for o in originals for i in o.municipalities]
                result = make_lsg(a, members_of, _iso(day))
                ev = w.event("merger", day, originals, [result], f"{' och '.join(o.name_sv for o in originals)} slås samman",
                             f"{' and '.join(o.name_en.split(' (')[0] for o in originals)} merge", src)
                results = [result]
            elif kind == "split":
                original = rng.choice(joint)
                cut = rng.randrange(1, len(original.municipalities))
                parts = [original.municipalities[:cut], original.municipalities[cut:]]
                results = [make_lsg(a, [munis[i] for i in part], _iso(day)) for part in parts]
                ev = w.event("split", day, [original], results, f"{original.name_sv} delas", f"{original.name_en.split(' (')[0]} splits", src)
                originals = [original]
            elif kind == "rename":
                original = rng.choice(active)
                label = "-".join(munis[i].short_name for i in original.municipalities)
                result = make_lsg(a, [munis[i] for i in original.municipalities], _iso(day), prefix="Samverkansgruppen")
                ev = w.event("rename", day, [original], [result], f"{original.name_sv} byter namn till {result.name_sv}",
                             f"{original.name_en.split(' (')[0]} is renamed {label}", src)
                originals, results = [original], [result]
            else:  # dissolution, usually followed by a founding
                original = rng.choice(active)
                ev = w.event("dissolution", day, [original], [], f"{original.name_sv} upplöses", f"{original.name_en.split(' (')[0]} is dissolved", src)
                originals, results = [original], []
                refound = day + rng.randrange(90, 400)
                if refound <= last_day:
                    result = make_lsg(a, [munis[i] for i in original.municipalities], _iso(refound))
                    w.event("founding", refound, [], [result], f"{result.name_sv} bildas", f"{result.name_en.split(' (')[0]} is founded", w.source(a, refound))
                    history.append(result)
            for o in originals:
                o.successor = results[0].id if results else ""
            for r in results:
                r.attributes = f"bildad_genom={ev}"
            history.extend(results)
        lsgs_by_assoc.append(history)

    # -- per LSG: coverage, chairs and members ------------------------------------
    for a, history in enumerate(lsgs_by_assoc):
        assoc = assocs[a]
        # the manager of each partner organisation sits in every LSG of that organisation,
        # for a term of some years: (person, last day of the term)
        seat_terms: dict[str, list[tuple[_Entity, int, int]]] = {}
        for lsg in sorted(history, key=lambda g: (g.start, g.id)):
            src = w.source(a, lsg.start)
            derived = next((row["id"] for row in w.events if lsg.id in row["results"].split(";")), "")
            for i in lsg.municipalities:
                w.relation(lsg, "covers", munis[i], source=src, derived_from=derived)
            w.relation(lsg, "reports_to", assoc, source=src)
            chair = w.entity(f"ordf_{lsg.id}", "role", f"Ordförande {lsg.name_sv}", f"Chair, {lsg.name_en.split(' (')[0]}",
                             valid_from=lsg.valid_from, valid_to=lsg.valid_to, sources=src, association=a)
            w.relation(chair, "chairs", lsg, source=src)
            stop = lsg.end or last_day
            # members: one manager per partner organisation, each for a few years
            terms: list[tuple[_Entity, int, int]] = []
            seats = [(munis[i].id, munis[i]) for i in lsg.municipalities] + [(fk.id, fk), (af.id, af), ("region", None)]
            for seat, org in seats:
                day = lsg.start
                while day <= stop:
                    sitting = [t for t in seat_terms.get(seat, []) if t[1] <= day <= t[2]]
                    if sitting:
                        person, _, term_end = sitting[0]
                    else:
                        term_end = day + 365 * rng.randrange(4, 11) - 1
                        person = w.person(w.source(a, day))
                        seat_terms.setdefault(seat, []).append((person, day, term_end))
                        open_end = term_end >= last_day
                        employers = [c for c in county_councils[a % region_count] if c is not None] if org is None else [org]
                        for employer in employers:
                            w.relation(employer, "employs", person, day - 365 * rng.randrange(0, 4),
                                       0 if open_end else term_end + 365 * rng.randrange(0, 3), source=w.source(a, day))
                    last = min(term_end, stop)
                    open_end = last >= stop and not lsg.end
                    w.relation(person, "member_of", lsg, day, 0 if open_end else last, source=w.source(a, day))
                    terms.append((person, day, last))
                    day = last + 1
            # the chair is one of the members, for two to four years at a time
            day = lsg.start
            while day <= stop:
                term_end = min(day + 365 * rng.randrange(2, 5) - 1, stop)
                sitting = [t for t in terms if t[1] <= day <= t[2]]
                person, _, member_until = rng.choice(sitting)
                term_end = min(term_end, member_until)
                w.relation(person, "holds", chair, day, term_end if term_end < stop or lsg.end else 0, source=w.source(a, day))
                day = term_end + 1

    def owner_chain(owner: _Entity, start: int, end: int) -> list[tuple[_Entity, int, int, str]]:
        """(owner, first day, last day, event) segments from ``start`` to ``end`` (0 = open), following successors.

        One owner at a time: when an owner ends, the result of its event takes over
        the next day (the association, if it was dissolved)."""
        segments = []
        day, derived = start, ""
        while True:
            if owner.end and (not end or owner.end < end):
                segments.append((owner, day, owner.end, derived))
                day, derived = owner.end + 1, owner.ended_by
                owner = w.entities[owner.successor] if owner.successor else assocs[owner.association]
            else:
                segments.append((owner, day, end, derived))
                return segments

    # -- process leaders ------------------------------------------------------------
    for a, history in enumerate(lsgs_by_assoc):
        assoc = assocs[a]
        members = [i for i, m in enumerate(munis) if m.association == a]
        areas = [members] if len(members) < 4 else [members[: len(members) // 2], members[len(members) // 2 :]]
        for area in areas:
            area_name = "-".join(munis[i].short_name for i in area[:3])
            start = _day(rng.randrange(first_year, first_year + 3), rng.choice([1, 7]))
            while start <= last_day:
                length = rng.choice([2, 3, 4])
                end = date.fromordinal(start).replace(year=date.fromordinal(start).year + length).toordinal() - 1
                src = w.source(a, start)
                d0, d1 = date.fromordinal(start), date.fromordinal(end)
                role = w.entity(f"processledare_{_slug(area_name)}_{d0.year}", "role", f"Processledare {area_name} {d0.year}–{d1.year}",
                                f"Process leader {area_name} {d0.year}–{d1.year}", valid_from=_iso(start), valid_to=_iso(end),
                                sources=src, attributes="heltid=ja", association=a)
                w.relation(assoc, "employs", role, source=src)
                w.relation(role, "reports_to", assoc, source=src)
                for year in range(d0.year, d1.year + 1):
                    rel = w.relation(assoc, "funds", role, _day(year), _day(year, 12, 31), source=w.source(a, _day(year), budget=True), year_precision=True)
                    if rel:
                        for item_sv, item_en in _BUDGET_ITEMS[:3]:
                            amount = {"Lön": 800, "Lokal": 18, "Resor": 16}[item_sv] * (1 + rng.random() / 5)
                            w.budget_line(rel, year, item_sv, item_en, f"{amount:.0f}", w.source(a, _day(year), budget=True))
                holder_start = start
                while holder_start <= end:
                    holder_end = min(holder_start + rng.randrange(300, 1200), end)
                    w.relation(w.person(src), "holds", role, holder_start, holder_end, source=w.source(a, holder_start))
                    holder_start = holder_end + 1
                area_lsgs = [g for g in history if set(g.municipalities) & set(area)]
                for lsg in area_lsgs:
                    w.relation(lsg, "applies_to", assoc, start - 180, start - 1, source=w.source(a, start - 180))
                    w.relation(lsg, "commissions", role, source=src)
                    w.relation(role, "reports_to", lsg, source=src)
                # assignments: every half year, a few of the LSGs give the process leader a task
                half = start
                while half <= end:
                    half_end = min(half + 182, end)
                    givers = [g for g in area_lsgs if g.active_on(half)]
                    for _ in range(rng.randrange(0, 2) if givers else 0):
                        verb = rng.choice(_ASSIGNMENTS)
                        topic = rng.choice(_TOPICS)
                        task = w.entity(f"uppdrag_{role.id}_{len(w.relations)}", "assignment", f"{verb[0]} {topic[0]}", f"{verb[1]} {topic[1]}",
                                        valid_from=_iso(half), valid_to=_iso(half_end), sources=w.source(a, half), association=a,
                                        attributes=f"period={_iso(half)}/{_iso(half_end)}")
                        for giver in rng.sample(givers, min(len(givers), rng.randrange(1, 3))):
                            w.relation(giver, "assigns", task, source=w.source(a, half))
                        w.relation(task, "assigned_to", role, source=w.source(a, half))
                    half = half_end + 1
                start = end + 1

    # -- projects -------------------------------------------------------------------
    people = [e for e in w.entities.values() if e.kind == "person"]
    projects_per_assoc = max(3, round(19 * municipalities / associations / 3.6))
    for a, history in enumerate(lsgs_by_assoc):
        assoc = assocs[a]
        members = [m for m in munis if m.association == a]
        for _ in range(projects_per_assoc):
            place = rng.choice(members)
            title_sv, title_en = rng.choice(_PROJECTS)
            start = _day(rng.randrange(first_year - 2, LAST_YEAR), rng.randrange(1, 13))
            end = 0 if rng.random() < 0.2 else min(start + rng.randrange(365, 6 * 365), last_day + 365)
            src = w.source(a, start)
            project = w.entity(f"projekt_{_slug(title_sv)}_{_slug(place.short_name)}", "project", f"{title_sv} {place.short_name}",
                               f"{title_en} {place.short_name}", valid_from=_iso(start), valid_to=_iso(end or None), sources=src, association=a)
            local = [g for g in history if g.active_on(start) and g.start <= start]
            covering = [g for g in local if munis.index(place) in g.municipalities]
            first_owner = assoc if rng.random() < 0.2 or not local else (covering or local)[0]
            for owner, s, e, derived in owner_chain(first_owner, start, end):
                src_seg = w.source(a, s)
                w.relation(owner, "owns", project, s, e, source=src_seg, derived_from=derived)
                if owner.kind == "lsg":
                    w.relation(owner, "steers", project, s, e, source=src_seg, derived_from=derived)
            if first_owner is assoc and local:
                for lsg, s, e, derived in owner_chain(rng.choice(local), start, end):
                    if lsg.kind == "lsg":
                        w.relation(lsg, "steers", project, s, e, source=w.source(a, s), derived_from=derived)
            applicant = first_owner if first_owner.kind == "lsg" else None
            esf_funded = rng.random() < 0.25
            if applicant is not None:
                w.relation(applicant, "applies_to", esf if esf_funded else assoc, start - 120, start - 1, source=w.source(a, start - 120))
            stop_year = date.fromordinal(end).year if end else LAST_YEAR
            funders = [(assoc, 1.0)] + ([(esf, 0.67)] if esf_funded else []) + ([(arvsfonden, 0.5)] if rng.random() < 0.05 else [])
            for year in range(date.fromordinal(start).year, stop_year + 1):
                for funder, share in funders:
                    rel = w.relation(funder, "funds", project, _day(year), _day(year, 12, 31), source=w.source(a, _day(year), budget=True), year_precision=True)
                    if rel:
                        item_sv, item_en = rng.choice(_BUDGET_ITEMS)
                        w.budget_line(rel, year, item_sv, item_en, f"{share * rng.randrange(200, 3000):.0f}", w.source(a, _day(year), budget=True))
            if rng.random() < 0.3:
                group = w.entity(f"styrgrupp_{project.id}", "steering_group", f"Styrgrupp {project.name_sv}", f"Steering group {project.name_en}",
                                 valid_from=project.valid_from, valid_to=project.valid_to, sources=src, association=a)
                w.relation(group, "steers", project, source=src)
                w.relation(group, "part_of", project, source=src)
                for person in rng.sample(people, 4):
                    w.relation(person, "member_of", group, start + rng.randrange(0, 200), source=src)
            if rng.random() < 0.3:
                team = w.entity(f"team_{project.id}", "team", f"Team {project.name_sv}", f"Team {project.name_en}",
                                valid_from=project.valid_from, valid_to=project.valid_to, sources=src, association=a)
                w.relation(team, "part_of", project, source=src)
                for _ in range(rng.randrange(1, 4)):
                    worker = w.person(src)
                    w.relation(worker, "part_of", team, source=src)
                    w.relation(place, "employs", worker, start - 365, end, source=src)

    # -- a few known disagreements, as in the real data -----------------------------
    projects = [e for e in w.entities.values() if e.kind == "project"]
    for k, project in enumerate(rng.sample(projects, min(5, len(projects)))):
        src = w.source(project.association, project.start)
        w.conflicts.append(dict(id=f"k_{k + 1:03d}", topic_sv=f"Två dokument anger olika startdatum för {project.name_sv}.",
                                topic_en=f"Two documents give different start dates for {project.name_en}.", facts=project.id, sources=src))
    w.write(out)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python3 bench/synthetic.py OUT_DIR [--seed N] [--small]``."""
    parser = argparse.ArgumentParser(prog="bench/synthetic.py",
                                     description="Skriv ett syntetiskt nationellt dataset. / Write a synthetic national dataset.")
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--small", action="store_true", help="cirka 1 000 entiteter / about 1 000 entities instead of 10 000")
    args = parser.parse_args(argv)
    sizes = SMALL if args.small else NATIONAL
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
