"""All Swedish and English text of lsgmap in one place.

``PROBLEMS`` holds the messages of the loader and the checks (what is wrong,
how to fix it); ``UI`` holds every other string of the CLI and the app.

>>> t("app.title", "sv")
'lsgmap – samverkansstrukturen kring RAR'
>>> problem_text("table.missing", "en", value="", file="events.csv")[0]
'the table events.csv is missing'
"""

from __future__ import annotations

from typing import Any

__all__ = ["PROBLEMS", "UI", "t", "problem_text", "normalise_lang"]


def normalise_lang(lang: str | None) -> str:
    """'sv' unless the caller asks for English.

    >>> normalise_lang("EN"), normalise_lang(None), normalise_lang("de")
    ('en', 'sv', 'sv')
    """
    return "en" if (lang or "").lower().startswith("en") else "sv"


# code: (what sv, what en, fix sv, fix en). Placeholders: {value} and params.
PROBLEMS: dict[str, tuple[str, str, str, str]] = {
    # reading tables
    "table.missing": (
        "tabellen {file} saknas",
        "the table {file} is missing",
        "lägg till filen med rubrikraden från datapackage.json",
        "add the file with the header row from datapackage.json",
    ),
    "table.empty": (
        "filen är tom",
        "the file is empty",
        "skriv in rubrikraden ({columns}) på första raden",
        "put the header row ({columns}) on the first line",
    ),
    "table.encoding": (
        "filen går inte att läsa som UTF-8 eller Windows-1252 (\"{value}\")",
        "the file cannot be read as UTF-8 or Windows-1252 (\"{value}\")",
        "spara den som \"CSV UTF-8\" i Excel",
        "save it as \"CSV UTF-8\" in Excel",
    ),
    "table.read_as_cp1252": (
        "filen är sparad som Windows-1252 (svensk Excel) och lästes som sådan",
        "the file is saved as Windows-1252 (Swedish Excel) and was read as such",
        "inget behöver göras; spara som \"CSV UTF-8\" för att slippa meddelandet",
        "nothing to do; save as \"CSV UTF-8\" to silence this note",
    ),
    "table.column_missing": (
        "kolumnen {value} saknas i rubrikraden",
        "the column {value} is missing from the header row",
        "lägg till kolumnen {value} (rubrikerna ska vara: {columns})",
        "add the column {value} (the header should be: {columns})",
    ),
    "table.column_unknown": (
        "okänd kolumn \"{value}\" – dess värden används inte",
        "unknown column \"{value}\": its values are not used",
        "byt namn till en av {columns} eller ta bort kolumnen",
        "rename it to one of {columns} or remove the column",
    ),
    "table.row_length": (
        "raden har {count} fält men rubriken har {expected} (\"{value}\")",
        "the row has {count} fields but the header has {expected} (\"{value}\")",
        "kontrollera avgränsare och citattecken på raden; en avbruten fil kan sakna slutet",
        "check separators and quotes on the line; a truncated file may miss its end",
    ),
    "table.unclosed_quote": (
        "citattecknet stängs aldrig (\"{value}\")",
        "a quote is never closed (\"{value}\")",
        "lägg till det avslutande \" eller ta bort det inledande",
        "add the closing \" or remove the opening one",
    ),
    "schema.invalid": (
        "datapackage.json går inte att läsa ({value})",
        "datapackage.json cannot be read ({value})",
        "rätta JSON-filen eller ta bort den så används standardschemat",
        "fix the JSON file or remove it to use the default schema",
    ),
    # values
    "value.required": (
        "{field} saknas",
        "{field} is empty",
        "fyll i {field}",
        "fill in {field}",
    ),
    "date.invalid": (
        "{field} är inte ett giltigt datum (\"{value}\": {reason})",
        "{field} is not a valid date (\"{value}\": {reason})",
        "skriv det som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ",
        "write it as YYYY-MM-DD, YYYY-MM or YYYY",
    ),
    "value.pair": (
        "{field} ska vara par som nyckel=värde (\"{value}\") – värdet används inte",
        "{field} should hold key=value pairs (\"{value}\"): the value is not used",
        "skriv t.ex. kommunkod=0461; flera par skiljs med ;",
        "write e.g. kommunkod=0461; separate several pairs with ;",
    ),
    "number.invalid": (
        "{field} är inte ett tal (\"{value}\")",
        "{field} is not a number (\"{value}\")",
        "skriv ett tal, t.ex. 401 eller 12,5",
        "write a number, e.g. 401 or 12.5",
    ),
    "id.duplicate": (
        "id \"{value}\" finns redan på rad {first_line}",
        "id \"{value}\" is already used on line {first_line}",
        "ge raden ett eget id",
        "give the row an id of its own",
    ),
    "id.unknown": (
        "{field} pekar på ett okänt id (\"{value}\")",
        "{field} refers to an unknown id (\"{value}\")",
        "använd ett id från {table}{suggestion}",
        "use an id from {table}{suggestion}",
    ),
    "kind.unknown_entity": (
        "okänd sorts enhet (\"{value}\")",
        "unknown entity kind (\"{value}\")",
        "använd en av: {choices}",
        "use one of: {choices}",
    ),
    "kind.unknown_relation": (
        "okänd sorts relation (\"{value}\")",
        "unknown relation kind (\"{value}\")",
        "använd en av: {choices}",
        "use one of: {choices}",
    ),
    "kind.unknown_event": (
        "okänd sorts händelse (\"{value}\")",
        "unknown event kind (\"{value}\")",
        "använd en av: {choices}",
        "use one of: {choices}",
    ),
    "interval.reversed": (
        "valid_to ligger före valid_from (\"{value}\")",
        "valid_to is before valid_from (\"{value}\")",
        "byt plats på datumen eller rätta det ena",
        "swap the dates or correct one of them",
    ),
    "source.missing": (
        "uppgiften saknar källa",
        "the fact has no source",
        "ange minst ett käll-id från sources.csv i kolumnen sources",
        "name at least one source id from sources.csv in the sources column",
    ),
}


UI: dict[str, tuple[str, str]] = {
    "app.title": ("lsgmap – samverkansstrukturen kring RAR", "lsgmap – the collaboration structure around RAR"),
    "cli.error": ("Fel", "Error"),
    "date.not_a_date": ("inte på formen ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ", "not of the form YYYY-MM-DD, YYYY-MM or YYYY"),
    "date.year_range": ("året {year} är orimligt", "the year {year} is out of range"),
    "date.no_such_month": ("månaden {month} finns inte", "month {month} does not exist"),
    "date.no_such_day": ("dag {day} finns inte i {month}", "day {day} does not exist in {month}"),
    "date.reversed_span": ("intervallet slutar innan det börjar", "the interval ends before it starts"),
    "cli.data_not_found": (
        "Hittar ingen datamapp: {path}. Ange --data MAPP eller LSGMAP_DATA.",
        "No dataset folder found: {path}. Pass --data DIR or set LSGMAP_DATA.",
    ),
    "cli.bad_date": (
        "Ogiltigt datum {value!r}: {reason}. Skriv ÅÅÅÅ-MM-DD, t.ex. 2017-03-01.",
        "Invalid date {value!r}: {reason}. Write YYYY-MM-DD, e.g. 2017-03-01.",
    ),
    "cli.dataset_errors": (
        "Datamängden har {count} fel; de berörda raderna hoppas över. Kör 'lsgmap check' för detaljer.",
        "The dataset has {count} errors; the rows concerned are skipped. Run 'lsgmap check' for details.",
    ),
}


def t(key: str, lang: str = "sv", **params: Any) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``params``."""
    sv, en = UI[key]
    text = sv if normalise_lang(lang) == "sv" else en
    return text.format(**params) if params else text


def problem_text(code: str, lang: str = "sv", **params: Any) -> tuple[str, str]:
    """(what is wrong, how to fix it) for a problem code in ``lang``."""
    what_sv, what_en, fix_sv, fix_en = PROBLEMS[code]
    sv = normalise_lang(lang) == "sv"
    what, fix = (what_sv, fix_sv) if sv else (what_en, fix_en)
    params.setdefault("suggestion", "")
    if "reason_key" in params:
        params["reason"] = t(params.pop("reason_key"), lang, **params.pop("reason_params", {}))
    return _format(what, params), _format(fix, params)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(text: str, params: dict[str, Any]) -> str:
    return text.format_map(_Missing(params))
