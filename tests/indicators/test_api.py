"""The indicators API: the library is public, a partnership's selections and figures are for members."""

from __future__ import annotations

import pytest

from tests.indicators.factories import BaselineFactory, IndicatorFactory, MeasurementFactory, SelectionFactory
from twinning.indicators.models import LibraryIndicator


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
