"""The counting rules of consultations, with hand-computed examples and properties."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinning.participation import tally


def test_approval_counts_each_ballot_once_per_goal():
    # ballots: {13, 4}, {13}, {4, 13, 4} -> 13: 3, 4: 2
    assert tally.approval_totals([[13, 4], [13], [4, 13, 4]]) == Counter({13: 3, 4: 2})


def test_borda_gives_n_points_to_the_first_of_n_places():
    # places 3: [13, 4, 6] -> 13:3, 4:2, 6:1; [4, 13] -> 4:3, 13:2; [6] -> 6:3
    # totals: 13: 5, 4: 5, 6: 4
    assert tally.borda_points([[13, 4, 6], [4, 13], [6]], places=3) == Counter({13: 5, 4: 5, 6: 4})


def test_borda_refuses_a_ranking_longer_than_the_places_or_with_a_repeat():
    with pytest.raises(ValueError):
        tally.borda_points([[1, 2, 3]], places=2)
    with pytest.raises(ValueError):
        tally.borda_points([[1, 1]], places=2)


def test_ranking_orders_by_total_then_goal_number_and_drops_zeros():
    assert tally.ranking({4: 5, 13: 5, 6: 4, 1: 0}) == [(4, 5), (13, 5), (6, 4)]


def test_top_goals_keep_goals_tied_with_the_last_place():
    assert tally.top_goals({13: 9, 4: 7, 6: 7, 1: 2}, 2) == [13, 4, 6]
    assert tally.top_goals({13: 9}, 3) == [13]
    assert tally.top_goals({}, 3) == []


def test_combine_adds_online_and_paper_counts():
    assert tally.combine({13: 2, 4: 1}, {13: 40, 5: 3}) == Counter({13: 42, 5: 3, 4: 1})


def test_shares_of_no_ballots_are_zero():
    assert tally.shares({13: 0}, 0) == {13: 0.0}
    assert tally.shares({13: 3, 4: 1}, 4) == {13: 0.75, 4: 0.25}


rankings = st.lists(st.lists(st.integers(1, 17), max_size=3, unique=True), max_size=30)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rankings)
def test_borda_from_grouped_positions_equals_borda_over_ballots(ballots):
    positions: Counter = Counter()
    for ranking in ballots:
        for position, goal in enumerate(ranking, start=1):
            positions[(goal, position)] += 1
    assert tally.borda_from_positions(positions, 3) == tally.borda_points(ballots, 3)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rankings)
def test_approval_total_never_exceeds_the_number_of_ballots(ballots):
    totals = tally.approval_totals(ballots)
    assert all(0 < value <= len(ballots) for value in totals.values())
    assert sum(totals.values()) == sum(len(set(b)) for b in ballots)
