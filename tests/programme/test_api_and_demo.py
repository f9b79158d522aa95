"""The programme API, the demo data, and constant query counts on every programme page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.foundation import demo as foundation_demo
from twinning.programme import demo
from twinning.programme.models import Action, Activity, Programme, ProtocolItem, StrategicGoal
from twinning.sdg.links import SdgSelection, set_links

BUDGET = 15


def test_members_get_the_programme_with_its_activities_as_json(client, world):
    programme = Programme.objects.create(partnership=world["partnership"], title="P", start_year=2025, end_year=2026)
    action = Action.objects.create(goal=StrategicGoal.objects.create(programme=programme, title="G"), title="A")
    activity = Activity.objects.create(
        action=action, title="Pipes", responsible=world["b"], budget=Decimal("0.10"), currency="NAD", year=2025
    )
    set_links(activity, SdgSelection(goals=frozenset({5}), targets=frozenset({"6.1"})))
    url = f"/api/v1/programme/partnerships/a-b/programmes/{programme.pk}"
    client.force_login(world["staff_a"])
    data = client.get(url).json()
    row = data["goals"][0]["actions"][0]["activities"][0]
    assert row["title"] == "Pipes" and row["responsible"] == "town-b" and row["currency"] == "NAD"
    assert Decimal(str(row["budget"])) == Decimal("0.10")
    assert row["sdgs"] == [5, 6] and row["targets"] == ["6.1"]
    client.force_login(world["citizen"])
    response = client.get(url)
    assert response.status_code == 404 and "detail" in response.json()


def test_the_programme_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/programme/partnerships/{slug}/programmes/{pk}" in paths


@pytest.mark.django_db
def test_demo_programmes_and_protocols_load_and_loading_twice_changes_nothing():
    foundation_demo.seed(1)
    demo.seed(1)
    counts = (Programme.objects.count(), Activity.objects.count(), ProtocolItem.objects.count())
    demo.seed(1)
    assert counts == (Programme.objects.count(), Activity.objects.count(), ProtocolItem.objects.count())
    lo = Programme.objects.get(partnership__slug="lommel-ongwediva")
    assert (lo.start_year, lo.end_year, lo.is_demo) == (2025, 2029, True)
    assert set(lo.goals.values_list("title", flat=True)) >= {
        "Safe water and sanitation in Ongwediva",
        "Gender-balanced youth exchanges",
    }
    currencies = set(Activity.objects.filter(action__goal__programme=lo).values_list("currency", flat=True))
    assert currencies == {"EUR", "NAD"}
    assert Programme.objects.filter(partnership__slug="harelbeke-eenhana").exists()
    assert ProtocolItem.objects.filter(protocol__partnership__slug="harelbeke-eenhana").count() == 3


def count_queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def pages(programme: Programme) -> dict[str, str]:
    base = f"/en/partnerships/{programme.partnership.slug}"
    activity = Activity.objects.filter(action__goal__programme=programme).first()
    action = activity.action
    item = ProtocolItem.objects.filter(protocol__partnership=programme.partnership).first()
    return {
        "list": f"{base}/programmes/",
        "detail": f"{base}/programmes/{programme.pk}/",
        "edit": f"{base}/programmes/{programme.pk}/edit/",
        "create": f"{base}/programmes/new/",
        "goal add": f"{base}/programmes/{programme.pk}/goals/new/",
        "action add": f"{base}/programmes/{programme.pk}/goals/{action.goal_id}/actions/new/",
        "activity add": f"{base}/programmes/{programme.pk}/actions/{action.pk}/activities/new/",
        "activity edit": f"{base}/programmes/{programme.pk}/activities/{activity.pk}/edit/",
        "report": f"{base}/programmes/{programme.pk}/report/2025.pdf",
        "protocol": f"{base}/protocol/",
        "protocol add": f"{base}/protocol/new/",
        "protocol edit": f"{base}/protocol/{item.pk}/edit/",
        "api": f"/api/v1/programme/partnerships/{programme.partnership.slug}/programmes/{programme.pk}",
    }


@pytest.mark.django_db
def test_every_programme_page_stays_within_budget_and_does_not_grow_with_the_activities(client):
    from twinning.accounts.models import User

    foundation_demo.seed(1)
    demo.seed(1)
    programme = Programme.objects.get(partnership__slug="lommel-ongwediva")
    client.force_login(User.objects.get(email="coordinator.ongwediva@example.org"))
    urls = pages(programme)
    small = {name: count_queries(client, url) for name, url in urls.items()}
    few = Activity.objects.filter(action__goal__programme=programme).count()
    demo.seed(4)  # 30 more activities
    assert Activity.objects.filter(action__goal__programme=programme).count() == few + 30
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert small == large
    assert max(small.values()) <= BUDGET, small
