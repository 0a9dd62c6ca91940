"""The Data page's timeline never draws a start no source gives as a date (LSG Trosa and Ida Malmberg were drawn from 2005)."""

from __future__ import annotations

from lsgmap.app.data import timeline_bars
from lsgmap.time.timeline import lifetimes


def test_an_unknown_start_is_a_faint_lead_in_and_the_solid_bar_starts_where_a_source_speaks(sormland):
    rows = lifetimes(sormland, lang="sv")
    bars = timeline_bars(rows, "sv")
    first_day = sormland.span[0].isoformat()
    by_id: dict[str, list[dict]] = {}
    for bar in bars:
        by_id.setdefault(bar["id"], []).append(bar)
    for r in rows:
        solid = [b for b in by_id[r["id"]] if b["known"]]
        if not r["open_start"]:
            assert [(b["start"], b["end"]) for b in solid] == [(r["start"], r["end"])]
            continue
        windows = [w for w in r["attested"] if w[0] <= r["end"] and w[1] >= r["start"]]
        assert all(b["from_text"].startswith("okänd") for b in by_id[r["id"]]), r["id"]
        if not windows:
            assert not solid, r["id"]  # nothing known: only the faint lead-in
        else:
            assert solid[0]["start"] == max(min(w[0] for w in windows), first_day), r["id"]
    trosa = [b for b in by_id["lsg_trosa"] if b["known"]]
    ida = [b for b in by_id["ida_malmberg"] if b["known"]]
    assert trosa[0]["start"] == "2016-01-01" and ida[0]["start"] == "2016-10-13"
    unknown_start = {r["id"] for r in rows if r["open_start"]}  # a start no source states, not one stated as the first day
    assert sum(b["known"] and b["start"] == first_day and b["id"] in unknown_start for b in bars) < sum(r["start"] == first_day for r in rows if r["open_start"]) / 4
