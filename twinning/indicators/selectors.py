"""Reads for the indicator pages, each a fixed number of queries whatever the data size.

``partnership_scores`` is the seam other apps may use (an SDG index reading normalised goal
scores): it returns plain numbers per municipality and goal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from twinning.foundation import policy
from twinning.foundation.models import Municipality, Partnership
from twinning.indicators.models import BaselineTarget, LibraryIndicator, Measurement, Selection
from twinning.indicators.normalise import Colour, goal_colour, goal_score, normalise, rating
from twinning.indicators.progress import Progress, Status, progress
from twinning.sdg.links import filter_by_goal, prefetch_links
from twinning.sdg.models import SdgLink
from twinning.sdg.selectors import all_goals

SEARCH_LANGUAGES = ("en", "nl", "fr", "es")


def library(user, *, sdg: int | None = None, q: str = "") -> QuerySet[LibraryIndicator]:
    queryset = filter_by_goal(policy.indicators_visible_to(user), sdg)
    q = q.strip()
    if q:
        match = Q(code__icontains=q)
        for code in SEARCH_LANGUAGES:
            match |= Q(**{f"name__{code}__icontains": q}) | Q(**{f"definition__{code}__icontains": q})
        queryset = queryset.filter(match)
    return prefetch_links(queryset).select_related("owner").order_by("owner_id", "code")


def members(partnership: Partnership) -> list[Municipality]:
    return [membership.municipality for membership in partnership.memberships.all()]


def with_member_municipalities(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    from twinning.foundation.models import PartnershipMember

    return queryset.prefetch_related(
        Prefetch("memberships", queryset=PartnershipMember.objects.select_related("municipality"))
    )


def selections(partnership: Partnership) -> list[Selection]:
    """Every selection of the partnership with its indicator and SDG links: two queries."""
    links = Prefetch(
        "indicator__sdg_links", queryset=SdgLink.objects.select_related("goal", "target").order_by("goal__number")
    )
    return list(
        Selection.objects.filter(partnership=partnership)
        .select_related("indicator", "proposed_by", "decided_by")
        .prefetch_related(links)
        .order_by("indicator__code")
    )


def selectable_indicators(partnership: Partnership) -> QuerySet[LibraryIndicator]:
    """Library and the partnership's own indicators not yet proposed or selected (declined ones may return)."""
    taken = Selection.objects.filter(partnership=partnership).exclude(status=Selection.Status.DECLINED)
    return (
        LibraryIndicator.objects.filter(Q(owner__isnull=True) | Q(owner=partnership))
        .exclude(pk__in=taken.values("indicator_id"))
        .order_by("owner_id", "code")
    )


@dataclass
class Cell:
    """One selected indicator in one municipality."""

    municipality: Municipality
    baseline: BaselineTarget | None
    series: list[tuple[int, float]]
    latest: tuple[int, float] | None
    progress: Progress
    score: float | None
    colour: Colour | None

    @property
    def status(self) -> Status:
        return self.progress.status


@dataclass
class Row:
    selection: Selection
    indicator: LibraryIndicator
    goals: list[int]
    cells: list[Cell] = field(default_factory=list)


def _cell(indicator: LibraryIndicator, municipality, baseline: BaselineTarget | None, series) -> Cell:
    latest = series[-1] if series else None
    start = (baseline.baseline_year, baseline.baseline_value) if baseline else (series[0] if series else None)
    if latest and start:
        result = progress(
            baseline_year=start[0],
            baseline_value=start[1],
            latest_year=latest[0],
            latest_value=latest[1],
            higher_is_better=indicator.higher_is_better,
            target_year=baseline.target_year if baseline else None,
            target_value=baseline.target_value if baseline else None,
        )
    else:
        result = Progress(Status.INSUFFICIENT, "")
    score = colour = None
    if latest:
        score = normalise(latest[1], indicator.lower_bound, indicator.optimum)
        colour = rating(
            latest[1],
            lower_bound=indicator.lower_bound,
            optimum=indicator.optimum,
            green=indicator.green_threshold,
            red=indicator.red_threshold,
        )
    return Cell(municipality, baseline, series, latest, result, score, colour)


def dashboard_rows(partnership: Partnership, *, selection_id: int | None = None, with_goals: bool = True) -> list[Row]:
    """Selected indicators with each member's baseline, series, status, score and colour.

    Queries: selections with indicators (1), their SDG links (1, skipped without ``with_goals``),
    baselines (1), measurements (1); members come prefetched with the partnership.
    """
    municipalities = members(partnership)
    accepted = Selection.objects.filter(partnership=partnership, status=Selection.Status.ACCEPTED)
    if selection_id is not None:
        accepted = accepted.filter(pk=selection_id)
    links = Prefetch(
        "indicator__sdg_links", queryset=SdgLink.objects.select_related("goal", "target").order_by("goal__number")
    )
    accepted = accepted.select_related("indicator").order_by("indicator__code")
    chosen = list(accepted.prefetch_related(links) if with_goals else accepted)
    if not chosen:
        return []
    baselines = {
        (row.selection_id, row.municipality_id): row
        for row in BaselineTarget.objects.filter(selection__in=[s.pk for s in chosen])
    }
    series: dict[tuple[int, int], list[tuple[int, float]]] = defaultdict(list)
    for indicator_id, municipality_id, year, value in (
        Measurement.objects.filter(
            indicator_id__in=[s.indicator_id for s in chosen],
            municipality_id__in=[m.pk for m in municipalities],
            sex="",
            age_group="",
        )
        .order_by("year")
        .values_list("indicator_id", "municipality_id", "year", "value")
    ):
        series[(indicator_id, municipality_id)].append((year, value))
    rows = []
    for selection in chosen:
        indicator = selection.indicator
        goals = sorted({link.goal.number for link in indicator.sdg_links.all()}) if with_goals else []
        row = Row(selection, indicator, goals)
        for municipality in municipalities:
            row.cells.append(
                _cell(
                    indicator,
                    municipality,
                    baselines.get((selection.pk, municipality.pk)),
                    series.get((indicator.pk, municipality.pk), []),
                )
            )
        rows.append(row)
    return rows


def goal_colours(rows: list[Row], municipalities: list[Municipality]) -> list[dict]:
    """Per goal that has selected indicators: the dashboard colour and mean score of each member."""
    by_goal: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        for number in row.goals:
            by_goal[number].append(row)
    goals = {goal.number: goal for goal in all_goals()}
    result = []
    for number in sorted(by_goal):
        entries = []
        for index, municipality in enumerate(municipalities):
            cells = [row.cells[index] for row in by_goal[number]]
            entries.append(
                {
                    "municipality": municipality,
                    "colour": goal_colour(cell.colour for cell in cells),
                    "score": goal_score(cell.score for cell in cells if cell.score is not None),
                    "count": len(cells),
                }
            )
        result.append({"goal": goals.get(number), "number": number, "members": entries})
    return result


def partnership_scores(partnership: Partnership) -> dict[int, dict[int, float]]:
    """Seam for an SDG index: {municipality id: {goal number: mean normalised score 0..100}}."""
    rows = dashboard_rows(partnership)
    scores: dict[int, dict[int, float]] = {}
    for entry in goal_colours(rows, members(partnership)):
        for member in entry["members"]:
            if member["score"] is not None:
                scores.setdefault(member["municipality"].pk, {})[entry["number"]] = member["score"]
    return scores


def panel_summary(partnership: Partnership) -> dict:
    """For the partnership page: how many indicators are selected and how many cells are on track."""
    rows = dashboard_rows(partnership, with_goals=False)
    good = {Status.ON_TRACK, Status.ACHIEVED}
    return {
        "selected": len(rows),
        "on_track": sum(1 for row in rows for cell in row.cells if cell.status in good),
        "cells": sum(len(row.cells) for row in rows),
    }


def export_rows(partnership: Partnership) -> list[tuple]:
    """Every measurement of the members for the selected indicators: one query."""
    accepted = Selection.objects.filter(partnership=partnership, status=Selection.Status.ACCEPTED)
    return list(
        Measurement.objects.filter(
            indicator_id__in=accepted.values("indicator_id"),
            municipality_id__in=[m.pk for m in members(partnership)],
        )
        .order_by("indicator__code", "municipality__slug", "year", "sex", "age_group")
        .values_list("indicator__code", "municipality__slug", "year", "sex", "age_group", "value", "source", "note")
    )


def comments(selection_id: int) -> list:
    """The follow-up discussion of a selected indicator, oldest first: one query."""
    from twinning.indicators.models import Comment

    return list(Comment.objects.filter(selection_id=selection_id).select_related("author", "municipality"))
