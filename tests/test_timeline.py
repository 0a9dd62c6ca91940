"""Timeline: change dates, events with originals and results, the lifetime (Gantt) table, CLI.

On the tiny merger structure of conftest.py; the bundled data's golden timeline
is in tests/test_sormland.py.
"""

from __future__ import annotations

import json

import pytest

from lsgmap.cli import main
from lsgmap.errors import InputError
from lsgmap.timeline import change_points, events, lifetimes


def test_the_merger_is_a_change_point_with_what_changed(merger):
    [point] = change_points(merger, start="2016-12-15", end="2017-06-30")
    assert point["date"] == "2017-01-01"
    assert point["events"] == ["ev_merge"]
    assert point["added"]["nodes"] == ["lsg_alfa_beta"]
    assert {"lsg_alfa", "lsg_beta"} <= set(point["removed"]["nodes"])
    assert "lsg_alfa_beta.steers.p" in point["added"]["edges"] and "lsg_alfa.steers.p" in point["removed"]["edges"]
    assert point["changes"][0] == "LSG Alfa och LSG Beta slogs samman till LSG Alfa-Beta (2017-01-01) [s_ev_merge]"
    english = change_points(merger, start="2016-12-15", end="2017-06-30", lang="en")
    assert english[0]["changes"][0] == "LSG Alfa and LSG Beta merged into LSG Alfa-Beta (2017-01-01) [s_ev_merge]"


def test_change_points_cover_starts_ends_and_events(merger):
    dates = [p["date"] for p in change_points(merger)]
    assert dates == sorted(dates)
    # founding 2005; Q starts 2016-03-01; the process leader from 2016-07-01 to 2018-06-30;
    # the period-bound link from 2016-10-13; the mergers 2017-01-01 and 2019-01-01
    assert {"2005-01-01", "2016-03-01", "2016-07-01", "2016-10-13", "2017-01-01", "2018-07-01", "2019-01-01"} <= set(dates)
    oct13 = next(p for p in change_points(merger) if p["date"] == "2016-10-13")
    assert oct13["added"]["edges"] == ["lsg_gamma.steers.kort"] and not oct13["events"]


def test_every_change_point_is_a_real_change(merger):
    for p in change_points(merger):
        assert p["events"] or any(p[side][part] for side in ("added", "removed", "changed") for part in ("nodes", "edges"))


def test_a_change_day_with_nothing_new_is_left_out(tiny):
    # the relation's written start is before its subject exists: no change on the written day
    s = tiny(entities=[{"id": "a", "kind": "lsg", "valid_from": "2016-05-01"}, {"id": "b", "kind": "project"}],
             relations=[{"from_id": "a", "relation": "steers", "to_id": "b", "valid_from": "2016-01-01"}])
    assert [p["date"] for p in change_points(s)] == ["2016-05-01"]


def test_events_have_originals_results_and_a_sentence(merger):
    evs = events(merger, lang="en")
    assert [e["date"] for e in evs] == sorted(e["date"] for e in evs)
    region = next(e for e in evs if e["id"] == "ev_region")
    assert region["from"] == ["landsting", "regionforbund"] and region["to"] == ["region"]
    assert region["label"] == "Merger" and region["to_names"] == ["The region"]
    assert region["from_names"] == ["County council", "Regional association"]
    founding = next(e for e in evs if e["kind"] == "founding")
    assert founding["from"] == [] and founding["to"] == ["sf"] and founding["date"] == "2005-01-01"
    merge = next(e for e in events(merger) if e["id"] == "ev_merge")
    assert merge["decided"] == "2016-10-13/2016-12-31" and merge["label"] == "Sammanslagning"
    assert merge["text"] == "LSG Alfa och LSG Beta slogs samman till LSG Alfa-Beta (2017-01-01)"


def test_lifetimes_clip_open_ends_to_the_dataset_span(merger):
    rows = {r["id"]: r for r in lifetimes(merger, lang="sv")}
    first, last = (d.isoformat() for d in merger.span)
    assert (rows["lsg_alfa"]["start"], rows["lsg_alfa"]["end"]) == (first, "2016-12-31")
    assert rows["lsg_alfa"]["open_start"] and not rows["lsg_alfa"]["open_end"]
    assert (rows["ledare"]["start"], rows["ledare"]["end"]) == ("2016-07-01", "2018-06-30")
    assert rows["q"]["start"] == "2016-03-01" and rows["q"]["end"] == "2018-12-31"
    merged = rows["lsg_alfa_beta.steers.p"]
    assert merged["type"] == "relation" and merged["start"] == "2017-01-01" and merged["end"] == last and merged["open_end"]
    assert (merged["source"], merged["target"], merged["name"]) == ("lsg_alfa_beta", "p", "LSG Alfa-Beta styr Projekt P – Pröva")
    # a relation clipped to the life of its ends: LSG Beta steers P until the merger
    assert rows["lsg_beta.steers.p"]["end"] == "2016-12-31"
    assert rows["lsg_alfa"]["kind_label"] == "Lokal samverkansgrupp"
    assert all(r["start"] <= r["end"] for r in rows.values())
    # entities first, top layer first
    kinds = [r["type"] for r in rows.values()]
    assert kinds == sorted(kinds, key=lambda k: k != "entity")
    assert next(iter(rows)) == "sf"


def test_a_relation_never_valid_is_left_out(tiny):
    s = tiny(entities=[{"id": "a", "kind": "lsg", "valid_to": "2010"}, {"id": "b", "kind": "project", "valid_from": "2012"}],
             relations=["a steers b"])
    assert [r["id"] for r in lifetimes(s)] == ["a", "b"]


def test_lifetimes_feed_a_dataframe(merger):
    import pandas as pd

    df = pd.DataFrame(lifetimes(merger, lang="en"))
    assert {"id", "type", "kind", "name", "start", "end"} <= set(df.columns)
    assert (pd.to_datetime(df["end"]) >= pd.to_datetime(df["start"])).all()


def test_reversed_range_is_an_input_error(merger):
    with pytest.raises(InputError):
        change_points(merger, start="2018-01-01", end="2017-01-01")


def test_cli_timeline_json(capsys, merger_dir, merger):
    assert main(["timeline", "--from", "2016-01-01", "--to", "2019-12-31", "--json", "--data", str(merger_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in data["events"]] == ["ev_merge", "ev_region"]
    assert [p["date"] for p in data["change_points"]] == [p["date"] for p in change_points(merger, start="2016-01-01", end="2019-12-31")]


def test_cli_timeline_text(capsys, merger_dir):
    assert main(["timeline", "--from", "2016-12-15", "--to", "2017-06-30", "--data", str(merger_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["Tidslinje 2016-12-15 – 2017-06-30", "2017-01-01",
                       "  - LSG Alfa och LSG Beta slogs samman till LSG Alfa-Beta (2017-01-01) [s_ev_merge]"]
    assert main(["timeline", "--from", "2017-02-01", "--to", "2017-06-30", "--lang", "en", "--data", str(merger_dir)]) == 0
    assert capsys.readouterr().out == "No changes between 2017-02-01 and 2017-06-30.\n"


def test_cli_timeline_bad_dates(capsys, merger_dir):
    assert main(["timeline", "--from", "2018-13", "--data", str(merger_dir)]) == 2
    err = capsys.readouterr().err
    assert "--from: Ogiltigt datum '2018-13': månaden 13 finns inte" in err and "Traceback" not in err
    assert main(["timeline", "--from", "2019", "--to", "2018", "--data", str(merger_dir)]) == 2
    assert "ligger efter slutdatumet" in capsys.readouterr().err
