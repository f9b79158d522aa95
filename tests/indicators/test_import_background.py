"""Imports run as a background task with a progress bar; a failed or killed import leaves no rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.indicators.factories import SelectionFactory
from twinning.indicators import actions, importstate
from twinning.indicators.models import ImportBatch, LibraryIndicator, Measurement

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
TWELVE_ROWS = b"indicator;year;value\n" + b"".join(f"L-06-01;{2000 + i};{i},5\n".encode() for i in range(12))


def test_a_running_import_that_went_silent_is_shown_as_stopped():
    assert importstate.stage("running", NOW - timedelta(seconds=30), None, NOW) == "running"
    assert importstate.stage("running", NOW - timedelta(hours=1), NOW - timedelta(seconds=5), NOW) == "running"
    assert importstate.stage("running", NOW - timedelta(hours=1), NOW - timedelta(minutes=3), NOW) == "stalled"
    assert importstate.stage("running", None, None, NOW) == "stalled"
    # no report at all (the worker's cache is not ours): only a start long ago counts
    assert importstate.stage("running", NOW - timedelta(minutes=5), None, NOW) == "running"
    assert importstate.stage("running", NOW - timedelta(minutes=20), None, NOW) == "stalled"
    assert importstate.stage("done", NOW - timedelta(hours=1), None, NOW) == "done"


def test_progress_reports_give_a_percentage():
    assert importstate.Report("writing", 5, 12, NOW).percent == 42
    assert importstate.Report("reading", 0, 0, NOW).percent == 0


@pytest.fixture
def batch(world):
    cache.clear()
    water = LibraryIndicator.objects.get(code="L-06-01")
    SelectionFactory(partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"])
    return actions.import_create(
        partnership=world["partnership"], municipality=world["a"], upload=SimpleUploadedFile("v.csv", TWELVE_ROWS)
    )


def page(world, batch) -> str:
    return f"/en/partnerships/{world['partnership'].slug}/indicators/import/{world['a'].slug}/{batch.pk}/"


def test_an_import_killed_after_some_rows_leaves_none_and_shows_as_stopped(client, world, batch):
    written = []

    def killed(done: int, total: int) -> None:
        written.append(done)
        if done >= 5:
            raise KeyboardInterrupt("the worker was killed")  # not an Exception: nothing catches it

    with pytest.raises(KeyboardInterrupt):
        actions.import_commit(batch, progress=killed, chunk=5)
    assert written == [0, 5]  # five rows were written inside the transaction, then it died
    assert not Measurement.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.RUNNING and batch.committed_at is None
    ImportBatch.objects.filter(pk=batch.pk).update(started_at=timezone.now() - timedelta(minutes=20))
    client.force_login(world["staff_a"])
    body = client.get(page(world, batch)).content.decode()
    assert "The import stopped before it finished" in body and "Nothing of this file was saved." in body
    assert "Import all rows" not in body and "hx-get" not in body


def test_an_import_that_fails_in_the_worker_is_marked_failed_and_leaves_no_rows(client, world, batch, monkeypatch):
    def broken(batch_id, phase, done, total):
        if done:
            raise RuntimeError("the database went away")

    monkeypatch.setattr(actions, "CHUNK", 5)
    monkeypatch.setattr(importstate, "report", broken)
    client.force_login(world["staff_a"])
    assert client.post(page(world, batch)).status_code == 302
    assert not Measurement.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "The import failed. Nothing of this file was saved." in client.get(page(world, batch)).content.decode()


def test_the_progress_bar_polls_while_running_and_survives_a_reload(client, world, batch):
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING, started_at=timezone.now())
    importstate.report(batch.pk, "writing", 5000, 20000)
    client.force_login(world["staff_a"])
    full = client.get(page(world, batch)).content.decode()  # a reload: the whole page
    assert "Importing: 5000 of 20000 values written." in full
    assert 'value="25"' in full and 'hx-trigger="every 1s"' in full and "htmx.min.js" in full
    fragment = client.get(page(world, batch), headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<div id="import-progress"') and "<html" not in fragment


def test_a_batch_is_imported_once(client, world, batch):
    client.force_login(world["staff_a"])
    client.post(page(world, batch))
    again = client.post(page(world, batch), follow=True)
    assert "This file is already imported or being imported." in again.content.decode()
    assert Measurement.objects.count() == 12
    done = client.get(page(world, batch)).content.decode()
    assert "Import done: 12 new values, 0 changed, 0 unchanged." in done and "hx-get" not in done


def test_columns_cannot_be_mapped_once_the_import_started(world, batch):
    actions.import_commit(batch)
    with pytest.raises(actions.IndicatorError):
        actions.import_map_columns(batch, columns={"year": 1})
