"""Budget-vote rules (Decidim and CONSUL), with hand-computed examples and properties."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinning.participation.knapsack import (
    BallotProblem,
    BallotRules,
    Project,
    Rule,
    ballot_problems,
    greedy_winners,
    minimum_spend,
    vote_counts,
)

COSTS = {1: 600, 2: 300, 3: 200, 4: 150}


def test_a_knapsack_ballot_within_the_budget_is_valid():
    assert ballot_problems(BallotRules(Rule.KNAPSACK, 1000), COSTS, [1, 2]) == []  # 900 <= 1000


def test_a_knapsack_ballot_over_the_budget_is_refused():
    assert ballot_problems(BallotRules(Rule.KNAPSACK, 1000), COSTS, [1, 2, 3]) == [BallotProblem.OVER_BUDGET]  # 1100


def test_a_knapsack_ballot_must_spend_the_minimum_share():
    rules = BallotRules(Rule.KNAPSACK, 1000, min_share=70)
    assert minimum_spend(rules) == 700
    assert ballot_problems(rules, COSTS, [2, 3]) == [BallotProblem.UNDER_MINIMUM]  # 500 < 700
    assert ballot_problems(rules, COSTS, [1, 3]) == []  # 800


def test_minimum_spend_rounds_up():
    assert minimum_spend(BallotRules(Rule.KNAPSACK, 999, min_share=50)) == 500  # 499.5 -> 500


def test_minimum_and_maximum_number_of_projects():
    rules = BallotRules(Rule.APPROVAL, 1000, min_projects=2, max_projects=3)
    assert ballot_problems(rules, COSTS, [1]) == [BallotProblem.TOO_FEW]
    assert ballot_problems(rules, COSTS, [1, 2, 3, 4]) == [BallotProblem.TOO_MANY]
    assert ballot_problems(rules, COSTS, [1, 2, 3]) == []  # approval: 1100 over the budget is fine


def test_an_unknown_project_is_refused():
    assert ballot_problems(BallotRules(Rule.APPROVAL, 1000), COSTS, [9]) == [BallotProblem.UNKNOWN_PROJECT]


def test_greedy_funds_by_votes_and_skips_what_does_not_fit():
    # budget 1000: A(600, 9 votes) funded -> 400 left; B(500, 8) skipped; C(300, 8) funded -> 100;
    # D(150, 3) skipped; E(100, 0) never funded without votes
    projects = [Project(1, 600, 9), Project(2, 500, 8), Project(3, 300, 8), Project(4, 150, 3), Project(5, 100, 0)]
    steps = greedy_winners(projects, 1000)
    # equal votes: the cheaper first, so C (300) before B (500)
    assert [(s.project.id, s.funded, s.remaining_after) for s in steps] == [
        (1, True, 400),
        (3, True, 100),
        (2, False, 100),
        (4, False, 100),
        (5, False, 100),
    ]


def test_vote_counts_count_a_project_once_per_ballot():
    assert vote_counts([[1, 2], [2, 2], [3]]) == {1: 1, 2: 2, 3: 1}


projects = st.lists(st.tuples(st.integers(1, 500), st.integers(0, 20)), max_size=12)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects, st.integers(1, 2000))
def test_greedy_never_spends_more_than_the_budget(rows, budget):
    steps = greedy_winners([Project(i, cost, votes) for i, (cost, votes) in enumerate(rows)], budget)
    spent = sum(s.project.cost for s in steps if s.funded)
    assert spent <= budget
    assert len(steps) == len(rows)
    # every skipped project with votes did not fit in what was left when it was considered
    left = budget
    for step in steps:
        if step.funded:
            left -= step.project.cost
        elif step.project.votes:
            assert step.project.cost > left
