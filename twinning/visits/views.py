"""Work visit pages: list, visit (delegation, programme, checklist, CO2), forms, PDF, calendar
feed, and the partnership's CO2 and trees. Thin views: policy, one action or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.forms import apply_errors
from twinning.sdg.links import prefetch_links, selection_for
from twinning.sdg.selectors import all_goals
from twinning.visits import actions, airports, documents, feed, selectors
from twinning.visits import emission_factors as ef
from twinning.visits.forms import (
    AgreementForm,
    CompensationPlanForm,
    DelegateForm,
    ProgrammeItemForm,
    TreePlantingForm,
    VisitForm,
)
from twinning.visits.models import Agreement, Delegate, ProgrammeItem, Visit


def _visit_title(visit: Visit) -> str:
    return _("Work visit to %(host)s, %(start)s – %(end)s") % {
        "host": visit.host.name,
        "start": visit.start_date.isoformat(),
        "end": visit.end_date.isoformat(),
    }


@login_required
@require_GET
def visit_list(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug)
    return render(
        request,
        "visits/visit_list.html",
        {
            "partnership": partnership,
            "visits": selectors.visit_list(partnership),
            "can_edit": policy.can_edit_visits(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_create(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug, write=True)
    form = VisitForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = actions.visit_create(partnership, data=data, sdgs=data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The visit is created. Now add the delegation and the programme."))
            return redirect("visits:detail", slug=partnership.slug, pk=visit.pk)
    return render(request, "visits/visit_form.html", {"partnership": partnership, "form": form})


@login_required
@require_GET
def visit_detail(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, queryset=prefetch_links(Visit.objects.all()))
    delegates = selectors.delegates_of(visit)
    items = selectors.items_of(visit)
    plan = selectors.plan_for(visit.partnership)
    days: dict = {}
    for item in items:
        days.setdefault(item.day, []).append(item)
    shown = selectors.checklist(items)
    return render(
        request,
        "visits/visit_detail.html",
        {
            "partnership": visit.partnership,
            "visit": visit,
            "title": _visit_title(visit),
            "delegates": delegates,
            "delegation": selectors.delegation_summary(delegates),
            "days": sorted(days.items()),
            "checklist": [(goal, shown[goal.number]) for goal in all_goals()],
            "emissions": selectors.traveller_emissions(visit, delegates, non_co2=plan.include_non_co2),
            "summary": selectors.visit_emission(visit, delegates, plan),
            "plan": plan,
            "can_edit": policy.can_edit_visits(request.user, visit.partnership),
            "feed_url": request.build_absolute_uri(
                reverse("visits:calendar", kwargs={"pk": visit.pk, "token": visit.feed_token})
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_edit(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    partnership = visit.partnership
    if request.method == "POST":
        form = VisitForm(request.POST, partnership=partnership)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.visit_update(visit, expected_version=data["version"] or 0, data=data, sdgs=data["sdgs"])
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Someone else saved this visit while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                post = request.POST.copy()
                post["version"] = str(current.version)
                form = VisitForm(post, partnership=partnership)
                form.is_valid()
                return render(
                    request,
                    "visits/visit_form.html",
                    {"partnership": partnership, "visit": visit, "form": form, "conflict": current},
                    status=409,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The visit is saved."))
                return redirect("visits:detail", slug=partnership.slug, pk=visit.pk)
    else:
        form = VisitForm(
            instance=visit,
            partnership=partnership,
            initial={"version": visit.version, "sdgs": selection_for(visit)},
        )
    return render(request, "visits/visit_form.html", {"partnership": partnership, "visit": visit, "form": form})


@login_required
@require_POST
def feed_rotate(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    actions.feed_token_rotate(visit)
    messages.success(request, _("The calendar link is renewed. The old link no longer works."))
    return redirect("visits:detail", slug=slug, pk=visit.pk)


@login_required
@require_http_methods(["GET", "POST"])
def delegate_add(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    form = DelegateForm(request.POST or None, partnership=visit.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            actions.delegate_add(visit, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("%(name)s is added to the delegation.") % {"name": form.cleaned_data["name"]})
            return redirect("visits:detail", slug=slug, pk=visit.pk)
    return render(
        request,
        "visits/sub_form.html",
        {
            "partnership": visit.partnership,
            "visit": visit,
            "form": form,
            "heading": _("Add a member of the delegation"),
        },
    )


@login_required
@require_POST
def delegate_remove(request, slug: str, pk: int, delegate_pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    actions.delegate_remove(get_object_or_404(Delegate, pk=delegate_pk, visit=visit))
    messages.success(request, _("The member is removed from the delegation."))
    return redirect("visits:detail", slug=slug, pk=visit.pk)


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    form = ProgrammeItemForm(request.POST or None, partnership=visit.partnership, initial={"day": visit.start_date})
    if request.method == "POST" and form.is_valid():
        try:
            actions.item_add(visit, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The programme item is added."))
            return redirect("visits:detail", slug=slug, pk=visit.pk)
    return render(
        request,
        "visits/sub_form.html",
        {"partnership": visit.partnership, "visit": visit, "form": form, "heading": _("Add a programme item")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, slug: str, pk: int, item_pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    item = get_object_or_404(ProgrammeItem, pk=item_pk, visit=visit)
    item.visit = visit
    if request.method == "POST":
        form = ProgrammeItemForm(request.POST, partnership=visit.partnership)
        if form.is_valid():
            try:
                actions.item_update(item, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The programme item is saved."))
                return redirect("visits:detail", slug=slug, pk=visit.pk)
    else:
        form = ProgrammeItemForm(instance=item, partnership=visit.partnership, initial={"sdgs": selection_for(item)})
    return render(
        request,
        "visits/sub_form.html",
        {
            "partnership": visit.partnership,
            "visit": visit,
            "form": form,
            "heading": _("Edit a programme item"),
            "remove_url": reverse("visits:item_remove", kwargs={"slug": slug, "pk": visit.pk, "item_pk": item.pk}),
        },
    )


@login_required
@require_POST
def item_remove(request, slug: str, pk: int, item_pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    actions.item_remove(get_object_or_404(ProgrammeItem, pk=item_pk, visit=visit))
    messages.success(request, _("The programme item is removed."))
    return redirect("visits:detail", slug=slug, pk=visit.pk)


@login_required
@require_GET
def programme_pdf(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, queryset=prefetch_links(Visit.objects.all()))
    items = selectors.items_of(visit)
    days: dict = {}
    for item in items:
        days.setdefault(item.day, []).append(item)
    pdf = documents.pdf_from_template(
        "visits/programme_pdf.html",
        {"visit": visit, "partnership": visit.partnership, "title": _visit_title(visit), "days": sorted(days.items())},
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="visit-{visit.pk}-programme.pdf"'
    return response


@require_GET
def calendar(request, pk: int, token: str):
    """The subscription feed: no session, the secret token in the URL is the key (read-only)."""
    visit = Visit.objects.select_related("host").filter(pk=pk).first()
    if visit is None or not constant_time_compare(visit.feed_token, token):
        raise Http404
    items = list(visit.items.all())
    body = feed.visit_calendar(visit, items, title=_visit_title(visit))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="visit-{visit.pk}.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_GET
def co2_overview(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug)
    plan = selectors.plan_for(partnership)
    return render(
        request,
        "visits/co2.html",
        {
            "partnership": partnership,
            "plan": plan,
            "emissions": selectors.partnership_emissions(partnership, plan),
            "source": ef.SOURCE,
            "airports": sorted(airports.AIRPORTS.values(), key=lambda a: (a.country, a.iata)),
            "airport_source": airports.SOURCE,
            "factors": [(ef.BAND_LABELS[band], values) for band, values in ef.FACTORS.items()],
            "uplift_percent": ef.DISTANCE_UPLIFT * 100,
            "rf": ef.RADIATIVE_FORCING_MULTIPLIER,
            "kg_per_tree": plan.kg_co2_per_tree_year * plan.tree_years,
            "can_edit": policy.can_edit_visits(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug, write=True)
    form = CompensationPlanForm(request.POST or None, instance=selectors.plan_for(partnership))
    if request.method == "POST" and form.is_valid():
        try:
            actions.plan_update(partnership, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The compensation plan is saved."))
            return redirect("visits:co2", slug=slug)
    return render(
        request,
        "visits/sub_form.html",
        {"partnership": partnership, "form": form, "heading": _("Compensation plan"), "back": "co2"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tree_add(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug, write=True)
    form = TreePlantingForm(request.POST or None, request.FILES or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            actions.tree_planting_add(partnership, data=form.cleaned_data, photo=form.cleaned_data.get("photo") or None)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The trees planted are recorded."))
            return redirect("visits:co2", slug=slug)
    return render(
        request,
        "visits/sub_form.html",
        {"partnership": partnership, "form": form, "heading": _("Record trees planted"), "back": "co2", "upload": True},
    )


@login_required
@require_GET
def memo(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk)
    return render(
        request,
        "visits/memo.html",
        {
            "partnership": visit.partnership,
            "visit": visit,
            "title": _visit_title(visit),
            "agreements": selectors.agreements_of(visit),
            "today": timezone.localdate(),
            "can_edit": policy.can_edit_visits(request.user, visit.partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_add(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    form = AgreementForm(request.POST or None, partnership=visit.partnership, initial={"deadline": visit.end_date})
    if request.method == "POST" and form.is_valid():
        try:
            actions.agreement_add(visit, data=form.cleaned_data, sdgs=form.cleaned_data["sdgs"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The agreement is added to the memo."))
            return redirect("visits:memo", slug=slug, pk=visit.pk)
    return render(
        request,
        "visits/agreement_form.html",
        {"partnership": visit.partnership, "visit": visit, "form": form, "heading": _("Add an agreement")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, slug: str, pk: int, agreement_pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, write=True)
    agreement = get_object_or_404(Agreement, pk=agreement_pk, visit=visit)
    agreement.visit = visit
    context = {"partnership": visit.partnership, "visit": visit, "heading": _("Edit an agreement")}
    if request.method == "POST":
        form = AgreementForm(request.POST, partnership=visit.partnership)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.agreement_update(agreement, expected_version=data["version"] or 0, data=data, sdgs=data["sdgs"])
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Your partner saved this agreement while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                post = request.POST.copy()
                post["version"] = str(current.version)
                form = AgreementForm(post, partnership=visit.partnership)
                form.is_valid()
                return render(
                    request, "visits/agreement_form.html", {**context, "form": form, "conflict": current}, status=409
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The agreement is saved."))
                return redirect("visits:memo", slug=slug, pk=visit.pk)
    else:
        form = AgreementForm(
            instance=agreement,
            partnership=visit.partnership,
            initial={"version": agreement.version, "sdgs": selection_for(agreement)},
        )
    return render(request, "visits/agreement_form.html", {**context, "form": form})


@login_required
@require_GET
def open_agreements(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug)
    return render(
        request,
        "visits/agreements.html",
        {
            "partnership": partnership,
            "agreements": selectors.open_agreements(partnership),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def memo_pdf(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk)
    pdf = documents.pdf_from_template(
        "visits/memo_pdf.html",
        {
            "visit": visit,
            "partnership": visit.partnership,
            "title": _visit_title(visit),
            "agreements": selectors.agreements_of(visit),
        },
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="visit-{visit.pk}-agreements.pdf"'
    return response
