"""Every indicator page keeps a constant query count (at most 15) with 3 or 30 indicators and 3 or 10 years."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.indicators.factories import BaselineFactory, IndicatorFactory, MeasurementFactory, SelectionFactory
from twinning.indicators import actions
from twinning.indicators.models import ImportBatch, LibraryIndicator, Selection

BUDGET = 15


def fill(world, indicators: int, years: int) -> Selection:
    partnership, a, b = world["partnership"], world["a"], world["b"]
    library = list(LibraryIndicator.objects.filter(owner__isnull=True).order_by("code")[:indicators])
    for number, indicator in enumerate(library):
        selection = SelectionFactory(partnership=partnership, indicator=indicator, proposed_by=a, decided_by=b)
        for municipality in (a, b):
            BaselineFactory(selection=selection, municipality=municipality, baseline_year=2010, baseline_value=40)
            for year in range(2011, 2011 + years):
                MeasurementFactory(
                    indicator=indicator, municipality=municipality, year=year, value=40 + number + year % 7
                )
                MeasurementFactory(indicator=indicator, municipality=municipality, year=year, value=20, sex="female")
    for index in range(indicators):
        IndicatorFactory(owner=partnership, code=f"OWN-{indicators}-{index}")
    SelectionFactory(partnership=partnership, indicator=IndicatorFactory(owner=partnership, code=f"P-{indicators}"),
                     proposed_by=a, status=Selection.Status.PROPOSED)  # fmt: skip
    return Selection.objects.filter(partnership=partnership, status="accepted").order_by("pk").first()


def batch_for(world, rows: int) -> ImportBatch:
    content = "indicator;year;value\n" + "".join(f"L-01-01;{1990 + i};{i},5\n" for i in range(rows))
    return actions.import_create(
        partnership=world["partnership"], municipality=world["a"], upload=SimpleUploadedFile("v.csv", content.encode())
    )


def pages(world, selection: Selection, batch: ImportBatch) -> dict[str, str]:
    slug, a = world["partnership"].slug, world["a"].slug
    base = f"/en/partnerships/{slug}/indicators/"
    return {
        # session, user, roles, goals (cache), count, page of indicators, their SDG links with goal and target
        "library": "/en/indicators/",
        "library filtered": "/en/indicators/?sdg=6&q=water",
        # session, user, roles, own partnerships subquery in the indicator, its SDG links
        "indicator": f"/en/indicators/{selection.indicator_id}/",
        # session, user, partnership, members, roles, selections with indicators, SDG links, selectable indicators
        "selection list": base,
        # session, user, partnership, members, roles, one selection, its SDG links, baselines, measurements,
        # the discussion
        "selection": f"{base}{selection.pk}/",
        # session, user, partnership, members, roles, selections, SDG links, baselines, measurements, goals
        "dashboard": f"{base}dashboard/",
        # session, user, partnership, members, roles, the selection, the municipality's baseline
        "baseline": f"{base}{selection.pk}/baseline/{a}/",
        # session, user, partnership, members, roles, the selection, the municipality's measurements
        "measurements": f"{base}{selection.pk}/measurements/{a}/",
        # session, user, partnership, members, roles, measurements
        "export": f"{base}export.csv",
        # session, user, partnership, members, roles, local targets, goals and targets of the SDG picker
        "custom": f"{base}custom/",
        # session, user, partnership, members, roles, accepted indicator codes
        "import": f"{base}import/{a}/",
        # session, user, partnership, members, roles, the batch, accepted indicator codes
        "import preview": f"{base}import/{a}/{batch.pk}/",
        # session, user, partnership, members, roles, the batch, accepted indicator codes
        "import columns": f"{base}import/{a}/{batch.pk}/columns/",
        # session, user, partnership, members, roles, measurements
        "export xlsx": f"{base}export.xlsx",
        # session, user, partnership, members, roles, the selection, its measurements
        "open sdg": f"{base}{selection.pk}/opensdg/{a}.csv",
        # the partnership page with the indicators panel for a member
        "partnership page": f"/en/partnerships/{slug}/",
        "api library": "/api/v1/indicators/library?limit=100",
        "api selections": f"/api/v1/indicators/partnerships/{slug}/selections",
        "api measurements": f"/api/v1/indicators/partnerships/{slug}/measurements?limit=1000",
    }


def count(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_indicator_pages_stay_within_budget_and_do_not_grow_with_data(client, world):
    client.force_login(world["coordinator_a"])
    selection = fill(world, indicators=3, years=3)
    small_pages = pages(world, selection, batch_for(world, 3))
    for url in small_pages.values():
        client.get(url)  # warm the per-process content-type cache once
    small = {name: count(client, url) for name, url in small_pages.items()}
    fill(world, indicators=30, years=10)
    large = {name: count(client, url) for name, url in pages(world, selection, batch_for(world, 30)).items()}
    for name in small:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} queries with 3 indicators, {large[name]} with 30"
