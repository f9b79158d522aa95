"""Read a CSV file of measurements: decode, detect the separator, parse and check every row.

Pure functions over bytes and plain values; the caller says which indicator codes are
allowed and which municipality the file is for. Every problem is reported by row and column
(in the active language), so the user can fix the file and upload it again.

Accepted: UTF-8 (with or without BOM), Windows-1252 / Latin-1 (also with a stray UTF-8 BOM),
';' or ',' or tab as separator, decimal comma or point ("12,5", "1.234,5", "1,234.5").
Columns by header, in any order and any of the four languages: indicator, year, value, and
optionally municipality, sex, age_group, source, note.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from twinning.indicators.models import FIRST_YEAR, LAST_YEAR, AgeGroup

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_CELL = 500

COLUMNS = {
    "indicator": {"indicator", "indicator code", "code", "indicatorcode", "indicateur", "indicador"},
    "municipality": {"municipality", "gemeente", "commune", "municipio"},
    "year": {"year", "jaar", "année", "annee", "año", "ano", "period", "periode"},
    "value": {"value", "waarde", "valeur", "valor"},
    "sex": {"sex", "geslacht", "sexe", "sexo"},
    "age_group": {"age_group", "age group", "leeftijdsgroep", "groupe d'âge", "tranche d'âge", "grupo de edad"},
    "source": {"source", "bron", "fuente"},
    "note": {"note", "opmerking", "nota", "remarque"},
}
REQUIRED = ("indicator", "year", "value")
SEX_VALUES = {
    "": "", "total": "", "totaal": "", "all": "",
    "female": "female", "f": "female", "v": "female", "vrouw": "female", "femme": "female", "mujer": "female",
    "male": "male", "m": "male", "man": "male", "homme": "male", "hombre": "male",
}  # fmt: skip
AGE_VALUES = {"": "", "total": "", "totaal": "", "all": "", **{value: value for value in AgeGroup.values if value}}


@dataclass(frozen=True)
class Problem:
    row: int  # the line in the file, the header being line 1; 0 for the file as a whole
    column: str
    message: str


@dataclass(frozen=True)
class Row:
    line: int
    indicator: str
    year: int
    value: float
    sex: str
    age_group: str
    source: str
    note: str

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.indicator, self.year, self.sex, self.age_group)


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

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


def _column_names(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        cleaned = name.strip().lower()
        for column, aliases in COLUMNS.items():
            if cleaned in aliases and column not in found:
                found[column] = index
    return found


def parse(data: bytes, *, indicator_codes: set[str], municipality_slug: str) -> Parsed:
    result = Parsed()
    if len(data) > MAX_BYTES:
        result.problems.append(Problem(0, "", _("The file is larger than 5 MB. Split it into smaller files.")))
        return result
    text, result.encoding = decode(data)
    if not text.strip():
        result.problems.append(Problem(0, "", _("The file is empty.")))
        return result
    first_line = text.splitlines()[0]
    result.delimiter = detect_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        result.problems.append(Problem(0, "", _("The file is empty.")))
        return result
    columns = _column_names(header)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                _("The first line must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)},
            )
        )
        return result
    seen: dict[tuple, int] = {}
    count = 0
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
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
            row = _row(line, cells, columns, indicator_codes, municipality_slug, result.problems)
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


def _row(line, cells, columns, indicator_codes, municipality_slug, problems) -> Row | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    before = len(problems)
    for name, index in columns.items():
        if index < len(cells) and len(cells[index]) > MAX_CELL:
            problems.append(Problem(line, name, _("This cell is longer than %(max)s characters.") % {"max": MAX_CELL}))
    code = cell("indicator")
    if not code:
        problems.append(Problem(line, "indicator", _("The indicator code is missing.")))
    elif code not in indicator_codes:
        problems.append(
            Problem(line, "indicator", _("%(code)s is not an indicator selected by this partnership.") % {"code": code})
        )
    municipality = cell("municipality")
    if municipality and municipality != municipality_slug:
        problems.append(
            Problem(
                line,
                "municipality",
                _("This file is for %(slug)s; this row is for %(other)s.")
                % {"slug": municipality_slug, "other": municipality},
            )
        )
    year_text = cell("year")
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
    value_text = cell("value")
    value = parse_number(value_text) if value_text else None
    if value is None:
        problems.append(
            Problem(line, "value", _("“%(text)s” is not a number such as 12.5 or 12,5.") % {"text": value_text})
        )
    sex = SEX_VALUES.get(cell("sex").lower())
    if sex is None:
        problems.append(Problem(line, "sex", _("Use female, male or leave the sex empty for the total.")))
    age_group = AGE_VALUES.get(cell("age_group").lower())
    if age_group is None:
        choices = ", ".join(value for value in AgeGroup.values if value)
        problems.append(
            Problem(line, "age_group", _("Use one of %(choices)s or leave the age group empty.") % {"choices": choices})
        )
    if len(problems) > before:
        return None
    return Row(line, code, year, value, sex, age_group, cell("source")[:300], cell("note")[:500])
