"""The open stories API: published stories of public partnerships only."""

from __future__ import annotations

import pytest

from tests.community.factories import StoryFactory
from twinning.sdg.links import SdgSelection, set_links

pytestmark = pytest.mark.django_db


def test_the_api_lists_published_stories_of_public_partnerships_only(client, world):
    public = StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Open story", text="**x**")
    set_links(public, SdgSelection(goals=frozenset({6}), targets=frozenset({"6.1"})))
    StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Draft", is_published=False)
    StoryFactory(partnership=world["private"], municipality=world["c"], title="Members only")
    client.force_login(world["admin"])  # even an admin gets only the public list here
    body = client.get("/api/v1/community/stories").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["title"], item["partnership"], item["municipality"]) == ("Open story", "a-b", "town-a")
    assert item["sdgs"] == [6] and item["targets"] == ["6.1"]
    assert item["html"] == "<p><strong>x</strong></p>\n"


def test_the_api_filters_stories_by_sdg(client, world):
    water = StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Water")
    StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Other")
    set_links(water, SdgSelection(goals=frozenset({6})))
    body = client.get("/api/v1/community/stories", {"sdg": 6}).json()
    assert [item["title"] for item in body["items"]] == ["Water"]


def test_the_stories_endpoint_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/community/stories" in document["paths"]


def test_heroes_photos_and_challenges_of_public_partnerships_are_in_the_api_and_the_openapi_document(client, world):
    import datetime as dt

    from django.utils import timezone

    from tests.community.conftest import png
    from tests.community.factories import HeroFactory
    from twinning.community import actions
    from twinning.community.models import Challenge, Contribution

    HeroFactory(municipality=world["a"], name="Open hero")
    HeroFactory(municipality=world["c"], name="Hidden hero")
    actions.sdg_photo_set(
        municipality=world["a"], goal_number=6, image=png(), caption="Tower", allowed_ids=[world["a"].pk]
    )
    today = timezone.localdate()
    challenge = Challenge.objects.create(
        partnership=world["partnership"],
        title="Cycle",
        measure="km cycled",
        unit="km",
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=1),
        scoring="per_capita",
        populations={str(world["a"].pk): 20000, str(world["b"].pk): None},
    )
    Challenge.objects.create(
        partnership=world["private"], title="Secret", measure="x", unit="x", starts_on=today, ends_on=today
    )
    Contribution.objects.create(challenge=challenge, municipality=world["a"], amount=50, contributed_on=today)
    heroes = client.get("/api/v1/community/heroes").json()
    assert [h["name"] for h in heroes["items"]] == ["Open hero"]
    photos = client.get("/api/v1/community/photos?sdg=6").json()["items"]
    assert [(p["municipality"], p["sdg"], p["caption"]) for p in photos] == [("town-a", 6, "Tower")]
    assert photos[0]["thumbnail_url"].startswith("/media/community/thumbnails/")
    listed = client.get("/api/v1/community/challenges").json()["items"]
    assert [(c["title"], c["phase"]) for c in listed] == [("Cycle", "running")]
    detail = client.get(f"/api/v1/community/challenges/{challenge.pk}").json()
    assert detail["standings"][0] == {"municipality": "town-a", "total": "50.00", "score": "2.50", "rank": 1}
    assert detail["standings"][1]["score"] is None
    secret = Challenge.objects.get(title="Secret")
    assert client.get(f"/api/v1/community/challenges/{secret.pk}").status_code == 404
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ["stories", "heroes", "photos", "challenges", "challenges/{challenge_id}"]:
        assert f"/api/v1/community/{path}" in paths


def test_filtering_the_open_api_by_a_members_only_partnership_tells_nothing_about_its_members(client, world):
    from tests.community.factories import HeroFactory
    from twinning.foundation.models import PartnershipMember

    HeroFactory(municipality=world["a"], name="Open hero")
    PartnershipMember.objects.create(partnership=world["private"], municipality=world["a"], order=2)
    public = client.get("/api/v1/community/heroes?partnership=a-b").json()["items"]
    assert [h["name"] for h in public] == ["Open hero"]
    assert client.get("/api/v1/community/heroes?partnership=c-d").json()["items"] == []
    assert client.get("/api/v1/community/photos?partnership=c-d").json()["items"] == []
    assert client.get("/api/v1/community/challenges?partnership=c-d").json()["items"] == []
