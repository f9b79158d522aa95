"""The programme part of /api/v1/, mounted by twinning/api/api.py.

Members only (session login): staff and coordinators of a member municipality read a
partnership's multi-annual programme with its strategic goals, actions, activities and campaign
plans. Coordinators of a member also write: draw up a programme, add goals, actions and
activities, change an activity, plan the campaign of a year's focus SDG and add its actions.
Writes need the session's CSRF token. The policy module decides: 404 where the user may not see,
403 where they may see but not change, 422 with the write function's message for bad input.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from twinning.api.problems import forbidden_as_403, invalid_as_422
from twinning.foundation import policy
from twinning.foundation.models import Municipality
from twinning.programme import actions, selectors
from twinning.programme.models import Action, Activity, CampaignPlan, Programme, StrategicGoal
from twinning.sdg.links import goal_numbers, goal_selection

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


class CampaignActionOut(Schema):
    channel: str
    what: str
    date: date
    owner: str
    cost: Decimal | None
    currency: str
    rate: Decimal | None  # plan currency for 1 unit of ``currency``, when it differs


class CampaignOut(Schema):
    id: int
    year: int
    goal: int  # the focus SDG the plan was made for
    aims: str
    audiences: str
    budget: Decimal | None
    currency: str
    status: str
    actions: list[CampaignActionOut]


class ProgrammeOut(Schema):
    id: int
    partnership: str
    title: str
    description: str
    start_year: int
    end_year: int
    is_demo: bool
    goals: list[StrategicGoalOut]
    campaigns: list[CampaignOut]


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
        "campaigns": [_campaign(row.plan) for row in selectors.campaign_years(programme) if row.plan],
    }


def _campaign(plan: CampaignPlan) -> dict:
    return {
        **{name: getattr(plan, name) for name in ("id", "year", "goal", "aims", "audiences", "budget", "currency")},
        "status": plan.status,
        "actions": [
            {name: getattr(a, name) for name in ("channel", "what", "date", "owner", "cost", "currency", "rate")}
            for a in plan.actions.all()
        ],
    }


# --- Writes (coordinators of a member municipality) ---------------------------------------

WRITE = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ProgrammeIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    start_year: int = Field(ge=2000, le=2100)
    end_year: int = Field(ge=2000, le=2100)


class TitleIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""


class CreatedOut(Schema):
    id: int
    title: str


class ActivityIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    responsible: str = Field(description="slug of a member municipality")
    department: str = ""
    budget: Decimal | None = Field(None, description="exact, two decimals; never negative")
    currency: str = "EUR"
    status: str = "planned"
    year: int | None = None
    results: str = ""
    sdgs: list[int] = []


class CampaignIn(Schema):
    year: int = Field(description="a programme year whose focus SDG is chosen")
    aims: str = Field(min_length=1)
    audiences: str = Field(min_length=1)
    budget: Decimal | None = None
    currency: str = "EUR"
    status: str = "planned"


class CampaignActionIn(Schema):
    channel: str
    what: str = Field(min_length=1, max_length=200)
    date: date
    owner: str = Field(min_length=1, max_length=160)
    cost: Decimal | None = None
    currency: str = "EUR"
    rate: Decimal | None = Field(None, description="plan currency for 1 unit of this currency, when they differ")


def _coordinators_only():
    return forbidden_as_403(_("Only coordinators of a member municipality change the programme."))


def _writable(request, slug: str, pk: int) -> Programme:
    with _coordinators_only():
        return policy.get_programme_for_user(request.user, slug, pk, write=True)


def _activity_data(programme: Programme, payload: ActivityIn) -> dict:
    responsible = Municipality.objects.filter(
        slug=payload.responsible, partnership_memberships__partnership=programme.partnership
    ).first()
    return {**payload.dict(), "responsible": responsible}


@router.post(
    "/partnerships/{slug}/programmes",
    auth=django_auth,
    response={201: CreatedOut, **WRITE},
    summary="Draw up a multi-annual programme (coordinators of a member)",
)
def create_programme(request, slug: str, payload: ProgrammeIn):
    with _coordinators_only():
        partnership = policy.get_partnership_for_programme(request.user, slug, write=True)
    with invalid_as_422():
        programme = actions.programme_create(partnership, **payload.dict())
    return Status(201, {"id": programme.pk, "title": programme.title})


@router.post(
    "/partnerships/{slug}/programmes/{pk}/goals",
    auth=django_auth,
    response={201: CreatedOut, **WRITE},
    summary="Add a strategic goal (coordinators of a member)",
)
def add_strategic_goal(request, slug: str, pk: int, payload: TitleIn):
    goal = actions.goal_add(_writable(request, slug, pk), **payload.dict())
    return Status(201, {"id": goal.pk, "title": goal.title})


@router.post(
    "/partnerships/{slug}/programmes/{pk}/goals/{goal_id}/actions",
    auth=django_auth,
    response={201: CreatedOut, **WRITE},
    summary="Add an action under a strategic goal (coordinators of a member)",
)
def add_action(request, slug: str, pk: int, goal_id: int, payload: TitleIn):
    goal = get_object_or_404(StrategicGoal, pk=goal_id, programme=_writable(request, slug, pk))
    action = actions.action_add(goal, **payload.dict())
    return Status(201, {"id": action.pk, "title": action.title})


@router.post(
    "/partnerships/{slug}/programmes/{pk}/actions/{action_id}/activities",
    auth=django_auth,
    response={201: ActivityOut, **WRITE},
    summary="Add an activity with its SDGs, responsible municipality and exact budget (coordinators of a member)",
)
def add_activity(request, slug: str, pk: int, action_id: int, payload: ActivityIn):
    programme = _writable(request, slug, pk)
    action = get_object_or_404(Action.objects.select_related("goal"), pk=action_id, goal__programme=programme)
    action.goal.programme = programme
    with invalid_as_422():
        activity = actions.activity_add(
            action, data=_activity_data(programme, payload), sdgs=goal_selection(payload.sdgs)
        )
    return Status(201, _activity(activity))


@router.put(
    "/partnerships/{slug}/programmes/{pk}/activities/{activity_id}",
    auth=django_auth,
    response={200: ActivityOut, **WRITE},
    summary="Change an activity (coordinators of a member)",
)
def update_activity(request, slug: str, pk: int, activity_id: int, payload: ActivityIn):
    programme = _writable(request, slug, pk)
    activity = get_object_or_404(
        Activity.objects.select_related("action__goal"), pk=activity_id, action__goal__programme=programme
    )
    activity.action.goal.programme = programme
    with invalid_as_422():
        actions.activity_update(activity, data=_activity_data(programme, payload), sdgs=goal_selection(payload.sdgs))
    return Status(200, _activity(activity))


@router.post(
    "/partnerships/{slug}/programmes/{pk}/campaigns",
    auth=django_auth,
    response={201: CampaignOut, **WRITE},
    summary="Plan the campaign of a year for its focus SDG (coordinators of a member)",
)
def create_campaign(request, slug: str, pk: int, payload: CampaignIn):
    programme = _writable(request, slug, pk)
    with invalid_as_422():
        plan = actions.campaign_create(programme, year=payload.year, data=payload.dict())
    return Status(201, _campaign(plan))


@router.post(
    "/partnerships/{slug}/programmes/{pk}/campaigns/{campaign_id}/actions",
    auth=django_auth,
    response={201: CampaignOut, **WRITE},
    summary="Add an action to a campaign plan (coordinators of a member)",
)
def add_campaign_action(request, slug: str, pk: int, campaign_id: int, payload: CampaignActionIn):
    plan = get_object_or_404(CampaignPlan, pk=campaign_id, programme=_writable(request, slug, pk))
    with invalid_as_422():
        actions.campaign_action_add(plan, data=payload.dict())
    return Status(201, _campaign(plan))
