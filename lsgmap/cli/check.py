"""``lsgmap check [--data DIR] [--json]``: is the dataset valid?

Prints one line per problem, ``FILE:LINE: what is wrong ("value") — how to
fix it``; notes (documented disagreements, encodings) are prefixed
``Notering:``/``Note:``. Ends with a summary line. Exit code 0 when there are
no errors, 1 otherwise.
"""

from __future__ import annotations

import argparse

from lsgmap.cli.common import echo, lang_of, load_structure, print_json
from lsgmap.dataset.checks import check, errors_of, warnings_of
from lsgmap.errors import WARNING
from lsgmap.i18n import t


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("check", parents=[common], help="kontrollera datamängden / check the dataset")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(run=run)


def summary(n_errors: int, n_warnings: int, lang: str) -> str:
    """``0 fel, 6 noteringar`` / ``0 errors, 6 notes``.

    >>> summary(0, 6, "sv"), summary(1, 1, "en")
    ('0 fel, 6 noteringar', '1 error, 1 note')
    """
    return t(
        "check.summary",
        lang,
        errors=n_errors,
        warnings=n_warnings,
        errs=t("check.error_one" if n_errors == 1 else "check.error_many", lang),
        notes=t("check.note_one" if n_warnings == 1 else "check.note_many", lang),
    )


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    structure = load_structure(args)
    problems = check(structure)
    errors, warnings = errors_of(problems), warnings_of(problems)
    if args.json:
        print_json(
            {
                "ok": not errors,
                "errors": len(errors),
                "warnings": len(warnings),
                "problems": [p.as_dict(lang) for p in problems],
            }
        )
    else:
        note = t("check.note", lang)
        # by severity, not by looking each up in the list of errors (quadratic in the problems); printed at once
        lines = [f"{note}: {p.render(lang)}" if p.severity == WARNING else p.render(lang) for p in problems]
        echo("\n".join([*lines, summary(len(errors), len(warnings), lang)]))
    return 1 if errors else 0
