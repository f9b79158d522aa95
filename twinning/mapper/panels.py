"""The mapper panel of the partnership page: a link for staff and coordinators of a member."""

from __future__ import annotations

from twinning.foundation import policy


def mapper_panel(request, partnership) -> dict | None:
    if not policy.can_use_mapper(request.user, partnership):
        return None
    return {"slug": partnership.slug}
