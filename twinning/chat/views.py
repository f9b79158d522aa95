"""The chat page (history, form, unread mark) and the moderation form. Without JavaScript the
page is a list and a form (POST, then redirect); static/chat/chat.js adds the websocket and,
where websockets are blocked, polling of the JSON API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from twinning.chat import actions, selectors
from twinning.chat.forms import HideForm, MessageForm
from twinning.foundation import policy


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def room(request, slug: str):
    partnership = policy.get_chat_partnership(request.user, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = actions.message_post(partnership, request.user, form.cleaned_data["text"])
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            return redirect(reverse("chat:room", kwargs={"slug": slug}) + f"#m{message.pk}")
    before = _int_or_none(request.GET.get("before"))
    history = selectors.latest(partnership, before=before)
    last_read = selectors.last_read_id(request.user, partnership)
    if history and before is None:
        actions.mark_read(request.user, partnership, history[-1].pk)
    return render(
        request,
        "chat/room.html",
        {
            "partnership": partnership,
            "history": history,
            "has_older": selectors.has_older(partnership, history),
            "last_read": last_read,
            "last_id": history[-1].pk if history else 0,
            "form": form,
            "can_moderate": policy.can_moderate_chat(request.user, partnership),
            "is_archive": before is not None,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def hide(request, slug: str, pk: int):
    message = policy.get_chat_message_for_user(request.user, slug, pk, moderate=True)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.message_hide(message, request.user, form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)  # a reason error lands on its field, "already hidden" above the form
        else:
            messages.success(request, _("The message is hidden. Everyone in the chat sees your reason."))
            return redirect(reverse("chat:room", kwargs={"slug": slug}) + f"#m{message.pk}")
    return render(
        request,
        "chat/hide.html",
        {"partnership": message.partnership, "message": message, "form": form},
        status=400 if form.errors else 200,
    )
