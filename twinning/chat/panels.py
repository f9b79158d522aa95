"""The chat panel of the partnership page: members only, no query (the page is at its query
budget; the room itself marks what is new since the last visit)."""

from __future__ import annotations

from twinning.foundation import policy


def chat_panel(request, partnership) -> dict | None:
    if not policy.can_chat(request.user, partnership):
        return None
    return {"slug": partnership.slug}
