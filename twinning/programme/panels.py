"""The programme panel of the partnership page: members only, one query."""

from __future__ import annotations

from twinning.foundation import policy


def programme_panel(request, partnership) -> dict | None:
    """The partnership's most recent programme for staff and coordinators of a member; None otherwise."""
    if not policy.can_view_programme(request.user, partnership):
        return None
    return {"latest": partnership.programmes.order_by("-start_year", "pk").first(), "slug": partnership.slug}
