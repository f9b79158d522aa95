"""Reads of the programme app, each in a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch

from twinning.assessment.priorities import focus_years, prioritised_goals
from twinning.programme import budget
from twinning.programme.models import (
    Action,
    Activity,
    CampaignPlan,
    Programme,
    Protocol,
    ProtocolItem,
    StrategicGoal,
)
from twinning.sdg.links import goal_numbers, goal_shares, prefetch_links


def programme_list(partnership) -> list[Programme]:
    return list(partnership.programmes.annotate(goal_count=Count("goals", distinct=True)))


def goals_of(programme: Programme) -> list[StrategicGoal]:
    """Strategic goals with their actions, activities (responsible municipality) and SDG links: 4 queries."""
    activities = prefetch_links(Activity.objects.select_related("responsible"))
    actions = Action.objects.prefetch_related(Prefetch("activities", queryset=activities))
    goals = list(programme.goals.prefetch_related(Prefetch("actions", queryset=actions)))
    for goal in goals:
        goal.programme = programme
    return goals


def activities_in(goals: list[StrategicGoal]) -> list[Activity]:
    return [activity for goal in goals for action in goal.actions.all() for activity in action.activities.all()]


@dataclass
class Overview:
    activities: list[Activity]
    wheel: dict[int, float]
    budget_per_goal: dict[int, dict]
    totals: dict
    untouched: list[int]
    prioritised: list[int]
    off_priority: set[int] = field(default_factory=set)  # activity ids


def overview(programme: Programme, activities: list[Activity]) -> Overview:
    """Coverage, budget per SDG per currency, untouched SDGs and off-priority activities."""
    prioritised = prioritised_goals(programme.partnership)
    links = []
    budgeted = []
    off = set()
    for activity in activities:
        goals = goal_numbers(activity.sdg_links.all())
        # one link per goal per activity, so the wheel counts activities per goal
        links.extend(link for link in _first_link_per_goal(activity.sdg_links.all()))
        budgeted.append(budget.Budgeted(activity.budget, activity.currency, tuple(goals)))
        activity.goal_numbers = goals
        if budget.off_priority(goals, prioritised):
            off.add(activity.pk)
        activity.off_priority = activity.pk in off
    touched = {link.goal.number for link in links}
    return Overview(
        activities=activities,
        wheel=goal_shares(links),
        budget_per_goal=budget.budget_per_goal(budgeted),
        totals=budget.totals_per_currency(budgeted),
        untouched=budget.untouched_goals(touched),
        prioritised=prioritised,
        off_priority=off,
    )


def _first_link_per_goal(links):
    seen = set()
    for link in links:
        if link.goal.number not in seen:
            seen.add(link.goal.number)
            yield link


def activities_of_year(activities: list[Activity], year: int) -> list[Activity]:
    """Activities of a programme year: those carrying that year, and those without a year."""
    return [activity for activity in activities if activity.year in (None, year)]


def protocol_items(protocol: Protocol) -> list[ProtocolItem]:
    return list(prefetch_links(protocol.items.all()))


@dataclass
class CampaignYear:
    year: int
    focus: int | None  # the year's focus SDG now (the priorities may have changed since the plan)
    plan: CampaignPlan | None
    spent: Decimal | None = None  # the actions' costs in the plan's currency
    mixed: str = ""  # a currency that could not be added without a rate


def campaign_years(programme: Programme) -> list[CampaignYear]:
    """Each programme year with its focus SDG and campaign plan (actions prefetched): 3 queries."""
    focus = focus_years(programme.partnership)
    plans = {plan.year: plan for plan in programme.campaigns.prefetch_related("actions")}
    rows = []
    for year in programme.years:
        plan = plans.get(year)
        row = CampaignYear(year=year, focus=focus.get(year), plan=plan)
        if plan is not None:
            costs = [budget.Money(a.cost, a.currency, a.rate) for a in plan.actions.all() if a.cost is not None]
            try:
                row.spent = budget.sum_in(plan.currency, costs)
            except budget.MixedCurrencies as exc:
                row.mixed = exc.currency
        rows.append(row)
    return rows
