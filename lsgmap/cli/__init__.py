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
import importlib
import json
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

from ..dates import DateParseError, PartialDate, to_day
from ..errors import InputError, LsgmapError
from ..i18n import msg, normalise_lang, t

__all__ = [
    "main",
    "COMMANDS",
    "EXIT_CODES",
    "load_structure",
    "parse_day",
    "day_or_default",
    "print_json",
    "echo",
    "terminal_safe",
    "write_out",
]

#: What ``lsgmap`` exit codes mean (the README's table says the same).
EXIT_CODES = {0: "fine", 1: "the data has errors", 2: "wrong usage", 3: "internal error"}
OK, DATA_ERRORS, USAGE, INTERNAL = 0, 1, 2, 3

#: Escape sequences (CSI ``ESC [ … final``, OSC/DCS/APC/PM/SOS strings up to BEL or ``ESC \``, and
#: two-character ``ESC x``), then any single C0/C1 control character other than newline and tab.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)

#: Subcommand modules, in the order ``lsgmap --help`` lists them.
COMMANDS = ["check", "snapshot", "ask", "diff", "timeline", "report", "export", "edit", "app"]


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
    debug_help = "visa spårutskriften vid internt fel / show the traceback of an internal error"
    parser.add_argument("--debug", action="store_true", help=debug_help)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug_help)
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
        echo(t("cli.dataset_errors", lang_of(args), count=len(structure.errors)), file=sys.stderr)
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
    echo(t("cli.on_default", lang_of(args), date=opening.date.isoformat(), why=opening.why), file=sys.stderr)
    return opening.day


def terminal_safe(text: Any) -> str:
    """``text`` without terminal control and escape sequences (newline and tab stay).

    >>> terminal_safe("LSG \\x1b[2JTrosa\\x07\\r\\n\\tok \\x1b]0;title\\x07\\x9b31m")
    'LSG Trosa\\n\\tok '
    """
    return _ESCAPES.sub("", str(text))


def echo(*parts: Any, file: Any = None, end: str = "\n") -> None:
    """:func:`print` for the CLI: every part through :func:`terminal_safe`, so data cannot drive the terminal."""
    print(*(terminal_safe(p) for p in parts), file=file if file is not None else sys.stdout, end=terminal_safe(end))


def print_json(data: Any) -> None:
    """``data`` as JSON on stdout; C1 control characters, which JSON leaves raw, are written as ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def write_out(path: str | Path, data: bytes | str, *, option: str = "--out") -> Path:
    """Write a command's output file; any reason it cannot be written is an :class:`InputError` (exit 2), never a traceback.

    >>> write_out("/no/such/folder/x.md", "text")
    Traceback (most recent call last):
    ...
    lsgmap.errors.InputError: --out: the folder /no/such/folder does not exist. Create it or choose another file.
    """
    out = Path(path)
    if not out.parent.is_dir():
        raise InputError(msg("cli.out_folder_missing", folder=out.parent), option=option)
    if out.is_dir():
        raise InputError(msg("export.cannot_write", path=out, reason=msg("cli.out_is_folder")), option=option)
    try:
        if isinstance(data, str):
            out.write_text(data, encoding="utf-8")
        else:
            out.write_bytes(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(msg("export.cannot_write", path=out, reason=reason), option=option) from None
    return out


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
