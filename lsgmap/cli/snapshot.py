"""``lsgmap snapshot --on DATE [--json]``: the structure valid on a day."""

from __future__ import annotations

import argparse

from ..vocab import ENTITY_KINDS, RELATION_KINDS
from . import day_or_default, echo, lang_of, load_structure, print_json


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("snapshot", parents=[common], help="strukturen ett visst datum / the structure on a date")
    p.add_argument("--on", metavar="DATE", help="YYYY-MM-DD (default: the dataset's default date)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    structure = load_structure(args)
    day = day_or_default(args, structure)
    snap = structure.snapshot(on=day)
    lang = lang_of(args)
    if args.json:
        print_json(snap.to_json(lang))
        return 0
    echo(snap.on.isoformat())
    for e in sorted(snap.entities(), key=lambda e: (ENTITY_KINDS[e.kind].layer, e.kind, e.id)):
        echo(f"  [{ENTITY_KINDS[e.kind].label(lang)}] {e.name(lang)} ({e.id})")
    for r in sorted(snap.relations(), key=lambda r: (r.relation, r.from_id, r.to_id)):
        verb = RELATION_KINDS[r.relation].verb(lang)
        echo(f"  {structure.name(r.from_id, lang)} {verb} {structure.name(r.to_id, lang)}  [{', '.join(r.sources)}]")
    return 0
