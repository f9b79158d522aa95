"""The progress status (Open SDG after Statistics Canada), worked by hand, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.indicators.progress import RANK, Status, cagr, progress, status_for_growth, status_for_ratio


def higher(latest: float, **extra):
    return progress(
        baseline_year=2015, baseline_value=50, latest_year=2020, latest_value=latest, higher_is_better=True, **extra
    )


TARGET = {"target_year": 2030, "target_value": 80}


def test_cagr_is_the_compound_annual_growth_rate():
    assert cagr(100, 121, 2) == pytest.approx(0.10)
    assert cagr(0, 5, 3) is None
    assert cagr(5, 5, 0) is None


def test_observed_rate_above_the_needed_rate_is_on_track():
    # observed 1.2 ** (1/5) - 1 = 0.03714; needed 1.6 ** (1/15) - 1 = 0.03183; ratio 1.167
    result = higher(60, **TARGET)
    assert result.observed_rate == pytest.approx(0.03714, abs=1e-5)
    assert result.required_rate == pytest.approx(0.03183, abs=1e-5)
    assert result.ratio == pytest.approx(1.167, abs=1e-3)
    assert result.status == Status.ON_TRACK
    assert result.method == "cagr"


def test_sixty_percent_of_the_needed_rate_needs_acceleration():
    # observed 1.1 ** 0.2 - 1 = 0.019245; ratio 0.6046
    result = higher(55, **TARGET)
    assert result.ratio == pytest.approx(0.6046, abs=1e-3)
    assert result.status == Status.ACCELERATION


def test_a_small_gain_is_limited_progress_and_a_loss_is_deterioration():
    assert higher(52, **TARGET).status == Status.LIMITED  # ratio 0.247
    assert higher(45, **TARGET).status == Status.DETERIORATION


def test_a_value_at_or_beyond_the_target_has_achieved_it():
    assert higher(80, **TARGET).status == Status.ACHIEVED
    assert higher(85, **TARGET).status == Status.ACHIEVED


def test_lower_is_better_indicators_progress_when_they_fall():
    # 200 -> 150 kg in 5 years: -0.05591 a year; needed 200 -> 100 in 15 years: -0.04516; ratio 1.238
    result = progress(
        baseline_year=2015, baseline_value=200, latest_year=2020, latest_value=150, higher_is_better=False,
        target_year=2030, target_value=100,
    )  # fmt: skip
    assert result.ratio == pytest.approx(1.238, abs=1e-3)
    assert result.status == Status.ON_TRACK


def test_a_zero_baseline_falls_back_to_linear_rates():
    # 0 -> 1 in 2 years (0.5 a year); needed 0 -> 10 in 10 years (1 a year): ratio 0.5
    result = progress(
        baseline_year=2020, baseline_value=0, latest_year=2022, latest_value=1, higher_is_better=True,
        target_year=2030, target_value=10,
    )  # fmt: skip
    assert result.method == "linear"
    assert result.ratio == pytest.approx(0.5)
    assert result.status == Status.LIMITED


def test_without_a_target_the_direction_adjusted_growth_bands_apply():
    base = {"baseline_year": 2015, "baseline_value": 100, "latest_year": 2020}
    assert progress(**base, latest_value=110, higher_is_better=True).status == Status.ON_TRACK  # +1.92% a year
    assert progress(**base, latest_value=105, higher_is_better=True).status == Status.ACCELERATION  # +0.98%
    assert progress(**base, latest_value=101, higher_is_better=True).status == Status.LIMITED  # +0.2%
    assert progress(**base, latest_value=110, higher_is_better=False).status == Status.DETERIORATION
    assert progress(**base, latest_value=90, higher_is_better=False).status == Status.ON_TRACK


def test_no_value_after_the_baseline_is_insufficient_data():
    result = progress(baseline_year=2020, baseline_value=5, latest_year=2020, latest_value=6, higher_is_better=True)
    assert result.status == Status.INSUFFICIENT
    no_base = progress(baseline_year=2015, baseline_value=0, latest_year=2020, latest_value=3, higher_is_better=True)
    assert no_base.status == Status.INSUFFICIENT


def test_the_band_limits_belong_to_the_better_band():
    assert status_for_ratio(0.95) == Status.ON_TRACK
    assert status_for_ratio(0.6) == Status.ACCELERATION
    assert status_for_ratio(0) == Status.LIMITED
    assert status_for_ratio(-0.01) == Status.DETERIORATION
    assert status_for_growth(0.01) == Status.ON_TRACK
    assert status_for_growth(0.005) == Status.ACCELERATION


ratios = st.floats(min_value=-100, max_value=100, allow_nan=False)


@given(ratios, ratios)
def test_status_is_monotone_in_the_progress_ratio(first, second):
    low, high = sorted((first, second))
    assert RANK[status_for_ratio(low)] <= RANK[status_for_ratio(high)]


@given(
    st.floats(min_value=1, max_value=1000),
    st.floats(min_value=1, max_value=1000),
    st.floats(min_value=1, max_value=1000),
)
def test_a_better_latest_value_never_gives_a_worse_status(baseline, first, second):
    low, high = sorted((first, second))
    target = baseline * 2

    def status(latest):
        return progress(
            baseline_year=2015, baseline_value=baseline, latest_year=2021, latest_value=latest,
            higher_is_better=True, target_year=2030, target_value=target,
        ).status  # fmt: skip

    assert RANK[status(low)] <= RANK[status(high)]
