"""AppTest: the map says what no source speaks for on the day (notice, switch, tooltip, details), on a tiny dataset.

The dataset: a status report speaks for 2016-10-13 – 2016-12-31 and says that LSG A
steers project P; an undated application says that LSG B does (a recorded conflict
names that relation); SF funds P for 2016 (both ends stated). On 2016-11-15, 2 of the
7 facts (LSG B and its relation) have no source for the day; on 2017-03-01 LSG A and
its relation have none either (P stays attested through SF's funding, stated for 2016–2017).
"""

from __future__ import annotations

import json

import pytest
from app_kit import live_map, run_app, shown
from streamlit.testing.v1 import AppTest

from conftest import write_dataset

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages

DAY = "2016-11-15"

TABLES = {
    "documents": [
        {"id": "rapport", "title": "Lägesrapport", "kind": "seed", "reference": "r.txt", "date": "2016-12", "period": "2016-10-13/2016-12-31"},
        {"id": "ansokan", "title": "Ansökan", "kind": "seed", "reference": "a.txt", "date": "2016"},
    ],
    "sources": [
        {"id": "s_rapport", "document": "rapport", "quote": "P (LSG A)", "locator": "s. 2"},
        {"id": "s_ansokan", "document": "ansokan", "quote": "LSG B är styrgrupp för P", "locator": "s. 1", "form": "paraphrase"},
        {"id": "s_beslut", "document": "rapport", "quote": "SF finansierar P 2016–2017", "period": "2016-01-01/2017-12-31"},
    ],
    "entities": [
        {"id": "sf", "kind": "association", "name_sv": "Förbundet SF", "valid_from": "2005"},
        {"id": "lsg_a", "kind": "lsg", "name_sv": "LSG A", "sources": ["s_rapport"]},
        {"id": "lsg_b", "kind": "lsg", "name_sv": "LSG B", "valid_from": "2016-10", "sources": ["s_ansokan"]},
        {"id": "p", "kind": "project", "name_sv": "Projekt P", "sources": ["s_rapport"]},
    ],
    "relations": [
        {"id": "r_a", "from_id": "lsg_a", "relation": "steers", "to_id": "p", "sources": ["s_rapport"]},
        {"id": "r_b", "from_id": "lsg_b", "relation": "steers", "to_id": "p", "sources": ["s_ansokan"]},
        {"id": "r_sf", "from_id": "sf", "relation": "funds", "to_id": "p", "valid_from": "2016-01-01", "valid_to": "2017-12-31", "sources": ["s_beslut"]},
    ],
    "conflicts": [{"facts": ["r_b"], "topic_sv": "Ansökan och rapporten säger olika om vem som styr P", "topic_en": "The application and the report disagree on who steers P"}],
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("attested") / "data", root="sf", **TABLES)


@pytest.fixture(autouse=True)
def use_data(data_dir, monkeypatch):
    monkeypatch.setenv("LSGMAP_DATA", str(data_dir))


def vis(at: AppTest, name: str = "nodes") -> dict[str, dict]:
    return {item["id"]: item for item in live_map(at)[name]}


def notices(at: AppTest) -> str:
    return "\n".join(shown(x.value) for x in [*at.info, *at.caption])


def param(at: AppTest, key: str) -> str | None:
    if key not in at.query_params:
        return None
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def details_table(at: AppTest):
    return next(d.value for d in at.dataframe if "Relation" in d.value.columns)


def test_the_notice_counts_the_facts_no_source_speaks_for():
    at = run_app({"on": DAY})
    assert "2 av 7 uppgifter saknar källa för detta datum" in notices(at)
    at.text_input(key="karta.on_box").input("2017-03-01").run()  # typed: not a step of the slider
    # r_a and LSG A: the report's period is over; LSG B and r_b: never; SF, r_sf and P: stated 2016–2017
    assert "4 av 7 uppgifter saknar källa för detta datum" in notices(at)


def test_the_notice_in_english():
    at = run_app({"on": DAY, "lang": "en"})
    assert "2 of 7 facts have no source for this date" in notices(at)


def test_unattested_facts_are_drawn_faded_and_dashed_and_the_legend_says_so():
    at = run_app({"on": DAY})
    nodes, edges = vis(at), vis(at, "edges")
    assert nodes["lsg_b"]["attested"] is False and "attested" not in nodes["lsg_a"]
    assert nodes["lsg_b"]["opacity"] < 1 and nodes["lsg_b"]["shapeProperties"]["borderDashes"]
    assert edges["r_b"]["attested"] is False and isinstance(edges["r_b"]["dashes"], list) and edges["r_b"]["color"]["opacity"] < 1
    assert edges["r_a"]["dashes"] is False and edges["r_a"]["color"] == "#b4510f"
    legend = "\n".join(h.proto.body for h in at.get("html"))
    assert 'data-legend="unattested"' in legend and "saknar källa för detta datum" in legend


def test_the_tooltip_says_why_and_the_conflict():
    at = run_app({"on": "2017-03-01"})
    nodes, edges = vis(at), vis(at, "edges")
    assert edges["r_a"]["title"].splitlines()[1:] == ["… –", "saknar källa för detta datum, senast belagd 2016-12-31"]
    assert nodes["lsg_b"]["title"].splitlines()[2:4] == ["oktober 2016 –", "saknar källa för detta datum, ingen källa talar för något datum"]
    assert "Motstridiga källor: Ansökan och rapporten säger olika om vem som styr P" in edges["r_b"]["title"].splitlines()
    assert not any(line.startswith("saknar") for line in edges["r_sf"]["title"].splitlines())  # stated 2016-01-01 – 2017-12-31


def test_the_switch_hides_unattested_facts_and_is_kept_in_the_url():
    at = run_app({"on": DAY})
    assert param(at, "attested") is None and at.toggle(key="karta.attested").value is False
    assert {"lsg_b", "lsg_a"} <= set(vis(at))
    at.toggle(key="karta.attested").set_value(True).run()
    assert param(at, "attested") == "1"
    assert set(vis(at)) == {"sf", "lsg_a", "p"} and set(vis(at, "edges")) == {"r_a", "r_sf"}
    assert "2 av 7 uppgifter saknar källa för detta datum. De är dolda." in notices(at)
    # the details: LSG B cannot be chosen, P lists only attested relations
    assert "lsg_b" not in at.selectbox(key="karta.entity").options and "LSG B" not in " ".join(at.selectbox(key="karta.entity").options)
    at.selectbox(key="karta.entity").set_value("p").run()
    assert [row for row in details_table(at).iloc[:, 0]] == ["LSG A styr Projekt P", "Förbundet SF finansierar Projekt P"]
    # a link with the switch on opens with it on
    again = run_app({"on": DAY, "attested": "1"})
    assert again.toggle(key="karta.attested").value is True and "lsg_b" not in vis(again)


def test_a_bad_switch_value_falls_back_with_a_notice():
    at = run_app({"on": DAY, "attested": "yes"})
    assert at.toggle(key="karta.attested").value is False
    assert any("attested" in w.value for w in at.warning)


def test_the_details_say_the_note_the_conflict_the_dates_and_a_paraphrase():
    at = run_app({"on": DAY})
    at.selectbox(key="karta.entity").set_value("lsg_b").run()
    head = "\n".join(x.value for x in at.text)
    assert "Lokal samverkansgrupp, giltig oktober 2016 –" in head
    assert "saknar källa för detta datum, ingen källa talar för något datum" in head
    table = details_table(at)
    row = table.iloc[0]
    assert row["Relation"] == "LSG B styr Projekt P" and row["Giltig"] == "… –"
    assert row["Anmärkning"].splitlines() == [
        "saknar källa för detta datum, ingen källa talar för något datum",
        "Motstridiga källor: Ansökan och rapporten säger olika om vem som styr P",
    ]
    assert row["Citat"] == "LSG B är styrgrupp för P (sammanfattning, inte citat)"


def test_an_attested_relation_has_no_note():
    at = run_app({"on": DAY})
    at.selectbox(key="karta.entity").set_value("lsg_a").run()
    row = details_table(at).iloc[0]
    assert row["Relation"] == "LSG A styr Projekt P" and row["Anmärkning"] == "" and row["Citat"] == "P (LSG A)"


# -- Jämför: a change line that rests on a recorded conflict, both panels faded ------------------


@pytest.fixture
def merger_with_conflict(tmp_path, merger_tables):
    merger_tables["conflicts"].append({"facts": ["lsg_beta.steers.p"], "topic_sv": "Ansökan och protokollet säger olika om Beta och P"})
    return write_dataset(tmp_path / "merger", root="sf", **merger_tables)


def test_jamfor_says_the_conflict_under_the_change_it_rests_on(merger_with_conflict, monkeypatch):
    monkeypatch.setenv("LSGMAP_DATA", str(merger_with_conflict))
    at = run_app({"page": "jamfor", "start": "2016-12-31", "end": "2017-01-01"})
    lines = "\n".join(x.value for x in at.text).splitlines()
    moved = next(i for i, line in enumerate(lines) if line.strip().startswith("• Projekt P – Pröva styrs av LSG Alfa-Beta"))  # under its merger
    assert lines[moved + 1].strip() == "Motstridiga källor: Ansökan och protokollet säger olika om Beta och P"
    quiet = next(i for i, line in enumerate(lines) if line.strip().startswith("• Alfa kommun omfattas av LSG Alfa-Beta"))
    assert lines[quiet + 1].strip().startswith("• ")  # no conflict behind it, no line
    for index in (0, 1):  # both panels draw what no source speaks for faded, and say how much
        nodes = live_map(at, index)["nodes"]
        assert any(n.get("attested") is False and n.get("opacity", 1) < 1 for n in nodes)
    counts = [shown(c.value) for c in at.caption if "uppgifter saknar källa" in c.value]
    assert len(counts) == 2
    legend = "\n".join(h.proto.body for h in at.get("html"))
    assert 'data-legend="unattested"' in legend


# -- Presentera: a step says the conflict and the working name ------------------------------------

STORY = """step,title_sv,title_en,text_sv,text_en,date,show,highlight
1,Vem styr P?,Who steers P?,Två källor.,Two sources.,2016-11-15,lsg;project;steers,r_b
2,Efter sammanslagningen,After the merger,Det nya LSG.,The new LSG.,2017-03-01,lsg;project,lsg_ab
"""


@pytest.fixture
def story_data(tmp_path):
    tables = json.loads(json.dumps(TABLES))
    tables["entities"].append(
        {"id": "lsg_ab", "kind": "lsg", "name_sv": "LSG A-B", "name_en": "LSG A-B", "valid_from": "2017-01-01", "attributes": {"name_is_working_name": "ja"}}
    )
    folder = write_dataset(tmp_path / "story", root="sf", **tables)
    (folder / "stories").mkdir()
    (folder / "stories" / "index.csv").write_text("id,title_sv,title_en,description_sv,description_en\nvem,Vem styr,Who steers,,\n", encoding="utf-8")
    (folder / "stories" / "vem.csv").write_text(STORY, encoding="utf-8")
    return folder


def test_presentera_says_the_conflict_and_the_working_name(story_data, monkeypatch):
    monkeypatch.setenv("LSGMAP_DATA", str(story_data))
    at = run_app({"page": "presentera", "story": "vem", "step": "1"})
    said = "\n".join(x.value for x in at.text)
    assert said == "Motstridiga källor: Ansökan och rapporten säger olika om vem som styr P"
    assert "arbetsnamn" not in said
    at.button(key="presentera.next").click().run()
    assert "\n".join(x.value for x in at.text) == "LSG A-B (arbetsnamn, inte i källorna)"
    english = run_app({"page": "presentera", "story": "vem", "step": "2", "lang": "en"})
    assert "\n".join(x.value for x in english.text) == "LSG A-B (working name, not in the sources)"
