"""Photo assignments: sent from the plain form or from the phone's offline queue, each photo is
stored once (its client id), checked as an image, stripped of its EXIF position and refereed like
every other answer."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from tests.community.images import SVG_WITH_SCRIPT, gps_of, jpeg_with_gps
from tests.games.factories import GameFactory, StopFactory, TeamFactory
from twinning.games.models import Answer

QUEUED = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def photo_stop(world):
    game = GameFactory(partnership=world["partnership"], municipality=world["a"])
    return StopFactory(game=game, kind="photo", choices=[], correct_choice=None)


def post_photo(client, team, stop, client_id, *, photo=None, headers=None, **fields):
    prefix = f"stop{stop.pk}"
    data = {f"{prefix}-client_id": str(client_id), f"{prefix}-photo": photo or jpeg_with_gps()}
    data.update({f"{prefix}-{name}": value for name, value in fields.items()})
    return client.post(f"/en/play/{team.token}/stops/{stop.pk}/", data, **(headers or {}))


@pytest.mark.django_db
def test_a_queued_photo_sent_twice_is_stored_once_without_its_gps_position(client, photo_stop):
    team = TeamFactory(game=photo_stop.game)
    client_id = uuid.uuid4()
    taken = (timezone.now() - dt.timedelta(minutes=3)).isoformat()
    first = post_photo(
        client, team, photo_stop, client_id, headers=QUEUED, latitude=50.0001, longitude=3.0, answered_at=taken
    )
    again = post_photo(
        client, team, photo_stop, client_id, headers=QUEUED, latitude=50.0001, longitude=3.0, answered_at=taken
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["verdict"] == "pending" and again.json()["duplicate"] is True
    answer = Answer.objects.get()
    assert answer.client_id == client_id
    assert answer.answered_at.isoformat() == dt.datetime.fromisoformat(taken).isoformat()
    with answer.photo.open("rb") as stored:
        assert gps_of(stored.read()) == {}


@pytest.mark.django_db
def test_a_photo_from_the_plain_form_is_stored_without_its_gps_position(client, photo_stop):
    team = TeamFactory(game=photo_stop.game)
    response = post_photo(client, team, photo_stop, uuid.uuid4(), latitude=50.0001, longitude=3.0)
    assert response.status_code == 302
    with Answer.objects.get().photo.open("rb") as stored:
        assert gps_of(stored.read()) == {}


@pytest.mark.django_db
def test_a_queued_photo_taken_far_from_the_stop_is_refused_with_a_reason(client, photo_stop):
    team = TeamFactory(game=photo_stop.game)
    response = post_photo(client, team, photo_stop, uuid.uuid4(), headers=QUEUED, latitude=50.05, longitude=3.0)
    assert response.status_code == 409
    assert response.json()["reason"] == "too_far"
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_a_queued_file_that_is_no_image_is_refused_with_a_message_and_stores_nothing(client, photo_stop):
    from django.core.files.uploadedfile import SimpleUploadedFile

    team = TeamFactory(game=photo_stop.game)
    svg = SimpleUploadedFile("photo.jpg", SVG_WITH_SCRIPT, content_type="image/jpeg")
    response = post_photo(
        client, team, photo_stop, uuid.uuid4(), photo=svg, headers=QUEUED, latitude=50.0001, longitude=3.0
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not Answer.objects.exists()
