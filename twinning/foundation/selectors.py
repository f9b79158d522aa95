"""Reads for the partnership pages, each a fixed number of queries whatever the data size."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from twinning.foundation import policy
from twinning.foundation.models import Municipality, Partnership, PartnershipMember
from twinning.sdg.links import prefetch_links

PAGE_SIZE = 24


def with_members(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    return queryset.prefetch_related(
        Prefetch("memberships", queryset=PartnershipMember.objects.select_related("municipality"))
    )


def partnership_list(user, *, country: str | None = None, sdg: int | None = None) -> QuerySet[Partnership]:
    queryset = policy.partnerships_visible_to(user)
    if country:
        queryset = queryset.filter(memberships__municipality__country=country)
    if sdg:
        queryset = queryset.filter(sdg_links__goal__number=sdg)
    if country or sdg:
        queryset = queryset.distinct()
    return prefetch_links(with_members(queryset)).order_by("slug")


def partnership_countries(user) -> list[str]:
    visible = policy.partnerships_visible_to(user).values("pk")
    return sorted(
        set(
            Municipality.objects.filter(partnership_memberships__partnership__in=visible)
            .values_list("country", flat=True)
            .distinct()
        )
    )


def partnership_page(user, slug: str) -> Partnership:
    queryset = prefetch_links(with_members(Partnership.objects.all()))
    return policy.get_partnership_for_user(user, slug, queryset=queryset)


def members(partnership: Partnership) -> list[Municipality]:
    return [membership.municipality for membership in partnership.memberships.all()]
