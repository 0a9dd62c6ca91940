"""The ``lsgmap`` command line: parse arguments, call the library, print.

Each subcommand lives in its own module in this package with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``; :data:`COMMANDS` lists them.
Errors never show a traceback: :class:`~lsgmap.errors.LsgmapError` and bad
data are printed as ``Fel: …`` / ``Error: …`` with a hint, exit code 1 (2 for usage).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..dates import DateParseError, PartialDate, to_day
from ..errors import InputError, LsgmapError
from ..i18n import msg, normalise_lang, t

__all__ = ["main", "COMMANDS", "load_structure", "parse_day", "day_or_default", "print_json"]

#: Subcommand modules, in the order ``lsgmap --help`` lists them.
COMMANDS = ["check", "snapshot", "ask", "diff", "timeline", "report", "export", "app"]


def _available_commands() -> list[Any]:
    modules = []
    for name in COMMANDS:
        try:
            modules.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lsgmap",
        description="Vem styr, äger, finansierar och ger uppdrag åt vad – och hur det ändras över tid. "
        "/ Who steers, owns, funds and commissions what, and how that changes over time.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", help="datamapp / dataset folder (default: $LSGMAP_DATA or data/sormland)")
    common.add_argument("--lang", choices=["sv", "en"], default=None, help="språk / language (default: $LSGMAP_LANG or sv)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _available_commands():
        module.add_parser(sub, common)
    return parser


def lang_of(args: argparse.Namespace) -> str:
    return normalise_lang(getattr(args, "lang", None) or os.environ.get("LSGMAP_LANG"))


def load_structure(args: argparse.Namespace):
    """Load the dataset named by ``--data``/``$LSGMAP_DATA``; warn on stderr if it has errors."""
    from ..model import default_data_path, load

    path = Path(args.data) if getattr(args, "data", None) else default_data_path()
    if not path.is_dir():
        raise InputError(msg("cli.data_not_found", path=path))
    structure = load(path)
    if structure.errors and getattr(args, "command", "") != "check":
        print(t("cli.dataset_errors", lang_of(args), count=len(structure.errors)), file=sys.stderr)
    return structure


def parse_day(value: str | None, option: str = "--on") -> int:
    """A CLI date (YYYY-MM-DD, YYYY-MM, YYYY; empty = today) as a day ordinal, or InputError."""
    if value in (None, ""):
        return to_day(None)
    try:
        PartialDate.parse(value)
    except DateParseError as exc:
        raise InputError(msg("cli.bad_date", value=value, reason=msg(exc.reason_key, **exc.params)), option=option) from None
    return to_day(value)


def day_or_default(args: argparse.Namespace, structure) -> int:
    """``--on`` as a day, else the dataset's default day, said on stderr with the reason (stdout stays data)."""
    if getattr(args, "on", None):
        return parse_day(args.on)
    opening = structure.default
    print(t("cli.on_default", lang_of(args), date=opening.date.isoformat(), why=opening.why), file=sys.stderr)
    return opening.day


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    lang = lang_of(args)
    try:
        return int(args.run(args) or 0)
    except LsgmapError as exc:
        print(f"{t('cli.error', lang)}: {exc.render(lang)}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"{t('cli.error', lang)}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
