"""Proposals in words, for the command line and the app: ``p3 belägger: LSG Oxelösund styr IBIS [r043] — säkerhet 0.90``.

>>> from lsgmap.dataset.load import load, BUNDLED_DATA
>>> from lsgmap.intake.document import from_text
>>> from lsgmap.intake.proposals import intake
>>> s = load(BUNDLED_DATA)
>>> r = intake(s, from_text("Rapport\\n\\nPeriod: 2017-01-01 – 2017-06-30\\n\\n- IBIS (LSG Oxelösund)\\n"))
>>> proposal_text(s, r, r.proposals[0], "en")
'p1 attests: LSG Oxelösund steers IBIS – Integration Building in Sörmland [r043] — confidence 0.90'
"""

from __future__ import annotations

from lsgmap.dates import DateParseError, parse_span, validity_text
from lsgmap.i18n import t
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

__all__ = ["proposal_text", "period_words", "entity_name"]


def period_words(period: str | None, lang: str = "sv") -> str:
    """A document's period for people: ``2017-01-01 – 2017-06-30``; "ingen period hittad" when none."""
    if not period:
        return t("intake.no_period", lang)
    try:
        span = parse_span(period)
    except DateParseError:
        return period
    return validity_text(str(span.start), str(span.end), lang)


def entity_name(structure, result, ident: str, lang: str = "sv") -> str:
    """The name of an entity of the dataset, or of one the document names for the first time."""
    if ident in structure.entities:
        return structure.name(ident, lang)
    return result.new_entities.get(ident, {}).get("name", ident)


def proposal_text(structure, result, p, lang: str = "sv") -> str:
    """One proposal in a line: its id, kind, the fact, its dates, the fact it attests or contradicts, how sure, and why."""
    def name(ident: str) -> str:
        return entity_name(structure, result, ident, lang)

    if p.relation:
        what = f"{name(p.from_id)} {RELATION_KINDS[p.relation].verb(lang)} {name(p.to_id)}"
    elif p.event:
        ev = p.event
        kind = EVENT_KINDS[ev["kind"]].label(lang).lower() if ev.get("kind") in EVENT_KINDS else ev.get("kind", "")
        results = ", ".join(name(r) for r in ev.get("results", [])) or "?"
        what = f"{', '.join(name(o) for o in ev.get('originals', []))} → {results} ({', '.join(x for x in (kind, ev.get('date', '')) if x)})"
    else:
        kind = ENTITY_KINDS[p.entity_kind].label(lang) if p.entity_kind in ENTITY_KINDS else p.entity_kind
        what = f"{p.name or name(p.entity_id)} ({kind})"
    dates = validity_text(p.valid_from, p.valid_to, lang) if p.valid_from or p.valid_to else ""
    existing = f" [{p.existing_id}]" if p.existing_id else ""
    note = f"; {t(f'intake.note.{p.note}', lang, name=name(p.existing_id))}" if p.note else ""
    return (f"{p.id} {t(f'intake.p.{p.kind}', lang)}: {what}{f' ({dates})' if dates else ''}{existing} — "
            f"{t('intake.sure', lang, confidence=f'{p.confidence:.2f}')}{note}")
