"""Demo data (idempotent, marked) and query counts that do not grow with the data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.games.factories import GameFactory, StopFactory, TeamFactory
from twinning.foundation import demo as foundation_demo
from twinning.games import demo, selectors
from twinning.games.models import Answer, CheckInPlace, Game, Stop


@pytest.mark.django_db
def test_the_demo_has_a_roeselare_game_about_dogbo_and_a_bierbeek_water_hike_about_ona_once():
    foundation_demo.seed()
    demo.seed()
    demo.seed()
    games = {g.partnership.slug: g for g in Game.objects.select_related("partnership")}
    assert set(games) == {"roeselare-dogbo", "bierbeek-ona"}
    assert all(g.is_demo and g.is_published for g in games.values())
    assert "Dogbo" in games["roeselare-dogbo"].stops.get(order=1).partner_fact["en"]
    assert games["bierbeek-ona"].mode == "hike"
    assert "Oña" in games["bierbeek-ona"].stops.get(order=1).partner_fact["es"]
    assert Stop.objects.count() == 5 and CheckInPlace.objects.count() == 2


def _fill(game, stops: int, teams: int) -> str:
    made = [StopFactory(game=game, order=i + 1) for i in range(stops)]
    team = None
    for index in range(teams):
        team = TeamFactory(game=game)
        for stop in made:
            Answer.objects.create(
                team=team,
                stop=stop,
                verdict="correct",
                points=10,
                answered_at=timezone.now() - dt.timedelta(minutes=index),
            )
    return team.token


@pytest.mark.django_db
@pytest.mark.parametrize(("stops", "teams"), [(2, 1), (12, 8)])
def test_team_master_and_list_pages_take_a_fixed_number_of_queries(
    client, world, stops, teams, django_assert_max_num_queries
):
    game = GameFactory(partnership=world["partnership"], municipality=world["a"])
    token = _fill(game, stops, teams)
    # team, stops, answers (+ session-less cache and middleware reads)
    with django_assert_max_num_queries(5):
        assert client.get(f"/en/play/{token}/").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/v1/games/play/{token}").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/en/play/{token}/results/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/api/v1/games/partnerships/a-b/games/{game.pk}").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/games/partnerships/a-b/games").status_code == 200
    client.force_login(world["staff_a"])
    # session, user, roles, partnership, members, game, standings, pending answers
    with django_assert_max_num_queries(10):
        assert client.get(f"/en/partnerships/a-b/games/{game.pk}/master/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/en/partnerships/a-b/games/").status_code == 200


@pytest.mark.django_db
def test_the_game_list_counts_the_stops_and_the_teams_of_each_game_apart(client, world):
    game = GameFactory(partnership=world["partnership"], municipality=world["a"])
    for order in (1, 2, 3):
        StopFactory(game=game, order=order)
    TeamFactory(game=game)
    TeamFactory(game=game)
    empty = GameFactory(partnership=world["partnership"], municipality=world["a"])
    counts = {g.pk: (g.stop_count, g.team_count) for g in selectors.game_list(Game.objects.all())}
    assert counts == {game.pk: (3, 2), empty.pk: (0, 0)}
    assert "3 stops" in client.get("/en/partnerships/a-b/games/").content.decode()
    listed = {g["id"]: g["stops"] for g in client.get("/api/v1/games/partnerships/a-b/games").json()}
    assert listed == {game.pk: 3, empty.pk: 0}
