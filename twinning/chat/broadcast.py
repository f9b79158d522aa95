"""The channel-layer side of the chat: one group per partnership, and the events sent to it.

Messages are stored first; the broadcast only tells connected clients. When it fails (the
channel layer is unreachable) nothing is lost: clients fetch what they missed by id.
"""

from __future__ import annotations

import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def group_name(partnership_id: int) -> str:
    return f"chat.{partnership_id}"


def announce(partnership_id: int, payload: dict) -> None:
    """Send one message payload (``selectors.as_payload``) to every client of the room."""
    layer = get_channel_layer()
    try:
        # encoded once here rather than once per connected client
        event = {"type": "chat.message", "text": json.dumps(payload)}
        async_to_sync(layer.group_send)(group_name(partnership_id), event)
    except Exception:  # the message is stored; clients catch up by id when they reconnect or poll
        logger.exception("chat broadcast to partnership %s failed", partnership_id)
