"""``lsgmap import FILE [--dry-run] [--json]``, ``lsgmap log`` and ``lsgmap undo``: changing the dataset from the command line.

``import`` reads a workbook written by ``lsgmap export --format xlsx`` (or
one table as CSV, e.g. ``entities.csv`` saved by Swedish Excel), shows what
it would change, row by row, and saves it as one logged change; problems
name the sheet and row (``entities!7``). Exit code 0 when saved (or nothing
to change), 1 when refused (problems, or a conflicting change saved meanwhile).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from lsgmap.cli.common import echo, lang_of, print_json
from lsgmap.dataset.load import default_data_path
from lsgmap.edit import Dataset, EditRefused, StaleEdit
from lsgmap.edit.dataset import LOG_TABLE
from lsgmap.edit.importing import Imported, diff_rows, read_path, validate
from lsgmap.errors import InputError, Problem
from lsgmap.i18n import msg, t

#: how many times a save is re-applied when others keep saving other rows meanwhile
REAPPLY_ATTEMPTS = 5
ACTION_KEYS = {"added": "edit.action.added", "changed": "edit.action.changed", "removed": "edit.action.removed"}


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="läs in en arbetsbok eller CSV som en ändring / import a workbook or CSV as one change")
    p.add_argument("file", metavar="FILE", help="FILE.xlsx (lsgmap export --format xlsx) or TABLE.csv")
    p.add_argument("--dry-run", action="store_true", help="visa ändringarna utan att spara / show the changes without saving")
    p.add_argument("--json", action="store_true", help="JSON output")
    _who_why(p)
    p.set_defaults(run=run_import)
    p = sub.add_parser("log", parents=[common], help="ändringsloggen / the change log")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(run=run_log)
    p = sub.add_parser("undo", parents=[common], help="ångra den senaste ändringen (loggas) / undo the last change (logged)")
    _who_why(p)
    p.set_defaults(run=run_undo)


def _who_why(p: argparse.ArgumentParser) -> None:
    p.add_argument("--who", default=None, help="vem som gör ändringen / who makes the change (default: the user name)")
    p.add_argument("--why", default="", help="varför / why")


def _folder(args: argparse.Namespace) -> Path:

    folder = Path(args.data) if getattr(args, "data", None) else default_data_path()
    if not folder.is_dir():
        raise InputError(msg("cli.data_not_found", path=folder))
    return folder


def _who(args: argparse.Namespace) -> str:
    if args.who is not None:
        return args.who
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def _save(ds: Dataset, change, *, who: str, why: str, lang: str) -> str:
    """Save; a change saved meanwhile that touches other rows is re-applied on it (said on stderr)."""
    for attempt in range(REAPPLY_ATTEMPTS):
        try:
            return ds.save(change, who=who, why=why).change_id  # save() reads the dataset afresh under the lock
        except StaleEdit as stale:
            if not stale.can_reapply or attempt == REAPPLY_ATTEMPTS - 1:
                raise
            echo(t("edit.reapplied", lang, count=len({r.get("change") for r in stale.meanwhile})), file=sys.stderr)
            change.base = stale.current
    raise AssertionError("unreachable")  # pragma: no cover


def _print_diff(imported: Imported, lang: str) -> None:
    for d in diff_rows(imported):
        place = f"{d['table']}!{d['row']}" if d["row"] else d["table"]
        fields = "; ".join(f"{c}: \"{a}\" → \"{b}\"" for c, (a, b) in d["fields"].items()) if d["action"] == "changed" else ""
        echo(f"{place}: {t(ACTION_KEYS[d['action']], lang)} {d['id']}" + (f": {fields}" if fields else ""))


def run_import(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    path = Path(args.file)
    if not path.is_file():
        raise InputError(msg("cli.file_not_found", path=path), option="FILE")
    ds = Dataset(_folder(args))
    imported = read_path(ds, path)
    problems, notes, saved = [], [], None
    try:
        notes = validate(ds, imported)
        if imported.change.rows and not args.dry_run:
            saved = _save(ds, imported.change, who=_who(args), why=args.why or t("edit.imported_from", lang, file=path.name), lang=lang)
    except EditRefused as refused:
        problems = refused.problems
    except StaleEdit as stale:
        echo(stale.render(lang), file=sys.stderr)
        return _report(args, imported, [], None, lang, ok=False)
    return _report(args, imported, problems, saved, lang, ok=not problems, notes=len(notes))


def _report(args, imported: Imported, problems, saved, lang: str, *, ok: bool, notes: int = 0) -> int:
    counts = {a: sum(c[a] for c in imported.counts().values()) for a in ("added", "changed", "removed")}
    if args.json:
        print_json({"ok": ok, "dry_run": bool(args.dry_run), "saved": saved, "counts": counts, "tables": imported.tables,
                    "changes": diff_rows(imported), "problems": [p.as_dict(lang) for p in problems]})
        return 0 if ok else 1
    for p in problems:
        echo(p.render(lang))
    if not problems:
        _print_diff(imported, lang)
    echo(t("edit.import_summary", lang, **counts))
    if problems:
        echo(t("edit.refused", lang, count=len(problems)))
    elif saved:
        echo(t("edit.saved_as", lang, change=saved))
    elif imported.change.rows:
        echo(t("edit.dry_run", lang))
    return 0 if ok else 1


def run_log(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    ds = Dataset(_folder(args))
    unread = [p for p in ds.problems if p.file == ds.resources[LOG_TABLE].path] if LOG_TABLE in ds.resources else []
    if unread:  # a log not read whole is not shown in part
        for p in unread:
            echo(p.render(lang), file=sys.stderr)
        return 1
    log = ds.log()
    if args.json:
        print_json(log)
        return 0
    if not log:
        echo(t("edit.log_empty", lang))
    for r in log:
        echo(f"{r.get('change')} {r.get('when')} {r.get('who')}: {t(ACTION_KEYS.get(r.get('action', ''), 'edit.action.changed'), lang)} "
             f"{r.get('table')}:{r.get('row')}" + (f" — {r.get('why')}" if r.get("why") else ""))
    return 0


def run_undo(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    ds = Dataset(_folder(args))
    try:
        undo = ds.undo_last()
        saved = _save(ds, undo, who=_who(args), why=args.why or t("edit.undo_why", lang, change=undo.undoes), lang=lang)
    except EditRefused as refused:
        for p in refused.problems:
            echo(p.render(lang))
        return 1
    except StaleEdit:  # another change (another undo) was saved between reading the log and saving
        echo(Problem("edit.undo_stale", "changes.csv", None, undo.undoes).render(lang), file=sys.stderr)
        return 1
    echo(t("edit.undone", lang, change=undo.undoes, saved=saved))
    return 0
