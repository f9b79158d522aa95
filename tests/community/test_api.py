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
