"""When a yearly measurement is due, as plain dates and years.

The value of a year is due once the year is over and the figures are usually published: from
``DUE_MONTH``/``DUE_DAY`` of the next year. A municipality that has no value yet for the
latest due year (and was not reminded of that year) gets one reminder.
"""

from __future__ import annotations

from datetime import date

DUE_MONTH, DUE_DAY = 4, 1  # figures of 2025 are due from 1 April 2026


def latest_due_year(today: date) -> int:
    """The most recent year whose value should be in by today."""
    return today.year - 1 if (today.month, today.day) >= (DUE_MONTH, DUE_DAY) else today.year - 2


def reminder_due(today: date, *, latest_measured: int | None, first_year: int, reminded: set[int]) -> int | None:
    """The year to remind of, or None: nothing missing, not yet due, or reminded already.

    ``first_year`` is when following the indicator began (its baseline year, or the year it was
    selected), so a newly selected indicator does not ask for decades of history."""
    year = latest_due_year(today)
    if year < first_year or (latest_measured is not None and latest_measured >= year) or year in reminded:
        return None
    return year
