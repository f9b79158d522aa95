"""Normalised scores and the SDG dashboard colours, after the SDSN SDG Index.

Score: 0..100 between the lower bound (0) and the optimum (100), linear, clamped. The
formula works for both directions because for "lower is better" the optimum lies below the
lower bound: score = 100 * (value - lower bound) / (optimum - lower bound).

Indicator colour: green where the value meets the green threshold, red where it is at or
beyond the red threshold; in between, yellow in the half nearer to green and orange in the
half nearer to red (as the SDSN dashboards split the band between the two thresholds).

Goal colour: the ratings of the goal's indicators (green 3, yellow 2, orange 1, red 0); the two
worst are averaged and rounded down, so a goal is green only when its two worst indicators
are green, and one red indicator with one green gives orange. Grey where data are
insufficient: fewer than half of the goal's selected indicators (and at least one) have a value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import StrEnum


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"
    GREY = "grey"


COLOUR_POINTS = {Colour.RED: 0, Colour.ORANGE: 1, Colour.YELLOW: 2, Colour.GREEN: 3}
_BY_POINTS = {points: colour for colour, points in COLOUR_POINTS.items()}


def normalise(value: float, lower_bound: float, optimum: float) -> float:
    """0 at the lower bound (the worst value), 100 at the optimum, clamped to 0..100."""
    if optimum == lower_bound:
        raise ValueError("optimum and lower bound must differ")
    if not math.isfinite(value):
        raise ValueError("value must be a finite number")
    score = 100 * (value - lower_bound) / (optimum - lower_bound)
    return min(100.0, max(0.0, score))


def rating(value: float, *, lower_bound: float, optimum: float, green: float, red: float) -> Colour:
    score = normalise(value, lower_bound, optimum)
    green_score = normalise(green, lower_bound, optimum)
    red_score = normalise(red, lower_bound, optimum)
    if score >= green_score:
        return Colour.GREEN
    if score <= red_score:
        return Colour.RED
    return Colour.YELLOW if score >= (green_score + red_score) / 2 else Colour.ORANGE


def goal_colour(ratings: Iterable[Colour | None]) -> Colour:
    """``ratings``: one per selected indicator of the goal; None where it has no value."""
    ratings = list(ratings)
    rated = sorted((r for r in ratings if r is not None and r != Colour.GREY), key=COLOUR_POINTS.__getitem__)
    if not rated or len(rated) * 2 < len(ratings):
        return Colour.GREY
    worst = rated[:2]
    return _BY_POINTS[math.floor(sum(COLOUR_POINTS[c] for c in worst) / len(worst))]


def goal_score(scores: Iterable[float]) -> float | None:
    """The mean normalised score of a goal's indicators (for an SDG index), or None without data."""
    scores = list(scores)
    return sum(scores) / len(scores) if scores else None
