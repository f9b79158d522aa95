"""Reads of the chat, each a fixed number of queries whatever the length of the history."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from twinning.chat.mentions import handles
from twinning.chat.models import Message, ReadMark

PAGE = 50  # messages per page of history
BATCH = 100  # messages per answer to "what came after id N"


def _room(partnership) -> QuerySet[Message]:
    return Message.objects.filter(partnership=partnership).select_related("author")


def latest(partnership, *, before: int | None = None, limit: int = PAGE) -> list[Message]:
    """The ``limit`` newest messages (older than id ``before`` if given), oldest first. One query."""
    queryset = _room(partnership)
    if before is not None:
        queryset = queryset.filter(pk__lt=before)
    return list(reversed(queryset.order_by("-pk")[:limit]))


def after(partnership, last_id: int, *, limit: int = BATCH) -> list[Message]:
    """Messages with an id above ``last_id``, oldest first: what a client missed. One query."""
    return list(_room(partnership).filter(pk__gt=last_id).order_by("pk")[:limit])


def has_older(partnership, messages: list[Message]) -> bool:
    return bool(messages) and Message.objects.filter(partnership=partnership, pk__lt=messages[0].pk).exists()


def last_read_id(user, partnership) -> int:
    mark = ReadMark.objects.filter(user=user, partnership=partnership).values_list("last_read_id", flat=True).first()
    return mark or 0


def room_people(partnership) -> dict[int, list[str]]:
    """Everyone with a role in a member municipality -> the names that mention them. One query."""
    rows = (
        get_user_model()
        .objects.filter(memberships__municipality__partnership_memberships__partnership=partnership, is_active=True)
        .distinct()
        .values_list("pk", "full_name", "email")
    )
    return {pk: handles(full_name, email) for pk, full_name, email in rows}


def as_payload(message: Message) -> dict:
    """What clients receive for one message (websocket, poll and API alike)."""
    return {
        "id": message.pk,
        "author": str(message.author) if message.author else "",
        "author_id": message.author_id,
        "created_at": message.created_at.isoformat(),
        "html": "" if message.is_hidden else message.html,
        "hidden": message.is_hidden,
        "hidden_reason": message.hidden_reason,
    }


def mentions_of(user, since, partnerships: QuerySet) -> QuerySet[Message]:
    """Visible messages after ``since`` that mention ``user``, in the given partnerships, newest first."""
    return (
        Message.objects.filter(
            mentions=user, created_at__gt=since, hidden_at__isnull=True, partnership__in=partnerships
        )
        .select_related("author", "partnership")
        .order_by("-created_at", "-pk")
    )
