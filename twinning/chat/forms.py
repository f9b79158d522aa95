from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.chat.actions import REASON_LENGTH
from twinning.chat.models import MAX_LENGTH


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_LENGTH}),
        help_text=_("Mention someone with @ and their name. *italic*, **bold** and links work."),
        error_messages={"required": _("Write a message first.")},
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this message hidden?"),
        max_length=REASON_LENGTH,
        help_text=_("Everyone in the chat sees this reason instead of the message."),
        error_messages={"required": _("Say why the message is hidden.")},
    )
