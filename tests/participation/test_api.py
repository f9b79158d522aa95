"""The participation endpoints of /api/v1/: listed in the OpenAPI document, results once
closed, votes with a one-time code."""

from __future__ import annotations

import pytest

from tests.participation import builders
from twinning.participation import actions
from twinning.participation.models import Phase

pytestmark = pytest.mark.django_db
BASE = "/api/v1/participation/partnerships/a-b/consultations"


def test_consultation_results_and_vote_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert f"{BASE.replace('a-b', '{slug}')}" in paths
    assert f"{BASE.replace('a-b', '{slug}')}/{{pk}}/results" in paths
    assert "post" in paths[f"{BASE.replace('a-b', '{slug}')}/{{pk}}/votes"]


def test_a_vote_with_a_code_counts_once_through_the_api(client, world):
    consultation = builders.consultation(world)
    [code] = actions.codes_generate(consultation, actor=None, municipality=world["a"], community=None, count=1)
    body = {"code": code, "priorities": [13, 4], "worries": [13]}
    response = client.post(f"{BASE}/{consultation.pk}/votes", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["receipt"]
    response = client.post(f"{BASE}/{consultation.pk}/votes", body, content_type="application/json")
    assert response.status_code == 409
    assert response.json() == {"detail": "This ballot code has already been used. Each code votes once."}
    response = client.post(f"{BASE}/{consultation.pk}/votes", {**body, "code": ""}, content_type="application/json")
    assert response.status_code == 400


def test_results_are_served_once_closed_and_list_both_municipalities(client, world):
    consultation = builders.consultation(world)
    assert client.get(f"{BASE}/{consultation.pk}/results").status_code == 404
    actions.ballot_cast(consultation, priorities=[13], voter=world["citizen"], municipality=world["a"])
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)
    data = client.get(f"{BASE}/{consultation.pk}/results").json()
    assert [m["municipality"] for m in data["municipalities"]] == ["town-a", "town-b"]
    assert data["overall"] == [{"goal": 13, "online": 1, "paper": 0, "total": 1}]
    listed = client.get(BASE).json()
    assert [c["id"] for c in listed] == [consultation.pk]
