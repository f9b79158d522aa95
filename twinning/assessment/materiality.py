"""Geometry of the materiality matrix: impact (1..5, up) against influence (1..5, right).

Goals sharing a cell are spread side by side so every one stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SCALE = range(1, 6)
SIZE = 320  # SVG user units, square
MARGIN = 40  # left, for the impact axis, and bottom, for the influence axis
TOP = 10
CELL = (SIZE - MARGIN - TOP) / 5  # 54


@dataclass(frozen=True)
class Point:
    goal: int
    impact: int
    influence: int
    x: float
    y: float
    prioritised: bool


def check_scale(value: int) -> int:
    if value not in SCALE:
        raise ValueError(f"impact and influence are 1..5, not {value!r}")
    return value


def layout(rows: Iterable[tuple[int, int, int, bool]]) -> list[Point]:
    """(goal, impact, influence, prioritised) -> points with SVG coordinates."""
    cells: dict[tuple[int, int], list[tuple[int, bool]]] = {}
    for goal, impact, influence, prioritised in sorted(rows):
        cells.setdefault((check_scale(impact), check_scale(influence)), []).append((goal, prioritised))
    points = []
    for (impact, influence), goals in sorted(cells.items()):
        left = MARGIN + (influence - 1) * CELL
        top = TOP + (5 - impact) * CELL
        per_row = 3
        for index, (goal, prioritised) in enumerate(goals):
            column, line = index % per_row, index // per_row
            x = left + CELL * (column + 1) / (per_row + 1)
            y = top + 22 + line * 20
            points.append(Point(goal, impact, influence, round(x, 1), round(y, 1), prioritised))
    return points


def score(impact: int, influence: int) -> int:
    """Materiality = impact x influence (1..25), the order of the data table."""
    return check_scale(impact) * check_scale(influence)


def grid() -> dict:
    """Cells (with the high-impact, high-influence corner marked) and axis ticks of the matrix."""
    cells = [
        {
            "x": round(MARGIN + (influence - 1) * CELL, 1),
            "y": round(TOP + (5 - impact) * CELL, 1),
            "hot": impact >= 4 and influence >= 4,
        }
        for impact in SCALE
        for influence in SCALE
    ]
    ticks = [(n, round(MARGIN + (n - 0.5) * CELL, 1), round(TOP + (5.5 - n) * CELL, 1)) for n in SCALE]
    return {
        "size": SIZE,
        "margin": MARGIN,
        "cell": round(CELL, 1),
        "cells": cells,
        "ticks": ticks,
        "tick_y": round(TOP + 5 * CELL + 14),
        "axis_y": SIZE - 6,
    }
