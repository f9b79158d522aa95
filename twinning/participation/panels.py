"""The participation panel of the partnership page: a link only, so it adds no query to a page
that is at its query budget."""

from __future__ import annotations


def participation_panel(request, partnership) -> dict:
    return {"slug": partnership.slug}
