"""Budget per SDG per currency, untouched SDGs and off-priority checks, with hand-computed figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from twinning.programme.budget import Budgeted, budget_per_goal, off_priority, totals_per_currency, untouched_goals


def test_a_budget_is_split_equally_across_its_goals_and_currencies_stay_apart():
    activities = [
        Budgeted(Decimal("300.00"), "EUR", (6, 5, 4)),  # 100 EUR to each of 4, 5 and 6
        Budgeted(Decimal("450000.00"), "NAD", (6,)),  # all to 6
        Budgeted(Decimal("50.00"), "EUR", (6, 13)),  # 25 EUR to 6 and 13
    ]
    assert budget_per_goal(activities) == {
        4: {"EUR": Decimal("100.00")},
        5: {"EUR": Decimal("100.00")},
        6: {"EUR": Decimal("125.00"), "NAD": Decimal("450000.00")},
        13: {"EUR": Decimal("25.00")},
    }


def test_thirds_are_rounded_to_the_cent_only_at_the_end():
    # 100 / 3 = 33.333..., twice for goal 1: 66.666... -> 66.67; once for goal 2 and 3: 33.33
    activities = [Budgeted(Decimal("100"), "XOF", (1, 2, 3)), Budgeted(Decimal("100"), "XOF", (1, 4, 5))]
    result = budget_per_goal(activities)
    assert result[1] == {"XOF": Decimal("66.67")}
    assert result[2] == {"XOF": Decimal("33.33")}


def test_activities_without_budget_or_without_goals_add_nothing_per_goal():
    activities = [Budgeted(None, "EUR", (6,)), Budgeted(Decimal("10"), "EUR", ())]
    assert budget_per_goal(activities) == {}
    assert totals_per_currency(activities) == {"EUR": Decimal("10")}


def test_the_total_keeps_one_sum_per_currency():
    activities = [
        Budgeted(Decimal("12500.00"), "EUR", (6,)),
        Budgeted(Decimal("4500.00"), "EUR", (4,)),
        Budgeted(Decimal("180000.00"), "NAD", (6,)),
    ]
    assert totals_per_currency(activities) == {"EUR": Decimal("17000.00"), "NAD": Decimal("180000.00")}


def test_a_negative_budget_is_refused():
    with pytest.raises(ValueError):
        budget_per_goal([Budgeted(Decimal("-1"), "EUR", (1,))])


def test_untouched_goals_are_the_other_of_the_seventeen():
    assert untouched_goals([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) == [16, 17]
    assert len(untouched_goals([])) == 17


def test_an_activity_is_off_priority_only_when_priorities_exist_and_it_touches_none():
    assert off_priority([8, 9], [5, 6]) is True
    assert off_priority([6, 9], [5, 6]) is False
    assert off_priority([8], []) is False
    assert off_priority([], [5]) is True
