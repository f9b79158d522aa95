"""Answers through the action and the API: the server re-checks every claim, refuses cheating
with a clear reason, and stores a replayed queue once."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.games.factories import GameFactory, StopFactory, TeamFactory
from twinning.games import actions
from twinning.games.models import Answer


@pytest.fixture
def game(world):
    return GameFactory(partnership=world["partnership"], municipality=world["a"])


@pytest.fixture
def stops(game):
    near = StopFactory(game=game, order=1)
    far = StopFactory(
        game=game,
        order=2,
        latitude=Decimal("50.027000"),
        kind="number",
        number_answer=Decimal(2015),
        choices=[],
        correct_choice=None,
    )
    return near, far


def api_answer(client, team, **payload):
    return client.post(f"/api/v1/games/play/{team.token}/answers", payload, content_type="application/json")


@pytest.mark.django_db
def test_a_right_answer_at_the_stop_scores_its_points_and_shows_the_partner_fact(client, game, stops):
    team = TeamFactory(game=game)
    response = api_answer(
        client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, latitude=50.0002, longitude=3.0, choice=0
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["verdict"], body["points"]) == ("correct", 10)
    assert "water board" in body["fact"]
    state = client.get(f"/api/v1/games/play/{team.token}").json()
    assert state["points"] == 10 and len(state["answers"]) == 1


@pytest.mark.django_db
def test_a_queue_sent_twice_stores_each_answer_once(client, game, stops):
    team = TeamFactory(game=game, started_at=timezone.now() - dt.timedelta(minutes=50))
    at = timezone.now() - dt.timedelta(minutes=45)
    queue = [
        {
            "client_id": str(uuid.uuid4()),
            "stop": stops[0].pk,
            "latitude": 50.0,
            "longitude": 3.0,
            "choice": 0,
            "answered_at": at.isoformat(),
        },
        {
            "client_id": str(uuid.uuid4()),
            "stop": stops[1].pk,
            "latitude": 50.027,
            "longitude": 3.0,
            "number": "2015",
            "answered_at": (at + dt.timedelta(minutes=30)).isoformat(),
        },
    ]
    first = [api_answer(client, team, **item).status_code for item in queue]
    second = [api_answer(client, team, **item) for item in queue]
    assert first == [201, 201]
    assert [r.status_code for r in second] == [200, 200]
    assert all(r.json()["duplicate"] for r in second)
    assert Answer.objects.filter(team=team).count() == 2
    assert client.get(f"/api/v1/games/play/{team.token}").json()["points"] == 20


@pytest.mark.django_db
def test_an_answer_from_5_km_away_is_refused_with_a_reason(client, game, stops):
    team = TeamFactory(game=game)
    response = api_answer(
        client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, latitude=50.045, longitude=3.0, choice=0
    )
    assert response.status_code == 409
    assert response.json()["reason"] == "too_far"
    assert "not at this stop" in response.json()["detail"]
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_two_stops_3_km_apart_answered_10_seconds_apart_are_refused(client, game, stops):
    team = TeamFactory(game=game)
    at = timezone.now() - dt.timedelta(minutes=1)
    api_answer(
        client,
        team,
        client_id=str(uuid.uuid4()),
        stop=stops[0].pk,
        latitude=50.0,
        longitude=3.0,
        choice=0,
        answered_at=at.isoformat(),
    )
    response = api_answer(
        client,
        team,
        client_id=str(uuid.uuid4()),
        stop=stops[1].pk,
        latitude=50.027,
        longitude=3.0,
        number="2015",
        answered_at=(at + dt.timedelta(seconds=10)).isoformat(),
    )
    assert (response.status_code, response.json()["reason"]) == (409, "too_fast")


@pytest.mark.django_db
def test_an_answer_after_the_time_limit_is_refused(client, game, stops):
    team = TeamFactory(game=game, started_at=timezone.now() - dt.timedelta(minutes=61))
    response = api_answer(
        client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, latitude=50.0, longitude=3.0, choice=0
    )
    assert (response.status_code, response.json()["reason"]) == (409, "time_up")


@pytest.mark.django_db
def test_a_client_id_replayed_by_another_team_and_a_second_answer_at_a_stop_are_refused(client, game, stops):
    team, other = TeamFactory(game=game), TeamFactory(game=game)
    client_id = str(uuid.uuid4())
    api_answer(client, team, client_id=client_id, stop=stops[0].pk, latitude=50.0, longitude=3.0, choice=1)
    replayed = api_answer(client, other, client_id=client_id, stop=stops[0].pk, latitude=50.0, longitude=3.0, choice=0)
    assert (replayed.status_code, replayed.json()["reason"]) == (409, "replayed")
    again = api_answer(
        client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, latitude=50.0, longitude=3.0, choice=0
    )
    assert (again.status_code, again.json()["reason"]) == (409, "already_answered")
    assert Answer.objects.get().points == 0  # the first, wrong answer stands


@pytest.mark.django_db
def test_a_qr_code_unlocks_a_stop_without_position_and_a_wrong_code_is_refused(client, game, stops):
    team = TeamFactory(game=game)
    wrong = api_answer(client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, qr="nope", choice=0)
    assert wrong.json()["reason"] == "bad_qr"
    right = api_answer(client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, qr=stops[0].qr_token, choice=0)
    assert right.status_code == 201
    assert Answer.objects.get().via == "qr"


@pytest.mark.django_db
def test_an_incomplete_answer_gets_a_clear_message_and_stores_nothing(client, game, stops):
    team = TeamFactory(game=game)
    response = api_answer(client, team, client_id=str(uuid.uuid4()), stop=stops[0].pk, latitude=50.0, longitude=3.0)
    assert response.status_code == 400 and response.json()["detail"] == "Pick one of the answers."
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_the_team_finishes_when_every_stop_is_answered(game, stops):
    team = TeamFactory(game=game, started_at=timezone.now() - dt.timedelta(minutes=50))
    now = timezone.now()
    actions.answer_submit(
        team,
        stops[0],
        client_id=uuid.uuid4(),
        at=now - dt.timedelta(minutes=40),
        latitude=50.0,
        longitude=3.0,
        choice=0,
    )
    actions.answer_submit(
        team, stops[1], client_id=uuid.uuid4(), at=now, latitude=50.027, longitude=3.0, number=Decimal(2014)
    )
    team.refresh_from_db()
    assert team.finished_at is not None
    assert sum(a.points for a in team.answers.all()) == 10


@pytest.mark.django_db
def test_the_game_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/games/partnerships/{slug}/games" in paths
    assert "/api/v1/games/partnerships/{slug}/games/{game_id}" in paths
    assert "/api/v1/games/partnerships/{slug}/games/{game_id}/teams" in paths
    assert "/api/v1/games/play/{token}/answers" in paths
