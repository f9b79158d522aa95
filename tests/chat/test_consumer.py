"""The chat websocket (in-memory channel layer): members connect and receive what is posted,
catch up on what they missed since an id, and move their read mark; others are refused."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from asgiref.testing import ApplicationCommunicator
from django.test import Client

from config.asgi import application
from twinning.chat import actions, selectors

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://testserver")


class WebsocketCommunicator(ApplicationCommunicator):
    """A websocket client speaking ASGI to the application (channels.testing needs daphne)."""

    def __init__(self, app, path: str, headers: list[tuple[bytes, bytes]]):
        parts = urlsplit(path)
        scope = {
            "type": "websocket",
            "path": parts.path,
            "query_string": parts.query.encode(),
            "headers": [(b"host", b"testserver"), *headers],
            "subprotocols": [],
            "client": ["127.0.0.1", 50000],
            "server": ["testserver", 80],
        }
        super().__init__(app, scope)

    async def connect(self, timeout: float = 3) -> tuple[bool, int | None]:
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output(timeout)
        return answer["type"] == "websocket.accept", answer.get("code")

    async def receive_json_from(self, timeout: float = 3) -> dict:
        answer = await self.receive_output(timeout)
        return json.loads(answer["text"])

    async def send_json_to(self, data: dict) -> None:
        await self.send_input({"type": "websocket.receive", "text": json.dumps(data)})

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        try:
            await self.wait(1)
        except TimeoutError:
            pass


def _cookie(user) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def _communicator(user, path: str = "/ws/chat/a-b/") -> WebsocketCommunicator:
    headers = [ORIGIN] + ([(b"cookie", _cookie(user))] if user is not None else [])
    return WebsocketCommunicator(application, path, headers=headers)


def test_a_member_receives_a_message_as_soon_as_it_is_posted(world):
    communicator = _communicator(world["citizen"])

    async def scenario():
        connected, _code = await communicator.connect()
        assert connected
        message = await sync_to_async(actions.message_post)(world["partnership"], world["coordinator_b"], "Live *now*")
        received = await communicator.receive_json_from(timeout=3)
        await communicator.disconnect()
        return message, received

    message, received = async_to_sync(scenario)()
    assert received == selectors.as_payload(message)
    assert received["html"] == "<p>Live <em>now</em></p>\n"


def test_a_reconnecting_client_gets_what_it_missed_since_its_last_id(world):
    seen = actions.message_post(world["partnership"], world["staff_a"], "Seen")
    missed = [actions.message_post(world["partnership"], world["coordinator_b"], f"Missed {n}") for n in range(3)]
    communicator = _communicator(world["staff_a"], f"/ws/chat/a-b/?after={seen.pk}")

    async def scenario():
        connected, _code = await communicator.connect()
        assert connected
        received = [await communicator.receive_json_from(timeout=3) for _missed in missed]
        assert await communicator.receive_nothing(timeout=0.2)
        await communicator.send_json_to({"type": "read", "id": received[-1]["id"]})
        await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()
        return received

    assert [m["id"] for m in async_to_sync(scenario)()] == [m.pk for m in missed]
    assert selectors.last_read_id(world["staff_a"], world["partnership"]) == missed[-1].pk


def test_a_hidden_message_reaches_clients_as_hidden(world):
    message = actions.message_post(world["partnership"], world["staff_a"], "Oops")
    communicator = _communicator(world["staff_a"])

    async def scenario():
        assert (await communicator.connect())[0]
        await sync_to_async(actions.message_hide)(message, world["coordinator_a"], "Personal data")
        received = await communicator.receive_json_from(timeout=3)
        await communicator.disconnect()
        return received

    received = async_to_sync(scenario)()
    assert received["id"] == message.pk and received["hidden"] and received["html"] == ""
    assert received["hidden_reason"] == "Personal data"


@pytest.mark.parametrize("who", [None, "coordinator_b"])
def test_visitors_and_outsiders_are_refused(world, who):
    user = world[who] if who else None
    path = "/ws/chat/a-b/" if who is None else f"/ws/chat/{world['private'].slug}/"
    communicator = _communicator(user, path)

    async def scenario():
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert not connected and code == 4403


def test_a_foreign_origin_is_refused(world):
    communicator = WebsocketCommunicator(
        application,
        "/ws/chat/a-b/",
        headers=[(b"origin", b"https://evil.example"), (b"cookie", _cookie(world["staff_a"]))],
    )

    async def scenario():
        connected, _code = await communicator.connect()
        await communicator.disconnect()
        return connected

    assert not async_to_sync(scenario)()
