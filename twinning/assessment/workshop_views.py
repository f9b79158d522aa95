"""Workshop mode: a facilitator shows the live wheel on a projector; participants rate from their phones.

Participants need no account: the join code is the invitation. Joining stores a token in the
participant's session, and the rating page only accepts that participant's own ratings. The
facilitator's wheel is refreshed by htmx polling (every few seconds); without JavaScript the
page still works with a reload.
"""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.assessment import actions, outcome, selectors
from twinning.assessment.forms import AdoptForm, JoinCodeForm, JoinForm, WorkshopRatingForm
from twinning.assessment.models import Level
from twinning.foundation import policy

SESSION_KEY = "assessment_workshops"  # {code: participant token}
POLL_SECONDS = 3


def _live_context(workshop) -> dict:
    state = selectors.workshop_state(workshop)
    return {"workshop": workshop, "state": state, "poll": POLL_SECONDS}


def _outcome(state) -> list[tuple[int, str]]:
    """The group's level per rated SDG, from the live state (no query), as shown before adopting."""
    levels = {result.goal: list(result.levels.values()) for result in state.result.results if result.levels}
    return [(goal, Level(level).label) for goal, level in outcome.workshop_outcome(levels).items()]


def _default_label(workshop) -> str:
    date = formats.date_format(timezone.localtime(workshop.created_at), "j F Y")
    return _("Workshop %(date)s") % {"date": date}


@require_POST
@login_required
def workshop_start(request, slug: str, pk: int, number: int):
    round_ = policy.get_round_for_user(request.user, slug, pk, number, write=True)
    workshop = actions.workshop_open(round_, user=request.user)
    messages.success(
        request, _("The workshop is open. Participants join with the code %(code)s.") % {"code": workshop.code}
    )
    return redirect("assessment:workshop", slug=slug, code=workshop.code)


@login_required
@require_GET
def workshop_facilitate(request, slug: str, code: str):
    workshop = policy.get_workshop_for_user(request.user, slug, code)
    partnership = workshop.round.assessment.partnership
    context = _live_context(workshop)
    join_url = request.build_absolute_uri(reverse("assessment:workshop_join", kwargs={"code": workshop.code}))
    qr = segno.make(join_url, error="m").svg_inline(scale=5, omitsize=True)
    return render(
        request,
        "assessment/workshop.html",
        {
            **context,
            "outcome": [] if workshop.is_open else _outcome(context["state"]),
            "partnership": partnership,
            "assessment": workshop.round.assessment,
            "round": workshop.round,
            "join_url": join_url,
            "entry_url": request.build_absolute_uri(reverse("assessment:workshop_enter")),
            "qr": qr,
            "can_manage": policy.can_manage_assessments(request.user, partnership),
            "adopt_form": AdoptForm(initial={"label": _default_label(workshop)})
            if not workshop.is_open and not workshop.is_adopted and policy.can_adopt_workshop(request.user, partnership)
            else None,
        },
    )


@login_required
@require_GET
def workshop_live(request, slug: str, code: str):
    """The wheel fragment the facilitator's page polls."""
    workshop = policy.get_workshop_for_user(request.user, slug, code)
    return render(request, "assessment/_workshop_live.html", _live_context(workshop))


@require_POST
@login_required
def workshop_close(request, slug: str, code: str):
    workshop = policy.get_workshop_for_user(request.user, slug, code, write=True)
    actions.workshop_close(workshop)
    messages.success(request, _("The workshop is closed: nobody can join or rate any more."))
    return redirect("assessment:workshop", slug=slug, code=code)


@require_POST
@login_required
def workshop_adopt(request, slug: str, code: str):
    """Adopt the closed workshop's outcome into its round as the ratings of a workshop group."""
    workshop = policy.get_workshop_to_adopt(request.user, slug, code)
    form = AdoptForm(request.POST)
    error = None
    if form.is_valid():
        try:
            adopted = actions.workshop_adopt(workshop, label=form.cleaned_data["label"], user=request.user)
        except actions.AssessmentError as exc:
            error = str(exc)
        else:
            if adopted:
                messages.success(
                    request,
                    _("The outcome of the workshop now counts in round %(number)s as “%(label)s”.")
                    % {"number": workshop.round.number, "label": form.cleaned_data["label"]},
                )
            else:
                messages.info(request, _("This workshop was already adopted into its round."))
            round_ = workshop.round
            return redirect("assessment:round", slug=slug, pk=round_.assessment.pk, number=round_.number)
    else:
        error = " ".join(message for errors in form.errors.values() for message in errors)
    messages.error(request, error)
    return redirect("assessment:workshop", slug=slug, code=code)


# --- Participants (no account) ------------------------------------------------------------


@require_GET
def workshop_enter(request):
    form = JoinCodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("assessment:workshop_join", code=form.cleaned_data["code"])
    return render(request, "assessment/workshop_enter.html", {"form": form})


def _closed(request, workshop):
    return render(request, "assessment/workshop_closed.html", {"workshop": workshop}, status=410)


@require_http_methods(["GET", "POST"])
def workshop_join(request, code: str):
    workshop = policy.get_workshop_by_code(code)
    if not workshop.is_open:
        return _closed(request, workshop)
    if request.session.get(SESSION_KEY, {}).get(code):
        return redirect("assessment:workshop_rate", code=code)
    partnership = workshop.round.assessment.partnership
    municipalities = selectors.members(partnership)
    form = JoinForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        municipality = next(m for m in municipalities if m.pk == form.cleaned_data["municipality"])
        participant = actions.workshop_join(workshop, name=form.cleaned_data["name"], municipality=municipality)
        joined = request.session.get(SESSION_KEY, {})
        joined[code] = participant.token
        request.session[SESSION_KEY] = joined
        return redirect("assessment:workshop_rate", code=code)
    return render(
        request,
        "assessment/workshop_join.html",
        {"workshop": workshop, "partnership": partnership, "assessment": workshop.round.assessment, "form": form},
    )


@require_http_methods(["GET", "POST"])
def workshop_rate(request, code: str):
    workshop = policy.get_workshop_by_code(code)
    if not workshop.is_open:
        return _closed(request, workshop)
    participant = policy.workshop_participant_by_token(workshop, request.session.get(SESSION_KEY, {}).get(code))
    if participant is None:
        return redirect("assessment:workshop_join", code=code)
    if request.method == "POST":
        form = WorkshopRatingForm(request.POST)
        if form.is_valid():
            try:
                actions.workshop_ratings_save(participant, form.entries())
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Your ratings are saved: they now count on the facilitator's wheel."))
                return redirect("assessment:workshop_rate", code=code)
    else:
        own = selectors.own_workshop_levels(participant)
        form = WorkshopRatingForm(initial={f"level_{goal}": level for goal, level in own.items()})
    return render(
        request,
        "assessment/workshop_rate.html",
        {"workshop": workshop, "assessment": workshop.round.assessment, "participant": participant, "form": form},
    )
