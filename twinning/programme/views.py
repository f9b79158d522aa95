"""Programme and protocol pages. Thin views: policy, one action or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.forms import apply_errors
from twinning.localized import localized
from twinning.programme import actions, documents, selectors
from twinning.programme.forms import (
    ActivityForm,
    CampaignActionForm,
    CampaignPlanForm,
    ProgrammeForm,
    ProtocolItemForm,
    TitleForm,
)
from twinning.programme.models import Action, Activity, CampaignPlan, ProtocolItem, StrategicGoal
from twinning.sdg.links import selection_for
from twinning.sdg.selectors import all_goals


def _conflict_screen(request, form_class, template: str, context: dict, conflict: EditConflict):
    """The form again with what the user typed, the stored version beside it, and the new version
    to save against (409)."""
    post = request.POST.copy()
    post["version"] = str(conflict.current.version)
    form = form_class(post)
    form.is_valid()
    return render(request, template, {**context, "form": form, "conflict": conflict.current}, status=409)


def _priorities_url(partnership) -> str:
    try:
        return reverse("assessment:priorities", kwargs={"slug": partnership.slug})
    except NoReverseMatch:
        return ""


@login_required
@require_GET
def programme_list(request, slug: str):
    partnership = policy.get_partnership_for_programme(request.user, slug)
    return render(
        request,
        "programme/programme_list.html",
        {
            "partnership": partnership,
            "programmes": selectors.programme_list(partnership),
            "can_edit": policy.can_edit_programme(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request, slug: str):
    partnership = policy.get_partnership_for_programme(request.user, slug, write=True)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = actions.programme_create(
                partnership,
                title=data["title"],
                description=data["description"],
                start_year=data["start_year"],
                end_year=data["end_year"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The programme is created. Now add its strategic goals."))
            return redirect("programme:detail", slug=slug, pk=programme.pk)
    return render(
        request,
        "programme/programme_form.html",
        {"partnership": partnership, "form": form, "heading": _("Draw up a multi-annual programme")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, slug: str, pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    partnership = programme.partnership
    context = {"partnership": partnership, "programme": programme, "heading": _("Edit the programme")}
    if request.method == "POST":
        form = ProgrammeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.programme_update(programme, expected_version=data["version"] or 0, data=data)
            except EditConflict as conflict:
                messages.error(
                    request,
                    _(
                        "Someone else saved this programme while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                return _conflict_screen(request, ProgrammeForm, "programme/programme_form.html", context, conflict)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The programme is saved."))
                return redirect("programme:detail", slug=slug, pk=programme.pk)
    else:
        form = ProgrammeForm(instance=programme, initial={"version": programme.version})
    return render(request, "programme/programme_form.html", {**context, "form": form})


@login_required
@require_GET
def programme_detail(request, slug: str, pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk)
    goals = selectors.goals_of(programme)
    overview = selectors.overview(programme, selectors.activities_in(goals))
    goals_by_number = {goal.number: goal for goal in all_goals()}
    return render(
        request,
        "programme/programme_detail.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "goals": goals,
            "overview": overview,
            "budget_rows": [(goals_by_number[n], sums) for n, sums in overview.budget_per_goal.items()],
            "untouched": [goals_by_number[n] for n in overview.untouched],
            "prioritised": [goals_by_number[n] for n in overview.prioritised],
            "priorities_url": _priorities_url(programme.partnership),
            "campaigns": _with_goals(selectors.campaign_years(programme), goals_by_number),
            "can_edit": policy.can_edit_programme(request.user, programme.partnership),
        },
    )


def _with_goals(rows: list[selectors.CampaignYear], goals_by_number: dict) -> list[selectors.CampaignYear]:
    """Attach the SDG objects (for tiles and names) to the campaign years."""
    for row in rows:
        row.focus_goal = goals_by_number.get(row.focus)
        row.plan_goal = goals_by_number.get(row.plan.goal) if row.plan else None
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def goal_add(request, slug: str, pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    form = TitleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.goal_add(programme, **form.cleaned_data)
        messages.success(request, _("The strategic goal is added."))
        return redirect("programme:detail", slug=slug, pk=programme.pk)
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Add a strategic goal"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, slug: str, pk: int, goal_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    goal = get_object_or_404(StrategicGoal, pk=goal_pk, programme=programme)
    form = TitleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.action_add(goal, **form.cleaned_data)
        messages.success(request, _("The action is added."))
        return redirect("programme:detail", slug=slug, pk=programme.pk)
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Add an action under “%(goal)s”") % {"goal": goal.title},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request, slug: str, pk: int, action_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    action = get_object_or_404(Action.objects.select_related("goal"), pk=action_pk, goal__programme=programme)
    action.goal.programme = programme
    form = ActivityForm(request.POST or None, partnership=programme.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            actions.activity_add(action, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The activity is added."))
            return redirect("programme:detail", slug=slug, pk=programme.pk)
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Add an activity under “%(action)s”") % {"action": action.title},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, slug: str, pk: int, activity_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    activity = get_object_or_404(
        Activity.objects.select_related("action__goal"), pk=activity_pk, action__goal__programme=programme
    )
    activity.action.goal.programme = programme
    if request.method == "POST":
        form = ActivityForm(request.POST, partnership=programme.partnership)
        if form.is_valid():
            try:
                actions.activity_update(activity, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The activity is saved."))
                return redirect("programme:detail", slug=slug, pk=programme.pk)
    else:
        form = ActivityForm(
            instance=activity, partnership=programme.partnership, initial={"sdgs": selection_for(activity)}
        )
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Edit the activity"),
            "remove_url": reverse(
                "programme:activity_remove", kwargs={"slug": slug, "pk": programme.pk, "activity_pk": activity.pk}
            ),
        },
    )


@login_required
@require_POST
def activity_remove(request, slug: str, pk: int, activity_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    actions.activity_remove(get_object_or_404(Activity, pk=activity_pk, action__goal__programme=programme))
    messages.success(request, _("The activity is removed."))
    return redirect("programme:detail", slug=slug, pk=programme.pk)


@login_required
@require_GET
def report_pdf(request, slug: str, pk: int, year: int):
    programme = policy.get_programme_for_user(request.user, slug, pk)
    if year not in programme.years:
        raise Http404
    goals = selectors.goals_of(programme)
    activities = selectors.activities_of_year(selectors.activities_in(goals), year)
    overview = selectors.overview(programme, activities)
    goals_by_number = {goal.number: goal for goal in all_goals()}
    pdf = documents.pdf_from_template(
        "programme/report_pdf.html",
        {
            "programme": programme,
            "partnership": programme.partnership,
            "year": year,
            "activities": activities,
            "covered": [(goals_by_number[n], share) for n, share in sorted(overview.wheel.items())],
            "untouched": [goals_by_number[n] for n in overview.untouched],
            "campaign": next(
                row for row in _with_goals(selectors.campaign_years(programme), goals_by_number) if row.year == year
            ),
        },
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="programme-{programme.pk}-{year}.pdf"'
    return response


@login_required
@require_GET
def protocol(request, slug: str):
    partnership = policy.get_partnership_for_programme(request.user, slug)
    protocol = actions.protocol_for(partnership)
    items = selectors.protocol_items(protocol)
    for item in items:
        item.shown_text = localized(item.text)
    return render(
        request,
        "programme/protocol.html",
        {
            "partnership": partnership,
            "items": items,
            "can_edit": policy.can_edit_programme(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def protocol_item_add(request, slug: str):
    partnership = policy.get_partnership_for_programme(request.user, slug, write=True)
    protocol = actions.protocol_for(partnership)
    form = ProtocolItemForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            actions.protocol_item_add(protocol, text=form.cleaned_data["text"], sdgs=form.cleaned_data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The protocol item is added."))
            return redirect("programme:protocol", slug=slug)
    return render(
        request,
        "programme/sub_form.html",
        {"partnership": partnership, "form": form, "heading": _("Add a protocol item"), "back": "protocol"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def protocol_item_edit(request, slug: str, item_pk: int):
    partnership = policy.get_partnership_for_programme(request.user, slug, write=True)
    item = get_object_or_404(ProtocolItem, pk=item_pk, protocol__partnership=partnership)
    if request.method == "POST":
        form = ProtocolItemForm(request.POST, partnership=partnership)
        if form.is_valid():
            try:
                actions.protocol_item_update(item, text=form.cleaned_data["text"], sdgs=form.cleaned_data["sdgs"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The protocol item is saved."))
                return redirect("programme:protocol", slug=slug)
    else:
        form = ProtocolItemForm(partnership=partnership, initial={"text": item.text, "sdgs": selection_for(item)})
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": partnership,
            "form": form,
            "heading": _("Edit a protocol item"),
            "back": "protocol",
            "remove_url": reverse("programme:protocol_item_remove", kwargs={"slug": slug, "item_pk": item.pk}),
        },
    )


@login_required
@require_POST
def protocol_item_remove(request, slug: str, item_pk: int):
    partnership = policy.get_partnership_for_programme(request.user, slug, write=True)
    actions.protocol_item_remove(get_object_or_404(ProtocolItem, pk=item_pk, protocol__partnership=partnership))
    messages.success(request, _("The protocol item is removed."))
    return redirect("programme:protocol", slug=slug)


def _campaign_heading(campaign_year: int, goal) -> str:
    return _("Campaign %(year)s for SDG %(goal)s") % {"year": campaign_year, "goal": goal}


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request, slug: str, pk: int, year: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    if year not in programme.years:
        raise Http404
    form = CampaignPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.campaign_create(programme, year=year, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The campaign plan is saved. Now add its actions."))
            return redirect(reverse("programme:detail", kwargs={"slug": slug, "pk": programme.pk}) + "#campaigns-h")
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Plan the campaign of %(year)s for the focus SDG") % {"year": year},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, slug: str, pk: int, campaign_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    campaign = get_object_or_404(CampaignPlan, pk=campaign_pk, programme=programme)
    context = {
        "partnership": programme.partnership,
        "programme": programme,
        "heading": _campaign_heading(campaign.year, campaign.goal),
    }
    if request.method == "POST":
        form = CampaignPlanForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.campaign_update(campaign, expected_version=data["version"] or 0, data=data)
            except EditConflict as conflict:
                messages.error(
                    request,
                    _(
                        "Your partner saved this campaign plan while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                return _conflict_screen(request, CampaignPlanForm, "programme/campaign_form.html", context, conflict)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The campaign plan is saved."))
                return redirect(reverse("programme:detail", kwargs={"slug": slug, "pk": programme.pk}) + "#campaigns-h")
    else:
        form = CampaignPlanForm(instance=campaign, initial={"version": campaign.version})
    return render(request, "programme/campaign_form.html", {**context, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def campaign_action_add(request, slug: str, pk: int, campaign_pk: int):
    programme = policy.get_programme_for_user(request.user, slug, pk, write=True)
    campaign = get_object_or_404(CampaignPlan, pk=campaign_pk, programme=programme)
    form = CampaignActionForm(request.POST or None, initial={"currency": campaign.currency})
    if request.method == "POST" and form.is_valid():
        try:
            actions.campaign_action_add(campaign, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The campaign action is added."))
            return redirect(reverse("programme:detail", kwargs={"slug": slug, "pk": programme.pk}) + "#campaigns-h")
    return render(
        request,
        "programme/sub_form.html",
        {
            "partnership": programme.partnership,
            "programme": programme,
            "form": form,
            "heading": _("Add an action to the campaign %(year)s") % {"year": campaign.year},
        },
    )
