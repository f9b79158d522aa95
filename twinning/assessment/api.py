"""The assessment part of /api/v1/, mounted by twinning/api/api.py.

Reads: the circle-exercise rounds the coordinators published, with their combined values
(public). Writes (session login and CSRF token, as the web pages): ratings, ideas, index
scores, inventory entries and interlinkage scores for one's own municipality (its staff and
coordinators); exercises, rounds, publishing and materiality for the coordinators; the joint
action plan for staff and coordinators of the members. Shared rows (inventory entries,
actions) carry a version and answer 409 with the stored version on a conflict.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import django_auth

from twinning.assessment import actions, selectors
from twinning.assessment.combine import LEVELS
from twinning.assessment.forms import check_links
from twinning.assessment.models import Round
from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict

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


# --- Writes for coordinators and municipalities' own people -----------------------------------
# Every write needs a session login and the CSRF token, as the web pages. 404: you may not see
# the partnership; 403: you may see it but not change this; 409: someone saved it since the
# version you send (the response holds their version); 422: the input is refused, with a reason.


class ConflictOut(Schema):
    detail: str
    current: dict


class AssessmentIn(Schema):
    scope: str = "programme"  # programme or project
    subject: str = ""
    notes: str = ""


class AssessmentOut(Schema):
    id: int
    partnership: str
    scope: str
    name: str
    rounds: list[int]


class PublishIn(Schema):
    publish: bool


class RoundOut(Schema):
    id: int
    assessment: int
    number: int
    published: bool


class IdeaIn(Schema):
    municipality: str
    goal: int
    text: str


class IdeaOut(Schema):
    id: int
    round: int
    goal: int
    municipality: str
    text: str


class IndexScoreIn(Schema):
    goal: int
    score: int | None  # 0..100; null removes the score
    justification: str = ""


class MaterialityIn(Schema):
    goal: int
    impact: int | None  # 1..5; null clears the goal
    influence: int | None = None
    prioritised: bool = False


class InventoryIn(Schema):
    doing: str = ""
    more: str = ""
    gaps: str = ""
    opportunities: str = ""
    evidence: str = ""  # web addresses, one per line
    version: int = 0  # the version you read; 0 for a new entry


class InventoryOut(InventoryIn):
    municipality: str
    goal: int


class ActionIn(Schema):
    title: str
    owner_municipality: str
    due_date: date
    goal: int | None = None
    owner_name: str = ""
    done: bool = False
    notes: str = ""
    version: int | None = None  # required when changing an action: the version you read
    idea: int | None = None
    inventory_entry: int | None = None


class ActionOut(Schema):
    id: int
    title: str
    goal: int | None
    owner_municipality: str
    owner_name: str
    due_date: date
    done: bool
    notes: str
    version: int


class InterlinkIn(Schema):
    source: str  # target code, "6.3"
    destination: str
    score: int | None  # -3..+3; null removes the score


def _own(request, partnership, slug: str):
    """A member municipality the user may write for, or the (status, body) to answer."""
    municipality = selectors.member_by_slug(partnership, slug)
    if municipality is None:
        return None, (422, {"detail": _("%(slug)s is not a member of this partnership.") % {"slug": slug}})
    if not policy.can_rate_for(request.user, municipality.pk):
        return None, (403, {"detail": _("You may write for your own municipality only.")})
    return municipality, None


def _assessment_out(assessment) -> dict:
    return {
        "id": assessment.pk,
        "partnership": assessment.partnership.slug,
        "scope": assessment.scope,
        "name": assessment.name,
        "rounds": list(assessment.rounds.order_by("number").values_list("number", flat=True)),
    }


def _action_out(item) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "goal": item.goal,
        "owner_municipality": item.owner_municipality.slug,
        "owner_name": item.owner_name,
        "due_date": item.due_date,
        "done": item.done,
        "notes": item.notes,
        "version": item.version,
    }


@router.post(
    "/partnerships/{slug}/assessments",
    auth=django_auth,
    response={201: AssessmentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Start a circle exercise (coordinators)",
)
def start_assessment(request, slug: str, payload: AssessmentIn):
    """Starts a circle exercise of the programme or of one project, with its first round open."""
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    try:
        assessment = actions.assessment_start(
            partnership=partnership,
            scope=payload.scope,
            subject=payload.subject,
            notes=payload.notes,
            user=request.user,
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    return 201, _assessment_out(assessment)


@router.post(
    "/assessments/{assessment_id}/rounds",
    auth=django_auth,
    response={201: RoundOut, 403: ErrorOut, 404: ErrorOut},
    summary="Start the next round of an exercise (coordinators)",
)
def start_round(request, assessment_id: int):
    assessment = policy.get_assessment_by_id_for_user(request.user, assessment_id, write=True)
    round_ = actions.round_start(assessment)
    return 201, {"id": round_.pk, "assessment": assessment.pk, "number": round_.number, "published": False}


@router.post(
    "/rounds/{round_id}/publish",
    auth=django_auth,
    response={200: RoundOut, 403: ErrorOut, 404: ErrorOut},
    summary="Publish a round or make it private again (coordinators)",
)
def publish_round(request, round_id: int, payload: PublishIn):
    round_ = policy.get_round_by_id_for_user(request.user, round_id)
    if not policy.can_manage_assessments(request.user, round_.assessment.partnership):
        return 403, {"detail": _("Only the coordinators publish rounds.")}
    actions.round_publish(round_, publish=payload.publish)
    return 200, {
        "id": round_.pk,
        "assessment": round_.assessment_id,
        "number": round_.number,
        "published": payload.publish,
    }


@router.post(
    "/rounds/{round_id}/ideas",
    auth=django_auth,
    response={201: IdeaOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add an idea to include a gap, for your own municipality",
)
def add_idea(request, round_id: int, payload: IdeaIn):
    round_ = policy.get_round_by_id_for_user(request.user, round_id)
    municipality, refused = _own(request, round_.assessment.partnership, payload.municipality)
    if refused:
        return refused
    try:
        idea = actions.idea_add(
            round_, goal=payload.goal, municipality=municipality, author=request.user, text=payload.text
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    return 201, {
        "id": idea.pk,
        "round": round_.pk,
        "goal": idea.goal,
        "municipality": municipality.slug,
        "text": idea.text,
    }


@router.put(
    "/partnerships/{slug}/index-scores/{municipality}",
    auth=django_auth,
    response={200: list[IndexScoreIn], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set your municipality's SDG index scores (0..100 with a justification)",
)
def set_index_scores(request, slug: str, municipality: str, payload: list[IndexScoreIn]):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    scorer, refused = _own(request, partnership, municipality)
    if refused:
        return refused
    entries = {row.goal: (row.score, row.justification) if row.score is not None else None for row in payload}
    try:
        actions.index_scores_save(municipality=scorer, user=request.user, entries=entries)
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    own = selectors.index_scores(partnership)[scorer]
    return 200, [{"goal": g, "score": row.score, "justification": row.justification} for g, row in sorted(own.items())]


@router.put(
    "/partnerships/{slug}/materiality",
    auth=django_auth,
    response={200: list[MaterialityIn], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set impact, influence and prioritised SDGs (coordinators)",
)
def set_materiality(request, slug: str, payload: list[MaterialityIn]):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    rows = {
        row.goal: (row.impact, row.influence, row.prioritised) if row.impact is not None else None for row in payload
    }
    try:
        actions.materiality_save(partnership, rows)
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    return 200, [
        {"goal": r.goal, "impact": r.impact, "influence": r.influence, "prioritised": r.prioritised}
        for r in selectors.materiality_of(partnership)
    ]


@router.put(
    "/partnerships/{slug}/inventory/{municipality}/{goal}",
    auth=django_auth,
    response={200: InventoryOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ErrorOut},
    summary="Write your municipality's SDG inventory entry for one goal",
)
def set_inventory(request, slug: str, municipality: str, goal: int, payload: InventoryIn):
    """Send the ``version`` you read (0 for a new entry). 409 when someone saved it since: the
    response's ``current`` holds their version; decide and send again with its version."""
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    owner, refused = _own(request, partnership, municipality)
    if refused:
        return refused
    try:
        check_links(payload.evidence)
    except ValidationError as exc:
        return 422, {"detail": " ".join(exc.messages)}
    data = actions.InventoryInput(
        doing=payload.doing, more=payload.more, gaps=payload.gaps, opportunities=payload.opportunities,
        evidence=payload.evidence,
    )  # fmt: skip
    try:
        entry = actions.inventory_save(
            municipality=owner, goal=goal, expected_version=payload.version, data=data, user=request.user
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    except EditConflict as conflict:
        return 409, {
            "detail": _("Someone saved this entry since you read it."),
            "current": _inventory_out(conflict.current),
        }
    return 200, _inventory_out(entry)


def _inventory_out(entry) -> dict:
    return {
        "municipality": entry.municipality.slug,
        "goal": entry.goal,
        "version": entry.version,
        **{name: getattr(entry, name) for name in actions.INVENTORY_FIELDS},
    }


def _action_input(partnership, payload: ActionIn):
    owner = selectors.member_by_slug(partnership, payload.owner_municipality)
    if owner is None:
        raise actions.AssessmentError(
            _("%(slug)s is not a member of this partnership.") % {"slug": payload.owner_municipality}
        )
    return actions.ActionInput(
        title=payload.title, owner_municipality=owner, due_date=payload.due_date, goal=payload.goal,
        owner_name=payload.owner_name, done=payload.done, notes=payload.notes,
    )  # fmt: skip


@router.post(
    "/partnerships/{slug}/actions",
    auth=django_auth,
    response={201: ActionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add an action to the joint plan (staff and coordinators of members)",
)
def add_plan_action(request, slug: str, payload: ActionIn):
    """Optionally from an idea for a gap (``idea``) or an inventory entry (``inventory_entry``)."""
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    if not policy.can_plan_actions(request.user, partnership):
        return 403, {"detail": _("Staff and coordinators of the members add actions.")}
    idea = selectors.idea_of(partnership, payload.idea) if payload.idea else None
    entry = selectors.entry_of(partnership, payload.inventory_entry) if payload.inventory_entry else None
    if (payload.idea and idea is None) or (payload.inventory_entry and entry is None):
        return 404, {"detail": _("No such idea or inventory entry in this partnership.")}
    try:
        item = actions.action_add(
            partnership, _action_input(partnership, payload), user=request.user, idea=idea, entry=entry
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    return 201, _action_out(item)


@router.put(
    "/partnerships/{slug}/actions/{action_id}",
    auth=django_auth,
    response={200: ActionOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ErrorOut},
    summary="Change an action of the joint plan (send the version you read)",
)
def update_action(request, slug: str, action_id: int, payload: ActionIn):
    item = policy.get_action_for_user(request.user, slug, action_id, write=True)
    if payload.version is None:
        return 422, {"detail": _("Send the version of the action you read.")}
    try:
        actions.action_update(item, _action_input(item.partnership, payload), expected_version=payload.version)
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    except EditConflict as conflict:
        return 409, {
            "detail": _("Someone saved this action since you read it."),
            "current": _action_out(conflict.current),
        }
    return 200, _action_out(item)


@router.put(
    "/partnerships/{slug}/interlinkages/{municipality}",
    auth=django_auth,
    response={200: list[InterlinkIn], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Score interactions between the picked targets for your municipality (-3..+3)",
)
def set_interlinkages(request, slug: str, municipality: str, payload: list[InterlinkIn]):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    scorer, refused = _own(request, partnership, municipality)
    if refused:
        return refused
    try:
        actions.interlink_scores_save(
            partnership,
            municipality=scorer,
            user=request.user,
            entries={(row.source, row.destination): row.score for row in payload},
        )
    except actions.AssessmentError as exc:
        return 422, {"detail": str(exc)}
    own = selectors.interlink_scores(partnership).get(scorer.pk, {})
    return 200, [{"source": a, "destination": b, "score": v} for (a, b), v in sorted(own.items())]
