"""Safe spreadsheets: names a spreadsheet would evaluate open as text, control characters never break a file."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from lsgmap.app.data import csv_bytes, entity_table, xlsx_bytes
from lsgmap.exchange.spreadsheet import MARK, to_csv, to_xlsx

HOSTILE = ["=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil.example\",\"x\")", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]


def _cells(data: bytes):
    ws = load_workbook(io.BytesIO(data)).active
    return [cell for row in ws.iter_rows() for cell in row if cell.value is not None]


def test_xlsx_has_no_formula_cells_and_keeps_the_names():
    cells = _cells(to_xlsx(["namn", "belopp"], [[name, i] for i, name in enumerate(HOSTILE)]))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c for c in cells if c.column == 1][1:]
    # a CR is kept (openpyxl with lxml writes it as &#13;) or read as a line break (the standard library's XML): both keep the text
    assert [c.value.replace("\r", "\n") for c in names] == [h.replace("\r", "\n") for h in HOSTILE]
    assert [c.value.strip() for c in names] == [h.strip() for h in HOSTILE]
    assert all(c.data_type == "s" for c in names)
    assert [c.value for c in cells if c.column == 2][1:] == list(range(len(HOSTILE)))  # numbers stay numbers


def test_xlsx_raw_xml_has_no_formula():
    import zipfile

    data = to_xlsx(["n"], [[h] for h in HOSTILE])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet


@pytest.mark.parametrize("style", ["sv", "en"])
def test_csv_neutralises_formula_cells(style):
    sep = ";" if style == "sv" else ","
    text = to_csv(["namn"], [[h] for h in HOSTILE], style=style).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    # an apostrophe before each formula start: at the start, and after a tab or CR inside the cell (issue 25)
    assert [r[0] for r in rows[1:]] == ["'" + h.replace("\t=", "\t'=").replace("\r=", "\r'=") for h in HOSTILE]
    assert not any(r[0].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)


def test_control_characters_do_not_break_xlsx_or_csv():
    names = ["a\x00b", "bell\x07", "esc\x1b[2J", "c1\x85\x9b", "ok\ttab", "two\nlines"]
    cells = _cells(to_xlsx(["namn"], [[n] for n in names]))
    assert [c.value for c in cells][1:] == ["a" + MARK + "b", "bell" + MARK, "esc" + MARK + "[2J", "c1" + MARK + MARK, "ok\ttab", "two\nlines"]
    text = to_csv(["namn"], [[n] for n in names]).decode("utf-8-sig")
    assert "\x00" not in text and "\x1b" not in text and "\x07" not in text


def test_swedish_csv_round_trips_with_semicolon_and_decimal_comma():
    header = ["år", "post", "belopp (tkr)"]
    rows = [[2017, "Lön; inkl. sociala avgifter", 801], [2016, "Resor, \"mil\"", 8.5], [2018, "Övrigt", None]]
    data = to_csv(header, rows, style="sv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Swedish Excel reads å ä ö
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert back == [header, ["2017", "Lön; inkl. sociala avgifter", "801"], ["2016", "Resor, \"mil\"", "8,5"], ["2018", "Övrigt", ""]]
    assert data.decode("utf-8-sig").encode("cp1252")  # only characters a Swedish Windows code page holds


def test_english_csv_uses_comma_and_point():
    text = to_csv(["x"], [[1.25]], style="en").decode("utf-8-sig")
    assert text == "x\r\n1.25\r\n"


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="unknown CSV style"):
        to_csv(["x"], [], style="de")


def test_a_dataset_whose_names_begin_with_formula_characters_exports_as_text(tiny, merger_tables):
    starts = {"lsg_alfa": "=1+1", "lsg_beta": "+46 LSG", "lsg_gamma": "-LSG Gamma", "esf": "@ESF", "fk": "=HYPERLINK(\"http://x\")"}
    for e in merger_tables["entities"]:
        if e["id"] in starts:
            e["name_sv"] = starts[e["id"]]
    frame = entity_table(tiny(**merger_tables), "sv")
    cells = _cells(xlsx_bytes(frame, "entities"))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert set(starts.values()) <= {c.value for c in cells if c.data_type == "s"}
    rows = list(csv.reader(io.StringIO(csv_bytes(frame, "sv").decode("utf-8-sig"), newline=""), delimiter=";"))
    names = {r[0]: r[2] for r in rows[1:]}
    assert {k: names[k] for k in starts} == {k: "'" + v for k, v in starts.items()}


def test_empty_and_odd_values():
    frame = pd.DataFrame({"a": [None, float("nan"), pd.NaT], "b": [float("inf"), True, 3]})
    assert _cells(xlsx_bytes(frame, "x/y:z"))  # writes, no error
    assert csv_bytes(frame, "en")


def test_odd_numbers_and_long_text_still_write():
    from decimal import Decimal
    from fractions import Fraction

    import numpy as np

    cells = _cells(to_xlsx(["a"], [[Fraction(1, 3)], [Decimal("2.5")], [np.int64(7)], [np.float64(1.5)], ["x" * 40_000], [complex(1, 2)]]))
    values = [c.value for c in cells][1:]
    assert values[:4] == [pytest.approx(1 / 3), 2.5, 7, 1.5]
    assert len(values[4]) == 32_767 and values[4].endswith("…")
    assert values[5] == "(1+2j)"


@pytest.mark.slow  # AppTest run of an app page
@pytest.mark.parametrize(("lang", "style"), [("sv", "sv"), ("en", "en")])
def test_data_page_csv_format_defaults_to_the_language(lang, style):
    from app_kit import run_app

    at = run_app({"lang": lang}, page="data", strict=False)
    assert not at.exception
    assert at.radio(key=f"data_csv_style_{lang}").value == style


# -- issue 25: neutralised for every separator, whatever the style --------------------------------------------

SEPARATED = [f"x{sep}{h}" for sep in (";", ",", "\t") for h in HOSTILE] + ["2,5", "a;b", "plain"]


@pytest.mark.parametrize("style", ["sv", "en"])
@pytest.mark.parametrize("read_with", [";", ",", "\t"])
def test_csv_cells_stay_text_whatever_separator_a_spreadsheet_splits_on(style, read_with):
    text = to_csv(["namn", "belopp"], [[h, -2.5] for h in HOSTILE + SEPARATED], style=style).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=read_with))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]  # no cell a spreadsheet would evaluate
    if read_with == (";" if style == "sv" else ","):  # read with the file's own separator: every cell whole, its text kept
        import re

        shown = [re.sub(r"([;,\t\r\n][\s\"]*)'", r"\1", r[0]).removeprefix("'") for r in rows[1:]]
        assert shown == HOSTILE + SEPARATED


@pytest.mark.parametrize("style", ["sv", "en"])
def test_the_bundled_tables_as_csv_have_no_formula_for_any_separator(style):
    from lsgmap.dataset.load import BUNDLED_DATA, load

    frame = entity_table(load(BUNDLED_DATA), lang="en")
    frame.loc[len(frame)] = ["x;=1+1"] * len(frame.columns)
    text = csv_bytes(frame, style=style).decode("utf-8-sig")
    for sep in (";", ",", "\t"):
        cells = [c for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep) for c in r]
        assert not [c for c in cells if c.startswith(("=", "+", "@"))], sep
