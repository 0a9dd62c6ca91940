"""End-to-end truths on the bundled Sörmland data: what the seed documents state.

The status report (Lägesrapport, 13 Oct – 31 Dec 2016): "LSG Trosa och LSG Gnesta
slås samman till LSG Trosa-Gnesta efter årsskiftet"; the application (Ansökan
om tjänst som processledare inom LSG GNOT): the process leader is employed by
Samordningsförbundet RAR, the LSGs are its principals, the budget is 431 + 859
+ 431 = 1721 tkr. Entities are found by the names the documents use, not by
draft row ids or line numbers; the golden files pin the CLI's JSON.
Everything else is tested on tiny graphs built in conftest.py.
"""

from __future__ import annotations

import json

import pytest

from lsgmap.cli import main
from lsgmap.dataset.load import BUNDLED_DATA
from lsgmap.model import queries
from lsgmap.time.diff import SnapshotIds, apply, diff
from lsgmap.time.report import period_report

BEFORE, MERGER_DAY, AFTER = "2016-12-31", "2017-01-01", "2017-02-01"


@pytest.fixture(scope="module")
def ids(sormland):
    """The id of the one entity with a given Swedish name (or short name)."""

    def find(name: str) -> str:
        found = [e.id for e in sormland.entities.values() if name in (e.name_sv, e.short_name)]
        assert len(found) == 1, f"{name!r}: {found}"
        return found[0]

    return find


def names(structure, items) -> set[str]:
    return {structure.name(i.id if hasattr(i, "id") else i) for i in items}


# -- the merger of LSG Trosa and LSG Gnesta on 2017-01-01 -----------------------------------------
def test_the_two_groups_until_new_year_the_merged_one_from_then(sormland, ids):
    trosa, gnesta, merged = ids("LSG Trosa"), ids("LSG Gnesta"), ids("LSG Trosa-Gnesta")
    before, after = sormland.snapshot(on=BEFORE).node_set, sormland.snapshot(on=MERGER_DAY).node_set
    assert {trosa, gnesta} <= before and merged not in before
    assert merged in after and not {trosa, gnesta} & after
    for other in ("LSG Nyköping", "LSG Oxelösund"):
        assert ids(other) in before and ids(other) in after


def test_the_merger_in_the_diff(sormland, ids):
    d = diff(sormland, start=BEFORE, end=AFTER)
    assert {ids("LSG Trosa"), ids("LSG Gnesta")} <= set(d.nodes_removed)
    assert ids("LSG Trosa-Gnesta") in d.nodes_added
    [event] = [sormland.events[e] for e in d.events]
    assert event.kind == "merger" and event.decided == "2016-10-13/2016-12-31"
    assert names(sormland, event.originals) == {"LSG Trosa", "LSG Gnesta"} and names(sormland, event.results) == {"LSG Trosa-Gnesta"}
    sv = d.changes("sv")
    assert sv[0].startswith("LSG Trosa och LSG Gnesta beslutade (2016-10-13 – 2016-12-31) att gå samman från 2017-01-01 till LSG Trosa-Gnesta (arbetsnamn, inte i källorna); första gemensamma mötet 2017-01-23")
    assert any(line.startswith("TRIS – Tidig Rehabilitering I Samverkan styrs av LSG Trosa-Gnesta (arbetsnamn, inte i källorna) i stället för LSG Trosa och LSG Gnesta")
               for line in sv)
    assert apply(sormland.snapshot(on=BEFORE), d) == SnapshotIds.of(sormland.snapshot(on=AFTER))


def test_the_merger_in_the_lineage(sormland, ids):
    assert names(sormland, queries.lineage(sormland, ids("LSG Trosa"))["became"]) == {"LSG Trosa-Gnesta"}
    assert names(sormland, queries.lineage(sormland, ids("LSG Gnesta"))["became"]) == {"LSG Trosa-Gnesta"}
    came_from = queries.lineage(sormland, ids("LSG Trosa-Gnesta"))["came_from"]
    assert names(sormland, came_from) == {"LSG Trosa", "LSG Gnesta"}
    assert {i.valid_from for i in came_from} == {"2017-01-01"}


def test_who_steers_tris_before_and_after(sormland, ids):
    tris = ids("TRIS")
    before = names(sormland, queries.holders(sormland, "steers", tris, on="2016-12-01"))
    after = names(sormland, queries.holders(sormland, "steers", tris, on="2017-03-01"))
    # the application: "styrgrupp" in Gnesta and Trosa, "projektägare/styrgrupp" in Nyköping and Oxelösund
    assert {"LSG Trosa", "LSG Gnesta", "LSG Nyköping", "LSG Oxelösund"} <= before and "LSG Trosa-Gnesta" not in before
    assert {"LSG Trosa-Gnesta", "LSG Nyköping", "LSG Oxelösund"} <= after and not {"LSG Trosa", "LSG Gnesta"} & after


def test_the_process_leaders_employer_principals_and_holder(sormland, ids):
    leader = ids("Processledare LSG södra Sörmland")
    assert names(sormland, queries.holders(sormland, "employs", leader, on="2017-03-01")) == {"Samordningsförbundet RAR i Sörmland"}
    assert names(sormland, queries.holders(sormland, "holds", leader, on="2017-03-01")) == {"Ida Malmberg"}
    principals = names(sormland, queries.holders(sormland, "commissions", leader, on="2016-12-01"))
    assert {"LSG Trosa", "LSG Gnesta", "LSG Nyköping", "LSG Oxelösund"} <= principals
    assert "LSG Trosa-Gnesta" in names(sormland, queries.holders(sormland, "commissions", leader, on="2017-03-01"))
    # the budget: "Summa 431 859 431", "TOTALT 1721"
    budget = queries.amounts(sormland, ids("RAR"), leader)
    assert budget["by_year"] == {2016: 431.0, 2017: 859.0, 2018: 431.0} and budget["total"] == 1721.0


def test_the_root_is_declared_and_chains_end_there(sormland, ids):
    assert sormland.root == ids("RAR")
    for name in ("TRIS", "Processledare LSG södra Sörmland"):
        paths = queries.chain_to_root(sormland, ids(name), on="2017-03-01")
        assert paths and {p.node_ids()[-1] for p in paths} == {sormland.root}


def test_the_status_report_lists_what_the_document_lists(sormland):
    text = period_report(sormland, start="2016-10-13", end="2016-12-31")
    projects = text.split("## Aktuella insatser/projekt per LSG under perioden\n", 1)[1].split("\n## ", 1)[0]
    by_lsg = {part.split("\n", 1)[0]: part for part in projects.split("### ")[1:]}
    # "TUNA (LSG Nyköping-Oxelösund)", "IBIS (LSG Oxelösund)", "Innovation 100 dagar (LSG Nyköping-Oxelösund)", "IPS (LSG Nyköping)"
    assert "- TUNA Nyköping/Oxelösund – styrs av" in by_lsg["LSG Nyköping-Oxelösund"] and "- Innovation 100 dagar – styrs av" in by_lsg["LSG Nyköping-Oxelösund"]
    assert "- IBIS – styrs av" in by_lsg["LSG Oxelösund"]
    assert "- IPS – styrs av LSG Nyköping" in by_lsg["LSG Nyköping"]
    assert set(by_lsg) == {"LSG Nyköping", "LSG Nyköping-Oxelösund", "LSG Oxelösund"}  # no TRIS, no application lines
    assert "TRIS" not in projects and "IBIS" not in by_lsg["LSG Nyköping"]
    unattested = text.split("## Uppgifter utan källa för perioden\n", 1)[1]
    assert "- LSG Nyköping styr TRIS – Tidig Rehabilitering I Samverkan (senast belagd 2016-06-30)" in unattested
    assert "- LSG Trosa och LSG Gnesta slås samman: beslutat 2016-10-13 – 2016-12-31, gäller från 2017-01-01" in text
    assert "summa 431 tkr" in text


def test_the_report_as_json_follows_the_status_report(capsys):
    assert main(["report", "--from", "2016-10-13", "--to", "2016-12-31", "--format", "json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    projects = {lsg["id"]: {p["id"] for p in lsg["projects"]} for lsg in data["lsgs"]}
    assert projects == {"lsg_nykoping": {"ips_slussen"}, "lsg_nykoping_oxelosund": {"tuna_nykoping_oxelosund", "innovation_100"}, "lsg_oxelosund": {"ibis"}}
    assert all(p["attested"] and p["sources"] for lsg in data["lsgs"] for p in lsg["projects"])
    assert {"from", "to", "assignments", "events", "funding", "unattested"} <= set(data)


def test_the_merger_ends_things_and_the_status_report_only_stops_speaking(capsys):
    """diff 2016-12-31 -> 2017-02-01: removed = what the merger ended; the report's lines are 'no longer attested'."""
    assert main(["diff", BEFORE, AFTER, "--json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    removed = {e["id"]: e for e in data["edges_removed"]}
    assert removed and all({e["source"], e["target"]} & {"lsg_trosa", "lsg_gnesta"} for e in removed.values())
    unattested = {e["id"] for e in data["edges_unattested"]}
    assert {"r048", "r_ls_ibis", "r050", "r_ls_ips"} <= unattested
    assert not unattested & set(removed)


# -- golden files ---------------------------------------------------------------------------------
def test_cli_diff_json_matches_the_golden_file(capsys, check_golden):
    assert main(["diff", BEFORE, AFTER, "--json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    check_golden("diff_2016-12-31_2017-02-01.json", data)
    assert data["events"][0]["date"] == MERGER_DAY


def test_cli_timeline_json_matches_the_golden_file(capsys, check_golden):
    assert main(["timeline", "--from", "2016-01-01", "--to", "2019-12-31", "--json", "--data", str(BUNDLED_DATA)]) == 0
    data = json.loads(capsys.readouterr().out)
    check_golden("timeline_2016_2019.json", data)
    assert [e["date"] for e in data["events"]] == [MERGER_DAY, "2019-01-01"]


# -- the contradictions in the documents, recorded in conflicts.csv (issue 23, item 8) ----------
# Each: the conflict id, facts it must name and sources it must cite (both sides, as each document says it).
CONTRADICTIONS = {
    # "I Nyköping är projektägare/styrgrupp …" has no subject; "I Oxelösund är LSG …" has one
    "k_nykoping_utan_subjekt": ({"r031", "r033", "r035", "r037"}, {"an_nykoping", "an_oxelosund"}),
    # "IPS" in the status report, "IPS-Slussen" in the application
    "k_ips_namn": ({"ips_slussen", "r035", "r_ls_ips"}, {"ls_projekt_ips", "an_nykoping"}),
    # "TRIS styrgrupp" beside the LSGs vs "I Gnesta och Trosa är LSG styrgrupp för TRIS"
    "k_tris_styrgrupp": ({"tris_lokala_styrgrupper", "r045", "r046"}, {"an_tris_styrgrupp", "an_gnesta_trosa"}),
    # the budget's unit is never stated
    "k_budget_enhet": ({"r_rar_funds_pl"}, {"an_budget", "an_budget_lon"}),
    # the 2016 column covers July–December; the post started in October 2016
    "k_budget_2016": ({"r_rar_funds_pl"}, {"an_budget_lon", "ls_tjanst"}),
    # "Lägesrapport skrivs halvårsvis" vs a report on 13 October – 31 December 2016
    "k_lagesrapport_halvar": ({"r074"}, {"an_lagesrapport_halvar", "an_rapport_rar", "ls_period"}),
    # "processledare inom LSG GNOT" vs "Processledare LSG södra Sörmland" / "Processledare, södra Sörmland"
    "k_tjanstens_namn": ({"processledare"}, {"an_rubrik", "ls_rubrik", "ls_underskrift"}),
    # "samtliga LSG": the application's four or the status report's five
    "k_fyra_eller_fem": ({"lsg_nykoping_oxelosund", "uppdrag_admin_struktur", "r094"}, {"an_knuten", "ls_uppdragsgivare", "ls_uppdrag_admin"}),
    # the chairs (application) vs the acting chairs, "tf ordförande" (status report)
    "k_tf_ordforande": (
        {"ordf_lsg_trosa", "ordf_lsg_gnesta", "ordf_lsg_nykoping", "ordf_lsg_oxelosund", "ordf_lsg_nykoping_oxelosund"},
        {"an_ordforande", "ls_tf_ordforande"},
    ),
    # "Insatsen är finansierad fram till oktober 2018" names no funder
    "k_finansiar_okand": ({"r_rar_funds_pl_ls"}, {"ls_finansierad", "an_anstalld"}),
    # the text and the PDF text of the application differ in wording
    "k_ansokan_versioner": ({"r030", "processledare"}, {"an_rubrik", "pdf_budget_rubrik", "an_processstodet", "pdf_processtodet", "an_mal2", "pdf_mal2"}),
}


@pytest.mark.parametrize("conflict_id", CONTRADICTIONS)
def test_each_contradiction_in_the_documents_is_recorded(sormland, conflict_id):
    facts, sources = CONTRADICTIONS[conflict_id]
    (conflict,) = [c for c in sormland.conflicts if c.id == conflict_id]
    assert conflict.topic("sv") and conflict.topic("en") != conflict.topic("sv")
    assert conflict.facts and conflict.sources
    known = {*sormland.entities, *sormland.relations, *sormland.events}
    assert set(conflict.facts) <= known, set(conflict.facts) - known
    assert set(conflict.sources) <= set(sormland.sources), set(conflict.sources) - set(sormland.sources)
    assert facts <= set(conflict.facts) and sources <= set(conflict.sources)
    # each side is cited from a document: both documents where the documents disagree
    assert {sormland.sources[s].document for s in conflict.sources} & {"ansokan_gnot", "ansokan_gnot_pdf", "lagesrapport_2016"}
    assert conflict_id in {c.id for f in conflict.facts for c in sormland.conflicts_of(f)}


def test_the_contradictions_are_notes_of_check_not_errors(sormland):
    from lsgmap.dataset.checks import check, errors_of

    problems = check(sormland)
    assert errors_of(problems) == []
    documented = {p.value for p in problems if p.code == "conflict.documented"}
    assert set(CONTRADICTIONS) <= documented


def test_rar_is_cited_by_a_passage_that_names_it(sormland):
    rar = sormland.entities["rar"]
    assert rar.sources
    for sid in rar.sources:
        assert "RAR" in sormland.sources[sid].quote, sid
    # and one of them is a seed document's own line, not only a public page
    assert any(sormland.documents[sormland.sources[s].document].kind == "seed" for s in rar.sources)
