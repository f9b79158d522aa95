"""Stories and good practices: publishing, sanitising, browsing, filtering, editing and conflicts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.community.conftest import png
from tests.community.factories import StoryFactory
from tests.factories import MembershipFactory
from twinning.community.models import Story
from twinning.foundation.models import Role
from twinning.sdg.links import SdgSelection, set_links

pytestmark = pytest.mark.django_db


def _post(world, **extra) -> dict:
    data = {
        "kind": "practice",
        "title": "Water hike",
        "text": 'A **hike** <script>alert("x")</script> <a href="https://example.org" onclick="steal()">route</a>',
        "municipality": world["a"].pk,
        "video_url": "",
        "photo_caption": "",
        "latitude": "",
        "longitude": "",
        "is_published": "on",
        "sdgs_goals": ["6"],
        "sdgs_targets": ["6.1"],
        "version": "",
    }
    data.update(extra)
    return data


def test_staff_publishes_a_story_whose_script_and_onclick_are_gone_from_the_page(client, world):
    client.force_login(world["staff_a"])
    response = client.post(reverse("community:story_create", args=["a-b"]), _post(world))
    story = Story.objects.get()
    assert response.status_code == 302
    assert story.author == world["staff_a"] and story.municipality == world["a"]
    assert sorted(link.goal.number for link in story.sdg_links.all()) == [6]
    page = client.get(reverse("community:story", args=["a-b", story.pk])).content.decode()
    body = page.split('class="community-text">')[1].split("</div>")[0]
    assert "<strong>hike</strong>" in body
    assert "<script" not in body and 'alert("x")' not in body
    assert "onclick" not in page
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">route</a>' in body


def test_a_story_with_a_photo_shows_it_with_its_caption_as_alt_text(client, world):
    client.force_login(world["staff_a"])
    data = _post(world, photo=png(), photo_caption="Hikers at the spring")
    assert client.post(reverse("community:story_create", args=["a-b"]), data).status_code == 302
    page = client.get(reverse("community:story", args=["a-b", Story.objects.get().pk])).content.decode()
    assert 'alt="Hikers at the spring"' in page


def test_a_file_that_is_no_image_is_refused_as_story_photo(client, world):
    client.force_login(world["staff_a"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.png", b"<svg onload='x()'></svg>", content_type="image/png")
    response = client.post(reverse("community:story_create", args=["a-b"]), _post(world, photo=fake, photo_caption="x"))
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_video_links_must_be_https_and_are_shown_as_links_not_embeds(client, world):
    client.force_login(world["staff_a"])
    url = reverse("community:story_create", args=["a-b"])
    response = client.post(url, _post(world, video_url="http://clips.example.org/1"))
    assert response.status_code == 200 and "https://" in response.content.decode()
    assert not Story.objects.exists()
    client.post(url, _post(world, video_url="https://clips.example.org/1"))
    page = client.get(reverse("community:story", args=["a-b", Story.objects.get().pk])).content.decode()
    assert 'href="https://clips.example.org/1"' in page and "<iframe" not in page


def test_staff_cannot_publish_for_the_partner_municipality(client, world):
    client.force_login(world["staff_a"])
    response = client.post(reverse("community:story_create", args=["a-b"]), _post(world, municipality=world["b"].pk))
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_a_place_needs_both_latitude_and_longitude(client, world):
    client.force_login(world["staff_a"])
    response = client.post(reverse("community:story_create", args=["a-b"]), _post(world, latitude="51.2"))
    assert "Give both latitude and longitude" in response.content.decode()
    client.post(reverse("community:story_create", args=["a-b"]), _post(world, latitude="51.2", longitude="5.3"))
    assert Story.objects.get().longitude is not None


def test_citizens_cannot_publish_stories(client, world):
    client.force_login(world["citizen"])
    assert client.post(reverse("community:story_create", args=["a-b"]), _post(world)).status_code == 403
    assert not Story.objects.exists()


def test_visitors_filter_stories_by_sdg_and_by_municipality(client, world):
    water = StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Water story")
    trees = StoryFactory(partnership=world["partnership"], municipality=world["b"], title="Tree story")
    StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Draft story", is_published=False)
    set_links(water, SdgSelection(goals=frozenset({6})))
    set_links(trees, SdgSelection(goals=frozenset({15})))
    url = reverse("community:stories", args=["a-b"])
    everything = client.get(url).content.decode()
    assert "Water story" in everything and "Tree story" in everything and "Draft story" not in everything
    by_goal = client.get(url, {"sdg": 6}).content.decode()
    assert "Water story" in by_goal and "Tree story" not in by_goal
    by_town = client.get(url, {"municipality": world["b"].slug}).content.decode()
    assert "Tree story" in by_town and "Water story" not in by_town


def test_stories_of_a_members_only_partnership_are_hidden_from_others(client, world):
    story = StoryFactory(partnership=world["private"], municipality=world["c"], title="Private story")
    assert client.get(reverse("community:stories", args=["c-d"])).status_code == 404
    assert client.get(reverse("community:story", args=["c-d", story.pk])).status_code == 404
    member = MembershipFactory(municipality=world["c"], role=Role.CITIZEN).user
    client.force_login(member)
    assert "Private story" in client.get(reverse("community:stories", args=["c-d"])).content.decode()


def test_the_partnership_page_shows_the_three_newest_published_stories(client, world):
    for number in range(5):
        StoryFactory(partnership=world["partnership"], municipality=world["a"], title=f"Number {number}")
    StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Unpublished", is_published=False)
    page = client.get(reverse("foundation:partnership", args=["a-b"])).content.decode()
    assert "Latest stories" in page
    assert [f"Number {n}" in page for n in range(5)] == [False, False, True, True, True]
    assert "Unpublished" not in page


def _edit_data(story, **extra) -> dict:
    data = {
        "kind": story.kind,
        "title": "New title",
        "text": "New text",
        "municipality": story.municipality_id,
        "video_url": "",
        "photo_caption": "",
        "latitude": "",
        "longitude": "",
        "is_published": "on",
        "sdgs_goals": ["6"],
        "version": story.version,
    }
    data.update(extra)
    return data


def test_the_author_and_the_municipality_coordinator_edit_but_partner_coordinator_cannot(client, world):
    story = StoryFactory(partnership=world["partnership"], municipality=world["a"], author=world["staff_a"])
    url = reverse("community:story_edit", args=["a-b", story.pk])
    client.force_login(world["coordinator_b"])
    assert client.post(url, _edit_data(story)).status_code == 403
    client.force_login(world["staff_a"])
    assert client.post(url, _edit_data(story)).status_code == 302
    story.refresh_from_db()
    assert story.title == "New title" and story.version == 2
    client.force_login(world["coordinator_a"])
    assert client.post(url, _edit_data(story, title="Coordinator title")).status_code == 302


def test_staff_who_did_not_write_the_story_cannot_edit_it(client, world):
    story = StoryFactory(partnership=world["partnership"], municipality=world["a"], author=world["coordinator_a"])
    client.force_login(world["staff_a"])
    assert client.get(reverse("community:story_edit", args=["a-b", story.pk])).status_code == 403


def test_a_stale_edit_shows_the_conflict_screen_with_both_versions(client, world):
    story = StoryFactory(partnership=world["partnership"], municipality=world["a"], author=world["staff_a"])
    url = reverse("community:story_edit", args=["a-b", story.pk])
    client.force_login(world["coordinator_a"])
    client.post(url, _edit_data(story, title="Saved first", text="Their **text**"))
    client.force_login(world["staff_a"])
    response = client.post(url, _edit_data(story, title="My stale title"))  # still version 1
    page = response.content.decode()
    assert response.status_code == 409
    assert "Saved first" in page and "<strong>text</strong>" in page and "My stale title" in page
    story.refresh_from_db()
    assert story.title == "Saved first"
