"""When an agreement's owner gets a reminder: once in the week before the deadline, once after
it passed while the agreement is still open. Pure."""

from __future__ import annotations

from datetime import date, timedelta

DAYS_BEFORE = 7


def reminder_due(
    deadline: date, today: date, *, reminded_before: date | None, reminded_after: date | None
) -> str | None:
    """ "before", "after" or None."""
    if today > deadline:
        return None if reminded_after else "after"
    if deadline - today <= timedelta(days=DAYS_BEFORE) and not reminded_before:
        return "before"
    return None


def is_overdue(deadline: date, today: date) -> bool:
    return deadline < today
