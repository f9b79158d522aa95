"""Geometry of the server-rendered SVG line chart: both municipalities' series, each one's
baseline point and the line from its baseline to its target. Plain values in, coordinates out."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@dataclass(frozen=True)
class Series:
    label: str
    points: list[tuple[int, float]]
    baseline: tuple[int, float] | None = None
    target: tuple[int, float] | None = None


@dataclass
class PlacedSeries:
    index: int
    label: str
    path: str
    dots: list[tuple[float, float, int, float]]  # x, y, year, value
    baseline: tuple[float, float] | None = None
    target_line: tuple[float, float, float, float] | None = None  # baseline x, y -> target x, y


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    series: list[PlacedSeries] = field(default_factory=list)
    x_ticks: list[tuple[float, int]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM
    empty: bool = True


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``count`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _label(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def layout(all_series: list[Series]) -> Chart:
    chart = Chart()
    years: list[int] = []
    values: list[float] = []
    for series in all_series:
        for year, value in series.points + [p for p in (series.baseline, series.target) if p]:
            years.append(year)
            values.append(value)
    if not years:
        return chart
    chart.empty = False
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    low, high = min(values), max(values)
    low = min(low, 0) if low >= 0 else low  # quantities start at zero, negative values keep their range
    step = nice_step(high - low if high > low else abs(high) or 1)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if high == low:
        high = low + step

    def x(year: float) -> float:
        return round(chart.plot_left + (year - first) / (last - first) * (chart.plot_right - chart.plot_left), 1)

    def y(value: float) -> float:
        return round(chart.plot_bottom - (value - low) / (high - low) * (chart.plot_bottom - chart.plot_top), 1)

    year_step = max(1, math.ceil((last - first) / 8))
    chart.x_ticks = [(x(year), year) for year in range(first, last + 1, year_step)]
    count = round((high - low) / step)
    chart.y_ticks = [(y(low + i * step), _label(low + i * step)) for i in range(count + 1)]
    for index, series in enumerate(all_series):
        points = sorted(series.points)
        dots = [(x(year), y(value), year, value) for year, value in points]
        path = " ".join(f"{'M' if i == 0 else 'L'}{dx},{dy}" for i, (dx, dy, _year, _value) in enumerate(dots))
        placed = PlacedSeries(index=index, label=series.label, path=path, dots=dots)
        if series.baseline:
            placed.baseline = (x(series.baseline[0]), y(series.baseline[1]))
            if series.target:
                placed.target_line = (*placed.baseline, x(series.target[0]), y(series.target[1]))
        chart.series.append(placed)
    return chart
