"""The bundled Sörmland dataset: valid, every fact sourced, quotes verbatim, facts as the documents say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsgmap.cli import main
from lsgmap.dataset.checks import check, errors_of, warnings_of
from lsgmap.dates import to_day

ROOT = Path(__file__).resolve().parent.parent
#: The seed documents are shipped with the dataset, beside its tables.
SEEDS = ROOT / "data" / "sormland" / "documents"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _seed_text(sormland, document_id: str) -> str | None:
    doc = sormland.documents[document_id]
    path = SEEDS / doc.reference
    return _normalise(path.read_text(encoding="utf-8")) if path.is_file() else None


def test_check_passes_and_shows_the_conflicts_as_notes(sormland, capsys):
    assert main(["check", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    problems = check(sormland)
    assert errors_of(problems) == []
    notes = warnings_of(problems)
    documented = [p for p in notes if p.code == "conflict.documented"]
    assert [p.value for p in documented] == [c.id for c in sormland.conflicts]
    assert {"k_start_processledare", "k_agare_eller_styrgrupp", "k_fyra_eller_fem", "k_period_2019", "k_styr_tuna_ibis",
            "k_tris_saknas", "k_tris_processagare", "k_ibis_agare"} <= {c.id for c in sormland.conflicts}
    assert out.splitlines()[-1] == f"0 errors, {len(notes)} notes"
    assert 'Note: sources.csv:20: the quote an_rubrik contains a date that does not exist ("2018-06-31"' in out


def test_documented_disagreements_are_named(sormland):
    problems = check(sormland)
    by_code = {}
    for p in problems:
        by_code.setdefault(p.code, []).append(p)
    # "projektägare/styrgrupp" is one relation (steers), not two: no project has two owners at once any more
    assert "check.two_owners_documented" not in by_code and "check.two_owners" not in by_code
    # the post ends when the status report's funding ends (October 2018), so nothing runs past it
    assert "check.relation_outside_lifetime_documented" not in by_code and "check.relation_outside_lifetime" not in by_code


def test_every_fact_names_a_source(sormland):
    for fact in [*sormland.entities.values(), *sormland.relations.values(), *sormland.events.values(), *sormland.budget]:
        assert fact.sources, fact.id
        for sid in fact.sources:
            assert sid in sormland.sources, (fact.id, sid)


def test_seed_quotes_are_verbatim(sormland):
    checked = 0
    for src in sormland.sources.values():
        doc = sormland.documents[src.document]
        if doc.kind != "seed":
            continue
        text = _seed_text(sormland, doc.id)
        assert text is not None, f"seed document {doc.reference} missing from data/sormland/documents"
        assert _normalise(src.quote) in text, src.id
        checked += 1
    assert checked >= 40


def test_public_facts_are_marked_public(sormland):
    public = {d.id for d in sormland.documents.values() if d.kind == "public"}
    for sid in ("pub_region", "pub_ibis", "pub_tris", "pub_scb", "pub_rar_medlemmar"):
        assert sormland.sources[sid].document in public


def test_municipality_codes(sormland):
    codes = {e.id: e.identifiers.get("kommunkod") for e in sormland.entities.values() if e.kind == "municipality"}
    assert codes["kommun_gnesta"] == "0461"
    assert codes["kommun_nykoping"] == "0480"
    assert codes["kommun_oxelosund"] == "0481"
    assert codes["kommun_trosa"] == "0488"


def test_region_member_changes_on_2019_01_01(sormland):
    before = sormland.snapshot(on="2018-12-31")
    after = sormland.snapshot(on="2019-01-01")

    def members(snap):
        return {r.from_id for r in snap.relations() if r.relation == "member_of" and r.to_id == "rar"}

    assert "landstinget_sormland" in members(before) and "region_sormland" not in members(before)
    assert "region_sormland" in members(after) and "landstinget_sormland" not in members(after)


def test_merged_lsg_holds_what_its_predecessors_held(sormland):
    derived = {(r.relation, r.to_id if r.from_id == "lsg_trosa_gnesta" else r.from_id)
               for r in sormland.relations.values() if r.derived_from == "ev_sammanslagning_trosa_gnesta"}
    assert {("steers", "tris"), ("commissions", "processledare"), ("reports_to", "processledare"),
            ("covers", "kommun_trosa"), ("covers", "kommun_gnesta")} <= derived
    for r in sormland.relations.values():
        if r.derived_from:
            assert "ls_sammanslagning" in r.sources
    snap = sormland.snapshot(on="2017-03-01")
    steering_tris = {r.from_id for r in snap.relations() if r.relation == "steers" and r.to_id == "tris"}
    assert "lsg_trosa_gnesta" in steering_tris
    assert not {"lsg_trosa", "lsg_gnesta"} & steering_tris


def test_process_leader(sormland):
    on = sormland.snapshot(on="2016-11-01")
    rels = {(r.from_id, r.relation) for r in on.relations() if r.to_id == "processledare"}
    assert ("rar", "employs") in rels and ("rar", "funds") in rels
    principals = {f for f, kind in rels if kind == "commissions"}
    assert principals == {"lsg_trosa", "lsg_gnesta", "lsg_oxelosund", "lsg_nykoping", "lsg_nykoping_oxelosund"}
    assert sormland.entities["ida_malmberg"].kind == "person"
    assert [(r.relation, r.to_id) for r in sormland.relations_of("ida_malmberg")] == [("holds", "processledare")]
    assert sormland.entities["processledare"].kind == "role"


def test_budget_matches_the_application(sormland):
    per_year = {}
    for line in sormland.budget:
        assert line.relation == "r_rar_funds_pl"
        per_year[line.year] = per_year.get(line.year, 0) + line.amount_tkr
    assert per_year == {2016: 431, 2017: 859, 2018: 431}
    assert sum(per_year.values()) == 1721


def test_five_assignments(sormland):
    assignments = [e for e in sormland.entities.values() if e.kind == "assignment"]
    assert len(assignments) == 5
    for a in assignments:
        to = [r.to_id for r in sormland.relations_of(a.id) if r.relation == "assigned_to"]
        assert to == ["processledare"]


def test_both_sides_of_ibis_ownership_are_kept(sormland):
    """RAR owns IBIS by its page; the application's "projektägare/styrgrupp" is kept as steering, the tension recorded."""
    owners = {r.from_id for r in sormland.relations.values() if r.relation == "owns" and r.to_id == "ibis"}
    assert owners == {"rar"}
    application = {r.id for r in sormland.relations.values() if r.to_id == "ibis" and r.attributes.get("as_stated") == "projektägare/styrgrupp"}
    assert application == {"r037", "r043"}
    (conflict,) = [c for c in sormland.conflicts if c.id == "k_ibis_agare"]
    assert application | {"r052"} <= set(conflict.facts)


def test_funding_end_is_kept_as_each_source_says(sormland):
    application = sormland.relations["r_rar_funds_pl"]
    report = sormland.relations["r_rar_funds_pl_ls"]
    assert (application.valid_to, report.valid_to) == ("2018-06-30", "2018-10")
    assert (application.effective_to, report.effective_to) == ("2018-06-30", "2018-10-31")  # neither clipped: each as its source says
    assert {"r_rar_funds_pl", "r_rar_funds_pl_ls", "processledare"} <= set(next(c for c in sormland.conflicts if c.id == "k_finansiering_slut").facts)


def test_a_changed_word_in_a_seed_quote_fails_check_with_file_and_line(sormland, tmp_path, capsys):
    import shutil

    copy = shutil.copytree(sormland.path, tmp_path / "copy")
    sources = copy / "sources.csv"
    lines = sources.read_text(encoding="utf-8").split("\n")
    number, line = next((i, text) for i, text in enumerate(lines, 1) if "Vid starten i oktober" in text)
    lines[number - 1] = line.replace("Vid starten i oktober", "Vid starten i november")
    sources.write_text("\n".join(lines), encoding="utf-8")
    assert main(["check", "--data", str(copy)]) == 1
    out = capsys.readouterr().out
    assert f"sources.csv:{number}: citatet ls_uppdragsgivare står inte i dokumentet documents/000_b65d06c439c32f26.txt" in out
    assert "Vid starten i november" in out


def test_quotes_are_compared_with_white_space_folded_and_only_in_shipped_files(tiny):
    from lsgmap.dataset.checks import check

    s = tiny(
        documents=[
            {"id": "rapport", "title": "Rapport", "kind": "seed", "reference": "rapport.txt", "date": "2016"},
            {"id": "webb", "title": "Webbsida", "kind": "public", "reference": "../rapport.txt", "date": "2016"},
        ],
        sources=[
            {"id": "ok", "document": "rapport", "quote": "LSG Trosa   styr\nTRIS"},
            {"id": "fel", "document": "rapport", "quote": "LSG Gnesta styr TRIS"},
            {"id": "utanfor", "document": "webb", "quote": "vad som helst"},
        ],
        entities=[{"id": "a", "kind": "lsg", "sources": "ok;fel;utanfor"}],
    )
    (s.path / "documents").mkdir()
    (s.path / "documents" / "rapport.txt").write_text("Sedan *2016*: LSG Trosa styr TRIS.\n", encoding="utf-8")
    found = [p for p in check(s) if p.code == "check.quote_not_in_document"]
    assert [(p.params["source"], p.value) for p in found] == [("fel", "LSG Gnesta styr TRIS")]


def test_municipality_names_are_the_official_ones(sormland):
    names = {e.id: e.name_sv for e in sormland.entities.values() if e.kind == "municipality"}
    assert names["kommun_gnesta"] == "Gnesta kommun" and names["kommun_trosa"] == "Trosa kommun"
    assert names["kommun_eskilstuna"] == "Eskilstuna kommun" and names["kommun_strangnas"] == "Strängnäs kommun"
    assert names["kommun_nykoping"] == "Nyköpings kommun" and names["kommun_oxelosund"] == "Oxelösunds kommun"


# -- the corrections of issue #10 ---------------------------------------------------------------
def test_tuna_eskilstuna_and_tuna_nykoping_oxelosund_are_two_entities(sormland):
    eskilstuna, south = sormland.entities["tuna"], sormland.entities["tuna_nykoping_oxelosund"]
    assert (eskilstuna.valid_from, eskilstuna.valid_to) == ("2008", "")
    assert (south.valid_from, south.valid_to) == ("2016", "2019")
    lsgs = {e.id for e in sormland.entities.values() if e.kind == "lsg"}
    assert not [r.id for r in sormland.incoming("tuna") if r.from_id in lsgs], "no LSG steers the Eskilstuna project"
    assert {r.from_id for r in sormland.incoming("tuna_nykoping_oxelosund") if r.relation == "steers"} == {
        "lsg_nykoping", "lsg_oxelosund", "lsg_nykoping_oxelosund"}


def test_owner_or_steering_group_is_one_relation_not_two(sormland):
    stated = [r for r in sormland.relations.values() if r.attributes.get("as_stated") == "projektägare/styrgrupp"]
    assert stated and {r.relation for r in stated} == {"steers"}
    pairs = {(r.from_id, r.to_id) for r in stated}
    owns = {(r.from_id, r.to_id) for r in sormland.relations.values() if r.relation == "owns"}
    assert not pairs & owns


def test_status_report_lines_have_no_invented_dates_and_are_attested_for_its_period(sormland):
    first, last = to_day("2016-10-13"), to_day("2016-12-31")
    for rid in ("r048", "r_ls_ibis", "r050", "r_ls_ips"):
        r = sormland.relations[rid]
        assert (r.valid_from, r.valid_to) == ("", ""), rid
        assert sormland.attestation(rid).windows == ((first, last),), rid


def test_assignments_are_dated_at_the_precision_the_report_allows(sormland):
    assignments = [e for e in sormland.entities.values() if e.kind == "assignment"]
    # given during the status report's period (from 13 October 2016): some time from October 2016, never before the post
    assert assignments and all((e.valid_from, e.valid_to) == ("2016-10", "") for e in assignments)
    assert not [e.id for e in sormland.entities.values() if e.kind == "project" and e.id.startswith("ansokan_")]


def test_the_finsam_party_before_2008_was_the_county_labour_board(sormland):
    assert sormland.entities["arbetsformedlingen"].valid_from == "2008-01-01"
    assert sormland.relations["r002"].valid_from == "2008-01-01"
    board = [r for r in sormland.outgoing("lansarbetsnamnden_sormland") if r.relation == "member_of"]
    assert [(r.to_id, r.valid_from, r.valid_to) for r in board] == [("rar", "2005", "2007-12-31")]
    finsam = [s for s in sormland.sources.values() if s.document == "finsam"]
    assert finsam and all(s.form == "paraphrase" and "§" in s.locator for s in finsam)
    assert sormland.sources["pub_finsam_medlemmar"].locator == "3–4 §§"


def test_the_tris_steering_group_of_the_application_is_the_local_one(sormland):
    assert "an_tris_styrgrupp" not in sormland.entities["tris_lansstyrgrupp"].sources
    assert "an_tris_styrgrupp" in sormland.entities["tris_lokala_styrgrupper"].sources


def test_budget_lines_are_as_applied_for(sormland):
    assert sormland.budget and {b.basis for b in sormland.budget} == {"applied"}


def test_every_document_says_which_period_it_speaks_for_or_why_not(sormland):
    for d in sormland.documents.values():
        assert d.period or d.period_note, d.id
    assert sormland.documents["lagesrapport_2016"].speaks == (to_day("2016-10-13"), to_day("2016-12-31"))


@pytest.mark.parametrize("day", ["2026-11-23", "2010-06-01"])
def test_no_lsg_is_attested_far_from_the_sources(sormland, day):
    snap = sormland.snapshot(on=day)
    data = snap.to_json()
    lsgs = {n["id"] for n in data["nodes"] if n["kind"] == "lsg"}
    assert lsgs and not [n["id"] for n in data["nodes"] if n["id"] in lsgs and n["attested"]]
    edges = [e for e in data["edges"] if e["source"] in lsgs or e["target"] in lsgs]
    assert edges and not [e["id"] for e in edges if e["attested"]]


def test_the_five_principals_of_the_status_report_are_attested_on_the_default_date(sormland):
    snap = sormland.snapshot(on=sormland.default.date)
    attested = {i for i in snap.node_ids if sormland.entities[i].kind == "lsg" and snap.attested(i)}
    assert attested == {"lsg_trosa", "lsg_gnesta", "lsg_oxelosund", "lsg_nykoping", "lsg_nykoping_oxelosund"}
