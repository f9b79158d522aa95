"""The circle exercise's combination rule, gap list and round comparison, by hand and by property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.assessment.combine import LEVELS, combine, combined_value, disagree, gap_list, is_gap, moves, wheel_values


def test_levels_map_to_thirds_and_the_mean_is_taken():
    assert combined_value(["strong"]) == 1.0
    assert combined_value(["strong", "none"]) == 0.5
    assert combined_value(["direct", "indirect"]) == pytest.approx(0.5)
    assert combined_value(["direct", "direct", "indirect"]) == pytest.approx(5 / 9)
    assert combined_value([]) == 0.0


def test_a_negative_rating_counts_as_zero_and_is_flagged_separately():
    result = combine({13: {"Lommel": "strong", "Ongwediva": "negative"}})[12]
    assert result.goal == 13
    assert result.value == 0.5
    assert result.negatives == 1
    assert result.disagree is True  # -1 and 3 are four levels apart
    assert result.gap is False


def test_partners_differ_only_when_more_than_one_level_apart():
    assert disagree(["strong", "direct"]) is False
    assert disagree(["strong", "indirect"]) is True
    assert disagree(["none", "negative"]) is False
    assert disagree(["indirect", "negative"]) is True
    assert disagree([]) is False


def test_lommel_and_ongwediva_find_the_five_gaps_of_the_publication():
    ratings = {goal: {"Lommel": "indirect", "Ongwediva": "direct"} for goal in range(1, 18)}
    for goal in (5, 6, 7, 12, 14):
        ratings[goal] = {"Lommel": "none", "Ongwediva": "none"}
    assert gap_list(ratings) == [5, 6, 7, 12, 14]


def test_a_goal_is_a_gap_only_when_rated_and_nobody_rates_above_none():
    assert is_gap(["none", "negative"]) is True
    assert is_gap(["none", "indirect"]) is False
    assert is_gap([]) is False
    assert gap_list({}) == []


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="unknown level"):
        combined_value(["huge"])


def test_moves_list_the_goals_that_changed_with_their_direction():
    before = wheel_values(combine({5: {"A": "none", "B": "none"}, 4: {"A": "strong", "B": "strong"}}))
    after = wheel_values(combine({5: {"A": "direct", "B": "direct"}, 4: {"A": "strong", "B": "direct"}}))
    found = moves(before, after)
    assert [(m.goal, m.direction) for m in found] == [(4, "down"), (5, "up")]
    assert found[1].before == 0.0
    assert found[1].after == pytest.approx(2 / 3)


ratings_strategy = st.dictionaries(
    st.integers(1, 17), st.dictionaries(st.sampled_from(["A", "B", "C"]), st.sampled_from(LEVELS), max_size=3)
)


@given(ratings_strategy)
def test_combined_values_always_lie_between_zero_and_one_and_cover_17_goals(ratings):
    results = combine(ratings)
    assert [r.goal for r in results] == list(range(1, 18))
    assert all(0.0 <= r.value <= 1.0 for r in results)


@given(ratings_strategy)
def test_a_gap_never_has_a_positive_combined_value(ratings):
    for result in combine(ratings):
        if result.gap:
            assert result.value == 0.0


@given(st.lists(st.sampled_from(LEVELS), max_size=6))
def test_the_combined_value_does_not_depend_on_the_order_of_partners(levels):
    assert combined_value(levels) == combined_value(list(reversed(levels)))
    assert disagree(levels) == disagree(sorted(levels))
