"""Reads of the community pages, each in a constant number of queries."""

from __future__ import annotations

from django.db.models import QuerySet

from twinning.community.models import CitizenPhoto, Hero, SdgPhoto, Story
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import filter_by_goal, prefetch_links
from twinning.sdg.models import Goal


def stories(partnership: Partnership, *, sdg: int | None = None, municipality: str | None = None) -> QuerySet[Story]:
    """Published stories, newest first, with their municipality and SDG links (3 queries)."""
    queryset = Story.objects.filter(partnership=partnership, is_published=True).select_related("municipality")
    if municipality:
        queryset = queryset.filter(municipality__slug=municipality)
    return prefetch_links(filter_by_goal(queryset, sdg))


def latest_stories(partnership: Partnership, count: int = 3) -> list[Story]:
    return list(Story.objects.filter(partnership=partnership, is_published=True).select_related("municipality")[:count])


def members(partnership: Partnership) -> list[Municipality]:
    return list(
        Municipality.objects.filter(partnership_memberships__partnership=partnership).order_by(
            "partnership_memberships__order", "name"
        )
    )


def side_by_side(goals: list[Goal], members: list[Municipality], items) -> list[dict]:
    """Rows per goal with one cell per member municipality (items grouped by (municipality, goal number)).

    Only goals with at least one item get a row.
    """
    grouped: dict[tuple[int, int], list] = {}
    for item in items:
        grouped.setdefault((item.municipality_id, item.goal.number), []).append(item)
    rows = []
    for goal in goals:
        cells = [{"municipality": m, "items": grouped.get((m.pk, goal.number), [])} for m in members]
        if any(cell["items"] for cell in cells):
            rows.append({"goal": goal, "cells": cells})
    return rows


def heroes(members: list[Municipality]) -> list[Hero]:
    return list(Hero.objects.filter(municipality__in=[m.pk for m in members]).select_related("goal"))


def photos(members: list[Municipality]) -> list[SdgPhoto]:
    return list(SdgPhoto.objects.filter(municipality__in=[m.pk for m in members]).select_related("goal"))


def approved_citizen_photos(members: list[Municipality], count: int = 60) -> list[CitizenPhoto]:
    """The newest approved citizens' pictures of the members (one query)."""
    return list(
        CitizenPhoto.objects.filter(
            municipality__in=[m.pk for m in members], status=CitizenPhoto.Status.APPROVED
        ).select_related("goal", "municipality")[:count]
    )


def moderation_queue(municipality_ids: list[int]) -> list[CitizenPhoto]:
    return list(
        CitizenPhoto.objects.filter(
            municipality__in=municipality_ids, status=CitizenPhoto.Status.PENDING
        ).select_related("goal", "municipality")[:100]
    )
