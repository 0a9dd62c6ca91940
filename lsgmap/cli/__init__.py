"""The ``lsgmap`` command line: parse arguments, call the library, print.

Each subcommand lives in its own module in this package with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``; :data:`COMMANDS` lists them.
Everything a command prints goes through :func:`echo` (or :func:`print_json`),
which removes terminal control and escape sequences, so text from the data
cannot move the cursor or clear the screen.

Exit codes (:data:`EXIT_CODES`): 0 fine, 1 the data has errors (or a question
was not understood), 2 wrong usage (an option, a date, a folder, an output
file), 3 an internal error. Errors never show a traceback: they are printed as
one line ``Fel: …`` / ``Error: …`` with a hint; ``--debug`` adds the traceback
of an internal error.
"""

from __future__ import annotations

import argparse
import sys
import traceback

from lsgmap.cli import app, ask, check, diff, edit, export, intake, report, scenario, snapshot, timeline
from lsgmap.cli.common import DATA_ERRORS, EXIT_CODES, INTERNAL, OK, USAGE, echo, lang_of, terminal_safe
from lsgmap.errors import InputError, LsgmapError
from lsgmap.i18n import t

__all__ = ["main", "COMMANDS", "EXIT_CODES", "terminal_safe"]

#: The subcommands, in the order ``lsgmap --help`` lists them.
COMMANDS = [check, snapshot, ask, diff, timeline, report, export, scenario, edit, intake, app]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lsgmap",
        description="Vem styr, äger, finansierar och ger uppdrag åt vad – och hur det ändras över tid. "
        "/ Who steers, owns, funds and commissions what, and how that changes over time.",
    )
    # --data, --lang and --debug are accepted before and after the subcommand: the main parser sets the defaults,
    # the subcommand's copy (default SUPPRESS) only overrides them when given there.
    common = argparse.ArgumentParser(add_help=False)
    data_help = "datamapp / dataset folder (default: $LSGMAP_DATA or data/sormland)"
    lang_help = "språk / language (default: the question's for ask, else $LSGMAP_LANG or sv)"
    debug_help = "visa spårutskriften vid internt fel / show the traceback of an internal error"
    for target, default in ((parser, None), (common, argparse.SUPPRESS)):
        target.add_argument("--data", metavar="DIR", default=default, help=data_help)
        target.add_argument("--lang", choices=["sv", "en"], default=default, help=lang_help)
        target.add_argument("--debug", action="store_true", default=False if default is None else default, help=debug_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``lsgmap`` with ``argv``; the exit code (:data:`EXIT_CODES`). Argument errors exit 2 through argparse."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return USAGE
    lang = lang_of(args)
    error = t("cli.error", lang)
    try:
        return int(args.run(args) or 0)
    except InputError as exc:
        echo(f"{error}: {exc.render(lang)}", file=sys.stderr)
        return USAGE
    except LsgmapError as exc:
        echo(f"{error}: {exc.render(lang)}", file=sys.stderr)
        return DATA_ERRORS
    except FileNotFoundError as exc:
        echo(f"{error}: {exc}", file=sys.stderr)
        return DATA_ERRORS
    except BrokenPipeError:
        return OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, the traceback only under --debug
        if getattr(args, "debug", False):
            traceback.print_exc(file=sys.stderr)
        what = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        echo(f"{error}: {t('cli.internal_error', lang, command=args.command, what=' '.join(what.split()))}", file=sys.stderr)
        return INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
