"""``lsgmap timeline [--from DATE] [--to DATE] [--json]``: every date on which the structure changes.

A fact brought in on a day no source speaks for is marked with why; facts
whose source's period ends that day are counted in a quiet line, not listed
as endings.
"""

from __future__ import annotations

import argparse

from lsgmap.cli.common import echo, lang_of, load_structure, parse_day, print_json
from lsgmap.dates import day_to_iso
from lsgmap.i18n import t
from lsgmap.time.timeline import change_points, events


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("timeline", parents=[common], help="tidslinje över förändringar / timeline of changes")
    p.add_argument("--from", dest="start", metavar="DATE", help="YYYY-MM-DD (default: the first change)")
    p.add_argument("--to", dest="end", metavar="DATE", help="YYYY-MM-DD (default: the last change)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    lang = lang_of(args)
    structure = load_structure(args)
    points = change_points(structure, start=start, end=end, lang=lang)
    first, last = structure.span
    label_from = day_to_iso(start) if start is not None else first.isoformat()
    label_to = day_to_iso(end) if end is not None else last.isoformat()
    if args.json:
        in_range = {p["date"] for p in points}
        print_json(
            {
                "from": label_from,
                "to": label_to,
                "change_points": points,
                "events": [e for e in events(structure, lang=lang) if e["date"] in in_range],
            }
        )
        return 0
    if not points:
        echo(t("timeline.nothing", lang, start=label_from, end=label_to))
        return 0
    echo(t("timeline.heading", lang, start=label_from, end=label_to))
    for p in points:
        echo(p["date"])
        for item in p["items"]:
            sources = f" [{', '.join(item['sources'])}]" if item["sources"] else ""
            note = f" ({item['note']})" if item["note"] else ""
            echo(f"  - {item['text']}{sources}{note}")
            for conflict in item["conflicts"]:
                echo(f"      {t('map.conflict', lang, topic=conflict['text'])}")
        count = len(p["unattested"]["nodes"]) + len(p["unattested"]["edges"])
        if count:
            echo(f"    · {t('timeline.unattested', lang, count=count, date=p['date'])}")
    return 0
