"""The games part of /api/v1/, mounted by twinning/api/api.py.

Games and stops of a partnership are read by whoever sees the partnership (published games;
authors also see their drafts). A team is created with a name and then identified by its secret
token in the URL; its phone sends answers to ``POST /play/{token}/answers`` with a client-made
UUID, so a queue synced twice stores each answer once. The server re-checks position, travel
speed and time (see twinning/games/referee.py) and refuses with a reason code and message.
Correct answers are never sent to phones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema

from twinning.foundation import policy
from twinning.games import actions, selectors
from twinning.games.models import Answer, Game, Stop

router = Router(tags=["Games"])


class ErrorOut(Schema):
    detail: str


class RefusalOut(Schema):
    detail: str
    reason: str  # too_far, too_fast, time_up, before_start, in_future, already_answered, bad_qr, ...


class GameSummaryOut(Schema):
    id: int
    title: str
    mode: str  # city, hike or ride
    municipality: str  # slug of the municipality where it is played
    languages: list[str]
    time_limit_minutes: int | None
    published: bool
    stops: int


class StopOut(Schema):
    id: int
    order: int
    title: str
    latitude: float
    longitude: float
    radius_m: int
    kind: str  # choice, number, open or photo
    question: str
    choices: list[str]
    points: int
    sdg: int | None


class GameOut(GameSummaryOut):
    intro: str
    stop_list: list[StopOut]


class TeamIn(Schema):
    name: str


class AnswerOut(Schema):
    client_id: uuid.UUID
    stop: int
    verdict: str  # correct, wrong or pending (the game master checks open answers and photos)
    points: int
    answered_at: dt.datetime
    fact: str  # about the partner city, shown after answering
    duplicate: bool = False


class TeamOut(Schema):
    token: str
    name: str
    game: int
    started_at: dt.datetime
    finished: bool
    seconds_left: int | None
    points: int
    answers: list[AnswerOut]
    play_url: str


class AnswerIn(Schema):
    client_id: uuid.UUID
    stop: int
    answered_at: dt.datetime | None = None  # the phone's time; answers made offline arrive later
    latitude: float | None = None
    longitude: float | None = None
    qr: str | None = None  # the code of the stop's QR sign instead of a position
    choice: int | None = None  # 0-based
    number: Decimal | None = None
    text: str = ""


def _stop_out(stop: Stop) -> dict:
    return {
        "id": stop.pk,
        "order": stop.order,
        "title": stop.name,
        "latitude": float(stop.latitude),
        "longitude": float(stop.longitude),
        "radius_m": stop.radius_m,
        "kind": stop.kind,
        "question": stop.question_text,
        "choices": stop.choice_texts,
        "points": stop.points,
        "sdg": stop.goal.number if stop.goal else None,
    }


def _summary(game: Game, stops: int) -> dict:
    return {
        "id": game.pk,
        "title": game.name,
        "mode": game.mode,
        "municipality": game.municipality.slug,
        "languages": game.languages,
        "time_limit_minutes": game.time_limit_minutes,
        "published": game.is_published,
        "stops": stops,
    }


def _answer_out(answer: Answer, stop: Stop, duplicate: bool = False) -> dict:
    return {
        "client_id": answer.client_id,
        "stop": answer.stop_id,
        "verdict": answer.verdict,
        "points": answer.points,
        "answered_at": answer.answered_at,
        "fact": stop.fact,
        "duplicate": duplicate,
    }


def _team_out(request, team) -> dict:
    state = selectors.team_state(team)
    stops = {s.pk: s for s in state.stops}
    return {
        "token": team.token,
        "name": team.name,
        "game": team.game_id,
        "started_at": team.started_at,
        "finished": state.finished,
        "seconds_left": state.seconds_left,
        "points": state.points,
        "answers": [_answer_out(a, stops[a.stop_id]) for a in state.answers.values()],
        "play_url": request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/play/{team.token}/"),
    }


@router.get(
    "/partnerships/{slug}/games",
    response={200: list[GameSummaryOut], 404: ErrorOut},
    summary="SDG games of a partnership",
)
def list_games(request, slug: str):
    partnership = policy.get_partnership_for_games(request.user, slug)
    return [_summary(g, g.stop_count) for g in selectors.game_list(policy.games_visible_to(request.user, partnership))]


@router.get(
    "/partnerships/{slug}/games/{game_id}",
    response={200: GameOut, 404: ErrorOut},
    summary="One game with its stops (without the correct answers)",
)
def get_game(request, slug: str, game_id: int):
    game = policy.get_game_for_user(request.user, slug, game_id)
    stops = selectors.stops_of(game)
    return {**_summary(game, len(stops)), "intro": game.about, "stop_list": [_stop_out(s) for s in stops]}


@router.post(
    "/partnerships/{slug}/games/{game_id}/teams",
    response={201: TeamOut, 400: ErrorOut, 404: ErrorOut},
    summary="Start a team (a name only; no personal data)",
)
def start_team(request, slug: str, game_id: int, payload: TeamIn):
    game = policy.get_game_for_user(request.user, slug, game_id)
    if not game.is_published:
        return 400, {"detail": _("This game is not published yet.")}
    try:
        team = actions.team_start(game, payload.name[:40])
    except ValidationError as exc:
        return 400, {"detail": " ".join(m for ms in exc.message_dict.values() for m in ms)}
    team.game = game
    return 201, _team_out(request, team)


@router.get(
    "/play/{token}",
    response={200: TeamOut, 404: ErrorOut},
    summary="A team's state: time left, points, its answers",
    url_name="games_team_state",
)
def team_state(request, token: str):
    return _team_out(request, policy.get_team_for_token(token))


@router.post(
    "/play/{token}/answers",
    response={200: AnswerOut, 201: AnswerOut, 400: ErrorOut, 404: ErrorOut, 409: RefusalOut},
    summary="Send an answer; the same client_id sent again returns the stored answer",
    url_name="games_answer",
)
def send_answer(request, token: str, payload: AnswerIn):
    team = policy.get_team_for_token(token)
    stop = Stop.objects.filter(game_id=team.game_id, pk=payload.stop).first()
    if stop is None:
        return 404, {"detail": _("This stop is not part of your game.")}
    now = timezone.now()
    at = payload.answered_at or now
    if timezone.is_naive(at):
        at = timezone.make_aware(at, dt.UTC)
    try:
        outcome = actions.answer_submit(
            team,
            stop,
            client_id=payload.client_id,
            at=at,
            latitude=payload.latitude,
            longitude=payload.longitude,
            qr=payload.qr or None,
            choice=payload.choice,
            number=payload.number,
            text=payload.text,
            received=now,
        )
    except ValidationError as exc:
        return 400, {"detail": " ".join(exc.messages)}
    if outcome.refusal:
        return 409, {"detail": outcome.message, "reason": outcome.refusal}
    return (200 if outcome.duplicate else 201), _answer_out(outcome.answer, stop, outcome.duplicate)
