"""The participation part of /api/v1/, mounted by twinning/api/api.py.

Reads follow the web pages: consultations of partnerships the caller sees (drafts for their
coordinators only) and results once closed. The one write is a vote with a one-time ballot
code: the code is the credential, so no session (and no cross-site request) can vote for
someone; votes with an account go through the web form with its CSRF token.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from twinning.foundation import policy
from twinning.participation import actions, selectors, throttle
from twinning.participation.models import Consultation

router = Router(tags=["Participation"])


class ErrorOut(Schema):
    detail: str


class ConsultationOut(Schema):
    id: int
    title: str
    question: str
    method: str  # approval or ranked (Borda count)
    max_choices: int
    phase: str  # draft, open or closed
    closed_at: datetime | None
    ballots: int  # online ballots


class GoalCountOut(Schema):
    goal: int
    online: int
    paper: int
    total: int


class AreaOut(Schema):
    name: str
    online_ballots: int
    paper_ballots: int
    priorities: list[GoalCountOut]
    worries: list[GoalCountOut]


class MunicipalityResultsOut(AreaOut):
    municipality: str  # slug
    communities: list[AreaOut]


class ProposalOut(Schema):
    text: str
    municipality: str
    community: str
    from_paper: bool
    group: str
    mapped_goal: int | None


class ResultsOut(Schema):
    consultation: ConsultationOut
    unit: str  # votes (approval) or points (Borda)
    top: list[int]
    overall: list[GoalCountOut]
    municipalities: list[MunicipalityResultsOut]
    proposals: list[ProposalOut]


class VoteIn(Schema):
    code: str
    priorities: list[int]  # in ranked order for ranked consultations
    worries: list[int] = []
    proposal: str = ""


class VoteOut(Schema):
    receipt: str


def _consultation_out(c: Consultation, ballots: int) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "question": c.question,
        "method": c.method,
        "max_choices": c.max_choices,
        "phase": c.phase,
        "closed_at": c.closed_at,
        "ballots": ballots,
    }


def _rows(rows) -> list[dict]:
    return [{"goal": r.goal, "online": r.online, "paper": r.paper, "total": r.total} for r in rows]


def _area(area) -> dict:
    return {
        "name": area.name,
        "online_ballots": area.online_ballots,
        "paper_ballots": area.paper_ballots,
        "priorities": _rows(area.priorities),
        "worries": _rows(area.worries),
    }


@router.get(
    "/partnerships/{slug}/consultations",
    response={200: list[ConsultationOut], 404: ErrorOut},
    summary="Consultations of a partnership",
)
def list_consultations(request, slug: str):
    partnership = policy.get_participation_partnership(request.user, slug)
    return [
        _consultation_out(c, c.ballot_count)
        for c in selectors.consultations_of(partnership)
        if policy.can_see_phase(request.user, partnership, c.phase)
    ]


@router.get(
    "/partnerships/{slug}/consultations/{pk}/results",
    response={200: ResultsOut, 404: ErrorOut},
    summary="Results of a closed consultation, per municipality and community, online and on paper",
)
def consultation_results(request, slug: str, pk: int):
    consultation = policy.get_consultation_results_for_user(request.user, slug, pk)
    outcome = selectors.results(consultation)
    return {
        "consultation": _consultation_out(consultation, sum(a.online_ballots for a in outcome.municipalities)),
        "unit": outcome.unit,
        "top": outcome.top,
        "overall": _rows(outcome.overall),
        "municipalities": [
            {**_area(a), "municipality": a.municipality.slug, "communities": [_area(c) for c in a.communities]}
            for a in outcome.municipalities
        ],
        "proposals": [
            {
                "text": p.text,
                "municipality": p.municipality.slug,
                "community": p.community.name if p.community else "",
                "from_paper": p.from_paper,
                "group": p.group,
                "mapped_goal": p.mapped_goal,
            }
            for p in outcome.proposals
        ],
    }


@router.post(
    "/partnerships/{slug}/consultations/{pk}/votes",
    response={201: VoteOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    summary="Vote with a one-time ballot code",
)
def vote_with_code(request, slug: str, pk: int, payload: VoteIn):
    """409 when the code has been used; 400 for any other refused ballot, with the reason."""
    consultation = policy.get_consultation_for_user(request.user, slug, pk)
    if not throttle.allow("vote", throttle.client_key(request)):
        return Status(429, {"detail": _("Too many attempts in a short time. Wait a minute and try again.")})
    try:
        ballot = actions.ballot_cast(
            consultation,
            priorities=payload.priorities,
            worries=payload.worries,
            proposal=payload.proposal,
            code=payload.code or "-",
        )
    except actions.DuplicateBallot as exc:
        return Status(409, {"detail": str(exc)})
    except actions.ParticipationError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(201, {"receipt": str(ballot.receipt)})
