"""The programme part of /api/v1/, mounted by twinning/api/api.py.

Read-only, members only (session login): staff and coordinators of a member municipality read a
partnership's multi-annual programme with its strategic goals, actions and activities. Anyone
else gets 404, as on the web pages.
"""

from __future__ import annotations

from decimal import Decimal

from ninja import Router, Schema

from twinning.foundation import policy
from twinning.programme import selectors
from twinning.sdg.links import goal_numbers

router = Router(tags=["Programme"])


class ErrorOut(Schema):
    detail: str


class ActivityOut(Schema):
    id: int
    title: str
    description: str
    responsible: str  # municipality slug
    department: str
    budget: Decimal | None  # exact, two decimals
    currency: str  # ISO 4217 code
    status: str  # planned, ongoing, done or cancelled
    year: int | None
    results: str
    sdgs: list[int]
    targets: list[str]  # official target codes, e.g. "6.1"


class ActionOut(Schema):
    id: int
    title: str
    description: str
    activities: list[ActivityOut]


class StrategicGoalOut(Schema):
    id: int
    title: str
    description: str
    actions: list[ActionOut]


class ProgrammeOut(Schema):
    id: int
    partnership: str
    title: str
    description: str
    start_year: int
    end_year: int
    is_demo: bool
    goals: list[StrategicGoalOut]


def _activity(activity) -> dict:
    links = activity.sdg_links.all()
    return {
        "id": activity.pk,
        "title": activity.title,
        "description": activity.description,
        "responsible": activity.responsible.slug,
        "department": activity.department,
        "budget": activity.budget,
        "currency": activity.currency,
        "status": activity.status,
        "year": activity.year,
        "results": activity.results,
        "sdgs": goal_numbers(links),
        "targets": sorted({link.target.code for link in links if link.target_id}),
    }


@router.get(
    "/partnerships/{slug}/programmes/{pk}",
    response={200: ProgrammeOut, 404: ErrorOut},
    summary="A multi-annual programme with its goals, actions and activities (members only)",
)
def get_partnership_programme(request, slug: str, pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk)
    return {
        "id": programme.pk,
        "partnership": programme.partnership.slug,
        "title": programme.title,
        "description": programme.description,
        "start_year": programme.start_year,
        "end_year": programme.end_year,
        "is_demo": programme.is_demo,
        "goals": [
            {
                "id": goal.pk,
                "title": goal.title,
                "description": goal.description,
                "actions": [
                    {
                        "id": action.pk,
                        "title": action.title,
                        "description": action.description,
                        "activities": [_activity(activity) for activity in action.activities.all()],
                    }
                    for action in goal.actions.all()
                ],
            }
            for goal in selectors.goals_of(programme)
        ],
    }
