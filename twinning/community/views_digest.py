"""The digest opt-out: a preference page for signed-in members and a one-click unsubscribe link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from twinning.community import digest
from twinning.community.forms import DigestPreferenceForm


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = DigestPreferenceForm(
        request.POST if request.method == "POST" else None, initial={"enabled": digest.is_enabled(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        digest.set_enabled(request.user, form.cleaned_data["enabled"])
        if form.cleaned_data["enabled"]:
            messages.success(request, _("You receive the digest e-mail again."))
        else:
            messages.success(request, _("You no longer receive the digest e-mail."))
        return redirect("community:digest_preferences")
    return render(request, "community/digest_preferences.html", {"form": form})


@csrf_exempt  # the signed token authorises it; mail programs post here for one-click unsubscribe (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    user = digest.user_for_token(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        digest.set_enabled(user, False)
        return render(request, "community/digest_unsubscribed.html", {"done": True})
    return render(request, "community/digest_unsubscribed.html", {"done": False, "token": token})
