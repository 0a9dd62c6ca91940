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


def _tab(name: str, **params) -> AppTest:
    """The page opened on one tab (only the open tab is computed)."""
    at = _run(tab=name, **params)
    assert not at.exception
    return at


def test_only_the_open_tab_is_drawn(data_page):
    assert len(data_page.dataframe) == 1 and "lsg_trosa_gnesta" in set(data_page.dataframe[0].value["id"])
    assert not (data_page.get("arrow_vega_lite_chart") or data_page.get("vega_lite_chart"))  # no timeline or budget chart


def test_tables_show_the_dataset(data_page):
    at = data_page
    assert not at.exception
    entities = at.dataframe[0].value
    assert "lsg_trosa_gnesta" in set(entities["id"])
    relations = _tab("relations").dataframe[0].value
    row = relations[relations["id"] == "r047"].iloc[0]
    assert (row["Vem"], row["Relation"], row["Vad"]) == ("LSG Trosa-Gnesta", "styr", "TRIS – Tidig Rehabilitering I Samverkan")
    events = _tab("events").dataframe[0].value
    assert "ev_sammanslagning_trosa_gnesta" in set(events["id"])


def test_check_findings_with_file_and_line():
    findings = next(df.value for df in _tab("check").dataframe if "Fil:rad" in df.value.columns and "Åtgärd" in df.value.columns)
    assert len(findings) > 0
    assert findings["Fil:rad"].str.match(r"^[\w/.-]+\.csv(:\d+)?$").all()
    assert any("2018-06-31" in str(v) for v in findings["Värde"])  # the impossible date in the application


def test_budget_table_sums_the_application():
    # the application's budget: salary 401 + 801 + 401 tkr
    pivot = next(df.value for df in _tab("budget").dataframe if "2017" in [str(c) for c in df.value.columns])
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
    assert any(df.value.columns[0] == "id" for df in _run(lang="en").dataframe)
    check = _tab("check", lang="en")
    assert "The check found" in " ".join(x.value for x in check.error) + " ".join(x.value for x in check.success)
    for tab in ("timeline", "budget"):
        at = _tab(tab, lang="en")
        assert len(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")) == 1  # Gantt; budget


def test_tab_search_and_language_live_in_the_url():
    at = _run(tab="events", q="Trosa", lang="en")
    assert not at.exception
    assert at.session_state["data_tabs"] == "Events" and at.text_input(key="data_search").value == "Trosa"
    entities = at.dataframe[0].value  # the events
    assert len(entities) and all("trosa" in " ".join(map(str, row)).lower() for row in entities.itertuples())  # the search applies
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert (params.get("tab"), params.get("q"), params.get("lang")) == ("events", "Trosa", "en")
    at.text_input(key="data_search").input("Gnesta").run()
    assert at.query_params["q"] in ("Gnesta", ["Gnesta"])


def test_a_bad_tab_in_the_url_opens_the_first_with_a_notice():
    at = _run(tab="dragons")
    assert at.session_state["data_tabs"] == "Aktörer" or at.session_state["data_tab"] == "entities"
    assert any("tab" in w.value for w in at.warning)


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # the synthetic generator lives with the benchmarks
    from synthetic import generate

    return generate(tmp_path_factory.mktemp("national") / "data", seed=4, associations=3, municipalities=12, years=8)


def test_national_tables_are_paged_and_the_budget_is_the_country_then_one_association(national, monkeypatch):
    from lsgmap.app.common import PAGE_ROWS
    from lsgmap.dataset.load import load
    from lsgmap.model.scope import associations, part_of

    monkeypatch.setenv("LSGMAP_DATA", str(national))
    s = load(national)
    assert len(s.relations) > PAGE_ROWS
    at = _tab("relations")
    assert len(at.dataframe[0].value) == PAGE_ROWS and f"av {len(s.relations)} rader" in " ".join(c.value for c in at.caption)
    at.number_input(key="data.relations.page").set_value(2).run()
    assert list(at.dataframe[0].value["id"]) == list(s.relations)[PAGE_ROWS : 2 * PAGE_ROWS]  # the second page
    budget = _tab("budget")
    sums = budget.dataframe[0].value  # the country's totals by item and year
    assert sums.loc["Summa", "Summa"] == pytest.approx(sum(b.amount_tkr for b in s.budget))
    assert any(df.value.columns[0] == "Samordningsförbund" for df in budget.dataframe)  # then: choose an association
    chosen = associations(s)[0]
    part = part_of(s, chosen)
    mine = _tab("budget", assoc=chosen)
    funded = next(df.value for df in mine.dataframe if "id" in df.value.columns)
    assert set(funded["id"]) == {b.relation for b in part.budget} and len(funded) < len({b.relation for b in s.budget})


def test_a_timeline_row_opens_the_entity():
    """Choosing a row of the timeline shows the entity's details on its last day there and links to it on Karta."""
    at = _tab("timeline")
    at.selectbox(key="data_gantt_open").set_value("lsg_trosa").run()
    assert not at.exception
    said = " ".join(m.value for m in at.markdown).replace("\\", "")  # data text is shown with Markdown escaped
    assert "LSG Trosa" in said and "Läget den 2016-12-31" in said
    assert "./karta?entity=lsg_trosa&on=2016-12-31&lang=sv" in said  # the same entity on the map, that day
    assert any("Lokal samverkansgrupp" in x.value for x in at.text)  # its details: kind and validity
