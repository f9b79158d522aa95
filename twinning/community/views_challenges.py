"""Challenges between the member municipalities and their live scoreboard (htmx polling; a reload
shows the same without JavaScript)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from twinning.community import actions, selectors
from twinning.community.forms import ChallengeForm, ContributionForm
from twinning.community.rendering import render_markdown
from twinning.community.scoreboard import phase
from twinning.foundation import policy
from twinning.foundation.models import Municipality

POLL_SECONDS = 5


def challenge_list(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug)
    today = timezone.localdate()
    grouped: dict[str, list] = {"running": [], "upcoming": [], "finished": []}
    for challenge in selectors.challenges(partnership):
        grouped[phase(challenge.starts_on, challenge.ends_on, today)].append(challenge)
    return render(
        request,
        "community/challenge_list.html",
        {
            "partnership": partnership,
            "grouped": grouped,
            "can_manage": policy.can_manage_challenges(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def challenge_create(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug)
    if not policy.can_manage_challenges(request.user, partnership):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            challenge = actions.challenge_create(
                partnership=partnership, user=request.user, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"]
            )
        except actions.CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The challenge is set up."))
            return redirect("community:challenge", slug=partnership.slug, pk=challenge.pk)
    return render(request, "community/challenge_form.html", {"partnership": partnership, "form": form})


def _scoreboard_context(challenge) -> dict:
    members = selectors.members(challenge.partnership)
    return {
        "challenge": challenge,
        "partnership": challenge.partnership,
        "rows": selectors.standings(challenge, members),
        "phase": phase(challenge.starts_on, challenge.ends_on, timezone.localdate()),
        "poll_seconds": POLL_SECONDS,
    }


def challenge_detail(request, slug: str, pk: int, form=None):
    challenge = policy.get_challenge_for_user(request.user, slug, pk)
    context = _scoreboard_context(challenge)
    allowed_ids = policy.contribution_municipality_ids(request.user, challenge.partnership)
    if form is None and allowed_ids and context["phase"] == "running":
        form = ContributionForm(
            initial={"contributed_on": timezone.localdate()},
            municipalities=Municipality.objects.filter(pk__in=allowed_ids).order_by("name"),
        )
    context.update(
        {
            "form": form,
            "description": render_markdown(challenge.description),
            "contributions": selectors.recent_contributions(challenge),
            "links": list(challenge.sdg_links.select_related("goal", "target").order_by("goal__number")),
        }
    )
    return render(request, "community/challenge_detail.html", context, status=400 if form and form.errors else 200)


def scoreboard(request, slug: str, pk: int):
    """The scoreboard alone, for htmx to swap in every few seconds."""
    challenge = policy.get_challenge_for_user(request.user, slug, pk)
    return render(request, "community/_scoreboard.html", _scoreboard_context(challenge))


@login_required
@require_http_methods(["POST"])
def contribute(request, slug: str, pk: int):
    challenge = policy.get_challenge_for_user(request.user, slug, pk)
    allowed_ids = policy.contribution_municipality_ids(request.user, challenge.partnership)
    if not allowed_ids:
        raise PermissionDenied
    form = ContributionForm(
        request.POST,
        request.FILES,
        municipalities=Municipality.objects.filter(pk__in=allowed_ids).order_by("name"),
    )
    if form.is_valid():
        try:
            actions.contribution_log(
                challenge,
                user=request.user,
                data=form.cleaned_data,
                allowed_ids=allowed_ids,
                today=timezone.localdate(),
                photo=form.cleaned_data.get("photo") or None,
            )
        except actions.CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your contribution is counted."))
            return redirect("community:challenge", slug=challenge.partnership.slug, pk=challenge.pk)
    return challenge_detail(request, slug, pk, form=form)
