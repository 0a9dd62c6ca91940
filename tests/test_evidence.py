"""Every output says only what its sources say (issue 23), on the bundled Sörmland data.

Evidence has a kind: a shipped document's passage, a public source's (text not shipped), or a
plan (the application: it attests nothing after its own date). Derived facts, working names and
recorded conflicts are said as such in the text outputs.
"""

from __future__ import annotations

import json

import pytest

from lsgmap.ask import ask
from lsgmap.cli import main

PRINCIPALS = {"lsg_trosa", "lsg_gnesta", "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}


def _run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _snapshot(capsys, on: str) -> dict:
    data = json.loads(_run(capsys, "snapshot", "--on", on, "--json"))
    return {item["id"]: item for item in [*data["nodes"], *data["edges"]]}


def test_before_the_post_started_the_application_only_plans_it(capsys):
    facts = _snapshot(capsys, "2016-08-15")
    for fact in ("processledare", "r062", "r_rar_funds_pl"):  # the post, RAR employs it, RAR funds it (the application)
        assert (facts[fact]["attested"], facts[fact]["evidence"]) == (False, "plan"), fact


def test_in_the_status_reports_period_the_principals_stand_on_the_document(capsys):
    facts = _snapshot(capsys, "2016-11-15")
    assert {fact: facts[fact]["evidence"] for fact in PRINCIPALS} == dict.fromkeys(PRINCIPALS, "document")
    assert facts["r003"]["evidence"] != "document"  # Landstinget in RAR: a public page, no passage for the day
    assert facts["esf"]["evidence"] == "public"


def test_the_funding_stated_to_october_2018_is_shown_then_with_its_conflict(capsys):
    facts = _snapshot(capsys, "2018-09-01")
    funding = facts["r_rar_funds_pl_ls"]
    assert (funding["valid_to"], funding["effective_to"]) == ("2018-10", "2018-10-31")
    assert "k_finansiering_slut" in {c["id"] for c in funding["conflicts"]}
    text = _run(capsys, "snapshot", "--on", "2018-09-01")
    line = next(line for line in text.splitlines() if "finansierar Processledare" in line)
    assert "oktober 2016 – oktober 2018" in line and "2018-06-30" not in line


def test_counts_follow_the_sources():
    from lsgmap import load

    s = load()
    lsgs = ask(s, "Hur många LSG fanns i november 2016?")
    assert lsgs.interpretation.details["count"] == 5 and "lsg_gnot" not in {a.id for a in lsgs.answers}
    assert ask(s, "Hur många uppdrag hade processledaren i mars 2016?").interpretation.details.get("count") != 5


@pytest.mark.parametrize(
    "argv",
    [
        ("snapshot", "--on", "2016-11-15"),
        ("diff", "2016-12-31", "2017-02-01"),
        ("report", "--from", "2016-10-13", "--to", "2016-12-31"),
        ("timeline", "--from", "2016-10-01", "--to", "2017-02-01"),
    ],
    ids=lambda argv: argv[0],
)
def test_every_text_output_says_the_conflicts(capsys, argv):
    assert "Motstridiga källor: " in _run(capsys, *argv)


def test_the_diff_says_what_is_derived_and_what_is_a_working_name(capsys):
    text = _run(capsys, "diff", "2016-12-31", "2017-02-01")
    assert "beslutade (2016-10-13 – 2016-12-31) att gå samman" in text and "första gemensamma mötet 2017-01-23" in text
    assert "LSG Trosa-Gnesta (arbetsnamn, inte i källorna)" in text
    assert "härledd ur händelsen (sammanslagning), inte i någon källa" in text
    assert "Upphörde: LSG Gnesta ger uppdraget" not in text  # the giver ended; the assignment was not withdrawn
    assert "Upphör när LSG Gnesta upphör (2016-12-31): LSG Gnesta ger uppdraget" in text
    data = json.loads(_run(capsys, "diff", "2016-12-31", "2017-02-01", "--json"))
    added = {e["id"]: e for e in data["edges_added"]}
    assert added["r068"]["derived_from"] == "ev_sammanslagning_trosa_gnesta" and added["r068"]["attested"] is False
    assert all("derived_from" in e and "evidence" in e for e in [*data["edges_added"], *data["edges_removed"]])
    assert next(n for n in data["nodes_added"] if n["id"] == "lsg_trosa_gnesta")["working_name"] is True


def test_the_reports_own_sections_hold_only_what_the_periods_documents_say(capsys):
    text = _run(capsys, "report", "--from", "2016-10-13", "--to", "2016-12-31")
    own, rest = text.split("## Offentliga källor om perioden")
    assert "pub_ibis" not in own and "; ägs av RAR" not in own and "an_uppdragsgivare" not in own.split("## Beslut")[0]
    assert "Samordningsförbundet RAR i Sörmland äger IBIS" in rest and "(offentlig källa, ej kontrollerad här)" in rest
    assert "”Insatsen är finansierad fram till oktober 2018.”" in own


def test_check_passes_on_the_bundled_data_and_names_what_only_a_plan_speaks_for(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "relations.csv:57: bara en plan talar för r_rar_funds_pl" in out


def test_the_map_says_each_kind_of_evidence():
    from lsgmap import load
    from lsgmap.draw.elements import PUBLIC_DASHES, elements, legend_of, vis_node
    from lsgmap.draw.layout.positions import layered_positions
    from lsgmap.draw.view import View

    s = load()
    els = elements(s, View(on="2016-08-15"), layered_positions(s))
    post, esf = els.node("processledare"), els.node("esf")
    assert post.evidence == "plan" and "planerat, inte belagt" in post.tooltip
    assert esf.evidence == "public" and "offentlig källa, ej kontrollerad här" in esf.tooltip.splitlines()
    assert vis_node(esf)["shapeProperties"] == {"borderDashes": list(PUBLIC_DASHES)}
    rows = {(r["group"], r["key"]) for r in legend_of(els, unattested=True)}
    assert {("evidence", "public"), ("evidence", "plan"), ("attested", "unattested")} <= rows
