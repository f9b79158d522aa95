"""Points of an answer and the leaderboard order."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from twinning.games.scoring import Standing, Verdict, judge, leaderboard


def test_the_right_choice_scores_the_stops_points_and_a_wrong_one_none():
    assert judge("choice", points=10, correct_choice=2, choice=2) == (Verdict.CORRECT, 10)
    assert judge("choice", points=10, correct_choice=2, choice=1) == (Verdict.WRONG, 0)
    assert judge("choice", points=10, correct_choice=2, choice=None) == (Verdict.WRONG, 0)


def test_a_number_within_the_tolerance_counts():
    kwargs = {"points": 15, "number_answer": Decimal(1850), "tolerance": Decimal(10)}
    assert judge("number", number=Decimal(1860), **kwargs) == (Verdict.CORRECT, 15)
    assert judge("number", number=Decimal(1861), **kwargs) == (Verdict.WRONG, 0)


def test_open_answers_and_photos_wait_for_the_game_master():
    assert judge("open", points=10) == (Verdict.PENDING, 0)
    assert judge("photo", points=10) == (Verdict.PENDING, 0)


def test_leaderboard_puts_most_points_first_then_the_faster_team_and_shares_ties():
    board = leaderboard(
        [
            Standing(1, "Slow", 30, 3, 1800),
            Standing(2, "Fast", 30, 3, 1200),
            Standing(3, "Top", 40, 4, 2000),
            Standing(4, "Twin", 30, 3, 1200),
        ]
    )
    assert [(rank, s.name) for rank, s in board] == [(1, "Top"), (2, "Fast"), (2, "Twin"), (4, "Slow")]


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 7200)), max_size=20))
def test_leaderboard_points_never_increase_down_the_list(rows):
    board = leaderboard([Standing(i, f"t{i}", p, 0, s) for i, (p, s) in enumerate(rows)])
    points = [s.points for _rank, s in board]
    assert points == sorted(points, reverse=True)
    assert len(board) == len(rows)
