"""Who is in a delegation: gender balance (an SDG 5 point) and the SDGs its members cover. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

GENDERS = ["woman", "man", "non_binary", "unspecified"]


@dataclass(frozen=True)
class GenderShare:
    gender: str
    count: int
    percent: Decimal  # share of the whole delegation, one decimal


def gender_balance(genders: Iterable[str]) -> list[GenderShare]:
    """Count and share of each gender, always in the order woman, man, non-binary, unspecified."""
    counts = Counter(genders)
    unknown = set(counts) - set(GENDERS)
    if unknown:
        raise ValueError(f"unknown gender values: {sorted(unknown)}")
    total = sum(counts.values())
    return [
        GenderShare(
            gender,
            counts[gender],
            (Decimal(100 * counts[gender]) / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if total
            else Decimal("0.0"),
        )
        for gender in GENDERS
    ]


def is_balanced(genders: Iterable[str], *, tolerance_percent: int = 40) -> bool:
    """Balanced when neither women nor men make up less than ``tolerance_percent`` of those two."""
    counts = Counter(genders)
    women, men = counts["woman"], counts["man"]
    if women + men == 0:
        return False
    return min(women, men) * 100 >= tolerance_percent * (women + men)


def goals_covered(goal_numbers_per_member: Iterable[Iterable[int]]) -> dict[int, int]:
    """Goal number -> how many members cover it, in goal order."""
    counts = Counter(number for numbers in goal_numbers_per_member for number in set(numbers))
    return dict(sorted(counts.items()))


def good_practice_checklist(items: Iterable[tuple[bool, Iterable[int]]]) -> dict[int, bool]:
    """For each of the 17 goals: does some programme item show a good practice for it?

    ``items`` are (shows a good practice, goal numbers it links) per programme item.
    """
    shown = {number for good, numbers in items if good for number in numbers}
    return {number: number in shown for number in range(1, 18)}
