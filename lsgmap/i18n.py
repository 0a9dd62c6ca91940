"""All Swedish and English text of lsgmap in one place.

``PROBLEMS`` holds the messages of the loader and the checks (what is wrong,
how to fix it); ``UI`` holds every other string of the CLI and the app.

>>> t("app.title", "sv")
'lsgmap – samverkansstrukturen kring RAR'
>>> problem_text("table.missing", "en", value="", file="events.csv")[0]
'the table events.csv is missing'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PROBLEMS", "UI", "Message", "msg", "t", "problem_text", "normalise_lang"]


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
    "table.unreadable": (
        "filen går inte att öppna ({value})",
        "the file cannot be opened ({value})",
        "kontrollera att det är en vanlig fil som du har rätt att läsa",
        "check that it is an ordinary file you may read",
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
    "table.column_duplicate": (
        "kolumnen \"{value}\" finns två gånger i rubrikraden (kolumn {position}); bara den första används",
        "the column \"{value}\" appears twice in the header row (column {position}); only the first is used",
        "ta bort eller byt namn på den andra kolumnen (rubrikerna ska vara: {columns})",
        "remove or rename the second column (the header should be: {columns})",
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
    "date.far": (
        "{field} ligger långt från datasetets övriga datum (\"{value}\", de flesta ligger inom {window})",
        "{field} is far from the dataset's other dates (\"{value}\"; they lie within {window})",
        "kontrollera årtalet (ett skrivfel?); kartans datumväljare visar bara {window}",
        "check the year (a typing mistake?); the map's date controls show only {window}",
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
    "value.enum": (
        "{field} har ett värde som inte är tillåtet (\"{value}\")",
        "{field} has a value that is not allowed (\"{value}\")",
        "använd ett av: {choices}{suggestion}",
        "use one of: {choices}{suggestion}",
    ),
    "value.pattern": (
        "{field} har inte rätt form (\"{value}\")",
        "{field} does not have the right form (\"{value}\")",
        "skriv det så att det följer mönstret {pattern} i datapackage.json",
        "write it so that it follows the pattern {pattern} in datapackage.json",
    ),
    "id.duplicate": (
        "{field} \"{value}\" finns redan på rad {first_line}",
        "{field} \"{value}\" is already used on line {first_line}",
        "ge raden ett värde i {field} som ingen annan rad har",
        "give the row a {field} no other row has",
    ),
    "id.pattern": (
        "{field} innehåller mellanslag eller ; (\"{value}\")",
        "{field} holds a space or ; (\"{value}\")",
        "skriv id:t utan mellanslag och ;, t.ex. med _ mellan orden",
        "write the id without spaces and ;, e.g. with _ between the words",
    ),
    "id.unknown": (
        "{field} pekar på ett okänt id (\"{value}\")",
        "{field} refers to an unknown id (\"{value}\")",
        "använd ett id från {table}{suggestion}",
        "use an id from {table}{suggestion}",
    ),
    "id.rejected": (
        "{field} pekar på \"{value}\", som har fel på {where} och hoppas över",
        "{field} refers to \"{value}\", which has an error at {where} and is skipped",
        "rätta felet på {where} först",
        "fix the error at {where} first",
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
    # checks across facts (lsgmap.dataset.checks)
    "check.relation_outside_lifetime": (
        "relationen {relation} är daterad utanför livstiden för {entity} ({lifetime}) (\"{value}\")",
        "the relation {relation} is dated outside the lifetime of {entity} ({lifetime}) (\"{value}\")",
        "korta av valid_from/valid_to så att de ryms i livstiden för {entity}, eller rätta livstiden i entities.csv",
        "shorten valid_from/valid_to to fit the lifetime of {entity}, or correct the lifetime in entities.csv",
    ),
    "check.relation_outside_lifetime_documented": (
        "relationen {relation} är daterad utanför livstiden för {entity} ({lifetime}) (\"{value}\"); känd motsägelse {conflict}: {topic_sv}",
        "the relation {relation} is dated outside the lifetime of {entity} ({lifetime}) (\"{value}\"); known disagreement {conflict}: {topic_en}",
        "källorna säger olika och båda uppgifterna behålls; se conflicts.csv",
        "the sources disagree and both facts are kept; see conflicts.csv",
    ),
    "check.active_after_event": (
        "{entity} gäller fortfarande efter händelsen {event} ({date}) som avslutade den (valid_to \"{value}\")",
        "{entity} is still valid after the event {event} ({date}) that ended it (valid_to \"{value}\")",
        "sätt valid_to till {last_day}, dagen före händelsen",
        "set valid_to to {last_day}, the day before the event",
    ),
    "check.ended_before_event": (
        "{entity} upphör före händelsen {event} ({date}) som avslutade den (valid_to \"{value}\")",
        "{entity} ends before the event {event} ({date}) that ended it (valid_to \"{value}\")",
        "sätt valid_to till {last_day}, dagen före händelsen, eller rätta händelsens datum",
        "set valid_to to {last_day}, the day before the event, or correct the event date",
    ),
    "check.result_start": (
        "{entity} börjar inte gälla på dagen för händelsen {event} som skapade den (valid_from \"{value}\")",
        "{entity} does not start on the day of the event {event} that created it (valid_from \"{value}\")",
        "sätt valid_from till {date}",
        "set valid_from to {date}",
    ),
    "check.event_originals": (
        "händelsen av sorten {kind} har för få ursprungliga enheter (\"{value}\")",
        "the {kind} event has too few originals (\"{value}\")",
        "ange minst {count} id i kolumnen originals",
        "name at least {count} ids in the originals column",
    ),
    "check.event_results": (
        "händelsen av sorten {kind} har för få resulterande enheter (\"{value}\")",
        "the {kind} event has too few results (\"{value}\")",
        "ange minst {count} id i kolumnen results",
        "name at least {count} ids in the results column",
    ),
    "check.two_owners": (
        "{project} har flera ägare samtidigt, {overlap} (\"{value}\", rad {lines})",
        "{project} has several owners at the same time, {overlap} (\"{value}\", lines {lines})",
        "avsluta den ena ägarrelationen innan den andra börjar, eller för in motsägelsen i conflicts.csv med relationernas id",
        "end one owns relation before the other starts, or record the disagreement in conflicts.csv with the relation ids",
    ),
    "check.two_owners_documented": (
        "{project} har flera ägare samtidigt, {overlap} (\"{value}\", rad {lines}); känd motsägelse {conflict}: {topic_sv}",
        "{project} has several owners at the same time, {overlap} (\"{value}\", lines {lines}); known disagreement {conflict}: {topic_en}",
        "källorna säger olika och båda uppgifterna behålls; se conflicts.csv",
        "the sources disagree and both facts are kept; see conflicts.csv",
    ),
    "check.derived_unsupported": (
        "den härledda relationen \"{value}\" ({kind}) hölls inte av någon av föregångarna ({originals}) dagen före {event}",
        "the derived relation \"{value}\" ({kind}) was not held by any predecessor ({originals}) the day before {event}",
        "lägg till föregångarens relation med källa, eller ange en egen källa och töm derived_from",
        "add the predecessor's relation with a source, or give a source of its own and empty derived_from",
    ),
    "check.budget_total": (
        "budgetraderna för {relation} summerar till {sum}, inte till det angivna (\"{value}\")",
        "the budget lines of {relation} add up to {sum}, not to the stated total (\"{value}\")",
        "rätta beloppen i budget.csv eller totalen i relationens attributes",
        "correct the amounts in budget.csv or the total in the relation's attributes",
    ),
    "check.quote_not_in_document": (
        "citatet {source} står inte i dokumentet {file} (\"{value}\")",
        "the quote {source} is not in the document {file} (\"{value}\")",
        "skriv citatet ord för ord som i dokumentet (radbrytningar och mellanslag spelar ingen roll), eller rätta vilket dokument det hänvisar till",
        "copy the quote word for word from the document (line breaks and spaces do not matter), or correct which document it refers to",
    ),
    "check.only_planned": (
        "bara en plan talar för {fact} (\"{value}\"): den visas som planerad, inte belagd, eftersom en plan inte belägger något efter sitt eget datum",
        "only a plan speaks for {fact} (\"{value}\"): it is shown as planned, not attested, since a plan attests nothing after its own date",
        "lägg till en källa som talar för tiden efter planen (en lägesrapport, ett protokoll), eller låt uppgiften stå kvar som planerad",
        "add a source that speaks for the time after the plan (a status report, minutes), or keep the fact as planned",
    ),
    "check.plan_past_date": (
        "planen {source} sägs tala för {value}, efter sitt dokuments datum ({date}, {document}); en plan belägger inget efter sitt eget datum",
        "the plan {source} is said to speak for {value}, after its document's date ({date}, {document}); a plan attests nothing after its own date",
        "ta bort perioden (planen talar för sitt dokuments period) eller ange en period som slutar senast {date}",
        "remove the period (the plan speaks for its document's period) or give a period ending on {date} at the latest",
    ),
    "check.public_quote": (
        "{source} återges som ett ordagrant citat av {document}, en offentlig källa vars text inte följer med datamängden",
        "{source} is given as a word-for-word quote of {document}, a public source whose text is not shipped with the dataset",
        "skriv form=paraphrase i sources.csv, eller lägg sidans text i documents/ så att citatet kan kontrolleras",
        "write form=paraphrase in sources.csv, or ship the page's text in documents/ so that the quote can be checked",
    ),
    "check.never_attested": (
        "ingen källa talar för {fact} på något datum (\"{value}\")",
        "no source speaks for {fact} on any date (\"{value}\")",
        "ange vilken period källan talar för (kolumnen period i documents.csv eller sources.csv), ange både start- och slutdatum om källan säger dem, eller låt uppgiften stå kvar som obelagd",
        "state the period the source speaks for (the period column of documents.csv or sources.csv), give both start and end dates if the source states them, or keep the fact as unattested",
    ),
    "check.quote_bad_date": (
        "citatet {source} innehåller ett datum som inte finns (\"{value}\": {reason})",
        "the quote {source} contains a date that does not exist (\"{value}\": {reason})",
        "citatet ska stå som i dokumentet; se till att uppgiften som bygger på det använder ett giltigt datum",
        "keep the quote as the document has it; make sure the fact built on it uses a valid date",
    ),
    "conflict.documented": (
        "källorna säger olika (\"{value}\"): {topic_sv} Uppgifter: {facts}",
        "the sources disagree (\"{value}\"): {topic_en} Facts: {facts}",
        "båda uppgifterna behålls med sina källor ({sources})",
        "both facts are kept with their sources ({sources})",
    ),
    # stories (lsgmap.dataset.stories)
    "story.unknown_token": (
        "{field} nämner något okänt (\"{value}\") – det hoppas över",
        "{field} names something unknown (\"{value}\"): it is skipped",
        "använd ett id från entities.csv eller relations.csv, en sorts enhet eller relation, eller *{suggestion}",
        "use an id from entities.csv or relations.csv, an entity or relation kind, or *{suggestion}",
    ),
    "story.not_valid": (
        "\"{value}\" finns inte den {date} och visas inte i steget",
        "\"{value}\" does not exist on {date} and is not shown in the step",
        "ändra stegets datum eller ta bort id:t",
        "change the step's date or remove the id",
    ),
    "story.missing_file": (
        "berättelsen \"{value}\" har ingen fil {file}",
        "the story \"{value}\" has no file {file}",
        "lägg filen i mappen stories/ eller ta bort raden",
        "put the file in the stories/ folder or remove the row",
    ),
    # editing (lsgmap/edit)
    "edit.no_source": (
        "ändringen av \"{value}\" anger ingen källa",
        "the change to \"{value}\" names no source",
        "välj minst en källa (ett citat ur ett dokument), eller lägg först till dokumentet och citatet",
        "choose at least one source (a quote from a document), or first add the document and the quote",
    ),
    "edit.id_taken": (
        "id \"{value}\" finns redan",
        "the id \"{value}\" is already taken",
        "välj ett annat id, eller ändra den befintliga raden",
        "choose another id, or change the existing row",
    ),
    "edit.no_such_row": (
        "det finns ingen rad med id \"{value}\"",
        "there is no row with the id \"{value}\"",
        "välj ett id ur listan",
        "choose an id from the list",
    ),
    "edit.unknown_column": (
        "kolumnen \"{value}\" finns inte i tabellen",
        "the column \"{value}\" is not in the table",
        "använd tabellens kolumner (se datapackage.json)",
        "use the table's columns (see datapackage.json)",
    ),
    "edit.control_character": (
        "fältet {field} i \"{value}\" innehåller ett osynligt styrtecken",
        "the field {field} of \"{value}\" holds an invisible control character",
        "skriv in texten igen utan att klistra in styrtecken (bara radbrytningar och tabbar får stå kvar)",
        "type the text again without pasting control characters (only line breaks and tabs may stay)",
    ),
    "check.self_relation": (
        "relationen {relation} går från \"{value}\" till sig själv",
        "the relation {relation} goes from \"{value}\" to itself",
        "rätta from_id eller to_id på raden, eller ta bort raden",
        "correct from_id or to_id on the row, or remove the row",
    ),
    "edit.self_relation": (
        "\"{value}\" kan inte ha en relation till sig själv",
        "\"{value}\" cannot have a relation to itself",
        "välj en annan aktör i fältet {field}",
        "choose another actor in the field {field}",
    ),
    "edit.empty": (
        "ändringen ändrar ingenting",
        "the change changes nothing",
        "fyll i vad som ska ändras",
        "fill in what is to change",
    ),
    "edit.nothing_to_undo": (
        "det finns ingen ändring att ångra",
        "there is no change to undo",
        "ändringsloggen är tom",
        "the change log is empty",
    ),
    "edit.undo_not_last": (
        "ändring {value} är inte längre den senaste (den senaste är {last})",
        "change {value} is no longer the last one (the last is {last})",
        "läs ändringsloggen igen; ångra bara om den senaste ändringen ska bort",
        "read the change log again; undo only if the last change is to go",
    ),
    "edit.no_originals": (
        "händelsen \"{value}\" behöver minst en föregångare",
        "the event \"{value}\" needs at least one predecessor",
        "välj de enheter som upphör i händelsen",
        "choose the entities that end in the event",
    ),
    "edit.no_results": (
        "händelsen \"{value}\" behöver minst en efterföljare",
        "the event \"{value}\" needs at least one successor",
        "välj eller lägg till den enhet som bildas",
        "choose or add the entity that is formed",
    ),
    "edit.bad_date": (
        "datumet \"{value}\" går inte att läsa ({reason})",
        "the date \"{value}\" cannot be read ({reason})",
        "skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ",
        "write YYYY-MM-DD, YYYY-MM or YYYY",
    ),
    "edit.unknown_event_kind": (
        "\"{value}\" är ingen känd händelsetyp",
        "\"{value}\" is not a known kind of event",
        "välj en av: {known}",
        "choose one of: {known}",
    ),
    "import.changed_meanwhile": (
        "raden \"{value}\" har ändrats i datamängden sedan arbetsboken skrevs, och arbetsboken ändrar den också ({field})",
        "the row \"{value}\" has changed in the dataset since the workbook was written, and the workbook changes it too ({field})",
        "exportera en ny arbetsbok (lsgmap export --format xlsx), för in din ändring där och läs in den igen",
        "export a new workbook (lsgmap export --format xlsx), make your change there and import it again",
    ),
    "import.duplicate_id": (
        "id \"{value}\" står på flera rader",
        "the id \"{value}\" is on several rows",
        "ge varje rad ett eget id",
        "give each row an id of its own",
    ),
    "import.unknown_table": (
        "\"{value}\" är ingen tabell i datamängden",
        "\"{value}\" is not a table of the dataset",
        "döp filen efter en tabell: {suggestion}",
        "name the file after a table: {suggestion}",
    ),
    "import.unreadable": (
        "filen går inte att läsa ({value})",
        "the file cannot be read ({value})",
        "spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen",
        "save it as an Excel workbook (.xlsx) or CSV and try again",
    ),
    "story.no_steps": (
        "berättelsen \"{value}\" har inga användbara steg",
        "the story \"{value}\" has no usable step",
        "fyll i minst en rad med step, title_sv och date",
        "fill in at least one row with step, title_sv and date",
    ),
}


UI: dict[str, tuple[str, str]] = {
    # -- ask: free-text questions (lsgmap/ask.py, lsgmap/cli/ask.py) --
    "ask.understood_as": ("Tolkat som: {text}.", "Understood as: {text}."),
    "ask.too_long": (
        "Frågan är för lång ({length} tecken; högst {max}). Ställ en kortare fråga, till exempel \"Vem styr TUNA i december 2016?\"",
        "The question is too long ({length} characters; at most {max}). Ask a shorter one, for example \"Who steers TUNA in December 2016?\"",
    ),
    "ask.too_long_short": ("för lång fråga", "question too long"),
    "ask.not_understood_short": ("frågan gick inte att förstå", "the question could not be understood"),
    "ask.not_understood": (
        "Jag förstod inte frågan.",
        "I did not understand the question.",
    ),
    "ask.unknown_name": (
        "Jag hittar inget namn i frågan som finns i datan ({names}).",
        "I find no name in the question that is in the data ({names}).",
    ),
    "ask.did_you_mean": ("Menade du: {names}?", "Did you mean: {names}?"),
    "ask.can_answer": ("Jag kan svara på frågor som:", "I can answer questions like:"),
    "ask.kind_relation": (
        "Vem styr / äger / finansierar / anställer TUNA? Vilka är uppdragsgivare till processledaren? Vad styr LSG Nyköping?",
        "Who steers / owns / funds / employs TUNA? Who commissions the process leader? What does LSG Nyköping steer?",
    ),
    "ask.kind_responsible": ("Vem ansvarar för IBIS?", "Who is responsible for IBIS?"),
    "ask.kind_chain": (
        "Ansvarskedjan för TRIS upp till RAR? Hur hänger Ida Malmberg ihop med LSG Trosa?",
        "The chain from TRIS up to RAR? How is Ida Malmberg connected to LSG Trosa?",
    ),
    "ask.kind_lineage": ("Vad hände med LSG Gnesta? Vad slogs LSG Trosa samman med?", "What happened to LSG Gnesta? What did LSG Trosa merge into?"),
    "ask.kind_amount": ("Hur mycket finansierar RAR processledaren 2017?", "How much does RAR fund the process leader in 2017?"),
    "ask.kind_list": (
        "Vilka LSG finns i december 2016? Vilka projekt finns 2017? Vilka är medlemmar i RAR? (datum: \"den 1 mars 2017\", \"2017\", \"efter sammanslagningen\")",
        "Which LSGs exist in December 2016? Which projects exist in 2017? Who are the members of RAR? (dates: \"on 1 March 2017\", \"2017\", \"after the merger\")",
    ),
    "ask.no_answers": ("Inga svar i datan för det datumet.", "No answers in the data for that date."),
    "ask.paths_header": ("Kedjor ({count}):", "Chains ({count}):"),
    "ask.more_paths": ("… och {count} till (--json visar alla)", "… and {count} more (--json shows all)"),
    "ask.valid_since": ("fr.o.m. {date}", "from {date}"),
    "ask.valid_until": ("t.o.m. {date}", "until {date}"),
    "ask.valid_open": ("inga datum i källan", "no dates in the source"),
    "ask.sources": ("Källor", "Sources"),
    "ask.no_sources": ("Ingen källa angiven", "No source given"),
    "ask.amount_year": ("Summa {year}: {total} tkr", "Total {year}: {total} tkr"),
    "ask.amount_total": ("Totalt: {total} tkr", "Total: {total} tkr"),
    "ask.amount_none": ("Inga budgetrader i datan för det.", "No budget lines in the data for that."),
    "ask.basis_none": ("ej angivet om beloppet är ansökt, beviljat eller utfall", "not stated whether applied for, granted or actual"),
    "ask.conflict": ("Motstridiga källor: {text}", "Conflicting sources: {text}"),
    "ask.none_attested_last": (
        "Ingen källa talar för {span}. Svaren nedan är vad datan vet; senast belagt {date}.",
        "No source speaks for {span}. The answers below are what the data knows; last attested {date}.",
    ),
    "ask.none_attested_first": (
        "Ingen källa talar för {span}. Svaren nedan är vad datan vet; först belagt {date}.",
        "No source speaks for {span}. The answers below are what the data knows; first attested {date}.",
    ),
    "ask.none_attested_never": (
        "Ingen källa talar för {span}, och svaren nedan är inte belagda för något datum.",
        "No source speaks for {span}, and the answers below are not attested for any date.",
    ),
    "ask.on_day": ("den {day}", "on {day}"),
    "ask.during": ("under {span}", "during {span}"),
    "ask.date_from_question": ("datum ur frågan: \"{text}\"", "date from the question: \"{text}\""),
    "ask.date_from_event": ("\"{text}\": {event}, {day}", "\"{text}\": {event}, {day}"),
    "ask.date_from_option": ("valt datum", "the chosen date"),
    "ask.date_today": ("dagens datum", "today's date"),
    "ask.when": ("{when} ({note})", "{when} ({note})"),
    "ask.valid_span": ("{start} – {end}", "{start} – {end}"),
    "ask.i_assignments_to": ("vilka uppdrag {name} har fått, och av vem", "which assignments {name} was given, and by whom"),
    "ask.i_assignments_from": ("vilka uppdrag {name} har gett, och till vem", "which assignments {name} gave, and to whom"),
    "ask.lead_assignments_to": ("Uppdrag till {name}:", "Assignments to {name}:"),
    "ask.lead_assignments_from": ("Uppdrag från {name}:", "Assignments from {name}:"),
    "ask.i_holders": ("vem {verb} {name}", "who {verb} {name}"),
    "ask.i_targets": ("vad {name} {verb}", "what {name} {verb}"),
    "ask.lead_holders": ("{name} {inverse}:", "{name} {inverse}:"),
    "ask.lead_targets": ("{name} {verb}:", "{name} {verb}:"),
    "ask.verb_responsible": ("ansvarar för", "is responsible for"),
    "ask.inverse_responsible": ("ägs eller styrs av", "is owned or steered by"),
    "ask.i_exists": ("om {name} fanns", "whether {name} existed"),
    "ask.lead_exists_unattested": (
        "Ja enligt datan, men ingen källa talar för den tiden:",
        "Yes as far as the data goes, but no source speaks for that time:",
    ),
    "ask.i_changes": ("vad som ändrades för {name} från {start} till {end}", "what changed for {name} from {start} to {end}"),
    "ask.lead_changes": ("Ändringar:", "Changes:"),
    "ask.no_changes": ("Inget ändrades för {name} från {start} till {end}.", "Nothing changed for {name} from {start} to {end}."),
    "ask.changes_unattested": ("Inte längre belagda (ingen källa talar för dem {end}, vilket inte betyder att de har upphört):", "No longer attested (no source speaks for them on {end}, which does not mean they ended):"),
    "ask.i_budget_item": ("hur mycket {item} är i budgeten för {funder} till {target}{year}", "how much {item} is in the budget of {funder} for {target}{year}"),
    "ask.i_between": ("om {a} {verb} {b}", "whether {a} {verb} {b}"),
    "ask.lead_yes": ("Ja:", "Yes:"),
    "ask.no_between": ("Nej, inte enligt datan: ingen sådan relation mellan {a} och {b} det datumet.", "No, not in the data: no such relation between {a} and {b} on that date."),
    "ask.i_chain": ("ansvarskedjan från {name} upp till {root}", "the accountability chain from {name} up to {root}"),
    "ask.no_chain": ("Ingen kedja från {name} upp till {root} det datumet.", "No chain from {name} up to {root} on that date."),
    "ask.i_paths": ("hur {a} och {b} hänger ihop", "how {a} and {b} are connected"),
    "ask.no_paths": ("Ingen förbindelse det datumet (högst 5 steg).", "No connection on that date (at most 5 steps)."),
    "ask.i_when_attribute": ("när {what} var ({name})", "when the {what} was ({name})"),
    "ask.when_attribute": ("Datum för {what}: {date} ({name}) [{sources}]", "Date of the {what}: {date} ({name}) [{sources}]"),
    "ask.i_when": ("när det hände: {names}", "when it happened: {names}"),
    "ask.lead_when": ("Det hände:", "It happened:"),
    "ask.when_decided": ("{event}: gäller från {date}, beslutat {decided}", "{event}: in effect from {date}, decided {decided}"),
    "ask.i_lineage": ("vad som hände med {name} (sammanslagningar, namnbyten)", "what happened to {name} (mergers, renames)"),
    "ask.lead_lineage": ("Genom händelser:", "Through events:"),
    "ask.no_lineage": ("Inga händelser (sammanslagning, namnbyte …) i datan för {name}.", "No events (merger, rename …) in the data for {name}."),
    "ask.i_amount": ("hur mycket {funder} finansierar {target}{year}", "how much {funder} funds {target}{year}"),
    "ask.any_funder": ("alla finansiärer", "all funders"),
    "ask.in_year": (" år {year}", " in {year}"),
    "ask.lead_relations": ("Finansiering:", "Funding:"),
    "ask.i_count_holders": ("hur många {kinds} ({verb} …)", "how many {kinds} ({verb} …)"),
    "ask.i_count": ("hur många: {question}", "how many: {question}"),
    "ask.i_existing": ("vilka {kinds} som finns", "which {kinds} exist"),
    "ask.lead_existing": ("{count} st:", "{count}:"),
    "ask.i_about": ("allt om {name}", "everything about {name}"),
    "ask.lead_about": ("Relationer:", "Relations:"),
    "ask.not_existing": ("{name} fanns inte {span} (giltig: {valid}).", "{name} did not exist on {span} (valid: {valid})."),
    "ask.became": ("Gick upp i {names} ({day}).", "Became {names} ({day})."),
    "ask.came_from": ("Bildades ur {names} ({day}).", "Was formed from {names} ({day})."),
    "ask.bad_date": (
        "Datumet i \"{names}\" finns inte. Skriv t.ex. \"den 1 mars 2017\", \"2017-03-01\", \"i december 2016\" eller \"2017\".",
        "The date in \"{names}\" does not exist. Write e.g. \"on 1 March 2017\", \"2017-03-01\", \"in December 2016\" or \"2017\".",
    ),
    "ask.fuzzy_name": ("(\"{text}\" tolkat som {name})", "(\"{text}\" read as {name})"),
    "ask.read_as": (
        "(\"{text}\" tolkat som {name}: {other} har ingen sådan relation)",
        "(\"{text}\" read as {name}: {other} has no such relation)",
    ),
    "ask.any_association": ("ett samordningsförbund", "a coordination association"),
    "app.title": ("lsgmap – samverkansstrukturen kring RAR", "lsgmap – the collaboration structure around RAR"),
    # -- app part 1: map and compare (lsgmap/app/karta.py, jamfor.py, common.py) --
    "app.nav.karta": ("Karta", "Map"),
    "app.nav.jamfor": ("Jämför", "Compare"),
    "app.date": ("Datum", "Date"),
    "app.date_input": ("Gå till datum", "Go to date"),
    "app.prev_change": ("◀ Föregående ändring", "◀ Previous change"),
    "app.next_change": ("Nästa ändring ▶", "Next change ▶"),
    "app.timeline_caption": ("Strecken är ändringsdatum, prickarna händelser; den röda linjen är valt datum.", "Ticks are change dates, dots are events; the red line is the chosen date."),
    "app.kinds": ("Slag av aktörer", "Entity kinds"),
    "app.relations": ("Slag av relationer", "Relation kinds"),
    "app.date_placeholder": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    "app.date_input_help": ("Skriv ett datum och tryck Enter ({first} – {last}).", "Type a date and press Enter ({first} – {last})."),
    "app.date_bad": ("\"{value}\" är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2017-01-01, och tryck Enter.",
                     "\"{value}\" is not a date: type YYYY-MM-DD, e.g. 2017-01-01, and press Enter."),
    "app.scope.choose": ("Samordningsförbund", "Coordination association"),
    "app.scope.option": ("{name} ({count} aktörer)", "{name} ({count} actors)"),
    "app.scope.pick": (
        "Datamängden har {count} samordningsförbund och {entities} aktörer. Välj ett förbund i menyn eller i tabellen, så visas dess del.",
        "The dataset has {count} coordination associations and {entities} actors. Choose one in the menu or the table to see its part.",
    ),
    "app.scope.col.name": ("Samordningsförbund", "Association"),
    "app.scope.col.entities": ("Aktörer", "Actors"),
    "app.scope.col.lsgs": ("LSG", "LSGs"),
    "app.scope.col.events": ("Händelser", "Events"),
    "app.scope.col.first": ("Första händelse", "First event"),
    "app.scope.col.last": ("Senaste händelse", "Last event"),
    "app.search_others": ("Visar {shown}. Sökningen passar också: {others} (skriv mer av namnet för att välja).",
                          "Showing {shown}. The search also matches: {others} (type more of the name to choose)."),
    "app.search_placeholder": ("t.ex. LSG Trosa eller TRIS", "e.g. LSG Trosa or TRIS"),
    "app.choose_options": ("Välj en eller flera …", "Choose one or more …"),
    "app.choose_one": ("Välj …", "Choose …"),
    "app.search": ("Sök aktör (visar den och dess grannar)", "Search entity (shows it and its neighbours)"),
    "app.search_none": ("Ingen aktör på {date} matchar \"{value}\".", "No entity on {date} matches \"{value}\"."),
    "app.search_hint": ("Menade du: {names}?", "Did you mean: {names}?"),
    "app.hide_persons": ("Dölj personnamn (visa rollen)", "Hide person names (show the role)"),
    "app.attested_only": ("Visa bara belagda uppgifter", "Show attested facts only"),
    "app.attested_only_help": (
        "Dölj aktörer och relationer som ingen källa talar för på det valda datumet (på kartan, i detaljerna och i nedladdningarna).",
        "Hide entities and relations no source speaks for on the chosen date (on the map, in the details and in the downloads).",
    ),
    "app.attested_hidden": ("De är dolda.", "They are hidden."),
    "app.col.note": ("Anmärkning", "Note"),
    "app.col.form": ("Återgivning", "Rendering"),
    "app.tools": ("Sök och filter", "Search and filters"),
    "app.page_missing": ("Det finns ingen sida ”/{path}”. Här är {page}.", "There is no page “/{path}”. Here is {page}."),
    "app.tools_active": ("Sök och filter ({n})", "Search and filters ({n})"),
    "app.details": ("Detaljer för aktör", "Details for entity"),
    "app.details_none": ("(ingen vald)", "(none chosen)"),
    "app.details_kind": ("{kind}, giltig {validity}", "{kind}, valid {validity}"),
    "app.no_relations": ("Inga relationer detta datum.", "No relations on this date."),
    "app.col.relation": ("Relation", "Relation"),
    "app.col.valid": ("Giltig", "Valid"),
    "app.col.sources": ("Källor", "Sources"),
    "app.col.quote": ("Citat", "Quote"),
    "app.col.kind": ("Slag", "Kind"),
    "app.col.name": ("Namn", "Name"),
    "app.legend": ("Teckenförklaring", "Legend"),
    "app.summary": ("{nodes} aktörer och {edges} relationer den {date}", "{nodes} entities and {edges} relations on {date}"),
    "app.problems": (
        "Datamängden har {errors} fel och {warnings} anmärkningar; rader med fel hoppas över. Kör 'lsgmap check' för detaljer.",
        "The dataset has {errors} errors and {warnings} notes; rows with errors are skipped. Run 'lsgmap check' for details.",
    ),
    "app.problems_details": ("Visa problemen (fil:rad)", "Show the problems (file:line)"),
    "app.data_missing": (
        "Hittar ingen datamapp: {path}. Sätt LSGMAP_DATA till en mapp med CSV-tabellerna.",
        "No dataset folder found: {path}. Set LSGMAP_DATA to a folder with the CSV tables.",
    ),
    "app.data_empty": ("Datamängden har inga aktörer att visa. Se problemen nedan.", "The dataset has no entities to show. See the problems below."),
    "app.bad_param": (
        "Länken hade ett ogiltigt värde för {param} (\"{value}\"); {fallback} används i stället.",
        "The link had an invalid value for {param} (\"{value}\"); {fallback} is used instead.",
    ),
    "app.compare.start": ("Före", "Before"),
    "app.compare.end": ("Efter", "After"),
    "app.compare.page": ("Sida (av {pages})", "Page (of {pages})"),
    "app.compare.page_lines": ("Rad {first}–{last} av {total}", "Lines {first}–{last} of {total}"),
    "app.compare.other_changes": ("Övriga ändringar", "Other changes"),
    "app.compare.quotes": ("Källor och citat", "Sources and quotes"),
    "app.compare.preset": ("Förval", "Preset"),
    "app.compare.preset_none": ("(välj datum själv)", "(choose dates yourself)"),
    "app.compare.preset_event": ("Före / efter: {name} ({date})", "Before / after: {name} ({date})"),
    "app.compare.swapped": ("Datumen var i omvänd ordning och har bytt plats.", "The dates were in reverse order and have been swapped."),
    "app.compare.changes": ("Ändringar", "Changes"),
    "app.compare.no_changes": ("Inga ändringar mellan datumen.", "No changes between the dates."),
    "app.compare.events": ("Händelser mellan datumen", "Events between the dates"),
    "app.compare.no_events": ("Inga händelser mellan datumen.", "No events between the dates."),
    "app.compare.show_all": ("Visa hela strukturen", "Show the whole structure"),
    "app.compare.show_all_help": (
        "Av: kartorna visar det som ändrades mellan datumen och dess grannar, stort nog att läsa. På: allt, i hela kartans lägen.",
        "Off: the maps show what changed between the dates and its neighbours, large enough to read. On: everything, in the whole map's places.",
    ),
    "app.compare.part_shown": (
        "kartorna visar det som ändrades och dess grannar ({count} av {total} enheter)",
        "the maps show what changed and its neighbours ({count} of {total} entities)",
    ),
    "app.compare.whole_unchanged": ("inget ändrades: kartorna visar hela strukturen", "nothing changed: the maps show the whole structure"),
    "app.compare.counts": (
        "{added} tillkomna, {removed} borttagna, {changed} ändrade (aktörer och relationer)",
        "{added} added, {removed} removed, {changed} changed (entities and relations)",
    ),
    "app.mark.added": ("Tillkommen", "Added"),
    "app.mark.removed": ("Borttagen", "Removed"),
    "app.mark.changed": ("Ändrad", "Changed"),
    # what the map says beside a fact (lsgmap.draw.render.fact_notes) and its unattested facts
    "map.conflict": ("Motstridiga källor: {topic}", "Conflicting sources: {topic}"),
    "map.working_name": ("arbetsnamn, inte i källorna", "working name, not in the sources"),
    "map.working_name_short": ("arbetsnamn", "working name"),
    "map.unattested_key": (
        "Blekt och streckat: saknar källa för detta datum",
        "Faded and dashed: no source for this date",
    ),
    "cli.error": ("Fel", "Error"),
    "cli.internal_error": (
        "internt fel i 'lsgmap {command}' ({what}). Kör igen med --debug för detaljer och rapportera felet.",
        "internal error in 'lsgmap {command}' ({what}). Run again with --debug for details and report it.",
    ),
    "cli.out_is_folder": ("det är en mapp", "it is a folder"),
    "date.not_a_date": ("inte på formen ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ", "not of the form YYYY-MM-DD, YYYY-MM or YYYY"),
    "date.year_range": ("året {year} är orimligt", "the year {year} is out of range"),
    "date.no_such_month": ("månaden {month} finns inte", "month {month} does not exist"),
    "date.no_such_day": ("dag {day} finns inte i {month}", "day {day} does not exist in {month}"),
    "date.reversed_span": ("intervallet slutar innan det börjar", "the interval ends before it starts"),
    "cli.file_not_found": ("filen {path} finns inte. Ange sökvägen till en .xlsx- eller .csv-fil.", "the file {path} does not exist. Give the path of an .xlsx or .csv file."),
    "cli.unknown_assoc": (
        "Inget samordningsförbund med id {value!r} i datamängden. Välj ett av: {known}.",
        "No coordination association with the id {value!r} in the dataset. Choose one of: {known}.",
    ),
    "cli.data_not_found": (
        "Hittar ingen datamapp: {path}. Ange --data MAPP eller LSGMAP_DATA.",
        "No dataset folder found: {path}. Pass --data DIR or set LSGMAP_DATA.",
    ),
    # dates at the precision the source gives, and attestation (lsgmap.dates, lsgmap.model.attestation)
    "month.names": (
        "januari februari mars april maj juni juli augusti september oktober november december",
        "January February March April May June July August September October November December",
    ),
    "attested.no": ("saknar källa för detta datum", "no source for this date"),
    "span.starts_later": ("{name} finns först från {date}", "{name} exists only from {date}"),
    "span.ends_earlier": ("{name} finns bara till {date}", "{name} exists only until {date}"),
    "snapshot.legend": ("Utan anmärkning: {document}; annars ({public}), ({plan}) eller saknar källa",
                        "No remark: {document}; else ({public}), ({plan}) or no source"),
    "evidence.document": ("belagd i dokument", "stated in a document"),
    "evidence.public": ("offentlig källa, ej kontrollerad här", "public source, not checked here"),
    "evidence.plan": ("planerat, inte belagt", "planned, not attested"),
    "attested.last": ("senast belagd {date}", "last attested {date}"),
    "attested.first": ("först belagd {date}", "first attested {date}"),
    "attested.never": ("ingen källa talar för något datum", "no source speaks for any date"),
    "attested.count": ("{n} av {m} uppgifter saknar källa för detta datum", "{n} of {m} facts have no source for this date"),
    "attested.derived": ("härledd ur en händelse, inte belagd i någon källa", "derived from an event, not stated by any source"),
    "budget.basis.applied": ("enligt ansökan", "as applied for"),
    "budget.basis.granted": ("beviljat", "as granted"),
    "budget.basis.outcome": ("utfall", "actual outcome"),
    "source.paraphrase": ("sammanfattning, inte citat", "summary, not a quote"),
    "date.default.dataset": ("datamängdens standarddatum: {why}", "the dataset's default date: {why}"),
    "date.default.documents": ("datamängdens nyaste källdokument: {title} ({date})", "the dataset's newest primary document: {title} ({date})"),
    "date.default.today": ("dagens datum: datamängden anger inget standarddatum", "today: the dataset names no default date"),
    "app.default_date": ("Visar {date}: {why}.", "Showing {date}: {why}."),
    "app.to_today": ("Visa i dag", "Show today"),
    "app.to_today_help": ("Byt till dagens datum, {date}", "Switch to today's date, {date}"),
    "cli.on_default": ("Datum {date} ({why}). Välj ett annat med --on.", "Date {date} ({why}). Choose another with --on."),
    "cli.app_missing": (
        "appen behöver Streamlit. Installera med: pip install \"lsgmap[app]\"",
        "the app needs Streamlit. Install it with: pip install \"lsgmap[app]\"",
    ),
    "cli.out_folder_missing": (
        "mappen {folder} finns inte. Skapa den eller välj en annan fil.",
        "the folder {folder} does not exist. Create it or choose another file.",
    ),
    "cli.bad_date": (
        "Ogiltigt datum {value!r}: {reason}. Skriv ÅÅÅÅ-MM-DD, t.ex. 2017-03-01.",
        "Invalid date {value!r}: {reason}. Write YYYY-MM-DD, e.g. 2017-03-01.",
    ),
    # app pages: menu titles (named in lsgmap/app/pages.py)
    "app.nav.fraga": ("Fråga", "Ask"),
    "app.nav.presentera": ("Presentera", "Present"),
    "app.nav.data": ("Data", "Data"),
    # app pages: shared
    "app.download_text": ("Ladda ner svaret som text", "Download the answer as text"),
    "app.download_html": ("Ladda ner bilden som HTML (offline)", "Download the picture as HTML (offline)"),
    "app.image_format": ("Bildformat", "Image format"),
    "app.make_image": ("Gör en bild", "Make an image"),
    "app.download_image": ("Ladda ner {fmt}", "Download {fmt}"),
    # app pages: ask page
    "app.ask.title": ("Fråga", "Ask"),
    "app.ask.question": ("Din fråga (svenska eller engelska)", "Your question (Swedish or English)"),
    "app.ask.placeholder": ("t.ex. Vem styr TUNA egentligen?", "e.g. Who steers TUNA?"),
    "app.ask.on": ("Datum (om frågan inte nämner något)", "Date (unless the question names one)"),
    "app.ask.on_help": (
        "Ett datum i frågan, som \"i december 2016\" eller \"efter sammanslagningen\", gäller före detta.",
        "A date in the question, such as \"in December 2016\" or \"after the merger\", wins over this one.",
    ),
    "app.ask.examples": ("Exempelfrågor – klicka för att fråga:", "Example questions – click to ask:"),
    "app.ask.example_list": (
        "Vem styr TUNA egentligen?|Vilka är uppdragsgivare till processledaren efter sammanslagningen?|Vem ansvarar för IBIS?|Vad hände med LSG Gnesta?|Hur mycket finansierar RAR processledaren 2017?",
        "Who steers TUNA?|Who commissions the process leader after the merger?|Who is responsible for IBIS?|What happened to LSG Gnesta?|How much does RAR fund the process leader in 2017?",
    ),
    "app.ask.picker": ("Välj i stället för att skriva", "Pick instead of typing"),
    "app.ask.pick_relation": ("Vad vill du veta?", "What do you want to know?"),
    "app.ask.pick_entity": ("Om vad / vem?", "About what / whom?"),
    "app.ask.pick_ask": ("Fråga", "Ask"),
    "app.ask.rel.responsible": ("ansvarar för (äger eller styr)", "is responsible for (owns or steers)"),
    "app.ask.rel.chain": ("ansvarskedjan upp till RAR", "the chain of accountability up to RAR"),
    "app.ask.q_relation": ("Vem {verb} {name}?", "Who {verb} {name}?"),
    "app.ask.q_responsible": ("Vem ansvarar för {name}?", "Who is responsible for {name}?"),
    "app.ask.q_chain": ("Ansvarskedjan för {name} upp till RAR?", "The chain of accountability for {name} up to RAR?"),
    "app.ask.empty": ("Skriv en fråga, klicka på ett exempel eller välj ovan.", "Type a question, click an example or pick above."),
    "app.ask.interpretation": ("Tolkning", "Interpretation"),
    "app.ask.did_you_mean": ("Menade du:", "Did you mean:"),
    "app.ask.chain_caption": (
        "Kedjan ({nodes} enheter, {edges} relationer) är markerad den {date}; resten är nedtonat.",
        "The chain ({nodes} entities, {edges} relations) is marked on {date}; the rest is dimmed.",
    ),
    "app.ask.as_text": ("Svaret som text (för protokollet)", "The answer as text (for the minutes)"),
    "app.ask.chains": ("Kedjor ({count})", "Chains ({count})"),
    "app.ask.chain": ("Kedja", "Chain"),
    # app pages: present page
    "app.story.choose": ("Berättelse", "Story"),
    "app.story.prev": ("◀ Föregående", "◀ Previous"),
    "app.story.next": ("Nästa ▶", "Next ▶"),
    "app.story.counter": ("steg {step} av {count}", "step {step} of {count}"),
    "app.story.date": ("Läget den {date}", "As on {date}"),
    "app.story.none": (
        "Det finns inga berättelser. Lägg en CSV-fil per berättelse i {folder}.",
        "There are no stories. Put one CSV file per story in {folder}.",
    ),
    "app.story.problems": ("Berättelserna har {count} anmärkningar", "The stories have {count} notes"),
    # app pages: data page
    "app.data.title": ("Data", "Data"),
    "app.data.search": ("Sök i tabellerna", "Search the tables"),
    "app.data.search_hint": ("t.ex. Trosa, TUNA, r047", "e.g. Trosa, TUNA, r047"),
    "app.rows": ("{shown} av {total} rader", "{shown} of {total} rows"),
    "app.page": ("Sida", "Page"),
    "app.data.budget_country": ("Hela landet: summa per år och post", "The whole country: totals by year and item"),
    "app.page_rows": ("Rad {first}–{last} av {total} (sida {page} av {pages})", "Rows {first}–{last} of {total} (page {page} of {pages})"),
    "app.download_csv": ("Ladda ner CSV", "Download CSV"),
    "app.download_xlsx": ("Ladda ner Excel (XLSX)", "Download Excel (XLSX)"),
    "app.data.csv_style": ("CSV-format", "CSV format"),
    "app.data.csv_style.sv": ("svenskt (; och decimalkomma)", "Swedish (; and decimal comma)"),
    "app.data.csv_style.en": ("engelskt (, och decimalpunkt)", "English (, and decimal point)"),
    "app.tab.entities": ("Enheter", "Entities"),
    "app.tab.relations": ("Relationer", "Relations"),
    "app.tab.events": ("Händelser", "Events"),
    "app.tab.sources": ("Källor", "Sources"),
    "app.tab.check": ("Kontroll", "Check"),
    "app.tab.timeline": ("Tidslinje", "Timeline"),
    "app.tab.budget": ("Budget", "Budget"),
    "app.findings": ("Kontrollen hittade {errors} fel och {warnings} anmärkningar.", "The check found {errors} errors and {warnings} notes."),
    "app.severity.error": ("fel", "error"),
    "app.severity.warning": ("anmärkning", "note"),
    "app.with_relations": ("Visa även relationer", "Show relations too"),
    "app.nothing": ("Inget att visa.", "Nothing to show."),
    "app.no_budget": ("Datamängden har ingen budget.", "The dataset has no budget."),
    "app.total": ("Summa", "Total"),
    "app.col.from": ("Från", "From"),
    "app.col.to": ("Till", "To"),
    "app.col.aliases": ("Andra namn", "Other names"),
    "app.col.line": ("Fil:rad", "File:line"),
    "app.col.subject": ("Vem", "Who"),
    "app.col.object": ("Vad", "What"),
    "app.col.effective": ("Gäller (dag för dag)", "Holds (day by day)"),
    "app.col.date": ("Datum", "Date"),
    "app.col.originals": ("Före", "Before"),
    "app.col.results": ("Efter", "After"),
    "app.col.decided": ("Beslutat", "Decided"),
    "app.col.document": ("Dokument", "Document"),
    "app.col.doc_kind": ("Sort av dokument", "Document kind"),
    "app.col.locator": ("Var i dokumentet", "Where in the document"),
    "app.col.where": ("Fil:rad", "File:line"),
    "app.col.severity": ("Allvar", "Severity"),
    "app.col.what": ("Vad", "What"),
    "app.col.value": ("Värde", "Value"),
    "app.col.fix": ("Åtgärd", "How to fix"),
    "app.col.year": ("År", "Year"),
    "app.col.item": ("Post", "Item"),
    "app.col.amount": ("Belopp (tkr)", "Amount (kSEK)"),
    # exports (lsgmap.draw.export, lsgmap export)
    "export.title": ("Samverkansstrukturen {date}", "The collaboration structure on {date}"),
    "export.compare_title": ("Jämförelse {start} och {end}", "Comparison of {start} and {end}"),
    "export.sources": ("Källor", "Sources"),
    "export.question": ("Fråga", "Question"),
    "export.bad_format": (
        "Okänt format {value!r}. Välj ett av: {choices}.",
        "Unknown format {value!r}. Choose one of: {choices}.",
    ),
    "export.bad_size": (
        "Ogiltig bildstorlek {value!r}. Ange bredd och höjd i pixlar, 100–8000, t.ex. 1600x1000.",
        "Invalid image size {value!r}. Give width and height in pixels, 100–8000, e.g. 1600x1000.",
    ),
    "export.compare_html": (
        "--compare ger en bild; välj --format png eller svg.",
        "--compare makes an image; choose --format png or svg.",
    ),
    "export.written": ("Skrev {path} ({size} byte)", "Wrote {path} ({size} bytes)"),
    "export.cannot_write": (
        "Kan inte skriva {path}: {reason}. Välj en annan fil med --out.",
        "Cannot write {path}: {reason}. Choose another file with --out.",
    ),
    # slides (lsgmap.draw.slides, lsgmap export --story ID --format pptx)
    "slides.unknown_story": (
        "Okänd berättelse {story!r}. Berättelserna: {known}.",
        "Unknown story {story!r}. The stories: {known}.",
    ),
    "slides.no_stories": ("inga (mappen stories/ saknas eller är tom)", "none (the folder stories/ is missing or empty)"),
    "slides.story_needed": (
        "--format pptx gör en bildserie av en berättelse: ange --story ID. Berättelserna: {known}.",
        "--format pptx makes slides of a story: give --story ID. The stories: {known}.",
    ),
    "slides.story_pptx_only": (
        "gäller bara --format pptx (en bildserie av berättelsen). Lägg till --format pptx eller ta bort --story.",
        "applies only to --format pptx (slides of the story). Add --format pptx or leave out --story.",
    ),
    "slides.own_dates": (
        "{option} gäller en karta på ett datum; i en bildserie har varje steg sitt eget datum. Ta bort {option}.",
        "{option} applies to a map on one date; in slides each step has its own date. Leave out {option}.",
    ),
    "slides.no_sources": (
        "Inga källor anges för det steget pekar på.",
        "No sources are given for what this step points at.",
    ),
    "app.download_pptx": ("Ladda ner som PowerPoint", "Download as PowerPoint"),
    # exchange formats (lsgmap.exchange, lsgmap export --format gexf|graphml|jsonld|xlsx)
    "export.map_only": (
        "{option} gäller kartan (html, png, svg); {fmt} är data. Ta bort {option}.",
        "{option} applies to the map (html, png, svg); {fmt} is data. Leave out {option}.",
    ),
    "exchange.description.timeline": (
        "lsgmap: samverkansstrukturen i {path}, alla datum (giltighet som tidsintervall)",
        "lsgmap: the collaboration structure in {path}, all dates (validity as time intervals)",
    ),
    "exchange.description.day": (
        "lsgmap: samverkansstrukturen i {path} den {date}",
        "lsgmap: the collaboration structure in {path} on {date}",
    ),
    "exchange.readme.title": ("lsgmap-arbetsbok: {path}", "lsgmap workbook: {path}"),
    "exchange.readme.scope.timeline": ("Alla datum: varje rad med sin giltighet.", "All dates: every row with its validity."),
    "exchange.readme.scope.day": (
        "Det som gäller den {date}: aktörer och relationer giltiga den dagen, och det de hänvisar till.",
        "What holds on {date}: the entities and relations valid that day, and what they refer to.",
    ),
    "exchange.readme.sheets": (
        "Ett blad per tabell, med samma kolumner som CSV-filerna (datapackage.json). Bladet \"listor - lists\" har de tillåtna "
        "värdena för sort och relation; cellerna har rullgardinslistor med dem.",
        "One sheet per table, with the same columns as the CSV files (datapackage.json). The sheet \"listor - lists\" holds the allowed "
        "values of kinds and relations; the cells offer them as drop-down lists.",
    ),
    "exchange.readme.dates": (
        "Datum är text med den precision källan ger: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD. Tomt valid_from: okänd start; tomt valid_to: okänt slut. "
        "valid_to räknas till och med sista dagen (2018-06 gäller 2018-06-30).",
        "Dates are text at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. Empty valid_from: unknown start; empty valid_to: "
        "unknown end. valid_to includes its last day (2018-06 holds on 2018-06-30).",
    ),
    "exchange.readme.lists": (
        "Listor i en cell skiljs med ; (källor, alias, original, resultat). Varje aktör, relation och händelse anger minst en källa.",
        "Lists in a cell are separated by ; (sources, aliases, originals, results). Every entity, relation and event names at least one source.",
    ),
    "exchange.readme.text": (
        "Text ur data står som text, aldrig som formel.",
        "Text from the data stands as text, never as a formula.",
    ),
    "exchange.readme.columns": ("Kolumner", "Columns"),
    "app.data.exchange": ("Hela datamängden för andra verktyg (alla datum)", "The whole dataset for other tools (all dates)"),
    "app.data.exchange_help": (
        "GEXF: Gephi, med tidslinje · GraphML: yEd, Cytoscape · JSON-LD: länkade data i W3C ORG · XLSX: Excel, en flik per tabell.",
        "GEXF: Gephi, with its timeline · GraphML: yEd, Cytoscape · JSON-LD: linked data in W3C ORG · XLSX: Excel, one sheet per table.",
    ),
    "app.download.gexf": ("Ladda ner GEXF", "Download GEXF"),
    "app.download.graphml": ("Ladda ner GraphML", "Download GraphML"),
    "app.download.jsonld": ("Ladda ner JSON-LD", "Download JSON-LD"),
    "app.download.xlsx": ("Ladda ner arbetsbok (XLSX)", "Download workbook (XLSX)"),
    "cli.dataset_errors": (
        "Datamängden har {count} fel; de berörda raderna hoppas över. Kör 'lsgmap check' för detaljer.",
        "The dataset has {count} errors; the rows concerned are skipped. Run 'lsgmap check' for details.",
    ),
    # -- diff (issue 4) --
    "diff.and": ("och", "and"),
    "diff.reversed": (
        "Startdatumet {start} ligger efter slutdatumet {end}. Ange det tidigare datumet först, t.ex. 2016-12-31 2017-02-01.",
        "The start date {start} is after the end date {end}. Give the earlier date first, e.g. 2016-12-31 2017-02-01.",
    ),
    "diff.summary_more": ("och {count} ändringar till", "and {count} more changes"),
    "diff.event.merger": ("{originals} slogs samman till {results} ({date})", "{originals} merged into {results} ({date})"),
    "diff.event.merger_decided": ("{originals} beslutade ({decided}) att gå samman från {date} till {results}",
                                  "{originals} decided ({decided}) to merge from {date} into {results}"),
    "diff.event_short": ("{kind}: {originals} → {results}", "{kind}: {originals} → {results}"),
    "diff.first_meeting": ("första gemensamma mötet {date}", "first joint meeting {date}"),
    "diff.derived": ("härledd ur händelsen ({event}), inte i någon källa", "derived from the event ({event}), not in any source"),
    "diff.event.split": ("{originals} delades upp i {results} ({date})", "{originals} split into {results} ({date})"),
    "diff.event.rename": ("{originals} bytte namn till {results} ({date})", "{originals} was renamed {results} ({date})"),
    "diff.event.founding": ("{results} bildades ({date})", "{results} was founded ({date})"),
    "diff.event.dissolution": ("{originals} upplöstes ({date})", "{originals} was dissolved ({date})"),
    "diff.event.other": ("{name} ({date})", "{name} ({date})"),
    "diff.moved": ("{subject} {verb} {new} i stället för {old} (från {date})", "{subject} {verb} {new} instead of {old} (from {date})"),
    "diff.node_added": ("Ny: {name} ({kind}, från {date})", "New: {name} ({kind}, from {date})"),
    "diff.node_removed": ("Upphörde: {name} ({kind}, till och med {date})", "Ended: {name} ({kind}, until {date})"),
    "diff.edge_added": ("Ny relation: {relation} (från {date})", "New relation: {relation} (from {date})"),
    "diff.edge_removed": ("Upphörde: {relation} (till och med {date})", "Ended: {relation} (until {date})"),
    "diff.edge_ended_with": ("Upphör när {name} upphör ({date}): {relation}", "Ends as {name} ends ({date}): {relation}"),
    "diff.edge_started_with": ("Ingen startdag i källan, tidigast {date} när {name} börjar: {relation}",
                               "No start date in the source, at the earliest {date} when {name} starts: {relation}"),
    "diff.node_changed": ("Ändrad: {name} berörs av {events}", "Changed: {name} is affected by {events}"),
    "diff.nothing": ("Inga skillnader mellan {start} och {end}.", "No differences between {start} and {end}."),
    "diff.heading": ("Skillnader mellan {start} och {end}", "Differences between {start} and {end}"),
    "diff.unattested": (
        "Inte längre belagda ({count}): ingen källa talar för dem {end}, vilket inte betyder att de har upphört",
        "No longer attested ({count}): no source speaks for them on {end}, which does not mean they have ended",
    ),
    "diff.attested": (
        "Nu belagda ({count}): en källa talar för dem {end} men ingen {start}",
        "Now attested ({count}): a source speaks for them on {end} but none on {start}",
    ),
    "diff.counts": (
        "Aktörer: +{nodes_added} −{nodes_removed} ~{nodes_changed}; relationer: +{edges_added} −{edges_removed} ~{edges_changed}; händelser: {events}",
        "Entities: +{nodes_added} −{nodes_removed} ~{nodes_changed}; relations: +{edges_added} −{edges_removed} ~{edges_changed}; events: {events}",
    ),
    # -- timeline (issue 4) --
    "timeline.heading": ("Tidslinje {start} – {end}", "Timeline {start} – {end}"),
    "timeline.nothing": ("Inga förändringar mellan {start} och {end}.", "No changes between {start} and {end}."),
    "timeline.unattested": (
        "{count} uppgifter har ingen källa från {date} men har inte upphört (lsgmap diff visar vilka)",
        "{count} facts have no source from {date} on but have not ended (lsgmap diff shows which)",
    ),
    # -- report (issue 4) --
    "report.title": ("Lägesrapport: underlag för perioden {start} – {end}", "Status report: material for the period {start} – {end}"),
    "report.generated": (
        "Sammanställt av lsgmap ur datamängden; varje uppgift har sin källa i hakparentes.",
        "Compiled by lsgmap from the dataset; each item gives its source in brackets.",
    ),
    "report.projects": ("Aktuella insatser/projekt per LSG under perioden", "Current projects per LSG in the period"),
    "report.no_projects": ("Inga projekt med en LSG som styrgrupp eller ägare under perioden.", "No project with an LSG as steering group or owner in the period."),
    "report.steered_by": ("styrs av", "steered by"),
    "report.owned_by": ("ägs av", "owned by"),
    "report.funded_by": ("finansieras av", "funded by"),
    "report.assignments": ("Uppdrag från LSG under perioden", "Assignments from the LSGs in the period"),
    "report.all_lsgs": ("samtliga LSG", "all LSGs"),
    "report.no_assignments": ("Inga nya uppdrag under perioden.", "No new assignments in the period."),
    "report.principals": ("Uppdragsgivare under perioden", "Principals in the period"),
    "report.changes": ("Förändringar i strukturen under perioden", "Changes in the structure in the period"),
    "report.no_changes": ("Inga förändringar i strukturen under perioden.", "No changes in the structure in the period."),
    "report.decisions": ("Beslut under perioden som gäller senare", "Decisions taken in the period that take effect later"),
    "report.decision": ("{name}: beslutat {decided}, gäller från {date}", "{name}: decided {decided}, takes effect {date}"),
    "report.funding": ("Finansiering under perioden", "Funding in the period"),
    "report.no_funding": ("Ingen finansiering registrerad för perioden.", "No funding recorded for the period."),
    "report.budget_year": ("{year}: {items}; summa {total} tkr", "{year}: {items}; total {total} kSEK"),
    "report.share": ("andel {share}", "share {share}"),
    "report.as_stated": ("{target}: ”{stated}” ({span})", "{target}: “{stated}” ({span})"),
    "report.public": ("Offentliga källor om perioden", "Public sources on the period"),
    "report.public_intro": (
        "Uppgifter som bara en offentlig källa talar för under perioden; källans text finns inte med, så citaten kontrolleras inte här.",
        "Facts only a public source speaks for in the period; the source's text is not shipped, so its quotes are not checked here.",
    ),
    "report.unattested": ("Uppgifter utan källa för perioden", "Facts with no source for the period"),
    "report.unattested_intro": (
        "Giltiga under perioden enligt datamängden, men ingen källa talar för någon dag i perioden; "
        "därför står de inte ovan. Var och en med sina dokument och den period de talar för.",
        "Valid in the period as far as the dataset goes, but no source speaks for any day of it, "
        "so they are not listed above. Each with its documents and the period they speak for.",
    ),
    "report.no_period": ("ingen period angiven", "no period stated"),
    "report.sources": ("Källor", "Sources"),
    "report.bad_format": (
        "Okänt format {value!r}. Välj md, html eller json.",
        "Unknown format {value!r}. Choose md, html or json.",
    ),
    "check.note": ("Notering", "Note"),
    "check.summary": ("{errors} fel, {warnings} {notes}", "{errors} {errs}, {warnings} {notes}"),
    "check.note_one": ("notering", "note"),
    # -- editing (lsgmap/edit) --
    "edit.derived_note": ("Härlett ur händelsen \"{event}\" (från {rows}).", "Derived from the event \"{event}\" (from {rows})."),
    "edit.action.added": ("tillagd", "added"),
    "edit.action.changed": ("ändrad", "changed"),
    "edit.action.removed": ("borttagen", "removed"),
    "edit.import_summary": ("{added} tillagda, {changed} ändrade, {removed} borttagna rader", "{added} added, {changed} changed, {removed} removed rows"),
    "edit.refused": ("Inget sparat: {count} problem måste rättas först.", "Nothing saved: {count} problems must be fixed first."),
    "edit.saved_as": ("Sparat som ändring {change} (står i ändringsloggen, kan ångras med lsgmap undo).",
                      "Saved as change {change} (in the change log; lsgmap undo undoes it)."),
    "edit.dry_run": ("Inget sparat (--dry-run).", "Nothing saved (--dry-run)."),
    "edit.imported_from": ("Import av {file}", "Import of {file}"),
    "edit.reapplied": ("Datamängden ändrades under tiden ({count} ändringar) i andra rader: ändringen gjordes om på den nya versionen.",
                       "The dataset changed meanwhile ({count} changes) in other rows: the change was re-applied on the new version."),
    "edit.stale": ("Datamängden ändrades under tiden i samma rader ({count}: {rows}). Inget sparat: läs in filen igen och jämför.",
                   "The dataset changed meanwhile in the same rows ({count}: {rows}). Nothing saved: import the file again and compare."),
    "edit.log_empty": ("Ändringsloggen är tom.", "The change log is empty."),
    "edit.undo_why": ("Ångrar {change}", "Undoes {change}"),
    "edit.undone": ("Ändring {change} ångrad (sparat som {saved}).", "Change {change} undone (saved as {saved})."),
    # -- the Redigera page (lsgmap/app/redigera.py, edit_forms.py, edit_save.py) --
    "app.story.full": ("Presentationsläge (dölj menyn)", "Presentation mode (hide the menu)"),
    "app.story.full_help": (
        "Visar bara berättelsen. Styr med → ← PageDown PageUp eller mellanslag (som en presentationsklickare), F för helskärm, Esc för att avsluta.",
        "Shows the story only. Drive it with → ← PageDown PageUp or Space (as a presentation clicker does), F for full screen, Esc to leave.",
    ),
    "app.story.full_exit": ("✕ Avsluta presentationsläge (Esc)", "✕ Leave presentation mode (Esc)"),
    "app.nav.redigera": ("Redigera", "Edit"),
    "app.edit.title": ("Redigera strukturen", "Edit the structure"),
    "app.edit.off": (
        "Redigering är avstängd på den här datorn. Starta appen med `lsgmap app --edit` (eller sätt LSGMAP_EDIT=1) för att kunna ändra data.",
        "Editing is turned off on this computer. Start the app with `lsgmap app --edit` (or set LSGMAP_EDIT=1) to change the data.",
    ),
    "app.edit.cannot_open": ("Datamängden i {path} kan inte öppnas för redigering ({reason}).", "The dataset in {path} cannot be opened for editing ({reason})."),
    "app.edit.where": ("Ändringar sparas i {path} (version {version}) och loggas i changes.csv.", "Changes are saved in {path} (version {version}) and logged in changes.csv."),
    "app.edit.who": ("Vem ändrar (ditt namn)", "Who is changing (your name)"),
    "app.edit.who_placeholder": ("t.ex. Ida Malmberg", "e.g. Ida Malmberg"),
    "app.edit.why": ("Varför (kort)", "Why (briefly)"),
    "app.edit.why_placeholder": ("t.ex. Enligt protokoll 2017-01-23", "e.g. According to the minutes of 2017-01-23"),
    "app.edit.tab.change": ("Ändra", "Change"),
    "app.edit.tab.sheet": ("Kalkylark", "Spreadsheet"),
    "app.edit.tab.log": ("Ändringslogg", "Change log"),
    "app.edit.what": ("Vad vill du göra?", "What do you want to do?"),
    "app.edit.op.entity_add": ("Lägg till aktör/projekt", "Add an actor/project"),
    "app.edit.op.entity_change": ("Ändra aktör/projekt", "Change an actor/project"),
    "app.edit.op.entity_end": ("Avsluta aktör/projekt", "End an actor/project"),
    "app.edit.op.relation_add": ("Lägg till relation", "Add a relation"),
    "app.edit.op.relation_change": ("Ändra relation", "Change a relation"),
    "app.edit.op.relation_end": ("Avsluta relation", "End a relation"),
    "app.edit.op.document": ("Nytt dokument och citat", "New document and quote"),
    "app.edit.op.event": ("Händelse (sammanslagning m.m.)", "Event (merger etc.)"),
    "app.edit.choose_sources": ("Välj en eller flera källor …", "Choose one or more sources …"),
    "app.edit.sources": ("Källor (minst en)", "Sources (at least one)"),
    "app.edit.sources_help": (
        "Citat ur dokument som belägger ändringen. Finns inte dokumentet? Välj först \"Nytt dokument och citat\".",
        "Quotes from documents that support the change. Is the document missing? First choose \"New document and quote\".",
    ),
    "app.edit.date_placeholder": ("ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ)", "YYYY-MM-DD (or YYYY-MM, YYYY)"),
    "app.edit.field.kind": ("Typ", "Kind"),
    "app.edit.field.name_sv": ("Namn (svenska)", "Name (Swedish)"),
    "app.edit.field.name_en": ("Namn (engelska)", "Name (English)"),
    "app.edit.field.short_name": ("Kortnamn", "Short name"),
    "app.edit.field.aliases": ("Andra namn (skilj med ;)", "Other names (separate with ;)"),
    "app.edit.field.valid_from": ("Gäller från", "Valid from"),
    "app.edit.field.valid_to": ("Gäller till och med", "Valid to (inclusive)"),
    "app.edit.field.note": ("Anteckning", "Note"),
    "app.edit.field.relation": ("Relation", "Relation"),
    "app.edit.field.from_id": ("Från (vem)", "From (who)"),
    "app.edit.field.to_id": ("Till (vem eller vad)", "To (whom or what)"),
    "app.edit.field.row_entities": ("Aktör eller projekt", "Actor or project"),
    "app.edit.field.row_relations": ("Relation", "Relation"),
    "app.edit.field.last_day": ("Sista dag", "Last day"),
    "app.edit.field.title": ("Dokumentets titel", "Title of the document"),
    "app.edit.field.document_kind": ("Slag av dokument", "Kind of document"),
    "app.edit.document_kind.public": ("Offentligt (protokoll, beslut, webbsida)", "Public (minutes, decision, web page)"),
    "app.edit.document_kind.seed": ("Internt underlag", "Internal document"),
    "app.edit.field.date": ("Dokumentets datum", "Date of the document"),
    "app.edit.field.period": ("Period det talar för (från/till)", "Period it speaks for (from/to)"),
    "app.edit.field.locator": ("Var i dokumentet (sida, rubrik)", "Where in the document (page, heading)"),
    "app.edit.field.quote": ("Citat", "Quote"),
    "app.edit.document_help": (
        "Dokumentet och citatet sparas som en ändring; citatet blir sedan en källa att välja för andra ändringar.",
        "The document and the quote are saved as one change; the quote then becomes a source to choose for other changes.",
    ),
    "app.edit.field.event_kind": ("Slag av händelse", "Kind of event"),
    "app.edit.field.event_date": ("Datum (första dagen efter händelsen)", "Date (the first day after the event)"),
    "app.edit.field.decided": ("Beslutad (datum eller period)", "Decided (date or period)"),
    "app.edit.field.originals": ("Föregångare (upphör dagen före)", "Predecessors (end the day before)"),
    "app.edit.field.results": ("Befintliga efterföljare", "Existing successors"),
    "app.edit.field.new_successor": ("En ny aktör bildas", "A new actor is formed"),
    "app.edit.proposals": ("Relationer som förs över", "Relations handed on"),
    "app.edit.proposals_help": (
        "Föreslagna ur föregångarnas relationer. Bocka ur det som efterföljaren inte tar över.",
        "Proposed from the predecessors' relations. Untick what the successor does not take over.",
    ),
    "app.edit.proposal": ("{relation} (från {rows})", "{relation} (from {rows})"),
    "app.edit.changed_meanwhile": (
        "Någon annan har ändrat {fields} sedan du öppnade raden. Sparar du skrivs deras värde över med ditt.",
        "Someone else changed {fields} since you opened the row. Saving replaces their value with yours.",
    ),
    "app.edit.incomplete": ("Fyll i formuläret: en förhandsvisning visas när det går att göra en ändring av det.",
                            "Fill in the form: a preview appears once it makes a change."),
    "app.edit.preview": ("Förhandsvisning", "Preview"),
    "app.edit.compare_caption": ("Så här ser strukturen ut efter ändringen, {start} och {end} (som i Jämför):",
                                 "The structure after the change, on {start} and {end} (as in Compare):"),
    "app.edit.focus_caption": ("{name} och dess grannar efter ändringen ({date}):", "{name} and its neighbours after the change ({date}):"),
    "app.edit.notes": ("{count} noteringar (stoppar inte ändringen)", "{count} notes (do not block the change)"),
    "app.edit.save": ("Spara ändringen", "Save the change"),
    "app.edit.saved": ("Sparat som ändring {change}. Den står i ändringsloggen och kan ångras där. Nya noteringar: {notes}.",
                       "Saved as change {change}. It is in the change log and can be undone there. New notes: {notes}."),
    "app.edit.busy": ("Någon annan sparar just nu. Vänta en stund och försök igen; det du skrivit finns kvar.",
                      "Someone else is saving right now. Wait a moment and try again; what you typed is kept."),
    "app.edit.stale": (
        "Inget sparat: datamängden har ändrats sedan du började ({count} ändringar, se nedan). Det du skrivit finns kvar.",
        "Nothing saved: the dataset has changed since you started ({count} changes, see below). What you typed is kept.",
    ),
    "app.edit.stale_same": ("Samma rader ändrades under tiden: {rows}. Kontrollera förhandsvisningen innan du sparar igen.",
                            "The same rows were changed meanwhile: {rows}. Check the preview before saving again."),
    "app.edit.save_again": ("Spara på den nya versionen", "Save on the new version"),
    "app.edit.col.field": ("Fält", "Field"),
    "app.edit.col.table": ("Tabell", "Table"),
    "app.edit.col.row": ("Rad (id)", "Row (id)"),
    "app.edit.col.action": ("Åtgärd", "Action"),
    "app.edit.col.before": ("Före", "Before"),
    "app.edit.col.after": ("Efter", "After"),
    "app.edit.col.change": ("Ändring", "Change"),
    "app.edit.col.when": ("När (UTC)", "When (UTC)"),
    "app.edit.col.who": ("Vem", "Who"),
    "app.edit.col.why": ("Varför", "Why"),
    "app.edit.col.where": ("Var", "Where"),
    "app.edit.sheet_help": (
        "Ladda ner hela datamängden som en Excel-arbetsbok, ändra i den och läs in den här: ändringarna visas rad för rad och sparas som en loggad ändring.",
        "Download the whole dataset as an Excel workbook, edit it and upload it here: the changes are shown row by row and saved as one logged change.",
    ),
    "app.edit.download_xlsx": ("Ladda ner arbetsbok (.xlsx)", "Download workbook (.xlsx)"),
    "app.edit.upload": ("Läs in en ändrad arbetsbok (.xlsx) eller en tabell (.csv)", "Upload an edited workbook (.xlsx) or a table (.csv)"),
    "app.edit.no_changes": ("Filen ändrar ingenting i datamängden.", "The file changes nothing in the dataset."),
    "app.edit.import": ("Spara ändringarna från filen", "Save the changes from the file"),
    "app.edit.undo": ("Ångra senaste ändringen ({change})", "Undo the last change ({change})"),
    "check.note_many": ("noteringar", "notes"),
    "check.error_one": ("fel", "error"),
    "check.error_many": ("fel", "errors"),
}


def t(key: str, lang: str = "sv", **params: Any) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``params``.

    A parameter with a ``render(lang)`` method (a :class:`Message`, an entity's
    name, a vocabulary term) is shown in ``lang`` too.
    """
    sv, en = UI[key]
    text = sv if normalise_lang(lang) == "sv" else en
    if not params:
        return text
    return text.format(**{k: _shown(v, lang) for k, v in params.items()})


def _shown(value: Any, lang: str) -> Any:
    render = getattr(value, "render", None)
    return render(lang) if callable(render) else value


@dataclass(frozen=True)
class Message:
    """A text for people kept as a key and parameters, put into words only when shown, in the language asked for.

    >>> m = msg("diff.reversed", start="2017-02-01", end="2016-12-31")
    >>> m.render("en").startswith("The start date 2017-02-01")
    True
    >>> msg("cli.bad_date", value="2016-13", reason=msg("date.no_such_month", month=13)).render("sv")
    "Ogiltigt datum '2016-13': månaden 13 finns inte. Skriv ÅÅÅÅ-MM-DD, t.ex. 2017-03-01."
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "sv") -> str:
        return t(self.key, lang, **self.params)


def msg(key: str, **params: Any) -> Message:
    """A :class:`Message` for the UI string ``key`` with ``params``."""
    if key not in UI:
        raise KeyError(key)
    return Message(key, params)


#: Characters a value from the data may not bring into a one-line message: control characters, line and bidi marks.
_NOT_ON_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    r"""``text`` with every control, line-break and bidi character written as an escape, so it stays on one line.

    >>> one_line("a\nb\x1b[31m")
    'a\\nb\\x1b[31m'
    """
    if not _NOT_ON_ONE_LINE.search(text):
        return text
    return _NOT_ON_ONE_LINE.sub(lambda m: _ESCAPES.get(m[0]) or (f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}"), text)


def problem_text(code: str, lang: str = "sv", **params: Any) -> tuple[str, str]:
    """(what is wrong, how to fix it) for a problem code in ``lang``; values from the data are escaped to one line."""
    what_sv, what_en, fix_sv, fix_en = PROBLEMS[code]
    sv = normalise_lang(lang) == "sv"
    what, fix = (what_sv, fix_sv) if sv else (what_en, fix_en)
    params = {k: one_line(v) if isinstance(v, str) else v for k, v in params.items()}
    params.setdefault("suggestion", "")
    if "reason_key" in params:
        params["reason"] = t(params.pop("reason_key"), lang, **params.pop("reason_params", {}))
    if "physical_line" in params:  # the row a spreadsheet shows starts on another line of the file (after a multi-line cell)
        what += f" (rad {params['physical_line']} i filen)" if sv else f" (line {params['physical_line']} in the file)"
    return _format(what, params), _format(fix, params)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(text: str, params: dict[str, Any]) -> str:
    return text.format_map(_Missing(params))
