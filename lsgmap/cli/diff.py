"""``lsgmap diff FROM TO [--json]``: what changed between two dates, and why.

What ended (a stated end, an event) is listed first, grouped under the event
that caused it, each line with the short names of its documents (the same
lines as the app's Jämför); facts that are only no
longer attested on ``TO`` (their source's period is over) follow in a
separate, quieter section, and so do facts first attested on ``TO``.
"""

from __future__ import annotations

import argparse

from lsgmap.cli.common import add_assoc_option, echo, lang_of, load_structure, parse_day, print_json
from lsgmap.i18n import t
from lsgmap.time.diff import diff
from lsgmap.time.diff_text import change_lines


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("diff", parents=[common], help="skillnader mellan två datum / differences between two dates")
    p.add_argument("start", metavar="FROM", help="YYYY-MM-DD")
    p.add_argument("end", metavar="TO", help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="JSON output")
    add_assoc_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    start, end = parse_day(args.start, "FROM"), parse_day(args.end, "TO")
    lang = lang_of(args)
    structure = load_structure(args)
    d = diff(structure, start=start, end=end)
    data = d.to_json(lang)
    if args.json:
        print_json(data)
        return 0
    if d.is_empty():
        echo(t("diff.nothing", lang, start=data["from"], end=data["to"]))
    else:
        echo(t("diff.heading", lang, start=data["from"], end=data["to"]))
        counts = {k: len(data[k]) for k in ("nodes_added", "nodes_removed", "nodes_changed", "edges_added", "edges_removed", "edges_changed", "events")}
        echo(t("diff.counts", lang, **counts))
        for line in change_lines(structure, d, lang):
            echo(f"  {line}")
    for key, items in (("diff.unattested", d.unattested_items(lang)), ("diff.attested", d.attested_items(lang))):
        if items:
            echo("")
            echo(t(key, lang, start=data["from"], end=data["to"], count=len(items)))
            for item in items:
                sources = f" [{', '.join(item['sources'])}]" if item["sources"] else ""
                echo(f"    · {item['text']}{sources}")
    return 0
