"""``lsgmap export --format gexf|graphml|jsonld|xlsx [--on DATE] [--out FILE]``: the data for other tools.

Not a command of its own: :mod:`lsgmap.cli.export` hands these formats here.
Without ``--on`` the file holds every date, each fact with its validity.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lsgmap.cli.common import echo, lang_of, load_structure, parse_day, write_out
from lsgmap.errors import InputError
from lsgmap.exchange import FORMATS, default_filename, export_data
from lsgmap.i18n import msg, t

__all__ = ["FORMATS", "run"]


def run(args: argparse.Namespace) -> int:
    """Write the exchange file ``args.fmt`` of the dataset (one day with ``--on``, else all dates)."""
    for option, given in (("--compare", args.compare), ("--hide-persons", args.hide_persons), ("--size", args.size)):
        if given:
            raise InputError(msg("export.map_only", option=option, fmt=args.fmt))
    day = parse_day(args.on) if args.on else None
    structure = load_structure(args)
    data = export_data(structure, args.fmt, on=day, lang=lang_of(args))
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = Path(args.out or default_filename(args.fmt, on=day))
    write_out(path, data)
    echo(t("export.written", lang_of(args), path=path, size=len(data)), file=sys.stderr)
    return 0
