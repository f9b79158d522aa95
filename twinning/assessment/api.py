"""The assessment part of /api/v1/, mounted by twinning/api/api.py.

Reads: the circle-exercise rounds the coordinators published, with their combined values
(public). Write: a rating for one's own municipality (session login and CSRF token, as the
web pages; staff and coordinators of that municipality only).
"""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import django_auth

from twinning.assessment import actions, selectors
from twinning.assessment.combine import LEVELS
from twinning.assessment.models import Round
from twinning.foundation import policy

router = Router(tags=["Assessment"])


class ErrorOut(Schema):
    detail: str


class GoalResultOut(Schema):
    goal: int
    value: float  # 0..1: mean of none 0, indirect 1/3, direct 2/3, strong 1 (negative counts 0)
    negatives: int
    disagree: bool
    gap: bool


class PublishedRoundOut(Schema):
    id: int
    partnership: str
    assessment: int
    name: str
    scope: str
    number: int
    published_at: datetime
    gaps: list[int]
    goals: list[GoalResultOut]


class RatingIn(Schema):
    municipality: str  # slug of your own municipality
    goal: int
    level: str  # none, indirect, direct, strong or negative
    reason: str = ""
    targets: list[str] = []


class RatingOut(Schema):
    round: int
    municipality: str
    goal: int
    level: str
    reason: str
    targets: list[str]


def _published_out(rounds: list[Round]) -> list[dict]:
    values = selectors.round_results(rounds)
    return [
        {
            "id": r.pk,
            "partnership": r.assessment.partnership.slug,
            "assessment": r.assessment_id,
            "name": r.assessment.name,
            "scope": r.assessment.scope,
            "number": r.number,
            "published_at": r.published_at,
            "gaps": [g.goal for g in values[r.pk] if g.gap],
            "goals": [
                {
                    "goal": g.goal,
                    "value": round(g.value, 4),
                    "negatives": g.negatives,
                    "disagree": g.disagree,
                    "gap": g.gap,
                }
                for g in values[r.pk]
            ],
        }
        for r in rounds
    ]


@router.get("/rounds", response=list[PublishedRoundOut], summary="Published circle-exercise rounds")
def list_published_rounds(request, partnership: str | None = None):
    """Every published round of the partnerships you may see, with the combined value per SDG and the gaps."""
    rounds = policy.published_rounds_visible_to(request.user).select_related("assessment__partnership")
    if partnership:
        rounds = rounds.filter(assessment__partnership__slug=partnership)
    return _published_out(list(rounds.order_by("assessment__partnership__slug", "assessment_id", "number")))


@router.get("/rounds/{round_id}", response={200: PublishedRoundOut, 404: ErrorOut}, summary="One published round")
def get_published_round(request, round_id: int):
    round_ = (
        policy.published_rounds_visible_to(request.user)
        .select_related("assessment__partnership")
        .filter(pk=round_id)
        .first()
    )
    if round_ is None:
        raise Http404
    return _published_out([round_])[0]


@router.post(
    "/rounds/{round_id}/ratings",
    auth=django_auth,
    response={200: RatingOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Rate one SDG for your own municipality",
)
def rate(request, round_id: int, payload: RatingIn):
    """Creates or replaces your municipality's rating of one SDG in a round (staff and coordinators of that
    municipality; logged in with a session and sending the CSRF token). Levels: none, indirect, direct,
    strong, negative."""
    round_ = policy.get_round_by_id_for_user(request.user, round_id)
    partnership = round_.assessment.partnership
    municipality = next((m for m in selectors.members(partnership) if m.slug == payload.municipality), None)
    if municipality is None:
        return 422, {"detail": _("%(slug)s is not a member of this partnership.") % {"slug": payload.municipality}}
    if not policy.can_rate_for(request.user, municipality.pk):
        return 403, {"detail": _("You may rate for your own municipality only.")}
    if payload.level not in LEVELS:
        return 422, {
            "detail": _("Unknown level %(level)s: use none, indirect, direct, strong or negative.")
            % {"level": payload.level}
        }
    try:
        rating = actions.rating_set(
            round_,
            municipality=municipality,
            user=request.user,
            goal=payload.goal,
            entry=actions.RatingInput(payload.level, payload.reason, frozenset(payload.targets)),
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    return 200, {
        "round": round_.pk,
        "municipality": municipality.slug,
        "goal": rating.goal,
        "level": rating.level,
        "reason": rating.reason,
        "targets": sorted(link.target.code for link in rating.sdg_links.select_related("target") if link.target_id),
    }
