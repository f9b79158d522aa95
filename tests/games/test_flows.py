"""The game pages without JavaScript: authoring, copying for the partner, starting a team,
answering with a form (position typed in or a scanned QR code), the game master, the results."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import NASTY
from tests.games.factories import GameFactory, StopFactory, TeamFactory
from twinning.games.models import Answer, Game, Stop, Team


@pytest.fixture
def game(world):
    return GameFactory(partnership=world["partnership"], municipality=world["a"])


def localized(prefix: str, en: str) -> dict:
    return {f"{prefix}_0": en, f"{prefix}_1": "", f"{prefix}_2": "", f"{prefix}_3": ""}


@pytest.mark.django_db
def test_staff_create_a_game_and_add_a_multiple_choice_stop(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        "/en/partnerships/a-b/games/new/",
        {
            "municipality": world["a"].pk,
            "mode": "city",
            **localized("title", "Water game"),
            **localized("intro", ""),
            "languages": ["en", "nl"],
            "time_limit_minutes": "60",
            "max_speed_kmh": "15",
            "is_published": "on",
        },
    )
    game = Game.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/games/{game.pk}/")
    response = client.post(
        f"/en/partnerships/a-b/games/{game.pk}/stops/new/",
        {
            "order": "1",
            **localized("title", "Town hall"),
            "latitude": "50.946700",
            "longitude": "3.122600",
            "radius_m": "40",
            "kind": "choice",
            **localized("question", "Which SDG is about water?"),
            **localized("choices", "SDG 6\nSDG 7"),
            "correct_choice": "1",
            "points": "10",
            **localized("partner_fact", "Dogbo fact"),
        },
    )
    assert response.status_code == 302
    stop = Stop.objects.get()
    assert stop.choices == [{"en": "SDG 6"}, {"en": "SDG 7"}] and stop.correct_choice == 0
    assert stop.latitude == Decimal("50.946700")


@pytest.mark.django_db
def test_a_choice_stop_without_choices_gets_a_clear_message_and_nothing_is_saved(client, world, game):
    client.force_login(world["staff_a"])
    response = client.post(
        f"/en/partnerships/a-b/games/{game.pk}/stops/new/",
        {
            "order": "1",
            **localized("title", "Town hall"),
            "latitude": "50.9",
            "longitude": "3.1",
            "radius_m": "40",
            "kind": "choice",
            **localized("question", "Which?"),
            **localized("choices", ""),
            "points": "10",
            **localized("partner_fact", ""),
        },
    )
    assert response.status_code == 200
    assert "A multiple-choice question needs at least two choices." in response.content.decode()
    assert not Stop.objects.exists()


@pytest.mark.django_db
def test_a_second_editor_gets_the_conflict_screen(client, world, game):
    client.force_login(world["coordinator_a"])
    data = {
        "municipality": world["a"].pk,
        "mode": "city",
        **localized("title", "Renamed"),
        **localized("intro", ""),
        "languages": ["en"],
        "max_speed_kmh": "15",
        "version": "1",
    }
    assert client.post(f"/en/partnerships/a-b/games/{game.pk}/edit/", data).status_code == 302
    response = client.post(f"/en/partnerships/a-b/games/{game.pk}/edit/", {**data, **localized("title", "Mine")})
    assert response.status_code == 409
    assert "Saved meanwhile by someone else" in response.content.decode()
    game.refresh_from_db()
    assert game.title == {"en": "Renamed"}


@pytest.mark.django_db
def test_the_partner_copies_a_game_as_a_draft_of_its_own(client, world, game):
    StopFactory(game=game)
    client.force_login(world["coordinator_b"])
    response = client.post(f"/en/partnerships/a-b/games/{game.pk}/copy/", {"municipality": world["b"].pk})
    copy = Game.objects.exclude(pk=game.pk).get()
    assert response.status_code == 302
    assert (copy.municipality, copy.copied_from, copy.is_published, copy.stops.count()) == (world["b"], game, False, 1)
    assert (
        client.post(f"/en/partnerships/a-b/games/{game.pk}/copy/", {"municipality": world["a"].pk}).status_code == 302
    )
    assert Game.objects.count() == 2  # not for a municipality she does not write games for


@pytest.mark.django_db
def test_a_copy_for_a_garbled_municipality_gets_a_message_not_an_error(client, world, game):
    client.force_login(world["coordinator_b"])
    response = client.post(f"/en/partnerships/a-b/games/{game.pk}/copy/", {"municipality": "b'; drop"}, follow=True)
    assert response.status_code == 200
    assert "Choose a municipality you write games for." in response.content.decode()
    assert Game.objects.count() == 1


@pytest.mark.django_db
def test_a_visitor_starts_a_team_with_a_name_only_and_answers_with_a_typed_position(client, game):
    stop = StopFactory(game=game)
    response = client.post(f"/en/partnerships/a-b/games/{game.pk}/", {"name": "The Otters"})
    team = Team.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/play/{team.token}/"
    page = client.get(response["Location"]).content.decode()
    assert "Which SDG is about water?" in page and NASTY not in page
    client_id = re.search(rf'name="stop{stop.pk}-client_id" value="([0-9a-f-]+)"', page).group(1)
    data = {
        f"stop{stop.pk}-client_id": client_id,
        f"stop{stop.pk}-choice": "0",
        f"stop{stop.pk}-latitude": "50.0001",
        f"stop{stop.pk}-longitude": "3.0",
    }
    response = client.post(f"/en/play/{team.token}/stops/{stop.pk}/", data)
    assert response.status_code == 302
    assert client.post(f"/en/play/{team.token}/stops/{stop.pk}/", data).status_code == 302  # sent twice: stored once
    assert Answer.objects.get().points == 10
    assert "The partner city has a water board" in client.get(f"/en/play/{team.token}/").content.decode()


@pytest.mark.django_db
def test_an_answer_from_far_away_shows_the_reason_on_the_page(client, game):
    stop = StopFactory(game=game)
    team = TeamFactory(game=game)
    response = client.post(
        f"/en/play/{team.token}/stops/{stop.pk}/",
        {
            f"stop{stop.pk}-client_id": "8c1b1f0e-8f0e-4b0e-9f0e-000000000001",
            f"stop{stop.pk}-choice": "0",
            f"stop{stop.pk}-latitude": "50.045",
            f"stop{stop.pk}-longitude": "3.0",
        },
    )
    assert response.status_code == 400
    assert "You are not at this stop yet" in response.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_a_scanned_qr_code_opens_the_stop_for_the_team_of_this_phone(client, game):
    stop = StopFactory(game=game)
    client.post(f"/en/partnerships/a-b/games/{game.pk}/", {"name": "QR team"})
    team = Team.objects.get()
    response = client.get(f"/en/play/qr/{stop.qr_token}/")
    assert response["Location"] == f"/en/play/{team.token}/?qr={stop.qr_token}#stop-{stop.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'value="{stop.qr_token}"' in page


@pytest.mark.django_db
def test_the_game_master_approves_an_open_answer_and_sees_the_leaderboard(client, world, game):
    stop = StopFactory(game=game, kind="open", choices=[], correct_choice=None, points=15)
    team = TeamFactory(game=game, name="Beavers")
    answer = Answer.objects.create(team=team, stop=stop, verdict="pending", text="By bike", answered_at=timezone.now())
    client.force_login(world["staff_a"])
    assert "By bike" in client.get(f"/en/partnerships/a-b/games/{game.pk}/master/").content.decode()
    client.post(f"/en/partnerships/a-b/games/{game.pk}/answers/{answer.pk}/check/", {"approve": "1"})
    answer.refresh_from_db()
    assert (answer.verdict, answer.points) == ("correct", 15)
    live = client.get(f"/en/partnerships/a-b/games/{game.pk}/master/", headers={"HX-Request": "true"}).content.decode()
    assert "Beavers" in live and "<h1>" not in live


@pytest.mark.django_db
def test_the_results_rank_the_teams(client, game):
    stop = StopFactory(game=game)
    winner, other = TeamFactory(game=game, name="Winners"), TeamFactory(game=game, name="Others")
    Answer.objects.create(team=winner, stop=stop, verdict="correct", points=10, answered_at=timezone.now())
    body = client.get(f"/en/play/{other.token}/results/").content.decode()
    table = body[body.index("<table") :]
    assert "Team Others has 0 points." in body
    assert table.index("Winners") < table.index("Others")


@pytest.mark.django_db
def test_the_service_worker_may_control_the_team_pages_and_the_sdg_place_pages(client):
    response = client.get("/en/play/sw.js")
    assert response["Service-Worker-Allowed"] == "/en/"
    assert response["Content-Type"].startswith("text/javascript")
    assert "/static/games/play.js" in response.content.decode()
    assert "/static/games/outbox.js" in response.content.decode()
    assert client.get("/en/play/manifest.webmanifest").json()["short_name"] == "SDG games"


@pytest.mark.django_db
def test_finishing_the_game_closes_it_for_more_answers(client, game):
    stop = StopFactory(game=game)
    team = TeamFactory(game=game, started_at=timezone.now() - dt.timedelta(minutes=5))
    assert client.post(f"/en/play/{team.token}/finish/").status_code == 302
    body = client.post(
        f"/en/play/{team.token}/stops/{stop.pk}/",
        {
            f"stop{stop.pk}-client_id": "8c1b1f0e-8f0e-4b0e-9f0e-000000000002",
            f"stop{stop.pk}-choice": "0",
            f"stop{stop.pk}-latitude": "50.0",
            f"stop{stop.pk}-longitude": "3.0",
        },
    )
    assert "Your team has finished this game." in body.content.decode()
