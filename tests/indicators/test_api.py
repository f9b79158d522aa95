"""The indicators API: the library is public, a partnership's selections and figures are for members."""

from __future__ import annotations

import pytest

from tests.indicators.factories import BaselineFactory, IndicatorFactory, MeasurementFactory, SelectionFactory
from twinning.indicators.models import LibraryIndicator, Measurement


@pytest.mark.django_db
def test_the_library_is_public_filterable_and_documented(client):
    page = client.get("/api/v1/indicators/library?sdg=6&limit=100").json()
    codes = [item["code"] for item in page["items"]]
    assert "L-06-01" in codes and "L-05-01" not in codes
    water = next(item for item in page["items"] if item["code"] == "L-06-01")
    assert water["targets"] == ["6.1"] and water["goals"] == [6]
    assert set(water["name"]) == {"en", "nl", "fr", "es"}
    assert water["direction"] == "higher_is_better"
    spec = client.get("/api/v1/openapi.json").json()
    for path in ("library", "partnerships/{slug}/selections", "partnerships/{slug}/measurements"):
        assert f"/api/v1/indicators/{path}" in spec["paths"]


@pytest.mark.django_db
def test_members_read_selections_and_measurements_and_others_get_404(client, world):
    water = LibraryIndicator.objects.get(code="L-06-01")
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )
    BaselineFactory(selection=selection, municipality=world["a"])
    MeasurementFactory(indicator=water, municipality=world["a"], year=2021, value=71.5)
    hidden = IndicatorFactory(owner=world["private"], code="CD-1")
    slug = world["partnership"].slug
    assert client.get(f"/api/v1/indicators/partnerships/{slug}/selections").status_code == 404
    assert client.get(f"/api/v1/indicators/library/{hidden.pk}").status_code == 404
    client.force_login(world["citizen"])
    selections = client.get(f"/api/v1/indicators/partnerships/{slug}/selections").json()
    assert selections[0]["indicator"] == "L-06-01"
    assert selections[0]["baselines"][0]["municipality"] == world["a"].slug
    measurements = client.get(f"/api/v1/indicators/partnerships/{slug}/measurements").json()["items"]
    assert [(m["municipality"], m["year"], m["value"]) for m in measurements] == [(world["a"].slug, 2021, 71.5)]
    assert client.get(f"/api/v1/indicators/partnerships/{world['private'].slug}/measurements").status_code == 404


@pytest.fixture
def water(world):
    return LibraryIndicator.objects.get(code="L-06-01")


def post(client, url: str, data: dict, method: str = "post"):
    return getattr(client, method)(url, data, content_type="application/json")


def test_coordinators_propose_and_the_partner_accepts_through_the_api(client, world, water):
    slug = world["partnership"].slug
    url = f"/api/v1/indicators/partnerships/{slug}/selections"
    client.force_login(world["coordinator_a"])
    created = post(client, url, {"indicator_id": water.pk, "municipality": world["a"].slug, "reason": "water"})
    assert created.status_code == 201, created.content
    selection = created.json()
    assert (selection["indicator"], selection["status"], selection["proposed_by"]) == ("L-06-01", "proposed", "town-a")
    again = post(client, url, {"indicator_id": water.pk, "municipality": world["a"].slug})
    assert again.status_code == 422 and "already proposed" in again.json()["detail"]
    assert post(client, url, {"indicator_id": water.pk, "municipality": world["b"].slug}).status_code == 403
    decision = f"{url}/{selection['id']}/decision"
    assert post(client, decision, {"accept": True}).status_code == 403  # not her own proposal
    client.force_login(world["coordinator_b"])
    accepted = post(client, decision, {"accept": True})
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert post(client, decision, {"accept": False}).status_code == 403  # decided already


def test_staff_set_targets_and_record_measurements_for_their_own_municipality(client, world, water):
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )
    slug = world["partnership"].slug
    target = f"/api/v1/indicators/partnerships/{slug}/selections/{selection.pk}/target"
    measurements = f"/api/v1/indicators/partnerships/{slug}/measurements"
    client.force_login(world["staff_a"])
    body = {"municipality": world["a"].slug, "baseline_year": 2015, "baseline_value": 50.5}
    saved = post(client, target, {**body, "target_year": 2030, "target_value": 80}, method="put")
    assert saved.status_code == 200 and saved.json()["target_value"] == 80
    wrong = post(client, target, {**body, "target_year": 2010, "target_value": 80}, method="put")
    assert wrong.status_code == 422 and "after the baseline year" in wrong.json()["detail"]
    assert post(client, target, {**body, "municipality": world["b"].slug}, method="put").status_code == 403
    value = {"indicator": "L-06-01", "municipality": world["a"].slug, "year": 2024, "value": 71.5, "sex": "female"}
    first = post(client, measurements, value)
    assert first.status_code == 200 and first.json()["created"] is True
    second = post(client, measurements, {**value, "value": 72})
    assert second.json()["created"] is False
    assert Measurement.objects.get(indicator=water, municipality=world["a"], sex="female").value == 72
    assert post(client, measurements, {**value, "indicator": "L-99-99"}).status_code == 422
    assert post(client, measurements, {**value, "year": 1800}).status_code == 422
    assert post(client, measurements, {**value, "municipality": world["b"].slug}).status_code == 403
    client.force_login(world["citizen"])
    assert post(client, measurements, value).status_code == 403
    client.logout()
    assert post(client, measurements, value).status_code in {401, 404}


def test_the_write_endpoints_are_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json()["paths"]
    base = "/api/v1/indicators/partnerships/{slug}"
    assert "post" in spec[f"{base}/selections"] and "post" in spec[f"{base}/measurements"]
    assert "post" in spec[f"{base}/selections/{{selection_id}}/decision"]
    assert "put" in spec[f"{base}/selections/{{selection_id}}/target"]
