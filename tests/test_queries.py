"""Structured queries: holders/targets, responsible, chains up to RAR, paths, lineage, amounts, lists.

Expected values come from the seed documents (see tests/test_ask.py for the quotes).
"""

from __future__ import annotations

from datetime import date

import pytest

from lsgmap import queries

PRE = "2016-12-01"
POST = "2017-03-01"


def ids(items):
    return {i.id for i in items}


def test_holders_across_the_merger(sormland):
    assert ids(queries.holders(sormland, "commissions", "processledare", on=PRE)) == {
        "lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"
    }
    assert ids(queries.holders(sormland, "commissions", "processledare", on=POST)) == {
        "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund", "lsg_trosa_gnesta"
    }
    # the last day before the merger and the merger day itself
    assert "lsg_trosa" in ids(queries.holders(sormland, "steers", "tris", on="2016-12-31"))
    assert "lsg_trosa" not in ids(queries.holders(sormland, "steers", "tris", on="2017-01-01"))


def test_answer_items_carry_relation_dates_and_sources(sormland):
    (item,) = [i for i in queries.holders(sormland, "steers", "tuna", on=PRE) if i.id == "lsg_nykoping_oxelosund"]
    assert (item.relation, item.relation_id) == ("steers", "r048")
    assert (item.valid_from, item.valid_to) == ("2016-10-13", "2016-12-31")
    assert (item.effective_from, item.effective_to) == ("2016-10-13", "2016-12-31")
    assert item.sources[0]["id"] == "ls_projekt_tuna" and "TUNA (LSG Nyköping-Oxelösund)" in item.sources[0]["quote"]
    assert item.to_json("en")["name"] == sormland.entities["lsg_nykoping_oxelosund"].name_en


def test_processledare_funding_keeps_both_sources_dates(sormland):
    items = queries.holders(sormland, "funds", "processledare", on="2018-06-30")
    # the application's budget ends 2018-06-30, the status report says "fram till oktober 2018";
    # the role itself ends 2018-06-30, so the report's relation is clipped there
    assert [(i.id, i.relation_id, i.valid_to, i.effective_to) for i in items] == [
        ("rar", "r_rar_funds_pl", "2018-06-30", "2018-06-30"),
        ("rar", "r_rar_funds_pl_ls", "2018-10", "2018-06-30"),
    ]
    assert queries.holders(sormland, "funds", "processledare", on="2018-08-01") == []


def test_targets(sormland):
    assert ids(queries.targets(sormland, "steers", "lsg_nykoping", on=PRE)) == {"tris", "tuna", "ips_slussen", "ibis"}
    assert ids(queries.targets(sormland, "covers", "lsg_trosa_gnesta", on=POST)) == {"kommun_trosa", "kommun_gnesta"}
    assert queries.targets(sormland, "covers", "lsg_trosa_gnesta", on=PRE) == []


def test_responsible_for_is_owners_and_steerers(sormland):
    items = queries.responsible_for(sormland, "ibis", on=PRE)
    assert ids(items) == {"rar", "lsg_nykoping", "lsg_oxelosund"}
    assert {i.relation for i in items} == {"owns", "steers"}
    # IBIS ends 2018-12-31 (public source): nobody is responsible after it
    assert queries.responsible_for(sormland, "ibis", on="2019-06-01") == []


def test_a_span_counts_a_relation_valid_on_any_day_of_it(sormland):
    december = (date(2016, 12, 1), date(2016, 12, 31))
    assert "lsg_nykoping_oxelosund" in ids(queries.holders(sormland, "steers", "innovation_100", on=december))
    assert queries.holders(sormland, "steers", "innovation_100", on=("2017-01-01", "2017-12-31")) == []


@pytest.mark.parametrize("entity", ["tris", "tuna", "ibis", "processledare", "ida_malmberg"])
@pytest.mark.parametrize("on", [PRE, POST])
def test_chains_up_to_rar_with_dates_and_sources(sormland, entity, on):
    paths = queries.chain_to_root(sormland, entity, on=on)
    assert paths, f"no chain from {entity} on {on}"
    day = date.fromisoformat(on).toordinal()
    for p in paths:
        nodes = p.node_ids()
        assert nodes[0] == entity and nodes[-1] == "rar" and len(set(nodes)) == len(nodes)
        for step in p.steps:
            r = sormland.relations[step.relation_id]
            assert r.valid_on(day)
            assert step.sources and step.sources[0]["id"] in r.sources
            assert {r.from_id, r.to_id} == {step.from_id, step.to_id}
            assert step.forward == (r.from_id == step.from_id)


def test_chain_shapes(sormland):
    tris = [p.node_ids() for p in queries.chain_to_root(sormland, "tris", on=POST)]
    assert ["tris", "lsg_trosa_gnesta", "kommun_gnesta", "rar"] in tris
    assert not any("lsg_trosa" in n for n in tris)
    tuna = queries.chain_to_root(sormland, "tuna", on=PRE)
    assert tuna[0].node_ids() == ["tuna", "rar"] and tuna[0].steps[0].relation == "funds"
    ibis = queries.chain_to_root(sormland, "ibis", on=PRE)
    assert ibis[0].relation_ids() == ["r052"]  # owned by RAR
    pl = [p.relation_ids() for p in queries.chain_to_root(sormland, "processledare", on=POST)]
    assert ["r062"] in pl and ["r074"] in pl  # employed by RAR, reports to RAR
    assert queries.chain_to_root(sormland, "ida_malmberg", on="2016-08-01") == []  # she holds the post from 2016-10


def test_chain_text(sormland):
    path = queries.chain_to_root(sormland, "ibis", on=PRE)[0]
    assert path.text(sormland, "sv") == "IBIS – IntegrationsBygget I Sörmland —ägs av→ Samordningsförbundet RAR i Sörmland"
    assert path.to_json(sormland)["steps"][0]["direction"] == "backward"


def test_paths_between(sormland):
    paths = queries.paths_between(sormland, "ida_malmberg", "lsg_trosa", on=PRE)
    assert {tuple(p.node_ids()) for p in paths} == {("ida_malmberg", "processledare", "lsg_trosa")}
    assert {p.steps[1].relation for p in paths} >= {"commissions", "reports_to"}
    assert queries.paths_between(sormland, "ida_malmberg", "lsg_trosa", on=POST) == []
    assert queries.paths_between(sormland, "tris", "nonexistent", on=PRE) == []


def test_lineage(sormland):
    trosa = queries.lineage(sormland, "lsg_trosa")
    assert ids(trosa["became"]) == {"lsg_trosa_gnesta"} and trosa["came_from"] == []
    assert [e.id for e in trosa["events"]] == ["ev_sammanslagning_trosa_gnesta"]
    merged = queries.lineage(sormland, "lsg_trosa_gnesta")
    assert ids(merged["came_from"]) == {"lsg_trosa", "lsg_gnesta"}
    assert merged["came_from"][0].valid_from == "2017-01-01"
    region = queries.lineage(sormland, "landstinget_sormland")
    assert ids(region["became"]) == {"region_sormland"}
    assert queries.lineage(sormland, "tuna") == {"became": [], "came_from": [], "events": []}


def test_amounts_from_the_budget_table(sormland):
    every = queries.amounts(sormland, "rar", "processledare")
    assert every["total"] == 1721.0  # "TOTALT 1721"
    assert every["by_year"] == {2016: 431.0, 2017: 859.0, 2018: 431.0}  # "Summa 431 859 431"
    salary_2017 = [line for line in queries.amounts(sormland, "rar", "processledare", year=2017)["lines"] if line["item_sv"] == "Lön"]
    assert [line["amount_tkr"] for line in salary_2017] == [801.0]
    assert salary_2017[0]["sources"]
    assert queries.amounts(sormland, None, "processledare", year=2016)["total"] == 431.0
    assert queries.amounts(sormland, "esf", "ibis")["lines"] == []


def test_existing(sormland):
    pre = [e.id for e in queries.existing(sormland, "lsg", on=PRE)]
    post = [e.id for e in queries.existing(sormland, "lsg", on=POST)]
    assert {"lsg_trosa", "lsg_gnesta"} <= set(pre) and "lsg_trosa_gnesta" not in pre
    assert "lsg_trosa_gnesta" in post and "lsg_trosa" not in post
    assert "ibis" not in {e.id for e in queries.existing(sormland, "project", on="2019-01-01")}
