"""Timeline: change dates, events with originals and results, the lifetime (Gantt) table, CLI.

On the tiny merger structure of conftest.py; the bundled data's golden timeline
is in tests/test_sormland.py.
"""

from __future__ import annotations

import json

import pytest
from attested_kit import reported_tables

from lsgmap.cli import main
from lsgmap.errors import InputError
from lsgmap.time.timeline import change_points, events, lifetimes


def test_the_merger_is_a_change_point_with_what_changed(merger):
    [point] = change_points(merger, start="2016-12-15", end="2017-06-30")
    assert point["date"] == "2017-01-01"
    assert point["events"] == ["ev_merge"]
    assert point["added"]["nodes"] == ["lsg_alfa_beta"]
    assert {"lsg_alfa", "lsg_beta"} <= set(point["removed"]["nodes"])
    assert "lsg_alfa_beta.steers.p" in point["added"]["edges"] and "lsg_alfa.steers.p" in point["removed"]["edges"]
    assert point["changes"][0] == "LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta [s_ev_merge]"
    english = change_points(merger, start="2016-12-15", end="2017-06-30", lang="en")
    assert english[0]["changes"][0] == "LSG Alfa and LSG Beta decided (2016-10-13 – 2016-12-31) to merge from 2017-01-01 into LSG Alfa-Beta [s_ev_merge]"


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
    assert merge["text"] == "LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta"


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
                       "  - LSG Alfa och LSG Beta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Alfa-Beta [s_ev_merge]"]
    assert main(["timeline", "--from", "2017-02-01", "--to", "2017-06-30", "--lang", "en", "--data", str(merger_dir)]) == 0
    assert capsys.readouterr().out == "No changes between 2017-02-01 and 2017-06-30.\n"


def test_cli_timeline_bad_dates(capsys, merger_dir):
    assert main(["timeline", "--from", "2018-13", "--data", str(merger_dir)]) == 2
    err = capsys.readouterr().err
    assert "--from: Ogiltigt datum '2018-13': månaden 13 finns inte" in err and "Traceback" not in err
    assert main(["timeline", "--from", "2019", "--to", "2018", "--data", str(merger_dir)]) == 2
    assert "ligger efter slutdatumet" in capsys.readouterr().err


# -- attestation ----------------------------------------------------------------------------
@pytest.fixture
def reported(tiny, merger_tables):
    return tiny(**reported_tables(merger_tables))


def test_a_source_period_ending_is_not_an_ending_in_the_timeline(reported):
    [point] = change_points(reported, start="2016-12-15", end="2017-06-30")
    assert "lsg_gamma.steers.q" in point["unattested"]["edges"] and "lsg_gamma.steers.q" not in point["removed"]["edges"]
    assert not any("Projekt Q" in line for line in point["changes"])
    # no change point of its own where only a source's period ends (the application's, 2016-06-30)
    assert [p["date"] for p in change_points(reported, start="2016-06-15", end="2016-07-15")] == ["2016-07-01"]
    assert change_points(reported, start="2016-06-15", end="2016-07-15")[0]["added"]["nodes"] == ["ledare"]


def test_what_a_change_brings_in_says_whether_a_source_speaks_for_it(reported):
    [point] = change_points(reported, start="2016-12-15", end="2017-06-30")
    items = {i["text"].split(" (")[0]: i for i in point["items"]}
    event = items["LSG Alfa och LSG Beta beslutade"]
    assert event["attested"] and event["note"] == ""  # an event line stands on the event's sources
    moved = next(i for i in point["items"] if i["text"].startswith("Projekt P – Pröva styrs av LSG Alfa-Beta"))
    assert not moved["attested"]
    assert moved["note"] == "saknar källa för detta datum, härledd ur en händelse, inte belagd i någon källa"
    ended = next(i for i in point["items"] if i["text"].startswith("Upphörde: LSG Gamma styr Kort insats"))
    assert ended["attested"] and ended["note"] == ""
    assert [i["text"] + (f" [{', '.join(i['sources'])}]" if i["sources"] else "") for i in point["items"]] == point["changes"]


def test_lifetimes_list_the_attested_windows(reported):
    rows = {r["id"]: r for r in lifetimes(reported)}
    assert rows["lsg_gamma.steers.q"]["attested"] == [["2016-10-13", "2016-12-31"]]
    assert rows["lsg_beta.steers.p"]["attested"] == [["2016-01-01", "2016-06-30"]]
    assert rows["ledare"]["attested"] == []  # both ends stated, but the stated dates alone attest nothing
    assert rows["lsg_alfa_beta.steers.p"]["attested"] == []  # derived from the merger


def test_cli_timeline_marks_what_no_source_speaks_for(capsys, reported):
    assert main(["timeline", "--from", "2016-12-15", "--to", "2017-06-30", "--data", str(reported.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "  - Projekt P – Pröva styrs av LSG Alfa-Beta i stället för LSG Alfa och LSG Beta (från 2017-01-01) – härledd ur händelsen " \
        "(sammanslagning), inte i någon källa [s_ev_merge, s_lsg_alfa.steers.p] (saknar källa för detta datum, härledd ur en händelse, " \
        "inte belagd i någon källa)" in out
    quiet = [line for line in out if line.startswith("    · ")]
    assert len(quiet) == 1 and "har ingen källa från 2017-01-01 men har inte upphört" in quiet[0]
    assert not any("Projekt Q" in line for line in out)
