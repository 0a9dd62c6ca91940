"""The changes between two dates as people read them: grouped under the event that caused them.

Each event heads the changes that followed from it (indented); the other changes
come after; each line ends in the short names of its documents, and a change
that rests on a recorded conflict says so on the line below.
"""

from __future__ import annotations

from lsgmap.i18n import t
from lsgmap.model.structure import conflict_items
from lsgmap.text import safe_text
from lsgmap.time.diff import short_title, source_names

__all__ = ["scoped_items", "about", "change_lines", "sources_text"]


def scoped_items(d, lang: str, within: frozenset[str] | None = None) -> list[dict]:
    """The diff's change items (:meth:`lsgmap.time.diff.Diff.change_items`) about ``within`` (one association; None: all).

    >>> from lsgmap.time.diff import diff
    >>> d = diff(load(BUNDLED_DATA), start="2016-12-31", end="2017-01-01")
    >>> len(scoped_items(d, "sv", frozenset({"lsg_trosa"}))) < len(scoped_items(d, "sv"))
    True
    """
    return about(d.change_items(lang), within)


def about(items: list[dict], within: frozenset[str] | None) -> list[dict]:
    """The items (of a diff: changes, facts no longer or newly attested) whose ``ids`` touch ``within``; all when None.

    >>> about([{"ids": ["a"]}, {"ids": ["b"]}], frozenset({"b"}))
    [{'ids': ['b']}]
    """
    return [i for i in items if within is None or set(i.get("ids", ())) & within]


def change_lines(s, d, lang: str, within: frozenset[str] | None = None, *, items: list[dict] | None = None) -> list[str]:
    """The changes for a reader: each event with what followed from it (indented), then the other changes.

    A line ends in the short names of its documents ("[Lägesrapport avseende …]"), not source ids; under a
    change that rests on a recorded conflict, "Motstridiga källor: <topic>". The command line's
    ``lsgmap diff`` and the app's Jämför print these lines.

    >>> from lsgmap.time.diff import diff
    >>> s = load(BUNDLED_DATA)
    >>> lines = change_lines(s, diff(s, start="2016-12-31", end="2017-01-01"), "sv")
    >>> lines[0].startswith("■ ")
    True
    """

    def line(item, indent: str) -> list[str]:
        names = source_names(s, item["sources"])
        cited = " [" + "; ".join(names) + "]" if names else ""
        out = [f"{indent}{'■' if item.get('heads') else '•'} {safe_text(item['text'] + cited)}"]
        conflicts = conflict_items(s.conflicts_of_all(item.get("ids", [])), lang)
        return out + [f"{indent}   {safe_text(t('map.conflict', lang, topic=c['text']))}" for c in conflicts]

    items = scoped_items(d, lang, within) if items is None else items
    lines: list[str] = []
    for event_id in dict.fromkeys(i["event"] for i in items if i.get("event")):
        for item in sorted((i for i in items if i.get("event") == event_id), key=lambda i: not i.get("heads")):
            lines += line(item, "" if item.get("heads") else "    ")
    others = [i for i in items if not i.get("event")]
    if others and lines:
        lines.append(t("app.compare.other_changes", lang))
    for item in others:
        lines += line(item, "    " if lines else "")
    return lines


def sources_text(s, items: list[dict]) -> str:
    """Every document quoted by the change list's ``items``, with its quotes: for the reader who asks "where does it say so?"."""

    ids = list(dict.fromkeys(x for item in items for x in item["sources"]))
    out = []
    for c in s.citations(ids):
        where = f" ({c['locator']})" if c.get("locator") else ""
        out.append(f"{short_title(c['title'])} — {c['title']}{where}\n    \"{c['quote']}\"")
    return safe_text("\n".join(out))
