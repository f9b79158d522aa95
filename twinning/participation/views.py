"""Participation pages: consultations (vote online with an account or a code, paper tallies,
results, exports, moderation, adoption), the joint parliament with its budget vote, and the
citizen's own data. Thin views: policy, one action or selector, render."""

from __future__ import annotations

import json

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.foundation import policy
from twinning.participation import actions, selectors, throttle
from twinning.participation.actions import ParticipationError
from twinning.participation.forms import (
    AdoptForm,
    ArgumentForm,
    BallotForm,
    BudgetProposalForm,
    BudgetVoteForm,
    CodesForm,
    CommentForm,
    ConsultationForm,
    DebateForm,
    DebateVoteForm,
    HideForm,
    JoinForm,
    LocalisedGoalForm,
    ModerateForm,
    PaperForm,
    ParliamentForm,
    SeatForm,
)
from twinning.participation.models import Argument, Ballot, Phase


def _too_many(request, scope: str) -> HttpResponse | None:
    if throttle.allow(scope, throttle.client_key(request)):
        return None
    return HttpResponse(_("Too many attempts in a short time. Wait a minute and try again."), status=429)


def _error(form, exc: Exception) -> None:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, str(exc))


def _change_phase(request, change, obj, done: str) -> None:
    """Moves a consultation, parliament or debate to the posted phase and says how it went."""
    try:
        change(obj, actor=request.user, phase=request.POST.get("phase", ""))
    except ParticipationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done % {"phase": obj.get_phase_display().lower()})


# --- Consultations ------------------------------------------------------------------------


@require_GET
def consultation_list(request, slug: str):
    partnership = policy.get_participation_partnership(request.user, slug)
    may_manage = policy.can_manage_participation(request.user, partnership)
    consultations = [
        c for c in selectors.consultations_of(partnership) if policy.can_see_phase(request.user, partnership, c.phase)
    ]
    parliaments = [
        p for p in selectors.parliaments_of(partnership) if policy.can_see_phase(request.user, partnership, p.phase)
    ]
    debates = [d for d in selectors.debates_of(partnership) if policy.can_see_phase(request.user, partnership, d.phase)]
    return render(
        request,
        "participation/consultation_list.html",
        {
            "partnership": partnership,
            "consultations": consultations,
            "parliaments": parliaments,
            "debates": debates,
            "may_manage": may_manage,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request, slug: str):
    partnership = policy.get_participation_partnership(request.user, slug, write=True)
    form = ConsultationForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = actions.consultation_create(
                partnership, actor=request.user, data=form.cleaned_data, communities=form.communities()
            )
        except ParticipationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("The consultation is created as a draft. Open it when you are ready."))
            return redirect("participation:manage", slug=slug, pk=consultation.pk)
    return render(
        request, "participation/form.html", {"partnership": partnership, "form": form, "heading": _("New consultation")}
    )


@require_GET
def consultation_detail(request, slug: str, pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk)
    partnership = consultation.partnership
    return render(
        request,
        "participation/consultation_detail.html",
        {
            "partnership": partnership,
            "consultation": consultation,
            "communities": list(consultation.communities.select_related("municipality")),
            "may_manage": policy.can_manage_participation(request.user, partnership),
            "paper_ids": policy.paper_municipality_ids(request.user, partnership),
            "may_see_results": policy.can_see_results(request.user, partnership, consultation.phase),
        },
    )


@require_http_methods(["GET", "POST"])
def vote(request, slug: str, pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk)
    if consultation.phase != Phase.OPEN:
        messages.error(request, _("This consultation is not open for votes."))
        return redirect("participation:consultation", slug=slug, pk=pk)
    needs_code = not policy.can_vote_with_account(request.user)
    initial = {"code": request.GET.get("code", "")[:30]}
    form = BallotForm(request.POST or None, initial=initial, consultation=consultation, needs_code=needs_code)
    if request.method == "POST":
        if refused := _too_many(request, "vote"):
            return refused
        if form.is_valid():
            data = form.cleaned_data
            community = getattr(form, "communities", {}).get(data.get("community"))
            municipality = None
            if data.get("municipality"):
                municipality = selectors.member_municipalities(consultation.partnership).get(data["municipality"])
            try:
                ballot = actions.ballot_cast(
                    consultation,
                    priorities=data["priorities"],
                    worries=data.get("worries") or [],
                    proposal=data.get("proposal", ""),
                    voter=None if needs_code else request.user,
                    code=data.get("code", ""),
                    municipality=municipality,
                    community=community,
                )
            except ParticipationError as exc:
                _error(form, exc)
            else:
                return render(
                    request,
                    "participation/voted.html",
                    {"partnership": consultation.partnership, "consultation": consultation, "receipt": ballot.receipt},
                )
    return render(
        request,
        "participation/vote.html",
        {"partnership": consultation.partnership, "consultation": consultation, "form": form, "needs_code": needs_code},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def manage(request, slug: str, pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk, write=True)
    return render(
        request,
        "participation/manage.html",
        {
            "partnership": consultation.partnership,
            "consultation": consultation,
            "communities": list(consultation.communities.select_related("municipality", "paper_return")),
            "codes_form": CodesForm(consultation=consultation),
            "code_batches": consultation.codes.values("batch").distinct().count(),
            "audit": selectors.audit_of(consultation.partnership),
            "proposals": list(consultation.proposals.select_related("municipality", "community")),
        },
    )


@login_required
@require_POST
def phase(request, slug: str, pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk, write=True)
    _change_phase(request, actions.consultation_set_phase, consultation, _("The consultation is now %(phase)s."))
    return redirect("participation:manage", slug=slug, pk=pk)


def _qr(url: str) -> str:
    return mark_safe(segno.make(url, error="m").svg_inline(scale=2))  # noqa: S308 (segno's own SVG, no user text)


@login_required
@require_POST
def codes(request, slug: str, pk: int):
    """Generates a batch and returns the printable sheet: the only time the plain codes exist."""
    consultation = policy.get_consultation_for_user(request.user, slug, pk, write=True)
    form = CodesForm(request.POST, consultation=consultation)
    if form.is_valid():
        data = form.cleaned_data
        municipality = selectors.member_municipalities(consultation.partnership)[data["municipality"]]
        community = consultation.communities.filter(pk=data["community"]).first() if data["community"] else None
        try:
            plain = actions.codes_generate(
                consultation, actor=request.user, municipality=municipality, community=community, count=data["count"]
            )
        except ParticipationError as exc:
            messages.error(request, str(exc))
            return redirect("participation:manage", slug=slug, pk=pk)
        base = request.build_absolute_uri(reverse("participation:vote", kwargs={"slug": slug, "pk": pk}))
        sheet = [{"code": code, "qr": _qr(f"{base}?code={code}")} for code in sorted(plain)]
        return render(
            request,
            "participation/code_sheet.html",
            {
                "partnership": consultation.partnership,
                "consultation": consultation,
                "sheet": sheet,
                "vote_url": base,
                "municipality": municipality,
                "community": community,
            },
        )
    messages.error(request, _("Check the number of codes and the municipality."))
    return redirect("participation:manage", slug=slug, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def paper(request, slug: str, pk: int, community_pk: int):
    community = policy.get_community_for_paper(request.user, slug, pk, community_pk)
    consultation = community.consultation
    existing = consultation.paper_returns.filter(community=community).first()
    initial = {}
    if existing:
        initial = {"ballots": existing.ballots}
        initial |= {f"priority_{g}": n for g, n in existing.priorities.items()}
        initial |= {f"worry_{g}": n for g, n in existing.worries.items()}
    form = PaperForm(request.POST or None, initial=initial, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            actions.paper_return_save(
                community,
                actor=request.user,
                ballots=form.cleaned_data["ballots"],
                priorities=form.counts("priority"),
                worries=form.counts("worry"),
                proposals=form.proposal_lines(),
            )
        except ParticipationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("The paper tallies of %(name)s are saved.") % {"name": community.name})
            return redirect("participation:consultation", slug=slug, pk=pk)
    return render(
        request,
        "participation/paper.html",
        {"partnership": consultation.partnership, "consultation": consultation, "community": community, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def results(request, slug: str, pk: int):
    consultation = policy.get_consultation_results_for_user(request.user, slug, pk)
    may_manage = policy.can_manage_participation(request.user, consultation.partnership)
    outcome = selectors.results(consultation, include_hidden=may_manage)
    return render(
        request,
        "participation/results.html",
        {
            "partnership": consultation.partnership,
            "consultation": consultation,
            "results": outcome,
            "may_manage": may_manage,
            "adopt_form": AdoptForm(initial={"goals": outcome.top}) if may_manage else None,
        },
    )


@require_GET
def export(request, slug: str, pk: int):
    consultation = policy.get_consultation_results_for_user(request.user, slug, pk)
    response = HttpResponse(selectors.ballots_csv(consultation), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{consultation.pk}-ballots.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def moderate(request, slug: str, pk: int, proposal_pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk, write=True)
    proposal = consultation.proposals.filter(pk=proposal_pk).first()
    if proposal is None:
        raise Http404
    initial = {"group": proposal.group, "mapped_goal": proposal.mapped_goal, "hidden_reason": proposal.hidden_reason}
    form = ModerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.proposal_moderate(proposal, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The proposal is saved."))
        return redirect("participation:manage", slug=slug, pk=pk)
    return render(
        request,
        "participation/form.html",
        {
            "partnership": consultation.partnership,
            "form": form,
            "heading": _("Group, map or hide a proposal"),
            "quote": proposal.text,
        },
    )


@login_required
@require_POST
def adopt(request, slug: str, pk: int):
    consultation = policy.get_consultation_for_user(request.user, slug, pk, write=True)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose at least one goal to adopt."))
    else:
        try:
            goals = actions.consultation_adopt(consultation, actor=request.user, goals=form.cleaned_data["goals"])
        except ParticipationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("The partnership's prioritised SDGs are now: %(goals)s.") % {"goals": ", ".join(map(str, goals))},
            )
    return redirect("participation:results", slug=slug, pk=pk)


# --- The citizen's own data -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    if request.method == "POST":
        count = actions.my_ballots_delete(request.user)
        messages.success(
            request,
            _("Your participation data is deleted (%(count)s ballots of open consultations).") % {"count": count},
        )
        return redirect("participation:my_data")
    ballots = Ballot.objects.filter(voter=request.user).select_related("consultation").prefetch_related("choices")
    if request.GET.get("format") == "json":
        data = [
            {
                "consultation": b.consultation.title,
                "cast_at": b.cast_at.isoformat(),
                "receipt": str(b.receipt),
                "choices": [{"kind": c.kind, "goal": c.goal, "position": c.position} for c in b.choices.all()],
            }
            for b in ballots
        ]
        response = HttpResponse(json.dumps({"ballots": data}, indent=2), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="my-participation.json"'
        return response
    return render(request, "participation/my_data.html", {"ballots": ballots})


# --- Parliament ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def parliament_create(request, slug: str):
    partnership = policy.get_participation_partnership(request.user, slug, write=True)
    form = ParliamentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            parliament = actions.parliament_create(partnership, actor=request.user, data=form.cleaned_data)
        except ParticipationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("The parliament is created. Seat its members, then open the vote."))
            return redirect("participation:parliament", slug=slug, pk=parliament.pk)
    return render(
        request,
        "participation/form.html",
        {"partnership": partnership, "form": form, "heading": _("New city-to-city parliament")},
    )


@require_GET
def parliament_detail(request, slug: str, pk: int):
    parliament = policy.get_parliament_for_user(request.user, slug, pk)
    may_manage = policy.can_manage_participation(request.user, parliament.partnership)
    seat = policy.parliament_seat_of(request.user, parliament)
    return render(
        request,
        "participation/parliament_detail.html",
        {
            "partnership": parliament.partnership,
            "parliament": parliament,
            "proposals": selectors.proposals_of(parliament, include_hidden=may_manage),
            "localised_goals": selectors.localised_goals_of(parliament),
            "members": selectors.members_of(parliament),
            "seat": seat,
            "may_contribute": seat is not None or may_manage,
            "has_voted": seat is not None and _has_ballot(seat),
            "may_manage": may_manage,
            "seat_form": SeatForm(parliament=parliament) if may_manage else None,
            "may_see_results": policy.can_see_results(request.user, parliament.partnership, parliament.phase),
        },
    )


def _has_ballot(seat) -> bool:
    try:
        return seat.ballot is not None
    except seat._meta.model.ballot.RelatedObjectDoesNotExist:
        return False


@login_required
@require_http_methods(["GET", "POST"])
def localised_goal_add(request, slug: str, pk: int):
    """Members of the parliament and the coordinators write localised goals."""
    parliament = policy.get_parliament_for_user(request.user, slug, pk)
    if not policy.can_contribute_to_parliament(request.user, parliament):
        raise PermissionDenied
    form = LocalisedGoalForm(request.POST or None, partnership=parliament.partnership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.localised_goal_add(
                parliament, actor=request.user, title=data["title"], description=data["description"], sdgs=data["sdgs"]
            )
        except ParticipationError as exc:
            _error(form, exc)
        else:
            messages.success(request, _("The localised goal is added."))
            return redirect("participation:parliament", slug=slug, pk=pk)
    return render(
        request,
        "participation/form.html",
        {
            "partnership": parliament.partnership,
            "parliament": parliament,
            "form": form,
            "heading": _("Write a localised goal"),
        },
    )


@login_required
@require_POST
def parliament_phase(request, slug: str, pk: int):
    parliament = policy.get_parliament_for_user(request.user, slug, pk, write=True)
    _change_phase(request, actions.parliament_set_phase, parliament, _("The vote is now %(phase)s."))
    return redirect("participation:parliament", slug=slug, pk=pk)


@login_required
@require_POST
def seat(request, slug: str, pk: int):
    parliament = policy.get_parliament_for_user(request.user, slug, pk, write=True)
    form = SeatForm(request.POST, parliament=parliament)
    if form.is_valid():
        municipality = selectors.member_municipalities(parliament.partnership)[form.cleaned_data["municipality"]]
        try:
            actions.member_seat(
                parliament, actor=request.user, user=form.cleaned_data["email"], municipality=municipality
            )
        except ParticipationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The member is seated."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("participation:parliament", slug=slug, pk=pk)


def _seat_or_403(request, parliament):
    seat_ = policy.parliament_seat_of(request.user, parliament)
    if seat_ is None:
        raise PermissionDenied
    return seat_


@login_required
@require_http_methods(["GET", "POST"])
def budget_proposal_add(request, slug: str, pk: int):
    parliament = policy.get_parliament_for_user(request.user, slug, pk)
    member = _seat_or_403(request, parliament)
    form = BudgetProposalForm(request.POST or None)
    if request.method == "POST":
        if refused := _too_many(request, "post"):
            return refused
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal = actions.budget_proposal_add(parliament, member=member, **data)
            except ParticipationError as exc:
                _error(form, exc)
            else:
                messages.success(request, _("Your project is proposed."))
                return redirect("participation:budget_proposal", slug=slug, pk=pk, proposal_pk=proposal.pk)
    return render(
        request,
        "participation/form.html",
        {"partnership": parliament.partnership, "form": form, "heading": _("Propose a project")},
    )


@require_http_methods(["GET", "POST"])
def budget_proposal_detail(request, slug: str, pk: int, proposal_pk: int):
    proposal = policy.get_budget_proposal_for_user(request.user, slug, pk, proposal_pk)
    parliament = proposal.parliament
    may_comment = policy.can_contribute_to_parliament(request.user, parliament)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not may_comment:
            raise PermissionDenied
        if refused := _too_many(request, "post"):
            return refused
        if form.is_valid():
            try:
                actions.comment_add(proposal, author=request.user, text=form.cleaned_data["text"])
            except ParticipationError as exc:
                _error(form, exc)
            else:
                messages.success(request, _("Your comment is posted."))
                return redirect("participation:budget_proposal", slug=slug, pk=pk, proposal_pk=proposal.pk)
    may_manage = policy.can_manage_participation(request.user, parliament.partnership)
    return render(
        request,
        "participation/budget_proposal.html",
        {
            "partnership": parliament.partnership,
            "parliament": parliament,
            "proposal": proposal,
            "comments": selectors.comments_of(proposal),
            "form": form if may_comment else None,
            "hide_form": HideForm() if may_manage else None,
        },
    )


@login_required
@require_POST
def budget_proposal_hide(request, slug: str, pk: int, proposal_pk: int):
    proposal = policy.get_budget_proposal_for_user(request.user, slug, pk, proposal_pk)
    if not policy.can_manage_participation(request.user, proposal.parliament.partnership):
        raise PermissionDenied
    form = HideForm(request.POST)
    if form.is_valid():
        actions.budget_proposal_hide(proposal, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The project is hidden. Coordinators still see it with the reason."))
    else:
        messages.error(request, _("Give a reason for hiding."))
    return redirect("participation:parliament", slug=slug, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def budget_vote(request, slug: str, pk: int):
    parliament = policy.get_parliament_for_user(request.user, slug, pk)
    member = _seat_or_403(request, parliament)
    proposals = selectors.proposals_of(parliament)
    form = BudgetVoteForm(request.POST or None, proposals=proposals, currency=parliament.currency)
    if request.method == "POST":
        if refused := _too_many(request, "vote"):
            return refused
        if form.is_valid():
            try:
                actions.budget_ballot_cast(parliament, member=member, project_ids=form.cleaned_data["projects"])
            except ParticipationError as exc:
                _error(form, exc)
            else:
                messages.success(request, _("Your budget vote is counted. Thank you."))
                return redirect("participation:parliament", slug=slug, pk=pk)
    rules = actions.rules_of(parliament)
    return render(
        request,
        "participation/budget_vote.html",
        {
            "partnership": parliament.partnership,
            "parliament": parliament,
            "form": form,
            "proposals": proposals,
            "minimum": actions.knapsack.minimum_spend(rules),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def budget_results(request, slug: str, pk: int):
    parliament = policy.get_parliament_results_for_user(request.user, slug, pk)
    return render(
        request,
        "participation/budget_results.html",
        {
            "partnership": parliament.partnership,
            "parliament": parliament,
            "result": selectors.budget_result(parliament),
        },
    )


@require_GET
def pabulib_export(request, slug: str, pk: int):
    parliament = policy.get_parliament_results_for_user(request.user, slug, pk)
    response = HttpResponse(selectors.pabulib_file(parliament), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="parliament-{parliament.pk}.pb"'
    return response


# --- Youth debate -------------------------------------------------------------------------


def _pupil(request, debate) -> dict | None:
    """The group and first name this browser joined the debate with (kept in the session only)."""
    return request.session.get(f"debate:{debate.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def debate_create(request, slug: str):
    partnership = policy.get_participation_partnership(request.user, slug, write=True)
    form = DebateForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            debate, codes_by_group = actions.debate_create(
                partnership,
                actor=request.user,
                title=form.cleaned_data["title"],
                options=form.option_lines(),
                groups=form.groups(selectors.member_municipalities(partnership)),
            )
        except ParticipationError as exc:
            _error(form, exc)
        else:
            groups = list(debate.groups.select_related("municipality"))
            return render(
                request,
                "participation/debate_codes.html",
                {
                    "partnership": partnership,
                    "debate": debate,
                    "codes": [(group, codes_by_group[group.pk]) for group in groups],
                },
            )
    return render(
        request, "participation/form.html", {"partnership": partnership, "form": form, "heading": _("New youth debate")}
    )


@require_GET
def debate_detail(request, slug: str, pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk)
    may_manage = policy.can_manage_participation(request.user, debate.partnership)
    view = selectors.debate_view(debate, include_hidden=may_manage)
    pupil = _pupil(request, debate)
    return render(
        request,
        "participation/debate_detail.html",
        {
            "partnership": debate.partnership,
            "debate": debate,
            "view": view,
            "pupil": pupil,
            "may_manage": may_manage,
            "join_form": JoinForm() if debate.phase == Phase.OPEN and not pupil else None,
            "argument_form": ArgumentForm() if debate.phase == Phase.OPEN and pupil else None,
            "vote_form": DebateVoteForm(options=view.options) if debate.phase == Phase.OPEN and pupil else None,
        },
    )


@require_POST
def debate_join(request, slug: str, pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk)
    form = JoinForm(request.POST)
    if refused := _too_many(request, "vote"):
        return refused
    if form.is_valid():
        try:
            group = actions.debate_group_for_code(debate, form.cleaned_data["code"])
            name = actions.first_name_clean(form.cleaned_data["first_name"])
        except ParticipationError as exc:
            messages.error(request, str(exc))
        else:
            request.session[f"debate:{debate.pk}"] = {"group": group.pk, "name": name, "class": group.class_name}
            messages.success(
                request, _("Welcome, %(name)s! You are in class %(class)s.") % {"name": name, "class": group.class_name}
            )
    else:
        messages.error(request, _("Fill in the group code and your first name."))
    return redirect("participation:debate", slug=slug, pk=pk)


def _pupil_group(request, debate):
    pupil = _pupil(request, debate)
    group = debate.groups.filter(pk=pupil["group"]).first() if pupil else None
    if group is None:
        raise PermissionDenied
    return pupil, group


@require_POST
def debate_argue(request, slug: str, pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk)
    pupil, group = _pupil_group(request, debate)
    if refused := _too_many(request, "post"):
        return refused
    form = ArgumentForm(request.POST)
    if form.is_valid():
        try:
            actions.argument_add(
                group, first_name=pupil["name"], side=form.cleaned_data["side"], text=form.cleaned_data["text"]
            )
        except ParticipationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your argument is posted."))
    else:
        messages.error(request, _("Choose for or against and write your argument."))
    return redirect("participation:debate", slug=slug, pk=pk)


@require_POST
def debate_vote(request, slug: str, pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk)
    pupil, group = _pupil_group(request, debate)
    if refused := _too_many(request, "vote"):
        return refused
    form = DebateVoteForm(request.POST, options=debate.options.all())
    if form.is_valid():
        try:
            actions.debate_vote_cast(group, first_name=pupil["name"], option_id=form.cleaned_data["option"])
        except ParticipationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your vote is counted. Thank you!"))
    else:
        messages.error(request, _("Choose one of the joint projects."))
    return redirect("participation:debate", slug=slug, pk=pk)


@login_required
@require_POST
def debate_phase(request, slug: str, pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk, write=True)
    _change_phase(request, actions.debate_set_phase, debate, _("The debate is now %(phase)s."))
    return redirect("participation:debate", slug=slug, pk=pk)


@login_required
@require_POST
def debate_hide(request, slug: str, pk: int, argument_pk: int):
    debate = policy.get_debate_for_user(request.user, slug, pk, write=True)
    argument = Argument.objects.filter(pk=argument_pk, group__debate=debate).select_related("group__debate").first()
    if argument is None:
        raise Http404
    actions.argument_hide(argument, actor=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("The argument is hidden."))
    return redirect("participation:debate", slug=slug, pk=pk)
