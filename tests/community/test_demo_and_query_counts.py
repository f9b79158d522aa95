"""Demo data loads idempotently, and every community page keeps a small, constant query count."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.accounts.models import User
from twinning.community import demo
from twinning.community.models import CitizenPhoto, Hero, SdgPhoto, Story
from twinning.foundation import demo as foundation_demo

pytestmark = pytest.mark.django_db
BUDGET = 15


def _seed(scale: int) -> None:
    foundation_demo.seed(scale)
    demo.seed(scale)


def _count(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _pages() -> dict[str, str]:
    story = Story.objects.filter(partnership__slug="lommel-ongwediva", is_demo=True).order_by("pk").first()
    hero = Hero.objects.filter(municipality__slug="lommel").order_by("pk").first()
    return {
        "partnership page with the stories panel": "/en/partnerships/lommel-ongwediva/",
        "stories": "/en/partnerships/lommel-ongwediva/stories/",
        "stories by SDG": "/en/partnerships/lommel-ongwediva/stories/?sdg=13",
        "story": f"/en/partnerships/lommel-ongwediva/stories/{story.pk}/",
        "heroes": "/en/partnerships/lommel-ongwediva/heroes/",
        "photos": "/en/partnerships/lommel-ongwediva/sdg-photos/",
        "api": "/api/v1/community/stories?limit=100",
        "story form": "/en/partnerships/lommel-ongwediva/stories/new/",
        "story edit": f"/en/partnerships/lommel-ongwediva/stories/{story.pk}/edit/",
        "hero form": "/en/partnerships/lommel-ongwediva/heroes/new/",
        "hero edit": f"/en/partnerships/lommel-ongwediva/heroes/{hero.pk}/edit/",
        "photo form": "/en/partnerships/lommel-ongwediva/sdg-photos/upload/",
        "citizen photo form": "/en/partnerships/lommel-ongwediva/sdg-photos/submit/",
        "moderation queue": "/en/partnerships/lommel-ongwediva/sdg-photos/moderation/",
    }


def test_demo_data_loads_twice_without_duplicates(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _seed(1)
    counts = (Story.objects.count(), Hero.objects.count(), SdgPhoto.objects.count(), CitizenPhoto.objects.count())
    _seed(1)
    assert (
        Story.objects.count(),
        Hero.objects.count(),
        SdgPhoto.objects.count(),
        CitizenPhoto.objects.count(),
    ) == counts
    assert counts[0] >= 5 and counts[1] >= 7 and counts[2] >= 4
    assert not Story.objects.filter(is_demo=False).exists()
    tambacounda = Story.objects.get(partnership__slug="sint-niklaas-tambacounda")
    assert tambacounda.video_url == "" and tambacounda.kind == Story.Kind.DIGITAL_STORY
    assert sorted(link.goal.number for link in tambacounda.sdg_links.all()) == [1, 5, 10]


def test_community_pages_stay_within_budget_and_do_not_grow_with_data(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _seed(1)
    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    small = {name: _count(client, url) for name, url in _pages().items()}
    _seed(20)
    large = {name: _count(client, url) for name, url in _pages().items()}
    for name in small:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} at scale 1, {large[name]} at scale 20"


def test_visitor_pages_stay_within_budget_and_do_not_grow_with_data(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _seed(1)
    public = {
        name: url
        for name, url in _pages().items()
        if "form" not in name and "edit" not in name and "moderation" not in name
    }
    small = {name: _count(client, url) for name, url in public.items()}
    _seed(20)
    large = {name: _count(client, url) for name, url in public.items()}
    for name in small:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} at scale 1, {large[name]} at scale 20"
