"""Background work of the indicators app (django-tasks): importing a checked file of measurements,
and the daily reminder to staff that a yearly measurement is due."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from twinning.foundation import policy
from twinning.foundation.models import PartnershipMember
from twinning.indicators import actions, importstate
from twinning.indicators.due import reminder_due
from twinning.indicators.models import BaselineTarget, ImportBatch, Measurement, Reminder, Selection


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


@task()
def send_measurement_reminders(today_iso: str | None = None) -> int:
    """E-mail the staff and coordinators of each member municipality whose value of a selected
    indicator is due and missing; each (indicator, municipality, year) once. Returns how many
    e-mails were sent."""
    today = date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    selections = list(
        Selection.objects.filter(status=Selection.Status.ACCEPTED).select_related("indicator", "partnership")
    )
    ids = [s.pk for s in selections]
    members = defaultdict(list)
    for link in PartnershipMember.objects.filter(
        partnership_id__in={s.partnership_id for s in selections}
    ).select_related("municipality"):
        members[link.partnership_id].append(link.municipality)
    latest = {
        (row["indicator_id"], row["municipality_id"]): row["last"]
        for row in Measurement.objects.filter(indicator_id__in={s.indicator_id for s in selections})
        .values("indicator_id", "municipality_id")
        .annotate(last=Max("year"))
    }
    baselines = {
        (b.selection_id, b.municipality_id): b.baseline_year
        for b in BaselineTarget.objects.filter(selection_id__in=ids)
    }
    reminded = defaultdict(set)
    for selection_id, municipality_id, year in Reminder.objects.filter(selection_id__in=ids).values_list(
        "selection_id", "municipality_id", "year"
    ):
        reminded[(selection_id, municipality_id)].add(year)
    recipients = defaultdict(list)
    for municipality_id, email in (
        policy.figure_recorders().exclude(user__email="").values_list("municipality_id", "user__email")
    ):
        recipients[municipality_id].append(email)
    sent = 0
    for selection in selections:
        first_year = (selection.decided_at or selection.created_at).year
        for municipality in members[selection.partnership_id]:
            key = (selection.pk, municipality.pk)
            year = reminder_due(
                today,
                latest_measured=latest.get((selection.indicator_id, municipality.pk)),
                first_year=baselines.get(key, first_year),
                reminded=reminded[key],
            )
            if year is None or not recipients[municipality.pk]:
                continue
            try:
                with transaction.atomic():  # claim the reminder first, so two runs never send it twice
                    Reminder.objects.create(selection=selection, municipality=municipality, year=year)
            except IntegrityError:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                url = settings.SITE_URL + reverse(
                    "indicators:measurements", args=[selection.partnership.slug, selection.pk, municipality.slug]
                )
                subject = _("The %(year)s value of %(code)s is due for %(name)s") % {
                    "year": year, "code": selection.indicator.code, "name": municipality.name,
                }  # fmt: skip
                body = render_to_string(
                    "indicators/email/measurement_due.txt",
                    {"selection": selection, "municipality": municipality, "year": year, "url": url},
                )
            send_mail(subject, body, None, sorted(set(recipients[municipality.pk])))
            sent += 1
    return sent
