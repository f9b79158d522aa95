"""Demo data loads idempotently, and every community page keeps a small, constant query count."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.accounts.models import User
from twinning.community import demo
from twinning.community.models import Challenge, CitizenPhoto, Comment, Hero, Post, SdgPhoto, Story
from twinning.foundation import demo as foundation_demo

pytestmark = pytest.mark.django_db
BUDGET = 15
LIST_BUDGET = 12  # the budget for the story list and the feed, whatever their length


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
    running = Challenge.objects.get(title="Cycle to school and work (demo)")
    post = Post.objects.filter(partnership__slug="lommel-ongwediva", is_demo=True).order_by("pk").first()
    return {
        "feed": "/en/partnerships/lommel-ongwediva/feed/",
        "feed page 2": "/en/partnerships/lommel-ongwediva/feed/?page=2",
        "post": f"/en/partnerships/lommel-ongwediva/feed/{post.pk}/",
        "atom": "/en/partnerships/lommel-ongwediva/feed/atom/",
        "challenges": "/en/partnerships/lommel-ongwediva/challenges/",
        "challenge": f"/en/partnerships/lommel-ongwediva/challenges/{running.pk}/",
        "scoreboard": f"/en/partnerships/lommel-ongwediva/challenges/{running.pk}/scoreboard/",
        "exhibit": "/en/partnerships/lommel-ongwediva/exhibit/",
        "api heroes": "/api/v1/community/heroes?limit=100",
        "api photos": "/api/v1/community/photos?limit=100",
        "api challenges": "/api/v1/community/challenges?limit=100",
        "api challenge": f"/api/v1/community/challenges/{running.pk}",
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
        "feed moderation": "/en/partnerships/lommel-ongwediva/feed/moderation/",
        "post form": "/en/partnerships/lommel-ongwediva/feed/new/",
        "challenge form": "/en/partnerships/lommel-ongwediva/challenges/new/",
        "digest preferences form": "/en/me/digest/",
    }


def test_demo_data_loads_twice_without_duplicates(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _seed(1)
    models = [Story, Hero, SdgPhoto, CitizenPhoto, Challenge, Post, Comment]
    counts = [model.objects.count() for model in models]
    _seed(1)
    assert [model.objects.count() for model in models] == counts
    assert counts[0] >= 5 and counts[1] >= 7
    for slug in ["lommel", "ongwediva", "harelbeke", "eenhana"]:
        assert SdgPhoto.objects.filter(municipality__slug=slug, is_demo=True).count() == 17
    today = __import__("django.utils.timezone", fromlist=["localdate"]).localdate()
    assert Challenge.objects.filter(starts_on__lte=today, ends_on__gte=today).count() == 1
    assert Challenge.objects.filter(ends_on__lt=today).count() == 1
    assert Comment.objects.filter(post__isnull=False).exists() and Comment.objects.filter(story__isnull=False).exists()
    assert not Post.objects.filter(is_demo=False).exists()
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
    for name in ["stories", "stories by SDG", "feed", "feed page 2"]:
        assert large[name] <= LIST_BUDGET, f"{name}: {large[name]} queries"


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
