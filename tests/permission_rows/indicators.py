"""Permission rows of the indicators app: the library is public, a partnership's selection,
figures and dashboard are for its members, proposals and decisions for its coordinators, and
each municipality's figures for its own staff and coordinators."""

from __future__ import annotations

from django.core.files.base import ContentFile

from tests.indicators.factories import IndicatorFactory, SelectionFactory
from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.indicators.models import ImportBatch, LibraryIndicator, Selection


def rows(world) -> dict:
    a, b = world["a"], world["b"]
    public, private = world["partnership"], world["private"]
    library = LibraryIndicator.objects.get(code="L-06-01", owner__isnull=True)
    own = IndicatorFactory(owner=public, code="AB-01")
    hidden = IndicatorFactory(owner=private, code="CD-01")
    selected = SelectionFactory(partnership=public, indicator=library, proposed_by=a, decided_by=b)
    SelectionFactory(partnership=public, indicator=own, proposed_by=a, status=Selection.Status.PROPOSED)
    batch = ImportBatch.objects.filter(partnership=public, municipality=a, filename="matrix.csv").first()
    if batch is None:
        batch = ImportBatch(partnership=public, municipality=a, filename="matrix.csv")
        batch.file.save("matrix.csv", ContentFile(b"indicator;year;value\nL-06-01;2020;71,5\n"))
    members = {CI, SA, CA, CB, AD}
    not_ours = {**everyone(404), V: LOGIN, AD: 200}
    post_only = {**everyone(405), V: LOGIN}
    return {
        **api_rows(world),
        "indicators:library": [({}, everyone(200), "the public library")],
        "indicators:indicator": [
            ({"pk": library.pk}, everyone(200), "library indicator"),
            ({"pk": own.pk}, {**everyone(200), V: 404}, "own indicator of a partnership: its members"),
            ({"pk": hidden.pk}, {**everyone(404), AD: 200}, "own indicator of another partnership"),
        ],
        "indicators:partnership": [
            ({"slug": public.slug}, only(members), "selection page: members of every role"),
            ({"slug": private.slug}, not_ours, "selection page of another partnership"),
        ],
        "indicators:propose": [({"slug": public.slug}, post_only, "propose needs POST")],
        "indicators:decide": [({"slug": public.slug, "pk": selected.pk}, post_only, "decide needs POST")],
        "indicators:comment": [({"slug": public.slug, "pk": selected.pk}, post_only, "comments need POST")],
        "indicators:custom": [
            ({"slug": public.slug}, only({CA, CB, AD}), "own indicators: coordinators"),
            ({"slug": private.slug}, not_ours, "own indicators of another partnership"),
        ],
        "indicators:dashboard": [
            ({"slug": public.slug}, only(members), "dashboard: members only in this slice"),
            ({"slug": private.slug}, not_ours, "dashboard of another partnership"),
        ],
        "indicators:export": [
            ({"slug": public.slug}, only(members), "CSV of the figures: members"),
            ({"slug": private.slug}, not_ours, "CSV of another partnership"),
        ],
        "indicators:export_xlsx": [
            ({"slug": public.slug}, only(members), "XLSX of the figures: members"),
            ({"slug": private.slug}, not_ours, "XLSX of another partnership"),
        ],
        "indicators:opensdg": [
            ({"slug": public.slug, "pk": selected.pk, "municipality": a.slug}, only(members), "Open SDG file: members"),
            (
                {"slug": public.slug, "pk": selected.pk, "municipality": "nowhere"},
                {**everyone(404), V: LOGIN},
                "no such member",
            ),
        ],
        "indicators:import_columns": [
            (
                {"slug": public.slug, "municipality": a.slug, "batch": batch.pk},
                only({SA, CA, AD}),
                "A maps its columns",
            ),
            (
                {"slug": public.slug, "municipality": b.slug, "batch": batch.pk},
                {**only({CB, AD}), CB: 404, AD: 404},
                "A's import is not under B",
            ),
        ],
        "indicators:selection": [
            ({"slug": public.slug, "pk": selected.pk}, only(members), "selected indicator"),
            ({"slug": public.slug, "pk": 999999}, {**everyone(404), V: LOGIN}, "no such selection"),
        ],
        "indicators:baseline": [
            ({"slug": public.slug, "pk": selected.pk, "municipality": a.slug}, only({SA, CA, AD}), "A's own figures"),
            ({"slug": public.slug, "pk": selected.pk, "municipality": b.slug}, only({CB, AD}), "B's own figures"),
        ],
        "indicators:import_upload": [
            ({"slug": public.slug, "municipality": a.slug}, only({SA, CA, AD}), "A imports its own values"),
            ({"slug": public.slug, "municipality": b.slug}, only({CB, AD}), "B imports its own values"),
            ({"slug": private.slug, "municipality": world["c"].slug}, not_ours, "another partnership"),
        ],
        "indicators:import_preview": [
            ({"slug": public.slug, "municipality": a.slug, "batch": batch.pk}, only({SA, CA, AD}), "A's import"),
            (
                {"slug": public.slug, "municipality": b.slug, "batch": batch.pk},
                {**only({CB, AD}), CB: 404, AD: 404},
                "A's import is not under B",
            ),
        ],
        "indicators:measurements": [
            ({"slug": public.slug, "pk": selected.pk, "municipality": a.slug}, only({SA, CA, AD}), "A's values"),
            ({"slug": public.slug, "pk": selected.pk, "municipality": b.slug}, only({CB, AD}), "B's values"),
        ],
    }


def api_rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    members = {CI, SA, CA, CB, AD}
    return {
        "api:indicator_library": [({}, everyone(200), "library API")],
        "api:indicator_detail": [
            ({"indicator_id": LibraryIndicator.objects.get(code="L-06-01").pk}, everyone(200), "library indicator"),
            ({"indicator_id": 999999}, everyone(404), "no such indicator"),
        ],
        "api:indicator_selections": [
            ({"slug": public.slug}, {**only(members), V: 404}, "selections: members"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "selections of another partnership"),
        ],
        "api:indicator_propose": [
            ({"slug": public.slug}, {**only(members), V: 404}, "same path as the selections: GET lists them"),
        ],
        "api:indicator_record": [
            ({"slug": public.slug}, {**only(members), V: 404}, "same path as the measurements: GET lists them"),
        ],
        "api:indicator_decide": [
            ({"slug": public.slug, "selection_id": 1}, everyone(405), "deciding needs POST"),
        ],
        "api:indicator_target": [
            ({"slug": public.slug, "selection_id": 1}, everyone(405), "setting a target needs PUT"),
        ],
        "api:indicator_measurements": [
            ({"slug": public.slug}, {**only(members), V: 404}, "measurements: members"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "measurements of another partnership"),
        ],
    }
