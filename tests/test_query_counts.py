"""A page's query count must not grow with the data: measured at scale 1 and scale 20."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.foundation import demo

PAGES = {
    # home: partnerships count, one page of them, their members, their SDG links, the filter's countries
    "home": "/en/",
    # partnership: the partnership, its members, its SDG links
    "partnership": "/en/partnerships/lommel-ongwediva/",
    # SDG page: the goal, its targets, their indicators (goals themselves come from the cache)
    "sdg": "/en/sdgs/6/",
    "sdg list": "/en/sdgs/",
}
BUDGET = 12


def count_queries(client, url: str) -> int:
    cache.clear()  # count the cold page: the goal list is read once, then cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_page_query_counts_stay_within_budget_and_do_not_grow_with_data(client):
    demo.seed(1)
    small = {name: count_queries(client, url) for name, url in PAGES.items()}
    demo.seed(20)
    large = {name: count_queries(client, url) for name, url in PAGES.items()}
    for name in PAGES:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} queries at scale 1, {large[name]} at scale 20"


@pytest.mark.django_db
def test_logged_in_coordinator_pages_stay_within_budget(client):
    demo.seed(1)
    from twinning.accounts.models import User

    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    for url in ["/en/", "/en/partnerships/lommel-ongwediva/", "/en/me/", "/en/municipalities/lommel/"]:
        assert count_queries(client, url) <= BUDGET + 2, url  # + session and user


@pytest.mark.django_db
def test_api_lists_keep_a_constant_query_count(client):
    demo.seed(1)
    small = count_queries(client, "/api/v1/partnerships?limit=100")
    goals = count_queries(client, "/api/v1/goals")
    demo.seed(3)
    assert count_queries(client, "/api/v1/partnerships?limit=100") == small
    assert goals <= 3  # goals, targets, indicators
