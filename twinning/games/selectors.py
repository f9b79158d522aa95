"""Reads of the game pages with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from twinning.games import referee, scoring
from twinning.games.models import Answer, Game, Stop, Team


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


def game_list(queryset):
    return queryset.select_related("municipality").annotate(
        stop_count=Count("stops", distinct=True), team_count=Count("teams", distinct=True)
    )


def answer_counts(game: Game) -> dict:
    return Answer.objects.filter(team__game=game).aggregate(
        answers=Count("pk"), pending=Count("pk", filter=Q(verdict=scoring.Verdict.PENDING))
    )
