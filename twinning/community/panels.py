"""The "Latest stories" panel of the partnership page: one query, published stories only."""

from __future__ import annotations

from twinning.community import selectors


def latest_stories_panel(request, partnership) -> dict:
    """The three newest published stories; the partnership page itself already checked visibility."""
    return {"stories": selectors.latest_stories(partnership), "slug": partnership.slug}
