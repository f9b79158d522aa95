"""Pages of the circle exercise, the SDG index with matching, and the priorities.

Thin views: parse input, ask the policy, call one action or selector, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.assessment import actions, export, materiality, priorities, selectors
from twinning.assessment.combine import moves
from twinning.assessment.forms import (
    AssessmentEditForm,
    AssessmentForm,
    FocusForm,
    IdeaForm,
    IndexForm,
    MaterialityForm,
    RatingForm,
    ThresholdForm,
)
from twinning.assessment.matching import DEFAULT_STRONG, DEFAULT_WEAK, PEER
from twinning.assessment.models import Level
from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.indicators.selectors import partnership_scores as indicator_scores


def _raters(user, partnership) -> list:
    return selectors.member_municipalities(partnership, policy.rating_municipality_ids(user, partnership))


# --- Circle exercise ---------------------------------------------------------------------


@login_required
@require_GET
def assessment_list(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    return render(
        request,
        "assessment/assessment_list.html",
        {
            "partnership": partnership,
            "assessments": selectors.assessments_of(partnership),
            "can_manage": policy.can_manage_assessments(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    form = AssessmentForm(request.POST or None, initial={"scope": "programme"})
    if request.method == "POST" and form.is_valid():
        assessment = actions.assessment_start(partnership=partnership, user=request.user, **form.cleaned_data)
        messages.success(request, _("The circle exercise is started: round 1 is open for ratings."))
        return redirect("assessment:round", slug=slug, pk=assessment.pk, number=1)
    return render(request, "assessment/assessment_form.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request, slug: str, pk: int):
    assessment = policy.get_assessment_for_user(request.user, slug, pk, write=True)
    partnership = assessment.partnership
    if request.method == "POST":
        form = AssessmentEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.assessment_update(
                    assessment,
                    expected_version=data["version"],
                    scope=data["scope"],
                    subject=data["subject"],
                    notes=data["notes"],
                )
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Someone else saved this exercise while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                post = request.POST.copy()
                post["version"] = str(current.version)
                form = AssessmentEditForm(post)
                form.is_valid()
                context = {"partnership": partnership, "assessment": assessment, "form": form, "conflict": current}
                return render(request, "assessment/assessment_form.html", context, status=409)
            messages.success(request, _("The exercise is saved."))
            return redirect("assessment:assessment_list", slug=slug)
    else:
        form = AssessmentEditForm(
            initial={
                "scope": assessment.scope,
                "subject": assessment.subject,
                "notes": assessment.notes,
                "version": assessment.version,
            }
        )
    return render(
        request, "assessment/assessment_form.html", {"partnership": partnership, "assessment": assessment, "form": form}
    )


@require_POST
@login_required
def round_create(request, slug: str, pk: int):
    assessment = policy.get_assessment_for_user(request.user, slug, pk, write=True)
    round_ = actions.round_start(assessment)
    messages.success(request, _("Round %(number)s is started. It starts empty.") % {"number": round_.number})
    return redirect("assessment:round", slug=slug, pk=pk, number=round_.number)


def _agreement_rows(members, ratings, result, groups=()) -> list[dict]:
    by_key = {(rating.goal, rating.municipality_id): rating for rating in ratings}
    labels = dict(Level.choices)
    goals = selectors.goals_by_number()
    return [
        {
            "goal": goals.get(goal_result.goal),
            "result": goal_result,
            "percent": round(goal_result.value * 100),
            "cells": [by_key.get((goal_result.goal, m.pk)) for m in members],
            "group_cells": [labels.get(group.levels.get(goal_result.goal)) for group in groups],
            "rated": bool(goal_result.levels),
        }
        for goal_result in result.results
    ]


@login_required
@require_GET
def round_detail(request, slug: str, pk: int, number: int):
    round_ = policy.get_round_for_user(request.user, slug, pk, number)
    assessment = round_.assessment
    partnership = assessment.partnership
    members = selectors.members(partnership)
    ratings = selectors.ratings_of(round_)
    workshops = list(round_.workshops.all())
    groups = selectors.workshop_groups(workshops)
    result = selectors.round_result(ratings, groups)
    ideas = selectors.ideas_of(round_)
    raters = _raters(request.user, partnership)
    goals = selectors.goals_by_number()
    gaps = [{"goal": goals.get(goal), "ideas": [idea for idea in ideas if idea.goal == goal]} for goal in result.gaps]
    rounds = selectors.rounds_of(assessment)
    previous = [r for r in rounds if r.number < round_.number]
    return render(
        request,
        "assessment/round_detail.html",
        {
            "partnership": partnership,
            "assessment": assessment,
            "round": round_,
            "rounds": rounds,
            "previous": previous[-1] if previous else None,
            "members": members,
            "result": result,
            "rows": _agreement_rows(members, ratings, result, groups),
            "groups": groups,
            "gaps": gaps,
            "other_ideas": [idea for idea in ideas if idea.goal not in result.gaps],
            "raters": raters,
            "idea_form": IdeaForm(gaps=result.gaps, municipalities=raters) if raters and result.gaps else None,
            "can_manage": policy.can_manage_assessments(request.user, partnership),
            "workshops": workshops,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_rate(request, slug: str, pk: int, number: int, municipality: str):
    round_ = policy.get_round_for_user(request.user, slug, pk, number)
    partnership = round_.assessment.partnership
    rater = selectors.member_or_404(partnership, municipality)
    if not policy.can_rate_for(request.user, rater.pk):
        raise PermissionDenied
    if request.method == "POST":
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                actions.ratings_save(round_, municipality=rater, user=request.user, entries=form.entries())
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The ratings of %(name)s are saved.") % {"name": rater.name})
                return redirect("assessment:round", slug=slug, pk=pk, number=number)
    else:
        own = [r for r in selectors.ratings_of(round_) if r.municipality_id == rater.pk]
        form = RatingForm(initial=RatingForm.initial_for(own))
    return render(
        request,
        "assessment/round_rate.html",
        {"partnership": partnership, "round": round_, "assessment": round_.assessment, "rater": rater, "form": form},
    )


@require_POST
@login_required
def idea_create(request, slug: str, pk: int, number: int):
    round_ = policy.get_round_for_user(request.user, slug, pk, number)
    partnership = round_.assessment.partnership
    raters = _raters(request.user, partnership)
    if not raters:
        raise PermissionDenied
    result = selectors.round_result(selectors.ratings_of(round_), selectors.round_workshop_groups(round_))
    form = IdeaForm(request.POST, gaps=result.gaps, municipalities=raters)
    if form.is_valid():
        municipality = next(m for m in raters if m.pk == form.cleaned_data["municipality"])
        actions.idea_add(
            round_,
            goal=form.cleaned_data["goal"],
            municipality=municipality,
            author=request.user,
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Your idea is added."))
    else:
        messages.error(request, _("The idea was not added: choose one of the gaps and write the idea."))
    return redirect(reverse("assessment:round", kwargs={"slug": slug, "pk": pk, "number": number}) + "#gaps")


@require_POST
@login_required
def round_publish(request, slug: str, pk: int, number: int):
    round_ = policy.get_round_for_user(request.user, slug, pk, number, write=True)
    publish = request.POST.get("publish") == "1"
    actions.round_publish(round_, publish=publish)
    if publish:
        messages.success(
            request, _("Round %(number)s is published: visitors see its wheel and gaps.") % {"number": number}
        )
    else:
        messages.success(request, _("Round %(number)s is private again.") % {"number": number})
    return redirect("assessment:round", slug=slug, pk=pk, number=number)


@require_GET
def round_public(request, slug: str, pk: int, number: int):
    round_ = policy.get_published_round(request.user, slug, pk, number)
    result = selectors.round_result(selectors.ratings_of(round_), selectors.round_workshop_groups(round_))
    goals = selectors.goals_by_number()
    return render(
        request,
        "assessment/round_public.html",
        {
            "partnership": round_.assessment.partnership,
            "assessment": round_.assessment,
            "round": round_,
            "result": result,
            "gaps": [goals.get(goal) for goal in result.gaps],
        },
    )


@login_required
@require_GET
def compare(request, slug: str, pk: int):
    assessment = policy.get_assessment_for_user(request.user, slug, pk)
    rounds = selectors.rounds_of(assessment)
    if len(rounds) < 2:
        raise Http404
    by_number = {r.number: r for r in rounds}
    try:
        before = by_number[int(request.GET.get("before", rounds[-2].number))]
        after = by_number[int(request.GET.get("after", rounds[-1].number))]
    except (KeyError, ValueError) as exc:
        raise Http404 from exc
    values = selectors.round_values([before, after])
    goals = selectors.goals_by_number()
    moved = [
        {"goal": goals.get(m.goal), "move": m, "before": round(m.before * 100), "after": round(m.after * 100)}
        for m in moves(values[before.pk], values[after.pk])
    ]
    return render(
        request,
        "assessment/compare.html",
        {
            "partnership": assessment.partnership,
            "assessment": assessment,
            "rounds": rounds,
            "before": before,
            "after": after,
            "before_values": values[before.pk],
            "after_values": values[after.pk],
            "moved": moved,
        },
    )


def _export_rows(round_) -> list[list]:
    ratings = selectors.ratings_of(round_)
    return [
        [
            round_.assessment.name,
            round_.number,
            rating.municipality.name,
            rating.goal,
            rating.level,
            Level(rating.level).label,
            " ".join(link.target.code for link in rating.sdg_links.all() if link.target_id),
            rating.reason,
        ]
        for rating in sorted(ratings, key=lambda r: (r.municipality.name, r.goal))
    ]


@login_required
@require_GET
def round_csv(request, slug: str, pk: int, number: int):
    round_ = policy.get_round_for_user(request.user, slug, pk, number)
    header = [
        _("exercise"),
        _("round"),
        _("municipality"),
        _("SDG"),
        _("level"),
        _("level name"),
        _("targets"),
        _("reason"),
    ]
    body = export.to_csv(header, _export_rows(round_))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-assessment-{pk}-round-{number}.csv"'
    return response


@login_required
@require_GET
def round_pdf(request, slug: str, pk: int, number: int):
    from weasyprint import HTML

    round_ = policy.get_round_for_user(request.user, slug, pk, number)
    partnership = round_.assessment.partnership
    members = selectors.members(partnership)
    ratings = selectors.ratings_of(round_)
    groups = selectors.round_workshop_groups(round_)
    result = selectors.round_result(ratings, groups)
    goals = selectors.goals_by_number()
    html = render_to_string(
        "assessment/round_pdf.html",
        {
            "partnership": partnership,
            "assessment": round_.assessment,
            "round": round_,
            "members": members,
            "result": result,
            "rows": _agreement_rows(members, ratings, result, groups),
            "groups": groups,
            "gaps": [goals.get(goal) for goal in result.gaps],
            "printed": timezone.now(),
        },
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slug}-assessment-{pk}-round-{number}.pdf"'
    return response


# --- SDG index and matching --------------------------------------------------------------


@login_required
@require_GET
def sdg_index(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    form = ThresholdForm(request.GET or None)
    strong, weak = DEFAULT_STRONG, DEFAULT_WEAK
    if form.is_bound and form.is_valid():
        strong, weak = form.cleaned_data["strong"], form.cleaned_data["weak"]
    scores = selectors.index_scores(partnership)
    goals = selectors.goals_by_number()
    rankings = [
        {
            "municipality": municipality,
            "ranking": [
                {"goal": goals.get(goal), "row": per_goal[goal], "rank": place}
                for place, (goal, _score) in enumerate(
                    sorted(((g, r.score) for g, r in per_goal.items()), key=lambda p: (-p[1], p[0])), start=1
                )
            ],
        }
        for municipality, per_goal in scores.items()
    ]
    matches = selectors.index_matches(scores, strong=strong, weak=weak)
    raters = set(policy.rating_municipality_ids(request.user, partnership))
    members = selectors.members(partnership)
    measured = indicator_scores(partnership)  # seam of the indicators app
    from_indicators = [
        {"goal": goals.get(number), "scores": [measured.get(m.pk, {}).get(number) for m in members]}
        for number in sorted({n for per_goal in measured.values() for n in per_goal})
    ]
    return render(
        request,
        "assessment/sdg_index.html",
        {
            "partnership": partnership,
            "form": form,
            "strong": strong,
            "weak": weak,
            "rankings": rankings,
            "peer": [{"match": m, "goal": goals.get(m.goal)} for m in matches if m.kind == PEER],
            "joint": [{"match": m, "goal": goals.get(m.goal)} for m in matches if m.kind != PEER],
            "editable": [m for m in members if m.pk in raters],
            "members": members,
            "from_indicators": from_indicators,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sdg_index_edit(request, slug: str, municipality: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    scorer = selectors.member_or_404(partnership, municipality)
    if not policy.can_rate_for(request.user, scorer.pk):
        raise PermissionDenied
    if request.method == "POST":
        form = IndexForm(request.POST)
        if form.is_valid():
            try:
                actions.index_scores_save(municipality=scorer, user=request.user, entries=form.entries())
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The SDG index of %(name)s is saved.") % {"name": scorer.name})
                return redirect("assessment:sdg_index", slug=slug)
    else:
        own = selectors.index_scores(partnership)[scorer]
        form = IndexForm(initial=IndexForm.initial_for(own))
    return render(
        request, "assessment/sdg_index_form.html", {"partnership": partnership, "scorer": scorer, "form": form}
    )


# --- Priorities --------------------------------------------------------------------------


@login_required
@require_GET
def priorities_view(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    rows = selectors.materiality_of(partnership)
    goals = selectors.goals_by_number()
    points = materiality.layout((r.goal, r.impact, r.influence, r.prioritised) for r in rows)
    return render(
        request,
        "assessment/priorities.html",
        {
            "partnership": partnership,
            "points": [{"point": p, "goal": goals.get(p.goal)} for p in points],
            "table": sorted(
                (
                    {"row": r, "goal": goals.get(r.goal), "score": materiality.score(r.impact, r.influence)}
                    for r in rows
                ),
                key=lambda item: (-item["score"], item["row"].goal),
            ),
            "grid": materiality.grid(),
            "focus": [(year, goals.get(goal)) for year, goal in sorted(priorities.focus_years(partnership).items())],
            "can_manage": policy.can_manage_assessments(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def priorities_edit(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    if request.method == "POST":
        form = MaterialityForm(request.POST)
        if form.is_valid():
            try:
                actions.materiality_save(partnership, form.entries())
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The materiality analysis and priorities are saved."))
                return redirect("assessment:priorities", slug=slug)
    else:
        form = MaterialityForm(initial=MaterialityForm.initial_for(selectors.materiality_of(partnership)))
    focus_form = FocusForm(initial={"year": timezone.localdate().year})
    return render(
        request,
        "assessment/priorities_form.html",
        {"partnership": partnership, "form": form, "focus_form": focus_form},
    )


@require_POST
@login_required
def focus_set(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    form = FocusForm(request.POST)
    if form.is_valid():
        actions.focus_set(partnership, year=form.cleaned_data["year"], goal=form.cleaned_data["goal"])
        messages.success(request, _("The focus SDG of %(year)s is saved.") % {"year": form.cleaned_data["year"]})
    else:
        messages.error(request, _("Choose a year between 2000 and 2100 and an SDG."))
    return redirect("assessment:priorities", slug=slug)
