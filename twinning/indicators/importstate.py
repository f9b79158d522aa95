"""Where a background import is: its progress reports (kept in the cache, since the rows are
written inside one transaction that other connections cannot see into) and the rule that says
when a running import has stopped for good.

``stage`` is pure: a batch is "stalled" when it says running but has sent no report for
``STALE_AFTER``, which happens only when the worker died (a kill, a crash, a restart). The
transaction then never committed, so it wrote nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

STALE_AFTER = timedelta(minutes=2)
SILENT_STALE_AFTER = timedelta(minutes=15)
KEEP_FOR = 60 * 60 * 24  # seconds a report stays in the cache


@dataclass(frozen=True)
class Report:
    phase: str  # "reading" or "writing"
    done: int
    total: int
    at: datetime

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0


def _key(batch_id: int) -> str:
    return f"indicators:import:{batch_id}"


def report(batch_id: int, phase: str, done: int, total: int) -> None:
    cache.set(_key(batch_id), (phase, done, total, timezone.now().isoformat()), KEEP_FOR)


def last_report(batch_id: int) -> Report | None:
    found = cache.get(_key(batch_id))
    if not found:
        return None
    phase, done, total, at = found
    return Report(phase, done, total, datetime.fromisoformat(at))


def stage(status: str, started_at: datetime | None, last: datetime | None, now: datetime) -> str:
    """The status to show: the stored one, or "stalled" for a running import gone silent.

    Without any report (a cache the worker does not share, e.g. per-process memory), only a
    start long ago (``SILENT_STALE_AFTER``) counts as stalled."""
    if status != "running":
        return status
    if started_at is None:
        return "stalled"
    if last is None:
        return "stalled" if now - started_at > SILENT_STALE_AFTER else "running"
    return "stalled" if now - max(started_at, last) > STALE_AFTER else "running"
