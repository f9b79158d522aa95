"""The indicator demo data: plausible, marked as invented, idempotent, and showing every status."""

from __future__ import annotations

import pytest

from twinning.foundation import demo as foundation_demo
from twinning.foundation.models import Partnership
from twinning.indicators import demo, selectors
from twinning.indicators.models import BaselineTarget, Comment, Measurement, Selection
from twinning.indicators.progress import Status


@pytest.mark.django_db
def test_demo_partnerships_get_8_to_15_indicators_with_5_to_10_years_and_every_status():
    foundation_demo.seed(1)
    demo.seed(1)
    seen = set()
    for slug in demo.PLANS:
        partnership = selectors.with_member_municipalities(Partnership.objects.filter(slug=slug)).get()
        rows = selectors.dashboard_rows(partnership)
        assert 8 <= len(rows) <= 15, slug
        for row in rows:
            for cell in row.cells:
                assert 5 <= len(cell.series) <= 10, (slug, row.indicator.code)
                seen.add(cell.status)
    assert seen >= {Status.ACHIEVED, Status.ON_TRACK, Status.ACCELERATION, Status.LIMITED, Status.DETERIORATION}
    assert not Measurement.objects.exclude(note__startswith="Demo data").exists()
    assert Selection.objects.filter(status=Selection.Status.PROPOSED).count() == 1


@pytest.mark.django_db
def test_seeding_the_demo_twice_changes_nothing():
    foundation_demo.seed(1)
    demo.seed(1)
    before = (
        Selection.objects.count(),
        BaselineTarget.objects.count(),
        list(Measurement.objects.values_list("value", flat=True).order_by("pk")),
        list(Comment.objects.values_list("body", flat=True).order_by("pk")),
    )
    assert before[3] and all(body.startswith("Demo data:") for body in before[3])
    demo.seed(1)
    after = (
        Selection.objects.count(),
        BaselineTarget.objects.count(),
        list(Measurement.objects.values_list("value", flat=True).order_by("pk")),
        list(Comment.objects.values_list("body", flat=True).order_by("pk")),
    )
    assert before == after
