"""The chat API: members read the history or what came after an id, and post with the session
and CSRF token; both endpoints are in the OpenAPI document."""

from __future__ import annotations

import pytest
from django.test import Client

from twinning.chat import actions
from twinning.chat.models import Message

pytestmark = pytest.mark.django_db
URL = "/api/v1/chat/partnerships/a-b/messages"


def test_members_read_the_latest_history(client, world):
    first = actions.message_post(world["partnership"], world["staff_a"], "**One**")
    client.force_login(world["citizen"])
    answer = client.get(URL).json()
    assert answer["last_id"] == first.pk
    assert answer["messages"][0]["html"] == "<p><strong>One</strong></p>\n"
    assert answer["messages"][0]["author_id"] == world["staff_a"].pk


def test_after_returns_only_what_was_missed_and_moves_the_read_mark(client, world):
    first = actions.message_post(world["partnership"], world["staff_a"], "One")
    second = actions.message_post(world["partnership"], world["coordinator_b"], "Two")
    client.force_login(world["citizen"])
    answer = client.get(f"{URL}?after={first.pk}").json()
    assert [m["id"] for m in answer["messages"]] == [second.pk] and answer["last_id"] == second.pk
    assert client.get(f"{URL}?after={second.pk}").json() == {"messages": [], "last_id": second.pk}
    assert 'class="chat-new"' not in client.get("/en/partnerships/a-b/chat/").content.decode()


def test_a_member_posts_with_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["coordinator_b"])
    client.get("/en/partnerships/a-b/chat/")
    token = client.cookies["csrftoken"].value
    refused = client.post(URL, {"text": "No token"}, content_type="application/json")
    assert refused.status_code == 403 and not Message.objects.exists()
    response = client.post(URL, {"text": "Hello"}, content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 201 and response.json()["html"] == "<p>Hello</p>\n"


def test_bad_text_gets_a_translated_422(client, world):
    client.force_login(world["coordinator_b"])
    response = client.post(URL, {"text": " "}, content_type="application/json", headers={"Accept-Language": "nl"})
    assert response.status_code == 422 and response.json()["detail"] == "Schrijf eerst een bericht."
    assert not Message.objects.exists()


def test_outsiders_get_a_json_404_and_visitors_cannot_post(client, world):
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"text": "x"}, content_type="application/json").status_code in {401, 403}
    client.force_login(world["coordinator_b"])
    assert client.get(f"/api/v1/chat/partnerships/{world['private'].slug}/messages").status_code == 404
    assert not Message.objects.exists()


def test_the_chat_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths[URL.replace("a-b", "{slug}")]) == {"get", "post"}
