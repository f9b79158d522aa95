"""The combination rule of the circle exercise: from each municipality's rating per goal to
one value per goal for the wheel, the agreement between partners and the gap list.

Rule (shown to users on the assessment page):

- each rating maps to a value: none = 0, indirect = 1/3, direct = 2/3, strong = 1;
- a goal's combined value is the mean of its ratings over the municipalities that rated it;
  a negative rating (a trade-off) counts as 0 in that mean and is reported separately, so the
  wheel never hides a trade-off behind a partner's positive rating;
- partners disagree on a goal when their ratings are more than one level apart on the scale
  negative < none < indirect < direct < strong;
- a goal is a gap when at least one municipality rated it and nobody rated it above none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

NONE, INDIRECT, DIRECT, STRONG, NEGATIVE = "none", "indirect", "direct", "strong", "negative"
LEVELS = (NONE, INDIRECT, DIRECT, STRONG, NEGATIVE)
VALUE = {
    NONE: Fraction(0),
    INDIRECT: Fraction(1, 3),
    DIRECT: Fraction(2, 3),
    STRONG: Fraction(1),
    NEGATIVE: Fraction(0),
}
RANK = {NEGATIVE: -1, NONE: 0, INDIRECT: 1, DIRECT: 2, STRONG: 3}
GOALS = range(1, 18)

# goal -> {municipality name: level}
Ratings = Mapping[int, Mapping[str, str]]


@dataclass(frozen=True)
class GoalResult:
    goal: int
    value: float  # 0..1, the wheel's value
    levels: dict[str, str]  # municipality -> level
    negatives: int  # how many municipalities see a trade-off
    disagree: bool
    gap: bool


def check_level(level: str) -> str:
    if level not in RANK:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    return level


def combined_value(levels: Iterable[str]) -> float:
    """Mean of the mapped levels; 0 for no ratings. ``combined_value(["strong", "none"]) == 0.5``."""
    levels = [check_level(level) for level in levels]
    if not levels:
        return 0.0
    return float(sum(VALUE[level] for level in levels) / len(levels))


def disagree(levels: Iterable[str]) -> bool:
    """True when two ratings are more than one level apart (``["strong", "indirect"]`` -> True)."""
    ranks = [RANK[check_level(level)] for level in levels]
    return bool(ranks) and max(ranks) - min(ranks) > 1


def is_gap(levels: Iterable[str]) -> bool:
    """Rated, and nobody sees more than no contribution."""
    ranks = [RANK[check_level(level)] for level in levels]
    return bool(ranks) and max(ranks) <= 0


def combine(ratings: Ratings) -> list[GoalResult]:
    """One result per goal 1..17, in order."""
    results = []
    for goal in GOALS:
        levels = dict(ratings.get(goal, {}))
        values = list(levels.values())
        results.append(
            GoalResult(
                goal=goal,
                value=combined_value(values),
                levels=levels,
                negatives=sum(1 for level in values if level == NEGATIVE),
                disagree=disagree(values),
                gap=is_gap(values),
            )
        )
    return results


def wheel_values(results: Iterable[GoalResult]) -> dict[int, float]:
    return {result.goal: result.value for result in results}


def gap_list(ratings: Ratings) -> list[int]:
    return [goal for goal in GOALS if is_gap(ratings.get(goal, {}).values())]


@dataclass(frozen=True)
class Move:
    goal: int
    before: float
    after: float

    @property
    def direction(self) -> str:
        return "up" if self.after > self.before else "down"


def moves(before: Mapping[int, float], after: Mapping[int, float]) -> list[Move]:
    """Goals whose combined value changed between two rounds, in goal order."""
    return [
        Move(goal, before.get(goal, 0.0), after.get(goal, 0.0))
        for goal in GOALS
        if abs(before.get(goal, 0.0) - after.get(goal, 0.0)) > 1e-9
    ]
