"""Stories as data: the two bundled stories, what their steps show, and bad story files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lsgmap.dataset.load import BUNDLED_DATA
from lsgmap.dataset.stories import Step, load_stories


@pytest.fixture(scope="module")
def stories(sormland):
    found, problems = load_stories(sormland)
    assert problems == []
    return {s.id: s for s in found}


def test_both_stories_are_bundled_in_index_order(sormland):
    found, _ = load_stories(sormland)
    assert [s.id for s in found] == ["lsg-roll", "vem-styr-2016-2017"]
    assert found[0].title("sv") == "LSG:s roll i samverkansstrukturen"
    assert found[1].title("sv") == "Vem styr vad? 2016 och 2017"


def test_lsg_roll_follows_the_issue_outline(sormland, stories):
    steps = stories["lsg-roll"].steps
    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    first = steps[0].view(sormland)
    # RAR and its members: the agencies, the county council and the municipalities
    assert {"rar", "forsakringskassan", "arbetsformedlingen", "landstinget_sormland", "kommun_trosa"} <= set(first.node_ids)
    assert "lsg_trosa" not in first.node_ids and "processledare" not in first.node_ids
    assert first.highlight_nodes == {"rar"}
    # the LSGs and the municipalities they cover
    second = steps[1].view(sormland)
    assert "r014" in second.edge_keys  # LSG Trosa covers Trosa
    # projects: LSG Nyköping steers TUNA Nyköping/Oxelösund ("projektägare/styrgrupp", ownership left open); RAR owns and ESF funds IBIS
    third = steps[2].view(sormland)
    assert {"r033", "r052", "r053"} <= set(third.edge_keys)
    assert "r033" in third.highlight_edges and "r053" not in third.highlight_edges
    # the process leader, employed by RAR, commissioned by the LSGs
    fourth = steps[3].view(sormland)
    assert {"r062", "r063", "r065"} <= set(fourth.highlight_edges)
    # the merger: after 2017-01-01 only the merged LSG
    fifth = steps[4].view(sormland)
    assert "lsg_trosa_gnesta" in fifth.node_ids
    assert "lsg_trosa" not in fifth.node_ids and "lsg_gnesta" not in fifth.node_ids
    assert {"r047", "r068"} <= fifth.highlight_edges


def test_who_steers_2016_and_2017(sormland, stories):
    steps = stories["vem-styr-2016-2017"].steps
    autumn_2016, spring_2017 = steps[0].view(sormland), steps[2].view(sormland)
    steered_2016 = {sormland.relations[k].from_id for k in autumn_2016.edge_keys if sormland.relations[k].to_id == "tris" and sormland.relations[k].relation == "steers"}
    steered_2017 = {sormland.relations[k].from_id for k in spring_2017.edge_keys if sormland.relations[k].to_id == "tris" and sormland.relations[k].relation == "steers"}
    # the application: "I Gnesta och Trosa är LSG styrgrupp för TRIS"
    assert {"lsg_gnesta", "lsg_trosa", "lsg_nykoping", "lsg_oxelosund"} <= steered_2016
    assert "lsg_trosa_gnesta" in steered_2017 and not {"lsg_gnesta", "lsg_trosa"} & steered_2017


def test_english_falls_back_to_swedish():
    step = Step(1, "Titel", "", "Text", "", "2016", (), ())
    assert step.title("en") == "Titel" and step.text("en") == "Text"


def test_kind_tokens_and_relation_kinds_filter():
    from lsgmap.dataset.load import load

    s = load(BUNDLED_DATA)
    view = Step(1, "x", "", "", "", "2016-11-01", ("association", "lsg", "project", "owns"), ()).view(s)
    assert view.edge_keys and all(s.relations[k].relation == "owns" for k in view.edge_keys)
    everything = Step(1, "x", "", "", "", "2016-11-01", ("*",), ()).view(s)
    assert set(everything.node_ids) == set(s.snapshot(on="2016-11-01").node_ids)


BAD_STORY = """step,title_sv,title_en,text_sv,text_en,date,show,highlight
1,Bra steg,,,,2016-11-01,lsg;steers,
2,Fel datum,,,,2016-02-30,lsg,
x,Fel nummer,,,,2016,lsg,
4,Okänt id,,,,2016-11-01,lsg;lsg_trossa,
5,Finns inte då,,,,2017-03-01,lsg_trosa,
"""


@pytest.fixture()
def broken_dataset(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, target)
    (target / "stories" / "trasig.csv").write_text(BAD_STORY, encoding="utf-8")
    (target / "stories" / "index.csv").write_text(
        (target / "stories" / "index.csv").read_text(encoding="utf-8") + "saknas,Saknad berättelse,,,\n", encoding="utf-8"
    )
    return target


def test_bad_story_rows_become_problems_with_file_and_line(broken_dataset: Path):
    from lsgmap.dataset.load import load

    s = load(broken_dataset)
    found, problems = load_stories(s)
    rendered = [p.render("en") for p in problems]
    assert any(r.startswith("stories/trasig.csv:3: date is not a valid date (\"2016-02-30\"") for r in rendered), rendered
    assert any(r.startswith("stories/trasig.csv:4: step is not a number (\"x\")") for r in rendered), rendered
    assert any(r.startswith("stories/trasig.csv:5: show names something unknown (\"lsg_trossa\")") and '"lsg_trosa"?' in r for r in rendered), rendered
    assert any(r.startswith("stories/trasig.csv:6: \"lsg_trosa\" does not exist on 2017-03-01") for r in rendered), rendered
    assert any(r.startswith("stories/index.csv:4: the story \"saknas\" has no file saknas.csv") for r in rendered), rendered
    broken = next(st for st in found if st.id == "trasig")
    assert [step.number for step in broken.steps] == [1, 4, 5]
    assert broken.title("sv") == "trasig"  # not in the index: the file name


def test_no_story_folder_means_no_stories(tmp_path: Path, sormland):
    assert load_stories(sormland, tmp_path / "nothing") == ([], [])


# -- what a step says beside its map ---------------------------------------------------------


def _story_data(tiny, **extra):
    """A tiny dataset: LSG A steers P (a conflict names the relation); the merged LSG's name is a working name."""
    return tiny(
        entities=[
            {"id": "a", "kind": "lsg", "name_sv": "LSG A"},
            {"id": "ab", "kind": "lsg", "name_sv": "LSG A-B", "name_en": "LSG A-B", "attributes": {"name_is_working_name": "ja"}},
            {"id": "p", "kind": "project", "name_sv": "Projekt P"},
        ],
        relations=[{"id": "r1", "from_id": "a", "relation": "steers", "to_id": "p"}, {"id": "r2", "from_id": "ab", "relation": "steers", "to_id": "p"}],
        conflicts=[{"facts": ["r1"], "topic_sv": "Ansökan och rapporten säger olika", "topic_en": "The application and the report disagree"}],
        **extra,
    )


def test_a_step_says_the_conflict_behind_a_fact_it_points_at_and_a_working_name(tiny):
    from lsgmap.dataset.stories import step_notes

    s = _story_data(tiny)
    points = Step(1, "x", "", "", "", "2016-11-01", ("lsg", "project"), ("r1",))
    assert step_notes(s, points) == ["LSG A-B (arbetsnamn, inte i källorna)", "Motstridiga källor: Ansökan och rapporten säger olika"]
    assert step_notes(s, points, "en") == ["LSG A-B (working name, not in the sources)", "Conflicting sources: The application and the report disagree"]
    elsewhere = Step(1, "x", "", "", "", "2016-11-01", ("lsg", "project"), ("r2",))  # points at the other relation only
    assert step_notes(s, elsewhere) == ["LSG A-B (arbetsnamn, inte i källorna)"]
    everything = Step(1, "x", "", "", "", "2016-11-01", ("a", "p"), ())  # nothing highlighted: what it shows
    assert step_notes(s, everything) == ["Motstridiga källor: Ansökan och rapporten säger olika"]
