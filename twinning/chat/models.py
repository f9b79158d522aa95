"""The partnership chat: messages (stored before they are broadcast), mentions and read marks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 2000


class Message(models.Model):
    """One chat message. Its id orders the room: "what did I miss since id N" is ``id > N``."""

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="chat_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("message"), max_length=MAX_LENGTH)
    html = models.TextField(editable=False)  # the text rendered and sanitised once, when it is written
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="chat_mentions")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    hidden_reason = models.CharField(_("reason"), max_length=200, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["partnership", "id"], name="chat_message_room_id")]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")

    def __str__(self) -> str:
        return f"#{self.pk} in {self.partnership_id}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class ReadMark(models.Model):
    """The last message a person has read in a partnership's chat; later ones are unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_read_marks")
    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="+")
    last_read_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "partnership"], name="chat_readmark_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.partnership_id} up to {self.last_read_id}"
