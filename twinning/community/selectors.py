"""Reads of the community pages, each in a constant number of queries."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from twinning.community import scoreboard
from twinning.community.models import (
    Challenge,
    CitizenPhoto,
    Comment,
    Contribution,
    Hero,
    Post,
    Reaction,
    Report,
    SdgPhoto,
    Story,
)
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import filter_by_goal, goal_numbers, prefetch_links
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


# --- Challenges ---------------------------------------------------------------------------


def challenges(partnership: Partnership) -> list[Challenge]:
    """All challenges of the partnership with their SDG links (2 queries)."""
    return list(prefetch_links(Challenge.objects.filter(partnership=partnership)))


def standings(challenge: Challenge, members: list[Municipality]) -> list[dict]:
    """The scoreboard rows, leader first (one query for the totals)."""
    totals = dict(
        Contribution.objects.filter(challenge=challenge)
        .order_by()
        .values("municipality_id")
        .annotate(total=Sum("amount"))
        .values_list("municipality_id", "total")
    )
    populations = {int(mid): population for mid, population in challenge.populations.items()}
    by_id = {m.pk: m for m in members}
    rows = scoreboard.standings(
        [m.pk for m in members],
        {mid: Decimal(total) for mid, total in totals.items()},
        populations,
        per_capita=challenge.scoring == Challenge.Scoring.PER_CAPITA,
    )
    return [{"municipality": by_id[row.municipality_id], "standing": row} for row in rows]


def recent_contributions(challenge: Challenge, count: int = 20) -> list[Contribution]:
    return list(challenge.contributions.select_related("municipality", "author")[:count])


# --- Joint feed ---------------------------------------------------------------------------


def feed(posts: QuerySet[Post]) -> QuerySet[Post]:
    """Posts with their municipality, author and the number of visible comments (one query per page)."""
    return (
        posts.select_related("municipality", "author")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden_at__isnull=True)))
        .order_by("-created_at", "-pk")
    )


def reaction_counts(posts: list[Post], user) -> None:
    """Put ``reactions_summary`` [(kind, label, count, mine)] on each post (two queries for the page)."""
    ids = [post.pk for post in posts]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for post_id, kind, count in (
        Reaction.objects.filter(post__in=ids).values_list("post_id", "kind").annotate(n=Count("pk")).order_by()
    ):
        counts[post_id][kind] = count
    mine: set[tuple[int, str]] = set()
    if user.is_authenticated:
        mine = set(Reaction.objects.filter(post__in=ids, user=user).values_list("post_id", "kind"))
    for post in posts:
        post.reactions_summary = [
            (kind, label, counts[post.pk].get(kind, 0), (post.pk, kind) in mine)
            for kind, label in Reaction.Kind.choices
        ]


def comments_of(
    *, post: Post | None = None, story: Story | None = None, moderator: bool = False, user=None
) -> list[Comment]:
    """Visible comments, oldest first; moderators and each comment's author also see hidden ones, marked."""
    queryset = Comment.objects.filter(post=post) if post is not None else Comment.objects.filter(story=story)
    if not moderator:
        own = Q(author_id=user.pk) if user is not None and user.is_authenticated else Q(pk__in=[])
        queryset = queryset.filter(Q(hidden_at__isnull=True) | own)
    return list(queryset.select_related("author"))


def moderation_items(partnership: Partnership) -> dict:
    """Open reports (with what they are about) and everything hidden, for the coordinators' queue."""
    reports = list(
        Report.objects.filter(partnership=partnership, resolved_at__isnull=True).select_related(
            "reporter", "post__author", "comment__author"
        )[:200]
    )
    hidden_posts = list(
        Post.objects.filter(partnership=partnership, hidden_at__isnull=False).select_related("author")[:100]
    )
    hidden_comments = list(
        Comment.objects.filter(partnership=partnership, hidden_at__isnull=False).select_related("author")[:100]
    )
    return {"reports": reports, "hidden_posts": hidden_posts, "hidden_comments": hidden_comments}


def exhibit_content(partnership: Partnership, members: list[Municipality]) -> dict:
    """What the exhibit panels show, in a fixed number of queries (stories, links, heroes, photos,
    challenges, links, the partnership's own SDGs)."""
    stories = prefetch_links(Story.objects.filter(partnership=partnership, is_published=True))
    challenges_ = prefetch_links(Challenge.objects.filter(partnership=partnership))
    return {
        "stories": [(s.municipality_id, goal_numbers(s.sdg_links.all()), s.title) for s in stories],
        "heroes": heroes(members),
        "photos": photos(members),
        "challenges": [(goal_numbers(c.sdg_links.all()), c.title) for c in challenges_],
        "partnership_goals": set(partnership.sdg_links.values_list("goal__number", flat=True)),
    }
