"""Writes on indicators: custom indicators, proposals and decisions, baselines and targets,
measurements. Each validates before it writes and runs in one transaction; permission checks
happen in the policy module before these are called."""

from __future__ import annotations

import math
from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.foundation.models import Municipality, Partnership
from twinning.indicators.discussion import MAX_LENGTH as MAX_COMMENT
from twinning.indicators.discussion import clean_comment
from twinning.indicators.library import thresholds_problem
from twinning.indicators.models import (
    FIRST_YEAR,
    LAST_YEAR,
    AgeGroup,
    BaselineTarget,
    Comment,
    ImportBatch,
    LibraryIndicator,
    Measurement,
    Selection,
    Sex,
)
from twinning.indicators.tableimport import Parsed, parse
from twinning.sdg.links import SdgSelection, set_links


class IndicatorError(ValueError):
    """A write that the rules do not allow; the message is translated for the user."""


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise IndicatorError(
            _("Enter a year between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )


@transaction.atomic
def custom_indicator_create(
    *, partnership: Partnership, data: dict, sdgs: SdgSelection, created_by=None
) -> LibraryIndicator:
    """A partnership's own indicator, visible to its members only."""
    problem = thresholds_problem(
        data["direction"], data["optimum"], data["lower_bound"], data["green_threshold"], data["red_threshold"]
    )
    if problem:
        raise IndicatorError(_("The optimum, lower bound and thresholds do not fit the direction."))
    if LibraryIndicator.objects.filter(owner=partnership, code=data["code"]).exists():
        raise IndicatorError(
            _("This partnership already has an indicator with code %(code)s.") % {"code": data["code"]}
        )
    indicator = LibraryIndicator.objects.create(owner=partnership, created_by=created_by, **data)
    set_links(indicator, sdgs)
    return indicator


@transaction.atomic
def selection_propose(
    *, partnership: Partnership, indicator: LibraryIndicator, municipality: Municipality, user=None, reason: str = ""
) -> Selection:
    """One member proposes; a declined indicator may be proposed again."""
    if indicator.owner_id not in (None, partnership.pk):
        raise IndicatorError(_("This indicator belongs to another partnership."))
    if municipality.pk not in {m.municipality_id for m in partnership.memberships.all()}:
        raise IndicatorError(_("Only a member municipality can propose indicators."))
    selection = Selection.objects.select_for_update().filter(partnership=partnership, indicator=indicator).first()
    if selection is not None and selection.status != Selection.Status.DECLINED:
        raise IndicatorError(
            _("%(code)s is already proposed or selected for this partnership.") % {"code": indicator.code}
        )
    selection = selection or Selection(partnership=partnership, indicator=indicator)
    selection.status = Selection.Status.PROPOSED
    selection.proposed_by = municipality
    selection.proposer = user
    selection.reason = reason
    selection.decided_by = selection.decider = selection.decided_at = None
    selection.created_at = timezone.now()
    selection.save()
    return selection


@transaction.atomic
def selection_decide(*, selection: Selection, municipality: Municipality, accept: bool, user=None) -> Selection:
    """A coordinator of another member accepts or declines; nobody accepts her own municipality's proposal."""
    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if selection.status != Selection.Status.PROPOSED:
        raise IndicatorError(_("This proposal has already been decided."))
    if municipality.pk == selection.proposed_by_id:
        raise IndicatorError(_("The partner municipality decides on your proposal, not the municipality that made it."))
    selection.status = Selection.Status.ACCEPTED if accept else Selection.Status.DECLINED
    selection.decided_by = municipality
    selection.decider = user
    selection.decided_at = timezone.now()
    selection.save(update_fields=["status", "decided_by", "decider", "decided_at"])
    return selection


@transaction.atomic
def baseline_set(
    *,
    selection: Selection,
    municipality: Municipality,
    baseline_year: int,
    baseline_value: float,
    target_year: int | None = None,
    target_value: float | None = None,
) -> BaselineTarget:
    """The municipality's own baseline and target for a selected indicator (its own row)."""
    if selection.status != Selection.Status.ACCEPTED:
        raise IndicatorError(_("Set baselines and targets once both partners have selected the indicator."))
    _check_year(baseline_year)
    if (target_year is None) != (target_value is None):
        raise IndicatorError(_("Give both the target year and the target value, or neither."))
    if target_year is not None:
        _check_year(target_year)
        if target_year <= baseline_year:
            raise IndicatorError(_("The target year must come after the baseline year."))
    row, _created = BaselineTarget.objects.update_or_create(
        selection=selection,
        municipality=municipality,
        defaults={
            "baseline_year": baseline_year,
            "baseline_value": baseline_value,
            "target_year": target_year,
            "target_value": target_value,
        },
    )
    return row


@transaction.atomic
def measurement_record(
    *,
    indicator: LibraryIndicator,
    municipality: Municipality,
    year: int,
    value: float,
    sex: str = "",
    age_group: str = "",
    source: str = "",
    note: str = "",
    user=None,
) -> tuple[Measurement, bool]:
    """Upsert by (indicator, municipality, year, sex, age group); returns (row, created)."""
    _check_year(year)
    if not math.isfinite(value):
        raise IndicatorError(_("Enter a number, such as 12.5 or 12,5."))
    if sex not in Sex.values or age_group not in AgeGroup.values:
        raise IndicatorError(_("Choose the sex and age group from the list."))
    return Measurement.objects.update_or_create(
        indicator=indicator,
        municipality=municipality,
        year=year,
        sex=sex,
        age_group=age_group,
        defaults={"value": value, "source": source, "note": note, "entered_by": user},
    )


def comment_add(*, selection: Selection, body: str, author=None, municipality: Municipality | None = None) -> Comment:
    """A message in the selected indicator's follow-up discussion, stored as cleaned plain text."""
    if selection.status != Selection.Status.ACCEPTED:
        raise IndicatorError(_("Only indicators both partners selected have a discussion."))
    text = clean_comment(body)
    if not text:
        raise IndicatorError(_("Write a comment first."))
    if len(text) > MAX_COMMENT:
        raise IndicatorError(_("A comment has at most %(max)s characters.") % {"max": MAX_COMMENT})
    return Comment.objects.create(selection=selection, body=text, author=author, municipality=municipality)


class ImportRefused(IndicatorError):
    """The file has problems; nothing was written."""

    def __init__(self, parsed: Parsed):
        super().__init__(_("The file has problems; nothing was imported."))
        self.parsed = parsed


def import_codes(partnership: Partnership) -> dict[str, int]:
    """Codes of the partnership's selected indicators -> indicator ids."""
    return dict(
        Selection.objects.filter(partnership=partnership, status=Selection.Status.ACCEPTED).values_list(
            "indicator__code", "indicator_id"
        )
    )


def import_create(*, partnership: Partnership, municipality: Municipality, upload, user=None) -> ImportBatch:
    extension = "xlsx" if upload.name.lower().endswith(".xlsx") else "csv"
    batch = ImportBatch(
        partnership=partnership, municipality=municipality, filename=upload.name[:200], uploaded_by=user
    )
    batch.file.save(f"{partnership.slug}-{municipality.slug}.{extension}", upload, save=False)
    batch.save()
    return batch


def import_parse(batch: ImportBatch) -> Parsed:
    with batch.file.open("rb") as handle:
        data = handle.read()
    return parse(
        data,
        indicator_codes=set(import_codes(batch.partnership)),
        municipality_slug=batch.municipality.slug,
        mapping=batch.mapping,
    )


def import_map_columns(batch: ImportBatch, *, columns: dict[str, int], indicator: str = "") -> ImportBatch:
    """The user's answer to "which column is which"; only before the import starts."""
    if batch.status != ImportBatch.Status.PENDING:
        raise IndicatorError(_("This file is already being imported; upload it again to change the columns."))
    batch.mapping = {"columns": columns, "indicator": indicator}
    batch.save(update_fields=["mapping"])
    return batch


def import_enqueue(batch: ImportBatch, *, user=None) -> ImportBatch:
    """Hand the import to a background worker; the page then follows its progress."""
    from twinning.indicators.tasks import run_import

    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PENDING).update(
        status=ImportBatch.Status.QUEUED
    )
    if not claimed:
        raise IndicatorError(_("This file is already imported or being imported."))
    run_import.enqueue(batch.pk, user.pk if user is not None else None)
    batch.refresh_from_db(fields=["status", "started_at", "committed_at", "result"])
    return batch


def _no_progress(done: int, total: int) -> None:
    pass


CHUNK = 5000


def import_commit(
    batch: ImportBatch, *, user=None, progress: Callable[[int, int], None] = _no_progress, chunk: int = CHUNK
) -> dict[str, int]:
    """All rows or none: upsert by (indicator, municipality, year, sex, age group).

    The step to ``running`` is committed first, so the pages see the import start; the rows
    and the step to ``done`` are one transaction, so an import that fails or is killed halfway
    writes nothing (and a batch left ``running`` shows as stopped, see importstate)."""
    batch.status, batch.started_at = ImportBatch.Status.RUNNING, timezone.now()
    batch.save(update_fields=["status", "started_at"])
    parsed = import_parse(batch)
    if not parsed.ok:
        batch.status = ImportBatch.Status.FAILED
        batch.result = {"problems": len(parsed.problems)}
        batch.save(update_fields=["status", "result"])
        raise ImportRefused(parsed)
    ids = import_codes(batch.partnership)
    with transaction.atomic():
        existing = {
            (indicator_id, year, sex, age_group): (value, source, note)
            for indicator_id, year, sex, age_group, value, source, note in Measurement.objects.filter(
                indicator_id__in={ids[row.indicator] for row in parsed.rows},
                municipality=batch.municipality,
                year__in={row.year for row in parsed.rows},
            ).values_list("indicator_id", "year", "sex", "age_group", "value", "source", "note")
        }
        writes, created, unchanged = [], 0, 0
        for row in parsed.rows:
            key = (ids[row.indicator], row.year, row.sex, row.age_group)
            current = existing.get(key)
            kept = current or (0.0, "", "")
            values = (
                row.value,
                kept[1] if row.source is None else row.source,
                kept[2] if row.note is None else row.note,
            )
            if current == values:
                unchanged += 1
                continue
            created += current is None
            writes.append((key, row.year, row.sex, row.age_group, values))
        total = len(writes)
        progress(0, total)
        stamp = connection.ops.adapt_datetimefield_value(timezone.now())
        user_id = user.pk if user is not None else None
        municipality_id = batch.municipality_id
        for start in range(0, total, chunk):
            _upsert_measurements(
                [
                    (key[0], municipality_id, year, sex, age_group, value, source, note, user_id, stamp)
                    for key, year, sex, age_group, (value, source, note) in writes[start : start + chunk]
                ]
            )
            progress(min(start + chunk, total), total)
        batch.status, batch.committed_at = ImportBatch.Status.DONE, timezone.now()
        batch.result = {"created": created, "updated": total - created, "unchanged": unchanged}
        batch.save(update_fields=["status", "committed_at", "result"])
    return batch.result


UPSERT_COLUMNS = (
    "indicator_id", "municipality_id", "year", "sex", "age_group", "value", "source", "note", "entered_by_id",
    "updated_at",
)  # fmt: skip
UPSERT_KEY = ("indicator_id", "municipality_id", "year", "sex", "age_group")


def _upsert_measurements(rows: list[tuple]) -> None:
    """INSERT … ON CONFLICT DO UPDATE for many rows at once, without a model object per row.

    PostgreSQL gets one statement per chunk, each column as an array (``unnest``); SQLite one
    prepared statement run for every row (``executemany``, fast in-process). The ORM's
    bulk_create(update_conflicts=True) costs several times as much, and the import of 100,000
    rows must stay under 20 s (decision 0015). Table and column names come from the model;
    every value is a query parameter."""
    if not rows:
        return
    quote = connection.ops.quote_name
    fields = [Measurement._meta.get_field(name.removesuffix("_id")) for name in UPSERT_COLUMNS]
    updates = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in UPSERT_COLUMNS if c not in UPSERT_KEY)
    insert = f"INSERT INTO {quote(Measurement._meta.db_table)} ({', '.join(map(quote, UPSERT_COLUMNS))}) "
    conflict = f" ON CONFLICT ({', '.join(map(quote, UPSERT_KEY))}) DO UPDATE SET {updates}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            arrays = ", ".join(f"%s::{field.cast_db_type(connection)}[]" for field in fields)
            columns = [list(column) for column in zip(*rows, strict=True)]
            cursor.execute(f"{insert}SELECT * FROM unnest({arrays}){conflict}", columns)  # noqa: S608
        else:
            cursor.executemany(f"{insert}VALUES ({', '.join(['%s'] * len(fields))}){conflict}", rows)  # noqa: S608


def import_mark_failed(batch_id: int) -> None:
    """After an unexpected error: the transaction rolled back, so nothing was written."""
    ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.RUNNING).update(status=ImportBatch.Status.FAILED)
