"""AppTest of Redigera's "Läs in dokument" tab: a status report uploaded, its proposals marked and ticked, previewed, saved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_kit import run_app, shown
from edit_kit import copy_bundled

from lsgmap.dataset.load import load
from lsgmap.dates import to_day
from lsgmap.edit import Dataset
from lsgmap.intake import DEFAULT_CONFIDENCE, read

pytestmark = pytest.mark.slow  # AppTest runs of the app's pages

SECOND = Path(__file__).parent / "data" / "intake" / "lagesrapport_2017_h1.txt"
KEY = "edit.f.intake."


def test_upload_mark_tick_preview_and_save(monkeypatch, tmp_path):
    folder = copy_bundled(tmp_path)
    monkeypatch.setenv("LSGMAP_EDIT", "1")
    monkeypatch.setenv("LSGMAP_DATA", str(folder))
    at = run_app({"page": "redigera"})
    at.file_uploader(key="edit.intake.upload").set_value(("vt2017.txt", SECOND.read_bytes(), "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    result = read(load(folder), SECOND)
    boxes = {c.key.rsplit(".", 1)[-1]: c for c in at.checkbox if c.key and c.key.startswith(KEY)}
    assert set(boxes) == {p.id for p in result.proposals}
    assert {k for k, c in boxes.items() if c.value} == {p.id for p in result.proposals if p.confidence >= DEFAULT_CONFIDENCE}
    marked = "\n".join(shown(m.value) for m in at.markdown)
    assert ":orange-background[IBIS (LSG Oxelösund)]" in marked  # the quote marked in its sentence, with its proposal id after it
    summary = next(shown(c.value) for c in at.caption if "mitt i dokumentets period" in shown(c.value))
    before, after = (int(x) for x in re.findall(r"(\d+) (?:före|efter)", summary))
    assert after > before
    low = [p for p in result.proposals if p.confidence < DEFAULT_CONFIDENCE]
    for p in low:
        boxes[p.id].check()
    at.run()
    at.button(key="edit.intake.save").click().run()
    assert not at.exception
    s = load(folder)
    doc = next(d for d in s.documents.values() if d.period == "2017-01-01/2017-06-30")
    assert (folder / "documents" / doc.reference).is_file()
    assert s.attestation("r048").on(to_day("2017-03-01"))
    assert "ungdomens_hus" in s.entities and any(r.to_id == "ungdomens_hus" and r.relation == "steers" for r in s.relations.values())
    assert len({r["change"] for r in Dataset(folder).log()}) == 1
