"""The mapping endpoint in the OpenAPI document, and query counts that do not grow with data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from twinning.mapper import actions
from twinning.mapper.models import MappedDocument

pytestmark = pytest.mark.django_db


def test_the_map_endpoint_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "post" in spec["paths"]["/api/v1/mapper/map"]


def test_the_api_maps_a_text_and_explains_each_goal(client):
    text = "Het klimaatplan moet de uitstoot van broeikasgassen verminderen."
    response = client.post("/api/v1/mapper/map", {"text": text}, content_type="application/json")
    data = response.json()
    assert response.status_code == 200
    assert data["language"] == "nl" and data["top"] == [13]
    assert set(data["scores"]) == {str(g) for g in range(1, 18)}
    passage = data["passages"][0]
    assert text[passage["start"] : passage["end"]] == passage["text"]


def test_the_api_refuses_an_unsupported_language_and_an_empty_text(client):
    german = {"text": "Die Gemeinde und der Rat sind für die Bürger da, und sie wird das Klima schützen."}
    response = client.post("/api/v1/mapper/map", german, content_type="application/json")
    assert response.status_code == 422 and "(de)" in response.json()["detail"]
    empty = client.post("/api/v1/mapper/map", {"text": ""}, content_type="application/json")
    assert empty.status_code == 422
    wrong = client.post("/api/v1/mapper/map", {"text": "x", "language": "de"}, content_type="application/json")
    assert wrong.status_code == 422


def _documents(world, count: int) -> None:
    for index in range(count):
        document = MappedDocument.objects.create(
            partnership=world["partnership"],
            owner=world["a"] if index % 2 else world["b"],
            title=f"Doc {index}",
            text="The climate plan cuts greenhouse gas emissions; solar panels on every school.",
            shared=True,
        )
        actions.document_process(document.pk)


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_and_compare_pages_make_a_fixed_number_of_queries(client, world, django_assert_max_num_queries, count):
    _documents(world, count)
    client.force_login(world["coordinator_a"])
    first, second = MappedDocument.objects.order_by("pk")[:2]
    # session, user, roles, partnership, its members, the owners, the documents, goals (cached)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("mapper:list", kwargs={"slug": "a-b"})).status_code == 200
    # as above, plus the two documents compared
    with django_assert_max_num_queries(12):
        page = client.get(reverse("mapper:compare", kwargs={"slug": "a-b"}), {"a": first.pk, "b": second.pk})
        assert page.status_code == 200


@pytest.mark.parametrize("count", [2, 12])
def test_the_profile_page_makes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries, count):
    _documents(world, count)
    client.force_login(world["coordinator_a"])
    document = MappedDocument.objects.order_by("pk").last()
    # session, user, roles, partnership, its members, the document with its owner
    with django_assert_max_num_queries(8):
        assert client.get(reverse("mapper:detail", kwargs={"slug": "a-b", "pk": document.pk})).status_code == 200
