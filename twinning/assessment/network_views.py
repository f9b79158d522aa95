"""Network matching pages: the best peer for each weak SDG across a municipality's partners, or
across the whole platform (the association's network), with thresholds and a limit the user sets."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from twinning.assessment import network, selectors
from twinning.assessment.forms import NetworkForm
from twinning.assessment.matching import DEFAULT_STRONG, DEFAULT_WEAK
from twinning.foundation import policy


def _matching(request, scores: dict, context: dict):
    form = NetworkForm(request.GET or None)
    strong, weak, limit = DEFAULT_STRONG, DEFAULT_WEAK, network.DEFAULT_LIMIT
    if form.is_bound and form.is_valid():
        strong, weak, limit = form.cleaned_data["strong"], form.cleaned_data["weak"], form.cleaned_data["limit"]
    result = network.assign(scores, strong=strong, weak=weak, limit=limit)
    by_learner: dict[str, list] = {}
    for match in result.matches:
        by_learner.setdefault(match.learner, []).append(match)
    return render(
        request,
        "assessment/network.html",
        {
            **context,
            "form": form,
            "strong": strong,
            "weak": weak,
            "limit": limit,
            "scored": sorted(scores),
            "by_learner": sorted(by_learner.items()),
            "matches": result.matches,
            "unmatched": result.unmatched,
        },
    )


@login_required
@require_GET
def municipality_network(request, municipality: str):
    centre = policy.get_network_municipality_for_user(request.user, municipality)
    around = selectors.network_of(centre)
    return _matching(request, selectors.network_scores(around), {"centre": centre, "network": around})


@login_required
@require_GET
def whole_network(request):
    if not policy.can_view_whole_network(request.user):
        raise Http404
    return _matching(request, selectors.network_scores(None), {"centre": None, "network": None})
