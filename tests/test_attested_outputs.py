"""``lsgmap snapshot`` says which facts no source speaks for on the day, and can leave them out.

On the tiny reported structure of tests/attested_kit.py.
"""

from __future__ import annotations

import json

import pytest
from attested_kit import reported_tables

from lsgmap.cli import main


@pytest.fixture
def reported(tiny, merger_tables):
    return tiny(**reported_tables(merger_tables))


def _snapshot(capsys, reported, *args: str) -> str:
    assert main(["snapshot", *args, "--data", str(reported.path)]) == 0
    return capsys.readouterr().out


def test_snapshot_text_counts_and_marks_what_no_source_speaks_for(capsys, reported):
    snap = reported.snapshot(on="2017-03-01")
    lines = _snapshot(capsys, reported, "--on", "2017-03-01").splitlines()
    assert lines[:2] == ["2017-03-01", f"{snap.unattested_count} av {len(snap.node_ids) + len(snap.edge_keys)} uppgifter saknar källa för detta datum"]
    # no dates of its own: none borrowed from Q (2016-03-01 – 2018-12-31)
    assert "  LSG Gamma styr Projekt Q  [s_rapport] (saknar källa för detta datum, senast belagd 2016-12-31)" in lines
    # its stated dates cover the day, but the stated dates alone attest nothing
    assert "  [Roll / tjänst] Processledare Test (ledare), 2016-07-01 – 2018-06-30 (saknar källa för detta datum, ingen källa talar för något datum)" in lines
    derived = next(line for line in lines if line.startswith("  LSG Alfa-Beta styr Projekt P"))
    assert derived.endswith("(saknar källa för detta datum, härledd ur händelsen (sammanslagning), inte i någon källa)")
    # dates at the precision the source gave: "2016-10" is October 2016; the end is the post's, so it is not printed as the relation's
    assert any(line.startswith("  LSG Gamma är uppdragsgivare till Processledare Test, oktober 2016 –  [") for line in lines)
    # the application's budget plans the funding: planned, not attested; a stated end past the post's is said as such
    assert any(line.endswith("[s_budget] (saknar källa för detta datum, planerat, inte belagt)") for line in lines)
    assert any("oktober 2016 – oktober 2018 (Processledare Test finns bara till 2018-06-30)" in line for line in lines)
    assert "      Motstridiga källor: Källorna är oense (1)" in lines


def test_snapshot_attested_only_leaves_out_what_no_source_speaks_for(capsys, reported):
    full = _snapshot(capsys, reported, "--on", "2016-11-15").splitlines()
    only = _snapshot(capsys, reported, "--on", "2016-11-15", "--attested-only").splitlines()
    assert only[:3] == full[:3]
    kept, dropped = [], False
    for line in full[3:]:  # a fact no source speaks for goes, and the conflict lines under it
        if not line.startswith("      "):
            dropped = "saknar källa" in line
        if not dropped:
            kept.append(line)
    assert only == full[:3] + kept
    assert "  LSG Gamma styr Projekt Q  [s_rapport]" in only
    assert not any("Försäkringskassan" in line for line in only)
    english = _snapshot(capsys, reported, "--on", "2016-11-15", "--lang", "en").splitlines()
    assert english[1].endswith("facts have no source for this date")


def test_snapshot_json_attested_only(capsys, reported):
    full = json.loads(_snapshot(capsys, reported, "--on", "2017-03-01", "--json"))
    only = json.loads(_snapshot(capsys, reported, "--on", "2017-03-01", "--json", "--attested-only"))
    assert "attested_only" not in full and only["attested_only"] is True
    assert (only["facts"], only["unattested"]) == (full["facts"], full["unattested"])  # still the whole day
    assert [n["id"] for n in only["nodes"]] == [n["id"] for n in full["nodes"] if n["attested"]]
    assert [e["id"] for e in only["edges"]] == [e["id"] for e in full["edges"] if e["attested"]]
    assert len(only["nodes"]) + len(only["edges"]) == full["facts"] - full["unattested"]
    kept = {n["id"] for n in only["nodes"]}
    assert all({e["source"], e["target"]} <= kept for e in only["edges"])  # an attested relation's ends are attested
