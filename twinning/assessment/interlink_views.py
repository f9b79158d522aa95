"""Interlinkages: the partners pick a few targets per prioritised SDG, each municipality scores how
working on one influences another (-3..+3, SDG Synergies), and the page shows the cross-impact
matrix with drivers, dependents and second-order effects (see interlinkages.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from twinning.assessment import actions, interlinkages, selectors
from twinning.assessment.forms import InterlinkScoreForm, InterlinkTargetsForm
from twinning.assessment.priorities import prioritised_goals
from twinning.foundation import policy
from twinning.sdg.models import Goal


def _cell(value: float | None, contested: bool) -> dict:
    return {
        "value": None if value is None else round(value, 1),
        "sign": "" if not value else ("pos" if value > 0 else "neg"),
        "contested": contested,
    }


@login_required
@require_GET
def interlinkages_view(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    members = selectors.members(partnership)
    targets = selectors.interlink_targets(partnership)
    per_partner = selectors.interlink_scores(partnership)
    names = {m.pk: m.name for m in members}
    shown = request.GET.get("partner", "")
    partner = next((m for m in members if m.slug == shown), None)
    if partner is not None:
        means = {pair: float(v) for pair, v in per_partner.get(partner.pk, {}).items()}
        contested: set = set()
    else:
        means, contested = interlinkages.combine({names.get(k, str(k)): v for k, v in per_partner.items()})
    codes = [t.code for t in targets]
    m = interlinkages.matrix(codes, means)
    reach = interlinkages.reach(codes, m)
    by_code = {r.code: r for r in reach}
    rows = [
        {
            "target": a,
            "cells": [None if a.pk == b.pk else _cell(means.get((a.code, b.code)), (a.code, b.code) in contested)
                      for b in targets],
            "out": round(by_code[a.code].out, 1),
        }
        for a in targets
    ]  # fmt: skip
    second = interlinkages.second_order(m)
    return render(
        request,
        "assessment/interlinkages.html",
        {
            "partnership": partnership,
            "members": members,
            "partner": partner,
            "targets": targets,
            "rows": rows,
            "column_sums": [round(by_code[code].into, 1) for code in codes],
            "second_rows": [
                {"target": a, "cells": [round(float(v), 1) for v in second[i]]} for i, a in enumerate(targets)
            ],
            "reach": reach,
            "start": reach[0] if reach and reach[0].total > 0 else None,
            "contested": len(contested),
            "scored_by": [m for m in members if per_partner.get(m.pk)],
            "raters": [m for m in members if m.pk in set(policy.rating_municipality_ids(request.user, partnership))],
            "can_manage": policy.can_manage_assessments(request.user, partnership),
            "labels": sorted(interlinkages.LABELS.items(), reverse=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def interlink_targets_edit(request, slug: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug, write=True)
    goals = list(
        Goal.objects.filter(number__in=prioritised_goals(partnership)).prefetch_related("targets").order_by("number")
    )
    chosen = {t.code for t in selectors.interlink_targets(partnership)}
    initial = {f"goal_{g.number}": [t.code for t in g.targets.all() if t.code in chosen] for g in goals}
    form = InterlinkTargetsForm(request.POST or None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.interlink_targets_set(partnership, form.codes())
        except actions.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The targets are saved. Each partner can now score their interactions."))
            return redirect("assessment:interlinkages", slug=slug)
    return render(
        request, "assessment/interlink_targets.html", {"partnership": partnership, "form": form, "goals": goals}
    )


@login_required
@require_http_methods(["GET", "POST"])
def interlink_score(request, slug: str, municipality: str):
    partnership = policy.get_assessment_partnership_for_user(request.user, slug)
    scorer = selectors.member_or_404(partnership, municipality)
    if not policy.can_rate_for(request.user, scorer.pk):
        raise PermissionDenied
    targets = selectors.interlink_targets(partnership)
    if request.method == "POST":
        form = InterlinkScoreForm(request.POST, targets=targets)
        if form.is_valid():
            try:
                actions.interlink_scores_save(
                    partnership, municipality=scorer, user=request.user, entries=form.entries()
                )
            except actions.AssessmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The scores of %(name)s are saved.") % {"name": scorer.name})
                return redirect("assessment:interlinkages", slug=slug)
    else:
        own = selectors.interlink_scores(partnership).get(scorer.pk, {})
        initial = {InterlinkScoreForm.field_name(a, b): value for (a, b), value in own.items()}
        form = InterlinkScoreForm(initial=initial, targets=targets)
    return render(
        request,
        "assessment/interlink_score.html",
        {"partnership": partnership, "scorer": scorer, "form": form, "targets": targets},
    )
