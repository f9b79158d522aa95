"""Background work: e-mail reminders to the owners of open agreements (django-tasks)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from twinning.visits.models import Agreement
from twinning.visits.reminders import reminder_due


@task()
def send_agreement_reminders(today_iso: str | None = None) -> int:
    """Send the reminders that are due and remember them; returns how many were sent."""
    today = date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    sent = 0
    agreements = (
        Agreement.objects.filter(status=Agreement.Status.OPEN)
        .exclude(owner_email="")
        .select_related("visit__partnership", "visit__host", "owner_municipality")
    )
    for agreement in agreements:
        kind = reminder_due(
            agreement.deadline,
            today,
            reminded_before=agreement.reminded_before,
            reminded_after=agreement.reminded_after,
        )
        if kind is None:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            url = settings.SITE_URL + reverse(
                "visits:memo", kwargs={"slug": agreement.visit.partnership.slug, "pk": agreement.visit_id}
            )
            subject = (
                _("Reminder: an agreement is due on %(date)s")
                if kind == "before"
                else _("Overdue: an agreement was due on %(date)s")
            ) % {"date": agreement.deadline.isoformat()}
            body = render_to_string(
                "visits/email/agreement_reminder.txt", {"agreement": agreement, "kind": kind, "url": url}
            )
        with transaction.atomic():
            field = "reminded_before" if kind == "before" else "reminded_after"
            # claim the reminder first, so two workers never send it twice
            claimed = Agreement.objects.filter(pk=agreement.pk, **{f"{field}__isnull": True}).update(**{field: today})
            if claimed:
                send_mail(subject, body, None, [agreement.owner_email])
                sent += 1
    return sent
