"""The visits API writes: coordinators plan visits, add delegates and programme items, move items
and keep the agreement memo; staff read only; bad input gets a 422 with the message."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.visits.factories import ProgrammeItemFactory, VisitFactory
from twinning.sdg.links import selection_for
from twinning.visits.models import Agreement, Delegate, ProgrammeItem, Visit

API = "/api/v1/visits/partnerships/a-b/visits"


@pytest.fixture
def visit(world):
    return VisitFactory(partnership=world["partnership"], host=world["b"])


def post(client, url, payload, method="post"):
    return getattr(client, method)(url, payload, content_type="application/json")


def agreement_payload(**changes):
    data = {
        "what": "Share the tender file",
        "owner_municipality": "town-b",
        "owner_name": "Ndapewa",
        "deadline": "2025-06-30",
        "sdgs": [6],
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_a_coordinator_plans_a_visit_through_the_api(client, world):
    client.force_login(world["coordinator_a"])
    response = post(
        client,
        API,
        {
            "start_date": "2026-03-02",
            "end_date": "2026-03-06",
            "host": "town-b",
            "purpose": "Water",
            "time_zone": "Africa/Windhoek",
            "sdgs": [6, 11],
        },
    )
    assert response.status_code == 201, response.content
    visit = Visit.objects.get(pk=response.json()["id"])
    assert visit.host == world["b"] and selection_for(visit).goals == {6, 11}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": "2026-03-01"}, "end_date: The last day cannot be before the first day of the visit."),
        ({"host": "town-c"}, "host: town-c is not a member of this partnership."),
        ({"sdgs": [18]}, "sdgs: SDGs are numbered 1 to 17."),
    ],
)
def test_a_bad_visit_gets_a_422_with_the_message_and_nothing_is_saved(client, world, changes, message):
    client.force_login(world["coordinator_a"])
    payload = {"start_date": "2026-03-02", "end_date": "2026-03-06", "host": "town-b", "purpose": "Water", **changes}
    response = post(client, API, payload)
    assert response.status_code == 422
    assert response.json()["detail"] == message
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_staff_get_403_and_citizens_404_on_writes(client, world, visit):
    payload = {"start_date": "2026-03-02", "end_date": "2026-03-06", "host": "town-b", "purpose": "Water"}
    client.force_login(world["staff_a"])
    response = post(client, API, payload)
    assert response.status_code == 403 and "coordinators" in response.json()["detail"]
    assert post(client, f"{API}/{visit.pk}/agreements", agreement_payload()).status_code == 403
    client.force_login(world["citizen"])
    assert post(client, API, payload).status_code == 404
    assert not Agreement.objects.exists() and Visit.objects.count() == 1


@pytest.mark.django_db
def test_the_partner_adds_a_delegate_with_a_chosen_airport_and_an_unknown_code_is_refused(client, world, visit):
    client.force_login(world["coordinator_b"])
    payload = {"name": "Ndapewa", "travelling_from": "town-a", "gender": "woman", "departure_airport": "ams"}
    response = post(client, f"{API}/{visit.pk}/delegates", payload)
    assert response.status_code == 201, response.content
    assert response.json()["departure_airport"] == "AMS"
    response = post(client, f"{API}/{visit.pk}/delegates", {**payload, "departure_airport": "QQQ"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("departure_airport: Unknown airport code “QQQ”")
    response = post(client, f"{API}/{visit.pk}/delegates", {**payload, "gender": "robot"})
    assert response.status_code == 422 and "gender: Unknown value robot" in response.json()["detail"]
    assert Delegate.objects.count() == 1


@pytest.mark.django_db
def test_moving_an_item_through_the_api_updates_the_calendar_feed(client, world, visit):
    item = ProgrammeItemFactory(visit=visit, what="Recycling park")
    client.force_login(world["coordinator_a"])
    payload = {
        "day": "2025-05-13",
        "start_time": "14:00",
        "end_time": "15:30",
        "place": "Recycling park",
        "what": "Recycling park",
        "sdgs": [12],
    }
    response = post(client, f"{API}/{visit.pk}/items/{item.pk}", payload, method="put")
    assert response.status_code == 200, response.content
    feed = client.get(f"/en/visits/calendar/{visit.pk}/{visit.feed_token}.ics").content
    event = Calendar.from_ical(feed).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == dt.datetime(2025, 5, 13, 14, 0, tzinfo=ZoneInfo("Africa/Windhoek"))
    outside = post(client, f"{API}/{visit.pk}/items/{item.pk}", {**payload, "day": "2025-06-01"}, method="put")
    assert outside.status_code == 422 and outside.json()["detail"].startswith("day: The day must fall within")
    added = post(client, f"{API}/{visit.pk}/items", {**payload, "what": "Lunch"})
    assert added.status_code == 201 and ProgrammeItem.objects.count() == 2


@pytest.mark.django_db
def test_agreements_are_added_and_a_stale_version_gets_409_with_the_partners_version(client, world, visit):
    client.force_login(world["coordinator_b"])
    created = post(client, f"{API}/{visit.pk}/agreements", agreement_payload())
    assert created.status_code == 201, created.content
    agreement = created.json()
    assert agreement["version"] == 1 and agreement["sdgs"] == [6]
    url = f"{API}/{visit.pk}/agreements/{agreement['id']}"
    first = post(client, url, agreement_payload(status="done", version=1), method="put")
    assert first.status_code == 200 and first.json()["version"] == 2
    client.force_login(world["coordinator_a"])
    stale = post(client, url, agreement_payload(what="Mine", version=1), method="put")
    assert stale.status_code == 409
    assert stale.json()["current"]["status"] == "done" and stale.json()["current"]["version"] == 2
    assert Agreement.objects.get().what == "Share the tender file"
    listed = client.get(f"{API}/{visit.pk}/agreements").json()
    assert [a["status"] for a in listed] == ["done"]


@pytest.mark.django_db
def test_an_agreement_with_a_deadline_before_the_visit_gets_a_422(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = post(client, f"{API}/{visit.pk}/agreements", agreement_payload(deadline="2025-05-01"))
    assert response.status_code == 422
    assert response.json()["detail"] == "deadline: The deadline cannot be before the visit started (2025-05-12)."
    assert not Agreement.objects.exists()


@pytest.mark.django_db
def test_the_write_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths["/api/v1/visits/partnerships/{slug}/visits"]
    assert "post" in paths["/api/v1/visits/partnerships/{slug}/visits/{pk}/delegates"]
    assert "post" in paths["/api/v1/visits/partnerships/{slug}/visits/{pk}/items"]
    assert "put" in paths["/api/v1/visits/partnerships/{slug}/visits/{pk}/items/{item_id}"]
    assert {"get", "post"} <= set(paths["/api/v1/visits/partnerships/{slug}/visits/{pk}/agreements"])
    assert "put" in paths["/api/v1/visits/partnerships/{slug}/visits/{pk}/agreements/{agreement_id}"]
