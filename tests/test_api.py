"""The public read-only API at /api/v1/ and its OpenAPI document."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from twinning.foundation import demo


@pytest.mark.django_db
def test_openapi_document_is_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert "/api/v1/goals" in spec["paths"]


@pytest.mark.django_db
def test_api_lists_17_goals_169_targets_and_the_global_indicators(client):
    goals = client.get("/api/v1/goals").json()
    assert [g["number"] for g in goals] == list(range(1, 18))
    targets = [t for g in goals for t in g["targets"]]
    assert len(targets) == 169
    assert sum(len(t["indicators"]) for t in targets) == 252
    six = goals[5]
    assert six["colour"] == "#26BDE2"
    assert set(six["title"]) == {"en", "nl", "fr", "es"}
    index = client.get("/api/v1/").json()
    assert index["counts"] == {"goals": 17, "targets": 169, "indicators": 252}


@pytest.mark.django_db
def test_unknown_things_give_a_clear_json_error(client):
    response = client.get("/api/v1/goals/18")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    response = client.get("/api/v1/goals/six")
    assert response.status_code == 422
    assert "number" in response.json()["detail"]


@pytest.mark.django_db
def test_partnerships_api_shows_public_ones_with_members_and_sdgs(client):
    demo.seed()
    data = client.get("/api/v1/partnerships?limit=50").json()
    slugs = {item["slug"] for item in data["items"]}
    assert "lommel-ongwediva" in slugs
    assert "merelbeke-toucountouna" not in slugs  # members only
    lommel = client.get("/api/v1/partnerships/lommel-ongwediva").json()
    assert [m["name"] for m in lommel["members"]] == ["Lommel", "Ongwediva"]
    assert {link["goal"] for link in lommel["sdgs"]} == {4, 5, 6, 13, 17}
    assert {"goal": 6, "target": "6.3", "local_target": "6.3.a"} in lommel["sdgs"]
    namibia = client.get("/api/v1/partnerships?country=NA").json()
    assert {item["slug"] for item in namibia["items"]} == {"lommel-ongwediva", "harelbeke-eenhana"}
    municipality = client.get("/api/v1/municipalities/ongwediva").json()
    assert municipality["country"] == "NA" and municipality["is_demo"] is True
