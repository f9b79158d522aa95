"""Background work: read and map one stored document, writing its progress on the row so that a
reload (or another tab) sees how far it is (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from twinning.mapper import actions


@task()
def map_document(document_id: int) -> str:
    """Extract (for files) and map the document; returns its final status."""
    return actions.document_process(document_id)
