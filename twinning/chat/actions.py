"""Writes of the chat: post a message, hide one, move a read mark. Each stores first, then tells
the connected clients through the channel layer once the transaction has committed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.chat import broadcast, selectors
from twinning.chat.mentions import find_mentions
from twinning.chat.models import MAX_LENGTH, Message, ReadMark
from twinning.chat.rendering import render_message

REASON_LENGTH = 200


def clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a message first."), code="empty")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("A message has at most %(max)d characters; this one has %(length)d.")
            % {"max": MAX_LENGTH, "length": len(text)},
            code="too_long",
        )
    return text


def message_post(partnership, author, text: str) -> Message:
    """Store a message with its rendered HTML and mentions, mark it read for its author, broadcast it."""
    text = clean_text(text)
    mentioned = find_mentions(text, selectors.room_people(partnership)) - {author.pk}
    with transaction.atomic():
        message = Message.objects.create(partnership=partnership, author=author, text=text, html=render_message(text))
        if mentioned:
            message.mentions.set(mentioned)
        mark_read(author, partnership, message.pk)
        payload = selectors.as_payload(message)
        transaction.on_commit(lambda: broadcast.announce(partnership.pk, payload))
    return message


def message_hide(message: Message, by, reason: str) -> Message:
    """A coordinator hides a message; everyone then sees the reason instead of the text."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the message is hidden.")})
    if len(reason) > REASON_LENGTH:
        raise ValidationError({"reason": _("The reason has at most %(max)d characters.") % {"max": REASON_LENGTH}})
    if message.is_hidden:
        raise ValidationError(_("This message is already hidden."))
    with transaction.atomic():
        message.hidden_at = timezone.now()
        message.hidden_by = by
        message.hidden_reason = reason
        message.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        payload = selectors.as_payload(message)
        transaction.on_commit(lambda: broadcast.announce(message.partnership_id, payload))
    return message


def mark_read(user, partnership, message_id: int) -> None:
    """Move the user's read mark forward to ``message_id`` (never back)."""
    if not message_id:
        return
    moved = ReadMark.objects.filter(user=user, partnership=partnership, last_read_id__lt=message_id).update(
        last_read_id=message_id
    )
    if not moved:
        ReadMark.objects.get_or_create(user=user, partnership=partnership, defaults={"last_read_id": message_id})
