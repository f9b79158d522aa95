"""Challenges: coordinators set them up, participants log contributions, the scoreboard shows who
leads (also as an htmx fragment), finished challenges keep their results."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.community.conftest import png
from twinning.community.models import Challenge, Contribution

pytestmark = pytest.mark.django_db


def _challenge(world, *, scoring="absolute", days_ago=3, days_left=10, **extra) -> Challenge:
    today = timezone.localdate()
    return Challenge.objects.create(
        partnership=world["partnership"],
        title=extra.pop("title", "Cycle to work <script>"),
        measure="Kilometres cycled to work",
        unit="km",
        starts_on=today - dt.timedelta(days=days_ago),
        ends_on=today + dt.timedelta(days=days_left),
        scoring=scoring,
        populations={str(world["a"].pk): 20000, str(world["b"].pk): 10000},
        **extra,
    )


def _contribute(client, world, challenge, municipality, amount, **extra):
    return client.post(
        reverse("community:contribute", args=["a-b", challenge.pk]),
        {
            "municipality": municipality.pk,
            "amount": amount,
            "contributed_on": timezone.localdate().isoformat(),
            "note": "",
            "photo_caption": "",
            **extra,
        },
    )


def test_a_coordinator_sets_up_a_per_capita_challenge_with_the_populations_of_today(client, world):
    client.force_login(world["coordinator_a"])
    today = timezone.localdate()
    response = client.post(
        reverse("community:challenge_create", args=["a-b"]),
        {
            "title": "Fewer car kilometres",
            "description": "Leave the car at home **<script>x()</script>**",
            "measure": "Kilometres cycled",
            "unit": "km",
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=30)).isoformat(),
            "scoring": "per_capita",
            "sdgs_goals": ["11", "13"],
        },
    )
    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert challenge.populations == {str(world["a"].pk): 20000, str(world["b"].pk): 20000}
    assert sorted(link.goal.number for link in challenge.sdg_links.all()) == [11, 13]
    page = client.get(reverse("community:challenge", args=["a-b", challenge.pk])).content.decode()
    assert "<script>x()" not in page and "Leave the car at home" in page


def test_a_challenge_that_ends_before_it_starts_is_refused_with_a_message(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post(
        reverse("community:challenge_create", args=["a-b"]),
        {
            "title": "Backwards",
            "measure": "x",
            "unit": "x",
            "starts_on": "2026-05-10",
            "ends_on": "2026-05-01",
            "scoring": "absolute",
            "sdgs_goals": ["13"],
        },
    )
    assert response.status_code == 200
    assert "The challenge must end on or after the day it starts." in response.content.decode()
    assert not Challenge.objects.exists()


def test_staff_cannot_set_up_a_challenge(client, world):
    client.force_login(world["staff_a"])
    assert client.get(reverse("community:challenge_create", args=["a-b"])).status_code == 403


def test_a_citizen_contribution_moves_the_scoreboard_and_the_fragment_shows_it(client, world):
    challenge = _challenge(world)
    client.force_login(world["citizen"])
    assert _contribute(client, world, challenge, world["a"], "12.5").status_code == 302
    client.force_login(world["coordinator_b"])
    assert _contribute(client, world, challenge, world["b"], "30").status_code == 302
    fragment = client.get(reverse("community:challenge_scoreboard", args=["a-b", challenge.pk])).content.decode()
    assert fragment.index("Ongwetown") < fragment.index("Lommeltown")
    assert "Ongwetown leads." in fragment
    assert 'hx-trigger="every 5s"' in fragment
    page = client.get(reverse("community:challenge", args=["a-b", challenge.pk])).content.decode()
    assert "htmx.min.js" in page and "12.5" in page


def test_per_capita_scoring_uses_the_populations_kept_with_the_challenge(client, world):
    challenge = _challenge(world, scoring="per_capita")
    client.force_login(world["coordinator_a"])
    _contribute(client, world, challenge, world["a"], "300")  # 15 per 1,000
    client.force_login(world["coordinator_b"])
    _contribute(client, world, challenge, world["b"], "200")  # 20 per 1,000
    world["b"].population = 1_000_000
    world["b"].save()
    fragment = client.get(reverse("community:challenge_scoreboard", args=["a-b", challenge.pk])).content.decode()
    assert "20.00" in fragment and "15.00" in fragment
    assert fragment.index("Ongwetown") < fragment.index("Lommeltown")


def test_nobody_contributes_for_the_partner_municipality(client, world):
    challenge = _challenge(world)
    client.force_login(world["staff_a"])
    response = _contribute(client, world, challenge, world["b"], "5")
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_a_finished_challenge_keeps_its_result_and_takes_no_more_contributions(client, world):
    challenge = _challenge(world, days_ago=20, days_left=-5)
    Contribution.objects.create(
        challenge=challenge, municipality=world["a"], amount=7, contributed_on=challenge.starts_on
    )
    client.force_login(world["coordinator_a"])
    page = client.get(reverse("community:challenge", args=["a-b", challenge.pk])).content.decode()
    assert "Final results" in page and "Lommeltown won this challenge." in page
    assert "htmx.min.js" not in page and "Log a contribution" not in page
    response = _contribute(client, world, challenge, world["a"], "5")
    assert response.status_code == 400
    assert "This challenge takes contributions from" in response.content.decode()
    assert Contribution.objects.count() == 1


def test_a_contribution_with_a_negative_amount_or_a_future_date_is_refused(client, world):
    challenge = _challenge(world)
    client.force_login(world["staff_a"])
    assert _contribute(client, world, challenge, world["a"], "-3").status_code == 400
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = _contribute(client, world, challenge, world["a"], "3", contributed_on=tomorrow)
    assert "Choose a date within the challenge period" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_contribution_photo_is_stored_without_metadata_and_shown_small(client, world):
    challenge = _challenge(world)
    client.force_login(world["staff_a"])
    response = _contribute(client, world, challenge, world["a"], "3", photo=png(), photo_caption="Bikes")
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.thumbnail
    page = client.get(reverse("community:challenge", args=["a-b", challenge.pk])).content.decode()
    assert contribution.thumbnail.url in page


def test_the_list_groups_running_and_finished_challenges(client, world):
    _challenge(world, title="Now")
    _challenge(world, title="Before", days_ago=30, days_left=-10)
    page = client.get(reverse("community:challenges", args=["a-b"])).content.decode()
    assert page.index("Running") < page.index("Now") < page.index("Finished") < page.index("Before")
