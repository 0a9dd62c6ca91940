"""Tables as CSV and XLSX files that open safely in a spreadsheet.

A cell that a spreadsheet would evaluate (text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) opens as text: in CSV it gets a
leading apostrophe (``'=1+1``), in XLSX it is written as a string cell (never
a formula). Control characters (:data:`lsgmap.text.CONTROL_CHARS`) are replaced
with :data:`MARK`, so a cell can never break the file.
Numbers stay numbers.

Two CSV styles: ``"sv"`` (``;`` between cells, decimal comma: Swedish Excel
opens it in columns) and ``"en"`` (``,`` and decimal point). Both are UTF-8
with a byte-order mark, so Excel reads å, ä and ö.

Examples
--------
>>> data = to_csv(["namn", "belopp"], [["=1+1", 2.5], ["Trosa", -3]], style="sv")
>>> print(data.decode("utf-8-sig").replace("\\r\\n", "|"))
namn;belopp|"'=1+1";"2,5"|Trosa;-3|
>>> from io import BytesIO
>>> from openpyxl import load_workbook
>>> cell = load_workbook(BytesIO(to_xlsx(["namn"], [["=1+1"]]))).active["A2"]
>>> cell.value, cell.data_type
('=1+1', 's')
"""

from __future__ import annotations

import io
import math
import numbers
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from lsgmap.text import MARK, clean_text

__all__ = ["CSV_STYLES", "MARK", "Sheet", "clean_text", "csv_cell", "to_csv", "to_xlsx", "xlsx_book", "csv_style_for"]

#: CSV styles: (cell separator, decimal separator).
CSV_STYLES = {"sv": (";", ","), "en": (",", ".")}

#: A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: The most characters Excel shows in one cell; a longer text is cut with "…".
XLSX_MAX = 32_767
#: The rows of a sheet.
XLSX_ROWS = 1_048_576
#: Text openpyxl would write as an error value rather than a string.
_ERROR_VALUES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def csv_style_for(lang: str) -> str:
    """The CSV style a user of ``lang`` most likely wants: Swedish Excel wants ``sv``.

    >>> csv_style_for("sv"), csv_style_for("en")
    ('sv', 'en')
    """
    return "sv" if lang == "sv" else "en"


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    pd = sys.modules.get("pandas")  # a pandas missing value can only come from a loaded pandas
    return pd is not None and (value is pd.NaT or value is pd.NA)


def _number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool | complex)


def _text(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return clean_text(value)


def csv_cell(value: Any, *, style: str = "sv") -> str:
    """One cell as CSV text: numbers in the style's decimal notation, formulas neutralised.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-5"), csv_cell(-5), csv_cell(1.5), csv_cell(None)
    ('\\'=HYPERLINK("http://x")', "'-5", '-5', '1,5', '')
    """
    _sep, decimal = CSV_STYLES[style]
    if _empty(value):
        return ""
    if _number(value):
        if isinstance(value, numbers.Integral):
            return str(int(value))
        number = float(value)
        if not math.isfinite(number):
            return str(number)
        text = repr(number) if number != int(number) or abs(number) >= 1e16 else str(int(number))
        return text.replace(".", decimal)
    text = _text(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


#: A cell holding one of these is quoted whatever the style: a spreadsheet that splits on another separator
#: (Swedish Excel on ``;``, English on ``,``, a paste on tab) then keeps the cell whole, so no part of it starts a formula.
_QUOTE = re.compile(r'[;,\t"\r\n]')


#: A separator (and spaces or quotes) before a formula start inside a cell: a spreadsheet that reads
#: the file with that separator and mis-reads the quotes (as Python's csv module does) would start a cell there.
_INNER_FORMULA = re.compile(r'([;,\t\r\n][\s"]*)(?=[=+\-@])')


def _field(text: str) -> str:
    """``text`` as one CSV field, quoted when it holds any separator, a quote or a line break, or starts like a formula.

    Inside a quoted cell, a formula start right after a separator gets an apostrophe too.

    >>> print(_field("x;=1+1"), _field("'=1"), _field("Trosa"))
    "x;'=1+1" "'=1" Trosa
    """
    if text and (_QUOTE.search(text) or text.startswith(("'", *FORMULA_START))):
        text = _INNER_FORMULA.sub(r"\1'", text)
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_field(value: Any, style: str) -> str:
    """A value as a CSV field: a number is quoted only when it holds a separator (``2,5``), text by :func:`_field`."""
    text = csv_cell(value, style=style)
    if _number(value) and not _empty(value):
        return '"' + text + '"' if _QUOTE.search(text) else text
    return _field(text)


def to_csv(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, style: str = "sv") -> bytes:
    """A table as CSV bytes (UTF-8 with BOM) in ``style`` (``"sv"``: ``;`` and decimal comma; ``"en"``: ``,`` and point).

    Formulas are neutralised for every separator, not only the style's own
    (OWASP's advice): a cell starting with ``= + - @``, tab or CR gets an
    apostrophe and quotes, and a cell holding ``;``, ``,`` or a tab is quoted,
    so a spreadsheet that splits on another separator cannot make a formula of it.

    >>> print(to_csv(["a", "b"], [[1, "@x"], [2, "x;=1+1"]], style="en").decode("utf-8-sig").replace("\\r\\n", "|"))
    a,b|1,"'@x"|2,"x;'=1+1"|
    """
    if style not in CSV_STYLES:
        raise ValueError(f"unknown CSV style {style!r}; choose one of {', '.join(CSV_STYLES)}")
    sep, _decimal = CSV_STYLES[style]
    lines = [sep.join(_csv_field(h, style) for h in header)]
    lines += [sep.join(_csv_field(v, style) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


@dataclass
class Sheet:
    """One sheet of a workbook: its name, header and rows; column widths and drop-down lists if wanted.

    ``lists`` holds (column index, formula of the allowed values), e.g.
    ``(2, "'lists'!$A$2:$A$9")``: every cell below the header of that column
    gets a drop-down list.
    """

    name: str
    header: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[float] = ()
    lists: Sequence[tuple[int, str]] = ()


def to_xlsx(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, sheet: str = "Sheet1") -> bytes:
    """A table as XLSX bytes (:func:`xlsx_book` of one sheet). Needs openpyxl (``lsgmap[app]``).

    ``sheet`` is cleaned to a valid sheet name (at most 31 characters, none of ``[]:*?/\\``).

    >>> from io import BytesIO
    >>> from openpyxl import load_workbook
    >>> ws = load_workbook(BytesIO(to_xlsx(["x"], [["a\\x01b"], [3]], sheet="a/b"))).active
    >>> ws.title, ws["A2"].value, ws["A3"].value
    ('a_b', 'a\ufffdb', 3)
    """
    return xlsx_book([Sheet(sheet, header, rows)])


def xlsx_book(sheets: Iterable[Sheet]) -> bytes:
    """The sheets as one XLSX workbook, written by openpyxl in write-only mode: the writer of every XLSX file lsgmap makes.

    Each sheet has its header in bold, frozen, with a filter over the rows.
    Integers and finite real numbers stay numbers; every other value is a
    string cell (never a formula, never an error value), its control
    characters replaced by :data:`MARK`, cut at :data:`XLSX_MAX` characters.
    Empty values leave the cell empty.
    """
    from openpyxl import Workbook
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = wb.create_sheet((re.sub(r"[\[\]:*?/\\]", "_", clean_text(sheet.name)).strip("'") or "Sheet1")[:31])
        for n, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A2"
        header = [_xlsx_value(value, ws) for value in sheet.header]
        header = [value if isinstance(value, Cell) else WriteOnlyCell(ws, value) for value in header]
        for cell in header:
            cell.font = bold
        ws.append(header)
        count = 1
        for row in sheet.rows:
            ws.append([_xlsx_value(value, ws) for value in row])
            count += 1
        if count > 1 and header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count}"
        for column, formula in sheet.lists:
            letter = get_column_letter(column + 1)
            rule = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
            rule.add(f"{letter}2:{letter}{XLSX_ROWS}")
            ws.data_validations.append(rule)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any, ws: Any = None) -> Any:
    """``value`` as openpyxl should write it: None, an int, a float, text, or (text openpyxl would read as a formula) a string cell."""
    if isinstance(value, str):
        if not value:
            return None
        text = clean_text(value)
    elif _empty(value):
        return None
    elif _number(value) and isinstance(value, numbers.Integral):
        return int(value)
    elif isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool) and math.isfinite(float(value)):
        return float(value)
    else:
        text = _text(value)
    if not text:
        return None
    if len(text) > XLSX_MAX:
        text = text[: XLSX_MAX - 1] + "…"  # Excel's limit per cell
    if text.startswith("=") or text in _ERROR_VALUES:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, text)
        cell.data_type = "s"  # a string cell: never a formula nor an error value
        return cell
    return text
