"""A seeded mutator of datasets: one change (or a few) to a copy of tests/data/valid per case.

Mutations cover cell values (huge numbers, impossible and far dates, ids with
``;``, empty, unicode, control characters, markup), row shapes, headers
(duplicated, missing, extra), encodings, truncation, stories, and the
``datapackage.json``. Each case is reproducible from its seed.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from pathlib import Path

from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH

VALID = Path(__file__).resolve().parent / "data" / "valid"

VALUES = [
    "", " ", "0", "-1", "1e400", "-1e400", "inf", "nan", "1" * 400, "9" * 30, "2016,5", "1 234,5",
    "0000", "0000-00-00", "9999", "9999-12-31", "9998-12-31", "1000", "0999", "1600", "2300", "2016-02-30", "2016-13", "2016-00-01",
    "2016-1-1", "2016-12-31/2017", "2017/2016", "2016–2017", "x/y", "0;0", "a;b", ";", ";;", "=", "a=b;c", "==", "total_2016=abc",
    "lsg_a;lsg_b", "lsg_a;lsg_a", "proj;rar", "r4;r4", "doc;doc", "s1;s1", "s1;nope", "rar", "proj", "r1", "ev1",
    "Ünïcødé ÅÄÖ", "名前", "\u202e\u200b", "\U0001f600", "a\x00b", "a\x1b[31mb", "a\x07", "line\nbreak", "cr\rcell", "tab\tcell",
    '"', '""', "'", "<b>x</b>", "![x](https://example.com/x.png)", "[l](javascript:alert(1))", "=HYPERLINK(\"x\")", "+1", "@x",
    "merger", "split", "steers", "owns", "funds", "lsg", "project", "association", "person", "seed", "public",
    "\\", "%s", "{value}", "{0}", "x" * 5000,
]

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]


def _read(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8", errors="replace")  # a file an earlier mutation broke is read as it comes
    try:
        return list(csv.reader(io.StringIO(text.replace("\x00", ""), newline=""))) or [["id"]]
    except csv.Error:
        return [["id"]]


def _write(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> None:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding, errors="replace"))


ROW_KINDS = ["cell", "cell", "cell", "cells", "row_short", "row_long", "row_dup", "row_del"]
HEADER_KINDS = ["header_dup", "header_del", "header_extra", "header_rename", "header_empty"]
FILE_KINDS = ["encoding", "truncate", "bytes", "semicolon", "empty", "blank_lines"]
#: issue 25: what is not a regular file of the folder, in place of a table (made by the mutator; never read by it)
PLACE_KINDS = ["link_out", "dev_zero", "fifo", "folder", "loop", "huge_cell"]


def _edit_rows(rng: random.Random, kind: str, body: list[list[str]]) -> None:
    if not body:
        return
    if kind in ("cell", "cells"):
        for _ in range(1 if kind == "cell" else rng.randint(2, 8)):
            row = rng.choice(body)
            if row:
                row[rng.randrange(len(row))] = rng.choice(VALUES)
    elif kind == "row_short":
        row = rng.choice(body)
        del row[rng.randrange(len(row) + 1) :]
    elif kind == "row_long":
        rng.choice(body).extend(rng.choice(VALUES) for _ in range(rng.randint(1, 3)))
    elif kind == "row_dup":
        body.insert(rng.randrange(len(body) + 1), list(rng.choice(body)))
    elif kind == "row_del":
        body.pop(rng.randrange(len(body)))


def _edit_header(rng: random.Random, kind: str, header: list[str], body: list[list[str]]) -> None:
    i = rng.randrange(len(header))
    if kind == "header_dup":
        header.append(header[i])
        for row in body:
            row.append(rng.choice(["", row[i] if i < len(row) else "", rng.choice(VALUES)]))
    elif kind == "header_del":
        for row in [header, *body]:
            if i < len(row):
                del row[i]
    elif kind == "header_extra":
        header.insert(i, rng.choice(["extra", "", "ID", " id ", "valid_to"]))
    elif kind == "header_rename":
        header[i] = rng.choice(VALUES)
    elif kind == "header_empty":
        header[:] = []


def _write_file(rng: random.Random, kind: str, path: Path, rows: list[list[str]]) -> None:
    if kind == "encoding":
        _write(path, rows, encoding=rng.choice(ENCODINGS))
    elif kind == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: rng.randrange(len(data) + 1)])
    elif kind == "bytes":
        data = bytearray(path.read_bytes()) or bytearray(b"x")
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
    elif kind == "semicolon":
        _write(path, rows, delimiter=";")
    elif kind == "empty":
        path.write_bytes(rng.choice([b"", b"\n", b"\xef\xbb\xbf", b" \n \n"]))
    elif kind == "blank_lines":
        _write(path, [rows[0], [], *rows[1:], [""], [" "]])


def _replace_file(rng: random.Random, kind: str, path: Path) -> None:
    import os

    path.unlink()
    if kind == "link_out":
        os.symlink(rng.choice(["/etc/passwd", "/etc/hostname", "/nonexistent/x.csv"]), path)
    elif kind == "dev_zero":
        os.symlink("/dev/zero", path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        os.symlink(path.name + ".loop", path)
        os.symlink(path.name, path.with_name(path.name + ".loop"))
    elif kind == "huge_cell":
        path.write_text("id,quote\nx," + "x" * 140_000 + "\n", encoding="utf-8")


def _mutate_table(rng: random.Random, path: Path) -> str:
    if path.is_symlink() or not path.is_file():  # already replaced by a link, a pipe or a folder: never read it here
        return f"{path.name}:left"
    if rng.random() < 0.08:
        kind = rng.choice(PLACE_KINDS)
        _replace_file(rng, kind, path)
        return f"{path.name}:{kind}"
    rows = _read(path)
    header, body = rows[0] or ["id"], rows[1:]
    kind = rng.choice(ROW_KINDS + HEADER_KINDS + FILE_KINDS)
    if kind in FILE_KINDS:
        _write_file(rng, kind, path, rows)
        return f"{path.name}:{kind}"
    if kind in HEADER_KINDS:
        _edit_header(rng, kind, header, body)
    else:
        _edit_rows(rng, kind, body)
    _write(path, [header, *body] if header else body)
    return f"{path.name}:{kind}"


def _mutate_descriptor(rng: random.Random, folder: Path) -> str:
    descriptor = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    kind = rng.choice(["field", "field", "field", "resource", "drop_resource", "keys", "root", "default_date", "text", "bad_path"])
    resource = rng.choice(resources)
    fields = resource["schema"]["fields"]
    junk = rng.choice([None, 5, "x", [], {}, [1], {"a": 1}, True, -1.5, "(", "entities", ["id"], {"fields": "id"}])
    if kind == "field":
        field = rng.choice(fields)
        key = rng.choice(["constraints", "type", "name", "delimiter", "lsgmap:type", "lsgmap:vocabulary", "lsgmap:codes", "lsgmap:keepRow", "itemType"])
        if key == "constraints" and rng.random() < 0.6:
            field["constraints"] = {rng.choice(["enum", "pattern", "required"]): junk}
        else:
            field[key] = junk
    elif kind == "resource":
        resource[rng.choice(["name", "path", "schema", "lsgmap:part", "lsgmap:pattern", "lsgmap:required"])] = junk
    elif kind == "bad_path":  # issue 25: paths that are no file of the folder
        key = "lsgmap:pattern" if resource.get("lsgmap:pattern") else "path"
        resource[key] = rng.choice([".", "", "documents", "stories", "a\x00b.csv", "../x.csv", "/etc/passwd", "*.csv", "stories/*/x.csv"])
    elif kind == "drop_resource":
        resources.remove(resource)
    elif kind == "keys":
        resource["schema"][rng.choice(["primaryKey", "foreignKeys"])] = junk
    elif kind == "root":
        descriptor["lsgmap:root"] = rng.choice([junk, "nope", "rar"])
    elif kind == "default_date":
        descriptor["lsgmap:defaultDate"] = rng.choice([junk, "9999-12-31", "2016-02-30", "1600", {"date": "2300"}])
    text = json.dumps(descriptor, ensure_ascii=False)
    if kind == "text":
        text = text[: rng.randrange(len(text))]
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    return f"datapackage.json:{kind}"


def _mutate_stories(rng: random.Random, folder: Path) -> str:
    stories = folder / "stories"
    stories.mkdir(exist_ok=True)
    index = [["id", "title_sv", "title_en", "description_sv", "description_en"], ["a", "A", "A", "", ""]]
    steps = [["step", "title_sv", "title_en", "text_sv", "text_en", "date", "show", "highlight"], ["1", "Ett", "One", "", "", "2016-06-01", "", "lsg_a"]]
    for rows in (index, steps):
        for _ in range(rng.randint(1, 3)):
            row = rng.choice(rows[1:])
            row[rng.randrange(len(row))] = rng.choice(VALUES)
    _write(stories / "index.csv", index)
    _write(stories / "a.csv", steps)
    return "stories"


def make_case(seed: int, target: Path) -> str:
    """A mutated copy of tests/data/valid at ``target`` (with the bundled schema); returns what was done."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(VALID, target)
    shutil.copy(DEFAULT_SCHEMA_PATH, target / "datapackage.json")
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        what = rng.random()
        if what < 0.1:
            done.append(_mutate_descriptor(rng, target))
        elif what < 0.2:
            done.append(_mutate_stories(rng, target))
        else:
            done.append(_mutate_table(rng, rng.choice(sorted(p for p in target.glob("*.csv") if not p.name.endswith(".loop")))))
    return f"seed {seed}: " + ", ".join(done)
