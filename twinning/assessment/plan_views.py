"""The SDG inventory of each member side by side, and the partners' joint action plan.

Each municipality edits its own inventory entries; ideas for gaps and inventory entries become
actions of the plan (with an owner and a due date). Shared text is versioned: the second of two
people saving at once sees both versions and decides.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from twinning.assessment import actions, selectors
from twinning.assessment.forms import ActionForm, InventoryForm
from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict

CONFLICT = _(
    "Someone else saved this while you were editing. Their version is shown; your text is kept in the form. "
    "Check and save again."
)


@login_required
@require_GET
def inventory(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    members = selectors.members(partnership)
    grouped = selectors.inventory_of(partnership)
    editable = set(policy.rating_municipality_ids(request.user, partnership))
    rows = [
        {
            "goal": goal,
            "cells": [
                {"municipality": m, "entry": grouped.get(goal.number, {}).get(m.pk), "editable": m.pk in editable}
                for m in members
            ],
        }
        for goal in selectors.goals_by_number().values()
    ]
    return render(
        request,
        "assessment/inventory.html",
        {
            "partnership": partnership,
            "members": members,
            "rows": rows,
            "filled": sum(len(per_goal) for per_goal in grouped.values()),
            "can_plan": policy.can_plan_actions(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def inventory_edit(request, slug: str, municipality: str, goal: int):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    owner = selectors.member_or_404(partnership, municipality)
    if not policy.can_rate_for(request.user, owner.pk):
        raise PermissionDenied
    if not 1 <= goal <= 17:
        raise Http404
    entry = selectors.inventory_entry(owner, goal)
    conflict = None
    status = 200
    if request.method == "POST":
        form = InventoryForm(request.POST)
        if form.is_valid():
            try:
                actions.inventory_save(
                    municipality=owner,
                    goal=goal,
                    expected_version=form.cleaned_data["version"],
                    data=form.as_input(),
                    user=request.user,
                )
            except EditConflict as exc:
                conflict, status = exc.current, 409
                messages.error(request, CONFLICT)
                post = request.POST.copy()
                post["version"] = str(conflict.version)
                form = InventoryForm(post)
                form.is_valid()
            else:
                messages.success(request, _("The inventory of %(name)s is saved.") % {"name": owner.name})
                return redirect(reverse("assessment:inventory", kwargs={"slug": slug}) + f"#sdg-{goal}")
    else:
        initial = {"version": entry.version if entry else 0}
        if entry:
            initial.update({name: getattr(entry, name) for name in actions.INVENTORY_FIELDS})
        form = InventoryForm(initial=initial)
    context = {"partnership": partnership, "owner": owner, "goal": selectors.goals_by_number().get(goal), "form": form}
    return render(request, "assessment/inventory_form.html", {**context, "conflict": conflict}, status=status)


@login_required
@require_GET
def action_plan(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    today = timezone.localdate()
    goals = selectors.goals_by_number()
    items = selectors.actions_of(partnership)
    for item in items:
        item.goal_info = goals.get(item.goal)
    return render(
        request,
        "assessment/action_plan.html",
        {
            "partnership": partnership,
            "items": items,
            "today": today,
            "can_plan": policy.can_plan_actions(request.user, partnership),
        },
    )


def _source(request, partnership):
    """The idea or inventory entry an action starts from (``?idea=`` or ``?entry=``), if any."""
    source = request.POST if request.method == "POST" else request.GET
    idea = entry = None
    try:
        if source.get("idea"):
            idea = selectors.idea_of(partnership, int(source["idea"]))
            if idea is None:
                raise Http404
        if source.get("entry"):
            entry = selectors.entry_of(partnership, int(source["entry"]))
            if entry is None:
                raise Http404
    except ValueError as exc:
        raise Http404 from exc
    return idea, entry


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    if not policy.can_plan_actions(request.user, partnership):
        raise PermissionDenied
    members = selectors.members(partnership)
    idea, entry = _source(request, partnership)
    if request.method == "POST":
        form = ActionForm(request.POST, municipalities=members)
        if form.is_valid():
            try:
                actions.action_add(partnership, form.as_input(), user=request.user, idea=idea, entry=entry)
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The action is added to the joint plan."))
                return redirect("assessment:action_plan", slug=slug)
    else:
        initial = {"due_date": timezone.localdate() + timedelta(days=90)}
        own = policy.rating_municipality_ids(request.user, partnership)
        if own:
            initial["owner_municipality"] = own[0]
        if idea:
            initial.update(title=idea.text[:200], goal=idea.goal, owner_municipality=idea.municipality_id, idea=idea.pk)
        if entry:
            text = entry.more or entry.opportunities or entry.gaps or entry.doing
            initial.update(title=text[:200], goal=entry.goal, owner_municipality=entry.municipality_id, entry=entry.pk)
        form = ActionForm(initial=initial, municipalities=members)
    return render(
        request,
        "assessment/action_form.html",
        {"partnership": partnership, "form": form, "idea": idea, "entry": entry},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, slug: str, pk: int):
    item = policy.get_action_for_user(request.user, slug, pk, write=True)
    partnership = item.partnership
    members = selectors.members(partnership)
    conflict = None
    status = 200
    if request.method == "POST":
        form = ActionForm(request.POST, municipalities=members)
        if form.is_valid():
            try:
                actions.action_update(item, form.as_input(), expected_version=form.cleaned_data["version"] or 0)
            except EditConflict as exc:
                conflict, status = exc.current, 409
                messages.error(request, CONFLICT)
                post = request.POST.copy()
                post["version"] = str(conflict.version)
                form = ActionForm(post, municipalities=members)
                form.is_valid()
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The action is saved."))
                return redirect("assessment:action_plan", slug=slug)
    else:
        form = ActionForm(initial=ActionForm.initial_for(item), municipalities=members)
    return render(
        request,
        "assessment/action_form.html",
        {"partnership": partnership, "form": form, "item": item, "conflict": conflict},
        status=status,
    )
