"""Counting the SDG priorities of a consultation: pure functions over plain values.

* Approval ("pick up to N"): each chosen goal gets one vote; a goal's total is the number of
  ballots that chose it.
* Ranked ("rank up to N"), with the modified Borda count: on a ballot that may rank N goals,
  the first gets N points, the second N - 1, ..., the N-th 1 point; unranked goals get 0.
  A shorter ballot gives the same points to the goals it ranks (it does not gain by ranking
  fewer), which is the usual rule for truncated ballots (Emerson, "The original Borda count
  and partial voting", Social Choice and Welfare 40, 2013).
* Ties are ordered by goal number, so a ranking is always the same for the same totals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence


def approval_totals(ballots: Iterable[Iterable[int]]) -> Counter[int]:
    """Goal -> number of ballots that chose it. A goal chosen twice on one ballot counts once."""
    totals: Counter[int] = Counter()
    for ballot in ballots:
        totals.update(set(ballot))
    return totals


def borda_points(rankings: Iterable[Sequence[int]], places: int) -> Counter[int]:
    """Goal -> modified Borda points, for ballots that rank at most ``places`` goals."""
    if places < 1:
        raise ValueError("places must be at least 1")
    totals: Counter[int] = Counter()
    for ranking in rankings:
        if len(ranking) > places or len(set(ranking)) != len(ranking):
            raise ValueError("a ranking lists each goal once and at most `places` goals")
        for position, goal in enumerate(ranking):
            totals[goal] += places - position
    return totals


def combine(*counts: Mapping[int, int]) -> Counter[int]:
    """Adds counts (online and paper) goal by goal."""
    total: Counter[int] = Counter()
    for count in counts:
        total.update({goal: value for goal, value in count.items() if value})
    return total


def ranking(totals: Mapping[int, int]) -> list[tuple[int, int]]:
    """(goal, total) from the highest total down; equal totals in goal order; zeros left out."""
    return sorted(((goal, value) for goal, value in totals.items() if value > 0), key=lambda row: (-row[1], row[0]))


def top_goals(totals: Mapping[int, int], count: int) -> list[int]:
    """The ``count`` leading goals; goals tied with the last one taken are included too."""
    ordered = ranking(totals)
    if count <= 0 or not ordered:
        return []
    if len(ordered) <= count:
        return [goal for goal, _value in ordered]
    threshold = ordered[count - 1][1]
    return [goal for goal, value in ordered if value >= threshold]


def shares(totals: Mapping[int, int], ballots: int) -> dict[int, float]:
    """Goal -> share of ballots (0..1) that chose it; an empty count gives 0."""
    if ballots <= 0:
        return dict.fromkeys(totals, 0.0)
    return {goal: value / ballots for goal, value in totals.items()}


def borda_from_positions(position_counts: Mapping[tuple[int, int], int], places: int) -> Counter[int]:
    """Modified Borda points from counts of (goal, position 1..places) -> ballots, as the
    database groups them: the same totals as ``borda_points`` over the ballots themselves."""
    totals: Counter[int] = Counter()
    for (goal, position), count in position_counts.items():
        if not 1 <= position <= places:
            raise ValueError("position outside 1..places")
        totals[goal] += (places - position + 1) * count
    return totals
