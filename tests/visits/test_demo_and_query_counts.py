"""Demo visits load idempotently, and every visits page keeps a constant, small query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.accounts.models import User
from twinning.foundation import demo as foundation_demo
from twinning.visits import demo
from twinning.visits.models import Delegate, ProgrammeItem, TreePlanting, Visit

BUDGET = 15


def count_queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_demo_visits_load_and_loading_twice_changes_nothing():
    foundation_demo.seed(1)
    demo.seed(1)
    counts = (
        Visit.objects.count(),
        Delegate.objects.count(),
        ProgrammeItem.objects.count(),
        TreePlanting.objects.count(),
    )
    demo.seed(1)
    assert counts == (
        Visit.objects.count(),
        Delegate.objects.count(),
        ProgrammeItem.objects.count(),
        TreePlanting.objects.count(),
    )
    past = Visit.objects.get(partnership__slug="lommel-ongwediva", start_date__year=2025)
    assert past.host.slug == "ongwediva" and past.delegates.count() == 6
    assert {d.gender for d in past.delegates.all()} >= {"woman", "man"}
    assert len({item.day for item in past.items.all()}) == 3
    assert Visit.objects.filter(partnership__slug="harelbeke-eenhana").count() == 1
    assert past.agreements.filter(status="open", deadline__lt=dt.date(2026, 1, 1)).exists()  # some overdue
    assert past.tree_plantings.count() == 2
    assert Visit.objects.filter(
        partnership__slug="lommel-ongwediva", start_date__year=2027, host__slug="lommel"
    ).exists()


def pages(visit: Visit, item: ProgrammeItem) -> dict[str, str]:
    base = f"/en/partnerships/{visit.partnership.slug}"
    return {
        # session, user, roles, partnership + members, visits with counts
        "list": f"{base}/visits/",
        # + visit with host and SDG links, delegates + links, items + links, compensation plan
        "detail": f"{base}/visits/{visit.pk}/",
        # + visits, their delegates, tree plantings, compensation plan
        "co2": f"{base}/co2/",
        # + the members for the host select, local targets (goals and targets cached)
        "edit": f"{base}/visits/{visit.pk}/edit/",
        "item edit": f"{base}/visits/{visit.pk}/programme/{item.pk}/edit/",
        # + agreements with owner municipality, their SDG links
        "memo": f"{base}/visits/{visit.pk}/agreements/",
        # session, user, roles, partnership + members, open agreements with visit and owner, their links
        "agreements": f"{base}/agreements/",
        # the visit and its items only (no session)
        "calendar": f"/en/visits/calendar/{visit.pk}/{visit.feed_token}.ics",
        # forms: members for selects, local targets, visits for the tree form
        "create": f"{base}/visits/new/",
        "delegate add": f"{base}/visits/{visit.pk}/delegation/new/",
        "item add": f"{base}/visits/{visit.pk}/programme/new/",
        "agreement add": f"{base}/visits/{visit.pk}/agreements/new/",
        "plan": f"{base}/co2/plan/",
        "trees": f"{base}/co2/trees/new/",
        "pdf": f"{base}/visits/{visit.pk}/programme.pdf",
        "memo pdf": f"{base}/visits/{visit.pk}/agreements.pdf",
    }


@pytest.mark.django_db
def test_visit_pages_stay_within_budget_with_2_and_with_20_items_and_delegates(client):
    foundation_demo.seed(1)
    demo.seed(2)
    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    visit = Visit.objects.get(partnership__slug="lommel-ongwediva", start_date__year=2027)
    item = visit.items.first()
    past = Visit.objects.get(partnership__slug="lommel-ongwediva", start_date__year=2025)
    urls = {**pages(visit, item), "past memo": f"/en/partnerships/lommel-ongwediva/visits/{past.pk}/agreements/"}
    for url in urls.values():
        client.get(url)  # warm the process-wide content-type cache, as any running server has
    small = {name: count_queries(client, url) for name, url in urls.items()}
    demo.seed(21)
    assert visit.items.count() >= 20 and visit.delegates.count() >= 20 and past.agreements.count() >= 20
    large = {name: count_queries(client, url) for name, url in urls.items()}
    for name in small:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} queries with 2 items, {large[name]} with 20"


@pytest.mark.django_db
def test_the_partnership_panel_costs_one_query_and_none_for_visitors(rf, monkeypatch):
    from django.contrib.auth.models import AnonymousUser

    from twinning.foundation import policy
    from twinning.foundation.models import Partnership
    from twinning.visits import selectors
    from twinning.visits.panels import next_visit_panel

    monkeypatch.setattr(selectors.timezone, "localdate", lambda: dt.date(2026, 1, 1))
    foundation_demo.seed(1)
    demo.seed(1)
    partnership = Partnership.objects.prefetch_related("memberships").get(slug="lommel-ongwediva")
    request = rf.get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        assert next_visit_panel(request, partnership) is None
    assert len(queries) == 0
    request.user = User.objects.get(email="staff.lommel@example.org")
    policy.roles_of(request.user)  # read once per request by the partnership page already
    with CaptureQueriesContext(connection) as queries:
        context = next_visit_panel(request, partnership)
    assert len(queries) == 1  # the next visit with its host
    assert context["next"].host.slug == "lommel" and context["next"].start_date.year == 2027
