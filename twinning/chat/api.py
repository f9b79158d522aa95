"""The chat part of /api/v1/, mounted by twinning/api/api.py.

Members only (session login), as on the web page; anyone else gets 404. Reading with
``after=<id>`` returns what came after that id (what a client missed) and moves the reader's
read mark; without it, the latest page of history. Posting needs the CSRF token of the session
(``X-CSRFToken``), like any form of the site. The chat page's script polls and posts here when
websockets are blocked.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from twinning.chat import actions, selectors
from twinning.foundation import policy

router = Router(tags=["Chat"])


class ErrorOut(Schema):
    detail: str


class MessageOut(Schema):
    id: int
    author: str
    author_id: int | None
    created_at: datetime
    html: str = Field(description="The message as sanitised HTML; empty when a coordinator hid it")
    hidden: bool
    hidden_reason: str


class MessagesOut(Schema):
    messages: list[MessageOut]
    last_id: int = Field(description="Ask again with after=last_id for what comes next")


class MessageIn(Schema):
    text: str


@router.get(
    "/partnerships/{slug}/messages",
    response={200: MessagesOut, 404: ErrorOut},
    summary="Chat history of a partnership, or what came after a message id (members only)",
    url_name="chat_messages",
)
def list_messages(request, slug: str, after: int | None = None):
    partnership = policy.get_chat_partnership(request.user, slug)
    if after is None:
        messages = selectors.latest(partnership)
        last_id = messages[-1].pk if messages else 0
    else:
        messages = selectors.after(partnership, after)
        last_id = messages[-1].pk if messages else after
        actions.mark_read(request.user, partnership, last_id)
    return {"messages": [selectors.as_payload(message) for message in messages], "last_id": last_id}


@router.post(
    "/partnerships/{slug}/messages",
    response={201: MessageOut, 404: ErrorOut, 422: ErrorOut},
    auth=django_auth,
    summary="Post a chat message (members only; session and CSRF token)",
    url_name="chat_post",
)
def post_message(request, slug: str, payload: MessageIn):
    partnership = policy.get_chat_partnership(request.user, slug)
    try:
        message = actions.message_post(partnership, request.user, payload.text)
    except ValidationError as exc:
        return Status(422, {"detail": " ".join(exc.messages)})
    return Status(201, selectors.as_payload(message))
