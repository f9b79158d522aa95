"""The visits API: members read visits with delegation, programme and CO2; it is in the OpenAPI document."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.visits.factories import DelegateFactory, ProgrammeItemFactory, VisitFactory


@pytest.fixture
def visit(world):
    return VisitFactory(partnership=world["partnership"], host=world["b"])


@pytest.mark.django_db
def test_members_list_and_read_visits_through_the_api(client, world, visit):
    DelegateFactory(visit=visit, travelling_from=world["a"], gender="man")
    ProgrammeItemFactory(visit=visit, what="Water tour")
    client.force_login(world["staff_a"])
    listed = client.get("/api/v1/visits/partnerships/a-b/visits").json()
    assert [(v["id"], v["host"], v["delegates"], v["programme_items"]) for v in listed] == [(visit.pk, "town-b", 1, 1)]
    detail = client.get(f"/api/v1/visits/partnerships/a-b/visits/{visit.pk}").json()
    assert detail["delegates"][0]["gender"] == "man"
    assert detail["programme"][0]["what"] == "Water tour"
    assert detail["time_zone"] == "Africa/Windhoek"


@pytest.mark.django_db
def test_visitors_and_citizens_get_a_json_404(client, world, visit):
    response = client.get(f"/api/v1/visits/partnerships/a-b/visits/{visit.pk}")
    assert response.status_code == 404 and response.json()["detail"]
    client.force_login(world["citizen"])
    assert client.get("/api/v1/visits/partnerships/a-b/visits").status_code == 404


@pytest.mark.django_db
def test_the_visit_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/visits/partnerships/{slug}/visits" in paths
    assert "/api/v1/visits/partnerships/{slug}/visits/{pk}" in paths


@pytest.mark.django_db
def test_the_visit_detail_endpoint_keeps_a_constant_query_count(client, world, visit):
    client.force_login(world["coordinator_a"])

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/visits/partnerships/a-b/visits/{visit.pk}").status_code == 200
        return len(queries)

    DelegateFactory.create_batch(2, visit=visit, travelling_from=world["a"])
    ProgrammeItemFactory.create_batch(2, visit=visit)
    count()  # warm the process-wide content-type cache, as any running server has
    small = count()
    DelegateFactory.create_batch(18, visit=visit, travelling_from=world["a"])
    ProgrammeItemFactory.create_batch(18, visit=visit)
    assert count() == small <= 15
