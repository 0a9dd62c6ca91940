"""AppTest of the Jämför page: the merger preset, marks on both maps, the change list, URL state."""

from __future__ import annotations

from datetime import date

import pytest
from app_kit import live_map, run_app
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages

MERGER_SV = "LSG Trosa och LSG Gnesta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Trosa-Gnesta (arbetsnamn, inte i källorna); första gemensamma mötet 2017-01-23"


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    monkeypatch.delenv("LSGMAP_DATA", raising=False)





def graph_nodes(at: AppTest, index: int) -> dict[str, dict]:
    """The nodes the ``index``-th map (0: before, 1: after) was handed, by id."""
    return {n["id"]: n for n in live_map(at, index)["nodes"]}


def param(at: AppTest, key: str) -> str:
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def test_default_preset_is_before_and_after_the_trosa_gnesta_merger():
    at = run_app({"page": "jamfor"})
    assert at.selectbox(key="jamfor.preset").value == "ev_sammanslagning_trosa_gnesta"
    assert at.text_input(key="jamfor.start_box").value == date(2016, 12, 31).isoformat()
    assert at.text_input(key="jamfor.end_box").value == date(2017, 1, 1).isoformat()
    text = "\n".join(t.value for t in at.text)
    assert MERGER_SV in text
    assert "TRIS – Tidig Rehabilitering I Samverkan styrs av LSG Trosa-Gnesta (arbetsnamn, inte i källorna) i stället för LSG Trosa och LSG Gnesta" in text
    before, after = graph_nodes(at, 0), graph_nodes(at, 1)
    assert before["lsg_trosa"]["mark"] == "removed" and before["lsg_gnesta"]["mark"] == "removed"
    assert after["lsg_trosa_gnesta"]["mark"] == "added"
    assert "mark" not in after["kommun_trosa"]  # a neighbour: drawn, unmarked
    # same positions on both sides
    for node_id in set(before) & set(after):
        assert (before[node_id]["x"], before[node_id]["y"]) == (after[node_id]["x"], after[node_id]["y"])


def test_by_default_the_maps_draw_the_changed_part_laid_out_alone_and_the_toggle_draws_everything(sormland):
    at = run_app({"page": "jamfor"})
    assert at.toggle(key="jamfor.all").value is False and "all" not in at.query_params
    before, after = graph_nodes(at, 0), graph_nodes(at, 1)
    changed = {"lsg_trosa", "lsg_gnesta", "lsg_trosa_gnesta", "kommun_trosa", "kommun_gnesta", "tris"}
    assert changed <= set(before) | set(after)
    assert "kommun_eskilstuna" not in before and len(set(before) | set(after)) < len(sormland.entities) / 2  # the part, not the whole
    assert live_map(at, 0)["bounds"] == live_map(at, 1)["bounds"]  # both fitted to the same box: the same places on screen
    assert any("dess grannar" in c.value for c in at.caption)
    at.toggle(key="jamfor.all").set_value(True).run()
    whole_before, whole_after = graph_nodes(at, 0), graph_nodes(at, 1)
    assert "kommun_eskilstuna" in whole_before and set(before) < set(whole_before) and set(after) < set(whole_after)
    assert live_map(at, 0)["bounds"] == live_map(at, 1)["bounds"] != live_map(run_app({"page": "jamfor"}), 0)["bounds"]
    assert at.query_params["all"] in ("1", ["1"])
    again = run_app({"page": "jamfor", "all": "1"})  # the link keeps it
    assert again.toggle(key="jamfor.all").value is True and set(graph_nodes(again, 0)) == set(whole_before)


def test_two_quiet_dates_draw_the_whole_structure_and_say_so(sormland):
    at = run_app({"page": "jamfor", "start": "2017-03-01", "end": "2017-06-01", "preset": ""})
    assert len(graph_nodes(at, 0)) > 30 and any("inget ändrades" in c.value for c in at.caption)


def test_choosing_a_preset_sets_both_dates():
    at = run_app({"page": "jamfor", "start": "2018-01-01", "end": "2018-06-01"})
    assert at.selectbox(key="jamfor.preset").value == "ev_sammanslagning_trosa_gnesta"  # from the default, dates from the URL
    assert at.text_input(key="jamfor.start_box").value == date(2018, 1, 1).isoformat()
    at.selectbox(key="jamfor.preset").set_value("ev_region_sormland").run()
    assert at.text_input(key="jamfor.start_box").value == date(2018, 12, 31).isoformat()
    assert at.text_input(key="jamfor.end_box").value == date(2019, 1, 1).isoformat()
    assert "Region Sörmland" in "\n".join(t.value for t in at.text)


def test_query_parameters_round_trip_in_english():
    at = run_app({"page": "jamfor", "lang": "en", "start": "2016-10-01", "end": "2017-03-01", "preset": "ev_sammanslagning_trosa_gnesta"})
    assert (param(at, "start"), param(at, "end"), param(at, "lang"), param(at, "page")) == ("2016-10-01", "2017-03-01", "en", "jamfor")
    assert "to merge from 2017-01-01 into LSG Trosa-Gnesta" in "\n".join(t.value for t in at.text)


def test_reversed_dates_are_swapped_with_a_note():
    at = run_app({"page": "jamfor", "start": "2017-01-01", "end": "2016-12-31"})
    assert any("bytt plats" in i.value for i in at.info)
    assert MERGER_SV in "\n".join(t.value for t in at.text)


def test_no_changes_between_two_quiet_dates():
    at = run_app({"page": "jamfor", "start": "2017-03-01", "end": "2017-06-01", "preset": ""})
    captions = " ".join(c.value for c in at.caption)
    assert "Inga ändringar" in captions and "Inga händelser" in captions


def test_bad_preset_and_page_fall_back_with_a_notice():
    at = run_app({"page": "jamfor", "preset": "no_such_event"})
    assert any("preset" in w.value for w in at.warning)
    at = run_app({"page": "nosuchpage"})
    assert any("page" in w.value for w in at.warning)
    assert at.select_slider  # fell back to Karta


def test_facts_no_longer_attested_are_a_quiet_list_apart_from_the_changes():
    at = run_app({"page": "jamfor", "start": "2016-12-31", "end": "2017-02-01", "preset": ""})
    changes = at.text[0].value
    assert "Upphörde: LSG Oxelösund styr IBIS" not in changes and "att gå samman" in changes
    quiet = next(e for e in at.expander if e.label.replace("\\", "").startswith("Inte längre belagda"))
    listed = "\n".join(x.value for x in quiet.text)
    assert "LSG Oxelösund styr IBIS – IntegrationsBygget I Sörmland, senast belagd 2016-12-31" in listed
    assert "Upphörde" not in listed


def test_changes_are_grouped_under_their_event_with_document_names_not_ids():
    at = run_app({"page": "jamfor"})
    text = at.text[0].value
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("■ LSG Trosa och LSG Gnesta beslutade"))
    others = lines.index("Övriga ändringar")
    followed = lines[head + 1 : others]
    assert any("TRIS – Tidig Rehabilitering I Samverkan styrs av LSG Trosa-Gnesta" in line for line in followed)
    assert all(line.startswith("    ") for line in followed)  # what followed from the merger, indented under it
    assert any("Upphörde: Ordförande LSG Trosa" in line for line in lines[others:])
    assert "ls_sammanslagning" not in text and "an_gnesta_trosa" not in text  # no raw source ids
    assert "[Lägesrapport avseende Processledare LSG…" in text
    quotes = next(e for e in at.expander if e.label == "Källor och citat")
    assert "Lägesrapport avseende Processledare LSG södra Sörmland, period" in quotes.text[0].value


def test_the_compare_view_has_an_offline_html_export(sormland):
    from lsgmap.draw.elements import elements
    from lsgmap.draw.html import to_compare_html
    from lsgmap.draw.layout.positions import layered_positions
    from lsgmap.draw.view import compare_views

    at = run_app({"page": "jamfor"})
    from lsgmap.i18n import t

    assert t("app.download_html", "sv") in [b.proto.label for b in at.get("download_button")]
    positions = layered_positions(sormland)
    sides = [elements(sormland, v, positions) for v in compare_views(sormland, start="2016-12-31", end="2017-01-01")]
    page = to_compare_html(*sides)
    assert page.count("<iframe srcdoc=") == 2 and "<script src" not in page
    assert "lsg_trosa_gnesta" in page.split("<iframe")[2] and "lsg_trosa_gnesta" not in page.split("<iframe")[1]
    assert 'data-legend="mark-removed"' in page or "removed" in page.split("data-lsgmap=\"legend\"")[1]


def test_a_long_change_list_comes_in_pages():
    at = AppTest.from_string(
        "import lsgmap.app.jamfor as j\nj.PAGE_LINES = 5\nfrom lsgmap.app.main import main\nmain()\n", default_timeout=60
    )
    at.query_params["page"] = "jamfor"
    at.run()
    assert not at.exception
    first = at.text[0].value.splitlines()
    assert len(first) == 5 and first[0].startswith("■ LSG Trosa och LSG Gnesta beslutade")
    assert any("Rad 1–5 av" in c.value for c in at.caption)
    at.number_input(key="jamfor.page").set_value(2).run()
    second = at.text[0].value.splitlines()
    assert len(second) <= 5 and second[0] not in first


def test_typed_dates_apply_and_clear_the_preset_and_a_bad_one_is_said():
    at = run_app({"page": "jamfor"})
    at.text_input(key="jamfor.start_box").input("2016-10-01").run()
    assert at.selectbox(key="jamfor.preset").value == "" and param(at, "start") == "2016-10-01"
    at.text_input(key="jamfor.end_box").input("2017-13-01").run()
    assert not at.exception and param(at, "end") == "2017-01-01"  # the last good date stays
    assert any("2017-13-01" in w.value.replace("\\", "") for w in at.warning)
    assert at.text_input(key="jamfor.end_box").value == "2017-13-01"  # kept for correcting
