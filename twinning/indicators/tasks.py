"""Background work of the indicators app (django-tasks): importing a checked file of measurements."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from twinning.indicators import actions, importstate
from twinning.indicators.models import ImportBatch


@task()
def run_import(batch_id: int, user_id: int | None = None) -> dict:
    """Import one queued batch, reporting progress after every chunk of rows."""
    batch = ImportBatch.objects.select_related("partnership", "municipality").get(pk=batch_id)
    if batch.status != ImportBatch.Status.QUEUED:
        return batch.result  # already taken by another worker
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None

    def progress(done: int, total: int) -> None:
        importstate.report(batch_id, "writing", done, total)

    importstate.report(batch_id, "reading", 0, 0)
    try:
        return actions.import_commit(batch, user=user, progress=progress)
    except actions.ImportRefused:
        return batch.result  # the problems are shown on the batch's page
    except Exception:
        actions.import_mark_failed(batch_id)
        raise
