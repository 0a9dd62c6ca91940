"""``lsgmap scenario new|add|list|show|diff|delete``: proposals kept beside the data, never in it.

``new ID --title "…" --on DATE [--by WHO] [--why TEXT]`` creates ``scenarios/ID/``;
``add ID merge A,B --into "NAME" [--kind lsg]``, ``add ID end ID_OR_RELATION``,
``add ID transfer RELATION --to ENTITY`` (and ``split``, ``rename``, ``dissolve``,
``found``, ``add ID add FROM --kind steers --to TO``) append an operation once it
can be applied; ``show ID [--json]`` lists the operations and the consequences;
``diff ID [--json]`` is real vs proposal on its date in ``lsgmap diff``'s shape.
Nothing here writes the real tables. A broken proposal exits 1 with the file,
line and value.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from lsgmap.cli.common import echo, lang_of, load_structure, print_json
from lsgmap.dataset.load import default_data_path
from lsgmap.dataset.scenarios import OPERATIONS, Operation
from lsgmap.errors import InputError
from lsgmap.i18n import msg, t
from lsgmap.scenario import add_operation, apply, consequences, delete_scenario, get_scenario, list_scenarios, new_scenario
from lsgmap.scenario.compare import scenario_diff, scenario_diff_json
from lsgmap.scenario.present import operation_lines
from lsgmap.time.diff_text import change_lines


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("scenario", parents=[common], help="förslag och deras konsekvenser / proposals and their consequences")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = inner.add_parser("new", parents=[common], help="ett nytt förslag / a new proposal")
    q.add_argument("id", metavar="ID")
    q.add_argument("--title", required=True)
    q.add_argument("--title-en", default="")
    q.add_argument("--on", required=True, metavar="DATE", help="dagen det skulle gälla från / the day it would take effect")
    q.add_argument("--by", default="", metavar="WHO")
    q.add_argument("--why", default="", metavar="TEXT")
    q.set_defaults(run=run_new)
    q = inner.add_parser("add", parents=[common], help="lägg till en ändring i förslaget / add an operation to the proposal")
    q.add_argument("id", metavar="ID")
    q.add_argument("operation", choices=OPERATIONS)
    q.add_argument("targets", metavar="IDS", nargs="?", default="", help="id:n åtskilda med komma / ids separated by commas")
    q.add_argument("--into", default="", metavar="NAME", help="den nya enhetens namn (merge, rename, found; split: NAME1;NAME2)")
    q.add_argument("--kind", default="", help="den nya enhetens sort, eller relationens (add) / the new entity's kind, or the relation kind (add)")
    q.add_argument("--to", default="", metavar="ENTITY", help="vem som tar över (transfer) / who takes over (transfer); the target (add)")
    q.add_argument("--note", default="")
    q.set_defaults(run=run_add)
    q = inner.add_parser("list", parents=[common], help="förslagen / the proposals")
    q.add_argument("--json", action="store_true", help="JSON output")
    q.set_defaults(run=run_list)
    for name, run, what in (("show", run_show, "ändringar och konsekvenser / operations and consequences"),
                            ("diff", run_diff, "i dag mot förslaget / today against the proposal")):
        q = inner.add_parser(name, parents=[common], help=what)
        q.add_argument("id", metavar="ID")
        q.add_argument("--json", action="store_true", help="JSON output")
        q.set_defaults(run=run)
    q = inner.add_parser("delete", parents=[common], help="ta bort förslaget / delete the proposal")
    q.add_argument("id", metavar="ID")
    q.set_defaults(run=run_delete)


def _folder(args: argparse.Namespace) -> Path:
    folder = Path(args.data) if getattr(args, "data", None) else default_data_path()
    if not folder.is_dir():
        raise InputError(msg("cli.data_not_found", path=folder))
    return folder


def run_new(args: argparse.Namespace) -> int:
    s = new_scenario(_folder(args), args.id, title=args.title, on=args.on, by=args.by, why=args.why, title_en=args.title_en)
    echo(t("scenario.cli.created", lang_of(args), id=s.id, folder=s.folder))
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Append the operation only if the proposal with it can still be applied (the check is the application itself)."""
    folder, lang = _folder(args), lang_of(args)
    targets = [x.strip() for x in args.targets.replace(";", ",").split(",") if x.strip()]
    scenario = get_scenario(folder, args.id)
    trial = Operation(len(scenario.operations) + 1, args.operation, tuple(targets), args.into, args.kind, args.to, args.note)
    structure = load_structure(args)
    apply(structure, replace(scenario, operations=(*scenario.operations, trial)))  # raises, naming what is wrong
    s = add_operation(folder, args.id, args.operation, targets, name_sv=args.into, kind=args.kind, to=args.to, note=args.note)
    echo(t("scenario.cli.added", lang, id=s.id, count=len(s.operations)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    found = list_scenarios(_folder(args))
    lang = lang_of(args)
    if args.json:
        print_json([{"id": s.id, "title": s.title(lang), "on": s.on_iso, "by": s.by, "operations": len(s.operations)} for s in found])
        return 0
    if not found:
        echo(t("scenario.cli.none", lang))
    for s in found:
        echo(f"{s.id}  {s.on_iso}  {s.title(lang)}  ({t('scenario.cli.count', lang, count=len(s.operations))})")
    return 0


def _applied(args: argparse.Namespace):
    real = load_structure(args)
    return real, apply(real, args.id)


def run_show(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    real, proposal = _applied(args)
    s = proposal.scenario
    found = consequences(real, proposal)
    if args.json:
        print_json({"id": s.id, "title": s.title(lang), "on": s.on_iso, "by": s.by, "why": s.why,
                    "operations": [op.to_json() for op in s.operations], "consequences": [c.to_json(lang) for c in found]})
        return 0
    echo(t("scenario.map_title", lang, title=s.title(lang), date=s.on_iso))
    echo(t("scenario.about", lang, by=s.by or "–", why=s.why or "–"))
    echo("")
    echo(t("scenario.operations", lang) + ":")
    for line in operation_lines(proposal, lang):
        echo(f"  {line}")
    echo("")
    echo(t("scenario.consequences", lang) + ":")
    last = None
    for c in found:
        name = c.params["entity"][lang]
        if name != last:
            echo(f"  {name}")
            last = name
        echo(f"    · {c.text(lang)}")
    if not found:
        echo(f"  {t('scenario.no_consequences', lang)}")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    real, proposal = _applied(args)
    if args.json:
        print_json(scenario_diff_json(real, proposal, lang))
        return 0
    s = proposal.scenario
    echo(t("scenario.cli.diff_heading", lang, title=s.title(lang), date=s.on_iso))
    for line in change_lines(proposal, scenario_diff(real, proposal), lang):
        echo(f"  {line}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    delete_scenario(_folder(args), args.id)
    echo(t("scenario.cli.deleted", lang_of(args), id=args.id))
    return 0
