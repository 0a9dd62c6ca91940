"""The changes people make, as :class:`~lsgmap.edit.change.Change` values: add, change and end rows; documents and quotes.

Every change names at least one source; it is added to the ``sources`` of
each row that has that column. Ids are made from names (``LSG Trosa-Gnesta``
→ ``lsg_trosa_gnesta``) or numbered after the table's own (``r092``).

>>> from lsgmap.edit.dataset import Dataset
>>> from lsgmap.dataset.load import BUNDLED_DATA
>>> ds = Dataset(BUNDLED_DATA)
>>> c = end_row(ds, "relations", "r001", "2019-12-31", sources=["pub_rar_medlemmar"])
>>> c.rows[0].fields_changed()
['valid_to']
>>> slug("LSG Trosa-Gnesta")
'lsg_trosa_gnesta'
"""

from __future__ import annotations

import re

from lsgmap.edit.change import Change, EditRefused, RowChange
from lsgmap.edit.dataset import Dataset
from lsgmap.errors import Problem
from lsgmap.text import slug

__all__ = ["add_row", "change_row", "end_row", "add_document", "add_quote", "slug", "new_id", "with_sources", "need_sources"]


def new_id(ds: Dataset, table: str, *, name: str = "", prefix: str = "") -> str:
    """A free id in ``table``: the slug of ``name``, else ``prefix`` + the next number after the table's own."""
    taken = set(ds.files[table].ids())
    if name:
        base = slug(name)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}_{n}", n + 1
        return candidate
    numbers = [int(m[1]) for i in taken if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
    width = max((len(i) - len(prefix) for i in taken if i.startswith(prefix) and i[len(prefix):].isdigit()), default=3)
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


def need_sources(table: str, row_id: str, sources: list[str]) -> list[str]:
    """``sources`` without blanks; :class:`EditRefused` when none is left (every fact names its source)."""
    cleaned = [s.strip() for s in sources if s and s.strip()]
    if not cleaned:
        raise EditRefused([Problem("edit.no_source", f"{table}.csv", None, row_id, {"field": "sources"})])
    return cleaned


def with_sources(values: dict[str, str], sources: list[str]) -> dict[str, str]:
    """``values`` with ``sources`` added to its ``sources`` column (if it has one), each once, in order."""
    if "sources" not in values:
        return values
    have = [s for s in values.get("sources", "").split(";") if s.strip()]
    return {**values, "sources": ";".join(dict.fromkeys([*(s.strip() for s in have), *sources]))}


#: characters a table cell may not hold (a tab and line breaks may)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _full(ds: Dataset, table: str, values: dict[str, str]) -> dict[str, str]:
    header = ds.files[table].header
    unknown = [c for c in values if c not in header]
    if unknown:
        raise EditRefused([Problem("edit.unknown_column", f"{table}.csv", None, unknown[0], {"field": unknown[0]})])
    row = {c: str(values.get(c, "") or "").strip() for c in header}
    bad = [c for c, v in row.items() if CONTROL.search(v)]
    if bad:
        raise EditRefused([Problem("edit.control_character", f"{table}.csv", None, row.get("id", ""), {"field": bad[0]})])
    if table == "relations" and row.get("from_id") and row.get("from_id") == row.get("to_id"):
        raise EditRefused([Problem("edit.self_relation", f"{table}.csv", None, row["from_id"], {"field": "to_id"})])
    return row


def add_row(ds: Dataset, table: str, values: dict[str, str], *, sources: list[str]) -> Change:
    """A new row (its id made from ``name_sv``/``title`` or numbered when ``values`` has none)."""
    row = dict(values)
    if not row.get("id"):
        prefix = {"relations": "r", "budget": "b", "conflicts": "k_", "sources": "s_"}.get(table, "")
        row["id"] = new_id(ds, table, name=row.get("name_sv") or row.get("title") or "", prefix=prefix)
    if ds.row(table, row["id"]) is not None:
        raise EditRefused([Problem("edit.id_taken", f"{table}.csv", None, row["id"], {"field": "id"})])
    needed = need_sources(table, row["id"], sources) if "sources" in ds.files[table].header else sources
    return Change([RowChange(table, row["id"], None, with_sources(_full(ds, table, row), needed))], ds.version, list(needed))


def change_row(ds: Dataset, table: str, row_id: str, updates: dict[str, str], *, sources: list[str]) -> Change:
    """Row ``row_id`` with ``updates`` (column → new value); the sources are added to the row's."""
    before = ds.row(table, row_id)
    if before is None:
        raise EditRefused([Problem("edit.no_such_row", f"{table}.csv", None, row_id, {"field": "id"})])
    needed = need_sources(table, row_id, sources) if "sources" in before else sources
    after = with_sources(_full(ds, table, {**before, **updates}), needed)
    return Change([RowChange(table, row_id, before, after)], ds.version, list(needed))


def end_row(ds: Dataset, table: str, row_id: str, day: str, *, sources: list[str]) -> Change:
    """Row ``row_id`` ends on ``day`` (its last day: ``valid_to``)."""
    return change_row(ds, table, row_id, {"valid_to": day}, sources=sources)


def add_document(ds: Dataset, values: dict[str, str]) -> Change:
    """A new document (a status report, a decision …); quote it with :func:`add_quote`."""
    return add_row(ds, "documents", values, sources=[])


def add_quote(ds: Dataset, document: str, quote: str, *, locator: str = "", period: str = "", row_id: str = "") -> Change:
    """A quote (a row of ``sources``) from ``document``; its id is a source to name in other changes."""
    values = {"id": row_id or new_id(ds, "sources", prefix=f"{document[:12]}_"), "document": document, "quote": quote,
              "locator": locator, "period": period, "form": "quote"}
    return add_row(ds, "sources", values, sources=[])


def combine(*changes: Change) -> Change:
    """Several changes saved as one (a new document, its quote and the fact resting on it)."""
    rows = [r for c in changes for r in c.rows]
    return Change(rows, changes[0].base if changes else "", list(dict.fromkeys(s for c in changes for s in c.sources)))
