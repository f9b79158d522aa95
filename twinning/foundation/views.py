"""Public partnership pages, the coordinators' editing pages and invitations. Thin views:
parse input, ask the policy, call one action or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from twinning.accounts.forms import SetPasswordForm
from twinning.caching import cache_for_visitors
from twinning.foundation import actions, policy, selectors, slots
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.distance import pairwise_distances
from twinning.foundation.forms import (
    InvitationForm,
    LocalTargetForm,
    MunicipalityForm,
    PartnershipFilterForm,
    PartnershipForm,
)
from twinning.foundation.languages import language_name
from twinning.foundation.models import Membership, Partnership
from twinning.foundation.slots import panels_for
from twinning.sdg.links import goal_shares, selection_for
from twinning.sdg.models import LocalTarget
from twinning.sdg.selectors import all_goals


@cache_for_visitors()
def home(request):
    goals = all_goals()
    form = PartnershipFilterForm(
        request.GET or None, country_codes=selectors.partnership_countries(request.user), goals=goals
    )
    country = sdg = None
    if form.is_valid():
        country = form.cleaned_data.get("country") or None
        sdg = form.cleaned_data.get("sdg")
    page = Paginator(selectors.partnership_list(request.user, country=country, sdg=sdg), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "foundation/home.html", {"form": form, "page": page, "goals": goals})


@cache_for_visitors()
def partnership_detail(request, slug: str):
    partnership = selectors.partnership_page(request.user, slug)
    members = selectors.members(partnership)
    distances = pairwise_distances([(m.name, float(m.latitude), float(m.longitude)) for m in members])
    links = list(partnership.sdg_links.all())
    return render(
        request,
        "foundation/partnership_detail.html",
        {
            "partnership": partnership,
            "members": members,
            "distances": distances,
            "sdg_focus": goal_shares(links),
            "sdg_links": links,
            "goals": all_goals(),
            "panels": panels_for(request, partnership),
            "can_edit": policy.can_edit_partnership(request.user, partnership),
            "editable_members": [m for m in members if policy.can_edit_municipality(request.user, m)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def municipality_edit(request, slug: str):
    municipality = policy.get_municipality_for_user(request.user, slug, write=True)
    if request.method == "POST":
        form = MunicipalityForm(request.POST, request.FILES)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in {"version", "photo"}}
            try:
                actions.municipality_update(
                    municipality,
                    expected_version=form.cleaned_data["version"],
                    data=data,
                    photo=form.cleaned_data.get("photo") or None,
                )
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Someone else saved this profile while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                form = MunicipalityForm(
                    data={
                        **request.POST.dict(),
                        "version": current.version,
                        "languages": request.POST.getlist("languages"),
                    }
                )
                form.is_valid()
                return render(
                    request,
                    "foundation/municipality_edit.html",
                    {"municipality": current, "form": form, "conflict": current},
                    status=409,
                )
            messages.success(request, _("The profile of %(name)s is saved.") % {"name": municipality.name})
            return redirect("foundation:municipality", slug=municipality.slug)
    else:
        form = MunicipalityForm(initial=MunicipalityForm.initial_for(municipality))
    return render(request, "foundation/municipality_edit.html", {"municipality": municipality, "form": form})


def municipality_detail(request, slug: str):
    municipality = policy.get_municipality_for_user(request.user, slug)
    partnerships = selectors.with_members(
        policy.partnerships_visible_to(request.user).filter(memberships__municipality=municipality)
    )
    return render(
        request,
        "foundation/municipality_detail.html",
        {
            "municipality": municipality,
            "languages": [language_name(code) for code in municipality.languages],
            "partnerships": partnerships,
            "can_edit": policy.can_edit_municipality(request.user, municipality),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def partnership_edit(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug, write=True)
    local_targets = LocalTarget.objects.filter(owner=partnership).select_related("target")
    if request.method == "POST":
        form = PartnershipForm(request.POST, local_targets=local_targets)
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in actions.PARTNERSHIP_FIELDS}
            try:
                actions.partnership_update(
                    partnership,
                    expected_version=form.cleaned_data["version"],
                    data=data,
                    sdg_focus=form.cleaned_data["sdg_focus"],
                )
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Someone else saved this partnership while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                post = request.POST.copy()
                post["version"] = str(current.version)
                form = PartnershipForm(post, local_targets=local_targets)
                form.is_valid()
                return render(
                    request,
                    "foundation/partnership_edit.html",
                    {"partnership": current, "form": form, "conflict": current},
                    status=409,
                )
            messages.success(request, _("The partnership is saved."))
            return redirect("foundation:partnership", slug=partnership.slug)
    else:
        initial = {k: getattr(partnership, k) for k in actions.PARTNERSHIP_FIELDS}
        form = PartnershipForm(
            initial={**initial, "version": partnership.version, "sdg_focus": selection_for(partnership)},
            local_targets=local_targets,
        )
    return render(request, "foundation/partnership_edit.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def local_targets(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug, write=True)
    form = LocalTargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            local = actions.local_target_create(
                partnership=partnership,
                target=form.cleaned_data["target"],
                suffix=form.cleaned_data["suffix"],
                title=form.cleaned_data["title"],
            )
        except ValueError as exc:
            form.add_error("suffix", str(exc))
        else:
            messages.success(request, _("Local target %(code)s is added.") % {"code": local.code})
            return redirect("foundation:local_targets", slug=partnership.slug)
    items = LocalTarget.objects.filter(owner=partnership).select_related("target__goal")
    return render(request, "foundation/local_targets.html", {"partnership": partnership, "form": form, "items": items})


@login_required
@require_http_methods(["GET", "POST"])
def municipality_people(request, slug: str):
    municipality = policy.get_municipality_for_user(request.user, slug)
    if not policy.can_manage_people(request.user, municipality):
        raise policy.PermissionDenied
    form = InvitationForm(request.POST or None, roles=policy.invitable_roles(request.user, municipality))
    if request.method == "POST" and form.is_valid():
        try:
            actions.invitation_create(
                municipality=municipality,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                language=get_language(),
            )
        except actions.InvitationError as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(request, _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("foundation:people", slug=municipality.slug)
    people = Membership.objects.filter(municipality=municipality).select_related("user").order_by("role", "user__email")
    invitations = municipality.invitations.filter(accepted_at__isnull=True).select_related("invited_by")
    return render(
        request,
        "foundation/people.html",
        {"municipality": municipality, "people": people, "invitations": invitations, "form": form},
    )


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    invitation = actions.invitation_by_token(token)
    if invitation is None:
        return render(request, "foundation/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                actions.invitation_accept(invitation, request.user)
            except actions.InvitationError as exc:
                messages.error(request, str(exc))
                return redirect("foundation:dashboard")
            messages.success(
                request,
                _("Welcome! You now work with %(municipality)s on SDG Twinning.")
                % {"municipality": invitation.municipality},
            )
            return redirect("foundation:dashboard")
        return render(request, "foundation/invitation.html", {"invitation": invitation})
    form = SetPasswordForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.invitation_accept_new_account(
                invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
                language=get_language(),
            )
        except actions.InvitationError as exc:
            messages.error(request, str(exc))
            return redirect("accounts:login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! You now work with %(municipality)s on SDG Twinning.")
            % {"municipality": invitation.municipality},
        )
        return redirect("foundation:dashboard")
    return render(request, "foundation/invitation.html", {"invitation": invitation, "form": form})


@login_required
def dashboard(request):
    memberships = (
        Membership.objects.filter(user=request.user).select_related("municipality").order_by("municipality__name")
    )
    partnerships = selectors.with_members(
        Partnership.objects.filter(memberships__municipality__people__user=request.user).distinct()
    )
    return render(
        request,
        "foundation/dashboard.html",
        {
            "memberships": memberships,
            "partnerships": partnerships,
            "is_admin": policy.is_platform_admin(request.user),
            "account_links": slots.account_links(),
        },
    )
