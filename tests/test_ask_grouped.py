"""One answer per entity, relation and dates: two relations saying the same thing are one answer with all their sources."""

from __future__ import annotations

import json

from lsgmap.ask.answer import ask
from lsgmap.cli import main


def test_ips_slussen_is_one_answer_with_both_sources(sormland):
    a = ask(sormland, "Vad styrde LSG Nyköping 2016?")
    ips = [x for x in a.answers if x.id == "ips_slussen"]
    assert len(ips) == 1
    assert set(ips[0].relation_ids) == {"r035", "r_ls_ips"}
    assert {c["id"] for c in ips[0].sources} == {"an_nykoping", "ls_projekt_ips"}
    assert len([x.id for x in a.answers]) == len({x.id for x in a.answers})
    assert "[r_ls_ips, r035]" in a.text("sv") or "[r035, r_ls_ips]" in a.text("sv")


def test_rar_funds_the_process_leader_twice_when_the_sources_date_it_differently(sormland):
    """The application's funding (2016-07-01 – 2018-06-30) and the status report's (October 2016 – October 2018) are two
    claims with their own dates: two answers, the conflict between them said once, first."""
    a = ask(sormland, "Vem finansierar processledaren 2017?")
    assert [x.id for x in a.answers] == ["rar", "rar"]
    assert {(x.relation_id, x.valid_from, x.valid_to) for x in a.answers} == {
        ("r_rar_funds_pl", "2016-07-01", "2018-06-30"), ("r_rar_funds_pl_ls", "2016-10", "2018-10"),
    }
    assert {"k_finansiering_slut", "k_start_processledare"} <= {c["id"] for c in a.open_points()}
    assert a.text().count("Lägesrapporten: finansierad fram till oktober 2018") == 1
    nodes, relations = a.highlight()
    assert {"r_rar_funds_pl", "r_rar_funds_pl_ls"} <= relations


def test_the_group_is_attested_when_one_of_its_relations_is(sormland):
    """On 2016-11-15 the application (first half of 2016) is silent, the status report speaks: IPS is attested."""
    a = ask(sormland, "Vad styr LSG Nyköping?", on="2016-11-15")
    (ips,) = [x for x in a.answers if x.id == "ips_slussen"]
    assert ips.attested and ips.relation_id == "r_ls_ips"


def test_json_lists_every_relation_of_a_grouped_answer(capsys):
    assert main(["ask", "Vad styrde LSG Nyköping 2016?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (ips,) = [x for x in data["answers"] if x["id"] == "ips_slussen"]
    assert sorted(ips["relation_ids"]) == ["r035", "r_ls_ips"]
