"""The one schema: datapackage.json describes every table, and its rules are what the loader enforces."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsgmap.dataset.load import BUNDLED_DATA, load
from lsgmap.dataset.schema import DEFAULT_CODES, DEFAULT_SCHEMA_PATH, TYPES, default_schema
from lsgmap.dataset.stories import load_stories
from lsgmap.dataset.tables import read_dataset, read_table
from lsgmap.i18n import PROBLEMS
from lsgmap.vocab import ENTITY_KINDS, EVENT_KINDS, RELATION_KINDS

DATA = Path(__file__).resolve().parent / "data"
DESCRIPTOR = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))


def resource(name: str) -> dict:
    return next(r for r in DESCRIPTOR["resources"] if r["name"] == name)


def test_the_bundled_datasets_carry_the_same_tables_as_lsgmaps_own_descriptor():
    """Each dataset may add its own properties (its root); the tables are lsgmap's."""
    own = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    for folder in (BUNDLED_DATA, DATA / "hostile"):
        theirs = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert theirs["resources"] == own["resources"], folder
    assert json.loads((BUNDLED_DATA / "datapackage.json").read_text(encoding="utf-8"))["lsgmap:root"] == "rar"


@pytest.mark.parametrize(
    "table, column, vocabulary",
    [("entities", "kind", ENTITY_KINDS), ("relations", "relation", RELATION_KINDS), ("events", "kind", EVENT_KINDS)],
)
def test_kind_enums_come_from_the_vocabulary(table, column, vocabulary):
    raw = next(f for f in resource(table)["schema"]["fields"] if f["name"] == column)
    assert "enum" not in raw.get("constraints", {})  # one definition: lsgmap.vocab
    assert default_schema().resources[table].field(column).enum == set(vocabulary)


def test_stories_are_resources_of_the_descriptor():
    steps = default_schema().resources["story_steps"]
    assert steps.pattern == "stories/*.csv" and steps.part == "stories" and steps.primary_key == "step"
    assert default_schema().resources["story_index"].path == "stories/index.csv"
    assert [r.name for r in default_schema().part("stories")] == ["story_index", "story_steps"]


def test_tables_are_checked_after_the_tables_they_refer_to():
    order = [r.name for r in default_schema().part()]
    for r in default_schema().part():
        for key in r.foreign_keys:
            for target in key.resources:
                assert order.index(target) < order.index(r.name), (r.name, target)


def test_every_message_the_schema_can_give_exists():
    codes = set(DEFAULT_CODES.values()) | {"number.invalid", "date.invalid", "value.pair", "id.duplicate", "id.unknown", "id.rejected"}
    for r in default_schema().resources.values():
        for f in r.fields:
            codes |= {f.code(rule) for rule in ("required", "enum", "pattern")}
            assert f.type in TYPES
    assert codes <= set(PROBLEMS)


def test_list_cells_refer_item_by_item():
    keys = {(k.field, k.resources) for k in default_schema().resources["events"].foreign_keys}
    assert {("originals", ("entities",)), ("results", ("entities",)), ("sources", ("sources",))} <= keys
    facts = next(k for k in default_schema().resources["conflicts"].foreign_keys if k.field == "facts")
    assert facts.resources == ("entities", "relations", "events")


def _with_descriptor(tmp_path: Path, change) -> Path:
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    change(descriptor)
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def _field(descriptor: dict, table: str, column: str) -> dict:
    table_resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return next(f for f in table_resource["schema"]["fields"] if f["name"] == column)


def test_a_pattern_in_a_dataset_descriptor_is_enforced(tmp_path):
    def items_capitalised(descriptor):
        _field(descriptor, "budget", "item_en")["constraints"] = {"pattern": "[A-Z][a-z]+"}

    folder = _with_descriptor(tmp_path, items_capitalised)
    budget = folder / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8").replace("Lön,Salary", "Lön,salary"), encoding="utf-8")
    (problem,) = load(folder).problems
    assert problem.render("en") == (
        'budget.csv:2: item_en does not have the right form ("salary") — write it so that it follows the pattern [A-Z][a-z]+ in datapackage.json'
    )


def test_a_rule_removed_from_the_descriptor_is_no_longer_enforced(tmp_path):
    def any_document_kind(descriptor):
        del _field(descriptor, "documents", "kind")["constraints"]["enum"]

    folder = _with_descriptor(tmp_path, any_document_kind)
    shutil.copy(DATA / "unknown_document_kind" / "documents.csv", folder / "documents.csv")
    s = load(folder)
    assert s.problems == [] and s.documents["doc"].kind == "bogus"


def test_a_dataset_descriptor_without_stories_reads_them_with_the_bundled_schema(tmp_path, sormland):
    folder = tmp_path / "d"
    shutil.copytree(BUNDLED_DATA, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r.get("lsgmap:part") != "stories"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    stories, problems = load_stories(load(folder))
    assert problems == [] and [s.id for s in stories] == [s.id for s in load_stories(sormland)[0]]


def test_story_rows_with_errors_are_left_out(sormland):
    stories, problems = load_stories(load(DATA / "story_bad_step"))
    assert [step.number for step in stories[0].steps] == [1]
    assert [(p.code, p.file, p.line) for p in problems] == [("number.invalid", "stories/resa.csv", 3)]


# -- reading: the fast path and the csv module give the same table ------------------

_CELL = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters='",;\n\r\x00'), max_size=6)


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(_CELL, min_size=3, max_size=3), max_size=6))
def test_plain_and_quoted_files_read_the_same(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("csv")
    header = ["id", "title", "quote"]
    plain = "\n".join(",".join(r) for r in [header, *rows]) + "\n"
    quoted = io.StringIO()
    csv.writer(quoted, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([header, *rows])
    (folder / "plain.csv").write_text(plain, encoding="utf-8")
    (folder / "quoted.csv").write_text(quoted.getvalue(), encoding="utf-8")
    documents = default_schema().resources["documents"]
    a, b = (read_table(folder, documents, [], file) for file in ("plain.csv", "quoted.csv"))
    assert (a.lines, a.cells) == (b.lines, b.cells)
    assert a.column("title") == [r[1].strip() for r in rows if any(c.strip() for c in r)]


@pytest.mark.parametrize("space", [" ", "\t", "\xa0", "\u2003"])
def test_cells_are_stripped_without_quotes_too(tmp_path, space):
    folder = tmp_path / "d"
    shutil.copytree(DATA / "valid", folder)
    relations = folder / "relations.csv"
    relations.write_text(relations.read_text(encoding="utf-8").replace("r1,lsg_a,", f"r1,{space}lsg_a{space},"), encoding="utf-8")
    raw = read_dataset(folder)
    assert raw.tables["relations"].column("from_id")[0] == "lsg_a"
    assert load(folder).relations["r1"].from_id == "lsg_a"
