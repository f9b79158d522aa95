"""The partnership's prioritised SDGs and focus SDG per year.

``prioritised_goals(partnership)`` is the seam for other apps (the programme feature checks
new activities against it): it returns the goal numbers the coordinators ticked in the
materiality analysis, in goal order, with one query. ``focus_goal(partnership, year)`` gives
the year's focus SDG or None.

Prioritised and focus SDGs are a statement the coordinators make for the public partnership
page; the impact and influence scores behind them stay private to the members.
"""

from __future__ import annotations

from django.db.models import Value
from django.utils import timezone

from twinning.assessment.models import FocusGoal, Materiality, Round
from twinning.foundation import policy
from twinning.foundation.models import Partnership
from twinning.sdg.selectors import all_goals


def prioritised_goals(partnership: Partnership) -> list[int]:
    return list(
        Materiality.objects.filter(partnership=partnership, prioritised=True)
        .order_by("goal")
        .values_list("goal", flat=True)
    )


def focus_goal(partnership: Partnership, year: int) -> int | None:
    return FocusGoal.objects.filter(partnership=partnership, year=year).values_list("goal", flat=True).first()


def focus_years(partnership: Partnership) -> dict[int, int]:
    return dict(FocusGoal.objects.filter(partnership=partnership).values_list("year", "goal"))


def panel_context(request, partnership: Partnership) -> dict | None:
    """The "Priorities" panel of the partnership page: two queries; hidden when there is nothing to show.

    Shows the prioritised SDGs, this year's focus SDG and the rounds the coordinators published.
    """
    this_year = timezone.localdate().year
    prioritised_rows = (
        Materiality.objects.filter(partnership=partnership, prioritised=True).order_by().values_list("goal", Value(0))
    )
    rows = prioritised_rows.union(
        FocusGoal.objects.filter(partnership=partnership).order_by().values_list("goal", "year")
    )
    prioritised = sorted(goal for goal, year in rows if year == 0)
    focus = {year: goal for goal, year in rows if year}
    published = list(
        Round.objects.filter(assessment__partnership=partnership, published_at__isnull=False)
        .select_related("assessment")
        .order_by("-published_at")
    )
    members_link = policy.can_view_assessments(request.user, partnership)
    if not (prioritised or focus or published or members_link):
        return None
    goals = {goal.number: goal for goal in all_goals()}
    return {
        "partnership": partnership,
        "members_link": members_link,
        "prioritised": [goals[number] for number in prioritised if number in goals],
        "focus": goals.get(focus.get(this_year)),
        "year": this_year,
        "published": published,
    }


NEUTRAL_SCORE = 3  # the middle of the 1..5 impact and influence scale


def adopt_prioritised_goals(partnership: Partnership, goals: list[int]) -> list[int]:
    """Seam for the participation app: the coordinators adopt a consultation's outcome as the
    partnership's prioritised SDGs. Exactly ``goals`` end up prioritised; impact and influence
    already scored are kept, a goal without a materiality row gets the middle of the scale
    until the coordinators score it. Returns ``prioritised_goals(partnership)``."""
    from twinning.assessment.actions import materiality_save

    existing = {
        row.goal: (row.impact, row.influence)
        for row in Materiality.objects.filter(partnership=partnership).only("goal", "impact", "influence")
    }
    rows = {
        goal: (*existing.get(goal, (NEUTRAL_SCORE, NEUTRAL_SCORE)), goal in goals)
        for goal in sorted(set(existing) | set(goals))
    }
    materiality_save(partnership, rows)
    return prioritised_goals(partnership)
