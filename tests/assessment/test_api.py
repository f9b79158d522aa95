"""The assessment API: published rounds for everyone, ratings written by a municipality's own people."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from twinning.assessment import actions
from twinning.assessment.models import Rating


@pytest.fixture
def rounds(world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    first = exercise.rounds.get()
    first.assessment = exercise
    for town, level in (("a", "strong"), ("b", "indirect")):
        actions.ratings_save(
            first,
            municipality=world[town],
            user=None,
            entries={4: actions.RatingInput(level), 5: actions.RatingInput("none")},
        )
    second = actions.round_start(exercise)
    return first, second


def post_rating(client, round_id: int, **body):
    return client.post(
        f"/api/v1/assessment/rounds/{round_id}/ratings", json.dumps(body), content_type="application/json"
    )


@pytest.mark.django_db
def test_published_rounds_are_listed_with_their_combined_values_and_gaps(client, rounds):
    first, second = rounds
    assert client.get("/api/v1/assessment/rounds").json() == []
    actions.round_publish(first, publish=True)
    data = client.get("/api/v1/assessment/rounds").json()
    assert [item["id"] for item in data] == [first.pk]
    item = data[0]
    assert (item["partnership"], item["number"], item["scope"], item["gaps"]) == ("a-b", 1, "programme", [5])
    goal_4 = item["goals"][3]
    assert goal_4 == {"goal": 4, "value": 0.6667, "negatives": 0, "disagree": True, "gap": False}
    assert client.get(f"/api/v1/assessment/rounds/{first.pk}").json()["id"] == first.pk
    assert client.get(f"/api/v1/assessment/rounds/{second.pk}").status_code == 404


@pytest.mark.django_db
def test_staff_post_a_rating_for_their_own_municipality(client, world, rounds):
    _first, second = rounds
    client.force_login(world["staff_a"])
    response = post_rating(
        client, second.pk, municipality="town-a", goal=6, level="direct", reason="Water", targets=["6.3"]
    )
    assert response.status_code == 200
    assert response.json() == {
        "round": second.pk,
        "municipality": "town-a",
        "goal": 6,
        "level": "direct",
        "reason": "Water",
        "targets": ["6.3"],
    }
    assert Rating.objects.get(round=second).level == "direct"


@pytest.mark.django_db
def test_the_api_refuses_ratings_for_the_partner_unknown_levels_and_visitors(client, world, rounds):
    _first, second = rounds
    assert post_rating(client, second.pk, municipality="town-a", goal=6, level="direct").status_code == 401
    client.force_login(world["coordinator_b"])
    response = post_rating(client, second.pk, municipality="town-a", goal=6, level="direct")
    assert response.status_code == 403
    assert response.json() == {"detail": "You may rate for your own municipality only."}
    response = post_rating(client, second.pk, municipality="town-b", goal=6, level="huge")
    assert response.status_code == 422
    assert "Unknown level huge" in response.json()["detail"]
    response = post_rating(client, second.pk, municipality="town-b", goal=18, level="none")
    assert response.json() == {"detail": "There are 17 SDGs: choose a goal from 1 to 17."}
    assert post_rating(client, second.pk, municipality="town-c", goal=6, level="none").status_code == 422
    assert not Rating.objects.filter(round=second).exists()


@pytest.mark.django_db
def test_a_session_post_without_the_csrf_token_is_refused(world, rounds):
    _first, second = rounds
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["staff_a"])
    assert post_rating(client, second.pk, municipality="town-a", goal=6, level="direct").status_code == 403
    assert not Rating.objects.filter(round=second).exists()


@pytest.mark.django_db
def test_rounds_of_a_members_only_partnership_stay_hidden_from_the_api(client, world):
    exercise = actions.assessment_start(partnership=world["private"], scope="programme")
    round_ = exercise.rounds.get()
    actions.round_publish(round_, publish=True)
    assert client.get("/api/v1/assessment/rounds").json() == []
    client.force_login(world["coordinator_a"])
    assert post_rating(client, round_.pk, municipality="town-c", goal=6, level="none").status_code == 404


@pytest.mark.django_db
def test_the_assessment_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/assessment/rounds" in paths
    assert "post" in paths["/api/v1/assessment/rounds/{round_id}/ratings"]
