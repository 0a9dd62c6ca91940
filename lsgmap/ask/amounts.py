"""Amounts: what the budget says, for whom, which items, over which years ("totalt 2016–2018").

One handler for every amount question: the funder and the target come from the
names (either may be missing: then every funder, every budget), the items from
the words ("lönen", "resor och telefon", "the salary"), the years from the
question's date (a year, or every year of a span: "2017–2018", "mellan 2016 och
2018"); without a date in the question, every year. The total is the sum of
every line that meets all of it, and says what the amounts are ("enligt ansökan").

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.ask.reading import read_question
>>> s = load(BUNDLED_DATA)
>>> amount(s, read_question(s, "Hur mycket är budgeterat för resor 2016–2018?")).amounts["total"]
31.0
>>> amount(s, read_question(s, "Vad är budgeten för 2017–2018 sammanlagt?")).amounts["total"]
1290.0
>>> amount(s, read_question(s, "Hur mycket var lönen i budgeten 2017?")).summary.render("sv")
'hur mycket lön är i budgeten för RAR till Processledare LSG södra Sörmland år 2017'
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from lsgmap.ask.attributes import definition
from lsgmap.ask.interpretation import EntityName, Finding, Joined, Term
from lsgmap.ask.reading import WANTS_YESNO, Reading
from lsgmap.i18n import msg
from lsgmap.model import queries
from lsgmap.model.names import normalise
from lsgmap.vocab import BUDGET_WORDS, FUNDING

__all__ = ["amount", "amount_unit", "asks_the_unit", "budget_items", "unit_notes"]


def budget_items(structure, reading: Reading) -> list:
    """The budget lines whose item the question names ("lönen", "resor", "the salary"), one per item; after "annat än",
    "utom" …, every item but the first one named there ("allt utom lönen – lokal, resor …": all but the salary)."""
    tokens = [BUDGET_WORDS.get(token, token) for token in reading.tokens]  # "hyran" → "lokal", "office space" → "premises"
    named = {i: line for key, line in _item_words(structure) for i, token in enumerate(tokens) if _names_item(token, key)}
    left_out = {named[first].item_sv for start in _excepted(reading.text) if (first := next((i for i in range(start, start + 3) if i in named), None)) is not None}
    if left_out:
        return [line for line in _every_item(structure) if line.item_sv not in left_out]
    asked = {line.item_sv for line in named.values()}
    return [line for line in _every_item(structure) if line.item_sv in asked] if asked else []  # no item named: nothing to look up


def _names_item(token: str, key: str) -> bool:
    """A word of the question that is an item's word ("lönen", "resorna", "lönekostnaden")."""
    return token.startswith(key) and (token[len(key):] in _ITEM_ENDINGS or bool(_ITEM_COMPOUND.fullmatch(token[len(key):])))


def _excepted(text: str) -> list[int]:
    """The index of the word after each "annat än", "other than" …: the item named first there is left out."""
    return [len(text[: m.end()].split()) for m in _EXCEPT.finditer(text)]


#: "annat än lön", "utöver lönen", "other than salary", "except the salary": the items named after it are left out.
_EXCEPT = re.compile(r"\b(?:annat an|andra an|utover|forutom|utom|exklusive|exkl|other than|except(?: for)?|excluding|besides|apart from|aside from|not counting)\b(?: the)?")


_ITEMS: WeakKeyDictionary = WeakKeyDictionary()


def _item_words(structure) -> list[tuple[str, object]]:
    """(the first word of an item's name, normalised; its first budget line), per item and language, made once per structure."""
    words = _ITEMS.get(structure)
    if words is None:
        first: dict[tuple[str, str], object] = {}
        for line in structure.budget:
            first.setdefault((line.item_sv, line.item_en), line)
        words = [
            (key, line) for (sv, en), line in first.items() for name in (sv, en)
            if len(key := normalise(name).split(" ")[0].rstrip(",")) >= 3
        ]
        _ITEMS[structure] = words
    return words


#: The endings an item's word takes ("lönen", "resorna", "lokalen", "datorn"), not "lokala" (the adjective).
_ITEM_ENDINGS = frozenset({"", "en", "n", "er", "erna", "na", "s", "et"})
#: "lönekostnaden", "resebudgeten", "lokalkostnad": an item's word in a compound about money.
_ITEM_COMPOUND = re.compile(r"e?(?:kostnad\w*|budget\w*|post\w*|medel|pengar|costs?)")


def _funder_and_target(structure, ids: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Which named entity funds which: the pair with budget lines, else the pair with a funds relation; one name is the target."""
    pairs = [(a, b) for a in ids for b in ids if a != b]
    for test in (lambda r: bool(structure.budget_of(r.id)), lambda r: True):
        for a, b in pairs:
            if any(r.relation == FUNDING and r.from_id == a and test(r) for r in structure.incoming(b)):
                return a, b
    return None, (ids[-1] if ids else None)


def _years(reading: Reading, structure=None) -> tuple[int, ...] | None:
    """The years the question names: every year of its span ("2016–2018" → 2016, 2017, 2018), or each year it lists
    ("2016 och 2017", "2017 and 2018 combined"); None without one (every year)."""
    listed = sorted({int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", reading.question)})
    qd = reading.date
    if _UP_TO.search(reading.text) and qd.source in ("question", "option") and structure is not None and structure.budget:
        return tuple(range(min(line.year for line in structure.budget), qd.last.year + 1))  # "till och med detta datum": each budget year up to it
    if len(listed) > 1 and not qd.is_span or (len(listed) > 1 and qd.first.year == qd.last.year):
        return tuple(listed)
    return tuple(range(qd.first.year, qd.last.year + 1)) if qd.source == "question" else None


#: "till och med 2017", "hittills", "so far", "up to this date": the years from the budget's first up to the date.
_UP_TO = re.compile(r"\b(?:till och med|t o m|tom|fram till|hittills|sa langt|so far|to date|(?<!add )(?<!adds )up to|up until|through|until)\b")
def _years_text(years: tuple[int, ...] | None):
    if not years:
        return ""
    return msg("ask.in_year", year=years[0]) if len(years) == 1 else msg("ask.in_years", first=years[0], last=years[-1])


def _parties(structure, reading: Reading, lines: list) -> tuple[str | None, str | None]:
    """Funder and target from the names; when the target has no budget, those of the item's line ("lokalen" is no name)."""
    funder, target = _funder_and_target(structure, reading.ids)
    if lines and (target is None or not any(structure.budget_of(r.id) for r in structure.incoming(target))):
        r = structure.relations[lines[0].relation]
        return r.from_id, r.to_id
    return funder, target


def _name_or_any(structure, entity_id: str | None, role: str):
    return EntityName(structure.entities[entity_id]) if entity_id else msg(f"ask.any_{role}")


#: "Finns det en budgetpost för utbildning?": whether the budget has an item is asked, not how much.
_ITEM_ASKED = re.compile(
    r"\b(?:budgetpost\w*|budget ?post\w*|post\w* i budgeten|budget items?|items? in the budget|line in the budget|budget lines?|"
    r"(?:pengar|medel|money|funds) (?:for|till|to)|budgeterat for|budgeted for|avsatt\w* (?:for|till)|set aside for)\b"
)


#: "Hur stor är lokalen?": a size, which an item's name may hold ("Lokal, 15 kvm"), not an amount.
_SIZE_ASKED = re.compile(r"\b(?:hur stor\w*|how (?:big|large)|storlek\w*|size|kvm|kvadratmeter|square (?:metres|meters))\b")
_SIZE = re.compile(r"\d+\s*(?:kvm|m²|m2)")
#: "Hur många budgetposter?", "how many cost lines": the items are counted, not summed.
_ITEMS_COUNTED = re.compile(r"\b(?:hur manga|how many|antal|number of)\s+(?:\w+\s+)?(?:budgetposter|poster|kostnadsposter|rader|budget ?lines|cost lines|lines|items|posts)\b")
#: "Är budgeten för 2018 lika stor som 2016?": two years' sums compared.
_SAME_ASKED = re.compile(r"\b(?:lika|samma|same|equal|as (?:big|large|much))\b")


def _other_answer(structure, reading: Reading, lines: list, result: dict):
    """The answer when what is asked is no sum: an item's size, how many items, or whether two years' sums are equal."""
    if said := _not_a_sum(structure, reading, lines, result):
        return said
    sizes = [(line, m.group(0)) for line in lines if (m := _SIZE.search(line.item_sv))]
    if sizes and _SIZE_ASKED.search(reading.text) and len(lines) == 1:  # "hur stor är lokalen?"; not "hur stor del … annat än lön"
        return msg("ask.budget_size", size=sizes[0][1], item=Term(sizes[0][0], "item"))
    if _ITEMS_COUNTED.search(reading.text) and (every := _every_item(structure)):
        return msg("ask.budget_count", count=len(every), items=Joined(tuple(Term(line, "item") for line in every)))
    sums = result.get("by_year") or {}
    if WANTS_YESNO.search(reading.text) and _SAME_ASKED.search(reading.text) and len(sums) == 2:
        (a, x), (b, y) = sorted(sums.items())
        return msg("ask.budget_same_yes" if x == y else "ask.budget_same_no", first=a, last=b, a=f"{x:g}", b=f"{y:g}")
    return _item_verdict(structure, reading, lines)


def _not_a_sum(structure, reading: Reading, lines: list, result: dict):
    """A month's amount, why the sums are what they are, whether a sum the question gives is right, or an item's share of
    the whole: said before the sums."""
    return _per_year_only(reading, result) or _why_amounts(structure, reading, result) or _sum_checked(structure, reading, result) or _share(structure, reading, lines, result)


#: "Hur stor del av budgeten går till lön?", "what share is salary": an item's part of the whole budget.
_SHARE = re.compile(r"\b(?:hur stor del|vilken del|andel\w*|procent\w*|share|proportion|percentage|per ?cent|what part)\b")


def _share(structure, reading: Reading, lines: list, result: dict):
    """"1603 tkr av 1721 tkr (93 %)": the named items' sum as a part of the whole budget for the same years."""
    if not (_SHARE.search(reading.text) and lines and result.get("total")):
        return None
    whole = queries.amounts(structure, None, None, years=_years(reading, structure))["total"]
    if not whole:
        return None
    return msg("ask.budget_share", part=f"{result['total']:g}", whole=f"{whole:g}", percent=round(100 * result["total"] / whole))


#: "Stämmer totalsumman 1721 tkr?", "is the total 1721 right?": a number the question gives, to check.
_CHECKED = re.compile(r"\b(?:stammer|overensstammer|ar det ratt|korrekt|gar (?:\w+ )?ihop|blir det verkligen|is (?:it|that|the \w+) (?:right|correct)|correct|add up|adds up|match\w*)\b")


def _stated_total(structure) -> list[int]:
    """The total the budget itself states ("Summa 431 859 431 TOTALT 1721"): [1721], or [] when none is quoted."""
    found = [int(m.group(1)) for src in structure.sources.values() if (m := re.search(r"\bTOTALT\s+(\d+)", src.quote or ""))]
    return found[:1]


def _sum_checked(structure, reading: Reading, result: dict):
    """"Ja: 431 + 859 + 431 = 1721 tkr" when the question asks whether a total it gives is right, "Nej: …" when it is not."""
    text = re.sub(r"(\d) (\d{3})\b", r"\1\2", reading.text)  # "1 721"
    numbers = [int(n) for n in re.findall(r"\b(\d{2,5})\b", text) if not 1990 <= int(n) <= 2100] or _stated_total(structure)
    years = result.get("by_year") or {}
    if not _CHECKED.search(reading.text) or not numbers or not years or result.get("total") is None:
        return None
    parts = " + ".join(f"{v:g}" for _, v in sorted(years.items()))
    total = result["total"]
    return msg("ask.sum_right" if numbers[0] == total else "ask.sum_wrong", parts=parts, total=f"{total:g}", asked=numbers[0])


#: "Varför är budgeten för 2016 bara hälften?": why an amount is what it is.
_WHY = re.compile(r"^\s*(?:varfor|why|hur kommer det sig|how come)\b")


def _why_amounts(structure, reading: Reading, result: dict):
    """Why the years' sums differ: the budget's stated period and the years it covers only in part ("2016: juli–december");
    None when no "why" is asked or no budgeted relation states both ends."""
    budgeted = dict.fromkeys(line["relation_id"] for line in result.get("lines", ()))
    funding = [structure.relations[rid] for rid in budgeted if rid in structure.relations]
    stated = [(r.valid_from, r.valid_to, r.id) for r in funding if len(r.valid_from) == len(r.valid_to) == 10]
    if not _WHY.search(reading.text) or not stated:
        return None
    first, last, rid = stated[0]
    partial = [f"{y}: {first[5:] if str(y) == first[:4] else '01-01'} – {last[5:] if str(y) == last[:4] else '12-31'}"
               for y in sorted(result.get("by_year") or {}) if str(y) in (first[:4], last[:4])]
    return msg("ask.budget_why", first=first, last=last, id=rid, partial=", ".join(partial) or "–")


def _per_year_only(reading: Reading, result: dict):
    """"Månadslönen?": not stated per month, the budget's yearly amounts instead; None when no month is asked."""
    if not (_MONTHLY.search(reading.text) and result.get("by_year")):
        return None
    return msg("ask.budget_per_year", years=", ".join(f"{y}: {v:g} tkr" for y, v in sorted(result["by_year"].items())))


#: An amount asked per month ("månadslön", "per månad", "monthly salary"): the budget gives amounts per year only.
_MONTHLY = re.compile(r"\b(?:manadslon\w*|per manad|i manaden|varje manad|monthly|per month|a month|each month)\b")


def _item_verdict(structure, reading: Reading, lines: list):
    """"Ja: Resor" or "Nej: budgeten har ingen sådan post (posterna: Lön, …)" when a yes/no asks for an item; else None."""
    if not (WANTS_YESNO.search(reading.text) and _ITEM_ASKED.search(reading.text)):
        return None
    if lines:
        return msg("ask.budget_item_yes", items=Joined(tuple(Term(line, "item") for line in lines)))
    return msg("ask.budget_item_no", items=Joined(tuple(Term(line, "item") for line in _every_item(structure))))


def _year_verdict(structure, reading: Reading, years, result: dict):
    """"Finns det budget för 2019?" — "Nej: budgeten har belopp bara för 2016, 2017, 2018" when the years asked have
    none; "Ja." when they have."""
    if not (WANTS_YESNO.search(reading.text) and years):
        return None
    if result.get("total"):
        return msg("ask.attribute_yes")
    budgeted = sorted({line.year for line in structure.budget})
    return msg("ask.budget_years_no", years=", ".join(str(y) for y in budgeted)) if budgeted else None


def _every_item(structure) -> list:
    """The budget's items, each once (its first line), in the budget's order."""
    return list({(line.item_sv, line.item_en): line for line in structure.budget}.values())


def _other_funder(structure, reading: Reading, result: dict):
    """"Nej: budgeten är Samordningsförbundet RAR i Sörmlands" when a yes/no asks whether a funder the budget has no
    lines from pays into it ("Does the process leader budget include ESF money?"); None else."""
    if result.get("lines") or not WANTS_YESNO.search(reading.text) or not structure.budget:
        return None
    budgeted = [structure.relations[line.relation] for line in structure.budget if line.relation in structure.relations]
    funders = {r.from_id for r in budgeted}
    if not set(reading.ids) - funders - {r.to_id for r in budgeted}:
        return None  # every name is the budget's own: not another funder
    return msg("ask.budget_other_funder", funders=Joined(tuple(EntityName(structure.entities[i]) for i in sorted(funders)), ", "))


def amount(structure, reading: Reading) -> Finding:
    """How much: the budget lines for the named funder, target and items in the question's years, and their total;
    a yes or a no first when the question asks whether the budget has an item.

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> amount(s, read_question(s, "Finns det en budgetpost för utbildning?")).lead.render("sv")[:45]
    'Nej: budgeten har ingen sådan post (posterna:'
    """
    lines = budget_items(structure, reading)
    funder, target = _parties(structure, reading, lines)
    years = _years(reading, structure)
    items = tuple(line.item_sv for line in lines) or None
    result = queries.amounts(structure, funder, target, years=years, items=items)
    verdict = _other_answer(structure, reading, lines, result) or _year_verdict(structure, reading, years, result) or _other_funder(structure, reading, result)
    funding = [structure.relations[rid] for rid in result["relations"]]
    answers = tuple(queries.relation_item(structure, structure.entities[r.from_id], r, on=reading.date.span) for r in funding)
    names = {k: _name_or_any(structure, v, k) for k, v in (("funder", funder), ("target", target))}
    what = Joined(tuple(Term(line, "item", lower=True) for line in lines)) if lines else msg("ask.all_items")
    summary = msg("ask.i_budget_item", item=what, funder=names["funder"], target=names["target"], year=_years_text(years))
    return Finding(
        "amount", summary, verdict or msg("ask.lead_relations"), FUNDING, tuple(i for i in (funder, target) if i),
        details={"year": result["year"], "years": result["years"], "item": result["item"], "items": result["items"]},
        answers=answers, amounts=result, verdict=verdict is not None, notice=None if result["lines"] else _asked_what(structure, reading),
    )


def _asked_what(structure, reading: Reading):
    """"Vad är Innovation 100 dagar och vad kostar det?": what the named thing is, as its sources say, before the amount."""
    if not re.match(r"\s*(?:vad ar|what is|what are|vad innebar)\b", reading.text) or not reading.mentions:
        return None
    return definition(structure, reading.mentions[0].entity_id)


#: "kronor eller tusentals kronor?", "what currency", "which unit": the unit of the amounts is what is asked.
UNIT_CUE = re.compile(r"\b(?:enhet\w*|valuta\w*|tusentals|tusen kronor|i kronor|units?|currency|thousands?|sek)\b")


def unit_notes(structure) -> list:
    """The recorded notes on the budget's unit: conflicts about a budgeted relation whose text speaks of a unit."""
    budgeted = {line.relation for line in structure.budget}
    return [c for c in structure.conflicts if budgeted & set(c.facts) and UNIT_CUE.search(normalise(c.topic("sv") + " " + c.topic("en")))]


def asks_the_unit(structure, reading: Reading) -> bool:
    """An amount question about the unit ("Är beloppen i kronor eller tusentals kronor?") that a recorded note answers."""
    return bool(UNIT_CUE.search(reading.text)) and (reading.amount or bool(re.search(r"\bbelopp\w*|\bsiffr\w*|\bfigures?\b", reading.text))) \
        and bool(unit_notes(structure))


def amount_unit(structure, reading: Reading) -> Finding:
    """What the sources say of the budget's unit: the recorded note, said first ("Det framgår inte säkert …").

    >>> from lsgmap.dataset.load import load, BUNDLED_DATA
    >>> from lsgmap.ask.reading import read_question
    >>> s = load(BUNDLED_DATA)
    >>> amount_unit(s, read_question(s, "Är beloppen i budgeten i kronor eller tusentals kronor?")).lead.render("sv")[:60]
    'Det framgår inte säkert av källorna: Ansökans budget anger i'
    """
    notes = unit_notes(structure)
    lines = tuple(msg("ask.unit_note", text=Term(c, "topic"), id=c.id) for c in notes)
    return Finding("amount_unit", msg("ask.i_unit"), Joined(lines, "\n"), verdict=True)

