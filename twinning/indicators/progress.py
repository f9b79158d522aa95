"""Progress of one indicator in one municipality: the method Open SDG uses after Statistics Canada.

With a target (year and value):
  observed rate  = compound annual growth rate (CAGR) from the baseline to the latest value
  required rate  = CAGR from the baseline to the target value by the target year
  ratio          = observed rate / required rate
  target achieved      the latest value already meets the target (in the indicator's direction)
  on track             ratio >= 0.95
  acceleration needed  0.60 <= ratio < 0.95
  limited progress     0 <= ratio < 0.60
  deterioration        ratio < 0 (moving away from the target)
CAGR needs positive values; where the baseline, latest or target value is zero or negative,
the ratio of the linear annual changes is used instead (same bands).

Without a target, the direction-adjusted CAGR (positive = improvement) is placed in bands:
  on track             improves by 1% a year or more
  acceleration needed  improves by 0.5% to 1% a year
  limited progress     improves by less than 0.5% a year, or does not change
  deterioration        gets worse
Without a target and with a baseline of zero or below, there is no relative growth rate and
the status is "insufficient data"; so it is with no value after the baseline year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.60
ON_TRACK_GROWTH = 0.01
ACCELERATION_GROWTH = 0.005


class Status(StrEnum):
    ACHIEVED = "target_achieved"
    ON_TRACK = "on_track"
    ACCELERATION = "acceleration_needed"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    INSUFFICIENT = "insufficient_data"


# Better statuses rank higher; "insufficient data" is outside the scale.
RANK = {
    Status.DETERIORATION: 0,
    Status.LIMITED: 1,
    Status.ACCELERATION: 2,
    Status.ON_TRACK: 3,
    Status.ACHIEVED: 4,
}


@dataclass(frozen=True)
class Progress:
    status: Status
    method: str  # "cagr", "linear" or "" when there was nothing to compute
    observed_rate: float | None = None
    required_rate: float | None = None
    ratio: float | None = None


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound annual growth rate, or None where it is undefined (non-positive values or no time)."""
    if years <= 0 or start <= 0 or end <= 0:
        return None
    return (end / start) ** (1 / years) - 1


def status_for_ratio(ratio: float) -> Status:
    """The band of the observed-to-required growth ratio; monotone in the ratio."""
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Status.ACCELERATION
    if ratio >= 0:
        return Status.LIMITED
    return Status.DETERIORATION


def status_for_growth(improvement: float) -> Status:
    """The band of a direction-adjusted annual growth rate (positive = better), without a target."""
    if improvement >= ON_TRACK_GROWTH:
        return Status.ON_TRACK
    if improvement >= ACCELERATION_GROWTH:
        return Status.ACCELERATION
    if improvement >= 0:
        return Status.LIMITED
    return Status.DETERIORATION


def meets(value: float, target: float, higher_is_better: bool) -> bool:
    return value >= target if higher_is_better else value <= target


def progress(
    *,
    baseline_year: int,
    baseline_value: float,
    latest_year: int,
    latest_value: float,
    higher_is_better: bool,
    target_year: int | None = None,
    target_value: float | None = None,
) -> Progress:
    years = latest_year - baseline_year
    if years <= 0 or not all(math.isfinite(v) for v in (baseline_value, latest_value)):
        return Progress(Status.INSUFFICIENT, "")
    if target_year is not None and target_value is not None:
        if meets(latest_value, target_value, higher_is_better):
            return Progress(Status.ACHIEVED, "")
        horizon = target_year - baseline_year
        if horizon <= 0:
            return Progress(Status.INSUFFICIENT, "")
        observed = cagr(baseline_value, latest_value, years)
        required = cagr(baseline_value, target_value, horizon)
        method = "cagr"
        if observed is None or required is None:
            observed = (latest_value - baseline_value) / years
            required = (target_value - baseline_value) / horizon
            method = "linear"
        if required == 0:  # the target is the baseline and the latest value is on the wrong side of it
            return Progress(Status.DETERIORATION, method, observed, required)
        ratio = observed / required
        return Progress(status_for_ratio(ratio), method, observed, required, ratio)
    observed = cagr(baseline_value, latest_value, years)
    if observed is None:
        if baseline_value <= 0:
            return Progress(Status.INSUFFICIENT, "")
        observed = (latest_value - baseline_value) / baseline_value / years  # latest value at or below zero
        method = "linear"
    else:
        method = "cagr"
    improvement = observed if higher_is_better else -observed
    return Progress(status_for_growth(improvement), method, observed)
