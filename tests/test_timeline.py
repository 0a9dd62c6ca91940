"""Timeline: change dates, events with originals and results, the lifetime (Gantt) table, CLI."""

from __future__ import annotations

import json

import pytest

from lsgmap.cli import main
from lsgmap.errors import InputError
from lsgmap.model import BUNDLED_DATA
from lsgmap.timeline import change_points, events, lifetimes



def test_the_merger_is_a_change_point_with_what_changed(sormland):
    [point] = change_points(sormland, start="2016-12-01", end="2017-06-30")
    assert point["date"] == "2017-01-01"
    assert point["events"] == ["ev_sammanslagning_trosa_gnesta"]
    assert point["added"]["nodes"] == ["lsg_trosa_gnesta"]
    assert {"lsg_gnesta", "lsg_trosa"} <= set(point["removed"]["nodes"])
    assert point["changes"][0] == "LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta (2017-01-01) [ls_sammanslagning]"


def test_change_points_cover_the_status_report_period_and_funding(sormland):
    dates = [p["date"] for p in change_points(sormland)]
    assert dates == sorted(dates)
    # the status report period starts 2016-10-13; the process leader is funded from 2016-07-01 to 2018-06-30
    assert {"2005-01-01", "2016-07-01", "2016-10-13", "2017-01-01", "2018-07-01", "2019-01-01"} <= set(dates)
    oct13 = next(p for p in change_points(sormland) if p["date"] == "2016-10-13")
    assert {"r048", "r050", "r_ls_ibis", "r_ls_ips"} <= set(oct13["added"]["edges"])


def test_every_change_point_is_a_real_change(sormland):
    for p in change_points(sormland):
        assert p["events"] or any(p[side][part] for side in ("added", "removed", "changed") for part in ("nodes", "edges"))


def test_events_have_originals_results_and_a_sentence(sormland):
    evs = events(sormland, lang="en")
    assert [e["date"] for e in evs] == sorted(e["date"] for e in evs)
    region = next(e for e in evs if e["id"] == "ev_region_sormland")
    assert region["from"] == ["landstinget_sormland", "regionforbundet_sormland"] and region["to"] == ["region_sormland"]
    assert region["label"] == "Merger" and region["to_names"] == ["Region Sörmland"]
    founding = next(e for e in evs if e["kind"] == "founding")
    assert founding["from"] == [] and founding["to"] == ["rar"] and founding["date"] == "2005-01-01"


def test_lifetimes_clip_open_ends_to_the_dataset_span(sormland):
    rows = {r["id"]: r for r in lifetimes(sormland, lang="sv")}
    first, last = (d.isoformat() for d in sormland.span)
    assert (rows["lsg_trosa"]["start"], rows["lsg_trosa"]["end"]) == (first, "2016-12-31")
    assert rows["lsg_trosa"]["open_start"] and not rows["lsg_trosa"]["open_end"]
    assert (rows["processledare"]["start"], rows["processledare"]["end"]) == ("2016-07-01", "2018-06-30")
    assert rows["ibis"]["start"] == "2016-03-01" and rows["ibis"]["end"] == "2018-12-31"
    assert rows["r047"]["type"] == "relation" and rows["r047"]["start"] == "2017-01-01" and rows["r047"]["end"] == last
    # a relation clipped to the life of its ends: LSG Gnesta steers TRIS until the merger
    assert rows["r045"]["end"] == "2016-12-31"
    assert rows["lsg_trosa"]["kind_label"] == "Lokal samverkansgrupp"
    assert all(r["start"] <= r["end"] for r in rows.values())


def test_lifetimes_feed_a_dataframe(sormland):
    import pandas as pd

    df = pd.DataFrame(lifetimes(sormland, lang="en"))
    assert {"id", "type", "kind", "name", "start", "end"} <= set(df.columns)
    assert (pd.to_datetime(df["end"]) >= pd.to_datetime(df["start"])).all()


def test_reversed_range_is_an_input_error(sormland):
    with pytest.raises(InputError):
        change_points(sormland, start="2018-01-01", end="2017-01-01")


def test_cli_timeline_json_matches_the_golden_file(capsys, check_golden):
    assert main(["timeline", "--from", "2016-01-01", "--to", "2019-12-31", "--json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    check_golden("timeline_2016_2019.json", data)
    assert [e["id"] for e in data["events"]] == ["ev_sammanslagning_trosa_gnesta", "ev_region_sormland"]


def test_cli_timeline_text(capsys):
    assert main(["timeline", "--from", "2016-12-01", "--to", "2017-06-30", "--data", str(BUNDLED_DATA)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["Tidslinje 2016-12-01 – 2017-06-30", "2017-01-01",
                       "  - LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta (2017-01-01) [ls_sammanslagning]"]
    assert main(["timeline", "--from", "2017-02-01", "--to", "2017-06-30", "--lang", "en", "--data", str(BUNDLED_DATA)]) == 0
    assert capsys.readouterr().out == "No changes between 2017-02-01 and 2017-06-30.\n"


def test_cli_timeline_bad_dates(capsys):
    assert main(["timeline", "--from", "2018-13", "--data", str(BUNDLED_DATA)]) == 1
    err = capsys.readouterr().err
    assert "--from: Ogiltigt datum '2018-13': månaden 13 finns inte" in err and "Traceback" not in err
    assert main(["timeline", "--from", "2019", "--to", "2018", "--data", str(BUNDLED_DATA)]) == 1
    assert "ligger efter slutdatumet" in capsys.readouterr().err
