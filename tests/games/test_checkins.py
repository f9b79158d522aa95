"""SDG check-ins: places on a map; people with an account check in at the place (position
checked, not stored), once per client id; staff of the place's municipality remove check-ins."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from twinning.games.models import CheckIn, CheckInPlace


@pytest.fixture
def place(world):
    return CheckInPlace.objects.create(
        partnership=world["partnership"],
        municipality=world["a"],
        title={"en": "Planted trees <script>x</script>"},
        latitude=Decimal("50.000000"),
        longitude=Decimal("3.000000"),
        radius_m=100,
    )


def checkin_data(lat="50.0005", **extra) -> dict:
    return {"client_id": str(uuid.uuid4()), "note": "Nice trees", "latitude": lat, "longitude": "3.0", **extra}


@pytest.mark.django_db
def test_staff_add_a_place_and_it_shows_on_the_list(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        "/en/partnerships/a-b/checkins/new/",
        {
            "municipality": world["a"].pk,
            "title_0": "Water tower",
            "title_1": "",
            "title_2": "",
            "title_3": "",
            "description_0": "",
            "description_1": "",
            "description_2": "",
            "description_3": "",
            "latitude": "50.1",
            "longitude": "3.1",
            "radius_m": "100",
        },
    )
    assert response.status_code == 302
    assert "Water tower" in client.get("/en/partnerships/a-b/checkins/").content.decode()


@pytest.mark.django_db
def test_a_citizen_checks_in_at_the_place_once_even_when_the_form_is_sent_twice(client, world, place):
    client.force_login(world["citizen"])
    data = checkin_data()
    assert client.post(f"/en/partnerships/a-b/checkins/{place.pk}/", data).status_code == 302
    assert client.post(f"/en/partnerships/a-b/checkins/{place.pk}/", data).status_code == 302
    assert CheckIn.objects.count() == 1
    page = client.get(f"/en/partnerships/a-b/checkins/{place.pk}/").content.decode()
    assert "Nice trees" in page and "<script>x" not in page


@pytest.mark.django_db
def test_a_check_in_from_far_away_or_without_a_position_is_refused_with_a_message(client, world, place):
    client.force_login(world["citizen"])
    far = client.post(f"/en/partnerships/a-b/checkins/{place.pk}/", checkin_data(lat="50.1"))
    assert far.status_code == 400 and "You are not at this place yet" in far.content.decode()
    nowhere = client.post(f"/en/partnerships/a-b/checkins/{place.pk}/", checkin_data(lat=""))
    assert "Your position is unknown" in nowhere.content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_visitors_are_asked_to_log_in_and_staff_of_the_place_remove_a_check_in(client, world, place):
    response = client.post(f"/en/partnerships/a-b/checkins/{place.pk}/", checkin_data())
    assert "/accounts/login/" in response["Location"]
    checkin = CheckIn.objects.create(place=place, user=world["citizen"], checked_in_at=place_time())
    client.force_login(world["coordinator_b"])  # the partner's coordinator: not her municipality's place
    assert client.post(f"/en/partnerships/a-b/checkins/{place.pk}/{checkin.pk}/remove/").status_code == 403
    client.force_login(world["staff_a"])
    assert client.post(f"/en/partnerships/a-b/checkins/{place.pk}/{checkin.pk}/remove/").status_code == 302
    assert not CheckIn.objects.exists()


def place_time():
    from django.utils import timezone

    return timezone.now()


@pytest.mark.django_db
def test_the_place_list_takes_the_same_number_of_queries_for_1_or_20_places(
    client, world, place, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get("/en/partnerships/a-b/checkins/")
    for index in range(19):
        CheckInPlace.objects.create(
            partnership=world["partnership"],
            municipality=world["b"],
            title={"en": f"P{index}"},
            latitude=1,
            longitude=1,
        )
    with django_assert_max_num_queries(6):
        client.get("/en/partnerships/a-b/checkins/")


@pytest.mark.django_db
def test_a_check_in_from_the_phones_outbox_with_a_photo_is_stored_once_without_its_gps_position(
    client, world, place, settings, tmp_path
):
    from tests.community.images import gps_of, jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    client.force_login(world["citizen"])
    data = checkin_data()
    url = f"/en/partnerships/a-b/checkins/{place.pk}/"
    first = client.post(url, {**data, "photo": jpeg_with_gps()}, HTTP_ACCEPT="application/json")
    again = client.post(url, {**data, "photo": jpeg_with_gps()}, HTTP_ACCEPT="application/json")
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["detail"] == "You are checked in. Thank you!"
    with CheckIn.objects.get().photo.open("rb") as stored:
        assert gps_of(stored.read()) == {}


@pytest.mark.django_db
def test_the_outbox_keeps_a_check_in_when_the_session_has_ended_and_hears_why_one_is_refused(client, world, place):
    url = f"/en/partnerships/a-b/checkins/{place.pk}/"
    assert client.post(url, checkin_data(), HTTP_ACCEPT="application/json").status_code == 403
    client.force_login(world["citizen"])
    far = client.post(url, checkin_data(lat="50.1"), HTTP_ACCEPT="application/json")
    assert far.status_code == 409
    assert "not at this place" in far.json()["detail"]
    assert not CheckIn.objects.exists()
