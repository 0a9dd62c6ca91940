"""``lsgmap intake FILE [--json] [--accept all|p1,p2 --who WHO --why WHY] [--dry-run]``: a document read into proposed facts.

Reads a ``.txt``, ``.md``, ``.docx`` or ``.pdf`` against the dataset and prints the period it
speaks for, its kind, the entities it mentions and the proposals, each with its quote.
``--accept`` saves the chosen proposals with the document and its quotes as one logged,
undoable change (``lsgmap undo``). Exit 0 when read (or saved), 1 when the save was
refused, 2 for a file that cannot be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lsgmap.cli.common import echo, lang_of, load_structure, print_json
from lsgmap.cli.edit import _folder, _save, _who, _who_why
from lsgmap.edit import Dataset, EditRefused, StaleEdit
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t
from lsgmap.intake import read
from lsgmap.intake.accept import accepted_change, choose
from lsgmap.intake.text import period_words, proposal_text


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("intake", parents=[common], help="läs in ett dokument som förslag / read a document into proposed facts")
    p.add_argument("file", metavar="FILE", help=".txt, .md, .docx or .pdf")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--accept", metavar="all|p1,p2", help="spara förslagen / save the proposals (all, or their ids)")
    p.add_argument("--dry-run", action="store_true", help="visa vad --accept skulle spara / show what --accept would save")
    _who_why(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    path = Path(args.file)
    if not path.is_file():
        raise InputError(msg("intake.file_not_found", path=path), option="FILE")
    structure = load_structure(args)
    result = read(structure, path)
    if args.accept:
        return _accept(args, structure, result, lang)
    if args.json:
        print_json(result.to_json())
        return 0
    echo(t("intake.document", lang, title=result.title))
    echo(t("intake.kind_period", lang, kind=t(f"intake.kind.{result.kind}", lang), period=period_words(result.period, lang)))
    known = {m["entity_id"] for m in result.mentions if not m["new"]}
    new = ", ".join(n["name"] for n in result.new_entities.values()) or t("intake.none", lang)
    echo(t("intake.mentions", lang, count=len(result.mentions), entities=len(known), new=new))
    echo(t("intake.proposals", lang, count=len(result.proposals)))
    for p in result.proposals:
        echo("  " + proposal_text(structure, result, p, lang))
        echo(f"      \"{p.quote}\"")
    echo(t("intake.how_accept", lang, file=path))
    return 0


def _accept(args: argparse.Namespace, structure, result, lang: str) -> int:
    ds = Dataset(_folder(args))
    try:
        accepted = accepted_change(ds, result, choose(result, args.accept), lang=lang)
        chosen = len(choose(result, args.accept)) - len(accepted.skipped)
        for pid, reason in accepted.skipped:
            echo(t("intake.skipped", lang, id=pid, reason=reason))
        if args.dry_run:
            from lsgmap.cli.edit import ACTION_KEYS

            for rc in accepted.change.rows:
                echo(f"{rc.table}!{rc.id}: {t(ACTION_KEYS[rc.action], lang)}")
            echo(t("edit.dry_run", lang))
            return 0
        why = args.why or t("intake.why_default", lang, file=Path(args.file).name)
        change_id = _save(ds, accepted.change, who=_who(args), why=why, lang=lang)
    except EditRefused as refused:
        for p in refused.problems:
            echo(p.render(lang))
        echo(t("edit.refused", lang, count=len(refused.problems)))
        return 1
    except StaleEdit as stale:
        echo(stale.render(lang))
        return 1
    if args.json:
        print_json({"saved": change_id, "document": accepted.document_id, "accepted": chosen, "sources": accepted.sources,
                    "skipped": [{"id": pid, "reason": reason} for pid, reason in accepted.skipped]})
        return 0
    echo(t("intake.accepted", lang, count=chosen, file=Path(args.file).name, document=accepted.document_id, sources=len(accepted.sources)))
    echo(t("edit.saved_as", lang, change=change_id))
    return 0
