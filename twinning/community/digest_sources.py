"""The community's sources of the members' digest: new feed posts and new comments.

Each returns, for one member, what appeared since ``since`` in the partnerships of their
municipalities (``policy.member_partnerships_of``: platform admins too see only those), not
written by themselves and not hidden, newest first (one query each).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from twinning.community.models import Comment, Post
from twinning.foundation import policy
from twinning.foundation.digest import DigestItem

LIMIT = 20


def new_posts(user, since: dt.datetime) -> list[DigestItem]:
    posts = (
        Post.objects.filter(
            partnership__in=policy.member_partnerships_of(user), created_at__gt=since, hidden_at__isnull=True
        )
        .exclude(author=user)
        .select_related("partnership", "municipality")
        .order_by("-created_at")[:LIMIT]
    )
    return [
        DigestItem(
            title=post.headline(100),
            url=settings.SITE_URL + reverse("community:post", args=[post.partnership.slug, post.pk]),
            when=post.created_at,
            partnership=post.partnership.name,
        )
        for post in posts
    ]


def new_comments(user, since: dt.datetime) -> list[DigestItem]:
    comments = (
        Comment.objects.filter(
            partnership__in=policy.member_partnerships_of(user),
            created_at__gt=since,
            hidden_at__isnull=True,
            post__hidden_at__isnull=True,
        )
        .exclude(author=user)
        .select_related("partnership", "author", "story")
        .order_by("-created_at")[:LIMIT]
    )
    items = []
    for comment in comments:
        slug = comment.partnership.slug
        if comment.post_id:
            url = reverse("community:post", args=[slug, comment.post_id])
        else:
            url = reverse("community:story", args=[slug, comment.story_id])
        who = comment.author.full_name if comment.author and comment.author.full_name else _("A member")
        items.append(
            DigestItem(
                title=f"{who}: {comment.text[:100]}",
                url=f"{settings.SITE_URL}{url}#comments",
                when=comment.created_at,
                partnership=comment.partnership.name,
            )
        )
    return items
