"""The one SDG-link mechanism: write, read, filter and count links of any content.

A feature model adds ``sdg_links = GenericRelation("sdg.SdgLink")``; its forms use
``twinning.sdg.forms.SdgLinkField`` and its write functions call ``set_links``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from twinning.sdg.models import Goal, LocalTarget, SdgLink, Target


@dataclass(frozen=True)
class SdgSelection:
    goals: frozenset[int] = field(default_factory=frozenset)
    targets: frozenset[str] = field(default_factory=frozenset)  # official codes, "6.1"
    local_targets: frozenset[int] = field(default_factory=frozenset)  # LocalTarget ids

    def __bool__(self) -> bool:
        return bool(self.goals or self.targets or self.local_targets)


def goal_selection(numbers: Iterable[int]) -> SdgSelection:
    """The selection of these goal numbers, as the API's writes receive them; a ValidationError on
    ``sdgs`` when one of them is not 1 to 17."""
    numbers = frozenset(numbers)
    if any(not 1 <= number <= 17 for number in numbers):
        raise ValidationError({"sdgs": _("SDGs are numbered 1 to 17.")})
    return SdgSelection(goals=numbers)


def selection_for(obj: models.Model) -> SdgSelection:
    links = SdgLink.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("goal", "target")
    goals, targets, local_targets = set(), set(), set()
    for link in links:
        goals.add(link.goal.number)
        if link.target_id:
            targets.add(link.target.code)
        if link.local_target_id:
            local_targets.add(link.local_target_id)
    return SdgSelection(frozenset(goals), frozenset(targets), frozenset(local_targets))


@transaction.atomic
def set_links(obj: models.Model, selection: SdgSelection) -> list[SdgLink]:
    """Replace the object's links by the selection. A target brings its goal along."""
    content_type = ContentType.objects.get_for_model(obj)
    goals = {goal.number: goal for goal in Goal.objects.all()}
    targets = {t.code: t for t in Target.objects.filter(code__in=selection.targets).select_related("goal")}
    local_targets = {
        lt.pk: lt for lt in LocalTarget.objects.filter(pk__in=selection.local_targets).select_related("target__goal")
    }
    unknown = (set(selection.goals) - set(goals)) | (set(selection.targets) - set(targets))
    if unknown or set(selection.local_targets) - set(local_targets):
        raise ValueError(f"unknown SDG references: {sorted(map(str, unknown))}")

    rows: list[SdgLink] = []
    covered: set[int] = set()
    for local in local_targets.values():
        rows.append(SdgLink(goal=local.target.goal, target=local.target, local_target=local))
        covered.add(local.target.goal.number)
    local_parents = {local.target.code for local in local_targets.values()}
    for code, target in sorted(targets.items()):
        if code not in local_parents:
            rows.append(SdgLink(goal=target.goal, target=target))
        covered.add(target.goal.number)
    rows.extend(SdgLink(goal=goals[number]) for number in sorted(selection.goals) if number not in covered)
    SdgLink.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    for row in rows:
        row.content_type = content_type
        row.object_id = obj.pk
    return SdgLink.objects.bulk_create(rows)


def filter_by_goal(queryset: models.QuerySet, number: int | None) -> models.QuerySet:
    """Content linked to a goal; the model must carry ``sdg_links``."""
    if not number:
        return queryset
    return queryset.filter(sdg_links__goal__number=number).distinct()


def prefetch_links(queryset: models.QuerySet) -> models.QuerySet:
    return queryset.prefetch_related(
        models.Prefetch(
            "sdg_links",
            queryset=SdgLink.objects.select_related("goal", "target", "local_target").order_by("goal__number"),
        )
    )


def goal_numbers(links: Iterable[SdgLink]) -> list[int]:
    return sorted({link.goal.number for link in links})


def goal_shares(links: Iterable[SdgLink]) -> dict[int, float]:
    """How much each goal is linked, relative to the most-linked goal (0..1), for the wheel."""
    counts = Counter(link.goal.number for link in links)
    top = max(counts.values(), default=0)
    return {number: count / top for number, count in counts.items()} if top else {}
