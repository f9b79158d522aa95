"""Gender balance of a delegation, the SDGs it covers, and the 17 SDGs checklist."""

from __future__ import annotations

from decimal import Decimal

import pytest

from twinning.visits.balance import gender_balance, goals_covered, good_practice_checklist, is_balanced


def test_gender_balance_counts_and_shares_each_gender():
    shares = gender_balance(["woman", "woman", "woman", "man", "man", "non_binary"])
    assert [(s.gender, s.count, s.percent) for s in shares] == [
        ("woman", 3, Decimal("50.0")),
        ("man", 2, Decimal("33.3")),
        ("non_binary", 1, Decimal("16.7")),
        ("unspecified", 0, Decimal("0.0")),
    ]


def test_an_empty_delegation_has_zero_shares_and_is_not_balanced():
    assert all(s.percent == 0 for s in gender_balance([]))
    assert not is_balanced([])


def test_a_delegation_of_three_women_and_three_men_is_balanced_and_five_to_one_is_not():
    assert is_balanced(["woman"] * 3 + ["man"] * 3)
    assert not is_balanced(["man"] * 5 + ["woman"])


def test_unknown_gender_values_are_refused():
    with pytest.raises(ValueError):
        gender_balance(["robot"])


def test_goals_covered_counts_each_member_once_per_goal():
    assert goals_covered([[6, 6, 11], [11], []]) == {6: 1, 11: 2}


def test_checklist_marks_only_goals_of_good_practice_items():
    checklist = good_practice_checklist([(True, [6, 12]), (False, [13])])
    assert checklist[6] and checklist[12]
    assert not checklist[13]
    assert len(checklist) == 17
