"""One indicator's measurements in the Open SDG data layout: a CSV per indicator with a ``Year``
column first, one column per breakdown (``Sex``, ``Age``) and ``Value`` last; the headline
(total) rows leave the breakdown columns empty. Breakdown columns nobody uses are left out."""

from __future__ import annotations

from collections.abc import Iterable

SEX_LABELS = {"female": "Female", "male": "Male"}
BREAKDOWNS = (("Sex", 1), ("Age", 2))


def opensdg_table(measurements: Iterable[tuple[int, str, str, float]]) -> tuple[list[str], list[list]]:
    """(year, sex, age group, value) rows → header and rows, totals first within a year."""
    rows = sorted(measurements, key=lambda m: (m[0], bool(m[1] or m[2]), m[1], m[2]))
    used = [(name, index) for name, index in BREAKDOWNS if any(row[index] for row in rows)]
    header = ["Year", *(name for name, _index in used), "Value"]
    table = [[row[0], *(SEX_LABELS.get(row[index], row[index]) for _name, index in used), row[3]] for row in rows]
    return header, table


def filename(code: str, municipality_slug: str) -> str:
    return f"indicator_{code}_{municipality_slug}.csv"
