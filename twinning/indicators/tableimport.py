"""Read a file of measurements (CSV or XLSX): decode, detect the separator or the sheet, map the
columns, parse and check every row.

Pure functions over bytes and plain values; the caller says which indicator codes are
allowed and which municipality the file is for. Every problem is reported by row and column
(in the active language), so the user can fix the file and upload it again.

CSV: UTF-8 (with or without BOM), Windows-1252 / Latin-1 (also with a stray UTF-8 BOM),
';' or ',' or tab as separator, decimal comma or point ("12,5", "1.234,5", "1,234.5").
XLSX: the sheet "measurements" (or the only sheet), read in streaming mode.
Columns by header, in any order and any of the four languages: indicator, year, value, and
optionally municipality, sex, age_group, source, note. Where the headers differ, a mapping
(field → column number, and optionally one indicator for every row) says which column is which.
"""

from __future__ import annotations

import csv
import io
import math
import operator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from twinning.indicators.export import unescape_cell
from twinning.indicators.models import FIRST_YEAR, LAST_YEAR, AgeGroup
from twinning.indicators.xlsx import OLD_XLS_MAGIC, XLSX_MAGIC, SheetProblem, read_rows

MAX_MB = 20
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_ROWS = 200_000
MAX_CELL = 500

COLUMNS = {
    "indicator": {"indicator", "indicator code", "code", "indicatorcode", "indicateur", "indicador"},
    "municipality": {"municipality", "gemeente", "commune", "municipio"},
    "year": {"year", "jaar", "année", "annee", "año", "ano", "period", "periode"},
    "value": {"value", "waarde", "valeur", "valor"},
    "sex": {"sex", "geslacht", "sexe", "sexo"},
    "age_group": {
        "age_group",
        "age group",
        "age",
        "leeftijd",
        "leeftijdsgroep",
        "âge",
        "edad",
        "groupe d'âge",
        "tranche d'âge",
        "grupo de edad",
    },
    "source": {"source", "bron", "fuente"},
    "note": {"note", "opmerking", "nota", "remarque"},
}
REQUIRED = ("indicator", "year", "value")
FIELDS = tuple(COLUMNS)
SEX_VALUES = {
    "": "", "total": "", "totaal": "", "all": "",
    "female": "female", "f": "female", "v": "female", "vrouw": "female", "femme": "female", "mujer": "female",
    "male": "male", "m": "male", "man": "male", "homme": "male", "hombre": "male",
}  # fmt: skip
AGE_VALUES = {"": "", "total": "", "totaal": "", "all": "", **{value: value for value in AgeGroup.values if value}}


@dataclass(frozen=True, slots=True)
class Problem:
    row: int  # the line in the file, the header being line 1; 0 for the file as a whole
    column: str
    message: str


class Row(NamedTuple):  # a tuple: 100,000 of them are cheap to build and to hold
    line: int
    indicator: str
    year: int
    value: float
    sex: str
    age_group: str
    source: str | None  # None: the file has no such column
    note: str | None

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.indicator, self.year, self.sex, self.age_group)


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    kind: str = "csv"
    header: list[str] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    needs_mapping: bool = False  # the header lacks required columns: the user can map them

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 first (BOM or not), then Windows-1252, then Latin-1."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.startswith("ï»¿"):  # a UTF-8 BOM in front of a Latin-1 file
            text = text[3:]
        return text.lstrip("\ufeff"), encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def detect_delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_number(text: str) -> float | None:
    """12,5 · 12.5 · 1.234,5 · 1,234.5 · 1 234,5 → a float; None if it is not a finite number."""
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def column_names(header: list[str]) -> dict[str, int]:
    """Fields recognised by their header (any of the four languages) → column number."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        cleaned = name.strip().lower()
        for column, aliases in COLUMNS.items():
            if cleaned in aliases and column not in found:
                found[column] = index
    return found


def _table(data: bytes, result: Parsed):
    """The header and an iterator over the other rows, or None after adding a problem."""
    if data.startswith(OLD_XLS_MAGIC):
        result.problems.append(Problem(0, "", _("Old .xls workbooks cannot be read. Save the file as .xlsx or CSV.")))
        return None
    if data.startswith(XLSX_MAGIC):
        result.kind = "xlsx"
        try:
            rows = read_rows(data)
        except SheetProblem as problem:
            result.problems.append(Problem(0, "", str(problem)))
            return None
    else:
        text, result.encoding = decode(data)
        if not text.strip():
            result.problems.append(Problem(0, "", _("The file is empty.")))
            return None
        result.delimiter = detect_delimiter(text.split("\n", 1)[0])
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    for header in rows:
        if any(cell.strip() for cell in header):
            return header, rows
    result.problems.append(Problem(0, "", _("The file is empty.")))
    return None


def _mapped_columns(header: list[str], mapping: dict | None) -> dict[str, int]:
    if not mapping or not mapping.get("columns"):
        return column_names(header)
    return {
        name: int(index)
        for name, index in mapping["columns"].items()
        if name in COLUMNS and str(index).isdigit() and int(index) < len(header)
    }


def parse(data: bytes, *, indicator_codes: set[str], municipality_slug: str, mapping: dict | None = None) -> Parsed:
    """Every row checked; ``mapping`` (from the "map columns" step) overrides the header."""
    result = Parsed()
    if len(data) > MAX_BYTES:
        result.problems.append(Problem(0, "", too_large_message()))
        return result
    if not data.strip():
        result.problems.append(Problem(0, "", _("The file is empty.")))
        return result
    try:
        table = _table(data, result)
    except csv.Error as exc:
        table = None
        result.problems.append(Problem(0, "", _("The file is not a readable CSV file: %(error)s") % {"error": exc}))
    if table is None:
        return result
    header, reader = table
    result.header = [name.strip() for name in header]
    result.columns = columns = _mapped_columns(header, mapping)
    fixed = (mapping or {}).get("indicator") or ""
    if fixed:
        columns.pop("indicator", None)
        if fixed not in indicator_codes:
            result.problems.append(
                Problem(
                    0,
                    "indicator",
                    _("%(code)s is not an indicator selected by this partnership.") % {"code": fixed},
                )
            )
            return result
    missing = [name for name in REQUIRED if name not in columns and not (name == "indicator" and fixed)]
    if missing:
        result.needs_mapping = True
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                _("The first line must name the columns; missing: %(columns)s. Map the columns or fix the file.")
                % {"columns": ", ".join(missing)},
            )
        )
        return result
    seen: dict[tuple, int] = {}
    count = 0
    picker = _Picker(columns)
    try:
        for line, cells in enumerate(reader, start=2):
            if not "".join(cells).strip():
                continue
            count += 1
            if count > MAX_ROWS:
                result.problems.append(
                    Problem(
                        line,
                        "",
                        _("The file has more than %(max)s rows. Split it into smaller files.") % {"max": MAX_ROWS},
                    )
                )
                break
            row = _row(line, cells, picker, fixed, indicator_codes, municipality_slug, result.problems)
            if row is None:
                continue
            if row.key in seen:
                result.problems.append(
                    Problem(
                        line,
                        "year",
                        _("This row repeats row %(other)s (same indicator, year and breakdown).")
                        % {"other": seen[row.key]},
                    )
                )
                continue
            seen[row.key] = line
            result.rows.append(row)
    except csv.Error as exc:
        result.problems.append(Problem(0, "", _("The file is not a readable CSV file: %(error)s") % {"error": exc}))
    if not result.rows and not result.problems:
        result.problems.append(Problem(0, "", _("The file has a header but no rows.")))
    return result


def too_large_message() -> str:
    return _("The file is larger than %(max)s MB. Split it into smaller files.") % {"max": MAX_MB}


class _Picker:
    """Reads the mapped cells of a row in one step; absent fields read an empty cell."""

    def __init__(self, columns: dict[str, int]):
        self.columns = columns
        self.width = max(columns.values(), default=0) + 1
        self.pick = operator.itemgetter(*(columns.get(name, -1) for name in FIELDS))

    def __call__(self, cells: list[str]) -> list[str]:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        cells.append("")  # index -1
        return [text.strip() for text in self.pick(cells)]


def _row(line, cells, picker: _Picker, fixed, indicator_codes, municipality_slug, problems) -> Row | None:
    """One row checked; runs 100,000 times for a large file, so it reads each cell once."""
    before = len(problems)
    if max(map(len, cells)) > MAX_CELL:
        for name, at in picker.columns.items():
            if at < len(cells) and len(cells[at]) > MAX_CELL:
                problems.append(
                    Problem(line, name, _("This cell is longer than %(max)s characters.") % {"max": MAX_CELL})
                )
    code, municipality, year_text, value_text, sex_text, age_text, source_text, note_text = picker(cells)
    code = fixed or code
    if not code:
        problems.append(Problem(line, "indicator", _("The indicator code is missing.")))
    elif code not in indicator_codes:
        problems.append(
            Problem(line, "indicator", _("%(code)s is not an indicator selected by this partnership.") % {"code": code})
        )
    if municipality and municipality != municipality_slug:
        problems.append(
            Problem(
                line,
                "municipality",
                _("This file is for %(slug)s; this row is for %(other)s.")
                % {"slug": municipality_slug, "other": municipality},
            )
        )
    year = int(year_text) if year_text.isdigit() else None
    if year is None:
        problems.append(Problem(line, "year", _("“%(text)s” is not a year such as 2024.") % {"text": year_text}))
    elif not FIRST_YEAR <= year <= LAST_YEAR:
        problems.append(
            Problem(
                line,
                "year",
                _("The year must lie between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        )
    value = parse_number(value_text) if value_text else None
    if value is None:
        problems.append(
            Problem(line, "value", _("“%(text)s” is not a number such as 12.5 or 12,5.") % {"text": value_text})
        )
    sex = SEX_VALUES.get(sex_text.lower())
    if sex is None:
        problems.append(Problem(line, "sex", _("Use female, male or leave the sex empty for the total.")))
    age_group = AGE_VALUES.get(age_text.lower())
    if age_group is None:
        choices = ", ".join(value for value in AgeGroup.values if value)
        problems.append(
            Problem(line, "age_group", _("Use one of %(choices)s or leave the age group empty.") % {"choices": choices})
        )
    if len(problems) > before:
        return None
    # a file without a source or note column leaves the stored ones alone (None)
    source = unescape_cell(source_text)[:300] if "source" in picker.columns else None
    note = unescape_cell(note_text)[:500] if "note" in picker.columns else None
    return Row(line, code, year, value, sex, age_group, source, note)
