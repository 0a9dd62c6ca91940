"""lsgmap intake: a status report read into proposals with verbatim quotes, measured, and accepted as one logged change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from edit_kit import copy_bundled

from lsgmap.cli import main
from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.dates import to_day
from lsgmap.edit import Dataset
from lsgmap.intake import read
from lsgmap.intake.accept import accept
from lsgmap.intake.document import from_text
from lsgmap.intake.fixture import without_document
from lsgmap.intake.measure import against_dataset, against_key
from lsgmap.intake.proposals import intake
from lsgmap.intake.when import period_in

SECOND = Path(__file__).parent / "data" / "intake" / "lagesrapport_2017_h1.txt"
SEED = BUNDLED_DATA / "documents" / "000_b65d06c439c32f26.txt"
TABLES = ("documents", "sources", "entities", "relations", "events", "conflicts", "budget")


@pytest.fixture(scope="module")
def bundled():
    return load(BUNDLED_DATA)


@pytest.mark.parametrize(("text", "period"), [
    ("Period: Den 13 oktober - 31 december 2016", "2016-10-13/2016-12-31"),
    ("Lägesrapport för perioden 2017-01-01 – 2017-06-30", "2017-01-01/2017-06-30"),
    ("Lägesrapport första halvåret 2017", "2017-01-01/2017-06-30"),
    ("Status report for the second half of 2017", "2017-07-01/2017-12-31"),
    ("Protokoll LSG Nyköping 2017-03-02", "2017-03-02"),
    ("Period: oktober – december 2016", "2016-10-01/2016-12-31"),
])
def test_the_period_a_document_speaks_for(text, period):
    assert period_in(text) == period


def test_the_seed_status_report_against_the_data_without_it():
    """The fixture drops the document, its passages and what rests only on them; intake proposes ≥ 80 % again at ≥ 70 % precision."""
    score = against_dataset(BUNDLED_DATA, "lagesrapport_2016")
    assert len(score.expected) >= 20
    assert score.recall >= 0.8, score.misses
    assert score.precision >= 0.7, score.wrong
    assert score.bad_quotes == []
    assert score.result.period == "2016-10-13/2016-12-31" and score.result.kind == "status_report"
    # the projects under their LSG, the principal that went with the document, the signature
    for triple in [("lsg_nykoping_oxelosund", "steers", "tuna_nykoping_oxelosund"), ("lsg_nykoping_oxelosund", "commissions", "processledare"),
                   ("ida_malmberg", "holds", "processledare"), ("lsg_trosa", "assigns", "uppdrag_admin_struktur")]:
        assert triple in score.hits


def test_the_second_status_report_against_its_hand_written_key():
    score = against_key(BUNDLED_DATA, SECOND, SECOND.with_suffix(".key.csv"))
    assert len(score.expected) == 24
    assert score.recall >= 0.8, score.misses
    assert score.precision >= 0.7, score.wrong
    assert score.bad_quotes == []


def test_a_name_of_another_kind_after_insatsen_is_a_new_project(bundled):
    """"insatsen Ungdomens hus": the dataset's "Ungdomens hus" is an assignment, so the project is new; later mentions mean it."""
    result = read(bundled, SECOND)
    new = [p for p in result.proposals if p.kind == "new_entity" and p.entity_kind == "project"]
    assert [p.name for p in new] == ["Ungdomens hus"]
    funded = [p for p in result.proposals if p.relation == "funds" and p.to_id == new[0].entity_id]
    assert [(p.from_id, p.quote) for p in funded] == [("rar", "Ungdomens hus finansieras av Samordningsförbundet RAR")]
    steered = [p for p in result.proposals if p.relation == "steers" and p.to_id == new[0].entity_id]
    assert [p.from_id for p in steered] == ["lsg_nykoping_oxelosund"] and steered[0].confidence < 0.7  # "för insatsen": read from before


def test_a_fact_about_an_lsg_that_no_longer_exists_is_a_conflict(bundled):
    doc = from_text("Lägesrapport\n\nPeriod: Den 1 januari - 30 juni 2017\n\nLSG Trosa är styrgrupp för TRIS.\n")
    (p,) = intake(bundled, doc).proposals
    assert (p.kind, p.from_id, p.relation, p.to_id, p.existing_id, p.note) == ("conflict", "lsg_trosa", "steers", "tris", "lsg_trosa", "ends_outside")


def test_direction_follows_the_passive(bundled):
    doc = from_text("Protokoll\n\nPeriod: 2017-01-01 – 2017-06-30\n\nIBIS finansieras av Europeiska socialfonden.\n")
    (p,) = intake(bundled, doc).proposals
    assert (p.kind, p.from_id, p.relation, p.to_id, p.existing_id) == ("attests", "esf", "funds", "ibis", "r053")


def test_json_has_the_shape_the_issue_gives(capsys):
    assert main(["intake", str(SECOND), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["document"]) >= {"title", "kind", "period", "sha256"}
    assert data["document"]["period"] == "2017-01-01/2017-06-30"
    kinds = {p["kind"] for p in data["proposals"]}
    assert kinds <= {"attests", "new_relation", "new_entity", "new_event", "conflict"} and {"attests", "new_relation", "new_entity"} <= kinds
    for p in data["proposals"]:
        assert {"kind", "from_id", "relation", "to_id", "entity_id", "name", "quote", "period", "confidence", "existing_id"} <= set(p)
    text = SECOND.read_text(encoding="utf-8")
    assert all(" ".join(p["quote"].split()) in " ".join(text.split()) for p in data["proposals"])
    assert any(m["entity_id"] == "lsg_trosa_gnesta" and "LSG Trosa-Gnesta" in m["sentence"] for m in data["mentions"])


def test_the_text_output_lists_each_proposal_with_its_quote(capsys):
    assert main(["intake", str(SECOND), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Kind: status report; speaks for the period 2017-01-01 – 2017-06-30" in out
    assert "attests: LSG Oxelösund steers IBIS" in out and '"IBIS (LSG Oxelösund)"' in out


def _tables(folder: Path) -> dict[str, bytes]:
    return {t: (folder / f"{t}.csv").read_bytes() for t in TABLES}


def test_accepting_a_status_report_attests_its_facts_as_one_undoable_change(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    before = _tables(folder)
    result = read(load(folder), SECOND)
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", "all", "--who", "Ida", "--why", "Lägesrapport VT 2017"]) == 0
    assert "c0001" in capsys.readouterr().out
    s = load(folder)
    (doc,) = [d for d in s.documents.values() if d.period == "2017-01-01/2017-06-30"]
    assert (folder / "documents" / doc.reference).read_text(encoding="utf-8") == result.document.text
    ours = {sid for sid, src in s.sources.items() if src.document == doc.id}
    day = to_day("2017-03-01")
    for p in result.proposals:
        if not p.relation:
            continue
        facts = [r for r in s.relations.values() if (r.from_id, r.relation, r.to_id) == (p.from_id, p.relation, p.to_id) and set(r.sources) & ours]
        assert facts, p
        assert any(s.attestation(r.id).evidence(day) == "document" for r in facts), p
    assert s.attestation("lsg_trosa_gnesta").on(day)  # through its relations, which the report now speaks for
    for p in result.proposals:
        if p.kind == "new_entity":
            assert s.attestation(p.entity_id).evidence(day) == "document", p  # a new project, the new assignments
    assert s.attestation("r048").on(day) and not load(BUNDLED_DATA).attestation("r048").on(day)
    assert main(["check", "--data", str(folder)]) == 0
    log = Dataset(folder).log()
    assert {r["change"] for r in log} == {"c0001"} and {r["who"] for r in log} == {"Ida"}
    assert main(["undo", "--data", str(folder)]) == 0
    assert _tables(folder) == before


def test_accepting_chosen_proposals_and_an_unknown_id(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    result = read(load(folder), SECOND)
    ibis = next(p for p in result.proposals if p.to_id == "ibis")
    saved, accepted = accept(Dataset(folder), result, ibis.id, who="t")
    assert saved.change_id == "c0001" and list(accepted.sources) == ["IBIS (LSG Oxelösund)"]
    assert accepted.sources["IBIS (LSG Oxelösund)"] in load(folder).relations["r043"].sources
    tuna = next(p for p in result.proposals if p.to_id == "tuna_nykoping_oxelosund")
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", tuna.id, "--json"]) == 0
    saved_json = json.loads(capsys.readouterr().out)
    assert saved_json["saved"] == "c0002" and saved_json["accepted"] == 1 and saved_json["skipped"] == []
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", "p999"]) == 1
    assert "p999" in capsys.readouterr().out


def test_a_new_entity_must_be_accepted_with_its_relations(tmp_path, capsys):
    folder = copy_bundled(tmp_path)
    result = read(load(folder), SECOND)
    funds = next(p for p in result.proposals if p.relation == "funds" and p.kind == "new_relation")
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", funds.id, "--dry-run"]) == 0
    assert "ungdomens_hus" in capsys.readouterr().out  # skipped: its new end is not accepted
    new = next(p for p in result.proposals if p.entity_id == "ungdomens_hus" and p.kind == "new_entity")
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", f"{new.id},{funds.id}"]) == 0
    s = load(folder)
    assert s.entities["ungdomens_hus"].kind == "project"
    assert any(r.from_id == "rar" and r.to_id == "ungdomens_hus" for r in s.relations.values())


def test_the_fixture_drops_what_rests_only_on_the_document(tmp_path, capsys):
    removed = without_document(BUNDLED_DATA, "lagesrapport_2016", tmp_path / "d")
    s = load(tmp_path / "d")
    assert s.errors == []
    assert {"r048", "r_ls_ibis", "r067", "r020"} <= removed["relations"] and "r063" not in removed["relations"]
    assert "ls_uppdragsgivare" not in s.relations["r063"].sources and "an_uppdragsgivare" in s.relations["r063"].sources
    assert "ev_sammanslagning_trosa_gnesta" in removed["events"] and "lsg_trosa_gnesta" in removed["entities"]
    assert not (tmp_path / "d" / "documents" / "000_b65d06c439c32f26.txt").exists()
    assert main(["check", "--data", str(tmp_path / "d")]) == 0


@pytest.mark.parametrize("name", ["report.odt", "missing.docx"])
def test_a_file_that_cannot_be_read_is_a_usage_error(tmp_path, capsys, name):
    path = tmp_path / name
    if name.endswith(".odt"):
        path.write_text("x", encoding="utf-8")
    assert main(["intake", str(path)]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf"])
def test_a_broken_docx_or_pdf_is_a_usage_error_naming_it(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(b"not really a document")
    assert main(["intake", str(path)]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


ENGLISH = """Status report, process leader of the LSGs in southern Sörmland

Period: 1 January - 30 June 2017

The post is funded by Samordningsförbundet RAR until October 2018. LSG Oxelösund steers IBIS, and LSG Nyköping is the steering group of IPS-Slussen.

Assignments from the LSGs

The process leader was given these assignments:

- To prepare an overview of support for newly arrived (LSG Oxelösund)
"""


def test_an_english_report(bundled):
    result = intake(bundled, from_text(ENGLISH))
    assert (result.kind, result.period) == ("status_report", "2017-01-01/2017-06-30")
    got = {(p.kind, p.from_id, p.relation, p.to_id, p.quote) for p in result.proposals if p.relation}
    assert ("attests", "rar", "funds", "processledare", "The post is funded by Samordningsförbundet RAR until October 2018.") in got
    assert ("attests", "lsg_oxelosund", "steers", "ibis", "LSG Oxelösund steers IBIS") in got
    assert ("attests", "lsg_nykoping", "steers", "ips_slussen", "LSG Nyköping is the steering group of IPS-Slussen.") in got
    assert any(p.relation == "assigns" and p.from_id == "lsg_oxelosund" for p in result.proposals)
    funded = next(p for p in result.proposals if p.relation == "funds")
    assert funded.valid_to == "2018-10" and funded.existing_id == "r_rar_funds_pl_ls"  # the stated end picks the fact that says it


def test_an_empty_document_and_control_characters(bundled):
    assert intake(bundled, from_text("")).proposals == []
    doc = from_text("Protokoll\x07\n\nPeriod: 2017-01-01 – 2017-06-30\n\n- IBIS (LSG\x00 Oxelösund)\n")
    assert [b.text for b in doc.blocks] == ["Protokoll", "Period: 2017-01-01 – 2017-06-30", "IBIS (LSG Oxelösund)"]


def test_a_document_without_a_period_is_accepted_and_attests_nothing(tmp_path):
    folder = copy_bundled(tmp_path)
    path = tmp_path / "notes.md"
    path.write_text("# Anteckningar\n\n- IBIS (LSG Oxelösund)\n", encoding="utf-8")
    result = read(load(folder), path)
    assert result.period is None and [p.kind for p in result.proposals] == ["attests"]
    accept(Dataset(folder), result, "all", who="t")
    s = load(folder)
    (doc,) = [d for d in s.documents.values() if d.reference == "anteckningar.txt"]
    assert doc.speaks is None and main(["check", "--data", str(folder)]) == 0


def test_an_application_is_a_plan(tmp_path):
    folder = copy_bundled(tmp_path)
    path = tmp_path / "ansokan.txt"
    path.write_text("Ansökan om medel för Ungdomens hus\n\nPeriod: 2017-01-01 – 2017-06-30\n\n- IBIS (LSG Oxelösund)\n", encoding="utf-8")
    result = read(load(folder), path)
    assert result.kind == "application"
    from lsgmap.intake.accept import accepted_change

    change = accepted_change(Dataset(folder), result, result.proposals).change
    assert [rc.after["kind"] for rc in change.rows if rc.table == "sources"] == ["plan"]


def test_the_application_is_read_as_a_plan_with_its_heading_after_the_addressee(bundled):
    """"Till samordningsförbundet RAR" is the addressee; "Ansökan om …" is the heading. "I Oxelösund är LSG styrgrupp för …" names LSG Oxelösund."""
    result = read(bundled, BUNDLED_DATA / "documents" / "001_3d1f4b7845da4eda.txt")
    assert result.kind == "application" and result.title.startswith("Ansökan om tjänst som processledare")
    steers = {(p.from_id, p.to_id, p.existing_id) for p in result.proposals if p.relation == "steers"}
    assert steers == {("lsg_oxelosund", "tris", "r039"), ("lsg_oxelosund", "tuna_nykoping_oxelosund", "r041"), ("lsg_oxelosund", "ibis", "r043"),
                      ("lsg_gnesta", "tris", "r045"), ("lsg_trosa", "tris", "r046")}
    assert not any(p.from_id.startswith("kommun_") for p in result.proposals)  # a municipality applies for nothing


def test_a_working_group_and_a_new_lsg_with_no_fact_are_proposed_as_new_entities(bundled):
    doc = from_text("Protokoll\n\nPeriod: 2017-01-01 – 2017-06-30\n\nLSG Flen-Vingåker har bildats. LSG Nyköping har tillsatt en arbetsgrupp för unga vuxna, som ska rapportera i juni.\n")
    new = {(p.name, p.entity_kind, p.quote) for p in intake(bundled, doc).proposals if p.kind == "new_entity"}
    assert new == {("LSG Flen-Vingåker", "lsg", "LSG Flen-Vingåker har bildats."),
                   ("Arbetsgrupp för unga vuxna", "team", "LSG Nyköping har tillsatt en arbetsgrupp för unga vuxna, som ska rapportera i juni.")}


def test_after_an_undo_another_version_of_the_document_gets_a_file_of_its_own(tmp_path):
    folder = copy_bundled(tmp_path)
    assert main(["intake", str(SECOND), "--data", str(folder), "--accept", "all"]) == 0
    assert main(["undo", "--data", str(folder)]) == 0  # the table rows go; the shipped text stays (nothing is deleted)
    changed = tmp_path / "v2.txt"
    changed.write_text(SECOND.read_text(encoding="utf-8").replace("elva LSG möten", "tolv LSG möten"), encoding="utf-8")
    assert main(["intake", str(changed), "--data", str(folder), "--accept", "all"]) == 0
    s = load(folder)
    (doc,) = [d for d in s.documents.values() if d.period == "2017-01-01/2017-06-30"]
    assert doc.reference.endswith("_2.txt") and "tolv" in (folder / "documents" / doc.reference).read_text(encoding="utf-8")
    assert main(["check", "--data", str(folder)]) == 0
