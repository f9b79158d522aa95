"""Who leads a challenge: totals per municipality, absolute or per 1,000 inhabitants, ranked.

Pure functions over plain values. Ranking is "standard competition" (1, 1, 3): equal scores
share a rank. Per capita, a municipality without a known population gets no score and no rank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PER_INHABITANTS = 1000
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Standing:
    municipality_id: int
    total: Decimal
    score: Decimal | None  # None: per capita without a population
    rank: int | None


def score(total: Decimal, population: int | None, *, per_capita: bool) -> Decimal | None:
    """The total itself, or the total per 1,000 inhabitants rounded to cents.

    >>> score(Decimal("150"), 30000, per_capita=True)
    Decimal('5.00')
    """
    if not per_capita:
        return total.quantize(CENT, ROUND_HALF_UP)
    if not population:
        return None
    return (total * PER_INHABITANTS / Decimal(population)).quantize(CENT, ROUND_HALF_UP)


def standings(
    members: Iterable[int],
    totals: dict[int, Decimal],
    populations: dict[int, int | None],
    *,
    per_capita: bool,
) -> list[Standing]:
    """Every member (in the given order among equals), highest score first; unscored ones last."""
    cents = {mid: Decimal(totals.get(mid, 0)).quantize(CENT, ROUND_HALF_UP) for mid in members}
    rows = [(mid, cents[mid], score(cents[mid], populations.get(mid), per_capita=per_capita)) for mid in members]
    order = sorted(range(len(rows)), key=lambda i: (rows[i][2] is None, -(rows[i][2] or 0), i))
    result: list[Standing] = []
    previous: Decimal | None = None
    rank = 0
    for position, index in enumerate(order, start=1):
        mid, total, value = rows[index]
        if value is None:
            result.append(Standing(mid, total, None, None))
            continue
        if value != previous:
            rank, previous = position, value
        result.append(Standing(mid, total, value, rank))
    return result


def phase(starts_on: dt.date, ends_on: dt.date, today: dt.date) -> str:
    """'upcoming', 'running' (both days included) or 'finished'."""
    if today < starts_on:
        return "upcoming"
    if today > ends_on:
        return "finished"
    return "running"
