"""Geometry of the SDG wheel: 17 ring segments, each filled outward by a value from 0 to 1."""

from __future__ import annotations

import math
from dataclasses import dataclass

SEGMENTS = 17
GAP_DEGREES = 1.2


@dataclass(frozen=True)
class Segment:
    number: int
    value: float
    background: str  # SVG path of the whole segment
    fill: str  # SVG path of the filled part ("" when the value is 0)
    label_x: float
    label_y: float


def _point(cx: float, cy: float, radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def annular_sector(cx: float, cy: float, inner: float, outer: float, start: float, end: float) -> str:
    """Path of a ring piece between two radii and two angles (degrees, clockwise from east)."""
    large = 1 if end - start > 180 else 0
    x1, y1 = _point(cx, cy, outer, start)
    x2, y2 = _point(cx, cy, outer, end)
    x3, y3 = _point(cx, cy, inner, end)
    x4, y4 = _point(cx, cy, inner, start)
    return (
        f"M{x1:.2f} {y1:.2f}A{outer:.2f} {outer:.2f} 0 {large} 1 {x2:.2f} {y2:.2f}"
        f"L{x3:.2f} {y3:.2f}A{inner:.2f} {inner:.2f} 0 {large} 0 {x4:.2f} {y4:.2f}Z"
    )


def clamp(value: float | None) -> float:
    if value is None or math.isnan(value):
        return 0.0
    return max(0.0, min(1.0, float(value)))


def wheel_segments(values: dict[int, float], size: float = 200, hole: float = 0.3) -> list[Segment]:
    """Segment 1 starts at twelve o'clock and the goals follow clockwise."""
    cx = cy = size / 2
    outer = size / 2 - 1
    inner = outer * hole
    step = 360 / SEGMENTS
    segments = []
    for index in range(SEGMENTS):
        number = index + 1
        start = -90 + index * step + GAP_DEGREES / 2
        end = -90 + (index + 1) * step - GAP_DEGREES / 2
        value = clamp(values.get(number))
        radius = inner + (outer - inner) * value
        label_x, label_y = _point(cx, cy, inner + (outer - inner) * 0.82, (start + end) / 2)
        segments.append(
            Segment(
                number=number,
                value=value,
                background=annular_sector(cx, cy, inner, outer, start, end),
                fill=annular_sector(cx, cy, inner, radius, start, end) if value > 0 else "",
                label_x=round(label_x, 2),
                label_y=round(label_y, 2),
            )
        )
    return segments
