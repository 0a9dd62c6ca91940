"""Diff between two dates: the Trosa–Gnesta merger, empty diffs, 'changed', apply(), CLI, golden JSON."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.diff import SnapshotIds, apply, diff
from lsgmap.errors import InputError
from lsgmap.model import BUNDLED_DATA, load



def copy_with_rows(tmp_path: Path, table: str, rows: list[list[str]]) -> Path:
    """A copy of the bundled data with ``rows`` appended to ``table``.csv."""
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    with open(folder / f"{table}.csv", "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return folder


# -- the merger (issue: "done when") ------------------------------------------------------
def test_merger_diff_removes_the_two_groups_and_adds_the_merged_one(sormland):
    d = diff(sormland, start="2016-12-31", end="2017-02-01")
    assert {"lsg_trosa", "lsg_gnesta"} <= set(d.nodes_removed)
    assert "lsg_trosa_gnesta" in d.nodes_added
    assert d.events == ("ev_sammanslagning_trosa_gnesta",)
    # the steering of TRIS moved from both groups to the merged one
    assert {"r045", "r046"} <= set(d.edges_removed)
    assert "r047" in d.edges_added
    # the status report's period-bound project links end with the period
    assert {"r048", "r050"} <= set(d.edges_removed)
    assert not d.nodes_changed and not d.edges_changed


def test_merger_json_has_the_event_with_its_sources(sormland):
    j = diff(sormland, start="2016-12-31", end="2017-02-01").to_json("sv")
    assert list(j) == ["from", "to", "nodes_added", "nodes_removed", "nodes_changed", "edges_added",
                       "edges_removed", "edges_changed", "events", "changes"]
    assert (j["from"], j["to"]) == ("2016-12-31", "2017-02-01")
    assert {"id": "lsg_trosa_gnesta", "kind": "lsg", "name": "LSG Trosa-Gnesta"}.items() <= j["nodes_added"][0].items()
    [event] = j["events"]
    assert (event["kind"], event["date"], event["from"], event["to"]) == ("merger", "2017-01-01", ["lsg_trosa", "lsg_gnesta"], ["lsg_trosa_gnesta"])
    assert event["sources"] == ["ls_sammanslagning"]


def test_changes_say_the_merger_and_the_moved_steering_in_swedish_and_english(sormland):
    d = diff(sormland, start="2016-12-31", end="2017-02-01")
    sv, en = d.changes("sv"), d.changes("en")
    assert sv[0] == "LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta (2017-01-01) [ls_sammanslagning]"
    assert en[0].startswith("LSG Trosa and LSG Gnesta merged into LSG Trosa-Gnesta")
    tris = [line for line in sv if line.startswith("TRIS")]
    assert tris == ["TRIS – Tidig Rehabilitering I Samverkan styrs av LSG Trosa-Gnesta i stället för LSG Trosa och LSG Gnesta"
                    " (från 2017-01-01) [ls_sammanslagning, an_gnesta_trosa]"]
    assert any("har som uppdragsgivare LSG Trosa-Gnesta i stället för LSG Trosa och LSG Gnesta" in line for line in sv)
    # moved relations are not repeated as separate "ended" lines
    assert not any("LSG Trosa styr TRIS" in line for line in sv)
    assert any(line.startswith("Upphörde: Ordförande LSG Trosa (") for line in sv)


def test_marks_colour_nodes_and_edges(sormland):
    marks = diff(sormland, start="2016-12-31", end="2017-02-01").marks()
    assert marks["lsg_trosa"] == "removed" and marks["lsg_trosa_gnesta"] == "added"
    assert marks["r045"] == "removed" and marks["r047"] == "added"
    assert "rar" not in marks


def test_region_merger_2019(sormland):
    d = diff(sormland, start="2018-06-01", end="2019-06-01")
    assert d.nodes_added == ("region_sormland",)
    assert set(d.nodes_removed) >= {"landstinget_sormland", "regionforbundet_sormland"}
    assert any(line.startswith("Samordningsförbundet RAR i Sörmland har som medlem Region Sörmland i stället för Landstinget Sörmland")
               for line in d.changes("sv"))


@pytest.mark.parametrize("start,end", [("2017-03-01", "2017-06-01"), ("2016-11-01", "2016-11-01"), ("2010-05-05", "2015-05-05")])
def test_nothing_in_between_gives_an_empty_diff(sormland, start, end):
    d = diff(sormland, start=start, end=end)
    assert d.is_empty() and d.changes() == [] and d.marks() == {}


def test_start_after_end_is_an_input_error_in_both_languages(sormland):
    with pytest.raises(InputError) as exc:
        diff(sormland, start="2017-02-01", end="2016-12-31")
    assert "2017-02-01" in exc.value.render("sv") and "efter" in exc.value.render("sv")
    assert "after" in exc.value.render("en")


def test_a_rename_that_keeps_the_id_is_a_change(tmp_path):
    folder = copy_with_rows(tmp_path, "events", [["ev_gnot_namn", "rename", "2016-09-01", "", "LSG GNOT byter namn", "LSG GNOT is renamed",
                                                   "lsg_gnot", "lsg_gnot", "an_gnot", ""]])
    s = load(folder)
    assert not s.errors
    d = diff(s, start="2016-08-01", end="2016-10-01")
    assert d.nodes_changed == ("lsg_gnot",)
    assert {"r022", "r026", "r030"} <= set(d.edges_changed)  # relations valid on both days with LSG GNOT at one end
    assert d.marks()["lsg_gnot"] == "changed"
    assert "Ändrad: LSG GNOT berörs av LSG GNOT byter namn [an_gnot]" in d.changes("sv")
    # a relation whose interval differs but which holds on both days is not changed
    assert "r001" not in d.edges_changed


# -- the property: snapshot(a) + diff(a, b) == snapshot(b) ----------------------------------
DAYS = st.dates(min_value=date(2003, 1, 1), max_value=date(2021, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=DAYS, b=DAYS)
def test_applying_the_diff_to_snapshot_a_gives_snapshot_b(sormland, a, b):
    a, b = min(a, b), max(a, b)
    d = diff(sormland, start=a, end=b)
    assert apply(sormland.snapshot(on=a), d) == SnapshotIds.of(sormland.snapshot(on=b))
    assert set(d.events) == {e.id for e in sormland.events.values() if a.toordinal() < e.day <= b.toordinal()}


@pytest.fixture(scope="module")
def small_synthetic(tmp_path_factory):
    from lsgmap.synthetic import generate

    return load(generate(tmp_path_factory.mktemp("syn"), seed=7, associations=2, municipalities=8, years=8))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31)), gap=st.integers(0, 3000))
def test_the_property_holds_on_synthetic_data_with_mergers_and_splits(small_synthetic, a, gap):
    b = a + timedelta(days=gap)
    d = diff(small_synthetic, start=a, end=b)
    snap_b = SnapshotIds.of(small_synthetic.snapshot(on=b))
    assert apply(small_synthetic.snapshot(on=a), d) == snap_b
    assert set(d.nodes_changed) <= snap_b.nodes and set(d.edges_changed) <= snap_b.edges
    assert len(d.changes("en")) >= len(d.events)


# -- CLI ------------------------------------------------------------------------------------
def test_cli_diff_json_matches_the_golden_file(capsys, check_golden):
    assert main(["diff", "2016-12-31", "2017-02-01", "--json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    check_golden("diff_2016-12-31_2017-02-01.json", data)
    assert data["events"][0]["from"] == ["lsg_trosa", "lsg_gnesta"]


def test_cli_diff_text_and_empty(capsys):
    assert main(["diff", "2016-12-31", "2017-02-01", "--data", str(BUNDLED_DATA)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Skillnader mellan 2016-12-31 och 2017-02-01"
    assert "  - LSG Trosa och LSG Gnesta slogs samman till LSG Trosa-Gnesta (2017-01-01) [ls_sammanslagning]" in out
    assert main(["diff", "2017-03-01", "2017-04-01", "--lang", "en", "--data", str(BUNDLED_DATA)]) == 0
    assert capsys.readouterr().out == "No differences between 2017-03-01 and 2017-04-01.\n"
    assert main(["diff", "2017-03-01", "2017-04-01", "--json", "--data", str(BUNDLED_DATA)]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert all(empty[k] == [] for k in empty if k not in ("from", "to"))


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["diff", "2017-02-30", "2017-03-01"], "FROM: Ogiltigt datum '2017-02-30': dag 30 finns inte i 2017-02"),
        (["diff", "2017-03-01", "mars"], "TO: Ogiltigt datum 'mars'"),
        (["diff", "2017-02-01", "2016-12-31"], "Fel: Startdatumet 2017-02-01 ligger efter slutdatumet 2016-12-31."),
    ],
)
def test_cli_diff_bad_input_is_a_message_not_a_traceback(capsys, argv, expected):
    assert main(argv + ["--data", str(BUNDLED_DATA)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
