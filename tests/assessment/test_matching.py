"""SDG index matching: peer learning with a direction, joint priorities, thresholds and score checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.assessment.matching import JOINT, PEER, ScoreError, match, ranking, validate_score, validate_thresholds


def test_peer_learning_names_who_shares_experience_with_whom():
    found = match({"Lommel": {6: 88}, "Ongwediva": {6: 30}})
    assert len(found) == 1
    assert (found[0].kind, found[0].first, found[0].second) == (PEER, "Lommel", "Ongwediva")
    assert (
        found[0].explanation()
        == "Lommel can share experience with Ongwediva on SDG 6: Lommel scores 88, Ongwediva scores 30."
    )


def test_both_weak_is_a_joint_priority_and_middle_scores_are_no_match():
    found = match({"Lommel": {13: 38, 9: 70, 4: 85}, "Ongwediva": {13: 40, 9: 42, 4: 58}})
    assert [(m.kind, m.goal) for m in found] == [(JOINT, 13)]
    assert "SDG 13 is a joint priority" in found[0].explanation()


def test_thresholds_change_the_matches():
    scores = {"Lommel": {4: 85}, "Ongwediva": {4: 58}}
    assert match(scores) == []
    assert [m.kind for m in match(scores, strong=80, weak=60)] == [PEER]


def test_goals_scored_by_one_partner_only_are_skipped():
    assert match({"A": {1: 90}, "B": {2: 10}}) == []


def test_ranking_goes_from_the_highest_score_down_with_ties_in_goal_order():
    assert ranking({3: 50, 1: 80, 2: 50, 17: 99}) == [(17, 99), (1, 80), (2, 50), (3, 50)]


@pytest.mark.parametrize("bad", [-1, 101, 250, 3.5, "70", True, None])
def test_scores_outside_0_to_100_or_not_whole_numbers_are_refused(bad):
    with pytest.raises(ScoreError):
        validate_score(bad)


def test_the_weak_threshold_must_be_below_the_strong_one():
    with pytest.raises(ScoreError, match="lower than the strong"):
        validate_thresholds(50, 50)


score = st.integers(0, 100)
per_goal = st.dictionaries(st.integers(1, 17), score, min_size=1)


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=101)))
def test_any_score_outside_0_to_100_is_rejected(value):
    with pytest.raises(ScoreError):
        validate_score(value)
    with pytest.raises(ScoreError):
        match({"A": {1: value}, "B": {1: 50}})


@given(per_goal, per_goal, st.integers(1, 100), st.integers(0, 99))
def test_swapping_the_partners_swaps_the_direction_of_peer_learning(a, b, strong, weak):
    if weak >= strong:
        return
    forward = match({"A": a, "B": b}, strong=strong, weak=weak)
    backward = match({"B": a, "A": b}, strong=strong, weak=weak)
    swap = {"A": "B", "B": "A"}
    assert {(m.kind, m.goal, swap[m.first], swap[m.second]) for m in forward if m.kind == PEER} == {
        (m.kind, m.goal, m.first, m.second) for m in backward if m.kind == PEER
    }
    assert {m.goal for m in forward if m.kind == JOINT} == {m.goal for m in backward if m.kind == JOINT}


@given(st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), per_goal, max_size=4))
def test_matches_are_only_between_different_municipalities_and_respect_the_thresholds(scores):
    for found in match(scores, strong=70, weak=40):
        assert found.first != found.second
        assert found.first_score == scores[found.first][found.goal]
        if found.kind == PEER:
            assert found.first_score >= 70 and found.second_score <= 40
        else:
            assert found.first_score <= 40 and found.second_score <= 40
