"""Reads of the game pages with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from twinning.games import quiz, referee, scoring
from twinning.games.models import Answer, CheckInPlace, Game, QuizQuestion, Stop, Team


def stops_of(game: Game) -> list[Stop]:
    return list(game.stops.select_related("goal"))


@dataclass
class TeamState:
    team: Team
    stops: list[Stop]
    answers: dict[int, Answer]  # stop id -> answer
    points: int
    seconds_left: int | None

    @property
    def finished(self) -> bool:
        return self.team.finished_at is not None or self.seconds_left == 0


def team_state(team: Team) -> TeamState:
    """Stops (1 query) and answers (1 query) of a team's game."""
    stops = stops_of(team.game)
    answers = {a.stop_id: a for a in Answer.objects.filter(team=team)}
    return TeamState(
        team=team,
        stops=stops,
        answers=answers,
        points=sum(a.points for a in answers.values()),
        seconds_left=None
        if team.finished_at
        else referee.seconds_left(team.started_at, team.game.time_limit_minutes, timezone.now()),
    )


def standings(game: Game) -> list[tuple[int, scoring.Standing]]:
    """The leaderboard of a game in one query."""
    now = timezone.now()
    teams = Team.objects.filter(game=game).annotate(
        total=Sum("answers__points", default=0), answered=Count("answers"), last=Max("answers__answered_at")
    )
    rows = []
    for team in teams:
        end = team.finished_at or (team.last if team.last else now)
        rows.append(
            scoring.Standing(
                team.pk, team.name, team.total, team.answered, int((end - team.started_at).total_seconds())
            )
        )
    return scoring.leaderboard(rows)


def pending_answers(game: Game):
    return Answer.objects.filter(team__game=game, verdict=scoring.Verdict.PENDING).select_related("team", "stop")


def _count_per_game(model) -> Coalesce:
    """The number of ``model`` rows of the outer game, as a correlated subquery (0 where none)."""
    counts = model.objects.filter(game=OuterRef("pk")).order_by().values("game").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def game_list(queryset):
    """Games with their municipality, ``stop_count`` and ``team_count`` (1 query; the counts are subqueries,
    so the stops and the teams of a game are never joined to each other)."""
    return queryset.select_related("municipality").annotate(
        stop_count=_count_per_game(Stop), team_count=_count_per_game(Team)
    )


def quiz_round(seed: str, goal: int | None) -> list[QuizQuestion]:
    """The questions of one quiz round (2 queries: the keys, then the chosen questions)."""
    keys = QuizQuestion.objects.all()
    if goal:
        keys = keys.filter(goal__number=goal)
    chosen = quiz.pick(list(keys.values_list("key", flat=True)), seed)
    by_key = {q.key: q for q in QuizQuestion.objects.filter(key__in=chosen).select_related("goal")}
    return [by_key[key] for key in chosen]


def places_of(partnership) -> list[CheckInPlace]:
    """The partnership's SDG places with their number of check-ins (1 query)."""
    return list(
        CheckInPlace.objects.filter(partnership=partnership)
        .select_related("goal", "municipality")
        .annotate(checkin_count=Count("checkins"))
    )


def checkins_of(place: CheckInPlace, limit: int = 30):
    return list(place.checkins.select_related("user")[:limit])
