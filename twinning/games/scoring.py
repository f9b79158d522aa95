"""Points of an answer and the order of the leaderboard: pure functions over plain values.

Multiple-choice and number questions are scored at once; an open answer or a photo waits for
the game master (``pending``) and scores the stop's points once approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


class Kind:
    CHOICE = "choice"
    NUMBER = "number"
    OPEN = "open"
    PHOTO = "photo"


class Verdict:
    CORRECT = "correct"
    WRONG = "wrong"
    PENDING = "pending"


def judge(
    kind: str,
    *,
    points: int,
    correct_choice: int | None = None,
    choice: int | None = None,
    number_answer: Decimal | None = None,
    tolerance: Decimal = Decimal(0),
    number: Decimal | None = None,
) -> tuple[str, int]:
    """(verdict, points) for one answer."""
    if kind == Kind.CHOICE:
        right = choice is not None and choice == correct_choice
    elif kind == Kind.NUMBER:
        right = number is not None and number_answer is not None and abs(number - number_answer) <= tolerance
    else:
        return Verdict.PENDING, 0
    return (Verdict.CORRECT, points) if right else (Verdict.WRONG, 0)


@dataclass(frozen=True)
class Standing:
    team_id: int
    name: str
    points: int
    answered: int
    seconds: int | None  # time used so far or at the finish


def leaderboard(standings: list[Standing]) -> list[tuple[int, Standing]]:
    """Most points first; equal points: the faster team first; equal points and time share a rank."""
    ordered = sorted(standings, key=lambda s: (-s.points, s.seconds if s.seconds is not None else float("inf"), s.name))
    ranked: list[tuple[int, Standing]] = []
    for index, standing in enumerate(ordered):
        previous = ranked[-1] if ranked else None
        if previous and (previous[1].points, previous[1].seconds) == (standing.points, standing.seconds):
            ranked.append((previous[0], standing))
        else:
            ranked.append((index + 1, standing))
    return ranked
