"""``lsgmap report --from DATE --to DATE [--format md|html|json|docx] [--out FILE]``: the status-report section for a period.

Projects, principals, assignments and funding come from facts a source speaks
for in the period; facts valid in it that no source speaks for are listed
apart, with their documents. ``docx`` writes a Word document (Word headings and
tables, sources as bracketed short names listed at the end) to ``--out``, else to
``lsgmap-rapport-FROM-TO.docx``.
"""

from __future__ import annotations

import argparse

from lsgmap.cli.common import add_assoc_option, echo, lang_of, load_structure, parse_day, print_json, write_out
from lsgmap.dates import day_to_iso
from lsgmap.time.report import FORMATS, period_report, report_data


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help="underlag till lägesrapporten / status-report section for a period")
    p.add_argument("--from", dest="start", metavar="DATE", required=True, help="periodens första dag / first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="DATE", required=True, help="periodens sista dag / last day, YYYY-MM-DD")
    p.add_argument("--format", dest="fmt", choices=(*FORMATS, "docx"), default="md", help="md (default), html, json or docx (Word)")
    p.add_argument("--out", metavar="FILE", help="skriv till fil / write to a file instead of stdout")
    add_assoc_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    structure, lang = load_structure(args), lang_of(args)
    if args.fmt == "docx":
        from lsgmap.time.report_docx import report_docx

        out = args.out or f"lsgmap-rapport-{day_to_iso(start)}-{day_to_iso(end)}.docx"
        written = write_out(out, report_docx(structure, start=start, end=end, lang=lang))
        echo(written)
        return 0
    if args.fmt == "json" and not args.out:
        print_json(report_data(structure, start=start, end=end, lang=lang))
        return 0
    text = period_report(structure, start=start, end=end, lang=lang, fmt=args.fmt)
    if args.out:
        write_out(args.out, text)
        return 0
    echo(text, end="")
    return 0
