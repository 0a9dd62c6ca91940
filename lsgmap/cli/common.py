"""What every ``lsgmap`` command shares: the dataset it reads, its dates, and printing safely.

Everything a command prints goes through :func:`echo` (or :func:`print_json`),
which removes terminal control and escape sequences, so text from the data
cannot move the cursor or clear the screen.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from lsgmap.dataset.load import default_data_path, load
from lsgmap.dates import DateParseError, PartialDate, to_day
from lsgmap.errors import InputError
from lsgmap.i18n import msg, normalise_lang, t

__all__ = [
    "EXIT_CODES",
    "add_assoc_option",
    "load_structure",
    "parse_day",
    "day_or_default",
    "print_json",
    "echo",
    "lang_of",
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

#: Every character an escape sequence or a control starts with (a quick test before :data:`_ESCAPES`).
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def lang_of(args: argparse.Namespace) -> str:
    return normalise_lang(getattr(args, "lang", None) or os.environ.get("LSGMAP_LANG"))


def add_assoc_option(parser: argparse.ArgumentParser) -> None:
    """``--assoc ID`` on a command: it reads one coordination association's part of a national dataset."""
    parser.add_argument("--assoc", metavar="ID", help="bara ett samordningsförbunds del av datamängden / one coordination association's part")


def load_structure(args: argparse.Namespace):
    """Load the dataset named by ``--data``/``$LSGMAP_DATA``; warn on stderr if it has errors.

    With ``--assoc ID``: that association's part (:func:`lsgmap.model.scope.part_of`), so that the command costs
    what the association holds; an unknown id is an :class:`InputError` naming the ones there are.
    """

    path = Path(args.data) if getattr(args, "data", None) else default_data_path()
    if not path.is_dir():
        raise InputError(msg("cli.data_not_found", path=path))
    structure = load(path)
    if structure.errors and getattr(args, "command", "") != "check":
        echo(t("cli.dataset_errors", lang_of(args), count=len(structure.errors)), file=sys.stderr)
    association = getattr(args, "assoc", None)
    if association:
        from lsgmap.model.scope import associations, part_of

        known = associations(structure)
        if association not in known:
            listed = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
            raise InputError(msg("cli.unknown_assoc", value=association, known=listed or "–"), option="--assoc")
        structure = part_of(structure, association)
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
    text = str(text)
    if _ANY_CONTROL.search(text) is None:  # the common case, and a simple class is far quicker than the escapes on 10 MB
        return text
    return _ESCAPES.sub("", text)


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
