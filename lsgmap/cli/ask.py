"""``lsgmap ask "QUESTION" [--on DATE] [--scenario ID] [--json]``: a responsibility question in Swedish or English.

With ``--scenario`` the question is answered on the proposal (``lsgmap scenario``), on its date unless one is
given, and the answer says so first.

Exit code 0 when the question was understood (even with no answers), 1 when
it was not (unknown name, nonsense): the message then says what it can answer.
"""

from __future__ import annotations

import argparse

from lsgmap.ask.answer import ask
from lsgmap.cli.common import add_assoc_option, echo, load_structure, parse_day, print_json
from lsgmap.scenario.apply import apply, proposal_note


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "ask",
        parents=[common],
        help="ställ en fråga / ask a question: \"Vem styr TUNA?\", \"Who funds IBIS on 1 March 2017?\"",
    )
    p.add_argument("question", nargs="+", help="frågan / the question")
    p.add_argument("--on", metavar="DATE", help="YYYY-MM-DD (default: the dataset's default date; a date in the question wins)")
    p.add_argument("--scenario", metavar="ID", help="svara på ett förslag / answer on a proposal (lsgmap scenario list)")
    p.add_argument("--json", action="store_true", help="JSON output")
    add_assoc_option(p)  # load_structure() then hands ask() the association's part
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    day = parse_day(args.on) if args.on else None
    structure = load_structure(args)
    if args.scenario:
        structure = apply(structure, args.scenario)
    question = " ".join(args.question)
    answer = ask(structure, question, on=day, lang=getattr(args, "lang", None))
    note = proposal_note(structure, answer.lang)
    if args.json:
        print_json(answer.to_json() | ({"scenario": args.scenario, "proposal_note": note} if args.scenario else {}))
    else:
        echo("\n".join(x for x in (note, answer.text()) if x))
    return 0 if answer.understood else 1
