"""The maps of the days around the one shown, handed to the live map so that a date change redraws in the browser."""

from __future__ import annotations

import json
from datetime import date

from lsgmap.app import karta
from lsgmap.app.common import Part
from lsgmap.app.live_map import frames_json, item_texts, map_data
from lsgmap.dataset.load import load
from lsgmap.draw.elements import elements
from lsgmap.draw.layout.positions import layered_positions
from lsgmap.draw.view import View


def _drawn(frames: dict, day: str) -> tuple[list, list]:
    items = [frames["items"][i] for i in frames["at"][day]]
    return [i for i in items if "from" not in i], [i for i in items if "from" in i]


def test_each_days_frame_is_what_the_server_would_send_for_that_day():
    s = load()
    part = Part(None, layered_positions(s), "", s)
    first, last = date(2016, 1, 1), date(2018, 12, 31)
    view = View(on="2016-12-31", lang="sv", hide_persons=True)
    frames = json.loads(karta._frames_around(s, part, view, date(2016, 12, 31), first, last))
    assert {"2016-12-31", "2017-01-01", "2016-01-01"} <= set(frames["at"])  # the merger's eve and day, and the first day
    for day in ("2016-12-31", "2017-01-01", "2018-12-31"):
        sent = map_data(elements(s, View(on=day, lang="sv", hide_persons=True), part.positions), height=500, bounds=None, moves=[])
        nodes, edges = _drawn(frames, day)
        assert sorted(nodes, key=lambda n: n["id"]) == sorted(sent["nodes"], key=lambda n: n["id"])
        assert sorted(edges, key=lambda e: e["id"]) == sorted(sent["edges"], key=lambda e: e["id"])
    other = json.loads(karta._frames_around(s, part, View(on="2016-12-31", lang="en"), date(2016, 12, 31), first, last))
    assert other["key"] != frames["key"]  # another view's maps are never mixed with these


def test_the_window_follows_the_day_and_items_drawn_alike_are_sent_once():
    s = load()
    part = Part(None, layered_positions(s), "", s)
    first, last = date(2000, 1, 1), date(2026, 12, 31)
    early = json.loads(karta._frames_around(s, part, View(on="2000-01-01"), date(2000, 1, 1), first, last))
    assert len(early["at"]) == karta.FRAME_WINDOW + 1 and min(early["at"]) == "2000-01-01"  # the day and the stops after it
    where = layered_positions(s)
    days = [(d, item_texts(elements(s, View(on=d), where))) for d in ("2017-01-01", "2017-01-02")]
    both = json.loads(frames_json(days, "k"))
    assert len(both["items"]) == len(set(days[0][1]) | set(days[1][1]))
