"""Writes of the games app: games and stops, copies for the partner, teams, answers and the game
master's verdicts. Each validates before it writes and runs in one transaction; permission
checks happen before (policy module)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Municipality, Partnership
from twinning.games import referee, scoring
from twinning.games.models import (
    Answer,
    CheckIn,
    CheckInPlace,
    Game,
    QuizResult,
    QuizRoom,
    Stop,
    Team,
)
from twinning.uploads import without_metadata

GAME_FIELDS = ["mode", "title", "intro", "languages", "time_limit_minutes", "max_speed_kmh", "is_published"]
STOP_FIELDS = [
    "order",
    "title",
    "latitude",
    "longitude",
    "radius_m",
    "kind",
    "question",
    "choices",
    "correct_choice",
    "number_answer",
    "tolerance",
    "points",
    "goal",
    "partner_fact",
]


def refusal_message(code: str) -> str:
    """The translated reason a player reads when the server refuses an answer."""
    messages = {
        referee.Refusal.TOO_FAR: _("You are not at this stop yet: come within its circle on the map and try again."),
        referee.Refusal.TOO_FAST: _(
            "Nobody gets from the previous stop to this one that fast. The answer is not counted."
        ),
        referee.Refusal.TIME_UP: _("The time is up: answers after the time limit do not count."),
        referee.Refusal.BEFORE_START: _("This answer is dated before your team started."),
        referee.Refusal.IN_FUTURE: _("This answer is dated in the future: check the clock of your phone."),
        referee.Refusal.TOO_LATE_TO_SYNC: _("This answer arrived too long after the game ended."),
        referee.Refusal.ALREADY_ANSWERED: _("Your team has answered this stop already."),
        referee.Refusal.BAD_QR: _("This QR code does not belong to this stop."),
        referee.Refusal.NO_POSITION: _("Your position is unknown: allow location or scan the stop's QR code."),
        referee.Refusal.FINISHED: _("Your team has finished this game."),
        "replayed": _("This answer was already sent by another team."),
        "invalid": _("This answer is not complete."),
    }
    return messages[code]


# --- Games and stops ------------------------------------------------------------------------


def _check_game(partnership: Partnership, municipality: Municipality, data: dict) -> None:
    if not partnership.memberships.filter(municipality=municipality).exists():
        raise ValidationError(
            {"municipality": _("%(name)s is not a member of this partnership.") % {"name": municipality}}
        )
    if not data.get("languages"):
        raise ValidationError({"languages": _("Choose at least one language.")})


@transaction.atomic
def game_create(partnership: Partnership, municipality: Municipality, *, data: dict, is_demo: bool = False) -> Game:
    _check_game(partnership, municipality, data)
    return Game.objects.create(
        partnership=partnership, municipality=municipality, is_demo=is_demo, **{k: data[k] for k in GAME_FIELDS}
    )


@transaction.atomic
def game_update(game: Game, *, expected_version: int, data: dict) -> Game:
    _check_game(game.partnership, game.municipality, data)
    for name in GAME_FIELDS:
        setattr(game, name, data[name])
    save_versioned(game, expected_version, GAME_FIELDS)
    return game


def _check_stop(data: dict) -> None:
    kind = data["kind"]
    if kind == Stop.Kind.CHOICE:
        if len(data.get("choices") or []) < 2:
            raise ValidationError({"choices": _("A multiple-choice question needs at least two choices.")})
        if data.get("correct_choice") is None or not 0 <= data["correct_choice"] < len(data["choices"]):
            raise ValidationError({"correct_choice": _("Pick which of the choices is correct.")})
    if kind == Stop.Kind.NUMBER and data.get("number_answer") is None:
        raise ValidationError({"number_answer": _("A number question needs the correct number.")})
    if not data.get("question"):
        raise ValidationError({"question": _("Write the question or the assignment.")})


@transaction.atomic
def stop_save(game: Game, *, data: dict, stop: Stop | None = None) -> Stop:
    _check_stop(data)
    values = {k: data.get(k) for k in STOP_FIELDS}
    values["choices"] = values["choices"] or []
    values["tolerance"] = values["tolerance"] or Decimal(0)
    values["partner_fact"] = values["partner_fact"] or {}
    if stop is None:
        return Stop.objects.create(game=game, **values)
    for name, value in values.items():
        setattr(stop, name, value)
    stop.save()
    return stop


@transaction.atomic
def stop_remove(stop: Stop) -> None:
    stop.delete()


@transaction.atomic
def game_copy(game: Game, municipality: Municipality) -> Game:
    """A draft copy of the game and its stops for ``municipality`` (the partner) to adapt."""
    copy = Game.objects.create(
        partnership=game.partnership,
        municipality=municipality,
        copied_from=game,
        is_published=False,
        **{k: getattr(game, k) for k in GAME_FIELDS if k != "is_published"},
    )
    Stop.objects.bulk_create(
        [Stop(game=copy, **{k: getattr(stop, k) for k in STOP_FIELDS}) for stop in game.stops.all()]
    )
    return copy


# --- Teams and answers ----------------------------------------------------------------------


@transaction.atomic
def team_start(game: Game, name: str, *, now: dt.datetime | None = None) -> Team:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give your team a name.")})
    if Team.objects.filter(game=game, name__iexact=name).exists():
        raise ValidationError({"name": _("Another team already plays under this name: choose another.")})
    return Team.objects.create(game=game, name=name, started_at=now or timezone.now())


@transaction.atomic
def team_finish(team: Team, *, now: dt.datetime | None = None) -> Team:
    if team.finished_at is None:
        team.finished_at = now or timezone.now()
        team.save(update_fields=["finished_at"])
    return team


@dataclass
class Outcome:
    answer: Answer | None
    refusal: str | None = None
    duplicate: bool = False

    @property
    def message(self) -> str:
        return refusal_message(self.refusal) if self.refusal else ""


def _place(stop: Stop) -> referee.Place:
    return referee.Place(float(stop.latitude), float(stop.longitude), float(stop.radius_m))


def _check_content(stop: Stop, choice: int | None, number: Decimal | None, text: str, photo) -> None:
    if stop.kind == Stop.Kind.CHOICE and (choice is None or not 0 <= choice < len(stop.choices)):
        raise ValidationError(_("Pick one of the answers."))
    if stop.kind == Stop.Kind.NUMBER and number is None:
        raise ValidationError(_("Fill in a number."))
    if stop.kind == Stop.Kind.OPEN and not text.strip():
        raise ValidationError(_("Write your answer."))
    if stop.kind == Stop.Kind.PHOTO and not photo:
        raise ValidationError(_("Add the photo of the assignment."))


def answer_submit(
    team: Team,
    stop: Stop,
    *,
    client_id: uuid.UUID,
    at: dt.datetime,
    latitude: float | None = None,
    longitude: float | None = None,
    qr: str | None = None,
    choice: int | None = None,
    number: Decimal | None = None,
    text: str = "",
    photo=None,
    received: dt.datetime | None = None,
) -> Outcome:
    """Check the claim with the referee, score it and store it once.

    The same ``client_id`` sent again returns the stored answer (``duplicate``); the position is
    used for the check only and never stored. Raises ValidationError for an incomplete answer.
    """
    received = received or timezone.now()
    stored = Answer.objects.filter(client_id=client_id).first()
    if stored is not None:
        return Outcome(stored, duplicate=True) if stored.team_id == team.pk else Outcome(None, "replayed")
    if stop.game_id != team.game_id:
        raise ValidationError(_("This stop is not part of your game."))
    _check_content(stop, choice, number, text, photo)
    if stop.kind == Stop.Kind.PHOTO:
        photo = without_metadata(photo)  # the EXIF position of the photo is never stored
    with transaction.atomic():
        team = Team.objects.select_for_update().select_related("game").get(pk=team.pk)  # one answer at a time
        history = [
            referee.Visit(a.stop_id, _place(a.stop), a.answered_at)
            for a in Answer.objects.filter(team=team).select_related("stop")
        ]
        claim = referee.Claim(
            stop_id=stop.pk,
            place=_place(stop),
            at=at,
            latitude=latitude,
            longitude=longitude,
            qr_ok=None if not qr else qr == stop.qr_token,
        )
        reason = referee.refusal(
            claim,
            started_at=team.started_at,
            time_limit_minutes=team.game.time_limit_minutes,
            max_speed_kmh=team.game.max_speed_kmh,
            history=history,
            received=received,
            finished=team.finished_at is not None and at > team.finished_at,
        )
        if reason:
            return Outcome(None, reason)
        verdict, points = scoring.judge(
            stop.kind,
            points=stop.points,
            correct_choice=stop.correct_choice,
            choice=choice,
            number_answer=stop.number_answer,
            tolerance=stop.tolerance,
            number=number,
        )
        try:
            with transaction.atomic():
                answer = Answer.objects.create(
                    client_id=client_id,
                    team=team,
                    stop=stop,
                    via=Answer.Via.QR if qr else Answer.Via.GPS,
                    choice=choice if stop.kind == Stop.Kind.CHOICE else None,
                    number=number if stop.kind == Stop.Kind.NUMBER else None,
                    text=text.strip() if stop.kind == Stop.Kind.OPEN else "",
                    photo=photo if stop.kind == Stop.Kind.PHOTO else "",
                    verdict=verdict,
                    points=points,
                    answered_at=at,
                )
        except IntegrityError:  # the same client id raced in from a second request
            stored = Answer.objects.filter(client_id=client_id, team=team).first()
            if stored is None:
                return Outcome(None, referee.Refusal.ALREADY_ANSWERED)
            return Outcome(stored, duplicate=True)
        if len(history) + 1 >= team.game.stops.count():
            team_finish(team, now=max(at, team.started_at))
    return Outcome(answer)


@transaction.atomic
def answer_judge(answer: Answer, *, approve: bool) -> Answer:
    """The game master approves (full points) or rejects (none) an open answer or a photo."""
    answer.verdict = scoring.Verdict.CORRECT if approve else scoring.Verdict.WRONG
    answer.points = answer.stop.points if approve else 0
    answer.save(update_fields=["verdict", "points"])
    return answer


# --- The SDG quiz ---------------------------------------------------------------------------


@transaction.atomic
def quiz_room_create(host, *, goal: int | None) -> QuizRoom:
    return QuizRoom.objects.create(host=host, goals=[goal] if goal else [])


@transaction.atomic
def quiz_result_save(room: QuizRoom, nickname: str, score: int, out_of: int) -> QuizResult:
    return QuizResult.objects.create(room=room, nickname=nickname.strip()[:30], score=score, out_of=out_of)


# --- SDG check-ins --------------------------------------------------------------------------


@transaction.atomic
def place_create(partnership: Partnership, municipality: Municipality, *, data: dict) -> CheckInPlace:
    if not partnership.memberships.filter(municipality=municipality).exists():
        raise ValidationError(
            {"municipality": _("%(name)s is not a member of this partnership.") % {"name": municipality}}
        )
    fields = ["title", "description", "latitude", "longitude", "radius_m", "goal"]
    return CheckInPlace.objects.create(
        partnership=partnership, municipality=municipality, **{k: data[k] for k in fields}
    )


def checkin_create(
    place: CheckInPlace,
    user,
    *,
    client_id: uuid.UUID,
    latitude: float | None,
    longitude: float | None,
    note: str = "",
    photo=None,
    at: dt.datetime | None = None,
) -> tuple[CheckIn | None, str]:
    """(the check-in, "") or (None, the reason it is refused). The same client id sent again returns
    the stored check-in; the position is checked against the place's circle and not stored."""
    stored = CheckIn.objects.filter(client_id=client_id).first()
    if stored is not None:
        return (stored, "") if stored.user_id == user.pk else (None, refusal_message("replayed"))
    if latitude is None or longitude is None:
        return None, refusal_message(referee.Refusal.NO_POSITION)
    circle = referee.Place(float(place.latitude), float(place.longitude), float(place.radius_m))
    if not referee.within_radius(circle, latitude, longitude):
        return None, _("You are not at this place yet: check in when you are there.")
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                client_id=client_id,
                place=place,
                user=user,
                note=note.strip(),
                photo=without_metadata(photo) if photo else "",
                checked_in_at=at or timezone.now(),
            )
    except IntegrityError:  # the same client id raced in from a second request
        return CheckIn.objects.get(client_id=client_id), ""
    return checkin, ""


@transaction.atomic
def checkin_remove(checkin: CheckIn) -> None:
    checkin.delete()
