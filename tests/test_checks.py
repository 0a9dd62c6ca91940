"""``lsgmap check`` on the broken datasets under tests/data/: exact FILE:LINE, value, exit code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsgmap.cli import main
from lsgmap.dataset.checks import check, errors_of, warnings_of
from lsgmap.dataset.load import load

DATA = Path(__file__).resolve().parent / "data"

# name: (exit code, a line that must be printed exactly as the start of an output line)
BROKEN = {
    "impossible_date": (1, 'relations.csv:5: valid_to is not a valid date ("2018-06-31": day 31 does not exist in 2018-06)'),
    "reversed_interval": (1, 'relations.csv:5: valid_to is before valid_from ("2018-12-31 – 2016-01-01")'),
    "unknown_id_relation": (1, 'relations.csv:2: to_id refers to an unknown id ("projj") — use an id from entities.csv ("proj"?)'),
    "unknown_id_event": (1, 'events.csv:2: originals refers to an unknown id ("lsg_c")'),
    "duplicate_id": (1, 'entities.csv:6: id "lsg_b" is already used on line 4'),
    "unknown_entity_kind": (1, 'entities.csv:5: unknown entity kind ("grupp")'),
    "unknown_relation_kind": (1, 'relations.csv:3: unknown relation kind ("styr")'),
    "relation_outside_lifetime": (
        1,
        'relations.csv:5: the relation r4 is dated outside the lifetime of proj (2016-01-01 – 2018-12-31) ("2015-06 – 2018-12-31")',
    ),
    "active_after_merger": (
        1,
        'entities.csv:3: lsg_a is still valid after the event ev1 (2017-01-01) that ended it (valid_to "2017-06-30") — set valid_to to 2016-12-31',
    ),
    "two_owners": (1, 'relations.csv:3: proj has several owners at the same time, 2016-06-01 – 2016-12-31 ("lsg_b, rar", lines 3, 5)'),
    "fact_without_source": (1, "relations.csv:3: the fact has no source"),
    "budget_mismatch": (1, 'relations.csv:5: the budget lines of r4 add up to 8, not to the stated total ("total_2016=9")'),
    "truncated": (1, 'relations.csv:5: the row has 4 fields but the header has 10 ("r4")'),
    "unclosed_quote": (1, 'sources.csv:2: a quote is never closed ("s1,doc,"Ett citat.,,")'),
    "missing_column": (1, "relations.csv:1: the column to_id is missing from the header row"),
    "empty_file": (1, "events.csv:1: the file is empty — put the header row (id, kind, date,"),
    "garbage": (1, "sources.csv:2: the file cannot be read as UTF-8 or Windows-1252"),
    "missing_table": (1, "entities.csv: the table entities.csv is missing"),
    "excel_cp1252": (0, "Note: entities.csv: the file is saved as Windows-1252 (Swedish Excel) and was read as such"),
    "derived_unsupported": (1, 'Note: relations.csv:4: the derived relation "r3" (owns) was not held by any predecessor (lsg_a, lsg_b) the day before ev1'),
    "valid": (0, "0 errors, 0 notes"),
    "plan_past_date": (
        1,
        "sources.csv:3: the plan plan is said to speak for 2016-07-01/2018-06-30, after its document's date (2016-06-30, ansokan); "
        "a plan attests nothing after its own date",
    ),
    # every rule of datapackage.json, in any table (stories included)
    "unknown_document_kind": (1, 'documents.csv:2: kind has a value that is not allowed ("bogus") — use one of: public, seed'),
    "unknown_event_kind": (1, 'events.csv:2: unknown event kind ("fusion") — use one of: dissolution, founding, merger, rename, split'),
    "id_with_space": (1, 'documents.csv:3: id holds a space or ; ("doc 2")'),
    "not_a_number": (1, 'budget.csv:3: amount_tkr is not a number ("fyra")'),
    "bad_decided": (1, 'events.csv:2: decided is not a valid date ("2016-13": month 13 does not exist)'),
    "bad_identifier_pair": (0, 'Note: entities.csv:2: identifiers should hold key=value pairs ("kommunkod0461")'),
    "required_empty": (1, "entities.csv:4: name_sv is empty — fill in name_sv"),
    "unknown_source": (1, 'relations.csv:3: sources refers to an unknown id ("s2") — use an id from sources.csv'),
    "unknown_conflict_fact": (1, 'conflicts.csv:2: facts refers to an unknown id ("r9") — use an id from entities.csv/relations.csv/events.csv'),
    "story_bad_step": (1, 'stories/resa.csv:3: step is not a number ("x")'),
    "story_missing_title": (1, "stories/resa.csv:3: title_sv is empty"),
    "story_duplicate_step": (1, 'stories/resa.csv:3: step "1" is already used on line 2'),
    "story_index_duplicate": (1, 'stories/index.csv:3: id "resa" is already used on line 2'),
    "story_index_bad_id": (1, 'stories/index.csv:3: id holds a space or ; ("min resa")'),
}


def run_check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_dataset_is_reported_at_file_and_line(name, capsys):
    expected_code, expected_line = BROKEN[name]
    code, out, err = run_check(capsys, "--data", str(DATA / name), "--lang", "en")
    assert code == expected_code, out
    assert any(line.startswith(expected_line) for line in out.splitlines()), out
    assert "Traceback" not in out + err


def test_every_broken_dataset_exists():
    assert set(BROKEN) <= {p.name for p in DATA.iterdir() if p.is_dir()}


def test_a_wrong_value_in_a_keep_row_field_keeps_the_row():
    s = load(DATA / "unknown_source")
    assert s.relations["r2"].sources == ("s1", "s2")  # reported, yet the relation is on the map


def test_a_wrong_value_elsewhere_leaves_the_row_out():
    s = load(DATA / "unknown_document_kind")
    assert "doc" not in s.documents and "s1" not in s.sources
    rendered = [p.render("en") for p in s.problems]
    assert "sources.csv:2: document refers to \"doc\", which has an error at documents.csv:2 and is skipped — fix the error at documents.csv:2 first" in rendered


def test_swedish_enum_message(capsys):
    code, out, _ = run_check(capsys, "--data", str(DATA / "unknown_document_kind"))
    assert code == 1
    assert 'documents.csv:2: kind har ett värde som inte är tillåtet ("bogus") — använd ett av: public, seed' in out.splitlines()


def test_excel_file_loads_with_only_encoding_notes():
    s = load(DATA / "excel_cp1252")
    problems = check(s)
    assert errors_of(problems) == []
    assert {p.code for p in problems} == {"table.read_as_cp1252"}
    assert s.entities["lsg_a"].name_sv == "LSG Nyköping"
    assert s.relations["r4"].attributes == {"total_2016": "9"}


def test_error_about_a_row_left_out_points_at_that_row():
    problems = check(load(DATA / "impossible_date"))
    budget = [p for p in problems if p.file == "budget.csv"]
    assert [p.render("en") for p in budget][0].startswith('budget.csv:2: relation refers to "r4", which has an error at relations.csv:5')


def test_summary_line_in_swedish(capsys):
    code, out, _ = run_check(capsys, "--data", str(DATA / "two_owners"))
    assert code == 1
    assert out.splitlines()[-1] == "1 fel, 0 noteringar"
    assert "har flera ägare samtidigt" in out


def test_missing_folder_is_a_clear_error(capsys, tmp_path):
    code, out, err = run_check(capsys, "--data", str(tmp_path / "nope"), "--lang", "en")
    assert code == 2  # a missing folder is wrong usage
    assert err.startswith("Error: No dataset folder found:")
    assert "Traceback" not in err


def test_json_output(capsys):
    import json

    code, out, _ = run_check(capsys, "--data", str(DATA / "fact_without_source"), "--json", "--lang", "en")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["errors"] == 1
    (problem,) = data["problems"]
    assert (problem["file"], problem["line"], problem["code"]) == ("relations.csv", 3, "source.missing")


def test_documented_two_owners_is_a_note(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "two_owners", folder)
    (folder / "conflicts.csv").write_text(
        "id,topic_sv,topic_en,facts,sources,note\nk1,Två ägare,Two owners,r2;r4,s1,\n", encoding="utf-8"
    )
    problems = check(load(folder))
    assert errors_of(problems) == []
    codes = sorted(p.code for p in warnings_of(problems))
    assert codes == ["check.two_owners_documented", "conflict.documented"]
    note = next(p for p in problems if p.code == "check.two_owners_documented")
    assert "known disagreement k1: Two owners" in note.render("en")


def test_conflict_naming_only_one_owner_does_not_excuse_the_other(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "two_owners", folder)
    (folder / "conflicts.csv").write_text("id,topic_sv,topic_en,facts,sources,note\nk1,Ägare,Owner,r2,s1,\n", encoding="utf-8")
    assert [p.code for p in errors_of(check(load(folder)))] == ["check.two_owners"]


def test_owners_one_after_the_other_are_fine(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    rel = folder / "relations.csv"
    rel.write_text(rel.read_text(encoding="utf-8").replace("r4,rar,owns,proj,2016-01-01,", "r4,rar,owns,proj,2017-01-01,")
                   + "r5,lsg_a,owns,proj,2016-01-01,2016-12-31,,,s1,\n", encoding="utf-8")
    assert errors_of(check(load(folder))) == []


def test_result_must_start_on_event_day(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    ent = folder / "entities.csv"
    ent.write_text(ent.read_text(encoding="utf-8").replace("lsg_ab,lsg,LSG AB,LSG AB,,,,2017-01-01", "lsg_ab,lsg,LSG AB,LSG AB,,,,2017-01-23"), encoding="utf-8")
    problems = errors_of(check(load(folder)))
    assert {q.code for q in problems} == {"check.result_start", "check.relation_outside_lifetime"}  # r3 starts 2017-01-01 too
    p = next(q for q in problems if q.code == "check.result_start")
    assert p.render("en").startswith('entities.csv:5: lsg_ab does not start on the day of the event ev1 that created it (valid_from "2017-01-23") — set valid_from to 2017-01-01')


def test_merger_with_one_original_is_an_error(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    ev = folder / "events.csv"
    ev.write_text(ev.read_text(encoding="utf-8").replace("lsg_a;lsg_b,lsg_ab", "lsg_a,lsg_ab"), encoding="utf-8")
    codes = [p.code for p in errors_of(check(load(folder)))]
    assert "check.event_originals" in codes


def test_cli_entry_point_runs_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "lsgmap.cli", "check", "--data", str(DATA / "garbage"), "--lang", "en"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stdout.splitlines()[-1].endswith("errors, 0 notes")




@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["entities.csv", "relations.csv", "events.csv", "sources.csv", "budget.csv"]),
    cut=st.integers(min_value=0, max_value=400),
    noise=st.binary(max_size=40),
)
def test_any_damaged_file_gives_problems_not_tracebacks(tmp_path_factory, table, cut, noise):
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA / "valid", folder, dirs_exist_ok=True)
    path = folder / table
    data = path.read_bytes()
    path.write_bytes(data[:cut] + noise + data[cut:][: len(noise)])
    problems = check(load(folder))
    for p in problems:
        assert p.render("sv") and p.render("en")


def test_a_folder_in_place_of_a_table(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    (folder / "events.csv").unlink()
    (folder / "events.csv").mkdir()
    problems = check(load(folder))
    assert problems[0].render("en").startswith('events.csv: this is not an ordinary file and was not read ("events.csv")')


def test_a_relation_from_an_entity_to_itself_is_an_error(tiny):
    from lsgmap.dataset.checks import check

    s = tiny(
        entities=[{"id": "tris", "kind": "project", "name_sv": "TRIS"}, {"id": "lsg_a", "kind": "lsg", "name_sv": "LSG A"}],
        relations=["tris steers tris", "lsg_a steers tris"],
    )
    found = [p for p in check(s) if p.code == "check.self_relation"]
    assert [(p.value, p.severity, p.file) for p in found] == [("tris", "error", "relations.csv")]
    assert "sig själv" in found[0].render("sv") and "itself" in found[0].render("en")
