"""The indicators panel of the partnership page: members only in this slice."""

from __future__ import annotations

from twinning.foundation import policy
from twinning.indicators import selectors


def panel_context(request, partnership) -> dict | None:
    """None for non-members (no query: roles and members are already loaded); for members a
    summary in three queries (selections, baselines, measurements)."""
    if not policy.can_view_indicator_work(request.user, partnership):
        return None
    return {"partnership": partnership, **selectors.panel_summary(partnership)}
