"""AppTest of the Data page: tables, search, check findings, timeline and budget, downloads."""

from __future__ import annotations

import pytest
from app_kit import run_app
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages


def _run(**params) -> AppTest:
    return run_app(params, page="data", strict=False)


@pytest.fixture(scope="module")
def data_page() -> AppTest:
    return _run()


def test_tables_show_the_dataset(data_page):
    at = data_page
    assert not at.exception
    frames = [df.value for df in at.dataframe]
    entities = frames[0]
    assert "lsg_trosa_gnesta" in set(entities["id"])
    relations = frames[1]
    row = relations[relations["id"] == "r047"].iloc[0]
    assert (row["Vem"], row["Relation"], row["Vad"]) == ("LSG Trosa-Gnesta", "styr", "TRIS – Tidig Rehabilitering I Samverkan")
    events = frames[2]
    assert "ev_sammanslagning_trosa_gnesta" in set(events["id"])


def test_check_findings_with_file_and_line(data_page):
    findings = next(df.value for df in data_page.dataframe if "Fil:rad" in df.value.columns and "Åtgärd" in df.value.columns)
    assert len(findings) > 0
    assert findings["Fil:rad"].str.match(r"^[\w/.-]+\.csv(:\d+)?$").all()
    assert any("2018-06-31" in str(v) for v in findings["Värde"])  # the impossible date in the application


def test_budget_table_sums_the_application(data_page):
    # the application's budget: salary 401 + 801 + 401 tkr
    pivot = next(df.value for df in data_page.dataframe if "2017" in [str(c) for c in df.value.columns])
    assert pivot.loc["Lön", "2017"] == 801
    assert pivot.loc["Lön", "Summa"] == 1603
    assert pivot.loc["Summa", "2016"] == 401 + 9 + 8 + 5 + 8


def test_search_filters_every_table():
    at = _run()
    at.text_input(key="data_search").input("Gnesta").run()
    entities = at.dataframe[0].value
    assert set(entities["id"]) >= {"lsg_gnesta", "kommun_gnesta", "lsg_trosa_gnesta"}
    assert "kommun_eskilstuna" not in set(entities["id"])


def test_downloads_have_content(data_page):
    buttons = data_page.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert "Ladda ner CSV" in labels and "Ladda ner Excel (XLSX)" in labels
    assert {"Ladda ner GEXF", "Ladda ner GraphML", "Ladda ner JSON-LD", "Ladda ner arbetsbok (XLSX)"} <= set(labels)


def test_timeline_chart_and_english():
    at = _run(lang="en")
    assert not at.exception
    assert any(df.value.columns[0] == "id" for df in at.dataframe)
    assert "The check found" in " ".join(x.value for x in at.error) + " ".join(x.value for x in at.success)
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) >= 2  # Gantt and budget


def test_tab_search_and_language_live_in_the_url():
    at = _run(tab="events", q="Trosa", lang="en")
    assert not at.exception
    assert at.session_state["data_tabs"] == "Events" and at.text_input(key="data_search").value == "Trosa"
    entities = at.dataframe[0].value
    assert len(entities) and all("trosa" in " ".join(map(str, row)).lower() for row in entities.itertuples())  # the search applies
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert (params.get("tab"), params.get("q"), params.get("lang")) == ("events", "Trosa", "en")
    at.text_input(key="data_search").input("Gnesta").run()
    assert at.query_params["q"] in ("Gnesta", ["Gnesta"])


def test_a_bad_tab_in_the_url_opens_the_first_with_a_notice():
    at = _run(tab="dragons")
    assert at.session_state["data_tabs"] == "Aktörer" or at.session_state["data_tab"] == "entities"
    assert any("tab" in w.value for w in at.warning)
