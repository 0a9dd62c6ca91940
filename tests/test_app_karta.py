"""AppTest of the Karta page: the date moves the graph, URL state round-trips, problems never crash."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import pytest
from app_kit import live_map, run_app, shown
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


def graph_nodes(at: AppTest, index: int = 0) -> dict[str, dict]:
    """The nodes the ``index``-th live map draws."""
    return {n["id"]: n for n in live_map(at, index)["nodes"]}


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch):
    monkeypatch.delenv("LSGMAP_DATA", raising=False)


def test_opens_in_swedish_on_the_datasets_default_date_with_the_map_and_says_why():
    at = run_app()
    assert at.title[0].value == "lsgmap – samverkansstrukturen kring RAR"
    assert at.select_slider[0].value == date(2016, 11, 15)
    nodes = graph_nodes(at)
    assert {"lsg_trosa", "lsg_gnesta", "rar"} <= set(nodes) and "lsg_trosa_gnesta" not in nodes
    assert any("2016-11-15" in c.value.replace("\\", "") and "Lägesrapporten" in c.value for c in at.caption)
    assert at.query_params["page"] == ["karta"] or at.query_params["page"] == "karta"


def test_today_is_one_click_away():
    at = run_app()
    next(b for b in at.button if b.label.startswith("Visa i dag")).click().run()
    assert at.select_slider[0].value == date.today()
    assert not any("Lägesrapporten" in c.value for c in at.caption)  # the note belongs to the default day only


def test_moving_the_date_across_the_merger_replaces_trosa_and_gnesta():
    at = run_app()
    at.select_slider[0].set_value(date(2016, 12, 31)).run()
    before = graph_nodes(at)
    assert {"lsg_trosa", "lsg_gnesta"} <= set(before) and "lsg_trosa_gnesta" not in before
    at.select_slider[0].set_value(date(2017, 1, 1)).run()
    after = graph_nodes(at)
    assert "lsg_trosa_gnesta" in after and not {"lsg_trosa", "lsg_gnesta"} & set(after)
    for node_id in set(before) & set(after):
        assert (before[node_id]["x"], before[node_id]["y"]) == (after[node_id]["x"], after[node_id]["y"])
    merged = after["lsg_trosa_gnesta"]["x"]
    assert min(before["lsg_trosa"]["x"], before["lsg_gnesta"]["x"]) < merged < max(before["lsg_trosa"]["x"], before["lsg_gnesta"]["x"])


def test_previous_and_next_change_buttons_step_to_change_dates(sormland):
    at = run_app({"on": "2016-12-15"})
    at.button(key="karta.next").click().run()
    assert at.select_slider[0].value == date(2017, 1, 1)
    at.button(key="karta.prev").click().run()
    assert at.select_slider[0].value == max(d for d in sormland.change_dates() if d < date(2017, 1, 1))


def test_query_parameters_round_trip():
    params = {"page": "karta", "lang": "en", "on": "2016-11-01", "kinds": "lsg,municipality", "rel": "covers", "hide": "1", "q": "TRIS"}
    at = run_app(params)
    assert at.select_slider[0].value == date(2016, 11, 1)
    assert at.multiselect[0].value == ["lsg", "municipality"]
    assert at.toggle[0].value is True
    assert at.title[0].value == "lsgmap – the collaboration structure around RAR"
    got = {k: at.query_params[k] for k in params}
    assert {k: (v[0] if isinstance(v, list) else v) for k, v in got.items()} == params


def test_search_focuses_an_entity_and_its_neighbourhood():
    at = run_app({"on": "2016-11-01"})
    at.text_input(key="karta.q").set_value("tris").run()
    nodes = graph_nodes(at)
    assert {"tris", "lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund"} <= set(nodes)
    assert "kommun_eskilstuna" not in nodes
    assert at.selectbox(key="karta.entity").value == "tris"
    table = next(d.value for d in at.dataframe if "Relation" in d.value.columns)
    assert any("LSG Trosa styr TRIS" in row for row in table.iloc[:, 0])


def test_hide_persons_removes_names_from_the_map():
    at = run_app({"on": "2016-11-01"})
    assert "Ida Malmberg" in json.dumps(graph_nodes(at), ensure_ascii=False)
    at.toggle(key="karta.hide").set_value(True).run()
    assert "Ida Malmberg" not in json.dumps(graph_nodes(at), ensure_ascii=False)


def test_bad_url_values_fall_back_with_a_notice():
    at = run_app({"on": "2017-02-30", "kinds": "lsg,dragons", "lang": "xx"})
    notices = " ".join(w.value for w in at.warning)
    assert "on" in notices and "kinds" in notices and "lang" in notices
    assert at.select_slider[0].value == date(2016, 11, 15)  # the dataset's default day
    assert "rar" in graph_nodes(at)


def test_broken_dataset_shows_its_problems_not_a_traceback(tmp_path, monkeypatch, sormland):
    broken = tmp_path / "broken"
    shutil.copytree(sormland.path, broken)
    rel = broken / "relations.csv"
    lines = rel.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("r004,"))
    lines[row] = lines[row].replace("2019-01-01", "2019-02-30")  # r004: an impossible date
    rel.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("LSGMAP_DATA", str(broken))
    at = run_app({"on": "2020-01-01"})
    assert any("1 fel" in w.value for w in at.warning)
    where = next(d.value for d in at.dataframe if "Fil:rad" in d.value.columns).iloc[:, 0].tolist()
    assert f"relations.csv:{row + 1}" in where
    assert "rar" in graph_nodes(at)  # the map still draws


def test_missing_dataset_folder_is_an_error_message(tmp_path, monkeypatch):
    monkeypatch.setenv("LSGMAP_DATA", str(tmp_path / "nowhere"))
    at = run_app()
    assert "nowhere" in at.error[0].value


def test_language_switch_turns_the_page_english():
    at = run_app({"on": "2016-11-01"})
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "lsgmap – the collaboration structure around RAR"
    assert " ".join(graph_nodes(at)["rar"]["label"].split()) == "RAR Sörmland coordination association"
    assert (at.query_params["lang"][0] if isinstance(at.query_params["lang"], list) else at.query_params["lang"]) == "en"


def test_stepping_to_a_change_says_what_changed():
    at = run_app({"on": "2016-12-31"})
    assert not any("att gå samman" in c.value for c in at.caption)
    at.button(key="karta.next").click().run()
    assert at.select_slider[0].value == date(2017, 1, 1)
    said = [shown(c.value) for c in at.caption if "2017-01-01:" in shown(c.value)]
    assert said and "sammanslagning: LSG Trosa och LSG Gnesta → LSG Trosa-Gnesta (arbetsnamn)" in said[0] and "ändringar till" in said[0]


def test_event_dots_say_their_event_in_words(sormland):
    from lsgmap.app.karta import event_labels

    labels = {e["date"]: e["label"] for e in event_labels(sormland, "sv")}
    assert labels["2017-01-01"].startswith("2017-01-01: LSG Trosa och LSG Gnesta beslutade")
    at = run_app({"on": "2016-12-31"})
    strip = next(h.proto.body for h in at.get("html") if "lsgmap-strip" in h.proto.body)
    assert 'title="2017-01-01: LSG Trosa och LSG Gnesta beslutade' in strip  # one sentence, not "date 1483228800000"
    assert not at.get("vega_lite_chart") and not at.get("arrow_vega_lite_chart")  # no chart library before the first map


def download_names(monkeypatch) -> list[str]:
    """The file names the app's download buttons offer, recorded as Streamlit registers them."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    names: list[str] = []
    deferred, add = MediaFileManager.add_deferred, MediaFileManager.add

    def record_deferred(self, data, mimetype, coordinates, file_name=None, **kw):
        names.append(file_name)
        return deferred(self, data, mimetype, coordinates, file_name=file_name, **kw)

    def record(self, data, mimetype, coordinates, file_name=None, **kw):
        names.append(file_name)
        return add(self, data, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    monkeypatch.setattr(MediaFileManager, "add", record)
    return names


def test_downloads_are_named_by_the_date_and_the_focus(monkeypatch):
    names = download_names(monkeypatch)
    at = run_app({"on": "2016-11-01"})
    assert "lsgmap-2016-11-01.html" in names
    names.clear()
    at.text_input(key="karta.q").set_value("tris").run()
    at.checkbox(key="karta.img").check().run()
    assert {"lsgmap-2016-11-01-tris.html", "lsgmap-2016-11-01-tris.png"} <= set(names)
    assert not any(name.startswith("lsgmap-2016-11-01.") for name in names[names.index("lsgmap-2016-11-01-tris.html"):])


def test_the_legend_shows_the_shapes_and_lines_of_what_the_map_draws():
    at = run_app({"on": "2016-11-01", "kinds": "lsg,municipality", "rel": "covers"})
    legend = next(h.proto.body for h in at.get("html") if "data-legend" in h.proto.body)
    assert set(re.findall(r'data-legend="(entity|relation)-(\w+)"', legend)) == {("entity", "lsg"), ("entity", "municipality"), ("relation", "covers")}
    assert "<svg" not in legend  # st.html strips inline SVG: the shapes come as data: images (nothing fetched)
    import base64

    pictures = " ".join(base64.b64decode(b).decode() for b in re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', legend))
    assert 'data-shape="ellipse"' in pictures and 'data-shape="box"' in pictures and 'stroke-dasharray="8 4"' in pictures
    assert "grid-template-columns" in legend  # in columns that fit the width


def test_an_ambiguous_search_says_what_else_it_matches():
    at = run_app({"on": "2016-11-01", "q": "trosa"})
    said = next(shown(c.value) for c in at.caption if "Sökningen passar också" in shown(c.value))
    assert said.startswith("Visar Trosa kommun.") and "LSG Trosa" in said.split("också:")[1]


def test_a_typed_date_applies_and_a_bad_one_is_said_and_kept():
    at = run_app({"on": "2016-11-01"})
    at.text_input(key="karta.on_box").input("2017-03-01").run()
    assert at.select_slider[0].value == date(2017, 3, 1) and "lsg_trosa_gnesta" in graph_nodes(at)
    at.text_input(key="karta.on_box").input("2017-02-30").run()
    assert not at.exception and at.select_slider[0].value == date(2017, 3, 1)
    assert any("2017-02-30" in shown(w.value) and "ÅÅÅÅ-MM-DD" in shown(w.value) for w in at.warning)
    assert at.text_input(key="karta.on_box").value == "2017-02-30"  # kept for correcting
    at.text_input(key="karta.on_box").input("2016-12-31").run()
    assert at.select_slider[0].value == date(2016, 12, 31) and not any("2017-02-30" in shown(w.value) for w in at.warning)


def test_the_slider_steps_through_changes_not_days(sormland):
    at = run_app({"on": "2016-11-15"})
    stops = at.select_slider[0].options
    days = [date.fromisoformat(o) for o in stops]
    assert days == sorted(days) and date(2016, 12, 31) in days and date(2017, 1, 1) in days
    in_2016 = sum(d.year == 2016 for d in days)
    in_2012 = sum(d.year == 2012 for d in days)
    assert in_2016 >= 5 * in_2012 >= 5  # the change years are wide, a quiet year one step
    assert len(days) < 80  # not a step per day
    at.select_slider[0].set_value(date(2017, 1, 1)).run()
    assert "lsg_trosa_gnesta" in graph_nodes(at)


def test_the_map_fits_the_whole_layout_and_zooms_onto_a_search():
    whole = live_map(run_app({"on": "2016-11-15"}))
    found = live_map(run_app({"on": "2016-11-15", "q": "LSG Trosa"}))
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert whole["bounds"] and found["bounds"] and area(found["bounds"]) < 0.6 * area(whole["bounds"])
    inside = lambda b, n: b[0] <= n["x"] <= b[2] and b[1] <= n["y"] <= b[3]  # noqa: E731
    assert all(inside(found["bounds"], n) for n in found["nodes"])
    assert {n["id"] for n in found["nodes"]} < {n["id"] for n in whole["nodes"]}


def test_the_problems_table_is_sent_only_while_its_fold_is_open():
    at = run_app({"on": "2016-11-15"})
    fold = next(e for e in at.expander if e.label.startswith("Visa problemen"))
    assert not any("Åtgärd" in df.value.columns for df in at.dataframe)  # closed: no table made or sent
    at.session_state["problems_open"] = True
    at.run()
    table = next(df.value for df in at.dataframe if "Åtgärd" in df.value.columns)
    assert len(table) and fold.label
