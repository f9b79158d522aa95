"""Two ASGI server processes sharing Redis: a message posted on one reaches a websocket client
of the other, and a client whose server restarts fetches what it missed when it reconnects.

The servers are real ``uvicorn config.asgi:application`` processes on free 127.0.0.1 ports.
They use the test database: on PostgreSQL the test database itself; on SQLite (in memory in
tests) a copy of it in a temporary file. Skipped, with the reason, when no Redis answers.
"""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from tests.chat.servers import database_env, post_message, redis_url, running, server_env, session_for
from tests.factories import MembershipFactory
from twinning.foundation.models import Role

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 10  # seconds for any one step
IDLE = 6  # seconds a client waits before the first message: an idle room must stay connected


async def _connect(server, slug: str, session: str, after: int = 0):
    return await websockets.connect(
        f"{server.ws}/ws/chat/{slug}/?after={after}",
        additional_headers={"Cookie": f"sessionid={session}", "Origin": server.http},
        open_timeout=TIMEOUT,
    )


async def _next(socket) -> dict:
    return json.loads(await asyncio.wait_for(socket.recv(), TIMEOUT))


def test_a_message_posted_on_one_server_reaches_a_client_of_the_other_and_survives_a_restart(world, tmp_path):
    redis, why = redis_url()
    if redis is None:
        pytest.skip(why)
    writer = session_for(world["coordinator_a"])
    reader = session_for(MembershipFactory(municipality=world["b"], role=Role.STAFF).user)
    env = server_env(redis=redis, **database_env(tmp_path))
    slug = world["partnership"].slug

    with running(2, env) as (one, two):

        async def live() -> tuple[dict, dict]:
            socket = await _connect(two, slug, reader)
            try:
                await asyncio.sleep(IDLE)  # longer than the Redis client's default read timeout
                posted = await asyncio.to_thread(post_message, one, slug, writer, "Across *processes*")
                return posted, await _next(socket)
            finally:
                await socket.close()

        posted, received = asyncio.run(live())
        assert received["id"] == posted["id"]
        assert received["html"] == "<p>Across <em>processes</em></p>\n"

        two.stop()  # the reader's server goes down; a message is posted meanwhile
        missed = post_message(one, slug, writer, "While you were away")
        two.start()

        async def reconnect() -> dict:
            socket = await _connect(two, slug, reader, after=received["id"])
            try:
                return await _next(socket)
            finally:
                await socket.close()

        caught_up = asyncio.run(reconnect())
        assert caught_up["id"] == missed["id"] and "While you were away" in caught_up["html"]
