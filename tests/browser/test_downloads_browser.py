"""Data page downloads in a real browser: alternating CSV and XLSX clicks all arrive and open."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook


def test_alternating_csv_and_xlsx_downloads_all_arrive(page, app_url):
    page.goto(app_url + "/data", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Enheter").wait_for(timeout=30_000)
    csv_button = page.get_by_role("button", name="Ladda ner CSV").first
    xlsx_button = page.get_by_role("button", name="Ladda ner Excel (XLSX)").first
    csv_button.wait_for(timeout=30_000)
    got = []
    for i in range(8):
        button, kind = (csv_button, "csv") if i % 2 == 0 else (xlsx_button, "xlsx")
        with page.expect_download(timeout=30_000) as info:
            button.click()
        download = info.value
        assert download.failure() is None, f"click {i + 1} ({kind}) failed: {download.failure()}"
        data = Path(download.path()).read_bytes()
        assert download.suggested_filename == f"entities.{kind}"
        if kind == "csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))  # Swedish UI: Swedish CSV
            assert rows[0][0] == "id" and len(rows[0]) > 3 and len(rows) > 10
        else:
            ws = load_workbook(io.BytesIO(data)).active
            assert ws["A1"].value == "id" and ws.max_row > 10
            assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
        got.append(kind)
    assert got == ["csv", "xlsx"] * 4
    assert not page.get_by_text("not found").count()


def test_english_csv_format_uses_commas(page, app_url):
    page.goto(app_url + "/data", wait_until="domcontentloaded")
    page.get_by_text("engelskt (, och decimalpunkt)").click()
    page.wait_for_timeout(1500)  # the rerun that gives the buttons the chosen format
    button = page.get_by_role("button", name="Ladda ner CSV").first
    with page.expect_download(timeout=30_000) as info:
        button.click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][0] == "id" and len(rows[0]) > 3
