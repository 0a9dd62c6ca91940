"""Structured queries: holders/targets, responsible, chains up to the root, paths, lineage, amounts, lists.

On the tiny merger structure of conftest.py (LSG Alfa and LSG Beta merge into
LSG Alfa-Beta on 2017-01-01; SF is the root).
"""

from __future__ import annotations

from datetime import date

import pytest

from lsgmap.model import queries

PRE = "2016-12-01"
POST = "2017-03-01"


def ids(items):
    return {i.id for i in items}


def test_holders_across_the_merger(merger):
    assert ids(queries.holders(merger, "commissions", "ledare", on=PRE)) == {"lsg_alfa", "lsg_beta", "lsg_gamma"}
    assert ids(queries.holders(merger, "commissions", "ledare", on=POST)) == {"lsg_alfa_beta", "lsg_gamma"}
    # the last day before the merger and the merger day itself
    assert "lsg_alfa" in ids(queries.holders(merger, "steers", "p", on="2016-12-31"))
    assert "lsg_alfa" not in ids(queries.holders(merger, "steers", "p", on="2017-01-01"))
    assert "lsg_alfa_beta" in ids(queries.holders(merger, "steers", "p", on="2017-01-01"))


def test_answer_items_carry_relation_dates_and_sources(merger):
    (item,) = queries.holders(merger, "steers", "kort", on=PRE)
    assert (item.id, item.relation, item.relation_id) == ("lsg_gamma", "steers", "lsg_gamma.steers.kort")
    assert (item.valid_from, item.valid_to) == ("2016-10-13", "2016-12-31")
    assert (item.effective_from, item.effective_to) == ("2016-10-13", "2016-12-31")
    assert item.sources[0]["id"] == "s_lsg_gamma.steers.kort" and item.sources[0]["quote"] == "Citat om lsg_gamma.steers.kort"
    (leader,) = queries.holders(merger, "employs", "ledare", on=POST)
    assert leader.to_json("en")["name"] == "Test coordination association"
    assert leader.to_json("sv")["name"] == "Samordningsförbundet Test"


def test_funding_keeps_both_sources_dates(merger):
    items = queries.holders(merger, "funds", "ledare", on="2018-06-30")
    # one source says it ends 2018-06-30, another "2018-10"; the role itself ends 2018-06-30,
    # so the second relation is clipped there but keeps its written date
    assert [(i.id, i.relation_id, i.valid_to, i.effective_to) for i in items] == [
        ("sf", "sf.funds.ledare", "2018-06-30", "2018-06-30"),
        ("sf", "sf.funds.ledare.2", "2018-10", "2018-06-30"),
    ]
    assert queries.holders(merger, "funds", "ledare", on="2018-08-01") == []


def test_targets(merger):
    assert ids(queries.targets(merger, "steers", "lsg_gamma", on=PRE)) == {"p", "q", "kort"}
    assert ids(queries.targets(merger, "covers", "lsg_alfa_beta", on=POST)) == {"kommun_alfa", "kommun_beta"}
    assert queries.targets(merger, "covers", "lsg_alfa_beta", on=PRE) == []


def test_responsible_for_is_owners_and_steerers(merger):
    items = queries.responsible_for(merger, "q", on=PRE)
    assert ids(items) == {"sf", "lsg_gamma"}
    assert {i.relation for i in items} == {"owns", "steers"}
    # Q ends 2018-12-31: nobody is responsible after it
    assert queries.responsible_for(merger, "q", on="2019-06-01") == []


def test_a_span_counts_a_relation_valid_on_any_day_of_it(merger):
    december = (date(2016, 12, 1), date(2016, 12, 31))
    assert "lsg_gamma" in ids(queries.holders(merger, "steers", "kort", on=december))
    assert queries.holders(merger, "steers", "kort", on=("2017-01-01", "2017-12-31")) == []


@pytest.mark.parametrize("entity", ["p", "q", "kort", "ledare", "anna", "kommun_alfa"])
@pytest.mark.parametrize("on", [PRE, POST])
def test_chains_up_to_the_root_with_dates_and_sources(merger, entity, on):
    paths = queries.chain_to_root(merger, entity, on=on)
    if entity == "kort" and on == POST:  # the short effort's steering ended 2016-12-31
        assert paths == []
        return
    assert paths, f"no chain from {entity} on {on}"
    day = date.fromisoformat(on).toordinal()
    for p in paths:
        nodes = p.node_ids()
        assert nodes[0] == entity and nodes[-1] == "sf" and len(set(nodes)) == len(nodes)
        for step in p.steps:
            r = merger.relations[step.relation_id]
            assert r.valid_on(day)
            assert step.sources and step.sources[0]["id"] in r.sources
            assert {r.from_id, r.to_id} == {step.from_id, step.to_id}
            assert step.forward == (r.from_id == step.from_id)


def test_chain_shapes(merger):
    p = [path.node_ids() for path in queries.chain_to_root(merger, "p", on=POST)]
    assert ["p", "lsg_alfa_beta", "kommun_alfa", "sf"] in p
    assert not any("lsg_alfa" in nodes for nodes in p)
    funded = queries.chain_to_root(merger, "p", on=PRE)
    assert funded[0].node_ids() == ["p", "sf"] and funded[0].steps[0].relation == "funds"
    q = queries.chain_to_root(merger, "q", on=PRE)
    assert q[0].relation_ids() == ["sf.owns.q"]  # owned by the association itself
    leader = [path.relation_ids() for path in queries.chain_to_root(merger, "ledare", on=POST)]
    assert ["sf.employs.ledare"] in leader and ["ledare.reports_to.sf"] in leader
    assert queries.chain_to_root(merger, "anna", on="2016-08-01") == []  # she holds the post from 2016-10
    assert queries.chain_to_root(merger, "sf", on=PRE) == [] and queries.chain_to_root(merger, "nobody", on=PRE) == []


def test_shortest_continuations_per_first_step(tiny):
    s = tiny(
        entities=[{"id": "root", "kind": "association"}, {"id": "mid", "kind": "lsg"}, {"id": "far", "kind": "lsg"},
                  {"id": "x", "kind": "project"}],
        relations=["mid steers x", "mid reports_to root", "mid reports_to far", "far reports_to root"],
    )
    assert [p.node_ids() for p in queries.chain_to_root(s, "x")] == [["x", "mid", "root"]]


def test_chain_text(merger):
    path = queries.chain_to_root(merger, "q", on=PRE)[0]
    assert path.text(merger, "sv") == "Projekt Q —ägs av→ Samordningsförbundet Test"
    assert path.text(merger, "en") == "Project Q —is owned by→ Test coordination association"
    assert path.to_json(merger)["steps"][0]["direction"] == "backward"
    assert path.to_json(merger)["nodes"] == ["q", "sf"]


def test_paths_between(merger):
    paths = queries.paths_between(merger, "anna", "lsg_alfa", on=PRE)
    assert {tuple(p.node_ids()) for p in paths} == {("anna", "ledare", "lsg_alfa")}
    assert {p.steps[1].relation for p in paths} == {"commissions", "reports_to"}
    assert queries.paths_between(merger, "anna", "lsg_alfa", on=POST) == []
    assert queries.paths_between(merger, "p", "nonexistent", on=PRE) == []
    assert queries.paths_between(merger, "p", "p", on=PRE) == []


def test_lineage(merger):
    alfa = queries.lineage(merger, "lsg_alfa")
    assert ids(alfa["became"]) == {"lsg_alfa_beta"} and alfa["came_from"] == []
    assert [e.id for e in alfa["events"]] == ["ev_merge"]
    merged = queries.lineage(merger, "lsg_alfa_beta")
    assert ids(merged["came_from"]) == {"lsg_alfa", "lsg_beta"}
    assert merged["came_from"][0].valid_from == "2017-01-01" and merged["came_from"][0].relation == "merger"
    region = queries.lineage(merger, "landsting")
    assert ids(region["became"]) == {"region"}
    assert queries.lineage(merger, "p") == {"became": [], "came_from": [], "events": []}


def test_lineage_is_transitive(tiny):
    s = tiny(
        entities=[{"id": x, "kind": "lsg"} for x in ("a", "b", "c")],
        events=[{"id": "e1", "kind": "rename", "date": "2010", "originals": ["a"], "results": ["b"]},
                {"id": "e2", "kind": "rename", "date": "2012", "originals": ["b"], "results": ["c"]}],
    )
    assert [i.id for i in queries.lineage(s, "a")["became"]] == ["b", "c"]
    assert [e.id for e in queries.lineage(s, "b")["events"]] == ["e1", "e2"]


def test_amounts_from_the_budget_table(merger):
    every = queries.amounts(merger, "sf", "ledare")
    assert every["total"] == 1721.0
    assert every["by_year"] == {2016: 431.0, 2017: 859.0, 2018: 431.0}
    assert every["relations"] == ["sf.funds.ledare", "sf.funds.ledare.2"] and every["unit"] == "tkr"
    salary_2017 = [line for line in queries.amounts(merger, "sf", "ledare", year=2017)["lines"] if line["item_sv"] == "Lön"]
    assert [line["amount_tkr"] for line in salary_2017] == [801.0]
    assert salary_2017[0]["sources"]
    assert queries.amounts(merger, None, "ledare", year=2016)["total"] == 431.0
    assert queries.amounts(merger, "esf", "q")["lines"] == []


def test_existing(merger):
    pre = [e.id for e in queries.existing(merger, "lsg", on=PRE)]
    post = [e.id for e in queries.existing(merger, "lsg", on=POST)]
    assert pre == ["lsg_alfa", "lsg_beta", "lsg_gamma"]  # sorted by Swedish name
    assert post == ["lsg_alfa_beta", "lsg_gamma"]
    assert "q" not in {e.id for e in queries.existing(merger, "project", on="2019-01-01")}
    assert "q" in {e.id for e in queries.existing(merger, "project", on=("2018-12-01", "2019-01-31"))}
