"""``lsgmap snapshot [--on DATE] [--attested-only] [--json]``: the structure valid on a day.

The text says how many of the day's facts no source speaks for on that day
and marks each of them with the nearest day one does (or that a plan only
plans it); a public source's, a derived fact and a working name are said as
such, and a recorded conflict under the fact it names; ``--attested-only``
leaves them out (of the JSON too, where ``"attested_only": true`` says so and
``"facts"``/``"unattested"`` still count the whole day).
"""

from __future__ import annotations

import argparse
from typing import Any

from lsgmap.cli.common import add_assoc_option, day_or_default, echo, lang_of, load_structure, print_json
from lsgmap.i18n import t
from lsgmap.model.attestation import attestation_note
from lsgmap.model.structure import conflict_items
from lsgmap.time.diff import derived_text, end_text, named, relation_text, span_text, start_text
from lsgmap.vocab import ENTITY_KINDS


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("snapshot", parents=[common], help="strukturen ett visst datum / the structure on a date")
    p.add_argument("--on", metavar="DATE", help="YYYY-MM-DD (default: the dataset's default date)")
    p.add_argument(
        "--attested-only", action="store_true",
        help="bara uppgifter som en källa talar för detta datum / only facts a source speaks for on the date",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    add_assoc_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    structure = load_structure(args)
    day = day_or_default(args, structure)
    snap = structure.snapshot(on=day)
    lang = lang_of(args)
    only = args.attested_only
    if args.json:
        print_json(_json(snap, lang, attested_only=only))
        return 0
    echo(snap.on.isoformat())
    echo(t("attested.count", lang, n=snap.unattested_count, m=len(snap.node_ids) + len(snap.edge_keys)))
    echo(t("snapshot.legend", lang, document=t("evidence.document", lang), public=t("evidence.public", lang), plan=t("evidence.plan", lang)))
    for e in sorted(snap.entities(), key=lambda e: (ENTITY_KINDS[e.kind].layer, e.kind, e.id)):
        if not (only and not snap.attested(e.id)):
            echo(f"  [{ENTITY_KINDS[e.kind].label(lang)}] {named(structure, e.id, lang)} ({e.id}){_validity(structure, e, lang)}{_note(snap, e, lang)}")
            _conflicts(structure, e.id, lang)
    for r in sorted(snap.relations(), key=lambda r: (r.relation, r.from_id, r.to_id)):
        if not (only and not snap.attested(r.id)):
            echo(f"  {relation_text(structure, r, lang)}{_validity(structure, r, lang)}  [{', '.join(r.sources)}]{_note(snap, r, lang)}")
            _conflicts(structure, r.id, lang)
    return 0


def _conflicts(structure: Any, fact_id: str, lang: str) -> None:
    """"Motstridiga källor: …" under a fact a recorded conflict names."""
    for item in conflict_items(structure.conflicts_of(fact_id), lang):
        echo(f"      {t('map.conflict', lang, topic=item['text'])}")


def _json(snap: Any, lang: str, *, attested_only: bool) -> dict[str, Any]:
    """The snapshot JSON; with ``attested_only``, without the facts no source speaks for that day."""
    data = snap.to_json(lang)
    if attested_only:
        data["nodes"] = [n for n in data["nodes"] if n["attested"]]
        data["edges"] = [e for e in data["edges"] if e["attested"]]
        data["attested_only"] = True
    return data


def _note(snap: Any, fact: Any, lang: str) -> str:
    """What speaks for the fact on the day, when it is not a shipped document.

    `` (offentlig källa, ej kontrollerad här)``, `` (saknar källa för detta datum, planerat, inte belagt)``,
    `` (saknar källa för detta datum, senast belagd …)``; a derived fact says what it is derived from.
    """
    attestation = snap.structure.attestation(fact.id)
    derived = getattr(fact, "derived_from", "")
    if attestation.evidence(snap.day) == "public":
        return f" ({t('evidence.public', lang)})"
    if snap.attested(fact.id):
        return ""
    if derived:
        return f" ({t('attested.no', lang)}, {derived_text(snap.structure, derived, lang)})"
    return f" ({attestation_note(attestation, snap.day, lang)})"


def _validity(structure: Any, fact: Any, lang: str) -> str:
    """``, 2016-07-01 – 2018-06-30`` at the stated precision; "" when both ends are unknown."""
    if not (start_text(structure, fact, lang) or end_text(structure, fact, lang)):
        return ""
    return f", {span_text(structure, fact, lang)}"
