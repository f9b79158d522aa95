"""The SDG Synergies computations: combined matrix, row and column sums, second order."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.assessment import interlinkages as il

CODES = ["6.3", "3.9", "14.1"]


def test_partners_scores_are_averaged_and_a_gap_of_two_points_is_contested():
    means, contested = il.combine(
        {"Lommel": {("6.3", "3.9"): 3, ("6.3", "14.1"): 2}, "Ongwediva": {("6.3", "3.9"): 1, ("6.3", "14.1"): 1}}
    )
    assert means == {("6.3", "3.9"): 2.0, ("6.3", "14.1"): 1.5}
    assert contested == {("6.3", "3.9")}


def test_hand_computed_matrix_sums_and_second_order():
    # 6.3 (waste water) -> 3.9 (health) +3, 6.3 -> 14.1 (marine pollution) +2,
    # 14.1 -> 3.9 +1, 3.9 -> 6.3 -1 (a constraining feedback, invented for the test).
    scores = {("6.3", "3.9"): 3, ("6.3", "14.1"): 2, ("14.1", "3.9"): 1, ("3.9", "6.3"): -1}
    m = il.matrix(CODES, scores)
    assert m.tolist() == [[0, 3, 2], [-1, 0, 0], [0, 1, 0]]
    # M²: row 6.3 = [3*-1 + 2*0, 0 + 2*1, 0] = [-3, 2, 0] -> without the diagonal: 0, 2, 0 -> 2
    #     row 3.9 = [0, -1*3, -1*2] -> -3, -2 -> -5
    #     row 14.1 = [1*-1, 0, 0] -> -1
    assert il.second_order(m).tolist() == [[0, 2, 0], [0, 0, -2], [-1, 0, 0]]
    rows = {r.code: r for r in il.reach(CODES, m)}
    assert (rows["6.3"].out, rows["6.3"].into, rows["6.3"].second, rows["6.3"].total) == (5, -1, 2, 7)
    assert (rows["3.9"].out, rows["3.9"].into, rows["3.9"].second) == (-1, 4, -2)
    assert [r.code for r in il.reach(CODES, m)][0] == "6.3"  # where effort spreads furthest
    assert rows["6.3"].explanation == (
        "Working on 6.3 influences the other targets by +5 directly and by +2 through one intermediate target; "
        "it depends on them by -1."
    )


def test_scores_outside_the_seven_point_scale_and_self_influence_are_refused():
    with pytest.raises(il.InterlinkError):
        il.combine({"A": {("6.3", "3.9"): 4}})
    with pytest.raises(il.InterlinkError):
        il.combine({"A": {("6.3", "6.3"): 1}})
    with pytest.raises(il.InterlinkError):
        il.validate_interaction(True)


pairs = st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)).filter(lambda p: p[0] != p[1])
score_sets = st.dictionaries(pairs, st.integers(-3, 3), max_size=6)


@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), score_sets, max_size=3))
def test_the_combined_score_lies_within_the_partners_scores_and_the_scale(per_partner):
    means, contested = il.combine(per_partner)
    for pair, mean in means.items():
        given_scores = [scores[pair] for scores in per_partner.values() if pair in scores]
        assert min(given_scores) <= mean <= max(given_scores)
        assert (pair in contested) == (max(given_scores) - min(given_scores) >= 2)


@given(score_sets)
def test_row_sums_total_the_column_sums_and_second_order_is_the_square(scores):
    m = il.matrix(CODES, scores)
    rows = il.reach(CODES, m)
    assert sum(r.out for r in rows) == pytest.approx(sum(r.into for r in rows))
    manual = np.array([[sum(m[i, j] * m[j, k] for j in range(3)) for k in range(3)] for i in range(3)])
    np.fill_diagonal(manual, 0)
    assert np.allclose(il.second_order(m), manual)


@given(score_sets)
def test_the_order_of_the_partners_does_not_change_the_combined_matrix(scores):
    flipped = {pair: -value for pair, value in scores.items()}
    one = il.combine({"A": scores, "B": flipped})
    two = il.combine({"B": flipped, "A": scores})
    assert one == two
