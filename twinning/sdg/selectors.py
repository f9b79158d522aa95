"""Reads of the SDG reference data. Goals are cached: they change only when an operator reloads them."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from twinning.sdg.models import Goal, Indicator, Target

GOALS_CACHE_KEY = "sdg:goals:v1"
STRIP_CACHE_KEY = "sdg:tile-strip:v1"


def all_goals() -> list[Goal]:
    goals = cache.get(GOALS_CACHE_KEY)
    if goals is None:
        goals = list(Goal.objects.all())
        cache.set(GOALS_CACHE_KEY, goals, 60 * 60 * 24)
    return goals


def forget_cached_goals() -> None:
    """After the texts are reloaded: the goal list and the rendered tile strips are rebuilt."""
    cache.delete_many([GOALS_CACHE_KEY, *(f"{STRIP_CACHE_KEY}:{code}" for code, _name in settings.LANGUAGES)])


def goal_with_targets(number: int) -> Goal:
    """One goal with its targets and their indicators: three queries."""
    indicators = Prefetch("indicators", queryset=Indicator.objects.order_by("order"))
    targets = Prefetch("targets", queryset=Target.objects.order_by("order").prefetch_related(indicators))
    return Goal.objects.prefetch_related(targets).get(number=number)


def goals_with_targets() -> QuerySet[Goal]:
    indicators = Prefetch("indicators", queryset=Indicator.objects.order_by("order"))
    targets = Prefetch("targets", queryset=Target.objects.order_by("order").prefetch_related(indicators))
    return Goal.objects.prefetch_related(targets)


def targets_by_goal() -> dict[int, list[Target]]:
    grouped: dict[int, list[Target]] = {}
    for target in Target.objects.select_related("goal").order_by("goal__number", "order"):
        grouped.setdefault(target.goal.number, []).append(target)
    return grouped


def sdg_counts() -> dict[str, int]:
    return {
        "goals": Goal.objects.count(),
        "targets": Target.objects.count(),
        "indicators": Indicator.objects.count(),
    }
