"""Participatory budgeting rules as Decidim and CONSUL apply them: pure functions over plain values.

A ballot is checked against the rules of its vote:

* knapsack: the costs of the chosen projects together stay within the budget, and reach at
  least ``min_share`` (per cent) of it when a minimum is set (Decidim's "minimum budget");
* a minimum and a maximum number of projects (Decidim's "select projects"), each optional;
* approval: any number of projects within the maximum, costs do not limit the ballot.

Winners are picked greedily (CONSUL's and Decidim's method): projects from the most votes
down; a project is funded when its cost fits in what is left of the budget, otherwise it is
skipped with that reason and the next one is tried. Equal votes: the cheaper project first,
then the lower id. Every step is returned with its reason so the page can explain it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    KNAPSACK = "knapsack"
    APPROVAL = "approval"


@dataclass(frozen=True)
class BallotRules:
    rule: Rule
    budget: int
    min_share: int = 0  # per cent of the budget a knapsack ballot must spend at least
    min_projects: int = 0
    max_projects: int | None = None


@dataclass(frozen=True)
class Project:
    id: int
    cost: int
    votes: int = 0


@dataclass(frozen=True)
class Step:
    project: Project
    funded: bool
    remaining_after: int  # budget left after this step


class BallotProblem(StrEnum):
    OVER_BUDGET = "over_budget"
    UNDER_MINIMUM = "under_minimum"
    TOO_FEW = "too_few"
    TOO_MANY = "too_many"
    UNKNOWN_PROJECT = "unknown_project"


def ballot_problems(rules: BallotRules, costs: Mapping[int, int], chosen: Iterable[int]) -> list[BallotProblem]:
    """What is wrong with a ballot choosing ``chosen`` among projects ``costs`` (id -> cost); [] if valid."""
    chosen = set(chosen)
    problems: list[BallotProblem] = []
    if chosen - set(costs):
        return [BallotProblem.UNKNOWN_PROJECT]
    if len(chosen) < rules.min_projects:
        problems.append(BallotProblem.TOO_FEW)
    if rules.max_projects is not None and len(chosen) > rules.max_projects:
        problems.append(BallotProblem.TOO_MANY)
    if rules.rule == Rule.KNAPSACK:
        spent = sum(costs[pid] for pid in chosen)
        if spent > rules.budget:
            problems.append(BallotProblem.OVER_BUDGET)
        elif spent * 100 < rules.budget * rules.min_share:
            problems.append(BallotProblem.UNDER_MINIMUM)
    return problems


def minimum_spend(rules: BallotRules) -> int:
    """The least a knapsack ballot must spend (rounded up to a whole unit)."""
    return -(-rules.budget * rules.min_share // 100)


def greedy_winners(projects: Iterable[Project], budget: int) -> list[Step]:
    """Every project in the order considered, funded or skipped, with the budget left after it."""
    remaining = budget
    steps: list[Step] = []
    for project in sorted(projects, key=lambda p: (-p.votes, p.cost, p.id)):
        funded = project.votes > 0 and project.cost <= remaining
        if funded:
            remaining -= project.cost
        steps.append(Step(project, funded, remaining))
    return steps


def vote_counts(ballots: Iterable[Iterable[int]]) -> dict[int, int]:
    """Project id -> number of ballots that chose it."""
    counts: dict[int, int] = {}
    for ballot in ballots:
        for pid in set(ballot):
            counts[pid] = counts.get(pid, 0) + 1
    return counts
