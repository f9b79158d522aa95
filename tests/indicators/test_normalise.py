"""Normalised scores and SDSN-style dashboard colours, worked by hand, and their properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.indicators.normalise import Colour, goal_colour, goal_score, normalise, rating


def test_scores_run_from_the_lower_bound_to_the_optimum():
    assert normalise(60, 0, 100) == 60
    assert normalise(150, 350, 100) == pytest.approx(80)  # lower is better: 100 * -200 / -250
    assert normalise(400, 350, 100) == 0
    assert normalise(50, 350, 100) == 100
    assert normalise(120, 0, 100) == 100


def test_equal_bounds_are_refused():
    with pytest.raises(ValueError, match="differ"):
        normalise(1, 5, 5)


def test_indicator_colours_follow_the_thresholds_with_yellow_nearer_green():
    bounds = {"lower_bound": 0, "optimum": 100, "green": 80, "red": 40}
    assert rating(85, **bounds) == Colour.GREEN
    assert rating(70, **bounds) == Colour.YELLOW  # above the midpoint 60
    assert rating(50, **bounds) == Colour.ORANGE
    assert rating(40, **bounds) == Colour.RED
    lower = {"lower_bound": 350, "optimum": 100, "green": 120, "red": 180}
    assert rating(110, **lower) == Colour.GREEN
    assert rating(200, **lower) == Colour.RED
    assert rating(140, **lower) == Colour.YELLOW  # midpoint between 120 and 180 is 150


def test_a_goal_takes_the_rounded_down_mean_of_its_two_worst_indicators():
    assert goal_colour([Colour.GREEN, Colour.RED]) == Colour.ORANGE  # (3 + 0) / 2 = 1.5
    assert goal_colour([Colour.GREEN, Colour.GREEN, Colour.YELLOW]) == Colour.YELLOW  # 2.5
    assert goal_colour([Colour.GREEN, Colour.GREEN]) == Colour.GREEN
    assert goal_colour([Colour.RED]) == Colour.RED


def test_a_goal_is_grey_when_fewer_than_half_of_its_indicators_have_data():
    assert goal_colour([]) == Colour.GREY
    assert goal_colour([Colour.GREEN, None, None]) == Colour.GREY
    assert goal_colour([Colour.GREEN, None]) == Colour.GREEN


def test_goal_score_is_the_mean_or_nothing():
    assert goal_score([40, 80]) == 60
    assert goal_score([]) is None


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(finite, finite, finite)
def test_normalised_score_is_always_between_0_and_100(value, lower_bound, optimum):
    if lower_bound == optimum:
        return
    assert 0 <= normalise(value, lower_bound, optimum) <= 100


@given(st.lists(st.sampled_from([Colour.GREEN, Colour.YELLOW, Colour.ORANGE, Colour.RED]), min_size=1, max_size=8))
def test_adding_a_green_indicator_never_darkens_a_goal(ratings):
    order = [Colour.RED, Colour.ORANGE, Colour.YELLOW, Colour.GREEN]
    assert order.index(goal_colour([*ratings, Colour.GREEN])) >= order.index(goal_colour(ratings))
