"""Workbooks of measurements: read one sheet row by row (openpyxl's read-only, streaming mode)
and write a workbook whose text cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from twinning.indicators.export import safe_cell

SHEET = "measurements"
SHEET_NAMES = {"measurements", "metingen", "mesures", "mediciones", "values", "waarden", "valeurs", "valores"}
XLSX_MAGIC = b"PK\x03\x04"
OLD_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


class SheetProblem(ValueError):
    """The workbook cannot be read, or it has no sheet of measurements; the message is for the user."""


def cell_text(value) -> str:
    """A cell as the text a CSV file would hold: 2020.0 → "2020", 71.5 → "71.5"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def choose_sheet(names: list[str]) -> str:
    """The sheet called "measurements" (in any of the four languages), or the only sheet."""
    for name in names:
        if name.strip().lower() in SHEET_NAMES:
            return name
    if len(names) == 1:
        return names[0]
    raise SheetProblem(
        _("The workbook has no sheet named “%(sheet)s”; its sheets are: %(names)s. Rename the sheet with the values.")
        % {"sheet": SHEET, "names": ", ".join(names)}
    )


def read_rows(data: bytes) -> Iterator[list[str]]:
    """Every row of the chosen sheet as text cells, streamed; raises SheetProblem before the first row."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetProblem(_("The file is not a readable XLSX workbook. Save it again as .xlsx or CSV.")) from exc
    sheet = workbook[choose_sheet(workbook.sheetnames)]

    def rows() -> Iterator[list[str]]:
        try:
            for values in sheet.iter_rows(values_only=True):
                yield [cell_text(value) for value in values]
        finally:
            workbook.close()

    return rows()


def _cell(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return safe_cell(value)


def write_workbook(header: list[str], rows: Iterable[Iterable], *, sheet: str = SHEET) -> bytes:
    """A one-sheet workbook, written in openpyxl's streaming mode; numbers stay numbers."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append(header)
    for row in rows:
        worksheet.append([_cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
