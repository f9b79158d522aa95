"""Reads for the mapper pages."""

from __future__ import annotations

from twinning.foundation import policy
from twinning.mapper.models import MappedDocument


def document_list(user, partnership):
    """The documents the user may see, newest first, without their (long) text and passages."""
    return (
        policy.documents_visible_to(user, partnership)
        .select_related("owner")
        .defer("text", "result")
        .order_by("-created_at", "-pk")
    )


def finished_documents(user, partnership):
    """Mapped documents the user may see, with their results (for the comparison)."""
    return (
        policy.documents_visible_to(user, partnership)
        .filter(status=MappedDocument.Status.DONE)
        .select_related("owner")
        .defer("text")
        .order_by("-created_at", "-pk")
    )
