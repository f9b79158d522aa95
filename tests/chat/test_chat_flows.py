"""The chat page without JavaScript: history, posting (POST then redirect), unread marks,
mentions, moderation, bad input with its message, and constant query counts."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NASTY
from twinning.chat import actions, selectors
from twinning.chat.models import MAX_LENGTH, Message, ReadMark

pytestmark = pytest.mark.django_db
ROOM = "/en/partnerships/a-b/chat/"


def post(world, who: str, text: str) -> Message:
    return actions.message_post(world["partnership"], world[who], text)


def test_a_member_posts_and_is_sent_back_to_the_message(client, world):
    client.force_login(world["citizen"])
    response = client.post(ROOM, {"text": f"Hello partners {NASTY}"})
    message = Message.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{ROOM}#m{message.pk}"
    page = client.get(ROOM).content.decode()
    assert "Hello partners" in page and "&lt;script&gt;" in page and NASTY not in page
    assert message.author == world["citizen"]


def test_an_empty_message_is_refused_with_a_message_and_nothing_is_stored(client, world):
    client.force_login(world["staff_a"])
    response = client.post(ROOM, {"text": "   "})
    assert response.status_code == 400
    assert "Write a message first." in response.content.decode()
    assert not Message.objects.exists()


def test_a_too_long_message_is_refused(client, world):
    client.force_login(world["staff_a"])
    response = client.post(ROOM, {"text": "x" * (MAX_LENGTH + 1)})
    assert response.status_code == 400 and not Message.objects.exists()
    assert "at most" in response.content.decode()


def test_the_action_refuses_empty_text_itself(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        post(world, "staff_a", "\n ")


def test_people_outside_the_partnership_do_not_see_the_room(client, world):
    post(world, "staff_a", "Members only")
    client.force_login(world["coordinator_b"])
    assert client.get(f"/en/partnerships/{world['private'].slug}/chat/").status_code == 404
    assert client.get(ROOM).status_code == 200


def test_messages_of_others_since_the_last_visit_are_marked_new(client, world):
    first = post(world, "coordinator_b", "Before")
    client.force_login(world["staff_a"])
    client.get(ROOM)  # reads up to "Before"
    post(world, "coordinator_b", "After")
    page = client.get(ROOM).content.decode()
    assert page.count('class="chat-new"') == 1
    assert page.index("After") > page.index('class="chat-new"') > page.index("Before")
    assert ReadMark.objects.get(user=world["staff_a"]).last_read_id > first.pk
    assert client.get(ROOM).content.decode().count('class="chat-new"') == 0


def test_the_partnership_page_links_members_to_the_chat(client, world):
    client.force_login(world["citizen"])
    assert "Open the chat" in client.get("/en/partnerships/a-b/").content.decode()
    client.logout()
    assert "Open the chat" not in client.get("/en/partnerships/a-b/").content.decode()


def test_read_marks_only_move_forward(world):
    partnership, user = world["partnership"], world["staff_a"]
    actions.mark_read(user, partnership, 10)
    actions.mark_read(user, partnership, 4)
    assert selectors.last_read_id(user, partnership) == 10


def test_mentions_of_room_members_are_stored_but_not_of_outsiders_or_oneself(world):
    world["coordinator_b"].full_name = "Ndapewa Shilongo"
    world["coordinator_b"].save()
    world["admin"].full_name = "Ada Admin"
    world["admin"].save()
    message = post(world, "staff_a", "@Ndapewa Shilongo and @Ada Admin, see you")
    assert list(message.mentions.all()) == [world["coordinator_b"]]


def test_a_coordinator_hides_a_message_with_a_reason(client, world):
    message = post(world, "citizen", "Something rude")
    client.force_login(world["coordinator_b"])
    url = f"{ROOM}{message.pk}/hide/"
    assert "Something rude" in client.get(url).content.decode()
    response = client.post(url, {"reason": "Off topic"})
    assert response.status_code == 302
    page = client.get(ROOM).content.decode()
    assert "Hidden by a coordinator: Off topic" in page and "Something rude" not in page
    assert client.get("/api/v1/chat/partnerships/a-b/messages").json()["messages"][0]["html"] == ""


def test_hiding_needs_a_reason(client, world):
    message = post(world, "citizen", "Keep me")
    client.force_login(world["coordinator_a"])
    response = client.post(f"{ROOM}{message.pk}/hide/", {"reason": " "})
    assert response.status_code == 400 and "Say why the message is hidden." in response.content.decode()
    message.refresh_from_db()
    assert not message.is_hidden


def test_a_hidden_message_cannot_be_hidden_twice(client, world):
    message = post(world, "citizen", "Twice")
    actions.message_hide(message, world["coordinator_a"], "First")
    client.force_login(world["coordinator_b"])
    response = client.post(f"{ROOM}{message.pk}/hide/", {"reason": "Second"})
    assert response.status_code == 400 and "already hidden" in response.content.decode()
    message.refresh_from_db()
    assert message.hidden_reason == "First"


def test_staff_and_citizens_may_not_hide(client, world):
    message = post(world, "coordinator_a", "Stay")
    client.force_login(world["staff_a"])
    assert client.post(f"{ROOM}{message.pk}/hide/", {"reason": "No"}).status_code == 403
    assert "chat-msg__hide" not in client.get(ROOM).content.decode()


def test_older_messages_are_one_link_away(client, world):
    Message.objects.bulk_create(
        Message(partnership=world["partnership"], text=f"m{n}", html=f"<p>m{n}</p>") for n in range(selectors.PAGE + 5)
    )
    client.force_login(world["staff_a"])
    page = client.get(ROOM).content.decode()
    assert "<p>m4</p>" not in page and "<p>m5</p>" in page and "Earlier messages" in page
    oldest_shown = Message.objects.order_by("pk")[5].pk
    older = client.get(f"{ROOM}?before={oldest_shown}").content.decode()
    assert "<p>m0</p>" in older and "<p>m5</p>" not in older and 'id="chat-form"' not in older


def test_the_posted_message_is_broadcast_after_the_commit(world, django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr("twinning.chat.broadcast.announce", lambda pk, payload: sent.append((pk, payload)))
    with django_capture_on_commit_callbacks(execute=True):
        message = post(world, "staff_a", "Live")
    assert sent == [(world["partnership"].pk, selectors.as_payload(message))]


def _count(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _messages(world, count: int) -> None:
    authors = [world["staff_a"], world["coordinator_b"], None]
    Message.objects.bulk_create(
        Message(partnership=world["partnership"], author=authors[n % 3], text=f"m{n}", html=f"<p>m{n}</p>")
        for n in range(count)
    )


@pytest.mark.parametrize(
    "url", [ROOM, "/api/v1/chat/partnerships/a-b/messages", "/api/v1/chat/partnerships/a-b/messages?after=1"]
)
def test_history_and_poll_keep_a_constant_query_count(client, world, url, django_assert_max_num_queries):
    client.force_login(world["coordinator_a"])
    _messages(world, 3)
    _count(client, url)  # warm the process-wide caches, as any running server has
    small = _count(client, url)
    _messages(world, 120)
    # session, user, partnership + members, roles, messages with authors, older-exists, read mark (read and write)
    with django_assert_max_num_queries(small):
        cache.clear()
        assert client.get(url).status_code == 200
    assert small <= 12


def test_a_failing_channel_layer_loses_no_message(world, django_capture_on_commit_callbacks, monkeypatch, caplog):
    class Down:
        async def group_send(self, group, event):
            raise ConnectionError("Redis is down")

    monkeypatch.setattr("twinning.chat.broadcast.get_channel_layer", lambda: Down())
    with django_capture_on_commit_callbacks(execute=True):
        message = post(world, "staff_a", "Stored anyway")
    assert Message.objects.get().pk == message.pk
    assert "chat broadcast to partnership" in caplog.text
