"""The programme API writes: coordinators draw up programmes, goals, actions, activities and
campaign plans; staff get 403; bad input gets a 422 with the message and writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from twinning.assessment.models import FocusGoal
from twinning.programme.models import Action, Activity, CampaignAction, CampaignPlan, Programme, StrategicGoal
from twinning.sdg.links import selection_for

API = "/api/v1/programme/partnerships/a-b/programmes"


def send(client, url, payload, method="post"):
    return getattr(client, method)(url, payload, content_type="application/json")


@pytest.fixture
def action(world):
    programme = Programme.objects.create(partnership=world["partnership"], title="P", start_year=2025, end_year=2029)
    goal = StrategicGoal.objects.create(programme=programme, title="Water")
    return Action.objects.create(goal=goal, title="Network")


def activity_payload(**changes):
    data = {
        "title": "Extend the network",
        "responsible": "town-b",
        "budget": "450000.10",
        "currency": "NAD",
        "status": "ongoing",
        "year": 2026,
        "sdgs": [6, 5],
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_a_coordinator_builds_a_programme_tree_through_the_api(client, world):
    client.force_login(world["coordinator_b"])
    created = send(client, API, {"title": "Water 2025–2029", "start_year": 2025, "end_year": 2029})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    goal = send(client, f"{API}/{pk}/goals", {"title": "Safe water"}).json()
    action = send(client, f"{API}/{pk}/goals/{goal['id']}/actions", {"title": "Network"}).json()
    response = send(client, f"{API}/{pk}/actions/{action['id']}/activities", activity_payload())
    assert response.status_code == 201, response.content
    activity = Activity.objects.get()
    assert activity.budget == Decimal("450000.10") and activity.responsible == world["b"]
    assert selection_for(activity).goals == {5, 6}
    changed = send(
        client, f"{API}/{pk}/activities/{activity.pk}", activity_payload(budget="12.34", currency="EUR"), "put"
    )
    assert changed.status_code == 200 and changed.json()["budget"] == "12.34"
    read = client.get(f"{API}/{pk}").json()
    assert read["goals"][0]["actions"][0]["activities"][0]["currency"] == "EUR"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"budget": "-1"}, "budget: A budget cannot be negative."),
        ({"year": 2031}, "year: The year must lie within the programme period 2025–2029."),
        ({"responsible": "town-c"}, "responsible: The responsible municipality must be a member of the partnership."),
        ({"sdgs": [0]}, "sdgs: SDGs are numbered 1 to 17."),
    ],
)
def test_a_bad_activity_gets_a_422_with_the_message(client, world, action, changes, message):
    client.force_login(world["coordinator_a"])
    url = f"{API}/{action.goal.programme_id}/actions/{action.pk}/activities"
    response = send(client, url, activity_payload(**changes))
    assert response.status_code == 422
    assert response.json()["detail"] == message
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_a_programme_ending_before_it_starts_gets_a_422(client, world):
    client.force_login(world["coordinator_a"])
    response = send(client, API, {"title": "P", "start_year": 2029, "end_year": 2025})
    assert response.status_code == 422
    assert response.json()["detail"] == "end_year: The last year cannot be before the first year."
    assert not Programme.objects.exists()


@pytest.mark.django_db
def test_staff_get_403_and_citizens_404(client, world, action):
    client.force_login(world["staff_a"])
    response = send(client, API, {"title": "P", "start_year": 2025, "end_year": 2026})
    assert response.status_code == 403 and "coordinators" in response.json()["detail"]
    url = f"{API}/{action.goal.programme_id}/actions/{action.pk}/activities"
    assert send(client, url, activity_payload()).status_code == 403
    client.force_login(world["citizen"])
    assert send(client, url, activity_payload()).status_code == 404
    assert Programme.objects.count() == 1 and not Activity.objects.exists()


@pytest.mark.django_db
def test_the_campaign_of_the_focus_sdg_is_planned_through_the_api(client, world, action):
    FocusGoal.objects.create(partnership=world["partnership"], year=2026, goal=5)
    client.force_login(world["coordinator_a"])
    pk = action.goal.programme_id
    refused = send(client, f"{API}/{pk}/campaigns", {"year": 2027, "aims": "A", "audiences": "B"})
    assert refused.status_code == 422
    assert refused.json()["detail"] == "year: No focus SDG is chosen for 2027 yet: choose it with the priorities first."
    created = send(client, f"{API}/{pk}/campaigns", {"year": 2026, "aims": "A", "audiences": "B", "budget": "900"})
    assert created.status_code == 201 and created.json()["goal"] == 5
    campaign = created.json()["id"]
    action_payload = {"channel": "radio", "what": "Radio", "date": "2026-05-01", "owner": "Comms", "cost": "100"}
    mixed = send(client, f"{API}/{pk}/campaigns/{campaign}/actions", {**action_payload, "currency": "NAD"})
    assert mixed.status_code == 422
    assert mixed.json()["detail"] == (
        "rate: This cost in NAD is added to the plan's budget in EUR: give the exchange rate (EUR for 1 NAD)."
    )
    added = send(
        client, f"{API}/{pk}/campaigns/{campaign}/actions", {**action_payload, "currency": "NAD", "rate": "0.05"}
    )
    assert added.status_code == 201 and added.json()["actions"][0]["rate"] == "0.050000"
    assert CampaignAction.objects.count() == 1 and CampaignPlan.objects.count() == 1
    read = client.get(f"{API}/{pk}").json()
    assert read["campaigns"][0]["year"] == 2026 and read["campaigns"][0]["actions"][0]["channel"] == "radio"


@pytest.mark.django_db
def test_the_programme_write_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    base = "/api/v1/programme/partnerships/{slug}/programmes"
    assert "post" in paths[base]
    assert "post" in paths[base + "/{pk}/goals"]
    assert "post" in paths[base + "/{pk}/goals/{goal_id}/actions"]
    assert "post" in paths[base + "/{pk}/actions/{action_id}/activities"]
    assert "put" in paths[base + "/{pk}/activities/{activity_id}"]
    assert "post" in paths[base + "/{pk}/campaigns"]
    assert "post" in paths[base + "/{pk}/campaigns/{campaign_id}/actions"]
