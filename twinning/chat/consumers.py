"""The websocket of a partnership's chat room.

A client connects to ``/ws/chat/<slug>/?after=<last id it has>``. The consumer checks the policy
(members only; others are refused before the handshake completes), joins the room's group,
then sends what the client missed since that id from the database, and from then on every
message the group receives. Messages are posted over HTTP (the page's form or the API), stored
first and broadcast after the commit, so a client that reconnects after a server restart loses
nothing: it asks again with the last id it saw. The client may send ``{"type": "read", "id": N}``
to move its read mark.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied
from django.http import Http404

from twinning.chat import actions, broadcast, selectors
from twinning.foundation import policy

MAX_CATCH_UP_BATCHES = 10  # at most 1,000 missed messages on connect; older ones are on the history page
CLOSE_FORBIDDEN = 4403


def _partnership(user, slug: str):
    try:
        return policy.get_chat_partnership(user, slug)
    except (Http404, PermissionDenied):
        return None


class ChatConsumer(AsyncJsonWebsocketConsumer):
    partnership = None
    group = ""

    async def connect(self) -> None:
        user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["slug"]
        self.partnership = await database_sync_to_async(_partnership)(user, slug)
        if self.partnership is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = broadcast.group_name(self.partnership.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)  # join first: nothing slips between
        await self.accept()
        await self.catch_up(self._after())

    def _after(self) -> int:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        value = (query.get("after") or ["0"])[0]
        return int(value) if value.isdigit() else 0

    async def catch_up(self, last_id: int) -> None:
        if not last_id:
            return  # a fresh client has the page's history already
        for _batch in range(MAX_CATCH_UP_BATCHES):
            missed = await database_sync_to_async(selectors.after)(self.partnership, last_id)
            for message in missed:
                await self.send_json(selectors.as_payload(message))
            if len(missed) < selectors.BATCH:
                return
            last_id = missed[-1].pk

    async def disconnect(self, code) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        if isinstance(content, dict) and content.get("type") == "read" and isinstance(content.get("id"), int):
            await database_sync_to_async(actions.mark_read)(self.scope["user"], self.partnership, content["id"])

    async def chat_message(self, event: dict) -> None:
        await self.send(text_data=event["text"])
