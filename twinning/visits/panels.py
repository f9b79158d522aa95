"""The work-visits panel of the partnership page: members only, one query."""

from __future__ import annotations

from twinning.foundation import policy
from twinning.visits import selectors


def next_visit_panel(request, partnership) -> dict | None:
    """The next upcoming visit for staff and coordinators of a member; None (no panel) for anyone else."""
    if not policy.can_view_visits(request.user, partnership):
        return None
    return {"next": selectors.next_visit(partnership), "slug": partnership.slug}
