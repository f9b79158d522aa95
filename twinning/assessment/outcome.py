"""The outcome of a workshop: one level per SDG from the levels its participants gave.

Rule (shown to the coordinator before she adopts a workshop into its round):

- a goal nobody rated has no outcome;
- a trade-off counts when a strict majority of the participants who rated the goal says
  negative: the outcome is then ``negative``;
- otherwise the outcome is the median of the other levels (none < indirect < direct < strong);
  with an even number of them the lower of the two middle levels is taken, so the group never
  claims more contribution than half of it sees.

The outcome is therefore always one of the levels given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from twinning.assessment.combine import NEGATIVE, RANK, check_level


def group_level(levels: Iterable[str]) -> str | None:
    """``group_level(["direct", "strong", "none", "negative"]) == "direct"``; ``None`` for no levels."""
    levels = [check_level(level) for level in levels]
    if not levels:
        return None
    negatives = sum(1 for level in levels if level == NEGATIVE)
    if 2 * negatives > len(levels):
        return NEGATIVE
    others = sorted((level for level in levels if level != NEGATIVE), key=RANK.__getitem__)
    return others[(len(others) - 1) // 2]


def workshop_outcome(levels_by_goal: Mapping[int, Iterable[str]]) -> dict[int, str]:
    """goal -> the group's level, for every goal at least one participant rated, in goal order."""
    outcome = {}
    for goal in sorted(levels_by_goal):
        level = group_level(levels_by_goal[goal])
        if level is not None:
            outcome[goal] = level
    return outcome
